"""The tokens of the fast parse path (``language.fastparse``), and the cursor that takes them.

``_TOKEN`` defines the tokens: each match is optional whitespace (Lark's WS), then one token, whose
group says its kind. ``scan`` gives the same tokens, mostly with str methods, as plain tuples (kind,
text, end offset), which the cursor reads faster than matches. A word is a NAME or a keyword by where
it stands, and four digits are a YEAR where a YEAR is expected; the parser decides. Comments go to the
per-parse ``CONTEXT`` as the Lark lexer's callback puts them there. ``Cursor`` holds the position and
takes tokens of the kind the grammar expects, raising ``Bail`` at anything else.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from plandsl.language.lark_tables import grammar_text
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
    text = grammar_text()
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


def tokens(text: str, starts: list[int]) -> list[tuple[int, str, int]]:
    """The tokens of ``text`` but comments, which are added to ``CONTEXT.comments``: each token is
    (kind, its text, its end offset), its text starting at ``end - len(text)`` (a string's text is its
    body, between its quotes); see ``scan``."""
    toks, notes = scan(text)
    if notes:
        CONTEXT.comments.extend(Tok(value, end - len(value), end, starts) for _, value, end in notes)
    return toks


_WS = " \t\f\r\n"  # _TOKEN's whitespace
# The tokens of a run (characters between whitespace, outside strings and comments): a run that is one
# token → its kind (seeded with the symbols and keywords), or any run → its tokens (kind, text, end in
# the run). Both are what ``_TOKEN`` makes of the run alone: a pure function of its text, so kept
# across texts (most runs are keywords, ids, numbers and symbols that recur), up to a bound, short runs only.
_SEEDS = {**{word: WORD for word in KEYWORDS},
          **{s: SYMBOL for s in ("{", "}", ",", "..", ">=", "<=", "%", "+", "-", "=", "≥", "≤")}}
_ONE: dict[str, int] = dict(_SEEDS)
_MANY: dict[str, tuple] = {}
_BOUND = 50_000
_LONGEST = 64


def scan(text: str) -> tuple[list[tuple[int, str, int]], list[tuple[int, str, int]]]:
    """The tokens of ``text`` and its comments, each (kind, text, end), a string's text its body (between
    its quotes, escapes not read): exactly what ``_TOKEN.finditer`` makes of it (tests/test_fastlex.py
    holds the two equal), mostly with str methods.

    Comment lines at the start are taken as they are; in the rest, when it has no backslash and no '#'
    (or only in strings) and its quotes pair up, splitting at the quotes gives the strings and the text
    between them, cut at spaces and LFs into runs (``_run``: their tokens, the same there as alone: no
    token but a string or a comment holds a space or a LF). Anything else is left to ``_TOKEN``, from
    a line's start (where no token is cut) to the end."""
    toks: list = []
    notes: list = []
    pos, size = 0, len(text)
    while pos < size:  # comment lines at the start (a commune's title)
        nl = text.find("\n", pos)
        nl = size if nl < 0 else nl
        body = text[pos:nl].lstrip(_WS)
        if body and body[0] == "#":
            notes.append((COMMENT, body, nl))
        elif body:
            break
        pos = nl + 1
    if pos >= size:
        return toks, notes
    segs = text[pos:].split('"') if pos else text.split('"')
    if (not len(segs) & 1 or "\\" in text
            or (text.find("#", pos) >= 0 and text.count("#", pos) != "".join(segs[1::2]).count("#"))):
        return _slow(text, pos, toks, notes)
    add, one, many, length = toks.append, _ONE, _MANY, len
    cur = pos
    segs.append(None)
    pairs = iter(segs)
    for seg, body in zip(pairs, pairs):  # the text up to a string, and the string's body
        for run in seg.replace("\n", " ").split(" "):
            if run:
                cur += length(run)
                kind = one.get(run)
                if kind is not None:
                    add((kind, run, cur))
                else:
                    at = cur - length(run)
                    found = many.get(run)
                    for kind, value, end in _run(run) if found is None else found:
                        add((kind, value, at + end))
            cur += 1
        if body is None:
            break
        cur += length(body) + 1
        add((STRING, body, cur))
    return toks, notes


