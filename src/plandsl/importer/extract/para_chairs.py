"""A numbered or lettered heading over a few paragraphs, one of which says who chairs (after the nineteenth set):
"3. Thực hiện tuyên truyền trên các phương tiện thông tin đại chúng" / "Sở Nội vụ chủ trì, phối hợp với Báo …, Tạp chí
… thường xuyên đăng tải …; đồng thời, …" / "Tăng cường duy trì, nâng cấp các chuyên mục …". The heading names the task;
the paragraphs are its content (comments), not sub-tasks, and the one that opens "X chủ trì, phối hợp với Y <does …>"
gives its lead X and its supports Y."""

from __future__ import annotations

import re

from plandsl.importer.draft import Task
from plandsl.importer.extract.chairs import NAMED, NOT_A_NAME, give_chairs
from plandsl.importer.extract.context import Context

# "Sở Nội vụ chủ trì, phối hợp với Y …" opening a paragraph
# ("Báo và Phát thanh, Truyền hình tỉnh chủ trì, …": a name with a comma; "… Tạp chí X... thường xuyên …": a list
# that trails off)
_OPENS = re.compile(r"^(?P<lead>" + NAMED.pattern + r"[^;.:]{1,78}?)\s+chủ trì,?\s+phối hợp với\s+"
                    r"(?P<sup>(?:[^.;…]|\.{3}|…)+)")
_HEADINGS = ("num1", "num2", "num3", "letter")


def heading_paragraph_chairs(ctx: Context) -> None:
    """A task with no agencies, read from a numbered or lettered heading, whose sub-tasks are two or three paragraphs
    (no items, no agencies, no time) or whose content is kept as notes, of which exactly one opens with a body that
    "chủ trì, phối hợp với" others and no other says "chủ trì": that body is its lead and the others, up to what they
    do, its supports; the paragraphs become the task's notes. Nothing changes when the list of supports has no end
    that is sure."""
    style = {z.line.where: z.style for z in ctx.zoned}

    def walk(tasks: list[Task]) -> None:
        for t in tasks:
            walk(t.subtasks)
            if t.leads or t.supports or style.get(t.where) not in _HEADINGS:
                continue
            subs = t.subtasks
            paras = 2 <= len(subs) <= 3 and not any(
                style.get(c.where, "x") is not None or c.subtasks or c.leads or c.supports or c.due for c in subs)
            texts = [c.text for c in subs] if paras else []
            texts += t.notes  # "a) Tổ chức chương trình …:" / its paragraph, kept as the heading's content
            opens = [m for x in texts for m in [_OPENS.match(x)] if m]
            if len(opens) != 1 or sum("chủ trì" in x for x in texts) != 1 or NOT_A_NAME.search(
                    opens[0].group("lead")):
                continue
            if not give_chairs(t, opens[0].group("lead"), opens[0].group("sup"), earliest=True):
                continue  # VERB: also "thường xuyên" …
            if paras:
                t.notes.extend(c.text for c in subs)
                t.subtasks = []
    walk(ctx.draft.tasks)
