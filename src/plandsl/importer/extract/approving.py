"""An approving resolution printed before the plan it approves (a copy of "Nghị quyết … về việc phê duyệt Kế hoạch số
46/KH-UBND …" of the HĐND, then the UBND's Kế hoạch 46/KH-UBND with its own letterhead, number and signature).

The document is the plan: its header is read from the plan's own letterhead on; the resolution is read as a
document of its own and written as the plan's approval (``approved_by``: its title, number, date, body, place,
signature and proposal), its căn cứ as the plan's bases. The resolution's lines no reader places stay lines not
placed."""

from __future__ import annotations

import re

from plandsl.importer.extract.patterns import tidy_number

_RESOLUTION_NO = re.compile(r"^Số\s*[:.]?\s*\d+/NQ-HĐND\b")
_PLAN_NO = re.compile(r"^Số\s*[:.]?\s*(\d+/KH-[A-ZĐ][\wĐđ-]*)")


def approved_plan_start(lines) -> int | None:
    """The index of the line where the approved plan's own header starts (its letterhead, else its number), when
    the document opens with an HĐND resolution whose text approves that plan by its number; else None."""
    first = next((i for i, line in enumerate(lines[:15]) if _RESOLUTION_NO.match(tidy_number(line.text))), None)
    if first is None:
        return None
    for i in range(first + 1, len(lines)):
        m = _PLAN_NO.match(tidy_number(lines[i].text))
        if not m:
            continue
        before = " ".join(line.text for line in lines[first:i])
        if not re.search(r"[Pp]hê duyệt Kế hoạch số\s*" + re.escape(m.group(1)), before.replace("KẾ HOẠCH SỐ", "Kế hoạch số")
                         .replace("PHÊ DUYỆT", "phê duyệt")):
            return None
        return i - 1 if lines[i - 1].text.isupper() else i
    return None


# "Cập nhật, bổ sung Chương trình hành động …" over a first article that issues it whole: "Điều 1. Cập nhật, bổ sung
# và ban hành kèm theo Nghị quyết này Chương trình hành động …" (after the thirteenth held-out set).
_UPDATES = re.compile(r"^Cập nhật,\s*bổ sung\s+(?=(?:Kế hoạch|Chương trình|Đề án)\b)", re.IGNORECASE)
_UPDATES_ISSUED = re.compile(r"^Điều\s+1\s*[.:]\s*Cập nhật,\s*bổ sung\s+và\s+ban hành\s+kèm theo\b", re.IGNORECASE)


def issued_title(zoned, title: str) -> str:
    """The title as issuing its plan ("Ban hành Chương trình …") when it updates the plan ("Cập nhật, bổ sung
    Chương trình …") and the first article issues the plan as updated; else the title as it is."""
    m = _UPDATES.match(title)
    if m and any(_UPDATES_ISSUED.match(z.line.text.strip()) for z in zoned):
        return "Ban hành " + title[m.end():]
    return title
