"""PDF: the text layer through pypdf; a PDF without one (a scan), or a scan whose text layer has no Vietnamese marks,
goes to OCR."""

from __future__ import annotations

import re
import unicodedata

import attrs

from plandsl.importer.document import Document, assemble
from plandsl.core.i18n import _
from plandsl.importer.errors import ImportFailure
from plandsl.importer.readers import legacy, ocr, pdfannots, pdftables
from plandsl.importer.syllables import mend_pdf_line



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
    if _unmarked_scan(reader, pages):
        # A scan whose text layer a scanner's OCR made without Vietnamese ("UY BAN NHAN DAN", "Thuic hi0 De an"):
        # read the page images again with Tesseract's Vietnamese data when it is here, else keep the layer and say so.
        missing = ocr.available()
        if missing is None:
            doc = ocr.read_scanned_pdf(path, len(pages))
            return attrs.evolve(doc, notes=[_("the PDF is a scan whose text layer has no Vietnamese marks: its pages "
                                              "are read again by OCR")] + doc.notes)
        unmarked_note = _("the PDF is a scan whose text layer has no Vietnamese marks, and it cannot be read again by "
                          "OCR ({missing}): every value needs checking against the document").format(missing=missing)
    else:
        unmarked_note = None
    raw: list[tuple[str, str]] = []
    feet: list[tuple[str, str]] = []  # the pages' footnotes, read after the text
    notes: list[str] = []
    for n, text in enumerate(pages, start=1):
        converted, name = legacy.convert_whole(text)
        if name:
            notes.append(_("page {n} converted from {encoding} to Unicode").format(n=n, encoding=name))
        tabled = None
        if _tabular(text):  # its ruled tables row by row (readers/pdftables.py)
            tabled = pdftables.page_with_tables(path, n - 1, n, page_lines,
                                                lambda t: legacy.convert_whole(t)[0] if name else t)
        raw.extend(tabled if tabled is not None else page_lines(converted, n, feet))
    raw = [(mend_pdf_line(t), w) for t, w in raw + feet]  # "nư ớc" -> "nước": glyphs a justified line placed apart
    return Document(path, assemble(raw), "pdf", ([unmarked_note] if unmarked_note else []) + notes)


def _unmarked_scan(reader, pages: list[str]) -> bool:
    """Whether the PDF is a scan with a text layer that carries no Vietnamese mark (after the twenty-seventh set's
    source: a district plan scanned with an OCR that knew no Vietnamese): under 3% of the layer's letters are not ASCII
    (about 28% in a Vietnamese text), and at least half of the pages hold one image the page's shape and 1,000 pixels
    wide or more (a page scanned whole). A typed PDF with no accents has no such images and is read as it is."""
    letters = [ch for p in pages for ch in p if ch.isalpha()]
    if len(letters) < 200 or sum(not ch.isascii() for ch in letters) >= 0.03 * len(letters):
        return False
    return 2 * sum(_scanned_whole(page) for page in reader.pages) >= len(reader.pages)


def _scanned_whole(page) -> bool:
    try:
        ratio = float(page.mediabox.height) / float(page.mediabox.width)
        xobjects = page["/Resources"]["/XObject"].get_object()
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image" and int(obj["/Width"]) >= 1000 \
                    and abs(int(obj["/Height"]) / int(obj["/Width"]) - ratio) < 0.1 * ratio:
                return True
    except (KeyError, TypeError, ValueError, ZeroDivisionError, AttributeError):
        return False
    return False


_MARK = re.compile(r"^(?:[-–+•*·]\s|[a-zđ]\)\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVX]{1,5}\.\s|Điều\s+\d|Thứ\s)")


def _pieces(row: str) -> list[tuple[int, str]]:
    out = []
    for m in re.finditer(r"\S+(?:\s{1,2}\S+)*", row):
        out.append((m.start(), m.group(0)))
    return out


def _tabular(layout: str) -> bool:
    """Whether a page's layout text looks like a table: three rows of three pieces or more."""
    return sum(1 for row in layout.split("\n") if len(_pieces(row)) >= 3) >= 3


