"""Fuzz suite (issue 17): hostile input never crashes, formatting keeps the meaning, renderers stay valid.

Run by the normal test command with bounded budgets. For a longer run set
``PLANDSL_FUZZ_SCALE`` (a multiplier of every budget), e.g.
``PLANDSL_FUZZ_SCALE=50 pytest tests/test_fuzz.py``; coverage-guided fuzzing
with atheris lives in fuzz/ (fuzz/README.md).
"""

from __future__ import annotations

import html.parser
import io
import os
import re
import zipfile
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from plandsl.core.diagnostics import Diagnostic, has_errors
from plandsl.core.safetext import CONTROL
from plandsl.language.parser import parse_bytes, parse_text
from plandsl.language.printer import format_bytes, format_text
from plandsl.project.loader import SpecSet, load

SCALE = max(1, int(os.environ.get("PLANDSL_FUZZ_SCALE", "1")))
ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "specs").rglob("*.plan"))
CORPUS = [p.read_text("utf-8") for p in SEEDS]
FIXTURES = ROOT / "tests" / "fixtures" / "ctxh"
PLAN = "qn_ctxh_2021"

# Any code point, lone surrogates included (the web editor decodes with surrogatepass).
ANY_CHAR = st.characters(codec=None, categories=None)
HOSTILE = ["\x1b[31m", "\x07", "\x00", "\u202e", "\ufeff", "[x](javascript:alert(1))", "<script>alert(1)</script>",
           "&amp;", "]]>", "{{ x }}", "{% raw %}", "| a |", "\\", '"', "\n", "\t", "e\u0301", "\ud800", "\uffff"]
hostile_strings = st.one_of(
    st.text(ANY_CHAR, max_size=40),
    st.text(ANY_CHAR, min_size=250, max_size=600),  # over Word's 255-character property limit
    st.lists(st.sampled_from(HOSTILE) | st.text(max_size=5), max_size=6).map("".join),
)


def _settings(n: int, **kw):
    return settings(max_examples=n * SCALE, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                           HealthCheck.data_too_large], **kw)


# ------------------------------------------------------------------ parser

@st.composite
def mutated_seeds(draw):
    text = draw(st.sampled_from(CORPUS))
    for _ in range(draw(st.integers(1, 5))):
        pos = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "truncate"]))
        if op == "insert":
            text = text[:pos] + draw(st.sampled_from(HOSTILE + ["task t {", "}", "objective o {", "target 2025 >= "]))\
                + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 40)):]
        elif op == "duplicate":
            end = pos + draw(st.integers(1, 200))
            text = text[:end] + text[pos:end] * draw(st.integers(1, 20)) + text[end:]
        else:
            text = text[:pos]
    return text


def _outcome(result) -> None:
    assert all(isinstance(d, Diagnostic) for d in result.diagnostics)
    if result.plan is None:
        assert result.diagnostics and all(d.span is not None and d.span.line >= 1 for d in result.diagnostics)


@_settings(60)
@given(mutated_seeds())
def test_parser_survives_mutated_seeds(text):
    _outcome(parse_text(text, "m.plan"))
    _outcome(parse_bytes(text.encode("utf-8", "surrogatepass"), "m.plan"))


@_settings(60)
@given(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"]),
       st.binary(max_size=200))
def test_parser_survives_byte_order_marks_and_bytes(bom, data):
    _outcome(parse_bytes(bom + data, "b.plan"))


@_settings(10)
@given(st.integers(1, 3000), st.sampled_from(["task t {", "task t { lead \"X\"\n", "{", "objective o {"]))
def test_parser_survives_deep_nesting(depth, opener):
    head = 'plan p {\n  level province\n  period 2021..2025\n'
    _outcome(parse_text(head + opener * depth + "}" * depth + "\n}\n", "deep.plan"))


# ------------------------------------------------------------------ formatter keeps the meaning

def _meaning(result) -> Counter:
    """The findings of check on one parsed spec, without locations (formatting moves lines)."""
    from plandsl.check.pipeline import check_specs

    diags = check_specs(SpecSet((result,))).diagnostics
    return Counter((d.code, d.severity, re.sub(r"\d+:\d+", "L:C", d.message), d.subject) for d in diags
                   if d.code not in FILE_FORM)


# Findings about the file's form, which formatting exists to fix (NFC).
FILE_FORM = {"PRS004"}


@_settings(10)
@given(mutated_seeds())
def test_fmt_keeps_the_findings(text):
    data = text.encode("utf-8", "surrogatepass")  # what `plandsl fmt` reads
    before = parse_bytes(data, "f.plan")
    assume(before.plan is not None and not has_errors(before.diagnostics))
    formatted = format_bytes(data, "f.plan")
    assert formatted.ok
    after = parse_bytes(formatted.formatted.encode("utf-8"), "f.plan")
    assert after.plan is not None and not has_errors(after.diagnostics)
    assert format_text(formatted.formatted, "f.plan").formatted == formatted.formatted  # idempotent
    assert _meaning(after) == _meaning(before)


