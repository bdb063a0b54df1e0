"""The fast parse path (language.fastparse) against the Lark parser, the definition of the language.

For every input, the fast path either gives up (None, and parse_text asks Lark) or gives exactly
Lark's result: the plan with every span, the diagnostics in order, the comments, the text. It gives
up whenever Lark reports a syntax error, and it is really taken on every valid shipped spec and on
the generated country, so these tests cannot pass by the fast path always giving up.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
import yaml
from country import gen_module
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import ALL_KEYWORD_WORDS, plans, spec_texts

from plandsl.language import fastlex, fastparse
from plandsl.language import parser as p
from plandsl.language.parser import parse_text, parse_text_lark
from plandsl.language.printer import format_plan
from plandsl.language.source import decode

ROOT = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------------ comparing results


def _tree(value):
    """Everything in a value, spans and classes included (model equality ignores spans)."""
    if attrs.has(type(value)):
        return (type(value).__name__, tuple((f.name, _tree(getattr(value, f.name))) for f in attrs.fields(type(value))))
    if isinstance(value, (tuple, list)):
        return (type(value).__name__, tuple(_tree(v) for v in value))
    if isinstance(value, dict):
        return ("dict", tuple((k, _tree(v)) for k, v in value.items()))
    assert value is None or isinstance(value, (str, int, Decimal, dt.date, enum.Enum)), type(value)
    return (type(value).__name__, repr(value))


def _result_tree(result):
    return _tree((result.path, result.plan, result.diagnostics, result.comments, result.text))


def fast_result(text: str, path: str):
    """What parse_text returns by the fast path, or None when the fast path gives up."""
    plan = fastparse.read(text, path)  # not parse(): a fault of the fast path must fail the test
    return None if plan is None else p._finish(plan, path, text)


def check(text: str, path: str = "t.plan"):
    """The fast result (None when it gave up), after checking it against Lark's."""
    lark = parse_text_lark(text, path)
    fast = fast_result(text, path)
    if fast is not None:
        assert lark.plan is not None, (text, lark.diagnostics)
        assert _result_tree(fast) == _result_tree(lark), text
        assert fast == lark
    if lark.plan is None:
        assert fast is None
    return fast


# ------------------------------------------------------------------ every spec text in the repository


def _spec_files() -> list[Path]:
    found = []
    for folder in ("specs", "tests", "editors", "docs", "examples"):
        found += sorted((ROOT / folder).rglob("*.plan"))
    return found


def _rule_case_texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "tests" / "rules").glob("*.yml")):
        for case in yaml.safe_load(path.read_text("utf-8")).get("cases", []):
            for name, text in (case.get("specs") or {}).items():
                out.append((f"{path.name}:{case.get('name')}:{name}", text))
    return out


def _doc_blocks() -> list[tuple[str, str]]:
    """Fenced blocks of the docs that hold a plan (whole or not: a fragment must make the fast path give up)."""
    out = []
    for path in sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]:
        for i, block in enumerate(re.findall(r"```[^\n]*\n(.*?)```", path.read_text("utf-8"), re.S)):
            if re.search(r"^\s*(plan|kế_hoạch)\s", block, re.M):
                out.append((f"{path.name}#{i}", block))
    return out


SPEC_FILES = _spec_files()
RULE_TEXTS = _rule_case_texts()
DOC_BLOCKS = _doc_blocks()


def test_the_corpus_is_not_empty():
    assert len(SPEC_FILES) >= 10 and len(RULE_TEXTS) >= 100 and DOC_BLOCKS


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda f: str(f.relative_to(ROOT)))
def test_shipped_specs_take_the_fast_path_and_equal_lark(path):
    source = decode(path.read_bytes(), str(path))
    fast = check(source.text, str(path))
    if parse_text_lark(source.text, str(path)).plan is not None:
        assert fast is not None, "the fast path gave up on a valid shipped spec"


def test_rule_cases_take_the_fast_path_and_equal_lark():
    taken = 0
    for name, text in RULE_TEXTS:
        fast = check(text, name)
        valid = parse_text_lark(text, name).plan is not None
        assert fast is not None or not valid, f"the fast path gave up on {name}"
        taken += fast is not None
    assert taken >= 100


