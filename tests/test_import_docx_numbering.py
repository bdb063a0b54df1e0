"""Word documents: automatic numbering (importer/readers/numbering.py: the numbers Word draws before numbered
paragraphs are not in their text; a plan numbered that way imports to the same spec as the same plan with its numbers
typed), and text boxes (read after the paragraph that holds them). The plan is made up."""

from __future__ import annotations

import copy

from docx import Document
from docx.oxml import parse_xml

from plandsl.importer import import_document
from plandsl.importer.readers.numbering import Numbering

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEAD = ["ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ", "Số: 45/KH-UBND", "Tân Phú, ngày 12 tháng 3 năm 2026", "KẾ HOẠCH",
        "Phát triển công tác xã hội trên địa bàn xã năm 2026", "I. MỤC TIÊU",
        "Đến năm 2026, 90% người cao tuổi được chăm sóc sức khỏe ban đầu.", "II. NHIỆM VỤ"]
# (level, text): level 0 numbered "1.", level 1 "a)", level 2 a bullet "-".
ITEMS = [(0, "Tuyên truyền về công tác xã hội."), (1, "Tổ chức hội nghị phổ biến chính sách."),
         (1, "Đăng tin trên loa phát thanh của xã."), (2, "Cơ quan chủ trì: Công chức Văn hóa - Xã hội."),
         (0, "Rà soát đối tượng bảo trợ xã hội."), (1, "Lập danh sách hộ nghèo, hộ cận nghèo."),
         (0, "Kiện toàn đội ngũ cộng tác viên công tác xã hội.")]
