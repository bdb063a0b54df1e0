"""Resolution (plandsl.inherit.resolve): statuses, inherited target lists, provenance,
and the parent's expectation at a year (exact, interpolated, held, from the baseline).

These tests pin the core against mutants (issue #19; tools/mutate.py, docs/TESTING.md).
"""

from __future__ import annotations

import gc
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plandsl.inherit import resolve as resolve_mod
from plandsl.inherit.resolve import (Expectation, Provenance, ResolvedObjective, ResolvedTarget, Status,
                                     in_period, parent_expectation, target_year)
from plandsl.language.model import Objective, Phase, Plan, Target
from resolving import plan, resolve_texts, spec_set

NAT = plan("nat", """
phase p1 2021..2025
phase p2 2026..2030
objective trained { unit % direction up target p1 >= 60% target p2 >= 80% target 2025 +20% vs 2020 }
objective poverty { unit % direction down baseline 2020 10 target 2025 <= 6% target 2030 <= 4% }
objective kept { unit % target 2030 >= 90% }
objective gone { unit % target 2030 >= 50% }
""", level="national")


def _targets(ro):
    return [(t.phase, t.year, t.target.value, t.target.relative, t.provenance.plan_id) for t in ro.targets]


# ------------------------------------------------------------------ statuses and target lists


def test_every_parent_objective_gets_a_status():
    child = plan("prov", """
objective trained { target 2025 >= 70% }
adopt poverty
waive kept "Không áp dụng"
objective local { unit people target 2024 >= 10 }
""", parent="nat")
    r = resolve_texts(nat=NAT, prov=child)
    rp = r.get("prov")
    status = {ro.id: ro.status for ro in rp.objectives}
    assert status == {"trained": Status.ADAPTED, "poverty": Status.ADOPTED, "kept": Status.WAIVED,
                      "gone": Status.DROPPED, "local": Status.OWN}
    # The plan's own objectives first, in its order; then the inherited ones by id.
    assert [ro.id for ro in rp.objectives] == ["trained", "local", "gone", "kept", "poverty"]
    assert [ro.id for ro in rp.active()] == ["trained", "local", "poverty"]
    assert rp.objective("kept").waiver.reason == "Không áp dụng"
    assert rp.objective("trained").waiver is None
    assert rp.objective("nothing") is None
    assert rp.id == "prov" and rp.parents == ("nat",) and rp.complete
    for oid in ("trained", "poverty", "kept", "gone"):
        assert rp.objective(oid).parent_plan == "nat"
        assert rp.objective(oid).parent is r.get("nat").objective(oid)
    assert rp.objective("local").parent is None and rp.objective("local").parent_plan is None
    assert rp.objective("kept").targets == () and rp.objective("gone").targets == ()


def test_adapted_objective_keeps_own_targets_and_inherits_the_rest_of_its_period():
    child = plan("prov", "phase p1 2021..2025\nobjective trained { target p1 >= 70% }", parent="nat",
                 period="2021..2030")
    ro = resolve_texts(nat=NAT, prov=child).get("prov").objective("trained")
    # 2025 is the child's own (not inherited twice); the parent's 2030 is inherited; the relative
    # 2025 target is a different target and is inherited too. Absolute before relative in a year.
    assert _targets(ro) == [("p1", 2025, 70, False, "prov"), ("p1", 2025, 20, True, "nat"),
                            (2030, 2030, 80, False, "nat")]


def test_targets_outside_the_child_period_are_not_inherited():
    child = plan("prov", "objective trained { target 2025 >= 70% }\nadopt poverty", parent="nat",
                 period="2021..2025")
    rp = resolve_texts(nat=NAT, prov=child).get("prov")
    assert _targets(rp.objective("trained")) == [(2025, 2025, 70, False, "prov"), (2025, 2025, 20, True, "nat")]
    assert _targets(rp.objective("poverty")) == [(2025, 2025, 6, False, "nat")]


