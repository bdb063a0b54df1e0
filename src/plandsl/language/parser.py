"""Parse spec text into the frozen model, with source spans.

One Lark LALR parser with the contextual lexer is made lazily from the parse
tables shipped with plandsl (``language.lark_tables``; never Lark's pickle
cache). The transformer runs inline during the parse (no parse tree is built)
and takes positions from tokens, not from ``propagate_positions``.
Every problem becomes a :class:`Diagnostic`; nothing here raises on bad input.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

import attrs

from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.core.i18n import _
from plandsl.core.records import frozen
from plandsl.language import fastparse
from plandsl.language import model as m
from plandsl.language.lark_tables import grammar_text
from plandsl.language.model import Span
from plandsl.language.source import Source, decode
from plandsl.language.values import CONTEXT, tok_span

if TYPE_CHECKING:  # Lark is imported when it is first needed: valid specs take the fast path
    from lark import Lark, Token
    from lark.exceptions import UnexpectedInput

_PARSER: Lark | None = None


@frozen
class Comment:
    """A ``#`` comment, kept aside for the formatter."""

    line: int
    col: int
    text: str


@frozen
class ParseResult:
    path: str
    plan: m.Plan | None
    diagnostics: tuple[Diagnostic, ...] = ()
    comments: tuple[Comment, ...] = ()
    text: str | None = None


def get_parser() -> Lark:
    global _PARSER
    if _PARSER is None:
        _PARSER = build_parser(fast=os.environ.get("PLANDSL_PURE_PARSER") != "1")
    return _PARSER


def build_parser(fast: bool = True) -> Lark:
    """The LALR parser with the contextual lexer and the inline transformer.

    With ``fast``, Lark's parser and lexer run on lark-cython (the same
    algorithm, compiled) when it is installed; results are identical, which a
    differential test checks. ``PLANDSL_PURE_PARSER=1`` forces pure Python.
    """
    from plandsl.language.lark_tables import load
    from plandsl.language.transform import Build

    plugins = None
    if fast:
        try:
            import lark_cython

            plugins = lark_cython.plugins
        except ImportError:  # pragma: no cover - lark-cython has wheels for the usual platforms
            pass
    return load(transformer=Build(), lexer_callbacks=_lexer_callbacks(grammar_text()), plugins=plugins)


def _keyword_spelling(terminal: str) -> str | None:
    """The literal text of a terminal (a keyword or a symbol), None for a regex terminal."""
    try:
        pattern = get_parser().get_terminal(terminal).pattern
    except KeyError:
        return None
    return pattern.value if pattern.type == "str" or terminal.startswith("KW_") else None


def _lexer_callbacks(grammar: str) -> dict:
    callbacks: dict = {"COMMENT": _on_comment}
    for name in set(re.findall(r"^(KW_\w+_(?:EN|VI))\b", grammar, re.M)):
        callbacks[name] = _on_keyword
    return callbacks


def _on_comment(tok: Token) -> Token:
    CONTEXT.comments.append(tok)
    return tok


def _on_keyword(tok: Token) -> Token:
    CONTEXT.keyword_langs.append((tok.type[-2:], tok))
    return tok


def keyword_table() -> dict[str, tuple[str, str]]:
    """Map each keyword's canonical name to its (English, Vietnamese) spelling.

    Read once from the grammar's ``KW_<NAME>_EN`` / ``KW_<NAME>_VI`` lines, without building
    a parser (the printer, snippets and migrate ask for it; tests/test_fmt_index.py checks it
    against the terminals of the built parser)."""
    global _KEYWORDS
    if _KEYWORDS is None:
        table: dict[str, dict[str, str]] = {}
        for name, lang, spelt in re.findall(r'^KW_(\w+)_(EN|VI):\s*"([^"\\]+)"\s*$', grammar_text(), re.M):
            table.setdefault(name.lower(), {})[lang] = spelt
        _KEYWORDS = {k: (v["EN"], v["VI"]) for k, v in table.items()}
    return dict(_KEYWORDS)


_KEYWORDS: dict[str, tuple[str, str]] | None = None


def _keyword_table(parser: "Lark") -> dict[str, tuple[str, str]]:
    """The table read from a built parser's terminals (what keyword_table() must equal)."""
    table: dict[str, dict[str, str]] = {}
    for term in parser.terminals:
        mt = re.fullmatch(r"KW_(\w+)_(EN|VI)", term.name)
        if mt:
            table.setdefault(mt.group(1).lower(), {})[mt.group(2)] = term.pattern.value
    return {k: (v["EN"], v["VI"]) for k, v in table.items()}


def parse_text(text: str, path: str = "<string>") -> ParseResult:
    """Parse already-decoded text (NFC, LF) into a plan and diagnostics.

    The fast path (``language.fastparse``) reads valid specs; anything it is not sure of goes to
    Lark, the definition of the language and the only source of syntax errors. Both give the same
    result (tests/test_fastparse.py). ``PLANDSL_LARK_ONLY=1`` (or ``PLANDSL_PURE_PARSER=1``) skips
    the fast path.
    """
    if os.environ.get("PLANDSL_LARK_ONLY") != "1" and os.environ.get("PLANDSL_PURE_PARSER") != "1":
        plan = fastparse.parse(text, path)
        if plan is not None:
            return _finish(plan, path, text)
    return parse_text_lark(text, path)


