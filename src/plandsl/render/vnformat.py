"""Vietnamese wording of dates, numbers, money, targets and document parts.

Conventions follow Decree 30/2020/NĐ-CP (administrative document format) as
seen in the seed texts: dates "ngày 19 tháng 4 năm 2021" or 19/4/2021, with a
leading zero for days below 10 and for the months 1 and 2 ("ngày 05 tháng 02
năm 2021", "22/01/2021"); "." groups thousands and "," marks decimals; list
items are lettered a), b), c), d), đ), e), g) ... (no f, j, w, z).

Every function is pure and total on its documented input.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

from plandsl.language.model import Comparator, Cycle, Direction, Level, Target, Unit

# ------------------------------------------------------------------ dates


def day_str(day: int) -> str:
    """Days below 10 take a leading zero (Decree 30, Appendix I)."""
    return f"{day:02d}"


def month_str(month: int) -> str:
    """Months 1 and 2 take a leading zero; the others do not."""
    return f"{month:02d}" if month in (1, 2) else str(month)


def date_words(date: dt.date) -> str:
    """'ngày 19 tháng 4 năm 2021'."""
    return f"ngày {day_str(date.day)} tháng {month_str(date.month)} năm {date.year}"


def date_inline(date: dt.date) -> str:
    """'19/4/2021', '22/01/2021'."""
    return f"{day_str(date.day)}/{month_str(date.month)}/{date.year}"


def day_month(day: int, month: int) -> str:
    """'10/6', '05/01'."""
    return f"{day_str(day)}/{month_str(month)}"


def place_date(place: str, date: dt.date) -> str:
    """'Quảng Ngãi, ngày 19 tháng 4 năm 2021'."""
    return f"{place}, {date_words(date)}"


# ------------------------------------------------------------------ numbers


def _plain(value: Decimal) -> str:
    """Decimal without exponent or trailing zeros: 2.50 -> '2.5', 1E+3 -> '1000'."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def number(value: Decimal | int | float | str, places: int | None = None) -> str:
    """'1.000', '2,5', '-1.234.567,89'. ``places`` rounds half up first."""
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    if places is not None:
        d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = _plain(d)
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    return sign + out + ("," + frac if frac else "")


