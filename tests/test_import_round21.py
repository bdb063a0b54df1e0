"""`plandsl import` on layouts of the twenty-first held-out set, round two (issue #10, docs/IMPORT.md "After the
twenty-first set (no longer independent)", "Round two (brief h12h)").

Every text here was written for these tests (made-up bodies, conferences and plans); none is copied from a held-out
set."""

from __future__ import annotations

from import_docs import draft, task_agencies

_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def _conference(tasks: str, closing: str = "VI. TỔ CHỨC THỰC HIỆN") -> str:
    """A made-up ministry's plan for one conference: purpose, time and attendance, its agenda and banner, then
    ``tasks`` (the assignment section, "IV. PHÂN CÔNG NHIỆM VỤ") and ``closing``."""
    return ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 412/KH-BNNMT\n" + _MOTTO + "Hà Nội, ngày 06 tháng 5 năm 2025\n"
            "KẾ HOẠCH\nTổ chức Hội nghị tổng kết công tác phòng, chống thiên tai năm 2025\n"
            "Thực hiện Quyết định số 18/QĐ-TTg ngày 03/01/2025 của Thủ tướng Chính phủ, Bộ Nông nghiệp và Môi trường "
            "ban hành Kế hoạch tổ chức Hội nghị như sau:\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Đánh giá kết quả công tác phòng, chống thiên tai năm 2025.\n"
            "II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN\n1. Thời gian: một buổi, ngày 20/5/2025.\n"
            "2. Thành phần: đại diện các bộ, ngành.\n"
            "III. NỘI DUNG, CHƯƠNG TRÌNH HỘI NGHỊ\n1. Chương trình Hội nghị\n"
            "(1) Tuyên bố lý do, giới thiệu đại biểu (Văn phòng Bộ).\n"
            "(2) Phát biểu khai mạc Hội nghị (Đồng chí Bộ trưởng).\n"
            "(3) Báo cáo tổng kết công tác phòng, chống thiên tai năm 2025 (Cục Quản lý đê điều).\n"
            "2. Tiêu đề Hội nghị\nHỘI NGHỊ\nTỔNG KẾT CÔNG TÁC PHÒNG, CHỐNG THIÊN TAI NĂM 2025\n"
            "Hà Nội, ngày 20 tháng 5 năm 2025\n"
            "IV. PHÂN CÔNG NHIỆM VỤ\n" + tasks + closing + "\n"
            "Các đơn vị báo cáo kết quả về Văn phòng Bộ.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
            "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn Bình\n")


_BODIES = ("1. Cục Quản lý đê điều\n- Chủ trì chuẩn bị báo cáo tổng kết công tác phòng, chống thiên tai.\n"
           "- Gửi giấy mời đại biểu dự Hội nghị.\n"
           "2. Văn phòng Bộ\n- Chuẩn bị hội trường và tài liệu phát cho đại biểu dự Hội nghị.\n")


def test_a_conference_agenda_and_banner_are_not_tasks():
    # "III. NỘI DUNG, CHƯƠNG TRÌNH HỘI NGHỊ" began with "NỘI DUNG": its agenda items, each with its speaker, and the
    # banner's lines under "2. Tiêu đề Hội nghị" were read as tasks.
    _, plan = draft(_conference(_BODIES))
    texts = [t[0] for t in task_agencies(plan)]
    assert not [t for t in texts if "khai mạc" in t or "TỔNG KẾT" in t or "Chương trình" in t or "Hà Nội" in t]
    assert [t[:20] for t in texts] == ["Chủ trì chuẩn bị báo", "Gửi giấy mời đại biể", "Chuẩn bị hội trường "]


def test_an_ocr_read_to_chuc_thuc_hien_makes_the_assignment_section_the_tasks():
    # "VI. TÔ CHỨC THỰC HIỆN" (OCR's "TÔ" for "TỔ"): "IV. PHÂN CÔNG NHIỆM VỤ" before it was read as duties, not as
    # the plan's tasks body by body.
    _, plan = draft(_conference(_BODIES, closing="VI. TÔ CHỨC THỰC HIỆN"))
    assert [t[0][:20] for t in task_agencies(plan)] == ["Chủ trì chuẩn bị báo", "Gửi giấy mời đại biể",
                                                        "Chuẩn bị hội trường "]


_INLINE = ("1. Cục Quản lý đê điều: (1) Chủ trì, phối hợp với Văn phòng Bộ tổ chức Hội nghị; (2) Gửi giấy mời đại biểu "
           "dự Hội nghị; (3) Chủ trì chuẩn bị báo cáo tổng kết công tác phòng, chống thiên tai.\n"
           # a scan's OCR: the superscript numbers read as signs, one glued to its word, a paragraph on two lines
           "2. V03: # Chủ trì chuẩn bị hội trường, nước uống; #'Bố trí xe đưa đón đại biểu dự Hội nghị; ® Phối hợp\n"
           "với Cục Quản lý đê điều chuẩn bị tài liệu; '\n"
           "Chủ trì bảo đảm kết nối trực tuyến đến các điểm cầu.\n")


