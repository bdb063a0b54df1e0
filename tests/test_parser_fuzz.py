"""Parser robustness: whatever the input, the outcome is a model or diagnostics."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plandsl.core.diagnostics import Diagnostic
from plandsl.language.model import Plan
from plandsl.language.parser import parse_bytes, parse_text

SPECS = sorted((Path(__file__).resolve().parents[1] / "specs").rglob("*.plan"))
SAMPLE = (Path(__file__).parent / "test_parser.py").read_text("utf-8").split("SPEC = '''")[1].split("'''")[0]
CORPUS = [SAMPLE] + [p.read_text("utf-8") for p in SPECS[:4]]

FRAGMENTS = ["{", "}", '"', "..", "%", ">=", "plan", "objective", "target", "mục_tiêu", "2025", "10/6",
             "2021-02-30", "\n", "#", "\\", "“", "\x00", "\ufeff", "e\u0301"]


def _assert_outcome(result, text_len: int) -> None:
    assert result.plan is None or isinstance(result.plan, Plan)
    assert all(isinstance(d, Diagnostic) for d in result.diagnostics)
    if result.plan is None:
        # A failed parse always says why, with a location.
        assert result.diagnostics, "a failed parse must produce a diagnostic"
        assert all(d.span is not None and d.span.line >= 1 and d.span.col >= 1 for d in result.diagnostics)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_random_text(text):
    _assert_outcome(parse_text(text, "fuzz.plan"), len(text))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes(data):
    _assert_outcome(parse_bytes(data, "fuzz.plan"), len(data))


@st.composite
def mutated(draw):
    text = draw(st.sampled_from(CORPUS))
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        if op == "insert":
            text = text[:pos] + draw(st.sampled_from(FRAGMENTS)) + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 20)):]
        else:
            text = text[:pos] + draw(st.text(max_size=5)) + text[pos + 1:]
    return text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_specs(text):
    _assert_outcome(parse_text(text, "mutated.plan"), len(text))
    _assert_outcome(parse_bytes(text.encode("utf-8", "surrogatepass"), "mutated.plan"), len(text))


# ------------------------------------------------------- compiled vs pure Lark

def _parse_with(parser, text):
    from plandsl.language import parser as p

    saved, p._PARSER = p._PARSER, parser
    try:
        r = p.parse_text_lark(text, "diff.plan")  # Lark itself, not the fast path
    finally:
        p._PARSER = saved
    return (r.plan, [(d.code, d.message, d.hint, d.span) for d in r.diagnostics],
            r.comments, r.plan and [t.span for o in r.plan.objectives for t in o.targets])


_BACKENDS = {}


def _backends():
    if not _BACKENDS:
        import pytest

        pytest.importorskip("lark_cython")
        from plandsl.language.parser import build_parser

        _BACKENDS["fast"], _BACKENDS["pure"] = build_parser(fast=True), build_parser(fast=False)
    return _BACKENDS["fast"], _BACKENDS["pure"]


def test_compiled_parser_is_really_compiled():
    fast, pure = _backends()
    assert type(fast.parser.parser).__module__.startswith("lark_cython")
    assert not type(pure.parser.parser).__module__.startswith("lark_cython")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(mutated(), st.sampled_from(CORPUS), st.text(max_size=200)))
def test_compiled_and_pure_parsers_agree(text):
    fast, pure = _backends()
    assert _parse_with(fast, text) == _parse_with(pure, text)