def page_lines(text: str, page: int, feet: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """A page's layout text as paragraphs: side-by-side columns (the header table) one after the
    other, and the lines of a wrapped paragraph joined again. With ``feet``, the page's footnotes go there."""
    rows = text.split("\n")
    # A page number alone on the first or last line is not text.
    filled = [k for k, r in enumerate(rows) if r.strip()]
    for k in (filled[:1] + filled[-1:]) if filled else []:
        if re.fullmatch(r"\s*[-–]?\s*\d{1,3}\s*[-–]?\s*", rows[k]):
            rows[k] = ""
    foot = _footnotes(rows) if feet is not None else None
    if foot is not None:
        for k in range(foot, len(rows)):
            if _FOOT_MARK.match(rows[k]) or not feet or k == foot:
                feet.append((" ".join(rows[k].split()), _("page {page}, line {n}").format(page=page, n=k + 1)))
            elif rows[k].strip():
                feet[-1] = (f"{feet[-1][0]} {' '.join(rows[k].split())}", feet[-1][1])
            rows[k] = ""
    width = max((len(r.rstrip()) for r in rows), default=1) or 1
    unjoined = [_pieces(r) for r in rows]  # the columns' boundary is found before "Số:" and its number are joined
    parsed = _numbered([(pcs, r) for pcs, r in zip(unjoined, rows)])
    out: list[tuple[str, str]] = []
    where = _("page {page}, line {n}")
    # The widest line with its words single-spaced: a justified line's wide gap makes its row longer than the text.
    text_width = max((len(" ".join(p for _, p in pcs)) for pcs, _r in parsed if pcs), default=1)
    full = [bool(pcs) and pcs[0][0] < width // 4 and _justified(pcs, text_width) for pcs, _r in parsed]

    def side_by_side(k: int) -> bool:
        """Two pieces or more that are not one justified line (a wide gap between words) nor the last line of such a
        paragraph (right under a full line, starting on the left), or one piece far right."""
        pcs = parsed[k][0]
        if not pcs or pcs[0][0] >= width // 3:
            return bool(pcs)
        return len(pcs) >= 2 and not full[k] and not (k and full[k - 1] and pcs[0][0] < width // 4)

    i = 0
    while i < len(parsed):
        pieces, row = parsed[i]
        if pieces and _RECIPIENTS.match(_bare(pieces[0][1])) and pieces[0][0] < width // 3:
            i = _recipients(parsed, i, width, out, lambda k: where.format(page=page, n=k + 1))
            continue
        two = side_by_side(i)
        if two:
            # The run of side-by-side rows (blank rows allowed inside).
            j = i
            block = []
            while j < len(parsed):
                pcs, _row = parsed[j]
                if not pcs:
                    j += 1
                    continue
                if side_by_side(j):
                    block.append((j, pcs))
                    j += 1
                    continue
                break
            mid = min((p[1][0] for k, _p in block if len(p := unjoined[k]) >= 2), default=width // 3)
            for side in (0, 1):
                col: list[tuple[str, int]] = []
                for k, pcs in block:
                    for start, piece in pcs:
                        if (start >= mid) == bool(side):
                            col.append((piece, k))
                for text_, k in _join_column(col):
                    out.append((_MONTH_FIRST.sub(r"ngày \1 tháng \2 năm", text_), where.format(page=page, n=k + 1)))
            i = j
            continue
        if not pieces:
            out.append(("", where.format(page=page, n=i + 1)))
            i += 1
            continue
        line = _glue(pieces)  # one piece, or a justified line's pieces
        if out and out[-1][0] and _continues(out[-1][0], line, width):
            out[-1] = (f"{out[-1][0]} {line}", out[-1][1])
        else:
            out.append((line, where.format(page=page, n=i + 1)))
        i += 1
    return out


_RECIPIENTS = re.compile(r"noi nhan\b", re.I)


def _bare(text: str) -> str:
    """``text`` without its diacritics ("Nơi nhận" -> "Noi nhan"; a PDF in a standard font has none)."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).replace("đ", "d")


def _glue(pieces: list[tuple[int, str]]) -> str:
    """A row's pieces as one line; a number's tail set apart by the gap ("128/KH", "-UBND") goes back on it."""
    out = pieces[0][1]
    for _start, piece in pieces[1:]:
        out += piece if re.match(r"-[^\W\d_]", piece) and out[-1:].isalnum() else f" {piece}"
    return out


def _justified(pieces: list[tuple[int, str]], width: int) -> bool:
    """Whether a row of pieces is one justified line of text that pypdf laid out with a wide gap between two words
    (words placed one by one): its words, single-spaced, fill 70% of the page's text width (the widest line's);
    side-by-side columns (the header, the signature) leave much of the row empty, and a letterhead's left piece
    ("Số: 173/KH-UBND") is short with a capital after the gap ("Hà Nội, ngày …"), where a word cut by the gap is not
    ("đi      ều tiết")."""
    return ((len(pieces[0][1]) >= width // 4 or any(not p[:1].isupper() for _, p in pieces[1:]))
            and len(" ".join(p for _, p in pieces)) >= 0.7 * width)


def _recipients(parsed: list, i: int, width: int, out: list, where) -> int:
    """The "Nơi nhận:" list beside the signature block: its left column (the list, a wrapped item joined again) then
    its right column (the signer's title and name), up to the page's end or to text on the left after a blank
    stretch. Returns the index of the row after the block."""
    j, blanks, rows = i, 0, []
    while j < len(parsed):
        pcs = parsed[j][0]
        if not pcs:
            blanks += 1
            j += 1
            continue
        if blanks >= 2 and rows and pcs[0][0] < width // 3:
            break
        blanks = 0
        rows.append((j, pcs))
        j += 1
    # The signature block stands in the right half; a note between ("(để b/c)" beside a bracket of items) comes after
    # the list.
    right = min((start for _, pcs in rows for start, _p in pcs if start >= width // 2), default=width)
    for side in range(3):
        col = [(piece, k) for k, pcs in rows for start, piece in pcs
               if side == (2 if start >= right else 1 if start >= width // 3 else 0)]
        joined: list[tuple[str, int]] = []
        for text_, k in _join_column(col):
            # a wrapped item ("- VPUB: CVP, các PCVP," / "phòng: KGVX, …" / "NC, HC-QT;") goes on the item
            if side == 0 and len(joined) > 1 and not re.match(r"[-–+•*]", text_):
                joined[-1] = (f"{joined[-1][0]} {text_}", joined[-1][1])
            else:
                joined.append((text_, k))
        out.extend((text_, where(k)) for text_, k in joined)
    return j


# A footnote at the page's foot: "1 Đánh giá các cấp …", its number with no dot, in a smaller font (its rows longer
# than the text's), after a blank row (after the twenty-seventh set).
_FOOT_MARK = re.compile(r"\s*\d{1,2}\s+[^\W\d_]")


def _footnotes(rows: list[str]) -> int | None:
    """The index of the first row of the footnotes at the foot of a page, or None."""
    filled = [k for k, r in enumerate(rows) if r.strip()]
    if len(filled) < 10:
        return None
    start = filled[-1]
    while start - 1 >= 0 and rows[start - 1].strip():
        start -= 1
    above = sorted(len(rows[k].rstrip()) for k in filled if k < start)
    if not _FOOT_MARK.match(rows[start]) or filled[-1] - start > 8 or len(above) < 8 or not rows[start - 1:start] \
            or len(rows[start].rstrip()) <= above[int(0.9 * len(above))]:
        return None
    return start


# "1.Các trường …": an item numbered with no space after its mark (a capital after the dot, where "2.000 người" has a
# digit): it starts a line as "1. Các trường …" does (after the twenty-seventh set)
_TIGHT_MARK = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.([^\W\d_])")


def _marked(line: str) -> bool:
    return bool(_MARK.match(line) or (m := _TIGHT_MARK.match(line)) and m.group(1).isupper())


# The letterhead's number beside its "Số:" (after the twenty-seventh set): a Word table cell's tab leaves a wide gap
# between them ("Số:          21/KH-PGD&ĐT"), which split them into two columns; or the number typed in a larger or
# raised run stands on a row of its own above the tail ("20" / "Số:  /KH-PGD&ĐT").
_SO = re.compile(r"So\s*:?", re.IGNORECASE)
_SO_TYPED = re.compile(r"So\s*:?\s*\d{1,5}", re.IGNORECASE)
_NUMBER_PIECE = re.compile(r"\d{1,5}\s*/\s*[^\W\d_]|/\s*[^\W\d_]")
# "Hiệp Hòa, ngày 07 10 tháng năm 2020": the month a layout put before "tháng" (drawn after it with no space).
_MONTH_FIRST = re.compile(r"\bngày\s+(\d{1,2})\s+(\d{1,2})\s+tháng\s+năm\b")


def _numbered(parsed: list[tuple[list[tuple[int, str]], str]]) -> list[tuple[list[tuple[int, str]], str]]:
    """The rows with a letterhead's "Số:" and its number as one piece (see _SO)."""
    out = list(parsed)
    for k, (pcs, row) in enumerate(out):
        for n in range(len(pcs) - 1):
            (start, so), (_s, number) = pcs[n], pcs[n + 1]
            typed = _SO_TYPED.fullmatch(_bare(so))
            if typed and number.startswith("/") and _NUMBER_PIECE.match(number):
                # "Số: 12     /KH- PGD&ĐT": the number typed beside "Số:", its tail a gap away (the twenty-ninth set)
                out[k] = (pcs[:n] + [(start, f"{so}{number}")] + pcs[n + 2:], row)
                break
            if not _SO.fullmatch(_bare(so)) or not _NUMBER_PIECE.match(number):
                continue
            if number.startswith("/") and k and len(out[k - 1][0]) == 1:
                (at, raised), = out[k - 1][0]
                if re.fullmatch(r"\d{1,5}", raised) and start <= at <= _s + len(number):
                    number = raised + number
                    out[k - 1] = ([], "")
            out[k] = (pcs[:n] + [(start, f"{so} {number}")] + pcs[n + 2:], row)
            break
    return out


def _continues(prev: str, line: str, width: int) -> bool:
    if _marked(line):
        return False
    if line[:1].islower() or line[:1].isdigit() and not _marked(line):
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
