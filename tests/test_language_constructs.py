"""Semantics of the language's newer constructs: amendments and the plan in force on a date,
maintained targets, explicit no-target phases, not-comparable objectives (docs/LANGUAGE.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from plandsl.inherit.resolve import Status, parent_expectation, resolve
from plandsl.language.model import is_collective
from plandsl.report.explain import explain_plan
from resolving import plan, spec_set

OLD = plan("old", """
instrument "255/QĐ-UBND" dated 2021-04-19
phase p1 2021..2025
phase p2 2026..2030
objective staffing { unit % direction up target p1 >= 50% target p2 >= 80% }
objective trained { unit % direction up target p1 >= 60% target p2 >= 100% }
""")
NEW = plan("new", """
instrument "12/KH-UBND" dated 2025-03-10
period 2026..2030
phase p2 2026..2030
replaces old in_phase p2 "Giai đoạn 2026-2030 thay thế giai đoạn 2 của Kế hoạch 255"
objective staffing { unit % direction up target p2 >= 85% }
""", period=None)
CHILD = plan("child", "adopt staffing, trained", level="district", parent="old")


def _values(ro):
    return {(t.year, t.provenance.plan_id): t.target.value for t in ro.targets}


def test_children_see_the_replaced_phase_from_its_date():
    after = resolve(spec_set(old=OLD, new=NEW, child=CHILD), on=dt.date(2026, 1, 1))
    staffing = after.get("child").objective("staffing")
    assert _values(staffing) == {(2025, "old"): Decimal(50), (2030, "new"): Decimal(85)}
    # Replacing phase 2 drops every phase-2 target of the old plan, not only those the new plan restates.
    assert _values(after.get("child").objective("trained")) == {(2025, "old"): Decimal(60)}
    before = resolve(spec_set(old=OLD, new=NEW, child=CHILD), on=dt.date(2024, 12, 31))
    assert _values(before.get("child").objective("staffing"))[(2030, "old")] == Decimal(80)


def test_the_plan_as_written_keeps_its_own_values_and_the_effective_one_is_kept_aside():
    res = resolve(spec_set(old=OLD, new=NEW), on=dt.date(2026, 1, 1))
    assert _values(res.get("old").objective("staffing"))[(2030, "old")] == Decimal(80)
    assert _values(res.in_force("old").objective("staffing"))[(2030, "new")] == Decimal(85)
    assert res.in_force("new") is res.get("new")


def test_amends_replaces_objective_by_objective_and_adds_new_ones():
    amend = plan("amend", """
instrument "30/QĐ-UBND" dated 2022-01-05
amends old
objective trained { unit % direction up target p1 >= 70% }
objective newer { unit % target 2025 >= 10% }
""")
    res = resolve(spec_set(old=OLD, amend=amend), on=dt.date(2023, 1, 1))
    eff = res.in_force("old")
    assert _values(eff.objective("trained")) == {(2025, "amend"): Decimal(70)}
    assert _values(eff.objective("staffing"))[(2030, "old")] == Decimal(80)  # untouched
    assert eff.objective("newer").status is Status.OWN


def test_explain_names_the_amending_instrument_of_each_value():
    res = resolve(spec_set(old=OLD, new=NEW), on=dt.date(2026, 1, 1))
    text = explain_plan(res.get("old"), res, "staffing")
    assert "replaced in phase p2 by new (12/KH-UBND, 2025-03-10): in force on 2026-01-01" in text
    assert "set by amendment in new 12/KH-UBND at new.plan" in text
    assert "set in old 255/QĐ-UBND at old.plan" in text


def test_maintained_target_is_expected_every_year_of_its_range():
    nat = plan("nat", "objective emergency { unit % direction up maintain 2018..2030 >= 100% }", level="national",
               period="2018..2030")
    res = resolve(spec_set(nat=nat))
    (rt,) = res.get("nat").objective("emergency").targets
    assert (rt.first_year, rt.year) == (2018, 2030)
    for year in (2018, 2021, 2030):
        exp = parent_expectation(res.get("nat").objective("emergency"), year)
        assert exp is not None and exp.value == 100 and not exp.interpolated
    assert parent_expectation(res.get("nat").objective("emergency"), 2017) is None


def test_no_target_stops_inheriting_the_phase_and_takes_the_objective():
    child = plan("child", 'no_target trained p2 "Chỉ tiêu giai đoạn 2026-2030 sẽ ban hành sau"', parent="old")
    res = resolve(spec_set(old=OLD, child=child))
    ro = res.get("child").objective("trained")
    assert ro.status is Status.ADOPTED
    assert [t.year for t in ro.targets] == [2025]
    assert ro.no_targets[0].reason.startswith("Chỉ tiêu")


def test_not_comparable_objective_inherits_nothing():
    child = plan("child", """
objective trained { not_comparable "Đếm cả cộng tác viên" unit % target p1 >= 40% }
phase p1 2021..2025
""", parent="old")
    res = resolve(spec_set(old=OLD, child=child))
    ro = res.get("child").objective("trained")
    assert not ro.comparable and ro.parent is not None
    assert [(t.year, t.provenance.plan_id) for t in ro.targets] == [(2025, "child")]


def test_collective_authority():
    assert is_collective("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
    assert not is_collective("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VĨNH LONG")
    assert not is_collective("Bộ trưởng Bộ Lao động - Thương binh và Xã hội")


def test_graph_draws_amendment_chains_apart_from_implements():
    from plandsl.inherit.graph import build_graph, to_dot, to_mermaid

    pg = build_graph(spec_set(old=OLD, new=NEW, child=CHILD))
    dot = to_dot(pg)
    assert '"old" -> "child";' in dot
    assert '"new" -> "old" [style=dashed' in dot
    assert "replaces p2" in dot or "thay thế p2" in dot
    assert '-. "' in to_mermaid(pg)


def test_comparison_table_says_not_comparable_and_no_target():
    from plandsl.render.compare import rows

    child = plan("child", """
