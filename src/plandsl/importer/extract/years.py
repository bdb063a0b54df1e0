"""The year a percentage of an objective's clause is for, when the clause says it at the figure: "đến năm 2025 đạt
60%, đến năm 2030 đạt 80%", "đạt 65% vào năm 2025 và 75% vào năm 2030", "năm 2026 đạt 70%, năm 2030 đạt 90%", "đạt
40% (năm 2027)"; and the comparator words around a figure, shared with the objectives reader
(``extract.objectives``)."""

from __future__ import annotations

import re
from typing import Any

from plandsl.core.i18n import _
from plandsl.importer.draft import Target
from plandsl.importer.extract.figures import NAMED_YEAR
from plandsl.importer.extract.patterns import to_decimal

GE = re.compile(r"(?:ít nhất|tối thiểu|trên|không dưới|không thấp hơn|đạt|phấn đấu|bảo đảm|đảm bảo|từ)\s*"
                r"(?:có\s+|mức\s+|cơ cấu\s+(?:tối thiểu\s+)?|là\s+|được\s+)?$", re.IGNORECASE)
AFTER = re.compile(r"\s*trở\s+(lên|xuống)\b", re.IGNORECASE)
LE = re.compile(r"(?:tối đa|không quá|dưới|không vượt quá|giảm xuống(?: còn)?|còn)\s*$", re.IGNORECASE)

# "năm 2026 đạt 70%", "năm 2027: 72%", "năm 2028 đạt trên 74%": a bare year right before the figure, not a base
# ("so với năm 2020 …") or a start ("từ năm 2026 …").
_BEFORE = re.compile(r"(?<!so với )(?<!từ )(?<!trước )(?<!sau )\bnăm\s+(?P<y>(?:19|20)\d{2})\s*[:,]?\s*"
                     r"(?:(?:phấn đấu\s+)?(?:đạt|là|có)\s+)?"
                     r"(?:(?:trên|tối thiểu|ít nhất|khoảng|dưới|tối đa|không quá)\s+)?$", re.IGNORECASE)
# "đạt 40% (năm 2027)", "40% (2027)": the year in brackets right after the figure.
_BRACKETS = re.compile(r"\s*\(\s*(?:năm\s+)?(?P<y>(?:19|20)\d{2})\s*\)")


def figure_year(clause: str, m: re.Match) -> int | None:
    """The year the clause states at the percentage ``m``: a bare "năm YYYY" right before it ("năm 2026 đạt 70%") or
    the year in brackets right after it ("40% (năm 2027)"); None when it states none there."""
    before = _BEFORE.search(clause, 0, m.start())
    if before is not None and before.end() == m.start():
        return int(before.group("y"))
    after = _BRACKETS.match(clause, m.end())
    return int(after.group("y")) if after else None


# "… năm 2028 và 98% năm 2030", "95% dân số … năm 2028": a bare year after the figure (not a start, a base or a
# deadline: "từ năm", "so với năm", "trước năm").
_BARE = re.compile(r"(?<!so với )(?<!từ )(?<!trước )(?<!sau )\bnăm\s+((?:19|20)\d{2})\b", re.IGNORECASE)


def years_after(ob: Any, clause: str, pcts: list[re.Match]) -> list[int] | None:
    """For each percentage of ``pcts``, the one bare year between it and the next ("Phấn đấu 95% dân số tham gia bảo
    hiểm y tế năm 2028 và 98% năm 2030"); None unless each has exactly one and every year is in the plan's period
    (a year outside it may name a document: "Nghị quyết … năm 2021")."""
    period = ob.ctx.draft.period
    if period is None:
        return None
    out = []
    for k, m in enumerate(pcts):
        end = pcts[k + 1].start() if k + 1 < len(pcts) else len(clause)
        years = [int(y.group(1)) for y in _BARE.finditer(clause, m.end(), end)]
        if len(years) != 1 or not period.value[0] <= years[0] <= period.value[1]:
            return None
        out.append(years[0])
    return out if len(set(out)) == len(out) else None


# "Giai đoạn 2026 - 2028: 60% …", "Trong giai đoạn 2026-2028, …": a phase that opens the clause.
_PHASE_LEAD = re.compile(r"^\W*(?:trong\s+)?giai đoạn\s*(?:từ\s+)?(?:năm\s+)?\d{4}\s*[-–]\s*(?:năm\s+)?\d{4}\s*(?=[:,])",
                         re.IGNORECASE)


def phase_lead(ob: Any, clause: str) -> str | None:
    """The phase a clause opens with ("Giai đoạn 2026 - 2028: 60% …"), as written; None when it opens with none or
    with the plan's whole period (its last year is the target's year already)."""
    m = _PHASE_LEAD.match(clause)
    period = ob.ctx.draft.period
    if m is None or period is not None and [int(y) for y in re.findall(r"\d{4}", m.group(0))] == list(period.value):
        return None
    return m.group(0).strip(" -–+•")


def before_period(ob: Any, year: int) -> bool:
    """Whether ``year`` is before the plan's period: a figure for it is where the plan starts from, no target (the
    objective's reader is told why, ``ob.unread``)."""
    period = ob.ctx.draft.period
    if period is None or year >= period.value[0]:
        return False
    ob.unread = _("the figure for {year}, before the plan's period, is where it starts from: no target set").format(
        year=year)
    return True


def per_year(ob: Any, clause: str, pcts: list[re.Match], where: str) -> list[Target] | None:
    """"đến năm 2025 đạt 60%, đến năm 2030 đạt 80%", "đạt 65% vào năm 2025 và 75% vào năm 2030" or "năm 2026 đạt
    70%, năm 2030 đạt 90%": one target per figure, each with the year on its side (a figure stated for a year before
    the plan's period is where it starts from: none). None unless years and figures pair one to one."""
    if len(pcts) < 2 or re.search(r"\btăng\b|so với", clause):
        return None
    own = [figure_year(clause, m) for m in pcts]
    stated = None not in own and len(set(own)) == len(own)  # each figure with its year beside it
    if not stated and (after := years_after(ob, clause, pcts)) is not None:
        own, stated = after, True
    if not stated:
        years = list(NAMED_YEAR.finditer(clause))
        if len(years) != len(pcts) or len({y.group(1) for y in years}) != len(years):
            return None
        marks = sorted([(y.start(), "y") for y in years] + [(p.start(), "p") for p in pcts])
        if "".join(k for _, k in marks) not in ("yp" * len(pcts), "py" * len(pcts)):
            return None
        own = [int(y.group(1)) for y in years]
    out: list[Target] = []
    last_cmp = None
    for year, m in zip(own, pcts):
        value = to_decimal(m.group(1))
        if value is None:
            return None
        before = clause[max(0, m.start() - 30):m.start()]
        after = AFTER.match(clause, m.end())
        cmp_ = ("<=" if after.group(1) == "xuống" else ">=") if after else \
            "<=" if LE.search(before) else ">=" if GE.search(before) else last_cmp
        review = None
        if cmp_ is None:
            cmp_, review = ">=", _("no comparator written; 'at least' assumed")
        last_cmp = cmp_
        if stated and before_period(ob, year):
            continue
        out.append(Target(ob.phase_for(year), value, cmp_, True, None, where, review, unit="%"))
    return out
