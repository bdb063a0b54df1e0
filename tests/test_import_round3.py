"""`plandsl import` on shapes found after the tenth held-out set (issue #10, docs/IMPORT.md "After the tenth set (no
longer independent)"): a Nơi nhận list whose entries end in a note in brackets, the number and the place on one line
of a layout copy, and the other follow-ups.

Every text here was written for these tests (made-up bodies and plans in the usual wording); none is copied from a
held-out set."""

from __future__ import annotations

from import_docs import MD_DECISION_HEAD, draft


def test_recipients_on_one_line_whose_entries_end_in_a_note_in_brackets():
    # Tuyên Quang 986's Nơi nhận cell (after the tenth set, NOT independent): "- A; (báo cáo) - B; (báo cáo) - C;" puts
    # the note after the semicolon, so the " - " after "(báo cáo)" starts the next entry.
    _result, plan = draft(
        MD_DECISION_HEAD + "| Nơi nhận: - Bộ Y tế; (b/c) - Thường trực Tỉnh ủy; (báo cáo) - Sở Nông nghiệp; - Như Điều 3 "
        "(thực hiện); - Lưu: VT, NN. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Minh |\n|---|---|\n")
    assert plan.recipients == (
        "Bộ Y tế; (b/c)", "Thường trực Tỉnh ủy; (báo cáo)", "Sở Nông nghiệp", "Như Điều 3 (thực hiện)", "Lưu: VT, NN")


# A made-up plan copied by pdftotext with its layout kept: letterhead and motto side by side, the number and the place
# on one line, the Nơi nhận list beside the signature.
_LAYOUT = (
    "     ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "       TỈNH HÀ GIANG                       Độc lập - Tự do - Hạnh phúc\n\n"
    "      Số: 52 /KH-UBND                   Hà Giang, ngày 4 tháng 5 năm 2026\n\n\n"
    "                                KẾ HOẠCH\n"
    "  Phát triển chăn nuôi an toàn sinh học trên địa bàn tỉnh năm 2026\n\n"
    "      Căn cứ Nghị định số 13/2020/NĐ-CP ngày 21 tháng 01 năm 2020 của Chính phủ hướng dẫn\n"
    "chi tiết Luật Chăn nuôi;\n"
    "      Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
    "      I. MỤC ĐÍCH\n"
    "      1. Phát triển chăn nuôi bền vững.\n"
    "      II. NHIỆM VỤ\n"
    "      1. Sở Nông nghiệp và Môi trường chủ trì hướng dẫn các xã.\n"
    "      Trên đây là Kế hoạch phát triển chăn nuôi năm 2026./.\n\n"
    " Nơi nhận:                                        TM. ỦY BAN NHÂN DÂN\n"
    "- Như trên;                                          KT. CHỦ TỊCH\n"
    "- TT. Tỉnh uỷ, HĐND tỉnh;                            PHÓ CHỦ TỊCH\n"
    "- Các sở, ban, ngành;\n"
    "- UBND các xã, phường;\n"
    "- Lưu: VT, NN.                                       Lê Văn Toàn\n")


def test_a_layout_copy_s_number_and_place_on_one_line():
    # Lào Cai 134's "Số: 134 /KH-UBND                   Lào Cai, ngày …" (after the tenth set, NOT independent): the
    # place had been read as "KH-UBND Lào Cai".
    _result, plan = draft(_LAYOUT)
    assert plan.instrument.number == "52/KH-UBND"
    assert plan.instrument.place == "Hà Giang"


def test_a_layout_copy_s_letterhead_beside_the_motto_and_recipients_beside_the_signature():
    # Lào Cai 134 (after the tenth set, NOT independent): the letterhead and the motto on the same lines had been read
    # as one body, "Ủy ban nhân dân cộng hòa xã hội chủ nghĩa Việt Nam", and the signature's lines as Nơi nhận entries.
    result, plan = draft(_LAYOUT)
    assert plan.issuer == "Ủy ban nhân dân tỉnh Hà Giang"
    assert plan.level.name == "PROVINCE"
    assert (plan.instrument.signer, plan.instrument.signatory) == ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Lê Văn Toàn")
    assert plan.recipients == ("Như trên", "TT. Tỉnh uỷ, HĐND tỉnh", "Các sở, ban, ngành", "UBND các xã, phường",
                               "Lưu: VT, NN")