def test_parent_target_in_the_child_first_and_last_year_is_inherited():
    parent = plan("nat", "objective o { unit % direction up target 2021 >= 10% target 2024 >= 40% "
                         "target 2025 >= 50% }", level="national", period="2020..2025")
    child = plan("prov", "adopt o", parent="nat", period="2021..2024")
    ro = resolve_texts(nat=parent, prov=child).get("prov").objective("o")
    assert [t.year for t in ro.targets] == [2021, 2024]


def test_the_vision_year_counts_as_inside_the_period():
    child = plan("prov", "vision 2030\nadopt kept", parent="nat", period="2021..2025")
    assert [t.year for t in resolve_texts(nat=NAT, prov=child).get("prov").objective("kept").targets] == [2030]


def test_period_less_child_adopts_every_parent_target():
    child = plan("prov", "adopt trained\nadopt poverty", parent="nat", period=None)
    rp = resolve_texts(nat=NAT, prov=child).get("prov")
    assert [(t.year, t.target.relative) for t in rp.objective("trained").targets] == [
        (2025, False), (2025, True), (2030, False)]
    assert [t.year for t in rp.objective("poverty").targets] == [2025, 2030]
    assert in_period(Plan("x"), 1900)


def test_inherited_targets_take_the_child_phase_label():
    child = plan("prov", "phase a 2021..2025\nphase b 2026..2031\nadopt trained", parent="nat", period="2021..2031")
    ro = resolve_texts(nat=NAT, prov=child).get("prov").objective("trained")
    # 2025 ends the child's phase a; 2030 ends none of its phases (the parent's p2 does): the year itself.
    assert [(t.phase, t.year) for t in ro.targets] == [("a", 2025), ("a", 2025), (2030, 2030)]


def test_target_year_and_unknown_phases():
    p = Plan("p", phases=(Phase("p1", 2021, 2025),))
    assert target_year(p, Target("p1", Decimal(1))) == 2025
    assert target_year(p, Target(2023, Decimal(1))) == 2023
    assert target_year(p, Target("p9", Decimal(1))) is None
    # A target naming an unknown phase is left out of the resolved targets (CS005 reports it).
    r = resolve_texts(p=plan("p", "phase p1 2021..2025\nobjective o { target p9 >= 1% target p1 >= 2% }"))
    assert [(t.phase, t.year) for t in r.get("p").objective("o").targets] == [("p1", 2025)]


def test_in_period_bounds():
    p = Plan("p", period=(2021, 2025))
    assert [in_period(p, y) for y in (2020, 2021, 2025, 2026)] == [False, True, True, False]
    assert in_period(attrs.evolve(p, vision=2030), 2030)
    assert not in_period(attrs.evolve(p, vision=2030), 2031)
    assert not in_period(attrs.evolve(p, vision=2019), 2026)  # a vision before the end changes nothing


def test_adapted_objective_fills_what_the_child_leaves_out():
    child = plan("prov", "objective poverty { target 2025 <= 5% }\nobjective trained { direction down "
                         "indicator \"tỷ lệ\" target 2025 >= 70% }", parent="nat")
    rp = resolve_texts(nat=NAT, prov=child).get("prov")
    pov = rp.objective("poverty").objective
    assert (pov.unit.symbol, pov.direction.en, pov.baseline_year, pov.baseline_value) == ("%", "down", 2020, 10)
    assert rp.objective("trained").objective.direction.en == "down"  # the child's own wins
    assert rp.objective("trained").objective.indicator == "tỷ lệ"


def test_closest_parent_first():
    ministry = plan("min", "objective trained { unit % direction up target 2025 >= 65% }", level="ministry",
                    parent="nat")
    child = "plan prov {\n  level province\n  period 2021..2030\n  implements nat\n  implements min\n" \
            "  adopt trained\n}\n"
    rp = resolve_texts(nat=NAT, min=ministry, prov=child).get("prov")
    assert rp.parents == ("min", "nat")
    ro = rp.objective("trained")
    assert ro.parent_plan == "min"
    assert [(t.year, t.target.value) for t in ro.targets if not t.target.relative] == [(2025, 65), (2030, 80)]


