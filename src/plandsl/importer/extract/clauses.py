"""An objective's text cut into clauses, one per figure, for the objectives reader (``extract.objectives``); and the
counts and held levels that cutting has to recognise."""

from __future__ import annotations

import re

from plandsl.importer.extract.figures import NAMED_YEAR as _NAMED_YEAR
from plandsl.importer.extract.figures import per_unit

# A count of things ("thí điểm 01 mô hình", "ít nhất 500 lượt người"; "có tối thiểu 5.000 doanh nghiệp", "tối thiểu
# 25 thương vụ", "tối thiểu 01 sàn giao dịch dữ liệu", "ít nhất 05 dự án": counts the plan language has no unit for,
# written without one).
# Not a rank ("top 03 vùng").
COUNT = re.compile(r"(?<!từ )(?<!đến )(?<!top )(?<!Top )(?<!thứ )(?<![\d./\-–])(?<![\-–] )(?P<q>(?:ít nhất|tối thiểu|thí điểm)\s+)?(?P<n>\d{1,3}(?:\.\d{3})+|0?\d{1,4})\s+"
                   r"(?P<unit>mô hình|cơ sở|trung tâm|người|lượt|trẻ em|học sinh|cán bộ|lao động|trạm|công trình|"
                   r"doanh nghiệp|thương vụ|vùng|sản phẩm|sàn|địa bàn|dự án)\b"
                   r"(?!\s*(?:đến|-|–)\s*\d)"
                   r"(?![^,;/]{0,20}/)")  # not a rate ("500 trẻ em/100.000 trẻ em")
# "… với 70 học sinh; trong đó có 62 học sinh đang theo học tại trường và tuyển thẳng 08 chỉ tiêu …": a count of what is
# there now ("đang theo học", "hiện có …") is no target; an admission quota ("tuyển thẳng 08 chỉ tiêu") is one, a floor,
# as the twenty-ninth set's key reads it
_PRESENT_AFTER = re.compile(r"\s*(?:đang\s+(?:theo\s+)?học|hiện\s+(?:có|đang)|đã\s+(?:có|học|theo học))\b", re.IGNORECASE)
_PRESENT_BEFORE = re.compile(r"\bhiện\s+(?:nay\s+)?(?:có|đang có)\s+$", re.IGNORECASE)
_QUOTA = re.compile(r"\btuyển(?:\s+(?:thẳng|thêm|bổ sung|mới))?\s+(?P<n>\d{1,4})\s+(?P<unit>chỉ tiêu)\b", re.IGNORECASE)


def target_count(clause: str) -> re.Match | None:
    """The clause's first count that is not of what is there now and not one per unit; else, when it had one of what is
    there now, an admission quota after it (the units of what is there, "tại các lớp …", do not make it one per unit)."""
    present = None
    for m in COUNT.finditer(clause):
        if _PRESENT_AFTER.match(clause, m.end()) or _PRESENT_BEFORE.search(clause[:m.start()]):
            present = m
            continue
        return None if per_unit(clause, m.start()) else m
    quota = _QUOTA.search(clause, present.end()) if present else None
    return quota if quota and not per_unit(clause[quota.start():], 0) else None


# A level held, not reached ("duy trì 100%").
HOLD = r"(?:tiếp tục\s+)?(?:duy trì|giữ vững|giữ ổn định)"


_FIGURE = r"\d[\d.,]*\s*(?:%|mô hình|cơ sở|trung tâm|người|lượt|trẻ em|học sinh|cán bộ|công trình|doanh nghiệp|vùng|sản phẩm)"
# A comma before the next figure, after a figure ("80% trẻ em …, 70% trẻ em …", "Hà Nội có 200 công trình, Huế có …").
_NEXT_FIGURE = re.compile(r",\s+(?:và\s+)?(?=(?:[A-ZĐÀ-Ỹ][^,;%\d]{1,40}?\s+có\s+)?(?:khoảng|ít nhất|tối thiểu|trên|có)?\s*"
                          + _FIGURE + r"(?!\w))")

