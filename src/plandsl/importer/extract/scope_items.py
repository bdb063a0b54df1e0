"""A numbered "2. Đối tượng, điều kiện" inside a section of tasks (after the twenty-ninth set: an admissions plan's
"II. Nội dung" / "1. Chỉ tiêu" / "2. Đối tượng, điều kiện" / "3. Phương thức tuyển sinh" / …): who may take part, no
task, but only up to its next sibling heading; "3. …" and the items after it are the section's tasks again."""

from __future__ import annotations

import attrs

from plandsl.importer.extract.zones import Zoned


def sibling_tasks(zoned: list[Zoned]) -> list[Zoned]:
    """The zones with a scope item opened by a "num1" heading inside the tasks closed at its next "num1" sibling."""
    out = list(zoned)
    inside = back = False
    for k, z in enumerate(out):
        if z.zone != "scope":
            inside = back = False
            continue
        if not inside:
            inside = z.style == "num1" and k > 0 and out[k - 1].zone in ("tasks", "specific") \
                and _tasks_before(out, k)
            continue
        if z.style == "num1":
            back = True
        if back:
            out[k] = attrs.evolve(z, zone="tasks")
    return out


def _tasks_before(zoned: list[Zoned], k: int) -> bool:
    """Whether the section holding line ``k`` is a section of tasks ("II. Nội dung"): its last Roman heading's zone."""
    return next((z.zone == "tasks" for z in reversed(zoned[:k]) if z.style == "roman"), False)
