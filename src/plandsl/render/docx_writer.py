"""Lay the block stream out as a Word file with python-docx, in the format of Decree 30/2020/NĐ-CP.

Every layout value below comes from Nghị định 30/2020/NĐ-CP, Phụ lục I, as
recorded with its sources in shared/domain-2025.md (section B):

- A4; margins top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm (we take the minimums);
- Times New Roman; body 13-14 pt, justified, first-line indent 1 cm, paragraph
  spacing at least 6 pt, line spacing single to 1.5 (we take 14 pt, 6 pt, single);
- Quốc hiệu 12-13 pt upper case bold, Tiêu ngữ 13-14 pt bold with a line under it
  as long as the motto; the issuing body 12-13 pt upper case bold with a line a
  third to a half of its length; the place and date 13-14 pt italic;
- page numbers: Arabic, 13-14 pt, centred in the top margin, none on the first page;
- "Nơi nhận:" 12 pt bold italic, the recipients 11 pt regular, each "- …;", the last "- Lưu: VT, …."
  (domain-2025.md confirms the 12 pt label; it marks the 11 pt of the items as the decree's usual
  value not seen in the excerpts it read);
- the signing authority (TM./KT./Q./TL./TUQ. and the title) and the name 13-14 pt bold.

The decision, the plan it issues ("ban hành kèm theo") and the comparison
table are one document: each part starts on a new page, and the pages are
numbered through, the first page without a number.
"""

from __future__ import annotations

import datetime as dt
import io

from docx.oxml.ns import qn

from plandsl.render.blocks import Block, body_lines
from plandsl.render.metrics import width_mm
from plandsl.render.ooxml import (FONT, border, cant_split, fixed_table, fonts, page_field, repeat_header,
                                  restart_numbering, run, tiny)

LANGUAGE = "vi-VN"
BODY_PT = 14  # the same in ooxml.BODY_PT
HEADER_PT = 13  # Quốc hiệu and the issuing body: 12-13 pt
MOTTO_PT = 14  # Tiêu ngữ: 13-14 pt
PAGE_NUMBER_PT = 13  # 13-14 pt
RECIPIENTS_LABEL_PT = 12  # "Nơi nhận:" 12 pt bold italic
RECIPIENTS_PT = 11  # the recipients, 11 pt (see the module docstring on the source)
TABLE_PT = 12
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]
CELL_PAD_MM = 1.9  # Word's default left and right cell margin (0.19 cm)
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
# The header table as in the decree's samples: the issuing body on the left, the
# Quốc hiệu on the right on ONE line. The right column is the Quốc hiệu's width
# plus the cell margins and a little room; the left column takes the rest.
HEADER_RIGHT_MM = round(width_mm(NATIONAL_TITLE, HEADER_PT, bold=True) + 2 * CELL_PAD_MM + 5)
HEADER_LEFT_MM = TEXT_WIDTH_MM - HEADER_RIGHT_MM
SIGNATURE_LEFT_MM = 75
BODY_RULE_FRACTION = 0.4  # a third to a half of the issuing body's line
SUMMARY_RULE_FRACTION = 0.4  # a third to a half of the trích yếu's line


def to_docx(blocks: list[Block], meta: dict | None = None) -> bytes:
    """The Word file of ``blocks``; ``meta`` gives title, author (the issuing body), subject and date."""
    from docx import Document

    doc = Document()
    writer = _Writer(doc)
    _properties(doc, meta or {})
    _drop_template_leftovers(doc)
    _language_and_defaults(doc)
    writer.set_up_section(doc.sections[0])
    pending_break = False
    for blk in blocks:
        if blk["t"] == "break":
            pending_break = True
            continue
        writer.block(blk, new_page=pending_break)
        pending_break = False
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


