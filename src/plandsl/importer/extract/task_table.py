"""A table of tasks, usually an appendix ("PHỤ LỤC / DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM"), copied one cell per line:
"STT" / "Tên nhiệm vụ" / "Cơ quan chủ trì" / "Cơ quan phối hợp" / "Thời gian hoàn thành", then per row its number,
the task, the lead, the supports and the time, with group rows ("I. NÂNG CAO NHẬN THỨC …") between them.

Each row is a task with the "chủ trì" cell as its lead(s) and the "phối hợp" cell as its supports, under the group
row before it. A row is read only when its cells line up (the next row's number, a group row or the table's end
right after its last cell); a row that does not is left as lines not placed, and after a part of the table lost in
the copy reading goes on only at the next group row. A group row that repeats a task of the body word for word
takes its rows as that task's sub-tasks. A row's cells merged with rows of its own (rows without a number under it,
or two sentences printed with a lead and a supports line each) give a task for each (task_cells.py)."""

from __future__ import annotations

import re

from plandsl.importer.document import pipe_cells
from plandsl.importer.draft import Task
from plandsl.importer.extract.chairs import doer_agencies
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import sentence_case, split_agencies
from plandsl.importer.extract.table import PIPE, PIPE_RULE
from plandsl.importer.extract.table_numbers import by_group
from plandsl.importer.extract.task_cells import (AFTER_TABLE, GROUP, GROUP_MARK, LETTER, NUMBER, cell_key, group_row,
                                                 is_group, read_row, starts_row, sub_rows)

_TASK = re.compile(r"^(?:tên nhiệm vụ|nhiệm vụ|nội dung|hoạt động|tên hoạt động|giải pháp|tên dự án|dự án)")
_LEAD = re.compile(r"^(?:(?:cơ quan|đơn vị|sở, ngành|sở, ban, ngành) )?chủ trì")  # "Sở, ngành chủ trì tham mưu"
_SUPPORT = re.compile(r"^(?:(?:cơ quan|đơn vị) )?phối hợp")
_TIME = re.compile(r"^(?:thời gian|tiến độ|thời hạn)")
_EXEC = re.compile(r"^(?:(?:cơ quan|đơn vị|trách nhiệm) )?(?:thực hiện|tổ chức thực hiện)$")
_SPLIT_TIME = re.compile(r"^(?:thờigian|tiếnđộ|thờihạn)(?:thựchiện|hoànthành)?$")
_OTHER = re.compile(r"^(?:sản phẩm|dự kiến sản phẩm|kết quả|ghi chú|kinh phí|nguồn kinh phí|chỉ tiêu|thuộc nhóm|"
                    r"nhóm nhiệm vụ|mục tiêu|tình trạng|nguồn lực|nội dung chính|cấp phê duyệt|cấp trình|căn cứ|theo dõi)")
# "Đơn vị được kiểm tra": an inspection schedule's column of the units inspected, each row the inspection of one
_INSPECTED = re.compile(r"^(?:cơ quan, )?(?:đơn vị|cơ quan|địa phương) được (?:kiểm tra|thanh tra)$")
_ASIDE = re.compile(r"\([^()]{1,40}\)")  # "(Bộ/ngành/địa phương)" under a header cell
_GLUED_NUMBER = re.compile(r"(\d{1,3})\.\s+([A-ZĐÀ-Ỹ].*)")  # a row's number and its task's first line, one line


def column_kind(text: str) -> str | None:
    """What a header cell names: "number", "task", "lead", "support", "time", "other", "exec" (the bodies that carry
    it out, "Cơ quan thực hiện"), or None."""
    c = cell_key(text)
    if NUMBER.match(c):
        return "number"
    kind = next((k for k, rx in (("task", _TASK), ("lead", _LEAD), ("support", _SUPPORT), ("time", _TIME),
                                 ("other", _OTHER)) if rx.match(c)), None)
    if kind is None and _SPLIT_TIME.match(c.replace(" ", "")):
        return "time"  # "Th ờ i gian th ự c hiện": a copy's stray spaces inside the words
    return kind or ("exec" if _EXEC.match(c) else None)


