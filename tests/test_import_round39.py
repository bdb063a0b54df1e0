"""`plandsl import` on a provincial Party committee's programme read by OCR from a scan (issue #10, the thirtieth set):
the letterhead "TỈNH ỦY X" (the OCR's "TĨNH ỦY") glued on one line with the Party's motto "ĐẢNG CỘNG SẢN VIỆT NAM",
the number "Số 45-CTr/TU X, ngày …" with no colon after "Số", and the signature block "TM BAN THƯỜNG VỤ" / "BÍ THƯ"
and the name read into the Nơi nhận list with the stamp's debris.

Every text here was written for these tests (made-up plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft

_BODY = ("Thực hiện Kết luận số 12-KL/TW, ngày 05-3-2017 của Ban Bí thư về phát triển du lịch cộng đồng. Ban Thường vụ "
         "Tỉnh ủy Lào Cai xây dựng chương trình thực hiện như sau:\n"
         "I- Mục đích, yêu cầu\n"
         "Nâng cao nhận thức của các cấp ủy đảng về du lịch cộng đồng.\n"
         "II- Nhiệm vụ và giải pháp\n"
         "1- Tổ chức quán triệt Kết luận đến cán bộ, đảng viên.\n"
         "2- Xây dựng các mô hình du lịch cộng đồng ở các huyện vùng cao.\n"
         "III- Tổ chức thực hiện\n"
         "Các huyện ủy, thành ủy xây dựng kế hoạch thực hiện chương trình.\n")

_SCAN = ("TĨNH ỦY LÀO CAI ĐẢNG CỘNG SẢN VIỆT NAM\n"
         "Số 45-CTr/TU Lào Cai, ngày 12 tháng 5 năm 2017\n"
         "CHƯƠNG TRÌNH\n"
         "CỦA BAN THƯỜNG VỤ TỈNH ỦY\n"
         "về phát triển du lịch cộng đồng tỉnh Lào Cai giai đoạn 2017-2020\n" + _BODY +
         "Nơi nhận: TM BAN THƯỜNG VỤ\n"
         "- Ban Bí thư Trung ương Đảng, \\ ==« HỈ THƯ\n"
         "- Văn phòng Trung ương Đảng, «2 lờ\n"
         "- Các ban Đảng Tỉnh ủy, 3 lí K [NH ' z v`. + §\n"
         "+j1V1]\n"
         "- Các huyện ủy, thành ủy, đảng ủy trực thuộc, HA S2B\n"
         "- Các sở, ban, ngành, Mặt trận Tổ quốc và các `.\n"
         "đoàn thể chính trị - xã hội tỉnh, Ñ\n"
         "- Các đồng chí Tỉnh ủy viên, TƯ Hi.\n"
         "- Văn phòng Tỉnh ủy, Hoàng Văn Sơn\n"
         "- Lưu Văn phòng Tỉnh ủy.\n")


def test_a_provincial_party_committee_letterhead_glued_to_the_motto_names_the_issuer_and_the_province():
    _result, plan = draft(_SCAN)
    assert plan.issuer == "Ban Thường vụ Tỉnh ủy Lào Cai"  # signed for the standing committee, as the text names it
    assert (plan.level.name, plan.jurisdiction) == ("PROVINCE", "Tỉnh Lào Cai")


def test_a_district_party_committee_letterhead_names_the_district():
    text = ("HUYỆN ỦY BẮC QUANG ĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Số 20-KH/HU Bắc Quang, ngày 3 tháng 4 năm 2019\n"
            "KẾ HOẠCH\n"
            "thực hiện chương trình phát triển du lịch cộng đồng\n" + _BODY.replace("Ban Thường vụ Tỉnh ủy Lào Cai",
                                                                                    "Huyện ủy"))
    _result, plan = draft(text)
    assert plan.issuer == "Huyện ủy Bắc Quang"
    assert (plan.level.name, plan.jurisdiction) == ("DISTRICT", "Huyện Bắc Quang")


def test_a_party_number_with_a_mixed_case_code_and_no_colon_leaves_the_place_alone():
    _result, plan = draft(_SCAN)
    assert (plan.instrument.number, plan.instrument.place) == ("45-CTr/TU", "Lào Cai")


def test_the_secretary_and_the_name_read_into_the_recipients_by_ocr_are_the_signature():
    _result, plan = draft(_SCAN)
    assert (plan.instrument.signer, plan.instrument.signatory) == ("BÍ THƯ", "Hoàng Văn Sơn")
    assert list(plan.recipients) == ["Ban Bí thư Trung ương Đảng", "Văn phòng Trung ương Đảng", "Các ban Đảng Tỉnh ủy",
                                     "Các huyện ủy, thành ủy, đảng ủy trực thuộc",
                                     "Các sở, ban, ngành, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tỉnh",
                                     "Các đồng chí Tỉnh ủy viên", "Văn phòng Tỉnh ủy", "Lưu Văn phòng Tỉnh ủy"]


def test_a_title_the_ocr_misread_is_marked_for_review():
    result, _plan = draft(_SCAN)
    assert "the signer's title is read 'HỈ THƯ' at the end of a recipient's line: taken for 'BÍ THƯ'" in result.text
