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
over a page, the page after it goes on with the cells the break cut, column by column (:func:`_mend_break`): they
are joined to those cells; a line that may end the task or begin the next cell's part is named, not placed. Nothing
is rebuilt when a row does not read so: the table stays lines, as before.
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


def _band_cells(lines: list[str], k: int) -> tuple[int, int, int, int]:
    """Where a band's cells end in ``lines``, its bodies starting at ``lines[k]``: (its last body cell's first line,
    its bodies' end, its result's end, its time's end). A band's result runs to its time (or to its basis)."""
    _cells, e = _bodies(lines, k)
    start, m = k, k
    while m < e:  # the last body cell's first line: where a body's name opens that does not go on the one before
        if m > k and not _goes_on(lines[start:m], lines[m]):
            start = m
        m += 1
    last = start
    rest = lines[e:]
    t = next((n for n, line in enumerate(rest) if n and _TIME.match(line)), None)
    if t is None:
        t = next((n for n, line in enumerate(rest) if n and _BASIS.match(line)), len(rest))
        return last, e, e + t, e + t
    end = t + 1 + (t + 1 < len(rest) and bool(_TIME_REST.match(rest[t + 1])))
    return last, e, e + t, e + end


def _bands(lines: list[str], k: int) -> list[int]:
    """Where each band of a row starts (its first body line): the row's own, then its sub-rows' (as ``_row`` reads)."""
    starts = [k]
    _last, _e, _r, m = _band_cells(lines, k)
    other: list[str] = []
    while m < len(lines):
        line = lines[m]
        if _BODY.match(line) and not (other and _goes_on([other[-1]], line)):
            starts.append(m)
            m = _bodies(lines, m)[1]
            continue
        other.append(line)
        m += 1
    return starts


def _wide(line: str) -> bool:
    """A line wider than any of the narrow columns' (bodies, result, time, basis): only the task's column has such."""
    return len(line) >= _WIDE


_WIDE = 26


def _mend_break(lines: list[str], brk: int, unsure: list[int]) -> list[str]:
    """``lines`` (a row's, its number taken off) with what the page after a page break (at ``lines[brk]``) holds for
    the cells the break cut joined to those cells, so that the row reads as if there were no break.

    The page after a break goes on with the cut band (the row's own, or its last sub-row) column by column: the
    task's lines (wider than any other column's; the line after them, which may end the task or start the next
    cell's part, is not placed but named in ``unsure``), a body cell's name ("Đài Tiếng nói" / "Việt Nam" / "và các
    bộ,"), a second body's name in the same column (a lead "Bộ Tài chính (đối với …)" when lower-case lines of the
    result follow it), the result's part, the time's rest, the basis; what follows (a sub-row) is left as it is."""
    before, after = lines[:brk], lines[brk:]
    k = next((n for n, line in enumerate(before) if n and _BODY.match(line)), None)
    if k is None or not after:
        return lines  # the break cut the task before its bodies: the lines read on as they are
    band = _bands(before, k)[-1]
    last, e, r, t = _band_cells(before, band)
    i = 0
    task: list[str] = []
    if band == k:
        while i < len(after) and _wide(after[i]) and not _BODY.match(after[i]):
            task.append(after[i])
            i += 1
        if task and i < len(after) and not (_BODY.match(after[i]) or _TIME.match(after[i]) or _BASIS.match(after[i])):
            unsure.append(brk + i)
            i += 1
    names: list[str] = []
    while i < len(after) and (_goes_on(before[last:e] + names, after[i])
                              or not names and after[i].startswith("Việt Nam")):
        names.append(after[i])  # "Đài Tiếng nói" / "Việt Nam": the names of the bodies' column go on
        i += 1
    second: list[str] = []
    if i < len(after) and _BODY.match(after[i]):
        _cells, j = _bodies(after, i)
        if j < len(after) and after[j][:1].islower():  # a lower-case line after it: the result goes on, so the
            second, i = after[i:j], j  # body is one more in the bodies' column, not a sub-row
    result: list[str] = []
    while i < len(after) and not (_BODY.match(after[i]) or _TIME.match(after[i]) or _BASIS.match(after[i])
                                  or _TIME_REST.match(after[i])):
        result.append(after[i])
        i += 1
    time: list[str] = []
    while i < len(after) and _TIME_REST.match(after[i]) and r < t and not _TIME_REST.match(before[t - 1]):
        time.append(after[i])
        i += 1
    basis: list[str] = []
    while i < len(after) and not _BODY.match(after[i]):
        basis.append(after[i])
        i += 1

    def joined(n: int, more: list[str]) -> list[str]:
        return [f"{before[n]} {' '.join(more)}"] if more else [before[n]]

    out = before[:band]
    if task:
        out[k - 1:k] = joined(k - 1, task)
    out += before[band:last] + [" ".join(before[last:e] + names)] if names else before[band:e]  # one line: as read
    out += before[e:r - 1] + joined(r - 1, result) if r > e else result
    out += before[r:t - 1] + joined(t - 1, time) if t > r else time
    out += before[t:] + basis + second + after[i:]
    return out


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


def rebuild(raw: list[tuple[str, str]], row, unsure: list[tuple[str, str, str]] | None = None
            ) -> list[tuple[str, str]]:
    """``raw`` (text, where) lines with such a task table replaced by its rows (``row(cells)`` makes a row's text),
    its footnotes kept as lines before it (where they stand, they would end a row); everything else, and a table that
    does not read plainly, as it was. A line after a page break that may end a row's task or start its next cell's
    part is in neither: it is added to ``unsure`` as (the row's number, the line, where)."""
    i = next((n for n in range(len(raw)) if _header(raw, n)), None)
    if i is None:
        return raw
    k = _header(raw, i)
    columns = _columns([t.strip() for t, _w in raw[i:i + k]])
    body: list[tuple[str, str]] = []  # the table's lines, without the repeated headers and the footnotes
    notes: list[tuple[str, str]] = []
    breaks: set[int] = set()  # where a page's lines start in ``body`` (after a repeated header)
    j = i + k
    while j < len(raw):
        text = raw[j][0].strip()
        if not text:
            j += 1
            continue
        if (h := _header(raw, j)):
            j += h
            breaks.add(len(body))
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
        wheres = ([body[p][1]] if first else []) + [w for _t, w in body[p + 1:end]]
        brk = next((b - p - 1 + bool(first) for b in sorted(breaks) if p < b < end), None)
        cut: list[int] = []
        cells = _row(number, lines if brk is None else _mend_break(lines, brk, cut), len(columns))
        if cells is None:
            return raw
        if unsure is not None:
            unsure += [(number, lines[n], wheres[n]) for n in cut]
        rows.append((row(cells), body[p][1]))
    return [*raw[:i], *notes, (row(columns), raw[i][1]), *rows, *raw[j:]]
