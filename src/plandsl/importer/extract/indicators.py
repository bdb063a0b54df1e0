"""An appendix's table of indicators copied from a gazette's text layer, one cell a line (after the thirteenth held-out
set): "TT" / "CHỈ TIÊU" / "MỤC TIÊU" / "2026 - 2030" / "CƠ QUAN CHỦ TRÌ, THEO DÕI" / "CƠ QUAN PHỐI HỢP", then per
row its number, the indicator's wording (its unit in brackets at the end: "(%)", "(USD)"), one value for the period
and the bodies in charge. The header is printed again on every page, and a section row ("I" / "VỀ KINH TẾ") may
stand between rows.

A row is read only when its layout is unambiguous: its number is the next one, its wording comes first, and one
value cell (a figure, with its comparator before it or on the line above: "> 55", "≤10,7", "Không quá" / "60")
stands right before the first line of a body's name ("Bộ …", "1. Các bộ, …"). Such a row is an objective with one
target in the column's last year (or in the year its wording names inside the column's period: "đến năm 2028").
"> 55" and "< 20" are >= and <= (the plan language has no strict comparator). A bare figure in a table whose other
rows write comparators is the level to reach ("="); in a table that writes none, 'at least' as in other tables.

No target, and the row's lines kept as written: a range ("40 - 45"), a rank ("Thuộc nhóm 3 nước …"), words
("Đạt bao phủ …"), a growth, a change or an average over the period ("Tốc độ tăng …", "Tăng trưởng …", "Giảm …",
"… bình quân/GDP", "…/năm"; not "bình quân đầu người", a level per person), and a "Trong đó:" row under such a row.
The bodies' cells say who follows the indicator, not a task's lead: they are kept as written. A range or a rank is
a level the plan language cannot state exactly (a target is one figure, at least / at most / exactly): rather than a
floor or a ceiling the table does not write, the draft says at its top which rows those are (brief h11b).
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise

from plandsl.core.i18n import _
from plandsl.importer.draft import Objective, Target, next_id
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import to_decimal

_NO = re.compile(r"^(?:TT|STT)\.?$")
_WHAT = re.compile(r"^CHỈ TIÊU$", re.IGNORECASE)
_AIM = re.compile(r"^MỤC TIÊU(?:\s+(?P<start>\d{4})\s*[-–]\s*(?P<end>\d{4}))?$", re.IGNORECASE)
_PERIOD = re.compile(r"^(?P<start>\d{4})\s*[-–]\s*(?P<end>\d{4})$")
_ROW = re.compile(r"^(\d{1,2})\.?$")
_ROMAN = re.compile(r"^[IVX]{1,5}\.?$")
_NUM = r"\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?"
_CMP = r"≥|>=|>|≤|<=|<|[Kk]hông quá|[Kk]hông dưới|[Tt]ối thiểu|[Tt]ối đa|[Tt]rên|[Dd]ưới"
_VALUE = re.compile(rf"^(?:Phấn đấu\s+)?(?P<cmp>{_CMP})?\s*(?P<num>{_NUM})\s*(?P<pct>%)?$")
_RANK = re.compile(r"^(?:Thuộc nhóm|Nằm trong nhóm|Đứng thứ)\b")
_RANGE = re.compile(rf"^(?:{_NUM})\s*[-–]\s*(?:{_NUM})\s*%?$")
_JOINED = re.compile(rf"^(.*\S)\s+((?:{_NUM})\s*%)$")
_CMP_ONLY = re.compile(rf"^(?:Phấn đấu\s+)?(?P<cmp>{_CMP})$")
_CEILING = ("≤", "<=", "<", "không quá", "tối đa", "dưới")
# The first line of a body's cell: "Bộ Công Thương", "1. Các bộ, cơ quan, …", "Các địa phương", "Ngân hàng Nhà nước".
_BODY = re.compile(r"^(?:\d\.\s+)?(?:Bộ|Các|Ngân hàng|Ủy ban|Uỷ ban|Văn phòng|Thanh tra|Kiểm toán|Bảo hiểm|Tòa án|"
                   r"Toà án|Viện|Sở|UBND)\b")
# Not a level: a growth, a change or an average over the period.
_CHANGE = re.compile(r"^(?:Trong đó:\s*)?(?:tốc độ tăng|tăng|giảm)\b|(?<!vào )\btăng trưởng\b|\bgiảm\b|"
                     r"\bbình quân\b(?!\s+đầu người)|/\s*năm\b", re.IGNORECASE)
_UNIT = re.compile(r"\(([^()]{1,30})\)\s*$")
_UNITS = {"%": "%", "người": "people"}
_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b")


def _header(texts: list[str], i: int) -> tuple[int, int, int] | None:
    """(start, end, the index after the header) when a header of the table opens at ``texts[i]``."""
    if not _NO.match(texts[i]) or i + 4 >= len(texts) or not _WHAT.match(texts[i + 1]):
        return None
    m = _AIM.match(texts[i + 2])
    j = i + 3
    if m and not m.group("end"):
        m = _PERIOD.match(texts[j])
        j += 1
    if not m or int(m.group("start")) >= int(m.group("end")):
        return None
    k = j
    while k < min(j + 4, len(texts)) and not re.search(r"PHỐI HỢP$", texts[k], re.IGNORECASE):
        k += 1
    heads = " ".join(texts[j:k + 1]).upper()
    if k >= len(texts) or not heads.startswith("CƠ QUAN") or "CHỦ" not in heads:
        return None
    return int(m.group("start")), int(m.group("end")), k + 1


def indicator_tables(ctx: Context) -> None:
    texts = [z.line.text.strip() for z in ctx.zoned]
    i = 0
    while i < len(texts):
        head = _header(texts, i) if ctx.zoned[i].zone == "appendix" and ctx.zoned[i].line.no not in ctx.placed \
            else None
        if head is None:
            i += 1
            continue
        i = _read(ctx, texts, i, head)


def _read(ctx: Context, texts: list[str], i: int, head: tuple[int, int, int]) -> int:
    """Reads the table whose header opens at ``texts[i]``; the index after its last row."""
    start, end, k = head
    heads = list(range(i, k))
    rows: list[tuple[list[int], bool]] = []  # the indexes of each row's lines; whether it is a "Trong đó:" row
    expect = 1
    while k < len(texts) and ctx.zoned[k].zone == "appendix":
        text = texts[k]
        again = _header(texts, k)
        if again is not None and again[:2] == (start, end):
            heads += range(k, again[2])
            k = again[2]
            continue
        m = _ROW.match(text)
        if m and int(m.group(1)) == expect:
            rows.append(([k], False))
            expect += 1
        elif _ROMAN.match(text) and k + 1 < len(texts) and texts[k + 1].isupper():
            rows.append(([], False))  # a section row: ends the row before it; lines after it, till a row, not read
            heads.append(k)
            k += 1
            while k < len(texts) and texts[k].isupper() and not _NO.match(texts[k]):
                heads.append(k)
                k += 1
            continue
        elif text.startswith("Trong đó:") and rows and rows[-1][0]:
            rows.append(([k], True))
        elif re.match(r"^Phụ lục\b", text, re.IGNORECASE) or not rows:
            break
        elif rows[-1][0]:
            rows[-1][0].append(k)
        k += 1
    rows = [r for r in rows if r[0]]
    if len(rows) < 3:
        return i + 1
    read = [_row(texts, lines, sub, start, end) for lines, sub in rows]
    written = any(r is not None and r[2] is not None for r in read)
    d = ctx.draft
    ctx.place(*(ctx.zoned[x] for x in heads))
    level = False
    loose: list[str] = []  # the rows whose value is a range or a rank: no target, and said so
    for (lines, sub), r in zip(rows, read):
        if r is None and (what := _loose_value(texts, lines)) is not None:
            loose.append(f"'{what[0]}' ({ctx.zoned[what[1]].line.where})")
        if not sub:
            level = r is not None
        if r is None or (sub and not level):
            continue
        wording, value, cmp_, pct, unit, year, used = r
        if cmp_ is None and not written:
            cmp_, review = ">=", _("no comparator written; 'at least' assumed")
        elif cmp_ is None:
            review = _("no comparator written where the table's other rows write one: the figure is the level "
                       "to reach")
        else:
            review = None
        if unit is not None and unit != "%" and unit not in _UNITS:
            why = _("a figure in '{unit}', a unit the plan language lacks: written as a bare number").format(
                unit=unit)
            review = f"{review}; {why}" if review else why
        u = "%" if pct else _UNITS.get(unit or "")
        where = ctx.zoned[lines[0]].line.where
        d.objectives.append(Objective(next_id("o", d.objectives), wording, where, [Target(
            year, value, cmp_, pct, None, ctx.zoned[used[-1]].line.where, review, u)], unit=u,
            direction="down" if cmp_ == "<=" else "up"))
        ctx.place(*(ctx.zoned[x] for x in used))
    if loose:
        d.notes.append(_("indicators whose value is a range or a rank, which a target cannot state exactly: no target "
                         "written, their rows kept as written: {rows}").format(rows=", ".join(loose)))
    return k


def _loose_value(texts: list[str], lines: list[int]) -> tuple[str, int] | None:
    """(the value as written, its index) of a row whose value cell is a range ("40 - 45") or a rank ("Thuộc nhóm"
    / "3 nước dẫn đầu ASEAN"), standing before a body's name; None otherwise, and for a growth or a change."""
    found = next(((texts[a], a) for a, b in pairwise(lines)
                  if _BODY.match(texts[b]) and (_RANGE.match(texts[a]) or _RANK.match(texts[a]))), None)
    found = found or next(((texts[x], x) for x in lines if _RANK.match(texts[x])), None)
    if found is None or _CHANGE.search(" ".join(texts[x] for x in lines if x < found[1])):
        return None  # a growth, a change or an average over the period is no target, whatever its value
    return found


