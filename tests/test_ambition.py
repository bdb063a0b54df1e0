"""AM001 (a child weaker than its parent) against an independent model, and `explain`
showing the same expectation (issue #19). The YAML cases in tests/rules/AM001.yml
cover the rule through the whole check."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plandsl.language.model import Direction
from plandsl.report.explain import explain_plan
from plandsl.rules.ambition import WeakerTarget, _fmt, weaker
from plandsl.rules.context import RuleContext
from resolving import findings, plan, resolve, spec_set


def am001(**texts):
    specs = spec_set(**texts)
    resolution = resolve(specs)
    ctx = RuleContext(specs, resolution)
    rule = WeakerTarget()
    return [d for pid in resolution.graph.order() for d in rule.check_plan(resolution.plans[pid], ctx)], resolution


def test_weaker_by_direction():
    one, two = Decimal(1), Decimal(2)
    assert weaker(one, two, Direction.UP) and not weaker(two, one, Direction.UP)
    assert weaker(two, one, Direction.DOWN) and not weaker(one, two, Direction.DOWN)
    assert weaker(one, two, None) and not weaker(two, one, None)  # no direction: higher is more
    for d in (Direction.UP, Direction.DOWN, None):
        assert not weaker(two, two, d)  # equal is never weaker


@pytest.mark.parametrize("value,direction,text", [
    ("62", Direction.UP, "62"), ("62.0", Direction.UP, "62"), ("100.00", None, "100"), ("0", None, "0"),
    ("62.5", Direction.UP, "62.5"), ("62.5", Direction.DOWN, "62.5"), ("62.25", Direction.UP, "62.3"),
    ("62.25", Direction.DOWN, "62.2"), ("62.25", None, "62.3"), ("0.04", Direction.UP, "0.1"),
    ("0.04", Direction.DOWN, "0"), ("63.3333", Direction.UP, "63.4"), ("63.3333", Direction.DOWN, "63.3"),
])
def test_values_print_rounded_towards_ambition(value, direction, text):
    assert _fmt(Decimal(value), direction) == text


NAT = plan("nat", """
objective o { unit % direction up target 2025 >= 50% target 2030 >= 80% }
objective d { unit % direction down target 2025 <= 4% }
objective r { unit % direction up baseline 2020 target 2025 +20% vs 2020 }
""", level="national", period="2021..2030")


def test_message_hint_and_related_spans_when_set_by_the_parent():
    child = plan("prov", "objective o { target 2025 >= 45% }", parent="nat", period="2021..2025")
    (d,), _ = am001(nat=NAT, prov=child)
    assert d.message == "target for 'o' in 2025 is ≥ 45%, weaker than the parent's 50% (set by 'nat')"
    assert d.hint == "Raise it to at least the parent's value, or record the deviation: allow AM001 on o \"<reason>\""
    assert [(r.span.path, r.span.line, r.span.col, r.message) for r in d.related] == [
        ("nat.plan", 4, 37, "parent target: ≥ 50% (2025)")]
    assert (d.span.path, d.span.line, d.subject, d.code) == ("prov.plan", 5, "o", "AM001")


def test_message_when_interpolated():
    child = plan("prov", "objective o { target 2027 >= 61% }", parent="nat", period="2026..2030")
    (d,), _ = am001(nat=NAT, prov=child)
    assert d.message == ("target for 'o' in 2027 is ≥ 61%, weaker than the parent's 62% "
                         "(interpolated from the parent's targets)")
    assert [r.message for r in d.related] == ["parent target: ≥ 50% (2025)", "parent target: ≥ 80% (2030)"]


def test_relative_message_names_the_base_year():
    child = plan("prov", "objective r { target 2025 +15% vs 2020 }", parent="nat", period="2021..2025")
    (d,), _ = am001(nat=NAT, prov=child)
    assert d.message == "target for 'r' in 2025 is +15% vs 2020, weaker than the parent's +20% vs 2020 (set by 'nat')"


def test_direction_down_equal_values_pass_and_higher_fails():
    equal = plan("a", "objective d { target 2025 <= 4% }", parent="nat", period="2021..2025")
    higher = plan("b", "objective d { target 2025 <= 4.5% }", parent="nat", period="2021..2025")
    found, _ = am001(nat=NAT, a=equal, b=higher)
    assert [(d.span.path, d.message) for d in found] == [
        ("b.plan", "target for 'd' in 2025 is ≤ 4.5%, weaker than the parent's 4% (set by 'nat')")]


def test_only_adapted_targets_written_by_the_child_are_compared():
    # An own objective, an adopted one and the inherited targets of an adapted one are not compared.
    child = plan("prov", "objective own { unit % direction up target 2025 >= 1% }\nadopt d\n"
                         "objective o { target 2030 >= 85% }", parent="nat")
    found, _ = am001(nat=NAT, prov=child)
    assert found == []


def test_parent_duplicate_year_is_reported_in_the_parent_only():
    # The parent writes 2025 twice; the weaker duplicate is inherited unchanged: not the child's finding.
    parent = plan("nat", "objective o { unit % direction up target 2025 >= 60% target 2025 >= 50% }",
                  level="national", period="2021..2025")
    child = plan("prov", "objective o { target 2024 >= 70% }", parent="nat", period="2021..2025")
    found, resolution = am001(nat=parent, prov=child)
    assert [t.target.value for t in resolution.get("prov").objective("o").targets] == [70, 60, 50]
    assert found == []


def test_parent_with_only_relative_targets_and_child_absolute():
    parent = plan("nat", "objective r { unit % direction up baseline 2020 target 2025 +20% vs 2020 }",
                  level="national", period="2021..2025")
    child = plan("prov", "objective r { target 2025 >= 10% target 2023 >= 5% }", parent="nat", period="2021..2025")
    found, resolution = am001(nat=parent, prov=child)
    assert found == []
    text = explain_plan(resolution.get("prov"), resolution)
    assert "parent expects" not in text
    assert [d.code for d in findings("AM001", nat=parent, prov=child)] == []


def test_parent_target_in_the_child_first_year():
    parent = plan("nat", "objective o { unit % direction up target 2021 >= 40% target 2025 >= 60% }",
                  level="national", period="2021..2025")
    child = plan("prov", "objective o { target 2021 >= 30% }", parent="nat", period="2021..2025")
    (d,), _ = am001(nat=parent, prov=child)
    assert d.message == "target for 'o' in 2021 is ≥ 30%, weaker than the parent's 40% (set by 'nat')"


def test_baseline_interpolation_and_the_held_last_target():
    parent = plan("nat", "objective o { unit % direction up baseline 2020 10 target 2025 >= 60% }",
                  level="national", period="2021..2025")
    early = plan("a", "objective o { target 2022 >= 29% }", parent="nat", period="2021..2030")
    late = plan("b", "objective o { target 2028 >= 59.5% }", parent="nat", period="2021..2030")
    found, _ = am001(nat=parent, a=early, b=late)
    assert [d.message for d in found] == [
        "target for 'o' in 2022 is ≥ 29%, weaker than the parent's 30% (interpolated from the parent's targets)",
        "target for 'o' in 2028 is ≥ 59.5%, weaker than the parent's 60% (interpolated from the parent's targets)",
    ]


# ------------------------------------------------------------------ property: AM001 against a model


def _model(points: dict[int, Fraction], baseline, year: int):
    if year in points:
        return points[year], False
    lower = [y for y in sorted(points) if y < year]
    upper = [y for y in sorted(points) if y > year]
    if lower and not upper:
        return points[lower[-1]], True
    if lower:
        a, b, va = lower[-1], upper[0], points[lower[-1]]
    elif baseline is not None and baseline[0] < year:
        a, b, va = baseline[0], upper[0], baseline[1]
    else:
        return None
    return va + (points[b] - va) * Fraction(year - a, b - a), True


def _words(value: Fraction, direction: str) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    tenths = math.ceil(value * 10) if direction == "up" else math.floor(value * 10)
    whole, frac = divmod(tenths, 10)
    return f"{whole}.{frac}" if frac else str(whole)


def _dec(f: Fraction) -> str:
    return str(Decimal(f.numerator) / Decimal(f.denominator))


tenths = st.integers(0, 1000).map(lambda n: Fraction(n, 10))


@settings(max_examples=80, deadline=None)
@given(points=st.dictionaries(st.integers(2021, 2035), tenths, min_size=1, max_size=4),
       baseline=st.one_of(st.none(), st.tuples(st.integers(2016, 2024), tenths)),
       direction=st.sampled_from(["up", "down"]), year=st.integers(2017, 2040), child=tenths)
def test_am001_fires_exactly_when_the_model_says_weaker(points, baseline, direction, year, child):
    cmp = ">=" if direction == "up" else "<="
    base = f"baseline {baseline[0]} {_dec(baseline[1])} " if baseline else ""
    targets = " ".join(f"target {y} {cmp} {_dec(v)}%" for y, v in sorted(points.items()))
    parent = plan("nat", f"objective o {{ unit % direction {direction} {base}{targets} }}", level="national",
                  period="2015..2040")
    kid = plan("prov", f"objective o {{ target {year} {cmp} {_dec(child)}% }}", parent="nat",
               period=f"{year}..{year}")
    found, resolution = am001(nat=parent, prov=kid)
    want = _model(points, baseline, year)
    explained = explain_plan(resolution.get("prov"), resolution)
    if want is None:
        assert found == []
        assert "parent expects" not in explained
        return
    value, interpolated = want
    how = "interpolated from the parent's targets" if interpolated else "set by 'nat'"
    expectation = f"{_words(value, direction)}% ({how})"
    # `explain` prints the expectation AM001 compares with, weaker or not.
    assert f"    parent expects {expectation}" in explained.splitlines()
    is_weaker = child < value if direction == "up" else child > value
    if not is_weaker:
        assert found == []
        return
    (d,) = found
    sign = "≥" if direction == "up" else "≤"
    assert d.message == (f"target for 'o' in {year} is {sign} {_words(child, 'up')}%, "
                         f"weaker than the parent's {expectation}")
    sources = [year] if not interpolated or not [y for y in points if y > year] or not [y for y in points if y < year] \
        else [max(y for y in points if y < year), min(y for y in points if y > year)]
    if interpolated and not [y for y in points if y < year]:
        sources = [min(points)]  # from the baseline: the first target is the only source
    elif interpolated and not [y for y in points if y > year]:
        sources = [max(points)]
    assert [r.message.rsplit("(", 1)[1].rstrip(")") for r in d.related] == [str(y) for y in sources]


def test_relative_zero_keeps_its_plus_sign():
    parent = plan("nat", "objective r { unit % direction up baseline 2020 target 2025 +0% vs 2020 }",
                  level="national", period="2021..2025")
    child = plan("prov", "objective r { target 2025 -5% vs 2020 }", parent="nat", period="2021..2025")
    (d,), _ = am001(nat=parent, prov=child)
    assert d.message == "target for 'r' in 2025 is -5% vs 2020, weaker than the parent's +0% vs 2020 (set by 'nat')"


def test_relative_fall_names_its_minus_sign():
    parent = plan("nat", "objective r { unit % direction down baseline 2020 target 2025 -10% vs 2020 }",
                  level="national", period="2021..2025")
    child = plan("prov", "objective r { target 2025 -5% vs 2020 }", parent="nat", period="2021..2025")
    (d,), _ = am001(nat=parent, prov=child)
    assert d.message == "target for 'r' in 2025 is -5% vs 2020, weaker than the parent's -10% vs 2020 (set by 'nat')"
