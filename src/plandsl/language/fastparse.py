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
"""

from __future__ import annotations

import datetime as dt
import re

from plandsl.core.i18n import N_
from plandsl.language import model as m
from plandsl.language.fastlex import (
    DATE, DAY_MONTH, KEYWORDS, NUMBER, STRING, SYMBOL, WORD, Tok, line_col, tokens)
from plandsl.language.model import Span
from plandsl.language.transform import make_objective, make_plan, make_responsibility, make_task
from plandsl.language.values import CONTEXT, _date, _day_month, _enum_word, decimal, unquote

MAX_DEPTH = 64  # parser.MAX_TASK_DEPTH: anything deeper is left to Lark (and PRS103)
_CMP = {">=": m.Comparator.AT_LEAST, "≥": m.Comparator.AT_LEAST, "<=": m.Comparator.AT_MOST,
        "≤": m.Comparator.AT_MOST, "=": m.Comparator.EXACTLY}
_CMP_WORDS = {"at_least": m.Comparator.AT_LEAST, "at_most": m.Comparator.AT_MOST, "exactly": m.Comparator.EXACTLY}


class _Bail(Exception):
    """Not sure: let Lark parse it."""


def parse(text: str, path: str) -> m.Plan | None:
    """The plan (its ``lang`` not yet set) with CONTEXT filled as the Lark route fills it; or None."""
    CONTEXT.reset(path)
    lc = line_col(text)
    try:
        return _Parser(path, tokens(text, lc), lc).plan()
    except (_Bail, IndexError):  # IndexError: the text ended early
        return None


class _Parser:
    def __init__(self, path: str, toks: list, lc) -> None:
        self.t, self.i, self.e, self.path, self.lc = toks, 0, 0, path, lc
        self.lang0: str | None = None
        self.depth = 0

    # ------------------------------------------------------------ tokens

    def take(self, kind: int) -> str:
        """The text of the next token, which must be of ``kind``."""
        mt = self.t[self.i]
        if mt.lastindex != kind:
            raise _Bail
        self.i += 1
        self.e = mt.end()
        return mt[kind]

    def tok(self, kind: int) -> Tok:
        mt = self.t[self.i]
        value = self.take(kind)
        return Tok(value, mt.start(kind), mt.end(), self.lc)

    def name(self) -> str:
        return self.take(WORD)

    def string(self) -> str:
        return unquote(self.take(STRING))

    def year(self) -> int:
        value = self.take(NUMBER)
        if len(value) != 4 or not value.isdecimal():
            raise _Bail
        return int(value)

    def number(self):
        return decimal(self.take(NUMBER))

    def at(self, symbol: str) -> bool:
        mt = self.t[self.i] if self.i < len(self.t) else None
        return mt is not None and mt.lastindex == SYMBOL and mt[SYMBOL] == symbol

    def skip(self, symbol: str) -> None:
        if not self.at(symbol):
            raise _Bail
        self.i += 1

    def keyword_here(self) -> tuple[str, str] | None:
        mt = self.t[self.i] if self.i < len(self.t) else None
        return KEYWORDS.get(mt[WORD]) if mt is not None and mt.lastindex == WORD else None

    def keyword(self, info: tuple[str, str]) -> int:
        """Take the keyword at the cursor; its start offset. Keeps what the Lark lexer's callback keeps
        (only the first keyword and those of the other set, which is all the keyword-set check reads)."""
        mt = self.t[self.i]
        self.i += 1
        self.e = end = mt.end()
        if info[1] != self.lang0:
            if self.lang0 is None:
                self.lang0 = info[1]
            CONTEXT.keyword_langs.append((info[1], Tok(mt[WORD], mt.start(WORD), end, self.lc)))
        return mt.start(WORD)

    def maybe(self, canon: str) -> bool:
        info = self.keyword_here()
        if info is None or info[0] != canon:
            return False
        self.keyword(info)
        return True

    def expect(self, canon: str) -> None:
        if not self.maybe(canon):
            raise _Bail

    def span(self, start: int) -> Span:
        a, b = self.lc(start), self.lc(self.e)
        return Span(self.path, a[0], a[1], b[0], b[1])

    def tok_span(self, mt, kind: int) -> Span:
        a, b = self.lc(mt.start(kind)), self.lc(mt.end())
        return Span(self.path, a[0], a[1], b[0], b[1])

    def strings(self) -> list[tuple[str, Span]]:
        """A string_list: each value with its span."""
        out = []
        while True:
            mt = self.t[self.i]
            out.append((self.string(), self.tok_span(mt, STRING)))
            if not self.at(","):
                return out
            self.i += 1

    def names(self) -> list[tuple[str, re.Match]]:
        """A name_list: each name with its token."""
        out = []
        while True:
            mt = self.t[self.i]
            out.append((self.name(), mt))
            if not self.at(","):
                return out
            self.i += 1

    def phase_ref(self) -> str | int:
        mt = self.t[self.i]
        return self.name() if mt.lastindex == WORD else self.year()

    def block(self, rules: dict) -> list[tuple]:
        """``{`` statements ``}``: their (tag, value, span) items."""
        self.skip("{")
        items = []
        t = self.t
        while True:
            mt = t[self.i]
            if mt.lastindex == SYMBOL and mt[SYMBOL] == "}":
                self.i += 1
                return items
            info = KEYWORDS.get(mt[WORD]) if mt.lastindex == WORD else None
            rule = rules.get(info[0]) if info is not None else None
            if rule is None:
                raise _Bail
            items.append(rule(self, self.keyword(info)))

    # ------------------------------------------------------------ the plan

    def plan(self) -> m.Plan:
        info = self.keyword_here()
        if info is None or info[0] != "plan":
            raise _Bail
        start = self.keyword(info)
        plan_id = self.name()
        span = self.span(start)
        items = self.block(PLAN)
        if self.i != len(self.t):
            raise _Bail
        return make_plan(plan_id, items, span)

    def text_field(self, start: int, tag: str) -> tuple:
        value = self.string()
        return (tag, value, self.span(start))

    def jurisdiction(self, start: int) -> tuple:
        name = self.string()
        code = self.string() if self.maybe("code") else None
        return ("jurisdiction", (name, code), self.span(start))

    def level(self, start: int) -> tuple:
        tok = self.tok(WORD)
        return ("level", _enum_word(N_("level"), m.Level, tok), self.span(start))

    def instrument(self, start: int) -> tuple:
        number = self.string()
        self.expect("dated")
        date = self.tok(DATE)
        fields = {tag: value for tag, value, _ in self.block(SIGNATURE)} if self.at("{") else {}
        span = self.span(start)
        return ("instrument", m.Instrument(number, _date(date) or dt.date.min, span=span, **fields), span)

    def proposal(self, start: int) -> tuple:
        number = self.string()
        self.expect("dated")
        date = self.tok(DATE)
        self.expect("by")
        by = self.string()
        span = self.span(start)
        return ("proposal", m.Proposal(number, _date(date) or dt.date.min, by, span=span), span)

    def docref(self) -> tuple:
        """``"text" [number "…"] [dated DATE] [by "…"]``, the date not yet read."""
        text = self.string()
        number = self.string() if self.maybe("number") else None
        date = self.tok(DATE) if self.maybe("dated") else None
        by = self.string() if self.maybe("by") else None
        return text, number, date, by

    def approval(self, start: int) -> tuple:
        text, number, date, by = self.docref()
        fields = {tag: value for tag, value, _ in self.block(SIGNATURE)} if self.at("{") else {}
        span = self.span(start)
        date = _date(date) if date is not None else None
        return ("approval", m.Approval(text, number, date, by, span=span, **fields), span)

    def implementing(self, start: int) -> tuple:
        text, number, date, by = self.docref()
        span = self.span(start)
        return ("implementing", m.DocRef(text, number, _date(date) if date is not None else None, by, span=span),
                span)

    def basis(self, start: int) -> tuple:
        text = self.string()
        number = self.string() if self.maybe("number") else None
        date = self.tok(DATE) if self.maybe("dated") else None
        span = self.span(start)
        return ("bases", m.Basis(text, number, _date(date) if date is not None else None, span=span), span)

    def string_list(self, start: int, tag: str) -> tuple:
        values = tuple(value for value, _ in self.strings())
        return (tag, values, self.span(start))

    def amendment(self, start: int, replaces: bool = False) -> tuple:
        plan_id = self.name()
        phase = self.phase_ref() if self.maybe("in_phase") else None
        note = self.string() if self.t[self.i].lastindex == STRING else None
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
        label = self.string() if self.t[self.i].lastindex == STRING else None
        span = self.span(start)
        return ("phases", m.Phase(phase_id, first, last, label, span=span), span)

    def refs(self, start: int, tag: str, cls: type) -> tuple:
        refs = [cls(value, span=self.tok_span(mt, WORD)) for value, mt in self.names()]
        return (tag, refs, self.span(start))

    def general(self, start: int, tag: str = "general") -> tuple:
        value = self.string()
        span = self.span(start)
        return (tag, m.Text(value, span=span), span)

    def waive(self, start: int) -> tuple:
        objective = self.name()
        reason = self.string() if self.t[self.i].lastindex == STRING else None
        span = self.span(start)
        return ("waivers", m.Waiver(objective, reason, span=span), span)

    def funding(self, start: int) -> tuple:
        source = self.string()
        amount = self.number() if self.maybe("amount") else None
        details = tuple(text for _, text, _ in self.block(TEXTS)) if self.at("{") else ()
        span = self.span(start)
        return ("fundings", m.Funding(source, amount, details, span=span), span)

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
        cycle_tok = self.tok(WORD)
        deadline = self.tok(DAY_MONTH) if self.maybe("before") else None
        to = None
        if self.maybe("to"):
            mt = self.t[self.i]
            to = m.AgencyRef(self.string(), span=self.tok_span(mt, STRING))
        span = self.span(start)
        cycle = _enum_word(N_("reporting cycle"), m.Cycle, cycle_tok)
        day, month = _day_month(deadline) if deadline is not None else (None, None)
        return ("reports", m.Report(cycle or m.Cycle.AD_HOC, day, month, to, span=span), span)

    def allow(self, start: int) -> tuple:
        code = self.name()
        on = self.name() if self.maybe("on") else None
        reason = self.string() if self.t[self.i].lastindex == STRING else None
        span = self.span(start)
        return ("allows", m.Allow(code, on, reason, span=span), span)

    # ------------------------------------------------------------ objectives

    def objective(self, start: int) -> tuple:
        obj_id = self.name()
        items = self.block(OBJECTIVE)
        return ("objectives", *make_objective(obj_id, items, self.span(start)))

    def enum_field(self, start: int, tag: str, kind: str, cls: type) -> tuple:
        mt = self.t[self.i]
        if tag == "unit" and mt.lastindex == SYMBOL and mt[SYMBOL] == "%":
            tok = self.tok(SYMBOL)
        else:
            tok = self.tok(WORD)
        return (tag, _enum_word(kind, cls, tok), self.span(start))

    def baseline(self, start: int) -> tuple:
        year = self.year()
        value = self.number() if self.t[self.i].lastindex == NUMBER else None
        return ("baseline", (year, value), self.span(start))

    def comparator(self) -> m.Comparator | None:
        mt = self.t[self.i]
        if mt.lastindex == SYMBOL and mt[SYMBOL] in _CMP:
            self.i += 1
            self.e = mt.end()
            return _CMP[mt[SYMBOL]]
        info = self.keyword_here()
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
        return ("targets", m.Target(phase, value, comparator, percent, base_year, maintain=maintain,
                                    through=through, span=span), span)

    # ------------------------------------------------------------ tasks and agencies

    def task(self, start: int) -> tuple:
        task_id = self.name()
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Bail
        items = self.block(TASK)
        self.depth -= 1
        return ("task", *make_task(task_id, items, self.span(start)))

    def lead(self, start: int) -> tuple:
        mt = self.t[self.i]
        agency = m.AgencyRef(self.string(), span=self.tok_span(mt, STRING))
        return ("leads", agency, self.span(start))

    def support(self, start: int) -> tuple:
        agencies = [m.AgencyRef(value, span=span) for value, span in self.strings()]
        return ("supports", agencies, self.span(start))

    def due(self, start: int) -> tuple:
        kind = self.t[self.i].lastindex
        value = _date(self.tok(DATE)) if kind == DATE else self.string() if kind == STRING else self.year()
        return ("due", value, self.span(start))

    def name_list(self, start: int, tag: str) -> tuple:
        return (tag, [value for value, _ in self.names()], self.span(start))

    def responsibility(self, start: int, mode: m.Mode = m.Mode.ASSIGN) -> tuple:
        mt = self.t[self.i]
        agency = m.AgencyRef(self.string(), span=self.tok_span(mt, STRING))
        items = self.block(RESPONSIBILITY)
        return ("responsibilities", *make_responsibility(agency, mode, items, self.span(start)))


P = _Parser
SIGNATURE = {
    "place": lambda p, s: p.text_field(s, "place"), "signer": lambda p, s: p.text_field(s, "signer"),
    "signatory": lambda p, s: p.text_field(s, "signatory"), "proposal": P.proposal,
}
TEXTS = {"text": lambda p, s: p.general(s, "text")}
OBJECTIVE = {
    "text": lambda p, s: p.general(s, "text"), "indicator": lambda p, s: p.text_field(s, "indicator"),
    "unit": lambda p, s: p.enum_field(s, "unit", N_("unit"), m.Unit),
    "direction": lambda p, s: p.enum_field(s, "direction", N_("direction"), m.Direction),
    "aggregate": lambda p, s: p.enum_field(s, "aggregation", N_("aggregation"), m.Aggregation),
    "not_comparable": lambda p, s: p.text_field(s, "not_comparable"), "baseline": P.baseline,
    "target": P.target, "maintain": lambda p, s: p.target(s, maintain=True),
}
TASK = {
    "text": lambda p, s: p.general(s, "text"), "lead": P.lead, "support": P.support, "due": P.due,
    "serves": lambda p, s: p.name_list(s, "serves"), "task": P.task,
}
RESPONSIBILITY = {
    "text": lambda p, s: p.general(s, "text"), "lead": lambda p, s: p.name_list(s, "lead_tasks"),
    "support": lambda p, s: p.name_list(s, "support_tasks"), "review": lambda p, s: p.text_field(s, "review"),
}
PLAN = {
    "kind": lambda p, s: p.text_field(s, "kind"), "title": lambda p, s: p.text_field(s, "title"),
    "level": P.level, "jurisdiction": P.jurisdiction, "letterhead": lambda p, s: p.string_list(s, "letterhead"),
    "issuer": lambda p, s: p.text_field(s, "issuer"), "authority": lambda p, s: p.text_field(s, "authority"),
    "instrument": P.instrument, "approval": P.approval, "basis": P.basis, "implementing": P.implementing,
    "period": P.period, "vision": P.vision, "phase": P.phase,
    "implements": lambda p, s: p.refs(s, "parents", m.ParentRef),
    "amends": P.amendment, "replaces": lambda p, s: p.amendment(s, replaces=True),
    "partial": lambda p, s: p.text_field(s, "partial"), "general": P.general, "objective": P.objective,
    "adopt": lambda p, s: p.refs(s, "adoptions", m.Adoption), "waive": P.waive, "no_target": P.no_target,
    "task": P.task, "responsibility": P.responsibility,
    "request": lambda p, s: p.responsibility(s, m.Mode.REQUEST), "funding": P.funding, "quantity": P.quantity,
    "report": P.report, "allow": P.allow, "recipients": lambda p, s: p.string_list(s, "recipients"),
}
