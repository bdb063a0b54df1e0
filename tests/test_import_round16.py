"""`plandsl import` on layouts of the nineteenth held-out set (issue #10, docs/IMPORT.md "After the nineteenth set
(no longer independent)").

Every text here was written for these tests (made-up bodies, figures and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, province_plan, task_agencies, task_tree


def _lam_dong(body: str, bases: str | None = None) -> str:
    """A made-up plan of the Lâm Đồng provincial people's committee, with ``body`` as its sections after the
    purpose."""
    text = province_plan(body, closing="V", bases=bases)
    return text.replace("TỈNH HÒA BÌNH", "TỈNH LÂM ĐỒNG").replace("Hòa Bình, ngày", "Lâm Đồng, ngày")


_BODY = "**II. NHIỆM VỤ**\n1. Tổ chức khám sức khỏe định kỳ cho người cao tuổi.\n"


def test_a_province_whose_second_name_starts_with_d_stroke_is_read_whole_from_the_preamble():
    # "UBND tỉnh Lâm Đồng ban hành Kế hoạch …, như sau:": the name was cut at "Lâm" ("Đ" fell in the class of
    # lower-case letters that must follow the body's name), a wrong jurisdiction and issuer.
    result, plan = draft(_lam_dong(_BODY, bases=(
        "Căn cứ Luật Người cao tuổi ngày 23 tháng 11 năm 2009;\n"
        "UBND tỉnh Lâm Đồng ban hành Kế hoạch chăm sóc người cao tuổi trên địa bàn tỉnh Lâm Đồng năm 2026, như sau:\n")))
    assert 'jurisdiction "Tỉnh Lâm Đồng"' in result.text
    assert 'issuer "Ủy ban nhân dân tỉnh Lâm Đồng"' in result.text


def test_award_criteria_after_a_paragraph_naming_duties_and_criteria_are_no_tasks():
    # "… thực hiện nhiệm vụ dân số và đáp ứng đầy đủ các tiêu chí sau:" under an awards section:
    # the words "nhiệm vụ … sau:" opened the tasks, and the criteria and the dossier items after them were tasks.
    _, plan = draft(_lam_dong(
        _BODY + "**III. TIÊU CHUẨN, HỒ SƠ KHEN THƯỞNG**\n1. Tiêu chuẩn Bằng khen của Chủ tịch UBND tỉnh\n"
        "Mỗi xã được đề xuất 01 cá nhân là công chức trực tiếp thực hiện nhiệm vụ dân số và đáp "
        "ứng đầy đủ các tiêu chí sau:\n- Gương mẫu chấp hành tốt chính sách, pháp luật của Nhà nước.\n"
        "- Có sáng kiến được Hội đồng sáng kiến cấp cơ sở công nhận.\n2. Hồ sơ đề nghị khen thưởng\n"
        "2.1. Hồ sơ gồm:\na) Tờ trình đề nghị khen thưởng.\nb) Báo cáo thành tích của cá nhân.\n"))
    assert task_tree(plan) == [(0, "Tổ chức khám sức khỏe định kỳ cho người cao tuổi.")]


_TOPICS = ("**II. NỘI DUNG, GIẢI PHÁP VÀ PHÂN CÔNG NHIỆM VỤ**\n"
           "1. Bảo đảm nguồn lực cho công tác chăm sóc người cao tuổi\n"
           "1.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành\n"
           "- Tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện Kế hoạch hằng năm.\n"
           "- Chủ trì, phối hợp với các sở, ngành liên quan hướng dẫn sử dụng kinh phí của Kế hoạch.\n"
           "1.2. Sở Y tế\n"
           "- Tổ chức khám sức khỏe định kỳ cho người cao tuổi.\n")


def test_a_body_heading_that_says_it_chairs_is_no_task_and_leads_its_items():
    # "1.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành" over "-" items: the heading was a task over its items,
    # which had no lead; its body leads each item, the bodies after "phối hợp" support it (an item naming its own
    # helpers keeps them).
    _, plan = draft(_lam_dong(_TOPICS))
    assert task_agencies(plan) == [
        ("Bảo đảm nguồn lực cho công tác", [], []),
        ("Tham mưu Ủy ban nhân dân tỉnh ", ["Sở Tài chính"], ["các sở, ban, ngành"]),
        ("Chủ trì, phối hợp với các sở, ", ["Sở Tài chính"], ["các sở, ngành liên quan"]),
        ("Tổ chức khám sức khỏe định kỳ ", [], [])]


def test_plus_items_under_a_dash_item_ending_in_a_colon_are_its_content():
    # "- Tham mưu Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh quyết định:" / "+ …" / "+ …": the "+" items say
    # what the item proposes; they were tasks beside it.
    _, plan = draft(_lam_dong(
        "**II. NHIỆM VỤ**\n1. Bảo đảm nguồn lực cho công tác chăm sóc người cao tuổi\n"
        "- Tham mưu Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh quyết định:\n"
        "+ Mức hỗ trợ người cao tuổi từ ngân sách địa phương;\n+ Nguyên tắc phân bổ kinh phí cho các xã.\n"
        "- Tổ chức khám sức khỏe định kỳ cho người cao tuổi.\n"))
    assert task_tree(plan) == [
        (0, "Bảo đảm nguồn lực cho công tác chăm sóc người cao tuổi"),
        (1, "Tham mưu Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh quyết định"),
        (1, "Tổ chức khám sức khỏe định kỳ cho người cao tuổi.")]


def test_a_heading_that_only_labels_its_lettered_items_is_no_task():
    # "2. Nội dung tuyên truyền" / "3. Hình thức tuyên truyền" over a), b): labels of the items, which are the tasks
    # (as "Nội dung thi đua"); they were tasks over them.
    _, plan = draft(_lam_dong(
        "**II. NHIỆM VỤ**\n1. Nội dung tuyên truyền\na) Tuyên truyền chính sách đối với người cao tuổi.\n"
        "b) Tuyên truyền gương người cao tuổi tiêu biểu.\n2. Hình thức tuyên truyền\n"
        "a) Tổ chức hội nghị, tọa đàm về chăm sóc người cao tuổi.\n"))
    assert task_tree(plan) == [(0, "Tuyên truyền chính sách đối với người cao tuổi."),
                               (0, "Tuyên truyền gương người cao tuổi tiêu biểu."),
                               (0, "Tổ chức hội nghị, tọa đàm về chăm sóc người cao tuổi.")]