def test_unknown_parent_marks_the_plan_incomplete():
    r = resolve_texts(prov=plan("prov", "objective o { target 2025 >= 1% }", parent="nowhere"))
    assert r.get("prov").complete is False
    assert r.get("nowhere") is None


# ------------------------------------------------------------------ provenance


def test_provenance_chain_and_overrides_through_three_levels():
    prov = plan("prov", "objective trained { target 2025 >= 70% }\nadopt poverty", parent="nat")
    dist = plan("dist", "objective trained { target 2025 >= 75% }\nadopt poverty", level="district",
                parent="prov")
    r = resolve_texts(nat=NAT, prov=prov, dist=dist)
    nat_t = r.get("nat").objective("trained").targets[0]
    prov_t = r.get("prov").objective("trained").targets[0]
    dist_t = r.get("dist").objective("trained").targets[0]
    assert dist_t.provenance.overrides == prov_t.provenance
    assert prov_t.provenance.overrides == nat_t.provenance
    assert nat_t.provenance.overrides is None
    assert [(p.plan_id, p.span.path, p.span.line) for p in dist_t.provenance.chain()] == [
        ("dist", "dist.plan", 5), ("prov", "prov.plan", 5), ("nat", "nat.plan", 6)]
    assert dist_t.parent is prov_t and prov_t.parent is nat_t and nat_t.parent is None
    # An inherited target keeps the parent's provenance and links the parent target.
    inh = next(t for t in r.get("dist").objective("trained").targets if t.year == 2030)
    assert inh.provenance == r.get("prov").objective("trained").targets[-1].provenance
    assert inh.provenance.plan_id == "nat" and inh.parent.year == 2030
    # Objectives: adapted/adopted/waived point at the child's line and override the parent's.
    ro = r.get("dist").objective("trained")
    assert ro.provenance.plan_id == "dist" and ro.provenance.overrides == r.get("prov").objective("trained").provenance
    adopted = r.get("dist").objective("poverty")
    assert (adopted.provenance.plan_id, adopted.provenance.span.line) == ("dist", 6)
    assert adopted.provenance.overrides == r.get("prov").objective("poverty").provenance
    assert adopted.provenance.overrides.overrides == r.get("nat").objective("poverty").provenance
    assert adopted.parent_plan == "prov"
    assert [t.provenance.plan_id for t in adopted.targets] == ["nat", "nat"]


def test_provenance_of_waived_dropped_and_own_objectives():
    child = plan("prov", "waive kept \"lý do\"\nobjective local { target 2025 >= 1% }", parent="nat")
    r = resolve_texts(nat=NAT, prov=child)
    rp = r.get("prov")
    assert (rp.objective("kept").provenance.plan_id, rp.objective("kept").provenance.span.line) == ("prov", 5)
    assert rp.objective("kept").provenance.overrides == r.get("nat").objective("kept").provenance
    assert rp.objective("gone").provenance == r.get("nat").objective("gone").provenance  # dropped: the parent's
    assert rp.objective("local").provenance.overrides is None
    t = rp.objective("local").targets[0]
    assert t.provenance == Provenance("prov", t.target.span) and t.parent is None


def test_only_the_same_kind_of_target_overrides():
    # A child's relative target against another base year does not override the parent's.
    child = plan("prov", "objective trained { baseline 2019 target 2025 +25% vs 2019 target 2025 +30% vs 2020 }",
                 parent="nat")
    ro = resolve_texts(nat=NAT, prov=child).get("prov").objective("trained")
    by = {(t.year, t.target.relative, t.target.base_year): t for t in ro.targets}
    assert by[(2025, True, 2019)].parent is None and by[(2025, True, 2019)].provenance.overrides is None
    assert by[(2025, True, 2020)].parent.target.value == 20
    assert by[(2025, False, None)].provenance.plan_id == "nat"  # absolute 2025 inherited
    assert len(ro.targets) == 4


