"""PDF: the text layer through pypdf; a PDF without one (a scan) goes to OCR."""

from __future__ import annotations

import re

from plandsl.importer.document import Document, assemble
from plandsl.importer.errors import ImportFailure
from plandsl.importer.readers import legacy, ocr

_GAP = re.compile(r"\s{3,}")


def read_pdf(path: str) -> Document:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise ImportFailure("reading PDF files needs pypdf", "pip install pypdf") from exc
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise ImportFailure(f"{path}: the PDF is password-protected",
                                    "Open it with its password and save or print an unprotected copy, then import that.")
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except ImportFailure:
        raise
    except (PdfReadError, OSError, ValueError, KeyError) as exc:
        raise ImportFailure(f"{path}: this is not a readable PDF ({type(exc).__name__}: {exc})",
                            "Check that the file is a complete PDF; open and save it again.") from exc
    except Exception as exc:  # a damaged PDF can fail anywhere inside the parser
        raise ImportFailure(f"{path}: the PDF is damaged and cannot be read ({type(exc).__name__})",
                            "Open it in a PDF reader and save or print a new copy.") from exc
    if not pages:
        raise ImportFailure(f"{path}: the PDF has no pages")
    letters = sum(sum(ch.isalpha() for ch in p) for p in pages)
    if letters < 40 * len(pages):
        return ocr.read_scanned_pdf(path, len(pages))
    raw: list[tuple[str, str]] = []
    notes: list[str] = []
    for n, text in enumerate(pages, start=1):
        converted, name = legacy.convert_whole(text)
        if name:
            notes.append(f"page {n} converted from {name} to Unicode")
        for m, line in enumerate(converted.split("\n"), start=1):
            # Two columns side by side (the header table) become two lines.
            for part in _GAP.split(line.strip()):
                raw.append((part, f"page {n}, line {m}"))
    return Document(path, assemble(raw), "pdf", notes)
