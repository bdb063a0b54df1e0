"""The end of a plan: duties per agency (Tổ chức thực hiện), requests (đề nghị), funding
(Kinh phí thực hiện) and the reporting cadence (định kỳ … báo cáo)."""

from __future__ import annotations

import re
from decimal import Decimal

from plandsl.core.i18n import _
from plandsl.importer.draft import Funding, Report, Responsibility
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import AGENCY_START, to_decimal

_GIAO = re.compile(r"\bgiao\s+(?P<agency>(?:[Pp]hòng|Sở|Công an|Ban|Trung tâm|Ủy ban|UBND|Văn phòng|Đài|Hội|Bộ)\b"
                   r"[^;:]*?)\s+(?P<duty>(?:làm|là|chủ trì|phối hợp|thực hiện|tham mưu|tổ chức|theo dõi)\b[^;]*)")
_GIAO_HEAD = re.compile(r"^(?:Giao|Đồng thời,?\s+giao)\s+")
_WORDS = re.compile(r"[^\W\d_]+")
_AMOUNT = re.compile(r"(\d[\d.,]*)\s*(tỷ|triệu|nghìn|ngàn)?\s*đồng")
_AMOUNT_RANGE = re.compile(r"\d[\d.,]*\s*(?:tỷ|triệu|nghìn|ngàn)?\s*đồng\s*[-–]\s*\d[\d.,]*\s*(?:tỷ|triệu|nghìn|ngàn)?\s*đồng")
_MULT = {"tỷ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3, None: 1}
_SOURCE_WORDS = re.compile(r"ngân sách|nguồn|đóng góp|tài trợ|huy động|vốn|xã hội hóa|kinh phí", re.IGNORECASE)
_CYCLES = (("semiannual", r"\b(?:6|06|sáu)\s*tháng"), ("quarterly", r"(?:hằng|hàng)\s+quý"),
           ("monthly", r"(?:hằng|hàng)\s+tháng"),
           ("annual", r"(?:hằng|hàng)\s+năm|(?<=tháng,)\s*năm\b|\bnăm\s*(?=\(|hoặc)"),
           ("midterm", r"giữa kỳ"), ("final", r"tổng kết|,\s*giai đoạn\b"), ("ad_hoc", r"đột xuất"))


def _agency_head(rest: str) -> tuple[str, bool, str | None] | None:
    """(agency, is_request, inline duty) of a heading in the organisation section, or None."""
    rest = rest.strip(" *")
    request = False
    m = re.match(r"^Đề nghị\s+(.*)$", rest)
    if m:
        request, rest = True, m.group(1)
    duty = None
    if rest.endswith(":"):
        agency = rest[:-1]
    elif ": " in rest:
        agency, duty = rest.split(": ", 1)
    else:
        agency = rest
    agency = re.sub(r"\s+(?:có trách nhiệm|chịu trách nhiệm)\s*:?$", "", re.sub(r"^Giao\s+", "", agency)).strip(" :")
    # "Sở Y tế chủ trì, phối hợp với Sở … thực hiện …:", "Sở Tài chính phối hợp với … tham mưu …": the body, then its duty
    cut = re.search(r"\s+(?=(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|theo chức năng|trong phạm vi|chủ động|"
                    r"là cơ quan|căn cứ|tham mưu|triển khai|tổ chức triển khai|tổ chức thực hiện)\b)", agency)
    glue = ": "  # how the duty found so far goes on from the words before it
    if cut and AGENCY_START.match(agency):
        said = agency[cut.end():]
        agency, duty = agency[:cut.start()], f"{said[0].upper()}{said[1:]}" + (f": {duty}" if duty else "")
        glue = " "
    known = _known_body(agency)
    if known is not None:  # "Bộ Giáo dục và Đào tạo nghiên cứu việc …; phối hợp …": a body the registry knows, its duty
        said = agency[len(known):].strip(" :")
        agency, duty = known, f"{said[0].upper()}{said[1:]}" + (f"{glue}{duty[0].lower()}{duty[1:]}" if duty else "")
    agency = agency.strip(" :.")
    if not (AGENCY_START.match(agency) or request) or len(agency) > 160:
        return None
    return agency, request, duty


def _known_body(text: str) -> str | None:
    """The longest first words of ``text`` that name one body the registry knows, when a duty's verb follows them
    (written with no mark between: "Bộ Giáo dục và Đào tạo nghiên cứu …"); None otherwise."""
    from plandsl.registry.agencies import AgencyRegistry

    words = text.split()
    if len(words) < 6 or not AGENCY_START.match(text):
        return None
    registry = AgencyRegistry.load()
    if registry.resolve(text) is not None:
        return None
    for n in range(min(len(words) - 1, 10), 1, -1):
        if _DUTY_VERB.match(" ".join(words[n:n + 2])) and (found := registry.resolve(" ".join(words[:n]))) is not None \
                and not found[0].collective:
            return " ".join(words[:n])
    return None


# The verbs a body's duty opens with, written right after its name ("Sở Tư pháp theo dõi, đôn đốc …").
_DUTY_VERB = re.compile(r"(?:nghiên cứu|theo dõi|chỉ đạo|tuân thủ|hướng dẫn|rà soát|tăng cường|bố trí|đôn đốc|kiểm tra|"
                        r"thực hiện|xây dựng|tổ chức|ban hành|tuyên truyền|phổ biến|quản lý|giám sát)\b")


def _cut_open(z) -> bool:
    """Whether the line ``z`` was cut inside its sentence: a long line ending in a lower-case word, no stop."""
    text = z.line.text.rstrip()
    return len(text) >= 60 and text[-1:].isalpha() and text[-1:].islower()


def extract_organisation(ctx: Context) -> None:
    d = ctx.draft
    zs = [z for z in ctx.zoned if z.zone == "org"]
    top_style = None
    current: Responsibility | None = None
    closed = False
    bare = False  # the last line was a bullet mark alone
    for k, z in enumerate(zs):
        text = z.line.text
        # An article that gives a body its duty ("Điều 2. Giao Giám đốc Sở … chủ trì …"), read once for both tests below
        given = _agency_head(_GIAO_HEAD.sub("", z.rest)) if z.style == "art" else None
        if z.style in ("roman", "art") and re.search(r"tổ chức thực hiện|trách nhiệm", text, re.IGNORECASE) and \
                not (given is not None and len(z.rest) > 60):
            ctx.place(z)  # the section's heading ("IV. TỔ CHỨC THỰC HIỆN"), not "Điều 2. Giao Giám đốc Sở … chủ trì …"
            continue
        if z.style == "art" and top_style is None:
            if given is not None and given[2]:
                # "Điều 2. Giao Giám đốc Sở … chủ trì, phối hợp với … tổ chức thực hiện tốt Kế hoạch": that body's duty
                d.responsibilities.append(Responsibility(given[0], given[1], z.line.where, [given[2]]))
                ctx.place(z)
                continue
        if z.style is not None and z.style not in ("dash",) and (top_style is None or z.style == top_style):
            head = _agency_head(z.rest)
            if head is not None:
                top_style = top_style or z.style
                agency, request, duty = head
                current = Responsibility(agency, request, z.line.where)
                if duty:
                    current.texts.append(duty)
                d.responsibilities.append(current)
                ctx.place(z)
                closed = False
                continue
            if top_style is not None:  # an item of the agencies' level that names no body known here: its
                current = None         # lines are not the previous body's duties (they stay as lines)
                continue
        if z.style is None and top_style is None and current is None:
            # "Phòng Nội vụ chủ trì theo dõi, …." as a paragraph of its own, in a section with no numbered bodies:
            # that body and its duty (only when the sentence goes on after the body with what it does)
            head = _agency_head(text)
            if head is not None and head[2] and re.match(r"(?:Chủ trì|Có trách nhiệm|Chịu trách nhiệm|Là cơ quan|"
                                                         r"Phối hợp)\b", head[2]):
                d.responsibilities.append(Responsibility(head[0], head[1], z.line.where, [head[2]]))
                ctx.place(z)
                continue
        if current is not None and not closed:
            if z.style == "dash" and not z.rest.strip():
                ctx.place(z)  # "-" / "Tham mưu …": a bullet whose text the copy put on the next line
                bare = True
                continue
            if z.style is None and bare:
                ctx.place(z)
                current.texts.append(text)
                bare = False
                continue
            if z.style is None and current.texts and re.match(r"^Thời (?:gian|hạn)(?: thực hiện| hoàn thành)?\s*:", text):
                ctx.place(z)  # the time of the duty above
                current.texts[-1] = f"{current.texts[-1].rstrip(' .;')}. {text}"
                continue
            prev = zs[k - 1] if k else None
            if z.style is None and current.texts and prev is not None and prev.line.no in ctx.placed \
                    and prev.style != "roman" and _cut_open(prev):
                # "- Hằng năm, phối hợp với Sở … thực hiện tổng hợp" / "Kế hoạch biên chế …" (a PDF line, often after
                # a page break): the duty goes on (after the twenty-third and twenty-fourth sets)
                ctx.place(z)
                current.texts[-1] = f"{current.texts[-1]} {text}"
                continue
            if z.style is None and current.texts and prev is not None and prev.line.no in ctx.placed \
                    and prev.style not in (None, "dash", "roman", "art"):
                # "d) Phòng Kế hoạch - Tài chính" / "Phối hợp tham mưu …": a sub-heading's paragraph, its duty
                ctx.place(z)
                current.texts.append(text)
                continue
            if z.style is None and current.texts and any(
                    y.style == "dash" for y in zs if y.line.where != z.line.where and y.line.no < z.line.no
                    and y.line.no > _line_no(zs, current)):
                closed = True  # a closing paragraph after the bullets of the last agency
                continue
            ctx.place(z)
            current.texts.append(z.rest if z.style else text)
    for z in ctx.zoned:
        if z.zone in ("tasks", "org", "other", "closing") and (z.line.no not in ctx.placed
                                                               or z.line.no in ctx.report_lines):
            end = None
            for m in _GIAO.finditer(z.line.text):
                duty = m.group("duty").strip(" .")
                d.responsibilities.append(Responsibility(m.group("agency").strip(), False, z.line.where,
                                                         [duty[0].upper() + duty[1:] + "."],
                                                         review=_("taken from a 'giao …' sentence")))
                ctx.place(z)
                end = m.end()
            rest = z.line.text[end:].strip(" ;.,/") if end is not None else ""
            if rest:
                # What the line says after the 'giao …' sentence ("…; Các cơ quan, đơn vị liên quan căn cứ chức năng …
                # chủ động triển khai …"): another body's duty, or else the line is kept whole as a comment.
                head = _agency_head(rest)
                if head is not None and head[2]:
                    d.responsibilities.append(Responsibility(head[0], head[1], z.line.where, [head[2].rstrip(" ./") + "."]))
                elif z.line.no not in ctx.report_lines:
                    ctx.unplace(z)


def _line_no(zs, resp: Responsibility) -> int:
    return next((z.line.no for z in zs if z.line.where == resp.where), -1)


def extract_funding(ctx: Context) -> None:
    d = ctx.draft
    for z in ctx.zoned:
        if z.zone != "funding":
            continue
        ctx.place(z)
        if z.style in ("roman", "art"):
            continue
        text = (z.rest if z.style else z.line.text).strip()
        if not text or text.lower().strip(" .:") in ("kinh phí thực hiện", "kinh phí"):
            continue
        amount, ranged = None, None
        am = _AMOUNT.search(text)
        span = _AMOUNT_RANGE.match(text, am.start()) if am else None
        if span:  # "khoảng 91.299 tỷ đồng - 97.386 tỷ đồng": a range, not one amount
            ranged = _("a range of amounts ('{figure}'): no amount set").format(figure=span.group(0))
        elif am:
            value = to_decimal(am.group(1))
            if value is not None:
                amount = Decimal(value) * _MULT[am.group(2)]
        if AGENCY_START.match(text) and not text.lower().startswith(("nguồn", "ngân sách")) and d.fundings:
            d.fundings[-1].texts.append(text)
            continue
        if (not _SOURCE_WORDS.search(text) or text.startswith("Việc ")) and d.fundings:
            # (or "Việc quản lý, sử dụng và quyết toán kinh phí …": how the funds are handled, no source)
            d.fundings[-1].texts.append(text)
            continue
        source, review = _source(text)
        review = "; ".join(r for r in (review, ranged) if r) or None
        f = Funding(source, z.line.where, amount, [] if source == text.rstrip(" .;") else [text], review)
        d.fundings.append(f)


def _source(text: str) -> tuple[str, str | None]:
    paren = re.search(r"\(gồm\s+([^)]+)\)", text)
    if paren:
        s = paren.group(1).strip()
        return s[0].upper() + s[1:], _("the source is named in brackets after the amount")
    for canon in ("Ngân sách nhà nước", "Ngân sách trung ương", "Ngân sách địa phương"):
        if canon.lower() in text.lower()[:60]:
            return canon, None
    head = re.split(r"[,;:(]|\s+(?:thực hiện|để|bố trí|theo|từ)\s+", text.rstrip(" .;"), maxsplit=1)[0].strip()
    if 3 <= len(head) <= 80:
        return head[0].upper() + head[1:], None
    return text[:60].rsplit(" ", 1)[0], _("source shortened from a long sentence")


def extract_reports(ctx: Context) -> None:
    d = ctx.draft
    for z in ctx.zoned:
        if z.zone in ("header", "plan_header", "recipients", "general", "specific", "objectives"):
            continue
        if z.zone == "tasks" and z.line.no in ctx.placed:
            continue
        sentences = re.split(r"(?<=\.)\s+", z.line.text)
        # A sentence of the line that is not about reports ("Đề nghị các cơ quan, đơn vị nghiêm túc triển khai …"):
        # then the line is also kept as a comment (the organisation reader reads its lines whole, as duties).
        others = any(len(_WORDS.findall(x)) >= 4 for x in sentences if "định kỳ" not in x.lower())
        for sentence in sentences:
            k = re.search(r"định kỳ", sentence, re.IGNORECASE)
            if not k:
                continue
            bc = re.search(r"báo cáo", sentence[k.end():], re.IGNORECASE)
            if not bc:
                continue
            window = sentence[k.end():k.end() + bc.start()]
            after = sentence[k.end() + bc.start():]
            to = None
            tm = re.match(r"báo cáo(?:\s+(?:kết quả|tình hình)(?:\s+thực hiện)?)?(?:\s+(?:Đề án|Kế hoạch|Chương trình)"
                          r"(?:\s+này)?)?\s+(?:về|gửi|lên|cho)?\s*(?P<to>(?:[A-ZĐỦ]|UBND)[^,;.()]*?)"
                          r"(?=\s+(?:để|kết quả|qua|theo)\b|[,;.(]|$)", after)
            if tm:
                to = tm.group("to").strip()
            found = False
            for cycle, rx in _CYCLES:
                cm = re.search(rx, window, re.IGNORECASE)
                if not cm:
                    continue
                day = month = None
                bm = re.match(r"\s*\(?\s*trước ngày\s+(\d{1,2})\s*/\s*(\d{1,2})", window[cm.end():])
                if bm:
                    day, month = int(bm.group(1)), int(bm.group(2))
                d.reports.append(Report(cycle, z.line.where, day, month, to))
                found = True
            if found:
                ctx.report_lines.add(z.line.no)
                if not others or z.zone == "org":
                    ctx.place(z)
