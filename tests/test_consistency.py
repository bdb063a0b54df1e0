"""The CS rules in detail: whole messages, hints, related locations and the cases the
YAML files (tests/rules/CS*.yml) do not reach (issue #19)."""

from __future__ import annotations

from resolving import findings, plan

NAT = plan("nat", """
phase p1 2021..2025
phase p2 2026..2030
objective trained { unit % direction up target p1 >= 60% target p2 >= 80% }
objective poverty { unit % direction down target 2025 <= 4% target 2030 <= 3% }
objective counselled { unit % direction up baseline 2020 target 2025 +20% vs 2020 }
objective people { direction up target 2025 >= 100 }
""", level="national")


def _where(d):
    return (d.span.path, d.span.line, d.span.col)


def _related(d):
    return [(r.span.path, r.span.line, r.message) for r in d.related]


# ------------------------------------------------------------------ CS002


def test_cs002_own_later_target_below_an_inherited_earlier_one():
    child = plan("prov", "objective trained { target 2030 >= 55% }", parent="nat")
    (d,) = findings("CS002", nat=NAT, prov=child)
    assert _where(d) == ("prov.plan", 5, 23)
    assert d.message == ("the target for 'trained' falls from ≥ 60% in 2025 to ≥ 55% in 2030, "
                         "but the indicator should go up")
    assert _related(d) == [("nat.plan", 6, "target for 2025")]
    assert d.subject == "trained"


def test_cs002_own_target_then_an_inherited_later_one_going_up():
    child = plan("prov", "phase p1 2021..2025\nphase p2 2026..2030\nobjective trained { target p1 >= 85% }",
                 parent="nat")
    (d,) = findings("CS002", nat=NAT, prov=child)
    assert _where(d) == ("prov.plan", 4, 14)  # the implements link
    assert d.message == ("the target for 'trained' falls from ≥ 85% in 2025 (set here) to ≥ 80% in 2030, "
                         "inherited from 'nat'")
    assert d.hint == ("Add a target for 2030 to objective 'trained', at least as ambitious as 2025 "
                      "(e.g. `target p2 >= 85%`), or lower the 2025 target.")
    assert _related(d) == [("nat.plan", 6, "the inherited target for 2030, set by 'nat'"),
                           ("prov.plan", 7, "this plan's target for 2025")]


def test_cs002_own_target_then_an_inherited_later_one_going_down():
    child = plan("prov", "objective poverty { target 2025 <= 2.5% }", parent="nat")
    (d,) = findings("CS002", nat=NAT, prov=child)
    assert d.message == ("the target for 'poverty' rises from ≤ 2.5% in 2025 (set here) to ≤ 3% in 2030, "
                         "inherited from 'nat'")
    assert d.hint == ("Add a target for 2030 to objective 'poverty', at least as ambitious as 2025 "
                      "(e.g. `target 2030 <= 2.5%`), or lower the 2025 target.")


def test_cs002_undirected_and_relative_targets_are_not_a_sequence():
    p = plan("p", "objective a { unit % target 2025 >= 60% target 2030 >= 50% }\n"
                  "objective b { unit % direction up baseline 2020 target 2025 +20% vs 2020 target 2030 +10% vs 2020 }")
    assert findings("CS002", p=p) == []


# ------------------------------------------------------------------ CS003


def test_cs003_message_hint_and_related():
    child = plan("prov", "objective trained { unit people target 2025 >= 500 }", parent="nat")
    (d,) = findings("CS003", nat=NAT, prov=child)
    assert _where(d)[:2] == ("prov.plan", 5)
    assert d.message == "objective 'trained' is measured in people here but in percent by 'nat'"
    assert d.hint == "Use the parent's unit (percent), or give the local objective its own id."
    assert _related(d) == [("nat.plan", 6, "the parent objective is in percent")]


def test_cs003_parent_without_unit_or_same_unit_passes():
    child = plan("prov", "objective people { unit people target 2025 >= 120 }\n"
                         "objective trained { unit % target 2025 >= 70% }\nadopt poverty", parent="nat")
    assert findings("CS003", nat=NAT, prov=child) == []


# ------------------------------------------------------------------ CS004


