"""A lettered heading's one paragraph, among lettered siblings whose paragraphs are their sub-tasks (after the
twenty-third set).

"a) Đánh giá thực trạng" / "Các cơ sở giáo dục tiến hành rà soát …" / "b) Xây dựng …" / "Cơ sở giáo dục xây dựng … Cụ
thể như sau:" / "- …": the lettered heading with one paragraph under it was joined with it, and then read as a field
heading whose paragraph is its content (a comment; extract.named_lists.fold_definitions). When a sibling lettered
heading under the same task has a paragraph without a mark as its first sub-task, the document writes what is done
under its headings as paragraphs: this heading's paragraph is its sub-task too. Among siblings with "-" items ("b) Hạ
tầng số" / "- …") the old reading stays. Numbered headings are left alone: the keys disagree there (a seed's "1. Công
tác lãnh, chỉ đạo" / its one paragraph, beside "2. …" over several paragraphs, is one task, heading and paragraph
joined; the twenty-third set's "2.1. …" / its paragraph a task over a sub-task), but for a numbered heading that
names a topic ("2.5. Về công tác thi đua, khen thưởng" / "Các đơn vị căn cứ …"), among siblings with sub-tasks of
any kind: "Về …" opens no sentence the paragraph goes on, so its paragraph is its sub-task, as its siblings' items
are (after the twenty-seventh set)."""

from __future__ import annotations

from plandsl.importer.draft import Task

_HEADINGS = ("letter",)
_NUMBERED = ("num1", "num2", "num3")


def split_sibling_paragraphs(ctx) -> None:
    zoned = ctx.zoned
    index = {}
    for k, z in enumerate(zoned):
        index.setdefault(z.line.where, k)
    plain = {z.line.where for z in zoned if z.style is None}

    def style(task: Task):
        k = index.get(task.where)
        return zoned[k].style if k is not None else None

    def joined(task: Task):
        """(heading, paragraph line) when the task is a heading joined with the one paragraph after it."""
        k = index.get(task.where)
        if k is None or k + 1 >= len(zoned) or task.subtasks or task.leads or task.supports or task.due is not None \
                or task.notes:
            return None
        z, para = zoned[k], zoned[k + 1]
        head = z.rest.strip(" *").rstrip(":").strip()
        if para.style is not None or para.zone != z.zone or not head:
            return None
        if task.text != f"{head.rstrip('.:;')}. {para.line.text}":
            return None
        return head, para

    def walk(tasks: list[Task]) -> None:
        for task in tasks:
            walk(task.subtasks)
        for task in tasks:
            s = style(task)
            found = joined(task) if s in _HEADINGS or s in _NUMBERED else None
            if found is None:
                continue
            if s in _NUMBERED:
                if not found[0].startswith("Về ") or not any(o is not task and style(o) == s and o.subtasks
                                                              for o in tasks):
                    continue
            elif not any(o is not task and style(o) == s and o.subtasks and o.subtasks[0].where in plain
                         for o in tasks):
                continue
            head, para = found
            task.text = head
            task.subtasks = [Task(f"{task.id}_1", para.line.text, para.line.where)]
    walk(ctx.draft.tasks)
