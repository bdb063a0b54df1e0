"""Shapes of plain text copied from legal-document websites, undone before extraction.

* **Flattened tables.** A two-column header or signature table copied as ``A | B |`` rows
  ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |"). Such a run of rows is read column
  by column, as the Word and PDF readers read the table: the letterhead and number, then the
  motto and the place and date; the rules under the letterhead and the motto (``------- | ----- |``)
  are dropped. A Markdown table (``| a | b |`` over ``|---|---|``, or rows of three cells and more) is left alone,
  unless it is the page's layout: a two-column letterhead table (its second cell the motto) or signature table
  (its first cell "Nơi nhận: …") is read column by column as a flattened one.
* **A place name cut in a narrow header cell** ("Đồng" / "Tháp, ngày 6 tháng 9 năm 2021"): a line of
  one to three capitalised words before "Name, ngày …" is the start of the place.
* **A letterhead or motto cut in mid-phrase** ("ỦY" / "BAN NHÂN DÂN", "CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT
  NAM"): a line that is only the first words of one of these fixed phrases goes on with the next line
  when the two together go on with the phrase.
* **A preamble clause, a heading or a Nơi nhận entry wrapped where no single width shows it** (the site keeps
  the page's own breaks): a "Căn cứ" / "Thực hiện" / "Theo đề nghị" / "Xét đề nghị" / "Triển khai" line that
  ends in no punctuation goes on in the next ("… một số điều của Luật" / "Tổ chức Chính phủ …", "… Sở Y tế tại"
  / "Tờ trình số …", "… Sở Lao động" / "- Thương binh và Xã hội …"); an upper-case section heading goes on in
  the upper-case line after it ("II. NHIỆM VỤ" / "CỤ THỂ"); a Nơi nhận entry without its ";" goes on in a short
  line without a dash that ends one ("- Bộ Lao động" / "TBXH;").
* **Markdown emphasis over wrapped lines** (a page converted to Markdown: "**1. Phổ biến, giáo dục Luật" /
  "Việc làm …**", "*Thành phố Hồ Chí" / "Minh, ngày 18 tháng 11 năm 2025*"): the lines of one bold or italic span
  are one line, as the page showed them (not across a Markdown line break, two spaces at a line's end); a lone
  "**" or "** **" line closes a span or is nothing.
* **Hard-wrapped lines.** Copies broken at a fixed width in the middle of sentences. When most long
  lines stop near one width without ending a sentence, a line that reaches that width and does not
  end a sentence goes on in the next line, unless the next line opens a new item.
"""

from __future__ import annotations

import re

# The "|---|---|" under a Markdown table's header (also read by the importer's table readers, through document).
PIPE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_CELL_RULE = re.compile(r"\s+-{3,}$")
_TERMINAL = (".", ";", ":", "!", "?", "…", ")", "\"", "”")
# Lines that open something new: a numbered or bulleted item, an article, a preamble clause.
_OPENS = re.compile(r"^(?:[-–+•*·]\s|[a-zđ]\)\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVX]{1,5}[.)]\s|Điều\s+\d|Thứ\s|"
                    r"Căn cứ\b|Thực hiện\b|Theo đề nghị\b|Xét đề nghị\b|Nơi nhận\b|QUYẾT ĐỊNH|KẾ HOẠCH)")


def _cells(text: str) -> list[str]:
    """"A | B |" -> [A, B]; "| B |" -> ["", B] (the first cell is empty, B is in the second column)."""
    body = text.strip()
    body = body[:-1] if body.endswith("|") else body
    return [c.strip() for c in body.split("|")]


def _open_marks(text: str) -> tuple[bool, bool]:
    """Whether a line leaves a bold ("**") or an italic ("*") span open (a leading "* " bullet aside)."""
    body = re.sub(r"^\s*\*\s+(?=\S)", "", text) if not text.lstrip().startswith("**") else text
    bold = body.count("**")
    return bold % 2 == 1, body.replace("**", "").count("*") % 2 == 1


