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
from pathlib import Path

from attrs import frozen

from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.core.i18n import _
from plandsl.core.span import Span

COLUMNS = ("plan", "objective", "year", "value", "numerator", "denominator", "unit")
REQUIRED = ("plan", "objective", "year")
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


@frozen
class Actual:
    """One reported figure. ``unit`` is an administrative unit's code ("" for the plan's own figure)."""

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
    if raw is None or raw == "":
        return None
    if isinstance(raw, str) and raw.isdigit():
        return Decimal(raw)
    if isinstance(raw, (int, float)):
        return Decimal(str(raw))
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    if text.endswith("%"):
        text = text[:-1]
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # Vietnamese decimal comma
    return Decimal(text)


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


def read_rows(path: Path, rows: list[list[object]]) -> tuple[list[Actual], list[Diagnostic]]:
    """Actuals and findings from a table whose first non-empty row is the header."""
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
    out: list[Actual] = []
    width = max(cols.values()) + 1
    at = {c: cols.get(c) for c in COLUMNS}
    numeric = [(c, at[c]) for c in ("value", "numerator", "denominator")]
    for index in range(start + 1, len(rows)):
        row = rows[index]
        line = index + 1
        if all(c is None or c == "" for c in row):
            continue
        if len(row) < width:
            row = list(row) + [None] * (width - len(row))

        plan, objective = _text(row[at["plan"]]), _text(row[at["objective"]])
        bad = False
        for col, val in (("plan", plan), ("objective", objective)):
            if not val:
                diags.append(finding("PG003", _("empty {column}").format(column=col), name, line, cols[col] + 1))
                bad = True
        year_raw = row[at["year"]]
        try:
            year = int(year_raw) if isinstance(year_raw, str) and year_raw.isdigit() else int(
                Decimal(str(year_raw).strip()))
            if not 1900 <= year <= 2100:
                raise ValueError
        except (InvalidOperation, ValueError, TypeError):
            diags.append(finding("PG003", _("the year {value!r} is not a year").format(value=year_raw), name, line,
                                 cols["year"] + 1))
            bad = True
            year = 0
        parsed: list[Decimal | None] = []
        for col, i in numeric:
            try:
                parsed.append(_number(row[i]) if i is not None else None)
            except InvalidOperation:
                diags.append(finding("PG003", _("{column} {value!r} is not a number").format(
                    column=col, value=row[i]), name, line, i + 1))
                bad = True
        if bad:
            continue
        value, num, den = parsed
        if value is None and num is None and den is None:
            diags.append(finding("PG003", _("no value in the row"), name, line, cols.get("value", 0) + 1,
                                 severity=Severity.WARNING))
        unit = _text(row[at["unit"]]) if at["unit"] is not None else ""
        if unit.endswith(".0") and unit[:-2].isdigit():
            unit = unit[:-2]
        out.append(Actual(plan, objective, year, value, num, den, unit, Span(name, line, 1, line, 2)))
    return out, diags


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
    return read_rows(path, rows)


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
    for file in files:
        a, d = read_file(file)
        actuals.extend(a)
        diags.extend(d)
    return actuals, diags
