"""The tokens of the fast parse path (``language.fastparse``): one regular expression over the text.

Every token is one match of ``_TOKEN``: optional whitespace (Lark's WS), then one token, whose group
says its kind. A word is a NAME or a keyword by where it stands, and four digits are a YEAR where a
YEAR is expected; the parser decides. Comments go to the per-parse ``CONTEXT`` as the Lark lexer's
callback puts them there.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from plandsl.core.data import data_dir
from plandsl.language.values import CONTEXT

COMMENT, STRING, WORD, DATE, DAY_MONTH, NUMBER, SYMBOL, OTHER = range(1, 9)
_TOKEN = re.compile(
    r"[ \t\f\r\n]*(?:"
    r"(#[^\n]*)"  # COMMENT (ignored by the grammar, kept for the formatter)
    r'|("(?:[^"\\]|\\.)*")'  # STRING
    r"|([^\W\d]\w*)"  # WORD: a NAME or a keyword
    r"|(\d{4}-\d{2}-\d{2})"  # DATE (priority 3 in the grammar: tried before numbers)
    r"|(\d{1,2}/\d{1,2})"  # DAY_MONTH (priority 3)
    r"|(\d[\d_]*(?:\.\d+)?)"  # NUMBER; a YEAR where one is expected and it is four digits
    r"|(\.\.|>=|<=|[{},%+\-=≥≤])"  # SYMBOL
    r"|([^ \t\f\r\n])"  # OTHER: anything else stops the fast path
    r")"
)
_NEWLINE = re.compile("\n")

LineCol = Callable[[int], tuple[int, int]]


def _keywords() -> dict[str, tuple[str, str]]:
    """Each keyword spelling → (its canonical name, 'EN' or 'VI'), read from the grammar."""
    text = (data_dir("grammar") / "plan.lark").read_text("utf-8")
    return {word: (name.lower(), lang) for name, lang, word in
            re.findall(r'^KW_(\w+)_(EN|VI):\s*"([^"]+)"\s*$', text, re.M)}


KEYWORDS = _keywords()


class Tok:
    """A token for the value helpers, the comment list and the keyword list; line and column on demand."""

    __slots__ = ("value", "start", "stop", "_lc")

    def __init__(self, value: str, start: int, stop: int, lc: LineCol) -> None:
        self.value, self.start, self.stop, self._lc = value, start, stop, lc

    @property
    def line(self) -> int:
        return self._lc(self.start)[0]

    @property
    def column(self) -> int:
        return self._lc(self.start)[1]

    @property
    def end_line(self) -> int:
        return self._lc(self.stop)[0]

    @property
    def end_column(self) -> int:
        return self._lc(self.stop)[1]


def line_col(text: str) -> LineCol:
    """The 1-based (line, column) of a character offset, as Lark counts them (lines end at LF only)."""
    starts = [-1] + [mt.start() for mt in _NEWLINE.finditer(text)]

    def lc(pos: int) -> tuple[int, int]:
        i = bisect_left(starts, pos) - 1  # the newlines before pos
        return i + 1, pos - starts[i]
    return lc


def tokens(text: str, lc: LineCol) -> list[re.Match]:
    """The tokens of ``text`` but comments, which are added to ``CONTEXT.comments``."""
    toks = list(_TOKEN.finditer(text))
    if "#" not in text:
        return toks
    kept = []
    for mt in toks:
        if mt.lastindex == COMMENT:
            CONTEXT.comments.append(Tok(mt[COMMENT], mt.start(COMMENT), mt.end(), lc))
        else:
            kept.append(mt)
    return kept