class _Writer:
    def __init__(self, doc) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Mm, Pt

        self.doc = doc
        self.Cm, self.Mm, self.Pt = Cm, Mm, Pt
        self.CENTER, self.JUSTIFY, self.LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, \
            WD_ALIGN_PARAGRAPH.LEFT
        self.last_body = None  # the last body paragraph, kept with a following signature

    # ------------------------------------------------------------ sections and page numbers

    def set_up_section(self, section) -> None:
        Mm = self.Mm
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = Mm(MARGINS_MM["top"])
        section.bottom_margin = Mm(MARGINS_MM["bottom"])
        section.left_margin = Mm(MARGINS_MM["left"])
        section.right_margin = Mm(MARGINS_MM["right"])
        section.header_distance = Mm(10)
        section.footer_distance = Mm(10)
        # No number on the first page: a different (empty) first-page header.
        section.different_first_page_header_footer = True
        restart_numbering(section)
        section.header.is_linked_to_previous = False
        p = section.header.paragraphs[0]
        p.alignment = self.CENTER
        self._format(p, before=0, after=0)
        page_field(p, PAGE_NUMBER_PT)
        section.first_page_header.is_linked_to_previous = False

    def new_page(self) -> None:
        """The next part on a new page: a section break (LibreOffice ignores a page break before a table).

        The new section goes on numbering the pages, its first page numbered too.
        """
        from docx.enum.section import WD_SECTION

        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.different_first_page_header_footer = False
        self._shrink_break_paragraph()
        for pg in section._sectPr.findall(qn("w:pgNumType")):
            section._sectPr.remove(pg)
        self.last_body = None

    def _shrink_break_paragraph(self) -> None:
        """Make the empty paragraph that carries the section break 1 pt high with no spacing, so that
        after a full page (the signature table at its foot) it cannot spill onto a blank page of its own."""
        from docx.enum.text import WD_LINE_SPACING
        from docx.oxml import OxmlElement

        p = self.doc.paragraphs[-1]
        if p._p.pPr is None or p._p.pPr.sectPr is None:
            return
        fmt = p.paragraph_format
        fmt.space_before = fmt.space_after = self.Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = self.Pt(1)
        mark = p._p.pPr.find(qn("w:rPr"))
        if mark is None:
            mark = OxmlElement("w:rPr")
            p._p.pPr.sectPr.addprevious(mark)
        for tag in ("w:sz", "w:szCs"):
            size = OxmlElement(tag)
            size.set(qn("w:val"), "2")  # half-points: the paragraph mark is 1 pt
            mark.append(size)

    # ------------------------------------------------------------ paragraphs

    def _format(self, p, *, before=0, after=0, indent=False, keep_next=False, keep_together=False):
        from docx.enum.text import WD_LINE_SPACING

        fmt = p.paragraph_format
        fmt.space_before = self.Pt(before)
        fmt.space_after = self.Pt(after)
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        fmt.widow_control = True
        if indent:
            fmt.first_line_indent = self.Cm(1)
        if keep_next:
            fmt.keep_with_next = True
        if keep_together:
            fmt.keep_together = True
        return p

    def para(self, text: str = "", *, align=None, bold=False, italic=False, size=BODY_PT, indent=True,
             lead: str | None = None, before=0, after=6, container=None, keep_next=False):
        p = (container or self.doc).add_paragraph()
        p.alignment = self.JUSTIFY if align is None else align
        self._format(p, before=before, after=after, indent=indent, keep_next=keep_next)
        if lead:
            run(p, lead + " ", bold=True, size=size)
        if text:
            run(p, text, bold=bold, italic=italic, size=size)
        return p

    def cell_para(self, cell, first: list[bool]):
        """The cell's first (empty) paragraph the first time, a new one afterwards."""
        if first[0]:
            first[0] = False
            return cell.paragraphs[0]
        return cell.add_paragraph()

    def rule(self, container, length_mm: float, room_mm: float, after: float = 0, first=None):
        """A horizontal line of ``length_mm``, centred in ``room_mm``: the top border of an empty paragraph."""
        from docx.shared import Mm

        p = self.cell_para(container, first) if first is not None else container.add_paragraph()
        self._format(p, before=3, after=after)  # a little below the text, not an underline
        p.alignment = self.CENTER
        side = max(0.0, (room_mm - length_mm) / 2)
        p.paragraph_format.left_indent = Mm(side)
        p.paragraph_format.right_indent = Mm(side)
        border(p, "top")
        tiny(p)
        return p

    # ------------------------------------------------------------ blocks

    def block(self, blk: Block, new_page: bool = False) -> None:
        """Lay out one block; ``new_page`` starts it on a new page (a break before, no empty line)."""
        t = blk["t"]
        if new_page:
            self.new_page()
        if t == "header":
            self.header(blk)
        elif t == "title":
            self.para(blk["text"], align=self.CENTER, bold=True, indent=False, before=12, after=0, keep_next=True)
        elif t == "subtitle":
            self.para(blk["text"], align=self.CENTER, bold=True, indent=False, after=0, keep_next=True)
            line = min(width_mm(blk["text"], BODY_PT, bold=True), TEXT_WIDTH_MM)
            self.rule(self.doc, line * SUMMARY_RULE_FRACTION, TEXT_WIDTH_MM, after=12)
        elif t == "authority":
            self.para(blk["text"], align=self.CENTER, bold=True, indent=False, before=6, after=6, keep_next=True)
        elif t == "note":
            self.para(blk["text"], align=self.CENTER, italic=True, indent=False, after=12)
        elif t == "p":
            self.last_body = self.para(blk["text"], italic=bool(blk.get("italic")), lead=blk.get("lead"))
        elif t == "h":
            self.para(blk["text"], bold=True, italic=blk["level"] >= 3, keep_next=True)
        elif t == "item":
            self.last_body = self.para("- " + blk["text"])
        elif t == "table":
            self.data_table(blk)
        elif t == "signature":
            self.signature(blk)

    def header(self, blk: Block) -> None:
        Mm = self.Mm
        has_row2 = bool(blk.get("left_after") or blk.get("right_after"))
        table = fixed_table(self.doc, [Mm(HEADER_LEFT_MM), Mm(HEADER_RIGHT_MM)], rows=2 if has_row2 else 1)
        left, right = table.rows[0].cells
        first = [True]
        lines = body_lines(blk["left"])
        for text, bold in lines:
            p = self.cell_para(left, first)
            p.alignment = self.CENTER
            self._format(p)
            run(p, text, bold=bold, size=HEADER_PT)
        body_width = max((width_mm(text, HEADER_PT, bold=True) for text, bold in lines if bold), default=40)
        room = HEADER_LEFT_MM - 2 * CELL_PAD_MM
        self.rule(left, min(body_width, room) * BODY_RULE_FRACTION, room, first=first)
        first = [True]
        p = self.cell_para(right, first)
        p.alignment = self.CENTER
        self._format(p)
        run(p, blk["right"][0], bold=True, size=HEADER_PT)
        p = self.cell_para(right, first)
        p.alignment = self.CENTER
        self._format(p)
        run(p, blk["right"][1], bold=True, size=MOTTO_PT)
        self.rule(right, width_mm(blk["right"][1], MOTTO_PT, bold=True), HEADER_RIGHT_MM - 2 * CELL_PAD_MM)
        if has_row2:
            # Số and the place and date in one row: they sit level, as in the decree's sample.
            number_cell, date_cell = table.rows[1].cells
            if blk.get("left_after"):
                p = number_cell.paragraphs[0]
                p.alignment = self.CENTER
                self._format(p, before=6)
                run(p, blk["left_after"], size=HEADER_PT)
            if blk.get("right_after"):
                p = date_cell.paragraphs[0]
                p.alignment = self.CENTER
                self._format(p, before=6)
                run(p, blk["right_after"], italic=True, size=BODY_PT)
        for row in table.rows:
            cant_split(row)

    def signature(self, blk: Block) -> None:
        """Nơi nhận on the left, the signature on the right; one row that never splits across pages."""
        Mm = self.Mm
        if self.last_body is not None:
            self.last_body.paragraph_format.keep_with_next = True  # the last article stays with the signature
        table = fixed_table(self.doc, [Mm(SIGNATURE_LEFT_MM), Mm(TEXT_WIDTH_MM - SIGNATURE_LEFT_MM)])
        left, right = table.rows[0].cells
        cant_split(table.rows[0])
        paragraphs = []
        if blk.get("recipients"):
            p = left.paragraphs[0]
            self._format(p, before=6)
            p.alignment = self.LEFT
            run(p, "Nơi nhận:", bold=True, italic=True, size=RECIPIENTS_LABEL_PT)
            paragraphs.append(p)
            for r in blk["recipients"]:
                paragraphs.append(self.para("- " + r, align=self.LEFT, indent=False, size=RECIPIENTS_PT,
                                            container=left, after=0))
        first = [True]
        for i, line in enumerate(blk.get("lines") or []):
            p = self.cell_para(right, first)
            p.alignment = self.CENTER
            self._format(p, before=6 if i == 0 else 0)  # level with "Nơi nhận:"
            run(p, line, bold=True, size=BODY_PT)
            paragraphs.append(p)
        for _ in range(4):  # room for the signature and the seal
            p = self.cell_para(right, first)
            self._format(p)
            paragraphs.append(p)
        p = self.cell_para(right, first)
        p.alignment = self.CENTER
        self._format(p)
        run(p, blk.get("name") or "", bold=True, size=BODY_PT)
        paragraphs.append(p)
        for p in paragraphs:
            p.paragraph_format.keep_together = True
            p.paragraph_format.keep_with_next = True
        p.paragraph_format.keep_with_next = False
        self.last_body = None

    def data_table(self, blk: Block) -> None:
        """A bordered table: widths from the content, the header row repeated, rows kept whole."""
        Mm = self.Mm
        if blk.get("caption"):
            self.para(blk["caption"], align=self.CENTER, bold=True, indent=False, keep_next=True)
        cols = blk["columns"]
        widths = column_widths(cols, blk["rows"], TEXT_WIDTH_MM, TABLE_PT)
        table = fixed_table(self.doc, [Mm(w) for w in widths], rows=1 + len(blk["rows"]), borders=True)
        strong = {tuple(x) for x in blk.get("strong") or ()}
        head = table.rows[0]
        repeat_header(head)
        for cell, text in zip(head.cells, cols):
            p = cell.paragraphs[0]
            p.alignment = self.CENTER
            self._format(p, before=2, after=2)
            run(p, text, bold=True, size=TABLE_PT)
        for i, (row, values) in enumerate(zip(table.rows[1:], blk["rows"])):
            for j, (cell, text) in enumerate(zip(row.cells, values)):
                p = cell.paragraphs[0]
                p.alignment = self.CENTER if j == 0 else self.LEFT
                self._format(p, before=2, after=2)
                run(p, str(text), bold=(i, j) in strong, size=TABLE_PT)
        for row in table.rows:
            cant_split(row)
        self.last_body = None


