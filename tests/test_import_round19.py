"""`plandsl import` on layouts of the twenty-second held-out set (issue #10, docs/IMPORT.md "After the twenty-second
set (no longer independent)").

Every text here was written for these tests (made-up bodies, schools, figures and plans); none is copied from a
held-out set."""

from __future__ import annotations

from import_docs import draft, task_agencies, task_tree

_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def _visit_plan(assignment: str, attending: str | None = None) -> str:
    """A made-up plan of a provincial department for receiving a ministry's team: purpose, who attends, time and
    place, then ``assignment`` (its sections after them), with no "Tổ chức thực hiện"."""
    if attending is None:
        attending = ("**II. THÀNH PHẦN THAM GIA**\n1. Đoàn công tác của Bộ Y tế\n"
                     "Theo Công văn số 512/BYT-DP ngày 02 tháng 3 năm 2026 của Bộ Y tế.\n"
                     "2. Sở Y tế tỉnh Hòa Bình\nĐại diện lãnh đạo Sở Y tế.\n"
                     "Đại diện lãnh đạo, chuyên viên Phòng Nghiệp vụ Y.\n"
                     "Kính mời đại diện lãnh đạo Ủy ban nhân dân xã Yên Mông.\n")
    return ("UBND TỈNH HÒA BÌNH\nSỞ Y TẾ\n" + _MOTTO + "Số: 41/KH-SYT\nHòa Bình, ngày 05 tháng 3 năm 2026\n"
            "KẾ HOẠCH\nĐón tiếp Đoàn công tác của Bộ Y tế về tiêm chủng mở rộng trên địa bàn tỉnh Hòa Bình\n"
            "Thực hiện Công văn số 512/BYT-DP ngày 02 tháng 3 năm 2026 của Bộ Y tế về việc giám sát tiêm chủng mở "
            "rộng, Sở Y tế xây dựng Kế hoạch đón tiếp như sau:\n"
            "**I. MỤC ĐÍCH, YÊU CẦU**\nĐể các đơn vị chủ động chuẩn bị hồ sơ, báo cáo khi Đoàn công tác đến làm việc.\n"
            + attending +
            "**III. THỜI GIAN VÀ ĐỊA ĐIỂM**\nThời gian: Buổi sáng, ngày 20 tháng 3 năm 2026.\n"
            "Địa điểm: Trạm Y tế xã Yên Mông.\n" + assignment +
            "Nơi nhận:\n- Bộ Y tế (để báo cáo);\n- Lưu: VT, NVY.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLê Văn Bình\n")


_ASSIGNMENT = ("**IV. PHÂN CÔNG CHUẨN BỊ VÀ ĐÓN TIẾP ĐOÀN CÔNG TÁC**\n1. Phòng Nghiệp vụ Y\n"
               "Chủ trì, phối hợp các Phòng của Sở Y tế có liên quan xây dựng chương trình làm việc với Đoàn.\n"
               "Báo cáo kết quả tiêm chủng theo đề cương của Đoàn.\n"
               "2. Phòng Kế hoạch - Tài chính\nDự trù và quyết toán kinh phí đón tiếp Đoàn.\n"
               "3. Đối với Ủy ban nhân dân xã Yên Mông, Trạm Y tế xã\n"
               "Chuẩn bị địa điểm và cử thành phần làm việc với Đoàn.\n"
               "Nhận được Kế hoạch này, Sở Y tế đề nghị các đơn vị khẩn trương triển khai thực hiện./.\n")


def test_an_assignment_section_of_body_headings_over_paragraphs_is_the_plans_tasks():
    # "IV. PHÂN CÔNG CHUẨN BỊ …" (no "Tổ chức thực hiện" in the plan), "1. Phòng Nghiệp vụ Y" over paragraphs: each
    # paragraph a task, the heading no task; the lines were left unplaced.
    _, plan = draft(_visit_plan(_ASSIGNMENT))
    texts = [t for _, t in task_tree(plan)]
    assert any(t.startswith("Chủ trì, phối hợp các Phòng") for t in texts)
    assert any(t.startswith("Báo cáo kết quả tiêm chủng") for t in texts)
    assert any(t.startswith("Dự trù và quyết toán kinh phí") for t in texts)
    assert any(t.startswith("Chuẩn bị địa điểm") for t in texts)
    assert not any(t in ("Phòng Nghiệp vụ Y", "Phòng Kế hoạch - Tài chính") or t.startswith("Đối với") for t in texts)
    assert not any(t.startswith("Nhận được Kế hoạch này") for t in texts)


def test_a_chairing_paragraph_under_a_section_of_a_department_is_led_by_it():
    # "1. Phòng Nghiệp vụ Y" / "Chủ trì, phối hợp các Phòng của Sở Y tế có liên quan xây dựng …": the heading's body
    # leads, the others support; a paragraph that does not say "chủ trì" has no lead.
    _, plan = draft(_visit_plan(_ASSIGNMENT))
    agencies = {t[:20]: (leads, sups) for t, leads, sups in task_agencies(plan)}
    assert agencies["Chủ trì, phối hợp cá"] == (["Phòng Nghiệp vụ Y"], ["các Phòng của Sở Y tế có liên quan"])
    assert agencies["Báo cáo kết quả tiêm"] == ([], [])
    assert agencies["Dự trù và quyết toán"] == ([], [])


def test_who_attends_is_no_task():
    # "II. THÀNH PHẦN THAM GIA" / "2. Sở Y tế tỉnh Hòa Bình" / "Đại diện lãnh đạo Sở Y tế." / "Kính mời …": the
    # people who attend and the invited, read as tasks of the Sở before.
    _, plan = draft(_visit_plan(_ASSIGNMENT))
    texts = [t for _, t in task_tree(plan)]
    assert not any(t.startswith(("Đại diện lãnh đạo", "Kính mời", "Đoàn công tác", "Theo Công văn")) for t in texts)


