"""A preamble clause ("Thực hiện Chỉ thị số …; Chỉ thị số …; Hướng dẫn số …") that the copy broke into lines."""

from __future__ import annotations

import re

from plandsl.importer.draft import DocRef
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import (
    DOC_NUMBER,
    DOC_TYPE_RE,
    DOC_TYPES,
    ISSUES_PLAN,
    NUMBER_RE,
    find_date,
    find_number,
    tidy_number,
)


# A clause's opening alone on its line, or with only its document's type (after the twenty-seventh set): "Thực hiện" /
# "Kế hoạch số 15/KH-UBND …", "Thực hiện" / "Kế hoạch" / "Chuyên đề: … ( số 157/KH-BGDĐT …) của Bộ …".
_BARE_OPENING = re.compile(r"(?:Căn cứ|Thực hiện|Tiếp tục thực hiện)"
                           r"(?:\s+(?:" + "|".join(map(re.escape, DOC_TYPES)) + r"))?")


def clause_lines(ctx: Context, z) -> str:
    """The clause of the "Căn cứ" / "Thực hiện" line ``z`` with the lines the copy broke off it: after a ";", a
    line naming a document by its number ("Hướng dẫn số 7886/HD-BNV …"); after no end mark, a short line of running
    text ("Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031.") or the body's new name ("(nay là Bộ …) về việc …"), or
    its old one ("… tỉnh Phú Yên" / "(cũ) thời kỳ …; Quyết định số …"), or the clause's short end ("Yên (cũ);"). Those
    lines are placed; another clause, a heading or the sentence that issues the plan ends it."""
    text = z.line.text
    i = ctx.zoned.index(z)
    for y in ctx.zoned[i + 1:i + 4]:
        t = y.line.text
        if y.style is not None or y.zone != z.zone or re.match(r"^(?:Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị)\b", t):
            break
        if _BARE_OPENING.fullmatch(text.strip()) and (DOC_TYPE_RE.fullmatch(t.strip()) or find_number(t)):
            text = f"{text.strip()} {t}"  # "Thực hiện" / "Kế hoạch" / "… ( số 157/KH-BGDĐT …) của Bộ …": one clause
            ctx.place(y)
        elif not text.endswith((".", ";", ":")) and (t.startswith(("(nay là ", "(cũ)")) or len(t) <= 30 and t.endswith(";")) \
                or text.endswith(";") and DOC_TYPE_RE.match(t) and find_number(t) \
                or not text.endswith((".", ";", ":")) and re.match(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+){1,3}\b", t) \
                and not re.search(r"\b" + ISSUES_PLAN, t) and len(t) < 80:
            text = f"{text} {t}"
            ctx.place(y)
        else:
            break
    return text


# "Các Công điện: số 007/CĐ-UBND ngày 17/11/2025, số 008/CĐ-UBND và số 009/CĐ-UBND ngày 19/11/2025; số 010/CĐ-UBND ngày
# 20/11/2025 của UBND tỉnh về …": documents of one type listed by number, the date after a number or a run of them.
_GROUP = re.compile(r"[;,]?\s*Các\s+(?P<kind>Công điện|Công văn|Quyết định|Chỉ thị|Kế hoạch|Thông báo|Văn bản)\s*:\s*"
                    r"(?P<items>số\s+(?:[^;]|;\s*(?=số\s))+?)\s+của\s+(?P<by>[^;,]+?)\s+(?P<about>về\s+[^;]+?)\s*(?=;|$)")
_ITEM = re.compile(r"số\s+(?P<num>" + DOC_NUMBER + r")(?:\s+ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4}))?")


def grouped_refs(body: str, where: str) -> tuple[list[DocRef], str]:
    """The documents a clause lists under one type (``listed_refs``, ``_colon_refs``) and the clause without them."""
    listed, body = listed_refs(body, where)
    colon, body = _colon_refs(body, where)
    return listed + colon, body


