"""`plandsl import` on layouts of the twentieth held-out set (issue #10, docs/IMPORT.md "After the twentieth set
(no longer independent)").

Every text here was written for these tests (made-up bodies, figures and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, plan_targets, province_plan, task_agencies, task_tree


def _lam_dong(body: str, closing: str = "III") -> str:
    """A made-up plan of 2026 of the Lâm Đồng provincial people's committee, with ``body`` as its sections after the
    purpose."""
    text = province_plan(body, title="Cải cách hành chính năm 2026\n", closing=closing)
    return text.replace("TỈNH HÒA BÌNH", "TỈNH LÂM ĐỒNG").replace("Hòa Bình, ngày", "Lâm Đồng, ngày")


_FIELDS = ("**II. MỤC TIÊU, NHIỆM VỤ**\n1. Cải cách thể chế\na) Mục tiêu\n"
           "- 100% văn bản quy phạm pháp luật được kiểm tra theo quy định.\n"
           "- Có ứng dụng AI hỗ trợ công tác phổ biến pháp luật.\n"
           "b) Nhiệm vụ\n- Thường xuyên rà soát, hệ thống hóa các văn bản quy phạm pháp luật.\n"
           "- Sở Tư pháp tham mưu Ủy ban nhân dân tỉnh triển khai ứng dụng AI trong công tác phổ biến pháp luật.\n"
           "2. Cải cách thủ tục hành chính\na) Mục tiêu\n- Không có thủ tục hành chính ban hành trái quy định.\n"
           "- Tối thiểu 97% hồ sơ thủ tục hành chính được giải quyết đúng hạn.\n"
           "b) Nhiệm vụ\n- Tổ chức rà soát, công bố thủ tục hành chính nội bộ.\n"
           "- Thường xuyên kiểm tra tác phong làm việc của công chức tại bộ phận một cửa.\n"
           "3. Cải cách tổ chức bộ máy\na) Mục tiêu\n- 100% cơ quan hoàn thiện quy định chức năng, nhiệm vụ.\n"
           "b) Nhiệm vụ\n- Rà soát chức năng, nhiệm vụ của cơ quan chuyên môn.\n")


def test_fields_each_with_aims_and_tasks_are_tasks_over_their_tasks_and_their_aims_objectives():
    # "1. Cải cách thể chế" / "a) Mục tiêu" / "- 100% …" / "b) Nhiệm vụ" / "- …", field after field: the second field
    # heading was read as a sub-task of the first field's last item, the later "Mục tiêu" items as tasks, and the
    # labels "Mục tiêu" and "Nhiệm vụ" as tasks.
    _, plan = draft(_lam_dong(_FIELDS))
    assert task_tree(plan) == [
        (0, "Cải cách thể chế"),
        (1, "Thường xuyên rà soát, hệ thống hóa các văn bản quy phạm pháp luật."),
        (1, "Sở Tư pháp tham mưu Ủy ban nhân dân tỉnh triển khai ứng dụng AI trong công tác phổ biến pháp luật."),
        (0, "Cải cách thủ tục hành chính"),
        (1, "Tổ chức rà soát, công bố thủ tục hành chính nội bộ."),
        (1, "Thường xuyên kiểm tra tác phong làm việc của công chức tại bộ phận một cửa."),
        (0, "Cải cách tổ chức bộ máy"),
        (1, "Rà soát chức năng, nhiệm vụ của cơ quan chuyên môn."),
    ]
    assert plan_targets(plan) == [(2026, 100.0, ">="), (2026, 97.0, ">="), (2026, 100.0, ">=")]


_APPENDIX = ("PHỤ LỤC\nPHÂN CÔNG THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026\n"
             "| STT | Nhiệm vụ | Sản phẩm | Thời gian hoàn thành | Chủ trì thực hiện | Phối hợp thực hiện | "
             "Theo dõi, kiểm tra, đôn đốc |\n"
             "| I | Cải cách thể chế | | | | | |\n"
             "| 1 | Thường xuyên rà soát, hệ thống hóa các văn bản quy phạm pháp luật. | Kết quả rà soát | "
             "Thường xuyên trong năm | Sở Tư pháp | Các sở, ban, ngành | Sở Tư pháp |\n"
             "| 2 | Tham mưu UBND tỉnh triển khai ứng dụng AI trong công tác phổ biến pháp luật. | Ứng dụng AI | "
             "Trong năm 2026 | Sở Tư pháp | Sở Khoa học và Công nghệ | Sở Tư pháp |\n"
             "| II | Cải cách thủ tục hành chính | | | | | |\n"
             "| 1 | Tổ chức rà soát, công bố thủ tục hành chính nội bộ. | Quyết định của Chủ tịch UBND tỉnh | "
             "Thường xuyên trong năm | Các sở, ban, ngành | Văn phòng UBND tỉnh; UBND các xã, phường | "
             "Văn phòng UBND tỉnh |\n"
             "| 2 | Tổ chức thanh tra việc giải quyết thủ tục hành chính của công chức. | Kết quả thanh tra | "
             "Thường xuyên trong năm | Thanh tra tỉnh | Sở Nội vụ | Văn phòng UBND tỉnh |\n")


def test_an_appendix_assignment_table_gives_the_fields_items_their_bodies_and_adds_the_rows_without_an_item():
    # "PHÂN CÔNG THỰC HIỆN NHIỆM VỤ" with the columns "Chủ trì thực hiện" / "Phối hợp thực hiện" and a last column
    # "Theo dõi, kiểm tra, đôn đốc": the table was not read (the last column was not known), so no task had a body.
    # Its group rows repeat the fields and its rows the fields' items (once with "UBND" for "Ủy ban nhân dân"): each
    # task is written once, with the row's bodies; a row without an item is a task under its field.
    _, plan = draft(_lam_dong(_FIELDS.replace("- Sở Tư pháp tham mưu Ủy", "- Tham mưu Ủy")) + _APPENDIX)
    assert task_agencies(plan) == [
        ("Cải cách thể chế", [], []),
        ("Thường xuyên rà soát, hệ thống", ["Sở Tư pháp"], ["Các sở, ban, ngành"]),
        ("Tham mưu Ủy ban nhân dân tỉnh ", ["Sở Tư pháp"], ["Sở Khoa học và Công nghệ"]),
        ("Cải cách thủ tục hành chính", [], []),
        ("Tổ chức rà soát, công bố thủ t", ["Các sở, ban, ngành"], ["Văn phòng UBND tỉnh", "UBND các xã, phường"]),
        ("Thường xuyên kiểm tra tác phon", [], []),
        ("Tổ chức thanh tra việc giải qu", ["Thanh tra tỉnh"], ["Sở Nội vụ"]),
        ("Cải cách tổ chức bộ máy", [], []),
        ("Rà soát chức năng, nhiệm vụ củ", [], []),
    ]


def test_one_body_under_a_responsibility_column_is_the_rows_lead():
    # "| TT | Nội dung | Trách nhiệm thực hiện | Thời gian |" with "Lãnh đạo Sở Y tế" in the row: the body was left as
    # a review ("cơ quan thực hiện" not encoded); one body that answers for the row is its lead. Two bodies, or
    # "chủ trì" / "phối hợp" in the cell, stay as before.
    body = ("**II. NỘI DUNG TUYÊN TRUYỀN**\n1. Tổ chức chương trình đối thoại về cải cách hành chính\n"
            "| TT | Nội dung | Trách nhiệm thực hiện | Thời gian (Năm 2026) |\n"
            "| 1 | Giải đáp kiến nghị của người dân về thủ tục hành chính thuộc thẩm quyền của Sở Y tế | "
            "Lãnh đạo Sở Y tế | Từ 20 giờ 00 phút ngày 12 tháng 3 |\n"
            "| 2 | Giải đáp kiến nghị của người dân về thủ tục hành chính thuộc thẩm quyền của Công an tỉnh | "
            "Lãnh đạo Công an tỉnh | Từ 20 giờ 00 phút ngày 14 tháng 5 |\n"
            "| 3 | Giải đáp kiến nghị của người dân về đất đai | Sở Xây dựng, Sở Tài chính | "
            "Từ 20 giờ 00 phút ngày 11 tháng 6 |\n")
    _, plan = draft(_lam_dong(body))
    assert [leads for _text, leads, _supports in task_agencies(plan)][-3:] == [
        ["Lãnh đạo Sở Y tế"], ["Lãnh đạo Công an tỉnh"], []]


def test_a_body_heading_naming_the_force_the_body_commands_leads_with_the_body():
    # "5.2. Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Dân quân tự vệ" over "Chủ trì, …": the whole heading was the
    # lead; the body is the one before "chỉ đạo".
    _, plan = draft(_lam_dong(
        "**II. NHIỆM VỤ, GIẢI PHÁP**\n1. Tăng cường quản lý địa bàn\n1.1. Công an tỉnh\n"
        "Chủ trì tổ chức tuần tra, kiểm soát trên các tuyến đường trọng điểm.\n"
        "1.2. Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Dân quân tự vệ\n"
        "Chủ trì tổ chức tuần tra tại các xã vùng sâu, vùng xa của tỉnh.\n"))
    assert [leads for _text, leads, _supports in task_agencies(plan)][-2:] == [
        ["Công an tỉnh"], ["Bộ Chỉ huy quân sự tỉnh"]]


def test_an_inspection_schedule_table_gives_a_task_per_unit_inspected_with_no_lead():
    # "PHỤ LỤC / THỜI GIAN, ĐƠN VỊ ĐƯỢC KIỂM TRA" with "| STT | Đơn vị được kiểm tra | Thời gian kiểm tra |": the table
    # was not read (no lead column), its rows left as lines. Each row is the inspection of one unit: a task with the
    # unit as printed and no lead (the unit inspected does not lead it); the group rows are labels.
    body = ("**II. NỘI DUNG KIỂM TRA**\n1. Kiểm tra việc ban hành kế hoạch cải cách hành chính năm 2026.\n"
            "2. Kiểm tra việc giải quyết thủ tục hành chính cho người dân.\n")
    schedule = ("PHỤ LỤC\nTHỜI GIAN, ĐƠN VỊ ĐƯỢC KIỂM TRA\n"
                "| STT | Đơn vị được kiểm tra | Thời gian kiểm tra |\n"
                "| I | Cơ quan chuyên môn cấp tỉnh | |\n"
                "| 1 | Sở Tài chính | Tháng 4/2026 |\n"
                "| 2 | Sở Giáo dục và Đào tạo (Trung tâm Giáo dục thường xuyên tỉnh) | Từ tháng 5 đến tháng 6/2026 |\n"
                "| II | Ủy ban nhân dân cấp xã | |\n"
                "| 1 | Xã Phú Sơn | Tháng 7/2026 |\n"
                "| 2 | Phường 3 Đông Hà | Tháng 8/2026 |\n")
    _, plan = draft(_lam_dong(body) + schedule)
    assert task_agencies(plan)[-4:] == [
        ("Sở Tài chính", [], []),
        ("Sở Giáo dục và Đào tạo (Trung ", [], []),
        ("Xã Phú Sơn", [], []),
        ("Phường 3 Đông Hà", [], []),
    ]
    assert [text for _depth, text in task_tree(plan)][:2] == [
        "Kiểm tra việc ban hành kế hoạch cải cách hành chính năm 2026.",
        "Kiểm tra việc giải quyết thủ tục hành chính cho người dân."]
    assert len(task_tree(plan)) == 6


def test_a_numbered_count_with_a_floor_percentage_outside_the_targets_is_an_objective_of_the_plans_year():
    # "2. Số lượng đơn vị kiểm tra: Tối thiểu 25% cơ quan …" in a section that holds no targets: the line was left as
    # "not placed"; it states a floor for the plan's one year, an objective with that target. A count with no
    # floor word, or with a second figure, is not read.
    body = ("**II. NỘI DUNG KIỂM TRA**\n1. Kiểm tra việc ban hành kế hoạch cải cách hành chính năm 2026.\n"
            "**III. ĐƠN VỊ ĐƯỢC KIỂM TRA, THỜI GIAN KIỂM TRA**\n"
            "1. Số lượng đơn vị kiểm tra: Tối thiểu 25% cơ quan chuyên môn thuộc UBND tỉnh và UBND cấp xã.\n"
            "2. Số lượng cuộc kiểm tra: 12 cuộc, trong đó 4 cuộc tại cấp tỉnh.\n"
            "3. Thời gian kiểm tra: Theo Phụ lục kèm theo Kế hoạch này.\n")
    result, plan = draft(_lam_dong(body, closing="IV"))
    assert plan_targets(plan) == [(2026, 25.0, ">=")]
    assert "Số lượng đơn vị kiểm tra: Tối thiểu 25% cơ quan chuyên môn thuộc UBND tỉnh và UBND cấp xã" in result.text
