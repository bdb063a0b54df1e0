"""A table of tasks given as whole rows (Markdown rows from a Word or PDF table, or a web copy rebuilt by
``importer.celltable``) that the cell-by-cell reader (``task_table``) could not read: rows numbered "1." or
"1.1", "a)", "-", with group rows ("I", "II. …") and headings without bodies over their sub-rows.

The header is one or two rows, as for the tables of targets (``matrix.header_labels``): "Cơ quan thực hiện" over
"Chủ trì" / "Phối hợp" is two columns. Each row whose cells line up with the header is a task: the task cell its
text, the lead and support cells its agencies (a single "Đơn vị thực hiện" cell as a "Cơ quan thực hiện: …" line is
read), the time cell its due. Rows nest by their numbers: "1.2" under "1", "a)" or "-" under the numbered row above,
every numbered row under the group row ("I", "II") above it. A row that does not line up is left as a line."""

from __future__ import annotations

import re
from collections import Counter

from plandsl.importer.document import pipe_cells
from plandsl.importer.draft import Task
from plandsl.importer.extract.chairs import doer_agencies
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.matrix import header_labels
from plandsl.importer.extract.patterns import (
    AGENCY_START,
    sentence_case,
    split_agencies,
    unsplit_letters,
)
from plandsl.importer.syllables import mend_split_words
from plandsl.importer.extract.table import PIPE, PIPE_RULE
from plandsl.importer.extract.task_cells import AGENCYISH
from plandsl.importer.extract.task_table import column_kind, plain

_ROMAN = re.compile(r"^([IVX]{1,5})\.?$")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,2})\.?$")
# A cell that says a time, not a body: "Năm 2026", "2026-2027", "Quý II/2026", "Tháng 6", "Thường xuyên", "Hằng năm".
_WHEN = re.compile(r"^(?:(?:năm|quý|tháng)\b|\d{4}\b|thường xuyên|hằng|hàng (?:năm|quý|tháng)|định kỳ|trước ngày)",
                   re.IGNORECASE)
_TIME_WORDS = re.compile(r"\b(?:năm|quý|tháng|giai đoạn|thường xuyên|hằng|hàng|định kỳ|ngày|\d{4})\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[.;]\s+[A-ZĐÀ-Ỹ]")  # a sentence ends inside the text
_MINOR = re.compile(r"^(?:[a-zđ][.)]?|[-+*•])$")
# A remark in lower case after a body's name ("Bộ … (mạng lưới quốc gia)", "UBND … (chủ trì tại địa phương)"): not
# part of the name (kept as the task's note); "(thị xã, thành phố)" after "các huyện" is.
_REMARK = re.compile(r"\s*\((?!(?:huyện|quận|thị xã|thành phố|tỉnh|xã|phường|thị trấn)\b)(?=[a-zđ])[^()]{3,}\)")


def extract_task_rows(ctx: Context) -> None:
    zs = ctx.zoned
    i = 0
    while i < len(zs):
        if not PIPE.match(zs[i].line.text) or i and PIPE.match(zs[i - 1].line.text):
            i += 1
            continue
        j = i
        while j < len(zs) and PIPE.match(zs[j].line.text):
            j += 1
        run = [k for k in range(i, j) if not PIPE_RULE.match(zs[k].line.text)]
        if not any(zs[k].line.no in ctx.placed for k in range(i, j)):
            read = _read(ctx, run)
            if read:
                ctx.place(*(z for k, z in enumerate(zs[i:j], start=i) if k in read or k not in run))
        i = j


def _cells(text: str) -> list[str]:
    # a copy's stray spaces inside words ("T ổ chức", "H ằ ng năm") put back, a cell with none kept as it is
    return [mend_split_words(c.replace("*", "").strip()) for c in pipe_cells(text)]


