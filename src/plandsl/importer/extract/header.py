"""The header of a decision or plan: letterhead, number, place and date, kind and title,
issuing authority, legal bases, implemented documents and the proposal (Tờ trình; read in bases.py), period and
vision, the signature block and the recipients (Nơi nhận)."""

from __future__ import annotations

import re

from plandsl.core.i18n import _
from plandsl.importer.draft import Approval, Instrument, Val
from plandsl.importer.extract.approving import issued_title
from plandsl.importer.extract.bases import bases, proposal
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.issuer import (AREA, BARE_LETTERHEAD, central_party_body, department_of_letterhead,
                                             party_committee, place_of_bare_letterhead, preamble_issuer,
                                             sub_body_letterhead)
from plandsl.importer.extract.patterns import (DOC_NUMBER, KIND_LINE, find_date, one_year, sentence_case,
                                               tidy_number, year_range)
from plandsl.importer.extract.signature import SIGN, recipients, signature
from plandsl.importer.extract.stamped import stamped_instrument
from plandsl.importer.extract.title import bold_goes_on, lost_title, period_of_time_line
from plandsl.importer.extract.zones import BOILERPLATE, MOTTO

_BODY_UPPER = re.compile(r"^(?:ỦY BAN|UỶ BAN|UBND|BỘ |SỞ |THỦ TƯỚNG|CHÍNH PHỦ|HỘI ĐỒNG|BAN |PHÒNG |TỈNH |HUYỆN |"
                         r"THÀNH PHỐ |XÃ |PHƯỜNG |QUẬN |THỊ XÃ |THỊ TRẤN |BẢO HIỂM XÃ HỘI )")
_MOTTO = re.compile(r"^(?:" + MOTTO + r"|ĐẢNG CỘNG SẢN VIỆT NAM)$", re.IGNORECASE)  # (the Party's, 30th set)
# A department under the province's or district's committee: the letterhead's second line ("SỞ GIÁO DỤC VÀ ĐÀO TẠO").
_SUB_BODY_UPPER = re.compile(r"^(?:SỞ|PHÒNG|BAN|TRƯỜNG|TRUNG TÂM)\s")
_FLAT_LETTERHEAD = re.compile(r"^(?P<parent>(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)"
                              r"\s+[^\W\d]+(?:\s+[^\W\d]+){0,3}?)\s+(?P<sub>SỞ\s+\S.*)$")
_NUMBER_LINE = re.compile(r"\bSố\s*[:.]?\s*(" + DOC_NUMBER + r")")
# A number line with something other than a blank before the type code, which is no number (after the twenty-first set).
_UNREAD = re.compile(r"^S[ốóồôo]\s*[:.;]\s*(?P<n>[^/]{0,8})/\s*[A-ZĐ]{2,}")


def _unread(text: str) -> bool:
    m = _UNREAD.match(text.strip())
    return bool(m and m.group("n").strip(" .…_") and not m.group("n").strip().isdigit())

_STAMP = re.compile(r"^(?:Số\s*:?\s*\d+\s*$|Đến\s*:|Ngày\s*:|Chuyển\s*:|Lưu hồ sơ|CÔNG VĂN ĐẾN|ĐẾN\s*:?\s*Số)",
                    re.IGNORECASE)
_PLACE_DATE = re.compile(r"(?P<place>(?:Quận|Phường)\s+\d{1,2}|[A-ZĐÀ-Ỹ][^\d,;:]{1,40}),\s*ngày\s+\d{1,2}", re.UNICODE)
_ISSUES = re.compile(r"^(?:Về việc\s+|Về\s+(?=ban hành)|V/v\s+)?(?:ban hành|phê duyệt)\s+(?:kèm theo\s+)?"
                     r"(?P<obj>Kế hoạch|Chương trình|Đề án)\b(?P<rest>.*)$", re.IGNORECASE)
_NEWS = re.compile(r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?P<unit>tỉnh|huyện|thành phố|thị xã|quận|xã|phường|"
                   r"thị trấn)(?P<name>(?:\s+[A-ZĐÀ-Ỹ][\wà-ỹ]*)*)\s+(?:đã\s+)?ban hành\s+(?P<kind>Kế hoạch|Quyết định|"
                   r"Chương trình|Đề án)\s+số\s*(?P<num>" + DOC_NUMBER + r")(?P<rest>[^.]*)")
