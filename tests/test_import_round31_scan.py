"""The PDF reader on a scan whose text layer has no Vietnamese marks (issue 10, after the twenty-seventh held-out
set's source: a district plan scanned with an OCR that knew no Vietnamese, "UY BAN NHAN DAN", "Thuic hi0 De an"):
the page images are read again by Tesseract when it is here, and the reader says so when it is not. A typed PDF
without accents is read as it is. Every page here is made up and drawn by the test."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from import_docs import pdf_bytes, vietnamese_font

from plandsl.importer.readers import ocr
from plandsl.importer.readers.pdf import read_pdf

_LINES = ["ỦY BAN NHÂN DÂN HUYỆN AN BÌNH", "KẾ HOẠCH", "Thực hiện Đề án dạy tin học trong trường phổ thông",
          "giai đoạn 2026 - 2030", "I. MỤC TIÊU", "- Đạt 80% số trường có phòng máy."]
# the scanner's OCR layer: no marks, some letters wrong
_LAYER = ["UY BAN NHAN DAN HUYEN AN BINH", "KE HOACH", "Thuic hien De an day tin hoc trong truong pho thong",
          "giai doan 2026 - 2030", "I. MUC TIEU", "- Dat 80% so truong co phong may."] * 4


def _scan(tmp_path: Path) -> Path:
    """One A4 page: an image of the page drawn in Vietnamese, under an invisible ASCII text layer."""
    font = vietnamese_font(44)
    from PIL import Image, ImageDraw
    from pypdf import PdfReader, PdfWriter

    img = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    draw = ImageDraw.Draw(img)
    for n, line in enumerate(_LINES):
        draw.text((80, 120 + 80 * n), line, font=font, fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PDF", resolution=150)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buf.getvalue())))
    scan = writer.pages[0]
    body = " ".join(f"BT 3 Tr /F1 11 Tf 1 0 0 1 40 {800 - 16 * n} Tm ({t}) Tj ET" for n, t in enumerate(_LAYER))
    layer = pdf_bytes(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {float(scan.mediabox.width)} "
                       f"{float(scan.mediabox.height)}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                       f"<< /Length {len(body)} >>\nstream\n{body}\nendstream",
                       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])
    scan.merge_page(PdfReader(io.BytesIO(layer)).pages[0])
    path = tmp_path / "scan.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return path


@pytest.mark.skipif(ocr.available() is not None, reason="Tesseract with Vietnamese data is not installed "
                                                         "(Debian tesseract-ocr, tesseract-ocr-vie)")
def test_a_scan_whose_text_layer_has_no_marks_is_read_again_by_ocr(tmp_path):
    doc = read_pdf(str(_scan(tmp_path)))
    text = "\n".join(line.text for line in doc.lines)
    assert doc.source == "ocr" and ("no Vietnamese marks" in doc.notes[0] or "dấu tiếng Việt" in doc.notes[0])
    assert "KẾ HOẠCH" in text and "Thuic" not in text and "UY BAN NHAN DAN" not in text


def test_without_ocr_the_layer_is_kept_and_the_reader_says_so(tmp_path, monkeypatch):
    path = _scan(tmp_path)
    monkeypatch.setattr(ocr, "available", lambda: "Tesseract is not installed")
    doc = read_pdf(str(path))
    assert doc.source == "pdf" and "KE HOACH" in [line.text for line in doc.lines]
    assert any("Tesseract is not installed" in note for note in doc.notes)


def test_a_typed_pdf_without_accents_is_read_as_it_is(tmp_path, monkeypatch):
    # No page image: the layer is the document's own text, whatever its letters.
    monkeypatch.setattr(ocr, "read_scanned_pdf", lambda *a: pytest.fail("a typed PDF must not go to OCR"))
    body = " ".join(f"BT /F1 11 Tf 1 0 0 1 40 {800 - 16 * n} Tm ({t}) Tj ET" for n, t in enumerate(_LAYER))
    path = tmp_path / "typed.pdf"
    path.write_bytes(pdf_bytes(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << "
                                "/Font << /F1 5 0 R >> >> >>", f"<< /Length {len(body)} >>\nstream\n{body}\nendstream",
                                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]))
    doc = read_pdf(str(path))
    assert doc.source == "pdf" and not doc.notes