def test_items_numbered_inside_a_body_paragraph_are_its_tasks():
    # "1. Cục …: (1) …; (2) …; (3) …" and OCR's "2. V03: # …; #'…; ® …" / "…; '" / "…": each paragraph was one task
    # (its lines after the first, more tasks), the body named inline part of its text and no lead read.
    _, plan = draft(_conference(_INLINE))
    assert task_agencies(plan) == [
        ("Chủ trì, phối hợp với Văn phòn", ["Cục Quản lý đê điều"], ["Văn phòng Bộ"]),
        ("Gửi giấy mời đại biểu dự Hội n", [], []),
        ("Chủ trì chuẩn bị báo cáo tổng ", ["Cục Quản lý đê điều"], []),
        ("Chủ trì chuẩn bị hội trường, n", ["V03"], []),
        ("Bố trí xe đưa đón đại biểu dự ", [], []),
        ("Phối hợp với Cục Quản lý đê đi", [], []),
        ("Chủ trì bảo đảm kết nối trực t", ["V03"], []),
    ]
    texts = [t.text for t in plan.tasks]
    assert "Gửi giấy mời đại biểu dự Hội nghị" in texts
    assert "Phối hợp với Cục Quản lý đê điều chuẩn bị tài liệu" in texts


def test_a_body_paragraph_without_numbered_items_is_not_cut():
    # no marker after the body's colon: one paragraph, as before
    body = ("1. Cục Quản lý đê điều: Chủ trì chuẩn bị báo cáo tổng kết; gửi giấy mời đại biểu; 3 đơn vị phối hợp "
            "chuẩn bị tài liệu.\n2. Văn phòng Bộ\n- Chuẩn bị hội trường.\n")
    _, plan = draft(_conference(body))
    assert len([t for t in task_agencies(plan) if t[0].startswith(("Cục Quản lý đê điều: Chủ", "Chủ trì chuẩn"))]) == 1


def test_an_appendix_row_whose_last_cell_spans_two_columns_is_read():
    # "| 1 | … | Các sở, ngành | Sở Tư pháp |" under "… | Chủ trì | Phối hợp | Theo dõi |" (a Word cell spanning
    # "Phối hợp" and "Theo dõi", written once): the row was one cell short and left as a line not placed. A cell
    # "Theo phân công tại …" where the lead is (spanning "Chủ trì" and "Phối hợp") is still no body.
    from import_docs import province_plan

    body = ("**II. NHIỆM VỤ**\n1. Cải cách thể chế\n- Rà soát văn bản quy phạm pháp luật của tỉnh.\n"
            "(Phân công nhiệm vụ theo Phụ lục đính kèm)\n")
    table = ("PHỤ LỤC\nPHÂN CÔNG THỰC HIỆN NHIỆM VỤ\n"
             "| STT | Nhiệm vụ | Sản phẩm | Thời gian hoàn thành | Chủ trì thực hiện | Phối hợp thực hiện | "
             "Theo dõi, kiểm tra, đôn đốc |\n"
             "| I | Cải cách thể chế | | | | | |\n"
             "| 1 | Rà soát văn bản quy phạm pháp luật của tỉnh. | Báo cáo | Hằng năm | Sở Tư pháp | Các sở, ngành | "
             "Sở Tư pháp |\n"
             "| 2 | Xây dựng kế hoạch kiểm tra công tác cải cách thể chế của cơ quan, đơn vị | Kế hoạch | Tháng 3/2026 | "
             "Các cơ quan, đơn vị, địa phương | Sở Tư pháp |\n"
             "| 3 | Thực hiện Quyết định số 12/QĐ-UBND về thủ tục hành chính | Kết quả | Theo Quyết định | "
             "Theo phân công tại Quyết định số 12/QĐ-UBND | Văn phòng UBND tỉnh |\n")
    _, plan = draft(province_plan(body, closing="III") + table)
    rows = {t[0]: t[1:] for t in task_agencies(plan)}
    assert rows["Xây dựng kế hoạch kiểm tra côn"] == (["Các cơ quan, đơn vị, địa phương"], ["Sở Tư pháp"])
    assert not [t for t in task_agencies(plan) if any("Theo phân công" in a for a in t[1] + t[2])]


def test_a_number_line_ocr_garbled_is_named_in_a_review_and_no_number_is_guessed():
    # "Số: 4đ /KH-BNNMT Hà Nội, ngày(6 tháng 5 năm 2025" (a scan's handwritten number and day misread): the review
    # said the document gives no number; it names the line, and no instrument is written.
    text = _conference(_BODIES).replace("Số: 412/KH-BNNMT\n", "").replace(
        "Hà Nội, ngày 06 tháng 5 năm 2025\n", "Số: 4đ /KH-BNNMT Hà Nội, ngày(6 tháng 5 năm 2025\n")
    result, plan = draft(text)
    assert plan.instrument is None
    review = [line for line in result.text.splitlines() if "Số: 4đ /KH-BNNMT" in line and "# review" in line]
    assert len(review) == 1
    # a blank number ("Số: /KH-BNNMT", a draft for signature) is still "no number and date"
    blank = _conference(_BODIES).replace("Số: 412/KH-BNNMT", "Số:      /KH-BNNMT").replace("ngày 06 tháng", "ngày    tháng")
    result, plan = draft(blank)
    assert plan.instrument is None and "KH-BNNMT'" not in result.text
