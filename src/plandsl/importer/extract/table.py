"""A targets table copied from a web page one cell per paragraph: "TT" / "Nội dung chỉ tiêu" / "Đơn vị" /
"Năm 2025" / "Năm 2030", then per row its number, the indicator's wording, the unit and one value per year
column. (A DOCX table arrives as rows and is not this shape.)

The cells are read back into rows only when they line up: each row opens with its number, followed by
wording, and holds exactly one cell per column. A row that does not line up (a cell lost or split in the
copy, a row cut at the end of an excerpt) gives no value. "1.000" in a value cell is one thousand.
"""

from __future__ import annotations

import re
from typing import Any

from plandsl.core.i18n import _
from plandsl.core.records import frozen
from plandsl.importer.document import PIPE_ROW as PIPE
from plandsl.importer.document import PIPE_RULE, pipe_cells
from plandsl.importer.draft import Objective, Target
from plandsl.importer.extract.patterns import to_decimal

NO_HEAD = re.compile(r"^(?:TT|STT|Số TT|Số thứ tự)\.?$", re.IGNORECASE)
_WORDING = re.compile(r"^(?:Nội dung(?: chỉ tiêu| mục tiêu)?|(?:Tên )?[Cc]hỉ tiêu|Mục tiêu(?: cụ thể)?)$", re.IGNORECASE)
UNIT_HEAD = re.compile(r"^(?:Đơn vị(?: tính)?|ĐVT)$", re.IGNORECASE)
# "Năm 2025", "Đến năm 2025", "Giai đoạn 2021 - 2025", "2025", "2021-2025".
_COLUMN = re.compile(r"^(?:(?:mục tiêu|chỉ tiêu)\s+)?(?:(?:đến\s+)?(?:hết\s+)?năm\s+|giai đoạn\s+)?"
                     r"(?:(?P<start>\d{4})\s*[-–]\s*)?(?P<end>\d{4})$", re.IGNORECASE)
_ROW_NO = re.compile(r"^(\d{1,2})\.?$")
# A value cell: "80", "80%", "1.000", "≥ 50", "Trên 90", "Dưới 10".
_VALUE = re.compile(r"^(?P<cmp>≥|>=|>|≤|<=|<|trên|dưới|ít nhất|tối thiểu|tối đa|không quá|không dưới)?\s*"
                    r"(?P<num>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*%?$", re.IGNORECASE)
UNITS = {"%": "%", "người": "people", "lượt người": "people", "mô hình": "models", "trung tâm": "models",
         "cơ sở": "facilities", "lượt": "count"}
_GE = ("≥", ">=", ">", "trên", "ít nhất", "tối thiểu", "không dưới")


@frozen
class Column:
    start: int | None
    end: int
    label: str


@frozen
class Row:
    no: int
    wording: str
    unit: str  # as written in the unit cell
    cells: tuple[str, ...]  # one per column, as written; () when the row does not line up
    where: str
    lines: tuple[int, ...]  # the zoned indexes of its cells


@frozen
class Table:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    lines: tuple[int, ...]  # the zoned indexes of the header cells and of every row's cells
    unread: tuple[int, ...] = ()  # the cells of rows not read, after their number and wording: kept as comments


def value_of(cell: str) -> tuple[str, str] | None:
    """(comparator, number) of a value cell: ">=" when the cell says so or says nothing, "<=" for a ceiling;
    None when the cell is not a figure."""
    m = _VALUE.match(cell.strip())
    if not m:
        return None
    c = (m.group("cmp") or "").lower()
    return ("<=" if c and c not in _GE else ">=", m.group("num"))


def _is_wording(cell: str) -> bool:
    return bool(re.match(r"^[^\W\d_]", cell)) and cell.lower() not in UNITS and len(cell) > 3


def read_table(texts: list[str], wheres: list[str], i: int) -> Table | None:
    """The table whose header starts at ``texts[i]`` ("TT"), or None when the cells there are not one."""
    if not NO_HEAD.match(texts[i]) or i + 3 >= len(texts):
        return None
    j = i + 1
    if not _WORDING.match(texts[j]) or not UNIT_HEAD.match(texts[j + 1]):
        return None
    j += 2
    columns: list[Column] = []
    while j < len(texts) and (m := _COLUMN.match(texts[j].strip(" :"))):
        start = int(m.group("start")) if m.group("start") else None
        if start is not None and start > int(m.group("end")):
            return None
        columns.append(Column(start, int(m.group("end")), texts[j]))
        j += 1
    if not columns:
        return None
    width = 3 + len(columns)
    # Row boundaries: the next row's number followed by wording.
    starts: list[int] = []
    expect = 1
    k = j
    while k < len(texts):
        m = _ROW_NO.match(texts[k])
        if m and int(m.group(1)) == expect and k + 1 < len(texts) and _is_wording(texts[k + 1]):
            starts.append(k)
            expect += 1
        elif not starts or k - starts[-1] >= width + 1:
            break  # past the last row's cells
        k += 1
    if not starts:
        return None
    rows: list[Row] = []
    for n, s in enumerate(starts):
        last = n + 1 == len(starts)
        cells = texts[s:starts[n + 1] if not last else min(len(texts), s + width)]
        split = len(cells) > 2 and cells[2].strip().lower() not in UNITS and _unit_split(cells[1])
        if split:
            # A lower-case unit ("người") joined to the wording above it by the reader: split it off.
            cells = [cells[0], *split, *cells[2:]]
        if last:
            # The last row: its cells, not the text after the table.
            cells = cells[:width]
            good = next((x for x, c in enumerate(cells) if not _is_cell(c, x)), len(cells))
            cells = cells[:max(good, 2)]
        ok = len(cells) == width and all(_is_cell(c, x) for x, c in enumerate(cells))
        count = len(cells) - (1 if split else 0)
        rows.append(Row(n + 1, cells[1], cells[2] if ok else "", tuple(cells[3:]) if ok else (), wheres[s],
                        tuple(range(s, s + count))))
    used = tuple(range(i, j)) + tuple(x for r in rows for x in r.lines)
    return Table(tuple(columns), tuple(rows), used, tuple(x for r in rows if not r.cells for x in r.lines[2:]))


