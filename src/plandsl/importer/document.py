"""A document as the readers hand it to the extractors: cleaned lines, each with where it came from.

Every reader (text, DOCX, PDF, OCR) produces raw lines in reading order; ``assemble``
cleans them (NFC, spaces, Markdown emphasis and headings, footnote marks) and joins a
sentence that a hard wrap or a page break split ("… cộng" / "tác viên …").
"""

from __future__ import annotations

import re
import unicodedata

from attrs import field

from plandsl.core.records import define, frozen
from plandsl.importer.webcopy import PIPE_RULE  # noqa: F401 - the "|---|---|" under a header, beside PIPE_ROW


@frozen
class Line:
    text: str
    where: str  # "line 46", "page 2, line 5", "paragraph 12": shown in review comments
    no: int  # position in the document, 0-based
    ocr: bool = False
    bold: bool = False  # written whole in bold in the source ("**4. Công tác truyền thông**"): a heading


@define
class Document:
    path: str
    lines: list[Line]
    source: str  # "text", "docx", "pdf", "ocr"
    notes: list[str] = field(factory=list)  # what the reader did: conversions, repairs, OCR


_MD_HEADING = re.compile(r"^#{1,6}\s+")
_EMPHASIS = re.compile(r"(\*\*|__|\*(?=\S)|(?<=\S)\*)")
_FOOTNOTE = re.compile(r"<sup>\s*\d+\s*</sup>|\[\^\d+\]")
_TAG = re.compile(r"</?(?:b|i|u|strong|em|br|p|span)\b[^>]*>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b\u202f\u3000]+")
# "a) …", and "b. Địa điểm …" (a lettered field), and "a)" alone (a table's row marker in a cell of its own)
_ITEM = re.compile(r"^(?:[a-zđ]\)\s|[a-hđ]\.\s+[A-ZĐÀ-Ỹ]|(?:[a-zđ]|đđ|dd)\)$)")
_END = re.compile(r"[.:!?…)\]”\"/]$")
# A line cut after one of these words goes on in the next even when that starts with a figure:
# "Bình Định, ngày" / "29 tháng 4 năm 2021", "Số:" / "267/KH-UBND", "Quyết định số" / "112/QĐ-TTg …", a
# target's wording and its figure ("Năm 2025 đạt" / "60% các cơ quan …").
_DANGLING = re.compile(r"(?:^|\s)(?:[Ss]ố\s*:?|SỐ\s*:|ngày|tháng|năm|của|và|về|tại|theo|từ|đến|giai đoạn|thời kỳ|"
                       r"GIAI ĐOẠN|NĂM|ĐẾN|TỪ|đạt|đạt trên|trên|dưới|còn|xuống|ít nhất|tối thiểu|trở đi,?|[Pp]hấn đấu)$")
_CELL_BREAK = "\u241e"  # stands for a lone "|" line while the lines are assembled
_RANGE_CUT = re.compile(r"\b(?:giai đoạn|GIAI ĐOẠN|[Tt]ừ|TỪ|[Nn]ăm|NĂM)\s+\d{4}$")
_MIXED_CASE = re.compile(r"(?:[A-Z][a-z]+[A-Z]|[a-z]+[A-Z])\w*\b")  # "IoT", "eKYC", "iPad": not a sentence start
_NEW_ITEM = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]\s")
# "Trong giai đoạn 2026 - 2030, Đảm bảo xây dựng trạm" / "BTS 5G đạt 100% …": a sentence wrapped before an
# abbreviation in capitals goes on, when no blank line is between and the line before is running text, not a heading.
# A body's abbreviation ("UBND tỉnh ban hành …") may open a new sentence: not joined.
_ACRONYM_START = re.compile(r"^(?!(?:UBND|HĐND|MTTQ|BCĐ|BCH|BTV|BQL|TAND|VKSND)\b)[A-ZĐ]{2,5}\s+(?=[a-zđà-ỹ\d])")
_MARKED = re.compile(r"^(?:[IVXLC]+\.|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|Điều\s+\d|Chương\b)")


PIPE_ROW = re.compile(r"^\|.*\|$")  # a row of a Markdown table ("| 1 | Tỷ lệ hộ nghèo | % | 3 |"): never joined


def pipe_row(cells: list[str]) -> str:
    """A table's row as a Markdown row ("| 1 | Nội dung | Sở Y tế | … |"), a "|" inside a cell written "/": how the
    Word and PDF readers hand their tables of data to the task and target table readers."""
    return "| " + " | ".join(c.replace("|", "/") for c in cells) + " |"


