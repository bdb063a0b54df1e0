"""`plandsl import` on layouts of the fourteenth held-out set (issue #10, docs/IMPORT.md "After the fourteenth set (no
longer independent)").

Every text here was written for these tests (made-up bodies, people and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, task_tree as _tasks

_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def _front_plan(preamble: str, number: str = "Số: 21/KH-MTTQ-BTT") -> str:
    # A made-up plan of a commune Front's standing committee, its letterhead on three lines.
    return ("ỦY BAN MTTQ VIỆT NAM\nXÃ TÂN HÒA\nBAN THƯỜNG TRỰC\n" + number + "\n" + _MOTTO +
            "Tân Hòa, ngày 3 tháng 2 năm 2026\nKẾ HOẠCH\nTổ chức ngày hội đại đoàn kết năm 2026\n"
            "Căn cứ Hướng dẫn số 07/HD-MTTQ-BTT ngày 15/01/2026 của Ban Thường trực Ủy ban MTTQ tỉnh;\n"
            + preamble + "\nI. NỘI DUNG\n1. Tổ chức ngày hội ở các thôn.\n2. Tổng hợp, báo cáo kết quả.\n")


def _front_body(body: str) -> str:
    """The made-up plan, with ``body`` in place of its section I."""
    return _front_plan("Ban Thường trực Ủy ban MTTQ Việt Nam xã Tân Hòa xây dựng kế hoạch như sau:").replace(
        "I. NỘI DUNG\n1. Tổ chức ngày hội ở các thôn.\n2. Tổng hợp, báo cáo kết quả.\n", body)


def test_a_three_line_letterhead_names_the_standing_committee_of_the_body_above_it():
    # "ỦY BAN MTTQ VIỆT NAM / XÃ X / BAN THƯỜNG TRỰC": the last line is the issuing body, the two above the body it
    # belongs to (it was joined top to bottom: "Ủy ban mttq Việt Nam xã X ban thường trực"). The preamble that
    # names the body in full is the issuer; one that names it without the place is completed from the letterhead.
    _, plan = draft(_front_plan("Ban Thường trực Ủy ban MTTQ Việt Nam xã Tân Hòa xây dựng kế hoạch như sau:"))
    assert plan.issuer == "Ban Thường trực Ủy ban MTTQ Việt Nam xã Tân Hòa"
    assert plan.jurisdiction.lower() == "xã tân hòa"
    _, plan = draft(_front_plan("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã ban hành kế hoạch như sau:"))
    assert plan.issuer.lower() == "ban thường trực ủy ban mttq việt nam xã tân hòa"
    _, plan = draft(_front_plan("Để ngày hội được tổ chức chu đáo, kế hoạch như sau:"))
    assert plan.issuer.lower() == "ban thường trực ủy ban mttq việt nam xã tân hòa"


def test_a_sub_committee_named_in_its_preamble_and_its_place_on_the_letterhead_line_above():
    # "ỦY BAN BẦU CỬ XÃ X " / "TIỂU BAN …": the place name stopped at the line's end (it ran on: "Xã X Tiểu"), the
    # issuer the sub-committee as the preamble names it (not the two letterhead lines joined).
    _, plan = draft("ỦY BAN BẦU CỬ XÃ TÂN HÒA \n\nTIỂU BAN HẬU CẦN, AN NINH\nSố: 02/KH-TBHC\n" + _MOTTO +
                    "Tân Hòa, ngày 9 tháng 1 năm 2026\nKẾ HOẠCH\nBảo đảm hậu cần cho ngày bầu cử\n"
                    "Căn cứ Quyết định số 05/QĐ-UBBC ngày 02/01/2026 của Ủy ban bầu cử xã;\n"
                    "Tiểu ban hậu cần, an ninh bầu cử nhiệm kỳ 2026 - 2031 xây dựng kế hoạch như sau:\n"
                    "I. NỘI DUNG\n1. Chuẩn bị hòm phiếu cho các tổ bầu cử.\n")
    assert plan.issuer == "Tiểu ban hậu cần, an ninh bầu cử nhiệm kỳ 2026 - 2031"
    assert plan.jurisdiction.lower() == "xã tân hòa"


def _sub_committee_plan(tail: str) -> str:
    return ("ỦY BAN BẦU CỬ XÃ TÂN HÒA\nTIỂU BAN HẬU CẦN, AN NINH\nSố: 03/KH-TBHC\n" + _MOTTO +
            "Tân Hòa, ngày 9 tháng 1 năm 2026\nKẾ HOẠCH\nBảo đảm an ninh cho ngày bầu cử\n"
            "Căn cứ Quyết định số 05/QĐ-UBBC ngày 02/01/2026 của Ủy ban bầu cử xã;\n"
            "I. NỘI DUNG\n1. Bố trí lực lượng bảo vệ các khu vực bỏ phiếu.\n" + tail)


def test_a_sub_committee_s_head_signs_and_the_office_printed_under_the_name_is_left_as_written():
    # "TM. TIỂU BAN / TRƯỞNG TIỂU BAN / (blank lines) / name / his other office": the signer was the "TM." line and
    # the rest lines not placed. The office under the name is neither signer nor signatory.
    text = _sub_committee_plan("Nơi nhận:\n- Ủy ban bầu cử xã;\n- Lưu: TB.\nTM. TIỂU BAN\n\nTRƯỞNG TIỂU BAN\n\n\n\n\n"
                               "Trần Thị Mơ\n\nTRƯỞNG BAN TUYÊN GIÁO\n")
    result, plan = draft(text)
    assert (plan.instrument.signer, plan.instrument.signatory) == ("TRƯỞNG TIỂU BAN", "Trần Thị Mơ")
    assert "TRƯỞNG BAN TUYÊN GIÁO" in result.text  # as a line not placed


def test_a_recipients_entry_carried_on_to_the_next_line_and_the_entries_after_it():
    # The list stopped at an entry that wraps ("…, Ban Tuyên giáo," / "Văn phòng Đảng ủy;") and the entries after it,
    # an indented one ending in a tab among them, were lines not placed. An entry that ends in a comma, or a line
    # that goes on in lower case, carries on; a signature line after the list does not.
    text = _sub_committee_plan("Nơi nhận:\n- Ủy ban bầu cử xã;\n- Ủy ban Kiểm tra Đảng ủy, Ban Tuyên giáo,  \n"
                               "Văn phòng Đảng ủy;\n         - Văn phòng HĐND, UBND xã;\t\n"
                               "- Bí thư Chi bộ, Trưởng thôn, Ban công\n tác Mặt trận thôn; \n- Lưu: TB\n"
                               "TM. TIỂU BAN\nTRƯỞNG TIỂU BAN\nTrần Thị Mơ\n")
    _, plan = draft(text)
    assert plan.recipients == ("Ủy ban bầu cử xã", "Ủy ban Kiểm tra Đảng ủy, Ban Tuyên giáo, Văn phòng Đảng ủy",
                               "Văn phòng HĐND, UBND xã", "Bí thư Chi bộ, Trưởng thôn, Ban công tác Mặt trận thôn",
                               "Lưu: TB")
    assert (plan.instrument.signer, plan.instrument.signatory) == ("TRƯỞNG TIỂU BAN", "Trần Thị Mơ")


def test_a_labelled_result_under_an_item_is_its_field_not_a_task():
    # Items with labelled fields ("- Thời gian hoàn thành:", "- Đơn vị chủ trì:", "- Kết quả:"): the result was a
    # sub-task of its own; it is the item's content, as the other fields are its due and lead.
    result, plan = draft(_front_body(
        "II. NỘI DUNG, PHÂN CÔNG THỰC HIỆN\n1. Tổ chức ngày hội\n1.1. Xây dựng kế hoạch tổ chức ngày hội ở các thôn.\n"
        "- Thời gian hoàn thành: Tháng 3/2026\n- Đơn vị chủ trì: Đồng chí Phó Chủ tịch\n"
        "- Kết quả: Kế hoạch trình Ban Thường trực ban hành.\n"
        "1.2. Tổng hợp, báo cáo kết quả ngày hội.\n- Thời gian hoàn thành: Tháng 4/2026\n"
        "- Đơn vị chủ trì: Đồng chí Chủ tịch\n- Kết quả: Báo cáo kết quả.\n"))
    assert [text for _, text in _tasks(plan)] == ["Tổ chức ngày hội", "Xây dựng kế hoạch tổ chức ngày hội ở các thôn.",
                                                  "Tổng hợp, báo cáo kết quả ngày hội."]
    assert "# Kết quả: Kế hoạch trình Ban Thường trực ban hành." in result.text


def test_what_a_check_looks_at_is_its_content_and_a_numbered_check_under_it_a_task():
    # "1. Giám sát việc …" over a paragraph restating it and "-" lines naming what is looked at, "* Thời gian thực
    # hiện:": every line was a sub-task. They are the check's content; "2.1. Kiểm tra việc …" under a check stays
    # its task.
    result, plan = draft(_front_body(
        "III. NỘI DUNG KIỂM TRA, GIÁM SÁT\n1. Giám sát việc lập danh sách cử tri\n"
        "Giám sát việc lập danh sách cử tri theo quy định của Luật Bầu cử. Cụ thể các nội dung sau:\n"
        "- Cách tính tuổi của cử tri;\n- Việc niêm yết danh sách cử tri.\n"
        "* Thời gian thực hiện: Từ ngày 01/02/2026 đến ngày 15/02/2026.\n"
        "2. Kiểm tra, giám sát việc vận động bầu cử\n- Trách nhiệm của người ứng cử;\n"
        "2.1. Kiểm tra việc tổ chức hội nghị tiếp xúc cử tri\n- Thành phần cử tri tham dự hội nghị.\n"
        "IV. TỔ CHỨC THỰC HIỆN\nCác thành viên thực hiện kế hoạch này.\n"))
    assert _tasks(plan) == [(0, "Giám sát việc lập danh sách cử tri"), (0, "Kiểm tra, giám sát việc vận động bầu cử"),
                            (1, "Kiểm tra việc tổ chức hội nghị tiếp xúc cử tri")]
    assert "# Cách tính tuổi của cử tri;" in result.text


def test_dash_lines_right_before_an_item_s_labelled_fields_are_its_content():
    # "1.1. Item" / "- Bảo đảm …" / "- Nguyên tắc: …" / "- Thời gian hoàn thành: …" / "- Đơn vị chủ trì: …": the "-"
    # lines were sub-tasks (the last one given the item's time). They say what the item is to respect: its content;
    # the item keeps its lead and gets its time. "-" items with no fields after them stay tasks.
    result, plan = draft(_front_body(
        "II. NỘI DUNG, PHÂN CÔNG THỰC HIỆN\n1. Tổ chức ngày hội\n1.1. Xây dựng kế hoạch tổ chức ngày hội ở các thôn.\n"
        "- Bảo đảm thống nhất với hướng dẫn của cấp trên.\n- Nguyên tắc tổ chức: tiết kiệm, an toàn.\n"
        "- Thời gian hoàn thành: Tháng 3/2026\n- Đơn vị chủ trì: Đồng chí Phó Chủ tịch\n"
        "2. Tổng kết ngày hội\n- Tổng hợp ý kiến của các thôn.\n- Báo cáo Ban Thường trực cấp trên.\n"))
    assert _tasks(plan) == [(0, "Tổ chức ngày hội"), (1, "Xây dựng kế hoạch tổ chức ngày hội ở các thôn."),
                            (0, "Tổng kết ngày hội"), (1, "Tổng hợp ý kiến của các thôn."),
                            (1, "Báo cáo Ban Thường trực cấp trên.")]
    item = plan.tasks[0].subtasks[0]
    assert item.leads and "Tháng 3/2026" in str(item.due)
    assert "# Nguyên tắc tổ chức: tiết kiệm, an toàn." in result.text


def test_a_section_s_opening_paragraph_over_its_numbered_items_is_no_task():
    # "II. NỘI DUNG …" / "Các nội dung dưới đây được triển khai theo …" / "1. …" / "2. …": the paragraph was a task
    # holding every numbered item. It says how they are done: no task (a line not placed); the items are the tasks.
    result, plan = draft(_front_body(
        "II. NỘI DUNG, TIẾN ĐỘ THỰC HIỆN\nCác nội dung dưới đây được triển khai theo đúng hướng dẫn của cấp trên, bảo "
        "đảm tiến độ, chất lượng và phù hợp với tình hình thực tiễn của địa phương.\n"
        "1. Tổ chức ngày hội ở các thôn\n1.1. Xây dựng kế hoạch tổ chức ngày hội.\n"
        "2. Tổng kết ngày hội\n2.1. Tổng hợp, báo cáo kết quả ngày hội.\n"))
    assert _tasks(plan) == [(0, "Tổ chức ngày hội ở các thôn"), (1, "Xây dựng kế hoạch tổ chức ngày hội."),
                            (0, "Tổng kết ngày hội"), (1, "Tổng hợp, báo cáo kết quả ngày hội.")]
    assert any("# not placed" in line and "Các nội dung dưới đây được triển khai" in line
               for line in result.text.splitlines())
