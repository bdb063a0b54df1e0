"""The signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" and the signatory's name) and the recipients (Nơi nhận) at the
end of a decision or plan."""

from __future__ import annotations

import re

from plandsl.core.i18n import _
from plandsl.importer.draft import Val
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.party_sign import clean_entry, is_words, party_beside, party_on_behalf
from plandsl.importer.syllables import mend_split_words

SIGN = re.compile(r"^(?:TM\.|T\.M\.|KT\.|K\.T\.|Q\.|TL\.|TUQ\.|T/M)\s*", re.IGNORECASE)
_TITLE_WORD = re.compile(r"^(?:CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|"
                         r"PHÓ THỦ TƯỚNG|(?:PHÓ\s+)?TRƯỞNG PHÒNG|CHÁNH VĂN PHÒNG|ỦY BAN|UỶ BAN|"
                         r"(?:PHÓ\s+)?TRƯỞNG\s+(?:TIỂU\s+)?BAN$|"
                         r"(?:PHÓ\s+)?HIỆU TRƯỞNG$|(?:PHÓ\s+)?BÍ THƯ$)")
# (a school's head after the twenty-second set; a Party committee's secretary under "T/M ĐẢNG ĐOÀN …" after the
# twenty-sixth)
# A head who signs in person: the title alone on its line, the name under it.
_PERSON = re.compile(r"(?:PHÓ\s+|TỔNG\s+)?(?:THỦ TƯỚNG|CHỦ TỊCH|BỘ TRƯỞNG|THỨ TRƯỞNG|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|"
                     r"HIỆU TRƯỞNG|TRƯỞNG PHÒNG)")  # (a district office's head after the twenty-seventh set)
_NAME = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4}$")
# The title and the name on one line, as a copy of the signature table's cell writes them ("CHỦ TỊCH Hoàng Quốc Khánh").
_PERSON_NAMED = re.compile(r"(?P<title>" + _PERSON.pattern + r")\s+(?P<name>[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4})")

# One part of a signature block: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TRƯỞNG BAN", "PHÓ THỦ TƯỚNG".
_SIGN_PART = re.compile(r"(?:(?:TM|KT|TL|TUQ|Q)\.\s*)?(?:(?:PHÓ|TỔNG)\s+)*(?:CHỦ TỊCH|THỦ TƯỚNG|TRƯỞNG BAN|GIÁM ĐỐC|HIỆU TRƯỞNG|"
                        r"BỘ TRƯỞNG|THỨ TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|"
                        r"HỘI ĐỒNG NHÂN DÂN|BAN CHỈ ĐẠO|BAN THƯỜNG VỤ)")
_ONE_LINE = re.compile(rf"(?P<parts>{_SIGN_PART.pattern}(?:\s+{_SIGN_PART.pattern})+)\s+(?P<name>{_NAME.pattern[1:-1]})")


def signature(ctx: Context) -> None:
    """The first signature block ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / the name), or else the first title signed in
    person ("THỦ TƯỚNG" / "Phạm Văn A": the head signs with no "KT." or "TM." line)."""
    if not _on_behalf(ctx):
        _in_person(ctx)


def _one_line(text: str) -> tuple[str, str] | None:
    """A whole signature block on one line, as a copy's table cell flattens it: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ
    CHỦ TỊCH Lê Văn A", "TRƯỞNG BAN PHÓ THỦ TƯỚNG Nguyễn Văn B", "KT. CHỦ TỊ CH P HÓ CHỦ T Ị CH Ngu y ễn Văn C" (letters
    split by the copy put back): (the signer, its parts joined by " / " from the "KT." one, else from the first that
    is not "TM.", and the signatory)."""
    m = _ONE_LINE.fullmatch(mend_split_words(text.strip(" *|")))
    if not m:
        return None
    parts = [re.sub(r"^(KT|TM|TL|TUQ|Q)\.\s*", r"\1. ", p.group(0)) for p in _SIGN_PART.finditer(m.group("parts"))]
    start = next((k for k, p in enumerate(parts) if p.startswith("KT.")),
                 next((k for k, p in enumerate(parts) if not p.startswith("TM.")), 0))
    return " / ".join(parts[start:]), m.group("name")


def _in_person(ctx: Context) -> None:
    zs = ctx.zoned
    for i, z in enumerate(zs):
        one = _PERSON_NAMED.fullmatch(z.line.text.strip(" *"))
        block = None if one else _one_line(z.line.text)
        if one or block:
            ctx.place(z)
            signer, name = (one.group("title"), one.group("name")) if one else block
            ctx.draft.signer = Val(signer, z.line.where)
            ctx.draft.signatory = Val(name, z.line.where)
            return
        if not _PERSON.fullmatch(z.line.text.strip(" *")):
            continue
        j = _past_signed(ctx, i + 1, place=False)
        if j < len(zs) and _NAME.match(_name(zs[j].line.text)):
            ctx.place(*zs[i:j + 1])
            ctx.draft.signer = Val(z.line.text.strip(" *"), z.line.where)
            ctx.draft.signatory = Val(_name(zs[j].line.text), zs[j].line.where)
            return