def test_doc_examples_give_up_or_equal_lark():
    for name, text in DOC_BLOCKS:
        check(text, name)


@pytest.fixture(scope="module", params=["current", "legacy"])
def country_texts(request, tmp_path_factory) -> list[tuple[str, str]]:
    out = tmp_path_factory.mktemp(f"country-{request.param}") / "country"
    gen_module().generate(out, request.param, seed=3, provinces=3, leaves=4)
    return [(str(f), decode(f.read_bytes(), str(f)).text) for f in sorted(out.rglob("*.plan"))]


def test_generated_country_takes_the_fast_path_and_equals_lark(country_texts):
    langs = set()
    for path, text in country_texts:
        fast = check(text, path)
        assert fast is not None, f"the fast path gave up on {path}"
        langs.add(fast.plan.lang)
    assert len(country_texts) >= 10 and langs == {"en", "vi"}


# ------------------------------------------------------------------ generated plans


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec_texts())
def test_untidy_texts_take_the_fast_path_and_equal_lark(sample):
    text, plan = sample
    fast = check(text)
    assert fast is not None and fast.plan == plan


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.sampled_from(["en", "vi"]))
def test_printed_plans_take_the_fast_path_in_both_keyword_sets(plan, lang):
    text = format_plan(plan, lang)
    fast = check(text)
    assert fast is not None and fast.plan == attrs.evolve(plan, lang=lang)


# ------------------------------------------------------------------ damaged texts

_PIECE = re.compile(r'"(?:[^"\\]|\\.)*"|#[^\n]*|\w+|\.\.|>=|<=|\S')
_WORDS = sorted(ALL_KEYWORD_WORDS) + ["x", "năm", "số", "2025", "2021-02-30", "10/6", "31/2", "1_000", "7.5",
                                      "{", "}", ",", "..", "%", "+", "-", ">=", "≥", "=", '"s"', "#c\n", "\\",
                                      "2025-5", "0000", "20255", "objectivea", "e\u0301", "\u00a0", "\t", "\n"]


@st.composite
def damaged(draw):
    """A valid text with tokens deleted, duplicated, swapped or inserted, or cut short."""
    text, _plan = draw(spec_texts())
    for _ in range(draw(st.integers(1, 3))):
        pieces = [(mt.start(), mt.end()) for mt in _PIECE.finditer(text)]
        if not pieces:
            break
        a, b = pieces[draw(st.integers(0, len(pieces) - 1))]
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "replace", "cut", "glue"]))
        if op == "delete":
            text = text[:a] + text[b:]
        elif op == "duplicate":
            text = text[:b] + " " + text[a:b] + text[b:]
        elif op == "swap":
            c, d = pieces[draw(st.integers(0, len(pieces) - 1))]
            if (c, d) > (a, b):
                (a, b), (c, d) = (c, d), (a, b)
            if d <= a:
                text = text[:c] + text[a:b] + text[d:a] + text[c:d] + text[b:]
        elif op == "insert":
            text = text[:a] + draw(st.sampled_from(_WORDS)) + " " + text[a:]
        elif op == "replace":
            text = text[:a] + draw(st.sampled_from(_WORDS)) + text[b:]
        elif op == "glue":  # remove the space after a token
            text = text[:b] + text[b:].lstrip(" \n")
        else:
            text = text[:draw(st.integers(0, len(text)))]
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_texts_give_up_or_equal_lark(text):
    check(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_WORDS + ["o", "p", '"a"', "2030", "1"]), st.sampled_from([" ", "\n", ""])),
                max_size=25).map(lambda ws: "plan p {\n" + "".join(w + sep for w, sep in ws) + "\n}"))
def test_random_statements_give_up_or_equal_lark(text):
    check(text)


