"""A plan whose copy lost its title heading: the upper-case title line without the "KẾ HOẠCH" line above it
("THỰC HIỆN CHƯƠNG TRÌNH … GIAI ĐOẠN 2021 - 2030"), or no title at all and the plan named only in the
preamble ("…, Ủy ban nhân dân tỉnh X xây dựng Kế hoạch triển khai thực hiện Chương trình … giai đoạn 2021 -
2030 trên địa bàn tỉnh X như sau:"). The kind comes from the document's number ("138/KH-UBND") and the
preamble ("ban hành Kế hoạch …"), and only when they agree; kind and title are written for review."""

from __future__ import annotations

import re
from collections.abc import Callable

from plandsl.core.i18n import _
from plandsl.importer.draft import Val
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import sentence_case
from plandsl.importer.extract.zones import BOILERPLATE

_KINDS = {"KH": "Kế hoạch", "CTR": "Chương trình", "ĐA": "Đề án"}
_OTHER_CODES = ("QĐ", "NQ", "CT", "CV", "TB", "HD", "BC", "TTR")
# "THỰC HIỆN CHƯƠNG TRÌNH …", "TRIỂN KHAI THỰC HIỆN ĐỀ ÁN …": a plan's title without its kind.
_TITLE_LINE = re.compile(r"^(?:TRIỂN KHAI\s+)?(?:THỰC HIỆN|TRIỂN KHAI)\s+(?:CÁC\s+)?(?:CHƯƠNG TRÌNH|ĐỀ ÁN|KẾ HOẠCH|"
                         r"QUYẾT ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ|LUẬT|CHIẾN LƯỢC|CÔNG ƯỚC|KẾT LUẬN)\b")
# "… ban hành Kế hoạch thực hiện …" / "… xây dựng Kế hoạch triển khai thực hiện … như sau:".
_NAMES = re.compile(r"\b(?:ban hành|xây dựng)\s+(?P<kind>[Kk]ế hoạch|[Cc]hương trình|[Đđ]ề án)\s+"
                    r"(?P<rest>(?:triển khai|thực hiện|tổ chức thực hiện)\b[^;:]*?)\s*"
                    r"(?:,?\s*(?:cụ thể\s+)?(?:như sau|với (?:các|những) nội dung[^:;]*|gồm (?:các|những) nội dung"
                    r"[^:;]*|sau)\s*:|(?=;)|\.?\s*$)")
_NAMED = re.compile(r"\b(?:giai đoạn|đến năm|năm)\s+\d{4}|\btrên địa bàn\b", re.IGNORECASE)


def _number_kind(ctx: Context) -> str | None:
    """The kind the number's type code says ("138/KH-UBND": Kế hoạch), "" for a code of another kind (QĐ)."""
    ins = ctx.draft.instrument
    if ins is None:
        return None
    m = re.match(r"^\d+(?:/\d{4})?[/-](?P<code>[A-ZĐ][A-Za-zĐđ]*)", ins.number)
    if not m:
        return None
    code = m.group("code").upper()
    if code in _KINDS:
        return _KINDS[code]
    return "" if code in _OTHER_CODES else None


def _preamble(ctx: Context) -> list[tuple[str, str, object]]:
    """(kind, the plan's name after the kind, the line) for each preamble sentence naming the plan it issues."""
    out = []
    for z in ctx.zoned[:40]:
        if z.zone not in ("header", "plan_header", "decision", "other", "preamble", "general"):
            continue
        for m in _NAMES.finditer(z.line.text):
            out.append((m.group("kind").capitalize(), m.group("rest").strip(" ,"), z))
    return out


