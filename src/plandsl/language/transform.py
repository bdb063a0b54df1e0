"""The inline Lark transformer: builds model objects while the parser reduces.

Positions come from tokens (the keyword that starts a statement), not from
``propagate_positions``. Problems with values (an unknown level, an impossible
date) become diagnostics in the per-parse context, and parsing goes on.
"""

from __future__ import annotations

from plandsl.core.i18n import N_, _
import datetime as dt
import re
from decimal import Decimal
from typing import Any

import attrs
from lark import Token, Transformer

from plandsl.language import model as m
from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.language.model import Span

try:  # lark-cython's tokens are not lark.Token subclasses
    from lark_cython.lark_cython import Token as _CythonToken

    TOKEN_TYPES: tuple[type, ...] = (Token, _CythonToken)
except ImportError:  # pragma: no cover - lark-cython is a dependency, but optional at run time
    TOKEN_TYPES = (Token,)


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


CONTEXT = _Context()


def tok_span(tok: Token) -> Span:
    return Span(CONTEXT.path, tok.line, tok.column, tok.end_line, tok.end_column)


def _join(start: Span, end: Span) -> Span:
    return Span(start.path, start.line, start.col, end.end_line, end.end_col)


def _end(item: Any) -> tuple[int, int] | None:
    """Where an item built by the parser ends: (line, column), or None for placeholders."""
    if isinstance(item, TOKEN_TYPES):
        return item.end_line, item.end_column
    span = getattr(item, "span", None)
    if isinstance(span, Span):
        return span.end_line, span.end_col
    if isinstance(item, (list, tuple)):
        if item and isinstance(item[-1], Span):  # a (tag, value, span) statement
            return item[-1].end_line, item[-1].end_col
        for sub in reversed(item):
            if sub is not None:
                found = _end(sub)
                if found is not None:
                    return found
    return None


def _span(children: list) -> Span:
    """From the statement's first token (its keyword) to the end of its last part."""
    first = children[0]
    for item in reversed(children):
        if item is not None:
            found = _end(item)
            if found is not None:
                return Span(CONTEXT.path, first.line, first.column, found[0], found[1])
    return tok_span(first)


_ESCAPE = re.compile(r"\\(.)", re.S)


def _str(tok: Token) -> str:
    body = tok.value[1:-1]
    if "\\" in body:
        body = _ESCAPE.sub(lambda mt: {"n": "\n", "t": "\t"}.get(mt.group(1), mt.group(1)), body)
    return body


def _dec(tok: Token) -> Decimal:
    return Decimal(tok.value.replace("_", ""))


def _report(code: str, message: str, tok: Token, hint: str | None = None, sev=Severity.ERROR) -> None:
    CONTEXT.diagnostics.append(
        Diagnostic(code=code, severity=sev, message=message, span=tok_span(tok), hint=hint, name="parse.value")
    )


def _date(tok: Token) -> dt.date | None:
    try:
        return dt.date.fromisoformat(tok.value)
    except ValueError:
        _report("PRS121", _("'{value}' is not a real date").format(value=tok.value), tok,
                _("Write dates as YYYY-MM-DD, e.g. 2021-04-19."))
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
        from plandsl.core.suggest import did_you_mean

        synonym = _SYNONYMS.get(tok.value.lower())
        hint = _("Did you mean '{name}'?").format(name=synonym) if synonym else did_you_mean(tok.value, words)
        allowed = ", ".join(e.en for e in enum_cls)
        _report(
            "PRS120",
            _("'{value}' is not a known {kind}; use one of: {allowed}").format(value=tok.value, kind=_(kind),
                                                                             allowed=allowed),
            tok,
            hint or _("Vietnamese spellings: {words}.").format(words=", ".join(e.vi for e in enum_cls)),
        )
    return found


