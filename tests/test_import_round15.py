"""`plandsl import` on layouts of the eighteenth held-out set (issue #10, docs/IMPORT.md "After the eighteenth set
(no longer independent)").

Every text here was written for these tests (made-up bodies, figures and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, plan_targets, province_plan, task_agencies, task_tree


def _province(body: str, **kwargs) -> str:
    """A made-up plan of a provincial people's committee, with ``body`` as its sections after the purpose."""
    return province_plan(body, closing="V", **kwargs)


_BODY = "**II. NHIỆM VỤ**\n1. Tổ chức khám sức khỏe định kỳ cho người cao tuổi.\n"
_ISSUES = "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:\n"


def _bases(plan) -> list[tuple[str, str | None, str | None]]:
    return [(b.text, b.number, str(b.date) if b.date else None) for b in plan.bases]


def test_a_law_amended_at_an_amending_law_is_two_bases_each_with_its_own_number_and_date():
    # "Luật A số N1, được sửa đổi, bổ sung tại Luật sửa đổi, bổ sung một số điều của Luật A số N2 ngày D2": one basis
    # took N1 with the amending law's date D2 (a wrong value) and the amending law was missed.
    _, plan = draft(_province(_BODY, bases=(
        "Căn cứ Luật Người cao tuổi số 39/2009/QH12, được sửa đổi, bổ sung tại Luật sửa đổi, bổ sung một số điều của "
        "Luật người cao tuổi số 15/2023/QH15 ngày 10 tháng 05 năm 2023;\n" + _ISSUES)))
    assert _bases(plan) == [("Luật Người cao tuổi", "39/2009/QH12", None),
                            ("Luật sửa đổi, bổ sung một số điều của Luật người cao tuổi", "15/2023/QH15", "2023-05-10")]


def test_an_amending_law_printed_without_a_number_is_a_basis_of_its_own():
    # The amending law names the laws it amends (with their numbers) but has no number of its own: the whole clause
    # was one basis under the amended law's number; the amending law is a basis with no number (and its date, if any).
    _, plan = draft(_province(_BODY, bases=(
        "Căn cứ Luật Dân số ngày 12 tháng 6 năm 2016 được sửa đổi, bổ sung một số điều tại Luật sửa đổi, bổ sung một "
        "số điều của Luật Dân số, Luật Y tế và Luật Bảo hiểm ngày 20 tháng 11 năm 2024;\n"
        "Căn cứ Luật Bảo hiểm số 41/2024/QH15 ngày 02 tháng 02 năm 2024, được sửa đổi, bổ sung một số điều tại Luật "
        "sửa đổi, bổ sung một số điều của Luật Bảo hiểm số 41/2024/QH15, Luật Y tế số 22/2023/QH15;\n" + _ISSUES)))
    assert _bases(plan) == [
        ("Luật Dân số", None, "2016-06-12"),
        ("Luật sửa đổi, bổ sung một số điều của Luật Dân số, Luật Y tế và Luật Bảo hiểm", None, "2024-11-20"),
        ("Luật Bảo hiểm", "41/2024/QH15", "2024-02-02"),
        ("Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm số 41/2024/QH15, Luật Y tế số 22/2023/QH15", None,
         None)]


def test_a_resolution_amended_at_another_is_two_bases():
    # "Nghị quyết số N1 ngày D1 của Chính phủ về … được sửa đổi, bổ sung cập nhật một số điều tại Nghị quyết số N2
    # ngày D2 của Chính phủ": the second resolution was missed.
    _, plan = draft(_province(_BODY, bases=(
        "Căn cứ Nghị quyết số 05/NQ-CP ngày 10 tháng 01 năm 2025 của Chính phủ về chăm sóc người cao tuổi được sửa "
        "đổi, bổ sung cập nhật một số điều tại Nghị quyết số 88/NQ-CP ngày 02 tháng 5 năm 2025 của Chính phủ;\n"
        + _ISSUES)))
    assert [(n, d) for _t, n, d in _bases(plan)] == [("05/NQ-CP", "2025-01-10"), ("88/NQ-CP", "2025-05-02")]