def lost_title(ctx: Context, top, goes_on: Callable) -> None:
    """Kind and title when the copy lost the title heading, for review; nothing when not sure."""
    d = ctx.draft
    if d.kind is not None or d.title is not None:
        return
    by_number = _number_kind(ctx)
    named = _preamble(ctx)
    kinds = {k for k, _rest, _z in named} | ({by_number} if by_number is not None else set())
    if len(kinds) != 1 or "" in kinds:
        return
    [kind] = kinds
    lines = [z for z in top if z.line.no not in ctx.placed and not BOILERPLATE.match(z.line.text)
             and z.line.text.isupper() and _TITLE_LINE.match(z.line.text)]
    if not lines and by_number:
        lines = _first_line(ctx, top)
    if by_number:
        why = _("the copy has no '{heading}' line: the kind is read from the number {number}").format(
            heading=kind.upper(), number=d.instrument.number)
    else:
        why = _("the copy has no '{heading}' line: the kind is read from the preamble ({where})").format(
            heading=kind.upper(), where=named[0][2].line.where)
    if len(lines) == 1:
        z = lines[0]
        ctx.place(z)
        title = sentence_case(goes_on(ctx, z, z.line.text).strip(" *"))
        d.kind = Val(kind, z.line.where, why)
        d.title = Val(_tidy(f"{kind} {title[0].lower()}{title[1:]}"), z.line.where)
        return
    if lines or len({rest for _k, rest, _z in named}) != 1:
        return
    _k, rest, z = named[0]
    if not _NAMED.search(rest):
        return  # "ban hành Kế hoạch thực hiện như sau": the plan is not named
    d.kind = Val(kind, z.line.where, why)
    d.title = Val(_tidy(f"{kind} {rest}"), z.line.where,
                  _("the copy has no title heading: the title is taken from the preamble ({where})").format(
                      where=z.line.where))


def _first_line(ctx: Context, top) -> list:
    """The title heading "TỔ CHỨC CHĂM LO … NĂM 2020" when it is the first line after the letterhead, number and
    date, upper case, and the number gives the kind (a header flattened to rows that lost "KẾ HOẠCH")."""
    rest = [z for z in top if z.line.no not in ctx.placed and not BOILERPLATE.match(z.line.text)]
    if not rest or ctx.draft.instrument is None:
        return []
    t = rest[0].line.text
    first = ctx.zoned.index(rest[0])
    placed_before = [z for z in ctx.zoned[:first] if z.line.no in ctx.placed]
    if not (t.isupper() and 15 <= len(t) <= 200 and not t.endswith(":") and re.search(r"[A-ZĐÀ-Ỹ]{2,}\s+[A-ZĐÀ-Ỹ]{2,}", t)
            and len(placed_before) >= 2):
        return []
    return [rest[0]]


def _tidy(title: str) -> str:
    title = re.sub(r"\s*([-–])\s*(?=\d{4})", r"\1", title)
    return re.sub(r"(\d{4})\s*([-–])", r"\1\2", title).strip()


# "II. THỜI GIAN VÀ PHẠM VI" / "1. Thời gian: từ nay đến năm 2030.", "Thời gian thực hiện: Từ năm 2026 đến hết năm 2030."
_TIME_LINE = re.compile(r"^Thời gian(?: thực hiện)?(?:\s+(?:Chương trình|Kế hoạch|Đề án))?\s*:\s*[Tt]ừ\s+(?:(?P<now>nay)|(?:năm\s+)?(?P<start>\d{4}))\s+"
                        r"(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?(?P<end>\d{4})\s*\.?$")


def period_of_time_line(ctx: Context) -> tuple[tuple[int, int], str] | None:
    """The plan's period from its "Thời gian" line outside the tasks (a title without years), "từ nay" being the
    year of the document; the years and where, or None."""
    ins = ctx.draft.instrument
    for z in ctx.zoned:
        m = _TIME_LINE.match(z.rest if z.style in ("num1", "letter", "dash") else z.line.text)
        if not m or z.zone in ("tasks", "appendix"):
            continue
        start = int(m.group("start")) if m.group("start") else ins.date.year if ins and ins.date else None
        if start is not None and start <= int(m.group("end")):
            ctx.place(z)
            return (start, int(m.group("end"))), z.line.where
    return _months_line(ctx) or _one_year_under_time_heading(ctx) or _phases(ctx) or _to_the_objectives_year(ctx) \
        or _section_until(ctx)


_PHASE = re.compile(r"^Giai đoạn\s+(?:từ\s+)?(?:năm\s+)?(?P<start>\d{4})\s*[-–]\s*(?:năm\s+)?(?P<end>\d{4})\s*:?$",
                    re.IGNORECASE)


