"""A "-" list that names things, not actions, under an item: the item's content, not its sub-tasks (after the
sixteenth set).

Three shapes, each read only when every line of the list has it and no line has items, agencies or a time of its
own: projects named by number ("c) Tổ chức triển khai các dự án …:" / "- Dự án 1: “…”." / "- Tiểu dự án 2 (Dự án 7):
“…”."), the platforms or systems an item builds ("b) … một số nền tảng …, bao gồm:" / "- Nền tảng quản lý dược;"),
and the matters an item puts to a council or a committee to decide ("a) Tham mưu … trình Hội đồng nhân dân tỉnh quyết
định:" / "- Phương án phân bổ vốn …" / "- Mức vốn đối ứng …"). The lines become the item's notes.

And the paragraphs without a mark after an item that is itself a whole paragraph ("1.1. Tiếp tục … toàn xã hội." /
"Nâng cao …" / "Tổ chức …" / "1.2. …"): they go on with what the item says, its content, not its sub-tasks. A label
over lines naming what is followed or checked ("+ Nội dung theo dõi" / "Tình hình …" / "Việc …") is no task either:
label and lines are the content of the item above it."""

from __future__ import annotations

import re

from plandsl.importer.draft import Task

_PROJECT = re.compile(r"^(?:Tiểu dự án|Dự án|Đề án|Chương trình|Tiểu chương trình)\s+\d{1,2}\b"
                      r"(?:[^:]{0,30}:|\s*\([^()]{1,30}\)\s*:?)\s*\S")  # "Dự án 7 (Tiểu dự án 2) Nâng cao …": its colon lost
_DECIDES = re.compile(r"\b(?:quyết định|thông qua|phê duyệt|xem xét, quyết định|ban hành)\s*:?$")
# What a matter put to a council opens with: a noun that names a thing decided.
_MATTER = re.compile(r"^(?:Phương án|Mức|Cơ chế|Chính sách|Danh mục|Kế hoạch|Dự toán|Nguyên tắc|Tiêu chí|Định mức|"
                     r"Quy định|Nghị quyết|Đề án|Chương trình|Tổng mức|Chủ trương)\b")

# What a platform or system an item builds opens with: "b) … một số nền tảng …, bao gồm:" / "- Nền tảng quản lý dược;".
_INCLUDES = re.compile(r"\b(?:bao gồm|gồm có|gồm)\s*:?$")
_THING = re.compile(r"^(?:Nền tảng|Hệ thống|Cơ sở dữ liệu|Phần mềm|Ứng dụng|Cổng thông tin|Trung tâm dữ liệu)\s")

# The funding an item's lines name ("- Nguồn kinh phí đầu tư chi để …: Đầu tư …"), and an item naming the plan's
# sources ("a) Kinh phí thực hiện Kế hoạch này bao gồm: Ngân sách nhà nước; …").
_FUNDS = re.compile(r"^(?:Nguồn kinh phí|Nguồn vốn|Kinh phí|Vốn)\b[^:;.]{0,80}:\s*\S")
_SOURCES = re.compile(r"^(?:Nguồn kinh phí|Kinh phí)\b[^:;.]{0,60}\b(?:bao gồm|gồm)\s*:")


def _names_things(task: Task) -> bool:
    items = task.subtasks
    if len(items) < 2 or any(c.subtasks or c.leads or c.supports or c.due for c in items):
        return False
    if all(_PROJECT.match(c.text) for c in items):
        return True
    if _INCLUDES.search(task.text.rstrip()) and all(_THING.match(c.text) for c in items) \
            or all(_FUNDS.match(c.text) for c in items):
        return True  # the platforms or systems an item builds, the funds it is paid from (after the eighteenth set)
    return bool(_DECIDES.search(task.text.rstrip())) and all(_MATTER.match(c.text) for c in items)


def fold_named_lists(tasks: list[Task]) -> None:
    """Each task whose sub-tasks name things (see the module's docstring): the sub-tasks become its notes."""
    for task in tasks:
        fold_named_lists(task.subtasks)
        if _names_things(task):
            task.notes.extend(c.text for c in task.subtasks)
            task.text = task.text.rstrip().rstrip(":").rstrip()
            task.subtasks = []


def _heading(text: str) -> bool:
    return len(text) <= 50 and not re.search(r"[.,;:!?]", text)


def _defines(head: str, text: str) -> bool:
    """Whether ``text`` ("Hạ tầng số Đồng Nai bao gồm …") says what the heading's term ("Hạ tầng số") takes in."""
    return _heading(head) and text.lower().startswith(head.lower() + " ") \
        and re.match(r"[^,;.:]{0,30}\bbao gồm\b", text[len(head):]) is not None


