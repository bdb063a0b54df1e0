"""A fast path for parsing valid specs: a recursive-descent parser over ``fastlex`` tokens.

grammar/plan.lark stays the definition of the language and Lark its only judge of syntax. This module
reads the same language faster and builds the same model through the same value helpers
(``language.values``) and node assemblers (``language.transform``): the same objects, spans, value
diagnostics (in the order the Lark transformer reports them: a node's after its children's), comments
and keyword tokens. Whenever it meets anything it is not sure of (a syntax error, an unexpected token
or character, a number of the wrong shape, nesting deeper than allowed) it returns None, and
``parse_text`` asks Lark, which gives the error message. So it only has to be right on valid input,
and it never accepts text that Lark rejects. tests/test_fastparse.py checks both against Lark, and
checks in Lark's own parse table why one tokenisation serves every parser state of its contextual
lexer: no state accepts both NAME and a keyword (a word is a keyword exactly where a keyword is
expected), and none accepts both NUMBER and YEAR (four digits are a YEAR exactly where a YEAR is).
A keyword glued to the next word (``objectivea``), which Lark splits where no NAME is accepted, is one
unknown word here: the fast path gives up and Lark decides.

A statement's span runs from its keyword to the end of its last token that is not punctuation
(``{``, ``}``, ``,``, ``..`` are dropped from Lark's children, so a block's ``}`` is not the end).
Where the model keeps no span of a statement (a task's ``lead``, an objective's ``unit``), the span is
built only if a second statement of that kind needs it for PRS130.
"""

from __future__ import annotations

import datetime as dt

from plandsl.core.i18n import N_
from plandsl.language import model as m
from plandsl.language.fastlex import (
    DATE, DAY_MONTH, NUMBER, STRING, SYMBOL, WORD, Bail, Cursor, Tok, line_starts, spelled, tokens)
from plandsl.language.assemble import make_objective, make_plan, make_responsibility, make_task
from plandsl.language.values import CONTEXT, _date, _day_month, _enum_word

# The model's classes built most often, by model.maker (every field, in order, positionally).
_AGENCY = m.maker(m.AgencyRef, "name span")
_TARGET = m.maker(m.Target, "phase value comparator percent base_year maintain through span")
_TEXT = m.maker(m.Text, "value span")
_BASIS = m.maker(m.Basis, "text number date span")
_PHASE = m.maker(m.Phase, "id start end label span")
_FUNDING = m.maker(m.Funding, "source amount details span")
_REPORT = m.maker(m.Report, "cycle day month to span")
MAX_DEPTH = 64  # parser.MAX_TASK_DEPTH: anything deeper is left to Lark (and PRS103)
_CMP = {">=": m.Comparator.AT_LEAST, "≥": m.Comparator.AT_LEAST, "<=": m.Comparator.AT_MOST,
        "≤": m.Comparator.AT_MOST, "=": m.Comparator.EXACTLY}
_CMP_WORDS = {"at_least": m.Comparator.AT_LEAST, "at_most": m.Comparator.AT_MOST, "exactly": m.Comparator.EXACTLY}


def parse(text: str, path: str) -> m.Plan | None:
    """The plan (its ``lang`` the first keyword's) with CONTEXT filled as the Lark route fills it; or None."""
    try:
        return read(text, path)
    except Exception:  # noqa: BLE001 - a fault of the fast path must not reach the user: Lark reads the text
        return None


def read(text: str, path: str) -> m.Plan | None:
    """``parse``, but a fault of the fast path itself raises (the tests call this)."""
    done = read_with(_Parser, text, path)
    return done[0] if done is not None else None


def read_with(cls: type, text: str, path: str) -> tuple[m.Plan, "_Parser"] | None:
    """``read`` by the parser class ``cls`` (``_Parser`` or one that records more, as ``outline`` does): the plan
    and the parser that read it; None when the fast path is not sure."""
    CONTEXT.reset(path)
    starts = line_starts(text)
    try:
        parser = cls(path, tokens(text, starts), starts)
        return parser.plan(), parser
    except (Bail, IndexError):  # IndexError: the text ended early
        return None