def _header(cells: list[str], i: int) -> tuple[list[str], int] | None:
    """The kinds of the header's columns starting at ``cells[i]`` ("number", "task", "lead", …) and how many cells
    the header takes, or None. A web copy gives a cell that spans two columns once, and its sub-columns after the
    first header row: "Cơ quan thực hiện" over "Chủ trì" / "Phối hợp"."""
    if not NUMBER.match(cell_key(cells[i])):
        return None
    kinds = ["number"]
    spanning = None  # where the "Cơ quan thực hiện" column is
    asides = 0
    for text in cells[i + 1:i + 8]:
        c = cell_key(text)
        kind = next((k for k, rx in (("task", _TASK), ("lead", _LEAD), ("support", _SUPPORT), ("time", _TIME),
                                     ("other", _OTHER)) if rx.match(c)), None)
        if kind is None and "task" not in kinds and _INSPECTED.match(c):
            kinds.append("task")
            continue
        if kind is None and spanning is None and "lead" not in kinds and _EXEC.match(c):
            spanning = len(kinds)
            kinds.append("exec")
            continue
        if kind is None and kinds[-1] in ("lead", "support") and _ASIDE.fullmatch(c):
            asides += 1  # "Đơn vị phối hợp" / "(Bộ/ngành/địa phương)": the column's note, in a cell of its own
            continue
        if kind is None or kind in kinds and kind != "other" or spanning is not None and kind in ("lead", "support"):
            break
        kinds.append(kind)
    length = len(kinds) + asides
    if spanning is not None:
        subs: list[str] = []
        for text in cells[i + length:i + length + 2]:
            c = cell_key(text)
            kind = "lead" if _LEAD.match(c) else "support" if _SUPPORT.match(c) else None
            if kind is None or kind in subs:
                break
            subs.append(kind)
        if "lead" in subs:
            kinds[spanning:spanning + 1] = subs
            length += len(subs)
        elif subs:
            return None
        else:
            kinds[spanning] = "doer"  # one column of bodies: "Sở Y tế chủ trì, phối hợp với …" or only "Sở Y tế"
    inspected = any(_INSPECTED.match(cell_key(c)) for c in cells[i + 1:i + length]) and kinds[2:] == ["time"]
    return (kinds, length) if "task" in kinds and ("lead" in kinds or "doer" in kinds or inspected) else None


def extract_task_table(ctx: Context) -> None:
    zs, cells = [], []
    lines = []  # (line, its first cell, the cell after its last)
    for z in ctx.zoned:
        if z.line.no in ctx.placed or not z.line.text.strip() or PIPE_RULE.match(z.line.text):
            continue
        # a Markdown table's row ("| 1 | Tên nhiệm vụ | Sở Y tế | … |"): its cells, one by one, all of its line
        row = pipe_cells(z.line.text) if PIPE.match(z.line.text) else [z.line.text.strip()]
        row = [c[:-1] if re.fullmatch(r"\d{1,3}\.", c) else c for c in row]  # a row's number "4." as "4"
        glued = _GLUED_NUMBER.fullmatch(row[0]) if len(row) == 1 else None
        row = [glued.group(1), glued.group(2)] if glued else row  # "10. Xây dựng Luật …": the number, the task
        lines.append((z, len(cells), len(cells) + len(row)))
        zs += [z] * len(row)
        cells += row
    cells = by_group(cells)  # "1." / its name / "1.1" …: the group "I" and its rows "1" …
    # The cells read, by index: a line is placed when every cell of it was read (a Markdown row read in part, its
    # other cells not taken by a task, stays a line: nothing is lost).
    taken: set[int] = set()
    i = 0
    while i < len(cells):
        header = _header(cells, i)
        i = _rows(ctx, zs, cells, i, *header, taken) if header is not None else i + 1
    ctx.place(*(z for z, first, stop in lines if taken.issuperset(range(first, stop))))
    for a, z, b in zip(ctx.zoned, ctx.zoned[1:], ctx.zoned[2:]):
        if PIPE_RULE.match(z.line.text) and a.line.no in ctx.placed and b.line.no in ctx.placed:
            ctx.place(z)  # the "|---|" under a Markdown table's header, when the header and a row were read


