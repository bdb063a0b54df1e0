"""`plandsl import` on shapes found after the tenth held-out set (issue #10, docs/IMPORT.md "After the tenth set (no
longer independent)"): a Nơi nhận list whose entries end in a note in brackets, the number and the place on one line
of a layout copy, and the other follow-ups.

Every text here was written for these tests (made-up bodies and plans in the usual wording); none is copied from a
held-out set."""

from __future__ import annotations

from import_docs import draft

_MD_HEAD = ("| ỦY BAN NHÂN DÂN TỈNH HÀ GIANG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
            "--------------- |\n|---|---|\n| Số: 78/QĐ-UBND | Hà Giang, ngày 11 tháng 3 năm 2024 |\n\n"
            "QUYẾT ĐỊNH\n\nBan hành Kế hoạch phòng, chống dịch bệnh năm 2024\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n"
            "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống dịch bệnh năm 2024.\n\n"
            "KẾ HOẠCH\n\nPHÒNG, CHỐNG DỊCH BỆNH NĂM 2024\n\nI. MỤC ĐÍCH\n\n1. Chủ động phòng, chống.\n\n"
            "II. NHIỆM VỤ\n\n1. Kiểm tra các cơ sở chăn nuôi.\n\n")


def test_recipients_on_one_line_whose_entries_end_in_a_note_in_brackets():
    # Tuyên Quang 986's Nơi nhận cell (after the tenth set, NOT independent): "- A; (báo cáo) - B; (báo cáo) - C;" puts
    # the note after the semicolon, so the " - " after "(báo cáo)" starts the next entry.
    _result, plan = draft(
        _MD_HEAD + "| Nơi nhận: - Bộ Y tế; (b/c) - Thường trực Tỉnh ủy; (báo cáo) - Sở Nông nghiệp; - Như Điều 3 "
        "(thực hiện); - Lưu: VT, NN. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Minh |\n|---|---|\n")
    assert plan.recipients == (
        "Bộ Y tế; (b/c)", "Thường trực Tỉnh ủy; (báo cáo)", "Sở Nông nghiệp", "Như Điều 3 (thực hiện)", "Lưu: VT, NN")