def test_glued_keywords_and_odd_numbers():
    """Where Lark's contextual lexer splits a word or a number, the fast path gives up or agrees."""
    for text in ['plan p { objectivea { } }', 'plan p { kind"x" }', 'plan p { period 2021..2025kind "x" }',
                 'plan p { objective o { target 2025-5% vs 2020 } }', 'plan p { objective target { } }',
                 'plan p { task t { due 2021-04-19 } }', 'plan p { period 2021 .. 2025 }',
                 'plan p { objective o { maintain 2025..2030 >= 100 % } }', 'plan năm { level số }',
                 'plan p { report annual before 31/2 } plan q { }', 'plan p { vision 20255 }',
                 'plan p { phase a 2021..2025"x" }', 'plan p { level x level y }', 'plan p {}#c']:
        check(text)


def test_keywords_where_a_name_stands_are_names_and_take_the_fast_path():
    texts = ['plan năm {\n  objective số { unit người target năm >= 5 maintain 2025..2030 = 1 }\n'
             '  task trong { serves số, năm task tổng { } }\n  allow năm on số "x"\n  implements plan, kind\n'
             '  phase target 2021..2025\n  report annual to "A"\n  waive objective\n}\n',
             'kế_hoạch plan { mục_tiêu mục_tiêu { chỉ_tiêu năm tối_thiểu 5 % } nhiệm_vụ năm { } }',
             'plan p {\r\n\tkind "a"\f# c\r\n  title "b\nc" }  \n\n']
    for text in texts:
        fast = check(text)
        assert fast is not None and not [d for d in fast.diagnostics if d.code != "PRS120"], text


def test_value_diagnostics_come_in_lark_order():
    text = ('kế_hoạch p {\n  level nation\n'
            '  instrument "1" dated 2021-02-30 { proposal "2" dated 2021-13-01 by "x" }\n'
            '  objective o { unit persons unit % direction upwards }\n  report yearly before 31/2\n  kind "a"\n'
            '  kind "b"\n  task t { due 2021-02-29 text "a" text "b" }\n  title "t" # note\n}\n')
    fast = check(text)
    assert fast is not None
    codes = [d.code for d in fast.diagnostics]
    assert codes.count("PRS110") == 1 and codes.count("PRS121") == 3 and "PRS122" in codes
    assert codes.index("PRS121") < codes.index("PRS130") and codes[-1] == "PRS110"
    assert [c.text for c in fast.comments] == ["# note"]


def test_deep_nesting_is_left_to_lark():
    def nested(depth):
        return "plan p {\n" + "".join(f"task t{i} {{ " for i in range(depth)) + "}" * depth + "\n}\n"
    assert check(nested(p.MAX_TASK_DEPTH)) is not None
    assert check(nested(p.MAX_TASK_DEPTH + 1)) is None
    assert fastparse.MAX_DEPTH == p.MAX_TASK_DEPTH


def test_lark_only_switch(monkeypatch):
    text = (ROOT / "tests" / "fixtures").rglob("*.plan").__next__().read_text("utf-8")
    calls = []
    real = fastparse.parse
    monkeypatch.setattr(fastparse, "parse", lambda *a: calls.append(a) or real(*a))
    assert parse_text(text).plan is not None and len(calls) == 1
    for var in ("PLANDSL_LARK_ONLY", "PLANDSL_PURE_PARSER"):
        monkeypatch.setenv(var, "1")
        assert parse_text(text) == parse_text_lark(text) and len(calls) == 1
        monkeypatch.delenv(var)


# ------------------------------------------------------------------ why one tokenisation is enough


def _lark_states():
    parser = p.build_parser(fast=False)
    table = parser.parser.parser.parser.parse_table
    return parser, [set(actions) for actions in table.states.values()]


