"""The issuing body when the authority above the căn cứ is not printed: from the preamble ("Ủy ban nhân
dân tỉnh ban hành Kế hoạch … như sau:"), completed from the letterhead when the preamble does not name
the place, and, for a letterhead that is only "ỦY BAN NHÂN DÂN", from the title or the preamble when
they name one place only ("… trên địa bàn tỉnh X"), for review."""

from __future__ import annotations

import re

from plandsl.core.i18n import _
from plandsl.importer.draft import Val
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import sentence_case

UNITS = r"tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn"
_NAME = r"[A-ZĐÀ-Ỹ][\wà-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wà-ỹ]*)*"
AREA = re.compile(r"trên địa bàn\s+(?P<unit>" + UNITS + r")\s+(?P<name>" + _NAME + ")")
BARE_LETTERHEAD = re.compile(r"(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN)")
_PREAMBLE = re.compile(r"^(?P<body>(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Sở|Bộ|Ban [Tt]hường trực|Tiểu ban|"
                       r"Trường (?=[A-ZĐÀ-Ỹ]))\b.*?)\s+(?:[Bb]an hành|[Xx]ây dựng)\s+"
                       r"(?:Kế hoạch|kế hoạch|Chương trình|chương trình)\b.*(?:như sau|sau)\s*:\s*$")
# The issuer speaking in the preamble: "…, Ủy ban nhân dân tỉnh ban hành Kế hoạch … trên địa bàn tỉnh X …".
_SPEAKS = re.compile(r"(?:^|[,;]\s*)(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(?P<unit>" + UNITS + r")\b"
                     r"(?P<rest>[^;]*?\b(?:ban hành|xây dựng)\s+(?:[Kk]ế hoạch|[Cc]hương trình)\b[^;]*)$")
_LEVEL = {"tỉnh": "province", "huyện": "district", "xã": "commune"}
# The last line of a letterhead that names a body inside the one above it, without a place of its own:
# "ỦY BAN MTTQ VIỆT NAM / XÃ X / BAN THƯỜNG TRỰC" is the Ban Thường trực of the commune's Front.
_SUB_BODY = re.compile(r"(?:BAN THƯỜNG TRỰC|BAN THƯỜNG VỤ|THƯỜNG TRỰC|TIỂU BAN)\b(?:(?!\b(?:TỈNH|HUYỆN|XÃ|PHƯỜNG|THỊ TRẤN|"
                       r"THÀNH PHỐ|THỊ XÃ|QUẬN)\b).)*")
_PLACE_LINE = re.compile(r"(?:" + UNITS.upper() + r")\s+\S.*")
_IN_TITLE = re.compile(r"\b(?P<unit>tỉnh|thành phố|huyện|quận|thị xã)\s+(?P<name>" + _NAME + ")")


def sub_body_letterhead(lh: Val | None) -> str | None:
    """"ỦY BAN MTTQ VIỆT NAM / XÃ LƯƠNG MINH / BAN THƯỜNG TRỰC" -> "Ban thường trực Ủy ban mttq Việt Nam xã
    Lương Minh": the body on the last line, then the body it belongs to, when a line above names the place."""
    if lh is None or len(lh.value) != 3:
        return None
    lines = [" ".join(t.split()) for t in lh.value]
    if not (_SUB_BODY.fullmatch(lines[-1]) and _PLACE_LINE.fullmatch(lines[1])):
        return None
    return f"{sentence_case(lines[-1])} {sentence_case(' '.join(lines[:-1]))}".replace("Uỷ", "Ủy")