# ------------------------------------------------------------------ the garbage collector


def test_resolve_restores_the_garbage_collector(monkeypatch):
    seen = []
    real = resolve_mod.resolve_plan
    monkeypatch.setattr(resolve_mod, "resolve_plan", lambda *a: (seen.append(gc.isenabled()), real(*a))[1])
    specs = spec_set(nat=NAT)
    assert gc.isenabled()
    resolve_mod.resolve(specs)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        resolve_mod.resolve(specs)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_resolve_restores_the_garbage_collector_on_error(monkeypatch):
    def boom(*a):
        raise RuntimeError("boom")

    monkeypatch.setattr(resolve_mod, "resolve_plan", boom)
    with pytest.raises(RuntimeError):
        resolve_mod.resolve(spec_set(nat=NAT))
    assert gc.isenabled()


# ------------------------------------------------------------------ parent_expectation


def _parent(points, baseline=None, relative=()):
    """A resolved parent objective with absolute targets {year: value} and relative (year, base, value)."""
    obj = Objective("o", baseline_year=baseline[0] if baseline else None,
                    baseline_value=Decimal(baseline[1]) if baseline and baseline[1] is not None else None)
    targets = [ResolvedTarget("o", y, y, Target(y, Decimal(v), percent=True), Provenance("nat", Plan("nat").span))
               for y, v in points.items()]
    targets += [ResolvedTarget("o", y, y, Target(y, Decimal(v), percent=True, base_year=b),
                               Provenance("nat", Plan("nat").span)) for y, b, v in relative]
    targets.sort(key=lambda t: (t.year, t.target.relative))
    return ResolvedObjective("o", Status.OWN, obj, tuple(targets), Provenance("nat", Plan("nat").span))


def _exp(parent, year, relative=False, base=None):
    e = parent_expectation(parent, year, relative, base)
    return None if e is None else (e.value, e.interpolated, [t.year for t in e.sources])


def test_expectation_at_a_parent_target_year():
    p = _parent({2025: 60, 2030: 80})
    assert _exp(p, 2025) == (60, False, [2025])
    assert _exp(p, 2030) == (80, False, [2030])


def test_expectation_between_the_nearest_targets():
    p = _parent({2022: 10, 2025: 40, 2030: 90})
    assert _exp(p, 2027) == (60, True, [2025, 2030])  # from 2025 (nearest earlier), not from 2022
    assert _exp(p, 2023) == (20, True, [2022, 2025])
    assert _exp(p, 2029) == (80, True, [2025, 2030])


def test_expectation_keeps_fractions():
    p = _parent({2025: 60, 2029: 70})
    assert _exp(p, 2026) == (Decimal("62.5"), True, [2025, 2029])


def test_last_parent_target_holds_after_it():
    p = _parent({2025: 60, 2030: 80})
    assert _exp(p, 2031) == (80, True, [2030])
    assert _exp(p, 2045) == (80, True, [2030])


def test_before_the_first_target_only_with_a_baseline_value():
    assert _exp(_parent({2025: 60}), 2022) is None
    assert _exp(_parent({2025: 60}, baseline=(2020, None)), 2022) is None
    p = _parent({2025: 60, 2030: 90}, baseline=(2020, 10))
    assert _exp(p, 2022) == (30, True, [2025])
    assert _exp(p, 2021) == (20, True, [2025])
    assert _exp(p, 2024) == (50, True, [2025])
    assert _exp(p, 2020) is None  # the baseline year itself asks nothing
    assert _exp(p, 2019) is None


def test_relative_expectations_need_the_same_year_and_base():
    p = _parent({2025: 60}, relative=[(2025, 2020, 20), (2030, 2020, 35)])
    assert _exp(p, 2025, True, 2020) == (20, False, [2025])
    assert _exp(p, 2030, True, 2020) == (35, False, [2030])
    assert _exp(p, 2025, True, 2019) is None
    assert _exp(p, 2027, True, 2020) is None  # relative targets are never interpolated
    assert _exp(_parent({}, relative=[(2025, 2020, 20)]), 2025) is None  # only relative: nothing absolute


