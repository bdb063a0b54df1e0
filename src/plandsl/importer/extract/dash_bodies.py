"""A body named after a dash at the end of an item, as the one that does it (after the twenty-second set):
"1. Phân tích đề thi năm 2025 – Trường THPT A thực hiện." (its lead), "2. Tham luận “…” - Trường THPT B hỗ trợ thực
hiện." (its support). The words before the dash are the task."""

from __future__ import annotations

import re

from plandsl.importer.draft import Task

# The body: a kind of body a plan gives work to, then its name (a capital after the kind, or "Tổ" and its subject),
# with no punctuation; then "thực hiện" or "hỗ trợ thực hiện" ending the item.
_DASHED = re.compile(r"^(?P<text>\S.{9,}?)\s+[–-]\s+(?P<body>(?:Trường|Phòng|Sở|Trung tâm|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|"
                     r"Ban|Hội|Đoàn|Công an|Chi cục|Cục|Văn phòng)\s+[A-ZĐÀ-Ỹ][^.;:,()“”\"–-]{1,70}?)\s+"
                     r"(?P<helps>hỗ trợ\s+)?thực hiện\s*\.?$")


def dashed_bodies(tasks: list[Task]) -> None:
    """Each task (and sub-task) with no agencies whose text ends "– X thực hiện" gets X as its lead, "– X hỗ trợ thực
    hiện" as its support, and keeps the words before the dash."""
    for t in tasks:
        dashed_bodies(t.subtasks)
        if t.leads or t.supports:
            continue
        m = _DASHED.match(t.text)
        if not m:
            continue
        t.text = m.group("text").rstrip(" ,;")
        (t.supports if m.group("helps") else t.leads).append(m.group("body").strip())
