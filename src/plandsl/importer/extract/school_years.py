"""Targets stated by school year (after the twenty-eighth held-out set, a district plan for the schools): "2. Mục tiêu,
nhiệm vụ đến năm học 2020-2021" under the objectives, its roadmap "Năm học 2018-2019: Tổ chức dạy … đối với 100% học
sinh lớp 3 …", "Từ năm học 2021-2022: …", and "3. Định hướng đến năm 2025" after it.

A school year "năm học Y-(Y+1)" ends in Y+1: a level for it is a level of Y+1 (as the period "năm học 2020-2021" runs
2020..2021). The roadmap's first school year, the one under way when the plan starts, names where it stands: no target.
Such a topic's figures are targets even where "… tập trung vào các nhiệm vụ trọng tâm như sau:" opened a list of tasks
inside it; the list's "- " items stay tasks (``rezone``)."""

from __future__ import annotations

import re
from typing import Any

import attrs

from plandsl.importer.draft import Val

# "năm học 2020-2021", "năm học học 2021-2022" (OCR), "năm học 2020 - 2021": its end year checked to follow its start
_WORDS = r"năm học\s+(?:học\s+)?"
_SCHOOL_YEAR = re.compile(r"\b" + _WORDS + r"(?P<y>(?:19|20)\d{2})\s*[-–]\s*(?P<z>(?:19|20)\d{2})\b", re.IGNORECASE)
# "2. Mục tiêu, nhiệm vụ đến năm học 2020-2021": a topic of targets for a school year
_HEAD = re.compile(r"^Mục tiêu\b[^.:;]{0,40}?\bđến\s+(?:hết\s+)?" + _WORDS + r"\d{4}\s*[-–]\s*\d{4}\s*[.:]?$",
                   re.IGNORECASE)
# "3. Định hướng đến năm 2025" right after it: the plan's vision, its figures levels of that year
_VISION = re.compile(r"^(?:Định hướng|Tầm nhìn)\s+(?:đến|tới)\s+(?:hết\s+)?năm\s+\d{4}\s*[.:]?$", re.IGNORECASE)
# "Năm học 2018-2019: …", "Từ năm học 2021-2022: …": a step of the roadmap
_LEAD = re.compile(r"^(?:Từ\s+)?(?P<sy>" + _WORDS + r"\d{4}\s*[-–]\s*\d{4})\s*:\s*(?P<rest>\S.*)$", re.IGNORECASE)

# ", trong đó, từ nay tới năm 2020 tập trung vào các nhiệm vụ trọng tâm như sau:": the lead-in to a list of tasks that
# ends a sentence of targets, its year the tasks' (no figure of its own)
_TASKS_LEAD = re.compile(r",?\s*trong đó\s*,?[^;]*\bnhiệm vụ\b[^;]*\bnhư sau\s*:$", re.IGNORECASE)


def school_year_end(text: str) -> int | None:
    """The year a school year "năm học Y-(Y+1)" in ``text`` ends in; None without one (or with a span of more years)."""
    m = _SCHOOL_YEAR.search(text)
    if m is None or int(m.group("z")) != int(m.group("y")) + 1:
        return None
    return int(m.group("z"))


def rezone(zoned: list) -> list:
    """The lines of a school year's targets topic (and of the vision topic right after it) as targets ("specific"),
    but the "- " items after a line ending in ':' inside it, which stay tasks."""
    out = []
    span = False  # inside such a topic
    listing = False  # inside the "- " items after a lead ending in ':'
    for z in zoned:
        if z.style in ("roman", "art", "num1"):
            aims = z.zone in ("general", "objectives", "specific", "tasks")
            span = aims and bool(_HEAD.match(z.rest.strip(" *")) or span and _VISION.match(z.rest.strip(" *")))
            listing = False
        if not span:
            out.append(z)
            continue
        if z.style == "dash" and listing and z.zone == "tasks":
            out.append(z)
            continue
        listing = z.zone == "tasks" and z.line.text.rstrip().endswith(":")
        out.append(attrs.evolve(z, zone="specific"))
    return out


def read_line(ob: Any, z: Any, rest: str) -> bool:
    """A school year's heading or roadmap step under the targets, read; False for any other line."""
    d = ob.ctx.draft
    if z.style in ("num1", "num2") and _HEAD.match(rest) and (year := school_year_end(rest)) is not None:
        ob.ctx.place(z)
        ob.phase = ob.phase_for(year)
        return True
    if (cut := _TASKS_LEAD.search(rest)) is not None and "%" not in cut.group(0):
        ob.ctx.place(z)  # "…; 70% lớp … qua mạng, trong đó, từ nay tới năm 2020 tập trung vào các nhiệm vụ … như sau:"
        ob.item(rest[:cut.start()], z.line.where, z.line.ocr)
        return True
    m = _LEAD.match(rest)
    if m is None or (year := school_year_end(m.group("sy"))) is None:
        return False
    ob.ctx.place(z)
    start = d.instrument.date.year if d.instrument is not None and d.instrument.date is not None else \
        d.period.value[0] if d.period is not None else None
    if start is not None and year - 1 <= start:  # the school year under way: where the plan starts from
        d.general.append(Val(rest[0].upper() + rest[1:], z.line.where, None))
        return True
    saved, ob.phase, ob.apart = ob.phase, ob.phase_for(year), True  # each step a level of its own year, not one held
    ob.item(m.group("rest"), z.line.where, z.line.ocr)
    ob.phase, ob.apart = saved, False
    return True