def preamble_issuer(ctx: Context) -> bool:
    """"Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:" names the issuing body; "tỉnh" without the
    province is completed from a letterhead that names the province."""
    for z in ctx.zoned[:40]:
        m = _PREAMBLE.match(z.line.text)
        if not m:
            continue
        ctx.place(z)
        body = m.group("body").strip()
        body = re.sub(r"^UBND\b", "Ủy ban nhân dân", body)
        # "Ủy ban nhân dân tỉnh X triển khai Đợt thi đua … và ban hành Kế hoạch …": the body is the name before
        # what it does ("$" first: "Đ" falls in the range of lower-case letters, "tỉnh Lâm Đồng" is not cut at "Lâm").
        named = re.match(rf"^(?:Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:{UNITS})(?:\s+{_NAME})?(?=$|\s+[a-zà-ỹđ])", body)
        if named:
            body = named.group(0)
        bare = re.search(r"\b(tỉnh|huyện|xã|thành phố|quận|thị xã|phường|thị trấn)$", body, re.IGNORECASE)
        if not bare:
            ctx.draft.issuer = _spelled_out(ctx, body) or Val(body, z.line.where)
            return True
        lh = ctx.draft.letterhead
        sub = sub_body_letterhead(lh)
        if sub and re.search(rf"\b{bare.group(1).lower()}\s+[A-ZĐÀ-Ỹ]", sub) and \
                body.lower().split()[:2] == sub.lower().split()[:2]:
            ctx.draft.issuer = _named_in_text(ctx, lh.value[-1], lh.value[1]) or Val(sub, lh.where)
            return True
        if lh and len(lh.value) == 2 and BARE_LETTERHEAD.fullmatch(lh.value[0]):
            place = sentence_case(lh.value[1])
            if re.match(rf"{bare.group(1)}\s+\S", place, re.IGNORECASE) and body.lower().startswith("ủy ban nhân dân"):
                ctx.draft.issuer = Val(sentence_case(" ".join(lh.value)).replace("Uỷ", "Ủy"), lh.where)
                return True
        if lh is None or BARE_LETTERHEAD.fullmatch(" ".join(lh.value)):  # no letterhead in the copy, or no place
            ctx.draft.issuer = place_of_bare_letterhead(ctx, letterhead=lh is not None)
            if ctx.draft.issuer is not None:
                return True
        # "Ủy ban nhân dân tỉnh" without the province: the level is known, the body is not ("Thành phố" or
        # "quận" alone do not say the level either).
        ctx.draft.notes.append(_("the document names its issuer only as '{body}', without the place: no "
                                 "issuer or jurisdiction written ({where})").format(body=body, where=z.line.where))
        if bare.group(1).lower() in _LEVEL:
            ctx.draft.level = Val(_LEVEL[bare.group(1).lower()], z.line.where)
        return True
    return False


def place_of_bare_letterhead(ctx: Context, *, letterhead: bool = True) -> Val | None:
    """A letterhead "ỦY BAN NHÂN DÂN" without its place: the issuer, when the title and the preamble's
    sentence of the issuer name one place only ("… trên địa bàn tỉnh X"), at the level the preamble gives."""
    d = ctx.draft
    found: set[tuple[str, str]] = set()
    where = None
    levels: set[str] = set()
    if d.title is not None:
        for m in AREA.finditer(d.title.value):
            found.add((m.group("unit").lower(), m.group("name")))
            where = where or d.title.where
    for z in ctx.zoned[:40]:
        if z.zone not in ("header", "plan_header", "decision", "other"):
            continue
        s = _SPEAKS.search(z.line.text)
        if not s:
            continue
        levels.add(s.group("unit"))
        named = re.match(rf"\s+(?P<name>{_NAME})", s.group("rest"))
        if named:
            found.add((s.group("unit"), named.group("name")))
            where = where or z.line.where
        for m in AREA.finditer(s.group("rest")):
            found.add((m.group("unit").lower(), m.group("name")))
            where = where or z.line.where
    if not found and d.title is not None:
        # "… vì trẻ em tỉnh Quảng Bình giai đoạn 2021-2030": a unit the title names, the place of issue agreeing
        named = {(m.group("unit").lower(), m.group("name")) for m in _IN_TITLE.finditer(d.title.value)}
        if d.place is not None:
            named = {(u, n) for u, n in named if n.lower() == d.place.value.lower()}
        found, where = named, d.title.where
    if len(found) != 1 or len(levels) > 1:
        return None
    [(unit, name)] = found
    if levels and levels != {unit}:
        return None
    if not letterhead:  # a copy without its header table ("… trên địa bàn huyện X", "Ủy ban nhân dân huyện xây dựng …")
        return Val(f"Ủy ban nhân dân {unit} {name}", where,
                   _("the copy has no letterhead: the issuer's place is taken from the document's "
                     "'{unit} {name}'").format(unit=unit, name=name))
    return Val(f"Ủy ban nhân dân {unit} {name}", where,
               _("the letterhead names only 'Ủy ban nhân dân': the place is taken from the document's "
                 "'{unit} {name}'").format(unit=unit, name=name))