_ATTACHED = re.compile(r"[Kk]èm theo\s+(?P<kind>Kế hoạch|Quyết định|Chương trình)\s+số\s*(?P<num>" + DOC_NUMBER + r")")


_CODE = re.compile(r"[A-ZĐ]{1,10}(?:-[A-ZĐ0-9]{1,12})+")
_REFERENCE = re.compile(r"^(?:Căn cứ|Thực hiện|Theo)\b|\bsố\s*:?\s*\d", re.IGNORECASE)


# the number's type code before the place ("KH-UBND Hà Giang"; a Party's "CTr/TU Hà Giang", after the thirtieth set)
_CODE_BEFORE_PLACE = re.compile(r"^[A-ZĐ][A-ZĐa-z]{0,9}(?:[-/][A-ZĐ0-9][A-ZĐa-z0-9]{0,11})+\s+(?=[A-ZĐÀ-Ỹ])")


def _plan_place(text: str) -> bool:
    """Whether ``text`` holds a place before ", ngày …" that can be the plan's: a place name, not the tail of another
    document's number ("Công văn số 115/SGDĐT-KTKĐCLGD, ngày 21/9/2020": a basis line, after the twenty-ninth set)."""
    pm = _PLACE_DATE.search(text)
    if pm is None:
        return False
    place = _CODE_BEFORE_PLACE.sub("", pm.group("place").strip())
    return not _CODE.fullmatch(place) and not (_REFERENCE.search(text) and not text.lstrip().startswith(("Số", "SỐ")))


def _top(ctx: Context, limit: int = 60):
    return [z for z in ctx.zoned[:limit] if z.zone in ("header", "plan_header", "decision")]


def extract_header(ctx: Context) -> None:
    d = ctx.draft
    top = _top(ctx)
    _stamps(ctx, top)
    # Letterhead: the first run of upper-case lines naming a body.
    lh: list = []
    motto = False  # the national motto's line read since the letterhead began
    for z in top:
        t = z.line.text
        if lh and len(lh) < 3 and _MOTTO.match(t):
            motto = True  # "UBND TỈNH X" / "CỘNG HÒA …" / "SỞ …" / "Độc lập …": the two columns read line by line
            continue
        if z.line.no in ctx.placed or BOILERPLATE.match(t):
            if lh:
                break
            continue
        if t.isupper() and (lh or _BODY_UPPER.match(t)) and not KIND_LINE.match(t) and len(t) < 90 and (
                not motto or _SUB_BODY_UPPER.match(t)):
            lh.append(z)
            continue
        if lh:
            break
    if lh:
        ctx.place(*lh)
        lines = [z.line.text for z in lh]
        # "UBND TỈNH X SỞ GIÁO DỤC VÀ ĐÀO TẠO": a letterhead's two lines flattened into one table cell
        flat = _FLAT_LETTERHEAD.match(lines[0]) if len(lines) == 1 else None
        d.letterhead = Val([flat["parent"], flat["sub"]] if flat else lines, lh[0].line.where)
    # Number, place and date.
    for z in top:
        if z.line.no in ctx.placed:
            continue
        m = _NUMBER_LINE.search(tidy_number(_unsplit_code(z.line.text)))
        if m and d.instrument is None and not _STAMP.match(z.line.text):
            date_line = next((y for y in top if _plan_place(y.line.text) and find_date(y.line.text)[0]), None)
            if date_line is None and d.unread_date is None:  # "Hiệp Hòa, ngày 20 tháng! năm 2020": the OCR lost it
                lost = next((y for y in top if _plan_place(y.line.text)), None)
                d.unread_date = Val(lost.line.text.strip(), lost.line.where) if lost is not None else None
            if date_line is not None:
                date, _rest = find_date(date_line.line.text)
                d.instrument = Instrument(m.group(1), date, z.line.where)
                pm = _PLACE_DATE.search(date_line.line.text)
                # A layout copy's number and place on one line ("Số: 12 /KH-UBND      Hà Giang, ngày …"): the place
                # is what follows the number's type code, not the code (a Party's "Số 31-CTr/TU Hà Giang, ngày …",
                # its code in mixed case after a slash, the thirtieth set).
                place = _CODE_BEFORE_PLACE.sub("", pm.group("place").strip())
                # "T hành phố Hồ Chí M inh": a copy's stray space after a capital, which no place name has.
                d.place = Val(re.sub(r"\b([A-ZĐ]) (?=[a-zà-ỹđ])", r"\1", place), date_line.line.where)
                ctx.place(z, date_line)
    stamped_instrument(ctx, top)  # "Số:      /KH-UBND", a blank date, the signature's "831" / "07" / "6" further on
    if d.instrument is None:  # "Số: 5đ /KH-BCA-C04", "Só:#Ó6` /KH-…": a number there, but not readable
        bad = next((z for z in top if _unread(z.line.text) and not _STAMP.match(z.line.text)), None)
        d.unread_number = Val(bad.line.text.strip(), bad.line.where) if bad is not None else None
    _kind_title(ctx, top)
    lost_title(ctx, top, _title_goes_on)
    _authority(ctx, top)
    _news_style(ctx)
    _attached_instrument(ctx)
    bases(ctx)
    proposal(ctx)
    signature(ctx)
    recipients(ctx)
    _period(ctx)


