"""The PDF reader on signed PDFs (issue 10, after the twenty-fifth held-out set): made-up PDFs written by hand."""

from __future__ import annotations

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
    out = b"%PDF-1.4\n"
    offsets = []
    for n, obj in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


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
