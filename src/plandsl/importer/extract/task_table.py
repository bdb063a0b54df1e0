"""A table of tasks, usually an appendix ("PHỤ LỤC / DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM"), copied one cell per line:
"STT" / "Tên nhiệm vụ" / "Cơ quan chủ trì" / "Cơ quan phối hợp" / "Thời gian hoàn thành", then per row its number,
the task, the lead, the supports and the time, with group rows ("I. NÂNG CAO NHẬN THỨC …") between them.

Each row is a task with the "chủ trì" cell as its lead(s) and the "phối hợp" cell as its supports, under the group
row before it. A row is read only when its cells line up (the next row's number, a group row or the table's end
right after its last cell); a row that does not is left as lines not placed, and after a part of the table lost in
the copy reading goes on only at the next group row. A group row that repeats a task of the body word for word
takes its rows as that task's sub-tasks. A row's cells merged with rows of its own (rows without a number under it,
or two sentences printed with a lead and a supports line each) give a task for each (``_merged``)."""

from __future__ import annotations

import re

from plandsl.importer.document import pipe_cells
from plandsl.importer.draft import Task
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import sentence_case, split_agencies
from plandsl.importer.extract.table import PIPE, PIPE_RULE
from plandsl.importer.extract.table_numbers import by_group
from plandsl.importer.extract.tasks import doer_agencies

_NUMBER = re.compile(r"^(?:stt|tt|số tt)$")
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
_GROUP = re.compile(r"^(?:[IVX]{1,5}|[A-Z])[.)]\s+(?P<rest>\S.*)$")
# What a lead cell names (a body) and what a time cell says; a row whose cells do not read so is not lined up.
AGENCYISH = re.compile(r"^(?=[A-ZĐÀ-Ỹ]).*?\b(?:Sở|Bộ|Ban|Ủy ban|Uỷ ban|UBND|Hội|Công an|Trung tâm|Cục|Văn phòng|Đài|Báo|"
                        r"Liên hiệp|Liên minh|Hiệp hội|Đoàn|Viện|Trường|Ngân hàng|Bảo hiểm|Kho bạc|Doanh nghiệp|"
                        r"doanh nghiệp|KH&CN|[Cc]ác|Tòa án|Thanh tra|Quỹ|Chi nhánh|Cơ quan|[Đđ]ịa phương|Phòng(?!\s*,)|Vụ)\b")
_TIMEISH = re.compile(r"\d|thường xuyên|hằng|hàng|quý|năm|tháng|định kỳ|liên tục|giai đoạn|theo|sau khi|khi có",
                      re.IGNORECASE)
_AFTER_TABLE = re.compile(r"^(?:TM\.|KT\.|Nơi nhận|PHỤ LỤC|Ghi chú)", re.IGNORECASE)
_LETTER = re.compile(r"(?:[a-zđ]|đđ|dd)\)")  # a lettered row's marker in a cell of its own ("a)", "đ)")
_BODY_START = re.compile(r"(?:Ủy ban|Uỷ ban|UBND|Sở|Bộ|Ban|Hội đồng|Các (?:bộ|sở|cơ quan)|Cơ sở (?:khám|y tế))\b")
_NEW_BODY = re.compile(r"(?:Ủy ban|Uỷ ban|UBND|Sở|Bộ|Ban|Hội đồng|Các|Cơ quan)\b")  # not a name's rest after "và"
_CUT_CELL = re.compile(r"(?:,|\s(?:cơ|các|và|của|ở))$")
_TIME_CUT = re.compile(r"(?:Năm|Giai đoạn|Quý [IV]{1,3}|Tháng|Trước|Từ)")  # a time cell's first line, alone
_GLUED_NUMBER = re.compile(r"(\d{1,3})\.\s+([A-ZĐÀ-Ỹ].*)")  # a row's number and its task's first line, one line
_GROUP_MARK = re.compile(r"^[IVX]{1,5}\.?$")  # a group row's number in a cell of its own ("I" / "NHÓM GIẢI PHÁP …")