TAIL = ["III. TỔ CHỨC THỰC HIỆN", "Văn phòng HĐND và UBND xã chủ trì theo dõi, báo cáo kết quả thực hiện."]
ABSTRACT = f"""<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf02d"/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def typed(path):
    doc = Document()
    for text in HEAD:
        doc.add_paragraph(text)
    counts = [0, 0]
    for level, text in ITEMS:
        if level == 0:
            counts = [counts[0] + 1, 0]
            label = f"{counts[0]}."
        elif level == 1:
            counts[1] += 1
            label = f"{chr(ord('a') + counts[1] - 1)})"
        else:
            label = "-"
        doc.add_paragraph(f"{label} {text}")
    for text in TAIL:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def numbered(path):
    doc = Document()
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT))  # abstractNum elements come before num elements
    numbering.append(parse_xml(NUM))
    for text in HEAD:
        doc.add_paragraph(text)
    for level, text in ITEMS:
        p = doc.add_paragraph(text)
        ppr = p._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    for text in TAIL:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def body(text: str) -> list[str]:
    """The spec without its comments (the comments name paragraphs, which are the same in both)."""
    return [line.split("#")[0].rstrip() for line in text.splitlines() if line.split("#")[0].strip()]


def test_an_automatically_numbered_plan_imports_as_the_same_plan_typed(tmp_path):
    auto = import_document(str(numbered(tmp_path / "auto.docx")), keywords="en").text
    hand = import_document(str(typed(tmp_path / "hand.docx")), keywords="en").text
    assert body(auto) == body(hand)
    assert 'task t1_b {' in auto and 'task t2_a {' in auto and 'task t3 {' in auto
    assert 'lead "Công chức Văn hóa - Xã hội"' in auto


def test_list_styles_levels_restart_and_formats(tmp_path):
    doc = Document()
    for text in ("một", "hai", "ba"):
        doc.add_paragraph(text, style="List Number")  # numbered by its style
    doc.add_paragraph("chấm", style="List Bullet")
    doc.add_paragraph("không số")
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT.replace('w:abstractNumId="90"', 'w:abstractNumId="91"').replace(
        '"decimal"/><w:lvlText w:val="%1."', '"upperRoman"/><w:lvlText w:val="%1."').replace(
        '"lowerLetter"/><w:lvlText w:val="%2)"', '"decimal"/><w:lvlText w:val="%1.%2."')))
    numbering.append(parse_xml(NUM.replace('"90"', '"91"')))
    for level in (0, 1, 1, 0, 1):
        p = doc.add_paragraph("x")
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="91"/></w:numPr>'))
    again = copy.deepcopy(parse_xml(NUM.replace('"90"', '"92"').replace('<w:abstractNumId w:val="92"/>',
                                                                         '<w:abstractNumId w:val="91"/>')))
    again.append(parse_xml(f'<w:lvlOverride xmlns:w="{W}" w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'))
    numbering.append(again)
    p = doc.add_paragraph("x")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="0"/><w:numId w:val="92"/></w:numPr>'))
    path = tmp_path / "lists.docx"
    doc.save(str(path))
    doc = Document(str(path))
    labels = Numbering(doc)
    assert [labels.label(p._p) for p in doc.paragraphs] == [
        "1.", "2.", "3.", "•", "", "I.", "I.1.", "I.2.", "II.", "II.1.", "I."]


def test_the_text_of_a_text_box_is_read_after_its_paragraph(tmp_path):
    # A signature or a Nơi nhận block drawn in a text box: python-docx's paragraph text leaves it out.
    doc = Document()
    for text in HEAD + [text for _level, text in ITEMS[:1]]:
        doc.add_paragraph(text)
    p = doc.add_paragraph("TM. ỦY BAN NHÂN DÂN")
    p._p.append(parse_xml(
        f'<w:r xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t>Nơi nhận:</w:t></w:r></w:p><w:p><w:r><w:t>- UBND huyện Tân Phú;</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>- Lưu: VT.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    # The same box as Word writes it today: a DrawingML text box with a VML copy for older readers (read once).
    p = doc.add_paragraph("Đã ký")
    p._p.append(parse_xml(
        f'<w:r xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Nguyễn Văn An</w:t></w:r></w:p>'
        '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Nguyễn Văn An</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    path = tmp_path / "box.docx"
    doc.save(str(path))
    text = import_document(str(path), keywords="en").text
    assert "UBND huyện Tân Phú" in text
    assert text.count("Nguyễn Văn An") == 1


def test_hyperlinks_and_tracked_changes_are_read_as_the_page_shows_them(tmp_path):
    # A number linked to its text on a legal site ("Căn cứ [Quyết định số 112/QĐ-TTg] …") and a figure changed with
    # tracked changes on (the inserted text shown, the deleted not): python-docx's runs leave both out.
    doc = Document()
    for text in HEAD[:6]:
        doc.add_paragraph(text)
    p = doc.add_paragraph("Căn cứ ")
    p._p.append(parse_xml(f'<w:hyperlink xmlns:w="{W}"><w:r><w:t>Quyết định số 112/QĐ-TTg</w:t></w:r></w:hyperlink>'))
    p._p.append(parse_xml(f'<w:r xmlns:w="{W}"><w:t xml:space="preserve"> ngày 22/01/2021 của Thủ tướng Chính phủ '
                          'phê duyệt Chương trình phát triển công tác xã hội giai đoạn 2021 - 2030;</w:t></w:r>'))
    doc.add_paragraph("I. MỤC TIÊU")
    p = doc.add_paragraph("Đến năm 2026, ")
    p._p.append(parse_xml(f'<w:ins xmlns:w="{W}" w:id="1" w:author="a"><w:r><w:t>95%</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del xmlns:w="{W}" w:id="2" w:author="a"><w:r><w:delText>80%</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:r xmlns:w="{W}"><w:t xml:space="preserve"> người cao tuổi được chăm sóc sức khỏe ban '
                          'đầu.</w:t></w:r>'))
    path = tmp_path / "links.docx"
    doc.save(str(path))
    text = import_document(str(path), keywords="en").text
    assert 'basis "Quyết định số 112/QĐ-TTg' in text or '"112/QĐ-TTg"' in text
    assert "target 2026 >= 95%" in text and "80%" not in text


def test_a_damaged_numbering_part_loses_the_numbers_not_the_text(tmp_path):
    doc = Document()
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT.replace('w:ilvl="1"', 'w:ilvl="x"')))
    numbering.append(parse_xml(NUM))
    p = doc.add_paragraph("Rà soát đối tượng bảo trợ xã hội.")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="x"/><w:numId w:val="90"/></w:numPr>'))
    path = tmp_path / "damaged.docx"
    doc.save(str(path))
    assert "Rà soát đối tượng bảo trợ xã hội." in import_document(str(path), keywords="en").text
