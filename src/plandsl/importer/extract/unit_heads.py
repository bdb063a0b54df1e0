"""Headings that name the units the items under them concern, and lists that are no tasks, in a district office's
plan for its schools (after the twenty-seventh set).

"1. Đối với các đơn vị đã được … công nhận …", "2. Đối với các trường … tham gia đánh giá ngoài …", "3. Các trường
mầm non, tiểu học, THCS còn lại:" over items: the kind of unit that does the items, a body heading, no task (its items
are; no lead, as no item says "chủ trì"). A level ("1. Đối với cấp tiểu học") is a topic, a task, as before.
"1. Các trường đánh giá ngoài …" over "- Tháng 10 năm 2020 (06 đơn vị), gồm: …" items: the schedule of which units
and when, no task. "… gửi hồ sơ về Phòng … gồm:" over "-" items: the papers sent, the task's content."""

from __future__ import annotations

import re

from plandsl.importer.draft import Task

_UNITS = r"(?:đơn vị|trường|nhà trường|cơ sở giáo dục)\b"
# "Đối với các đơn vị …", "Đối với các trường …" (a level, "Đối với cấp …", is not units); "Các trường … còn lại".
_UNIT_HEAD = re.compile(r"^(?:Đối với\s+các\s+" + _UNITS + r"[^.:;!?]{0,150}|Các\s+" + _UNITS + r"[^.:;!?]{0,90}\bcòn lại)"
                        r"\s*[.:]?$")
# "Tháng 10 năm 2020 ( 06 đơn vị), gồm: …", "Tháng 11/2020 (05 trường) gồm …"
_SCHEDULED = re.compile(r"^Tháng\s+\d{1,2}(?:\s+năm\s+\d{4}|/\d{4})\s*\(\s*\d{1,3}\s+(?:đơn vị|trường)\s*\)")
# "Các trường gửi hồ sơ về Phòng GD&ĐT trước ngày 10 … gồm:", "Báo cáo … gửi về Phòng chậm nhất vào ngày 31/5 gồm"
_SENDS = re.compile(r"\b(?:gửi|nộp)\b.*\bgồm\s*:?$")
# What such a list names: papers ("- Công văn đăng ký …", "- Báo cáo tự đánh giá (02 bản in), …", "- Bản mềm gồm: …").
_PAPER = re.compile(r"^(?:Công văn|Báo cáo|Bảng|Bản (?:mềm|sao|in|chụp)|Quyết định|Hồ sơ|Kế hoạch|Danh sách|Danh mục|"
                    r"Biên bản|Tờ trình|Đơn|Phiếu)\b")


def unit_heading(text: str) -> bool:
    """Whether ``text`` is a heading that only names the units its items concern (see the module's docstring)."""
    return _UNIT_HEAD.match(text.strip(" *")) is not None


def unit_heading_tasks(tasks: list[Task], unplaced: list) -> list[Task]:
    """``tasks`` with each unit heading replaced by its items (each keeping the heading as its first note), each
    schedule dropped into ``unplaced``, and the papers a sending task lists folded into its notes."""
    out: list[Task] = []
    for task in tasks:
        task.subtasks = unit_heading_tasks(task.subtasks, unplaced)
        if task.leads or task.supports or task.due:
            out.append(task)
        elif task.subtasks and all(_SCHEDULED.match(s.text) and not s.subtasks for s in task.subtasks):
            unplaced.extend((t.where, t.text) for t in (task, *task.subtasks))
        elif task.subtasks and unit_heading(task.text):
            for item in task.subtasks:
                item.notes.insert(0, task.text)
            out.extend(task.subtasks)
        else:
            if task.subtasks and _SENDS.search(task.text.rstrip()) and all(
                    _PAPER.match(s.text) and not (s.subtasks or s.leads or s.supports) for s in task.subtasks):
                task.notes.extend(s.text for s in task.subtasks)
                task.subtasks = []
            out.append(task)
    return out
