"""The Quảng Ngãi decision printed through LibreOffice has no blank page (the section break after the
signature table once spilled onto a page of its own)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from plandsl.project.loader import load
from plandsl.render import render

SPECS = Path(__file__).resolve().parent.parent / "specs"
NEEDS = [t for t in ("soffice", "pdftotext", "pdfinfo") if shutil.which(t) is None]


@pytest.mark.skipif(bool(NEEDS), reason=f"needs LibreOffice and poppler-utils (missing: {', '.join(NEEDS)})")
@pytest.mark.skipif(not (SPECS / "ctxh-2021-2030" / "quang-ngai.plan").exists(), reason="no Quảng Ngãi spec")
def test_no_page_of_the_quang_ngai_render_is_blank(tmp_path):
    result = render(load([str(SPECS)]), "qng_ctxh_2021", "pdf")
    assert result.ok, result.diagnostics
    pdf = tmp_path / "q.pdf"
    pdf.write_bytes(result.data)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages >= 2
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        words = [w for w in text.split() if not w.isdigit()]  # a page number alone is a blank page
        assert words, f"page {page} of {pages} is blank"
