"""A Party committee's signature block read by OCR beside its Nơi nhận list (after the thirtieth set): "Nơi nhận: TM
BAN THƯỜNG VỤ" and, glued at the ends of the recipients' lines, the title ("- Ban Bí thư Trung ương Đảng, \\ =« HỈ
THƯ": "BÍ THƯ" read "HỈ THƯ"), the stamp's debris (a few letters and signs, "«2 xã", "KA T1B") and the signatory's
name ("- Lưu Văn phòng Huyện ủy, Nguyễn Văn Minh"). The signer is the secretary's title (the "T/M" line implied, as
for "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"), the name the one glued after an entry's closing comma; the recipients lose
the pieces after their closing comma that are no words."""

from __future__ import annotations

import re

# "TM BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ", "TM. BAN CHẤP HÀNH": the Party body signed for, beside the label
_ON_BEHALF = re.compile(r"^T\.?/?\s?M\.?\s+(?:BAN THƯỜNG VỤ|BAN CHẤP HÀNH|ĐẢNG ĐOÀN|ĐẢNG ỦY|ĐẢNG UỶ)\b(?:\s+\w+){0,4}$")
# the secretary's title at a line's end: "BÍ THƯ", "PHÓ BÍ THƯ", the OCR's "HỈ THƯ"
_TITLE_END = re.compile(r"(?:^|\s)(?P<title>(?:PHÓ\s+)?[BH][ÍỈ]\s+THƯ)$")
_NAME_END = re.compile(r",\s+(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){1,3})$")


def party_on_behalf(text: str) -> bool:
    """Whether ``text`` (after "Nơi nhận:") is a Party body's "TM" line, in upper case."""
    return bool(_ON_BEHALF.match(text.strip())) and text.isupper()


def party_beside(lines: list[str]) -> tuple[str, int, str | None, int | None] | None:
    """The lines after "Nơi nhận: TM BAN THƯỜNG VỤ" (the list's, in order): (the signer, "BÍ THƯ" or "PHÓ BÍ THƯ",
    the index of its line, the signatory or None, the index of its line), or None when no title ends a line."""
    for k, text in enumerate(lines):
        m = _TITLE_END.search(text.strip())
        if m:
            signer = re.sub(r"[BH][ÍỈ]\s+THƯ$", "BÍ THƯ", m.group("title"))
            for n, after in enumerate(lines[k + 1:], k + 1):
                name = _NAME_END.search(after.strip().rstrip("."))
                if name and _is_name(name.group("name")):
                    return signer, k, name.group("name"), n
            return signer, k, None, None
    return None


def clean_entry(text: str, name: str | None = None) -> str:
    """A recipient's line without what the stamp and the signature glued after its closing comma: the signatory's
    name, a title, the stamp's debris (a piece that is not a run of words, or has no word in lower case)."""
    t = text.strip()
    if name and t.rstrip(".").endswith(", " + name):
        return t.rstrip(".")[:-len(name) - 2]
    head, sep, tail = t.rpartition(", ")
    piece = tail.rstrip(" `'.,;")
    if sep and not is_words(piece):
        return head
    return f"{head}{sep}{piece}"


def is_words(text: str, commas: bool = False) -> bool:
    """Whether ``text`` is a run of words (commas between them when ``commas``) with one in lower case, not a stamp's
    debris ("KA T1B", "«2 xã", "TƯ Ki", "+a2W1]")."""
    words = text.strip().rstrip(" `'.,;").replace(",", " " if commas else ",").split()
    return all(w.isalpha() or w == "-" for w in words) and any(len(w) > 1 and w.islower() for w in words)


def _is_name(text: str) -> bool:
    """"Nguyễn Văn Minh": two to four words, each a capital and then lower case."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)