class _Parser(Cursor):
    """The statements of the grammar, each read by a method or a rule of the tables below."""

    __slots__ = ()

    def agencies(self) -> list[m.AgencyRef]:
        """A string_list of agencies, each with the span of its string."""
        out = []
        while True:
            name = self.string()
            out.append(_AGENCY(name, self.span(self.start(self.i - 1))))
            if not self.at(","):
                return out
            self.i += 1

    # ------------------------------------------------------------ the plan

    def plan(self) -> m.Plan:
        info = self.keyword_at()
        if info is None or info[0] != "plan":
            raise Bail
        self.keyword(info)
        plan_id = self.name()
        span = self.span(self.start(0))
        items = self.block(PLAN)
        if self.i != len(self.t):
            raise Bail
        # The keyword set is the first keyword's (parser._check_keyword_set), here the plan's.
        return make_plan(plan_id, items, span, "vi" if self.lang0 == "VI" else "en")

    def jurisdiction(self, start: int) -> tuple:
        name = self.string()
        code = self.string() if self.maybe("code") else None
        return ("jurisdiction", (name, code), self.span(start))

    def level(self, start: int) -> tuple:
        word = self.take(WORD)
        return ("level", self.member(N_("level"), m.Level, word, self.e), self.span(start))

    def signature(self) -> dict:
        """The fields of a signature block (``{ place … signer … }``), the last of a kind kept, as Lark's
        transformer keeps them."""
        return {tag: value for tag, value, _ in self.block(SIGNATURE)} if self.at("{") else {}

    def instrument(self, start: int) -> tuple:
        number = self.string()
        self.expect("dated")
        date = self.tok(DATE)
        fields = self.signature()
        span = self.span(start)
        return ("instrument", m.Instrument(number, _date(date) or dt.date.min, span=span, **fields), span)

    def proposal(self, start: int) -> tuple:
        number = self.string()
        self.expect("dated")
        date = self.tok(DATE)
        self.expect("by")
        by = self.string()
        span = self.span(start)
        return ("proposal", m.Proposal(number, _date(date) or dt.date.min, by, span=span), None)

    def docref(self) -> tuple:
        """``"text" [number "…"] [dated DATE] [by "…"]``, the date not yet read."""
        text = self.string()
        number = self.string() if self.maybe("number") else None
        date = self.tok(DATE) if self.maybe("dated") else None
        by = self.string() if self.maybe("by") else None
        return text, number, date, by

    def approval(self, start: int) -> tuple:
        text, number, date, by = self.docref()
        fields = self.signature()
        span = self.span(start)
        date = _date(date) if date is not None else None
        return ("approval", m.Approval(text, number, date, by, span=span, **fields), span)

    def implementing(self, start: int) -> tuple:
        text, number, date, by = self.docref()
        span = self.span(start)
        ref = m.DocRef(text, number, _date(date) if date is not None else None, by, span=span)
        return ("implementing", ref, span)

    def basis(self, start: int) -> tuple:
        text = self.string()
        number = self.string() if self.maybe("number") else None
        date = self.tok(DATE) if self.maybe("dated") else None
        span = self.span(start)
        return ("bases", _BASIS(text, number, _date(date) if date is not None else None, span), span)

    def amendment(self, start: int, replaces: bool = False) -> tuple:
        plan_id = self.name()
        phase = self.phase_ref() if self.maybe("in_phase") else None
        note = self.string() if self.kind() == STRING else None
        span = self.span(start)
        return ("amendments", m.Amendment(plan_id, replaces, phase, note, span=span), span)

    def no_target(self, start: int) -> tuple:
        objective = self.name()
        phase = self.phase_ref()
        reason = self.string()
        span = self.span(start)
        return ("no_targets", m.NoTarget(objective, phase, reason, span=span), span)

    def period(self, start: int) -> tuple:
        first = self.year()
        self.skip("..")
        return ("period", (first, self.year()), self.span(start))

    def vision(self, start: int) -> tuple:
        return ("vision", self.year(), self.span(start))

    def phase(self, start: int) -> tuple:
        phase_id, first = self.name(), self.year()
        self.skip("..")
        last = self.year()
        label = self.string() if self.kind() == STRING else None
        span = self.span(start)
        return ("phases", _PHASE(phase_id, first, last, label, span), span)

    def refs(self, start: int, tag: str, cls: type) -> tuple:
        refs = []
        while True:
            refs.append(cls(self.name(), span=self.span(self.start(self.i - 1))))
            if not self.at(","):
                return (tag, refs, self.later(start))
            self.i += 1

    def general(self, start: int) -> tuple:
        value = self.string()
        span = self.span(start)
        return ("general", _TEXT(value, span), span)

    def waive(self, start: int) -> tuple:
        objective = self.name()
        reason = self.string() if self.kind() == STRING else None
        span = self.span(start)
        return ("waivers", m.Waiver(objective, reason, span=span), span)

    def funding(self, start: int) -> tuple:
        source = self.string()
        amount = self.number() if self.maybe("amount") else None
        details = tuple(text for _, text, _ in self.block(TEXTS)) if self.at("{") else ()
        span = self.span(start)
        return ("fundings", _FUNDING(source, amount, details, span), span)

    def quantity(self, start: int) -> tuple:
        q_id, text = self.name(), self.string()
        self.expect("total")
        total = self.number()
        self.expect("over")
        years = self.number()
        self.expect("years")
        average = self.number() if self.maybe("average") else None
        span = self.span(start)
        return ("quantities", m.Quantity(q_id, text, total, years, average, span=span), span)

    def report(self, start: int) -> tuple:
        cycle, cycle_end = self.take(WORD), self.e
        deadline = self.tok(DAY_MONTH) if self.maybe("before") else None
        to = None
        if self.maybe("to"):
            to = self.agency()
        span = self.span(start)
        cycle = self.member(N_("reporting cycle"), m.Cycle, cycle, cycle_end)
        day, month = _day_month(deadline) if deadline is not None else (None, None)
        return ("reports", _REPORT(cycle or m.Cycle.AD_HOC, day, month, to, span), span)

    def agency(self) -> m.AgencyRef:
        """An agency named by a STRING, with the span of the string."""
        name = self.string()
        return _AGENCY(name, self.span(self.start(self.i - 1)))

    def allow(self, start: int) -> tuple:
        code = self.name()
        on = self.name() if self.maybe("on") else None
        reason = self.string() if self.kind() == STRING else None
        span = self.span(start)
        return ("allows", m.Allow(code, on, reason, span=span), span)

    # ------------------------------------------------------------ objectives

    def objective(self, start: int) -> tuple:
        obj_id = self.name()
        items = self.settle(self.block(OBJECTIVE))
        return ("objectives", *make_objective(obj_id, items, self.span(start)))

    def enum_field(self, start: int, tag: str, kind: str, cls: type) -> tuple:
        word = self.take(SYMBOL if tag == "unit" and self.at("%") else WORD)
        return (tag, self.member(kind, cls, word, self.e), self.later(start))

    def member(self, kind: str, cls: type, word: str, end: int):
        """The member of the enumeration ``cls`` spelt ``word`` (the token that ends at ``end``); when
        none is, None and PRS120 (``_enum_word``, given a token with its location only then)."""
        found = cls.lookup(word)
        if found is None:
            return _enum_word(kind, cls, Tok(word, end - len(word), end, self.starts))
        return found

    def baseline(self, start: int) -> tuple:
        year = self.year()
        value = self.number() if self.kind() == NUMBER else None
        return ("baseline", (year, value), self.later(start))

    def comparator(self) -> m.Comparator | None:
        kind, symbol, end = self.t[self.i]
        if kind == SYMBOL and symbol in _CMP:
            self.i += 1
            self.e = end
            return _CMP[symbol]
        info = self.keyword_at()
        if info is not None and info[0] in _CMP_WORDS:
            self.keyword(info)
            return _CMP_WORDS[info[0]]
        return None

    def target(self, start: int, maintain: bool = False) -> tuple:
        phase = self.phase_ref()
        through = None
        if maintain and self.at(".."):
            self.i += 1
            through = self.year()
        comparator = self.comparator()
        relative = not maintain and (self.at("+") or self.at("-"))
        negative = relative and self.take(SYMBOL) == "-"
        value = self.number()
        percent = self.at("%")
        if percent:
            self.take(SYMBOL)
        base_year = None
        if relative:
            self.expect("vs")
            base_year = self.year()
            if negative:
                value = -value
        span = self.span(start)
        return ("targets", _TARGET(phase, value, comparator, percent, base_year, maintain, through, span), span)

    # ------------------------------------------------------------ tasks and agencies

    def task(self, start: int) -> tuple:
        task_id = self.name()
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise Bail
        items = self.settle(self.block(TASK))
        self.depth -= 1
        return ("task", *make_task(task_id, items, self.span(start)))

    def due(self, start: int) -> tuple:
        kind = self.kind()
        value = _date(self.tok(DATE)) if kind == DATE else self.string() if kind == STRING else self.year()
        return ("due", value, self.later(start))

    def responsibility(self, start: int, mode: m.Mode = m.Mode.ASSIGN) -> tuple:
        agency = self.agency()
        items = self.settle(self.block(RESPONSIBILITY))
        return ("responsibilities", *make_responsibility(agency, mode, items, self.span(start)))