def _run(run: str) -> tuple:
    """The tokens of a run as ``_TOKEN`` reads them, remembered. Digits alone are a NUMBER, and word
    characters (``isalnum`` or '_', tests/test_fastlex.py: exactly ``\\w``) not led by a digit a WORD."""
    if run.isdecimal():
        found: tuple = ((NUMBER, run, len(run)),)
    elif run.replace("_", "a").isalnum() and not run[0].isdecimal():
        found = ((WORD, run, len(run)),)
    else:
        found = tuple((mt.lastindex, mt[mt.lastindex], mt.end()) for mt in _TOKEN.finditer(run))
    if len(_ONE) + len(_MANY) > _BOUND:
        _ONE.clear()
        _ONE.update(_SEEDS)
        _MANY.clear()
    if len(run) > _LONGEST:  # not kept: an odd text's long runs would fill the memory
        return found
    if len(found) == 1 and found[0][1] == run:
        _ONE[run] = found[0][0]
    else:
        _MANY[run] = found
    return found


def _slow(text: str, pos: int, toks: list, notes: list) -> tuple[list, list]:
    """``_TOKEN``'s tokens from ``pos`` into ``toks`` and ``notes``."""
    for mt in _TOKEN.finditer(text, pos):
        kind = mt.lastindex
        if kind == STRING:
            toks.append((STRING, mt[STRING][1:-1], mt.end()))
        else:
            (notes if kind == COMMENT else toks).append((kind, mt[kind], mt.end()))
    return toks, notes


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
        k, value, self.e = self.t[self.i]
        if k != kind:
            raise Bail
        self.i += 1
        return value

    def string(self) -> str:
        k, body, self.e = self.t[self.i]
        if k != STRING:
            raise Bail
        self.i += 1
        return unquote(f'"{body}"') if "\\" in body else body

    def name(self) -> str:
        k, value, self.e = self.t[self.i]
        if k != WORD:
            raise Bail
        self.i += 1
        return value

    def start(self, i: int) -> int:
        """Where the text of token ``i`` starts."""
        kind, value, end = self.t[i]
        return end - len(value) - 2 if kind == STRING else end - len(value)

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
        return self.t[self.i][0]

    def at(self, symbol: str) -> bool:
        tok = self.t[self.i]
        return tok[0] == SYMBOL and tok[1] == symbol

    def skip(self, symbol: str) -> None:
        if not self.at(symbol):
            raise Bail
        self.i += 1

    def keyword_at(self) -> tuple[str, str] | None:
        kind, word, _ = self.t[self.i]
        return KEYWORDS.get(word) if kind == WORD else None

    def keyword(self, info: tuple[str, str]) -> None:
        """Take the keyword at the cursor. Keeps what the Lark lexer's callback keeps for the keyword-set
        check, as far as it reads it: the first keyword, and every keyword of the other set."""
        _, word, self.e = self.t[self.i]
        self.i += 1
        if info[1] != self.lang0:
            self.other(info[1], word, self.e)

    def other(self, lang: str, word: str, end: int) -> None:
        if self.lang0 is None:
            self.lang0 = lang
        CONTEXT.keyword_langs.append((lang, Tok(word, end - len(word), end, self.starts)))

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
            kind, word, end = t[self.i]
            if kind == WORD:
                entry = rules.get(word)
                if entry is None:  # not a keyword, or not one of this block's statements
                    raise Bail
                self.i += 1
                self.e = end
                rule, lang = entry
                if lang != self.lang0:
                    self.other(lang, word, end)
                items.append(rule(self, end - len(word)))
            elif kind == SYMBOL and word == "}":
                self.i += 1
                return items
            else:
                raise Bail