def pipe_cells(text: str) -> list[str]:
    """The cells of a Markdown row (``PIPE_ROW``), stripped: what ``pipe_row`` wrote, read back."""
    return [c.strip() for c in text.strip()[1:-1].split("|")]


def _acronym_goes_on(prev: str, cur: str) -> bool:
    return bool(_ACRONYM_START.match(cur)) and len(prev) >= 30 and prev[-1:].isalpha() and prev[-1:].islower() \
        and not _MARKED.match(prev) and not prev.isupper()


# "ƣ" / "Ƣ" (U+01A3 / U+01A2, no Vietnamese letter) where a PDF font's mapping meant "ư" / "Ư" ("TRƢỞNG PHÒNG", the
# twenty-ninth set): every reader's text and a .txt copy made from such a PDF go through here.
_OI_FOR_U_HORN = str.maketrans("\u01a3\u01a2", "\u01b0\u01af")


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text.translate(_OI_FOR_U_HORN))
    text = text.replace("\ufeff", "").replace("\u00ad", "")
    text = _SPACES.sub(" ", text).strip()
    text = _MD_HEADING.sub("", text)
    text = _FOOTNOTE.sub("", text)
    text = _TAG.sub("", text)
    if "*" in text or "__" in text:
        text = _EMPHASIS.sub("", text)
        text = re.sub(r"(?<=[^\s*])\s+\*+$", "", text)  # "… năm 2025; *": a closing mark after a space, its opening gone
    return _SPACES.sub(" ", text).strip()


