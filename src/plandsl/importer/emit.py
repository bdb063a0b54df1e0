"""Writing a draft as a spec: English keywords first, then the canonical printer (``fmt``) in
the keyword set asked for. Every statement ends with a comment naming its source line; a
field to check gets a ``# review:`` comment above it; lines that were not placed are kept as
comments at the end. The output always parses: when the printer refuses it (a bug), the
importer falls back to a spec holding only the comments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from plandsl.core.i18n import _
from plandsl.importer.draft import Draft, Task
from plandsl.language.snippets import snippet
from plandsl.language.printer import number, quote

_CYCLE_WORD = {"semiannual": "semiannual", "annual": "annual", "quarterly": "quarterly", "monthly": "monthly",
               "midterm": "midterm", "final": "final", "ad_hoc": "ad_hoc"}


def _comment(text: str) -> str:
    return " ".join(str(text).split())


class _Out:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.reviews = 0
        self.fields = 0

    def review(self, indent: str, why: str | None, where: str | None = None) -> None:
        if why:
            self.reviews += 1
            suffix = f" ({where})" if where and where not in why else ""
            self.lines.append(f"{indent}# review: {_comment(why)}{suffix}")

    def stmt(self, indent: str, text: str, where: str | None = None) -> None:
        self.fields += 1
        self.lines.append(f"{indent}{text}" + (f"  # {_comment(where)}" if where else ""))

    def comment(self, indent: str, text: str) -> None:
        self.lines.append(f"{indent}# {_comment(text)}")


def _num(value: Decimal) -> str:
    return number(value.normalize() if value == value.to_integral() else value)


def _phase_ref(p) -> str:
    return str(p)


def draft_text(d: Draft, plan_id: str, source_name: str, ocr_note: str | None = None,
               keywords: str = "en") -> tuple[str, int, int]:
    """The spec text (English keywords, not yet canonical), fields written and fields to review.

    Comments are in the language of messages; spec syntax quoted in them is in ``keywords``, the
    keyword set the draft will be printed in. The markers ``# review:`` and ``# not placed (…):``
    stay the same in both languages (tools and people search for them)."""
    o = _Out()
    I1, I2 = "  ", "    "
    o.comment("", _("Imported by `plandsl import` from {source}: a draft to check against the document.").format(
        source=source_name))
    o.comment("", _("Lines marked 'review' need a person's check; '# not placed' lines are text the importer kept "
                    "as is."))
    for note in d.notes:
        o.review("", note)
    for stamp in d.stamps:
        o.comment("", _("incoming-document stamp, not the decision's number: {stamp}").format(stamp=stamp))
    o.lines.append(f"plan {plan_id} {{")
    ocr = _("read by OCR") if d.ocr else None
    if d.kind:
        o.review(I1, d.kind.review or ocr, d.kind.where)
        o.stmt(I1, f"kind {quote(d.kind.value)}", d.kind.where)
    if d.title:
        o.review(I1, d.title.review or ocr, d.title.where)
        o.stmt(I1, f"title {quote(d.title.value)}", d.title.where)
    if d.level:
        o.review(I1, d.level.review, d.level.where)
        o.stmt(I1, f"level {d.level.value}", d.level.where)
    if d.jurisdiction:
        o.review(I1, d.jurisdiction.review, d.jurisdiction.where)
        code = f" code {quote(d.code)}" if d.code else ""
        o.stmt(I1, f"jurisdiction {quote(d.jurisdiction.value)}{code}", d.jurisdiction.where)
    if d.letterhead:
        o.stmt(I1, "letterhead " + ", ".join(quote(x) for x in d.letterhead.value), d.letterhead.where)
    if d.issuer:
        o.review(I1, d.issuer.review or ocr, d.issuer.where)
        o.stmt(I1, f"issuer {quote(d.issuer.value)}", d.issuer.where)
    if d.authority:
        o.stmt(I1, f"authority {quote(d.authority.value)}", d.authority.where)
    if d.instrument:
        ins = d.instrument
        o.review(I1, ins.review or ocr, ins.where)
        o.stmt(I1, f"instrument {quote(ins.number)} dated {ins.date.isoformat()} {{", ins.where)
        own = d.approval is not None and d.approval.header is not None  # each document's own signature
        if d.approval is None or own:
            _signature_block(o, d, I2, ocr)
        elif d.place and d.approval.number is None:
            o.stmt(I2, f"place {quote(d.place.value)}", d.place.where)
        o.lines.append(f"{I1}}}")
        if d.approval is not None:
            a = d.approval
            numbered = ""
            if a.number is None:
                o.review(I1, _("the approving decision: its number and date are not in the document"), a.where)
            else:  # the decision's own number and date, and its place
                numbered = f" number {quote(a.number)}" + (f" dated {a.date.isoformat()}" if a.date else "")
            by = f" by {quote(a.by)}" if a.by else ""
            o.stmt(I1, f"approved_by {quote(a.text)}{numbered}{by} {{", a.where)
            _signature_block(o, a.header if own else d, I2, ocr)
            o.lines.append(f"{I1}}}")
    else:
        if d.unread_date is not None and d.unread_number is None:  # the date garbled: not written, never guessed
            o.review(I1, _("the date of issue could not be read ('{text}'): no {keyword} written").format(
                text=d.unread_date.value, keyword=snippet("`instrument`", keywords)), d.unread_date.where)
        elif d.unread_number is not None:  # a number the scan's OCR garbled: not written, never guessed
            o.review(I1, _("the number of issue could not be read ('{text}'): no {keyword} written").format(
                text=d.unread_number.value, keyword=snippet("`instrument`", keywords)), d.unread_number.where)
        else:
            o.review(I1, _("the document gives no number and date of issue: no {keyword} written").format(
                keyword=snippet("`instrument`", keywords)))
        for v, name in ((d.place, "place"), (d.signer, "signer"), (d.signatory, "signatory")):
            if v:
                o.comment(I1, f"{snippet(name, keywords)}: {v.value} ({v.where})")
    for ref in d.bases:
        tail = (f" number {quote(ref.number)}" if ref.number else "") + (
            f" dated {ref.date.isoformat()}" if ref.date else "")
        o.review(I1, ref.review or ocr, ref.where)
        o.stmt(I1, f"basis {quote(ref.text)}{tail}", ref.where)
    for ref in d.implementing:
        tail = (f" number {quote(ref.number)}" if ref.number else "") + (
            f" dated {ref.date.isoformat()}" if ref.date else "") + (f" by {quote(ref.by)}" if ref.by else "")
        o.review(I1, ref.review or ocr, ref.where)
        o.stmt(I1, f"implementing {quote(ref.text)}{tail}", ref.where)
    if d.period:
        o.review(I1, d.period.review, d.period.where)
        o.stmt(I1, f"period {d.period.value[0]}..{d.period.value[1]}", d.period.where)
    if d.vision:
        o.stmt(I1, f"vision {d.vision.value}", d.vision.where)
    for p in d.phases:
        o.stmt(I1, f"phase {p.id} {p.start}..{p.end} {quote(p.label)}", p.where)
    if d.parents:
        o.stmt(I1, "implements " + ", ".join(d.parents))
    if d.partial:
        o.stmt(I1, f"partial {quote(d.partial)}")
    for g in d.general:
        o.review(I1, g.review, g.where)
        o.stmt(I1, f"general {quote(g.value)}", g.where)
    for obj in d.objectives:
        for r in obj.reviews:
            o.review(I1, r, obj.where)
        o.stmt(I1, f"objective {obj.id} {{", obj.where)
        o.stmt(I2, f"text {quote(obj.text)}")
        if obj.indicator:
            o.stmt(I2, f"indicator {quote(obj.indicator)}")
        if obj.unit:
            o.stmt(I2, f"unit {obj.unit}")
        if obj.direction and obj.targets:
            o.stmt(I2, f"direction {obj.direction}")
        for t in obj.targets:
            o.review(I2, t.review, t.where)
            if t.maintain:
                cmp_ = f"{t.comparator} " if t.comparator else ""
                o.stmt(I2, f"maintain {t.phase}..{t.through} {cmp_}{_num(t.value)}{'%' if t.percent else ''}", t.where)
                continue
            if t.base_year is not None:
                sign = "+" if t.value >= 0 else "-"
                body = f"{sign}{_num(abs(t.value))}{'%' if t.percent else ''} vs {t.base_year}"
            else:
                body = f"{_num(t.value)}{'%' if t.percent else ''}"
            cmp_ = f"{t.comparator} " if t.comparator else ""
            o.stmt(I2, f"target {_phase_ref(t.phase)} {cmp_}{body}", t.where)
        o.lines.append(f"{I1}}}")
    for task in d.tasks:
        _task(o, task, I1, keywords)
    for r in d.responsibilities:
        o.stmt(I1, f"{'request' if r.request else 'responsibility'} {quote(r.agency)} {{", r.where)
        for t in r.texts:
            o.stmt(I1 + I1, f"text {quote(t)}")
        if r.lead_tasks:
            o.stmt(I1 + I1, "lead " + ", ".join(r.lead_tasks))
        if r.support_tasks:
            o.stmt(I1 + I1, "support " + ", ".join(r.support_tasks))
        if r.review:
            o.reviews += 1
            o.stmt(I1 + I1, f"review {quote(r.review)}")
        o.lines.append(f"{I1}}}")
    for f in d.fundings:
        o.review(I1, f.review, f.where)
        amount = f" amount {_num(f.amount)}" if f.amount is not None else ""
        if f.texts:
            o.stmt(I1, f"funding {quote(f.source)}{amount} {{", f.where)
            for t in f.texts:
                o.stmt(I2, f"text {quote(t)}")
            o.lines.append(f"{I1}}}")
        else:
            o.stmt(I1, f"funding {quote(f.source)}{amount}", f.where)
    for q in d.quantities:
        o.review(I1, _("the number of years is the plan's period"), q.where)
        o.stmt(I1, f"quantity {q.id} {quote(q.text)} total {_num(q.total)} over {q.years} years"
                   + (f" average {_num(q.average)}" if q.average is not None else ""), q.where)
    for r in d.reports:
        o.review(I1, _("check the reporting cycle and the recipient"), r.where)
        before = f" before {r.day}/{r.month}" if r.day and r.month else ""
        to = f" to {quote(r.to)}" if r.to else ""
        o.stmt(I1, f"report {_CYCLE_WORD[r.cycle]}{before}{to}", r.where)
    if d.recipients and d.recipients.value:
        o.stmt(I1, "recipients " + ", ".join(quote(x) for x in d.recipients.value), d.recipients.where)
    for where, text in d.unplaced:
        o.comment(I1, f"not placed ({where}): {text}")  # a stable marker, in both languages
    o.lines.append("}")
    return "\n".join(o.lines) + "\n", o.fields, o.reviews


def _signature_block(o: _Out, d: Draft, indent: str, ocr: str | None) -> None:
    if d.place:
        o.stmt(indent, f"place {quote(d.place.value)}", d.place.where)
    if d.signer:
        o.review(indent, d.signer.review, d.signer.where)  # a title the OCR misread ("HỈ THƯ", thirtieth set)
        o.stmt(indent, f"signer {quote(d.signer.value)}", d.signer.where)
    if d.signatory:
        o.review(indent, ocr, d.signatory.where)
        o.stmt(indent, f"signatory {quote(d.signatory.value)}", d.signatory.where)
    if d.proposal:
        p = d.proposal
        o.stmt(indent, f"proposal {quote(p.number)} dated {p.date.isoformat()} by {quote(p.by)}", p.where)


def _task(o: _Out, t: Task, indent: str, keywords: str) -> None:
    inner = indent + "  "
    o.stmt(indent, f"task {t.id} {{", t.where)
    for r in t.reviews:
        o.review(inner, r)
    o.stmt(inner, f"text {quote(t.text)}")
    for note in t.notes:
        o.comment(inner, note)
    if len(t.leads) > 1:
        # As the document names them (a chủ trì agency written as a support would be a wrong value); `check`
        # reports the task (AG002).
        o.review(inner, _("more than one chủ trì agency, as the document names them: keep one as {keyword} or "
                          "split the task").format(keyword=snippet("`lead`", keywords)))
    for lead in t.leads:
        o.stmt(inner, f"lead {quote(lead)}")
    supports = t.supports
    if supports:
        o.stmt(inner, "support " + ", ".join(quote(s) for s in supports))
    if t.due is not None:
        o.stmt(inner, f"due {t.due}" if isinstance(t.due, (int, date)) else f"due {quote(str(t.due))}")
    for sub in t.subtasks:
        _task(o, sub, inner, keywords)
    o.lines.append(f"{indent}}}")
