"""Tables in an appendix (importer/celltable.py, importer/extract/matrix.py, importer/extract/task_table.py): a web copy that
gives every cell on its own line between "|" lines, and a Word table with merged header cells. The texts are
made up, in the shape of the provincial appendices ("PHỤ LỤC … giai đoạn 2026 - 2030")."""

from __future__ import annotations

from collections import Counter

import import_docs
import pytest
from docx import Document
from hypothesis import example, given, settings
from hypothesis import strategies as st
from import_docs import draft

from plandsl.importer import import_document
from plandsl.importer.celltable import rebuild
from plandsl.importer.document import pipe_row
from plandsl.language.parser import parse_text

HEAD = """\
ỦY BAN NHÂN DÂN
TỈNH HÒA BÌNH
Số: 77/KH-UBND
Hòa Bình, ngày 3 tháng 12 năm 2025
KẾ HOẠCH
Phát triển vùng nguyên liệu nông sản giai đoạn 2026 - 2030
I. MỤC TIÊU
1. Mục tiêu chung
Phát triển vùng nguyên liệu tập trung, gắn với chế biến và tiêu thụ.
II. NHIỆM VỤ
1. Rà soát quy hoạch vùng nguyên liệu.
"""


def cells(*rows: list[str]) -> str:
    """Rows written as a converted web page writes them: every cell on its own line between "|" lines."""
    out = []
    for row in rows:
        out.append("|")
        for c in row:
            out += [c, "|"] if c else ["|"]
    return "\n".join(out) + "\n"