_SIGNED = re.compile(r"[(\[]?\s*[Đđ]ã\s+ký\s*[)\]]?"  # "(Đã ký)", a Markdown copy's "[đã ký]"
                     # a digital signature's stamp: "Sở Giáo dục và Đào tạo 2020.03.27 14:26:14 +07:00"
                     r"|[^\d]{0,80}\d{4}\.\d{2}\.\d{2}\s+\d{2}:\d{2}:\d{2}\s*[+-]\d{2}:\d{2}"
                     # its two lines as a Word PDF's stamp draws them: "Ký bởi Phòng Giáo dục …", "Giờ ký: 2020-07-"
                     r"|Ký bởi\s*:?[^\d]{1,80}|Giờ ký\s*:?[\d\s.:T+-]*")
# the stamp's time glued on the signatory's line: "Trần Văn Bình09T10:59:31.4003710+07:00", "Lê Văn A 2020.07.09 …"
_GLUED_STAMP = re.compile(r"(?<=[a-zà-ỹđ])\s*\d[\d\s.:T-]*[+-]\d{2}:\d{2}$")


def _name(text: str) -> str:
    """The signatory's line without a digital signature's time glued on it."""
    return _GLUED_STAMP.sub("", text)


def _past_signed(ctx: Context, j: int, place: bool = True) -> int:
    """The index of the first line from ``j`` that is not "(Đã ký)", "[đã ký]" or empty (those placed when
    ``place``)."""
    zs = ctx.zoned
    while j < len(zs) and (_SIGNED.fullmatch(zs[j].line.text) and not _NAME.match(_name(zs[j].line.text))
                           or zs[j].line.text in ("", "/.")):
        if place:
            ctx.place(zs[j])
        j += 1
    return j


def _on_behalf(ctx: Context) -> bool:
    d = ctx.draft
    zs = ctx.zoned
    for i, z in enumerate(zs):
        t = z.line.text
        beside = z.zone == "recipients" and _BESIDE.match(t)  # "Nơi nhận: KT.TRƯỞNG PHÒNG": one row of two columns
        t = t[beside.end():] if beside else t
        if beside and party_on_behalf(t) and _party_beside(ctx, i):
            return True
        if not SIGN.match(t) or not t.replace(".", "").replace(" ", "").isupper() or len(t) > 60:
            continue
        block = [z]
        j = i + 1
        while j < len(zs) and zs[j].line.text.isupper() and len(zs[j].line.text) < 60 and (
                _TITLE_WORD.match(zs[j].line.text) or SIGN.match(zs[j].line.text)):
            block.append(zs[j])
            j += 1
        parts = [re.sub(r"^(KT|TM|TL|Q|TUQ)\.\s*", r"\1. ", b.line.text) for b in block]
        parts[0] = re.sub(r"^(KT|TM|TL|Q|TUQ)\.\s*", r"\1. ", t)
        # "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH": the signer is the person's title; the collective line is implied (a Party
        # body's "T/M ĐẢNG ĐOÀN …" / "BÍ THƯ" the same, after the twenty-sixth set).
        start = next((k for k, p in enumerate(parts) if p.startswith("KT.")),
                     next((k for k, p in enumerate(parts) if not p.startswith(("TM.", "T/M", "T.M."))), 0))
        if beside and all(p.startswith(("TM.", "T/M", "T.M.")) for p in parts[start:]):
            continue  # "Nơi nhận: TM. UBND HUYỆN": the body signed for, the person's title further on
        ctx.place(*block)
        d.signer = Val(" / ".join(parts[start:]), z.line.where)
        while beside and j < len(zs) and zs[j].zone in ("recipients", "after_recipients") and (
                zs[j].line.text.startswith("-") or _E_COPY.fullmatch(zs[j].line.text)):
            j += 1  # the list beside the signer's title; the name is under it
        j = _past_signed(ctx, j)
        if j < len(zs) and _NAME.match(_name(zs[j].line.text)):
            ctx.place(zs[j])
            d.signatory = Val(_name(zs[j].line.text), zs[j].line.where)
        return True
    return False


_TITLE_READ = re.compile(r"(?:PHÓ\s+)?[BH][ÍỈ]\s+THƯ$")