def _unsplit_code(text: str) -> str:
    """"Số: 3210/QĐ - U B ND" (a copy's stray spaces inside the type code) -> "Số: 3210/QĐ-UBND"; only a line that is
    the number alone, its code all capitals."""
    m = re.fullmatch(r"(Số\s*[:.]?\s*\d+\s*/\s*)([A-ZĐ][A-ZĐ\s-]*[A-ZĐ])\s*", text)
    return m.group(1) + re.sub(r"\s*-\s*", "-", m.group(2)).replace(" ", "") if m else text


def _stamps(ctx: Context, top) -> None:
    """An incoming-document stamp ("SỞ … / Số: 969 / Đến: Ngày: …") is not the decision's number."""
    for i, z in enumerate(top):
        if re.match(r"^Đến\s*:", z.line.text, re.IGNORECASE):
            lo = max(0, i - 3)
            block = [y for y in top[lo:i + 4] if _STAMP.match(y.line.text) or (y.line.text.isupper() and top.index(y) < i
                                                                                and top.index(y) >= i - 2)]
            for y in block:
                ctx.place(y)
                ctx.draft.stamps.append(f"{y.line.text} ({y.line.where})")


# "… NĂM 2023 (Kèm theo Quyết định số 254/QĐ-UBND ngày … của Chủ tịch …)" on the plan's heading line: which decision
# issues the plan (read as the instrument), not the plan's title.
# "(Kèm theo Quyết định số 12/QĐ-UBND …)", and before the number is stamped "(Kèm theo Quyết định số /QĐ-UBND …)"
_ATTACHED_NOTE = re.compile(r"\s*\((?:Ban hành\s+)?[Kk]èm theo\s+(?:Quyết định|Nghị quyết)\s+(?:số\s*)?[\d/][^()]*\)\s*$")


_RESOLVED_PLAN = re.compile(r"^Về (?P<kind>[Kk]ế hoạch|[Cc]hương trình hành động|[Cc]hương trình|[Đđ]ề án)\s+\S")


