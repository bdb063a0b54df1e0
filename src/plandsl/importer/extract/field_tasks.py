"""Sections of a plan that are each one task written as fields: a roman heading ("I. CÔNG TÁC QUÁN TRIỆT, TRIỂN KHAI
THỰC HIỆN") whose first line is "1. Nội dung, biện pháp", then "2. Cơ quan chủ trì, phối hợp" ("a) Cơ quan chủ trì"
and "b) Cơ quan phối hợp" over "-" lists of bodies; "2. Cơ quan chủ trì" or "2. Chủ trì thực hiện" alone over the
leads) and "3. Thời gian thực hiện: …".

The heading is the task; the measures a), b) … under "Nội dung, biện pháp" are its content (notes), the lists its
leads and supports, the time its due. "b) Đơn vị thực hiện: …" and a parenthesis under the leads name neither lead
nor support: they are kept as notes. The section ends at the next roman or lettered upper-case heading."""

from __future__ import annotations

import re

import attrs

from plandsl.importer.draft import Task
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import sentence_case, split_agencies

_SECTION = re.compile(r"^[IVX]{1,5}\.\s+(?P<rest>\S.*)$")
_END = re.compile(r"^(?:[IVX]{1,5}|[A-ZĐ])\.\s+\S")
_CONTENT = re.compile(r"^1\.\s*Nội dung,\s*biện pháp\s*:?$", re.IGNORECASE)
_BODIES = re.compile(r"^\d\.\s*(?:Cơ quan chủ trì(?P<both>,\s*(?:phối hợp|thực hiện))?|Chủ trì thực hiện)\s*:?$",
                     re.IGNORECASE)
_LEADS = re.compile(r"^[a-d]\)\s*Cơ quan chủ trì\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_SUPPORTS = re.compile(r"^(?:[a-d]\)\s*)?Cơ quan phối hợp\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_TIME = re.compile(r"^\d\.\s*Thời gian thực hiện\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_ITEM = re.compile(r"^(?:[a-zđ]\)|[-–+•])\s*(?P<rest>\S.*)$")


def extract_field_tasks(ctx: Context) -> None:
    zs = ctx.zoned
    i = 0
    while i < len(zs):
        m = _SECTION.match(zs[i].line.text)
        if not (m and m.group("rest").isupper() and i + 1 < len(zs) and _CONTENT.match(zs[i + 1].line.text)):
            i += 1
            continue
        j = i + 2
        while j < len(zs) and not _END.match(zs[j].line.text):
            j += 1
        _read(ctx, i, j, m.group("rest"))
        i = j


def _read(ctx: Context, i: int, j: int, heading: str) -> None:
    zs = ctx.zoned
    task = Task(f"t{len(ctx.draft.tasks) + 1}", sentence_case(heading.strip(" .:")), zs[i].line.where)
    mode = "content"
    for z in zs[i + 1:j]:
        t = z.line.text.strip()
        if _CONTENT.match(t):
            mode = "content"
        elif (b := _BODIES.match(t)) is not None:
            mode = "fields" if b.group("both") else "lead"
        elif (lm := _LEADS.match(t)) is not None:
            mode = "lead"
            if lm.group("rest"):
                task.leads += split_agencies(lm.group("rest"))
        elif (sm := _SUPPORTS.match(t)) is not None:
            mode = "support"
            if sm.group("rest"):
                task.supports += split_agencies(sm.group("rest"))
        elif (tm := _TIME.match(t)) is not None:
            mode = "other"
            task.due = tm.group("rest").strip(" .") or None
        elif mode in ("lead", "support") and (t[:1] in "-–+•" or not _ITEM.match(t) and not t.startswith("(")):
            # "- Ban Chỉ đạo quốc gia." or the list as a paragraph ("Mặt trận Tổ quốc Việt Nam và …; các tổ chức …")
            body = _ITEM.match(t).group("rest") if t[:1] in "-–+•" else t
            (task.leads if mode == "lead" else task.supports).extend(split_agencies(body))
        else:
            task.notes.append(t)  # a measure, "b) Đơn vị thực hiện: …", a parenthesis under the leads
    ctx.place(*zs[i:j])
    # Read here: not the tasks reader's lines any more (it would make the fields and the measures tasks).
    zs[i:j] = [attrs.evolve(z, zone="field_task") for z in zs[i:j]]
    ctx.draft.tasks.append(task)