def _phases(ctx: Context) -> tuple[tuple[int, int], str] | None:
    """A roadmap by phases, numbered headings "1. Giai đoạn 2025 - 2030" / "2. Giai đoạn 2031 - 2035" of one level,
    each beginning where the one before ends: the plan's period runs from the first to the last (after the
    seventeenth set)."""
    heads = [(z, m) for z in ctx.zoned if z.style in ("num1", "num2", "roman") and z.zone != "appendix"
             and (m := _PHASE.match(z.rest.strip(" *.")))]
    if len(heads) < 2 or len({z.style for z, _ in heads}) != 1:
        return None
    spans = [(int(m.group("start")), int(m.group("end"))) for _, m in heads]
    if any(a > b for a, b in spans) or any(nxt[0] not in (prev[1], prev[1] + 1) for prev, nxt in zip(spans, spans[1:])):
        return None
    # (where: both headings, so that neither is taken for the line that states the period and dropped from the tasks)
    return (spans[0][0], spans[-1][1]), f"{heads[0][0].line.where}, {heads[-1][0].line.where}"


# "B. NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN TỪ NAY ĐẾN NĂM 2020": the section of the plan's contents says its time.
_SECTION_UNTIL = re.compile(r"^(?:[A-Z]|[IVX]{1,5})[.)]\s*(?:NỘI DUNG|NHIỆM VỤ|CÁC NHIỆM VỤ|GIẢI PHÁP)\b[^.;:]*?"
                            r"\bTỪ NAY (?:ĐẾN|TỚI) (?:HẾT )?NĂM (?P<end>\d{4})$")


def _section_until(ctx: Context) -> tuple[tuple[int, int], str] | None:
    """The period from the heading of the plan's contents "… từ nay đến năm YYYY", "nay" being the document's year."""
    ins = ctx.draft.instrument
    if ins is None or ins.date is None:
        return None
    for z in ctx.zoned:
        m = _SECTION_UNTIL.match(z.line.text.strip(" *"))
        if m and z.zone != "appendix" and ins.date.year <= int(m.group("end")):
            return (ins.date.year, int(m.group("end"))), z.line.where
    return None


# "3. Thời gian tổ chức phong trào thi đua: Phong trào … được triển khai thực hiện từ tháng 10 năm 2025 đến hết
# tháng 3 năm 2026. Tổng kết …": the campaign's time, months of two years.
_MONTHS_LINE = re.compile(r"^Thời gian (?:thực hiện|tổ chức)\b[^:.;]{0,60}:[^.;:]*?\btừ\s+tháng\s+\d{1,2}\s+năm\s+"
                          r"(?P<start>\d{4})\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?tháng\s+\d{1,2}\s+năm\s+(?P<end>\d{4})\b")


def _months_line(ctx: Context) -> tuple[tuple[int, int], str] | None:
    """The period from a numbered "Thời gian tổ chức …:" line giving months from one year to another, also among
    the contents (it is the plan's time, not a task)."""
    for z in ctx.zoned:
        if z.style not in ("num1", "letter", "roman") or z.zone == "appendix":
            continue
        m = _MONTHS_LINE.match(z.rest.replace("*", ""))
        if m and int(m.group("start")) <= int(m.group("end")):
            ctx.place(z)
            return (int(m.group("start")), int(m.group("end"))), z.line.where
    return None


def _one_year_under_time_heading(ctx: Context) -> tuple[tuple[int, int], str, str] | None:
    """A "2. Thời gian thi đua" heading whose lines, up to the next heading of its level, give dates all in the
    document's own year: a plan for that year, for review."""
    ins = ctx.draft.instrument
    if ins is None or ins.date is None:
        return None
    for i, z in enumerate(ctx.zoned):
        if z.style not in ("num1", "roman") or not re.match(r"Thời gian\b", z.rest) or z.zone in ("tasks", "appendix"):
            continue
        years: list[str] = []
        for y in ctx.zoned[i + 1:i + 30]:
            if y.style == "roman" or y.style == "num1" and re.match(r"\d{1,2}\.\s", y.line.text):
                break
            years += re.findall(r"(?:năm\s+|/)(\d{4})\b", y.line.text)
        if years and set(years) == {str(ins.date.year)}:
            why = _("the period is read from the dates under '{heading}', all in {year}; targets without a year of "
                    "their own take it").format(
                heading=z.rest.strip(" *"), year=ins.date.year)
            return (ins.date.year, ins.date.year), z.line.where, why
    return None


