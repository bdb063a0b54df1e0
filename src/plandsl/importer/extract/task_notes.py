"""Items read as tasks that are what a task is about, not tasks of their own (after the ninth held-out set): the
conditions under "Xác định đối tượng …" ("Là người có tên trong danh sách …", "Đang sinh sống …"), the standards
under "Yêu cầu về …" that something "phải bảo đảm …", and a section of points to note ("Các vấn đề cần lưu ý khi …").
The first two become the notes of the task above them; a section of points to note is no task at all, its lines kept
in the draft as lines not placed. An item with agencies of its own is left a task.

After the fourteenth set: a labelled "Kết quả: …" (what an item is to produce) is a field of the item above it, and
under a check ("Giám sát việc …", "Kiểm tra, giám sát việc …") the paragraph and the "-" / "+" lines that say what is
looked at are its content; a numbered item under it ("7.1. Kiểm tra việc …") stays a task of the check."""

from __future__ import annotations

import re

from plandsl.importer.draft import Task
from plandsl.importer.extract.context import Context

_CONDITIONS = re.compile(r"^(?:Xác định\s+)?(?:các\s+)?(?:đối tượng|điều kiện|tiêu chí|tiêu chuẩn)\b", re.IGNORECASE)
_REQUIREMENTS = re.compile(r"^(?:[a-zđ][.)]\s*)?Yêu cầu\b", re.IGNORECASE)
_MUST = re.compile(r"\bphải\s+(?:bảo đảm|đảm bảo|đáp ứng)\b")
_RESULT = re.compile(r"^(?:Kết quả|Sản phẩm)(?:\s+(?:đạt được|dự kiến|cần đạt))?\s*:", re.IGNORECASE)
_CHECK = re.compile(r"^(?:Kiểm tra|Giám sát)(?:,\s*(?:kiểm tra|giám sát))?\s+(?:việc|trình tự)\b", re.IGNORECASE)
_NUMBERED = ("num1", "num2", "num3")
# "- Thời gian hoàn thành: …" / "- Đơn vị chủ trì: …": an item's labelled fields (extract.item_fields reads them too).
FIELD = re.compile(r"^[-+]?\s*(?:Thời gian(?: hoàn thành| thực hiện)?|(?:Đơn vị|Cơ quan)\s+(?:chủ trì|phối hợp))\s*:",
                    re.IGNORECASE)
_STEP = re.compile(r"^\(\d{1,2}\)\s*\S")
_TO_NOTE = re.compile(r"^(?:[a-zđ][.)]\s*)?(?:(?:Các|Một số)\s+)?(?:vấn đề|điểm|nội dung)\s+cần\s+lưu\s+ý\b|^Lưu ý\b",
                      re.IGNORECASE)


def _all(tasks: list[Task]) -> list[Task]:
    return [x for t in tasks for x in [t, *_all(t.subtasks)]]


def bodies(tasks: list[Task]) -> bool:
    """Whether any of ``tasks`` or of their subtasks names an agency."""
    return any(x.leads or x.supports for x in _all(tasks))


def _as_notes(tasks: list[Task]) -> list[str]:
    return [n for x in _all(tasks) for n in [x.text, *x.notes]]


def lines_by_where(ctx: Context) -> dict:
    """Each line of the document by its place (the first line there), to find a task's line and its style."""
    by_where: dict = {}
    for z in ctx.zoned:
        by_where.setdefault(z.line.where, z)
    return by_where


def fold_task_notes(ctx: Context) -> None:
    by_where = lines_by_where(ctx)
    ctx.draft.tasks = _fold(ctx, _opening(ctx, ctx.draft.tasks, by_where), by_where)


