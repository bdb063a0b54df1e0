"""The formatter parses a spec once (printer_index.parse_indexed): the fast path's outline of the
statements (language.outline), or one Lark tree when the fast path is not sure, gives the model and
the index of its comments. Either route must give exactly what the two-parse route gives (parse_text
for the model, SourceIndex re-reading the text with every token kept): the same plan, diagnostics
and comments, the same statements, braces and comment attachments, and so the same formatted text.
Every test here runs for both routes."""

from __future__ import annotations

from pathlib import Path

import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plandsl.importer import import_text
from plandsl.language import printer_index
from plandsl.language.parser import parse_text
from plandsl.language.printer import format_plan, format_text
from plandsl.language.printer_index import SourceIndex, parse_indexed
from strategies import spec_texts

ROOT = Path(__file__).resolve().parents[1]
HELDOUT_SETS = ("heldout", "heldout2", "heldout3", "heldout4")
SPECS = sorted((ROOT / "specs").rglob("*.plan")) + sorted(
    p for name in HELDOUT_SETS for p in (ROOT / "bench" / name).glob("*.expected.plan"))
HELDOUT = sorted(p for name in HELDOUT_SETS for p in (ROOT / "bench" / name).glob("*.txt"))

# Braces the single tree does not keep: found in the text after a block's last token.
TRICKY = [
    # an instrument without braces right before the plan's '}', and one with an empty block
    'plan a {\n  instrument "1/QĐ" dated 2021-01-02\n}\n',
    'plan a {\n  instrument "1/QĐ" dated 2021-01-02 {}  # empty\n  # before the close\n}  # after\n# at the end\n',
    'plan a {\n  instrument "1/QĐ" dated 2021-01-02 # c1\n  { # c2\n  # c3\n  } # c4\n  title "x" # c5\n}\n',
    # strings holding braces and hashes, comments between a block's last statement and its '}'
    'plan a {\n  title "a } b { # c"  # t\n  task t1 {\n    text "}"\n    # inner close\n  }\n  task t2 { }\n'
    '  task t3 {\n    task t3_a {\n      text "x"  # deep\n    }  # closes t3_a\n    # closes t3\n  }\n}\n',
    # funding with and without its block, approval with its block, lists grouped as written
    'plan a {\n  funding "NS" amount 5\n  funding "X" {\n    text "y"  # z\n  }\n'
    '  approved_by "QĐ" by "UBND" {\n    signer "KT"  # s\n  }\n  implements p, q  # both\n  implements r\n}\n',
    # responsibility and request blocks, maintain, a comment on the plan line
    'plan a {  # the plan\n  objective o {\n    target 2025 >= 5%  # t\n    maintain 2021..2025 >= 1  # m\n  }\n'
    '  responsibility "Sở" {\n    lead t1\n    review "r"\n  }  # resp\n  request "Bộ" {\n    text "q"\n  }\n}\n',
    # Vietnamese keywords
    'kế_hoạch a {\n  văn_bản "1/QĐ" ngày 2021-01-02 {\n    địa_danh "Huế"  # nơi\n  }\n}\n',
]


@pytest.fixture(autouse=True, scope="module", params=["outline", "lark tree"])
def route(request):
    """The fast path's outline, or (PLANDSL_LARK_ONLY) one Lark tree."""
    old = os.environ.get("PLANDSL_LARK_ONLY")
    if request.param == "lark tree":
        os.environ["PLANDSL_LARK_ONLY"] = "1"
    yield request.param
    if old is None:
        os.environ.pop("PLANDSL_LARK_ONLY", None)
    else:
        os.environ["PLANDSL_LARK_ONLY"] = old