def test_side_by_side_columns_are_split_only_at_the_top_and_beside_the_signature():
    from plandsl.importer.layoutcopy import split_columns

    rows = [(t, f"line {n}") for n, t in enumerate(_LAYOUT.split("\n"), start=1)]
    texts = [t for t, _w in split_columns(rows)]
    assert texts[:6] == ["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG", "Số: 52 /KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Hà Giang, ngày 4 tháng 5 năm 2026"]
    assert texts[-11:] == ["Nơi nhận:", "- Như trên;", "- TT. Tỉnh uỷ, HĐND tỉnh;", "- Các sở, ban, ngành;",
                           "- UBND các xã, phường;", "- Lưu: VT, NN.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                           "PHÓ CHỦ TỊCH", "Lê Văn Toàn", ""]
    # a text with no motto beside its letterhead, and a Nơi nhận with nothing beside it, are left as they are
    plain = [("ỦY BAN NHÂN DÂN", "line 1"), ("      1. Làm việc A.        Sở B", "line 2"),
             ("Nơi nhận:", "line 3"), ("- Như trên;          x", "line 4")]
    assert split_columns(plain) == plain


def test_a_signature_table_whose_first_cell_opens_with_nơi_nhận_in_italics():
    # BNNMT 2200 and BTNMT 09 (after the tenth set, NOT independent): "| *Nơi nhận:* - … | KT. BỘ TRƯỞNG THỨ TRƯỞNG Name |"
    # over "| --- | --- |" had been taken for a table of data and kept as a line not placed.
    _result, plan = draft(
        MD_DECISION_HEAD + "Trên đây là Kế hoạch phòng, chống dịch bệnh năm 2024.\n"
        "| *Nơi nhận:* - Như Điều 3; - Bộ trưởng (để báo cáo); - Các Thứ trưởng; - Lưu: VT, TY. | KT. BỘ TRƯỞNG  "
        "THỨ TRƯỞNG     Phạm Văn Đức |\n| --- | --- |\n")
    assert plan.recipients == ("Như Điều 3", "Bộ trưởng (để báo cáo)", "Các Thứ trưởng", "Lưu: VT, TY")
    assert (plan.instrument.signer, plan.instrument.signatory) == ("KT. BỘ TRƯỞNG / THỨ TRƯỞNG", "Phạm Văn Đức")


def test_a_one_year_plan_whose_title_also_holds_a_cited_document_s_date():
    # Lào Cai 134's "Kế hoạch thực hiện Nghị quyết … ngày 27/12/2025 về … năm 2026" (after the tenth set, NOT
    # independent): the date's year had hidden the plan's one year, so no period was set.
    from plandsl.importer.extract.patterns import one_year

    assert one_year("Kế hoạch thực hiện Nghị quyết số 12-NQ/TU ngày 05/01/2026 về phát triển chăn nuôi năm 2026") == 2026
    assert one_year("Kế hoạch thực hiện Chỉ thị số 3/CT-TU ngày 5 tháng 3 năm 2025 về cải cách hành chính năm 2025") == 2025
    assert one_year("Kế hoạch thực hiện Nghị quyết số 12-NQ/TU ngày 05/01/2026 về phát triển chăn nuôi") is None
    assert one_year("Kế hoạch thực hiện Nghị quyết số 12-NQ/TU năm 2021") is None
    _result, plan = draft(_LAYOUT.replace("Phát triển chăn nuôi an toàn sinh học trên địa bàn tỉnh năm 2026",
                                          "Thực hiện Nghị quyết số 12-NQ/TU ngày 05/01/2026 về chăn nuôi năm 2026"))
    assert plan.period == (2026, 2026)


def test_a_task_table_copied_as_bare_rows_with_the_columns_numbered():
    # Lào Cai's Chỉ thị 11 plan (after the tenth set, NOT independent): an appendix "TT | Tên nhiệm vụ | Sở, ngành chủ
    # trì tham mưu | Đơn vị phối hợp thực hiện | …" over a row of the columns' numbers and "1 | … | … |" rows, with
    # neither the outer bars nor the rule of a Markdown table, had been read column by column and kept as lines.
    result, plan = draft(
        MD_DECISION_HEAD + "Phụ lục\nNHIỆM VỤ TRỌNG TÂM CỦA CÁC SỞ, NGÀNH\n"
        "TT | Tên nhiệm vụ | Sở, ngành chủ trì tham mưu | Đơn vị phối hợp thực hiện | Thời gian thực hiện | Ghi chú\n"
        " | (1) | (2) | (3) | (4) | (5)\n"
        "1 | Tuyên truyền phòng, chống dịch bệnh đến người chăn nuôi | Sở Nông nghiệp và Môi trường | Sở Y tế; UBND các "
        "xã | Thường xuyên | \n"
        "2 | Kiểm tra việc vận chuyển gia súc qua địa bàn | Công an tỉnh | Sở Nông nghiệp và Môi trường | Quý II/2024 | \n"
        "3 | Bố trí kinh phí phòng, chống dịch | Sở Tài chính | Các Sở, ban, ngành | Hằng năm | \n")
    got = [(t.text, tuple(a.name for a in t.leads), tuple(a.name for a in t.supports), t.due) for t in plan.tasks[1:]]
    assert got == [
        ("Tuyên truyền phòng, chống dịch bệnh đến người chăn nuôi", ("Sở Nông nghiệp và Môi trường",),
         ("Sở Y tế", "UBND các xã"), "Thường xuyên"),
        ("Kiểm tra việc vận chuyển gia súc qua địa bàn", ("Công an tỉnh",), ("Sở Nông nghiệp và Môi trường",),
         "Quý II/2024"),
        ("Bố trí kinh phí phòng, chống dịch", ("Sở Tài chính",), ("Các Sở, ban, ngành",), "Hằng năm")]
    assert "(1)" not in result.text


def test_a_provision_s_number_wrapped_to_the_next_line_is_no_item():
    # Lào Cai 134's "… theo quy định tại Điều 52 Luật … và khoản" / "16 Điều I Luật số …" (after the tenth set, NOT
    # independent): the wrapped line had been taken for item 16, a task too many.
    _result, plan = draft(
        MD_DECISION_HEAD + "2. Xử lý nước thải tại các cụm công nghiệp theo quy định tại Điều 51 Luật Bảo vệ môi trường và khoản\n"
        "9 Điều 2 Luật số 12/2025/QH15 của Quốc hội.\n3. Giám sát chất lượng nước thải.\n")
    texts = [t.text for t in plan.tasks]
    assert texts[-2:] == ["Xử lý nước thải tại các cụm công nghiệp theo quy định tại Điều 51 Luật Bảo vệ môi trường và "
                          "khoản 9 Điều 2 Luật số 12/2025/QH15 của Quốc hội.", "Giám sát chất lượng nước thải."]


def test_a_body_s_name_cut_after_ban_quản_lý_khu_goes_on_on_the_next_line():
    # Lào Cai 134's "UBND phường … chủ trì, phối hợp với Sở Xây dựng, Ban Quản lý khu" / "Kinh tế và các cơ quan …"
    # (after the tenth set, NOT independent): the support had been cut to "Ban Quản lý khu" and the line left out of
    # the task's text.
    result, plan = draft(
        MD_DECISION_HEAD + "2. Hoàn thành di dời cụm công nghiệp Bắc Mê.\n"
        "UBND xã Bắc Mê chủ trì, phối hợp với Sở Xây dựng, Ban Quản lý khu\n"
        "Kinh tế và các cơ quan liên quan thực hiện giải phóng mặt bằng.\n")
    task = plan.tasks[-1]
    assert [a.name for a in task.supports] == ["Sở Xây dựng", "Ban Quản lý khu Kinh tế", "các cơ quan liên quan"]
    assert "Kinh tế và các cơ quan liên quan thực hiện" not in task.text + result.text.split("task t2")[0]


def test_an_investor_after_a_plural_group_is_a_body_of_its_own():
    # Lào Cai 134's "phối hợp với các Sở, ban ngành, chủ đầu tư kinh doanh hạ tầng … các khu, cụm công nghiệp …"
    # (after the tenth set, NOT independent): one body had been read where the text names two.
    from plandsl.importer.extract.patterns import split_agencies

    assert split_agencies("các Sở, ban ngành, chủ đầu tư hạ tầng các khu, cụm công nghiệp") == [
        "các Sở, ban ngành", "chủ đầu tư hạ tầng các khu, cụm công nghiệp"]
    assert split_agencies("Các Sở, ngành, nhà đầu tư thứ cấp") == ["Các Sở, ngành", "nhà đầu tư thứ cấp"]
    # a lower-case kind of body still goes on with the plural group, a place with the body before it
    assert split_agencies("Các Sở, ngành, đơn vị") == ["Các Sở, ngành, đơn vị"]
    assert split_agencies("UBND các huyện, thành phố") == ["UBND các huyện, thành phố"]


def test_a_task_table_one_cell_a_line_with_numbered_rows_over_lettered_rows():
    # BNNMT 2200's appendix (after the tenth set, NOT independent): the header a Markdown row with its fifth cell on
    # the next line, then one cell a line; rows "1" / name over "a)" / task / lead / supports / time rows. The
    # lettered markers had been joined onto the cell before ("… Quý III/2026 b)") and nothing was read.
    result, plan = draft(
        MD_DECISION_HEAD + "PHỤ LỤC\n| TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |\n| --- | --- | --- | --- |\n"
        "Thời gian thực hiện\n1\nTuyên truyền, phổ biến Nghị định\na)\nTổ chức hội nghị phổ biến Nghị định.\n"
        "Cục Chăn nuôi và Thú y\nVụ Pháp chế; các cơ quan, đơn vị có liên quan\nQuý III/2026\nb)\n"
        "Biên soạn tài liệu hướng dẫn.\nCục Chăn nuôi và Thú y\nCác cơ quan, đơn vị có liên quan\nThường xuyên\n"
        "2\nRà soát văn bản hướng dẫn.\nCục Chăn nuôi và Thú y\nSở Nông nghiệp và Môi trường các tỉnh\nQuý IV/2026\n")
    head, lettered_a, lettered_b = plan.tasks[1], *plan.tasks[1].subtasks
    assert head.text == "Tuyên truyền, phổ biến Nghị định" and not head.leads
    assert (lettered_a.text, [a.name for a in lettered_a.leads], [a.name for a in lettered_a.supports],
            lettered_a.due) == ("Tổ chức hội nghị phổ biến Nghị định.", ["Cục Chăn nuôi và Thú y"],
                                ["Vụ Pháp chế", "các cơ quan, đơn vị có liên quan"], "Quý III/2026")
    assert (lettered_b.text, lettered_b.due) == ("Biên soạn tài liệu hướng dẫn.", "Thường xuyên")
    row2 = plan.tasks[2]
    assert (row2.text, [a.name for a in row2.leads], row2.due) == (
        "Rà soát văn bản hướng dẫn.", ["Cục Chăn nuôi và Thú y"], "Quý IV/2026")
    assert "not placed" not in result.text.split("PHỤ LỤC")[-1]


def test_a_ministry_s_departments_are_bodies_of_their_own():
    # BNNMT 2200's cells (after the tenth set, NOT independent): "Cục A và Cục B" had been one lead, "Cục A, Vụ B,
    # Vụ C" one support; a "Vụ" is a body as a "Cục" is, and "và" before a "Cục" or "Vụ" starts another body.
    from plandsl.importer.extract.patterns import split_agencies

    assert split_agencies("Cục Chăn nuôi và Cục Thú y; Sở Nông nghiệp và Môi trường các tỉnh") == [
        "Cục Chăn nuôi", "Cục Thú y", "Sở Nông nghiệp và Môi trường các tỉnh"]
    assert split_agencies("Cục Thú y, Vụ Hợp tác quốc tế, Vụ Pháp chế và các đơn vị có liên quan") == [
        "Cục Thú y", "Vụ Hợp tác quốc tế", "Vụ Pháp chế", "các đơn vị có liên quan"]
    assert split_agencies("Cục Chăn nuôi và Thú y") == ["Cục Chăn nuôi và Thú y"]  # one body, as written


def test_a_plan_printed_as_the_decision_s_first_article():
    # Tuyên Quang 986 (after the tenth set, NOT independent): "Điều 1. Ban hành Kế hoạch thời gian năm học … như sau:"
    # over "1. …" … "9. …" and "- Học kỳ I: …" lines had every line kept as a line not placed, no task read.
    result, plan = draft(
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 310/QĐ-UBND\nHà Giang, ngày 2 tháng 8 năm 2024\nQUYẾT ĐỊNH\n"
        "Ban hành Kế hoạch thời gian năm học 2024-2025\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\n"
        "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành Kế hoạch thời gian năm học 2024-2025 trên địa bàn tỉnh như sau:\n"
        "1. Tựu trường: Ngày 26/8/2024.\n2. Dạy học 35 tuần thực học:\n- Học kỳ I: từ ngày 06/9/2024.\n"
        "- Học kỳ II: kết thúc trước ngày 25/5/2025.\n3. Xét tốt nghiệp trung học cơ sở trước ngày 30/6/2025.\n"
        "Điều 2. Giao Giám đốc Sở Giáo dục và Đào tạo:\n1. Hướng dẫn thực hiện Kế hoạch.\n"
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n")
    assert [t.text for t in plan.tasks] == [
        "Tựu trường: Ngày 26/8/2024.", "Dạy học 35 tuần thực học:", "Xét tốt nghiệp trung học cơ sở trước ngày 30/6/2025."]
    assert [t.text for t in plan.tasks[1].subtasks] == ["Học kỳ I: từ ngày 06/9/2024.",
                                                         "Học kỳ II: kết thúc trước ngày 25/5/2025."]
    # the article's own line and the next article's items stay lines not placed
    assert "Điều 1. Ban hành Kế hoạch" in result.text and "1. Hướng dẫn thực hiện Kế hoạch." in result.text


def test_a_body_opening_an_item_with_a_clause_of_its_own_that_says_it_chairs():
    # Lào Cai 134's "- Ủy ban nhân dân cấp xã: đầu tư, …; Chủ trì, phối hợp với các Sở, ban ngành, nhà đầu tư thứ cấp
    # thực hiện công tác GPMB …" (after the tenth set, NOT independent): no agency had been read.
    _result, plan = draft(
        MD_DECISION_HEAD + "2. Phát triển các cụm công nghiệp\n"
        "- Ủy ban nhân dân cấp xã: đầu tư hạ tầng các cụm công nghiệp đã thành lập; Chủ trì, phối hợp với các Sở, "
        "ban ngành, nhà đầu tư thứ cấp thực hiện giải phóng mặt bằng.\n"
        "- Sở Công Thương: rà soát quy hoạch các cụm công nghiệp; phối hợp với các xã kiểm tra tiến độ.\n")
    first, second = plan.tasks[-1].subtasks
    assert [a.name for a in first.leads] == ["Ủy ban nhân dân cấp xã"]
    assert [a.name for a in first.supports] == ["các Sở, ban ngành", "nhà đầu tư thứ cấp"]
    assert not second.leads and not second.supports  # no "Chủ trì" clause: the body is named, neither lead nor support
