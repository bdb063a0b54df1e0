"""Word documents: .docx through python-docx (paragraphs and tables in document order, the
two-column header table included), .doc through LibreOffice when it is installed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import unicodedata

from plandsl.importer.document import Document, assemble, pipe_row
from plandsl.core.i18n import _
from plandsl.importer.errors import ImportFailure
from plandsl.importer.readers import legacy

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _run_text(run, notes: set[str]) -> str:
    text = run.text
    font = (run.font.name or "") if run.font is not None else ""
    if font.startswith(".Vn"):
        notes.add("TCVN3 (.Vn fonts)")
        text = legacy.from_tcvn3(text)
        if font.endswith("H"):  # .VnTimeH and friends: the upper-case fonts
            text = text.upper()
    elif font.upper().startswith("VNI"):
        notes.add("VNI")
        text = legacy.from_vni(text)
    return text


# Runs whose text the page does not show in the paragraph: deleted in tracked changes, or in a text box (read apart).
_NOT_SHOWN = {f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent", _MC_FALLBACK}


def _paragraph_text(par, notes: set[str]) -> str:
    """The paragraph's text, run by run (legacy fonts converted): also the runs inside hyperlinks ("Căn cứ
    [Quyết định số 112/QĐ-TTg] …"), fields and tracked insertions, which python-docx's ``runs`` leaves out; not
    tracked deletions."""
    from docx.text.run import Run

    p = par._p
    out = []
    for r in p.iter(f"{_W}r"):
        a = r.getparent()
        while a is not None and a is not p and a.tag not in _NOT_SHOWN:
            a = a.getparent()
        if a is p:
            out.append(_run_text(Run(r, par), notes))
    return "".join(out)


def _walk(parent, raw: list[tuple[str, str]], notes: set[str], counter: list[int], table_no: list[int],
          numbering=None) -> None:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in parent.iterchildren():
        if child.tag == f"{_W}p":
            counter[0] += 1
            text = _paragraph_text(Paragraph(child, None), notes)
            label = numbering.label(child) if numbering is not None else ""
            if label and text.strip():
                text = f"{label} {text.lstrip()}"  # the number Word draws (automatic numbering)
            for part in text.split("\n"):
                raw.append((part, _("paragraph {n}").format(n=counter[0])))
            for box in child.iter(f"{_W}txbxContent"):  # a text box anchored in the paragraph: its text after it
                if not any(a.tag == _MC_FALLBACK for a in box.iterancestors()):  # (drawn once, with a VML copy)
                    _walk(box, raw, notes, counter, table_no, numbering)
        elif child.tag == f"{_W}tbl":
            table_no[0] += 1
            n = table_no[0]
            table = Table(child, None)
            signature = _signature(table)
            if not signature and _grid(table):
                _pipe_rows(table, n, raw, notes, table_no, numbering)
                continue
            seen: set[tuple[int, int]] = set()
            for r, c, cell in _cells(table, by_column=signature):
                if (0 if signature else r, id(cell._tc)) in seen:
                    continue  # a merged cell repeats (in its row; in the signature table, at all)
                seen.add((0 if signature else r, id(cell._tc)))
                inner: list[tuple[str, str]] = []
                _walk(cell._tc, inner, notes, [0], table_no, numbering)
                where = _("table {n}, row {row}, cell {cell}").format(n=n, row=r, cell=c)
                for t, _where in inner:
                    raw.extend((part, where) for part in (_PADDED.split(t) if signature else [t]))
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                _walk(content, raw, notes, counter, table_no, numbering)


# In the Nơi nhận cell, a recipient pushed onto the next line with spaces instead of a line break
# ("- Bộ Công an;                    - Thường trực Tỉnh ủy;"): the spaces end a line.
_PADDED = re.compile(r"[ \t\u00a0]{3,}(?=[-–•+] ?\S)")


def _signature(table) -> bool:
    """Whether a table is the Nơi nhận / signature table that ends a signed plan: its first cell begins with
    "Nơi nhận" (the recipients), the signature ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", the name) in a column to its
    right, often over two rows ("Nơi nhận:" | "KT. CHỦ TỊCH", then the recipients | the rest of the signature),
    and in a .doc converted by LibreOffice with an empty spacer column between (three columns)."""
    try:
        first = table.rows[0].cells[0].text if len(table.rows) else ""
        return len(table.columns) <= 4 and len(table.rows) <= 4 \
            and unicodedata.normalize("NFC", first).lstrip(" -*\t\n").casefold().startswith("nơi nhận")
    except (IndexError, ValueError):
        return False


def _cells(table, by_column: bool):
    """(row, column, cell), 1-based, row by row (the header table: issuer beside Quốc hiệu, number beside
    date), or column by column for the signature table, so that the recipients stay together and the
    signature's lines stay together, as a text copy of the plan reads them."""
    grid = [list(row.cells) for row in table.rows]
    if not by_column:
        return [(r, c, cell) for r, row in enumerate(grid, start=1) for c, cell in enumerate(row, start=1)]
    width = max((len(row) for row in grid), default=0)
    return [(r, c, grid[r - 1][c - 1]) for c in range(1, width + 1) for r in range(1, len(grid) + 1)
            if c <= len(grid[r - 1])]


