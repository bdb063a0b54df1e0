"""Round 18 (brief h12c, issue 10): the Word reader and the Nơi nhận / signature table that ends a signed plan.

A .docx signature table is often two rows, "Nơi nhận:" beside "KT. CHỦ TỊCH", then the recipients beside
"PHÓ CHỦ TỊCH" / (blank lines) / the name; read row by row, its cells came out interleaved (recipients cut by
the signature). A .doc converted by LibreOffice keeps an empty spacer column between the two (three columns),
so the table was taken for a table of data and came out as one "| … | | … |" row, every cell's lines joined,
and a recipient pushed onto its line with spaces instead of a line break stayed on the line before. The
texts here are made up. The .doc shape is built directly as a .docx (what LibreOffice writes for the .doc):
python-docx's table does not survive a round trip through LibreOffice's .doc export."""

from __future__ import annotations

from pathlib import Path

import pytest

RECIPIENTS = ["- Thường trực Tỉnh ủy;", "- Các sở, ban, ngành thuộc tỉnh;", "- UBND các xã, phường;", "- Lưu: VT."]


def _plan(doc) -> None:
    head = doc.add_table(rows=2, cols=2)
    head.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    head.cell(1, 0).text = "Số: 15/KH-UBND"
    head.cell(1, 1).text = "Hòa Bình, ngày 12 tháng 01 năm 2026"
    for line in ("KẾ HOẠCH", "Kiểm tra công tác cải cách hành chính năm 2026", "I. MỤC ĐÍCH, YÊU CẦU",
                 "1. Đánh giá kết quả thực hiện nhiệm vụ cải cách hành chính.", "II. TỔ CHỨC THỰC HIỆN",
                 "Sở Nội vụ chủ trì theo dõi, đôn đốc thực hiện kế hoạch này./."):
        doc.add_paragraph(line)


def _two_row_signature(path: Path) -> Path:
    import docx

    doc = docx.Document()
    _plan(doc)
    sig = doc.add_table(rows=2, cols=2)
    sig.cell(0, 0).text = "Nơi nhận:"
    sig.cell(0, 1).text = "KT. CHỦ TỊCH"
    sig.cell(1, 0).text = "\n".join(RECIPIENTS).replace("\n", "\u2029")
    sig.cell(1, 1).text = "PHÓ CHỦ TỊCH\u2029\u2029\u2029Trần Văn Bình"
    for cell in (sig.cell(1, 0), sig.cell(1, 1)):  # one paragraph a line, as Word writes them
        text = cell.text
        cell.paragraphs[0].text = ""
        parts = text.split("\u2029")
        cell.paragraphs[0].add_run(parts[0])
        for part in parts[1:]:
            cell.add_paragraph(part)
    doc.save(str(path))
    return path


def _spacer_column_signature(path: Path) -> Path:
    """The shape LibreOffice writes for a .doc: one row, three columns, the middle one empty; the recipients with
    line breaks inside a paragraph and one pushed onto its line with spaces."""
    import docx

    doc = docx.Document()
    _plan(doc)
    from docx.shared import Cm

    sig = doc.add_table(rows=1, cols=3)
    for cell, width in zip(sig.rows[0].cells, (Cm(7), Cm(3), Cm(6))):
        cell.width = width
    left = sig.cell(0, 0).paragraphs[0]
    left.add_run("Nơi nhận:")
    left.add_run().add_break()
    left.add_run(RECIPIENTS[0] + " " * 30 + RECIPIENTS[1])
    for line in RECIPIENTS[2:]:
        sig.cell(0, 0).add_paragraph(line)
    right = sig.cell(0, 2)
    right.paragraphs[0].add_run(" KT. CHỦ TỊCH")
    for line in ("PHÓ CHỦ TỊCH", "", "  ", "   Trần Văn Bình"):
        right.add_paragraph(line)
    doc.save(str(path))
    return path


def _lines(path: Path) -> list[str]:
    from plandsl.importer.readers import read

    return [line.text for line in read(str(path)).lines]


SIGNED = ["Nơi nhận:", *RECIPIENTS, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình"]


def test_a_two_row_signature_table_keeps_the_recipients_and_the_signature_together(tmp_path):
    lines = _lines(_two_row_signature(tmp_path / "plan.docx"))
    assert lines[-len(SIGNED):] == SIGNED
    # the header table is still read row by row: issuer, Quốc hiệu, then number, then place and date
    assert lines[:6] == ["ỦY BAN NHÂN DÂN", "TỈNH HÒA BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Số: 15/KH-UBND", "Hòa Bình, ngày 12 tháng 01 năm 2026"]


def test_a_signature_table_with_a_spacer_column_is_not_a_table_of_data(tmp_path):
    lines = _lines(_spacer_column_signature(tmp_path / "plan.docx"))
    assert not any(line.startswith("|") for line in lines)
    assert lines[-len(SIGNED):] == SIGNED


def _draft(path: Path) -> str:
    from plandsl.importer import import_document

    return import_document(str(path)).text


@pytest.mark.parametrize("build", [_two_row_signature, _spacer_column_signature])
def test_the_draft_has_the_recipients_and_the_signer(tmp_path, build):
    text = _draft(build(tmp_path / "plan.docx"))
    assert 'nơi_nhận "Thường trực Tỉnh ủy", "Các sở, ban, ngành thuộc tỉnh", "UBND các xã, phường", "Lưu: VT"' \
        in text
    assert 'thẩm_quyền_ký "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"' in text and 'người_ký "Trần Văn Bình"' in text
