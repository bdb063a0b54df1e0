"""A task's deadline written in its own text (after the tenth held-out set), for a task with no time of its own: "…,
hoàn thành trong quý IV năm 2026." / "… hoàn thành trong năm 2026." is due that year; "Tựu trường các cấp học: Ngày
26/8/2024 (thứ Hai)." (a day after the item's name) and "… trước ngày 30/6/2025." closing the text are due that day.
A text with more than one such time, or a span "từ ngày … đến/kết thúc … ngày …", gives none; the text is unchanged."""

from __future__ import annotations

import re
from datetime import date

from plandsl.importer.extract.context import Context

_DONE_IN = re.compile(r"\bhoàn thành\s+(?:trong|trước|vào)\s+(?:(?:quý\s+[IV]{1,3}|tháng\s+\d{1,2})\s+)?năm\s+"
                      r"(?P<y>(?:19|20)\d{2})(?=\s*(?:[.;]|$))", re.IGNORECASE)
_DAY = r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})\b"
_ON_DAY = re.compile(r"^[^:;.]{3,80}:\s*Ngày\s+" + _DAY)
_BY_DAY = re.compile(r"\btrước ngày\s+" + _DAY + r"\s*\.?$")
_SPAN = re.compile(r"\btừ ngày\b", re.IGNORECASE)


def task_dues(ctx: Context) -> None:
    def walk(tasks) -> None:
        for task in tasks:
            walk(task.subtasks)
            if task.due is None:
                task.due = _due_in(task.text)
    walk(ctx.draft.tasks)


def _due_in(text: str) -> int | date | None:
    text = text.strip()
    years = list(_DONE_IN.finditer(text))
    days = [m for m in (_ON_DAY.match(text), _BY_DAY.search(text)) if m]
    if len(years) + len(days) != 1 or _SPAN.search(text):
        return None
    if years:
        return int(years[0].group("y"))
    m = days[0]
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None  # not a day ("31/2/2025")