def test_a_number_with_a_dot_is_read_whole():
    # "Nghị quyết số 12.3/2025/NQ-CP": the number was read from the digit after the dot (a wrong value).
    _, plan = draft(_province(_BODY, bases=(
        "Căn cứ Nghị quyết số 12.3/2025/NQ-CP ngày 28 tháng 8 năm 2025 của Chính phủ về chăm sóc người cao tuổi;\n"
        + _ISSUES)))
    assert [(n, d) for _t, n, d in _bases(plan)] == [("12.3/2025/NQ-CP", "2025-08-28")]


_DECISION = ("ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\nSố: 905/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh "
             "phúc\nHòa Bình, ngày 12 tháng 10 năm 2025\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH TRIỂN KHAI QUYẾT ĐỊNH SỐ 12/QĐ-TTG\n"
             "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\nCăn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
             "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai Quyết định số 12/QĐ-TTg.\n"
             "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n"
             "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Minh\n")


def test_the_attached_plans_heading_broken_inside_a_date_goes_on_over_a_long_line():
    # "TRIỂN KHAI QUYẾT ĐỊNH SỐ 12/QĐ-TTG NGÀY 02 THÁNG 01" / "NĂM 2025 CỦA THỦ TƯỚNG …" (one long paragraph): the
    # long rest was not taken, so the title ended "… ngày 02 tháng 01" (a wrong value).
    _, plan = draft(_DECISION + (
        "KẾ HOẠCH\nTRIỂN KHAI QUYẾT ĐỊNH SỐ 12/QĐ-TTG NGÀY 02 THÁNG 01\nNĂM 2025 CỦA THỦ TƯỚNG CHÍNH PHỦ VÀ QUYẾT ĐỊNH "
        "SỐ 3300/QĐ-BYT NGÀY 05 THÁNG 9 NĂM 2025 CỦA BỘ Y TẾ VỀ ĐỀ ÁN XÂY DỰNG VÀ QUẢN LÝ HỆ THỐNG THÔNG "
        "TIN VÀ CƠ SỞ DỮ LIỆU QUỐC GIA VỀ NGƯỜI CAO TUỔI\n(Kèm theo Quyết định số 905/QĐ-UBND ngày 12 tháng 10 năm 2025)\n"
        "I. NHIỆM VỤ\n1. Xây dựng cơ sở dữ liệu người cao tuổi.\n"))
    assert plan.title.lower() == (
        "kế hoạch triển khai quyết định số 12/qđ-ttg ngày 02 tháng 01 năm 2025 của thủ tướng chính phủ và quyết định "
        "số 3300/qđ-byt ngày 05 tháng 9 năm 2025 của bộ y tế về đề án xây dựng và quản lý hệ thống thông tin và cơ sở "
        "dữ liệu quốc gia về người cao tuổi")


def test_a_task_that_issues_rules_of_cooperation_names_no_supports():
    # "Ban hành quy chế phối hợp giữa các Sở, ngành … trong việc …": "Ban hành quy chế" opens like a board ("Ban …")
    # before "phối hợp", so it was read as the task's support (a wrong value).
    _, plan = draft(_province(
        "**II. NHIỆM VỤ**\n**1. Hoàn thiện thể chế**\n- Rà soát thủ tục hành chính về chăm sóc người cao tuổi.\n"
        "- Ban hành quy chế phối hợp giữa các Sở, ngành, Ủy ban nhân dân xã trong việc chia sẻ dữ liệu người cao tuổi.\n"))
    assert [(t, s) for t, _l, s in task_agencies(plan)] == [
        ("Hoàn thiện thể chế", []), ("Rà soát thủ tục hành chính về ", []), ("Ban hành quy chế phối hợp giữa", [])]


