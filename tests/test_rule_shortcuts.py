"""The strings the per-plan text rules read (with and without names), and TX002 over them."""

from __future__ import annotations

from plandsl.rules.context import RuleContext
from resolving import findings, plan


def test_mojibake_in_any_one_string_is_still_found():
    clean = plan("p", 'title "Kế hoạch công tác xã hội"\n'
                       'task t1 {\n  text "Tuyên truyền"\n  lead "Sở Y tế"\n}')
    assert findings("TX002", p=clean) == []
    damaged = clean.replace("Tuyên truyền", "Tuyên truyá»\u0081n")
    found = findings("TX002", p=damaged)
    assert [d.subject for d in found] == ["t1"]
    # the last string of one and the first of the next do not make a hint between them
    assert findings("TX002", p=clean.replace("Tuyên truyền", "Tuyên truyền á")) == []


def test_plan_strings_without_names_are_the_others_in_order():
    """The plan's strings are walked once for both readings: without names, the same list less the
    jurisdiction, the instrument's place and its signatory."""
    from resolving import spec_set

    from plandsl.rules.strings import plan_strings

    text = plan("p", """
jurisdiction "Xã Hồng Sơn"
instrument "12/KH-UBND" dated 2025-09-27 {
  place "Tuyên Quang"
  signer "KT. CHỦ TỊCH"
  signatory "Lê Hữu Cường"
}
general "Phát triển công tác xã hội"
task t1 {
  text "Tuyên truyền"
  lead "Sở Y tế"
  support "Sở Nội vụ", "Sở Tư pháp"
}""")
    p = spec_set(p=text).plans[0]
    every = plan_strings(p)
    texts = [s[0] for s in every]
    assert texts[:1] == ["Xã Hồng Sơn"] and ["Tuyên Quang", "KT. CHỦ TỊCH", "Lê Hữu Cường"] == texts[1:4]
    assert texts[4:] == ["Phát triển công tác xã hội", "Tuyên truyền", "Sở Y tế", "Sở Nội vụ",
                         "Sở Tư pháp"]
    assert plan_strings(p, names=False) == tuple(s for s in every if s[0] not in
                                                  ("Xã Hồng Sơn", "Tuyên Quang", "Lê Hữu Cường"))
    assert [s[2] for s in every[5:]] == ["t1"] * 4


def test_source_of_is_the_text_sources_gives():
    """TX004 reads the plan's own text without building the spec set's mapping of texts."""
    from plandsl.language.parser import parse_text
    from plandsl.project.loader import SpecSet
    from plandsl.rules import strings

    a, b = parse_text("plan a {}\n", "a.plan"), parse_text("plan b {}\n", "b.plan")
    again = parse_text("plan a2 {}\n", "a.plan")
    ctx = RuleContext(SpecSet((a, b, again)), None)  # type: ignore[arg-type]
    got = [strings.source_of(ctx, p) for p in ("a.plan", "b.plan", "c.plan")]
    assert got == ["plan a2 {}\n", "plan b {}\n", None]
    assert got == [strings.sources(ctx).get(p) for p in ("a.plan", "b.plan", "c.plan")]
    assert [strings.source_of(ctx, p) for p in ("a.plan", "b.plan", "c.plan")] == got  # from the mapping now


def test_source_of_maps_a_set_on_its_second_question():
    """A set checked in one process (``check --jobs 1``, the language server's first check) asks for every
    plan's text: the second question maps the set, so the others are look-ups, not walks of every file
    (3,356 walks of 3,356 files took 2.7 s of a country check). A worker's commune set is asked once, for
    its last file: a walk of one step, no mapping."""
    from plandsl.language.parser import parse_text
    from plandsl.project.loader import SpecSet
    from plandsl.rules import strings

    parsed = tuple(parse_text(f"plan p{i} {{}}\n", f"p{i}.plan") for i in range(20))
    ctx = RuleContext(SpecSet(parsed), None)  # type: ignore[arg-type]
    assert strings.source_of(ctx, "p19.plan") == "plan p19 {}\n"
    assert strings._SOURCES[0] is not ctx.specs  # walked, not mapped
    assert strings.source_of(ctx, "p3.plan") == "plan p3 {}\n"
    assert strings._SOURCES[0] is ctx.specs  # mapped on the second question
    assert strings.source_of(ctx, "p16.plan") == "plan p16 {}\n" and strings.source_of(ctx, "q.plan") is None


def test_the_directed_agency_matches_are_the_leads_and_responsibilities_of_all_matches():
    """AG013 reads the bodies a plan puts in charge; they are taken from the matches of all its bodies
    (computed once for AG010, AG012 and AG013), which must equal matching the directed ones alone, on
    every shipped spec."""
    from pathlib import Path

    from plandsl.project.loader import load
    from plandsl.rules import registry_rules as rr

    specs = load([str(Path(__file__).resolve().parents[1] / "specs")], jobs=1)
    ctx = RuleContext(specs, None)  # type: ignore[arg-type]
    reg = ctx.agencies
    checked = 0
    for p in specs.plans:
        directed = rr._matches(p, ctx, directed_only=True)
        assert directed == rr._find_matches(p, reg, True), p.id
        assert rr._matches(p, ctx) == rr._find_matches(p, reg, False), p.id
        checked += bool(directed)
    assert checked >= 5
