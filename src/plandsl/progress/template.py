"""`progress template`: an XLSX sheet a commune or a Sở fills in, one row per objective and year."""

from __future__ import annotations

import io

from plandsl.inherit.resolve import ResolvedPlan
from plandsl.language.model import Aggregation, Unit

# Vietnamese headers first (the reader accepts them), the English column name in brackets.
HEADERS = ("Kế hoạch (plan)", "Chỉ tiêu (objective)", "Năm (year)", "Giá trị (value)", "Tử số (numerator)",
           "Mẫu số (denominator)", "Đơn vị (unit)", "Chỉ số", "Đơn vị tính", "Mục tiêu")


def template_rows(rp: ResolvedPlan) -> list[tuple]:
    """(plan, objective, year, indicator, unit symbol, target text) for each objective and year of the period."""
    plan = rp.plan
    rows = []
    for ro in rp.active():
        obj = ro.objective
        years = sorted({y for t in ro.targets for y in range((t.first_year or t.year), t.year + 1)})
        if plan.period:
            years = list(range(plan.period[0], max([plan.period[1], *years]) + 1))
        for year in years:
            target = next((t for t in ro.targets if t.covers(year)), None)
            text = ""
            if target is not None:
                t = target.target
                text = (f"{'+' if t.value >= 0 else ''}{t.value}% so với {t.base_year}" if t.relative else
                        f"{t.comparator.value + ' ' if t.comparator else ''}{t.value}")
            rows.append((plan.id, ro.id, year, obj.indicator or obj.text or "", obj.unit.symbol if obj.unit else "",
                         text, obj.unit is Unit.PERCENT, obj.aggregation is Aggregation.SHARE))
    return rows


def template_xlsx(rp: ResolvedPlan) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = "Số liệu thực hiện"
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    percent = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
                             showErrorMessage=True, errorTitle="Giá trị không hợp lệ",
                             error="Tỷ lệ phải từ 0 đến 100 (%).")
    count = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           showErrorMessage=True, errorTitle="Giá trị không hợp lệ", error="Giá trị phải là số ≥ 0.")
    parts = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           showErrorMessage=True, errorTitle="Giá trị không hợp lệ", error="Tử số, mẫu số là số ≥ 0.")
    for dv in (percent, count, parts):
        sheet.add_data_validation(dv)
    for index, (plan, obj, year, indicator, unit, target, is_percent, is_share) in enumerate(
            template_rows(rp), start=2):
        sheet.append([plan, obj, year, None, None, None, None, indicator, unit, target])
        (percent if is_percent else count).add(f"D{index}")
        parts.add(f"E{index}:F{index}")
    for col, width in zip("ABCDEFGHIJ", (18, 16, 8, 12, 12, 12, 12, 60, 10, 18)):
        sheet.column_dimensions[col].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