def _kind_title(ctx: Context, top) -> None:
    d = ctx.draft
    kinds = [z for z in top if KIND_LINE.match(z.line.text) and z.line.text.isupper() and len(z.line.text) < 140]
    if not kinds:
        return
    first = kinds[0]
    ctx.place(first)
    m = KIND_LINE.match(first.line.text)
    doc_kind = m.group(1).capitalize()
    d.kind = Val(doc_kind, first.line.where)
    idx = ctx.zoned.index(first)
    after = m.group(2).strip()
    title_z = None
    if after:
        title = after
        title_z = first
    else:
        nxt = next((z for z in ctx.zoned[idx + 1: idx + 5] if z.line.no not in ctx.placed
                    and not BOILERPLATE.match(z.line.text)), None)
        if nxt is None:
            return
        title, title_z = nxt.line.text, nxt
    title = bold_goes_on(ctx, title_z, _title_goes_on(ctx, title_z, title))  # upper case, or in bold in a Markdown copy
    title = _ATTACHED_NOTE.sub("", _second_line(ctx, title_z, title))
    title_review = None
    art = re.match(r"^Điều\s+\d+\s*[.:]\s*(.*)$", title)
    if art:
        # The copy lost the decision's own title: "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …" names
        # the plan it issues; any other article does not name the decision.
        title = re.sub(r"^((?:Ban hành|Phê duyệt))\s+kèm theo Quyết định này\s+", r"\1 ", art.group(1))
        title = re.sub(r"\s*[,(]?\s*(?:với|gồm)\s+(?:những|các)\s+nội dung[^.]*$|[.:;]+$", "", title).strip()
        if not _ISSUES.match(title):
            return
        title_review = _("the document has no title line: the title is taken from {article}").format(
            article=title_z.line.text.split(".")[0])
    ctx.place(title_z)
    title = sentence_case(title.strip(" *"))
    im = _ISSUES.match(issued_title(ctx.zoned, title))  # "Cập nhật, bổ sung Chương trình …" issued whole too
    if doc_kind == "Quyết định":
        d.decision_title = f"Quyết định {title[0].lower()}{title[1:]}"
    if im and (doc_kind == "Quyết định" or doc_kind == "Nghị quyết" and not re.match(r"\s+số\b", im.group("rest"))):
        # "Ban hành Chương trình …" / "Phê duyệt Đề án …": the decision or resolution issues the plan (a resolution
        # approving another body's "Kế hoạch số 46/KH-UBND …" stays the approval)
        obj = im.group("obj").capitalize()
        d.kind = Val(obj, title_z.line.where)
        title = obj + im.group("rest")
    elif doc_kind == "Nghị quyết" and (plan := _RESOLVED_PLAN.match(title)):
        # "NGHỊ QUYẾT" / "Về Kế hoạch thực hiện …": the resolution is the plan (its "QUYẾT NGHỊ:" holds it)
        d.kind = Val(plan.group("kind").capitalize(), title_z.line.where)
        title = title[len("Về "):][0].upper() + title[len("Về ") + 1:]
    elif doc_kind != "Quyết định":
        # "KẾ HOẠCH" / "triển khai thực hiện …": a Party plan's title in lower case takes the kind too
        if title and title[0].isalpha() and not title.startswith(doc_kind):
            title = f"{doc_kind} {title[0].lower()}{title[1:]}"
    # A plan attached to the decision gives a better (mixed-case) title.
    for z in kinds[1:]:
        if z.line.no in ctx.placed or z.line.text.rstrip().endswith(":"):
            continue  # "… BAN HÀNH" / "KẾ HOẠCH TRIỂN KHAI …": a plan the title cites, read into it; "QUYẾT ĐỊNH:"
            # opens the articles, it heads no document
        k = KIND_LINE.match(z.line.text)
        if k.group(1).capitalize() == d.kind.value:
            ctx.place(z)
            j = ctx.zoned.index(z)
            nxt = next((y for y in ctx.zoned[j + 1: j + 3] if not BOILERPLATE.match(y.line.text)), None)
            if nxt is not None and not nxt.line.text.startswith(("(", "I.")):
                ctx.place(nxt)
                alt = sentence_case(_ATTACHED_NOTE.sub("", _title_goes_on(ctx, nxt, nxt.line.text)).strip(" *"))
                if k.group(2).strip() and not alt.isupper() and doc_kind == "Nghị quyết":
                    # "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ" / "thực hiện …": the kind's line holds the title's first words
                    alt = f"{sentence_case(k.group(2).strip())} {alt[0].lower()}{alt[1:]}"
                if all(y.line.no in ctx.placed for y in ctx.zoned[ctx.zoned.index(nxt):]):
                    break  # the heading ends the copy: it may be cut ("… GIAI ĐOẠN 2018 - 2025” T")
                # The plan's own heading names it, in mixed case or upper case; the decision's title only
                # describes it ("Ban hành Kế hoạch …").
                title = f"{d.kind.value} {alt[0].lower()}{alt[1:]}" if not alt.startswith(d.kind.value) else alt
            break
    title = re.sub(r"\s*([-–])\s*(?=\d{4})", r"\1", title)
    title = re.sub(r"(\d{4})\s*([-–])", r"\1\2", title)
    d.title = Val(title.strip(), title_z.line.where, title_review)


_TITLE_STOP = re.compile(r"^(?:CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|ỦY BAN|UỶ BAN|HỘI ĐỒNG|"
                         r"SỞ |BỘ |BAN |PHÒNG |UBND|\(|\[|[IVX]{1,5}[.)]|PHẦN\b|CHƯƠNG\b|ĐIỀU\b|\d+[.)])")
_TITLE_OPEN = re.compile(r"(?:\s|^)(?:VÀ|CỦA|VỀ|TẠI|TRÊN|ĐỊA BÀN|GIAI ĐOẠN|NĂM|ĐẾN|TỪ|CHO|VỚI|THEO|CÁC|NHỮNG|"
                         r"CÔNG TÁC|PHÁT TRIỂN|THỰC HIỆN|TRIỂN KHAI|BAN HÀNH|PHÊ DUYỆT|LUẬT|THUỘC)[,]?$")


