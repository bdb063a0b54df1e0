"""Parse spec text into the frozen model, with source spans.

One Lark LALR parser with the contextual lexer is built lazily and cached on
disk by Lark. The transformer runs inline during the parse (no parse tree is
built) and takes positions from tokens, not from ``propagate_positions``.
Every problem becomes a :class:`Diagnostic`; nothing here raises on bad input.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import attrs
from attrs import frozen
from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from plandsl import model as m
from plandsl._data import data_dir
from plandsl.diagnostics import Diagnostic, Severity
from plandsl.model import Span
from plandsl.source import Source, decode

GRAMMAR_FILE = "plan.lark"


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


# ----------------------------------------------------------------- the parser


class _Context:
    """Per-parse state shared with the inline transformer."""

    def __init__(self) -> None:
        self.path = "<string>"
        self.diagnostics: list[Diagnostic] = []
        self.comments: list[Token] = []
        self.keyword_langs: list[tuple[str, Token]] = []

    def reset(self, path: str) -> None:
        self.__init__()
        self.path = path


_CTX = _Context()
_PARSER: Lark | None = None


def grammar_text() -> str:
    return (data_dir("grammar") / GRAMMAR_FILE).read_text("utf-8")


def get_parser() -> Lark:
    global _PARSER
    if _PARSER is None:
        _PARSER = Lark(
            grammar_text(),
            parser="lalr",
            lexer="contextual",
            transformer=_Build(),
            lexer_callbacks=_lexer_callbacks(grammar_text()),
            cache=True,
            maybe_placeholders=True,
        )
    return _PARSER


def _lexer_callbacks(grammar: str) -> dict:
    callbacks: dict = {"COMMENT": _on_comment}
    for name in set(re.findall(r"^(KW_\w+_(?:EN|VI))\b", grammar, re.M)):
        callbacks[name] = _on_keyword
    return callbacks


def _on_comment(tok: Token) -> Token:
    _CTX.comments.append(tok)
    return tok


def _on_keyword(tok: Token) -> Token:
    _CTX.keyword_langs.append((tok.type[-2:], tok))
    return tok


def keyword_table() -> dict[str, tuple[str, str]]:
    """Map each keyword's canonical name to its (English, Vietnamese) spelling."""
    table: dict[str, dict[str, str]] = {}
    for term in get_parser().terminals:
        mt = re.fullmatch(r"KW_(\w+)_(EN|VI)", term.name)
        if mt:
            table.setdefault(mt.group(1).lower(), {})[mt.group(2)] = term.pattern.value
    return {k: (v["EN"], v["VI"]) for k, v in table.items()}


# ---------------------------------------------------------------- transformer


def _tok_span(tok: Token) -> Span:
    return Span(_CTX.path, tok.line, tok.column, tok.end_line, tok.end_column)


def _join(start: Span, end: Span) -> Span:
    return Span(start.path, start.line, start.col, end.end_line, end.end_col)


def _end_span(item: Any) -> Span | None:
    if isinstance(item, Token):
        return _tok_span(item)
    span = getattr(item, "span", None)
    if isinstance(span, Span):
        return span
    if isinstance(item, tuple) and item and isinstance(item[-1], Span):
        return item[-1]
    if isinstance(item, (list, tuple)):
        for sub in reversed(item):
            s = _end_span(sub)
            if s is not None:
                return s
    return None


def _span(children: list) -> Span:
    first = _tok_span(children[0])
    last = None
    for item in reversed(children):
        if item is not None:
            last = _end_span(item)
            if last is not None:
                break
    return _join(first, last) if last else first


_ESCAPE = re.compile(r"\\(.)", re.S)


def _str(tok: Token) -> str:
    body = tok.value[1:-1]
    if "\\" in body:
        body = _ESCAPE.sub(lambda mt: {"n": "\n", "t": "\t"}.get(mt.group(1), mt.group(1)), body)
    return body


def _dec(tok: Token) -> Decimal:
    return Decimal(tok.value.replace("_", ""))


def _report(code: str, message: str, tok: Token, hint: str | None = None, sev=Severity.ERROR) -> None:
    _CTX.diagnostics.append(
        Diagnostic(code=code, severity=sev, message=message, span=_tok_span(tok), hint=hint, name="parse.value")
    )


def _date(tok: Token) -> dt.date | None:
    try:
        return dt.date.fromisoformat(tok.value)
    except ValueError:
        _report("PRS121", f"'{tok.value}' is not a real date", tok, "Write dates as YYYY-MM-DD, e.g. 2021-04-19.")
        return None