def column_widths(columns: list[str], rows: list[list], total_mm: float, size_pt: float) -> list[float]:
    """Column widths that fit the content: each column wants its longest word and its longest cell.

    A column gets at least its longest word (so no word breaks) and the header,
    then the room left is shared in proportion to the longest cell of each column.
    """
    pad = 2 * CELL_PAD_MM + 1
    n = len(columns)
    cells = [[str(columns[j])] + [str(r[j]) for r in rows if j < len(r)] for j in range(n)]
    least = [max(width_mm(w, size_pt, bold=True) for c in col for w in (c.split() or [""])) + pad for col in cells]
    want = [max(width_mm(c, size_pt) for c in col) + pad for col in cells]
    if sum(least) >= total_mm:
        return [total_mm * x / sum(least) for x in least]
    widths = [min(a, b) if b <= a else a for a, b in zip(least, want)]
    room = total_mm - sum(widths)
    extra = [max(0.0, b - a) for a, b in zip(widths, want)]
    if sum(extra) <= room:
        widths = [w + e for w, e in zip(widths, extra)]
        room = total_mm - sum(widths)
        share = [e if e else 0 for e in extra] if any(extra) else [1] * n
        return [w + room * s / sum(share) for w, s in zip(widths, share)]
    return [w + room * e / sum(extra) for w, e in zip(widths, extra)]


