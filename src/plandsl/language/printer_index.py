"""Where each statement of a spec was written, and which comments belong to it.

The formatter prints from the model, which does not keep comments. This module
reads the source into a Lark tree to find every statement and every closing
brace, then attaches each ``#`` comment:

* a comment alone on its line belongs to the next statement (``leading``), or,
  when the next thing is a ``}``, to the end of that block (``close_leading``);
  comments after the plan's last ``}`` are kept at the end of the file;
* a comment after code on the same line is ``trailing`` on the last statement
  that starts on that line, or on the ``}`` that closes that line
  (``close_trailing``).

Blocks are found by the position of their first keyword, which is also where
the model's span of the plan, an objective, a task, ... starts.

``parse_indexed`` parses a spec once for both: it builds the tree the parser's
inline transformer would be fed, applies that transformer to it for the model,
and reads the index from the same tree (the braces, which that tree leaves out,
are found in the text after a block's last token). ``SourceIndex(text, comments)``
without a tree parses again with every token kept, as before.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from itertools import accumulate

from typing import TYPE_CHECKING

from plandsl.language import model as m
from plandsl.language.outline import LISTS, Node
from plandsl.language.parser import Comment, ParseResult

if TYPE_CHECKING:  # Lark is imported when a text is not read by the fast path
    from lark import Lark, Token, Tree

BLOCKS = {"plan", "instrument", "approval", "objective", "task", "responsibility", "request", "funding"}
# (outline.LISTS: the statements that take a list; the printer keeps the grouping as written.)
# Rules printed in one sequence with another: their statements are grouped under that one.
_SAME_GROUP = {"request": "responsibility", "maintain": "target", "replacement": "amendment"}
_TREE_PARSER: Lark | None = None
_FILTERED_PARSER: Lark | None = None


def _tree_parser() -> Lark:
    global _TREE_PARSER
    if _TREE_PARSER is None:
        from plandsl.language.lark_tables import load

        _TREE_PARSER = load(keep_all_tokens=True)
    return _TREE_PARSER


class Stmt:
    """One statement as written, with the comments that belong to it."""

    def __init__(self, rule: str, line: int, col: int, end_line: int) -> None:
        self.rule, self.line, self.col, self.end_line = rule, line, col, end_line
        self.leading: list[str] = []
        self.trailing: list[str] = []
        self.count = 1  # items of a list statement (adopt a, b: 2)
        self.close_line = 0
        self.close_col = 0
        self.close_leading: list[str] = []
        self.close_trailing: list[str] = []
        self.groups: dict[str, list[Stmt]] = {}

    def group(self, rule: str) -> list["Stmt"]:
        return self.groups.get(rule, [])


def _edge_token(tree: Tree, end: int) -> Token:
    """The first (``end`` 0) or last (``end`` -1) token under ``tree``: a Lark token, or
    lark-cython's (not a lark.Token subclass). Every statement has one (its keyword)."""
    found = _edge(tree, end)
    assert found is not None, tree.data
    return found


def _edge(tree: Tree, end: int) -> Token | None:
    from lark import Tree

    children = tree.children if end == 0 else reversed(tree.children)
    for child in children:
        if isinstance(child, Tree):
            found = _edge(child, end)
            if found is not None:
                return found
        elif child is not None:
            return child
    return None


def _outline_of(tree: "Tree") -> Node:
    """The statements of a Lark tree (either kind: with or without its punctuation) as an outline."""
    from lark import Tree

    first, last = _edge_token(tree, 0), _edge_token(tree, -1)
    node = Node(tree.data, first.line, first.column, last.end_line or last.line, last.end_pos)
    if last.type == "RBRACE":
        node.close = (last.line, last.column)
    if tree.data in BLOCKS:
        for child in tree.children:
            if isinstance(child, Tree) and child.data not in ("name_list", "string_list"):
                sub = _outline_of(child)
                if child.data in LISTS:
                    lst = next(c for c in child.children if isinstance(c, Tree))
                    sub.count = sum(1 for t in lst.children
                                    if t is not None and not isinstance(t, Tree) and t.type != "COMMA")
                node.children.append(sub)
    return node


