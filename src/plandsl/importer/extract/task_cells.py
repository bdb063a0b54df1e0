"""Reading a task table's rows from the copy, one cell per line (split from task_table.py, which finds the tables
and their headers and makes the tasks): where a row starts and ends (its number, a group row, what follows the
table), and which way of reading its lines lines up with the columns (``read_row``): the task over up to three
lines, then a lead cell that names a body, a supports cell that names bodies and a time cell that says a time. Rows
merged with rows of their own (``_merged``), numbered rows over "-" sub-rows (``sub_rows``) and a lettered row split
over a page (``_page_split``) are read here too."""

from __future__ import annotations

import re

NUMBER = re.compile(r"^(?:stt|tt|số tt)$")
GROUP = re.compile(r"^(?:[IVX]{1,5}|[A-Z])[.)]\s+(?P<rest>\S.*)$")
# What a lead cell names (a body) and what a time cell says; a row whose cells do not read so is not lined up.
AGENCYISH = re.compile(r"^(?=[A-ZĐÀ-Ỹ]).*?\b(?:Sở|Bộ|Ban|Ủy ban|Uỷ ban|UBND|Hội|Công an|Trung tâm|Cục|Văn phòng|Đài|Báo|"
                        r"Liên hiệp|Liên minh|Hiệp hội|Đoàn|Viện|Trường|Ngân hàng|Bảo hiểm|Kho bạc|Doanh nghiệp|"
                        r"doanh nghiệp|KH&CN|[Cc]ác|Tòa án|Thanh tra|Quỹ|Chi nhánh|Cơ quan|[Đđ]ịa phương|Phòng(?!\s*,)|Vụ)\b")
_TIMEISH = re.compile(r"\d|thường xuyên|hằng|hàng|quý|năm|tháng|định kỳ|liên tục|giai đoạn|theo|sau khi|khi có",
                      re.IGNORECASE)
AFTER_TABLE = re.compile(r"^(?:TM\.|KT\.|Nơi nhận|PHỤ LỤC|Ghi chú)", re.IGNORECASE)
LETTER = re.compile(r"(?:[a-zđ]|đđ|dd)\)")  # a lettered row's marker in a cell of its own ("a)", "đ)")
_BODY_START = re.compile(r"(?:Ủy ban|Uỷ ban|UBND|Sở|Bộ|Ban|Hội đồng|Các (?:bộ|sở|cơ quan)|Cơ sở (?:khám|y tế))\b")
_NEW_BODY = re.compile(r"(?:Ủy ban|Uỷ ban|UBND|Sở|Bộ|Ban|Hội đồng|Các|Cơ quan)\b")  # not a name's rest after "và"
_CUT_CELL = re.compile(r"(?:,|\s(?:cơ|các|và|của|ở))$")
_TIME_CUT = re.compile(r"(?:Năm|Giai đoạn|Quý [IV]{1,3}|Tháng|Trước|Từ)")  # a time cell's first line, alone
GROUP_MARK = re.compile(r"^[IVX]{1,5}\.?$")  # a group row's number in a cell of its own ("I" / "NHÓM GIẢI PHÁP …")

def cell_key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\[\d{1,2}\]", "", text.replace("*", ""))).strip().lower()  # "[1]": a footnote


def group_row(text: str) -> bool:
    """A group row in one cell: "I. NÂNG CAO NHẬN THỨC …" in capitals, or with a roman number in sentence case as
    the gazette's tables write it ("II. Hoàn thiện thể chế về …")."""
    return bool(GROUP.match(text)) and (text.isupper() or re.match(r"[IVX]{1,5}\.\s+[A-ZĐÀ-Ỹ]", text) is not None)


def is_group(cells: list[str], j: int) -> bool:
    text = cells[j].replace("*", "").strip()
    return group_row(text) \
        or bool(GROUP_MARK.match(text)) and j + 1 < len(cells) and not re.fullmatch(r"\d{1,3}", cells[j + 1])


def starts_row(cells: list[str], j: int, n: int, letters: bool = False) -> bool:
    """Whether the cell at ``j`` opens the next row (its number, or its letter among lettered rows), a group row, or
    what follows the table."""
    text = cells[j].replace("*", "").strip()
    if letters and LETTER.fullmatch(text):
        return True
    if re.fullmatch(r"[….]{5,}", text):
        return True  # "…......": a part of the table lost in the copy starts here
    if NUMBER.match(cell_key(text)):
        return True  # "TT": the header repeated at the top of a page
    return text == str(n + 1) or group_row(text) or bool(AFTER_TABLE.match(text)) \
        or bool(GROUP_MARK.match(text)) and j + 1 < len(cells) and not re.fullmatch(r"\d{1,3}", cells[j + 1])


def read_row(cells: list[str], i: int, kinds: list[str], n: int, letters: bool = False) -> tuple[dict, int] | None:
    """The cells of the row numbered at ``i`` by kind, and where the next row starts; None when they do not line up.

    The row runs to the next row's number, a group row or the table's end. The copy breaks a long cell over lines
    when a line opens in capitals ("Phối hợp rà soát, sửa đổi Luật" / "Quy hoạch và …"), and drops an empty cell:
    the task may take up to three lines and trailing columns other than the lead, supports and time may be empty,
    when exactly one way of reading gives a lead cell that names a body, a supports cell that names bodies and a time
    cell that says a time. Otherwise (or when the row does not end where the next begins) nothing is read."""
    j = i + 1
    while j < len(cells) and not starts_row(cells, j, n, letters):
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


def sub_rows(cells: list[str], i: int, kinds: list[str], n: int) -> tuple[int, list] | None:
    """A numbered row over sub-rows ("4" / its task on up to three lines / "-" / a sub-row's task and cells / "-" / …):
    where its task's cells end and each sub-row (its "-", its reading, where it ends), or None when any does not
    read. A sub-row may give fewer cells than the columns (the supports and time of merged cells, given once)."""
    j = next((j for j in range(i + 2, min(i + 5, len(cells))) if cells[j].strip() == "-"), None)
    if j is None or any(starts_row(cells, k, n) for k in range(i + 1, j)) or not cells[j - 1].endswith((".", ":", ";")):
        return None
    top, subs = j, []
    while j < len(cells) and cells[j].strip() == "-":
        e = next((e for e in range(j + 1, min(j + 12, len(cells))) if cells[e].strip() == "-"
                  or starts_row(cells, e, n)), None)
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
