"""A target stated inside a purpose paragraph ("Mục đích"), read only in one narrow shape.

Purpose paragraphs quote figures of many kinds (the parent's goals, the present state); reading them in general
would add values that are no targets of the plan. One shape is read: a rate named as such ("tỷ lệ …", "mục tiêu tỷ
lệ …") and its year and figure, "… đến năm 2030 đạt 100%", with the year inside the plan's period (or its
vision), and with a review. A sentence the objectives already read (the same year and figure) adds nothing.

And one shape of the general objective (after the twenty-first set): under "Mục tiêu tổng quát đến năm 2030", the
sentence "Phấn đấu … đạt tối thiểu 95%." that is the paragraph's only figure: a floor in the heading's year (or the
sentence's own "đến năm YYYY"), with a review.
"""

from __future__ import annotations

import re

from plandsl.core.i18n import _
from plandsl.importer.draft import Objective, Target
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import to_decimal

_RATE_BY = re.compile(r"(?:\b(?:mục tiêu|phấn đấu)\s+)?\btỷ lệ\s+[^,;.%:()]{3,100}?\s+(?:đến|tới)\s+(?:hết\s+)?năm\s+"
                      r"(?P<year>\d{4})\s*,?\s+đạt\s+(?P<val>\d{1,3}(?:,\d+)?)\s*%(?!\s*(?:so với|[-–]\s*\d))",
                      re.IGNORECASE)


def _years(ctx: Context) -> set[int]:
    d = ctx.draft
    years: set[int] = set()
    if d.period is not None:
        first, last = d.period.value
        years.update(range(first, last + 1))
    if d.vision is not None and isinstance(d.vision.value, int):
        years.add(d.vision.value)
    return years


def extract_purpose_targets(ctx: Context) -> None:
    d = ctx.draft
    years = _years(ctx)
    if not years:
        return
    known = [((t.phase if isinstance(t.phase, int) else next((p.end for p in d.phases if p.id == t.phase), None)),
              t.value, o.text) for o in d.objectives for t in o.targets if t.percent]
    for z in ctx.zoned:
        if z.zone != "purpose":
            continue
        found = list(_RATE_BY.finditer(z.line.text))
        if len(found) != 1:
            continue  # none, or several: which is the plan's own is not sure
        m = found[0]
        year, value = int(m.group("year")), to_decimal(m.group("val"))
        if value is None or year not in years or value > 100 or _said(known, year, value, m.group(0)):
            continue
        phase = next((p.id for p in d.phases if p.end == year), year)
        ids = {o.id for o in d.objectives}
        n = len(d.objectives) + 1
        while f"o{n}" in ids:
            n += 1
        text = m.group(0)
        why = _("read from a purpose paragraph ('Mục đích'): check that it is a target of this plan")
        d.objectives.append(Objective(f"o{n}", f"{text[0].upper()}{text[1:]}.", z.line.where,
                                      [Target(phase, value, ">=", True, None, z.line.where, why, unit="%")],
                                      unit="%", direction="up"))
        known.append((year, value, text))


_GENERAL_HEAD = re.compile(r"^(?:[\dIVX]{1,4}[.)]\s*)?Mục tiêu (?:tổng quát|chung)\b.*?\bnăm\s+(?P<year>\d{4})\s*:?$",
                           re.IGNORECASE)
_STRIVE = re.compile(r"(?:^|(?<=[.;]\s))(?P<text>Phấn đấu\b[^.;%]{10,200}?\s+đạt\s+(?P<floor>tối thiểu\s+|ít nhất\s+|trên\s+)?"
                     r"(?P<val>\d{1,3}(?:,\d+)?)\s*%)\s*\.?$")


def general_targets(ctx: Context) -> None:
    """"Phấn đấu … đạt tối thiểu 95%" closing the paragraph under "Mục tiêu tổng quát đến năm YYYY": a target."""
    d = ctx.draft
    years = _years(ctx)
    year = None
    for z in ctx.zoned:
        if z.zone != "general":
            year = None
            continue
        head = _GENERAL_HEAD.match(z.line.text.strip())
        if head:
            year = int(head.group("year"))
            continue
        m = _STRIVE.search(z.line.text.strip())
        if not m or year not in years or len(re.findall(r"%", z.line.text)) != 1 or re.search(r"\bnăm\s+\d{4}", m.group(0)):
            continue
        value = to_decimal(m.group("val"))
        if value is None or value > 100:
            continue
        ids = {o.id for o in d.objectives}
        n = len(d.objectives) + 1
        while f"o{n}" in ids:
            n += 1
        why = _("read from the general objective ('Mục tiêu tổng quát'): check that it is a target of this plan")
        d.objectives.append(Objective(f"o{n}", m.group("text"), z.line.where,
                                      [Target(year, value, ">=", True, None, z.line.where, why, unit="%")],
                                      unit="%", direction="up"))


def _said(known: list, year: int, value, text: str) -> bool:
    """Whether an objective already has this year and figure with much the same wording."""
    from rapidfuzz import fuzz

    return any(y == year and v == value and fuzz.token_set_ratio(text.lower(), t.lower()) >= 80 for y, v, t in known)
