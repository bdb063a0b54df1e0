"""A task table in a gazette's text layer, one cell a line and each cell wrapped over narrow lines (after the
thirteenth held-out set): "TT" / "Tên nhiệm vụ" / "Cơ quan" / "chủ trì" / "Cơ quan" / "phối hợp" / "Kết quả" /
"Thời gian" / "hoàn thành" / …, the header printed again on every page, footnotes inside the table, and per row its
number, the task's wrapped lines, the lead's and the supports' cells ("Các bộ," / "cơ quan ngang bộ" / "Bộ Nội vụ"),
then its result, its time and its other cells. A row may be split into sub-rows (a second result and time, the lead
and supports written again, or a second lead: "Bộ Tư pháp (đối với …)" then "Bộ Tài chính (đối với …)").

Joined as sentences, such lines run the columns into each other ("Các bộ, cơ quan ngang bộ Bộ Tư pháp", whole pages
in one line). So before the lines are joined each row is put back into one Markdown row ("| 1 | task | lead |
supports | result | time | … |", :func:`plandsl.importer.document.pipe_row`) for the task table reader.

A row is rebuilt only when its layout is plain: its number is the next one (alone, or before the task's first words),
the task comes first, and the first line after it that opens a body's name ("Các bộ", "Bộ …" but not "Bộ Chính trị",
"UBND", "Đài …") starts the lead's cell. A body's cell goes on over a line that follows a comma, "và" or an open
bracket, a line that opens with a word of a list of kinds ("cơ quan", "ngang bộ", "ngành", "thành phố", …) and a
short line after a capitalised word ("Bộ Tài" / "chính", "Đài Truyền" / "hình Việt"); the next body's name after a
finished cell starts the supports' cell. A later run of body cells in the row (after its time) is a sub-row: its
lead, when it is new, is one more lead of the same task; its other cells go into the result cell. When a row runs
over a page, what the page after it holds before the next row is kept in the result cell as written (a task's name
cut by the page may go on there). Nothing is rebuilt when a row does not read so: the table stays lines, as before.
"""

from __future__ import annotations

import re

_HEAD_WORDS = re.compile(r"^(?:STT|TT|Tên nhiệm vụ|Nhiệm vụ|Cơ quan|chủ trì|phối hợp|Kết quả|Sản phẩm|Thời gian|"
                         r"hoàn thành|Thời hạn|Căn cứ|bổ sung|Ghi chú)$")
_BODY = re.compile(r"^(?:Các bộ|Bộ (?!Chính trị\b)(?=[A-ZĐÀ-Ỹ])|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Đài |Ngân hàng Nhà nước|"
                   r"Văn phòng Chính phủ|Thanh tra Chính phủ|Tòa án|Viện kiểm sát|Kiểm toán Nhà nước|Bảo hiểm xã hội|"
                   r"Thông tấn xã)")
_KIND_GOES_ON = re.compile(r"^(?:cơ quan|ngang bộ|ngành|thành phố|tỉnh|trực thuộc|trung ương|và các|địa phương)\b")
_FOOTNOTE = re.compile(r"^\d{1,2} [A-ZĐÀ-Ỹ]")
_TIME = re.compile(r"^(?:Tháng$|Tháng \d|Quý\b|Năm \d|Thường$|Thường xuyên|Hằng năm|\d{4}(?:\s*-\s*\d{4})?$)")
_QUALIFIER = re.compile(r"\s*\((?:đối với|theo chức năng)[^()]*\)")
_BASIS = re.compile(r"^(?:Nghị quyết|Chương|Nghị định|Quyết định số|Kết luận số|Chỉ thị)\b")
_TIME_REST = re.compile(r"^(?:\d{1,2}/\d{4}|[IV]{1,3}/\d{4}|xuyên|\d{4})$")


def _header(raw: list[tuple[str, str]], i: int) -> int:
    """How many lines the header starting at ``i`` takes (0: no task table's header)."""
    if raw[i][0].strip() not in ("TT", "STT"):
        return 0
    j = i + 1
    while j < len(raw) and _HEAD_WORDS.match(raw[j][0].strip()):
        j += 1
    words = " ".join(t.strip() for t, _w in raw[i:j])
    return j - i if "Tên nhiệm vụ" in words and "chủ trì" in words and "phối hợp" in words else 0


def _columns(lines: list[str]) -> list[str]:
    """The header's cells: a line in lower case goes on with the one before."""
    cols: list[str] = []
    for t in lines:
        if cols and t[:1].islower():
            cols[-1] = f"{cols[-1]} {t}"
        else:
            cols.append(t)
    return cols