def test_a_targets_section_after_a_general_objectives_section_holds_targets():
    # "II. MỤC TIÊU TỔNG QUÁT" then "III. MỤC TIÊU" with "a) Mục tiêu chung (2 mục tiêu)" over "(n)" indicators: the
    # second section was read as more general objectives, so no target was found.
    _, plan = draft(_province(
        "**II. MỤC TIÊU TỔNG QUÁT**\n1. Nâng cao chất lượng cuộc sống của người cao tuổi.\n"
        "**III. MỤC TIÊU**\n**1. Chăm sóc sức khỏe đến năm 2030 (3 mục tiêu)**\n**a) Mục tiêu chung (2 mục tiêu)**\n"
        "(1) Tỷ lệ người cao tuổi được khám sức khỏe định kỳ đạt tối thiểu 85%;\n"
        "(2) Tỷ lệ người cao tuổi có thẻ bảo hiểm y tế đạt 100%;\n"
        "**b) Mục tiêu theo địa bàn (1 mục tiêu)**\n(1) Tỷ lệ xã có câu lạc bộ người cao tuổi đạt trên 60%.\n"
        "**IV. NHIỆM VỤ**\n1. Tổ chức khám sức khỏe định kỳ cho người cao tuổi.\n"))
    assert plan_targets(plan) == [(2030, 85.0, ">="), (2030, 100.0, ">="), (2030, 60.0, ">=")]
    assert [g.value for g in plan.general][-1] == "Nâng cao chất lượng cuộc sống của người cao tuổi."


_FIELDS = ("**III. NHIỆM VỤ TRỌNG TÂM**\n1. Tổ chức khám sức khỏe định kỳ cho người cao tuổi.\n"
           "**IV. PHÁT TRIỂN CHĂM SÓC NGƯỜI CAO TUỔI THEO NGÀNH, LĨNH VỰC**\n"
           "Phát triển chăm sóc người cao tuổi toàn diện trong tất cả các ngành, lĩnh vực.\n"
           "**1. Y tế và Xã hội**\n**1.1. Y tế**\n"
           "Phát triển y tế cơ sở gắn với chăm sóc sức khỏe người cao tuổi tại nhà.\n"
           "a) Xây dựng hồ sơ sức khỏe điện tử cho người cao tuổi.\n"
           "b) Tổ chức khám sàng lọc bệnh không lây nhiễm cho người cao tuổi.\n"
           "**1.2. Xã hội**\nĐẩy mạnh trợ giúp xã hội cho người cao tuổi.\nCác nhiệm vụ trọng tâm bao gồm:\n"
           "a) Chi trả trợ cấp xã hội qua tài khoản ngân hàng.\n"
           "**2. Văn hóa**\na) Phát triển câu lạc bộ người cao tuổi ở các xã.\n")


def test_a_section_of_fields_after_the_tasks_section_holds_tasks_and_a_fields_description_is_content():
    # "IV. PHÁT TRIỂN … THEO NGÀNH, LĨNH VỰC" after "III. NHIỆM VỤ TRỌNG TÂM": its fields, sub-fields and lettered
    # items were not placed; a sub-field's description (and "Các nhiệm vụ trọng tâm bao gồm:") is its content, the
    # section's lead-in no task.
    _, plan = draft(_province(_FIELDS))
    assert task_tree(plan) == [
        (0, "Tổ chức khám sức khỏe định kỳ cho người cao tuổi."), (0, "Y tế và Xã hội"), (1, "Y tế"),
        (2, "Xây dựng hồ sơ sức khỏe điện tử cho người cao tuổi."),
        (2, "Tổ chức khám sàng lọc bệnh không lây nhiễm cho người cao tuổi."), (1, "Xã hội"),
        (2, "Chi trả trợ cấp xã hội qua tài khoản ngân hàng."), (0, "Văn hóa"),
        (1, "Phát triển câu lạc bộ người cao tuổi ở các xã.")]


