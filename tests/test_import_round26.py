"""`plandsl import` on an event plan's activities (issue #10, docs/IMPORT.md "After the twenty-fifth set", round two
(brief h12p)): each activity "1. …" is followed by "-" lines that describe it (time, place, lead, supports, funds);
they are its fields, not its sub-tasks.

Every text here was written for these tests (made-up plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, province_plan, task_agencies, task_tree

_EVENTS = ("**II. NỘI DUNG CÁC HOẠT ĐỘNG**\n"
           "1. Hội diễn văn nghệ quần chúng chào mừng ngày hội\n"
           "- Thời gian dự kiến: ngày 05/11/2025 (thứ Tư).\n"
           "- Địa điểm: Nhà văn hóa tỉnh.\n"
           "- Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch.\n"
           "- Đơn vị phối hợp: Hội Người cao tuổi tỉnh, các huyện, thành phố.\n"
           "- Kinh phí: Ngân sách tỉnh và các nguồn hợp pháp khác.\n"
           "2. Giải thi đấu thể thao dành cho người cao tuổi\n"
           "- Thời gian thực hiện: quý IV năm 2025.\n"
           "- Quy mô: 300 vận động viên của các huyện.\n"
           "- Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch.\n"
           "- Đơn vị phối hợp:\n"
           "Hội Người cao tuổi tỉnh, Ủy ban nhân dân các huyện, thành phố.\n"
           "- Nội dung: Thi đấu các môn cờ tướng, bóng bàn, dưỡng sinh.\n"
           "- Kinh phí: Ngân sách tỉnh.\n"
           "**III. KINH PHÍ THỰC HIỆN**\nNgân sách tỉnh bảo đảm theo quy định.\n")


def test_an_activitys_labelled_lines_are_its_notes_not_sub_tasks():
    # "- Thời gian dự kiến: …" and "- Kinh phí: …" around the activity's "Đơn vị chủ trì:" were read as its sub-tasks
    result, plan = draft(province_plan(_EVENTS))
    assert task_tree(plan) == [(0, "Hội diễn văn nghệ quần chúng chào mừng ngày hội"),
                               (0, "Giải thi đấu thể thao dành cho người cao tuổi")]
    for note in ("# Thời gian dự kiến: ngày 05/11/2025 (thứ Tư).", "# Địa điểm: Nhà văn hóa tỉnh.",
                 "# Kinh phí: Ngân sách tỉnh và các nguồn hợp pháp khác.", "# Quy mô: 300 vận động viên của các huyện.",
                 "# Nội dung: Thi đấu các môn cờ tướng, bóng bàn, dưỡng sinh.", "# Kinh phí: Ngân sách tỉnh."):
        assert note in result.text  # never lost
    assert plan.tasks[1].due is not None  # "Thời gian thực hiện: quý IV năm 2025", read as before
    assert plan.tasks[0].due is None  # "Thời gian dự kiến: ngày …" is no time the importer reads


def test_a_supports_field_with_its_list_on_the_next_line():
    # "- Đơn vị phối hợp:" / "Hội Người cao tuổi tỉnh, …": the support read was "Đơn vị"
    _, plan = draft(province_plan(_EVENTS))
    assert task_agencies(plan)[1] == ("Giải thi đấu thể thao dành cho", ["Sở Văn hóa, Thể thao và Du lịch"],
                                      ["Hội Người cao tuổi tỉnh", "Ủy ban nhân dân các huyện, thành phố"])


def test_labelled_lines_under_an_item_without_agency_fields_stay_sub_tasks():
    body = ("**II. NHIỆM VỤ**\n1. Tuyên truyền về chăm sóc người cao tuổi\n"
            "- Quy mô: Tổ chức hội nghị tuyên truyền tại mười huyện, thành phố.\n"
            "- Thành phần: Mời đại diện Hội Người cao tuổi các xã tham dự hội nghị.\n")
    _, plan = draft(province_plan(body))
    assert [d for d, _ in task_tree(plan)] == [0, 1, 1]


def test_a_line_after_the_fields_of_an_activity_whose_other_lines_come_before_them_is_kept():
    # "- Thời gian dự kiến: …" / "- Địa điểm: …" / the fields / "- Hình thức thực hiện: …": the first two became the
    # activity's notes, the last (read as the place's note) was lost
    body = ("**II. NỘI DUNG CÁC HOẠT ĐỘNG**\n1. Liên hoan dưỡng sinh người cao tuổi\n"
            "- Thời gian dự kiến: ngày 12/11/2025 (thứ Tư).\n- Địa điểm: Sân vận động tỉnh.\n"
            "- Đơn vị chủ trì: Hội Người cao tuổi tỉnh.\n- Đơn vị phối hợp: Sở Y tế, các huyện, thành phố.\n"
            "- Hình thức thực hiện: Đồng diễn dưỡng sinh của các câu lạc bộ người cao tuổi.\n"
            "**III. KINH PHÍ THỰC HIỆN**\nNgân sách tỉnh bảo đảm theo quy định.\n")
    result, plan = draft(province_plan(body))
    assert task_tree(plan) == [(0, "Liên hoan dưỡng sinh người cao tuổi")]
    assert "# Hình thức thực hiện: Đồng diễn dưỡng sinh của các câu lạc bộ người cao tuổi." in result.text
