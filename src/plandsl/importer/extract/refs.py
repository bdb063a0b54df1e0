"""A preamble clause ("Thực hiện Chỉ thị số …; Chỉ thị số …; Hướng dẫn số …") that the copy broke into lines."""

from __future__ import annotations

import re

from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import DOC_TYPE_RE, find_number


def clause_lines(ctx: Context, z) -> str:
    """The clause of the "Căn cứ" / "Thực hiện" line ``z`` with the lines the copy broke off it: after a ";", a
    line naming a document by its number ("Hướng dẫn số 7886/HD-BNV …"); after no end mark, a short line of running
    text ("Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031."). Those lines are placed; another clause, a heading or
    the sentence that issues the plan ends it."""
    text = z.line.text
    i = ctx.zoned.index(z)
    for y in ctx.zoned[i + 1:i + 4]:
        t = y.line.text
        if y.style is not None or y.zone != z.zone or re.match(r"^(?:Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị)\b", t):
            break
        if text.endswith(";") and DOC_TYPE_RE.match(t) and find_number(t) \
                or not text.endswith((".", ";", ":")) and re.match(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+){1,3}\b", t) \
                and not re.search(r"\b(?:ban hành|xây dựng)\s+(?:Kế hoạch|kế hoạch)", t) and len(t) < 80:
            text = f"{text} {t}"
            ctx.place(y)
        else:
            break
    return text
