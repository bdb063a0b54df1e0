"""`plandsl import` on layouts of the fifteenth held-out set and what the fourteenth left (issue #10, docs/IMPORT.md
"After the fifteenth set (no longer independent)").

Every text here was written for these tests (made-up bodies, people and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, task_tree as _tasks

_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def _front_body(body: str) -> str:
    """A made-up plan of a commune Front's standing committee, with ``body`` as its sections."""
    return ("ỦY BAN MTTQ VIỆT NAM\nXÃ TÂN HÒA\nBAN THƯỜNG TRỰC\nSố: 31/KH-MTTQ-BTT\n" + _MOTTO +
            "Tân Hòa, ngày 5 tháng 3 năm 2026\nKẾ HOẠCH\nTổ chức tiếp nhận ý kiến cử tri năm 2026\n"
            "Căn cứ Hướng dẫn số 09/HD-MTTQ-BTT ngày 20/02/2026 của Ban Thường trực Ủy ban MTTQ tỉnh;\n"
            "Ban Thường trực Ủy ban MTTQ Việt Nam xã Tân Hòa xây dựng kế hoạch như sau:\n" + body)


def test_an_item_s_place_is_its_field_and_the_actions_under_it_are_the_item_s():
    # "1. Item" / "- Địa điểm: Tại …" / "- Thời gian: …" / "- Nhiệm vụ:" / "+ action" …: the place was the item's
    # sub-task (with the item's time as its due and the actions under it). The place is the item's note, the time
    # its due, the actions its sub-tasks.
    result, plan = draft(_front_body(
        "I. NỘI DUNG\n1. Tổ chức tiếp nhận ý kiến cử tri\n- Địa điểm: Tại Hội trường Ủy ban MTTQ xã Tân Hòa.\n"
        "- Thời gian: Trong giờ hành chính, từ tháng 3 đến tháng 5 năm 2026.\n- Nhiệm vụ:\n"
        "+ Ghi chép đầy đủ ý kiến của cử tri.\n+ Hướng dẫn cử tri gửi kiến nghị đúng nơi quy định.\n"
        "2. Tổng hợp, báo cáo kết quả tiếp nhận ý kiến cử tri.\n"
        "II. TỔ CHỨC THỰC HIỆN\nCác thành viên thực hiện kế hoạch này.\n"))
    assert _tasks(plan) == [(0, "Tổ chức tiếp nhận ý kiến cử tri"), (1, "Ghi chép đầy đủ ý kiến của cử tri."),
                            (1, "Hướng dẫn cử tri gửi kiến nghị đúng nơi quy định."),
                            (0, "Tổng hợp, báo cáo kết quả tiếp nhận ý kiến cử tri.")]
    assert "tháng 3 đến tháng 5" in str(plan.tasks[0].due)
    assert "# Địa điểm: Tại Hội trường Ủy ban MTTQ xã Tân Hòa." in result.text


def test_the_criteria_a_step_is_decided_on_are_its_content():
    # "2. Hội nghị … căn cứ vào các tiêu chí:" over "-" lines naming the criteria: each line was a sub-task. They are
    # what the step is decided on: its notes, as the conditions under "Xác định đối tượng …" are. Actions under
    # another step stay tasks.
    result, plan = draft(_front_body(
        "I. NỘI DUNG HỘI NGHỊ\n1. Hội nghị nghe báo cáo tình hình giới thiệu người ứng cử.\n"
        "2. Hội nghị thảo luận, lập danh sách người được giới thiệu căn cứ vào các tiêu chí:\n"
        "- Tiêu chuẩn của người được giới thiệu.\n- Kết quả lấy ý kiến tại hội nghị lần thứ nhất.\n"
        "3. Hội nghị thông qua biên bản:\n- Thư ký đọc biên bản hội nghị.\n- Chủ tọa kết luận hội nghị.\n"
        "II. TỔ CHỨC THỰC HIỆN\nCác thành viên thực hiện kế hoạch này.\n"))
    assert _tasks(plan) == [(0, "Hội nghị nghe báo cáo tình hình giới thiệu người ứng cử."),
                            (0, "Hội nghị thảo luận, lập danh sách người được giới thiệu căn cứ vào các tiêu chí"),
                            (0, "Hội nghị thông qua biên bản"), (1, "Thư ký đọc biên bản hội nghị."),
                            (1, "Chủ tọa kết luận hội nghị.")]
    assert "# Tiêu chuẩn của người được giới thiệu." in result.text


