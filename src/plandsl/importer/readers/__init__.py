"""Readers: one per kind of file, all producing a :class:`~plandsl.importer.document.Document`."""

from __future__ import annotations

import os

from plandsl.importer.document import Document
from plandsl.core.i18n import _
from plandsl.importer.errors import ImportFailure

TEXT = (".txt", ".md", ".markdown", ".text")
IMAGES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp")
KNOWN = TEXT + (".docx", ".doc", ".pdf") + IMAGES


def read(path: str) -> Document:
    """Read a document by its extension (and check that its bytes agree)."""
    ext = os.path.splitext(path)[1].lower()
    if ext not in KNOWN:
        raise ImportFailure(_("{path}: cannot import a '{ext}' file").format(path=path, ext=ext or "?"),
                            _("Give a .docx, .doc, .pdf, .txt or .md file, or a scanned page (.png, .jpg, .tif)."))
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise ImportFailure(_("{path}: is a folder, not a document").format(path=path)) from None
    except FileNotFoundError:
        from plandsl.core.fsutil import describe_missing

        raise ImportFailure(describe_missing(path)) from None
    except PermissionError:
        raise ImportFailure(_("{path}: cannot read the file: permission denied").format(path=path)) from None
    except OSError as exc:
        raise ImportFailure(_("{path}: cannot read the file: {reason}").format(path=path, reason=exc.strerror or exc)
                            ) from None
    if not data.strip():
        raise ImportFailure(_("{path}: the file is empty").format(path=path),
                            _("Give the document that holds the plan's text."))
    if ext in TEXT:
        from plandsl.importer.readers.plain import read_text

        doc = read_text(path, data)
    elif ext == ".docx":
        from plandsl.importer.readers.office import read_docx

        doc = read_docx(path)
    elif ext == ".doc":
        if data.startswith(b"PK"):
            from plandsl.importer.readers.office import read_docx

            doc = read_docx(path)
        else:
            from plandsl.importer.readers.office import read_doc

            doc = read_doc(path)
    elif ext == ".pdf":
        if not data.lstrip().startswith(b"%PDF"):
            raise ImportFailure(_("{path}: this is not a PDF file (it does not start with %PDF)").format(path=path),
                                _("Check the file; it may have been saved with the wrong extension."))
        from plandsl.importer.readers.pdf import read_pdf

        doc = read_pdf(path)
    else:
        from plandsl.importer.readers.ocr import read_image

        doc = read_image(path)
    if not doc.lines:
        raise ImportFailure(_("{path}: the document has no text").format(path=path),
                            _("A scanned page needs OCR; give a page image or a PDF."))
    return doc