# A title's second line in sentence case ("Tổ chức hội thi …" / "Cụm 3 năm học 2025 - 2026"), right before the
# bases: a cluster, a school year, a period or a year, never a sentence (after the twenty-second set).
_TITLE_TAIL = re.compile(r"(?:(?:Cụm|Năm học|Giai đoạn|Năm|Đợt|Học kỳ|Khóa|Khoá)\s+\S[^.:;]{0,70}|[^.:;]{3,70}\d{4})$")


def _second_line(ctx: Context, first, title: str) -> str:
    """``title`` with the line after ``first`` when that line ends the title (_TITLE_TAIL) and the bases or the
    first section follow it."""
    if title.isupper():
        return title
    j = ctx.zoned.index(first) + 1
    if j + 1 >= len(ctx.zoned):
        return title
    z, after = ctx.zoned[j], ctx.zoned[j + 1]
    t = z.line.text.strip()
    if z.line.no in ctx.placed or t.isupper() or not _TITLE_TAIL.fullmatch(t) or z.style is not None \
            or not (re.match(r"^(?:Căn cứ|Thực hiện)\b", after.line.text) or after.style == "roman"):
        return title
    ctx.place(z)
    return f"{title} {t[0].lower()}{t[1:]}" if not t.startswith(("Cụm", "Đợt", "Khóa", "Khoá")) else f"{title} {t}"


def _title_goes_on(ctx: Context, first, title: str) -> str:
    """An upper-case title broken over lines ("… CỘNG ĐỒNG" / "GIAI ĐOẠN 2022 - 2025 …"): the upper-case
    lines right after it that are not the authority, a motto or a section heading go on with it."""
    if not title.isupper():
        return title
    j = ctx.zoned.index(first) + 1
    taken = 0
    while j < len(ctx.zoned) and taken < 3:
        z = ctx.zoned[j]
        t = z.line.text
        year_end = re.fullmatch(r"\d{4}\W{0,3}", t) and re.search(r"(?:\d{4}\s*[-–]|GIAI ĐOẠN|NĂM|ĐẾN)$", title)
        # "TRIỂN KHAI THỰC HIỆN" / "CHỈ THỊ SỐ 32/CT-TTG …": a document the title cites, not a kind heading.
        cited = _TITLE_OPEN.search(title) and (re.match(r"^\w+ \w+ SỐ\s+\d", t)
                                               or re.search(r"(?:BAN HÀNH|PHÊ DUYỆT)$", title)) \
            or re.match(r"^(?:NGHỊ QUYẾT|CHỈ THỊ)\s+\S", t) and not re.search(r"[.:;]$", title) \
            or re.search(r"\sTHUỘC$", title)  # "… NHIỆM VỤ" /
        # "NGHỊ QUYẾT ĐẠI HỘI LẦN THỨ XIII CỦA ĐẢNG": the resolution the title names, not a kind heading;
        # "… TIỂU DỰ ÁN THUỘC" / "CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA …": the programme the title's last word needs
        # A title cut after its first word ("TRIỂN" / "KHAI ĐỢT THI ĐUA …"): its one long rest goes on with it.
        # A title broken inside a date ("… NGÀY 02 THÁNG 01" / "NĂM 2025 CỦA …") goes on, however long its rest.
        date_cut = re.search(r"\bTHÁNG\s+\d{1,2}$", title) and re.match(r"NĂM\s+\d{4}\b", t)
        too_long = len(t) > (400 if len(title.split()) == 1 and taken == 0 or date_cut else 160)
        if not year_end and (z.line.no in ctx.placed or not t.isupper() or too_long or BOILERPLATE.match(t)
                or KIND_LINE.match(t) and not cited or SIGN.match(t) or (_TITLE_STOP.match(t) and not _TITLE_OPEN.search(title))
                or re.match(r"^(?:CĂN CỨ|THỰC HIỆN\s+(?:QUYẾT|KẾ|CÔNG|NGHỊ|CHỈ))", t)):
            break
        ctx.place(z)
        title = f"{title} {t}"
        taken += 1
        j += 1
    return title