def _party_beside(ctx: Context, i: int) -> bool:
    """"Nơi nhận: TM BAN THƯỜNG VỤ" on line ``i``, the title and the name glued on the list's lines (party_sign.py)."""
    zs = ctx.zoned
    j = i + 1
    while j < len(zs) and zs[j].zone in ("recipients", "after_recipients"):
        j += 1
    found = party_beside([z.line.text for z in zs[i + 1:j]])
    if found is None:
        return False
    signer, k, name, n = found
    read = _TITLE_READ.search(zs[i + 1 + k].line.text.strip()).group(0).strip()
    review = None if read == signer else _("the signer's title is read '{read}' at the end of a recipient's line: "
                                           "taken for '{title}'").format(read=read, title=signer)
    ctx.draft.signer = Val(signer, zs[i + 1 + k].line.where, review)
    if name is not None:
        ctx.draft.signatory = Val(name, zs[i + 1 + n].line.where)
    return True


def recipients(ctx: Context) -> None:
    d = ctx.draft
    items = []
    first = None
    last = ""
    listed = copies = stamped = False
    for z in ctx.zoned:
        if z.zone != "recipients" and not (stamped and z.zone == "after_recipients"):
            if listed and items and z.zone == "after_recipients":
                if _E_COPY.fullmatch(z.line.text) or copies and z.line.text.startswith("-"):
                    # "Bản điện tử:" under the list and the electronic copies' entries under it (twenty-ninth set)
                    copies = True
                    ctx.place(z)
                    if z.line.text.startswith("-"):
                        items.append(re.sub(r"[;,]\s*-$", "", z.line.text.lstrip("- ")).rstrip(";.,").strip())
                    continue
                _closing_piece(ctx, z, items)
            listed = copies = False
            continue
        listed = True  # the line just before was one of the list's
        if re.match(r"^Nơi nhận", z.line.text, re.IGNORECASE):
            first = first or z
            ctx.place(z)
            rest = re.sub(r"^Nơi nhận\s*:?\s*", "", z.line.text, flags=re.IGNORECASE)
            stamped = party_on_behalf(rest)  # the Party's signature block interleaved with the list
            if SIGN.match(rest) and rest.isupper() or stamped:
                rest = ""  # "Nơi nhận: KT.TRƯỞNG PHÒNG": the signer's title beside the label, no recipient
            if rest.startswith("-"):  # the list on one line: "- Như Điều 3; - Tổng Giám đốc; - Lưu: VT, PC (3)."
                # a note in brackets after the entry's semicolon ("- Bộ Y tế; (báo cáo) - Sở …") ends the entry too
                rest = re.sub(r"(;\s*\([^()]{1,30}\))\s+-\s+", r"\1; - ", rest)
                items += [p.rstrip(";.,").strip() for p in re.split(r"[;.]\s*-\s*", rest.lstrip("- "))]
            elif rest:
                items.append(rest)
            continue
        if z.line.text.startswith(("-", "+", "•", "* ")):  # a Markdown copy's "*   " bullets (twenty-sixth set)
            ctx.place(z)
            text = clean_entry(z.line.text, _signatory(d)) if stamped else z.line.text
            if stamped and not is_words(text.lstrip("-+•* "), commas=True):
                continue  # "+i1V1]": the stamp's debris read as an entry
            items.append(text.lstrip("-+•* ").rstrip(";.,").strip())
        elif items and first is not None and z.style is None:  # an entry carried on to this line (zones.py)
            ctx.place(z)
            comma = "," if last.rstrip().endswith(",") else ""
            text = clean_entry(z.line.text, _signatory(d)) if stamped else z.line.text
            items[-1] = f"{items[-1]}{comma} {text.strip().rstrip(';.,').strip()}"
        last = z.line.text
    # "- Lưu: VT. Bản điện tử:": the label of the list's electronic copies, no recipient (after the twenty-seventh set)
    items = [_E_COPY.sub("", i) for i in items]
    if first is not None and items:
        # a copy's stray spaces inside words ("T hủ tướ ng C h í nh ph ủ", "Xã hộ i ,") put back
        d.recipients = Val([mend_split_words(i) for i in items if i], first.line.where)


def _signatory(d) -> str | None:
    return d.signatory.value if d.signatory is not None else None


def _closing_piece(ctx: Context, z, items: list[str]) -> None:
    """"thực hiện);" on the line after the list: the end of an entry a PDF's table cell drew below the others ("- Phòng
    GD&ĐT các huyện, TP (" … "- Lãnh đạo Sở GD&ĐT." / "thực hiện);"), put back on the one entry left open."""
    t = z.line.text.strip()
    open_items = [k for k, i in enumerate(items) if i.count("(") > i.count(")")]
    if re.match(r"^[a-zà-ỹđ][^()]{0,40}\)[;.,]?$", t) and len(open_items) == 1:
        ctx.place(z)
        items[open_items[0]] = f"{items[open_items[0]]}{t.rstrip(';.,')}"


_E_COPY = re.compile(r"(?:^|[.;,]?\s+)Bản điện tử\s*:?\s*$", re.IGNORECASE)
_BESIDE = re.compile(r"^Nơi nhận\s*:\s*", re.IGNORECASE)