class SourceIndex:
    """Statements of one spec text by block, with comments attached."""

    def __init__(self, text: str, comments: tuple[Comment, ...], tree: "Tree | Node | None" = None) -> None:
        """Index ``text``. ``tree``: the statements' outline from the fast path, or the parser's tree
        without anonymous tokens (``parse_indexed``); without it the text is parsed again with every
        token kept."""
        self.blocks: dict[tuple[int, int], Stmt] = {}
        self.file_trailing: list[str] = []
        self._all: list[Stmt] = []
        self._text = text if tree is not None else None
        self._line_starts: list[int] = []
        self._close_end: dict[int, int] = {}  # a block's id -> the offset after its '}'
        if tree is None:
            tree = _tree_parser().parse(text)
        root = tree if isinstance(tree, Node) else _outline_of(tree.children[0])
        self.plan = self._walk(root)
        self._attach(text, comments)

    # -- building -----------------------------------------------------------
    def _walk(self, node: Node) -> Stmt:
        stmt = Stmt(node.data, node.line, node.col, node.end_line)
        stmt.count = node.count
        self._all.append(stmt)
        if node.data in BLOCKS:
            self.blocks[(stmt.line, stmt.col)] = stmt
            if node.close is not None:
                stmt.close_line, stmt.close_col = node.close
            sub = None
            for child in node.children:
                sub = self._walk(child)
                stmt.groups.setdefault(_SAME_GROUP.get(child.data, child.data), []).append(sub)
            if node.close is None and self._text is not None:
                # The outline has no braces: this block's '}' follows its last token, or the '}' of its
                # last statement when that is a block too.
                after = self._close_end.get(id(sub), node.end_pos) if sub is not None else node.end_pos
                close = self._closing_brace(after, sub is not None)
                if close is not None:
                    stmt.close_line, stmt.close_col = close[0], close[1]
                    stmt.end_line = close[0]
                    self._close_end[id(stmt)] = close[2] + 1
        return stmt

    def _closing_brace(self, pos: int, has_body: bool) -> tuple[int, int, int] | None:
        """(line, column, offset) of the '}' closing a block whose last kept token ends at ``pos``: only
        spaces and comments lie between them, and a '{' first when the block has no statements. A
        block whose braces are optional and absent (``instrument … dated …``) has none."""
        text = self._text
        pos = self._skip_blank(pos)
        if not has_body:
            if text.startswith("{", pos):
                pos = self._skip_blank(pos + 1)
            else:
                return None
        if not text.startswith("}", pos):
            return None
        if not self._line_starts:
            self._line_starts = [0, *accumulate(len(line) + 1 for line in text.split("\n"))]
        line = bisect_right(self._line_starts, pos)
        return line, pos - self._line_starts[line - 1] + 1, pos

    def _skip_blank(self, pos: int) -> int:
        text, n = self._text, len(self._text)
        while pos < n:
            ch = text[pos]
            if ch == "#":
                end = text.find("\n", pos)
                pos = n if end < 0 else end
            elif ch.isspace():
                pos += 1
            else:
                break
        return pos

    def _attach(self, text: str, comments: tuple[Comment, ...]) -> None:
        lines = text.split("\n")
        # Events in source order: ("start", stmt) at its first token, ("close", block) at its '}'.
        events: list[tuple[int, int, str, Stmt]] = [(s.line, s.col, "start", s) for s in self._all]
        events += [(s.close_line, s.close_col, "close", s) for s in self._all if s.close_line]
        events.sort(key=lambda e: (e[0], e[1]))
        keys = [(e[0], e[1]) for e in events]
        by_line: dict[int, list[tuple[int, int, str, Stmt]]] = {}
        for e in events:
            by_line.setdefault(e[0], []).append(e)
        for c in comments:
            c = Comment(c.line, c.col, c.text.rstrip())
            before = lines[c.line - 1][: c.col - 1] if c.line - 1 < len(lines) else ""
            if before.strip():
                self._attach_trailing(c, by_line.get(c.line, ()))
            else:
                self._attach_own_line(c, events, keys)

    def _attach_own_line(self, c: Comment, events, keys) -> None:
        # The first event after the comment (events are sorted by position).
        i = bisect_right(keys, (c.line, c.col))
        if i < len(events):
            _, _, kind, stmt = events[i]
            (stmt.leading if kind == "start" else stmt.close_leading).append(c.text)
            return
        self.file_trailing.append(c.text)

    def _attach_trailing(self, c: Comment, line_events) -> None:
        on_line = [e for e in line_events if e[1] < c.col]
        if on_line:
            _, _, kind, stmt = on_line[-1]
            (stmt.trailing if kind == "start" else stmt.close_trailing).append(c.text)
            return
        covering = [s for s in self._all if s.line < c.line <= s.end_line and not s.close_line]
        covering = covering or [s for s in self._all if s.line < c.line <= s.end_line]
        target = covering[-1] if covering else self.plan
        target.trailing.append(c.text)

    # -- queries ------------------------------------------------------------
    def block(self, line: int, col: int) -> Stmt | None:
        return self.blocks.get((line, col))


