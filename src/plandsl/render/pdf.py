"""PDF through LibreOffice: the DOCX is converted by `soffice --headless --convert-to pdf`.

LibreOffice is an optional system tool (Debian: libreoffice-writer, with
fonts-liberation for Times New Roman metrics). Without it, rendering a PDF
gives a diagnostic, never a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from plandsl.core.fsutil import os_reason
from plandsl.core.i18n import _

TIMEOUT_S = 180


class PdfUnavailable(Exception):
    """LibreOffice is not installed, or it failed to convert."""


def soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes) -> bytes:
    """Convert a DOCX (bytes) to PDF (bytes) with LibreOffice in a private profile."""
    exe = soffice()
    if exe is None:
        raise PdfUnavailable(_("LibreOffice (soffice) is not installed"))
    with tempfile.TemporaryDirectory(prefix="plandsl-pdf-") as tmp:
        work = Path(tmp)
        src = work / "document.docx"
        src.write_bytes(docx)
        # A private user profile: a LibreOffice already running (or a parallel conversion) does not block us.
        profile = (work / "profile").as_uri()
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
               "--outdir", str(work), str(src)]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, env={**os.environ, "HOME": tmp},
                                  check=False)
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(_("LibreOffice did not finish within {seconds} s").format(seconds=TIMEOUT_S)) from None
        except OSError as exc:
            raise PdfUnavailable(_("LibreOffice could not be started: {reason}").format(reason=os_reason(exc))) from None
        out = work / "document.pdf"
        if proc.returncode != 0 or not out.exists():
            detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()
            raise PdfUnavailable(_("LibreOffice could not convert the document") + (f": {detail[-1]}" if detail else ""))
        return out.read_bytes()