def _bases(plan) -> list[tuple[str, str | None, str | None]]:
    return [(b.text, b.number, str(b.date) if b.date else None) for b in (*plan.implementing, *plan.bases)]


def test_a_law_and_the_law_amending_it_are_two_documents():
    # "Căn cứ Luật A số N1, ngày D1 và được sửa đổi, bổ sung một số điều tại Luật số N2, ngày D2": one basis, the
    # amending law left in its words; "Căn cứ Luật A và Luật sửa đổi, bổ sung … ngày D": one basis; "Thực hiện Luật
    # A ngày D1 và Luật sửa đổi, bổ sung … ngày D2" (no number): no document at all. Each is two laws.
    _, plan = draft(_front_body(
        "I. NỘI DUNG\n1. Tổ chức hội nghị.\n").replace(
        "Căn cứ Hướng dẫn số 09/HD-MTTQ-BTT",
        "Căn cứ Luật Thanh tra số 11/2022/QH15, ngày 14/11/2022 và được sửa đổi, bổ sung một số điều tại Luật số "
        "90/2025/QH15, ngày 25/6/2025; Luật Tiếp công dân số 42/2013/QH13, ngày 25/11/2013;\n"
        "Căn cứ Hướng dẫn số 09/HD-MTTQ-BTT"))
    assert _bases(plan)[:3] == [
        ("Luật Thanh tra", "11/2022/QH15", "2022-11-14"),
        ("Luật sửa đổi, bổ sung một số điều của Luật Thanh tra", "90/2025/QH15", "2025-06-25"),
        ("Luật Tiếp công dân", "42/2013/QH13", "2013-11-25")]
    _, plan = draft(_front_body("I. NỘI DUNG\n1. Tổ chức hội nghị.\n").replace(
        "Căn cứ Hướng dẫn số 09/HD-MTTQ-BTT",
        "Thực hiện Luật Tiếp công dân ngày 25 tháng 11 năm 2013 và Luật sửa đổi, bổ sung một số điều của Luật Tiếp "
        "công dân ngày 24 tháng 6 năm 2025;\nCăn cứ Luật Khiếu nại và Luật sửa đổi, bổ sung một số điều của Luật "
        "Khiếu nại ngày 20/6/2025;\nCăn cứ Hướng dẫn số 09/HD-MTTQ-BTT"))
    assert _bases(plan)[:4] == [
        ("Luật Tiếp công dân", None, "2013-11-25"),
        ("Luật sửa đổi, bổ sung một số điều của Luật Tiếp công dân", None, "2025-06-24"),
        ("Luật Khiếu nại", None, None),
        ("Luật sửa đổi, bổ sung một số điều của Luật Khiếu nại", None, "2025-06-20")]
    assert plan.implementing[1].by is None  # the law amended is not the amending law's issuer