class Build(Transformer):
    """Inline transformer: builds model objects while the LALR parser reduces."""

    # -- header -------------------------------------------------------------
    def kind(self, c):
        return ("kind", _str(c[1]), _span(c))

    def title(self, c):
        return ("title", _str(c[1]), _span(c))

    def level(self, c):
        return ("level", _enum_word(N_("level"), m.Level, c[1]), _span(c))

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

    def letterhead(self, c):
        return ("letterhead", tuple(_str(t) for t in c[1]), _span(c))

    def authority(self, c):
        return ("authority", _str(c[1]), _span(c))

    def approval(self, c):
        a = m.Approval(*_docref(c), span=_span(c), **{tag: value for tag, value, _ in _tagged(c)})
        return ("approval", a, a.span)

    def implementing(self, c):
        ref = m.DocRef(*_docref(c), span=_span(c))
        return ("implementing", ref, ref.span)

    def amendment(self, c, replaces: bool = False):
        ref = _after(c, "IN_PHASE")
        phase = (int(ref.value) if ref.type == "YEAR" else ref.value) if ref is not None else None
        note_tok = c[-1] if isinstance(c[-1], TOKEN_TYPES) and c[-1].type == "STRING" else None
        a = m.Amendment(c[1].value, replaces, phase, _str(note_tok) if note_tok is not None else None, span=_span(c))
        return ("amendments", a, a.span)

    def replacement(self, c):
        return self.amendment(c, replaces=True)

    def partial(self, c):
        return ("partial", _str(c[1]), _span(c))

    def no_target(self, c):
        ref = c[2]
        phase: str | int = int(ref.value) if ref.type == "YEAR" else ref.value
        n = m.NoTarget(c[1].value, phase, _str(c[3]), span=_span(c))
        return ("no_targets", n, n.span)

    def basis(self, c):
        number, date = _after(c, "NUMBER"), _after(c, "DATED")
        number = _str(number) if number is not None else None
        date = _date(date) if date is not None else None
        return ("bases", m.Basis(_str(c[1]), number, date, span=_span(c)), _span(c))

    def period(self, c):
        return ("period", (int(c[1].value), int(c[2].value)), _span(c))

    def vision(self, c):
        return ("vision", int(c[1].value), _span(c))

    def phase(self, c):
        label = _str(c[4]) if c[4] is not None else None
        return ("phases", m.Phase(c[1].value, int(c[2].value), int(c[3].value), label, span=_span(c)), _span(c))

    def implements(self, c):
        return ("parents", [m.ParentRef(t.value, span=tok_span(t)) for t in c[1]], _span(c))

    def general(self, c):
        return ("general", m.Text(_str(c[1]), span=_span(c)), _span(c))

    # -- objectives ----------------------------------------------------------
    def text(self, c):
        return ("text", m.Text(_str(c[1]), span=_span(c)), _span(c))

    def indicator(self, c):
        return ("indicator", _str(c[1]), _span(c))

    def unit(self, c):
        return ("unit", _enum_word(N_("unit"), m.Unit, c[1]), _span(c))

    def direction(self, c):
        return ("direction", _enum_word(N_("direction"), m.Direction, c[1]), _span(c))

    def baseline(self, c):
        return ("baseline", (int(c[1].value), _dec(c[2]) if c[2] is not None else None), _span(c))

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
        return (value, c[2] is not None, int(c[4].value), c[4])

    def target(self, c):
        ref: Token = c[1]
        phase: str | int = int(ref.value) if ref.type == "YEAR" else ref.value
        value, percent, base_year, last = c[3]
        span = _join(tok_span(c[0]), tok_span(last))
        t = m.Target(phase, value, c[2], percent, base_year, span=span)
        return ("targets", t, span)

    def maintain(self, c):
        ref: Token = c[1]
        phase: str | int = int(ref.value) if ref.type == "YEAR" else ref.value
        through = int(c[2].value) if c[2] is not None else None
        value, percent, _, last = c[4]
        span = _join(tok_span(c[0]), tok_span(last))
        t = m.Target(phase, value, c[3], percent, None, maintain=True, through=through, span=span)
        return ("targets", t, span)

    def aggregate(self, c):
        return ("aggregation", _enum_word(N_("aggregation"), m.Aggregation, c[1]), _span(c))

    def not_comparable(self, c):
        return ("not_comparable", _str(c[1]), _span(c))

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
        return ("adoptions", [m.Adoption(t.value, span=tok_span(t)) for t in c[1]], _span(c))

    def waive(self, c):
        reason = _str(c[2]) if c[2] is not None else None
        return ("waivers", m.Waiver(c[1].value, reason, span=_span(c)), _span(c))

    # -- tasks and agencies --------------------------------------------------
    def lead(self, c):
        return ("leads", m.AgencyRef(_str(c[1]), span=tok_span(c[1])), _span(c))

    def support(self, c):
        return ("supports", [m.AgencyRef(_str(t), span=tok_span(t)) for t in c[1]], _span(c))

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

    def leads_tasks(self, c):
        return ("lead_tasks", [t.value for t in c[1]], _span(c))

    def supports_tasks(self, c):
        return ("support_tasks", [t.value for t in c[1]], _span(c))

    def review(self, c):
        return ("review", _str(c[1]), _span(c))

    def responsibility(self, c):
        items = _collect(_tagged(c), multi={"text", "lead_tasks", "support_tasks"})
        r = m.Responsibility(
            m.AgencyRef(_str(c[1]), span=tok_span(c[1])), m.Mode.ASSIGN, tuple(items.pop("text", ())),
            lead_tasks=tuple(items.pop("lead_tasks", ())), support_tasks=tuple(items.pop("support_tasks", ())),
            review=items.pop("review", None), span=_span(c),
        )
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
        cycle = _enum_word(N_("reporting cycle"), m.Cycle, c[1])
        deadline = _after(c, "BEFORE")
        day = month = None
        if deadline is not None:
            day_s, month_s = deadline.value.split("/")
            day, month = int(day_s), int(month_s)
            try:
                dt.date(2024, month, day)  # a leap year, so 29/2 is accepted
            except ValueError:
                _report("PRS122", _("'{value}' is not a real day/month").format(value=deadline.value), deadline,
                        _("Write the deadline as day/month, e.g. 10/6."))
        to_tok = _after(c, "TO")
        to = m.AgencyRef(_str(to_tok), span=tok_span(to_tok)) if to_tok is not None else None
        r = m.Report(cycle or m.Cycle.AD_HOC, day, month, to, span=_span(c))
        return ("reports", r, r.span)

    def allow(self, c):
        on_tok = _after(c, "ON")
        on = on_tok.value if on_tok is not None else None
        reason_tok = c[-1] if isinstance(c[-1], TOKEN_TYPES) and c[-1].type == "STRING" else None
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
        items = c[2:-1] if c and isinstance(c[-1], TOKEN_TYPES) and c[-1].type == "RBRACE" else c[2:]
        multi = {"bases", "phases", "parents", "general", "objectives", "adoptions", "waivers", "task",
                 "responsibilities", "fundings", "quantities", "reports", "allows", "implementing", "amendments",
                 "no_targets"}
        field_spans: dict[str, Span] = {}
        values: dict[str, Any] = {}
        for tag, value, span in items:
            if tag in multi:
                values.setdefault(tag, []).extend(value if isinstance(value, list) else [value])
                continue
            if tag in values:
                CONTEXT.diagnostics.append(
                    Diagnostic("PRS130", Severity.ERROR, _("'{field}' is given twice in this plan").format(field=tag),
                               span, hint=_("Keep one of them."), related=(), name="parse.duplicate-field")
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
        if isinstance(item, TOKEN_TYPES) and item.type in (f"KW_{keyword}_EN", f"KW_{keyword}_VI"):
            return children[i + 1] if i + 1 < len(children) else None
    return None


def _docref(c: list) -> tuple:
    """(text, number, date, by) of a document reference: ``"text" [number "…"] [dated …] [by "…"]``."""
    number, date, by = _after(c, "NUMBER"), _after(c, "DATED"), _after(c, "BY")
    return (_str(c[1]), _str(number) if number is not None else None, _date(date) if date is not None else None,
            _str(by) if by is not None else None)


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
            CONTEXT.diagnostics.append(
                Diagnostic("PRS130", Severity.ERROR, _("'{field}' is given twice here").format(field=tag), span,
                           hint=_("Keep one of them."), name="parse.duplicate-field")
            )
        else:
            out[tag] = value
    return out


