"""Lines under an item that say where and on what it is done, not tasks of their own (after the fifteenth held-out
set; docs/IMPORT.md "After the fifteenth set").

* A labelled place, "- Địa điểm: Tại …", read as the item's first sub-task (the item's "- Thời gian: …" then went to
  it as its due, and the actions after it became its sub-tasks): the place is the item's note, the time its due, and
  the actions the item's own sub-tasks. The fifth set's reading of an item's fields, as "Thời gian hoàn thành: …" and
  "Kết quả: …" already were.
* The criteria a step is decided on: under "… căn cứ vào các tiêu chí:" the "-" lines name the criteria
  ("- Tiêu chuẩn của đại biểu …", "- Kết quả thỏa thuận tại …"); they are the step's notes, as the conditions under
  "Xác định đối tượng …" are (the ninth set's reading, `task_notes`).

A line with agencies of its own is left a task."""

from __future__ import annotations

import re

from plandsl.importer.draft import Task
from plandsl.importer.extract.context import Context

_PLACE = re.compile(r"^Địa điểm\s*:\s*\S", re.IGNORECASE)
_CRITERIA = re.compile(r"\b(?:căn cứ(?:\s+vào)?|theo|dựa trên)\s+(?:các|những)\s+tiêu chí(?:\s+sau(?:\s+đây)?)?\s*:?$",
                       re.IGNORECASE)


def _bodies(t: Task) -> bool:
    return bool(t.leads or t.supports) or any(_bodies(c) for c in t.subtasks)


def fold_item_fields(ctx: Context) -> None:
    by_where = {}
    for z in ctx.zoned:
        by_where.setdefault(z.line.where, z)
    ctx.draft.tasks = [_fold(t, by_where) for t in ctx.draft.tasks]


def _fold(t: Task, by_where: dict) -> Task:
    subtasks = []
    for c in t.subtasks:
        z = by_where.get(c.where)
        if _PLACE.match(c.text) and z is not None and z.style == "dash" and not c.leads and not c.supports:
            t.notes += [c.text, *c.notes]
            if t.due is None:
                t.due = c.due
            subtasks += c.subtasks  # the item's actions, read under its place
        else:
            subtasks.append(c)
    t.subtasks = subtasks
    if (t.subtasks and _CRITERIA.search(t.text.rstrip()) and not any(c.subtasks or _bodies(c) for c in t.subtasks)
            and all((z := by_where.get(c.where)) is not None and z.style == "dash" for c in t.subtasks)):
        t.notes += [n for c in t.subtasks for n in [c.text, *c.notes]]
        t.subtasks = []
    t.subtasks = [_fold(c, by_where) for c in t.subtasks]
    return t