def _colon_refs(body: str, where: str) -> tuple[list[DocRef], str]:
    """The documents of a "Các Công điện: số …, số … và số … ngày …; số … ngày … của X về Y" list, each with the date
    written after it or after the run it ends, its type, author and subject shared; and the clause without the
    list. No documents when a number has no date after it."""
    m = _GROUP.search(body)
    if not m:
        return [], body
    items = list(_ITEM.finditer(m.group("items")))
    refs: list[DocRef] = []
    waiting: list[str] = []
    for it in items:
        waiting.append(tidy_number(it.group("num")))
        if it.group("date"):
            date, _m = find_date(f"ngày {it.group('date')}")
            if date is None:
                return [], body
            refs += [DocRef(f"{m.group('kind')} của {m.group('by')} {m.group('about')}", n, date, where, m.group("by"))
                     for n in waiting]
            waiting = []
    if waiting or not refs:
        return [], body
    return refs, body[:m.start()] + body[m.end():]


# "Các Nghị định của Chính phủ quy định … (Số 37/2019/NĐ-CP ngày 07/5/2019, số 58/2023/NĐ-CP ngày 12/8/2023 sửa đổi …
# và số 22/2025/NĐ-CP ngày 11/02/2025 …)": documents of one type named once, their numbers in a parenthesis after.
_LISTED = re.compile(r"(?:^|;\s*)[Cc]ác\s+(?P<kind>" + "|".join(map(re.escape, DOC_TYPES)) + r")\s+(?P<about>[^();]+?)"
                     r"\s*\(\s*[Ss]ố\s+(?P<items>[^()]+?)\)\s*(?=[;.]|$)")
_LISTED_ITEM = re.compile(r"(?P<num>" + DOC_NUMBER + r")\s+ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*(?P<own>.*)$")


def listed_refs(body: str, where: str) -> tuple[list[DocRef], str]:
    """The documents of a "Các Nghị định của X về Y (Số …, số … và số …)" clause, one per number, each with its date
    and its own words after it ("sửa đổi, bổ sung …") or else the shared ones; and the clause without them. None when
    a number has no date right after it."""
    m = _LISTED.search(body)
    if not m:
        return [], body
    refs: list[DocRef] = []
    about = m.group("about").strip(" ,")
    by = re.match(r"của\s+(.+?)(?=\s+(?:về việc|về|phê duyệt|ban hành|quy định|hướng dẫn)\b|$)", about)
    for item in re.split(r"(?:,|\s+và)\s+số\s+(?=\d)", m.group("items")):
        it = _LISTED_ITEM.match(item.strip(" ,;"))
        date = find_date(f"ngày {it.group('date')}")[0] if it else None
        if date is None:
            return [], body
        own = it.group("own").strip(" ,;")
        text = f"{m.group('kind')} {own or about}"
        refs.append(DocRef(text, tidy_number(it.group("num")), date, where, by.group(1) if by else None))
    return refs, (body[:m.start()] + body[m.end():]).strip(" ;")


# "Luật A ngày 14 tháng 11 năm 2008, Luật sửa đổi, bổ sung … ngày 13 tháng 6 năm 2014": a comma right after a full
# date, then a document type with a full date of its own before the clause's next ";".
_DATED_PAIR = re.compile(r"(\bngày \d{1,2} tháng \d{1,2} năm \d{4}),\s*(?=(?:" + "|".join(map(re.escape, DOC_TYPES))
                         + r")\s[^;]*?\bngày \d{1,2} tháng \d{1,2} năm \d{4}\b)")


def dated_parts(part: str) -> list[str]:
    """A reference part split where a document with its own date follows another's date after a comma."""
    return [p.strip() for p in _DATED_PAIR.sub("\\1\0", part).split("\0") if p.strip()]


