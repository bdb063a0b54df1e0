"""Lines under an item that say where and on what it is done, not tasks of their own (after the fifteenth held-out
set; docs/IMPORT.md "After the fifteenth set").

* A labelled place, "- Địa điểm: Tại …", read as the item's first sub-task (the item's "- Thời gian: …" then went to
  it as its due, and the actions after it became its sub-tasks): the place is the item's note, the time its due, and
  the actions the item's own sub-tasks. The fifth set's reading of an item's fields, as "Thời gian hoàn thành: …" and
  "Kết quả: …" already were.
* The criteria a step is decided on: under "… căn cứ vào các tiêu chí:" the "-" lines name the criteria
  ("- Tiêu chuẩn của đại biểu …", "- Kết quả thỏa thuận tại …"); they are the step's notes, as the conditions under
  "Xác định đối tượng …" are (the ninth set's reading, `task_notes`).

* One block of labelled fields after several numbered items ("3.1. …" / "3.2. …" / "3.3. …" / "- Thời gian thực
  hiện: …" / "- Đơn vị chủ trì: …" / "- Đơn vị phối hợp: …"), where the items around them each have a block of their
  own: the block is every item's since the previous block (the fifth set's rule); it had gone to the last one only.

* An activity's fields (after the twenty-fifth set): "2.1. Chương trình …" / "- Thời gian dự kiến: …" / "- Địa điểm: …"
  / "- Đơn vị chủ trì: …" / "- Đơn vị phối hợp: …" / "- Kinh phí: …" (also "Quy mô", "Nội dung …", "Hình thức …",
  "Phương thức …"): in a block of "-" lines under the item that holds its lead or support, the labelled lines are its
  notes, not sub-tasks; a time the importer read from one ("Thời gian thực hiện: …") is the item's due when it has
  none.

A line with agencies of its own is left a task."""

from __future__ import annotations

import re

from plandsl.importer.draft import Task
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.task_notes import FIELD, bodies, lines_by_where

_FIELD_LEAD = re.compile(r"^[-+]?\s*(?:Đơn vị|Cơ quan)\s+chủ trì\s*:", re.IGNORECASE)
_FIELD_ANY = re.compile(r"^[-+]?\s*(?:Đơn vị|Cơ quan)\s+(?:chủ trì|phối hợp)\s*:", re.IGNORECASE)
_PLACE = re.compile(r"^Địa điểm\s*:\s*\S", re.IGNORECASE)
# "Địa điểm khảo sát: Tại trường …", a paragraph among the steps of "5. Thời gian …" (after the twenty-ninth set)
_STEP_PLACE = re.compile(r"^Địa điểm(?:\s+[^\s:]+){0,3}\s*:\s*\S", re.IGNORECASE)
# "- Kinh phí: …", "- Thời gian dự kiến: …", "- Hình thức thực hiện: …": a label of up to four words, then a colon
_ATTRIBUTE = re.compile(r"^(?:Thời gian|Địa điểm|Kinh phí|Nguồn kinh phí|Quy mô|Nội dung|Hình thức|Phương thức|"
                        r"Thành phần|Số lượng)(?:\s+[^\s:]+){0,3}\s*:", re.IGNORECASE)
_CRITERIA = re.compile(r"\b(?:căn cứ(?:\s+vào)?|theo|dựa trên)\s+(?:các|những)\s+tiêu chí(?:\s+sau(?:\s+đây)?)?\s*:?$",
                       re.IGNORECASE)


def fold_item_fields(ctx: Context) -> None:
    by_where = lines_by_where(ctx)
    ctx.draft.tasks = [_fold(ctx, t, by_where) for t in ctx.draft.tasks]


def _fold(ctx: Context, t: Task, by_where: dict) -> Task:
    subtasks = []
    for c in t.subtasks:
        z = by_where.get(c.where)
        if z is not None and z.style is None and _STEP_PLACE.match(c.text) and not c.leads and not c.supports \
                and not c.subtasks and len(t.subtasks) > 1:
            t.notes.append(c.text)  # "Địa điểm khảo sát: Tại trường …" among a heading's dated steps: where, no step
            continue
        if _PLACE.match(c.text) and z is not None and z.style == "dash" and not c.leads and not c.supports:
            t.notes += [c.text, *c.notes]
            if t.due is None:
                t.due = c.due
            subtasks += c.subtasks  # the item's actions, read under its place
        else:
            subtasks.append(c)
    t.subtasks = subtasks
    _activity_fields(ctx, t, by_where)
    if (t.subtasks and _CRITERIA.search(t.text.rstrip()) and not any(c.subtasks or bodies([c]) for c in t.subtasks)
            and all((z := by_where.get(c.where)) is not None and z.style == "dash" for c in t.subtasks)):
        t.notes += [n for c in t.subtasks for n in [c.text, *c.notes]]
        t.subtasks = []
    _shared_block(ctx, t.subtasks, by_where)
    t.subtasks = [_fold(ctx, c, by_where) for c in t.subtasks]
    return t


def _activity_fields(ctx: Context, t: Task, by_where: dict) -> None:
    """The labelled "-" lines of the block of fields right under an item (one of them its "Đơn vị chủ trì:" or "Đơn vị
    phối hợp:"), read as its sub-tasks: the item's notes, a time read from them its due when it has none."""
    z = by_where.get(t.where)
    if z is None or not t.subtasks:
        return
    k = ctx.zoned.index(z) + 1
    block = []
    while k < len(ctx.zoned) and ctx.zoned[k].style in ("dash", None):
        block.append(ctx.zoned[k])
        k += 1
    if not any(_FIELD_ANY.match(b.line.text) for b in block):
        return
    wheres = {b.line.where for b in block if b.style == "dash"}
    kept = []
    for c in t.subtasks:
        if c.where in wheres and _ATTRIBUTE.match(c.text) and not c.subtasks and not c.leads and not c.supports:
            t.notes += [c.text, *c.notes]
            if t.due is None:
                t.due = c.due
        else:
            kept.append(c)
    t.subtasks = kept


def _shared_block(ctx: Context, items: list[Task], by_where: dict) -> None:
    """Numbered leaf items with no fields, then one with a block of labelled fields right under it: the block is
    theirs too, when the plan has other such blocks (a plan written item by item)."""
    zs = [by_where.get(c.where) for c in items]
    if len(items) < 3 or any(z is None or not (z.style or "").startswith("num") for z in zs):
        return
    fielded = [i for i, (c, z) in enumerate(zip(items, zs)) if (c.leads or c.due is not None) and _block_after(ctx, z)]
    if not fielded or sum(1 for z in ctx.zoned if _FIELD_LEAD.match(z.line.text)) < 2:
        return
    start = 0
    for i in fielded:
        bare = items[start:i]
        if bare and all(not c.subtasks and not c.leads and not c.supports and c.due is None for c in bare):
            for c in bare:
                c.leads, c.supports, c.due = list(items[i].leads), list(items[i].supports), items[i].due
        start = i + 1


def _block_after(ctx: Context, z) -> bool:
    k = ctx.zoned.index(z)
    return k + 1 < len(ctx.zoned) and bool(FIELD.match(ctx.zoned[k + 1].line.text))
