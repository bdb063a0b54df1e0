"""Regular expressions and small parsers shared by the extractors: dates, instrument numbers,
headings, numbers, agency lists, upper-case headings back to sentence case."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

DASH = "-–—"
# "255/QĐ-UBND", "01/2021/NĐ-CP", and the party's "08-CTr/TU", "12-NQ/TU"; "9512/TTr- SNN-CCTL", printed with a
# space after a hyphen, is one number too (kept as printed), as is "10- CTr/TU"; so is "66.2/2025/NQ-CP".
DOC_NUMBER = (r"\d{1,5}(?:\.\d{1,2}(?=/))?(?:/\d{4})?(?:-(?:\s(?=[A-ZĐ][\wĐđ]*/))?[A-ZĐ][\wĐđ]*)?/[A-ZĐ]"
              r"(?:[\wĐđ]|-(?:\s(?=[A-ZĐ]{2}))?)*(?:&[A-ZĐ][\wĐđ\-]*)?(?:/[A-ZĐ][\wĐđ\-]*)?")
NUMBER_RE = re.compile(DOC_NUMBER)
# The kind heading of a plan or decision: "KẾ HOẠCH", "QUYẾT ĐỊNH: …".
# The words of the sentence that issues the plan: "… Ủy ban nhân dân tỉnh ban hành Kế hoạch …", "… xây dựng kế hoạch …"
ISSUES_PLAN = r"(?:ban hành|xây dựng)\s+[Kk]ế hoạch"
KIND_LINE = re.compile(r"^(QUYẾT ĐỊNH|KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|CHỈ THỊ|NGHỊ QUYẾT)\b:?\s*(.*)$")


def tidy_number(text: str) -> str:
    """A number printed with spaces inside ("154 /KH- UBND", "9512/TTr- SNN-CCTL") as it is meant: 154/KH-UBND."""
    return re.sub(r"(?<=[\wĐđ])-\s+(?=[A-ZĐ])", "-", re.sub(r"(?<=\d)\s+/\s*(?=[A-ZĐ])", "/", text))
# "tháng 0 6": a copy's stray space after a leading zero.
_DATE_WORDS = re.compile(r"ngày\s+(0 \d|\d{1,2})\s*tháng\s*(0 \d|\d{1,2})\s*năm\s*(\d{4})", re.IGNORECASE)
# "66.2/2025/NQ-CP" is a number, not a date.
_DATE_SLASH = re.compile(r"(?<![\d/])(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?![\d]|/[A-ZĐ])")
DOC_TYPES = ("Luật", "Bộ luật", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Thông tư liên tịch",
             "Thông tư", "Công văn", "Kế hoạch", "Chương trình", "Đề án", "Hướng dẫn", "Văn bản", "Kết luận",
             "Thông báo", "Pháp lệnh", "Hiến pháp", "Tờ trình")
DOC_TYPE_RE = re.compile(r"^(?:" + "|".join(map(re.escape, DOC_TYPES)) + r")\b")

# A numbered or bulleted line: roman section, article, 1. / 1.1. / a) / - / "Thứ nhất,"; "2.1.a." is a level under
# "2.1." (num3).
HEADING = re.compile(
    r"^(?:(?P<roman>[IVX]{1,5})[.)]|(?P<art>Điều\s+\d+)(?=[.:]|\s+[A-ZĐÀ-Ỹ])[.:]?|(?P<num>\d{1,2}(?:\.\d{1,2}){0,3}(?:\.[a-zđ](?=[.)]\s))?)(?:[.)](?!\d)|(?=\s))"
    r"|(?P<letter>[a-zđ])[)]|(?P<dash>[-–+•*·])|(?P<ord>Thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))[,:])"
    r"\s*(?P<rest>.*)$")

ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}


# "5,5. Thi chọn học sinh giỏi …": OCR's comma for the dot of a sub-number, before a capital (after the twenty-ninth set)
_COMMA_NUM = re.compile(r"^(\d{1,2}),(\d{1,2}\.\s+[A-ZĐÀ-Ỹ])")


def heading(text: str) -> tuple[str | None, str, str]:
    """(style, marker, rest): style is roman, art, num1/num2/num3, letter, dash, ord, or None."""
    m = HEADING.match(_COMMA_NUM.sub(r"\1.\2", text))
    if not m:
        return None, "", text
    for style in ("roman", "art", "num", "letter", "dash", "ord"):
        marker = m.group(style)
        if marker:
            if style == "num":
                if re.fullmatch(r"\d{4}", marker):
                    return None, "", text  # a year opening a sentence
                style = f"num{marker.count('.') + 1}"
            return style, marker, m.group("rest").strip()
    return None, "", text


def make_date(day: int, month: int, year: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> tuple[dt.date | None, re.Match | None]:
    """The first date written in words ("ngày 19 tháng 4 năm 2021") or digits (19/4/2021)."""
    best = None
    for rx in (_DATE_WORDS, _DATE_SLASH):
        m = rx.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None, None
    d = make_date(*(int(best.group(k).replace(" ", "")) for k in (1, 2, 3)))
    return d, best if d else None


def find_number(text: str) -> re.Match | None:
    return NUMBER_RE.search(text)


def to_decimal(raw: str) -> Decimal | None:
    """'1.000' -> 1000, '1,5' -> 1.5, '50' -> 50 (Vietnamese separators)."""
    raw = raw.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        raw = raw.replace(".", "")
    elif re.fullmatch(r"\d+,\d+", raw):
        raw = raw.replace(",", ".")
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


def year_range(text: str) -> tuple[int, int] | None:
    m = re.search(r"(\d{4})\s*[" + DASH + r"]\s*(\d{4})", text)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        if 1900 < a <= b < 2200:
            return a, b
    return None


_UNIT_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường")


_STOP = frozenset("và trên của giai đoạn đến năm tầm nhìn về việc thực hiện ban hành phê duyệt theo tại với cho".split())


def sentence_case(upper: str) -> str:
    """'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI' -> 'Ủy ban nhân dân tỉnh Quảng Ngãi' (place names capitalised)."""
    if not upper.isupper():
        return upper
    words = upper.lower().split(" ")
    out: list[str] = []
    capital = 0  # words still to capitalise after a unit word
    i = 0
    while i < len(words):
        w = words[i]
        pair = " ".join(words[i:i + 2])
        if pair in ("thành phố", "thị xã", "thị trấn"):
            out.extend(words[i:i + 2])
            i += 2
            capital = 4
            continue
        if w in _UNIT_WORDS and not (w == "xã" and i + 1 < len(words) and words[i + 1].startswith("hội")):
            out.append(w)
            capital = 4
        elif (capital and w.strip("\"“”,.;:()") not in _STOP and w[:1].isalpha()) or not out:
            out.append(w[:1].upper() + w[1:])
            capital = capital - 1 if capital else 0
        else:
            out.append(w)
            capital = 0
        i += 1
    # A document number keeps its capitals ("số 32/CT-TTG", not "32/ct-ttg").
    text = " ".join(o if re.search(r"\d/", o) else w for o, w in zip(upper.split(" "), out))
    for proper in ("Việt Nam", "Chính phủ", "Quốc hội", "Tổ quốc", "Hồ Chí Minh", "Ủy ban nhân dân", "Hội đồng nhân dân",
                   "Thủ tướng"):
        text = re.sub(re.escape(proper), proper, text, flags=re.IGNORECASE)
    return text


AGENCY_START = re.compile(
    r"^(?:các|Các|Sở|Bộ|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Công an|Bộ Chỉ huy|Ban|Hội|Đài|Báo|Tỉnh đoàn|Tỉnh Đoàn|"
    r"Đoàn|Liên đoàn|Liên minh|Mặt trận|Cục|Chi cục|Tổng cục|Trung tâm|Phòng|phòng|Văn phòng|Thanh tra|Kho bạc|"
    r"Ngân hàng|Bảo hiểm|Cơ quan|cơ quan|Trường|Bệnh viện|Viện|Tòa án|Thủ trưởng|Giám đốc|Chủ tịch|Thường trực|"
    r"Cổng|Học viện|Đại học|Quỹ|Hợp tác xã|Doanh nghiệp|doanh nghiệp|tổ chức|Tổ chức|đơn vị|Đơn vị|UB|Chi nhánh|"
    r"báo|Trạm|Công chức|Đảng ủy|Trưởng|Bí thư|Chi bộ|Cán bộ|Người đứng đầu|Tổ|Thông tấn xã|BHXH|Tạp chí|Vụ)\b")


_JOINT_OFFICE = re.compile(r"^Văn phòng\s+(?:Đoàn\s+(?:ĐBQH|đại biểu Quốc hội)\s+và\s+)?(?:HĐND|Hội đồng nhân dân)\s+và\s+"
                           r"(?:HĐND|Hội đồng nhân dân|UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\b")


# A kind of body with nothing after it ("cơ quan" in "cơ quan, tổ chức khác có liên quan"): no body of its own, the
# group goes on in the next piece.
_BARE_KIND = re.compile(r"(?:các\s+)?(?:cơ quan|tổ chức|đơn vị|cá nhân|doanh nghiệp)", re.IGNORECASE)


_KIND_WORD = re.compile(r"(?:đơn vị|tổ chức|cơ quan|địa phương|đoàn thể|ngành)")


# A body's own head word after a comma starts a body of its own, even in lower case ("các Sở, ban ngành, chủ đầu tư
# hạ tầng …"), where other lower-case words go on with the body before ("các huyện, thành phố").
# "cơ sở giáo dục …", "trung tâm …" likewise (after the twenty-third set: "cơ sở giáo dục nghề nghiệp, cơ sở giáo dục đại
# học, trung tâm giáo dục thường xuyên …").
_OWN_HEAD = re.compile(r"(?:các\s+)?(?:chủ đầu tư|nhà đầu tư|cơ sở giáo dục|cơ sở đào tạo|trung tâm)\b")


# A kind of institution named alone ("Viện", "Trường"), no body's name.
_BARE_SCHOOL = re.compile(r"(?:các\s+)?(?:Viện|Trường|Học viện|Đại học|Bệnh viện)", re.IGNORECASE)
_BARE_SCHOOLS = re.compile(_BARE_SCHOOL.pattern + r"(?:,\s*" + _BARE_SCHOOL.pattern + r")*", re.IGNORECASE)


def split_agencies(text: str) -> list[str]:
    """'Sở A và các cơ quan B, các tổ chức C' -> ['Sở A', 'các cơ quan B', 'các tổ chức C'].

    A piece that does not open like an agency name ("thành phố" in "các huyện, thành phố")
    stays with the piece before it.
    """
    text = re.sub(r"^[-–+•]\s*", "", text.strip().rstrip(".;:").strip())
    text = re.sub(r"^(?:với|cùng|và)\s+", "", text)
    pieces: list[str] = []
    # "Sở Khoa học và Công nghệ Sở Công Thương": a table cell that lost the comma between two Sở
    text = re.sub(r"(?<=\w)(?<!\bvà)(?<!\bcủa)(?<!\bvới)(?<!\bcùng)(?<!\bđốc)(?<!\btại)\s+(?=Sở\s)", ", ", text) \
        if text.startswith("Sở ") else text
    # A ";" ends a body ("- Đài Tiếng nói Việt Nam; - Thông tấn xã Việt Nam."): only a comma may go on with the last
    # "Ủy ban KH,CN&MT": a comma with no space between capitals joins an abbreviated name's words (twenty-sixth set)
    chunks = [(chunk, n > 0) for part in re.split(r";\s*", text)
              for n, chunk in enumerate(re.split(r"(?<![A-ZĐ]),\s*|,\s+|,(?![A-ZĐ])", part))]
    for n_chunk, (chunk, after_comma) in enumerate(chunks):
        chunk = re.sub(r"^[-–+•]\s*", "", chunk.strip())  # "- Bộ Khoa học và Công nghệ; - Bộ Xây dựng;" (a cell's list)
        if not chunk:
            continue
        # "Văn phòng HĐND và UBND xã", "Văn phòng Đoàn ĐBQH và HĐND tỉnh": one office, not two bodies
        subs = [chunk] if _JOINT_OFFICE.match(chunk) else re.split(
            r"\s+và\s+(?=(?:các|Các|Sở|Bộ|Ủy ban|Uỷ ban|UBND|Công an|Ban|Hội|Đài|Báo|Mặt trận|Thông tấn xã|"
            r"Trung tâm|Phòng|cơ quan|tổ chức|đơn vị|cộng đồng|BHXH|Tạp chí|Thủ trưởng|Cục|Chi cục|Tổng cục|Vụ|"
            r"cơ sở giáo dục|cơ sở đào tạo|trung tâm)\b)",
            chunk)
        for j, sub in enumerate(subs):
            sub = sub.strip()
            if pieces and 0 < j == len(subs) - 1 and n_chunk == len(chunks) - 1 and _KIND_WORD.fullmatch(sub) \
                    and re.match(r"[Cc]ác\s[^,]+,", pieces[-1]):
                # "Các Bộ, ngành, địa phương và đơn vị": a bare kind closing the list after "và" ends a plural group's
                # list of kinds ("… ngang bộ và cơ quan, tổ chức khác" goes on: a body of its own)
                pieces[-1] = f"{pieces[-1]} và {sub}"
            elif pieces and j == 0 and after_comma and _BARE_SCHOOL.fullmatch(sub) and _BARE_SCHOOLS.fullmatch(pieces[-1]):
                pieces[-1] = f"{pieces[-1]}, {sub}"  # "Viện, Trường": kinds of institution with no name, one collective
            elif pieces and j == 0 and after_comma and not _OWN_HEAD.match(sub) and (
                    not AGENCY_START.match(sub) or (re.match(r"[Cc]ác\s", pieces[-1])
                                      or _BARE_KIND.fullmatch(pieces[-1]))
                                      and re.match(r"(?:đơn vị|tổ chức|cơ quan|địa phương|đoàn thể|ngành|báo chí)\b", sub)):
                # "thành phố" in "các huyện, thành phố"; "các cơ quan, đơn vị có liên quan", "Các Sở, ngành, đơn vị"
                # are one body each (a plural group goes on in lower-case kinds of body; "các cơ quan thông tấn, báo chí")
                pieces[-1] = f"{pieces[-1]}, {sub}"
            else:
                pieces.append(sub)
    return [p for p in (x.strip() for x in pieces) if p]


def slug(text: str, default: str = "x") -> str:
    """An identifier from a name: ASCII letters, digits and '_', starting with a letter."""
    import unicodedata

    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).lower()
    t = re.sub(r"[^a-z0-9]+", "_", t).strip("_")
    if not t or not t[0].isalpha():
        t = f"{default}_{t}" if t else default
    return t


_YEAR4 = re.compile(r"\b(?:19|20|21)\d{2}\b")


def one_year(title: str) -> int | None:
    """A plan for one year ("Kế hoạch … năm 2025 trên địa bàn …"): its targets are for that year. Not
    the year of a document the title cites ("Nghị quyết số 12-NQ/TU năm 2021"), nor of its date ("… ngày 27/12/2025 về
    … năm 2026", "… ngày 5 tháng 3 năm 2025 về …")."""
    title = re.sub(r"\bngày\s+(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\b", "", title)
    years = _YEAR4.findall(title)
    m = re.search(r"\bnăm\s+(\d{4})\b", title)
    if len(years) != 1 or not m:
        return None
    before = title[:m.start()].split()[-3:]
    cited = ("số", "ngày", "định", "quyết", "luật", "thị", "tư")  # "… Quyết định năm 2021", "Chỉ thị năm …"
    if any(re.search(r"[\d/]", w) for w in before) or (before and before[-1].lower() in cited):
        return None
    return int(m.group(1))


_VOWELS = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_BARE = re.compile(r"[b-df-hj-np-tv-xzđ]+")  # a lower-case fragment with no vowel: no Vietnamese word is one


def unsplit_letters(text: str) -> str:
    """A copy's stray spaces inside words put back together: "Pháp ch ế" -> "Pháp chế", "H ằ ng" -> "Hằng", "c ó" ->
    "có". A lower-case fragment with no vowel ("ch", "ng", "c") goes on with the next fragment when that opens with a
    vowel, else with the one before when that ends in a vowel; a lone capital goes on with a lower-case fragment after
    it ("T ổ" -> "Tổ"), or after capitals, before a lower-case word, with them ("BHX H tỉnh"). Capitals' abbreviations ("VT", "BHXH") and words with a vowel are left alone."""
    words = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        capital = re.fullmatch(r"[B-DF-HJ-NP-TV-XZĐ][b-df-hj-np-tv-xzđ]*", w) \
            and not (out and re.fullmatch(r"[A-ZĐ]+", out[-1]))
        if (_BARE.fullmatch(w) or capital) and nxt and nxt[0] in _VOWELS:
            words[i + 1] = w + nxt
        elif capital and len(w) == 1 and re.match(r"[b-df-hj-np-tv-xzđ]+[" + _VOWELS + "]", nxt):
            words[i + 1] = w + nxt  # "T hành"
        elif _BARE.fullmatch(w) and out and out[-1][-1:].lower() in _VOWELS and out[-1][-1:].isalpha():
            out[-1] += w
        elif re.fullmatch(r"[A-ZĐ]", w) and out and re.fullmatch(r"[A-ZĐ]{2,}", out[-1]) and nxt[:1].islower():
            out[-1] += w  # "BHX H tỉnh": the last capital of an abbreviation
        else:
            out.append(w)
        i += 1
    return " ".join(out)


# "- Tham mưu Ủy ban nhân dân tỉnh:", "- … trình Hội đồng nhân dân tỉnh quyết định:": a "-" item proposing what the
# "+" items under it name (their content, not tasks).
PROPOSES = re.compile(r"^(?:(?:Tham mưu|Đề xuất)\b[^.;]*|[^.;]*\b(?:quyết định|phê duyệt|thông qua))\s*:$")