def _goes_on(cell: list[str], line: str) -> bool:
    prev = cell[-1]
    text = " ".join(cell)
    if prev.endswith(",") or prev.endswith(" và") or text.count("(") > text.count(")"):
        return True
    if _BODY.match(line):
        return False
    last = prev.split()[-1] if prev.split() else ""
    return bool(_KIND_GOES_ON.match(line)) or last[:1].isupper() and (line[:1].islower() or len(line.split()) <= 2)


def _bodies(lines: list[str], k: int) -> tuple[list[str], int]:
    """The body cells (at most two) starting at ``lines[k]``, and where they end."""
    cells: list[list[str]] = []
    while k < len(lines):
        line = lines[k]
        if cells and _goes_on(cells[-1], line):
            cells[-1].append(line)
        elif _BODY.match(line) and len(cells) < 2:
            cells.append([line])
        else:
            break
        k += 1
    return [" ".join(c) for c in cells], k


def _row(number: str, lines: list[str], columns: int) -> list[str] | None:
    """The cells of one row from its lines (its number taken off), or None when they do not read plainly."""
    k = next((n for n, line in enumerate(lines) if n and _BODY.match(line)), None)
    if k is None:
        return None
    task = " ".join(lines[:k])
    bodies, k = _bodies(lines, k)
    lead, support = bodies[0], bodies[1] if len(bodies) > 1 else ""
    rest = lines[k:]
    t = next((n for n, line in enumerate(rest) if n and _TIME.match(line)), None)
    if t is None:  # no time that reads as one ("Báo cáo" / "hằng năm" / "2026 và" / …): the result runs to the basis
        t = next((n for n, line in enumerate(rest) if n and _BASIS.match(line)), len(rest))
        result, time = " ".join(rest[:t]), []
    else:
        result, time = " ".join(rest[:t]), [rest[t]]
        if t + 1 < len(rest) and _TIME_REST.match(rest[t + 1]):
            time.append(rest[t + 1])
    other: list[str] = []  # the other cells, a sub-row's result and time, what a page break carried over
    m = t + len(time)
    while m < len(rest):
        line = rest[m]
        if _BODY.match(line) and not (other and _goes_on([other[-1]], line)):
            sub, m = _bodies(rest, m)
            if sub[0] not in lead:
                lead = f"{lead}, {sub[0]}"
            if len(sub) > 1 and sub[1] not in support:
                support = f"{support}, {sub[1]}" if support else sub[1]
            continue
        other.append(line)
        m += 1
    bare = _QUALIFIER.sub("", lead)
    if bare != lead:  # a qualifier is no part of the lead's name: kept with the other cells, as written
        other.insert(0, f"(chủ trì: {lead})")
    cells = [number, task, bare, support, result, " ".join(time), " ".join(other)]
    return cells[:columns] + [""] * (columns - len(cells)) if columns >= 6 else None


def rebuild(raw: list[tuple[str, str]], row) -> list[tuple[str, str]]:
    """``raw`` (text, where) lines with such a task table replaced by its rows (``row(cells)`` makes a row's text),
    its footnotes kept as lines before it (where they stand, they would end a row); everything else, and a table that does not read plainly, as it was."""
    i = next((n for n in range(len(raw)) if _header(raw, n)), None)
    if i is None:
        return raw
    k = _header(raw, i)
    columns = _columns([t.strip() for t, _w in raw[i:i + k]])
    body: list[tuple[str, str]] = []  # the table's lines, without the repeated headers and the footnotes
    notes: list[tuple[str, str]] = []
    j = i + k
    while j < len(raw):
        text = raw[j][0].strip()
        if not text:
            j += 1
            continue
        if (h := _header(raw, j)):
            j += h
            continue
        if re.match(r"^(?:TM\.|KT\.|Nơi nhận)", text):
            break
        if _FOOTNOTE.match(text) and len(text) > 50 or notes and notes[-1][1] == raw[j - 1][1] and text[:1].islower() \
                and len(text) > 50:
            notes.append(raw[j])
        else:
            body += [(part, raw[j][1]) for part in re.split(r"\s{2,}", text)]
        j += 1
    rows: list[tuple[str, str]] = []
    n = 1
    starts = []
    for p, (text, _w) in enumerate(body):
        m = re.match(rf"^{n}(?:\s+(?P<rest>[A-ZĐÀ-Ỹ“].*))?$", text)
        if m:
            starts.append((p, str(n), m.group("rest")))
            n += 1
    if not starts or starts[0][0] != 0:
        return raw
    for s, (p, number, first) in enumerate(starts):
        end = starts[s + 1][0] if s + 1 < len(starts) else len(body)
        lines = ([first] if first else []) + [t for t, _w in body[p + 1:end]]
        cells = _row(number, lines, len(columns))
        if cells is None:
            return raw
        rows.append((row(cells), body[p][1]))
    return [*raw[:i], *notes, (row(columns), raw[i][1]), *rows, *raw[j:]]