phase p1 2021..2025
phase p2 2026..2030
objective staffing { not_comparable "Thành phố tính cả cộng tác viên" unit % target p1 >= 40% }
no_target trained p2 "Chỉ tiêu giai đoạn 2026-2030 sẽ ban hành sau"
""", parent="old")
    specs = spec_set(old=OLD, child=child)
    res = resolve(specs)
    table = rows(res.get("child").plan, res.get("child"), {p.id: p for p in specs.plans})
    text = [" | ".join(r) for r in table["rows"]]
    assert any("tối thiểu 40%" in r and "Không so sánh được với chỉ tiêu cấp trên: Thành phố" in r for r in text)
    assert any("Không đặt chỉ tiêu: Chỉ tiêu giai đoạn 2026-2030" in r and "100%" in r for r in text)
    assert not table["strong"]  # nothing compared, nothing marked weaker


def test_comparison_table_words_a_maintained_target():
    from plandsl.render.compare import value_words
    from plandsl.language.model import Comparator, Target, Unit

    t = Target(2018, Decimal(100), Comparator.AT_LEAST, True, maintain=True, through=2030)
    assert value_words(t, Unit.PERCENT).startswith("duy trì") and value_words(t, Unit.PERCENT).endswith("hằng năm")


def test_cong_van_has_no_type_abbreviation():
    from plandsl.render import vnformat as vn

    assert vn.document_kind("2144/LĐTBXH-BTXH") is None
    assert vn.is_official_letter("2144/LĐTBXH-BTXH") and vn.is_official_letter("15/UBND-VX")
    assert not vn.is_official_letter("255/QĐ-UBND") and not vn.is_official_letter("18/KH-SLĐTBXH")
    assert "CV" not in vn.DOCUMENT_KINDS
    assert vn.document_kind("3/CĐ-UBND") == "CÔNG ĐIỆN" and vn.document_kind("4/TC-UBND") == "THÔNG CÁO"


def test_a_maintained_target_takes_the_place_of_the_parent_targets_it_covers():
    nat = plan("nat", """
phase p1 2018..2020
phase p2 2021..2025
objective emergency { unit % direction up target p1 >= 100% target p2 >= 100% target 2030 >= 100% }
""", level="national", period="2018..2030")
    prov = plan("prov", "objective emergency { maintain 2018..2030 >= 100% }", parent="nat", period="2018..2030")
    ro = resolve(spec_set(nat=nat, prov=prov)).get("prov").objective("emergency")
    assert [(t.first_year, t.year, t.provenance.plan_id) for t in ro.targets] == [(2018, 2030, "prov")]


def test_cli_explain_on_a_date_and_graph(tmp_path, capsys):
    from plandsl.cli import main

    (tmp_path / "old.plan").write_text(OLD, "utf-8")
    (tmp_path / "new.plan").write_text(NEW, "utf-8")
    assert main(["--messages", "en", "explain", "old", str(tmp_path), "--on", "2026-01-01", "-O", "staffing"]) == 0
    out = capsys.readouterr().out
    assert "set by amendment in new 12/KH-UBND" in out
    assert main(["--messages", "en", "explain", "old", str(tmp_path), "--on", "2024-01-01", "-O", "staffing"]) == 0
    out = capsys.readouterr().out
    assert "not yet in force on 2024-01-01" in out and "set by amendment" not in out
    assert main(["--messages", "en", "graph", str(tmp_path)]) == 0
    assert "new (province, 12/KH-UBND, 2026-2030) ⇢ old (replaces p2)" in capsys.readouterr().out


def test_checks_see_the_parent_as_in_force():
    """The check engine (full and incremental) compares a child with its parent as amended."""
    from plandsl.check.pipeline import check_specs

    new = NEW.replace("2025-03-10", "2024-03-10")  # in force on any date the test runs
    weak = plan("weak", "objective staffing { target 2030 >= 82% }", level="district", parent="old")
    found = [d for d in check_specs(spec_set(old=OLD, new=new, weak=weak)).diagnostics if d.code == "AM001"]
    assert len(found) == 1 and "85%" in found[0].message  # the replacing plan's 85%, not the old 80%
    found = [d for d in check_specs(spec_set(old=OLD, weak=weak)).diagnostics if d.code == "AM001"]
    assert found == []  # 82% is above the old plan's 80%


def test_incremental_check_follows_an_edit_of_the_amending_plan(tmp_path, monkeypatch):
    import os

    from plandsl.check.engine import Engine

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANDSL_CACHE_DIR", raising=False)
    (tmp_path / "plandsl.toml").write_text("", "utf-8")
    folder = tmp_path / "c"
    folder.mkdir()
    new = NEW.replace("2025-03-10", "2024-03-10")
    weak = plan("weak", "objective staffing { target 2030 >= 82% }", level="district", parent="old")
    for name, text in (("old", OLD), ("new", new), ("weak", weak)):
        (folder / f"{name}.plan").write_text(text, "utf-8")
        st = (folder / f"{name}.plan").stat()
        os.utime(folder / f"{name}.plan", ns=(st.st_atime_ns, st.st_mtime_ns - 3600 * 10**9))

    def am001():
        result = Engine.open(["c"], jobs=1, cache=".cache").check()
        return [d.message for d in result.diagnostics if d.code == "AM001"]

    assert len(am001()) == 1
    (folder / "new.plan").write_text(new.replace("target p2 >= 85%", "target p2 >= 8%"), "utf-8")
    assert am001() == []  # the child's key covers the amending plan: it is checked again