# "100% các điểm … và 100% diện tích …", "… tại 100% nhà trường và trên 70% người lao động …": "và" before a share with
# wording of its own (after the seventeenth set). Not after a fall ("giảm 50% số vụ và 30% số người …": the second
# share would lose its direction).
_AND_FIGURE = re.compile(r"\s+và\s+(?=(?:trên|ít nhất|tối thiểu|khoảng)?\s*\d{1,3}(?:,\d+)?\s*%\s+[^\W\d_]{2,})")
_FALLS = re.compile(r"\b(?:giảm|dưới|xuống|không quá|tối đa|hạ|còn|thấp hơn)\b", re.IGNORECASE)

# "xuống dưới 12% (khu vực thành thị), 8% (khu vực nông thôn) vào năm 2025 …", "đạt 80% ở thành thị và 70% ở nông
# thôn": figures each with its own wording, sharing the sentence's start (the comparator) and end (the year).
_OWN = r"\d{1,3}(?:,\d+)?\s*%(?:\s*\([^()%\d]{2,50}\)|\s+(?:ở|tại|đối với|khu vực|vùng)\s+[^,;()%\d]{2,50}?)"
_SHARED = re.compile(r"^(?P<lead>[^%]*?)(?P<figures>" + _OWN + r"(?:(?:\s*,\s*(?:và\s+)?|\s+và\s+)" + _OWN + r")+)"
                     r"(?P<tail>\s+(?:vào|đến|trong|tới)\s+(?:hết\s+)?năm\s+\d{4}[^%]*)?$", re.IGNORECASE)
_NOT_WORDING = re.compile(r"\d[\d.,]*\s*%?|\b(?:khoảng|ít nhất|tối thiểu|trên|có|và|đạt)\b", re.IGNORECASE)


def shared(clause: str) -> list[str] | None:
    """One clause per figure of a sentence listing figures each with its own wording, each with the sentence's
    shared start and end; None when the sentence is not that."""
    m = _SHARED.match(clause)
    if not m or not m.group("lead").strip():
        return None
    figures = re.findall(_OWN, m.group("figures"), re.IGNORECASE)
    return [f"{m.group('lead')}{f.strip()}{m.group('tail') or ''}" for f in figures]


# "…: 125 trạm (…), nâng tổng số trạm 5G: 188 trạm": a second count, of a total, after the first one's comma.
_TOTAL_AFTER = re.compile(r",\s+(?=(?:nâng|đưa)\s+tổng\s+số\b[^,;()%]{0,60}?(?::\s*|\s+lên\s+)\d)", re.IGNORECASE)


def clauses(text: str) -> list[str]:
    """An objective's text cut into one clause per figure: at semicolons (not before a held level), at "trong
    đó", at the comma before the next figure that has wording of its own, and a sentence listing figures with their
    own wording ("… 12% (thành thị), 8% (nông thôn) …") into one clause each."""
    text = _TOTAL_AFTER.sub(lambda m: "; " if COUNT.search(m.string[:m.start()]) else m.group(0), text)
    parts = re.split(r";(?!\s*(?:và\s+)?(?:(?:đến|tới)\s+(?:hết\s+)?năm\s+\d{4}\s*,?\s+)?" + HOLD + r"\b)\s*|,?\s+trong đó,?\s+(?=[^;]*\d\s*%)"
                     r"|\.\s+Trong đó\s*:\s*(?=[^;.]*\d\s*(?:triệu\s+|nghìn\s+|tỷ\s+)?(?:USD|tấn)\b)", text)
    out: list[str] = []
    for part in (p.strip(" .;,") for p in parts if p and p.strip(" .;,")):
        start, first = 0, len(out)
        cuts = sorted([*_NEXT_FIGURE.finditer(part), *(() if _FALLS.search(part) else _AND_FIGURE.finditer(part))],
                      key=lambda m: m.start())
        for m in cuts:
            if m.start() < start:
                continue
            if re.search(_FIGURE, part[start:m.start()]) and not _NAMED_YEAR.search(part[m.end():]):
                out.append(re.sub(r"\.\s+Trong đó$", "", part[start:m.start()].strip(" .;,")))
                start = m.end()
        out.append(part[start:].strip(" .;,"))
        if any(len(re.findall(r"[^\W\d_]{2,}", _NOT_WORDING.sub(" ", piece))) < 2 for piece in out[first + 1:]):
            out[first:] = [part]  # "đạt 80%, 70% và 60%": figures without wording of their own are not split off
    return [q for p in out if p for q in (shared(p) or [p])]