def _rows(ctx: Context, zs, cells: list[str], i: int, kinds: list[str], k: int, taken: set[int]) -> int:
    """Read the rows after the header at ``i`` (of ``k`` cells) into tasks (nothing when no row lines up); return
    where reading stopped."""
    d = ctx.draft
    first, i = i, i + k
    rows: list[tuple[str, int, dict]] = []  # ("group", line, {}), ("head", line, {}) or ("row", line, cells by kind)
    n = 1
    lettered = False  # in the lettered rows ("a)", "b)" …) under a numbered row that has only its name
    repeats: list[int] = []  # where the header is repeated
    onward = False  # the rows are numbered on across the groups
    while i < len(cells):
        text = cells[i].replace("*", "").strip()
        if cells[i] == str(n) and i + 2 < len(cells) and cells[i + 2] == "a)":
            rows.append(("head", i, {}))  # "1" / "Tổ chức tuyên truyền …" / "a)" …: a row over lettered rows
            n, i, lettered = n + 1, i + 2, True
            continue
        if lettered and LETTER.fullmatch(text):
            read = read_row(cells, i, kinds, n - 1, letters=True)
            if read is None:  # a lettered row that does not line up: left as lines, reading goes on at the next one
                i = next((j for j in range(i + 1, min(i + len(kinds) + 8, len(cells)))
                          if starts_row(cells, j, n - 1, letters=True)), len(cells))
                continue
            rows.append(("row", i, read[0] | {"end": read[1], "sub": True}))
            i = read[1]
            continue
        lettered = False
        again = _header(cells, i) if NUMBER.match(cell_key(text)) else None
        if again is not None and again[0] == kinds and n > 2 and cells[i + again[1]:i + again[1] + 1] == ["1"] \
                and rows and rows[-1][0] == "row" and rows[-1][2]["end"] == i:
            break  # the same header over rows numbered from 1 again, right after a row: a table of its own
        if again is not None and again[0] == kinds:
            repeats.append(i)  # the header repeated at the top of a page: the rows go on after it
            i += again[1]
            if rows and rows[-1][0] == "row" and rows[-1][2]["end"] == repeats[-1] and i < len(cells) and (
                    cells[i][:1].islower() or cell_key(cells[i - 1]) != cell_key(cells[first + k - 1])):
                rows.pop()  # the row before goes on after the header (joined onto its last cell or not): not read
            # the rest of a row not read, cut by the page ("quan, tổ chức có liên quan"), before the next row's number
            tail = next((j for j in range(i, min(i + 3, len(cells))) if not cells[j][:1].islower()), i)
            i = tail if cells[tail:tail + 1] == [str(n + 1)] else i
            n += 1 if cells[i:i + 1] == [str(n + 1)] else 0  # (after a row left as lines, the page's first row)
            continue
        if group_row(text) or GROUP_MARK.match(text) and i + 1 < len(cells) \
                and not re.fullmatch(r"\d{1,3}", cells[i + 1]):
            i += 1 if GROUP.match(text) else 2
            # a group's name on two lines ("IV. Tăng cường … ở" / "Trung ương và địa phương, …") before a row's number
            more = i + 1 < len(cells) and not cells[i - 1].endswith((".", ":", ";")) and not starts_row(cells, i, n) \
                and not re.fullmatch(r"\d{1,3}", cells[i]) and cells[i + 1] in ("1", str(n), str(n + 1))
            rows.append(("group", i - (1 if GROUP.match(text) else 2), {"more": int(more)}))
            i += int(more)
            # rows numbered on across the groups ("6", "II. …", "7"): after a row left as lines ("10" not read, "III.
            # …", "11") the next group's first row is the one after it
            onward = onward or n > 1 and cells[i:i + 1] == [str(n)]
            n = 1 if cells[i:i + 1] == ["1"] else n + 1 if onward and cells[i:i + 1] == [str(n + 1)] else n
            continue
        read = read_row(cells, i, kinds, n) if cells[i] == str(n) else None
        subs = sub_rows(cells, i, kinds, n) if read is None and cells[i] == str(n) else None
        if subs is not None:  # "4" / its task / "-" / a sub-row's cells / "-" / …: the task over its sub-rows
            rows.append(("parent", i, {"end": subs[0]}))
            rows += [("row", at, found | {"end": end, "sub": True}) for at, found, end in subs[1]]
            n, i = n + 1, subs[1][-1][2]
            continue
        if read is None:
            # A row that does not line up (merged cells, a sub-row) is left as lines; reading goes on at the next
            # row's number when it comes soon after.
            nxt = next((j for j in range(i + 1, min(i + len(kinds) + 8, len(cells))) if cells[i] == str(n)
                        and starts_row(cells, j, n) and not AFTER_TABLE.match(cells[j])), None)
            if nxt is None and (cells[i] == str(n) or repeats and repeats[-1] + k == i):
                # A row of sub-rows ("4" / its name / "-" / a sub-row's cells …), or the rest of one cut by the page
                # after the repeated header: reading goes on at the next row's number, alone in its cell before a
                # task's text, further on.
                nxt = next((j for j in range(i + 1, min(i + 40, len(cells))) if cells[j] == str(n + 1)
                            and j + 1 < len(cells) and len(cells[j + 1]) > 40), None)
            if nxt is None:
                # A part of the table lost in the copy ("…......"): its rows belong to a group row that is gone, so
                # reading goes on only at the next group row, which numbers its rows from 1 again.
                nxt = next((j for j in range(i + 1, min(i + 150, len(cells))) if AFTER_TABLE.match(cells[j])
                            or is_group(cells, j)), None)
                if nxt is None or not is_group(cells, nxt):
                    break
                i = nxt
                continue
            n, i = n + 1 if cells[nxt] == str(n + 1) else n, nxt
            continue
        rows.append(("row", i, read[0] | {"end": read[1]}))
        rows += [("row", i, more | {"end": read[1], "at": at}) for at, more in read[0].get("more", ())]
        n, i = n + 1, read[1]
    while rows and rows[-1][0] in ("group", "head"):
        i = rows.pop()[1]  # a group row with no row after it is not read
    if not any(kind == "row" for kind, _i, _c in rows):
        return first + 1
    taken.update(range(first, first + k))
    # a repeated header's cells, when they are the header's words only (the copy may join a row's rest onto its last)
    taken.update(j for at in repeats if at < i for j in range(at, at + k) if cell_key(cells[j]) == cell_key(cells[first + j - at]))
    group: Task | None = None
    head: Task | None = None  # the numbered row over lettered rows
    # "Trách nhiệm thực hiện": the one body a row names there answers for it (after the twentieth set)
    sole = "doer" in kinds and any(re.match(r"trách nhiệm", cell_key(c)) for c in cells[first:first + k])
    # "Đơn vị được kiểm tra": each row the inspection of one unit, no lead; its group rows are labels, not tasks
    inspected = any(_INSPECTED.match(cell_key(c)) for c in cells[first:first + k])
    for kind, at, row in rows:
        if kind in ("head", "parent"):
            siblings = group.subtasks if group is not None else d.tasks
            tid = f"{group.id}_{len(siblings) + 1}" if group is not None else f"t{len(d.tasks) + 1}"
            end = row["end"] if kind == "parent" else at + 2
            head = Task(tid, " ".join(c.replace("*", "").strip() for c in cells[at + 1:end]), zs[at + 1].line.where)
            siblings.append(head)
            taken.update(range(at, end))
            continue
        head = head if row.get("sub") else None
        if kind == "group" and inspected:
            group = None
            taken.update(range(at, at + (1 if GROUP.match(cells[at].replace("*", "").strip()) else 2) + row["more"]))
            continue
        if kind == "group":
            g = GROUP.match(cells[at].replace("*", "").strip())
            name = g.group("rest") if g else cells[at + 1].replace("*", "").strip()
            width = (1 if g else 2) + row["more"]
            name = sentence_case(" ".join([name] + cells[at + width - row["more"]:at + width]).strip(" .:"))
            # A group row that repeats, word for word, a task of the plan's body without sub-tasks ("VII. DIỄN TẬP
            # PHÒNG THỦ DÂN SỰ" / "7. Diễn tập phòng thủ dân sự.") details that task: its rows go under it.
            same = [t for t in d.tasks if plain(t.text) == plain(name) and not t.subtasks]
            group = same[0] if len(same) == 1 else Task(f"t{len(d.tasks) + 1}", name, zs[at].line.where)
            if len(same) != 1:
                d.tasks.append(group)
            taken.update(range(at, at + width))
            continue
        parent = head or group
        siblings = parent.subtasks if parent is not None else d.tasks
        tid = f"{parent.id}_{len(siblings) + 1}" if parent is not None else f"t{len(d.tasks) + 1}"
        where = zs[row.get("at", at + 1)].line.where
        one = split_agencies(row["doer"]) if "doer" in row else []
        if sole and len(one) == 1 and not re.search(r"chủ trì|phối hợp|[,;]", one[0]):
            task = Task(tid, row["task"], where, one)  # "Lãnh đạo Sở Y tế" under "Trách nhiệm thực hiện": its lead
        elif "doer" in row:
            task = Task(tid, row["task"], where)
            doer_agencies(task, row["doer"], where)
        else:
            task = Task(tid, row["task"], where, split_agencies(row["lead"]) if "lead" in row else [],
                        split_agencies(row["support"]) if "support" in row else [])
        if row.get("time"):
            y = re.fullmatch(r"(?:năm\s+)?(\d{4})\.?", row["time"].strip(), re.IGNORECASE)
            task.due = int(y.group(1)) if y else row["time"].strip(" .")
        # The cells of the other columns ("Sản phẩm", "Ghi chú") are the task's notes, under their column's name.
        heads = [c.replace("*", "").strip() for c in cells[first:first + k] if not _ASIDE.fullmatch(cell_key(c))]
        names = heads if len(heads) == len(kinds) else None  # (a column's note in a cell of its own is no column)
        task.notes += [f"{names[2 + n]}: {v}" if names else v for n, v in row["notes"]]
        siblings.append(task)
        taken.update(range(at, row["end"]))
    return i


def plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