def test_a_section_named_phan_cong_before_tong_chuc_thuc_hien_or_after_tasks_is_unchanged():
    # With "Tổ chức thực hiện" later, "PHÂN CÔNG …" (not "NHIỆM VỤ" / "TRÁCH NHIỆM") stays as it was: not the tasks.
    text = _visit_plan(_ASSIGNMENT + "**V. TỔ CHỨC THỰC HIỆN**\nCác đơn vị báo cáo kết quả về Sở Y tế.\n")
    _, plan = draft(text)
    texts = [t for _, t in task_tree(plan)]
    assert not any(t.startswith("Dự trù và quyết toán kinh phí") for t in texts)


def _school_plan(signature: str = "KT.HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\nPhạm Thị Hoa\n",
                 items: str = "1. Báo cáo chuyên đề dạy học môn Địa lí – Trường THPT Yên Mông thực hiện.\n") -> str:
    """A made-up school's plan: the Sở above the school in the letterhead, a title on two lines."""
    return ("SỞ GDĐT TỈNH HÒA BÌNH\nTRƯỜNG THPT YÊN MÔNG\n" + _MOTTO + "Số: 17/KH-THPTYM\n"
            "Hòa Bình, ngày 10 tháng 3 năm 2026\nKẾ HOẠCH\nTổ chức hội thảo chuyên môn môn Địa lí\n"
            "Cụm 3 năm học 2025 - 2026\n"
            "Căn cứ Kế hoạch số 88/KH-SGDĐT ngày 20/12/2025 của Sở Giáo dục và Đào tạo Hòa Bình về hoạt động chuyên "
            "môn năm học 2025 - 2026;\n"
            "Trường THPT Yên Mông xây dựng kế hoạch tổ chức hội thảo chuyên môn môn Địa lí, như sau:\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n- Tăng cường trao đổi kinh nghiệm giảng dạy môn Địa lí giữa các trường trong cụm.\n"
            "II. NỘI DUNG HỘI THẢO\n" + items +
            "III. THỜI GIAN\nLúc 14 giờ 00, ngày 25 tháng 3 năm 2026.\n"
            "Nơi nhận:\n- Sở GDĐT (b/c);\n- Lưu: VT.\n" + signature)


def test_a_schools_letterhead_gives_the_issuer_its_second_line_and_the_jurisdiction_its_province():
    # "SỞ GDĐT TỈNH HÒA BÌNH" / "TRƯỜNG THPT YÊN MÔNG", "Trường THPT Yên Mông xây dựng kế hoạch …, như sau:": the two
    # lines were read as one name ("Sở gdđt tỉnh Hòa Bình Trường thpt yên mông") and a jurisdiction "Tỉnh Hòa Bình
    # Trường Thpt".
    _, plan = draft(_school_plan())
    assert plan.issuer == "Trường THPT Yên Mông"
    assert plan.jurisdiction == "Tỉnh Hòa Bình"
    assert plan.level.name == "PROVINCE"


def test_a_title_on_two_lines_keeps_its_school_year():
    # "Tổ chức hội thảo chuyên môn môn Địa lí" / "Cụm 3 năm học 2025 - 2026" right over the bases: one title, and the
    # period from it (the date under "Thời gian" gave 2026..2026).
    _, plan = draft(_school_plan())
    assert plan.title == "Kế hoạch tổ chức hội thảo chuyên môn môn Địa lí Cụm 3 năm học 2025-2026"
    assert tuple(plan.period) == (2025, 2026)


def test_a_signature_of_a_schools_deputy_head():
    # "KT.HIỆU TRƯỞNG" / "PHÓ HIỆU TRƯỞNG" / the name: the second line and the name were left unplaced.
    result, plan = draft(_school_plan())
    assert plan.instrument.signer == "KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG"
    assert plan.instrument.signatory == "Phạm Thị Hoa"
    _, plan = draft(_school_plan(signature="HIỆU TRƯỞNG\nPhạm Thị Hoa\n"))
    assert (plan.instrument.signer, plan.instrument.signatory) == ("HIỆU TRƯỞNG", "Phạm Thị Hoa")


def test_a_school_named_after_a_dash_does_the_item_or_helps():
    # "1. Báo cáo chuyên đề … – Trường THPT Yên Mông thực hiện." / "2. Tham luận “…” - Trường THPT Lạc Sơn hỗ trợ thực
    # hiện.": the school after the dash is the item's lead or its support, the words before it the task; "- các đơn
    # vị cho ý kiến" names no body.
    items = ("1. Báo cáo chuyên đề dạy học môn Địa lí – Trường THPT Yên Mông thực hiện.\n"
             "2. Tham luận “Ôn tập môn Địa lí cho học sinh lớp 12” - Trường THPT Lạc Sơn hỗ trợ thực hiện.\n"
             "3. Các nội dung khác - các đơn vị cho ý kiến, thảo luận.\n")
    _, plan = draft(_school_plan(items=items))
    assert [(t.text, [a.name for a in t.leads], [a.name for a in t.supports]) for t in plan.tasks] == [
        ("Báo cáo chuyên đề dạy học môn Địa lí", ["Trường THPT Yên Mông"], []),
        ("Tham luận “Ôn tập môn Địa lí cho học sinh lớp 12”", [], ["Trường THPT Lạc Sơn"]),
        ("Các nội dung khác - các đơn vị cho ý kiến, thảo luận.", [], [])]