# After the fourteenth and fifteenth sets. "Luật A [ngày …] và Luật sửa đổi, bổ sung … [ngày …]": a law and the law
# amending it, two documents (a name that merely holds "và Luật sửa đổi", "Nghị định … thi hành … của Luật A và Luật
# sửa đổi …", does not start with "Luật"). "Luật A số N1, ngày D1 và được sửa đổi, bổ sung một số điều tại Luật số N2,
# ngày D2": the amending law is named by its number and date only; it is the law amending some articles of A.
_AND_AMENDING = re.compile(r"^(?P<one>(?:Bộ\s+)?Luật\s(?:(?!\bcủa\b)[^;])*?)\s+và\s+(?P<two>Luật sửa đổi,?\s+bổ sung\s.*)$")
_AMENDED_AT = re.compile(r"^(?P<one>(?P<law>(?:Bộ\s+)?Luật\s(?:(?!\bcủa\b)[^;])*?)\s+số\s*" + DOC_NUMBER +
                         r"[^;]*?)\s*,?\s+và\s+(?:đã\s+)?được\s+sửa đổi,\s*bổ sung(?P<what>\s+một số điều)?\s+(?:tại|bởi|theo)"
                         r"\s+(?P<two>Luật\s+số\s*" + DOC_NUMBER + r".*)$")

# After the eighteenth set. "Luật A số N1[ ngày D1], được sửa đổi, bổ sung [một số điều] tại Luật sửa đổi, bổ sung một
# số điều của Luật A … [số N2] [ngày D2]", "Nghị quyết số N1 … được sửa đổi, bổ sung cập nhật một số điều tại Nghị quyết
# số N2 …": the document and the one amending it, named in full, two documents.
_TYPES = "|".join(map(re.escape, DOC_TYPES))
# After the twenty-fourth set also "Thông tư số N1 … ban hành Chương trình …, được sửa đổi, bổ sung một số nội dung bởi
# Thông tư số N2 ngày D2 (viết tắt là Thông tư số N1)": the amending one named by its number and date only is "Thông tư
# sửa đổi, bổ sung một số nội dung", without the parenthesis, which names the first.
_AMENDED_BY = re.compile(r"^(?P<one>(?:" + _TYPES + r")\s[^;]*?)\s*,?\s+(?:và\s+)?(?:đã\s+)?được\s+sửa đổi,\s*bổ sung"
                         r"(?:\s+cập nhật)?(?P<what>\s+một số (?:điều|nội dung))?\s+(?:tại|bởi|theo)\s+"
                         r"(?P<two>(?:" + _TYPES + r")\s.*)$")
_BARE_AMENDING = re.compile(r"^(?P<ref>(?P<type>" + _TYPES + r")\s+số\s*" + DOC_NUMBER + r"(?:\s*,?\s*ngày\s+(?:[\d/]{6,10}|\d{1,2} tháng \d{1,2} năm \d{4}))?)"
                            r"\s*(?:\((?:viết tắt là|sau đây gọi (?:tắt )?là)\b[^()]*\))?$")


def amended_laws(part: str) -> list[str]:
    """A reference part that names a law and the law amending it: one part each."""
    if (m := _AMENDED_AT.match(part)) is not None:
        law = re.split(r"\s+số\b", m.group("law"))[0].strip(" ,")
        two = m.group("two").replace("Luật", "Luật sửa đổi, bổ sung" + (" một số điều" if m.group("what") else "")
                                     + " của " + law, 1)
        return [m.group("one").strip(" ,"), two]
    if (m := _AMENDED_BY.match(part)) is not None:
        bare = _BARE_AMENDING.match(m.group("two").strip(" ,"))
        if bare:
            ref = bare["ref"]
            return [m.group("one").strip(" ,"), f"{bare['type']} sửa đổi, bổ sung{m.group('what') or ''}"
                                                f"{ref[len(bare['type']):]}"]
        return [m.group("one").strip(" ,"), m.group("two")]
    if (m := _AND_AMENDING.match(part)) is not None:
        return [m.group("one").strip(" ,"), m.group("two")]
    return [part]


def borrowed_number(part: str, before: str | None) -> bool:
    """Whether the numbers in an amending law's name ("Luật sửa đổi, bổ sung một số điều của Luật A số N1, Luật B số
    N2") are the amended laws', not its own: it names more than one, or only the number ``before`` (the amended law's,
    just named). One other number is its own ("… của Luật A số N2 ngày D2")."""
    if not re.match(r"^Luật\s+[Ss]ửa đổi,?\s+bổ sung\b", part):
        return False
    numbers = [tidy_number(n) for n in NUMBER_RE.findall(part)]
    return len(numbers) > 1 or bool(numbers) and numbers[0] == before