def _is_continuation(prev: str, cur: str) -> bool:
    """Whether ``cur`` continues the sentence of ``prev`` (a hard wrap), not a new paragraph."""
    if not prev or not cur:
        return False
    first = cur[0]
    if _RANGE_CUT.search(prev) and re.match(r"[-–]\s*\d{4}\b", cur):
        return True  # a year range cut at its dash ("Trong giai đoạn 2026" / "- 2030 phấn đấu …"), not a bullet
    if _series_cut(prev, cur):
        return True  # "… toàn diện về Đức - Trí - Thể" / "- Mỹ bao gồm …": a series of names cut at a dash, no bullet
    if prev.count("(") > prev.count(")") and cur.count(")") > cur.count("(") and not _ITEM.match(cur) \
            and first not in "-+•*" and not _END.search(prev.rstrip(":")):
        return True  # "… 58 trạm (Trong đó: VNPT:" / "25 trạm, Viettel: 33 trạm);": the parenthesis closes here
    if re.match(r"\((?:[Tt]rong đó|[Bb]ao gồm|[Gg]ồm|[Cc]hiếm)\b", cur) and not _END.search(prev) and not prev.isupper():
        return True  # "… sang trạm 5G: 125 trạm" / "(Trong đó: MobiFone: 22 trạm, …)": a breakdown of the figure
    if re.match(r"\([a-zà-ỹđ][^()]{3,}\)\s+[a-zà-ỹđ]", cur) and prev[-1:].isalpha() and not prev.isupper():
        return True  # "b) Thúc đẩy … đo đếm thông minh" / "(smart metering) tới từng hộ …": a gloss in brackets goes on
    if re.search(r"\bđịa chỉ\s*:$", prev) and re.match(r"(?:https?://|www\.)", cur):
        return True  # "… tại địa chỉ:" / "https://…": the address goes on the line
    if re.search(r"\b(?:sau|trước) khi$", prev) and first.isupper() and not cur.isupper() and not _NEW_ITEM.match(cur):
        return True  # "Thời gian thực hiện sau khi" / "Chiến lược … được ban hành.": the clause goes on
    if first.isdigit() and _DANGLING.search(prev) and not _NEW_ITEM.match(cur) and not re.fullmatch(r"\d{1,2}(?:\.\d{1,2})?\.?", cur):
        return True  # (a number of one or two figures alone is a table's next row: "Hằng năm" / "2" / "Rà soát …", "3.")
    if re.match(r"\d{1,3}(?:[.,]\d{1,3})?\s+[a-zà-ỹđ]", cur) and len(prev) >= 50 and prev[-1:].isalpha() \
            and prev[-1:].islower():
        return True  # "a) … tổ chức, thực hiện dạy học" / "2 buổi/ngày ở …": a figure and its unit, no topic "2."
    if re.search(r"\b(?:khoản|điểm)\s+[\dđa-z]{1,3}$", prev) and re.match(r"Điều\s+\d", cur):
        return True  # "… khoản 5 Điều 4; khoản 3" / "Điều 6; khoản 5 Điều 9; …": a list of provisions cut inside one
    if re.search(r"\b(?:khoản|điểm)$", prev) and re.match(r"[\dđa-z]{1,3}\s+Điều\s+[\dIVX]", cur):
        return True  # "… Luật Bảo vệ môi trường và khoản" / "16 Điều I Luật số …": the provision's number, not an item
    if re.search(r"\s(?:của|về|tại|với|hệ thống)$", prev) and first.isupper() and not cur.isupper() \
            and not _NEW_ITEM.match(cur):
        return True  # "5. Xây dựng Nghị định của" / "Chính phủ": no sentence or heading ends on these words; nor on
        # "… phối hợp chặt chẽ với" / "Công an tỉnh …", "… hướng dẫn hệ thống" / "Tuyên giáo …" (seventeenth set)
    if re.search(r"\s(?:của|theo)\s+Luật$", prev) and first.isupper() and not cur.isupper() and not _NEW_ITEM.match(cur):
        return True  # "… theo quy định của Luật" / "Phòng, chống ma túy; …": the law's name cut after its kind
    if re.search(r"\bBan Chấp hành$", prev) and re.match(r"Trung ương\b", cur):
        return True  # "… của Ban Chấp hành" / "Trung ương Đảng khóa XIII về …": the body's name cut inside
    if re.search(r"\b(?:Sở|Bộ|Ủy ban|Uỷ ban|Ban Quản lý(?: các)?(?: [Kk]hu)?)$", prev) and first.isupper() \
            and not _DUTY_VERB.match(cur):  # "c) Văn phòng Sở" / "Phối hợp thực hiện …": the body's duty, no name
        return True  # "1. Giao Sở" / "Nông nghiệp và Môi trường là cơ quan đầu mối …": a body's name cut after its kind
        # (or "… phối hợp với Sở Xây dựng, Ban Quản lý khu" / "Kinh tế và …")
    if re.search(r"\bcủa (?:Bộ trưởng|Chủ tịch|Giám đốc)$", prev) and re.match(r"(?:Bộ|Ủy ban|Uỷ ban|Sở)\s+[A-ZĐÀ-Ỹ]", cur):
        return True  # "… ngày 15/11/2018 của Bộ trưởng" / "Bộ Nông nghiệp và …": whose minister it is
    if _MIXED_CASE.match(cur) and (prev[-1:].isalpha() and prev[-1:].islower() or prev.endswith(",")):
        return True  # "b) Triển khai đề án ứng dụng" / "IoT trong một số ngành …": a name in mixed case goes on
    if _END.search(prev) and not (prev.endswith(("...", "…")) and first.islower() and not _ITEM.match(cur)):
        return False  # an ellipsis ("(Facebook, Youtube...)..." / "để lan tỏa …") does not end the sentence
    if _ITEM.match(cur):
        return False  # "a) …", "đ) …": a new item
    if not first.isalpha() or not first.islower():
        return False
    if prev.isupper() and not cur.isupper():
        return False  # an upper-case heading followed by running text
    return True


