"""The tokens of the fast parse path (``language.fastparse``), and the cursor that takes them.

Every token is one match of ``_TOKEN``: optional whitespace (Lark's WS), then one token, whose group
says its kind. A word is a NAME or a keyword by where it stands, and four digits are a YEAR where a
YEAR is expected; the parser decides. Comments go to the per-parse ``CONTEXT`` as the Lark lexer's
callback puts them there. ``Cursor`` holds the position and takes tokens of the kind the grammar
expects, raising ``Bail`` at anything else.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from plandsl.core.data import data_dir
from plandsl.language.model import Span, maker
from plandsl.language.values import CONTEXT, decimal, unquote

WORD, STRING, SYMBOL, DATE, DAY_MONTH, NUMBER, COMMENT, OTHER = range(1, 9)
# The most frequent kinds first (the alternatives start with different characters, but for the three
# that start with digits, whose order is the grammar's priorities).
_TOKEN = re.compile(
    r"[ \t\f\r\n]*(?:"
    r"([^\W\d]\w*)"  # WORD: a NAME or a keyword
    r'|("[^"\\]*(?:\\.[^"\\]*)*")'  # STRING: the grammar's "(?:[^"\\]|\\.)*", unrolled (twice as fast)
    r"|(\.\.|>=|<=|[{},%+\-=≥≤])"  # SYMBOL
    r"|(\d{4}-\d{2}-\d{2})"  # DATE (priority 3 in the grammar: tried before numbers)
    r"|(\d{1,2}/\d{1,2})"  # DAY_MONTH (priority 3)
    r"|(\d[\d_]*(?:\.\d+)?)"  # NUMBER; a YEAR where one is expected and it is four digits
    r"|(#[^\n]*)"  # COMMENT (ignored by the grammar, kept for the formatter)
    r"|([^ \t\f\r\n])"  # OTHER: anything else stops the fast path
    r")"
)
_NEWLINE = re.compile("\n")



def _keywords() -> dict[str, tuple[str, str]]:
    """Each keyword spelling → (its canonical name, 'EN' or 'VI'), read from the grammar."""
    text = (data_dir("grammar") / "plan.lark").read_text("utf-8")
    return {word: (name.lower(), lang) for name, lang, word in
            re.findall(r'^KW_(\w+)_(EN|VI):\s*"([^"]+)"\s*$', text, re.M)}


KEYWORDS = _keywords()


new_span = maker(Span, "path line col end_line end_col")  # Span(...) in two thirds of the time (model.maker)


def line_starts(text: str) -> list[int]:
    """-1 and the offset of every LF: ``bisect_left(starts, pos)`` is the 1-based line of offset ``pos``
    and ``pos - starts[line - 1]`` its 1-based column, as Lark counts them (lines end at LF only)."""
    return [-1] + [mt.start() for mt in _NEWLINE.finditer(text)]


def line_col(starts: list[int], pos: int) -> tuple[int, int]:
    line = bisect_left(starts, pos)
    return line, pos - starts[line - 1]


class Tok:
    """A token for the value helpers, the comment list and the keyword list; line and column on demand."""

    __slots__ = ("value", "start", "stop", "_starts")

    def __init__(self, value: str, start: int, stop: int, starts: list[int]) -> None:
        self.value, self.start, self.stop, self._starts = value, start, stop, starts

    @property
    def line(self) -> int:
        return line_col(self._starts, self.start)[0]

    @property
    def column(self) -> int:
        return line_col(self._starts, self.start)[1]

    @property
    def end_line(self) -> int:
        return line_col(self._starts, self.stop)[0]

    @property
    def end_column(self) -> int:
        return line_col(self._starts, self.stop)[1]


def tokens(text: str, starts: list[int]) -> list[re.Match]:
    """The tokens of ``text`` but comments, which are added to ``CONTEXT.comments``."""
    toks = list(_TOKEN.finditer(text))
    hashes = text.count("#")
    if not hashes:
        return toks
    lead = 0  # comments before the first token; when they hold every '#', no token after is one
    while lead < len(toks) and toks[lead].lastindex == COMMENT:
        mt = toks[lead]
        CONTEXT.comments.append(Tok(mt[COMMENT], mt.start(COMMENT), mt.end(), starts))
        hashes -= mt[COMMENT].count("#")
        lead += 1
    if not hashes:
        return toks[lead:]
    kept = []
    for mt in toks[lead:]:
        if mt.lastindex == COMMENT:
            CONTEXT.comments.append(Tok(mt[COMMENT], mt.start(COMMENT), mt.end(), starts))
        else:
            kept.append(mt)
    return kept


def spelled(rules: dict) -> dict:
    """A block's rules by keyword name → by each spelling of the keyword, with its keyword set (what
    ``Cursor.block`` takes: one look-up a statement)."""
    return {word: (rules[canon], lang) for word, (canon, lang) in KEYWORDS.items() if canon in rules}


class Bail(Exception):
    """Not sure: let Lark parse it."""


class Cursor:
    """The parser's position in the tokens, and how it takes them; ``Bail`` when a token is not what the
    grammar expects there (or is not sure to be what Lark would make of it)."""

    __slots__ = ("t", "i", "e", "path", "starts", "lang0", "depth")

    def __init__(self, path: str, toks: list, starts: list[int]) -> None:
        self.t, self.i, self.e, self.path, self.starts = toks, 0, 0, path, starts
        self.lang0: str | None = None
        self.depth = 0

    # ------------------------------------------------------------ tokens

    def take(self, kind: int) -> str:
        """The text of the next token, which must be of ``kind``."""
        mt = self.t[self.i]
        if mt.lastindex != kind:
            raise Bail
        self.i += 1
        self.e = mt.end()
        return mt[kind]

    def string(self) -> str:
        mt = self.t[self.i]
        if mt.lastindex != STRING:
            raise Bail
        self.i += 1
        self.e = mt.end()
        text = mt[STRING]
        return unquote(text) if "\\" in text else text[1:-1]

    def name(self) -> str:
        mt = self.t[self.i]
        if mt.lastindex != WORD:
            raise Bail
        self.i += 1
        self.e = mt.end()
        return mt[WORD]

    def tok(self, kind: int) -> Tok:
        """The next token (of ``kind``) for a value helper, which may need its location."""
        value = self.take(kind)
        return Tok(value, self.e - len(value), self.e, self.starts)

    def year(self) -> int:
        value = self.take(NUMBER)
        if len(value) != 4 or not value.isdecimal():
            raise Bail
        return int(value)

    def number(self):
        return decimal(self.take(NUMBER))

    def kind(self) -> int:
        return self.t[self.i].lastindex

    def at(self, symbol: str) -> bool:
        mt = self.t[self.i]
        return mt.lastindex == SYMBOL and mt[SYMBOL] == symbol

    def skip(self, symbol: str) -> None:
        if not self.at(symbol):
            raise Bail
        self.i += 1

    def keyword_at(self) -> tuple[str, str] | None:
        mt = self.t[self.i]
        return KEYWORDS.get(mt[WORD]) if mt.lastindex == WORD else None

    def keyword(self, info: tuple[str, str]) -> None:
        """Take the keyword at the cursor. Keeps what the Lark lexer's callback keeps for the keyword-set
        check, as far as it reads it: the first keyword, and every keyword of the other set."""
        mt = self.t[self.i]
        self.i += 1
        self.e = mt.end()
        if info[1] != self.lang0:
            self.other(info[1], mt)

    def other(self, lang: str, mt) -> None:
        if self.lang0 is None:
            self.lang0 = lang
        word = mt[WORD]
        CONTEXT.keyword_langs.append((lang, Tok(word, mt.end() - len(word), mt.end(), self.starts)))

    def maybe(self, canon: str) -> bool:
        info = self.keyword_at()
        if info is None or info[0] != canon:
            return False
        self.keyword(info)
        return True

    def expect(self, canon: str) -> None:
        if not self.maybe(canon):
            raise Bail

    def span(self, start: int, end: int | None = None) -> Span:
        """From offset ``start`` to ``end`` (by default the end of the last token taken)."""
        st = self.starts
        end = self.e if end is None else end
        a = bisect_left(st, start)
        if a == len(st) or st[a] >= end:  # on one line (most statements): one search
            return new_span(self.path, a, start - st[a - 1], a, end - st[a - 1])
        b = bisect_left(st, end, a)
        return new_span(self.path, a, start - st[a - 1], b, end - st[b - 1])

    def later(self, start: int) -> tuple[int, int]:
        """The span of a statement whose span the model does not keep, as offsets (see ``settle``)."""
        return (start, self.e)

    def settle(self, items: list[tuple]) -> list[tuple]:
        """The items, with their offsets made Spans if a statement kind kept as offsets repeats
        (the node's assembler may then report PRS130 at the second one)."""
        seen = set()
        for tag, _, where in items:
            if where.__class__ is tuple:
                if tag in seen:
                    return [(t, v, self.span(*w) if w.__class__ is tuple else w) for t, v, w in items]
                seen.add(tag)
        return items

    def strings(self) -> list[str]:
        """A string_list."""
        out = [self.string()]
        while self.at(","):
            self.i += 1
            out.append(self.string())
        return out

    def names(self) -> list[str]:
        """A name_list."""
        out = [self.name()]
        while self.at(","):
            self.i += 1
            out.append(self.name())
        return out

    def phase_ref(self) -> str | int:
        return self.name() if self.kind() == WORD else self.year()

    def block(self, rules: dict) -> list[tuple]:
        """``{`` statements ``}``: their (tag, value, span) items. ``rules``: each keyword spelling the
        block accepts → (the rule that reads its statement, its keyword set); see ``spelled``."""
        t = self.t
        self.skip("{")
        items = []
        while True:
            mt = t[self.i]
            kind = mt.lastindex
            if kind == WORD:
                word = mt[WORD]
                entry = rules.get(word)
                if entry is None:  # not a keyword, or not one of this block's statements
                    raise Bail
                self.i += 1
                self.e = end = mt.end()
                rule, lang = entry
                if lang != self.lang0:
                    self.other(lang, mt)
                items.append(rule(self, end - len(word)))
            elif kind == SYMBOL and mt[SYMBOL] == "}":
                self.i += 1
                return items
            else:
                raise Bail