def _read(ctx: Context, run: list[int]) -> set[int]:
    """The run's rows read as tasks: the lines read (the header's and the rows'), none when its header is not one of
    a table of tasks or no row lines up with it."""
    rows = [(k, _cells(ctx.zoned[k].line.text)) for k in run]
    if len(rows) < 2:
        return set()
    head = [rows[0][1]]
    body = rows[1:]
    if body and not _marker_kind(body[0][1][0]) and any(column_kind(c) in ("lead", "support") for c in body[0][1]):
        head.append(body[0][1])  # "Chủ trì" / "Phối hợp" under "Cơ quan thực hiện"
        body = body[1:]
    widths = Counter(len(cells) for _k, cells in body)
    if not widths:
        return set()
    width = widths.most_common(1)[0][0]
    if len(head) == 1 and len(head[0]) in widths:
        width = len(head[0])  # rows that leave out merged cells may outnumber the whole ones
    labels = header_labels(head, width, lambda label: column_kind(label) == "exec")
    if labels is None:
        return set()
    kinds = [column_kind(inner) or column_kind(outer) if inner else column_kind(outer) for outer, inner in labels]
    kinds = ["doer" if k == "exec" else k for k in kinds]
    # "Tên dự án, nhiệm vụ" then "Nội dung chính": the task is named in the first, the others are its content (notes)
    kinds = [k if k != "task" or kinds.index("task") == x else "other" for x, k in enumerate(kinds)]
    named = [k for k in kinds if k != "other"]
    if None in kinds or len(named) != len(set(named)):
        return set()  # a column the reader does not know, or two of one kind: its cells would have no place
    if "task" not in kinds or not ({"lead", "doer"} & set(kinds)) or kinds[0] != "number":
        return set()
    col = {k: kinds.index(k) for k in ("task", "lead", "support", "doer", "time") if k in kinds}
    body = _spanned(_last_spanned(body, width, col), width, col)
    if any(_misread(cells, col) for _k, cells in body if len(cells) == width):
        return set()  # a time where bodies are named, or a body where the time is: the columns are not these
    read = {k for k, _cells in rows[:len(head)]}
    d = ctx.draft
    group: Task | None = None  # the group row ("I. …") above
    numbered: dict[str, Task] = {}  # the tasks by their number ("1", "1.2")
    last: Task | None = None  # the last numbered task
    groups: list[Task] = []  # the group rows' tasks added
    tasks = 0
    texts = {_words(cells[col["task"]]) for _k, cells in body if len(cells) == width}
    for k, cells in body:
        where = ctx.zoned[k].line.where
        if len(cells) == 2 and _marker_kind(cells[0]) == "group" and cells[1]:
            # "A. | BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG": a group row in one merged cell
            cells = [cells[0]] + [cells[1] if x == col["task"] else "" for x in range(1, width)]
        if len(cells) != width or not cells[col["task"]]:
            continue
        if sum(bool(re.fullmatch(r"\(\d{1,2}\)", c)) for c in cells) >= 3 and all(
                re.fullmatch(r"(?:\(\d{1,2}\))?", c) for c in cells):
            read.add(k)  # the columns' numbers under the header ("| | (1) | (2) | (3) |"), not a task
            continue
        marker = cells[0]
        text = cells[col["task"]].strip()
        kind = _marker_kind(marker)
        if kind is None:
            continue
        if kind == "group":
            name = sentence_case(text.strip(" .:"))
            if any(_names_body(x) for x in (name, text.strip(" .:*"))):
                # "A. | BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG": the body that leads the rows under it (its own cells say
                # so), not a task
                group, numbered, last = None, {}, None
                read.add(k)
                continue
            # A group row that repeats a task of the body word for word details that task (as in task_table).
            # So does a field of the body over its items ("1. Cải cách thể chế" / "- …") when a row repeats one of
            # them: the rows that repeat an item give it their bodies (after the twentieth set).
            same = [t for t in d.tasks if plain(t.text) == plain(name)
                    and (not t.subtasks or any(_words(s.text) in texts for s in t.subtasks))]
            # The field named shorter or longer ("3. Cải cách tổ chức bộ máy" / "III. Cải cách tổ chức bộ máy hành
            # chính nhà nước"): the same when the one's words are the other's in order and a row repeats an item.
            same = same or [t for t in d.tasks if t.subtasks and _within(plain(t.text), plain(name))
                            and any(_words(s.text) in texts for s in t.subtasks)]
            group = same[0] if len(same) == 1 else _add(d.tasks, None, name, where)
            if len(same) != 1:
                groups.append(group)
            numbered, last = {}, None
            read.add(k)
            continue
        if kind == "number":
            number = _NUMBERED.match(marker).group(1)
            parent = numbered.get(number.rsplit(".", 1)[0]) if "." in number else group
        else:
            parent = last or group
        notes = [f"{labels[x][1] or labels[x][0]}: {c}" for x, c in enumerate(cells) if kinds[x] == "other" and c]
        notes += [f"{labels[x][1] or labels[x][0]}: {cells[x]}" for x in (col.get("lead"), col.get("support"))
                  if x is not None and _REMARK.search(cells[x])]  # the bodies' remarks, left out of their names
        items = [_item(parent.subtasks if parent is not None else d.tasks, parent, item, where) for item in _items(text)]
        for task in items:  # "- Nội dung 1. - Nội dung 2.": a task each, with the row's bodies, time and notes
            _agencies(task, cells, col, where)
            task.notes += notes
        task = items[0]
        if kind == "number":
            numbered[number] = task
            last = task
        read.add(k)
        tasks += 1
    if not tasks:  # group rows only: not a table read
        d.tasks[:] = [t for t in d.tasks if all(t is not g for g in groups)]
        return set()
    return read