def _row(texts: list[str], lines: list[int], sub: bool, start: int, end: int):
    """(wording, value, comparator, percent, unit, year, the lines read) of a row whose layout is unambiguous, or
    None."""
    cells = [texts[x] for x in lines]
    of = list(lines)  # the line of each cell
    first = 0 if sub else 1  # after the row's number
    if not any(_VALUE.match(c) and _BODY.match(n) for c, n in pairwise(cells)):
        # The copy joined the value to the wording's last line ("… khám sức khoẻ hằng năm 100%"): a percentage
        # ending the line before the first body's line, in a row that has no value cell of its own.
        p = next((x for x in range(first, len(cells) - 1) if _BODY.match(cells[x + 1])), None)
        joined = _JOINED.match(cells[p]) if p is not None else None
        if joined and re.match(r"^[^\W\d_]", joined.group(1)):
            cells[p:p + 1] = [joined.group(1), joined.group(2)]
            of[p:p + 1] = [of[p], of[p]]
    for v in range(first + 1, len(cells) - 1):
        m = _VALUE.match(cells[v])
        if not m or not _BODY.match(cells[v + 1]):
            continue
        cmp_ = m.group("cmp")
        upto = v
        if cmp_ is None and (c := _CMP_ONLY.match(cells[v - 1])) and v - 1 > first:
            cmp_, upto = c.group("cmp"), v - 1
        words = cells[first:upto]
        if not words or any(_VALUE.match(w) and not re.search(r"\bnăm$", p) for p, w in pairwise(words)) or \
                _VALUE.match(words[0]) or not re.match(r"^[^\W\d_]", words[0]) or \
                any(_BODY.match(w) or _RANGE.match(w) for w in words):
            return None  # a figure inside the wording that is not a year after "năm": not sure which is the value
        wording = " ".join(words)
        if sub:
            wording = re.sub(r"^Trong đó:\s*", "", wording)
        if not wording or _CHANGE.search(wording):
            return None
        unit = _UNIT.search(wording)
        unit_text = unit.group(1).strip() if unit else None
        pct = bool(m.group("pct")) or unit_text == "%"
        year = end
        named = [int(y) for y in _YEAR.findall(wording)]
        if named:
            if len(set(named)) != 1 or not start <= named[0] <= end:
                return None
            year = named[0]
        value = to_decimal(m.group("num"))
        if value is None:
            return None
        c = None if cmp_ is None else "<=" if cmp_.lower() in _CEILING else ">="
        wording = wording[0].upper() + wording[1:]
        return wording, Decimal(value), c, pct, unit_text, year, sorted(set(of[:v + 1]))
    return None
