"""An OCR'd issuer's place name with a misread mark (issue 10, after the twenty-eighth held-out set: "HUYỆN HIỆP HÓA"
for "HIỆP HÒA" in a scanned district plan): the issuer is spelled as the unit registry spells the unit it resolves
to, with a review note; the same letterhead typed in a text file is kept as written. Every text here is made up."""

from __future__ import annotations

from import_docs import draft

from plandsl.importer import import_document
from plandsl.importer.document import Document, assemble
from plandsl.language.parser import parse_text

_TEXT = ("ỦY BAN NHÂN DÂN\nHUYỆN HIỆP HÓA\nSố: 31/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\nHiệp Hòa, ngày 05 tháng 3 năm 2026\nKẾ HOẠCH\n"
         "Phát triển thư viện trường học trên địa bàn huyện năm 2026\n"
         "I. MỤC TIÊU\nNâng cao chất lượng thư viện trong các trường học.\n")


def _ocr_import(monkeypatch, tmp_path):
    from plandsl.importer import readers

    raw = [(line, f"line {n}") for n, line in enumerate(_TEXT.splitlines(), start=1)]
    monkeypatch.setattr(readers, "read", lambda path: Document(path, assemble(raw, ocr=True), "ocr", []))
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    return import_document(str(path), keywords="en")


def test_an_ocr_misread_mark_in_the_issuers_place_takes_the_registrys_spelling(monkeypatch, tmp_path):
    result = _ocr_import(monkeypatch, tmp_path)
    plan = parse_text(result.text).plan
    assert plan.issuer == "Ủy ban nhân dân huyện Hiệp Hòa"
    assert "Hiệp Hóa" in result.text  # the OCR's reading, named in the review note


def test_a_typed_letterhead_is_kept_as_written():
    _result, plan = draft(_TEXT)
    assert plan.issuer == "Ủy ban nhân dân huyện Hiệp Hóa"
