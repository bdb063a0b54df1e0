"""The parser: model building, spans, keyword sets, and located errors."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from plandsl.language.model import Comparator, Level, Mode, Unit
from plandsl.language.parser import keyword_table, parse_bytes, parse_text

SPEC = '''# Quảng Ngãi (excerpt)
plan qng {
  kind "Kế hoạch"
  level province
  jurisdiction "Tỉnh Quảng Ngãi" code "51"
  instrument "255/QĐ-UBND" dated 2021-04-19 {
    place "Quảng Ngãi"
    signer "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
  }
  period 2021..2030
  phase p1 2021..2025 "Giai đoạn 2021-2025"
  implements ctxh_112
  objective counselled {
    unit %
    baseline 2020
    target p1 +20% vs 2020
    target 2030 at_least 95 %
  }
  task t1 {
    lead "Sở Lao động - Thương binh và Xã hội"
    support "Sở Y tế", "Sở Tài chính"
    task t1a { text "a" }
  }
  request "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" { text "Tuyên truyền" }
  quantity q "Cộng tác viên" total 348 over 5 years average 70
  report semiannual before 10/6 to "Sở LĐTBXH" # trailing comment
}
'''


def test_builds_the_model_with_spans():
    r = parse_text(SPEC, "qng.plan")
    assert r.diagnostics == ()
    p = r.plan
    assert (p.id, p.level, p.jurisdiction, p.jurisdiction_code) == ("qng", Level.PROVINCE, "Tỉnh Quảng Ngãi", "51")
    assert p.instrument.number == "255/QĐ-UBND" and p.instrument.date.isoformat() == "2021-04-19"
    assert p.instrument.signer == "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    assert p.period == (2021, 2030) and p.phases[0].label == "Giai đoạn 2021-2025"
    obj = p.objectives[0]
    assert obj.unit is Unit.PERCENT and obj.baseline_year == 2020
    rel, absolute = obj.targets
    assert (rel.value, rel.base_year, rel.relative) == (Decimal(20), 2020, True)
    assert (absolute.phase, absolute.comparator, absolute.percent) == (2030, Comparator.AT_LEAST, True)
    task = p.tasks[0]
    assert [a.name for a in task.supports] == ["Sở Y tế", "Sở Tài chính"]
    assert task.subtasks[0].id == "t1a"
    assert p.responsibilities[0].mode is Mode.REQUEST
    assert p.quantities[0].total == 348 and p.quantities[0].average == 70
    assert (p.reports[0].day, p.reports[0].month) == (10, 6)
    # Spans: 1-based, from the keyword.
    assert (rel.span.line, rel.span.col) == (16, 5)
    assert (task.leads[0].span.line, task.leads[0].span.col) == (20, 10)
    assert [c.text for c in r.comments] == ["# Quảng Ngãi (excerpt)", "# trailing comment"]


def test_spans_are_not_part_of_equality():
    a = parse_text(SPEC, "a.plan").plan
    b = parse_text("\n\n" + SPEC.replace("  ", "    "), "b.plan").plan
    assert a == b
    assert a.objectives[0].span != b.objectives[0].span


def test_vietnamese_keywords_give_the_same_model():
    table = keyword_table()
    assert table["objective"] == ("objective", "mục_tiêu") and table["lead"] == ("lead", "chủ_trì")
    vi = '''kế_hoạch qng {
      cấp tỉnh
      mục_tiêu staffing { đơn_vị % chiều tăng chỉ_tiêu 2025 tối_thiểu 50% }
      nhiệm_vụ t1 { chủ_trì "Sở Nội vụ" phối_hợp "Sở Y tế" }
    }'''
    en = '''plan qng {
      level province
      objective staffing { unit % direction up target 2025 at_least 50% }
      task t1 { lead "Sở Nội vụ" support "Sở Y tế" }
    }'''
    rv, re_ = parse_text(vi), parse_text(en)
    assert rv.diagnostics == re_.diagnostics == ()
    assert rv.plan.lang == "vi" and re_.plan.lang == "en"
    import attrs

    assert attrs.evolve(rv.plan, lang="en") == re_.plan


def test_mixing_keyword_sets_is_an_error():
    r = parse_text('kế_hoạch x {\n  cấp tỉnh\n  objective o { }\n}', "mix.plan")
    (d,) = r.diagnostics
    assert d.code == "PRS110" and (d.span.line, d.span.col) == (3, 3)
    assert "mục_tiêu" in d.hint


def test_syntax_error_is_located_with_expected_words_and_suggestion():
    r = parse_text("plan x {\n  level province\n  objectve o {}\n}", "bad.plan")
    assert r.plan is None
    (d,) = r.diagnostics
    assert d.code == "PRS100" and str(d.span) == "bad.plan:3:3"
    assert "expected one of" in d.message and "'objective'" in d.message
    assert d.hint == "Did you mean 'objective'?"


def test_unclosed_block_reports_end_of_file():
    (d,) = parse_text("plan x {\n  objective o {\n", "eof.plan").diagnostics
    assert d.code == "PRS102" and "'}'" in d.hint


def test_curly_quotes_get_a_hint():
    (d,) = parse_text('plan x { title “abc” }', "q.plan").diagnostics
    assert d.code == "PRS101" and "straight quotes" in d.hint


def test_bad_values_are_reported_with_did_you_mean():
    r = parse_text("plan x { level provence instrument \"1\" dated 2021-02-30 report yearly before 32/6 }")
    got = {(d.code, d.hint) for d in r.diagnostics}
    assert ("PRS120", "Did you mean 'province'?") in got
    assert ("PRS120", "Did you mean 'annual'?") in got
    assert {"PRS121", "PRS122"} <= {code for code, _ in got}


def test_duplicate_header_field():
    (d,) = parse_text("plan x { period 2021..2030 period 2021..2025 }").diagnostics
    assert d.code == "PRS130"


def test_non_utf8_is_an_error_with_location():
    (d,) = parse_bytes('plan x {\n title "Qu\xe1ng" }'.encode("latin-1"), "w.plan").diagnostics
    assert d.code == "PRS002" and (d.span.line, d.span.col) == (2, 11)
    assert "UTF-8" in d.hint


def test_bom_crlf_and_nfd_are_handled():
    text = unicodedata.normalize("NFD", '\ufeffplan x {\r\n  title "Quảng Ngãi"\r\n}\r\n')
    r = parse_bytes(text.encode("utf-8"), "nfd.plan")
    assert r.plan.title == unicodedata.normalize("NFC", "Quảng Ngãi")
    assert [d.code for d in r.diagnostics] == ["PRS004"]
    assert r.diagnostics[0].span.line == 2
