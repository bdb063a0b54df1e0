"""Lay the block stream out as a Word file with python-docx (Decree 30 format).

A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman,
14 pt body, 13 pt header; the header and the signature are two-column
borderless tables.
"""

from __future__ import annotations

import io

from plandsl.render.blocks import Block, body_lines

FONT = "Times New Roman"
BODY_PT = 14
HEADER_PT = 13
SMALL_PT = 12
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}


def to_docx(blocks: list[Block], title: str = "") -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Mm, Pt

    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.author = "plandsl"
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    _base_style(doc, Pt)
    text_width = Mm(210 - MARGINS_MM["left"] - MARGINS_MM["right"])

    def para(text: str = "", *, align=WD_ALIGN_PARAGRAPH.JUSTIFY, bold=False, italic=False, size=BODY_PT,
             indent=True, lead: str | None = None, space_after=6, container=None):
        p = (container or doc).add_paragraph()
        p.alignment = align
        fmt = p.paragraph_format
        fmt.space_after = Pt(space_after)
        fmt.space_before = Pt(0)
        if indent:
            fmt.first_line_indent = Cm(1)
        if lead:
            _run(p, lead + " ", bold=True, size=size, Pt=Pt)
        if text:
            _run(p, text, bold=bold, italic=italic, size=size, Pt=Pt)
        return p

    center = WD_ALIGN_PARAGRAPH.CENTER
    for blk in blocks:
        t = blk["t"]
        if t == "header":
            table = _borderless_table(doc, [text_width * 2 // 5, text_width * 3 // 5])
            left, right = table.rows[0].cells
            first = True
            for text, bold in body_lines(blk["left"]):
                p = left.paragraphs[0] if first else left.add_paragraph()
                first = False
                p.alignment = center
                _run(p, text, bold=bold, size=HEADER_PT, Pt=Pt)
            para("―――", align=center, indent=False, size=HEADER_PT, container=left, space_after=0)
            if blk.get("left_after"):
                para(blk["left_after"], align=center, indent=False, size=HEADER_PT, container=left)
            p = right.paragraphs[0]
            p.alignment = center
            _run(p, blk["right"][0], bold=True, size=HEADER_PT, Pt=Pt)
            para(blk["right"][1], align=center, indent=False, bold=True, size=BODY_PT, container=right,
                 space_after=0)
            para("――――――――", align=center, indent=False, size=HEADER_PT, container=right, space_after=0)
            if blk.get("right_after"):
                para(blk["right_after"], align=center, indent=False, italic=True, size=BODY_PT, container=right)
        elif t == "title":
            para(blk["text"], align=center, bold=True, indent=False, space_after=0).paragraph_format.space_before = Pt(12)
        elif t in ("subtitle", "authority"):
            para(blk["text"], align=center, bold=True, indent=False, space_after=12)
        elif t == "note":
            para(blk["text"], align=center, italic=True, indent=False, space_after=12)
        elif t == "p":
            para(blk["text"], italic=bool(blk.get("italic")), lead=blk.get("lead"))
        elif t == "h":
            para(blk["text"], bold=True, italic=blk["level"] >= 3)
        elif t == "item":
            para("- " + blk["text"])
        elif t == "table":
            _data_table(doc, blk, para, Pt, center)
        elif t == "signature":
            table = _borderless_table(doc, [text_width * 9 // 20, text_width * 11 // 20])
            left, right = table.rows[0].cells
            if blk.get("recipients"):
                p = left.paragraphs[0]
                _run(p, "Nơi nhận:", bold=True, italic=True, size=SMALL_PT, Pt=Pt)
                for r in blk["recipients"]:
                    para("- " + r, align=None, indent=False, size=11, container=left, space_after=0)
            p = right.paragraphs[0]
            p.alignment = center
            for i, line in enumerate(blk.get("lines") or []):
                if i:
                    p = right.add_paragraph()
                    p.alignment = center
                _run(p, line, bold=True, size=BODY_PT, Pt=Pt)
            for _ in range(4):
                right.add_paragraph()
            para(blk.get("name") or "", align=center, bold=True, indent=False, container=right)
        elif t == "break":
            doc.add_page_break()
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _run(p, text: str, *, bold=False, italic=False, size=BODY_PT, Pt):
    run = p.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    run.font.name = FONT
    run.font.size = Pt(size)
    _east_asia(run.element.get_or_add_rPr())
    return run


def _east_asia(rpr) -> None:
    """Set the font for every script, so Word does not substitute for Vietnamese text."""
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _base_style(doc, Pt) -> None:
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_PT)
    _east_asia(style.element.get_or_add_rPr())


def _borderless_table(doc, widths):
    from docx.oxml.ns import qn

    table = doc.add_table(rows=1, cols=len(widths))
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "nil"})
        borders.append(el)
    tbl_pr.append(borders)
    for cell, width in zip(table.rows[0].cells, widths):
        cell.width = width
    for col, width in zip(table.columns, widths):
        col.width = width
    return table


def _data_table(doc, blk, para, Pt, center) -> None:
    if blk.get("caption"):
        para(blk["caption"], align=center, bold=True, indent=False)
    cols = blk["columns"]
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, cols):
        p = cell.paragraphs[0]
        p.alignment = center
        _run(p, text, bold=True, size=SMALL_PT, Pt=Pt)
    for row in blk["rows"]:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            _run(cell.paragraphs[0], str(text), size=SMALL_PT, Pt=Pt)
