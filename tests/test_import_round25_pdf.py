"""The PDF reader on signed PDFs (issue 10, after the twenty-fifth held-out set): made-up PDFs written by hand."""

from __future__ import annotations

from import_docs import pdf_bytes

from plandsl.importer.readers.pdf import read_pdf


def _pdf(body: str, annots: list[tuple[tuple[int, int, int, int], str]]) -> bytes:
    """One A4 page drawing ``body`` in Helvetica, with a signature widget per ``(rect, text)`` whose appearance is a
    form XObject drawing ``text`` through a nested form (as signing software does: /FRM -> /n2)."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", None,
            f"<< /Length {len(body)} >>\nstream\n{body}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    refs = []
    for (x0, y0, x1, y1), text in annots:
        w, h = x1 - x0, y1 - y0
        inner = f"BT 1 0 0 1 2 5.3 Tm /F1 13 Tf ({text}) Tj ET"
        objs.append(f"<< /Type /XObject /Subtype /Form /BBox [0 0 {w} {h}] /Resources << /Font << /F1 5 0 R >> >> "
                    f"/Length {len(inner)} >>\nstream\n{inner}\nendstream")
        frm = "q 1 0 0 1 0 0 cm /n2 Do Q"
        objs.append(f"<< /Type /XObject /Subtype /Form /BBox [0 0 {w} {h}] /Resources << /XObject << /n2 "
                    f"{len(objs)} 0 R >> >> /Length {len(frm)} >>\nstream\n{frm}\nendstream")
        top = "q 1 0 0 1 0 0 cm /FRM Do Q"
        objs.append(f"<< /Type /XObject /Subtype /Form /BBox [0 0 {w} {h}] /Matrix [1 0 0 1 0 0] /Resources << "
                    f"/XObject << /FRM {len(objs)} 0 R >> >> /Length {len(top)} >>\nstream\n{top}\nendstream")
        objs.append(f"<< /Type /Annot /Subtype /Widget /FT /Sig /F 132 /Rect [{x0} {y0} {x1} {y1}] "
                    f"/AP << /N {len(objs)} 0 R >> >>")
        refs.append(f"{len(objs)} 0 R")
    objs[2] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               f"/Resources << /Font << /F1 5 0 R >> >> /Annots [{' '.join(refs)}] >>")
    return pdf_bytes(objs)


_HEAD = ("BT /F1 13 Tf 1 0 0 1 60 760 Tm (UY BAN NHAN DAN) Tj ET "
         "BT /F1 13 Tf 1 0 0 1 60 730 Tm (So:                  /KH-UBND) Tj ET "
         "BT /F1 13 Tf 1 0 0 1 300 730 Tm (Ha Noi, ngay          thang        nam 2026) Tj ET "
         "BT /F1 13 Tf 1 0 0 1 200 690 Tm (KE HOACH) Tj ET "
         "BT /F1 12 Tf 1 0 0 1 60 660 Tm (To chuc ngay hoi van hoa cua thanh pho nam 2026 tai cac quan huyen.) Tj ET")


def test_a_signatures_stamped_number_and_day_fill_the_headers_blanks(tmp_path):
    # "173", "28", "4" drawn by three signature widgets over the blanks of "So: … /KH-UBND" and "ngay … thang … nam":
    # pypdf's layout text reads the page's own content only, so the header read "So:" and "ngay tháng năm 2026".
    path = tmp_path / "signed.pdf"
    path.write_bytes(_pdf(_HEAD, [((90, 725, 200, 745), "173"), ((380, 725, 410, 745), "28"),
                                  ((440, 725, 470, 745), "4")]))
    lines = [line.text for line in read_pdf(str(path)).lines]
    assert "So: 173/KH-UBND" in lines
    assert "Ha Noi, ngay 28 thang 4 nam 2026" in lines
    assert "To chuc ngay hoi van hoa cua thanh pho nam 2026 tai cac quan huyen." in lines


def test_an_annotation_beside_the_text_is_laid_out_with_it_and_a_hidden_one_is_not(tmp_path):
    body = "BT /F1 12 Tf 1 0 0 1 60 500 Tm (Noi nhan:) Tj ET"
    path = tmp_path / "beside.pdf"
    path.write_bytes(_pdf(body, [((60, 300, 200, 330), "Tran Van Minh")]))
    assert [line.text for line in read_pdf(str(path)).lines if line.text] == ["Noi nhan:", "Tran Van Minh"]
    hidden = tmp_path / "hidden.pdf"
    hidden.write_bytes(_pdf(body, [((60, 300, 200, 330), "Tran Van Minh")]).replace(b"/F 132", b"/F 134"))
    assert [line.text for line in read_pdf(str(hidden)).lines if line.text] == ["Noi nhan:"]


def _lines(tmp_path, body: str) -> list[str]:
    path = tmp_path / "page.pdf"
    path.write_bytes(_pdf(body, []))
    return [line.text for line in read_pdf(str(path)).lines if line.text]


def _at(x: int, y: int, text: str) -> str:
    return f"BT /F1 12 Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET "


_FULL = "Thuc hien Nghi quyet so 02-NQ/TW ngay 17/3/2026 cua Bo Chinh tri ve xay dung va phat trien"


def test_justified_lines_with_a_wide_gap_are_read_in_order(tmp_path):
    # Words placed one by one: pypdf's layout text leaves a wide gap inside a justified line ("… Bo Chinh tri      ve
    # phat trien …"); those lines were taken for side-by-side columns and read left pieces first, then right ones.
    body = (_at(60, 700, "I. MUC DICH") + _at(60, 680, _FULL) +
            _at(60, 665, "Thu do trong ky nguyen moi, Nghi quyet so 80-NQ/TW cua Bo Chinh tri") +
            _at(450, 665, "ve phat trien") +
            _at(60, 650, "van hoa Viet Nam, Ke hoach so 128/KH") + _at(300, 650, "-UBND ngay 30/3/2026 cua UBND") +
            _at(60, 635, "Thang Long") + _at(140, 635, "- Ha Noi, lan thu II nam 2026.") +
            _at(60, 605, "II. NOI DUNG"))
    assert _lines(tmp_path, body) == [
        "I. MUC DICH",
        _FULL + " Thu do trong ky nguyen moi, Nghi quyet so 80-NQ/TW cua Bo Chinh tri ve phat trien van hoa Viet Nam, "
        "Ke hoach so 128/KH-UBND ngay 30/3/2026 cua UBND Thang Long - Ha Noi, lan thu II nam 2026.",
        "II. NOI DUNG"]


def test_the_recipients_list_beside_the_signature_is_read_before_it(tmp_path):
    # "Noi nhan:" and its list on the left, "TM. UY BAN NHAN DAN" / "CHU TICH" / the name on the right: the first two
    # rows were read as one side-by-side block, the name joined with the list's wrapped item below it.
    body = (_at(60, 700, _FULL + ".") +
            _at(60, 660, "Noi nhan:") + _at(330, 660, "TM. UY BAN NHAN DAN") +
            _at(60, 645, "- Thuong truc Thanh uy;") + _at(370, 645, "CHU TICH") +
            _at(60, 630, "- Chu tich UBND Thanh pho;") +
            _at(60, 615, "- VPUB: CVP, cac PCVP,") + _at(360, 615, "Tran Van Minh") +
            _at(66, 600, "phong: KGVX, TH,") + _at(66, 585, "NC, HC-QT;") + _at(60, 570, "- Luu: VT, KGVX."))
    assert _lines(tmp_path, body)[1:] == [
        "Noi nhan:", "- Thuong truc Thanh uy;", "- Chu tich UBND Thanh pho;",
        "- VPUB: CVP, cac PCVP, phong: KGVX, TH, NC, HC-QT;", "- Luu: VT, KGVX.",
        "TM. UY BAN NHAN DAN", "CHU TICH", "Tran Van Minh"]


def test_a_word_a_justified_line_drew_in_two_pieces_is_put_back(tmp_path):
    # A Word paragraph justified and saved as PDF draws some words in pieces apart ("nư ớc", "n hất"): pypdf's layout
    # text read them as two words ("th" + "anh" here, ASCII: the test's font is Helvetica). A line of whole words, and
    # "Ha Noi" and "2026", stay as printed.
    body = ("BT /F1 12 Tf 1 0 0 1 60 700 Tm (To chuc ngay hoi van hoa cua cac quan huyen va th) Tj ET "
            "BT /F1 12 Tf 1 0 0 1 365 700 Tm (anh pho Ha Noi trong nam 2026.) Tj ET "
            "BT /F1 12 Tf 1 0 0 1 60 670 Tm (Cac ban nganh va doan the cung tham gia thuc hien ke hoach nay.) Tj ET")
    path = tmp_path / "justified.pdf"
    path.write_bytes(_pdf(body, []))
    lines = [line.text for line in read_pdf(str(path)).lines if line.text]
    assert lines == ["To chuc ngay hoi van hoa cua cac quan huyen va thanh pho Ha Noi trong nam 2026.",
                     "Cac ban nganh va doan the cung tham gia thuc hien ke hoach nay."]