def _authority(ctx: Context, top) -> None:
    d = ctx.draft
    first_basis = next((i for i, z in enumerate(ctx.zoned) if re.match(r"^(?:Căn cứ|Thực hiện)\b", z.line.text)), None)
    auth = None
    if first_basis is not None:
        for z in reversed(ctx.zoned[max(0, first_basis - 4):first_basis]):
            t = z.line.text
            if z.line.no in ctx.placed:
                continue  # the letterhead, the title
            if t.isupper() and not BOILERPLATE.match(t) and not KIND_LINE.match(t) and (
                    _BODY_UPPER.match(t) or t.startswith(("CHỦ TỊCH", "BỘ TRƯỞNG", "GIÁM ĐỐC", "THỦ TƯỚNG", "TỔNG GIÁM ĐỐC"))):
                auth = z
                break
    place_name = None
    if d.letterhead:
        tail = sentence_case(d.letterhead.value[-1])
        m = re.search(r"\b(?:tỉnh|huyện|xã|thành phố|thị xã|quận|phường)\s+(.+)$", tail)
        place_name = m.group(1) if m else None
    if auth is not None:
        ctx.place(auth)
        authority = sentence_case(auth.line.text)
        if re.search(r"\b(?:tỉnh|huyện|xã|thành phố|thị xã|quận|phường)$", authority) and place_name:
            authority = f"{authority} {place_name}"
        d.authority = Val(authority, auth.line.where)
        # The issuing body: the authority without the person who acts for it.
        body = re.sub(r"^(?:Chủ tịch|Phó chủ tịch|Giám đốc|Tổng giám đốc|Bộ trưởng|Trưởng ban)\s+", "", authority,
                      flags=re.IGNORECASE)
        body = body[0].upper() + body[1:]
        if d.letterhead and _BODY_UPPER.match(d.letterhead.value[0]) and len(d.letterhead.value) <= 2:
            joined = sentence_case(" ".join(d.letterhead.value))
            if re.sub(r"\W", "", joined.lower()).replace("uỷ", "ủy") == re.sub(r"\W", "", body.lower()).replace("uỷ", "ủy"):
                body = joined.replace("Uỷ", "Ủy")
        d.issuer = Val(body, auth.line.where)
    elif preamble_issuer(ctx):
        pass
    elif d.letterhead and BARE_LETTERHEAD.fullmatch(" ".join(d.letterhead.value)):
        # "ỦY BAN NHÂN DÂN" alone (the copy lost the line with the place): which one is not said, unless the
        # title and the preamble name one place only.
        d.issuer = place_of_bare_letterhead(ctx)
        if d.issuer is not None:
            return
        ctx.draft.notes.append(_("the document names its issuer only as '{body}', without the place: no "
                                 "issuer or jurisdiction written ({where})").format(
            body=sentence_case(d.letterhead.value[0]), where=d.letterhead.where))
    elif d.letterhead:
        review = _("issuer taken from the letterhead; no issuing authority is printed above the căn cứ")
        joined = sub_body_letterhead(d.letterhead) or sentence_case(" ".join(d.letterhead.value))
        # "UBND TỈNH X" / "SỞ …": the department of the province, not the two lines run together (twenty-fourth set)
        d.issuer = department_of_letterhead(ctx, review) or central_party_body(ctx, review) or \
            party_committee(ctx, review) or Val(joined, d.letterhead.where, review)


def _news_style(ctx: Context) -> None:
    """A news report: "Ngày 18/5/2021, UBND huyện ban hành Kế hoạch số 57/KH-UBND thực hiện …"."""
    d = ctx.draft
    if d.instrument is not None and d.kind is not None:
        return
    for z in ctx.zoned[:12]:
        m = _NEWS.search(z.line.text)
        if not m:
            continue
        date, _rest = find_date(z.line.text[:m.start()] or z.line.text)
        ctx.place(z)
        if d.kind is None:
            d.kind = Val(m.group("kind"), z.line.where, _("taken from a report about the document, not the document"))
            rest = re.sub(r"\s+số\s*" + DOC_NUMBER, "", m.group("rest")).strip(" ,.")
            d.title = Val(f"{m.group('kind')} {rest}".strip(), z.line.where)
        if d.instrument is None and date is not None:
            d.instrument = Instrument(m.group("num"), date, z.line.where,
                                      _("number and date from a report about the document"))
        name = m.group("name").strip()
        unit = m.group("unit")
        if not name:
            area = AREA.search(z.line.text)
            if area and area.group("unit") == unit:
                name = area.group("name")
        if d.issuer is None:
            issuer = f"Ủy ban nhân dân {unit} {name}".strip()
            d.issuer = Val(issuer, z.line.where, _("issuer's name taken from 'trên địa bàn …'")
                           if not m.group("name").strip() else None)
        return