def _opening(ctx: Context, tasks: list[Task], by_where: dict) -> list[Task]:
    """"II. NỘI DUNG …" / "Các nội dung dưới đây được triển khai theo …" / "1. …" / "2. …": the section's opening
    paragraph, read as a task holding every numbered item, says how they are done; it is no task (kept in the draft
    as a line not placed), its items are."""
    if not tasks:
        return tasks
    t = tasks[0]
    z = by_where.get(t.where)
    if z is None or z.style is not None or not t.subtasks or t.leads or t.supports or t.due is not None:
        return tasks
    k = ctx.zoned.index(z)
    if k == 0 or ctx.zoned[k - 1].style != "roman" or any(
            (c := by_where.get(x.where)) is None or c.style != "num1" for x in t.subtasks):
        return tasks
    ctx.unplace(z)
    return [*t.subtasks, *tasks[1:]]


def _fold(ctx: Context, tasks: list[Task], by_where: dict) -> list[Task]:
    kept = []
    for t in tasks:
        if _TO_NOTE.match(t.text) and not bodies([t]):
            for x in _all([t]):  # kept as lines not placed
                if x.where in by_where:
                    ctx.unplace(by_where[x.where])
            continue
        if t.subtasks and _CONDITIONS.match(t.text) and not bodies(t.subtasks):
            t.notes += _as_notes(t.subtasks)
            t.subtasks = []
        elif t.subtasks and _REQUIREMENTS.match(t.text):
            must = [c for c in t.subtasks if _MUST.search(re.split(r"(?<=[.;:])\s", c.text)[0]) and not bodies([c])]
            t.notes += _as_notes(must)
            t.subtasks = [c for c in t.subtasks if c not in must]
        results = [c for c in t.subtasks if _RESULT.match(c.text) and not c.subtasks and not bodies([c])]
        if results:
            t.notes += [c.text for c in results]
            t.subtasks = [c for c in t.subtasks if c not in results]
        if t.subtasks and (t.leads or t.supports) and _before_fields(ctx, t.subtasks, by_where):
            t.notes += [n for c in t.subtasks for n in [c.text, *c.notes]]  # "- Hình thức …: …" after the fields too
            t.due = t.due if t.due is not None else next((c.due for c in t.subtasks if c.due is not None), None)
            t.subtasks = []
        if t.subtasks and _CHECK.match(t.text):
            t.subtasks = _looked_at(t, t.subtasks, by_where)
        t.subtasks = _fold(ctx, t.subtasks, by_where)
        kept.append(t)
    return kept


def _looked_at(check: Task, subtasks: list[Task], by_where: dict) -> list[Task]:
    """The subtasks of a check that stay tasks (numbered ones, and any with agencies); the others' words become its
    notes, the first time among them its due when it has none."""
    kept = []
    for c in subtasks:
        z = by_where.get(c.where)
        if bodies([c]) or (z is not None and z.style in _NUMBERED):
            kept.append(c)
            continue
        check.notes += [c.text, *c.notes]
        if c.due is not None and check.due is None:
            check.due = c.due
        kept += _looked_at(check, c.subtasks, by_where)
    return kept


def _before_fields(ctx: Context, subtasks: list[Task], by_where: dict) -> bool:
    """Whether the subtasks are "-" lines with nothing under them and no agencies, right before the item's labelled
    fields ("- Bảo đảm thống nhất với …" / "- Nguyên tắc tổ chức: …" / "- Thời gian hoàn thành: …" / "- Đơn vị chủ
    trì: …"): what the item is to respect, its content, not tasks of their own."""
    zs = [by_where.get(c.where) for c in subtasks]
    if any(z is None or z.style != "dash" for z in zs) or any(c.subtasks or bodies([c]) for c in subtasks):
        return False
    last = ctx.zoned.index(zs[-1]) + 1
    while last < len(ctx.zoned) and _STEP.match(ctx.zoned[last].line.text):
        last += 1  # "(1) Tổ chức … lần thứ nhất: Chậm nhất ngày …": the item's dated steps, between them and its fields
    return last < len(ctx.zoned) and bool(FIELD.match(ctx.zoned[last].line.text))