# ------------------------------------------------------------------ document-wide settings


def _properties(doc, meta: dict) -> None:
    """Core properties: the real title, the issuing body as author, the issue date; no tool banner."""
    cp = doc.core_properties
    cp.title = meta.get("title") or ""
    cp.subject = meta.get("subject") or ""
    cp.author = meta.get("author") or ""
    cp.last_modified_by = meta.get("author") or ""
    cp.comments = ""
    cp.keywords = ""
    cp.category = meta.get("category") or ""
    cp.language = LANGUAGE
    cp.revision = 1
    date = meta.get("date")
    when = dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc) if date else \
        dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
    cp.created = when
    cp.modified = when


def _drop_template_leftovers(doc) -> None:
    """The python-docx template's thumbnail (not a picture of this document) and its application name."""
    import re

    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    rels = doc.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            rels.pop(rid)
        elif rel.reltype == RT.EXTENDED_PROPERTIES and hasattr(rel.target_part, "_blob"):
            blob = rel.target_part._blob.decode("utf-8")
            rel.target_part._blob = re.sub(r"<Application>[^<]*</Application>", "<Application/>", blob).encode("utf-8")


def _language_and_defaults(doc) -> None:
    """Language vi-VN everywhere (so Word checks Vietnamese spelling), Times New Roman, single spacing."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    styles = doc.styles.element
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), LANGUAGE)
    for spacing in styles.xpath("./w:docDefaults/w:pPrDefault/w:pPr/w:spacing"):
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")
        spacing.set(qn("w:lineRule"), "auto")
    for rpr in styles.xpath("./w:docDefaults/w:rPrDefault/w:rPr"):
        fonts(rpr)
    settings = doc.settings.element
    for lang in settings.iter(qn("w:themeFontLang")):
        lang.set(qn("w:val"), LANGUAGE)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    fonts(rpr)
    if rpr.find(qn("w:lang")) is None:
        rpr.append(rpr.makeelement(qn("w:lang"), {qn("w:val"): LANGUAGE, qn("w:eastAsia"): LANGUAGE}))
