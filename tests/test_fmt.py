"""The canonical printer: round trips, idempotence, comments, keyword sets."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import plans, spec_texts

from plandsl.core.diagnostics import has_errors
from plandsl.language.printer import format_plan, format_text, number, quote
from plandsl.language.parser import parse_bytes, parse_text

ROOT = Path(__file__).resolve().parent.parent
SPECS = sorted((ROOT / "specs").rglob("*.plan"))

SAMPLE = """# test
plan qn_2021 {
  kind "Kế hoạch"
  level province
  jurisdiction "Tỉnh Quảng Ngãi" code "51"
  instrument "255/QĐ-UBND" dated 2021-04-19 {   # the decision
     place "Quảng Ngãi"
     proposal "23/TTr-SLĐTBXH" dated 2021-03-31 by "Sở Lao động - Thương binh và Xã hội"
  }
  period 2021..2030
  # before the phases
  phase p1 2021..2025 "Giai đoạn 2021-2025"
  phase p2 2026..2030
  implements ctxh_112
  objective trained {
    indicator "Tỷ lệ"
    unit %
    direction up
    target p1 >= 60%     # trailing on a target
    target p2 +30% vs 2025
    # before the closing brace
  }
  adopt staffing, children
  task t1 {
    text "abc" lead "Sở LĐTBXH"
    support "Sở Y tế", "Sở Tài chính"
    task t1a { text "sub" due "hằng năm" }  # after a one-line task
  }
  funding "Ngân sách" amount 15000000000 { text "x" }
  quantity q1 "Người" total 348 over 5 years average 70
  # moved with its statement
  recipients "Bộ LĐTBXH", "Lưu: VT"
  report semiannual before 10/6 to "Sở LĐTBXH"
}
# at the end
"""


def test_plain_absolute_targets_round_trip():
    # A target without '%' once crashed the parser; the generated specs below rely on it.
    assert _fmt("plan x { objective o { target 2030 50 } }") == "plan x {\n  objective o {\n    target 2030 50\n  }\n}\n"


def _plan(text: str):
    result = parse_text(text)
    assert result.plan is not None and not has_errors(result.diagnostics), result.diagnostics
    return result


def _fmt(text: str, lang: str | None = None) -> str:
    result = format_text(text, lang=lang)
    assert result.ok, result.diagnostics
    return result.formatted


def _comments(text: str) -> list[str]:
    return sorted(c.text.rstrip() for c in parse_bytes(text.encode("utf-8")).comments)


def test_sample_is_canonical_and_keeps_comments():
    out = _fmt(SAMPLE)
    assert _plan(out).plan == _plan(SAMPLE).plan
    assert _fmt(out) == out
    assert _comments(out) == _comments(SAMPLE)
    lines = out.split("\n")
    # Leading and trailing comments stay with their statements, even when the statement moves.
    assert lines[0] == "# test" and lines[1] == "plan qn_2021 {"
    assert '  instrument "255/QĐ-UBND" dated 2021-04-19 {  # the decision' in lines
    assert "    target p1 >= 60%  # trailing on a target" in lines
    i = lines.index("    # before the closing brace")
    assert lines[i + 1] == "  }"
    assert lines.index("  # moved with its statement") + 1 == lines.index('  recipients "Bộ LĐTBXH", "Lưu: VT"')
    assert lines.index("  # before the phases") + 1 == lines.index('  phase p1 2021..2025 "Giai đoạn 2021-2025"')
    assert "    }  # after a one-line task" in lines
    assert out.endswith("}\n# at the end\n")
    # Canonical spellings.
    assert "  adopt staffing, children\n" in out
    assert "amount 15_000_000_000 {" in out
    assert "    text \"abc\"\n    lead \"Sở LĐTBXH\"\n" in out
    # recipients come last although written before report.
    assert lines.index('  report semiannual before 10/6 to "Sở LĐTBXH"') < lines.index("  # moved with its statement")


def test_layout_basics():
    out = _fmt("\ufeffplan   x{kind \"a\"\r\n\r\n\r\n  level   tỉnh}")
    assert out == 'plan x {\n  kind "a"\n  level province\n}\n'


def test_translate_keyword_sets_both_ways():
    vi = _fmt(SAMPLE, lang="vi")
    assert vi.split("\n")[1] == "kế_hoạch qn_2021 {"
    assert "    chỉ_tiêu p1 >= 60%  # trailing on a target" in vi
    assert "  cấp tỉnh" in vi and "chiều tăng" in vi and "báo_cáo sáu_tháng trước 10/6" in vi
    vi_plan = _plan(vi).plan
    assert vi_plan.lang == "vi"
    assert vi_plan == _plan(SAMPLE).plan.__class__(**{**_fields(_plan(SAMPLE).plan), "lang": "vi"})
    assert _fmt(vi) == vi  # a Vietnamese spec stays Vietnamese
    assert _fmt(vi, lang="en") == _fmt(SAMPLE)


def _fields(plan):
    import attrs

    return {a.name: getattr(plan, a.name) for a in attrs.fields(type(plan))}


def test_spec_with_errors_is_not_formatted():
    result = format_text('plan x {\n  kind 3\n}\n')
    assert not result.ok and result.formatted is None
    assert [d.code for d in result.diagnostics] == ["PRS100"]
    mixed = format_text('plan x {\n  loại "a"\n}\n')
    assert not mixed.ok and [d.code for d in mixed.diagnostics] == ["PRS110"]


def test_atoms():
    assert number(__import__("decimal").Decimal("9999")) == "9999"
    assert number(__import__("decimal").Decimal("10000")) == "10_000"
    assert number(__import__("decimal").Decimal("1234567.50")) == "1_234_567.50"
    assert number(__import__("decimal").Decimal("-12345")) == "-12_345"
    assert quote('a "b" \\ c\nd\te') == '"a \\"b\\" \\\\ c\\nd\\te"'
    decomposed = unicodedata.normalize("NFD", "Tỉnh")
    assert quote(decomposed) == '"Tỉnh"'


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec_texts())
def test_messy_texts_format_to_the_same_plan(sample):
    text, plan = sample
    parsed = parse_text(text)
    assert not has_errors(parsed.diagnostics), (text, parsed.diagnostics)
    assert parsed.plan == plan
    out = _fmt(text)
    assert _plan(out).plan == plan
    assert _fmt(out) == out
    assert _comments(out) == _comments(text)
    assert out.endswith("\n") and not out.endswith("\n\n") and "\r" not in out


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_printed_models_parse_back(plan):
    out = format_plan(plan)
    assert _plan(out).plan == plan
    assert _fmt(out) == out
    other = "vi" if plan.lang == "en" else "en"
    translated = format_plan(plan, other)
    assert _plan(translated).plan.lang == other
    assert _fmt(translated, lang=plan.lang) == out


@pytest.mark.skipif(not SPECS, reason="no specs under specs/ yet")
@pytest.mark.parametrize("path", SPECS, ids=lambda p: str(p.relative_to(ROOT)))
def test_real_specs_round_trip(path):
    data = path.read_bytes()
    result = format_text(data.decode("utf-8"), str(path))
    if not result.ok:
        pytest.skip(f"{path.name} has errors (plandsl check reports them): {result.diagnostics[0].message}")
    out = result.formatted
    assert _plan(out).plan == parse_text(data.decode("utf-8")).plan
    assert _comments(out) == _comments(data.decode("utf-8"))
    # Once formatted, the file is a fixed point, byte for byte.
    assert format_text(out, str(path)).formatted.encode("utf-8") == out.encode("utf-8")
    assert _fmt(out, lang="vi" if "kế_hoạch" not in out else "en")  # translation works too


def test_fmt_command_check_and_write(tmp_path):
    from plandsl.cli import main

    spec = tmp_path / "a.plan"
    spec.write_bytes(SAMPLE.encode("utf-8"))
    bad = tmp_path / "b.plan"
    bad.write_bytes(b'plan y {\n  kind 3\n}\n')
    assert main(["fmt", "--check", str(spec)]) == 1
    assert spec.read_bytes() == SAMPLE.encode("utf-8")
    assert main(["fmt", str(spec), str(bad)]) == 1  # the bad file makes the run fail...
    assert spec.read_text("utf-8") == _fmt(SAMPLE)  # ...but the good one is written
    assert bad.read_bytes() == b'plan y {\n  kind 3\n}\n'  # and the bad one untouched
    assert main(["fmt", "--check", str(spec)]) == 0
    assert main(["fmt", "--lang", "vi", str(spec)]) == 0
    assert spec.read_text("utf-8").startswith("# test\nkế_hoạch qn_2021 {")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp files left
    assert os.path.exists(spec)


def test_list_statements_keep_their_grouping_and_comments():
    text = ('plan x {\n  adopt a, b   # unconfirmed\n  adopt c\n  task t {\n    support "A"  # one\n'
            '    serves a\n    support "B", "C"\n  }\n  implements p, q\n}\n')
    out = _fmt(text)
    assert "  adopt a, b  # unconfirmed\n  adopt c\n" in out
    assert '    support "A"  # one\n    support "B", "C"\n    serves a\n' in out
    assert "  implements p, q\n" in out
    assert _fmt(out) == out
    # Printed from a model alone, each list is one statement.
    assert "  adopt a, b, c\n" in format_plan(_plan(text).plan)
