"""A plan printed as a decision's article: "Điều 1. Ban hành Kế hoạch thời gian năm học … như sau:" over numbered items
("1. Tựu trường các cấp học: Ngày …", "2. …") and their "- …" lines, up to the next article. When the document holds
no other task, each numbered item is a task and each "- …" line under it a sub-task; the article's own line, and any
line of another shape, stay lines not placed."""

from __future__ import annotations

import re

from plandsl.importer.draft import Task
from plandsl.importer.extract.context import Context

_ISSUES_PLAN = re.compile(r"^Điều\s+1\.\s*Ban hành\s+(?:kèm theo Quyết định này\s+)?Kế hoạch\b.*(?:như sau|sau đây)\s*:$",
                          re.IGNORECASE)
_ARTICLE = re.compile(r"^Điều\s+\d+\s*[.:]")
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(?P<text>\S.*)$")
_DASH = re.compile(r"^[-–+•]\s*(?P<text>\S.*)$")


def article_tasks(ctx: Context) -> None:
    d = ctx.draft
    if d.tasks:
        return
    zs = ctx.zoned
    start = next((k for k, z in enumerate(zs) if z.line.no not in ctx.placed and _ISSUES_PLAN.match(z.line.text)),
                 None)
    if start is None:
        return
    read = []
    for z in zs[start + 1:]:
        text = z.line.text.strip()
        if _ARTICLE.match(text) or z.line.no in ctx.placed:
            break
        numbered, dash = _NUMBERED.match(text), _DASH.match(text)
        if numbered and int(numbered.group(1)) == len(read) + 1:
            read.append((z, Task(f"t{len(read) + 1}", numbered.group("text"), z.line.where), []))
        elif dash and read:
            task = read[-1][1]
            task.subtasks.append(Task(f"{task.id}_{len(task.subtasks) + 1}", dash.group("text"), z.line.where))
            read[-1][2].append(z)
        else:
            break
    if len(read) < 2:
        return  # one item is no plan's list of tasks
    for z, task, under in read:
        d.tasks.append(task)
        ctx.place(z, *under)