def test_a_gloss_in_brackets_on_the_next_line_goes_on_and_the_paragraph_after_is_the_items_text():
    # "a) Triển khai hệ thống … từ xa" / "(remote monitoring) tới …" / "Phát triển …" / "b) …": the line opening with
    # the gloss was a sub-task of its own, and so was the paragraph after it (two wrong tasks).
    _, plan = draft(_province(
        "**II. NHIỆM VỤ**\n**1. Y tế**\na) Triển khai hệ thống theo dõi sức khỏe từ xa\n"
        "(remote monitoring) tới từng người cao tuổi sống một mình.\n"
        "Phát triển ứng dụng di động để người cao tuổi đặt lịch khám.\n"
        "b) Tổ chức khám sàng lọc bệnh không lây nhiễm cho người cao tuổi.\n"))
    assert task_tree(plan) == [
        (0, "Y tế"),
        (1, "Triển khai hệ thống theo dõi sức khỏe từ xa (remote monitoring) tới từng người cao tuổi sống một mình. "
            "Phát triển ứng dụng di động để người cao tuổi đặt lịch khám."),
        (1, "Tổ chức khám sàng lọc bệnh không lây nhiễm cho người cao tuổi.")]


def test_a_dash_list_naming_platforms_an_item_includes_is_its_content():
    # "b) Triển khai một số nền tảng …, bao gồm:" / "- Nền tảng …;" / "- Nền tảng …": the platforms were read as
    # sub-tasks (wrong tasks); they are what the item builds, its content.
    result, plan = draft(_province(
        "**II. NHIỆM VỤ**\n**1. Y tế**\na) Xây dựng hồ sơ sức khỏe điện tử cho người cao tuổi.\n"
        "b) Triển khai một số nền tảng phục vụ chăm sóc người cao tuổi tại tỉnh, bao gồm:\n"
        "- Nền tảng quản lý hồ sơ người cao tuổi;\n- Nền tảng tư vấn sức khỏe từ xa cho người cao tuổi.\n"
        "**2. Văn hóa**\na) Phát triển câu lạc bộ người cao tuổi ở các xã.\n"))
    assert task_tree(plan) == [
        (0, "Y tế"), (1, "Xây dựng hồ sơ sức khỏe điện tử cho người cao tuổi."),
        (1, "Triển khai một số nền tảng phục vụ chăm sóc người cao tuổi tại tỉnh, bao gồm"), (0, "Văn hóa"),
        (1, "Phát triển câu lạc bộ người cao tuổi ở các xã.")]
    assert "Nền tảng tư vấn sức khỏe từ xa" in result.text


def _cell_table(rows: list[list[str]]) -> str:
    """A table copied from a web page one cell a line, each cell between lone "|" lines (an empty cell: nothing)."""
    out = []
    for row in rows:
        out.append("|")
        for cell in row:
            if cell:
                out.append(cell)
            out.append("|")
    return "\n".join(out) + "\n"


_MERGED = _cell_table([
    ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kết quả dự kiến",
     "Nguồn kinh phí"],
    ["I", "Chăm sóc sức khỏe người cao tuổi"],
    ["1", "Xây dựng phần mềm quản lý hồ sơ sức khỏe người cao tuổi trên địa bàn tỉnh", "Sở Y tế",
     "Sở Khoa học và Công nghệ, UBND các xã", "Quý IV/2026", "Phần mềm", "Ngân sách tỉnh"],
    ["", "Xây dựng hạ tầng dự phòng để sao lưu dữ liệu hồ sơ sức khỏe người cao tuổi.",
     "Trung tâm Kiểm soát bệnh tật tỉnh"],
    ["2", "Tổ chức khám sức khỏe định kỳ cho người cao tuổi tại trạm y tế xã.", "Sở Y tế", "UBND các xã",
     "Năm 2026"],
    ["", "Cập nhật kết quả khám vào hồ sơ sức khỏe điện tử của người cao tuổi.", "Trung tâm Y tế khu vực",
     "Sở Y tế"],
    ["3", "Bố trí cán bộ theo dõi sức khỏe người cao tuổi tại các xã, phường.\n"
          "Bố trí cán bộ quản trị phần mềm quản lý hồ sơ sức khỏe người cao tuổi.",
     "UBND các xã, phường\nSở Y tế", "Sở Y tế\nUBND các xã, phường", "Năm 2026", "Đủ cán bộ"],
    ["II", "Truyền thông"],
    ["1", "Tập huấn sử dụng phần mềm cho cán bộ y tế xã về quản lý hồ sơ sức khỏe.", "Sở Y tế", "UBND các xã",
     "Năm 2027", "Lớp tập huấn"]])