_OBJECTIVES_TO = re.compile(r"^(?:Các\s+)?Mục tiêu(?: cụ thể| chung| tổng quát)?\s+(?:đến|tới)\s+(?:hết\s+)?năm\s+(\d{4})\s*:?$",
                            re.IGNORECASE)


def _to_the_objectives_year(ctx: Context) -> tuple[tuple[int, int], str, str] | None:
    """No period written, and the one heading of the objectives that names a year, "2. Mục tiêu cụ thể đến năm
    2030", with no other year in the objectives under it: a plan from the document's year to that one, for
    review (inferred, not stated)."""
    ins = ctx.draft.instrument
    if ins is None or ins.date is None:
        return None
    heads = [(i, z) for i, z in enumerate(ctx.zoned) if z.style in ("roman", "num1", "num2", "letter")
             and z.zone in ("general", "specific", "objectives") and _OBJECTIVES_TO.match(z.rest.strip(" *"))]
    if len(heads) != 1:
        return None
    i, z = heads[0]
    end = int(_OBJECTIVES_TO.match(z.rest.strip(" *")).group(1))
    if not 0 < end - ins.date.year <= 10:
        return None
    for y in ctx.zoned[i + 1:]:
        if y.zone not in ("specific", "objectives"):
            break
        if set(re.findall(r"\b(?:19|20)\d{2}\b", y.line.text)) - {str(end)}:
            return None  # another year among the objectives: which years the plan covers is not sure
    why = _("no period is written: from the document's year, {start}, to the year its objectives are set for "
            "('{heading}')").format(start=ins.date.year, heading=z.rest.strip(" *"))
    return (ins.date.year, end), z.line.where, why


def bold_goes_on(ctx: Context, first, title: str) -> str:
    """A mixed-case title that a Markdown copy sets in bold over lines ("**triển khai thực hiện Nghị quyết số …**" /
    "**Ban Chấp hành Trung ương về …**", after the twenty-sixth set): the bold lines right after it that are not a
    heading, a kind line or the preamble go on with it (three at most). An upper-case title goes on with a line
    opening in lower case, the title's last line (see ``_lower_goes_on``)."""
    if title.isupper():
        return _lower_goes_on(ctx, first, title)
    if not first.line.bold:
        return title
    j = ctx.zoned.index(first) + 1
    while j < len(ctx.zoned) and j <= ctx.zoned.index(first) + 3:
        z = ctx.zoned[j]
        t = z.line.text.strip()
        if not z.line.bold or z.line.no in ctx.placed or z.style is not None or t.isupper() or BOILERPLATE.match(t) \
                or re.match(r"^(?:Căn cứ|Thực hiện|Điều\s+\d|\()", t):
            break
        ctx.place(z)
        title = f"{title} {t}"
        j += 1
    return title


def _lower_goes_on(ctx: Context, first, title: str) -> str:
    """"CHƯƠNG TRÌNH" / "CỦA BAN THƯỜNG VỤ TỈNH ỦY" / "về đẩy mạnh … giai đoạn 2017-2020" (after the thirtieth set, a
    scan read by OCR: "và đây mạnh …"): the upper-case title's lines, then the one line after them that opens in lower
    case, is no heading and is followed by the preamble or a section, go on as one title."""
    j = ctx.zoned.index(first) + 1
    while j < len(ctx.zoned) and ctx.zoned[j].line.no in ctx.placed and ctx.zoned[j].line.text.isupper():
        j += 1  # the upper-case lines already taken into the title
    if j + 1 >= len(ctx.zoned):
        return title
    z, after = ctx.zoned[j], ctx.zoned[j + 1]
    t = z.line.text.strip()
    if z.line.no in ctx.placed or z.style is not None or not t[:1].isalpha() or not t[:1].islower() or len(t) > 300 \
            or re.search(r"[.;:]$", t) or not (re.match(r"^(?:Căn cứ|Thực hiện)\b", after.line.text)
                                               or after.style == "roman"):
        return title
    ctx.place(z)
    return f"{sentence_case(title.strip(' *'))} {t}"
