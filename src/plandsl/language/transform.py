"""The inline Lark transformer: builds model objects while the parser reduces.

Positions come from tokens (the keyword that starts a statement), not from
``propagate_positions``. Problems with values (an unknown level, an impossible
date) become diagnostics in the per-parse context, and parsing goes on.
"""

from __future__ import annotations

from plandsl.core.i18n import N_
import datetime as dt
from typing import Any

from lark import Token, Transformer

from plandsl.language import model as m
from plandsl.language.model import Span
from plandsl.language.assemble import (  # noqa: F401  (imported from here too)
    _collect, make_objective, make_plan, make_responsibility, make_task)
from plandsl.language.values import (  # noqa: F401  (CONTEXT and tok_span are imported from here too)
    CONTEXT, _date, _day_month, _dec, _enum_word, _str, tok_span)

try:  # lark-cython's tokens are not lark.Token subclasses
    from lark_cython.lark_cython import Token as _CythonToken

    TOKEN_TYPES: tuple[type, ...] = (Token, _CythonToken)
except ImportError:  # pragma: no cover - lark-cython is a dependency, but optional at run time
    TOKEN_TYPES = (Token,)


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
        return ("recipients", tuple(_str(t) for t in c[1]), _span(c))

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
        return ("objectives", *make_objective(c[1].value, c[2:], _span(c)))

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
        return ("task", *make_task(c[1].value, c[2:], _span(c)))

    def leads_tasks(self, c):
        return ("lead_tasks", [t.value for t in c[1]], _span(c))

    def supports_tasks(self, c):
        return ("support_tasks", [t.value for t in c[1]], _span(c))

    def review(self, c):
        return ("review", _str(c[1]), _span(c))

    def responsibility(self, c, mode: m.Mode = m.Mode.ASSIGN):
        agency = m.AgencyRef(_str(c[1]), span=tok_span(c[1]))
        return ("responsibilities", *make_responsibility(agency, mode, _tagged(c), _span(c)))

    def request(self, c):
        return self.responsibility(c, m.Mode.REQUEST)

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
        day, month = _day_month(deadline) if deadline is not None else (None, None)
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
        items = c[2:-1] if c and isinstance(c[-1], TOKEN_TYPES) and c[-1].type == "RBRACE" else c[2:]
        return make_plan(c[1].value, items, _span(c[:2]))

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