def join_emphasis(raw: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The lines of a Markdown bold or italic span wrapped over up to six lines joined into one (the span's
    marks are dropped later, by ``clean``); a span not closed within them, or running into a table row, is
    left as it is."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(raw):
        text, where = raw[i]
        bold, italic = _open_marks(text)
        if (bold or italic) and "|" not in text and not text.endswith(("  ", "\\")):  # not at a Markdown line break
            parts = [text]
            for j in range(i + 1, min(i + 7, len(raw))):
                nxt = raw[j][0]
                if "|" in nxt or not nxt.strip() and not bold:
                    break
                parts.append(nxt)
                b2, i2 = _open_marks(nxt)
                bold, italic = bold != b2, italic != i2
                if nxt.endswith(("  ", "\\")) and (bold or italic):
                    break  # a Markdown line break inside the span ("**KT. CHỦ TỊCH  " / "PHÓ CHỦ TỊCH**")
                if not bold and not italic:
                    out.append((" ".join(p.strip() for p in parts if p.strip()), where))
                    i = j + 1
                    break
            else:
                out.append((text, where))
                i += 1
                continue
            if bold or italic:
                out.append((text, where))
                i += 1
            continue
        out.append((text, where))
        i += 1
    return out


def _data_rows(run: list[tuple[str, str]]) -> bool:
    """Rows of a table of data written as Markdown rows without the rule under the first ("| 1 | Nội dung | Sở Y
    tế |" each line): every line opens and closes with "|" and holds three cells or more."""
    return all(t.strip().startswith("|") and t.strip().endswith("|") and len(_cells(t.strip()[1:])) >= 3
               for t, _where in run)


def _layout_table(run: list[tuple[str, str]]) -> bool:
    """A Markdown table of two columns that is the page's layout, not data: the letterhead table (its second cell
    the motto, "| ỦY BAN NHÂN DÂN TỈNH … | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM … |") or the signature table (its
    first cell "Nơi nhận: …")."""
    first = _cells(run[0][0].strip()[1:])
    return len(first) == 2 and ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" in first[1].upper().replace("HOÀ", "HÒA")
                                or first[0].lstrip("*_ ").startswith("Nơi nhận"))  # "*Nơi nhận:*" in italics


# The header of a table of tasks written as bare "A | B | C" rows: its number column and a column of leads.
_TASK_HEADER = re.compile(r"^(?:S|Số\s*)?TT$", re.IGNORECASE)


