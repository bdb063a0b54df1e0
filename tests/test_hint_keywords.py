"""Hints and code actions quote spec syntax in the keyword set of the spec they are about."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from plandsl.core.i18n import set_language

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = ROOT / "specs" / "ctxh-2021-2030" / "national.plan"

pytestmark = pytest.mark.skipif(not NATIONAL.exists(), reason="needs specs/ctxh-2021-2030")

# Below the parent on `staffing` (AM001), leaves `children` out (CV001), an allow with no reason
# (AL001), a task with no lead (AG001).
CHILD_EN = """plan child_plan {
  level province
  jurisdiction "Tỉnh Gia Lai"
  issuer "Ủy ban nhân dân tỉnh Gia Lai"
  instrument "10/QĐ-UBND" dated 2026-03-02
  basis "Quyết định ban hành Chương trình" number "112/QĐ-TTg" dated 2021-01-22
  period 2021..2030
  phase p1 2021..2025
  phase p2 2026..2030
  implements ctxh_112
  objective staffing {
    unit %
    direction up
    target p1 >= 55%
    target p2 >= 90%
  }
  adopt trained, facilities, counselled
  allow AM001 on staffing
  task t1 {
    text "Tuyên truyền"
  }
}
"""


def _child(keywords: str) -> str:
    from plandsl.language.printer import format_text

    return format_text(CHILD_EN, "child.plan", keywords).formatted


@pytest.fixture(params=["vi", "en"])
def keywords(request):
    return request.param


@pytest.fixture
def checked(tmp_path, keywords):
    """(text, findings in child.plan) for the child written in ``keywords``, messages in Vietnamese."""
    from plandsl.check.pipeline import check_paths

    shutil.copy(NATIONAL, tmp_path / "national.plan")
    text = _child(keywords)
    (tmp_path / "child.plan").write_text(text, "utf-8")
    set_language("vi")
    try:
        result = check_paths([str(tmp_path)])
    finally:
        set_language(None)
    found = {d.code: d for d in result.diagnostics if d.span is not None and d.span.path.endswith("child.plan")}
    return tmp_path, text, found


EXPECTED = {
    "vi": {
        "AM001": 'chấp_nhận AM001 cho staffing "<lý do>"',
        "AL001": 'chấp_nhận AM001 cho staffing "<lý do>"',
        "AG001": '`chủ_trì "<cơ quan>"`',
        "CV001": '`áp_dụng children`',
    },
    "en": {
        "AM001": 'allow AM001 on staffing "<reason>"',
        "AL001": 'allow AM001 on staffing "<reason>"',
        "AG001": '`lead "<agency>"`',
        "CV001": '`adopt children`',
    },
}


def test_the_spec_is_in_the_keyword_set(checked, keywords):
    _, text, _found = checked
    assert text.startswith("kế_hoạch child_plan" if keywords == "vi" else "plan child_plan")


def test_hints_quote_the_keyword_set_of_the_spec(checked, keywords):
    _, _text, found = checked
    for code, quoted in EXPECTED[keywords].items():
        assert code in found, sorted(found)
        assert quoted in found[code].hint, (code, found[code].hint)
    # The message language stays Vietnamese whatever the keyword set.
    assert found["AM001"].hint.startswith("Nâng chỉ tiêu")


def test_a_vi_keyword_spec_gets_no_english_keyword_in_its_hints(checked, keywords):
    from plandsl.language.parser import keyword_table

    if keywords != "vi":
        pytest.skip("the check is about the Vietnamese keyword set")
    _, _text, found = checked
    english = {en for en, vi in keyword_table().values() if en != vi}
    for d in found.values():
        quoted = " ".join(re.findall(r"`([^`]*)`", d.hint or ""))
        quoted += " " + (d.hint or "").split(": ", 1)[-1] if d.code in ("AM001", "AL001") else ""
        words = set(re.findall(r"[A-Za-z_]+", re.sub(r'"[^"]*"', "", quoted)))
        assert not (words & english) - {"staffing", "children"}, (d.code, d.hint)


def test_the_quoted_syntax_parses_in_the_spec(checked, keywords):
    """The AL001 hint's line, put in place of the allow without reason, parses and has the reason."""
    from plandsl.language.parser import parse_text

    _, text, found = checked
    fix = found["AL001"].hint.split(": ", 1)[1]
    line = text.split("\n")[found["AL001"].span.line - 1]
    fixed = text.replace(line, "  " + fix)
    parsed = parse_text(fixed, "child.plan")
    assert parsed.plan is not None and not [d for d in parsed.diagnostics if d.code.startswith("PRS")]
    assert parsed.plan.lang == keywords
    assert [(a.code, a.on, a.reason) for a in parsed.plan.allows] == [("AM001", "staffing", "<lý do>" if keywords == "vi"
                                                                       else "<reason>")]


def test_code_actions_insert_text_that_parses(checked, keywords):
    from lsprotocol import types

    from plandsl.language.parser import parse_text
    from plandsl.lsp.features.actions import code_actions

    folder, text, found = checked
    plan = parse_text(text, "child.plan").plan
    whole = types.Range(types.Position(0, 0), types.Position(len(text.split("\n")), 0))
    actions = code_actions("file:///child.plan", text, plan, list(found.values()), whole)
    by_title = {a.title: a for a in actions}
    adopt = next(a for t, a in by_title.items() if "children" in t and a.edit is not None and "Record" not in t)
    record = next(a for t, a in by_title.items() if "AM001" in t and "staffing" in t)
    for action, check in ((adopt, lambda p: "children" in [a.objective_id for a in p.adoptions]),
                          (record, lambda p: any(a.code == "AM001" and a.reason for a in p.allows))):
        (edit,) = action.edit.changes["file:///child.plan"]
        assert edit.new_text.strip().split()[0] == ("áp_dụng" if keywords == "vi" else "adopt") or action is record
        lines = text.split("\n")
        at = edit.range.start.line
        after = "\n".join(lines[:at] + [edit.new_text.rstrip("\n")] + lines[at:])
        parsed = parse_text(after, "child.plan")
        assert not [d for d in parsed.diagnostics if d.code.startswith("PRS")], (edit.new_text, parsed.diagnostics)
        assert parsed.plan.lang == keywords  # no mixed keyword sets
        assert check(parsed.plan)


def test_hints_keep_the_keyword_set_when_the_findings_come_from_the_cache_store(tmp_path):
    """The deviation step runs on plan headers read back from the store: they carry the keyword set."""
    from plandsl.check.engine import Engine

    shutil.copy(NATIONAL, tmp_path / "national.plan")
    (tmp_path / "child.plan").write_text(_child("vi"), "utf-8")
    set_language("vi")
    try:
        hints = []
        for _run in range(2):
            engine = Engine.open([str(tmp_path)], None, cache=tmp_path / ".cache")
            hints.append([d.hint for d in engine.check().diagnostics if d.code == "AL001"])
    finally:
        set_language(None)
    assert hints[0] == hints[1] == ['Bổ sung lý do: chấp_nhận AM001 cho staffing "<lý do>"']


def test_snippet_leaves_ids_and_quoted_text_alone():
    from plandsl.language.snippets import snippet

    assert snippet('allow {code} on {id} "<reason>"', "vi", code="AM001", id="on") == \
        'chấp_nhận AM001 cho on "<lý do>"'
    assert snippet('`request "{name}" {{ text "..." }}`', "vi", name="Sở text") == \
        '`đề_nghị "Sở text" { nội_dung "..." }`'
    assert snippet('`request "{name}" {{ text "..." }}`', "en", name="Sở") == '`request "Sở" { text "..." }`'
