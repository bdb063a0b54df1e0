"""The Lark parsers come from parse tables shipped with plandsl (language.lark_tables), never from
Lark's pickle cache in the temporary folder: the tables fit the grammar, every parser made from them
parses (and fails) exactly as one built from the grammar, and making them unpickles nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import lark
import pytest
from lark import Lark
from lark.exceptions import UnexpectedInput

from plandsl.language import lark_tables, parser, printer_index
from plandsl.language.parser import _lexer_callbacks, grammar_text
from plandsl.language.transform import Build
from plandsl.language.values import CONTEXT

ROOT = Path(__file__).resolve().parents[1]
SPECS = sorted((ROOT / "specs").rglob("*.plan"))


def test_the_shipped_tables_fit_the_grammar():
    from plandsl.language import _lark_tables as shipped

    assert shipped.SIGNATURE == lark_tables.signature(), (
        "src/plandsl/language/_lark_tables.py does not fit grammar/plan.lark: "
        "run `python -m plandsl.language.lark_tables`")
    assert lark_tables.main(["--check"]) == 0
    # Made by the installed Lark they are used; made by another release, the parser is built instead.
    assert (lark_tables._shipped() is not None) == (shipped.LARK == lark.__version__)


def test_tables_of_another_lark_release_are_not_used(monkeypatch):
    from plandsl.language import _lark_tables as shipped

    monkeypatch.setattr(shipped, "LARK", "0.0.1")
    assert lark_tables._shipped() is None
    CONTEXT.reset("x.plan")
    assert lark_tables.load(transformer=Build()).parse(SPECS[0].read_text(encoding="utf-8")) is not None


def test_a_changed_grammar_is_not_read_with_the_old_tables():
    text = grammar_text()
    assert lark_tables.signature(text) == lark_tables.signature()
    assert lark_tables.signature(text + "\n// one more line\n") != lark_tables.signature()


class _NoPickle:
    """Stands for the pickle module inside Lark: any use fails the test."""

    def __getattr__(self, name):
        raise AssertionError(f"Lark used pickle.{name}: its cache is a pickle in the temporary folder")


@pytest.fixture
def fresh_parsers(monkeypatch, tmp_path):
    """Every plandsl parser made again, with Lark's pickle forbidden and an empty temporary folder."""
    monkeypatch.setattr(lark.lark, "pickle", _NoPickle())
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    for module, name in ((parser, "_PARSER"), (parser, "_PURE"), (printer_index, "_TREE_PARSER"),
                         (printer_index, "_FILTERED_PARSER")):
        monkeypatch.setattr(module, name, None)
    return tmp_path


@pytest.mark.parametrize("shipped", [True, False], ids=["shipped tables", "built from the grammar"])
def test_making_the_parsers_unpickles_and_writes_nothing(fresh_parsers, monkeypatch, shipped):
    if not shipped:  # the tables do not fit (a grammar being edited): built, still without Lark's cache
        monkeypatch.setattr(lark_tables, "_shipped", lambda: None)
    text = SPECS[0].read_text(encoding="utf-8")
    for make in (parser.get_parser, parser._pure_parser, printer_index._tree_parser, printer_index._filtered_parser):
        CONTEXT.reset("x.plan")
        assert make().parse(text) is not None
    assert parser.parse_text("plan p {\n  title \"x\"\n  oops\n}\n", "bad.plan").diagnostics
    assert os.listdir(fresh_parsers) == []


def _broken(text: str) -> list[str]:
    """Texts with a syntax error somewhere: a character dropped or a brace added at spread positions."""
    step = max(1, len(text) // 30)
    out = []
    for i in range(0, len(text), step):
        out.append(text[:i] + text[i + 1:])
        out.append(text[:i] + "}" + text[i:])
    return out


def _shape(node):
    """A tree as plain values (lark-cython's tokens are not lark.Token: compared by what they hold)."""
    if isinstance(node, lark.Tree):
        return (str(node.data), [_shape(c) for c in node.children])
    if node is None:
        return None
    return (node.type, str(node), node.line, node.column, node.end_line, node.end_column)


def _outcome(p: Lark, text: str):
    """What a parser gives for ``text``: the model or tree, with the comments and keyword tokens the
    lexer callbacks collect, or where and why it fails."""
    CONTEXT.reset("x.plan")
    try:
        result = p.parse(text)
    except UnexpectedInput as exc:
        return ("error", type(exc).__name__, exc.line, exc.column, sorted(getattr(exc, "expected", ()) or ()))
    return ("ok", _shape(result) if isinstance(result, lark.Tree) else result,
            [(c.line, c.column, str(c)) for c in CONTEXT.comments],
            [(lang, str(t), t.line, t.column) for lang, t in CONTEXT.keyword_langs])


def test_parsers_from_the_tables_parse_and_fail_as_the_grammar_does():
    """The parsers plandsl makes from the shipped tables (on lark-cython, as in use) against ones built
    from the grammar in pure Python: on every shipped spec and on damaged copies of two of them, the
    same model or tree, the same comments and keywords collected, and the same error where the text
    breaks (position and the tokens expected there)."""
    import lark_cython

    grammar = grammar_text()
    callbacks = _lexer_callbacks(grammar)
    kinds = {"model (parser.get_parser)": dict(transformer=Build(), lexer_callbacks=callbacks),
             "tree (printer_index._filtered_parser)": dict(lexer_callbacks=callbacks)}
    texts = [p.read_text(encoding="utf-8") for p in SPECS]
    texts += _broken(texts[0]) + _broken(texts[-1])
    for name, options in kinds.items():
        shipped = lark_tables.load(**options, plugins=lark_cython.plugins)
        built = Lark(grammar, **lark_tables.OPTIONS, **options)
        outcomes = [_outcome(built, text) for text in texts]
        assert sum(o[0] == "error" for o in outcomes) >= 10, "some damaged copies must fail"
        for text, expected in zip(texts, outcomes):
            assert _outcome(shipped, text) == expected, (name, text[:200])


def test_no_source_asks_lark_for_its_cache():
    import re

    calls = re.compile(r"\bLark(?:\.open)?\((?:[^()]|\([^()]*\))*\bcache\s*=", re.S)
    found = [str(p.relative_to(ROOT)) for p in (ROOT / "src").rglob("*.py")
             if calls.search(p.read_text(encoding="utf-8"))]
    assert found == []