def test_expectation_ignores_relative_targets_for_absolute_values():
    p = _parent({2030: 80}, relative=[(2025, 2020, 20)], baseline=(2020, 0))
    assert _exp(p, 2025) == (40, True, [2030])


def _reference(points: dict[int, int], baseline, year: int):
    """An independent model of the parent's expectation: exact fractions, no shortcuts."""
    if year in points:
        return Fraction(points[year]), False
    years = sorted(points)
    lower = [y for y in years if y < year]
    upper = [y for y in years if y > year]
    if lower and upper:
        a, b = lower[-1], upper[0]
    elif lower:
        return Fraction(points[lower[-1]]), True
    elif baseline and baseline[0] < year:
        a, b = baseline[0], upper[0]
        return Fraction(baseline[1]) + Fraction(points[b] - baseline[1]) * Fraction(year - a, b - a), True
    else:
        return None
    return Fraction(points[a]) + Fraction(points[b] - points[a]) * Fraction(year - a, b - a), True


series = st.dictionaries(st.integers(2021, 2035), st.integers(0, 100), min_size=1, max_size=5)


@settings(max_examples=200, deadline=None)
@given(series, st.one_of(st.none(), st.tuples(st.integers(2015, 2024), st.integers(0, 100))), st.integers(2016, 2040))
def test_expectation_matches_a_reference_model(points, baseline, year):
    want = _reference(points, baseline, year)
    got = parent_expectation(_parent(points, baseline=baseline), year)
    if want is None:
        assert got is None
    else:
        assert isinstance(got, Expectation)
        assert abs(Fraction(got.value) - want[0]) < Fraction(1, 10**20)
        assert got.interpolated is want[1]


# ------------------------------------------------------------------ maintained targets, no_target, not_comparable


def test_maintained_targets_cover_their_range():
    p = plan("p", """
phase p1 2021..2025
objective o { unit % direction up maintain p1 >= 100% maintain 2026..2028 >= 90% maintain 2030 >= 80% }
""")
    ro = resolve_texts(p=p).get("p").objective("o")
    assert [(t.first_year, t.year) for t in ro.targets] == [(2021, 2025), (2026, 2028), (2030, 2030)]
    first, second, third = ro.targets
    assert [y for y in range(2019, 2032) if first.covers(y)] == [2021, 2022, 2023, 2024, 2025]
    assert [y for y in range(2019, 2032) if second.covers(y)] == [2026, 2027, 2028]
    assert [y for y in range(2019, 2032) if third.covers(y)] == [2030]
    plain = ResolvedTarget("o", 2025, 2025, Target(2025, Decimal(1)), Provenance("p", Plan("p").span))
    assert [y for y in (2024, 2025, 2026) if plain.covers(y)] == [2025]
    # Between a maintained range and a later target: from the range's last year.
    exp = parent_expectation(ro, 2029)
    assert (exp.value, exp.interpolated, [t.year for t in exp.sources]) == (85, True, [2028, 2030])


def test_maintained_target_of_an_unknown_phase_is_left_out():
    p = plan("p", "objective o { unit % maintain p9 >= 100% target 2025 >= 50% }")
    assert [t.year for t in resolve_texts(p=p).get("p").objective("o").targets] == [2025]


def test_inherited_and_overriding_targets_keep_the_maintained_range():
    parent = plan("nat", "phase p1 2021..2025\nobjective o { unit % direction up maintain p1 >= 100% "
                         "maintain 2026..2030 >= 100% }", level="national")
    child = plan("prov", "phase p1 2021..2025\nobjective o { maintain p1 >= 100% }", parent="nat")
    ro = resolve_texts(nat=parent, prov=child).get("prov").objective("o")
    assert [(t.first_year, t.year, t.provenance.plan_id, t.parent is not None) for t in ro.targets] == [
        (2021, 2025, "prov", True), (2026, 2030, "nat", True)]


