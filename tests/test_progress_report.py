"""The draft Báo cáo of `plandsl progress -o`: the Decree 30 checks of the decision render, charts, HTML, MD."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
pytest.importorskip("matplotlib")

from docx.shared import Pt  # noqa: E402

from plandsl.check.engine import Engine  # noqa: E402
from plandsl.progress import measure, read_actuals  # noqa: E402
from plandsl.render.metrics import width_mm  # noqa: E402

# The decision render's own checks, run here against the report (same fixture names: `doc`, `qn_docx`).
from test_render_print import (_has_top_border, _mm, _rule_length_mm,  # noqa: E402,F401
                               test_header_table_fits_the_national_title_on_one_line,
                               test_language_is_vietnamese)

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs"


@pytest.fixture(scope="module")
def progress():
    resolution = Engine.open([str(SPECS / "ctxh-2021-2030")]).resolution()
    actuals, diags = read_actuals(SPECS / "actuals" / "qng_ctxh_2021.csv")
    return measure(resolution, "qng_ctxh_2021", actuals, dt.date(2026, 12, 1), diags)


@pytest.fixture(scope="module")
def qn_docx(progress) -> bytes:
    from plandsl.cli.progress import _document

    return _document(progress, "docx")


@pytest.fixture(scope="module")
def doc(qn_docx):
    return docx.Document(io.BytesIO(qn_docx))


def test_page_numbers_top_centre_none_on_the_first_page(doc):
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    p = section.header.paragraphs[0]
    assert "PAGE" in "".join(p._p.xpath(".//w:instrText/text()"))
    assert not section.first_page_header._element.xpath(".//w:instrText")


def test_header_rules_number_and_date(doc):
    header = doc.tables[0]
    left_cell, right_cell = header.rows[0].cells
    room_right = _mm(header.columns[1].width) - 2 * 1.9
    rule = right_cell.paragraphs[-1]
    assert _has_top_border(rule)
    assert abs(_rule_length_mm(rule, room_right) - width_mm("Độc lập - Tự do - Hạnh phúc", 14, bold=True)) < 0.5
    body_rule = left_cell.paragraphs[-1]
    body = max(width_mm(p.text, 13, bold=True) for p in left_cell.paragraphs if p.text)
    assert body / 3 <= _rule_length_mm(body_rule, _mm(header.columns[0].width) - 2 * 1.9) <= body / 2
    number, place_date = header.rows[1].cells
    assert number.text.startswith("Số:") and "/BC-" in number.text
    assert place_date.text == "Quảng Ngãi, ngày 01 tháng 12 năm 2026"
    assert all(r.italic for r in place_date.paragraphs[0].runs)


def test_title_table_placeholders_and_charts(doc, qn_docx):
    texts = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in texts
    assert any(t.startswith("Kết quả sơ kết giai đoạn 2021-2025 thực hiện") for t in texts)
    assert any(t.startswith("II. TỒN TẠI, HẠN CHẾ") for t in texts) and any(t.startswith("III. KIẾN NGHỊ") for t in texts)
    table = doc.tables[1]
    assert [c.text for c in table.rows[0].cells] == ["TT", "Chỉ tiêu", "Năm", "Mục tiêu", "Thực hiện", "Đánh giá"]
    assert len(table.rows) == 11 and "Không đạt" in [c.text for c in table.rows[5].cells]
    assert not any("[[chart:" in t for t in texts)
    import zipfile

    pngs = [n for n in zipfile.ZipFile(io.BytesIO(qn_docx)).namelist() if n.endswith(".png")]
    assert len(pngs) == 5  # one chart per objective with actuals


def test_recipients_and_signature(doc):
    table = doc.tables[-1]
    assert table.rows[0]._tr.xpath("./w:trPr/w:cantSplit")
    left, right = table.rows[0].cells
    assert left.paragraphs[0].text == "Nơi nhận:"
    assert all(r.bold and r.italic and r.font.size == Pt(12) for r in left.paragraphs[0].runs)
    assert left.paragraphs[-1].text == "- Lưu: VT."
    assert [p.text for p in right.paragraphs if p.text] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_core_properties(doc):
    cp = doc.core_properties
    assert cp.title.startswith("Báo cáo kết quả sơ kết") and cp.author == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert cp.created.date().isoformat() == "2026-12-01" and cp.language == "vi-VN"


def test_html_and_md_escape_and_embed(progress):
    from plandsl.progress.document import render_report

    page = render_report(progress, "html").decode("utf-8")
    assert page.count('src="data:image/png;base64,') == 5 and "<script" not in page
    assert "Không đạt" in page and "&lt;" not in page.split("<body>")[0]
    md = render_report(progress, "md").decode("utf-8")
    assert md.count("](data:image/png;base64,") == 5 and "| TT | Chỉ tiêu |" in md
