"""The passes over a list's task tree once it is read (split from tasks.py): an item that is all a task holds becomes
its content (``_fold``: an item with its own agency block; ``_fold_things``: "… như:" over items naming things), and
an item that opens with the body that leads it gets that lead (``_own_chair``)."""

from __future__ import annotations

import re

from plandsl.importer.draft import Task
from plandsl.importer.extract.chairs import chairs


def fold_tasks(tasks: list[Task], blocked: set[int]) -> None:
    """``blocked``: the ids of the tasks that had an agency block of their own ("Đơn vị chủ trì: X.")."""
    _fold(tasks, blocked)
    _fold_things(tasks)
    _own_chair(tasks)


def _own_chair(tasks: list[Task]) -> None:
    """"- Sở Y tế chủ trì kiểm tra, đôn đốc …": an item that opens with the body that leads it has that lead, when the
    item has no agencies of its own and "chủ trì" is followed by what it does, not by "phối hợp với …" (where that
    list ends in a running item is not sure, "… các xã cấp hóa chất …")."""
    for t in tasks:
        _own_chair(t.subtasks)
        if t.leads or t.supports:
            continue
        first = re.split(r"[;.]", t.text, maxsplit=1)[0]
        both = chairs(first) if re.match(r"^\S.{1,80}?\s+chủ trì\s+(?!phối hợp)\w", first) else None
        if both:
            t.leads = both[0]


# "- Hệ thống kiểm tra tải trọng xe tự động.": an item that names a thing (a system, a platform), not an action.
_THING = re.compile(r"^(?:Hệ thống|Nền tảng|Phần mềm|Cơ sở dữ liệu|Trung tâm|Thiết bị|Mạng lưới)\b")


def _things(t: Task) -> bool:
    """Whether ``t`` is "… như:" and its items all name things, with no agencies or items of their own."""
    return re.search(r"\bnhư\s*:?$", t.text.rstrip()) is not None and bool(t.subtasks) and all(
        _THING.match(c.text) and not (c.subtasks or c.leads or c.supports) for c in t.subtasks)


def _fold_things(tasks: list[Task]) -> None:
    """"Nghiên cứu, triển khai các nền tảng … như:" / "- Hệ thống …" / "- Hệ thống …": the list completes the
    sentence and names what the task deploys, so it is the task's content, not sub-tasks (one task to report on);
    the paragraph, when it is all a numbered heading holds, is that heading's text."""
    for t in tasks:
        _fold_things(t.subtasks)
        if _things(t):
            t.text = f"{t.text.rstrip(' :')}: " + "; ".join(c.text.rstrip(".;") for c in t.subtasks) + "."
            t.subtasks = []
        if len(t.subtasks) == 1 and not t.subtasks[0].subtasks and t.subtasks[0].text.endswith(".") \
                and re.search(r"\bnhư: ", t.subtasks[0].text) and not (t.leads or t.supports):
            [c] = t.subtasks
            t.text = f"{t.text.rstrip('.:;')}. {c.text}"
            t.leads, t.supports, t.due = c.leads, c.supports, t.due or c.due
            t.subtasks = []


def _fold(tasks: list[Task], blocked: set[int]) -> None:
    """A task whose one sub-task is an item with its own agency block ("1. Rà soát …" / "- Thường xuyên rà soát
    …" / "Đơn vị chủ trì: X."): the item is the task's content, and its agencies and time are the task's."""
    for t in tasks:
        _fold(t.subtasks, blocked)
        if len(t.subtasks) == 1 and id(t.subtasks[0]) in blocked and not t.subtasks[0].subtasks \
                and not (t.leads or t.supports):
            [c] = t.subtasks
            t.text = f"{t.text.rstrip('.:;')}. {c.text}"
            t.leads, t.supports, t.due = c.leads, c.supports, t.due or c.due
            t.reviews.extend(c.reviews)
            t.notes.extend(c.notes)
            t.subtasks = []