def test_appendix_rows_with_merged_cells_and_two_sentences_are_tasks_of_their_own():
    # A row without a number under a numbered row (its supports and time merged with the row above), and a row
    # printing two sentences with a lead and a supports line for each: the rows were left as lines not placed, or
    # read as the cells of the row above (its results and funding: wrong values).
    result, plan = draft(_province(_BODY) + "PHỤ LỤC\nNHIỆM VỤ CỦA CÁC SỞ, NGÀNH\n" + _MERGED)
    assert task_agencies(plan)[1:] == [
        ("Chăm sóc sức khỏe người cao tu", [], []),
        ("Xây dựng phần mềm quản lý hồ s", ["Sở Y tế"], ["Sở Khoa học và Công nghệ", "UBND các xã"]),
        ("Xây dựng hạ tầng dự phòng để s", ["Trung tâm Kiểm soát bệnh tật tỉnh"],
         ["Sở Khoa học và Công nghệ", "UBND các xã"]),
        ("Tổ chức khám sức khỏe định kỳ ", ["Sở Y tế"], ["UBND các xã"]),
        ("Cập nhật kết quả khám vào hồ s", ["Trung tâm Y tế khu vực"], ["Sở Y tế"]),
        ("Bố trí cán bộ theo dõi sức khỏ", ["UBND các xã, phường"], ["Sở Y tế"]),
        ("Bố trí cán bộ quản trị phần mề", ["Sở Y tế"], ["UBND các xã, phường"]),
        ("Truyền thông", [], []), ("Tập huấn sử dụng phần mềm cho ", ["Sở Y tế"], ["UBND các xã"])]
    assert "not placed" not in result.text.split("NHIỆM VỤ CỦA CÁC SỞ")[-1]


def test_a_funding_item_among_the_contents_holds_sources_not_tasks():
    # "5. Kinh phí thực hiện" among the numbered contents, over "- Ngân sách tỉnh: …" / "- Xã hội hóa: …": the heading
    # and its sources were tasks (wrong values); they are the plan's funding.
    result, plan = draft(_province(
        "**II. NỘI DUNG THỰC HIỆN**\n**1. Tổ chức khám sức khỏe định kỳ cho người cao tuổi**\n"
        "- Khám sàng lọc bệnh không lây nhiễm tại trạm y tế xã.\n**2. Kinh phí thực hiện**\n"
        "- Ngân sách tỉnh: chi cho khám sàng lọc, mua thuốc, tập huấn cán bộ.\n"
        "- Xã hội hóa: huy động các doanh nghiệp, nhà hảo tâm tài trợ thuốc và thiết bị.\n"
        "Việc quản lý, sử dụng và quyết toán kinh phí thực hiện theo quy định của pháp luật.\n"
        "**III. NHIỆM VỤ TRỌNG TÂM**\n1. Xây dựng hồ sơ sức khỏe điện tử cho người cao tuổi.\n"))
    assert task_tree(plan) == [
        (0, "Tổ chức khám sức khỏe định kỳ cho người cao tuổi"),
        (1, "Khám sàng lọc bệnh không lây nhiễm tại trạm y tế xã."),
        (0, "Xây dựng hồ sơ sức khỏe điện tử cho người cao tuổi.")]
    # (the closing "Việc quản lý, sử dụng … kinh phí …" says how the funds are handled: no source of its own)
    assert [f.source for f in plan.fundings] == ["Ngân sách tỉnh", "Xã hội hóa"]


