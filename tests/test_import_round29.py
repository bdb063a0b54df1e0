"""`plandsl import` on a Party body's plan (issue #10, after the twenty-sixth set): bold lettered headings that name
the Party's own bodies or a body's leaders ("**a) Tổ đảng ở Thường trực Ban …**", "Đảng ủy cơ quan …", "Lãnh đạo Ban
…") over "*" items are body headings, no task; the items that say "chủ trì" (at their start, or as the last of the
body's own actions: "Tiếp tục rà soát, kiến nghị sửa đổi, bổ sung, chủ trì thẩm tra …") have the heading's body as
their lead, and an abbreviated name's comma ("Ủy ban KH,CN&MT") stays in the name.

Every text here was written for these tests (made-up plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, plan_targets, province_plan, task_agencies, task_tree

_PARTY_BODIES = ("**II. PHÂN CÔNG NHIỆM VỤ**\n"
                 "**1. Lãnh đạo, chỉ đạo rà soát các nghị quyết của Hội đồng nhân dân tỉnh:**\n"
                 "**a) Tổ đảng ở Thường trực Ban Kinh tế - Ngân sách**\n\n"
                 "*   Chủ trì thẩm tra các dự thảo nghị quyết về chăm sóc người cao tuổi trình Hội đồng nhân dân tỉnh.\n"
                 "*   Tiếp tục rà soát, kiến nghị sửa đổi, bổ sung, chủ trì thẩm tra các đề án: Đề án nhà dưỡng lão, "
                 "Đề án bảo trợ xã hội.\n"
                 "*   Thực hiện các nội dung khác theo sự phân công của Thường trực Hội đồng nhân dân tỉnh (nếu có).\n\n"
                 "**b) Đảng ủy cơ quan Văn phòng Hội đồng nhân dân tỉnh**\n\n"
                 "*   Phối hợp tổ chức quán triệt đến các chi bộ trực thuộc và đảng viên của cơ quan.\n"
                 "**c) Lãnh đạo Ban Văn hóa - Xã hội**\n\n"
                 "*   Chủ trì giúp Thường trực Hội đồng nhân dân tỉnh giám sát việc chi trả trợ cấp cho người cao tuổi.\n"
                 "**d) Tổ đảng ở Thường trực Ban KH,CN&MT**\n\n"
                 "*   Chủ trì giám sát việc ứng dụng công nghệ số trong chăm sóc người cao tuổi.\n\n")


def test_a_party_body_heading_is_no_task_and_leads_the_items_that_say_it_chairs():
    _result, plan = draft(province_plan(_PARTY_BODIES, closing="III"))
    assert task_tree(plan) == [
        (0, "Lãnh đạo, chỉ đạo rà soát các nghị quyết của Hội đồng nhân dân tỉnh"),
        (1, "Chủ trì thẩm tra các dự thảo nghị quyết về chăm sóc người cao tuổi trình Hội đồng nhân dân tỉnh."),
        (1, "Tiếp tục rà soát, kiến nghị sửa đổi, bổ sung, chủ trì thẩm tra các đề án: Đề án nhà dưỡng lão, Đề án bảo "
            "trợ xã hội."),
        (1, "Thực hiện các nội dung khác theo sự phân công của Thường trực Hội đồng nhân dân tỉnh (nếu có)."),
        (1, "Phối hợp tổ chức quán triệt đến các chi bộ trực thuộc và đảng viên của cơ quan."),
        (1, "Chủ trì giúp Thường trực Hội đồng nhân dân tỉnh giám sát việc chi trả trợ cấp cho người cao tuổi."),
        (1, "Chủ trì giám sát việc ứng dụng công nghệ số trong chăm sóc người cao tuổi.")]
    assert [leads for _, leads, _ in task_agencies(plan)] == [
        [], ["Tổ đảng ở Thường trực Ban Kinh tế - Ngân sách"], ["Tổ đảng ở Thường trực Ban Kinh tế - Ngân sách"], [],
        [], ["Lãnh đạo Ban Văn hóa - Xã hội"], ["Tổ đảng ở Thường trực Ban KH,CN&MT"]]


_NOT_CHAIRED = ("**II. PHÂN CÔNG NHIỆM VỤ**\n"
                "**1. Tổ chức thực hiện các nhiệm vụ trọng tâm:**\n"
                "**a) Tổ đảng ở Thường trực Ban Pháp chế**\n\n"
                "*   Tham gia thẩm tra các dự thảo nghị quyết, Sở Tư pháp, chủ trì thẩm định hồ sơ.\n"
                "*   Rà soát, kiến nghị sửa đổi, Ban Pháp chế, chủ trì tổng hợp kết quả.\n\n"
                "**b) Lãnh đạo, chỉ đạo các cơ quan rà soát văn bản**\n\n"
                "*   Chủ trì rà soát các văn bản quy phạm pháp luật của tỉnh.\n\n")


def test_a_chair_named_after_another_body_or_a_heading_that_acts_gives_no_lead():
    # ", chủ trì" after a body's name is that body's chair, not the heading's; "Lãnh đạo, chỉ đạo …" is an action.
    _result, plan = draft(province_plan(_NOT_CHAIRED, closing="III"))
    agencies = task_agencies(plan)
    assert [leads for text, leads, _ in agencies if text.startswith(("Tham gia", "Rà soát"))] == [[], []]
    assert (1, "Lãnh đạo, chỉ đạo các cơ quan rà soát văn bản") in task_tree(plan)


_TASK_COUNTS = ("**II. NHIỆM VỤ**\n"
                "1. Phát triển mạng lưới các trung tâm đổi mới sáng tạo của tỉnh. Phấn đấu đến năm 2030, có ít nhất 04 "
                "dự án, chương trình trong lĩnh vực trí tuệ nhân tạo, đô thị thông minh... được triển khai.\n"
                "2. Thu hút đầu tư vào khu công nghệ thông tin tập trung. Phấn đấu đến năm 2030, có 06 dự án được cấp "
                "phép.\n"
                "3. Hỗ trợ doanh nghiệp khởi nghiệp. Phấn đấu đến năm 2030, có ít nhất 03 dự án và 20 doanh nghiệp "
                "được ươm tạo.\n")


def test_a_count_floor_a_task_states_for_its_year_is_also_an_objective():
    # Only "đến năm YYYY, có ít nhất N <a counted thing>" with no other figure: a bare count ("có 06 dự án") or a
    # second count in the sentence gives none.
    _result, plan = draft(province_plan(_TASK_COUNTS, closing="III"))
    assert plan_targets(plan) == [(2030, 4.0, ">=")]
    assert [o.text for o in plan.objectives if o.targets] == [
        "Phấn đấu đến năm 2030, có ít nhất 04 dự án, chương trình trong lĩnh vực trí tuệ nhân tạo, đô thị thông minh... "
        "được triển khai."]
    assert len(task_tree(plan)) == 3  # each task stays a task