def dated_law(body: str) -> bool:
    """Whether a "Thực hiện" clause without a number names a law with its date ("Thực hiện Luật A ngày …")."""
    return bool(re.match(r"(?:Bộ\s+)?Luật\s", body)) and find_date(body)[0] is not None


_IMPLEMENTS = re.compile(r"\bsố\s*:?\s*" + DOC_NUMBER + r".*\s(?:về\s+)?(?:việc\s+)?(?:thực hiện|triển khai)\s+(?:"
                         + DOC_TYPE_RE.pattern[4:-3] + r")\s+số\s*:?\s*" + DOC_NUMBER
                         + r"(?:\s+ngày\s+[\d/]{6,10})?\s+của\s+(?:(?!\b(?:về|phê duyệt|ban hành|thực hiện)\b)[^;,()]){2,40}$")


def split_refs(text: str) -> list[str]:
    """"Quyết định số …; Chương trình số … và Công văn số …": one part per document. A comma or "và" splits
    only before a document type followed by its number, not inside a name ("Luật A và Luật B ngày …"); a
    document named inside another's wording ("Kế hoạch số … về thực hiện Chỉ thị số …") is not split off."""
    types = DOC_TYPE_RE.pattern[4:-3]
    # "… và hướng dẫn của Bộ Nội vụ tại Công văn số …" names a second document too.
    pieces = re.split(r"(;\s*(?=(?:và\s+)?(?:" + types + r"))|(?:,\s*(?:và\s+)?|\s+và\s+(?:(?:hướng dẫn|chỉ đạo|ý kiến)"
                      r"\s+của\s+[^,;]{1,60}?\s+tại\s+)?)(?=(?:" + types + r")\s+(?:số\s*:?\s*)?" + DOC_NUMBER + r"))", text)
    parts = [pieces[0]]
    for sep, piece in zip(pieces[1::2], pieces[2::2]):
        if not sep.startswith(";") and _IMPLEMENTS.search(parts[-1]):
            parts[-1] += sep + piece  # "Kế hoạch số 17/KH-UBND … về thực hiện Nghị quyết số 71/NQ-CP ngày … của
            # Chính phủ và Kế hoạch số 07-KH/TU …": the documents the basis carries out, named in its wording, are no
            # bases (a document named after the carried-out one's own wording, "… của Quốc hội phê duyệt … và Quyết
            # định số …", is)
        else:
            parts.append(piece)
    parts = [p.strip().rstrip(";,.").strip() for p in parts if p and p.strip()]
    return [q for p in parts for d in dated_parts(p) for a in amended_laws(d) for q in _after_issuer(a, types)]


def _after_issuer(part: str, types: str) -> list[str]:
    """"Pháp lệnh A số 26/2005/PL-UBTVQH11 ngày … của Ủy ban Thường vụ Quốc hội và Pháp lệnh sửa đổi … số 04/2012/…": a
    reference closed by its number, date and issuer, then "và" and another document with its own number: two."""
    m = re.search(r"^(?P<one>.*?\bsố\s*:?\s*" + DOC_NUMBER + r"\s+ngày\s+[^;,]{6,30}?\s+của\s+"
                  r"(?:(?!\b(?:về|thực hiện|triển khai|hướng dẫn|quy định|phê duyệt|ban hành)\b)[^,;]){2,80}?)\s+và\s+"
                  r"(?P<two>(?:" + types + r")\s[^;]*?\bsố\s*:?\s*" + DOC_NUMBER + r".*)$", part)
    if not m or len(NUMBER_RE.findall(m.group("one"))) != 1:
        return [part]
    # The second's own number comes first: "Chương trình hành động số 10-CTr/TU … về thực hiện Nghị quyết số 57-NQ/TW"
    # names a document inside its wording, which is no number of its own.
    head = re.match(r"^(?P<head>.*?)\bsố\s*:?\s*" + DOC_NUMBER, m.group("two"))
    if len(NUMBER_RE.findall(m.group("two"))) != 1 and re.search(r"\b(?:về|thực hiện|của|ngày)\b", head.group("head")):
        return [part]
    return [m.group("one"), m.group("two")]