def _spanned(body: list[tuple[int, list[str]]], width: int, col: dict[str, int]) -> list[tuple[int, list[str]]]:
    """The rows with the cells a vertical merge left out of them (a web copy gives a merged cell once, in its first
    row: "1 | Bộ … | - Bộ …; | Nhóm … | Nội dung 1 | …" then "Nội dung 2 | …") taken from the whole row above, when
    the row still has its task cell; other rows as they are. A row whose first cell names bodies where the merged
    columns end in one that does not ("Các bộ, ngành liên quan | Nội dung 2 | …" under "STT | Chủ trì | Phối hợp |
    Nhóm | Nội dung …") has its own bodies' cell: the body column before is its, the columns around it merged."""
    task = col["task"]
    bodies = [col[k] for k in ("lead", "support", "doer") if k in col]
    out = []
    above: list[str] | None = None
    for k, cells in body:
        if len(cells) == width:
            above = cells
        elif above is not None and 2 < len(cells) < width and width - len(cells) <= task \
                and _marker_kind(cells[0]) is None:  # (a row that opens with its number is no continuation)
            start = width - len(cells)
            filled = above[:start] + cells
            own = [b for b in bodies if b < start]
            if start not in bodies and own and _names_body(cells[0]) and not _names_body(above[start]):
                filled = above[:own[-1]] + cells[:1] + above[own[-1] + 1:start + 1] + cells[1:]
            if not (AGENCY_START.match(filled[task]) or AGENCYISH.match(filled[task])):
                cells = filled  # (a body where the task should be: the merge was not of the first columns)
        out.append((k, cells))
    return out


def _last_spanned(body: list[tuple[int, list[str]]], width: int, col: dict[str, int]) -> list[tuple[int, list[str]]]:
    """The rows whose last cell spans the last two columns, "Phối hợp" and the one after it ("| 1 | … | Các cơ quan,
    đơn vị, địa phương | Sở Nội vụ |" under "… | Chủ trì | Phối hợp | Theo dõi |", a Word cell merged across columns
    written once), with the last column empty: a numbered row one cell short whose lead and last cells both name
    bodies (after the twenty-first set). Where the lead's cell does not ("Theo phân công tại Quyết định …", spanning
    "Chủ trì" and "Phối hợp"), the row is left as it is."""
    lead, support = col.get("lead"), col.get("support")
    if lead is None or support != lead + 1 or support != width - 2:
        return body
    out = []
    for k, cells in body:
        if len(cells) == width - 1 and _marker_kind(cells[0]) == "number" and cells[col["task"]] \
                and all((AGENCY_START.match(cells[x]) or AGENCYISH.match(cells[x]))
                        and not re.match(r"Theo\s", cells[x], re.IGNORECASE) for x in (lead, support)):
            cells = cells + [""]
        out.append((k, cells))
    return out


def _names_body(text: str) -> bool:
    """A group row that names a body ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "UBND CÁC TỈNH"), not a field of tasks ("HOÀN
    THIỆN CÁC CHÍNH SÁCH …", "CÁC GIẢI PHÁP KHÁC")."""
    return bool(AGENCY_START.match(text)) and not re.match(
        r"[Cc]ác\s+(?!(?:bộ|sở|ban|ngành|cơ quan|đơn vị|tổ chức|địa phương|tỉnh|thành phố|huyện|xã|hội|đoàn thể)\b)", text)


