"""Low-level WordprocessingML helpers for the DOCX writer: runs, fields, borders, tables, row properties.

python-docx covers paragraphs and runs; the rest (PAGE fields, page-number
restarts, paragraph borders, fixed table layout, rows that do not split or that
repeat) is written here as the OOXML elements, in the schema's order.
"""

from __future__ import annotations

FONT = "Times New Roman"
BODY_PT = 14



def run(p, text: str, *, bold=False, italic=False, size=BODY_PT):
    from docx.shared import Pt

    run = p.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    run.font.name = FONT
    run.font.size = Pt(size)
    fonts(run.element.get_or_add_rPr())
    return run


def fonts(rpr) -> None:
    """Set the font for every script, so Word does not substitute for Vietnamese text."""
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def page_field(p, size_pt: int) -> None:
    """A PAGE field: Word and LibreOffice fill in the page number."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld(kind: str):
        r = run(p, "", size=size_pt)
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        r._r.append(el)

    fld("begin")
    r = run(p, "", size=size_pt)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    r._r.append(instr)
    fld("separate")
    run(p, "2", size=size_pt)
    fld("end")


def restart_numbering(section) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sect_pr = section._sectPr
    pg = sect_pr.find(qn("w:pgNumType"))
    if pg is None:
        pg = OxmlElement("w:pgNumType")
        # Schema order: pgNumType comes after pgMar/paperSrc/pgBorders/lnNumType.
        anchor = next((sect_pr.find(qn(f"w:{n}")) for n in ("lnNumType", "pgBorders", "paperSrc", "pgMar")
                       if sect_pr.find(qn(f"w:{n}")) is not None), None)
        if anchor is not None:
            anchor.addnext(pg)
        else:
            sect_pr.append(pg)
    pg.set(qn("w:fmt"), "decimal")
    pg.set(qn("w:start"), "1")


def border(p, edge: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    el = OxmlElement(f"w:{edge}")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        el.set(qn(k), v)
    bdr.append(el)
    # Schema order inside pPr: pStyle, keepNext, keepLines, pageBreakBefore, ..., pBdr, shd, ..., spacing, ind, jc.
    anchor = None
    for name in ("w:spacing", "w:ind", "w:jc"):
        anchor = ppr.find(qn(name))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(bdr)
    else:
        ppr.append(bdr)


def tiny(p) -> None:
    """An empty paragraph only a few points high, so a drawn rule adds no blank line."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = Pt(4)
    run(p, "", size=2)


def fixed_table(doc, widths, rows: int = 1, borders: bool = False):
    """A table of fixed column widths (Word and LibreOffice keep them), borderless unless asked."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = doc.add_table(rows=rows, cols=len(widths))
    if borders:
        table.style = doc.styles["Table Grid"]
    table.autofit = False  # python-docx writes <w:tblLayout w:type="fixed"/>
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:type"), "dxa")
        tbl_w.set(qn("w:w"), str(sum(int(w.twips) for w in widths)))
    # Schema order in tblPr: ... tblW, jc, tblCellSpacing, tblInd, tblBorders, shd, tblLayout, tblCellMar, tblLook.
    after = tbl_pr.find(qn("w:tblLayout"))
    if after is None:
        after = tbl_pr.find(qn("w:tblLook"))
    add = after.addprevious if after is not None else tbl_pr.append
    if not borders:
        el = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            b = OxmlElement(f"w:{edge}")
            b.set(qn("w:val"), "nil")
            el.append(b)
        add(el)
    for col, width in zip(table.columns, widths):
        col.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
    return table


def row_property(row, name: str, first: bool) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn(name)) is None:
        el = OxmlElement(name)
        tr_pr.insert(0, el) if first else tr_pr.append(el)  # schema order: cantSplit, trHeight, tblHeader


def cant_split(row) -> None:
    """The row stays on one page."""
    row_property(row, "w:cantSplit", first=True)


def repeat_header(row) -> None:
    """The row repeats at the top of every page the table runs onto."""
    row_property(row, "w:tblHeader", first=False)
