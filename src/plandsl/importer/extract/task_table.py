"""A table of tasks, usually an appendix ("PHỤ LỤC / DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM"), copied one cell per line:
"STT" / "Tên nhiệm vụ" / "Cơ quan chủ trì" / "Cơ quan phối hợp" / "Thời gian hoàn thành", then per row its number,
the task, the lead, the supports and the time, with group rows ("I. NÂNG CAO NHẬN THỨC …") between them.

Each row is a task with the "chủ trì" cell as its lead(s) and the "phối hợp" cell as its supports, under the group
row before it. A row is read only when its cells line up (the next row's number, a group row or the table's end
right after its last cell); from the first row that does not, the rest of the table is left as lines not placed."""

from __future__ import annotations

import re

from plandsl.importer.draft import Task
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import sentence_case, split_agencies

_NUMBER = re.compile(r"^(?:stt|tt|số tt)$")
_TASK = re.compile(r"^(?:tên nhiệm vụ|nhiệm vụ|nội dung|hoạt động|tên hoạt động)")
_LEAD = re.compile(r"^(?:cơ quan|đơn vị) chủ trì")
_SUPPORT = re.compile(r"^(?:cơ quan|đơn vị) phối hợp")
_TIME = re.compile(r"^(?:thời gian|tiến độ|thời hạn)")
_OTHER = re.compile(r"^(?:sản phẩm|dự kiến sản phẩm|kết quả|ghi chú|kinh phí|nguồn kinh phí)")
_GROUP = re.compile(r"^(?:[IVX]{1,5}|[A-Z])[.)]\s+(?P<rest>\S.*)$")


def _cell(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip().lower()


def _header(cells: list[str], i: int) -> list[str] | None:
    """The kinds of the header's columns starting at ``cells[i]`` ("number", "task", "lead", …), or None."""
    if not _NUMBER.match(_cell(cells[i])):
        return None
    kinds = ["number"]
    for text in cells[i + 1:i + 8]:
        c = _cell(text)
        kind = next((k for k, rx in (("task", _TASK), ("lead", _LEAD), ("support", _SUPPORT), ("time", _TIME),
                                     ("other", _OTHER)) if rx.match(c)), None)
        if kind is None or kind in kinds and kind != "other":
            break
        kinds.append(kind)
    return kinds if "task" in kinds and "lead" in kinds else None


def extract_task_table(ctx: Context) -> None:
    zs = [z for z in ctx.zoned if z.line.no not in ctx.placed and z.line.text.strip()]
    cells = [z.line.text.strip() for z in zs]
    i = 0
    while i < len(cells):
        kinds = _header(cells, i)
        i = _rows(ctx, zs, cells, i, kinds) if kinds is not None else i + 1


def _rows(ctx: Context, zs, cells: list[str], i: int, kinds: list[str]) -> int:
    """Read the rows after the header at ``i`` into tasks (nothing when no row lines up); return where reading
    stopped."""
    d = ctx.draft
    k = len(kinds)
    first, i = i, i + k
    rows: list[tuple[str, int, dict]] = []  # ("group", line, {}) or ("row", line, cells by kind)
    n = 1
    while i < len(cells):
        text = cells[i].replace("*", "").strip()
        if _GROUP.match(text) and text.isupper():
            rows.append(("group", i, {}))
            i += 1
            n = 1 if rows and cells[i:i + 1] == ["1"] else n
            continue
        if cells[i] != str(n) or not _lines_up(cells, i, k):
            break
        rows.append(("row", i, dict(zip(kinds[1:], cells[i + 1:i + k]))))
        n, i = n + 1, i + k
    while rows and rows[-1][0] == "group":
        i = rows.pop()[1]  # a group row with no row after it is not read
    if not any(kind == "row" for kind, _i, _c in rows):
        return first + 1
    ctx.place(*zs[first:first + k])
    group: Task | None = None
    for kind, at, row in rows:
        if kind == "group":
            group = Task(f"t{len(d.tasks) + 1}", sentence_case(_GROUP.match(cells[at].replace("*", "").strip())
                                                                .group("rest").strip(" .:")), zs[at].line.where)
            d.tasks.append(group)
            ctx.place(zs[at])
            continue
        siblings = group.subtasks if group is not None else d.tasks
        tid = f"{group.id}_{len(siblings) + 1}" if group is not None else f"t{len(d.tasks) + 1}"
        task = Task(tid, row["task"], zs[at + 1].line.where, split_agencies(row["lead"]),
                    split_agencies(row["support"]) if "support" in row else [])
        if "time" in row:
            y = re.fullmatch(r"(?:năm\s+)?(\d{4})\.?", row["time"].strip(), re.IGNORECASE)
            task.due = int(y.group(1)) if y else row["time"].strip(" .")
        siblings.append(task)
        ctx.place(*zs[at:at + k])
    return i


def _lines_up(cells: list[str], i: int, k: int) -> bool:
    """Whether the row at ``i`` has its k cells, none of them a row number or a group row."""
    row = cells[i + 1:i + k]
    return len(row) == k - 1 and not any(re.fullmatch(r"\d{1,3}", c) or _GROUP.match(c.replace("*", "")) and
                                         c.isupper() for c in row)
