"""PDF: the text layer through pypdf; a PDF without one (a scan) goes to OCR."""

from __future__ import annotations

import re

from plandsl.importer.document import Document, assemble
from plandsl.core.i18n import _
from plandsl.importer.errors import ImportFailure
from plandsl.importer.readers import legacy, ocr, pdfannots, pdftables



def read_pdf(path: str) -> Document:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise ImportFailure(_("reading PDF files needs pypdf"), "pip install pypdf") from exc
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:
                if type(exc).__name__ == "DependencyError":
                    raise ImportFailure(_("{path}: the PDF is encrypted with AES, which needs the cryptography "
                                          "package to open").format(path=path),
                                        _("pip install cryptography, or save an unprotected copy of the PDF.")
                                        ) from None
                ok = 0
            if not ok:
                raise ImportFailure(_("{path}: the PDF is password-protected").format(path=path),
                                    _("Open it with its password and save or print an unprotected copy, then import "
                                      "that."))
        pages = [pdfannots.layout_text(page) for page in reader.pages]  # with signature-stamped figures
    except ImportFailure:
        raise
    except (PdfReadError, OSError, ValueError, KeyError) as exc:
        raise ImportFailure(_("{path}: this is not a readable PDF ({error})").format(
            path=path, error=f"{type(exc).__name__}: {exc}"),
            _("Check that the file is a complete PDF; open and save it again.")) from exc
    except Exception as exc:  # a damaged PDF can fail anywhere inside the parser
        raise ImportFailure(_("{path}: the PDF is damaged and cannot be read ({error})").format(
            path=path, error=type(exc).__name__), _("Open it in a PDF reader and save or print a new copy.")) from exc
    if not pages:
        raise ImportFailure(_("{path}: the PDF has no pages").format(path=path))
    letters = sum(sum(ch.isalpha() for ch in p) for p in pages)
    if letters < 40 * len(pages):
        return ocr.read_scanned_pdf(path, len(pages))
    raw: list[tuple[str, str]] = []
    notes: list[str] = []
    for n, text in enumerate(pages, start=1):
        converted, name = legacy.convert_whole(text)
        if name:
            notes.append(_("page {n} converted from {encoding} to Unicode").format(n=n, encoding=name))
        tabled = None
        if _tabular(text):  # its ruled tables row by row (readers/pdftables.py)
            tabled = pdftables.page_with_tables(path, n - 1, n, page_lines,
                                                lambda t: legacy.convert_whole(t)[0] if name else t)
        raw.extend(tabled if tabled is not None else page_lines(converted, n))
    return Document(path, assemble(raw), "pdf", notes)


_MARK = re.compile(r"^(?:[-–+•*·]\s|[a-zđ]\)\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVX]{1,5}\.\s|Điều\s+\d|Thứ\s)")


def _pieces(row: str) -> list[tuple[int, str]]:
    out = []
    for m in re.finditer(r"\S+(?:\s{1,2}\S+)*", row):
        out.append((m.start(), m.group(0)))
    return out


def _tabular(layout: str) -> bool:
    """Whether a page's layout text looks like a table: three rows of three pieces or more."""
    return sum(1 for row in layout.split("\n") if len(_pieces(row)) >= 3) >= 3


def page_lines(text: str, page: int) -> list[tuple[str, str]]:
    """A page's layout text as paragraphs: side-by-side columns (the header table) one after the
    other, and the lines of a wrapped paragraph joined again."""
    rows = text.split("\n")
    # A page number alone on the first or last line is not text.
    filled = [k for k, r in enumerate(rows) if r.strip()]
    for k in (filled[:1] + filled[-1:]) if filled else []:
        if re.fullmatch(r"\s*[-–]?\s*\d{1,3}\s*[-–]?\s*", rows[k]):
            rows[k] = ""
    width = max((len(r.rstrip()) for r in rows), default=1) or 1
    parsed = [(_pieces(r), r) for r in rows]
    out: list[tuple[str, str]] = []
    where = _("page {page}, line {n}")
    i = 0
    while i < len(parsed):
        pieces, row = parsed[i]
        two = len(pieces) >= 2 or (pieces and pieces[0][0] >= width // 3)
        if two:
            # The run of side-by-side rows (blank rows allowed inside).
            j = i
            block = []
            while j < len(parsed):
                pcs, _row = parsed[j]
                if not pcs:
                    j += 1
                    continue
                if len(pcs) >= 2 or pcs[0][0] >= width // 3:
                    block.append((j, pcs))
                    j += 1
                    continue
                break
            mid = min((p[1][0] for _, p in block if len(p) >= 2), default=width // 3)
            for side in (0, 1):
                col: list[tuple[str, int]] = []
                for k, pcs in block:
                    for start, piece in pcs:
                        if (start >= mid) == bool(side):
                            col.append((piece, k))
                for text_, k in _join_column(col):
                    out.append((text_, where.format(page=page, n=k + 1)))
            i = j
            continue
        if not pieces:
            out.append(("", where.format(page=page, n=i + 1)))
            i += 1
            continue
        line = " ".join(p for _, p in pieces)
        if out and out[-1][0] and _continues(out[-1][0], line, width):
            out[-1] = (f"{out[-1][0]} {line}", out[-1][1])
        else:
            out.append((line, where.format(page=page, n=i + 1)))
        i += 1
    return out


def _continues(prev: str, line: str, width: int) -> bool:
    if _MARK.match(line):
        return False
    if line[:1].islower() or line[:1].isdigit() and not _MARK.match(line):
        return not prev.endswith((".", ":", ";")) or line[:1].islower()
    return len(prev) >= 0.75 * width and not prev.endswith((".", ":", ";", "!"))


def _join_column(col: list[tuple[str, int]]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for piece, k in col:
        if out and (piece[:1].islower() or piece[:1].isdigit() and not _MARK.match(piece)
                    or out[-1][0].endswith(("CHỦ NGHĨA", "Tự do -", "ngày", "tháng", "năm"))):
            out[-1] = (f"{out[-1][0]} {piece}", out[-1][1])
        else:
            out.append((piece, k))
    return out