def _bare_task_rows(run: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """A table of tasks copied as bare rows, without the Markdown table's outer bars or rule ("TT | Tên nhiệm vụ |
    Cơ quan chủ trì | …" over "1 | Tổ chức … | Sở A | …"), as Markdown rows under their rule; or None."""
    if len(run) < 3 or run[0][0].lstrip().startswith("|"):
        return None
    head = _cells(run[0][0])
    if len(head) < 4 or not _TASK_HEADER.match(head[0]) or not any("chủ trì" in c.lower() for c in head):
        return None
    rows = [("| " + " | ".join(c.strip() for c in t.strip().split("|")) + " |", where) for t, where in run]
    rows[0] = ("| " + " | ".join(head) + " |", run[0][1])
    return rows[:1] + [("|" + "---|" * len(head), run[0][1])] + rows[1:]


def split_table_rows(raw: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``A | B |`` rows read column by column; a lone ``KT. CHỦ TỊCH |`` loses its mark."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(raw):
        if "|" not in raw[i][0]:
            out.append(raw[i])
            i += 1
            continue
        j = i
        while j < len(raw) and "|" in raw[j][0]:
            j += 1
        run = raw[i:j]
        if (bare := _bare_task_rows(run)) is not None:
            out.extend(bare)  # a table of tasks as bare rows: read as the Markdown table it is
            i = j
            continue
        markdown = len(run) > 1 and run[0][0].lstrip().startswith("|") \
            and (PIPE_RULE.match(run[1][0].strip()) or _data_rows(run))
        if markdown and not _layout_table(run):
            out.extend(run)  # a Markdown table: "| a | b |" over "|---|---|", or rows of three cells and more
        else:
            rows = [([_CELL_RULE.sub("", c) for c in _cells(t.strip()[1:])] if markdown else _cells(t), where)
                    for t, where in run]  # a layout table's cell keeps no rule under its words ("… SƠN LA -------")
            for col in range(max(len(c) for c, _ in rows)):
                out.extend((cells[col], where) for cells, where in rows
                           if col < len(cells) and cells[col] and not PIPE_RULE.match(cells[col]))
        i = j
    return out


def wrap_width(texts: list[str], *, gazette: bool = False) -> int | None:
    """The width a copy was hard-wrapped at, or None when its lines are paragraphs. In a gazette's text layer
    (``gazette``) it is the width the lines reach but for the widest 5%: a landscape page's table rows ("Nhóm nhiệm vụ
    về …", 130 characters) run wider than the text, which is wrapped at about 80."""
    lengths = [len(t) for t in texts if t]
    long = [n for n in lengths if n >= 40]
    if len(long) < 4:
        return None
    if gazette:
        return sorted(long)[len(long) * 95 // 100] if len(long) >= 20 else None
    # in a long copy, a few lines far longer than the rest (emphasis marks joined across lines, "**20%" / "**xã …")
    # do not set it
    usual = sorted(long)[(len(long) - 1) * 9 // 10]
    width = max(n for n in long if n <= usual * 1.1) if len(long) >= 20 else max(long)
    if width > 110:
        return None
    near = [t for t in texts if t and len(t) >= 0.75 * width]
    open_ = [t for t in near if not t.endswith(_TERMINAL)]
    if len(near) < 4 or len(open_) * 2 < len(near):
        return None
    return width


# In a gazette's text layer a line that ends a paragraph ends in one of these; a full line ending in a bracket or a
# quote ("… trí tuệ nhân tạo (AI)" / "trong giáo dục.") goes on when the next line does not open with a capital.
_GAZETTE_END = (".", ";", ":", "!", "?", "…")


def gazette_wrapped(para: str, prev: str, cur: str, width: int) -> bool:
    """Whether ``cur`` goes on with the paragraph ``para`` (its last line ``prev``) in a gazette's text layer wrapped
    at ``width``: its lines run to the full width (at least 80% of it: the font is proportional) and the line that
    ends it ends in a stop or a semicolon. So a full line that does not goes on whatever the next one opens with
    (a capital, a quote, a bracket, a figure) when that is full too or ends the paragraph, unless it opens an item or
    is in upper case. Not in a numbered item (a heading "3. Phương hướng, nhiệm vụ …" is followed by its text, which
    opens with a capital): those go on as in any copy (:func:`wrapped_on`)."""
    terminal = _GAZETTE_END if not cur[:1].isupper() else _TERMINAL
    if not 0.8 * width <= len(prev) <= 1.1 * width:  # (a wider line is a landscape page's table row)
        return False
    if prev.endswith(terminal) or _OPENS.match(cur) or prev.isupper() or cur.isupper() \
            or not re.search(r"[^\W\d_]", cur):  # ("_", a rule under a title)
        return False
    if len(cur) < 0.8 * width and not cur.rstrip().endswith((".", ";", ":")):
        return False  # the paragraph's next line is full or ends it; a short line without a stop is a table's cell
    return not _OPENS.match(para)


def wrapped_on(prev: str, cur: str, width: int) -> bool:
    """Whether ``cur`` goes on with the sentence of ``prev`` in a copy hard-wrapped at ``width``."""
    if len(prev) < 0.75 * width or prev.endswith(_TERMINAL) or _OPENS.match(cur):
        return False
    if prev.isupper() != cur.isupper() and (prev.isupper() or len(cur) < 60):
        return False  # a heading and the text under it
    first = cur.split(" ", 1)[0]
    return len(prev) + 1 + len(first) > width - 8


_NAME_WORDS = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]*(?: [A-ZĐÀ-Ỹ][a-zà-ỹđ]*){0,2}$")
_PLACE_DATE = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]*(?: [A-ZĐÀ-Ỹ][a-zà-ỹđ]*){0,3},\s*ngày\b")


def place_cut(prev: str, cur: str) -> bool:
    """Whether ``prev`` ("Đồng") is the first part of the place that ``cur`` ("Tháp, ngày …") ends."""
    return bool(_NAME_WORDS.match(prev) and _PLACE_DATE.match(cur))


_PHRASES = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def phrase_cut(prev: str, cur: str) -> bool:
    """Whether ``prev`` ("ỦY", or "TM. ỦY BAN NHÂN" in a signature) is the first words of a letterhead or motto
    phrase that ``cur`` ("BAN NHÂN DÂN TỈNH …", "DÂN") goes on with."""
    prev = re.sub(r"^(?:TM|T\.M|T/M)\.?\s+", "", prev)
    joined = f"{prev} {cur}"
    return any(p.startswith(prev + " ") and (joined.startswith(p) or p.startswith(joined)) for p in _PHRASES)


_CLAUSE = re.compile(r"^(?:Căn cứ|Thực hiện|Triển khai|Theo đề nghị|Xét đề nghị)\b")
_CLAUSE_END = (".", ";", ":", ",", "!", "?", "…", ")", "\"", "”")


def clause_goes_on(prev: str, cur: str) -> bool:
    """Whether ``cur`` goes on with the preamble clause ``prev`` that ends in no punctuation ("Căn cứ Luật sửa
    đổi, bổ sung một số điều của Luật" / "Tổ chức Chính phủ …"). The ministry's name wrapped at its dash ("…
    Sở Lao động" / "- Thương binh và Xã hội …") goes on too; another clause, an item or a heading does not."""
    if not _CLAUSE.match(prev) or prev.endswith(_CLAUSE_END) or cur.isupper() or cur.startswith(("(", "[")):
        return False
    if prev.startswith(("Thực hiện", "Triển khai")) and not re.search(r"\bsố\b", prev):
        return False  # a title line "Thực hiện Chương trình …", not a document named by its number
    if prev.endswith("Lao động") and re.match(r"^[-–]\s*Thương binh\b", cur):
        return True
    return not _OPENS.match(cur)


_ROMAN_HEAD = re.compile(r"^[IVX]{1,5}\.\s+\S")


def heading_goes_on(prev: str, cur: str) -> bool:
    """Whether ``cur`` ("CỤ THỂ") goes on with the upper-case section heading ``prev`` ("II. NHIỆM VỤ")."""
    return bool(_ROMAN_HEAD.match(prev) and prev.isupper() and not prev.endswith(_TERMINAL) and cur.isupper()
                and len(prev) + len(cur) < 200 and not _OPENS.match(cur) and not re.match(r"^[\d(\[|]", cur))


def name_goes_on(prev: str, cur: str) -> bool:
    """Whether ``cur`` ("Minh có …", "Nam, …", "Chính phủ phê duyệt …") ends the proper name ``prev`` was cut in
    ("… Thành phố Hồ Chí", "… Đài Tiếng nói Việt", "… của Thủ tướng"): those first words never end a sentence."""
    return bool(re.search(r"\bHồ Chí$", prev) and re.match(r"Minh\b", cur)
                or re.search(r"\bcủa Thủ tướng$", prev) and re.match(r"Chính phủ\b", cur)
                or re.search(r"\b(?:Tổ quốc|nói|Ngân hàng|[Nn]ước|Thông tấn xã) Việt$", prev) and re.match(r"Nam\b", cur))


def list_entry_goes_on(prev: str, cur: str) -> bool:
    """Whether ``cur`` ("TBXH;") goes on with the Nơi nhận entry ``prev`` ("- Bộ Lao động"), which lacks its ";";
    or the copies and initials ("08 KH") go on with the last entry ("- Lưu: VT, CT.")."""
    if re.match(r"^[-–+•]\s*Lưu\s*:", prev) and re.fullmatch(r"\(?\d{1,3}\s*[A-ZĐ]{1,5}\)?\.?", cur):
        return True
    return bool(re.match(r"^[-–+•]\s*\S", prev) and not prev.endswith(_CLAUSE_END) and len(prev) < 60
                and len(cur) < 40 and not _SIGNER.match(cur) and not _OPENS.match(cur) and cur.endswith((";", ".", ",")))


_SIGNER = re.compile(r"^(?:TM|KT|TL|TUQ|Q|T/M)\.?\s")
