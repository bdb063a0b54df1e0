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