def _cell(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\[\d{1,2}\]", "", text.replace("*", ""))).strip().lower()  # "[1]": a footnote


def column_kind(text: str) -> str | None:
    """What a header cell names: "number", "task", "lead", "support", "time", "other", "exec" (the bodies that carry
    it out, "Cơ quan thực hiện"), or None."""
    c = _cell(text)
    if _NUMBER.match(c):
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
    if not _NUMBER.match(_cell(cells[i])):
        return None
    kinds = ["number"]
    spanning = None  # where the "Cơ quan thực hiện" column is
    asides = 0
    for text in cells[i + 1:i + 8]:
        c = _cell(text)
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
            c = _cell(text)
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
    inspected = any(_INSPECTED.match(_cell(c)) for c in cells[i + 1:i + length]) and kinds[2:] == ["time"]
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
        if lettered and _LETTER.fullmatch(text):
            read = _row(cells, i, kinds, n - 1, letters=True)
            if read is None:  # a lettered row that does not line up: left as lines, reading goes on at the next one
                i = next((j for j in range(i + 1, min(i + len(kinds) + 8, len(cells)))
                          if _starts_row(cells, j, n - 1, letters=True)), len(cells))
                continue
            rows.append(("row", i, read[0] | {"end": read[1], "sub": True}))
            i = read[1]
            continue
        lettered = False
        again = _header(cells, i) if _NUMBER.match(_cell(text)) else None
        if again is not None and again[0] == kinds:
            repeats.append(i)  # the header repeated at the top of a page: the rows go on after it
            i += again[1]
            if rows and rows[-1][0] == "row" and rows[-1][2]["end"] == repeats[-1] and i < len(cells) and (
                    cells[i][:1].islower() or _cell(cells[i - 1]) != _cell(cells[first + k - 1])):
                rows.pop()  # the row before goes on after the header (joined onto its last cell or not): not read
            # the rest of a row not read, cut by the page ("quan, tổ chức có liên quan"), before the next row's number
            tail = next((j for j in range(i, min(i + 3, len(cells))) if not cells[j][:1].islower()), i)
            i = tail if cells[tail:tail + 1] == [str(n + 1)] else i
            n += 1 if cells[i:i + 1] == [str(n + 1)] else 0  # (after a row left as lines, the page's first row)
            continue
        if _group_row(text) or _GROUP_MARK.match(text) and i + 1 < len(cells) \
                and not re.fullmatch(r"\d{1,3}", cells[i + 1]):
            i += 1 if _GROUP.match(text) else 2
            # a group's name on two lines ("IV. Tăng cường … ở" / "Trung ương và địa phương, …") before a row's number
            more = i + 1 < len(cells) and not cells[i - 1].endswith((".", ":", ";")) and not _starts_row(cells, i, n) \
                and not re.fullmatch(r"\d{1,3}", cells[i]) and cells[i + 1] in ("1", str(n), str(n + 1))
            rows.append(("group", i - (1 if _GROUP.match(text) else 2), {"more": int(more)}))
            i += int(more)
            # rows numbered on across the groups ("6", "II. …", "7"): after a row left as lines ("10" not read, "III.
            # …", "11") the next group's first row is the one after it
            onward = onward or n > 1 and cells[i:i + 1] == [str(n)]
            n = 1 if cells[i:i + 1] == ["1"] else n + 1 if onward and cells[i:i + 1] == [str(n + 1)] else n
            continue
        read = _row(cells, i, kinds, n) if cells[i] == str(n) else None
        subs = _sub_rows(cells, i, kinds, n) if read is None and cells[i] == str(n) else None
        if subs is not None:  # "4" / its task / "-" / a sub-row's cells / "-" / …: the task over its sub-rows
            rows.append(("parent", i, {"end": subs[0]}))
            rows += [("row", at, found | {"end": end, "sub": True}) for at, found, end in subs[1]]
            n, i = n + 1, subs[1][-1][2]
            continue
        if read is None:
            # A row that does not line up (merged cells, a sub-row) is left as lines; reading goes on at the next
            # row's number when it comes soon after.
            nxt = next((j for j in range(i + 1, min(i + len(kinds) + 8, len(cells))) if cells[i] == str(n)
                        and _starts_row(cells, j, n) and not _AFTER_TABLE.match(cells[j])), None)
            if nxt is None and (cells[i] == str(n) or repeats and repeats[-1] + k == i):
                # A row of sub-rows ("4" / its name / "-" / a sub-row's cells …), or the rest of one cut by the page
                # after the repeated header: reading goes on at the next row's number, alone in its cell before a
                # task's text, further on.
                nxt = next((j for j in range(i + 1, min(i + 40, len(cells))) if cells[j] == str(n + 1)
                            and j + 1 < len(cells) and len(cells[j + 1]) > 40), None)
            if nxt is None:
                # A part of the table lost in the copy ("…......"): its rows belong to a group row that is gone, so
                # reading goes on only at the next group row, which numbers its rows from 1 again.
                nxt = next((j for j in range(i + 1, min(i + 150, len(cells))) if _AFTER_TABLE.match(cells[j])
                            or _is_group(cells, j)), None)
                if nxt is None or not _is_group(cells, nxt):
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
    taken.update(j for at in repeats if at < i for j in range(at, at + k) if _cell(cells[j]) == _cell(cells[first + j - at]))
    group: Task | None = None
    head: Task | None = None  # the numbered row over lettered rows
    # "Trách nhiệm thực hiện": the one body a row names there answers for it (after the twentieth set)
    sole = "doer" in kinds and any(re.match(r"trách nhiệm", _cell(c)) for c in cells[first:first + k])
    # "Đơn vị được kiểm tra": each row the inspection of one unit, no lead; its group rows are labels, not tasks
    inspected = any(_INSPECTED.match(_cell(c)) for c in cells[first:first + k])
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
            taken.update(range(at, at + (1 if _GROUP.match(cells[at].replace("*", "").strip()) else 2) + row["more"]))
            continue
        if kind == "group":
            g = _GROUP.match(cells[at].replace("*", "").strip())
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
        heads = [c.replace("*", "").strip() for c in cells[first:first + k] if not _ASIDE.fullmatch(_cell(c))]
        names = heads if len(heads) == len(kinds) else None  # (a column's note in a cell of its own is no column)
        task.notes += [f"{names[2 + n]}: {v}" if names else v for n, v in row["notes"]]
        siblings.append(task)
        taken.update(range(at, row["end"]))
    return i


def _group_row(text: str) -> bool:
    """A group row in one cell: "I. NÂNG CAO NHẬN THỨC …" in capitals, or with a roman number in sentence case as
    the gazette's tables write it ("II. Hoàn thiện thể chế về …")."""
    return bool(_GROUP.match(text)) and (text.isupper() or re.match(r"[IVX]{1,5}\.\s+[A-ZĐÀ-Ỹ]", text) is not None)


def plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _is_group(cells: list[str], j: int) -> bool:
    text = cells[j].replace("*", "").strip()
    return _group_row(text) \
        or bool(_GROUP_MARK.match(text)) and j + 1 < len(cells) and not re.fullmatch(r"\d{1,3}", cells[j + 1])


def _starts_row(cells: list[str], j: int, n: int, letters: bool = False) -> bool:
    """Whether the cell at ``j`` opens the next row (its number, or its letter among lettered rows), a group row, or
    what follows the table."""
    text = cells[j].replace("*", "").strip()
    if letters and _LETTER.fullmatch(text):
        return True
    if re.fullmatch(r"[….]{5,}", text):
        return True  # "…......": a part of the table lost in the copy starts here
    if _NUMBER.match(_cell(text)):
        return True  # "TT": the header repeated at the top of a page
    return text == str(n + 1) or _group_row(text) or bool(_AFTER_TABLE.match(text)) \
        or bool(_GROUP_MARK.match(text)) and j + 1 < len(cells) and not re.fullmatch(r"\d{1,3}", cells[j + 1])


def _row(cells: list[str], i: int, kinds: list[str], n: int, letters: bool = False) -> tuple[dict, int] | None:
    """The cells of the row numbered at ``i`` by kind, and where the next row starts; None when they do not line up.

    The row runs to the next row's number, a group row or the table's end. The copy breaks a long cell over lines
    when a line opens in capitals ("Phối hợp rà soát, sửa đổi Luật" / "Quy hoạch và …"), and drops an empty cell:
    the task may take up to three lines and trailing columns other than the lead, supports and time may be empty,
    when exactly one way of reading gives a lead cell that names a body, a supports cell that names bodies and a time
    cell that says a time. Otherwise (or when the row does not end where the next begins) nothing is read."""
    j = i + 1
    while j < len(cells) and not _starts_row(cells, j, n, letters):
        j += 1
        if j - i > len(kinds) + 3:
            return None
    span = cells[i + 1:j]
    if any(re.fullmatch(r"\d{1,3}", c) for c in span):
        return None
    after = kinds[2:]  # the columns after the task
    merged = None if letters else _merged(span, after)
    if merged:
        return merged[0][1] | {"more": [(i + 1 + at, row) for at, row in merged[1:]]}, j
    span = _joined(span)
    found = _read(span, after)
    if not found and letters:
        split = _page_split(span, after)
        found = _read(split, after) if split else []
    return (found[0], j) if len(found) == 1 else None


_WHEN_CELL = re.compile(r"(?:năm|quý|tháng|giai đoạn|\d{4}|thường xuyên|hằng|hàng năm)\b", re.IGNORECASE)


def _task_like(text: str) -> bool:
    # (a body named in its first words: a lead's cell; "các" further on may be in a task's text)
    return len(text) >= 30 and text[:1].isupper() and not AGENCYISH.match(text[:25]) and not _TIMEISH.match(text)


def _merged(span: list[str], after: list[str]) -> list[tuple[int, dict]] | None:
    """A row whose cells are merged with rows of its own (after the eighteenth set), each reading with where its task
    starts in ``span``; None for another shape. Two shapes: the row's cells, then rows without a number of a task
    ending with a stop, its lead and maybe its supports and time, the others given once for both (merged cells:
    "1" / task / lead / supports / time / … / "Xây dựng hạ tầng … sự cố." / "Trung tâm …"); or a row printing two
    or three sentences, then as many leads and as many supports, one a line, and the cells they share ("4" / "Bố
    trí nhân lực … quy hoạch." / "Bố trí nhân lực … khai thác …." / lead / lead / supports / supports / time / …)."""
    if not {"lead", "support"} <= set(after):
        return None
    for k in range(2, len(span) - 1):
        if not (_task_like(span[k]) and span[k].endswith(".") and AGENCYISH.match(span[k + 1])):
            continue
        main = _read(_joined(span[:k]), after)
        subs: list[tuple[int, dict]] = []
        at = k
        while len(main) == 1 and at < len(span) and _task_like(span[at]) and span[at].endswith(".") \
                and at + 1 < len(span) and AGENCYISH.match(span[at + 1]):
            row = {"task": span[at], "lead": span[at + 1], "support": main[0].get("support", ""),
                   "time": main[0].get("time", ""), "notes": []}
            e = at + 2
            if e < len(span) and AGENCYISH.match(span[e]):
                row["support"], e = span[e], e + 1
            if e < len(span) and "time" in after and _WHEN_CELL.match(span[e]):
                row["time"], e = span[e], e + 1
            subs.append((at, row))
            at = e
        if subs and at == len(span):
            return [(0, main[0])] + subs
    for m in (2, 3):
        tasks, leads, supports = span[:m], span[m:2 * m], span[2 * m:3 * m]
        if len(span) > 3 * m and all(_task_like(t) and t.endswith(".") for t in tasks) \
                and all(AGENCYISH.match(c) for c in leads + supports):
            rest = _read([tasks[0], leads[0], supports[0]] + span[3 * m:], after)
            if len(rest) == 1:
                return [(x, rest[0] | {"task": tasks[x], "lead": leads[x], "support": supports[x]}
                         | ({"notes": []} if x else {})) for x in range(m)]
    return None


def _joined(span: list[str]) -> list[str]:
    """The lines of a row's cells, with a cell cut over two lines put back together."""
    # A cell cut after "và", "ở" or a comma ("Sở Nông nghiệp và" / "Môi trường", "Các bộ ở" / "Trung ương,") goes on
    # in the next line.
    # A time cut after its first word ("Năm" / "2026 - 2027", "Giai đoạn" / "2026 - 2030") goes on too, and so does a
    # ministry's name cut after "Bộ Công" ("Bộ Công" / "Thương").
    joined: list[str] = []
    for c in span:
        if joined and len(joined) > 1 and (re.search(r"(?:\s(?:và|của|ở)|,)$", joined[-1])
                                           and not (joined[-1].endswith(" và") and _NEW_BODY.match(c))
                                           or _TIME_CUT.fullmatch(joined[-1]) and c[:1].isdigit()
                                           or joined[-1].endswith("Bộ Công") and c.startswith("Thương")):
            joined[-1] = f"{joined[-1]} {c}"
        else:
            joined.append(c)
    return joined


def _sub_rows(cells: list[str], i: int, kinds: list[str], n: int) -> tuple[int, list] | None:
    """A numbered row over sub-rows ("4" / its task on up to three lines / "-" / a sub-row's task and cells / "-" / …):
    where its task's cells end and each sub-row (its "-", its reading, where it ends), or None when any does not
    read. A sub-row may give fewer cells than the columns (the supports and time of merged cells, given once)."""
    j = next((j for j in range(i + 2, min(i + 5, len(cells))) if cells[j].strip() == "-"), None)
    if j is None or any(_starts_row(cells, k, n) for k in range(i + 1, j)) or not cells[j - 1].endswith((".", ":", ";")):
        return None
    top, subs = j, []
    while j < len(cells) and cells[j].strip() == "-":
        e = next((e for e in range(j + 1, min(j + 12, len(cells))) if cells[e].strip() == "-"
                  or _starts_row(cells, e, n)), None)
        if e is None:
            return None
        span = _joined(cells[j + 1:e])
        after = kinds[2:]
        lines = (1,) if span[0].endswith(".") else (1, 2)  # a sub-row's task that ends with a stop is one line
        found = [f for t in lines for f in _read_as(span, after, t)] \
            or [f for short in (after[:1], after[:2], [after[0], "time"]) if short != after
                and (short == after[:1] or all(k in after for k in short)) for t in lines for f in _read_as(span, short, t)]
        if len(found) != 1:
            return None
        subs.append((j, found[0], e))
        j = e
    return (top, subs) if subs else None


def _page_split(span: list[str], after: list[str]) -> list[str] | None:
    """A lettered row split over a page: its cells, then the rest of the first ones ("… thẩm định" / "Viện A, Cục" /
    "Vụ B; …" / "Quý IV/2026" / "kết quả giảm phát thải; …" / "Lâm nghiệp và Kiểm lâm"), put back together; None for
    another shape. The task's rest opens in lower case (the copy may have joined it onto the time: "Quý IV/2026, 2027
    kết quả …") and the task's cell ends with no stop; the lead's rest goes on a cell cut after a body's head word, a
    comma or "và"."""
    if "other" in after or len(span) <= len(after) + 1:
        return None
    cells, rests = span[:len(after) + 1], span[len(after) + 1:]
    glued = re.match(r"^(?P<time>.*\d{4})\s+(?P<rest>[a-zđà-ỹ].*)$", cells[-1]) if after[-1] == "time" else None
    if glued:
        cells, rests = cells[:-1] + [glued.group("time")], [glued.group("rest")] + rests
    if len(rests) > 2 or not rests[0][:1].islower() or cells[0].endswith((".", ";", ":")):
        return None
    if len(rests) == 2 and not re.search(r"(?:\s(?:và|của|Cục|Vụ|Sở|Bộ|Viện|Ban|Tổng cục|Chi cục)|,)$", cells[1]):
        return None
    return [f"{c} {r}" for c, r in zip(cells, rests)] + cells[len(rests):]


def _read(span: list[str], after: list[str]) -> list[dict]:
    """The ways of reading ``span`` (the task's lines, then the cells after it) that line up."""
    found = []
    for t in (1, 2, 3):
        found += _read_as(span, after, t)
    if not found and "support" in after and "time" in after:
        # An empty supports cell, dropped in the copy: the lead's cell, then the time's (which names no body); not
        # when the lead's cell is cut ("Bộ Tài chính, các bộ, ngành, cơ": the rest is on the next page)
        short = [k for k in after if k != "support"]
        column = [p for p, k in enumerate(after) if k != "support"]  # a note's column among all of them
        found = [f | {"notes": [(column[n], v) for n, v in f["notes"]]} for t in (1, 2, 3)
                 for f in _read_as(span, short, t) if not AGENCYISH.match(f["time"]) and not _CUT_CELL.search(f.get("lead", ""))]
    if not found and "support" in after:
        # A supports cell of two bodies, one a line ("Bộ Khoa học và Công nghệ" / "Cơ quan, tổ chức và doanh nghiệp
        # liên quan") after a lead's cell of one ministry
        for t in (1, 2, 3):
            if t + 2 < len(span) and all(c.startswith("Bộ ") for c in span[t:t + 2]) and _NEW_BODY.match(span[t + 2]):
                found += _read_as(span[:t + 1] + [f"{span[t + 1]}, {span[t + 2]}"] + span[t + 3:], after, t)
    return found


def _read_as(span: list[str], after: list[str], t: int) -> list[dict]:
    """The reading of ``span`` with its first ``t`` lines as the task, when the cells after line up ([] or one)."""
    needed = len([k for k in after if k != "other"])
    rest = span[t:]
    if any(_BODY_START.match(line) for line in span[1:t]):
        return []  # "… cho người dân" / "Ủy ban nhân dân cấp tỉnh trình": a body's cell, not the task's next line
    if after[-1] == "other" and len(rest) == len(after) + 1 and not rest[-2].endswith((".", ";")):
        # a last cell broken over two lines ("Quyết định Chủ tịch" / "UBND tỉnh"); more lines are a sub-row
        rest = rest[:len(after) - 1] + [" ".join(rest[len(after) - 1:])]
    if not needed <= len(rest) <= len(after) or any(k != "other" for k in after[len(rest):]):
        return []
    cell = dict(zip(after, rest))
    if _CUT_CELL.search(cell.get("lead", "")):
        return []  # "Bộ Khoa học và": the lead's cell is cut (by a page), its rest is elsewhere
    if (AGENCYISH.match(cell.get("lead") or cell.get("doer", "")) or after == ["time"]) \
            and ("support" not in cell or AGENCYISH.match(cell["support"])) \
            and ("time" not in cell or _TIMEISH.search(cell["time"]) or cell["time"] == ""):
        others = [(n, v) for n, (k, v) in enumerate(zip(after, rest)) if k == "other" and v.strip()]
        return [{"task": " ".join(span[:t]), "notes": others} | {k: v for k, v in cell.items() if k != "other"}]
    return []