def parse_number(text: str) -> Decimal:
    """Inverse of :func:`number`: '1.234,5' -> Decimal('1234.5')."""
    cleaned = text.strip().replace(".", "").replace(",", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        raise ValueError(f"not a Vietnamese number: {text!r}")
    return Decimal(cleaned)


def count(value: Decimal | int, pad: bool = False) -> str:
    """Counts in administrative texts: 'pad' writes one-digit counts as '01'."""
    text = number(value)
    return f"0{text}" if pad and re.fullmatch(r"\d", text) else text


def percent(value: Decimal | int) -> str:
    """'50%', '2,5%'."""
    return f"{number(value)}%"


_MONEY_SCALES = ((Decimal(10) ** 9, "tỷ"), (Decimal(10) ** 6, "triệu"))


def money(amount: Decimal | int) -> str:
    """'15 tỷ đồng', '1,5 tỷ đồng', '500 triệu đồng', '250.000 đồng'.

    A scale word is used only when the amount reads exactly with at most three
    decimals in that scale; otherwise the full amount is grouped.
    """
    d = amount if isinstance(amount, Decimal) else Decimal(str(amount))
    for scale, word in _MONEY_SCALES:
        if abs(d) >= scale:
            scaled = d / scale
            if scaled == scaled.quantize(Decimal("0.001")):
                return f"{number(scaled)} {word} đồng"
    return f"{number(d)} đồng"


# ------------------------------------------------------------------ targets

COMPARATOR_WORDS = {
    Comparator.AT_LEAST: "tối thiểu",
    Comparator.AT_MOST: "tối đa",
    Comparator.EXACTLY: "đạt",
    None: "đạt",
}


def comparator(cmp: Comparator | None, variant: str = "default") -> str:
    """'tối thiểu' (or 'ít nhất' with variant='plain'), 'tối đa', 'đạt'."""
    if variant == "plain" and cmp is Comparator.AT_LEAST:
        return "ít nhất"
    return COMPARATOR_WORDS[cmp]


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def decapitalize(text: str) -> str:
    """Lower the first letter unless the first word is an acronym (UBND, HIV)."""
    if len(text) >= 2 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def quantity(value: Decimal, unit: Unit | None, is_percent: bool = False) -> str:
    """A target value with its unit: '50%', '1.000 người', '15 tỷ đồng'."""
    if is_percent or unit is Unit.PERCENT:
        return percent(value)
    if unit is Unit.VND:
        return money(value)
    if unit is None:
        return number(value)
    return f"{count(value, pad=True)} {unit.symbol}"


def relative(value: Decimal, base_year: int, direction: Direction | None = None,
             cmp: Comparator | None = None, is_percent: bool = True) -> str:
    """'tăng 20% so với năm 2020', 'tăng tối thiểu 30% so với năm 2025', 'giảm 5% ...'."""
    verb = "giảm" if value < 0 else "tăng"
    words = [verb]
    if cmp is Comparator.AT_LEAST:
        words.append("tối thiểu")
    elif cmp is Comparator.AT_MOST:
        words.append("tối đa")
    amount = abs(value)
    words.append(percent(amount) if is_percent else number(amount))
    return " ".join(words) + f" so với năm {base_year}"


def is_rate(indicator: str) -> bool:
    """Indicators worded as a rate ('Tỷ lệ ...') put the value after the noun."""
    return indicator.lower().startswith(("tỷ lệ", "tỉ lệ"))


def target_sentence(indicator: str, target: Target, unit: Unit | None = None, year: int | None = None) -> str:
    """The sentence of one target, in the style of the seeds.

    - absolute, count noun: 'Đạt 50% số cơ quan ...', 'Tối thiểu 60% số cán bộ ...'
    - absolute, rate noun: 'Tỷ lệ ... đạt tối thiểu 60%'
    - relative: 'Tỷ lệ người ... năm 2025 tăng 20% so với năm 2020'
    """
    indicator = indicator.strip().rstrip(".;")
    if target.relative:
        when = f" năm {year}" if year is not None else ""
        rel = relative(target.value, target.base_year or 0, cmp=target.comparator,
                       is_percent=target.percent or unit is Unit.PERCENT or unit is None)
        return f"{capitalize(indicator)}{when} {rel}"
    value = quantity(target.value, unit, target.percent)
    if is_rate(indicator):
        cmp = target.comparator
        verb = "đạt" if cmp in (None, Comparator.EXACTLY) else f"đạt {COMPARATOR_WORDS[cmp]}"
        return f"{capitalize(indicator)} {verb} {value}"
    noun = decapitalize(indicator)
    if unit not in (None, Unit.PERCENT) and not target.percent and noun.lower().startswith(unit.symbol):
        # '01 cơ sở' + 'cơ sở cung cấp dịch vụ' -> '01 cơ sở cung cấp dịch vụ'
        value = count(target.value, pad=True)
    return f"{capitalize(COMPARATOR_WORDS[target.comparator])} {value} {noun}"


def average_note(total: Decimal, years: Decimal, average: Decimal | None = None) -> str:
    """'(bình quân 70/năm)': the stated average, else total/years rounded half up."""
    avg = average if average is not None else (total / years if years else total)
    return f"bình quân {number(avg, places=0)}/năm"


# ------------------------------------------------------------------ phases


def phase_label(start: int, end: int, label: str | None = None) -> str:
    """'Giai đoạn 2021-2025' (a given label wins, with its dash spacing normalised)."""
    if label:
        return re.sub(r"(\d{4})\s*[-–]\s*(\d{4})", r"\1-\2", label.strip())
    return f"Giai đoạn {start}-{end}"


def vision_label(year: int) -> str:
    return f"Tầm nhìn đến năm {year}"


def period_words(start: int, end: int) -> str:
    return f"giai đoạn {start}-{end}"


# ------------------------------------------------------------------ numbering

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """1 -> 'I', 4 -> 'IV', 14 -> 'XIV' (1..3999)."""
    if not 0 < n < 4000:
        raise ValueError(f"no Roman numeral for {n}")
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


# The Vietnamese list letters: no f, j, w, z; đ after d; no diacritic vowels.
LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n",
           "o", "p", "q", "r", "s", "t", "u", "v", "x", "y")


