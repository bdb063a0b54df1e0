"""The canonical printer: one spelling for every spec (``plandsl fmt``).

It prints from the model, not by editing text, so two specs that say the same
thing print the same. The canonical form:

* 2-space indentation, one statement per line, LF line ends, one final newline,
  NFC text, no BOM; a blank line between sections and between blocks;
* the plan's statements in a fixed order: kind, title, level, jurisdiction,
  issuer, instrument, basis, period, vision | phase | implements | general |
  objective | adopt | waive | task | responsibility and request (as written) |
  funding | quantity | report | allow | recipients;
* inside an objective: text, indicator, unit, direction, baseline, targets (as
  written); inside a task: text, lead, support, due, serves, sub-tasks; inside
  an instrument: place, signer, signatory, proposal;
* list statements (``implements``, ``adopt``, ``support``, ``serves``) keep the
  grouping they were written in, so a comment stays with its names (a model
  printed without source gets one statement per list); ``recipients`` is one;
* comparators as ``>=``, ``<=``, ``=`` (as the real specs write them), units as
  ``%`` or their word, numbers without exponent and with ``_`` thousands separators from
  10 000 up (``15_000_000_000``), years as 4 digits, strings re-escaped;
* keywords and enum words in the spec's own keyword set unless another is asked;
* comments are kept with the statement they precede or end (see fmt_index).
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from plandsl.core.diagnostics import Diagnostic, has_errors
from plandsl.core.records import frozen
from plandsl.language import model as m
from plandsl.language.printer_atoms import _Groups, _ref, _unique, date, number, quote, year  # noqa: F401
from plandsl.language.printer_index import NoIndex, SourceIndex, Stmt

INDENT = "  "


# ------------------------------------------------------------------ printer


class Printer:
    def __init__(self, lang: str, index: SourceIndex | NoIndex, notes: dict[str, list[str]] | None = None) -> None:
        from plandsl.language.printer_index import keyword_table

        self.lang = lang
        self.kw_table = keyword_table()
        self.index = index
        self.notes = notes or {}
        self.out: list[str] = []
        self.emitted: set[int] = set()

    # -- helpers ------------------------------------------------------------
    def kw(self, name: str) -> str:
        en, vi = self.kw_table[name]
        return vi if self.lang == "vi" else en

    def word(self, enum_value) -> str:
        return enum_value.vi if self.lang == "vi" else enum_value.en

    def blank(self) -> None:
        if self.out and self.out[-1] != "" and not self.out[-1].endswith("{"):
            self.out.append("")

    def line(self, depth: int, text: str, stmts: Iterable[Stmt | None] = (), note: str | None = None) -> None:
        # A statement written once but printed as several lines (``adopt a, b``) gives its comments once.
        stmts = [s for s in _unique(stmts) if id(s) not in self.emitted]
        self.emitted.update(id(s) for s in stmts)
        trailing: list[str] = []
        pad = INDENT * depth
        for extra in self.notes.get(note, []) if note else []:
            self.out.append(pad + extra)
        for s in stmts:
            self.out.extend(pad + c for c in s.leading)
            trailing.extend(s.trailing)
        for c in trailing[:-1]:
            self.out.append(pad + c)
        self.out.append(pad + text + (f"  {trailing[-1]}" if trailing else ""))

    def close(self, depth: int, stmt: Stmt | None) -> None:
        pad = INDENT * depth
        if stmt is not None:
            self.out.extend(pad + INDENT + c for c in stmt.close_leading)
            trail = stmt.close_trailing
            for c in trail[:-1]:
                self.out.append(pad + INDENT + c)
            self.out.append(pad + "}" + (f"  {trail[-1]}" if trail else ""))
        else:
            self.out.append(pad + "}")

    def block_of(self, span: m.Span) -> Stmt | None:
        return self.index.block(span.line, span.col)

    # -- the plan -----------------------------------------------------------
    def plan(self, p: m.Plan) -> str:
        src = self.block_of(p.span) if not isinstance(self.index, NoIndex) else None
        g = _Groups(src)
        self.line(0, f"{self.kw('plan')} {p.id} {{", [src], note="plan")
        k = self.kw
        if p.kind is not None:
            self.line(1, f"{k('kind')} {quote(p.kind)}", g.one("kind"), note="kind")
        if p.title is not None:
            self.line(1, f"{k('title')} {quote(p.title)}", g.one("title"), note="title")
        if p.level is not None:
            self.line(1, f"{k('level')} {self.word(p.level)}", g.one("level"), note="level")
        if p.jurisdiction is not None:
            code = f" {k('code')} {quote(p.jurisdiction_code)}" if p.jurisdiction_code is not None else ""
            self.line(1, f"{k('jurisdiction')} {quote(p.jurisdiction)}{code}", g.one("jurisdiction"),
                      note="jurisdiction")
        if p.letterhead:
            self.line(1, f"{k('letterhead')} " + ", ".join(quote(x) for x in p.letterhead), g.one("letterhead"),
                      note="letterhead")
        if p.issuer is not None:
            self.line(1, f"{k('issuer')} {quote(p.issuer)}", g.one("issuer"), note="issuer")
        if p.authority is not None:
            self.line(1, f"{k('authority')} {quote(p.authority)}", g.one("authority"), note="authority")
        if p.instrument is not None:
            self.instrument(p.instrument, g.one("instrument"))
        elif "instrument" in self.notes:
            self.out.extend(INDENT + n for n in self.notes["instrument"])
        if p.approval is not None:
            self.approval(p.approval, g.one("approval"))
        for i, b in enumerate(p.bases):
            self.basis(b, g.nth("basis", i), note="basis" if i == 0 else None)
        for i, r in enumerate(p.implementing):
            self.line(1, k("implementing") + self.docref(r), g.nth("implementing", i),
                      note="implementing" if i == 0 else None)
        if p.period is not None:
            self.line(1, f"{k('period')} {year(p.period[0])}..{year(p.period[1])}", g.one("period"),
                      note="period")
        if p.vision is not None:
            self.line(1, f"{k('vision')} {year(p.vision)}", g.one("vision"), note="vision")
        self.section(p.phases, "phase", g, self.phase)
        self.lists(1, "implements", [x.plan_id for x in p.parents], g)
        self.section(p.amendments, "amendment", g, self.amendment)
        if p.partial is not None:
            self.blank()
            self.line(1, f"{k('partial')} {quote(p.partial)}", g.one("partial"), note="partial")
        self.section(p.general, "general", g, lambda x, s: self.line(1, f"{k('general')} {quote(x.value)}", s))
        for i, o in enumerate(p.objectives):
            self.blank()
            self.objective(o, self.block_of(o.span), g.nth("objective", i))
        self.lists(1, "adopt", [x.objective_id for x in p.adoptions], g)
        self.section(p.waivers, "waive", g, self.waiver)
        self.section(p.no_targets, "no_target", g, lambda x, s: self.line(
            1, f"{k('no_target')} {x.objective_id} {_ref(x.phase)} {quote(x.reason)}", s))
        for i, t in enumerate(p.tasks):
            self.blank()
            self.task(t, 1, g.nth("task", i))
        self.section(p.responsibilities, "responsibility", g, self.responsibility)
        self.section(p.fundings, "funding", g, self.funding)
        self.section(p.quantities, "quantity", g, self.quantity)
        self.section(p.reports, "report", g, self.report)
        self.section(p.allows, "allow", g, self.allow)
        if p.recipients:
            self.blank()
            self.line(1, f"{k('recipients')} " + ", ".join(quote(r) for r in p.recipients), g.all("recipients"),
                      note="recipients")
        self.close(0, src)
        trailing = [] if isinstance(self.index, NoIndex) else self.index.file_trailing
        self.out.extend(trailing)
        return "\n".join(self.out) + "\n"

    def lists(self, depth: int, rule: str, items: list[str], g: "_Groups", blank: bool = True,
              keyword: str | None = None) -> None:
        """List statements (implements, adopt, support, serves) grouped as written, so that a
        comment stays with the names it was written next to; without a source, one statement."""
        if not items:
            return
        if blank:
            self.blank()
        if rule in self.notes:
            self.out.extend(INDENT * depth + n for n in self.notes[rule])
        written = g.all(rule)
        if sum(s.count for s in written) != len(items):
            written = []
        chunks = [(None, items)] if not written else []
        start = 0
        for s in written:
            chunks.append((s, items[start : start + s.count]))
            start += s.count
        for s, chunk in chunks:
            self.line(depth, f"{self.kw(keyword or rule)} " + ", ".join(chunk), [s])

    def section(self, items, rule: str, g: "_Groups", emit) -> None:
        if not items:
            return
        self.blank()
        for i, item in enumerate(items):
            if i == 0 and rule in self.notes:
                self.out.extend(INDENT + n for n in self.notes[rule])
            emit(item, g.nth(rule, i))

    # -- header pieces ------------------------------------------------------
    def instrument(self, inst: m.Instrument, src: list[Stmt]) -> None:
        k = self.kw
        head = f"{k('instrument')} {quote(inst.number)} {k('dated')} {date(inst.date)}"
        inner = [(f, getattr(inst, f)) for f in ("place", "signer", "signatory") if getattr(inst, f) is not None]
        block = src[0] if src else None
        if not inner and inst.proposal is None and (block is None or not (block.close_leading or block.close_trailing)):
            self.line(1, head, src, note="instrument")  # an empty body is dropped, unless it holds comments
            return
        g = _Groups(block)
        self.line(1, head + " {", src, note="instrument")
        for name, value in inner:
            self.line(2, f"{k(name)} {quote(value)}", g.one(name))
        if inst.proposal is not None:
            pr = inst.proposal
            self.line(2, f"{k('proposal')} {quote(pr.number)} {k('dated')} {date(pr.date)} {k('by')} {quote(pr.by)}",
                      g.one("proposal"))
        self.close(1, block)

    def docref(self, r: m.DocRef | m.Approval) -> str:
        """`` "text" number "…" dated … by "…"`` (the parts given), with a leading space."""
        k = self.kw
        text = f" {quote(r.text)}"
        if r.number is not None:
            text += f" {k('number')} {quote(r.number)}"
        if r.date is not None:
            text += f" {k('dated')} {date(r.date)}"
        if r.by is not None:
            text += f" {k('by')} {quote(r.by)}"
        return text

    def approval(self, a: m.Approval, src: list[Stmt]) -> None:
        k = self.kw
        head = k("approval") + self.docref(a)
        inner = [(f, getattr(a, f)) for f in ("place", "signer", "signatory") if getattr(a, f) is not None]
        block = src[0] if src else None
        if not inner and a.proposal is None and (block is None or not (block.close_leading or block.close_trailing)):
            self.line(1, head, src, note="approval")
            return
        g = _Groups(block)
        self.line(1, head + " {", src, note="approval")
        for name, value in inner:
            self.line(2, f"{k(name)} {quote(value)}", g.one(name))
        if a.proposal is not None:
            pr = a.proposal
            self.line(2, f"{k('proposal')} {quote(pr.number)} {k('dated')} {date(pr.date)} {k('by')} {quote(pr.by)}",
                      g.one("proposal"))
        self.close(1, block)

    def amendment(self, a: m.Amendment, src: list[Stmt]) -> None:
        k = self.kw
        text = f"{k('replaces' if a.replaces else 'amends')} {a.plan_id}"
        if a.phase is not None:
            text += f" {k('in_phase')} {_ref(a.phase)}"
        if a.note is not None:
            text += f" {quote(a.note)}"
        self.line(1, text, src)

    def basis(self, b: m.Basis, src: list[Stmt], note: str | None) -> None:
        k = self.kw
        text = f"{k('basis')} {quote(b.text)}"
        if b.number is not None:
            text += f" {k('number')} {quote(b.number)}"
        if b.date is not None:
            text += f" {k('dated')} {date(b.date)}"
        self.line(1, text, src, note=note)

    def phase(self, ph: m.Phase, src: list[Stmt]) -> None:
        label = f" {quote(ph.label)}" if ph.label is not None else ""
        self.line(1, f"{self.kw('phase')} {ph.id} {year(ph.start)}..{year(ph.end)}{label}", src)

    # -- objectives -----------------------------------------------------------
    def objective(self, o: m.Objective, block: Stmt | None, src: list[Stmt]) -> None:
        k = self.kw
        g = _Groups(block)
        self.line(1, f"{k('objective')} {o.id} {{", src)
        if o.text is not None:
            self.line(2, f"{k('text')} {quote(o.text)}", g.one("text"))
        if o.indicator is not None:
            self.line(2, f"{k('indicator')} {quote(o.indicator)}", g.one("indicator"))
        if o.unit is not None:
            unit = "%" if o.unit is m.Unit.PERCENT else self.word(o.unit)
            self.line(2, f"{k('unit')} {unit}", g.one("unit"))
        if o.direction is not None:
            self.line(2, f"{k('direction')} {self.word(o.direction)}", g.one("direction"))
        if o.aggregation is not None:
            self.line(2, f"{k('aggregate')} {self.word(o.aggregation)}", g.one("aggregate"))
        if o.not_comparable is not None:
            self.line(2, f"{k('not_comparable')} {quote(o.not_comparable)}", g.one("not_comparable"))
        if o.baseline_year is not None:
            value = f" {number(o.baseline_value)}" if o.baseline_value is not None else ""
            self.line(2, f"{k('baseline')} {year(o.baseline_year)}{value}", g.one("baseline"))
        for i, t in enumerate(o.targets):
            self.line(2, self.target(t), g.nth("target", i))
        self.close(1, block)

    def target(self, t: m.Target) -> str:
        k = self.kw
        ref = _ref(t.phase)
        cmp = ""
        if t.comparator is not None:
            cmp = " " + t.comparator.value  # >=, <= or =: the same in both keyword sets
        pct = "%" if t.percent else ""
        if t.maintain:
            through = f"..{year(t.through)}" if t.through is not None else ""
            return f"{k('maintain')} {ref}{through}{cmp} {number(t.value)}{pct}"
        if t.base_year is not None:
            sign = "-" if t.value < 0 else "+"
            return f"{k('target')} {ref}{cmp} {sign}{number(abs(t.value))}{pct} {k('vs')} {year(t.base_year)}"
        return f"{k('target')} {ref}{cmp} {number(t.value)}{pct}"

    def waiver(self, w: m.Waiver, src: list[Stmt]) -> None:
        reason = f" {quote(w.reason)}" if w.reason is not None else ""
        self.line(1, f"{self.kw('waive')} {w.objective_id}{reason}", src)

    # -- tasks and agencies ---------------------------------------------------
    def task(self, t: m.Task, depth: int, src: list[Stmt]) -> None:
        k = self.kw
        block = self.block_of(t.span)
        g = _Groups(block)
        self.line(depth, f"{k('task')} {t.id} {{", src)
        d = depth + 1
        if t.text is not None:
            self.line(d, f"{k('text')} {quote(t.text)}", g.one("text"))
        for i, lead in enumerate(t.leads):
            self.line(d, f"{k('lead')} {quote(lead.name)}", g.nth("lead", i))
        if t.supports:
            self.lists(d, "support", [quote(a.name) for a in t.supports], g, blank=False)
        if t.due is not None:
            due = t.due
            shown = date(due) if isinstance(due, dt.date) else year(due) if isinstance(due, int) else quote(due)
            self.line(d, f"{k('due')} {shown}", g.one("due"))
        if t.serves:
            self.lists(d, "serves", list(t.serves), g, blank=False)
        for i, sub in enumerate(t.subtasks):
            self.task(sub, d, g.nth("task", i))
        self.close(depth, block)

    def _texts_block(self, head: str, texts: tuple[m.Text, ...], block: Stmt | None, src: list[Stmt]) -> None:
        g = _Groups(block)
        self.line(1, head + " {", src)
        for i, t in enumerate(texts):
            self.line(2, f"{self.kw('text')} {quote(t.value)}", g.nth("text", i))
        self.close(1, block)

    def responsibility(self, r: m.Responsibility, src: list[Stmt]) -> None:
        word = "request" if r.mode is m.Mode.REQUEST else "responsibility"
        block = self.block_of(r.span)
        if not (r.lead_tasks or r.support_tasks or r.review is not None):
            self._texts_block(f"{self.kw(word)} {quote(r.agency.name)}", r.duties, block, src)
            return
        g = _Groups(block)
        self.line(1, f"{self.kw(word)} {quote(r.agency.name)} {{", src)
        for i, t in enumerate(r.duties):
            self.line(2, f"{self.kw('text')} {quote(t.value)}", g.nth("text", i))
        self.lists(2, "leads_tasks", list(r.lead_tasks), g, blank=False, keyword="lead")
        self.lists(2, "supports_tasks", list(r.support_tasks), g, blank=False, keyword="support")
        if r.review is not None:
            self.line(2, f"{self.kw('review')} {quote(r.review)}", g.one("review"))
        self.close(1, block)

    def funding(self, f: m.Funding, src: list[Stmt]) -> None:
        head = f"{self.kw('funding')} {quote(f.source)}"
        if f.amount is not None:
            head += f" {self.kw('amount')} {number(f.amount)}"
        block = self.block_of(f.span)
        if not f.details and (block is None or not (block.close_leading or block.close_trailing)):
            self.line(1, head, src)  # an empty body is dropped, unless it holds comments
            return
        self._texts_block(head, f.details, block, src)

    def quantity(self, q: m.Quantity, src: list[Stmt]) -> None:
        k = self.kw
        text = (f"{k('quantity')} {q.id} {quote(q.text)} {k('total')} {number(q.total)} "
                f"{k('over')} {number(q.years)} {k('years')}")
        if q.average is not None:
            text += f" {k('average')} {number(q.average)}"
        self.line(1, text, src)

    def report(self, r: m.Report, src: list[Stmt]) -> None:
        k = self.kw
        text = f"{k('report')} {self.word(r.cycle)}"
        if r.day is not None and r.month is not None:
            text += f" {k('before')} {r.day}/{r.month}"
        if r.to is not None:
            text += f" {k('to')} {quote(r.to.name)}"
        self.line(1, text, src)

    def allow(self, a: m.Allow, src: list[Stmt]) -> None:
        text = f"{self.kw('allow')} {a.code}"
        if a.on is not None:
            text += f" {self.kw('on')} {a.on}"
        if a.reason is not None:
            text += f" {quote(a.reason)}"
        self.line(1, text, src)


# ------------------------------------------------------------------ entry points


def format_plan(plan: m.Plan, lang: str | None = None, *, index: SourceIndex | None = None,
                notes: dict[str, list[str]] | None = None) -> str:
    """Print a plan in canonical form. ``notes`` adds comment lines before a statement kind."""
    return Printer(lang or plan.lang, index or NoIndex(), notes).plan(plan)


@frozen
class FormatResult:
    path: str
    original: str | None
    formatted: str | None
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def ok(self) -> bool:
        return self.formatted is not None

    @property
    def changed(self) -> bool:
        return self.ok and self.formatted.encode("utf-8") != (self.original or "").encode("utf-8")


def format_bytes(data: bytes, path: str = "<bytes>", lang: str | None = None) -> FormatResult:
    """Format raw spec bytes; a spec with errors is returned unformatted with its diagnostics.

    The text is parsed once for both the model and the index of its comments (``parse_indexed``);
    a text that does not parse cleanly goes through ``parse_source``, which says why."""
    from plandsl.language.parser import parse_source
    from plandsl.language.printer_index import parse_indexed
    from plandsl.language.source import decode

    try:
        original = data.decode("utf-8")
    except UnicodeDecodeError:
        original = None
    source = decode(data, path)
    once = parse_indexed(source.text, path) if source.text is not None else None
    if once is not None:
        result, index = once
        diagnostics = source.diagnostics + result.diagnostics
    else:
        result, index = parse_source(source), None
        diagnostics = result.diagnostics
    if result.plan is None or has_errors(diagnostics) or result.text is None:
        return FormatResult(path, original, None, diagnostics)
    index = index or SourceIndex(result.text, result.comments)
    return FormatResult(path, original, format_plan(result.plan, lang, index=index), diagnostics)


def format_text(text: str, path: str = "<string>", lang: str | None = None) -> FormatResult:
    # surrogatepass: a lone surrogate becomes bytes that are not UTF-8 (PRS002), not an exception
    return format_bytes(text.encode("utf-8", "surrogatepass"), path, lang)