def test_lark_contextual_lexer_never_needs_context_the_fast_lexer_lacks():
    """In no parser state does a word's or a number's kind depend on more than what the grammar
    expects there: no state accepts NAME and a keyword, nor NUMBER and YEAR (fastparse docstring)."""
    parser, states = _lark_states()
    for accepts in states:
        assert not ("NAME" in accepts and any(t.startswith("KW_") for t in accepts)), sorted(accepts)
        assert not ("NUMBER" in accepts and "YEAR" in accepts), sorted(accepts)
        assert not ("NUMBER" in accepts and ({"DATE", "DAY_MONTH"} & accepts)), sorted(accepts)
    patterns = {t.name: (t.pattern.to_regexp(), t.priority) for t in parser.terminals}
    assert patterns["NAME"] == (r"[^\W\d]\w*", 0)
    assert patterns["DATE"] == (r"\d{4}-\d{2}-\d{2}", 3)
    assert patterns["DAY_MONTH"] == (r"\d{1,2}\/\d{1,2}", 3)
    assert patterns["YEAR"] == (r"\d{4}(?!\d)", 2)
    assert patterns["NUMBER"] == (r"\d[\d_]*(\.\d+)?", 0)
    assert patterns["STRING"] == (r'"(?:[^"\\]|\\.)*"', 0)
    assert patterns["COMMENT"] == ("#[^\n]*", 0)
    assert patterns["WS"] == ("(?:[ \t\x0c\r\n])+", 0)
    assert set(parser.lexer_conf.ignore) == {"WS", "COMMENT"}
    symbols = {re.sub(r"\\(.)", r"\1", s) for name, (rx, _) in patterns.items() if not name.startswith("KW_")
               and name not in ("NAME", "DATE", "DAY_MONTH", "YEAR", "NUMBER", "STRING", "COMMENT", "WS")
               for s in re.sub(r"^\(\?:(.*)\)$", r"\1", rx).split("|")}
    assert symbols == {"%", "+", "-", ">=", "≥", "<=", "≤", "=", "{", "}", ",", ".."}
    for name in ("NAME", "DATE", "DAY_MONTH", "NUMBER", "COMMENT"):  # the same in the fast lexer (STRING: below)
        rx = patterns[name][0].replace("\\/", "/").replace("(\\.", "(?:\\.").replace("\n", "\\n")
        assert rx in fastlex._TOKEN.pattern, name
    assert "[ \\t\\f\\r\\n]*" in fastlex._TOKEN.pattern
    kws = {t.name: t.pattern.value for t in parser.terminals if t.name.startswith("KW_")}
    assert {w: f"KW_{c.upper()}_{lang}" for w, (c, lang) in fastlex.KEYWORDS.items()} == {v: k for k, v in kws.items()}


_GRAMMAR_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_FAST_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')


def test_the_fast_string_pattern_is_the_grammar_s_unrolled():
    assert _FAST_STRING.pattern in fastlex._TOKEN.pattern
    assert _lark_states()[0].get_terminal("STRING").pattern.to_regexp() == _GRAMMAR_STRING.pattern


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet='"\\\nab', max_size=12))
def test_the_fast_string_pattern_matches_what_the_grammar_s_matches(text):
    a, b = _GRAMMAR_STRING.match(text), _FAST_STRING.match(text)
    assert (a and a.group()) == (b and b.group())


def test_maker_builds_what_the_class_builds_and_refuses_classes_it_cannot_build():
    from plandsl.language import model as m

    make = m.maker(m.Target, "phase value comparator percent base_year maintain through span")
    with pytest.raises(TypeError, match="update the positional calls"):  # a field moved: refused at import
        m.maker(m.Target, "value phase comparator percent base_year maintain through span")
    args = ("gd1", Decimal("60"), ">=", True, None, False, None)
    span = m.Span("a.plan", 1, 2, 1, 9)
    built, plain = make(*args, span), m.Target(*args, span=span)
    assert built == plain and built.span == plain.span and hash(built) == hash(plain) and repr(built) == repr(plain)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.value = Decimal("1")

    @attrs.frozen(cache_hash=True)
    class Hashed:
        x: int

    @attrs.frozen
    class Checked:
        x: int = attrs.field(validator=attrs.validators.instance_of(int))

    @attrs.frozen
    class Converted:
        x: int = attrs.field(converter=int)

    for cls in (Hashed, Checked, Converted):
        with pytest.raises(TypeError, match="build it with its own __init__"):
            m.maker(cls, "x")
