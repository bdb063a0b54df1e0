"""Ruled tables in a PDF's text layer (a plan's task or target table, its Phụ lục), read through pdfplumber.

pypdf's layout text runs a table's cells together line by line ("Cơ quan phối Thời gian nhiệm vụ trì hợp …"),
and every such line became a task. A page whose layout text looks like a table (rows of three columns or more)
is read again here: pdfplumber finds its ruled tables of three columns or more, each becomes Markdown rows
("| 1 | Nội dung | Sở Y tế | … |", as a Word table does, see readers/office.py), and the text above, between
and below them is laid out as before. Only such pages pay for pdfplumber (~50 ms a page); without pdfplumber,
or when it fails on a page, the page is read as before.
"""

from __future__ import annotations

from typing import Callable

from plandsl.core.i18n import _
from plandsl.importer.document import pipe_row


def page_with_tables(path: str, index: int, page_no: int, lay_out: Callable[[str, int], list],
                     convert: Callable[[str], str]) -> list[tuple[str, str]] | None:
    """The lines of page ``index`` (0-based) with its tables as Markdown rows, or None when pdfplumber is not
    installed, finds no table of three columns or more, or fails. ``lay_out(text, page)`` turns
    layout text into lines (readers.pdf.page_lines); ``convert`` repairs legacy encodings."""
    try:
        import pdfplumber
    except ImportError:
        return None
    try:
        with pdfplumber.open(path) as pdf:
            page = pdf.pages[index]
            tables = sorted((t for t in page.find_tables() if len(t.rows) >= 2
                             and max(len(r.cells) for r in t.rows) >= 3), key=lambda t: t.bbox[1])
            if not tables:
                return None
            out: list[tuple[str, str]] = []

            def band(y0: float, y1: float) -> list:
                """The lines of the text between two heights, a character by its middle (a heading's top may
                touch the table's bottom rule), laid out on the whole page's grid (line numbers as the page's)."""
                part = page.filter(lambda o: o.get("object_type") != "char" or y0 <= (o["top"] + o["bottom"]) / 2 < y1)
                return lay_out(convert(part.extract_text(layout=True) or ""), page_no)

            top = 0.0
            for n, table in enumerate(tables, start=1):
                t_top, t_bottom = table.bbox[1], table.bbox[3]
                if t_top > top:
                    out += band(top, t_top)
                for r, row in enumerate(table.extract(), start=1):
                    cells = [convert(" ".join(c.split())) for c in row if c is not None]
                    if any(cells):
                        out.append((pipe_row(cells),
                                    _("page {page}, table {n}, row {row}").format(page=page_no, n=n, row=r)))
                top = max(top, t_bottom)
            out += band(top, page.height + 1)
            return out
    except Exception:  # noqa: BLE001 - a page pdfplumber cannot read is read as before
        return None
