"""`plandsl import` on shapes found after the twelfth held-out set (issue #10, docs/IMPORT.md "After the twelfth
set (no longer independent)"): resolutions of the Chính phủ in the gazette's text layer.

Every text here was written for these tests (made-up bodies and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft

# A made-up resolution whose mixed-case title is wrapped over four lines, one of them cut inside a body's name
# ("… của Ban Chấp hành" / "Trung ương Đảng khóa XIII …").
_WRAPPED_TITLE = (
    "CHÍNH PHỦ \n_________ \n \nSố:  88/NQ-CP \n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc  \n________________ \n"
    "Hà Nội, ngày 10 tháng 3 năm 2026 \n \n \n"
    "NGHỊ QUYẾT \n"
    "Về việc thực hiện Kết luận số 77-KL/TW ngày 02 tháng 10 năm 2025 \n"
    "của Ban Chấp hành  \n"
    "Trung ương Đảng khóa XIII về phát triển hợp tác xã nông nghiệp  \n"
    "trong thời gian tới \n___________ \n \n"
    "CHÍNH PHỦ \n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; \n"
    "QUYẾT NGHỊ: \n"
    "Điều 1. Các bộ, cơ quan ngang bộ tổ chức thực hiện Kết luận số 77-KL/TW. \n"
    "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành. \n")


def test_a_title_cut_inside_ban_chấp_hành_trung_ương_goes_on():
    # Nghị quyết 105/NQ-CP's title (after the twelfth set, NOT independent) had stopped at "… của Ban Chấp hành":
    # "Trung ương Đảng khóa XIII về …" opens with a capital and was left as a line not placed.
    result, plan = draft(_WRAPPED_TITLE)
    assert plan.title == ("Nghị quyết về việc thực hiện Kết luận số 77-KL/TW ngày 02 tháng 10 năm 2025 của Ban Chấp hành "
                          "Trung ương Đảng khóa XIII về phát triển hợp tác xã nông nghiệp trong thời gian tới")
    assert "# not placed: Trung ương" not in result.text


def _issuing(title: str, heading: str) -> str:
    # A made-up resolution that issues a programme printed after it, on its own page under its own heading.
    return ("CHÍNH PHỦ \n_________ \n \nSố:  91/NQ-CP \n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc  \n________________ \n"
            "Hà Nội, ngày 12 tháng 3 năm 2026 \n \n \n"
            f"NGHỊ QUYẾT \n{title}___________ \n \n"
            "CHÍNH PHỦ \n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; \n"
            "QUYẾT NGHỊ: \n"
            "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động của Chính phủ thực hiện Chỉ thị số "
            "15-CT/TW. \n"
            "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành. \n"
            "TM. CHÍNH PHỦ \nKT. THỦ TƯỚNG \nPHÓ THỦ TƯỚNG \n \nNguyễn Văn Ba \n \n"
            "CHÍNH PHỦ \n__________ \n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc  \n________________ \n \n"
            f"{heading}"
            "(Kèm theo Nghị quyết số 91/NQ-CP ngày 12 tháng 3 năm 2026 của Chính phủ) \n____________ \n"
            "I. MỤC ĐÍCH, YÊU CẦU \n1. Cụ thể hóa các nhiệm vụ được giao. \n"
            "II. NHIỆM VỤ, GIẢI PHÁP \n"
            "1. Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với các bộ, ngành rà soát quy định về bảo tồn đất ngập "
            "nước. \n")


_NQ_TITLE = ("Ban hành Chương trình hành động của Chính phủ thực hiện Chỉ thị số 15-CT/TW \n"
             "ngày 04 tháng 8 năm 2025 của Ban Bí thư về bảo tồn đất ngập nước \n")


def test_a_resolution_issuing_a_programme_is_that_programme_titled_by_its_own_heading():
    # Nghị quyết 100/NQ-CP and 105/NQ-CP (after the twelfth set, NOT independent): kind "Nghị quyết" and the title
    # "Nghị quyết ban hành Chương trình hành động …" had been written; the programme's heading was a line not placed.
    result, plan = draft(_issuing(_NQ_TITLE, "CHƯƠNG TRÌNH  \nHành động thực hiện Chỉ thị số 15-CT/TW ngày 04 tháng 8 "
                                             "năm 2025 \ncủa Ban Bí thư về bảo tồn đất ngập nước \n"))
    assert plan.kind == "Chương trình"
    assert plan.title == ("Chương trình hành động thực hiện Chỉ thị số 15-CT/TW ngày 04 tháng 8 năm 2025 của Ban Bí thư "
                          "về bảo tồn đất ngập nước")
    assert plan.instrument.number == "91/NQ-CP"
    assert "# not placed: Hành động" not in result.text


def test_a_programmes_heading_with_words_on_its_kind_line_keeps_them():
    # "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ" / "thực hiện Chỉ thị …": the words on the kind's line are the title's
    _result, plan = draft(_issuing(_NQ_TITLE, "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ \nthực hiện Chỉ thị số 15-CT/TW "
                                              "ngày 04 tháng 8 năm 2025 \ncủa Ban Bí thư về bảo tồn đất ngập nước \n"))
    assert plan.kind == "Chương trình"
    assert plan.title == ("Chương trình hành động của Chính phủ thực hiện Chỉ thị số 15-CT/TW ngày 04 tháng 8 năm 2025 "
                          "của Ban Bí thư về bảo tồn đất ngập nước")


def test_a_resolution_approving_a_đề_án_is_that_đề_án_and_one_on_another_matter_keeps_its_kind():
    _result, plan = draft(_issuing("Phê duyệt Đề án bảo tồn đất ngập nước \n", ""))
    assert plan.kind == "Đề án"
    assert plan.title == "Đề án bảo tồn đất ngập nước"
    _result, other = draft(_issuing("Về phiên họp Chính phủ thường kỳ tháng 3 năm 2026 \n", ""))
    assert other.kind == "Nghị quyết"
    # a resolution approving another body's numbered plan is the approval, as before (the plan's kind comes from
    # the plan's own heading)
    _result, approval = draft(_issuing("Về việc phê duyệt Kế hoạch số 46/KH-UBND ngày 22/6/2026 của Ủy ban nhân dân "
                                       "tỉnh Ninh Bình \n", ""))
    assert approval.kind == "Nghị quyết"


def test_a_support_list_ends_at_nghiên_cứu_and_hoàn_thiện():
    # Nghị quyết 105/NQ-CP (after the twelfth set, NOT independent): "… chủ trì, phối hợp với các cơ quan liên quan
    # nghiên cứu, …" and "… hoàn thiện các quy định …" had given the supports "các cơ quan liên quan nghiên cứu" and
    # "các cơ quan liên quan hoàn thiện các quy định pháp luật".
    text = _issuing(_NQ_TITLE, "").replace(
        "1. Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với các bộ, ngành rà soát quy định về bảo tồn đất ngập "
        "nước. \n",
        "1. Hoàn thiện thể chế về đất ngập nước \n"
        "a) Bộ Tài chính chủ trì, phối hợp với các cơ quan liên quan nghiên cứu, đề xuất cơ chế tài chính cho các "
        "khu bảo tồn đất ngập nước. \n"
        "b) Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với các cơ quan liên quan hoàn thiện các quy định pháp "
        "luật về đất ngập nước. \n")
    _result, plan = draft(text)
    tasks = [t for t in plan.tasks[0].subtasks]
    assert [([a.name for a in t.leads], [a.name for a in t.supports]) for t in tasks] == [
        (["Bộ Tài chính"], ["các cơ quan liên quan"]),
        (["Bộ Nông nghiệp và Môi trường"], ["các cơ quan liên quan"])]
