"""Print-ready documents (issue 13): Decree 30 layout in DOCX and HTML, checked rule by rule, and the
fidelity of the text to the plan. The layout rules and their sources: shared/domain-2025.md, section B.

The LibreOffice test converts the DOCX to PDF and reads the text page by page; it also leaves page
images of the Quảng Ngãi decision in tests/output/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from plandsl.project.loader import load
from plandsl.render import render
from plandsl.render.metrics import width_mm

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "ctxh"
OUTPUT = ROOT / "tests" / "output"
QN = "qn_ctxh_2021"
TEXT_WIDTH_MM = 165


@pytest.fixture(scope="module")
def qn_docx() -> bytes:
    result = render(load([str(FIXTURES)]), QN, "docx")
    assert result.ok, result.diagnostics
    return result.data


@pytest.fixture(scope="module")
def doc(qn_docx):
    return docx.Document(io.BytesIO(qn_docx))


def _mm(length) -> float:
    return length / 36000


def _rule_length_mm(p, room_mm: float) -> float:
    fmt = p.paragraph_format
    return room_mm - _mm(fmt.left_indent or 0) - _mm(fmt.right_indent or 0)


def _has_top_border(p) -> bool:
    return bool(p._p.xpath("./w:pPr/w:pBdr/w:top[@w:val='single']"))


# ------------------------------------------------------------------ page numbers


def test_page_numbers_top_centre_none_on_the_first_page(doc):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    # The decision and the attached plan: each starts a new page (a section), the pages numbered through.
    first_section, plan_section = doc.sections
    assert first_section.different_first_page_header_footer
    assert first_section._sectPr.xpath("./w:pgNumType/@w:start") == ["1"]
    assert not plan_section.different_first_page_header_footer  # the plan's first page is numbered
    assert not plan_section._sectPr.xpath("./w:pgNumType/@w:start") and plan_section.header.is_linked_to_previous
    header = doc.sections[0].header
    p = header.paragraphs[0]
    assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" in "".join(p._p.xpath(".//w:instrText/text()"))
    assert {r.font.size for r in p.runs} == {Pt(13)}  # 13-14 pt
    first = doc.sections[0].first_page_header
    assert not first.is_linked_to_previous and not first._element.xpath(".//w:instrText")


# ------------------------------------------------------------------ header


def test_header_table_fits_the_national_title_on_one_line(doc):
    header = doc.tables[0]
    left, right = header.columns
    title_mm = width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True)
    assert _mm(right.width) >= title_mm + 2 * 1.9  # the title and Word's cell margins
    assert abs(_mm(left.width) + _mm(right.width) - TEXT_WIDTH_MM) < 1
    assert header._tbl.xpath("./w:tblPr/w:tblLayout/@w:type") == ["fixed"]
    title = header.rows[0].cells[1].paragraphs[0]
    assert title.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert all(r.bold for r in title.runs) and {r.font.size for r in title.runs} == {Pt(13)}


def test_header_rules(doc):
    """Motto: a line as long as itself. Issuing body and trích yếu: a third to a half of their line."""
    header = doc.tables[0]
    left_cell, right_cell = header.rows[0].cells
    room_right = _mm(header.columns[1].width) - 2 * 1.9
    motto = next(p for p in right_cell.paragraphs if p.text == "Độc lập - Tự do - Hạnh phúc")
    rule = right_cell.paragraphs[-1]  # right under the motto
    assert _has_top_border(rule) and rule.text == ""
    assert abs(_rule_length_mm(rule, room_right) - width_mm(motto.text, 14, bold=True)) < 0.5
    assert {r.font.size for r in motto.runs} == {Pt(14)}
    room_left = _mm(header.columns[0].width) - 2 * 1.9
    body_rule = left_cell.paragraphs[-1]
    assert _has_top_border(body_rule)
    body = max(width_mm(p.text, 13, bold=True) for p in left_cell.paragraphs if p.text)
    assert body / 3 <= _rule_length_mm(body_rule, room_left) <= body / 2
    # The trích yếu (the bold line under QUYẾT ĐỊNH) has its line right under it.
    paragraphs = doc.paragraphs
    i = next(i for i, p in enumerate(paragraphs) if p.text == "QUYẾT ĐỊNH")
    summary, rule = paragraphs[i + 1], paragraphs[i + 2]
    assert summary.text.startswith("Ban hành Kế hoạch") and _has_top_border(rule)
    line = min(width_mm(summary.text, 14, bold=True), TEXT_WIDTH_MM)
    assert line / 3 <= _rule_length_mm(rule, TEXT_WIDTH_MM) <= line / 2


def test_number_sits_level_with_the_date(doc):
    header = doc.tables[0]
    number, place_date = header.rows[1].cells
    assert number.text == "Số: 255/QĐ-UBND" and place_date.text.startswith("Quảng Ngãi, ngày 19 tháng 4 năm 2021")
    pn, pd = number.paragraphs[0], place_date.paragraphs[0]
    assert pn.paragraph_format.space_before == pd.paragraph_format.space_before
    assert all(r.italic for r in pd.runs) and not any(r.italic for r in pn.runs)


# ------------------------------------------------------------------ spacing


def test_spacing(doc):
    from docx.enum.text import WD_LINE_SPACING

    body = [p for p in doc.paragraphs if p.text.startswith(("Căn cứ", "Điều ", "Tiếp tục đẩy mạnh"))]
    assert len(body) >= 6
    for p in body:
        fmt = p.paragraph_format
        assert fmt.space_after == Pt(6) and fmt.line_spacing_rule == WD_LINE_SPACING.SINGLE
        assert abs(_mm(fmt.first_line_indent) - 10) < 0.1  # 1 cm
    for table in (doc.tables[0], doc.tables[1]):  # the header and the signature: nothing between lines
        for cell in (c for row in table.rows for c in row.cells):
            for p in cell.paragraphs:
                assert p.paragraph_format.space_after in (None, Pt(0))
                assert p.paragraph_format.line_spacing_rule in (WD_LINE_SPACING.SINGLE, WD_LINE_SPACING.EXACTLY)
    defaults = doc.styles.element.xpath("./w:docDefaults/w:pPrDefault/w:pPr/w:spacing")[0]
    assert defaults.get(qn("w:line")) == "240" and defaults.get(qn("w:after")) == "0"


# ------------------------------------------------------------------ signature


def test_signature_block_and_recipients_never_split(doc):
    table = doc.tables[1]
    assert len(table.rows) == 1 and table.rows[0]._tr.xpath("./w:trPr/w:cantSplit")
    left, right = table.rows[0].cells
    paragraphs = left.paragraphs + right.paragraphs
    assert all(p.paragraph_format.keep_together for p in paragraphs)
    assert all(p.paragraph_format.keep_with_next for p in right.paragraphs[:-1])
    # The last article stays on the page of the signature.
    body = table._tbl.getprevious()
    assert body.tag == qn("w:p") and body.xpath("./w:pPr/w:keepNext")
    assert [p.text for p in right.paragraphs if p.text] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                                             "Võ Phiên"]


def test_recipients_sizes(doc):
    """Nơi nhận: 12 pt bold italic; the recipients 11 pt (NĐ 30 Phụ lục I, domain-2025.md B)."""
    left = doc.tables[1].rows[0].cells[0]
    label = left.paragraphs[0]
    assert label.text == "Nơi nhận:"
    assert all(r.bold and r.italic and r.font.size == Pt(12) for r in label.runs)
    items = left.paragraphs[1:]
    assert items[0].text == "- Như Điều 4;" and items[-1].text == "- Lưu: VT, KGVXBTHM177."
    for p in items:
        assert all(r.font.size == Pt(11) and not r.bold and not r.italic for r in p.runs)


# ------------------------------------------------------------------ language and properties


def test_language_is_vietnamese(qn_docx, doc):
    langs = doc.styles.element.xpath("//w:lang/@w:val")
    assert langs and set(langs) == {"vi-VN"}
    normal = doc.styles["Normal"].element.xpath("./w:rPr/w:lang/@w:val")
    assert normal == ["vi-VN"]
    assert b"en-US" not in _part(qn_docx, "word/styles.xml")


def test_core_properties(doc, qn_docx):
    cp = doc.core_properties
    assert cp.title.startswith("Quyết định số 255/QĐ-UBND ban hành Kế hoạch thực hiện Chương trình")
    assert cp.author == "Ủy ban nhân dân tỉnh Quảng Ngãi" and cp.last_modified_by == cp.author
    assert cp.created.date().isoformat() == "2021-04-19"
    assert cp.language == "vi-VN"
    core = _part(qn_docx, "docProps/core.xml").decode("utf-8").lower()
    assert "python-docx" not in core and "plandsl" not in core and "generated" not in core
    import zipfile

    names = zipfile.ZipFile(io.BytesIO(qn_docx)).namelist()
    assert "docProps/thumbnail.jpeg" not in names  # the template's picture is not this document
    assert b"Macintosh" not in _part(qn_docx, "docProps/app.xml")


def _part(data: bytes, name: str) -> bytes:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read(name)


# ------------------------------------------------------------------ comparison table


CHILD = """\
plan child {
  title "Kế hoạch thực hiện Chương trình trên địa bàn huyện An Lão"
  level district
  jurisdiction "Huyện An Lão"
  instrument "57/KH-UBND" dated 2021-05-18 { signer "CHỦ TỊCH" signatory "Nguyễn Văn A" }
  period 2021..2030
  phase p1 2021..2025
  phase p2 2026..2030
  implements ctxh_112
  objective trained {
    indicator "Tỷ lệ cán bộ được đào tạo, bồi dưỡng"
    unit %
    target p1 at_least 25%
  }
  objective staffing {
    text "Đạt 50% số cơ quan, tổ chức, trường học, Trung tâm y tế, xã, thị trấn bố trí nhân sự làm công tác xã hội."
    target p1 50%
  }
  adopt children
  waive facilities "Huyện chưa có cơ sở trợ giúp xã hội"
  waive counselled "Chưa có số liệu"
}
"""


@pytest.fixture()
def child_specs(tmp_path, write_spec):
    shutil.copy(FIXTURES / "national.plan", tmp_path / "national.plan")
    write_spec("child.plan", CHILD)
    return load([str(tmp_path)])


def test_comparison_table_layout(child_specs):
    result = render(child_specs, "child", "docx", compare=True)
    assert result.ok, result.diagnostics
    d = docx.Document(io.BytesIO(result.data))
    table = d.tables[-1]
    head = table.rows[0]
    assert [c.text for c in head.cells][:3] == ["STT", "Chỉ tiêu", "Giai đoạn / năm"]
    assert head._tr.xpath("./w:trPr/w:tblHeader")  # repeats on every page
    assert all(row._tr.xpath("./w:trPr/w:cantSplit") for row in table.rows)  # rows do not split
    widths = [_mm(c.width) for c in table.columns]
    assert abs(sum(widths) - TEXT_WIDTH_MM) < 1
    for j, col in enumerate(table.columns):  # every column holds its longest word
        longest = max(width_mm(w, 12, bold=True) for row in table.rows for w in row.cells[j].text.split() or [""])
        assert widths[j] >= longest + 2 * 1.9, (j, widths[j], longest)
    assert widths[1] > widths[0] * 3  # the indicator column gets the room, not STT
    weaker = [row for row in table.rows[1:] if "Thấp hơn chỉ tiêu cấp trên" in row.cells[5].text]
    assert weaker
    for row in weaker:  # marked in the text and in bold: survives black-and-white printing
        cell = row.cells[3]
        assert cell.text.endswith("(*)") and all(r.bold for r in cell.paragraphs[0].runs)
    assert any(p.text == "(*) Thấp hơn chỉ tiêu cấp trên." for p in d.paragraphs)
    # Every parent objective is in the table, the adopted and the waived ones too.
    names = " ".join(row.cells[1].text for row in table.rows)
    assert "Trẻ em mồ côi" in names and "Tỷ lệ người có hoàn cảnh khó khăn" in names


def test_comparison_table_html(child_specs):
    html = render(child_specs, "child", "html", compare=True).data.decode("utf-8")
    assert "<thead>" in html and "table.data tr { break-inside: avoid;" in html
    assert "<td><b>tối thiểu 25% (*)</b></td>" in html


# ------------------------------------------------------------------ who signs


LANG_SON = """\
plan ls {
  title "Kế hoạch thực hiện Đề án phát triển nghề công tác xã hội tỉnh Lạng Sơn giai đoạn 2011-2015"
  level province
  jurisdiction "Tỉnh Lạng Sơn"
  issuer "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn"
  instrument "411/QĐ-UBND" dated 2011-03-22 { signer "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" signatory "Nguyễn Văn A" }
}
"""


def test_a_decision_of_the_chairman_has_no_tm_line_and_a_body_letterhead(write_spec):
    specs = load([write_spec("ls.plan", LANG_SON)])
    md = render(specs, "ls", "md").data.decode("utf-8")
    assert md.startswith("| **ỦY BAN NHÂN DÂN**<br>**TỈNH LẠNG SƠN**")  # the body, never the authority
    assert "**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN**" in md  # the authority, above the căn cứ lines
    assert "TM. ỦY BAN NHÂN DÂN" not in md
    assert "**KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**" in md
    assert "(Ban hành kèm theo Quyết định số 411/QĐ-UBND ngày 22/3/2011 của Chủ tịch Ủy ban nhân dân tỉnh " \
           "Lạng Sơn)" in md
    d = docx.Document(io.BytesIO(render(specs, "ls", "docx").data))
    assert d.core_properties.author == "Ủy ban nhân dân tỉnh Lạng Sơn"


def test_stated_letterhead_and_authority_win(write_spec):
    text = LANG_SON.replace('  issuer "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn"\n',
                            '  letterhead "ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"\n'
                            '  authority "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"\n')
    md = render(load([write_spec("ls.plan", text)]), "ls", "md").data.decode("utf-8")
    assert md.startswith("| **ỦY BAN NHÂN DÂN**<br>**TỈNH LẠNG SƠN**")
    assert "**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH**\n" in md and "TM. ỦY BAN NHÂN DÂN" not in md
    assert "của Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn)" in md


@pytest.mark.parametrize("signer, lines", [
    ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ("CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    ("Q. CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"]),
    ("TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG", ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]),
    ("TUQ. CHỦ TỊCH / GIÁM ĐỐC SỞ NỘI VỤ", ["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"]),
    ("KT.CHỦ TỊCH / PHÓ CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
])
def test_signing_lines_follow_who_signs(signer, lines):
    from plandsl.render.parties import signer_lines

    assert signer_lines(signer, "ỦY BAN NHÂN DÂN") == lines
    assert signer_lines(signer, None) == [x for x in lines if not x.startswith("TM.")]


# ------------------------------------------------------------------ fidelity


HA_NAM = """\
kế_hoạch hn {
  tên "Kế hoạch thực hiện Đề án Phát triển nghề Công tác xã hội giai đoạn đến 2020"
  cấp tỉnh
  địa_bàn "Tỉnh Hà Nam"
  cơ_quan_ban_hành "Ủy ban nhân dân tỉnh Hà Nam"
  văn_bản "12/KH-UBND" ngày 2016-09-01 { thẩm_quyền_ký "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" người_ký "Bùi Quang Cẩm" }
  căn_cứ "Luật Tổ chức chính quyền địa phương" ngày 2015-06-19
  căn_cứ "Quyết định của Thủ tướng chính phủ về việc phê duyệt đề án phát triển nghề Công tác xã hội giai đoạn 2010-2020" số "32/2010/QĐ-TTg" ngày 2010-03-25
  căn_cứ "Quyết định của Bộ trưởng, Bộ Lao động - Thương binh và Xã hội về ban hành Kế hoạch tổng thể thực hiện Đề án phát triển nghề Công tác xã hội giai đoạn 2016-2020" số "990/QĐ-LĐTBXH" ngày 2016-07-22
  thời_kỳ 2016..2020
}
"""


def test_thuc_hien_cites_every_implemented_decision(write_spec):
    md = render(load([write_spec("hn.plan", HA_NAM)]), "hn", "md").data.decode("utf-8")
    intro = next(line for line in md.splitlines() if line.startswith("Thực hiện "))
    assert "Quyết định số 32/2010/QĐ-TTg ngày 25/3/2010" in intro
    assert "; Quyết định số 990/QĐ-LĐTBXH ngày 22/7/2016" in intro
    assert "Luật" not in intro  # a law is a căn cứ, not something a plan implements
    assert intro.endswith("Ủy ban nhân dân tỉnh Hà Nam ban hành Kế hoạch triển khai thực hiện trên địa bàn tỉnh "
                          "Hà Nam như sau:")


def test_thuc_hien_uses_the_implementing_references(write_spec):
    text = HA_NAM.replace("  thời_kỳ", '  thực_hiện_văn_bản "Công văn về việc triển khai thực hiện Đề án" số '
                                      '"2144/LĐTBXH-BTXH" ngày 2017-06-01 của "Bộ Lao động - Thương binh và Xã hội"\n'
                                      '  thời_kỳ')
    md = render(load([write_spec("hn.plan", text)]), "hn", "md").data.decode("utf-8")
    intro = next(line for line in md.splitlines() if line.startswith("Thực hiện "))
    assert intro.startswith("Thực hiện Công văn số 2144/LĐTBXH-BTXH ngày 01/6/2017 của Bộ Lao động - Thương binh "
                            "và Xã hội về việc triển khai thực hiện Đề án, ")
    assert "32/2010" not in intro  # the stated references replace the derived ones


def test_a_parent_not_cited_among_the_bases_is_cited_from_its_instrument(child_specs):
    md = render(child_specs, "child", "md").data.decode("utf-8")
    assert ("Thực hiện Quyết định số 112/QĐ-TTg ngày 22/01/2021 của Thủ tướng Chính phủ ban hành Chương trình "
            "phát triển công tác xã hội giai đoạn 2021-2030, Ủy ban nhân dân huyện An Lão ban hành") in md


def _phases(md: str) -> str:
    start = md.index("Mục tiêu cụ thể")
    return md[start:md.index("\n| ", start)]


def test_adopted_targets_restated_marked_or_omitted(child_specs):
    restate = _phases(render(child_specs, "child", "md").data.decode("utf-8"))
    assert "- Tối thiểu 90% trẻ em mồ côi" in restate and "theo chỉ tiêu của" not in restate
    mark = _phases(render(child_specs, "child", "md", adopted="mark").data.decode("utf-8"))
    assert ("- Tối thiểu 90% trẻ em mồ côi không nơi nương tựa, trẻ em bị bỏ rơi, trẻ em nhiễm HIV/AIDS, trẻ em là "
            "nạn nhân chất độc hóa học") in mark
    assert "(theo chỉ tiêu của Chương trình phát triển công tác xã hội giai đoạn 2021-2030)." in mark
    omitted = render(child_specs, "child", "md", adopted="omit", compare=True).data.decode("utf-8")
    assert "trẻ em mồ côi" not in _phases(omitted)
    table = omitted[omitted.index("BẢNG SO SÁNH"):]
    assert "Trẻ em mồ côi" in table  # the comparison table keeps showing all


def test_targets_the_plan_never_set_are_not_printed(child_specs):
    """The child sets `trained` for p1 only: the parent's p2 target (100%) is not the child's."""
    md = render(child_specs, "child", "md").data.decode("utf-8")
    phases = _phases(md)
    assert "25%" in phases and "100%" not in phases
    marked = _phases(render(child_specs, "child", "md", adopted="mark").data.decode("utf-8"))
    assert "Tỷ lệ cán bộ được đào tạo, bồi dưỡng đạt 100% (theo chỉ tiêu của Chương trình" in marked


def test_objectives_from_their_full_text(child_specs):
    md = render(child_specs, "child", "md").data.decode("utf-8")
    assert "- Đạt 50% số cơ quan, tổ chức, trường học, Trung tâm y tế, xã, thị trấn bố trí nhân sự làm công tác " \
           "xã hội." in _phases(md)


# ------------------------------------------------------------------ HTML print CSS


def test_html_print_rules():
    html = render(load([str(FIXTURES)]), QN, "html").data.decode("utf-8")
    assert "@top-center { content: counter(page);" in html and "@page :first { @top-center { content: none; } }" in html
    assert "table.signature { break-inside: avoid;" in html
    assert ".national { white-space: nowrap; }" in html
    assert '<tr><td class="number">Số: 255/QĐ-UBND</td><td class="place-date">Quảng Ngãi, ngày 19 tháng 4 năm 2021' \
           '</td></tr>' in html
    assert "<title>Quyết định số 255/QĐ-UBND ban hành Kế hoạch" in html
    assert 'name="generator"' not in html


# ------------------------------------------------------------------ PDF through LibreOffice


def test_pdf_without_libreoffice_says_so(monkeypatch):
    import plandsl.render.pdf as pdf

    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    result = render(load([str(FIXTURES)]), QN, "pdf")
    assert result.data is None
    (diag,) = result.diagnostics
    assert diag.code == "RND012" and "LibreOffice" in diag.message and "libreoffice-writer" in diag.hint


needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                   reason="LibreOffice (soffice) and poppler-utils (pdftotext) are not installed")


@pytest.fixture(scope="module")
def qn_pdf(tmp_path_factory) -> Path:
    result = render(load([str(FIXTURES)]), QN, "pdf")
    assert result.ok, result.diagnostics
    path = tmp_path_factory.mktemp("pdf") / "quang-ngai.pdf"
    path.write_bytes(result.data)
    return path


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    return text.decode("utf-8").split("\f")


@needs_soffice
def test_pdf_pages(qn_pdf):
    assert qn_pdf.read_bytes()[:5] == b"%PDF-"
    pages = [p for p in _pages(qn_pdf) if p.strip()]
    first = pages[0]
    lines = [line.strip() for line in first.splitlines() if line.strip()]
    assert not lines[0].isdigit()  # no number on the first page
    # The national title and the motto each on one line.
    assert any(line.endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") for line in lines)
    assert any(line.endswith("Độc lập - Tự do - Hạnh phúc") for line in lines)
    # Số and the date on the same line.
    assert any("Số: 255/QĐ-UBND" in line and "Quảng Ngãi, ngày 19 tháng 4 năm 2021" in line for line in lines)
    # The signature block on one page: the name with "KT. CHỦ TỊCH".
    page = next(p for p in pages if "KT. CHỦ TỊCH" in p)
    assert "Võ Phiên" in page and "Nơi nhận:" in page and "Lưu: VT, KGVXBTHM177." in page
    # Page 2 starts with its number.
    second = [line.strip() for line in pages[1].splitlines() if line.strip()]
    assert second[0] == "2"


@needs_soffice
def test_pdf_page_images_for_review(qn_pdf):
    """Page images of the Quảng Ngãi decision, kept in tests/output/ for a person to look at (not compared)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) is not installed")
    OUTPUT.mkdir(exist_ok=True)
    shutil.copy(qn_pdf, OUTPUT / "quang-ngai.pdf")
    for old in OUTPUT.glob("quang-ngai-page-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(qn_pdf), str(OUTPUT / "quang-ngai-page")], check=True)
    assert len(list(OUTPUT.glob("quang-ngai-page-*.png"))) >= 2


@needs_soffice
def test_cli_render_pdf(tmp_path):
    from plandsl.cli import main

    out = tmp_path / "qn.pdf"
    assert main(["render", QN, str(FIXTURES), "-o", str(out)]) == 0
    assert out.read_bytes()[:5] == b"%PDF-"


VINH_LONG = """\
plan vl {
  kind "Kế hoạch"
  title "Kế hoạch thực hiện Đề án Đổi mới, phát triển trợ giúp xã hội trên địa bàn tỉnh Vĩnh Long"
  level province
  jurisdiction "Tỉnh Vĩnh Long"
  letterhead "UBND TỈNH VĨNH LONG", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"
  issuer "Sở Lao động - Thương binh và Xã hội tỉnh Vĩnh Long"
  instrument "18/KH-SLĐTBXH" dated 2018-04-13 { place "Vĩnh Long" signer "GIÁM ĐỐC" signatory "Nguyễn Văn B" }
  approved_by "Quyết định phê duyệt Kế hoạch" number "123/QĐ-UBND" dated 2018-05-02 by "Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long" {
    place "Vĩnh Long"
    signer "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    signatory "Lữ Quang Ngời"
  }
}
"""


def test_a_plan_approved_by_another_bodys_decision(write_spec):
    """A Sở's plan approved by the Chủ tịch UBND: the approving decision, then the Sở's own plan."""
    result = render(load([write_spec("vl.plan", VINH_LONG)]), "vl", "md")
    assert result.ok, result.diagnostics
    assert result.parts == ("decision", "plan")
    md = result.data.decode("utf-8")
    decision, plan = md.split("\n---\n")
    assert decision.startswith("| **ỦY BAN NHÂN DÂN**<br>**TỈNH VĨNH LONG**<br>Số: 123/QĐ-UBND |")
    assert "*Vĩnh Long, ngày 02 tháng 5 năm 2018*" in decision
    assert "**Phê duyệt Kế hoạch thực hiện Đề án Đổi mới" in decision
    assert "**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VĨNH LONG**" in decision
    assert ("**Điều 1.** Phê duyệt Kế hoạch thực hiện Đề án Đổi mới, phát triển trợ giúp xã hội trên địa bàn tỉnh "
            "Vĩnh Long (kèm theo Kế hoạch số 18/KH-SLĐTBXH ngày 13/4/2018 của Sở Lao động - Thương binh và Xã hội "
            "tỉnh Vĩnh Long).") in decision
    assert "**KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**<br><br><br>**Lữ Quang Ngời**" in decision
    assert "TM." not in md  # neither the Chủ tịch nor the Giám đốc signs for a collective body
    assert plan.lstrip().startswith("| UBND TỈNH VĨNH LONG<br>**SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI**<br>"
                                    "Số: 18/KH-SLĐTBXH |")
    assert "*Vĩnh Long, ngày 13 tháng 4 năm 2018*" in plan
    assert ("*(Phê duyệt tại Quyết định số 123/QĐ-UBND ngày 02/5/2018 của Chủ tịch Ủy ban nhân dân tỉnh "
            "Vĩnh Long)*") in plan
    assert "**GIÁM ĐỐC**<br><br><br>**Nguyễn Văn B**" in plan
    d = docx.Document(io.BytesIO(render(load([write_spec("vl.plan", VINH_LONG)]), "vl", "docx").data))
    assert d.core_properties.title.startswith("Quyết định số 123/QĐ-UBND phê duyệt Kế hoạch")
    assert d.core_properties.author == "Ủy ban nhân dân tỉnh Vĩnh Long"


def test_tm_for_a_person_is_a_warning(write_spec):
    text = LANG_SON.replace('signer "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"', 'signer "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"')
    result = render(load([write_spec("ls.plan", text)]), "ls", "md")
    assert result.ok  # rendered as written, with a warning
    (diag,) = [d for d in result.diagnostics if d.code == "RND014"]
    assert "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn" in diag.message and diag.span.line == 6


def test_a_maintained_target_reads_duy_tri(tmp_path, write_spec):
    text = CHILD.replace("    target p1 at_least 25%\n", "    maintain p1 at_least 25%\n")
    shutil.copy(FIXTURES / "national.plan", tmp_path / "national.plan")
    write_spec("child.plan", text)
    md = render(load([str(tmp_path)]), "child", "md").data.decode("utf-8")
    assert "- Duy trì tỷ lệ cán bộ được đào tạo, bồi dưỡng đạt tối thiểu 25% hằng năm." in _phases(md)


def test_an_approving_decision_not_numbered_yet(write_spec):
    """No number or date on the approving decision (a draft, or a copy without them): blanks, as drafts print."""
    text = VINH_LONG.replace(' number "123/QĐ-UBND" dated 2018-05-02', "") \
        .replace('{ place "Vĩnh Long" signer "GIÁM ĐỐC" signatory "Nguyễn Văn B" }', '{ place "Vĩnh Long" }') \
        .replace('  issuer "Sở Lao động', '  task t { text "Triển khai." lead "Giám đốc Sở Lao động - Thương binh và Xã hội" '
                                        'support "Các Sở, ngành liên quan" }\n  issuer "Sở Lao động')
    result = render(load([write_spec("vl.plan", text)]), "vl", "md")
    assert result.ok, result.diagnostics  # the plan's own signature is optional under an approving decision
    md = result.data.decode("utf-8")
    decision, plan = md.split("\n---\n")
    assert "<br>Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/QĐ-UBND |" in decision
    assert "*Vĩnh Long, ngày \u00a0" in decision
    assert "**KT. CHỦ TỊCH**" in decision and "TM." not in md
    assert "Giám đốc các Sở" not in decision and "Thủ trưởng Giám đốc" not in decision and "Thủ trưởng Các" not in md
    assert "*(Phê duyệt tại Quyết định của Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long)*" in plan
    assert "**GIÁM ĐỐC**" not in plan and "Nơi nhận" not in plan


def test_article_of_executors_names_each_agency_once(write_spec):
    text = LANG_SON.replace("  instrument", '  task a { text "A." lead "Sở Lao động – Thương binh và Xã hội" }\n'
                                          '  task b { text "B." lead "Lao động - Thương binh và Xã hội" '
                                          'support "Sở Nội vụ" }\n  instrument')
    md = render(load([write_spec("ls.plan", text)]), "ls", "md").data.decode("utf-8")
    article = next(line for line in md.splitlines() if line.startswith("**Điều 4.**"))
    assert article.count("Thương binh và Xã hội") == 1 and "Thủ trưởng Lao động" not in article
    assert "Giám đốc các Sở: Lao động – Thương binh và Xã hội, Nội vụ;" in article


def _chromium() -> str | None:
    return next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


@pytest.mark.skipif(_chromium() is None or shutil.which("pdftotext") is None,
                    reason="chromium and poppler-utils (pdftotext) are not installed")
def test_html_prints_with_page_numbers_from_page_two(tmp_path):
    html = tmp_path / "qn.html"
    html.write_bytes(render(load([str(FIXTURES)]), QN, "html").data)
    pdf = tmp_path / "qn.pdf"
    subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}", html.as_uri()],
                   capture_output=True, timeout=120, check=False)
    if not pdf.exists():
        pytest.skip("chromium could not print here")
    pages = [p for p in _pages(pdf) if p.strip()]
    assert len(pages) >= 2
    first = [line.strip() for line in pages[0].splitlines() if line.strip()]
    second = [line.strip() for line in pages[1].splitlines() if line.strip()]
    assert not first[0].isdigit() and second[0] == "2"
    assert any(line.endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") for line in first)
    assert any("Số: 255/QĐ-UBND" in line and "Quảng Ngãi, ngày 19 tháng 4 năm 2021" in line for line in first)
    page = next(p for p in pages if "KT. CHỦ TỊCH" in p)
    assert "Võ Phiên" in page and "Lưu: VT, KGVXBTHM177." in page
