"""Bảng so sánh chỉ tiêu: each target of a plan beside its parent's.

Rows come from the resolution: own and adapted targets with the parent's
target for the same year (interpolated when the parent has none there),
adopted targets, and waived parent objectives. Deviations recorded with
``allow CODE on OBJ "reason"`` are noted in the last column.

A value weaker than the parent's is marked "(*)" and set in bold, with a
legend under the table: a mark in the text itself survives black-and-white
printing and photocopying, where a colour would not.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from plandsl.language.model import Comparator, Direction, Plan, Target, Unit
from plandsl.render import vnformat as vn

WEAKER = "Thấp hơn chỉ tiêu cấp trên"
WEAKER_MARK = " (*)"
CHILD_COLUMN = 3  # STT, Chỉ tiêu, Giai đoạn / năm, Kế hoạch này, Kế hoạch cấp trên, Ghi chú

STATUS_NOTES = {
    "adopted": "Áp dụng chỉ tiêu cấp trên",
    "own": "Chỉ tiêu riêng",
}
NOT_COMPARABLE = "Không so sánh được với chỉ tiêu cấp trên"
NO_TARGET = "Không đặt chỉ tiêu"


def value_words(target: Target, unit: Unit | None) -> str:
    """Short wording of a target value for a table cell: 'tối thiểu 60%', 'tăng 20% so với năm 2020'."""
    if target.relative:
        return vn.relative(target.value, target.base_year or 0, cmp=target.comparator,
                           is_percent=target.percent or unit in (None, Unit.PERCENT))
    value = vn.quantity(target.value, unit, target.percent)
    if target.comparator in (Comparator.AT_LEAST, Comparator.AT_MOST):
        value = f"{vn.COMPARATOR_WORDS[target.comparator]} {value}"
    if target.maintain:
        return f"duy trì {value} hằng năm"
    return value


def _weaker(child: Target, parent_value: Decimal, direction: Direction | None) -> bool:
    if direction is Direction.DOWN and not child.relative:
        return child.value > parent_value
    return child.value < parent_value


def _phase_label(plan: Plan, phase, year: int, first_year: int | None = None) -> str:
    if first_year is not None and isinstance(phase, int):
        return vn.phase_label(first_year, year, None)  # a maintained range of years
    p = plan.phase(phase) if isinstance(phase, str) else None
    if p is None:
        p = next((ph for ph in plan.phases if ph.end == year), None)
    return vn.phase_label(p.start, p.end, p.label) if p else f"Năm {year}"


def rows(plan: Plan, resolved_plan, specs_by_id: dict[str, Plan], objectives=None) -> dict[str, Any]:
    """The comparison table of one resolved plan."""
    from plandsl.inherit.resolve import in_period, parent_expectation

    allows: dict[str, list[str]] = {}
    for a in plan.allows:
        if a.on:
            allows.setdefault(a.on, []).append(f"Chấp nhận sai khác ({a.code})" + (f": {a.reason}" if a.reason else ""))
    out: list[list[str]] = []
    weaker_rows: list[int] = []
    objectives = resolved_plan.objectives if objectives is None else objectives
    parent_ids = list(getattr(resolved_plan, "parents", ()) or [r.plan_id for r in plan.parents])
    for ro in objectives:
        status = getattr(ro.status, "value", ro.status)
        if status == "dropped":
            continue
        obj = ro.objective
        name = vn.capitalize(obj.indicator or obj.text or ro.id)
        parent_ro = getattr(ro, "parent", None)
        notes_common = allows.get(ro.id, [])
        if status == "waived":
            reason = ro.waiver.reason if ro.waiver and ro.waiver.reason else ""
            for pt in (t for t in (parent_ro.targets if parent_ro else ()) if in_period(plan, t.year)):
                out.append([name, _phase_label(plan, None, pt.year), "—", value_words(pt.target, obj.unit),
                            "; ".join(["Miễn trừ" + (f": {reason}" if reason else "")] + notes_common)])
            continue
        if obj.not_comparable is not None:  # another indicator under the same id: shown, not compared
            for rt in ro.targets:
                out.append([name, _phase_label(plan, rt.phase, rt.year, rt.first_year),
                            value_words(rt.target, obj.unit), "—",
                            "; ".join([f"{NOT_COMPARABLE}: {obj.not_comparable}"] + notes_common)])
            continue
        for nt in getattr(ro, "no_targets", ()):
            phase = plan.phase(nt.phase) if isinstance(nt.phase, str) else None
            span = (phase.start, phase.end) if phase else None
            for pt in (parent_ro.targets if parent_ro else ()):
                if (span and span[0] <= pt.year <= span[1]) or pt.year == nt.phase or (
                        phase is None and isinstance(nt.phase, str) and pt.phase == nt.phase):
                    out.append([name, _phase_label(plan, nt.phase, pt.year), "—", value_words(pt.target, obj.unit),
                                "; ".join([f"{NO_TARGET}: {nt.reason}"] + notes_common)])
        for rt in ro.targets:
            notes = []
            inherited = rt.provenance.plan_id != plan.id
            parent_rt = getattr(rt, "parent_value", None) or getattr(rt, "parent", None)
            parent_cell = "—"
            if parent_rt is not None:
                parent_cell = value_words(parent_rt.target, obj.unit)
                if not inherited and _weaker(rt.target, parent_rt.target.value, obj.direction):
                    notes.append(WEAKER)
            elif parent_ro is not None:
                exp = parent_expectation(parent_ro, rt.year, rt.target.relative, rt.target.base_year)
                if exp is not None:
                    approx = Target(rt.phase, exp.value.quantize(Decimal("0.1")), percent=rt.target.percent,
                                    base_year=rt.target.base_year)
                    parent_cell = value_words(approx, obj.unit) + (" (nội suy)" if exp.interpolated else "")
                    if _weaker(rt.target, exp.value, obj.direction):
                        notes.append(WEAKER)
            if inherited:
                notes.append(STATUS_NOTES["adopted"])
            elif parent_ro is None:
                notes.append(STATUS_NOTES["own"])
            notes += notes_common
            child_cell = value_words(rt.target, obj.unit)
            if WEAKER in notes:
                weaker_rows.append(len(out))
                child_cell += WEAKER_MARK
            out.append([name, _phase_label(plan, rt.phase, rt.year, getattr(rt, "first_year", None)), child_cell,
                        parent_cell, "; ".join(notes)])
    numbered = [[str(i)] + row for i, row in enumerate(out, start=1)]
    parents = [specs_by_id[p] for p in parent_ids if p in specs_by_id]
    parent_desc = "; ".join(_describe(p) for p in parents)
    return {
        "rows": numbered,
        "strong": [[i, CHILD_COLUMN] for i in weaker_rows],
        "legend": f"({WEAKER_MARK.strip()[1:-1]}) {WEAKER}." if weaker_rows else "",
        "child_label": "Kế hoạch này",
        "parent_label": "Kế hoạch cấp trên",
        "parents": f"Kế hoạch cấp trên: {parent_desc}" if parent_desc else "",
    }


def _describe(plan: Plan) -> str:
    if plan.instrument:
        return f"{plan.instrument.number} ngày {vn.date_inline(plan.instrument.date)}"
    return plan.title or plan.id