# Words planners naturally write, mapped to the spelling the language uses.
_SYNONYMS = {
    "yearly": "annual", "half_yearly": "semiannual", "biannual": "semiannual", "six_monthly": "semiannual",
    "increase": "up", "decrease": "down", "percentage": "percent", "persons": "people", "person": "people",
}


def _enum_word(kind: str, enum_cls: Any, tok: Token) -> Any:
    found = enum_cls.lookup(tok.value)
    if found is None:
        words = [w for e in enum_cls for w in (e.en, e.vi)]
        from plandsl.suggest import did_you_mean

        synonym = _SYNONYMS.get(tok.value.lower())
        hint = f"Did you mean '{synonym}'?" if synonym else did_you_mean(tok.value, words)
        allowed = ", ".join(e.en for e in enum_cls)
        _report(
            "PRS120",
            f"'{tok.value}' is not a known {kind}; use one of: {allowed}",
            tok,
            hint or f"Vietnamese spellings: {', '.join(e.vi for e in enum_cls)}.",
        )
    return found


class _Build(Transformer):
    """Inline transformer: builds model objects while the LALR parser reduces."""

    # -- header -------------------------------------------------------------
    def kind(self, c):
        return ("kind", _str(c[1]), _span(c))

    def title(self, c):
        return ("title", _str(c[1]), _span(c))

    def level(self, c):
        return ("level", _enum_word("level", m.Level, c[1]), _span(c))

    def jurisdiction(self, c):
        code = _after(c, "CODE")
        return ("jurisdiction", (_str(c[1]), _str(code) if code is not None else None), _span(c))

    def issuer(self, c):
        return ("issuer", _str(c[1]), _span(c))

    def place(self, c):
        return ("place", _str(c[1]), _span(c))

    def signer(self, c):
        return ("signer", _str(c[1]), _span(c))

    def signatory(self, c):
        return ("signatory", _str(c[1]), _span(c))

    def proposal(self, c):
        return ("proposal", m.Proposal(_str(c[1]), _date(c[3]) or dt.date.min, _str(c[5]), span=_span(c)), _span(c))

    def instrument(self, c):
        fields = {tag: value for tag, value, _ in _tagged(c)}
        inst = m.Instrument(_str(c[1]), _date(c[3]) or dt.date.min, span=_span(c), **fields)
        return ("instrument", inst, _span(c))

    def recipients(self, c):
        return ("recipients", c[1], _span(c))

    def basis(self, c):
        number, date = _after(c, "NUMBER"), _after(c, "DATED")
        number = _str(number) if number is not None else None
        date = _date(date) if date is not None else None
        return ("bases", m.Basis(_str(c[1]), number, date, span=_span(c)), _span(c))

    def period(self, c):
        return ("period", (int(c[1]), int(c[2])), _span(c))

    def vision(self, c):
        return ("vision", int(c[1]), _span(c))

    def phase(self, c):
        label = _str(c[4]) if c[4] is not None else None
        return ("phases", m.Phase(c[1].value, int(c[2]), int(c[3]), label, span=_span(c)), _span(c))

    def implements(self, c):
        return ("parents", [m.ParentRef(t.value, span=_tok_span(t)) for t in c[1]], _span(c))

    def general(self, c):
        return ("general", m.Text(_str(c[1]), span=_span(c)), _span(c))

    # -- objectives ----------------------------------------------------------
    def text(self, c):
        return ("text", m.Text(_str(c[1]), span=_span(c)), _span(c))

    def indicator(self, c):
        return ("indicator", _str(c[1]), _span(c))

    def unit(self, c):
        return ("unit", _enum_word("unit", m.Unit, c[1]), _span(c))

    def direction(self, c):
        return ("direction", _enum_word("direction", m.Direction, c[1]), _span(c))

    def baseline(self, c):
        return ("baseline", (int(c[1]), _dec(c[2]) if c[2] is not None else None), _span(c))

    def phase_ref(self, c):
        tok = c[0]
        return tok

    def comparator(self, c):
        sym = c[0].type
        return {"CMP_GE": m.Comparator.AT_LEAST, "CMP_LE": m.Comparator.AT_MOST}.get(sym, m.Comparator.EXACTLY)

    def at_least(self, c):
        return m.Comparator.AT_LEAST

    def at_most(self, c):
        return m.Comparator.AT_MOST

    def exactly(self, c):
        return m.Comparator.EXACTLY

    def absolute(self, c):
        return (_dec(c[0]), c[1] is not None, None, c[1] if c[1] is not None else c[0])

    def relative(self, c):
        value = _dec(c[1])
        if c[0].value == "-":
            value = -value
        return (value, c[2] is not None, int(c[4]), c[4])

    def target(self, c):
        ref: Token = c[1]
        phase: str | int = int(ref.value) if ref.type == "YEAR" else ref.value
        value, percent, base_year, last = c[3]
        span = _join(_tok_span(c[0]), _tok_span(last))
        t = m.Target(phase, value, c[2], percent, base_year, span=span)
        return ("targets", t, span)

    def objective(self, c):
        items = _collect(c[2:], multi={"targets"})
        text = items.pop("text", None)
        baseline = items.pop("baseline", None)
        obj = m.Objective(
            c[1].value,
            text=text.value if text else None,
            baseline_year=baseline[0] if baseline else None,
            baseline_value=baseline[1] if baseline else None,
            targets=tuple(items.pop("targets", ())),
            span=_span(c),
            **items,
        )
        return ("objectives", obj, obj.span)

    def adopt(self, c):
        return ("adoptions", [m.Adoption(t.value, span=_tok_span(t)) for t in c[1]], _span(c))

    def waive(self, c):
        reason = _str(c[2]) if c[2] is not None else None
        return ("waivers", m.Waiver(c[1].value, reason, span=_span(c)), _span(c))

    # -- tasks and agencies --------------------------------------------------
    def lead(self, c):
        return ("leads", m.AgencyRef(_str(c[1]), span=_tok_span(c[1])), _span(c))

    def support(self, c):
        return ("supports", [m.AgencyRef(_str(t), span=_tok_span(t)) for t in c[1]], _span(c))

    def due(self, c):
        tok = c[1]
        value: Any = {"DATE": _date, "YEAR": lambda t: int(t.value), "STRING": _str}[tok.type](tok)
        return ("due", value, _span(c))

    def serves(self, c):
        return ("serves", [t.value for t in c[1]], _span(c))

    def task(self, c):
        items = _collect(c[2:], multi={"leads", "supports", "serves", "task"})
        text = items.pop("text", None)
        task = m.Task(
            c[1].value,
            text=text.value if text else None,
            leads=tuple(items.pop("leads", ())),
            supports=tuple(items.pop("supports", ())),
            due=items.pop("due", None),
            serves=tuple(items.pop("serves", ())),
            subtasks=tuple(items.pop("task", ())),
            span=_span(c),
        )
        return ("task", task, task.span)

    def responsibility(self, c):
        duties = tuple(t for _, t, _ in _tagged(c))
        r = m.Responsibility(m.AgencyRef(_str(c[1]), span=_tok_span(c[1])), m.Mode.ASSIGN, duties, span=_span(c))
        return ("responsibilities", r, r.span)

    def request(self, c):
        tag, r, span = self.responsibility(c)
        return (tag, attrs.evolve(r, mode=m.Mode.REQUEST), span)

    def funding(self, c):
        amount = _after(c, "AMOUNT")
        amount = _dec(amount) if amount is not None else None
        details = tuple(t for _, t, _ in _tagged(c))
        f = m.Funding(_str(c[1]), amount, details, span=_span(c))
        return ("fundings", f, f.span)

    def quantity(self, c):
        average = _after(c, "AVERAGE")
        average = _dec(average) if average is not None else None
        total, years = _dec(_after(c, "TOTAL")), _dec(_after(c, "OVER"))
        q = m.Quantity(c[1].value, _str(c[2]), total, years, average, span=_span(c))
        return ("quantities", q, q.span)

    def report(self, c):
        cycle = _enum_word("reporting cycle", m.Cycle, c[1])
        deadline = _after(c, "BEFORE")
        day = month = None
        if deadline is not None:
            day_s, month_s = deadline.value.split("/")
            day, month = int(day_s), int(month_s)
            try:
                dt.date(2024, month, day)  # a leap year, so 29/2 is accepted
            except ValueError:
                _report("PRS122", f"'{deadline.value}' is not a real day/month", deadline,
                        "Write the deadline as day/month, e.g. 10/6.")
        to_tok = _after(c, "TO")
        to = m.AgencyRef(_str(to_tok), span=_tok_span(to_tok)) if to_tok is not None else None
        r = m.Report(cycle or m.Cycle.AD_HOC, day, month, to, span=_span(c))
        return ("reports", r, r.span)

    def allow(self, c):
        on_tok = _after(c, "ON")
        on = on_tok.value if on_tok is not None else None
        reason_tok = c[-1] if isinstance(c[-1], Token) and c[-1].type == "STRING" else None
        reason = _str(reason_tok) if reason_tok is not None else None
        a = m.Allow(c[1].value, on, reason, span=_span(c))
        return ("allows", a, a.span)

    # -- lists and the plan --------------------------------------------------
    def name_list(self, c):
        return [t for t in c if t is not None]

    def string_list(self, c):
        return [t for t in c if t is not None]

    def plan(self, c):
        plan_id = c[1].value
        items = c[2:-1] if c and isinstance(c[-1], Token) and c[-1].type == "RBRACE" else c[2:]
        multi = {"bases", "phases", "parents", "general", "objectives", "adoptions", "waivers", "task",
                 "responsibilities", "fundings", "quantities", "reports", "allows"}
        field_spans: dict[str, Span] = {}
        values: dict[str, Any] = {}
        for tag, value, span in items:
            if tag in multi:
                values.setdefault(tag, []).extend(value if isinstance(value, list) else [value])
                continue
            if tag in values:
                _CTX.diagnostics.append(
                    Diagnostic("PRS130", Severity.ERROR, f"'{tag}' is given twice in this plan", span,
                               hint="Keep one of them.", related=(), name="parse.duplicate-field")
                )
                continue
            values[tag] = value
            field_spans[tag] = span
        jur = values.pop("jurisdiction", None)
        if jur:
            values["jurisdiction"], values["jurisdiction_code"] = jur
        if "recipients" in values:
            values["recipients"] = tuple(_str(t) for t in values["recipients"])
        values["tasks"] = values.pop("task", [])
        for key, value in list(values.items()):
            if isinstance(value, list):
                values[key] = tuple(value)
        return m.Plan(plan_id, lang="en", span=_span(c[:2]), field_spans=field_spans, **values)

    def start(self, c):
        return c[0]


