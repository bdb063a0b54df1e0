"""Read actual figures from CSV and XLSX files.

Columns: ``plan,objective,year,value[,numerator,denominator][,unit]`` (Vietnamese headers accepted:
``kế_hoạch``, ``chỉ_tiêu``, ``năm``, ``giá_trị``, ``tử_số``, ``mẫu_số``, ``đơn_vị``). Every row becomes an
:class:`Actual` or a located finding (file, row, column): nothing is silently dropped.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.core.gcpause import gc_paused
from plandsl.core.i18n import _
from plandsl.core.span import Span

COLUMNS = ("plan", "objective", "year", "value", "numerator", "denominator", "unit")
REQUIRED = ("plan", "objective", "year")
NUMERIC = ("value", "numerator", "denominator")
# Header words accepted for each column (compared after NFC, lower case, spaces and dashes as "_").
ALIASES = {
    "plan": ("plan", "kế_hoạch", "ke_hoach", "mã_kế_hoạch"),
    "objective": ("objective", "chỉ_tiêu", "chi_tieu", "mục_tiêu", "mã_chỉ_tiêu"),
    "year": ("year", "năm", "nam"),
    "value": ("value", "giá_trị", "gia_tri", "kết_quả", "thực_hiện"),
    "numerator": ("numerator", "tử_số", "tu_so"),
    "denominator": ("denominator", "mẫu_số", "mau_so"),
    "unit": ("unit", "đơn_vị", "don_vi", "mã_đơn_vị"),
}


class Actual(NamedTuple):
    """One reported figure. ``unit`` is an administrative unit's code ("" for the plan's own figure).

    Immutable like the frozen attrs types, but a named tuple: a country's actuals are ~200,000 rows and
    a tuple is made in a third of the time of a frozen attrs instance (see docs/BENCHMARKS.md)."""

    plan: str
    objective: str
    year: int
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    unit: str = ""
    span: Span | None = None


def _header_key(text: object) -> str:
    word = unicodedata.normalize("NFC", str(text or "")).strip().lower()
    word = word.split("(")[0].strip()
    return "_".join(word.replace("-", " ").split())


def _columns(header: list[object]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = _header_key(cell)
        for name, words in ALIASES.items():
            if key in words and name not in found:
                found[name] = index
    return found


def finding(code: str, message: str, path: str, row: int, col: int, hint: str | None = None,
            severity: Severity = Severity.ERROR, subject: str | None = None) -> Diagnostic:
    return Diagnostic(code, severity, message, Span(path, row, col, row, col + 1), hint, name="progress",
                      subject=subject)


def _text(value: object) -> str:
    if value is None:
        return ""
    text = str(value).strip()
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _number(raw: object) -> Decimal | None:
    """The figure of a cell (None when empty); InvalidOperation when it is not a finite number ("NaN",
    "Infinity" and an XLSX cell holding either are not figures: compared with a target they would answer
    nothing, or fail)."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str) and raw.isdigit():
        return Decimal(raw)
    if isinstance(raw, (int, float)):
        return _finite(Decimal(str(raw)))
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    if text.endswith("%"):
        text = text[:-1]
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # Vietnamese decimal comma
    return _finite(Decimal(text))