def fold_definitions(ctx) -> None:
    """After the eighteenth set. An item with nothing of its own that names the plan's sources of funds ("a) Kinh phí
    thực hiện Kế hoạch này bao gồm: …"), or says what its heading's term takes in ("b) Hạ tầng số" / "- Hạ tầng số
    Đồng Nai bao gồm …"): the content of the task above, not a task. And a lettered heading naming a field ("a) Thể
    chế") whose one paragraph was joined onto it, among lettered headings of the same kind ("b) Hạ tầng số"): the
    heading is the task's text, the paragraph its content."""
    letters = {z.line.where: z.rest.strip(" *") for z in ctx.zoned if z.style == "letter"}

    def walk(tasks: list[Task]) -> None:
        for n, task in enumerate(tasks):
            walk(task.subtasks)
            head = letters.get(task.where, "")
            after = letters.get(tasks[n + 1].where, "") if n + 1 < len(tasks) else ""
            if head and after and _heading(head) and _heading(after) and tasks[n + 1].text == after and not task.subtasks \
                    and task.text.startswith(head + ". "):
                task.notes.insert(0, task.text[len(head) + 2:])
                task.text = head
            keep = []
            for c in task.subtasks:
                if not (c.subtasks or c.leads or c.supports or c.due) and (
                        _SOURCES.match(c.text) or _defines(task.text, c.text)):
                    task.notes.append(c.text)
                    continue
                keep.append(c)
            task.subtasks = keep
    walk(ctx.draft.tasks)


def _whole_paragraph(text: str) -> bool:
    return len(text) >= 100 and text.rstrip().endswith(".")


def fold_item_paragraphs(ctx) -> None:
    """Each task that is a whole paragraph and whose sub-tasks are all paragraphs without a mark, with nothing of
    their own: the paragraphs become its notes (see the module's docstring)."""
    plain = {z.line.where for z in ctx.zoned if z.style is None}
    colon = {z.line.where for z in ctx.zoned if z.style is not None and z.line.text.rstrip(" *").endswith(":")}

    def walk(tasks: list[Task]) -> None:
        for task in tasks:
            walk(task.subtasks)
            if task.where in colon and task.notes and not task.subtasks and re.match(r"[“\"«]|[^\W\d_A-ZĐÀ-Ỹ]",
                                                                                         task.notes[0]):
                # "b) Triển khai các chương trình:" / "“Bình dân học vụ số” cho người dân; …": the sentence goes on
                task.text = f"{task.text.rstrip(' :')}: {task.notes.pop(0).strip()}"
            subs = task.subtasks
            if subs and task.text.rstrip().endswith(";") and not task.notes and all(
                    c.where in plain and not (c.subtasks or c.leads or c.supports or c.due or c.notes) for c in subs) \
                    and all(c.text.rstrip().endswith(";") for c in subs[:-1]) and subs[-1].text.rstrip().endswith("."):
                # "a) Tổ chức đào tạo …;" / "Tham gia …;" / "Phát hiện …." (after the seventeenth set): one sentence
                # listing what is done, cut at its semicolons into lines, the item's text
                task.text = " ".join([task.text.rstrip(), *(c.text.strip() for c in subs)])
                task.subtasks = []
                continue
            if task.subtasks and _whole_paragraph(task.text) and all(
                    c.where in plain and not (c.subtasks or c.leads or c.supports or c.due) for c in task.subtasks):
                task.notes.extend(c.text for c in task.subtasks)
                task.subtasks = []
    walk(ctx.draft.tasks)


# "+ Nội dung theo dõi" / "+ Nội dung kiểm tra" alone on its line: a label over the things a monitoring plan follows.
_LABEL = re.compile(r"^Nội dung (?:theo dõi|kiểm tra)$")


def fold_labels(ctx) -> None:
    """Each task made of such a label and the lines under it, with nothing of its own: the label and its lines become
    notes of the task before it (of its parent when it comes first); see the module's docstring."""
    labels = {z.line.where for z in ctx.zoned if z.style is not None and _LABEL.match(z.rest.strip(" *.:"))}

    def walk(tasks: list[Task], parent: Task | None) -> list[Task]:
        out: list[Task] = []
        for task in tasks:
            task.subtasks = walk(task.subtasks, task)
            m = re.match(r"^(Nội dung (?:theo dõi|kiểm tra))[.:]?\s+(?P<rest>[A-ZĐÀ-Ỹ].*)$", task.text, re.DOTALL)
            host = out[-1] if out else parent
            if task.where in labels and m and host is not None and not (
                    task.subtasks or task.leads or task.supports or task.due):
                host.notes.append(f"{m.group(1)}: {m.group('rest')}")
                host.notes.extend(task.notes)
                continue
            out.append(task)
        return out
    ctx.draft.tasks[:] = walk(ctx.draft.tasks, None)
