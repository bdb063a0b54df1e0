"""Where each statement of a spec was written, and which comments belong to it.

The formatter prints from the model, which does not keep comments. This module
re-reads the source into a Lark tree (all tokens kept) to find every statement
and every closing brace, then attaches each ``#`` comment:

* a comment alone on its line belongs to the next statement (``leading``), or,
  when the next thing is a ``}``, to the end of that block (``close_leading``);
  comments after the plan's last ``}`` are kept at the end of the file;
* a comment after code on the same line is ``trailing`` on the last statement
  that starts on that line, or on the ``}`` that closes that line
  (``close_trailing``).

Blocks are found by the position of their first keyword, which is also where
the model's span of the plan, an objective, a task, ... starts.
"""

from __future__ import annotations

from typing import Iterator

from lark import Lark, Token, Tree

from plandsl.language.parser import Comment

BLOCKS = {"plan", "instrument", "approval", "objective", "task", "responsibility", "request", "funding"}
# Statements that take a list; the printer keeps the grouping as written.
LISTS = {"implements", "adopt", "support", "serves", "recipients", "leads_tasks", "supports_tasks"}
# Rules printed in one sequence with another: their statements are grouped under that one.
_SAME_GROUP = {"request": "responsibility", "maintain": "target", "replacement": "amendment"}
_TREE_PARSER: Lark | None = None


def _tree_parser() -> Lark:
    global _TREE_PARSER
    if _TREE_PARSER is None:
        from plandsl.language.parser import grammar_text

        _TREE_PARSER = Lark(grammar_text(), parser="lalr", lexer="contextual", keep_all_tokens=True,
                            maybe_placeholders=True, cache=True)
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


def _tokens(tree: Tree | Token | None) -> Iterator[Token]:
    if isinstance(tree, Token):
        yield tree
    elif isinstance(tree, Tree):
        for child in tree.children:
            yield from _tokens(child)


class SourceIndex:
    """Statements of one spec text by block, with comments attached."""

    def __init__(self, text: str, comments: tuple[Comment, ...]) -> None:
        self.blocks: dict[tuple[int, int], Stmt] = {}
        self.file_trailing: list[str] = []
        self._all: list[Stmt] = []
        tree = _tree_parser().parse(text)
        plan_tree = tree.children[0]
        self.plan = self._walk(plan_tree)
        self._attach(text, comments)

    # -- building -----------------------------------------------------------
    def _walk(self, tree: Tree) -> Stmt:
        toks = list(_tokens(tree))
        first, last = toks[0], toks[-1]
        stmt = Stmt(tree.data, first.line, first.column, last.end_line or last.line)
        self._all.append(stmt)
        if tree.data in BLOCKS:
            self.blocks[(stmt.line, stmt.col)] = stmt
            if last.type == "RBRACE":
                stmt.close_line, stmt.close_col = last.line, last.column
            for child in tree.children:
                if isinstance(child, Tree) and child.data not in ("name_list", "string_list"):
                    sub = self._walk(child)
                    key = _SAME_GROUP.get(child.data, child.data)
                    if child.data in LISTS:
                        lst = next(c for c in child.children if isinstance(c, Tree))
                        sub.count = sum(1 for t in lst.children if isinstance(t, Token) and t.type != "COMMA")
                    stmt.groups.setdefault(key, []).append(sub)
        return stmt

    def _attach(self, text: str, comments: tuple[Comment, ...]) -> None:
        lines = text.split("\n")
        # Events in source order: ("start", stmt) at its first token, ("close", block) at its '}'.
        events: list[tuple[int, int, str, Stmt]] = [(s.line, s.col, "start", s) for s in self._all]
        events += [(s.close_line, s.close_col, "close", s) for s in self._all if s.close_line]
        events.sort(key=lambda e: (e[0], e[1]))
        for c in comments:
            c = Comment(c.line, c.col, c.text.rstrip())
            before = lines[c.line - 1][: c.col - 1] if c.line - 1 < len(lines) else ""
            if before.strip():
                self._attach_trailing(c, events)
            else:
                self._attach_own_line(c, events)

    def _attach_own_line(self, c: Comment, events) -> None:
        for line, col, kind, stmt in events:
            if (line, col) > (c.line, c.col):
                (stmt.leading if kind == "start" else stmt.close_leading).append(c.text)
                return
        self.file_trailing.append(c.text)

    def _attach_trailing(self, c: Comment, events) -> None:
        on_line = [e for e in events if e[0] == c.line and e[1] < c.col]
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
