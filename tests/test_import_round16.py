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