# ------------------------------------------------------------------ renderers: any string in any field

_BASE = load([str(FIXTURES)])


def _string_paths(obj, path=()):
    """Paths (attribute names and indexes) to every string inside a model object."""
    if isinstance(obj, str):
        yield path
    elif attrs.has(type(obj)):
        for f in attrs.fields(type(obj)):
            if f.name not in ("span", "field_spans", "id", "lang"):
                yield from _string_paths(getattr(obj, f.name), path + (f.name,))
    elif isinstance(obj, tuple):
        for i, v in enumerate(obj):
            yield from _string_paths(v, path + (i,))


def _replace(obj, path, value):
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(head, int):
        return obj[:head] + (_replace(obj[head], rest, value),) + obj[head + 1:]
    return attrs.evolve(obj, **{head: _replace(getattr(obj, head), rest, value)})


_TARGET_INDEX = next(i for i, f in enumerate(_BASE.files) if f.plan is not None and f.plan.id == PLAN)
_PATHS = sorted(_string_paths(_BASE.files[_TARGET_INDEX].plan), key=str)


def _specs_with(path, value) -> SpecSet:
    files = list(_BASE.files)
    plan = _replace(files[_TARGET_INDEX].plan, path, value)
    files[_TARGET_INDEX] = attrs.evolve(files[_TARGET_INDEX], plan=plan)
    return attrs.evolve(_BASE, files=tuple(files))


class _Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs_):
        self.tags.add(tag)


def _tags(text: str) -> set[str]:
    parser = _Tags()
    parser.feed(text)
    return parser.tags


def _render(specs, fmt):
    from plandsl.render import render

    return render(specs, PLAN, fmt, "both", True, True)


_BASE_HTML_TAGS = _tags(_render(_BASE, "html").data.decode("utf-8"))


def test_string_paths_cover_the_plan():
    assert len(_PATHS) > 30 and ("title",) in _PATHS


@_settings(25)
@given(st.sampled_from(_PATHS), hostile_strings)
def test_any_string_in_any_field_renders_valid_markdown_and_html(path, value):
    specs = _specs_with(path, value)
    for fmt in ("md", "html"):
        result = _render(specs, fmt)
        if not result.ok:
            assert result.diagnostics
            continue
        text = result.data.decode("utf-8")
        assert not CONTROL.search(text)
        if fmt == "md":
            assert not re.search(r"(?<!\\)\[[^\]\n]*(?<!\\)\]\(", text), "a link came from spec text"
            assert "<script" not in text
        else:
            assert _tags(text) <= _BASE_HTML_TAGS | {"br"}, "markup came from spec text"


@_settings(4)
@given(st.sampled_from(_PATHS), hostile_strings)
def test_any_string_in_any_field_renders_a_valid_docx(path, value):
    docx = pytest.importorskip("docx")
    from lxml import etree

    result = _render(_specs_with(path, value), "docx")
    if not result.ok:
        assert result.diagnostics
        return
    with zipfile.ZipFile(io.BytesIO(result.data)) as zf:
        assert zf.testzip() is None
        for name in zf.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(zf.read(name))  # well-formed XML
    docx.Document(io.BytesIO(result.data))


# ------------------------------------------------------------------ the cache reader

@_settings(30)
@given(st.binary(max_size=600))
@example(b"\x022\xfe\x80")  # a stat row whose text is not UTF-8 raised UnicodeDecodeError
def test_cache_reader_survives_any_bytes(data):
    """Any bytes as the cache database, as a stored value, or written over a real database: a miss."""
    pytest.importorskip("plandsl.core.cachedb", reason="the SQLite cache store is not there yet")
    pytest.importorskip("plandsl.check.codec", reason="the cache codec is not there yet")
    import importlib.util

    spec = importlib.util.spec_from_file_location("fuzz_cache", ROOT / "fuzz" / "fuzz_cache.py")
    target = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(target)
    target.test_one_input(data)


# ------------------------------------------------------------------ the importer

SEED_DOCS = [p.read_text("utf-8") for p in sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))[:6]]


@st.composite
def documents(draw):
    if not SEED_DOCS or draw(st.booleans()):
        return draw(st.text(ANY_CHAR, min_size=1, max_size=300))
    text = draw(st.sampled_from(SEED_DOCS))
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(text)))
        text = text[:pos] + draw(st.sampled_from(HOSTILE + ["\nĐiều 1.", "\n- ", "\n1. ", "%", "năm 2025"])) \
            + text[pos + draw(st.integers(0, 30)):]
    return text


@_settings(8)
@given(documents())
def test_importer_drafts_a_spec_that_parses(text):
    """Any document text gives a draft spec that parses (or a plain ImportFailure), never an exception."""
    from plandsl.importer import ImportFailure, import_text

    try:
        result = import_text(text, "fuzz.txt")
    except ImportFailure:
        return
    parsed = parse_text(result.text, "draft.plan")
    assert parsed.plan is not None, [(d.code, d.message) for d in parsed.diagnostics]