def test_a_stray_mark_before_the_letterhead_and_the_issuer_s_place_from_it():
    # "/ỦY BAN MTTQ VIỆT NAM" (a mark the copy left): the line was not the letterhead's, so the letterhead was two
    # lines and a preamble naming the body without its place ("… Việt Nam xã ban hành …") gave no issuer.
    text = _front_body("I. NỘI DUNG\n1. Tổ chức hội nghị.\n").replace(
        "ỦY BAN MTTQ VIỆT NAM\n", "/ỦY BAN MTTQ VIỆT NAM\n").replace(
        "Ban Thường trực Ủy ban MTTQ Việt Nam xã Tân Hòa xây dựng kế hoạch như sau:",
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã ban hành kế hoạch tổ chức hội nghị như sau:")
    _, plan = draft(text)
    assert plan.letterhead == ("ỦY BAN MTTQ VIỆT NAM", "XÃ TÂN HÒA", "BAN THƯỜNG TRỰC")
    assert plan.issuer.lower() == "ban thường trực ủy ban mttq việt nam xã tân hòa"
    assert plan.jurisdiction.lower() == "xã tân hòa"


def test_a_body_named_without_its_place_is_the_issuer_as_the_text_names_it_in_full():
    # The preamble names the body without its place ("… Việt Nam xã ban hành …"); the text names it in full later
    # ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa (chủ trì)"): the issuer was the letterhead's
    # words ("Ban thường trực Ủy ban mttq …"); it is the body as the text names it.
    text = _front_body("I. NỘI DUNG\n1. Tổ chức hội nghị.\nII. THÀNH PHẦN\nBan Thường trực Ủy ban Mặt trận Tổ quốc "
                       "Việt Nam xã Tân Hòa (chủ trì hội nghị).\n").replace(
        "Ban Thường trực Ủy ban MTTQ Việt Nam xã Tân Hòa xây dựng kế hoạch như sau:",
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã ban hành kế hoạch tổ chức hội nghị như sau:")
    _, plan = draft(text)
    assert plan.issuer == "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa"


def test_one_block_of_fields_after_several_items_is_each_item_s():
    # "3.1. …" / "3.2. …" / "3.3. …" / "- Thời gian thực hiện: …" / "- Đơn vị chủ trì: …" / "- Đơn vị phối hợp: …" in a
    # plan whose other items each have their own block: the block went to 3.3 only; it is each item's.
    fields = ("- Thời gian thực hiện: Quý I/2026\n- Đơn vị chủ trì: Đồng chí Phó Chủ tịch\n"
              "- Đơn vị phối hợp: Các đoàn thể xã, Trưởng thôn\n")
    _, plan = draft(_front_body(
        "I. NỘI DUNG\n1. Chuẩn bị hội nghị\n1.1. Xây dựng kế hoạch tổ chức hội nghị.\n" + fields +
        "2. Theo dõi, tổng hợp kết quả\n2.1. Tham gia các đoàn kiểm tra của cấp trên.\n"
        "2.2. Tổng hợp khó khăn, vướng mắc của các thôn.\n2.3. Báo cáo kết quả với cấp trên.\n" + fields +
        "II. TỔ CHỨC THỰC HIỆN\nCác thành viên thực hiện kế hoạch này.\n"))
    items = plan.tasks[1].subtasks
    assert [t.text for t in items] == ["Tham gia các đoàn kiểm tra của cấp trên.",
                                       "Tổng hợp khó khăn, vướng mắc của các thôn.", "Báo cáo kết quả với cấp trên."]
    assert all([a.name for a in t.leads] == ["Đồng chí Phó Chủ tịch"] and len(t.supports) == 2 for t in items)
    assert all("Quý I/2026" in str(t.due) for t in items)


def test_dash_lines_before_an_item_s_dated_steps_and_fields_are_its_content():
    # "2.1. Item" / "- Nguyên tắc: …" / "- Tài liệu: …" / "(1) … (2) …" (dated steps) / "- Thời gian hoàn thành: …" /
    # "- Đơn vị chủ trì: …": the "-" lines were sub-tasks, the steps standing between them and the fields. They are
    # the item's content, as such lines right before its fields already were.
    result, plan = draft(_front_body(
        "I. NỘI DUNG\n1. Chuẩn bị hội nghị\n1.1. Chuẩn bị tài liệu và tổ chức hai hội nghị lấy ý kiến cử tri.\n"
        "- Nguyên tắc tổ chức: Dân chủ, công khai, đúng thời gian.\n- Tài liệu hội nghị: Gồm danh sách, biên bản.\n"
        "(1) Hội nghị lần thứ nhất: Chậm nhất ngày 10/4/2026.\n(2) Hội nghị lần thứ hai: Chậm nhất ngày 10/5/2026.\n"
        "- Thời gian hoàn thành: Quý II/2026;\n- Đơn vị chủ trì: Đồng chí Phó Chủ tịch\n"
        "II. TỔ CHỨC THỰC HIỆN\nCác thành viên thực hiện kế hoạch này.\n"))
    assert _tasks(plan) == [(0, "Chuẩn bị hội nghị"),
                            (1, "Chuẩn bị tài liệu và tổ chức hai hội nghị lấy ý kiến cử tri.")]
    item = plan.tasks[0].subtasks[0]
    assert item.leads and "Quý II/2026" in str(item.due)
    assert "# Nguyên tắc tổ chức: Dân chủ, công khai, đúng thời gian." in result.text