def assemble(raw: list[tuple[str, str]], *, ocr: bool = False, web: bool = False, gazette: bool = False) -> list[Line]:
    """(text, where) pairs to cleaned lines: blank lines dropped, wrapped sentences joined.

    ``web``: plain text that may be a copy from a website (flattened ``A | B |`` tables, lines
    hard-wrapped at a fixed width), see :mod:`plandsl.importer.webcopy`; ``gazette``: such a copy of the official
    gazette's text layer (its wrap width and its paragraphs' ends, :func:`plandsl.importer.webcopy.wrap_width`)."""
    from plandsl.importer.ocrhead import ocr_goes_on, page_noise, split_glued_motto
    from plandsl.importer.partymarks import party_markers

    raw = page_noise(split_glued_motto(party_markers(raw)))  # a Party document's "IV- …", "1- …" markers; an OCR'd
    # letterhead and motto read as one line, "KÉ HOẠCH"; a scan's page numbers and footnotes inside a sentence, "HI."
    width = full = None
    if web:
        from plandsl.importer import celltable
        from plandsl.importer.layoutcopy import split_columns
        from plandsl.importer.webcopy import join_emphasis, split_table_rows, wrap_width

        raw = split_columns(raw)  # a layout copy's letterhead beside the motto, its Nơi nhận beside the signature
        raw = join_emphasis(raw) if any("*" in text for text, _where in raw) else raw
        # A lone "|" line is a cell boundary in a page converted to Markdown: nothing joins across it.
        raw = split_table_rows([(_CELL_BREAK if text.strip() == "|" else text, where) for text, where in raw])
        if any(text == _CELL_BREAK for text, _where in raw):
            raw = celltable.rebuild(raw, pipe_row, _CELL_BREAK)  # tables of three columns or more, one cell a line
    cleaned = [(clean(text), where, _all_bold(text)) for text, where in raw]
    if web:
        width = wrap_width([text for text, _where, _bold in cleaned])
        full = wrap_width([text for text, _where, _bold in cleaned], gazette=True) if gazette else None
    out: list[Line] = []
    tables = any(PIPE_ROW.match(text) for text, _where, _bold in cleaned)  # a table's cells one a line: never OCR's
    physical = ""  # the last line as written, before any join
    broken = False  # a cell boundary since the last line
    for text, where, bold in cleaned:
        if not text or text == _CELL_BREAK:
            physical = ""
            broken = broken or text == _CELL_BREAK
            continue
        if out and not broken and not (PIPE_ROW.match(text) or PIPE_ROW.match(out[-1].text)) \
                and (_is_continuation(out[-1].text, text)
                                   or physical and _acronym_goes_on(out[-1].text, text)
                                   or width and physical and _wrapped(physical, text, width)
                                   or full and physical and _gazette_wrapped(out[-1].text, physical, text, full)
                                   or web and physical == out[-1].text and _cut_in_cell(physical, text)
                                   or web and _goes_on(out[-1].text, text)
                                   or (ocr or web and not tables) and physical and ocr_goes_on(out[-1].text, text)):
            last = out[-1]
            out[-1] = Line(f"{last.text} {text}", last.where, last.no, last.ocr, last.bold and bold)
            physical = text
            continue
        out.append(Line(text, where, len(out), ocr, bold))
        physical = text
        broken = False
    return out


# What a body's duty opens with, never the rest of its name.
_DUTY_VERB = re.compile(r"(?:Phối hợp|Chủ trì|Tham mưu|Chỉ đạo|Hướng dẫn|Thực hiện|Theo dõi|Tổng hợp)\s")


def _series_cut(prev: str, cur: str) -> bool:
    """Whether ``prev`` ends in three or more short capitalised words joined by " - " ("Đức - Trí - Thể") and ``cur``
    opens with "- " and one more such word before a lower-case one ("- Mỹ bao gồm …"): the series goes on (after the
    twenty-fourth set)."""
    m = re.search(r"(?<!\S)((?:\w{1,8}\s+-\s+){2,}\w{1,8})$", prev)
    n = re.match(r"-\s+(\w{1,8})\s+\w", cur)
    return bool(m and n) and all(w[0].isupper() and w.isalpha() for w in [*re.split(r"\s+-\s+", m.group(1)), n.group(1)]) \
        and cur[n.end() - 1].islower()


def _all_bold(raw: str) -> bool:
    raw = raw.strip()
    return len(raw) > 4 and raw.startswith(("**", "__")) and raw.endswith(("**", "__")) and re.search(r"\w", raw) is not None


def _cut_in_cell(prev: str, cur: str) -> bool:
    from plandsl.importer.webcopy import phrase_cut, place_cut

    return place_cut(prev, cur) or phrase_cut(prev, cur)


def _wrapped(prev: str, cur: str, width: int) -> bool:
    from plandsl.importer.webcopy import wrapped_on

    return wrapped_on(prev, cur, width)


def _gazette_wrapped(para: str, prev: str, cur: str, width: int) -> bool:
    from plandsl.importer.webcopy import gazette_wrapped

    return gazette_wrapped(para, prev, cur, width)


def _goes_on(prev: str, cur: str) -> bool:
    from plandsl.importer import webcopy

    return webcopy.clause_goes_on(prev, cur) or webcopy.heading_goes_on(prev, cur) or webcopy.list_entry_goes_on(prev, cur) \
        or webcopy.name_goes_on(prev, cur)