def _named_in_text(ctx: Context, body: str, place: str) -> Val | None:
    """The first line that names the body of a three-line letterhead with its place in the document's own words
    ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh (Chủ trì hội nghị)"), for a preamble that names
    it without the place (after the fifteenth set: the body as the text spells it, not the letterhead's acronym)."""
    head = r"\s+".join(map(re.escape, body.split()))
    spot = r"\s+".join(map(re.escape, place.split()))
    named = re.compile(rf"\b{head}\s+(?:Ủy|Uỷ)\s+ban\s+(?:\S+\s+){{0,7}}?{spot}\b", re.IGNORECASE)
    for z in ctx.zoned:
        m = named.search(z.line.text)
        if m and m.group(0)[:1].isupper() and not m.group(0).isupper():
            return Val(" ".join(m.group(0).split()), z.line.where)
    return None


_ACRONYM = re.compile(r"^Sở\s+(?P<initials>[A-ZĐ]{2,6})$")


def _spelled_out(ctx: Context, body: str) -> Val | None:
    """"Sở GDĐT" in the preamble under the letterhead "UBND TỈNH X" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO" (after the twenty-third
    set): the department in full with its place, "Sở Giáo dục và Đào tạo tỉnh X", its name as the document writes it
    in running text. Only when the initials are the letterhead's words'."""
    m, lh = _ACRONYM.match(body), ctx.draft.letterhead
    if not m or lh is None or len(lh.value) != 2 or not lh.value[1].startswith("SỞ "):
        return None
    words = [w for w in lh.value[1].split()[1:] if w.casefold() != "và"]
    if "".join(w[0] for w in words) != m["initials"]:
        return None
    return department_of_letterhead(ctx)


def department_of_letterhead(ctx: Context, review: str | None = None) -> Val | None:
    """The letterhead "UBND TỈNH X" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO": the department with its place, "Sở Giáo dục và Đào tạo
    tỉnh X", the name's words after "Sở" as the text writes them in running text (after the twenty-fourth set also
    for a letterhead read with nothing above the căn cứ or in a preamble of its own); None when the text never spells
    them so. A district's or commune's "UBND HUYỆN X" / "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" likewise (after the twenty-seventh
    set): "Phòng Giáo dục và Đào tạo huyện X", the place as the text spells it ("Hiệp Hòa" under "HIỆP HOÀ"), else
    the name in sentence case."""
    lh = ctx.draft.letterhead
    if lh is None or len(lh.value) != 2 or not lh.value[1].startswith(("SỞ ", "PHÒNG ")):
        return None
    units = "TỈNH|THÀNH PHỐ" if lh.value[1].startswith("SỞ ") else _LOCAL_UNITS
    place = re.match(rf"^(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+(?P<unit>{units})\s+(?P<name>[^\W\d].*)$",
                     " ".join(lh.value[0].split()))
    if not place:
        return None
    office = lh.value[1].startswith("PHÒNG ")
    # the name's words after "Sở" as the text writes them ("Giáo dục và Đào tạo", also in "Bộ Giáo dục và Đào tạo";
    # "GIÁO DỤC&ĐÀO TẠO" as "Giáo dục và Đào tạo" too)
    words = lh.value[1].replace("&", " & ").split()[1:]
    spaced = r"\s+".join(r"\s*(?:và|&)\s*" if w in ("&", "VÀ") else re.escape(w) for w in words)
    spaced = spaced.replace(r"\s+\s*", r"\s*").replace(r"\s*\s+", r"\s*")
    folded = re.compile(r"(?<!\w)" + spaced + r"(?!\w)", re.IGNORECASE)
    unit = place["unit"].lower()
    name = sentence_case(place["name"]).title()
    if office:
        name = _spelled_place(ctx, unit, name)
    for z in ctx.zoned:
        spelled = next((f.group(0) for f in folded.finditer(z.line.text)
                        if f.group(0)[:1].isupper() and not f.group(0).isupper()), None)
        if spelled:
            if office:
                spelled = re.sub(r"\s*&\s*", " và ", spelled)
            return Val(f"{lh.value[1].split()[0].title()} {' '.join(spelled.split())} {unit} {name}", lh.where, review)
    if office:
        return Val(f"{sentence_case(' '.join(lh.value[1].split()))} {unit} {name}", lh.where, review)
    return None


# The units whose people's committee has offices ("phòng"): a district's before 1/7/2025, a commune's after.
_LOCAL_UNITS = "HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU"


def _spelled_place(ctx: Context, unit: str, name: str) -> str:
    """The place's name as the text spells it after its unit in running text ("huyện Hiệp Hòa" where the letterhead
    prints "HIỆP HOÀ"), the tone marks placed either way; else the letterhead's."""
    from plandsl.registry.normalize import fold_case

    size = len(name.split())
    want = fold_case(name)
    pattern = re.compile(rf"\b{unit}\s+(?P<name>[A-ZĐÀ-Ỹ]\w*(?:\s+[A-ZĐÀ-Ỹ]\w*){{{size - 1}}})(?!\w)")
    for z in ctx.zoned:
        for m in pattern.finditer(z.line.text):
            if fold_case(m["name"]) == want:
                return " ".join(m["name"].split())
    return name