class NoIndex:
    """Stand-in when there is no source (a model built in code): no comments."""

    plan = None
    file_trailing: list[str] = []

    def block(self, line: int, col: int) -> None:
        return None


def _filtered_parser() -> Lark:
    """The spec parser without its inline transformer: it builds the tree that transformer is fed
    (same grammar, options and lexer callbacks as ``parser.build_parser``)."""
    global _FILTERED_PARSER
    if _FILTERED_PARSER is None:
        from plandsl.language import parser as p

        from plandsl.language.lark_tables import load

        plugins = None
        if os.environ.get("PLANDSL_PURE_PARSER") != "1":
            try:
                import lark_cython

                plugins = lark_cython.plugins
            except ImportError:  # pragma: no cover - lark-cython is a dependency
                pass
        _FILTERED_PARSER = load(lexer_callbacks=p._lexer_callbacks(p.grammar_text()), plugins=plugins)
    return _FILTERED_PARSER


def parse_indexed(text: str, path: str = "<string>") -> tuple[ParseResult, SourceIndex] | None:
    """Parse decoded spec text once, for the formatter: the model with its diagnostics (what
    ``parse_text`` gives) and the index of its statements and comments, from one reading: the fast
    path's outline (``language.outline``), or, when the fast path is not sure, one Lark tree.

    None when the text does not parse cleanly (a syntax error, nesting too deep, anything
    unexpected): the caller then uses ``parse_text``, whose diagnostics say why.
    tests/test_fmt_index.py checks that both routes give the same plan, diagnostics and index as
    parsing twice.
    """
    from plandsl.language import parser as p

    if os.environ.get("PLANDSL_LARK_ONLY") != "1" and os.environ.get("PLANDSL_PURE_PARSER") != "1":
        from plandsl.language.outline import read

        found = read(text, path)
        if found is not None:
            plan, root = found
            result = p._finish(plan, path, text)
            if result.plan is None:  # nested too deep: parse_text says so
                return None
            return result, SourceIndex(text, result.comments, root)
    return _lark_indexed(text, path)


def _lark_indexed(text: str, path: str) -> tuple[ParseResult, SourceIndex] | None:
    """``parse_indexed`` from one Lark tree."""
    import attrs

    from plandsl.language import parser as p

    try:
        p.CONTEXT.reset(path)
        tree = _filtered_parser().parse(text)
        from plandsl.language.transform import Build

        plan = Build().transform(tree)
        if not isinstance(plan, m.Plan) or p._too_deep(plan, path) is not None:
            return None
        diags = list(p.CONTEXT.diagnostics)
        lang = p._check_keyword_set(diags)
        comments = tuple(Comment(t.line, t.column, t.value) for t in p.CONTEXT.comments)
        result = ParseResult(path, attrs.evolve(plan, lang=lang), tuple(diags), comments, text)
        return result, SourceIndex(text, comments, tree)
    except Exception:  # noqa: BLE001 - parse_text reports it, with the parser's own diagnostics
        return None


def keyword_table() -> dict[str, tuple[str, str]]:
    """``parser.keyword_table()`` (read from the grammar text; no parser is built for it)."""
    from plandsl.language import parser as p

    return p.keyword_table()