# ---------------------------------------------------------------- the statements of each block


def _text(tag: str, keep_span: bool = True):
    """``keyword STRING`` giving the string; ``keep_span``: the model keeps the statement's span."""
    def rule(p: _Parser, start: int) -> tuple:
        value = p.string()
        return (tag, value, p.span(start) if keep_span else p.later(start))
    return rule


def _text_node(keep_span: bool):
    """``text STRING`` giving a Text."""
    def rule(p: _Parser, start: int) -> tuple:
        value = p.string()
        if keep_span:
            span = p.span(start)
            return ("text", _TEXT(value, span), span)
        return ("text", _TEXT(value, m.NO_SPAN), p.later(start))
    return rule


def _list(tag: str, read, keep_span: bool = False):
    """``keyword`` and a list read by ``read``; ``keep_span``: the plan keeps the statement's span."""
    def rule(p: _Parser, start: int) -> tuple:
        return (tag, read(p), p.span(start) if keep_span else p.later(start))
    return rule


def _lead(p: _Parser, start: int) -> tuple:
    return ("leads", p.agency(), p.later(start))


P = _Parser
SIGNATURE = {"place": _text("place", False), "signer": _text("signer", False),
             "signatory": _text("signatory", False), "proposal": P.proposal}
TEXTS = {"text": _text_node(True)}
OBJECTIVE = {
    "text": _text_node(False), "indicator": _text("indicator", False),
    "unit": lambda p, s: p.enum_field(s, "unit", N_("unit"), m.Unit),
    "direction": lambda p, s: p.enum_field(s, "direction", N_("direction"), m.Direction),
    "aggregate": lambda p, s: p.enum_field(s, "aggregation", N_("aggregation"), m.Aggregation),
    "not_comparable": _text("not_comparable", False), "baseline": P.baseline,
    "target": P.target, "maintain": lambda p, s: p.target(s, maintain=True),
}
TASK = {
    "text": _text_node(False), "lead": _lead, "support": _list("supports", P.agencies), "due": P.due,
    "serves": _list("serves", P.names), "task": P.task,
}
RESPONSIBILITY = {
    "text": _text_node(True), "lead": _list("lead_tasks", P.names), "support": _list("support_tasks", P.names),
    "review": _text("review", False),
}
PLAN = {
    "kind": _text("kind"), "title": _text("title"), "level": P.level, "jurisdiction": P.jurisdiction,
    "letterhead": _list("letterhead", lambda p: tuple(p.strings()), True), "issuer": _text("issuer"),
    "authority": _text("authority"), "instrument": P.instrument, "approval": P.approval, "basis": P.basis,
    "implementing": P.implementing, "period": P.period, "vision": P.vision, "phase": P.phase,
    "implements": lambda p, s: p.refs(s, "parents", m.ParentRef),
    "amends": P.amendment, "replaces": lambda p, s: p.amendment(s, replaces=True), "partial": _text("partial"),
    "general": P.general, "objective": P.objective, "adopt": lambda p, s: p.refs(s, "adoptions", m.Adoption),
    "waive": P.waive, "no_target": P.no_target, "task": P.task, "responsibility": P.responsibility,
    "request": lambda p, s: p.responsibility(s, m.Mode.REQUEST), "funding": P.funding, "quantity": P.quantity,
    "report": P.report, "allow": P.allow, "recipients": _list("recipients", lambda p: tuple(p.strings()), True),
}
SIGNATURE, TEXTS, OBJECTIVE, TASK, RESPONSIBILITY, PLAN = map(
    spelled, (SIGNATURE, TEXTS, OBJECTIVE, TASK, RESPONSIBILITY, PLAN))