def _is_cell(text: str, position: int) -> bool:
    """Whether ``text`` can be the cell at ``position`` of a row (0: number, 1: wording, 2: unit, then values)."""
    if position == 1:
        return _is_wording(text)
    if position == 2:
        return text.strip().lower() in UNITS
    return len(text) <= 20 and not re.match(r"^(?:[IVX]{1,5}|\d{1,2})[.)]\s", text)


def _unit_split(wording: str) -> list[str] | None:
    for unit in sorted(UNITS, key=len, reverse=True):
        if unit != "%" and wording.endswith(" " + unit) and len(wording) > len(unit) + 4:
            return [wording[:-len(unit) - 1], unit]
    return None


def add_table(ob: Any, table: Table, ocr: bool) -> None:
    """A targets table read back from its cells, added to the objectives being read (``ob``, the objectives
    reader: its phases, its count and its draft): one objective per row, a target per year column."""
    keep = ob.phase
    phases: list[str | int] = []
    for col in table.columns:
        if col.start is not None:
            ob.set_phase(f"Giai đoạn {col.start} - {col.end}", table.rows[0].where if table.rows else "")
            phases.append(ob.phase)
        else:
            phases.append(ob.phase_for(col.end))
    ob.phase = keep
    for row in table.rows:
        ob.count += 1
        obj = Objective(f"o{ob.count}", row.wording[0].upper() + row.wording[1:], row.where)
        ob.ctx.draft.objectives.append(obj)
        if not row.cells:
            obj.reviews.append(_("a row of the targets table whose cells do not line up: no target set"))
            continue
        if re.search(r"\b(?:tăng|giảm)\b", row.wording, re.IGNORECASE):
            obj.reviews.append(_("the indicator is a change ('tăng', 'giảm'): the table's figures are not encoded"))
            continue
        unit = UNITS[row.unit.strip().lower()]
        obj.unit, obj.direction = unit, "up"
        reads = [(value_of(c), c) for c in row.cells]
        values = [to_decimal(r[1]) for r, _c in reads if r]
        # "Tỷ lệ hộ nghèo | % | 3 | 2 | 1" with no comparator written: figures that fall from column to column are
        # ceilings of an indicator that goes down, not floors.
        falling = len(values) >= 2 and None not in values and all(a > b for a, b in zip(values, values[1:])) and \
            not any(re.match(r"^\W|^[^\d\W]", c.strip()) for r, c in reads if r)
        if falling:
            obj.direction = "down"
        for phase, (read, cell) in zip(phases, reads):
            value = to_decimal(read[1]) if read else None
            if value is None:
                continue
            written = re.match(r"^\W|^[^\d\W]", cell.strip())
            review = _("read by OCR") if ocr else None if written else _(
                "no comparator written; the figures fall from year to year: 'at most' assumed") if falling else _(
                "no comparator written; 'at least' assumed")
            obj.targets.append(Target(phase, value, "<=" if falling else read[0], unit == "%", None, row.where, review,
                                      unit=unit if unit != "%" else "%"))




def read_pipe_table(texts: list[str], wheres: list[str], i: int) -> Table | None:
    """A Markdown table of targets ("| TT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2030 |" over "|---|…|" and
    its rows) whose first row is ``texts[i]``: its cells read as the cells of a copied table, with the same checks;
    the table's lines are the rows'."""
    if not PIPE.match(texts[i]) or (i > 0 and PIPE.match(texts[i - 1])):
        return None
    cells: list[str] = []
    where: list[str] = []
    of: list[int] = []  # the line of each cell
    rules: list[int] = []
    j = i
    while j < len(texts) and PIPE.match(texts[j]):
        if PIPE_RULE.match(texts[j]):
            rules.append(j)
        else:
            row = pipe_cells(texts[j])
            cells += row
            where += [wheres[j]] * len(row)
            of += [j] * len(row)
        j += 1
    table = read_table(cells, where, 0) if cells else None
    if table is None:
        return None
    unread = {of[x] for x in table.unread} | {of[r.lines[0]] for r in table.rows if not r.cells}  # kept as written
    lines = {of[x] for x in table.lines} | set(rules)
    rows = tuple(Row(r.no, r.wording, r.unit, r.cells, r.where, tuple(sorted({of[x] for x in r.lines})))
                 for r in table.rows)
    return Table(table.columns, rows, tuple(sorted(lines)), tuple(sorted(unread)))
