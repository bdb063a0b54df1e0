"""A table of targets by year as Markdown rows (a Word or PDF table, or a web copy rebuilt by
``importer.celltable``), the shape of the appendices ("Phụ lục") of provincial plans.

* **Header rows.** The first row names the columns: the row number ("TT", "STT"), the indicator ("Chỉ tiêu",
  "Nội dung", "Sản phẩm", "Mặt hàng", …), its unit ("ĐVT", "Đơn vị tính") and the years ("Năm 2026",
  "Kế hoạch 2026", "2026", "Giai đoạn 2021 - 2025"). A cell that spans several columns ("GIAI ĐOẠN 2026 - 2030"
  over "Năm 2026 | … | Năm 2030", or "Kế hoạch 2026" over "Lượng (Tấn) | Giá trị (Nghìn USD)") has its
  sub-columns in the second row; a Word or PDF table repeats the spanning cell or leaves it empty, a web copy
  writes it once (the row is then shorter than the table). A row of column numbers ("1 | 2 | … | 11") is
  skipped. A column of what was done ("ƯTH năm 2025", "Thực hiện năm 2020", "Hiện trạng") is not a target.
* **Rows.** A row with a figure in a year column is an indicator: one objective per measure (one per row when
  each year has one column), one target per year, in the units of the table: "1.000" is one thousand, and a
  value in thousands, millions or billions of USD or đồng is written in USD or đồng. A row with no figure is a
  heading ("1 | Cà phê"): the rows under it that are not numbered ("- | Diện tích | Ha | …") are its
  indicators ("Cà phê: Diện tích"). A row whose cells do not line up with the header is kept as a comment.
* **Not a table of targets**: a budget by year ("DỰ TOÁN KINH PHÍ" above it, "Kinh phí" or "Nguồn vốn" in its
  header): money to spend is no target.

Every target gets the review of a table's target (no comparator written: "at least" assumed, or "at most"
when a rate falls from year to year), as :func:`plandsl.importer.extract.table.add_table` gives; a quantity
that falls ("Xi măng | Tấn | 20.000 | 19.000 | …") is still planned as a floor.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from itertools import pairwise
from typing import Any

from attrs import evolve

from plandsl.core.i18n import _
from plandsl.core.records import frozen
from plandsl.importer.document import pipe_cells
from plandsl.importer.draft import Objective, Target
from plandsl.importer.extract.patterns import to_decimal
from plandsl.importer.extract.table import (
    NO_HEAD,
    PIPE,
    PIPE_RULE,
    UNIT_HEAD,
    UNITS,
    value_of,
)

_WORDING = re.compile(r"^(?:(?:tên|nhóm|các|hệ thống)\s+)?(?:nội dung|chỉ tiêu|mục tiêu|sản phẩm|mặt hàng|danh mục|"
                      r"hạng mục|lĩnh vực|ngành hàng|tiêu chí)\b", re.IGNORECASE)
# What was done, not what is planned: "ƯTH năm 2025", "Ước thực hiện 2025", "TH 2020", "Hiện trạng", "Năm 2025 (ước)".
_DONE = re.compile(r"(?:^|\W)(?:ưth|uth|ước\s*(?:thực hiện|th|đạt)?|thực hiện|th|hiện trạng|cơ sở|năm gốc)(?:\W|$)",
                   re.IGNORECASE)
_BUDGET = re.compile(r"\b(?:kinh phí|dự toán|ngân sách|nguồn vốn|vốn đầu tư|chi phí)\b", re.IGNORECASE)
_NUMBERING = re.compile(r"^\s*(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s+")  # "1.1. Tỷ lệ …" with no TT column
_BLANK = re.compile(r"^[\s\-–—x×…./]*$", re.IGNORECASE)  # an empty cell, "-", "x", "…"
# Other columns of a table of targets, kept as what the table also says ("Ghi chú", "Đơn vị thực hiện", "Nguồn").
_OTHER_HEAD = re.compile(r"^(?:ghi chú|sản phẩm|nguồn|kinh phí|đơn vị|cơ quan|thời gian|tiến độ|giai đoạn|tổng|"
                         r"lộ trình|phân kỳ|mục tiêu|chỉ số|cách tính|căn cứ)", re.IGNORECASE)
_PLANNED = re.compile(r"\b(?:kế hoạch|mục tiêu|chỉ tiêu|dự kiến|phấn đấu)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?!\d)")
_ROMAN = re.compile(r"^[IVX]{1,5}\.?$")
_ARABIC = re.compile(r"^\d{1,3}(?:\.\d{1,2})*\.?$")
_COLUMN_NO = re.compile(r"^\(?(?:\d{1,2}|[A-Z])\)?$")
# A value's scale, from the unit it is written in.
_SCALE = re.compile(r"\b(nghìn|ngàn|triệu|tỷ)\s+(USD|đồng)\b", re.IGNORECASE)
_RATE = re.compile(r"\b(?:tỷ lệ|tỉ lệ|nghèo)\b", re.IGNORECASE)
_MULT = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000}


@frozen
class Column:
    index: int
    year: int
    start: int | None  # a range's first year ("Giai đoạn 2021 - 2025")
    measure: str  # the sub-column's label when a year has several ("Lượng (Tấn)"); "" otherwise


@frozen
class Series:
    text: str
    unit: str  # as written (the unit column, or the measure's parenthesis)
    values: tuple[tuple[Column, str], ...]  # (column, cell as written) for each figure
    where: str
    change: bool  # "tăng …", "giảm …": the figures are not encoded
    unread: tuple[tuple[Column, str], ...] = ()  # cells of year columns that are not a figure ("90-95")
    extra: tuple[str, ...] = ()  # "label: cell" of the row's other columns ("ƯTH năm 2025: 26.120", "Ghi chú: …")


@frozen
class Matrix:
    series: tuple[Series, ...]
    lines: tuple[int, ...]  # every line of the table
    unread: tuple[int, ...]  # the rows that do not line up: kept as comments


def _is_number_row(cells: list[str]) -> bool:
    written = [c for c in cells if c]
    return len(written) >= 3 and all(_COLUMN_NO.match(c) for c in written)


def _numbered_row(cells: list[str]) -> bool:
    """A row whose first cell numbers it ("1", "1.", "1.1", "II"): data, never a second header row (whose first cell
    is blank or "TT" again). Its words ("Tập huấn cán bộ") had been taken for column names and lost."""
    first = cells[0].strip() if cells else ""
    return bool(first) and bool(_ARABIC.match(first) or _ROMAN.match(first))


def _has_figure(cells: list[str]) -> bool:
    return any(value_of(c) is not None and not _YEAR.fullmatch(c.strip()) for c in cells[1:])


def read_matrix(texts: list[str], wheres: list[str], i: int) -> Matrix | None:
    """The table of targets by year whose first row is ``texts[i]``, or None when it is not one."""
    if not PIPE.match(texts[i]) or (i > 0 and PIPE.match(texts[i - 1])):
        return None
    rows: list[tuple[int, list[str]]] = []
    lines: list[int] = []
    j = i
    while j < len(texts) and PIPE.match(texts[j]):
        lines.append(j)
        if not PIPE_RULE.match(texts[j]):
            rows.append((j, pipe_cells(texts[j])))
        j += 1
    head = [cells for _j, cells in rows[:2]]
    if not head or not any(_WORDING.match(c) for c in head[0][:4]):
        return None
    title = " ".join(texts[max(0, i - 3):i])
    if _BUDGET.search(title) or any(_BUDGET.search(c) for cells in head for c in cells):
        return None  # a budget by year ("Dự toán kinh phí", "Kinh phí năm 2026"): money to spend, not targets
    body = rows[1:]
    if body and not _has_figure(body[0][1]) and not _is_number_row(body[0][1]) and not _numbered_row(body[0][1]):
        body = body[1:]  # the second header row
    else:
        head = head[:1]
    while body and _is_number_row(body[0][1]):
        body = body[1:]
    widths = Counter(len(cells) for _j, cells in body if _has_figure(cells))
    if not widths:
        return None
    width = widths.most_common(1)[0][0]
    if not all(_header_word(c) for c in head[0] if c):
        return None  # a first row that is not all column names (a row of data taken for the header): not read
    labels = header_labels(head, width, _spans_years)
    if labels is None:
        return None
    columns, roles = _columns(labels)
    if not columns or "wording" not in roles:
        return None
    series: list[Series] = []
    unread: list[int] = []
    heading: str | None = None
    read = set(roles.values()) | {c.index for c in columns}
    for j, cells in body:
        if len(cells) != width:
            unread.append(j)
            continue
        marker = cells[roles["no"]] if "no" in roles else ""
        wording = _NUMBERING.sub("", cells[roles["wording"]]).strip(" :")
        unit = cells[roles["unit"]] if "unit" in roles else ""
        figures = [(c, cells[c.index]) for c in columns if value_of(cells[c.index]) is not None]
        numbered = bool(_ROMAN.match(marker) or _ARABIC.match(marker))
        # What the other columns say (what was done in 2025, a note): kept with the indicator, never dropped.
        # (a number column's cell that numbers nothing, "Tập huấn cán bộ" or "90-95" under "TT", is kept too)
        kept = {roles["no"]} if "no" in roles and not numbered and not re.fullmatch(r"[a-zđ]{1,2}\)|[\s\-–—x×…./]*", marker,
                                                                                    re.IGNORECASE) else set()
        extra = tuple(f"{labels[x][1] or labels[x][0]}: {c}" for x, c in enumerate(cells)
                      if (x not in read or x in kept) and not _BLANK.match(c))
        if not figures:
            if extra:
                unread.append(j)  # not a heading: a row the reader does not understand, kept as a line
            else:
                heading = wording or heading
            continue
        text = f"{heading}: {wording}" if heading and not numbered and wording else wording
        if numbered:
            heading = None
        if not text:
            unread.append(j)
            continue
        change = bool(re.search(r"\b(?:tăng|giảm)\b", wording, re.IGNORECASE))
        for measure in dict.fromkeys(c.measure for c in columns):
            values = tuple((c, cell) for c, cell in figures if c.measure == measure)
            if values:
                named = f"{text}: {measure}" if measure else f"{text} ({unit})" if unit and unit != "%" else text
                odd = tuple((c, cells[c.index]) for c in columns if c.measure == measure and
                            value_of(cells[c.index]) is None and not _BLANK.match(cells[c.index]))
                series.append(Series(named, _unit_of(measure) or unit, values, wheres[j], change, odd, extra))
                extra = ()  # said once, with the row's first indicator
    if not series:
        return None
    return Matrix(tuple(series), tuple(lines), tuple(unread))


def header_labels(head: list[list[str]], width: int, spans_over=None) -> list[tuple[str, str]] | None:
    """(outer, inner) label of each of the ``width`` columns, from one or two header rows.

    With two rows, the cells of the first that span several columns have their sub-columns in the second. A PDF
    table may leave a spanning cell empty after its first column (the first row is then as wide as the table); a
    Word table gives it once, and the cells that span both rows ("TT") again in the second; a web copy, and a PDF
    table that drops the cells a merge covers, give every cell once: then the spanning cells are those for which
    ``spans_over(label)`` holds when as many do as span ("Cơ quan thực hiện", "Giai đoạn 2026 - 2030"), else
    None (no guess)."""
    top = head[0]
    if len(head) == 1:
        return [(c, "") for c in top] if len(top) == width else None
    sub = head[1]
    if len(top) == width:
        filled = []
        for c in top:
            filled.append(c or (filled[-1] if filled else ""))
        if len(sub) == width:
            return [(a, b if b != a else "") for a, b in zip(filled, sub)]
        return None
    matched: list[int] = []  # the top cells given again in the second row, in order
    t = 0
    for c in sub:
        at = next((k for k in range(t, len(top)) if top[k] == c), None)
        if at is not None:
            matched.append(at)
            t = at + 1
    unmatched = [c for c in sub if c not in {top[k] for k in matched}]
    spans = len(top) + len(unmatched) - width
    if spans < 1 or spans > len(top) or len(unmatched) % spans:
        return None
    spanning = [k for k in range(len(top)) if k not in matched]
    if len(spanning) != spans:
        spanning = [k for k in spanning if spans_over is not None and spans_over(top[k])]
        if len(spanning) != spans:
            return None
    each = len(unmatched) // spans
    labels: list[tuple[str, str]] = []
    for k, c in enumerate(top):
        if k in spanning:
            g = spanning.index(k)
            labels += [(c, u) for u in unmatched[g * each:(g + 1) * each]]
        else:
            labels.append((c, ""))
    return labels if len(labels) == width else None


def _header_word(label: str) -> bool:
    """Whether a cell of the first header row names a column this reader knows (the others are data)."""
    return bool(NO_HEAD.match(label) or _WORDING.match(label) or UNIT_HEAD.match(label) or _year(label) is not None
                or _DONE.search(label) or _OTHER_HEAD.match(label))


def _spans_years(label: str) -> bool:
    """Whether a header cell can span sub-columns of years or measures: it names a period or a planned year
    ("GIAI ĐOẠN 2026 - 2030", "Kế hoạch 2026"), not what was done ("ƯTH năm 2025")."""
    return _year(label) is not None and not (_DONE.search(label) and not _PLANNED.search(label))


def _columns(labels: list[tuple[str, str]]) -> tuple[list[Column], dict[str, int]]:
    roles: dict[str, int] = {}
    columns: list[Column] = []
    for x, (outer, inner) in enumerate(labels):
        if not inner:
            if NO_HEAD.match(outer) and "no" not in roles:
                roles["no"] = x
                continue
            if _WORDING.match(outer) and "wording" not in roles:
                roles["wording"] = x
                continue
            if UNIT_HEAD.match(outer) and "unit" not in roles:
                roles["unit"] = x
                continue
        if any(_DONE.search(label) and not _PLANNED.search(label) for label in (outer, inner)):
            continue  # "ƯTH năm 2025", not "Kế hoạch thực hiện năm 2026"
        year = _year(inner) or (None if inner and _RANGE.search(outer) else _year(outer))
        if year is not None:
            measure = inner if inner and not _YEAR.search(inner) else ""
            columns.append(Column(x, year[1], year[0], measure))
    return columns, roles


def _year(label: str) -> tuple[int | None, int] | None:
    """(first year or None, year) a label names: "Năm 2026", "Kế hoạch 2026", "Giai đoạn 2021 - 2025"."""
    r = _RANGE.search(label)
    if r:
        a, b = int(r.group(1)), int(r.group(2))
        return (a, b) if a < b else None
    found = _YEAR.findall(label)
    return (None, int(found[0])) if len(found) == 1 else None


def _unit_of(measure: str) -> str:
    m = re.search(r"\(([^()]+)\)\s*$", measure)
    return m.group(1).strip() if m else ""


def add_matrix(ob: Any, matrix: Matrix, ocr: bool) -> None:
    """The table's indicators added to the objectives being read (``ob``, the objectives reader). A year column
    before the plan's period ("Năm 2020" in a plan for 2021 - 2025) is where the plan starts from: no target."""
    period = ob.ctx.draft.period
    first = period.value[0] if period is not None else None
    for s in matrix.series:
        ob.count += 1
        obj = Objective(f"o{ob.count}", s.text[0].upper() + s.text[1:], s.where)
        ob.ctx.draft.objectives.append(obj)
        if s.extra:
            obj.reviews.append(_("the table also says: {cells}").format(cells="; ".join(s.extra)))
        if s.change:
            obj.reviews.append(_("the indicator is a change ('tăng', 'giảm'): the table's figures are not encoded"))
            continue
        for col, cell in s.unread:
            obj.reviews.append(_("the cell for {year} ('{cell}') is not a figure: no target").format(
                year=col.year if col.start is None else f"{col.start} - {col.year}", cell=cell))
        before = [c for c, _cell in s.values if first is not None and c.year < first]
        if before:
            obj.reviews.append(_("the table's figures for {years}, before the plan's period, are where it starts "
                                 "from: not written as targets").format(years=", ".join(str(c.year) for c in before)))
            s = evolve(s, values=tuple(v for v in s.values if v[0] not in before))
        low = s.unit.strip().lower()
        scale = _SCALE.search(s.unit)
        mult = _MULT[scale.group(1).lower()] if scale else 1
        unit = UNITS.get(low) or ("vnd" if re.search(r"\bđồng\b", low) else None)
        obj.unit, obj.direction = unit, "up"
        if mult != 1:
            obj.reviews.append(_("the table gives its figures in '{unit}': they are written in {base}").format(
                unit=scale.group(0), base=scale.group(2)))
        reads = [(col, value_of(cell), cell) for col, cell in s.values]
        numbers = [to_decimal(r[1]) for _c, r, _cell in reads]
        written = [bool(re.match(r"^\W|^[^\d\W]", cell.strip())) for _c, _r, cell in reads]
        # A rate that falls from year to year with no comparator written ("Tỷ lệ hộ nghèo | % | 3 | 2 | 1") is a
        # ceiling; a quantity that falls (an export the plan lets shrink) is still what is planned.
        falling = len(numbers) >= 2 and None not in numbers and not any(written) and \
            all(a > b for a, b in pairwise(numbers)) and (unit == "%" or bool(_RATE.search(s.text)))
        if falling:
            obj.direction = "down"
        for (col, read, _cell), value, said in zip(reads, numbers, written):
            if value is None:
                continue
            if col.start is not None:
                keep = ob.phase
                ob.set_phase(f"Giai đoạn {col.start} - {col.year}", s.where)
                phase, ob.phase = ob.phase, keep
            else:
                phase = ob.phase_for(col.year)
            review = _("read by OCR") if ocr else None if said else _(
                "no comparator written; the figures fall from year to year: 'at most' assumed") if falling else _(
                "no comparator written; 'at least' assumed")
            obj.targets.append(Target(phase, value * Decimal(mult), "<=" if falling else read[0], unit == "%", None,
                                      s.where, review, unit=unit if unit != "%" else "%"))