def _items(text: str) -> list[str]:
    """A task cell's items: "- Nội dung 1. - Nội dung 2." (its lines joined) is two, each without its dash."""
    if not re.match(r"[-–•+]\s", text):
        return [text]
    items = [re.sub(r"^[-–•+]\s*", "", x).strip() for x in re.split(r"(?<=[.;:!?])\s+[-–•]\s+(?=\S)", text)]
    return [x for x in items if x] or [text]


def _misread(cells: list[str], col: dict[str, int]) -> bool:
    bodies = [cells[col[k]] for k in ("lead", "support", "doer") if k in col and cells[col[k]]]
    when = cells[col["time"]] if "time" in col else ""
    return any(_WHEN.match(b) for b in bodies) or bool(when and AGENCYISH.match(when) and not _TIME_WORDS.search(when))


def _marker_kind(marker: str) -> str | None:
    if _ROMAN.match(marker) or re.fullmatch(r"[A-ZĐ]\.", marker):
        return "group"
    if _NUMBERED.match(marker):
        return "number"
    if _MINOR.match(marker) or not marker:
        return "minor"
    return None


def _item(siblings: list[Task], parent: Task | None, text: str, where: str) -> Task:
    """The body's item the row repeats word for word (still without bodies), or the one it words otherwise (the row's
    words then), or a new task."""
    free = [t for t in siblings if not t.leads and not t.supports and not t.subtasks]
    same = [t for t in free if _words(t.text) == _words(text)]
    if parent is not None and len(same) == 1:
        return same[0]
    like = [t for t in free if _reworded(t.text, text)] if parent is not None and not same else []
    if len(like) == 1:
        like[0].text, like[0].where = text[0].upper() + text[1:], where
        return like[0]
    return _add(siblings, parent, text, where)


def _reworded(item: str, row: str) -> bool:
    """The row words the item otherwise (after the twenty-first set): one sentence each, the same but for a few words
    ("Thường xuyên kiểm tra …" / "Tổ chức kiểm tra …"), or the item's sentence with its doer before the row's words
    ("Giao Văn phòng … tham mưu UBND tỉnh …" / "Tham mưu UBND tỉnh …")."""
    from rapidfuzz import fuzz

    if any(_SENTENCE.search(x.strip().rstrip(".")) for x in (item, row)):
        return False  # an item of several sentences is wider than one row
    a, b = _words(item), _words(row)
    if len(b.split()) < 8:
        return False
    return fuzz.ratio(a, b) >= 90 or a.endswith(" " + b) and len(b) >= 0.6 * len(a)


def _within(a: str, b: str) -> bool:
    """The shorter name's words (three or more) are the longer's, in order."""
    short, long = sorted((a.split(), b.split()), key=len)
    if len(short) < 3 or short == long:
        return False
    it = iter(long)
    return all(w in it for w in short)


def _words(text: str) -> str:
    """A task's words, "UBND" / "HĐND" written out (a table abbreviates what the body writes whole)."""
    return plain(re.sub(r"\bUBND\b", "Ủy ban nhân dân", re.sub(r"\bHĐND\b", "Hội đồng nhân dân", text)))


def _add(siblings: list[Task], parent: Task | None, text: str, where: str) -> Task:
    tid = f"{parent.id}_{len(siblings) + 1}" if parent is not None else f"t{len(siblings) + 1}"
    task = Task(tid, text[0].upper() + text[1:], where)
    siblings.append(task)
    return task


def _agencies(task: Task, cells: list[str], col: dict[str, int], where: str) -> None:
    # "Trưởng ban Pháp ch ế": a copy's stray spaces are not kept in a body's name
    cells = [unsplit_letters(c) if x in (col.get("doer"), col.get("lead"), col.get("support")) else c
             for x, c in enumerate(cells)]
    if "doer" in col and cells[col["doer"]]:
        doer_agencies(task, cells[col["doer"]], where)
    if "lead" in col and cells[col["lead"]]:
        task.leads = split_agencies(_REMARK.sub("", cells[col["lead"]]))
    if "support" in col and cells[col["support"]]:
        task.supports = split_agencies(_REMARK.sub("", cells[col["support"]]))
    if "time" in col and cells[col["time"]]:
        y = re.fullmatch(r"(?:năm\s+)?(\d{4})\.?", cells[col["time"]].strip(), re.IGNORECASE)
        task.due = int(y.group(1)) if y else cells[col["time"]].strip(" .")