CENTRAL_COMMITTEE = re.compile(r"BAN CHẤP HÀNH TRUNG ƯƠNG(?: ĐẢNG(?: CỘNG SẢN VIỆT NAM)?)?")


def central_party_body(ctx: Context, review: str | None = None) -> Val | None:
    """The letterhead "BAN CHẤP HÀNH TRUNG ƯƠNG" / "ĐẢNG ĐOÀN QUỐC HỘI" (a body under the Party's Central Committee,
    after the twenty-sixth set): the body on the second line issues, its name as the text writes it in running text
    ("Đảng đoàn Quốc hội"), else the line in sentence case; the Central Committee is not the issuer."""
    lh = ctx.draft.letterhead
    if lh is None or len(lh.value) != 2 or not CENTRAL_COMMITTEE.fullmatch(" ".join(lh.value[0].split())):
        return None
    words = lh.value[1].split()
    named = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
    return Val(_as_written(ctx, named) or sentence_case(" ".join(words)), lh.where, review)


def _as_written(ctx: Context, named: re.Pattern) -> str | None:
    """A body's name as the text writes it in running text: on the first line with a match of ``named`` not in upper
    case, that match when it opens with a capital (the line passed over when it does not), spaces made single."""
    for z in ctx.zoned:
        spelled = next((f.group(0) for f in named.finditer(z.line.text) if not f.group(0).isupper()), None)
        if spelled and spelled[:1].isupper():
            return " ".join(spelled.split())
    return None


# A Party committee's letterhead ("TỈNH ỦY HÀ GIANG", "HUYỆN ỦY …", "ĐẢNG ỦY XÃ …", after the thirtieth set): the
# committee of one unit, whose level and jurisdiction are the unit's.
PARTY_COMMITTEE = re.compile(r"^(?P<committee>(?P<unit>TỈNH|THÀNH|HUYỆN|QUẬN|THỊ) [ỦU][YỶ]|ĐẢNG [ỦU][YỶ] "
                             r"(?P<local>XÃ|PHƯỜNG|THỊ TRẤN))\s+(?P<name>[^\W\d]+(?:\s+[^\W\d]+){0,4})$")
_PARTY_UNITS = {"TỈNH": "tỉnh", "THÀNH": "thành phố", "HUYỆN": "huyện", "QUẬN": "quận", "THỊ": "thị xã"}


def party_unit(letterhead: Val | None) -> str | None:
    """The unit a Party committee's letterhead names, as the registry spells it ("tỉnh Hà Giang"), else None."""
    m = PARTY_COMMITTEE.match(" ".join(letterhead.value[0].split())) if letterhead is not None else None
    if not m:
        return None
    unit = m["local"].lower() if m["local"] else _PARTY_UNITS[m["unit"]]
    return f"{unit} {' '.join(w.capitalize() for w in m['name'].split())}"


def party_committee(ctx: Context, review: str | None = None) -> Val | None:
    """A Party committee's letterhead ("TỈNH ỦY HÀ GIANG"): the committee ("Tỉnh ủy Hà Giang"), or its standing
    committee when the document is signed for it or names it in its heading ("T/M BAN THƯỜNG VỤ", "CỦA BAN THƯỜNG VỤ
    TỈNH ỦY"), its name as the text writes it ("Ban Thường vụ Tỉnh ủy Hà Giang"), else the letterhead's words."""
    lh = ctx.draft.letterhead
    m = PARTY_COMMITTEE.match(" ".join(lh.value[0].split())) if lh is not None and len(lh.value) == 1 else None
    if not m:
        return None
    committee = m["committee"].capitalize().replace("uỷ", "ủy")
    body = f"{committee} {' '.join(w.capitalize() for w in m['name'].split())}"
    standing = any(re.search(r"^(?:Nơi nhận\s*:?\s*)?T\.?/?\s?M\.?\s+BAN THƯỜNG VỤ|\bCỦA BAN THƯỜNG VỤ\b", z.line.text)
                   for z in ctx.zoned)
    if standing:
        body = f"Ban Thường vụ {body}"
    words = body.replace("ủy", "(?:ủy|uỷ)").split()
    named = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
    return Val(_as_written(ctx, named) or body, lh.where, review)
