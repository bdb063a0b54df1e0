"""`plandsl import` on the held-out published plans, against the answers written by hand before the
importer was run on them: the first set in bench/heldout (the beginnings of ten real plans, see SOURCES.md
there), the second in bench/heldout2 (nine more, gathered after the first set had been used for fixes,
scored once; see SOURCES.md and RESULT.md there), the third in bench/heldout3 (eleven more, gathered blind
after the second set had been used, scored once; RESULT.md there) and the fourth in bench/heldout4 (six page
beginnings shipped, two of them district plans; its three whole texts are not shipped, see SOURCES.md there).

Each excerpt must import to a spec that parses. "No invented value" is checked with the evaluation's
own definitions (bench/import_eval.py: every header value, basis, target and task the import writes
equals an expected one). Where the importer writes a wrong value the test is a strict xfail naming the
bug: these documents are held out, so the bugs are reported (docs/IMPORT.md), not fixed against them
(the fixes are made by category on made-up texts). When a fix removes a bug, the strict xfail fails and
the mark must go.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from country import bench_module
from plandsl.importer import import_document
from plandsl.language.parser import parse_file, parse_text

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "bench" / "heldout"
HELDOUT2 = ROOT / "bench" / "heldout2"
HELDOUT3 = ROOT / "bench" / "heldout3"
HELDOUT4 = ROOT / "bench" / "heldout4"
SETS = (HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4)


def names_in(folder: Path) -> list[str]:
    return sorted(p.name.removesuffix(".expected.plan") for p in folder.glob("*.expected.plan"))


NAMES = names_in(HELDOUT)
NAMES2 = names_in(HELDOUT2)
NAMES3 = names_in(HELDOUT3)
NAMES4 = names_in(HELDOUT4)
# Every held-out document as "set/name" (heldout/ca-mau-62-2021, heldout2/nghe-an-151-2021).
DOCS = [f"{folder.name}/{name}" for folder in SETS for name in names_in(folder)]

# The wrong values the importer writes on these excerpts (the lists in docs/IMPORT.md, "Held-out plans"
# and "Second held-out set (scored once)"), each a strict xfail naming the bug. The seven marked at first
# on the first set (hard-wrapped copies, a "Từ 2021 đến 2025" phase heading, a flattened header table,
# viewpoints as tasks, a title from Điều 1, a signer with '|') pass since the fixes of the follow-ups,
# made on made-up texts (tests/test_import_formats.py). The second set was scored once, with no fix after; then
# its causes were fixed the same way (a header cell cut in mid-word, a document named inside another's wording,
# an item cut at the end of an excerpt, a purpose paragraph naming "mục tiêu chung"), and those marks went.
# Kiên Giang's mark went when the evaluation's scoring bug was fixed (a `maintain` given by a phase id is keyed
# by the phase's years): its two values held every year of 2021-2025 agree with the answer's `maintain p1`.
# Hà Nội 138's mark (a point target where the answer holds a ceiling from 2025 to 2030) went with the fix for
# several figures in one sentence, each with its own wording, reached in a year and kept to a later one.
# The third set was scored once (17 wrong values in six documents, bench/heldout3/RESULT.md); its causes were
# fixed by category on made-up texts (a decision with its own number approving a Sở's plan, a signature and a
# Nơi nhận entry cut in a narrow cell, clauses wrapped before a capital, history text naming documents, a yearly
# range read as a held level, the attached plan's upper-case heading, a wrapped section heading and a cut last
# paragraph as tasks), and no mark was needed after them (RESULT-after-fixes.md there).
# The fourth set was scored once (bench/heldout4/RESULT.md: one wrong value in its six excerpts, a cut attached
# heading as the title; its three whole texts, not shipped, are reported in docs/IMPORT.md); its causes were fixed
# by category on made-up texts (Markdown marks, tasks' agencies in "Cơ quan thực hiện: X chủ trì, phối hợp với …",
# "Hoạt động 1" and "Nội dung thực hiện:", chỉ tiêu for 2025, a city named only in the letterhead, a "Căn cứ"
# block under a title wrapped before "MỤC TIÊU QUỐC GIA", district letterheads), and no mark was needed after
# them for the six (RESULT-after-fixes.md there).
# None is known at present; a wrong value found later is added here as document: reason.
KNOWN_BUGS: dict[str, str] = {}


def evaluation():
    return bench_module("import_eval")


@cache
def imported(doc: str):
    result = import_document(str(ROOT / "bench" / f"{doc}.txt"), keywords="en")
    return result, parse_text(result.text, f"{doc.rpartition('/')[2]}.plan")


def expected(doc: str):
    return parse_file(str(ROOT / "bench" / f"{doc}.expected.plan"))


def test_the_held_out_sets_are_there():
    assert len(NAMES) >= 5
    assert len(NAMES2) >= 6
    assert len(NAMES3) >= 10
    assert len(NAMES4) >= 6
    assert not set(NAMES) & set(NAMES2) and not (set(NAMES) | set(NAMES2)) & set(NAMES3)
    assert not (set(NAMES) | set(NAMES2) | set(NAMES3)) & set(NAMES4)
    for folder in SETS:
        assert (folder / "SOURCES.md").is_file()
        for name in names_in(folder):
            assert (folder / f"{name}.txt").is_file(), name
            assert name in (folder / "SOURCES.md").read_text(encoding="utf-8"), name
    assert set(KNOWN_BUGS) <= set(DOCS)


def test_each_set_names_no_document_of_an_earlier_one():
    for later, earlier in ((HELDOUT2, (HELDOUT,)), (HELDOUT3, (HELDOUT, HELDOUT2)),
                           (HELDOUT4, (HELDOUT, HELDOUT2, HELDOUT3))):
        before = "".join((folder / "SOURCES.md").read_text(encoding="utf-8") for folder in earlier)
        for line in (later / "SOURCES.md").read_text(encoding="utf-8").splitlines():
            if line.startswith("| `") and "http" in line:
                url = next(cell.strip() for cell in line.split(" | ") if cell.strip().startswith("http"))
                assert url.removesuffix("?ac=emails") not in before, url  # a site's tracking tail aside


@pytest.mark.parametrize("doc", DOCS)
def test_the_expected_answer_parses(doc):
    result = expected(doc)
    assert result.plan is not None and not result.diagnostics, [d.message for d in result.diagnostics]


@pytest.mark.parametrize("doc", DOCS)
def test_each_excerpt_imports_to_a_spec_that_parses(doc):
    result, parsed = imported(doc)
    assert parsed.plan is not None
    assert not [d for d in parsed.diagnostics if d.severity.name == "ERROR"], [d.message for d in parsed.diagnostics]
    assert "the parser refused" not in result.text
    assert parsed.plan.id == result.plan_id
    # Nothing is dropped silently: every line the importer did not place is kept as a comment.
    assert result.unplaced == result.text.count("# not placed (")


def test_the_ha_noi_138_draft_keeps_its_purpose_paragraph():
    # Was a strict xfail (the paragraph written as general ":"), until the fix made on a made-up text.
    result, _ = imported("heldout2/ha-noi-138-2021")
    assert "Nâng cao nhận thức và cam kết trách nhiệm" in result.text

@pytest.mark.parametrize("doc", [
    pytest.param(d, marks=pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[d])) if d in KNOWN_BUGS else d
    for d in DOCS
])
def test_the_import_writes_no_invented_value(doc):
    gold = expected(doc).plan
    _, parsed = imported(doc)
    assert evaluation().mistakes(gold, parsed.plan) == []


def test_the_evaluation_keys_a_maintain_by_a_phase_by_the_phases_years():
    head = 'plan x {\n  kind "Kế hoạch"\n  phase p1 2021..2025 "Giai đoạn 2021 - 2025"\n  objective o {\n    text "a"\n'
    by_phase = parse_text(head + "    maintain p1 >= 80%\n  }\n}\n").plan
    by_years = parse_text(head + "    maintain 2021..2025 >= 80%\n  }\n}\n").plan
    other = parse_text(head + "    maintain 2021..2030 >= 80%\n  }\n}\n").plan
    ev = evaluation()
    assert ev.targets(by_phase) == ev.targets(by_years) == {("2021..2025", 80.0, "maintain >="): 1}
    assert ev.mistakes(by_phase, by_years) == [] and ev.mistakes(by_years, by_phase) == []
    assert ev.mistakes(by_phase, other) == ["target: ('2021..2030', 80.0, 'maintain >=') (not expected)"]
