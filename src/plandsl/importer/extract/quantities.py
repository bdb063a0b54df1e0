"""Counts with a yearly average that a task states ("tổ chức 1.000 lượt trợ giúp (bình quân 100 lượt/năm)"): each
becomes a quantity of the plan, its total over the plan's period and its average per year."""

from __future__ import annotations

import re

from plandsl.importer.draft import Quantity
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import to_decimal

_AVG = re.compile(r"\(\s*bình quân\s+(?P<avg>\d{1,3}(?:\.\d{3})+|\d+)\s*[^()]{0,20}?/\s*năm\s*\)")
_TOTAL = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d.,]*\s*%)")


def extract_quantities(ctx: Context) -> None:
    """The quantities of the tasks extracted so far (none when the plan has no period)."""
    d = ctx.draft
    if d.period is None:
        return
    years = d.period.value[1] - d.period.value[0] + 1
    seen = 0

    def walk(tasks):
        nonlocal seen
        for t in tasks:
            for m in _AVG.finditer(t.text):
                clause = re.split(r"[;:]", t.text[:m.start()])[-1]
                nums = list(_TOTAL.finditer(clause))
                if not nums:
                    continue
                n = nums[-1]
                total, avg = to_decimal(n.group(1)), to_decimal(m.group("avg"))
                if total is None or avg is None or total <= avg:
                    continue
                seen += 1
                pre = re.sub(r"\s*(?:cho\s+)?(?:tối thiểu|ít nhất)?\s*$", "", clause[:n.start()]).strip(" ,")
                text = f"{pre} {clause[n.end():].strip()}".strip()
                text = text[0].upper() + text[1:] if text else t.text[:80]
                d.quantities.append(Quantity(f"q{seen}", text, total, years, avg, t.where))
            walk(t.subtasks)

    walk(d.tasks)