def _grid(table) -> bool:
    """Whether a table is a table of data (three columns or more: tasks, targets), not a layout table such as
    the two-column header or signature."""
    try:
        return len(table.columns) >= 3
    except (IndexError, ValueError):  # a malformed grid: read it cell by cell
        return False


def _pipe_rows(table, n: int, raw: list[tuple[str, str]], notes: set[str], table_no: list[int],
               numbering=None) -> None:
    """A table of data as Markdown rows ("| 1 | Nội dung | Sở Y tế | … |", a cell's lines joined by spaces, a
    merged cell once): the readers of task and target tables take them row by row, cell by cell, as they take a
    table copied from a web page, and no row is joined with the text around it."""
    for r, row in enumerate(table.rows, start=1):
        seen: set[int] = set()
        texts = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue  # a merged cell repeats
            seen.add(id(cell._tc))
            inner: list[tuple[str, str]] = []
            _walk(cell._tc, inner, notes, [0], table_no, numbering)
            texts.append(" ".join(t.strip() for t, _where in inner if t.strip()))
        if any(texts):
            raw.append((pipe_row(texts), _("table {n}, row {row}").format(n=n, row=r)))


def read_docx(path: str) -> Document:
    import zipfile

    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise ImportFailure(_("reading .docx files needs python-docx"), "pip install python-docx") from exc
    try:
        if not zipfile.is_zipfile(path):
            raise ImportFailure(_("{path}: this is not a Word document (.docx): the file is not a ZIP package")
                                .format(path=path), _("An old Word file (.doc) must be named .doc; save it as .docx "
                                                      "in Word or LibreOffice."))
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if any(info.flag_bits & 0x1 for info in zf.infolist()):
                raise ImportFailure(_("{path}: the Word document is password-protected").format(path=path),
                                    _("Remove the password in Word (File > Info > Protect Document) and try again."))
        if "word/document.xml" not in names and "[Content_Types].xml" not in names:
            raise ImportFailure(_("{path}: this is a ZIP file but not a Word document (.docx): it has no "
                                  "word/document.xml").format(path=path),
                                _("Give the .docx file itself, not an archive that contains it."))
        document = docx.Document(path)
    except ImportFailure:
        raise
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise ImportFailure(_("{path}: this is not a readable Word document (.docx): {reason}").format(
            path=path, reason=exc), _("Open it in Word or LibreOffice and save it again as .docx.")) from exc
    except Exception as exc:  # a damaged package can fail deep inside python-docx/lxml
        raise ImportFailure(_("{path}: the Word document is damaged and cannot be read ({error})").format(
            path=path, error=type(exc).__name__), _("Open it in Word or LibreOffice and save it again as .docx.")
        ) from exc
    raw: list[tuple[str, str]] = []
    fonts: set[str] = set()
    from plandsl.importer.readers.numbering import Numbering

    try:
        _walk(document.element.body, raw, fonts, [0], [0], Numbering(document))
    except Exception as exc:  # a package that loads but whose XML python-docx cannot walk
        raise ImportFailure(_("{path}: the Word document is damaged and cannot be read ({error})").format(
            path=path, error=type(exc).__name__), _("Open it in Word or LibreOffice and save it again as .docx.")
        ) from exc
    notes = [_("text in legacy fonts converted to Unicode: {fonts}").format(fonts=", ".join(sorted(fonts)))] \
        if fonts else []
    return Document(path, assemble(raw), "docx", notes)


def read_doc(path: str) -> Document:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ImportFailure(_("{path}: an old Word file (.doc) is converted through LibreOffice, which is not "
                              "installed").format(path=path),
                            _("Install it (Debian: apt-get install libreoffice-writer) or save the file as .docx in "
                              "Word."))
    with tempfile.TemporaryDirectory(prefix="plandsl-doc-") as tmp:
        try:
            subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                            "--convert-to", "docx", "--outdir", tmp, path],
                           check=True, capture_output=True, timeout=180)
        except (subprocess.SubprocessError, OSError) as exc:
            raise ImportFailure(_("{path}: LibreOffice could not convert the .doc file ({error})").format(
                path=path, error=type(exc).__name__), _("Open it in Word or LibreOffice and save it as .docx.")
            ) from exc
        out = os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".docx")
        if not os.path.exists(out):
            raise ImportFailure(_("{path}: LibreOffice could not convert the .doc file ({error})").format(
                path=path, error="no output"), _("Open it in Word or LibreOffice and save it as .docx."))
        doc = read_docx(out)
    doc.path = path
    doc.notes.insert(0, _("converted from .doc through LibreOffice"))
    return doc
