"""OCR of scanned pages with Tesseract and its Vietnamese data (`vie`).

Through pytesseract when it is installed, otherwise the `tesseract` program itself; PDF pages
are rendered with poppler's `pdftoppm`. Every line read this way is marked ``ocr`` so that
every field taken from it gets a review comment.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile

from plandsl.importer.document import Document, assemble
from plandsl.core.i18n import N_, _, ngettext
from plandsl.importer.errors import ImportFailure

INSTALL_HINT = N_("Install Tesseract with its Vietnamese data (Debian: apt-get install tesseract-ocr "
                  "tesseract-ocr-vie; PDF pages also need poppler-utils), or import a copy of the document that has "
                  "a text layer.")


def available() -> str | None:
    """Why OCR cannot run here, or None when it can."""
    exe = shutil.which("tesseract")
    if exe is None:
        return _("Tesseract is not installed")
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (subprocess.SubprocessError, OSError):
        return _("Tesseract does not run")
    if "vie" not in (out.stdout + out.stderr).split():
        return _("Tesseract's Vietnamese data (vie) is not installed")
    return None


def _require(path: str, what: str) -> None:
    missing = available()
    if missing:
        raise ImportFailure(_("{path}: {what} needs OCR, but {missing}").format(path=path, what=what, missing=missing),
                            _(INSTALL_HINT))


def _ocr_image(image_path: str) -> str:
    try:
        import pytesseract
        from PIL import Image
    except ImportError:
        pytesseract = None
    if pytesseract is not None:
        with Image.open(image_path) as img:
            return pytesseract.image_to_string(img, lang="vie")
    out = subprocess.run(["tesseract", image_path, "stdout", "-l", "vie"], capture_output=True, text=True,
                         timeout=300, check=True)
    return out.stdout


def _lines(text: str, page: int | None) -> list[tuple[str, str]]:
    where = (_("page {page}, line {n} (OCR)") if page is not None else _("line {n} (OCR)"))
    return [(t, where.format(page=page, n=n)) for n, t in enumerate(text.split("\n"), start=1)]


def read_image(path: str) -> Document:
    _require(path, _("an image"))
    try:
        text = _ocr_image(path)
    except Exception as exc:  # a broken image or a Tesseract failure
        raise ImportFailure(_("{path}: OCR failed ({error})").format(path=path, error=f"{type(exc).__name__}: {exc}"),
                            _("Check that the file is a readable image (PNG, JPEG or TIFF).")) from exc
    return Document(path, assemble(_lines(text, None), ocr=True), "ocr", [_("read by OCR (Tesseract, vie)")])


def read_scanned_pdf(path: str, pages: int) -> Document:
    _require(path, _("this PDF has no text layer (a scan), so it"))
    if shutil.which("pdftoppm") is None:
        raise ImportFailure(_("{path}: rendering the scanned pages needs poppler's pdftoppm").format(path=path),
                            _(INSTALL_HINT))
    raw: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="plandsl-ocr-") as tmp:
        try:
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", path, os.path.join(tmp, "p")],
                           check=True, capture_output=True, timeout=600)
            for n, image in enumerate(sorted(glob.glob(os.path.join(tmp, "p*.png"))), start=1):
                raw.extend(_lines(_ocr_image(image), n))
        except (subprocess.SubprocessError, OSError) as exc:
            raise ImportFailure(_("{path}: OCR failed ({error})").format(path=path, error=type(exc).__name__),
                                _(INSTALL_HINT)) from exc
    return Document(path, assemble(raw, ocr=True), "ocr",
                    [ngettext("read by OCR (Tesseract, vie), {n} page", "read by OCR (Tesseract, vie), {n} pages",
                              pages).format(n=pages)])