_OF_BODY = re.compile(r"của\s+(?:Giám đốc\s+|Thủ trưởng\s+)?(?P<body>(?:Sở|Ban|Phòng|Trung tâm|Chi cục|Cục)\s+[^,;()]+?)"
                      r"(?=\s*(?:[,;()]|về việc|thực hiện|$))")


def _attached_instrument(ctx: Context) -> None:
    """No "Số:" in the header: the decision approves "Kế hoạch số 18/KH-SLĐTBXH ngày 13/4/2018 của
    Giám đốc Sở …". The plan is then the Sở's, and the decision is its approving instrument."""
    d = ctx.draft
    decision = d.instrument
    if decision is not None and not _approves_another_body(d):
        return
    for z in ctx.zoned[:80]:
        m = _ATTACHED.search(z.line.text)
        if not m or (decision is not None and m.group("kind") != d.kind.value):
            continue
        date, _rest = find_date(z.line.text[m.end():])
        if not date:
            continue
        ob = _OF_BODY.search(z.line.text[m.end():])
        if decision is not None and ob is None:
            return  # the plan's own body is not named: the decision's number stays the instrument
        ctx.place(z)
        d.instrument = Instrument(m.group("num"), date, z.line.where,
                                  _("the {kind} attached to the decision; the decision's own number is "
                                    "not in the document").format(kind=m.group("kind")) if decision is None else
                                  _("the {kind} the decision approves ('kèm theo'): its own number and date; the "
                                    "decision's are written with the approval").format(kind=m.group("kind")))
        if ob and d.kind is not None and d.kind.value == "Kế hoạch":
            body = ob.group("body").strip()
            place = None
            if d.authority is not None:
                pm = re.search(r"\b((?:tỉnh|thành phố|huyện)\s+.+)$", d.authority.value)
                place = pm.group(1) if pm else None
            if place and place.lower() not in body.lower():
                body = f"{body} {place}"
            title = d.decision_title or "Quyết định phê duyệt"
            by = d.authority.value if d.authority else None
            d.approval = Approval(title, by, z.line.where, decision.number if decision else None,
                                  decision.date if decision else None)
            d.issuer = Val(body, z.line.where,
                           _("the plan is the attached one: its issuer is the body that wrote it"))
        return


def _approves_another_body(d) -> bool:
    """A decision with its own number that approves ("phê duyệt", not "ban hành") a plan: the plan may be another
    body's, named in "(Kèm theo Kế hoạch số 74/KH-SYT ngày … của Sở Y tế tỉnh …)"."""
    return bool(d.instrument is not None and "/QĐ-" in d.instrument.number and d.kind is not None
                and d.kind.value in ("Kế hoạch", "Chương trình") and d.decision_title
                and re.search(r"\bphê duyệt\b", d.decision_title, re.IGNORECASE))


def _period(ctx: Context) -> None:
    d = ctx.draft
    if d.title is None:
        return
    # "… đại biểu HĐND các cấp nhiệm kỳ 2026 - 2031": the elected bodies' term, not the plan's period.
    t = re.sub(r"\bnhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4}", "", d.title.value, flags=re.IGNORECASE)
    r = year_range(t)
    if r:
        d.period = Val(r, d.title.where)
    elif (year := one_year(t)) is not None and not re.search(r"đến\s+(?:năm\s+)?\d{4}", t):
        d.period = Val((year, year), d.title.where)  # a plan for one year ("… năm 2022 trên địa bàn …")
    else:
        m = re.search(r"giai đoạn đến\s+(?:năm\s+)?(\d{4})", t, re.IGNORECASE)
        if (found := period_of_time_line(ctx)) is not None:
            d.period = Val(*found)
        elif m:
            d.notes.append(_("the title says 'giai đoạn đến {year}' without a start year: no period was set "
                             "({where})").format(year=m.group(1), where=d.title.where))
    v = re.search(r"(?:tầm nhìn|định hướng) đến (?:năm )?(\d{4})", t, re.IGNORECASE)
    if v:
        d.vision = Val(int(v.group(1)), d.title.where)