def letter(n: int) -> str:
    """1 -> 'a', 5 -> 'đ', 6 -> 'e', 7 -> 'g'; past 'y' the letters double ('aa')."""
    if n < 1:
        raise ValueError("list letters start at 1")
    i = n - 1
    if i < len(LETTERS):
        return LETTERS[i]
    return LETTERS[(i // len(LETTERS)) - 1] + LETTERS[i % len(LETTERS)]


# ------------------------------------------------------------------ documents

# Type abbreviations of administrative documents, Nghị định 30/2020/NĐ-CP, Phụ lục III (plus NĐ and TT,
# legal normative documents numbered the same way, e.g. "32/2010/QĐ-TTg", "45/2025/NĐ-CP").
# A công văn has NO type abbreviation: its number reads "Số: …/<issuer>-<drafting unit>", e.g.
# "2144/LĐTBXH-BTXH" or "…/UBND-VX" (Mẫu 1.5); see is_official_letter.
DOCUMENT_KINDS = {
    "NQ": "NGHỊ QUYẾT",
    "QĐ": "QUYẾT ĐỊNH",
    "CT": "CHỈ THỊ",
    "QC": "QUY CHẾ",
    "QyĐ": "QUY ĐỊNH",
    "TC": "THÔNG CÁO",
    "TB": "THÔNG BÁO",
    "HD": "HƯỚNG DẪN",
    "CTr": "CHƯƠNG TRÌNH",
    "KH": "KẾ HOẠCH",
    "PA": "PHƯƠNG ÁN",
    "ĐA": "ĐỀ ÁN",
    "DA": "DỰ ÁN",
    "BC": "BÁO CÁO",
    "BB": "BIÊN BẢN",
    "TTr": "TỜ TRÌNH",
    "HĐ": "HỢP ĐỒNG",
    "CĐ": "CÔNG ĐIỆN",
    "BGN": "BẢN GHI NHỚ",
    "BTT": "BẢN THỎA THUẬN",
    "GUQ": "GIẤY ỦY QUYỀN",
    "GM": "GIẤY MỜI",
    "GGT": "GIẤY GIỚI THIỆU",
    "GNP": "GIẤY NGHỈ PHÉP",
    "PG": "PHIẾU GỬI",
    "PC": "PHIẾU CHUYỂN",
    "PB": "PHIẾU BÁO",
    "NĐ": "NGHỊ ĐỊNH",
    "TT": "THÔNG TƯ",
}


def number_symbol(number: str) -> tuple[str, str | None, str | None]:
    """Split '255/QĐ-UBND' into ('255', 'QĐ', 'UBND'); '32/2010/QĐ-TTg' -> ('32', 'QĐ', 'TTg')."""
    parts = [p.strip() for p in number.split("/")]
    num = parts[0]
    if len(parts) < 2:
        return num, None, None
    kind, _, body = parts[-1].partition("-")
    return num, kind or None, body or None


def document_kind(number: str) -> str | None:
    """'255/QĐ-UBND' -> 'QUYẾT ĐỊNH', '57/KH-UBND' -> 'KẾ HOẠCH'; None if unknown."""
    _, kind, _ = number_symbol(number)
    if kind is None:
        return None
    return DOCUMENT_KINDS.get(kind) or DOCUMENT_KINDS.get(kind.upper())


def is_official_letter(number: str) -> bool:
    """A công văn's number: no type abbreviation, "<issuer>-<unit>" after the serial ('2144/LĐTBXH-BTXH',
    '15/UBND-VX'); the legacy 'CV' abbreviation ('12/CV-UBND') is not Nghị định 30/2020's and counts too."""
    _, kind, body = number_symbol(number)
    if kind is None:
        return False
    if kind.upper() == "CV":
        return True
    return document_kind(number) is None and body is not None


# Prefixes of administrative units, longest first.
_UNIT_PREFIXES = ("thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã")
_DEFAULT_PREFIX = {Level.PROVINCE: "tỉnh", Level.DISTRICT: "huyện", Level.COMMUNE: "xã"}


def split_unit(jurisdiction: str) -> tuple[str | None, str]:
    """'Tỉnh Quảng Ngãi' -> ('tỉnh', 'Quảng Ngãi'); 'Quảng Ngãi' -> (None, 'Quảng Ngãi')."""
    text = " ".join(jurisdiction.split())
    low = text.lower()
    for prefix in _UNIT_PREFIXES:
        if low.startswith(prefix + " "):
            return prefix, text[len(prefix) + 1:]
    return None, text


def unit_name(level: Level | None, jurisdiction: str) -> tuple[str, str]:
    """The unit word and the proper name: ('tỉnh', 'Quảng Ngãi')."""
    prefix, name = split_unit(jurisdiction)
    return prefix or _DEFAULT_PREFIX.get(level, ""), name


def committee(level: Level | None, jurisdiction: str) -> str:
    """'Ủy ban nhân dân tỉnh Quảng Ngãi'."""
    prefix, name = unit_name(level, jurisdiction)
    return f"Ủy ban nhân dân {prefix} {name}".replace("  ", " ")


def committee_short(level: Level | None, jurisdiction: str) -> str:
    """'UBND tỉnh', 'UBND huyện'."""
    prefix, _ = unit_name(level, jurisdiction)
    return f"UBND {prefix}".strip()


def issuing_body_lines(level: Level | None, jurisdiction: str | None, issuer: str | None = None) -> list[str]:
    """The left header lines: ['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI'].

    An explicit ``issuer`` wins. A department issuer gets the governing
    committee above it ('UBND TỈNH VĨNH LONG' / 'SỞ LAO ĐỘNG - ...').
    """
    if issuer:
        up = " ".join(issuer.split()).upper()
        for head in ("ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN "):
            if up.startswith(head):
                return ["ỦY BAN NHÂN DÂN", up[len(head):]]
        if jurisdiction and up.startswith(("SỞ ", "PHÒNG ", "BAN ", "CÔNG AN ")):
            prefix, name = unit_name(level, jurisdiction)
            unit = f"{prefix} {name}".upper()
            if up.endswith(" " + unit) and not up.startswith("CÔNG AN "):  # the line above names the unit
                up = up[: -len(unit) - 1]
            return [f"UBND {unit}", up]
        return [up]
    if level is Level.NATIONAL:
        return ["THỦ TƯỚNG CHÍNH PHỦ"]
    if jurisdiction is None:
        return []
    prefix, name = unit_name(level, jurisdiction)
    return ["ỦY BAN NHÂN DÂN", f"{prefix} {name}".strip().upper()]


def lower_committees(level: Level | None, date: dt.date | None = None) -> str | None:
    """The committees one level down, as plans name them.

    From 1/7/2025 the district level is abolished: a province's lower level
    is its communes, wards and special zones.
    """
    reform = date is not None and date >= dt.date(2025, 7, 1)
    if level is Level.PROVINCE:
        return "các xã, phường, đặc khu" if reform else "các huyện, thị xã, thành phố"
    if level is Level.DISTRICT:
        return "các xã, thị trấn"
    return None


def office_chief(level: Level | None, jurisdiction: str) -> str:
    """'Chánh Văn phòng UBND tỉnh'; a district office serves both councils."""
    prefix, _ = unit_name(level, jurisdiction)
    if level is Level.DISTRICT:
        return f"Chánh Văn phòng HĐND và UBND {prefix}"
    if level is Level.COMMUNE:
        return f"Công chức Văn phòng - Thống kê {prefix}"
    return f"Chánh Văn phòng UBND {prefix}".strip()


# ------------------------------------------------------------------ reporting

_CYCLE_WORDS = {
    Cycle.MONTHLY: "hằng tháng",
    Cycle.QUARTERLY: "hằng quý",
    Cycle.SEMIANNUAL: "định kỳ 6 tháng",
    Cycle.ANNUAL: "hằng năm",
    Cycle.MIDTERM: "giữa kỳ",
    Cycle.FINAL: "tổng kết",
    Cycle.AD_HOC: "đột xuất",
}


def cycle_words(cycle: Cycle, day: int | None = None, month: int | None = None) -> str:
    """'định kỳ 6 tháng (trước ngày 10/6)', 'đột xuất (khi có yêu cầu)'."""
    words = _CYCLE_WORDS[cycle]
    if cycle is Cycle.AD_HOC:
        return f"{words} (khi có yêu cầu)"
    if day is not None and month is not None:
        return f"{words} (trước ngày {day_month(day, month)})"
    return words


def join_cycles(parts: Iterable[str]) -> str:
    return ", ".join(parts)


def join_and(items: list[str]) -> str:
    """'A', 'A và B', 'A, B và C'."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " và " + items[-1]