def test_an_item_naming_the_plans_sources_and_lines_naming_funds_are_content():
    # "a) Kinh phí thực hiện Kế hoạch này bao gồm: …" and the "- Nguồn kinh phí … chi để …: …" lines under b): they
    # were tasks (wrong values); they say where the money comes from, the content of the task above.
    result, plan = draft(_province(
        "**II. NHIỆM VỤ**\n**1. Chăm sóc sức khỏe**\na) Tổ chức khám sức khỏe định kỳ cho người cao tuổi.\n"
        "**2. Bảo đảm kinh phí**\n"
        "a) Kinh phí thực hiện Kế hoạch này bao gồm: Ngân sách nhà nước; nguồn tài trợ của doanh nghiệp.\n"
        "b) Ưu tiên kinh phí từ ngân sách để thực hiện các nhiệm vụ chăm sóc sức khỏe người cao tuổi.\n"
        "- Nguồn kinh phí đầu tư chi để thực hiện các dự án: Xây dựng trạm y tế, mua sắm trang thiết bị.\n"
        "- Nguồn kinh phí thường xuyên chi để thực hiện nhiệm vụ: Tập huấn cán bộ, truyền thông.\n"
        "c) Huy động các doanh nghiệp tài trợ thuốc cho người cao tuổi.\n"))
    assert task_tree(plan) == [
        (0, "Chăm sóc sức khỏe"), (1, "Tổ chức khám sức khỏe định kỳ cho người cao tuổi."),
        (0, "Bảo đảm kinh phí"),
        (1, "Ưu tiên kinh phí từ ngân sách để thực hiện các nhiệm vụ chăm sóc sức khỏe người cao tuổi."),
        (1, "Huy động các doanh nghiệp tài trợ thuốc cho người cao tuổi.")]
    assert "Nguồn kinh phí thường xuyên chi" in result.text


def test_a_field_heading_over_one_paragraph_and_a_definition_of_its_term_are_content():
    # "a) Thể chế" / its one paragraph / "b) Hạ tầng số" / "- Hạ tầng số Hòa Bình bao gồm …": the paragraph was joined
    # onto the heading ("Thể chế. Triển khai …") and the definition was a task (wrong values).
    result, plan = draft(_province(
        "**II. NHIỆM VỤ**\n**1. Phát triển nền tảng chăm sóc người cao tuổi**\na) Thể chế\n"
        "Triển khai chính sách của Trung ương về người cao tuổi; xây dựng chính sách của tỉnh phù hợp với yêu cầu "
        "chăm sóc người cao tuổi tại địa phương.\nb) Hạ tầng số\n"
        "- Hạ tầng số Hòa Bình bao gồm hạ tầng viễn thông, hạ tầng dữ liệu và các nền tảng số dùng chung.\n"
        "- Phát triển mạng internet tốc độ cao đến các xã vùng sâu.\n"))
    assert task_tree(plan) == [
        (0, "Phát triển nền tảng chăm sóc người cao tuổi"), (1, "Thể chế"), (1, "Hạ tầng số"),
        (2, "Phát triển mạng internet tốc độ cao đến các xã vùng sâu.")]
    assert "Hạ tầng số Hòa Bình bao gồm" in result.text and "Triển khai chính sách của Trung ương" in result.text


def test_at_least_one_exchange_is_a_count_target():
    # "(2) Phát triển tối thiểu 01 sàn giao dịch …": a count of an exchange ("sàn") was no target.
    _, plan = draft(_province(
        "**II. MỤC TIÊU TỔNG QUÁT**\n1. Nâng cao chất lượng cuộc sống của người cao tuổi.\n"
        "**III. MỤC TIÊU**\n**1. Đến năm 2030 (2 mục tiêu)**\n"
        "(1) Tỷ lệ người cao tuổi được khám sức khỏe định kỳ đạt tối thiểu 85%;\n"
        "(2) Phát triển và triển khai tối thiểu 01 sàn giao dịch việc làm cho người cao tuổi;\n"
        "**IV. NHIỆM VỤ**\n1. Tổ chức khám sức khỏe định kỳ cho người cao tuổi.\n"))
    assert plan_targets(plan) == [(2030, 85.0, ">="), (2030, 1.0, ">=")]
