"""Where each statement of a valid spec stands, read by the fast parse path: the formatter's index
(``printer_index.SourceIndex``) without Lark.

The formatter prints from the model and puts each comment back by the statement it belongs to, so it
needs every statement's rule, first and last token, nesting and, for lists, the number of items: what
Lark's tree gives (``printer_index`` reads it from there when the fast path is not sure). This module
records the same while ``fastparse`` reads the spec: each statement is a :class:`Node` named as the
grammar names its rule (``lead`` in a task, ``leads_tasks`` in a responsibility, ``replacement`` for
``replaces``), read from grammar/plan.lark. ``tests/test_fmt_index.py`` holds the two routes equal
on the shipped specs, on import drafts and on random comments.
"""

from __future__ import annotations

import re
from functools import cache

from plandsl.language import fastparse as fp
from plandsl.language.fastlex import KEYWORDS, SYMBOL, line_col

# Tokens Lark leaves out of the tree (the grammar's anonymous strings): never a statement's last token.
_PUNCTUATION = frozenset(("{", "}", ",", ".."))
# The rules that are written as a list of names or strings; their Node counts the items.
LISTS = frozenset(("implements", "adopt", "support", "serves", "recipients", "leads_tasks", "supports_tasks"))


class Node:
    """One statement: its rule, where its first token starts and its last token ends (line, column,
    end line, end offset), the ``}`` closing it when known, its statements (a block's) and the items
    of a list."""

    __slots__ = ("data", "line", "col", "end_line", "end_pos", "close", "children", "count")

    def __init__(self, data: str, line: int, col: int, end_line: int, end_pos: int) -> None:
        self.data, self.line, self.col, self.end_line, self.end_pos = data, line, col, end_line, end_pos
        self.close: tuple[int, int] | None = None
        self.children: list[Node] = []
        self.count = 1


@cache
def children_rules() -> dict[str, dict[str, str]]:
    """Each block rule → {a statement's keyword name → the rule the grammar reads it with}."""
    from plandsl.language.lark_tables import grammar_text

    text = grammar_text()
    rules = re.findall(r"^(\w+):\s*(.*(?:\n\s+\|.*)*)", text, re.M)
    opens: dict[str, list[tuple[str, str]]] = {}  # rule → (keyword, rule or alias) of each alternative
    for rule, body in rules:
        for alternative in body.split("\n"):
            opened = re.match(r"\s*\|?\s*\(KW_(\w+)_EN\b", alternative)
            if opened is not None:
                alias = re.search(r"->\s*(\w+)\s*$", alternative)
                opens.setdefault(rule, []).append((opened.group(1).lower(), alias.group(1) if alias else rule))
    out: dict[str, dict[str, str]] = {}
    for rule, body in rules:
        allowed = re.findall(r'"\{"\s*\(?([\w\s|]+?)\)?\*\s*"\}"', body)
        if not allowed:
            continue
        members = {name.strip() for group in allowed for name in group.split("|")}
        table = {keyword: name for member in members for keyword, name in opens.get(member, ())}
        for _, name in opens.get(rule, ()):  # a block's aliases (request, approval's fields) share its table
            out[name] = table
        out[rule] = table
    return out


# The fast parser's statement tables and the block rule each stands for (their children are the same
# for the aliases: a request's as a responsibility's, an approval's as an instrument's).
_BLOCK_OF = {id(fp.PLAN): "plan", id(fp.OBJECTIVE): "objective", id(fp.TASK): "task",
             id(fp.RESPONSIBILITY): "responsibility", id(fp.SIGNATURE): "instrument", id(fp.TEXTS): "funding"}
_RECORDING: dict[int, dict] = {}


def _recording(rules: dict) -> dict:
    """``rules`` (a fast parser's table by spelling), each statement recorded as a Node."""
    found = _RECORDING.get(id(rules))
    if found is None:
        names = children_rules()[_BLOCK_OF[id(rules)]]
        found = _RECORDING[id(rules)] = {
            word: (_record(rule, names[KEYWORDS[word][0]]), lang) for word, (rule, lang) in rules.items()}
    return found


def _record(rule, name: str):
    def run(p: "_Outline", start: int):
        first = p.i - 1  # the keyword, just taken
        outer, p.kids = p.kids, []
        try:
            item = rule(p, start)
            outer.append(p.node(name, first, p.kids))
        finally:
            p.kids = outer
        return item
    return run


class _Outline(fp._Parser):
    """The fast parser, recording a Node per statement."""

    __slots__ = ("kids", "root")

    def block(self, rules: dict) -> list[tuple]:
        return super().block(_recording(rules))

    def plan(self):
        self.kids = []
        plan = super().plan()
        self.root = self.node("plan", 0, self.kids)
        return plan

    def node(self, name: str, first: int, kids: list[Node]) -> Node:
        """The Node of the statement from token ``first`` to the last token taken."""
        t, starts = self.t, self.starts
        last = self.i - 1
        while t[last][0] == SYMBOL and t[last][1] in _PUNCTUATION:
            last -= 1
        line, col = line_col(starts, self.start(first))
        end = t[last][2]
        node = Node(name, line, col, line_col(starts, end)[0], end)
        node.children = kids
        if name in LISTS:
            node.count = sum(1 for k, word, _ in t[first + 1:self.i] if not (k == SYMBOL and word == ","))
        return node


def read(text: str, path: str):
    """(the plan, its outline Node) as the fast path reads ``text``, with CONTEXT filled as
    ``fastparse.read`` fills it; None when the fast path is not sure (then Lark reads the text)."""
    try:
        done = fp.read_with(_Outline, text, path)
    except Exception:  # noqa: BLE001 - a fault here must not reach the user: Lark reads the text
        return None
    return (done[0], done[1].root) if done is not None else None