def _after(children: list, keyword: str) -> Any:
    """The child that follows the keyword ``keyword`` (canonical, upper case)."""
    for i, item in enumerate(children):
        if isinstance(item, Token) and item.type in (f"KW_{keyword}_EN", f"KW_{keyword}_VI"):
            return children[i + 1] if i + 1 < len(children) else None
    return None


def _tagged(children: list) -> list[tuple]:
    """The (tag, value, span) items built by sub-rules."""
    return [c for c in children if isinstance(c, tuple)]


def _collect(children: list, multi: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for child in children:
        if child is None:
            continue
        tag, value, span = child
        if tag in multi:
            out.setdefault(tag, []).extend(value if isinstance(value, list) else [value])
        elif tag in out:
            _CTX.diagnostics.append(
                Diagnostic("PRS130", Severity.ERROR, f"'{tag}' is given twice here", span,
                           hint="Keep one of them.", name="parse.duplicate-field")
            )
        else:
            out[tag] = value
    return out


# ------------------------------------------------------------------ errors

_FRIENDLY = {
    "NAME": "a name (like staff_trained)",
    "STRING": 'a quoted text ("...")',
    "DATE": "a date (YYYY-MM-DD)",
    "YEAR": "a year (like 2025)",
    "NUMBER": "a number",
    "DAY_MONTH": "a day/month (like 10/6)",
    "PERCENT": "'%'",
    "SIGN": "'+' or '-'",
    "CMP_GE": "'>='",
    "CMP_LE": "'<='",
    "CMP_EQ": "'='",
    "LBRACE": "'{'",
    "RBRACE": "'}'",
    "COMMA": "','",
    "__ANON_0": "'..'",
    "$END": "the end of the file",
}


def _expected_words(expected: set[str], lang: str) -> list[str]:
    words = []
    suffix = "_VI" if lang == "vi" else "_EN"
    for name in sorted(expected):
        if name.startswith("KW_"):
            if name.endswith(suffix):
                words.append(f"'{get_parser().get_terminal(name).pattern.value}'")
        elif name in _FRIENDLY:
            words.append(_FRIENDLY[name])
        else:
            term = next((t for t in get_parser().terminals if t.name == name), None)
            words.append(f"'{term.pattern.value}'" if term is not None and term.pattern.type == "str" else name)
    return sorted(set(words))


def _guess_lang(text: str) -> str:
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return "vi" if stripped.startswith("kế_hoạch") else "en"
    return "en"


def _syntax_diagnostic(exc: UnexpectedInput, path: str, text: str) -> Diagnostic:
    lang = _guess_lang(text)
    expected = set(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ())
    if isinstance(exc, UnexpectedToken):
        expected = set(exc.accepts or exc.expected)
    words = _expected_words(expected, lang)
    line = getattr(exc, "line", 1) or 1
    col = getattr(exc, "column", 1) or 1
    hint = None
    if isinstance(exc, UnexpectedToken) and exc.token.type == "$END":
        code, what = "PRS102", "the file ends too early"
        lines = text.split("\n")
        line = len(lines)
        col = len(lines[-1]) + 1
        if "RBRACE" in expected:
            hint = "A block is not closed: add the missing '}'."
        width = 1
    elif isinstance(exc, UnexpectedToken):
        tok = exc.token
        code = "PRS100"
        shown = tok.value if len(tok.value) <= 40 else tok.value[:37] + "..."
        what = f"unexpected {_describe(tok)} '{shown}'"
        width = max(1, len(tok.value.split("\n")[0]))
        hint = _keyword_hint(tok.value, expected, lang)
    else:
        code = "PRS101"
        ch = text.split("\n")[line - 1][col - 1 : col] if line - 1 < len(text.split("\n")) else ""
        what = f"unexpected character '{ch}'"
        width = 1
        if ch in "“”":
            hint = 'Use straight quotes (") around texts, not curly ones.'
        elif isinstance(exc, UnexpectedCharacters):
            word = re.match(r"\w+", text.split("\n")[line - 1][col - 1 :])
            if word:
                hint = _keyword_hint(word.group(0), expected, lang)
    message = what
    if words:
        shown_words = words if len(words) <= 30 else words[:30] + ["..."]
        message += "; expected " + (shown_words[0] if len(shown_words) == 1 else "one of: " + ", ".join(shown_words))
    return Diagnostic(code, Severity.ERROR, message, Span(path, line, col, line, col + width), hint=hint,
                      name="parse.syntax")


def _describe(tok: Token) -> str:
    kind = tok.type
    if kind.startswith("KW_"):
        return "keyword"
    return {"NAME": "word", "STRING": "text", "NUMBER": "number", "YEAR": "year", "DATE": "date"}.get(kind, "symbol")


def _keyword_hint(word: str, expected: set[str], lang: str) -> str | None:
    from plandsl.suggest import did_you_mean

    parser = get_parser()
    candidates = [parser.get_terminal(n).pattern.value for n in expected if n.startswith("KW_")]
    return did_you_mean(word, candidates)


# ------------------------------------------------------------------ entry points


def parse_text(text: str, path: str = "<string>") -> ParseResult:
    """Parse already-decoded text (NFC, LF) into a plan and diagnostics."""
    parser = get_parser()
    _CTX.reset(path)
    try:
        plan = parser.parse(text)
    except UnexpectedInput as exc:
        # Keep what was found before the syntax error (bad values, mixed keywords).
        earlier = tuple(d for d in _CTX.diagnostics if (d.span.line, d.span.col) < (exc.line, exc.column))
        return ParseResult(path, None, earlier + (_syntax_diagnostic(exc, path, text),), (), text)
    except RecursionError:
        diag = Diagnostic("PRS103", Severity.ERROR, "the spec is nested too deeply to read",
                          Span(path, 1, 1, 1, 1), hint="Flatten nested tasks.", name="parse.syntax")
        return ParseResult(path, None, (diag,), (), text)
    diags = list(_CTX.diagnostics)
    lang = _check_keyword_set(diags)
    plan = attrs.evolve(plan, lang=lang)
    comments = tuple(Comment(t.line, t.column, t.value) for t in _CTX.comments)
    return ParseResult(path, plan, tuple(diags), comments, text)


def _check_keyword_set(diags: list[Diagnostic]) -> str:
    if not _CTX.keyword_langs:
        return "en"
    first = _CTX.keyword_langs[0][0]
    lang = "vi" if first == "VI" else "en"
    others = [tok for l, tok in _CTX.keyword_langs if l != first]
    if others:
        tok = others[0]
        kw = next(k for k, (en, vi) in keyword_table().items() if tok.value in (en, vi))
        en, vi = keyword_table()[kw]
        expected = vi if lang == "vi" else en
        more = f" ({len(others) - 1} more)" if len(others) > 1 else ""
        diags.append(
            Diagnostic("PRS110", Severity.ERROR,
                       f"keyword '{tok.value}' is from the other keyword set; this spec is written in "
                       f"{'Vietnamese' if lang == 'vi' else 'English'} keywords{more}",
                       _tok_span(tok), hint=f"Write '{expected}', or run `plandsl fmt --lang {lang}`.",
                       name="parse.keyword-set")
        )
    return lang


def parse_source(source: Source) -> ParseResult:
    if source.text is None:
        return ParseResult(source.path, None, source.diagnostics, (), None)
    result = parse_text(source.text, source.path)
    return attrs.evolve(result, diagnostics=source.diagnostics + result.diagnostics)


def parse_bytes(data: bytes, path: str = "<bytes>") -> ParseResult:
    return parse_source(decode(data, path))


def parse_file(path: str) -> ParseResult:
    from plandsl.source import read_source

    return parse_source(read_source(path))