def test_the_fast_route_reads_every_shipped_spec_without_lark(route):
    """Formatting a clean spec loads no Lark (about a third of a cold `plandsl import` or `fmt`)."""
    from plandsl.language import outline

    assert all(outline.read(p.read_text("utf-8"), p.name) is not None for p in SPECS)
    code = ("import sys; from plandsl.language.printer import format_text; "
            f"r = format_text(open({str(SPECS[0])!r}, encoding='utf-8').read()); "
            "assert r.ok; print(sorted(m for m in sys.modules if m == 'lark' or m.startswith('lark.')))")
    env = {k: v for k, v in os.environ.items() if k != "PLANDSL_LARK_ONLY"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert out.strip() == "[]"


def _shape(stmt, seen=None) -> tuple:
    return (stmt.rule, stmt.line, stmt.col, stmt.end_line, stmt.count, stmt.close_line, stmt.close_col,
            tuple(stmt.leading), tuple(stmt.trailing), tuple(stmt.close_leading), tuple(stmt.close_trailing),
            tuple((k, tuple(_shape(s) for s in v)) for k, v in sorted(stmt.groups.items())))


def _index_shape(index: SourceIndex) -> tuple:
    return (_shape(index.plan), tuple(index.file_trailing), tuple(sorted(index.blocks)))


def assert_same_as_two_parses(text: str) -> None:
    from plandsl.language import fastparse, outline

    # The outline is read wherever the fast path reads the text (else the Lark tree is the route).
    assert (outline.read(text, "spec.plan") is None) == (fastparse.parse(text, "spec.plan") is None)
    once = parse_indexed(text, "spec.plan")
    twice = parse_text(text, "spec.plan")
    if once is None:
        # Only a text that does not parse cleanly goes the other way.
        assert twice.plan is None or any(d.code == "PRS103" for d in twice.diagnostics)
        return
    result, index = once
    assert result.plan == twice.plan
    assert result.plan.lang == twice.plan.lang
    assert result.diagnostics == twice.diagnostics
    assert result.comments == twice.comments
    old = SourceIndex(twice.text, twice.comments)
    assert _index_shape(index) == _index_shape(old)
    for lang in ("en", "vi"):
        assert format_plan(result.plan, lang, index=index) == format_plan(twice.plan, lang, index=old)


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.name)
def test_the_shipped_specs_format_the_same_from_one_parse(path):
    assert_same_as_two_parses(path.read_text("utf-8"))


@pytest.mark.parametrize("text", TRICKY)
def test_braces_and_comments_the_single_tree_does_not_keep(text):
    assert parse_indexed(text) is not None
    assert_same_as_two_parses(text)


@pytest.mark.parametrize("path", HELDOUT, ids=lambda p: p.name)
def test_import_drafts_format_the_same_from_one_parse(path):
    draft = import_text(path.read_text("utf-8"), path.name, keywords="en").text
    assert_same_as_two_parses(draft)


def test_a_syntax_error_goes_the_two_parse_way_with_its_diagnostic():
    assert parse_indexed('plan a {\n  title\n}\n') is None
    result = format_text('plan a {\n  title\n}\n')
    assert not result.ok and result.diagnostics and result.diagnostics[0].code.startswith("PRS")


def test_format_text_uses_one_parse(monkeypatch):
    """The formatter does not re-read a clean spec with the all-tokens parser."""
    def refuse():
        raise AssertionError("parsed a second time")

    monkeypatch.setattr(printer_index, "_tree_parser", refuse)
    text = SPECS[0].read_text("utf-8")
    assert format_text(text).formatted == format_text(format_text(text).formatted).formatted


@st.composite
def commented_specs(draw):
    """A shipped spec with comments put on random lines and at the ends of random lines."""
    lines = draw(st.sampled_from(SPECS)).read_text("utf-8").split("\n")
    for _ in range(draw(st.integers(1, 8))):
        i = draw(st.integers(0, len(lines) - 1))
        note = "# " + draw(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=8))
        if draw(st.booleans()) or not lines[i].strip() or '"' in lines[i] and lines[i].count('"') % 2:
            lines.insert(i, note)
        else:
            lines[i] = lines[i] + "  " + note
    return "\n".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commented_specs())
def test_random_comments_attach_the_same_from_one_parse(text):
    assert_same_as_two_parses(text)


def test_every_rule_case_and_doc_example_formats_the_same_from_one_parse():
    """The rules' YAML cases and the docs' examples use every construct of the language (approvals,
    proposals, amendments, maintain, allow, quantities ...), many the shipped specs do not."""
    from test_fastparse import DOC_BLOCKS, RULE_TEXTS

    assert len(RULE_TEXTS) >= 100 and DOC_BLOCKS
    for _name, text in RULE_TEXTS + DOC_BLOCKS:
        assert_same_as_two_parses(text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec_texts())
def test_generated_specs_of_every_construct_format_the_same_from_one_parse(sample):
    """Plans drawn at random (tests/strategies.py), written untidily in either keyword set."""
    assert_same_as_two_parses(sample[0])


def test_the_keyword_table_is_read_from_the_grammar_without_a_parser(monkeypatch):
    """The keyword table comes from the grammar's KW_ lines, equal to the built parsers' terminals."""
    from plandsl.language import parser

    monkeypatch.setattr(parser, "_PARSER", None)
    monkeypatch.setattr(parser, "_KEYWORDS", None)
    table = printer_index.keyword_table()
    assert parser._PARSER is None  # no parser built for it
    assert table == parser._keyword_table(parser.build_parser()) == parser._keyword_table(
        printer_index._filtered_parser())
    assert len(table) > 60 and table["allow"] == ("allow", "chấp_nhận")
