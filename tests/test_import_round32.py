"""`plandsl import` after the twenty-seventh held-out set, its header (issue #10): a district's or commune's office
("UBND HUYỆN X" / "PHÒNG …") issues the plan, at the level of its unit; "TRƯỞNG PHÒNG" signs in person; the Nơi
nhận label "Bản điện tử:" is no recipient and an entry's end drawn below the list is put back; a "Thực hiện" alone on
its line (or with only its document's type) goes on to the document, and "Tiếp tục thực hiện …" names one too.

Every text here was written for these tests (made-up plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft

_TAIL = ("I. NHIỆM VỤ\n1. Rà soát hồ sơ đất đai tồn đọng trên địa bàn.\n2. Kiểm tra việc khai thác cát trái phép.\n"
         "Nơi nhận:\n- Sở Tài nguyên và Môi trường (b/c);\n- Lưu: VT, TNMT. Bản điện tử:\n- Các xã (th/h).\n"
         "TRƯỞNG PHÒNG\nĐỗ Minh Khang\n")


def _head(lh1: str, lh2: str, place: str, year: int = 2019) -> str:
    return (f"{lh1}\n{lh2}\nSố: 31/KH-TNMT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"{place}, ngày 14 tháng 5 năm {year}\nKẾ HOẠCH\nQuản lý tài nguyên khoáng sản năm {year}\n"
            f"Căn cứ Công văn số 120/STNMT-KS ngày 02/5/{year} của Sở Tài nguyên và Môi trường;\n")


def test_a_district_office_issues_at_the_level_of_its_district():
    for lh2, spelled in (("PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Tài nguyên và Môi trường"),
                         ("PHÒNG TÀI NGUYÊN&MÔI TRƯỜNG", "Tài nguyên và Môi trường")):
        text = _head("UBND HUYỆN HOÀ VANG", lh2, "Hoà Vang") + (
            "Phòng Tài nguyên và Môi trường huyện Hòa Vang xây dựng kế hoạch như sau:\n" + _TAIL)
        _result, plan = draft(text)
        # the place as the text spells it ("Hòa Vang"), not the letterhead's "HOÀ VANG"
        assert plan.issuer == f"Phòng {spelled} huyện Hòa Vang", lh2
        assert (plan.level.value[0], plan.jurisdiction) == ("district", "Huyện Hòa Vang"), lh2


def test_a_commune_office_issues_at_the_level_of_its_commune():
    text = _head("UBND XÃ TÂN MỸ", "PHÒNG KINH TẾ", "Tân Mỹ", 2026).replace("Sở Tài nguyên", "Sở Nông nghiệp") + (
        "Để thực hiện tốt nhiệm vụ, Phòng Kinh tế xây dựng kế hoạch như sau:\n" + _TAIL)
    _result, plan = draft(text)
    assert plan.issuer == "Phòng Kinh tế xã Tân Mỹ"
    assert plan.level.value[0] == "commune"


def test_the_head_of_an_office_signs_in_person_and_a_digital_stamp_is_passed():
    _result, plan = draft(_head("UBND HUYỆN HOÀ VANG", "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Hoà Vang") + _TAIL)
    assert (plan.instrument.signer, plan.instrument.signatory) == ("TRƯỞNG PHÒNG", "Đỗ Minh Khang")
    stamped = _TAIL.replace("TRƯỞNG PHÒNG\n", "KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG\n"
                                              "Phòng Tài nguyên và Môi trường 2019.05.14 09:12:40 +07:00\n")
    _result, plan = draft(_head("UBND HUYỆN HOÀ VANG", "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Hoà Vang") + stamped)
    assert (plan.instrument.signer, plan.instrument.signatory) == ("KT. TRƯỞNG PHÒNG / PHÓ TRƯỞNG PHÒNG",
                                                                   "Đỗ Minh Khang")


def test_the_electronic_copy_label_is_no_recipient_and_an_entry_end_drawn_below_is_put_back():
    _result, plan = draft(_head("UBND HUYỆN HOÀ VANG", "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Hoà Vang") + _TAIL)
    assert plan.recipients == ("Sở Tài nguyên và Môi trường (b/c)", "Lưu: VT, TNMT", "Các xã (th/h)")
    cut = _TAIL.replace("- Các xã (th/h).\n", "- Các xã, thị trấn (\n- Lãnh đạo phòng.\nthực hiện);\n")
    _result, plan = draft(_head("UBND HUYỆN HOÀ VANG", "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Hoà Vang") + cut)
    assert plan.recipients == ("Sở Tài nguyên và Môi trường (b/c)", "Lưu: VT, TNMT", "Các xã, thị trấn (thực hiện)",
                               "Lãnh đạo phòng")


def test_a_clause_opening_alone_on_its_line_goes_on_to_its_document():
    head = _head("UBND HUYỆN HOÀ VANG", "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Hoà Vang")
    text = head + ("Thực hiện\nKế hoạch số 44/KH-UBND ngày 10/02/2019 của Ủy ban nhân dân huyện Hòa Vang về quản lý "
                   "khoáng sản năm 2019;\n"
                   "Tiếp tục thực hiện Công văn số 17/CV-TNMT ngày 03/01/2019 của Phòng Tài nguyên và Môi trường về "
                   "việc kiểm tra bãi cát, Phòng Tài nguyên và Môi trường xây dựng kế hoạch như sau:\n" + _TAIL)
    _result, plan = draft(text)
    assert [(b.number, str(b.date)) for b in plan.bases] == [("120/STNMT-KS", "2019-05-02")]
    assert [(r.number, str(r.date)) for r in plan.implementing] == [("44/KH-UBND", "2019-02-10"),
                                                                     ("17/CV-TNMT", "2019-01-03")]


def test_a_clause_cut_before_its_document_type_and_its_number_is_one_clause():
    text = ("UBND TỈNH NINH THUẬN\nSỞ Y TẾ\nSố: 12/KH-SYT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nNinh Thuận, ngày 20 tháng 4 năm 2019\nKẾ HOẠCH\n"
            "Phòng, chống dịch sởi trên địa bàn tỉnh Ninh Thuận\nThực hiện\nKế hoạch\n"
            "Chủ đề: Phòng, chống dịch sởi ở trẻ em ( số 88/KH-BYT ngày 02/4/2019 ) của Bộ Y tế, Sở Y tế xây dựng Kế "
            "hoạch như sau:\n" + _TAIL)
    _result, plan = draft(text)
    [ref] = plan.implementing
    assert (ref.number, str(ref.date)) == ("88/KH-BYT", "2019-04-02")
    assert "( )" not in ref.text and "Sở Y tế" not in ref.text


def test_going_on_with_a_document_among_the_aims_is_no_basis():
    head = _head("UBND HUYỆN HOÀ VANG", "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Hoà Vang")
    text = head + ("I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
                   "Tiếp tục thực hiện Chỉ thị số 08/CT-UBND ngày 01/3/2018 của Ủy ban nhân dân huyện.\n" + _TAIL)
    _result, plan = draft(text)
    assert plan.implementing == ()
