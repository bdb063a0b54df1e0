"""The fast lexer (language.fastlex.scan) against its definition, ``fastlex._TOKEN.finditer``.

``scan`` reads most lines with str methods and leaves to ``_TOKEN`` what it is not sure of; for any
text, its tokens and comments must be exactly ``_TOKEN``'s: the same kind, text and end (hence start)
of every token, in order. The texts: shipped and generated specs, and random texts built from spec
fragments and the characters where the str methods and the regex could part (odd whitespace, quotes,
backslashes, '#', combining marks, Unicode digits and letters, '_').
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from country import gen_module
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import ALL_KEYWORD_WORDS, spec_texts

from plandsl.language import fastlex
from plandsl.language.fastlex import (
    _TOKEN,
    COMMENT,
    NUMBER,
    OTHER,
    STRING,
    SYMBOL,
    WORD,
    scan,
)
from plandsl.language.source import decode
from plandsl.language.values import CONTEXT

ROOT = Path(__file__).resolve().parents[1]


def reference(text: str) -> tuple[list, list]:
    """The tokens and comments by ``_TOKEN`` alone, as (kind, text, end)."""
    toks, notes = [], []
    for mt in _TOKEN.finditer(text):
        kind = mt.lastindex
        assert mt.start(kind) == mt.end() - len(mt[kind])  # a token's text ends its match
        value = mt[kind][1:-1] if kind == STRING else mt[kind]  # scan keeps a string's body
        (notes if kind == COMMENT else toks).append((kind, value, mt.end()))
    return toks, notes


def same(text: str) -> tuple[list, list]:
    """``scan``'s tokens, checked against ``_TOKEN``'s: first with the runs it remembers from earlier
    texts, then with every run of this one remembered."""
    want = reference(text)
    assert scan(text) == want, text
    assert scan(text) == want, text
    return want


# ------------------------------------------------------------------ real specs


def test_shipped_specs_lex_as_the_regex_does():
    files = sorted((ROOT / "specs").rglob("*.plan"))
    assert len(files) > 5
    for f in files:
        toks, _ = same(decode(f.read_bytes(), str(f)).text)
        assert len(toks) > 20


@pytest.mark.parametrize("structure", ["current", "legacy"])
def test_generated_specs_lex_as_the_regex_does(structure, tmp_path):
    out = tmp_path / "country"
    gen_module().generate(out, structure, seed=5, provinces=3, leaves=4)
    files = sorted(out.rglob("*.plan"))
    assert len(files) >= 10
    for f in files:
        text = decode(f.read_bytes(), str(f)).text
        same(text)
        same(text.replace("\n", "\r\n"))
        same(text.replace("  ", "\t"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec_texts())
def test_untidy_spec_texts_lex_as_the_regex_does(sample):
    same(sample[0])


# ------------------------------------------------------------------ random texts

_FRAGMENTS = sorted(ALL_KEYWORD_WORDS) + [
    '"Sở Y tế"', '"a", "b"', '"x # y"', '"q\\"q"', '"\\\\"', '"', '\\', "#", "# note", "{", "}", ",", "..", ">=",
    "<=", "≥", "≤", "%", "+", "-", "=", "95%", "2021..2030", "2025-09-12", "31/12", "1/234", "1_000", "3.5", "3.",
    "12345", "gd1", "_x", "__", "x_", "a1,b2", "ctxh_x01447", "٣", "²", "Ⅻ", "e\u0301", "\u0301a", "ǅ", "ª",
    "\u00a0", "\u2028", "\u2029", "\x0b", "\x85", "\x1c", "\t", "\f", "\r", "\n", " ", "  ", "·", "\u200c",
    "đơn_vị", "chỉ_tiêu", "Việt", "ﬁ", "'", "`", ";", "$", "@",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30))
def test_texts_of_spec_fragments_lex_as_the_regex_does(parts):
    same("".join(parts))
    same(" ".join(parts))
    same("\n".join(parts))


@settings(max_examples=1500, deadline=None)
@given(st.text(st.one_of(st.sampled_from(list(' \n"\\#_a1.%,-/{}\t\r')), st.characters(exclude_categories=("Cs",))),
               max_size=40))
def test_random_texts_lex_as_the_regex_does(text):
    same(text)


def test_lines_the_str_methods_read_and_lines_they_leave_to_the_regex():
    toks, notes = same('  kế_hoạch p {\n  tên "a # b"\n  x 95% 2021..2030 # c\n# d\n}')
    assert [t[1] for t in toks] == ["kế_hoạch", "p", "{", "tên", "a # b", "x", "95", "%", "2021", "..",
                                    "2030", "}"]
    assert notes == [(COMMENT, "# c", 51), (COMMENT, "# d", 55)]
    # a string over two lines, one with a backslash, an unclosed one
    assert same('a "x\ny" b')[0] == [(WORD, "a", 1), (STRING, "x\ny", 7), (WORD, "b", 9)]
    assert same('a "x\\"\ny" b')[0] == [(WORD, "a", 1), (STRING, 'x\\"\ny', 9), (WORD, "b", 11)]
    assert same('a "x\\\ny" b')[0][1] == (OTHER, '"', 3)
    # combining marks are not \w; Unicode digits are \d; '_' and '²' may start a word
    assert same("e\u0301 ٣٤ _a ²x")[0] == [(WORD, "e", 1), (OTHER, "\u0301", 2), (NUMBER, "٣٤", 5),
                                            (WORD, "_a", 8), (WORD, "²x", 11)]
    assert same('""')[0] == [(STRING, "", 2)]


def test_every_word_character_the_str_methods_accept_is_one_the_regex_accepts():
    """``isalnum`` (with '_') and ``isdecimal`` are sure of WORD and NUMBER exactly where ``\\w`` and ``\\d`` are."""
    word, digit = re.compile(r"\w"), re.compile(r"\d")
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert (ch.isalnum() or ch == "_") == bool(word.match(ch)), hex(code)
        assert ch.isdecimal() == bool(digit.match(ch)), hex(code)


def test_remembered_runs_are_bounded_and_forgotten_runs_read_again(monkeypatch):
    monkeypatch.setattr(fastlex, "_BOUND", len(fastlex._SEEDS) + 3)
    texts = [f"x{i} {i}% \tw{i}" for i in range(10)]
    for text in texts + texts:
        same(text)
        assert len(fastlex._ONE) + len(fastlex._MANY) <= len(fastlex._SEEDS) + 4 + 3
    assert set(fastlex._SEEDS.items()) <= set(fastlex._ONE.items())
    long_run = "x" * (fastlex._LONGEST + 1)
    assert same(f"{long_run} {long_run}5%")[0] == [(WORD, long_run, 65), (WORD, long_run + "5", 132),
                                                      (SYMBOL, "%", 133)]
    assert long_run not in fastlex._ONE and long_run + "5%" not in fastlex._MANY
    assert same("a\r\n\r\nb")[0] == [(WORD, "a", 1), (WORD, "b", 6)]
    assert fastlex._MANY["\r"] == () and fastlex._MANY["a\r"] == ((WORD, "a", 1),)


def test_tokens_put_comments_in_the_context():
    CONTEXT.reset("t.plan")
    text = "# a\nplan p { # b\n}"
    toks = fastlex.tokens(text, fastlex.line_starts(text))
    assert [t[1] for t in toks] == ["plan", "p", "{", "}"]
    assert [(c.value, c.line, c.column, c.end_line, c.end_column) for c in CONTEXT.comments] == [
        ("# a", 1, 1, 1, 4), ("# b", 2, 10, 2, 13)]
    assert STRING not in [t[0] for t in toks]