def parse_text_lark(text: str, path: str = "<string>") -> ParseResult:
    """``parse_text`` by the Lark parser alone."""
    from lark.exceptions import UnexpectedInput

    from plandsl.language.parse_errors import syntax_diagnostic

    parser = get_parser()
    CONTEXT.reset(path)
    try:
        plan = parser.parse(text)
    except UnexpectedInput as exc:
        if parser is not _pure_parser():
            # Compiled Lark cannot compute the acceptable tokens of an error state;
            # the pure parser reaches the same error and can (errors are rare).
            exc = _pure_error(text, path) or exc
        # Keep what was found before the syntax error (bad values, mixed keywords).
        earlier = tuple(d for d in CONTEXT.diagnostics if (d.span.line, d.span.col) < (exc.line, exc.column))
        return ParseResult(path, None, earlier + (syntax_diagnostic(exc, path, text, _keyword_spelling),), (), text)
    except RecursionError:
        diag = Diagnostic("PRS103", Severity.ERROR, _("the spec is nested too deeply to read"),
                          Span(path, 1, 1, 1, 1), hint=_("Flatten nested tasks."), name="parse.syntax")
        return ParseResult(path, None, (diag,), (), text)
    return _finish(plan, path, text)


def _finish(plan: m.Plan, path: str, text: str) -> ParseResult:
    """The result of a parse that built ``plan`` and filled CONTEXT."""
    too_deep = _too_deep(plan, path)
    if too_deep is not None:
        return ParseResult(path, None, (too_deep,), (), text)
    diags = list(CONTEXT.diagnostics)
    lang = _check_keyword_set(diags)
    if lang != plan.lang:  # the fast path knows it already
        plan = attrs.evolve(plan, lang=lang)
    comments = tuple(Comment(t.line, t.column, t.value) for t in CONTEXT.comments)
    return ParseResult(path, plan, tuple(diags), comments, text)


# Tasks may nest this deep (a real plan uses three or four levels). Deeper nesting is refused
# with a located PRS103 before anything else walks the tasks (docs/SECURITY.md).
MAX_TASK_DEPTH = 64


def _too_deep(plan: m.Plan, path: str) -> Diagnostic | None:
    """PRS103 at the first task nested deeper than MAX_TASK_DEPTH, found without recursion."""
    stack = [(t, 1) for t in reversed(plan.tasks)]
    while stack:
        task, depth = stack.pop()
        if depth > MAX_TASK_DEPTH:
            span = task.span if task.span.path == path else Span(path, 1, 1, 1, 1)
            span = Span(path, span.line, span.col, span.line, span.col + 1)
            return Diagnostic("PRS103", Severity.ERROR,
                              _("task '{id}' is nested {depth} levels deep; at most {limit} are allowed").format(
                                  id=task.id, depth=depth, limit=MAX_TASK_DEPTH),
                              span, hint=_("Flatten the nested tasks: give deep sub-tasks their own top-level task."),
                              name="parse.syntax")
        stack.extend((sub, depth + 1) for sub in reversed(task.subtasks))
    return None


_PURE: Lark | None = None


def _pure_parser() -> Lark:
    global _PURE
    if _PURE is None:
        _PURE = get_parser() if os.environ.get("PLANDSL_PURE_PARSER") == "1" else build_parser(fast=False)
    return _PURE


def _pure_error(text: str, path: str) -> "UnexpectedInput | None":
    from lark.exceptions import UnexpectedInput

    CONTEXT.reset(path)
    try:
        _pure_parser().parse(text)
    except UnexpectedInput as exc:
        return exc
    return None


def _check_keyword_set(diags: list[Diagnostic]) -> str:
    if not CONTEXT.keyword_langs:
        return "en"
    first = CONTEXT.keyword_langs[0][0]
    lang = "vi" if first == "VI" else "en"
    others = [tok for l, tok in CONTEXT.keyword_langs if l != first]
    if others:
        tok = others[0]
        kw = next(k for k, (en, vi) in keyword_table().items() if tok.value in (en, vi))
        en, vi = keyword_table()[kw]
        expected = vi if lang == "vi" else en
        more = _(" ({n} more)").format(n=len(others) - 1) if len(others) > 1 else ""
        message = (_("keyword '{word}' is from the other keyword set; this spec is written in Vietnamese keywords{more}")
                   if lang == "vi" else
                   _("keyword '{word}' is from the other keyword set; this spec is written in English keywords{more}"))
        diags.append(
            Diagnostic("PRS110", Severity.ERROR, message.format(word=tok.value, more=more),
                       tok_span(tok), hint=_("Write '{word}', or run {fix}.").format(
                           word=expected, fix=f"`plandsl fmt --keywords {lang}`"),
                       name="parse.keyword-set")
        )
    return lang


def parse_source(source: Source) -> ParseResult:
    if source.text is None:
        return ParseResult(source.path, None, source.diagnostics, (), None)
    result = parse_text(source.text, source.path)
    if not source.diagnostics:
        return result
    return attrs.evolve(result, diagnostics=source.diagnostics + result.diagnostics)


def parse_bytes(data: bytes, path: str = "<bytes>") -> ParseResult:
    return parse_source(decode(data, path))


def parse_file(path: str) -> ParseResult:
    from plandsl.language.source import read_source

    return parse_source(read_source(path))

