"""The ministry matrix: a parent plan's objectives per phase against each child plan.

Each cell is the child's value and how it compares with the parent's:
``weaker``, ``equal``, ``stronger``, ``waived``, ``dropped`` or ``adopted``.
A cell is empty when the year lies outside the child plan's period.
Exports: CSV (one row per child, one column per objective and phase, cells
``value|status``) and XLSX (the same grid, coloured).

CSV columns, for machines: ``plan_id`` (the child plan's id), ``plan`` (its
title), then one ``<objective id>@<phase>`` column per objective and phase of
the parent plan (``<objective id>@<year>`` for targets written by year), e.g.
``staffing@p1``; a cell is ``<value>|<status>`` with the statuses above, or
empty outside the child's period. The objective ids are the parent spec's;
the HTML page and the XLSX head the columns with the indicator's wording too.
"""

from __future__ import annotations

import csv
import io

from plandsl.core.records import frozen
from plandsl.web.engine import Snapshot
from plandsl.web.views import finding_anchor, fold, label

STATUSES = ("weaker", "equal", "stronger", "waived", "dropped", "adopted")
# Cell fills (XLSX, and the same hues in style.css).
FILLS = {"weaker": "F4C7C3", "equal": "E8EAED", "stronger": "CDE8D2", "waived": "FCE8B2",
         "dropped": "E6C9E8", "adopted": "D2E3FC"}


@frozen
class Column:
    objective: str
    indicator: str
    phase: str
    year: int
    relative: bool
    base_year: int | None
    parent_value: str

    @property
    def key(self) -> str:
        return f"{self.objective}@{self.phase}"


@frozen
class Cell:
    value: str
    status: str  # one of STATUSES, or "" when the year is outside the child's period
    finding: str | None = None  # anchor of the finding on the child's page


@frozen
class Row:
    plan_id: str
    label: str
    cells: tuple[Cell, ...]


@frozen
class Matrix:
    parent_id: str
    parent_label: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


def _same(rt, col: Column) -> bool:
    return rt.year == col.year and rt.target.relative == col.relative and rt.target.base_year == col.base_year


def compare(child_value, parent_value, direction_up: bool) -> str:
    if child_value == parent_value:
        return "equal"
    better = child_value > parent_value if direction_up else child_value < parent_value
    return "stronger" if better else "weaker"


def build(snap: Snapshot, parent_id: str) -> Matrix | None:
    """The matrix of ``parent_id``'s children, or None when the plan is unknown or unresolved."""
    from plandsl.language.wording import target_words

    resolution = snap.resolution
    plans = snap.plans
    if resolution is None or parent_id not in plans:
        return None
    rp = resolution.get(parent_id)
    if rp is None:
        return None
    parent_plan = plans[parent_id]
    columns: list[Column] = []
    directions: dict[str, bool] = {}
    values = []
    for ro in rp.active():
        direction = ro.objective.direction
        directions[ro.id] = direction is None or direction.en == "up"
        for rt in ro.targets:
            phase = parent_plan.phase(rt.phase) if isinstance(rt.phase, str) else None
            columns.append(Column(ro.id, ro.objective.indicator or "", phase.id if phase else str(rt.year), rt.year,
                                  rt.target.relative, rt.target.base_year, target_words(rt.target)))
            values.append(rt.target.value)
    rows = []
    children = sorted(snap.children.get(parent_id, []), key=lambda c: (fold(label(plans[c])), c))
    for cid in children:
        rc = resolution.get(cid)
        cells = []
        for col, pvalue in zip(columns, values):
            cells.append(_cell(snap, cid, rc, col, pvalue, directions[col.objective], target_words))
        rows.append(Row(cid, label(plans[cid]), tuple(cells)))
    return Matrix(parent_id, label(parent_plan), tuple(columns), tuple(rows))


def _cell(snap, cid, rc, col: Column, pvalue, up: bool, words) -> Cell:
    ro = rc.objective(col.objective) if rc is not None else None
    if ro is None or ro.status.value == "dropped":
        return Cell("", "dropped", None)
    if ro.status.value == "waived":
        return Cell("", "waived", None)
    rt = next((t for t in ro.targets if _same(t, col)), None)
    if rt is None:
        return Cell("", "")  # the year lies outside the child's period
    if rt.provenance.plan_id != cid:
        return Cell(words(rt.target), "adopted")
    status = compare(rt.target.value, pvalue, up)
    return Cell(words(rt.target), status, finding_anchor(snap, cid, rt.target.span))


def to_csv(matrix: Matrix) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["plan_id", "plan"] + [c.key for c in matrix.columns])
    for row in matrix.rows:
        writer.writerow([row.plan_id, row.label] + [f"{c.value}|{c.status}" if c.status else "" for c in row.cells])
    return out.getvalue()


def to_xlsx(matrix: Matrix, labels: dict[str, str]) -> bytes:
    """The matrix as an Excel workbook; ``labels`` words the status names in the page language."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Matrix"
    # Row 1: the indicator's wording (what a reviewer reads); row 2: the objective id; row 3: phase; row 4: parent.
    ws.append([labels.get("Child plan", "Child plan"), ""] + [c.indicator or c.objective for c in matrix.columns])
    ws.append(["", ""] + [c.objective for c in matrix.columns])
    ws.append(["", ""] + [f"{c.phase} ({c.year})" for c in matrix.columns])
    ws.append([labels.get("Parent plan", "Parent plan"), matrix.parent_label] + [c.parent_value for c in matrix.columns])
    for cell in ws[1] + ws[2] + ws[3] + ws[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
    for cell in ws[2]:
        cell.font = Font(italic=True, color="5F6368")
    start = 0
    for i in range(1, len(matrix.columns) + 1):  # one merged heading per objective over its phases
        if i == len(matrix.columns) or matrix.columns[i].objective != matrix.columns[start].objective:
            if i - start > 1:
                for r in (1, 2):
                    ws.merge_cells(start_row=r, end_row=r, start_column=3 + start, end_column=2 + i)
            start = i
    ws.row_dimensions[1].height = 60
    for row in matrix.rows:
        ws.append([row.plan_id, row.label] + [c.value if c.status not in ("waived", "dropped")
                                              else labels.get(c.status, c.status) for c in row.cells])
        for i, c in enumerate(row.cells):
            if c.status:
                xl = ws.cell(row=ws.max_row, column=3 + i)
                xl.fill = PatternFill("solid", fgColor=FILLS[c.status])
                xl.alignment = Alignment(horizontal="center")
                xl.comment = None
    ws.freeze_panes = "C5"
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 40
    for i in range(len(matrix.columns)):
        ws.column_dimensions[get_column_letter(3 + i)].width = 14
    legend = wb.create_sheet("Legend")
    for status in STATUSES:
        legend.append([status, labels.get(status, status)])
        legend.cell(row=legend.max_row, column=1).fill = PatternFill("solid", fgColor=FILLS[status])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