def _finite(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise InvalidOperation(value)
    return value


def _rows_csv(path: Path) -> list[list[object]]:
    data = path.read_bytes().decode("utf-8-sig")
    return [list(r) for r in csv.reader(io.StringIO(data))]


def _rows_xlsx(path: Path) -> list[list[object]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def read_rows(path: Path, rows: list[list[object]], strings: bool = False) -> tuple[list[Actual], list[Diagnostic]]:
    """Actuals and findings from a table whose first non-empty row is the header.

    ``strings``: every cell is a string (a CSV file), so each distinct text is converted once
    (:mod:`.fastread`); the result is the same."""
    name = str(path)
    diags: list[Diagnostic] = []
    start = next((i for i, r in enumerate(rows) if any(c not in (None, "") for c in r)), None)
    if start is None:
        return [], [finding("PG003", _("the file holds no rows"), name, 1, 1)]
    cols = _columns(rows[start])
    missing = [c for c in REQUIRED if c not in cols]
    if "value" not in cols and "numerator" not in cols:
        missing.append("value")
    if missing:
        return [], [finding("PG003", _("missing column(s): {names}").format(names=", ".join(missing)), name,
                            start + 1, 1, _("the columns are: {names}").format(names=", ".join(COLUMNS)))]
    width = max(cols.values()) + 1
    at = {c: cols.get(c) for c in COLUMNS}
    out: list[Actual] = []
    if strings:
        _read_strings(name, rows, start, cols, at, width, out, diags)
        return out, diags
    for index in range(start + 1, len(rows)):
        read_row(name, rows[index], index + 1, cols, at, width, out, diags)
    return out, diags


def _converted(column: list, convert) -> tuple[list, set]:
    """``column`` converted, each distinct text once; and the texts that are not numbers."""
    table: dict = {}
    failed = set()
    for text in set(column):
        try:
            table[text] = convert(text)
        except InvalidOperation:
            table[text] = None
            failed.add(text)
    return list(map(table.__getitem__, column)), failed


def _read_strings(name: str, rows: list[list[object]], start: int, cols: dict[str, int],
                  at: dict[str, int | None], width: int, out: list[Actual], diags: list[Diagnostic]) -> None:
    """:func:`read_row` over every body row of a table of strings, with each column's distinct texts
    converted once. A row where anything is irregular (an empty or unreadable cell, no value at all)
    goes through :func:`read_row` itself, in its place, so rows and findings come out the same."""
    body = rows[start + 1:]
    if not body:
        return
    if min(map(len, body)) < width:
        body = [r if len(r) >= width else [*r, *[None] * (width - len(r))] for r in body]
    none = [None] * len(body)
    conv: dict[str, list] = {}
    bad: set[int] = set()  # rows with a cell that is not a number
    for c, convert in (("plan", _text), ("objective", _text), ("year", parse_year), ("unit", unit_code),
                       *((n, _number) for n in NUMERIC)):
        if at[c] is None:
            conv[c] = none
            continue
        raw = list(map(itemgetter(at[c]), body))
        conv[c], failed = _converted(raw, convert)
        if failed:
            bad.update(i for i, text in enumerate(raw) if text in failed)
    plans, objectives, years, units = conv["plan"], conv["objective"], conv["year"], conv["unit"]
    values, nums, dens = conv["value"], conv["numerator"], conv["denominator"]
    line = start + 1
    for i, plan in enumerate(plans):
        line += 1
        if (not plan or not objectives[i] or years[i] is None or i in bad
                or (values[i] is None and nums[i] is None and dens[i] is None)):
            read_row(name, rows[start + 1 + i], line, cols, at, width, out, diags)
            continue
        out.append(Actual(plan, objectives[i], years[i], values[i], nums[i], dens[i], units[i] or "",
                          Span(name, line, 1, line, 2)))


def read_row(name: str, row: list[object], line: int, cols: dict[str, int], at: dict[str, int | None],
             width: int, out: list[Actual], diags: list[Diagnostic]) -> None:
    """One body row: an :class:`Actual` appended to ``out``, or its findings to ``diags``."""
    if all(c is None or c == "" for c in row):
        return
    if len(row) < width:
        row = list(row) + [None] * (width - len(row))

    plan, objective = _text(row[at["plan"]]), _text(row[at["objective"]])
    bad = False
    for col, val in (("plan", plan), ("objective", objective)):
        if not val:
            diags.append(finding("PG003", _("empty {column}").format(column=col), name, line, cols[col] + 1))
            bad = True
    year_raw = row[at["year"]]
    year = parse_year(year_raw)
    if year is None:
        diags.append(finding("PG003", _("the year {value!r} is not a year").format(value=year_raw), name, line,
                             cols["year"] + 1))
        bad = True
    parsed: list[Decimal | None] = []
    for col in NUMERIC:
        i = at[col]
        try:
            parsed.append(_number(row[i]) if i is not None else None)
        except InvalidOperation:
            diags.append(finding("PG003", _("{column} {value!r} is not a number").format(
                column=col, value=row[i]), name, line, i + 1))
            bad = True
    if bad:
        return
    value, num, den = parsed
    if value is None and num is None and den is None:
        diags.append(finding("PG003", _("no value in the row"), name, line, cols.get("value", 0) + 1,
                             severity=Severity.WARNING))
    unit = unit_code(row[at["unit"]]) if at["unit"] is not None else ""
    out.append(Actual(plan, objective, year, value, num, den, unit, Span(name, line, 1, line, 2)))


def parse_year(raw: object) -> int | None:
    """The year in a cell, or None when it is not one (1900-2100)."""
    try:
        year = int(raw) if isinstance(raw, str) and raw.isdigit() else int(Decimal(str(raw).strip()))
    except (InvalidOperation, ValueError, TypeError, OverflowError):  # OverflowError: "Infinity"
        return None
    return year if 1900 <= year <= 2100 else None


def unit_code(raw: object) -> str:
    unit = _text(raw)
    if unit.endswith(".0") and unit[:-2].isdigit():
        unit = unit[:-2]
    return unit


def column_of(span_path: str, name: str) -> int:
    """1-based column of ``name`` in the file (for locating findings); 1 when unknown."""
    return _COLUMN_CACHE.get((span_path, name), 1)


_COLUMN_CACHE: dict[tuple[str, str], int] = {}


def read_file(path: Path) -> tuple[list[Actual], list[Diagnostic]]:
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            rows = _rows_xlsx(path)
        else:
            rows = _rows_csv(path)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return [], [finding("PG003", _("cannot read {path}: {error}").format(path=path, error=exc), str(path), 1, 1)]
    except Exception as exc:  # openpyxl raises several kinds for a damaged workbook
        return [], [finding("PG003", _("cannot read {path}: {error}").format(path=path, error=exc), str(path), 1, 1)]
    start = next((i for i, r in enumerate(rows) if any(c not in (None, "") for c in r)), None)
    if start is not None:
        for name, index in _columns(rows[start]).items():
            _COLUMN_CACHE[(str(path), name)] = index + 1
    return read_rows(path, rows, strings=path.suffix.lower() not in (".xlsx", ".xlsm"))


def read_actuals(source: str | Path) -> tuple[list[Actual], list[Diagnostic]]:
    """Every actual in a file, or in the CSV/XLSX files under a folder (sorted by path)."""
    root = Path(source)
    if root.is_dir():
        files = sorted(p for p in root.rglob("*") if p.suffix.lower() in (".csv", ".xlsx", ".xlsm")
                       and not p.name.startswith("~$"))
    else:
        files = [root]
    actuals: list[Actual] = []
    diags: list[Diagnostic] = []
    # ~200,000 rows of a country and no reference cycles: a cyclic collection would walk every object
    # alive (the resolved plans too) many times over, for nothing (2-3 s of a country's 5).
    with gc_paused():
        for file in files:
            a, d = read_file(file)
            actuals.extend(a)
            diags.extend(d)
    return actuals, diags