def test_no_target_skips_the_named_phase_or_year():
    parent = plan("nat", "phase p1 2021..2025\nphase p2 2026..2030\nobjective o { unit % direction up "
                         "target 2021 >= 10% target p1 >= 50% target 2026 >= 55% target p2 >= 80% }\n"
                         "objective y { unit % target 2025 >= 1% target 2030 >= 2% }\n"
                         "objective w { unit % target 2025 >= 1% }", level="national")
    child = plan("prov", """
objective o { target 2025 >= 60% }
no_target o p2 "Chưa có số liệu"
no_target y 2030 "Chưa có số liệu"
no_target w 2025 "x"
waive w "Không áp dụng"
adopt y
""", parent="nat")
    rp = resolve_texts(nat=parent, prov=child).get("prov")
    o = rp.objective("o")
    assert [(t.year, t.provenance.plan_id) for t in o.targets] == [(2021, "nat"), (2025, "prov")]
    assert [nt.phase for nt in o.no_targets] == ["p2"]
    assert [t.year for t in rp.objective("y").targets] == [2025]
    assert rp.objective("y").status is Status.ADOPTED
    assert rp.objective("w").status is Status.WAIVED  # a waiver wins over no_target


def test_no_target_alone_takes_the_objective_with_the_other_targets():
    parent = plan("nat", "phase p1 2021..2025\nphase p2 2026..2030\n"
                         "objective o { unit % target p1 >= 50% target p2 >= 80% }", level="national")
    child = plan("prov", 'no_target o p1 "Chưa có số liệu"', parent="nat")
    ro = resolve_texts(nat=parent, prov=child).get("prov").objective("o")
    assert ro.status is Status.ADOPTED and [t.year for t in ro.targets] == [2030]
    assert (ro.provenance.plan_id, ro.provenance.span.line) == ("prov", 5)
    assert ro.provenance.overrides is not None
    # The phase p1 is the parent's: the child declares no phases of its own.
    assert resolve_mod.no_target_years([Plan("c"), resolve_texts(nat=parent).get("nat").plan],
                                       ro.no_targets[0]) == (2021, 2025)
    assert resolve_mod.no_target_years([Plan("c")], ro.no_targets[0]) is None


def test_no_target_years_prefers_the_plan_own_phase():
    mine = Plan("c", phases=(Phase("p1", 2022, 2024),))
    theirs = Plan("n", phases=(Phase("p1", 2021, 2025),))
    nt = resolve_mod.NoTarget("o", "p1", "x")
    assert resolve_mod.no_target_years([mine, theirs], nt) == (2022, 2024)
    assert resolve_mod.no_target_years([theirs, mine], nt) == (2021, 2025)
    assert resolve_mod.no_target_years([], resolve_mod.NoTarget("o", 2027, "x")) == (2027, 2027)


def test_not_comparable_objective_keeps_only_its_own():
    child = plan("prov", 'objective trained { not_comparable "Đếm cả cộng tác viên" unit people '
                         'target 2025 >= 500 }', parent="nat")
    ro = resolve_texts(nat=NAT, prov=child).get("prov").objective("trained")
    assert ro.status is Status.ADAPTED and not ro.comparable
    assert ro.objective.direction is None and ro.objective.unit.en == "people"  # nothing merged
    assert ro.provenance.overrides is None and ro.parent_plan == "nat"
    assert [(t.year, t.parent) for t in ro.targets] == [(2025, None)]
    comparable = resolve_texts(nat=NAT, prov=plan("prov", "objective trained { target 2025 >= 70% }",
                                                   parent="nat")).get("prov").objective("trained")
    assert comparable.comparable
    assert not resolve_texts(nat=NAT).get("nat").objective("trained").comparable  # no parent