def test_cs004_message_and_hint():
    p = plan("p", "objective c { unit % direction up target 2025 +20% vs 2019 }")
    (d,) = findings("CS004", p=p)
    assert d.message == "target for 'c' is +20% vs 2019, but the plan has no baseline or target for 2019"
    assert d.hint == "Add `baseline 2019` (with its value if known) to objective 'c'."


def test_cs004_inherited_relative_targets_are_not_the_child_finding():
    parent = plan("nat", "objective c { unit % direction up target 2025 +20% vs 2019 }", level="national")
    child = plan("prov", "adopt c\nobjective d { unit % direction up target 2024 >= 5% target 2025 +3% vs 2024 }",
                 parent="nat")
    assert [(d.span.path, d.subject) for d in findings("CS004", nat=parent, prov=child)] == [("nat.plan", "c")]


def test_cs004_child_relative_to_another_base_year_than_the_parent():
    child = plan("prov", "objective counselled { target 2025 +25% vs 2020 target 2025 +30% vs 2018 }",
                 parent="nat")
    (d,) = findings("CS004", nat=NAT, prov=child)
    assert "+30% vs 2018" in d.message and d.span.path == "prov.plan"


# ------------------------------------------------------------------ CS006


def test_cs006_messages_and_related():
    p = plan("p", """
phase p1 2021..2025
phase p1 2026..2030
objective t1 { unit % target 2025 >= 60% }
task t1 { text "Một" lead "Sở Nội vụ" }
quantity q1 "Một" total 10 over 5 years
quantity q1 "Hai" total 20 over 5 years
quantity t1 "Ba" total 20 over 5 years
""")
    found = findings("CS006", p=p)
    assert [(d.span.line, d.message, d.hint, _related(d)) for d in found] == [
        (7, "the id 't1' of this task is already used by a objective",
         "Rename one of them; ids must be unique within a plan.", [("p.plan", 6, "'t1' first defined here")]),
        (5, "the id 'p1' of this phase is already used by a phase",
         "Rename one of them; ids must be unique within a plan.", [("p.plan", 4, "'p1' first defined here")]),
        (9, "the id 'q1' of this quantity is already used by a quantity",
         "Rename one of them; ids must be unique within a plan.", [("p.plan", 8, "'q1' first defined here")]),
    ]


# ------------------------------------------------------------------ CS007


def test_cs007_vietnamese_keyword_is_located_too():
    text = """kế_hoạch p {
  cấp tỉnh
  thời_kỳ 2021..2025
  mục_tiêu trained { đơn_vị % chỉ_tiêu 2025 >= 60% }
  nhiệm_vụ t1 { nội_dung "a" chủ_trì "Sở Nội vụ" phục_vụ trained, traning }
}
"""
    (d,) = findings("CS007", p=text)
    assert _where(d) == ("p.plan", 5, 67)
    assert d.subject == "t1"


def test_cs007_objectives_of_the_parent_count_as_known():
    child = plan("prov", "adopt trained\nwaive poverty \"lý do\"\n"
                         "task t1 { text \"a\" lead \"Sở Nội vụ\" serves trained, poverty, traned }", parent="nat")
    (d,) = findings("CS007", nat=NAT, prov=child)
    assert d.message == "task 't1' serves unknown objective 'traned'"
    assert d.hint == "Did you mean 'trained'?"


def test_cs002_suggested_target_without_a_comparator_follows_the_direction():
    up = plan("a", "objective trained { target 2025 85% }", parent="nat")
    down = plan("b", "objective poverty { target 2025 2.5% }", parent="nat")
    vi = """kế_hoạch c {
  cấp tỉnh
  thời_kỳ 2021..2030
  thực_hiện nat
  mục_tiêu trained { chỉ_tiêu 2025 >= 85% }
}
"""
    hints = {d.span.path: d.hint for d in findings("CS002", nat=NAT, a=up, b=down, c=vi)}
    assert hints == {
        "a.plan": "Add a target for 2030 to objective 'trained', at least as ambitious as 2025 "
                  "(e.g. `target 2030 >= 85%`), or lower the 2025 target.",
        "b.plan": "Add a target for 2030 to objective 'poverty', at least as ambitious as 2025 "
                  "(e.g. `target 2030 <= 2.5%`), or lower the 2025 target.",
        "c.plan": "Add a target for 2030 to objective 'trained', at least as ambitious as 2025 "
                  "(e.g. `chỉ_tiêu 2030 >= 85%`), or lower the 2025 target.",
    }