APPENDIX = HEAD + """
PHỤ LỤC
ĐỊNH HƯỚNG VÙNG NGUYÊN LIỆU GIAI ĐOẠN 2026 - 2030

""" + cells(
    ["**TT**", "**Chỉ tiêu**", "**ĐVT**", "**Ước thực hiện năm 2025**", "**GIAI ĐOẠN 2026 - 2030**"],
    ["**Năm 2026**", "**Năm 2027**", "**Năm 2028**"],
    ["**I**", "**CÂY ĂN QUẢ**", "", "", "", "", ""],
    ["**1**", "**Cam**", "", "", "", "", ""],
    ["-", "Diện tích", "Ha", "1.150", "1.200", "1.250", "1.300"],
    ["-", "Sản lượng", "Tấn", "9.800", "10.000", "10.500", "11.000"],
    ["2", "Tỷ lệ diện tích đạt chứng nhận VietGAP", "%", "8", "10", "15", "20"],
    ["3", "Tỷ lệ hộ nghèo vùng nguyên liệu", "%", "6", "5", "4", "3"],
    ["4", "Gạo xuất khẩu", "Tấn", "950", "900", "800", "700"],
    ["5", "Giá trị sản xuất", "Tỷ đồng", "1.100", "1.200", "1.300", "1.400"],
    ["6", "Tăng diện tích trồng mới", "Ha", "", "50", "60", "70"],
) + """
Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def by_objective(plan) -> dict[str, list[tuple[int, float, str]]]:
    ends = {p.id: p.end for p in plan.phases}
    return {o.text: [(int(ends.get(t.phase, t.phase)), float(t.value), t.comparator.value) for t in o.targets]
            for o in plan.objectives if o.targets or "PHỤ LỤC" not in o.text}


def test_a_web_copy_one_cell_per_line_is_read_back_into_rows():
    lines = [(text, str(n)) for n, text in enumerate(APPENDIX.splitlines(), start=1)]
    brk = "\u241e"
    rows = [t for t, _w in rebuild([(brk if t == "|" else t, w) for t, w in lines], pipe_row, brk)
            if t.startswith("|")]
    assert rows[:5] == [
        pipe_row(["**TT**", "**Chỉ tiêu**", "**ĐVT**", "**Ước thực hiện năm 2025**", "**GIAI ĐOẠN 2026 - 2030**"]),
        pipe_row(["**Năm 2026**", "**Năm 2027**", "**Năm 2028**"]),
        pipe_row(["**I**", "**CÂY ĂN QUẢ**", "", "", "", "", ""]),
        pipe_row(["**1**", "**Cam**", "", "", "", "", ""]),
        pipe_row(["-", "Diện tích", "Ha", "1.150", "1.200", "1.250", "1.300"])]
    assert rows[-1] == pipe_row(["6", "Tăng diện tích trồng mới", "Ha", "", "50", "60", "70"])
    assert len(rows) == 11


def test_two_rows_read_as_one_twice_as_wide_are_read_as_two():
    # Four columns; the last row opens with an empty cell. Two rows and the empty item between them also make a
    # row of nine, which reads with no irregular row at all: the four-column reading (one irregular row) is taken.
    text = cells(["STT", "Tiêu chí", "Điểm", "Cách chấm"], ["I", "Nhóm xã", "60", ""],
                 ["1", "Tuyên truyền", "20", "Kế hoạch"], ["2", "Mở tài khoản", "40", "Tỷ lệ"],
                 ["II", "Nhóm đơn vị", "", ""], ["", "Xếp loại", "", "Số lượng"])
    brk = "\u241e"
    raw = [(brk if t == "|" else t, str(n)) for n, t in enumerate(text.splitlines(), start=1)]
    rows = [t for t, _w in rebuild(raw, pipe_row, brk)]
    assert rows == [pipe_row(["STT", "Tiêu chí", "Điểm", "Cách chấm"]), pipe_row(["I", "Nhóm xã", "60", ""]),
                    pipe_row(["1", "Tuyên truyền", "20", "Kế hoạch"]), pipe_row(["2", "Mở tài khoản", "40", "Tỷ lệ"]),
                    pipe_row(["II", "Nhóm đơn vị", "", ""]), pipe_row(["", "Xếp loại", "", "Số lượng"])]


def test_a_two_column_letterhead_copied_one_cell_per_line_is_left_to_the_line_reader():
    text = cells(["ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                 ["Số: 77/KH-UBND", "Hòa Bình, ngày 3 tháng 12 năm 2025"])
    brk = "\u241e"
    raw = [(brk if t == "|" else t, str(n)) for n, t in enumerate(text.splitlines(), start=1)]
    assert rebuild(raw, pipe_row, brk) == raw


def test_an_appendix_table_gives_a_target_per_year_and_indicator():
    result, plan = draft(APPENDIX)
    got = by_objective(plan)
    assert got["Cam: Diện tích (Ha)"] == [(2026, 1200.0, ">="), (2027, 1250.0, ">="), (2028, 1300.0, ">=")]
    assert got["Cam: Sản lượng (Tấn)"] == [(2026, 10000.0, ">="), (2027, 10500.0, ">="), (2028, 11000.0, ">=")]
    assert got["Tỷ lệ diện tích đạt chứng nhận VietGAP"] == [(2026, 10.0, ">="), (2027, 15.0, ">="), (2028, 20.0, ">=")]
    # A rate that falls is a ceiling; a quantity that falls is still a floor (what is planned).
    assert got["Tỷ lệ hộ nghèo vùng nguyên liệu"] == [(2026, 5.0, "<="), (2027, 4.0, "<="), (2028, 3.0, "<=")]
    assert got["Gạo xuất khẩu (Tấn)"] == [(2026, 900.0, ">="), (2027, 800.0, ">="), (2028, 700.0, ">=")]
    # Billions of đồng are written in đồng, and the draft says so.
    assert got["Giá trị sản xuất (Tỷ đồng)"] == [(2026, 1.2e12, ">="), (2027, 1.3e12, ">="), (2028, 1.4e12, ">=")]
    assert "# review: the table gives its figures in 'Tỷ đồng': they are written in đồng" in result.text
    # The column of what was done in 2025 is no target, but what it says is kept with its indicator; a change
    # ("Tăng …") gets none, with a review.
    assert not any(t[0] == 2025 for ts in got.values() for t in ts)
    assert "# review: the table also says: Ước thực hiện năm 2025: 1.150" in result.text
    assert got["Tăng diện tích trồng mới (Ha)"] == []
    # The heading rows are no objectives, and every line of the table is placed.
    assert "CÂY ĂN QUẢ" not in " ".join(got) and "Cam (Ha)" not in got
    assert not [line for line in result.text.splitlines() if "# not placed" in line and "|" in line]


def merged_table_docx(path):
    doc = Document()
    for text in HEAD.splitlines():
        doc.add_paragraph(text)
    doc.add_paragraph("PHỤ LỤC")
    doc.add_paragraph("DANH MỤC HÀNG HÓA XUẤT KHẨU GIAI ĐOẠN 2026 - 2027")
    table = doc.add_table(rows=5, cols=6)
    table.style = doc.styles["Table Grid"]  # ruled, as printed plans are (the PDF reader finds ruled tables)
    top, sub = table.rows[0].cells, table.rows[1].cells
    top[0].merge(sub[0]).text = "TT"
    top[1].merge(sub[1]).text = "Sản phẩm"
    top[2].merge(top[3]).text = "Kế hoạch 2026"
    top[4].merge(top[5]).text = "Kế hoạch 2027"
    for k, label in enumerate(["Lượng (Tấn)", "Giá trị (Nghìn USD)"] * 2):
        sub[2 + k].text = label
    for r, row in enumerate([["1", "Xoài", "13.500", "7.000", "14.800", "7.800"],
                             ["2", "Chè", "2.000", "3.100", "2.200", "3.400"],
                             ["", "Tổng", "", "10.100", "", "11.200"]], start=2):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    doc.add_paragraph("Nơi nhận:")
    doc.save(str(path))
    return path


def test_a_word_table_with_two_measures_per_year_and_merged_header_cells(tmp_path):
    path = merged_table_docx(tmp_path / "phu-luc.docx")
    check_merged_table(import_document(str(path), keywords="en"))


def check_merged_table(result):
    got = by_objective(parse_text(result.text).plan)
    assert got["Xoài: Lượng (Tấn)"] == [(2026, 13500.0, ">="), (2027, 14800.0, ">=")]
    assert got["Xoài: Giá trị (Nghìn USD)"] == [(2026, 7_000_000.0, ">="), (2027, 7_800_000.0, ">=")]
    assert got["Chè: Giá trị (Nghìn USD)"] == [(2026, 3_100_000.0, ">="), (2027, 3_400_000.0, ">=")]
    assert got["Tổng: Giá trị (Nghìn USD)"] == [(2026, 10_100_000.0, ">="), (2027, 11_200_000.0, ">=")]
    assert "Tổng: Lượng (Tấn)" not in got
    assert Counter(len(ts) for text, ts in got.items() if ":" in text) == Counter({2: 5})


@pytest.mark.skipif(import_docs.soffice() is None, reason="LibreOffice (Debian libreoffice-writer) is not installed")
def test_the_same_table_printed_to_pdf_gives_the_same_targets(tmp_path):
    pdf = import_docs.convert(merged_table_docx(tmp_path / "phu-luc.docx"), "pdf", tmp_path)
    check_merged_table(import_document(str(pdf), keywords="en"))


@pytest.mark.parametrize("rule", ["|---|---|---|---|---|\n", ""])
@pytest.mark.parametrize("wording", ["Chỉ tiêu", "Nhóm chỉ tiêu", "Tên chỉ tiêu"])
def test_a_markdown_table_without_a_number_column_a_range_and_a_notes_column(rule, wording):
    # With the rule under the header row or without it (rows of three cells and more are a table of data, not a
    # flattened two-column header read column by column).
    text = HEAD + "\nPHỤ LỤC\nCHỈ TIÊU CHỦ YẾU\n" + pipe_row([wording, "Đơn vị", "Năm 2026", "Năm 2027", "Ghi chú"]) + \
        "\n" + rule + "\n".join([
            pipe_row(["1.1. Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "%", "12", "11,5", ""]),
            pipe_row(["1.2. Số người được tập huấn", "người", "≥ 500", "Trên 600", "Hằng năm"]),
            pipe_row(["1.3. Tỷ lệ hộ dùng nước sạch", "%", "90-95", "95", "-"])]) + "\n"
    result, plan = draft(text)
    assert by_objective(plan) == {
        "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng": [(2026, 12.0, "<="), (2027, 11.5, "<=")],
        "Số người được tập huấn (người)": [(2026, 500.0, ">="), (2027, 600.0, ">=")],
        "Tỷ lệ hộ dùng nước sạch": [(2027, 95.0, ">=")]}
    assert "# review: the cell for 2026 ('90-95') is not a figure: no target" in result.text
    assert result.text.count("is not a figure: no target") == 1  # not for "-" or an empty cell


def test_a_year_before_the_plans_period_is_where_it_starts_from():
    text = HEAD.replace("2026 - 2030", "2021 - 2025") + "\nPHỤ LỤC\n" + cells(
        ["TT", "Chỉ tiêu", "ĐVT", "Năm 2020", "Năm 2025"], ["1", "Tỷ lệ xã có mô hình", "%", "40", "80"],
        ["2", "Số hợp tác xã", "Hợp tác xã", "12", "20"])
    result, plan = draft(text)
    got = by_objective(plan)
    assert got["Tỷ lệ xã có mô hình"] == [(2025, 80.0, ">=")]
    assert got["Số hợp tác xã (Hợp tác xã)"] == [(2025, 20.0, ">=")]
    assert result.text.count("# review: the table's figures for 2020, before the plan's period, are where it starts "
                             "from: not written as targets") == 2


def test_a_budget_by_year_gives_no_target():
    for title, head in (("DỰ TOÁN KINH PHÍ THỰC HIỆN", "Năm 2026"), ("PHỤ LỤC", "Kinh phí năm 2026")):
        text = HEAD + f"\n{title}\n" + cells(["TT", "Nội dung", "ĐVT", head, "Năm 2027"],
                                             ["1", "Tập huấn cán bộ", "Triệu đồng", "120", "150"],
                                             ["2", "Khảo sát vùng trồng", "Triệu đồng", "80", "90"])
        result, plan = draft(text)
        assert not [t for o in plan.objectives for t in o.targets], title
        assert pipe_row(["1", "Tập huấn cán bộ", "Triệu đồng", "120", "150"]) in result.text


def test_a_table_whose_header_names_no_year_gives_no_target():
    text = HEAD + "\nPHỤ LỤC\n" + cells(["TT", "Nội dung", "Đơn vị thực hiện", "Ghi chú"],
                                       ["1", "Khảo sát vùng trồng", "Sở Nông nghiệp và Môi trường", "Quý I"],
                                       ["2", "Cấp mã số vùng trồng", "Sở Nông nghiệp và Môi trường", "Hằng năm"])
    _result, plan = draft(text)
    assert not [t for o in plan.objectives for t in o.targets]
    assert [t.text for t in plan.tasks[1:]] == ["Khảo sát vùng trồng", "Cấp mã số vùng trồng"]  # a table of tasks

_CELL = st.one_of(st.just(""), st.sampled_from(["1", "Xã A", "12.500", "Năm 2026", "**II**", "-", "Sở Y tế", "%",
                                                 "STT", "A.", "Nơi nhận"]))


@settings(max_examples=500, deadline=None)
@given(width=st.integers(min_value=1, max_value=8), rows=st.lists(st.lists(_CELL, min_size=1, max_size=9), max_size=12),
       after=st.sampled_from(["", "Nơi nhận:", "|"]))
def test_rebuilding_a_copied_table_never_loses_or_reorders_a_written_cell(width, rows, after):
    text = cells(*[r[:width] or [""] for r in rows]) + after
    brk = "\u241e"
    raw = [(brk if t == "|" else t, str(n)) for n, t in enumerate(text.splitlines(), start=1)]
    out = rebuild(raw, pipe_row, brk)

    def written(lines):
        found = []
        for t, _w in lines:
            if t.startswith("| ") and t.endswith(" |"):
                found += [c.strip() for c in t[2:-2].split(" | ")]
            elif t != brk:
                found.append(t)
        return [c for c in found if c]

    assert written(out) == written(raw)


# A table of tasks whose "Cơ quan thực hiện" header cell spans "Chủ trì" and "Phối hợp": a web copy gives the spanning
# cell once and its two sub-columns after the first header row; a Word table gives the cells spanning both rows again.
TASK_ROWS = [["1", "Tập huấn kỹ năng số cho hợp tác xã", "Sở Khoa học và Công nghệ", "UBND các xã, phường", "Năm 2026"],
             ["2", "Xây dựng vùng trồng đạt chuẩn", "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "2026-2027"]]


@pytest.mark.parametrize("shape", ["web copy", "word"])
def test_a_task_table_whose_agencies_header_spans_lead_and_support(shape):
    top = ["TT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "Thời gian hoàn thành"]
    if shape == "web copy":
        table = cells(top, ["Chủ trì", "Phối hợp"], *TASK_ROWS)
    else:
        table = "\n".join(pipe_row(r) for r in [top, ["TT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp",
                                                       "Thời gian hoàn thành"], *TASK_ROWS]) + "\n"
    _result, plan = draft(HEAD + "\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n" + table)
    assert [(t.text, [a.name for a in t.leads], [a.name for a in t.supports], t.due) for t in plan.tasks[1:]] == [
        ("Tập huấn kỹ năng số cho hợp tác xã", ["Sở Khoa học và Công nghệ"], ["UBND các xã, phường"], 2026),
        ("Xây dựng vùng trồng đạt chuẩn", ["Sở Nông nghiệp và Môi trường"], ["Sở Công Thương"], "2026-2027")]


def test_a_task_table_with_one_column_of_implementing_bodies():
    # "Đơn vị thực hiện" with no "Chủ trì" / "Phối hợp" under it: a cell that says "X chủ trì, phối hợp với Y" gives
    # the lead and supports; a body alone is neither (as for a "Cơ quan thực hiện: …" line), and a review keeps it.
    table = "\n".join([pipe_row(["STT", "Nội dung công việc", "Đơn vị thực hiện", "Thời gian thực hiện"]), "|---|---|---|---|",
                       pipe_row(["1", "Tập huấn kỹ năng số cho hợp tác xã",
                                 "Sở Khoa học và Công nghệ chủ trì, phối hợp với UBND các xã, phường", "Năm 2026"]),
                       pipe_row(["2", "Xây dựng vùng trồng đạt chuẩn", "Sở Nông nghiệp và Môi trường", "Quý II/2026"])])
    result, plan = draft(HEAD + "\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n" + table + "\n")
    assert [(t.text, [a.name for a in t.leads], [a.name for a in t.supports], t.due) for t in plan.tasks[1:]] == [
        ("Tập huấn kỹ năng số cho hợp tác xã", ["Sở Khoa học và Công nghệ"], ["UBND các xã, phường"], 2026),
        ("Xây dựng vùng trồng đạt chuẩn", [], [], "Quý II/2026")]
    assert "# review: implementing bodies (cơ quan thực hiện) not encoded: Sở Nông nghiệp và Môi trường" in result.text
    assert not [line for line in result.text.splitlines() if "# not placed (" in line and "|" in line]


def tree(tasks, depth=0):
    out = []
    for t in tasks:
        out.append(("  " * depth + t.text, [a.name for a in t.leads], [a.name for a in t.supports], t.due))
        out += tree(t.subtasks, depth + 1)
    return out


def test_a_task_table_numbered_with_dots_sub_numbers_and_group_rows():
    # Rows numbered "1." and "1.1", a heading row without bodies over its sub-rows, group rows "I" / "II", "-" rows
    # under the numbered row above, and a row one cell short (left as a line, the rows after it still read).
    head = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]
    rows = [head, ["I", "NÂNG CAO NHẬN THỨC", "", "", ""],
            ["1.", "Truyền thông về chuyển đổi số", "", "", ""],
            ["1.1", "Tập huấn kỹ năng số", "Sở Khoa học và Công nghệ", "UBND các xã", "2026"],
            ["1.2", "Tuyên truyền trên báo", "Sở Văn hóa, Thể thao và Du lịch", "Báo Hòa Bình", "2026"],
            ["-", "Chuyên mục hằng tháng", "Báo Hòa Bình", "", "Hằng tháng"],
            ["II", "HỖ TRỢ HỢP TÁC XÃ", "", "", ""],
            ["2.", "Xây dựng bộ tiêu chí", "Sở Khoa học và Công nghệ", "Năm 2026"],
            ["3.", "Xây dựng vùng trồng", "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "2027"]]
    result, plan = draft(HEAD + "\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n" + "\n".join(pipe_row(r) for r in rows) + "\n")
    assert tree(plan.tasks[1:]) == [
        ("Nâng cao nhận thức", [], [], None),
        ("  Truyền thông về chuyển đổi số", [], [], None),
        ("    Tập huấn kỹ năng số", ["Sở Khoa học và Công nghệ"], ["UBND các xã"], 2026),
        ("    Tuyên truyền trên báo", ["Sở Văn hóa, Thể thao và Du lịch"], ["Báo Hòa Bình"], 2026),
        ("      Chuyên mục hằng tháng", ["Báo Hòa Bình"], [], "Hằng tháng"),
        ("Hỗ trợ hợp tác xã", [], [], None),
        ("  Xây dựng vùng trồng", ["Sở Nông nghiệp và Môi trường"], ["Sở Công Thương"], 2027)]
    assert [line for line in result.text.splitlines() if "# not placed (" in line and "|" in line] == [
        "  # not placed (line 22): " + pipe_row(["2.", "Xây dựng bộ tiêu chí", "Sở Khoa học và Công nghệ", "Năm 2026"])]


def merged_task_table_docx(path):
    doc = Document()
    for text in HEAD.splitlines():
        doc.add_paragraph(text)
    doc.add_paragraph("PHỤ LỤC")
    table = doc.add_table(rows=4, cols=5)
    table.style = doc.styles["Table Grid"]
    top, sub = table.rows[0].cells, table.rows[1].cells
    top[0].merge(sub[0]).text = "TT"
    top[1].merge(sub[1]).text = "Nội dung nhiệm vụ"
    top[2].merge(top[3]).text = "Cơ quan thực hiện"
    top[4].merge(sub[4]).text = "Thời gian"
    sub[2].text, sub[3].text = "Chủ trì", "Phối hợp"
    for r, row in enumerate([["1."] + TASK_ROWS[0][1:], ["2."] + TASK_ROWS[1][1:]], start=2):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    doc.add_paragraph("Nơi nhận:")
    doc.save(str(path))
    return path


TASKS_READ = [("Tập huấn kỹ năng số cho hợp tác xã", ["Sở Khoa học và Công nghệ"], ["UBND các xã, phường"], 2026),
              ("Xây dựng vùng trồng đạt chuẩn", ["Sở Nông nghiệp và Môi trường"], ["Sở Công Thương"], "2026-2027")]


def test_a_word_task_table_with_a_merged_header_and_the_same_printed_to_pdf(tmp_path):
    # The PDF's table drops the cells a merge covers: "TT | Nội dung nhiệm vụ | Cơ quan thực hiện | Thời gian" over
    # "Chủ trì | Phối hợp". The spanning cell is the one that names the implementing bodies, not the last (which
    # had put the supports under "Phối hợp" and the time under … the supports).
    docx = merged_task_table_docx(tmp_path / "nhiem-vu.docx")
    sources = [docx]
    if import_docs.soffice() is not None:
        sources.append(import_docs.convert(docx, "pdf", tmp_path))
    for source in sources:
        plan = parse_text(import_document(str(source), keywords="en").text).plan
        assert tree(plan.tasks[1:]) == TASKS_READ, source.suffix


def test_a_task_table_whose_columns_do_not_say_what_the_header_says_is_not_read():
    rows = [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
            ["1", "Tập huấn kỹ năng số", "Sở Khoa học và Công nghệ", "Năm 2026", ""],
            ["2.1", "Xây dựng vùng trồng", "Sở Nông nghiệp và Môi trường", "Quý II/2027", ""]]
    result, plan = draft(HEAD + "\nPHỤ LỤC\n" + "\n".join(pipe_row(r) for r in rows) + "\n")
    assert [t.text for t in plan.tasks] == ["Rà soát quy hoạch vùng nguyên liệu."]
    assert "# not placed (line 15): | 1 | Tập huấn kỹ năng số | Sở Khoa học và Công nghệ | Năm 2026 |" in result.text


_HEAD_WORDS = ["TT", "STT", "Chỉ tiêu", "Nội dung", "Nhiệm vụ", "ĐVT", "Đơn vị tính", "Năm 2026", "Năm 2027",
               "Kế hoạch 2026", "GIAI ĐOẠN 2026 - 2030", "ƯTH năm 2025", "Cơ quan thực hiện", "Chủ trì", "Phối hợp",
               "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "Ghi chú", "Lượng (Tấn)", "Giá trị (Nghìn USD)"]
_BODY_WORDS = ["1", "1.", "1.1", "I", "-", "a)", "", "Tập huấn cán bộ", "Sở Y tế", "UBND các xã", "Năm 2026", "90%",
               "12.500", "1,5", "Trên 80", "90-95", "Tỷ lệ hộ nghèo", "%", "Ha", "Tấn", "Tỷ đồng", "x"]


@settings(max_examples=150, deadline=None)
@example(head=[["Chỉ tiêu", "TT", "TT", "Năm 2026"]], body=[["1", "Tập huấn cán bộ", "1", "1"]], copied=False)
# A numbered row right under the header is data, not a second header row ("Tập huấn cán bộ" had become a column name)
@example(head=[["TT", "TT", "Chỉ tiêu", "Năm 2026"]], body=[["1", "1.", "1.", "Tập huấn cán bộ"], ["1"] * 6 + ["1."]],
         copied=False)
@given(head=st.lists(st.lists(st.sampled_from(_HEAD_WORDS), min_size=2, max_size=7), min_size=1, max_size=2),
       body=st.lists(st.lists(st.sampled_from(_BODY_WORDS), min_size=2, max_size=7), max_size=8),
       copied=st.booleans())
def test_any_table_imports_to_a_draft_that_parses_and_keeps_every_cell(head, body, copied):
    rows = head + body
    table = cells(*rows) if copied else "\n".join(pipe_row(r) for r in rows) + "\n"
    result, _plan = draft(HEAD + "\nPHỤ LỤC\n" + table)
    # Every wording, body and non-figure cell of the body is in the draft: in a task, an objective, a review or a
    # line kept as a comment (figures become targets, header cells name columns).
    for row in body:
        for cell in row:
            if cell in ("Tập huấn cán bộ", "Sở Y tế", "UBND các xã", "Tỷ lệ hộ nghèo", "90-95"):
                assert cell in result.text, cell


def test_a_task_table_one_cell_per_paragraph_keeps_its_product_column_as_notes():
    # The cell-by-cell reader (no "|" at all): the "Sản phẩm" cells had been placed and dropped.
    lines = ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm",
             "1", "Tổ chức diễn tập phòng thủ dân sự", "Sở Nông nghiệp và Môi trường", "UBND các xã, phường", "Năm 2026",
             "Cuộc diễn tập",
             "2", "Ban hành quy chế phối hợp", "Văn phòng UBND tỉnh", "Các sở, ban, ngành", "Quý II/2026",
             "Quyết định của Chủ tịch UBND tỉnh"]
    result, plan = draft(HEAD + "\nPHỤ LỤC\n" + "\n".join(lines) + "\n")
    assert [t.text for t in plan.tasks[1:]] == ["Tổ chức diễn tập phòng thủ dân sự", "Ban hành quy chế phối hợp"]
    assert "# Sản phẩm: Cuộc diễn tập" in result.text
    assert "# Sản phẩm: Quyết định của Chủ tịch UBND tỉnh" in result.text


def test_a_law_library_page_whose_appendix_table_leaves_out_its_merged_cells():
    # The page's layout table (facts, the decision in one cell, the signature) runs on into the appendix's table;
    # a body's rows after its first give only their last columns (the number, the bodies and the group are merged
    # from the first), and a group row names the leading body (no task of its own).
    layout = ["**Số hiệu:**", "77/QĐ-TTg", "", "**QUYẾT ĐỊNH**\n" + "\n".join(f"Điều {n}. Nội dung {n}." for n in (1, 2, 3)),
              "*Nơi nhận:* - Như trên;", "**KT. THỦ TƯỚNG**", "**PHỤ LỤC I** BẢNG PHÂN CÔNG"]
    head = ["**STT**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**", "**Thuộc nhóm nhiệm vụ[1]**",
            "**Nội dung nhiệm vụ**", "**Chỉ tiêu đạt được**", "**Thời hạn hoàn thành**"]
    rows = [["**A.**", "**BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG**"],
            ["1", "Bộ Nông nghiệp và Môi trường", "- Bộ Xây dựng;\n- Bộ Công Thương.", "Hoàn thiện chính sách",
             "- Hoàn thiện Nghị định xử phạt.", "- Nghị định được ban hành.", "Năm 2026"],
            ["- Rà soát hướng dẫn kỹ thuật.", "- Bộ công cụ được ban hành.", "Giai đoạn 2026 - 2027"],
            ["- Xây dựng quy chế phối hợp liên vùng.", "", "Năm 2027"],
            ["2", "Bộ Khoa học và Công nghệ", "- Bộ Nông nghiệp và Môi trường.", "Ứng dụng công nghệ",
             "- Nghiên cứu công nghệ xử lý khí thải.", "- Danh mục công nghệ.", "Giai đoạn 2026 - 2030"],
            ["3", "Bộ Y tế", "- Các bộ, ngành liên quan.", "Bảo vệ sức khỏe", "- Cảnh báo sức khỏe cộng đồng.",
             "- Bản tin cảnh báo.", "Hằng năm"]]
    text = HEAD.replace("Phát triển vùng nguyên liệu nông sản", "Khắc phục ô nhiễm không khí") + "\n" + cells(
        layout, head, *rows) + "\n[1] Nhóm nhiệm vụ của Kế hoạch.\n"
    result, plan = draft(text)
    got = [(t.text, [a.name for a in t.leads], [a.name for a in t.supports], t.due) for t in plan.tasks[1:]]
    assert got == [
        ("Hoàn thiện Nghị định xử phạt.", ["Bộ Nông nghiệp và Môi trường"], ["Bộ Xây dựng", "Bộ Công Thương"], 2026),
        ("Rà soát hướng dẫn kỹ thuật.", ["Bộ Nông nghiệp và Môi trường"], ["Bộ Xây dựng", "Bộ Công Thương"],
         "Giai đoạn 2026 - 2027"),
        ("Xây dựng quy chế phối hợp liên vùng.", ["Bộ Nông nghiệp và Môi trường"], ["Bộ Xây dựng", "Bộ Công Thương"],
         2027),
        ("Nghiên cứu công nghệ xử lý khí thải.", ["Bộ Khoa học và Công nghệ"], ["Bộ Nông nghiệp và Môi trường"],
         "Giai đoạn 2026 - 2030"),
        ("Cảnh báo sức khỏe cộng đồng.", ["Bộ Y tế"], ["Các bộ, ngành liên quan"], "Hằng năm")]
    assert "Điều 2. Nội dung 2." in result.text  # the layout's lines are kept as they were


def test_a_law_library_appendix_cell_of_several_items_and_a_list_of_projects_after_it():
    # A "Nội dung nhiệm vụ" cell of several "-" lines is a task each, with the row's bodies; a body's second row may
    # keep its own phối hợp cell (the group cell merged); ";" and "-" lines separate bodies ("Thông tấn xã …" has no
    # "Bộ" or "Sở" of its own), so do "và cộng đồng …" and "và UBND …"; a remark in lower case after a body is no part
    # of its name. The list of projects after it names a task in "Tên dự án" ("Nội dung chính" is its content), has
    # group rows of fields (a task each, "HOÀN THIỆN CÁC CHÍNH SÁCH" too) and its footnotes right after its last row.
    layout = ["**Số hiệu:**", "88/QĐ-TTg", "", "**QUYẾT ĐỊNH**\n" + "\n".join(f"Điều {n}. Nội dung {n}." for n in (1, 2, 3)),
              "*Nơi nhận:* - Như trên;", "**KT. THỦ TƯỚNG**", "**PHỤ LỤC I** BẢNG PHÂN CÔNG"]
    head = ["**STT**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**", "**Thuộc nhóm nhiệm vụ[1]**",
            "**Nội dung nhiệm vụ**", "**Chỉ tiêu đạt được**", "**Thời hạn hoàn thành**"]
    rows = [["**A.**", "**BỘ Y TẾ**"],
            ["1", "Bộ Y tế", "- Bộ Tài chính;\n- Thông tấn xã Việt Nam.", "Bảo vệ sức khỏe",
             "- Lập sổ theo dõi sức khỏe.\n- Cảnh báo sớm cho người\ndân.", "- Sổ được lập.", "Năm 2026"],
            ["Các bộ, ngành liên quan", "- Biên soạn tài liệu hướng dẫn.", "Tài liệu được ban hành.", "Năm 2027"],
            ["**B.**", "**UBND CÁC TỈNH/ THÀNH PHỐ**"],
            ["1", "UBND các tỉnh/ thành phố", "Bộ Công an, các bộ, ngành và cộng\nđồng dân cư", "Giám sát đốt mở",
             "Lắp camera giám sát đốt mở.", "", "Hằng năm"]]
    head2 = ["**STT**", "**Tên dự án, nhiệm vụ**", "**Nội dung chính**", "**Cơ quan chủ trì[1]**",
             "**Cơ quan phối hợp**", "**Tình trạng**", "**Thời gian thực hiện**"]
    rows2 = [["**I**", "**NHÓM DỰ ÁN QUAN TRẮC**"],
             ["1", "Dự án trạm quan trắc tự động", "- Lắp 10 trạm.\n- Sản phẩm: Trạm vận hành.",
              "- Bộ Y tế (mạng lưới quốc gia);\n- UBND thành phố Huế và UBND các tỉnh, thành phố khác (mạng lưới\nđịa "
              "phương).", "Các cơ quan liên quan", "Thực hiện mới", "2026 - 2027"],
             ["**II**", "**HOÀN THIỆN CÁC CHÍNH SÁCH VỀ KHÍ THẢI**"],
             ["1", "Trình Nghị định về khí thải", "- Soạn thảo Nghị định.", "Bộ Tài chính", "Các bộ ngành và các địa "
              "phương", "Đang thực hiện", "Năm 2026"]]
    text = HEAD.replace("Phát triển vùng nguyên liệu nông sản", "Khắc phục ô nhiễm không khí") + "\n" + cells(
        layout, head, *rows) + "**PHỤ LỤC II**\nDANH MỤC CÁC DỰ ÁN ƯU TIÊN\n" + cells(head2, *rows2) + \
        "[1] Cơ quan chủ trì toàn bộ\nnhiệm vụ.\n|\nTrang chủ\n|\nLiên hệ\n|\n"
    result, plan = draft(text)

    def flat(tasks):
        return [x for t in tasks for x in [t, *flat(t.subtasks)]]

    got = [(t.text, [a.name for a in t.leads], [a.name for a in t.supports]) for t in flat(plan.tasks[1:])]
    assert got == [
        ("Lập sổ theo dõi sức khỏe.", ["Bộ Y tế"], ["Bộ Tài chính", "Thông tấn xã Việt Nam"]),
        ("Cảnh báo sớm cho người dân.", ["Bộ Y tế"], ["Bộ Tài chính", "Thông tấn xã Việt Nam"]),
        ("Biên soạn tài liệu hướng dẫn.", ["Bộ Y tế"], ["Các bộ, ngành liên quan"]),
        ("Lắp camera giám sát đốt mở.", ["UBND các tỉnh/ thành phố"], ["Bộ Công an", "các bộ, ngành",
                                                                        "cộng đồng dân cư"]),
        ("Nhóm dự án quan trắc", [], []),
        ("Dự án trạm quan trắc tự động", ["Bộ Y tế", "UBND thành phố Huế", "UBND các tỉnh, thành phố khác"],
         ["Các cơ quan liên quan"]),
        ("Hoàn thiện các chính sách về khí thải", [], []),
        ("Trình Nghị định về khí thải", ["Bộ Tài chính"], ["Các bộ ngành", "các địa phương"])]
    assert "# Thuộc nhóm nhiệm vụ[1]: Các bộ, ngành liên quan" not in result.text  # the bodies are not the group
    assert "# Nội dung chính: - Lắp 10 trạm. - Sản phẩm: Trạm vận hành." in result.text
    assert "(mạng lưới quốc gia)" in result.text  # the remark is kept, as the task's note
    assert "[1] Cơ quan chủ trì toàn bộ" in result.text and "Trang chủ" in result.text  # the footnote and the page


def test_a_continuation_row_s_own_cell_is_a_body_s_only_when_it_names_one():
    # A body's second row whose first cell names bodies has its own phối hợp cell; one whose first cell is a group of
    # tasks opening with "Các …" ("Các giải pháp về tài chính") is the group column's, the supports merged from above.
    layout = ["**Số hiệu:**", "89/QĐ-TTg", "", "**QUYẾT ĐỊNH**\n" + "\n".join(f"Điều {n}. Nội dung {n}." for n in (1, 2, 3)),
              "*Nơi nhận:* - Như trên;", "**KT. THỦ TƯỚNG**", "**PHỤ LỤC I** BẢNG PHÂN CÔNG"]
    head = ["**STT**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**", "**Thuộc nhóm nhiệm vụ**",
            "**Nội dung nhiệm vụ**", "**Chỉ tiêu đạt được**", "**Thời hạn hoàn thành**"]
    rows = [["1", "Bộ Tài chính", "- Bộ Công Thương.", "Hoàn thiện chính sách", "- Rà soát chính sách thuế.",
             "- Báo cáo rà soát.", "Năm 2026"],
            ["Các giải pháp về tài chính", "- Ban hành chính sách ưu đãi.", "- Chính sách được ban hành.", "Năm 2027"],
            ["Các bộ, ngành liên quan", "- Hướng dẫn thực hiện.", "- Hướng dẫn được ban hành.", "Năm 2028"],
            ["2", "Bộ Y tế", "- Bộ Tài chính.", "Bảo vệ sức khỏe", "- Cảnh báo sức khỏe.", "- Bản tin.", "Hằng năm"]]
    text = HEAD.replace("Phát triển vùng nguyên liệu nông sản", "Khắc phục ô nhiễm không khí") + "\n" + cells(
        layout, head, *rows) + "\n"
    result, plan = draft(text)
    got = [(t.text, [a.name for a in t.supports]) for t in plan.tasks[1:]]
    assert got == [("Rà soát chính sách thuế.", ["Bộ Công Thương"]),
                   ("Ban hành chính sách ưu đãi.", ["Bộ Công Thương"]),
                   ("Hướng dẫn thực hiện.", ["Các bộ, ngành liên quan"]),
                   ("Cảnh báo sức khỏe.", ["Bộ Tài chính"])]
    assert "# Thuộc nhóm nhiệm vụ: Các giải pháp về tài chính" in result.text
