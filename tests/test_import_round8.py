"""`plandsl import` on layouts of the thirteenth held-out set (issue #10, docs/IMPORT.md "After the thirteenth set (no
longer independent)").

Every text here was written for these tests (made-up bodies, figures and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft


def _resolution(appendix: str) -> str:
    # A made-up resolution of the Government issuing a programme for 2026 - 2030, its appendix ``appendix``.
    return ("CHÍNH PHỦ\nSố: 301/NQ-CP\nHà Nội, ngày 9 tháng 3 năm 2026\nNGHỊ QUYẾT\n"
            "Ban hành Chương trình hành động phát triển vùng ven biển giai đoạn 2026 - 2030\nCHÍNH PHỦ\n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT NGHỊ:\n"
            "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động phát triển vùng ven biển.\n"
            "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
            "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\nNguyễn Văn Mẫu\n" + appendix)


_HEAD = "TT\nCHỈ TIÊU\nMỤC TIÊU\n2026 - 2030\nCƠ QUAN CHỦ\nTRÌ, THEO DÕI\nCƠ QUAN\nPHỐI HỢP\n"


def _targets(plan) -> list[tuple]:
    return sorted((t.phase, float(t.value), t.comparator.value if t.comparator else "=")
                  for o in plan.objectives for t in o.targets)


def test_an_indicator_table_one_cell_a_line_gives_a_target_per_level_row():
    # Phụ lục I of Nghị quyết 109 (the thirteenth set, NOT independent) was lines not placed from its title to its
    # last row. Its layout, made up here: rows whose value is a figure before the first line of a body's name are
    # targets in the column's last year (or the year the row names), "> 55" >= 55, "Không quá" / "60" <= 60, a bare
    # figure the level to reach where other rows write a comparator; a range, a rank, a growth, an average over the
    # period and a "Trong đó:" row under a growth give none. The header printed again on a page and a section row
    # between rows are skipped.
    result, plan = draft(_resolution(
        "Phụ lục I\nCÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026 - 2030\n" + _HEAD +
        "I\nVỀ KINH TẾ\n"
        "1\nTốc độ tăng trưởng GRDP bình quân/năm (%)\nPhấn đấu ≥\n9,0\nBộ Tài chính\nCác bộ, cơ quan.\n"
        "2\nThu nhập bình quân đầu người đến\nnăm 2030 (USD)\n7.200\nBộ Tài chính\nCác bộ, cơ quan.\n"
        "3\nTỉ lệ cảng cá đạt chuẩn (%)\n30 - 35\nBộ Nông nghiệp và\nMôi trường\nCác địa phương.\n"
        "4\nĐóng góp của khoa học vào tăng trưởng (%)\n> 45\n1. Bộ Khoa học và\nCông nghệ\nCác bộ, cơ quan.\n"
        "5\nChỉ số cảng biển đến năm\n2030\nThuộc nhóm\n5 nước dẫn\nđầu khu vực\nBộ Xây dựng\nCác bộ, cơ quan.\n"
        + _HEAD +
        "6\nSố cảng biển xanh đến năm\n2030\n4\nBộ Xây dựng và các\nđịa phương\nCác bộ, cơ quan.\n"
        "7\nTổng mức bán lẻ tăng bình quân (%)\n12\nBộ Công Thương\nCác địa phương.\n"
        "Trong đó: khu vực ven biển (%)\n14\nCác địa phương\nBộ Công Thương.\n"
        "II\nVỀ XÃ HỘI\n"
        "8\nPhấn đấu đến năm 2028, tỉ lệ xã có trạm y tế đạt chuẩn (%)\n90\nBộ Y tế\nCác địa phương.\n"
        "9\nTỉ lệ thất nghiệp ở khu vực thành thị (%)\n< 4\nBộ Nội vụ\nCác địa phương.\n"
        "10\nNợ xấu so với tổng dư nợ (%)\nKhông quá\n3\nNgân hàng Nhà nước\nCác bộ, cơ quan.\n"))
    assert _targets(plan) == [(2028, 90.0, "="), (2030, 3.0, "<="), (2030, 4.0, "<="), (2030, 4.0, "="),
                              (2030, 45.0, ">="), (2030, 7200.0, "=")]
    lines = result.text.splitlines()
    usd = next(i for i, line in enumerate(lines) if "target 2030 7200" in line)
    assert "'USD'" in " ".join(lines[usd - 3:usd]) and "# review:" in " ".join(lines[usd - 3:usd])
    # What is not read stays in the draft as written.
    assert "# not placed" in result.text and "30 - 35" in result.text and "Thuộc nhóm" in result.text


def test_an_indicator_table_without_comparators_reads_a_bare_figure_as_a_floor():
    # The same layout, made up, with no comparator written in any row: a bare figure is 'at least', as in the
    # importer's other tables, with the review saying so.
    result, plan = draft(_resolution(
        "Phụ lục\n" + _HEAD +
        "1\nTỉ lệ hộ dùng nước sạch (%)\n95\nBộ Xây dựng\nCác địa phương.\n"
        "2\nTỉ lệ che phủ rừng ven biển (%)\n20\nBộ Nông nghiệp và\nMôi trường\nCác địa phương.\n"
        "3\nSố khu kinh tế ven biển đến năm\n2030\n6\nBộ Tài chính\nCác địa phương.\n"))
    assert _targets(plan) == [(2030, 6.0, ">="), (2030, 20.0, ">="), (2030, 95.0, ">=")]
    assert "'at least'" in result.text or "tối thiểu" in result.text


def test_tasks_given_body_by_body_in_a_resolutions_article():
    # Nghị quyết 126's Điều 1 (the thirteenth set, NOT independent) gave its tasks as "2. Giao <body>:" over lettered
    # items, lines not placed. Made up here: each lettered item is a task, its wrapped line joined; "Chủ trì, phối hợp
    # với Y <does>" has the body as its lead and Y as its supports; "Phối hợp với X …" names neither (only "chủ trì"
    # makes a lead); the decision's own item 1 and the heading lines are no tasks.
    text = ("CHÍNH PHỦ\nSố: 302/NQ-CP\nHà Nội, ngày 9 tháng 3 năm 2026\nNGHỊ QUYẾT\n"
            "Về việc chuyển giao Bảo tàng Biển miền Trung về Ủy ban nhân dân tỉnh Hòa Bình An quản lý\nCHÍNH PHỦ\n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT NGHỊ:\n"
            "Điều 1.\n1. Đồng ý chuyển giao Bảo tàng Biển miền Trung về Ủy ban nhân dân tỉnh Hòa Bình An quản lý.\n"
            "2. Giao Bộ Văn hoá, Thể thao và Du lịch:\n"
            "a) Chủ trì, phối hợp với Ủy ban nhân dân tỉnh Hòa Bình An xây dựng, trình Thủ tướng Chính phủ quyết định\n"
            "việc chuyển giao Bảo tàng.\n"
            "b) Bàn giao tài sản, hồ sơ của Bảo tàng theo quy định.\n"
            "3. Giao Ủy ban nhân dân tỉnh Hòa Bình An:\n"
            "a) Phối hợp với Bộ Văn hoá, Thể thao và Du lịch tiếp nhận Bảo tàng.\n"
            "b) Bố trí kinh phí hoạt động của Bảo tàng từ năm 2027.\n"
            "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
            "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\nNguyễn Văn Mẫu\n")
    result, plan = draft(text)
    got = [(t.text[:20], [a.name for a in t.leads], [a.name for a in t.supports]) for t in plan.tasks]
    assert got == [
        ("Chủ trì, phối hợp vớ", ["Bộ Văn hoá, Thể thao và Du lịch"], ["Ủy ban nhân dân tỉnh Hòa Bình An"]),
        ("Bàn giao tài sản, hồ", [], []),
        ("Phối hợp với Bộ Văn ", [], []),
        ("Bố trí kinh phí hoạt", [], []),
    ]
    assert plan.tasks[0].text.endswith("quyết định việc chuyển giao Bảo tàng.")
    assert not any("Đồng ý" in t.text for t in plan.tasks) and "1. Đồng ý chuyển giao" in result.text


def test_an_appendix_of_tasks_body_by_body_after_the_signature():
    # Nghị quyết 122's appendix "NHIỆM VỤ CỤ THỂ GIAO CÁC BỘ, CƠ QUAN, ĐỊA PHƯƠNG" (the thirteenth set, NOT independent)
    # was lines not placed. Made up here: beside the body's own tasks, each lettered item under a numbered heading that
    # names a body is a task; "X chủ trì, phối hợp với Y:" gives each item X as lead and Y as supports; a heading
    # without "chủ trì" gives none.
    text = ("CHÍNH PHỦ\nSố: 303/NQ-CP\nHà Nội, ngày 9 tháng 3 năm 2026\nNGHỊ QUYẾT\n"
            "Phiên họp Chính phủ thường kỳ tháng 2 năm 2026\nCHÍNH PHỦ\n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT NGHỊ:\n"
            "I. Về nhiệm vụ, giải pháp chủ yếu\n"
            "a) Đẩy mạnh giải ngân vốn đầu tư công ngay từ đầu năm.\n"
            "b) Kiểm soát chặt chẽ giá các mặt hàng thiết yếu.\n"
            "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\nNguyễn Văn Mẫu\n"
            "Phụ lục\nNHIỆM VỤ CỤ THỂ GIAO CÁC BỘ, CƠ QUAN, ĐỊA PHƯƠNG\n"
            "(Kèm theo Nghị quyết số 303/NQ-CP ngày 9 tháng 3 năm 2026 của Chính phủ)\n"
            "1. Các bộ, cơ quan, địa phương theo chức năng, nhiệm vụ được giao:\n"
            "a) Rà soát, cắt giảm thủ tục hành chính trong lĩnh vực quản lý.\n"
            "b) Tiết kiệm chi thường xuyên, nhất là chi hội nghị.\n"
            "2. Bộ Xây dựng chủ trì, phối hợp với các địa phương:\n"
            "a) Đẩy nhanh tiến độ các dự án đường bộ cao tốc.\n"
            "b) Hoàn thiện quy định về nhà ở xã hội.\n")
    _result, plan = draft(text)
    got = [(t.text[:20], [a.name for a in t.leads], [a.name for a in t.supports]) for t in plan.tasks]
    assert got[-4:] == [
        ("Rà soát, cắt giảm th", [], []),
        ("Tiết kiệm chi thường", [], []),
        ("Đẩy nhanh tiến độ cá", ["Bộ Xây dựng"], ["các địa phương"]),
        ("Hoàn thiện quy định ", ["Bộ Xây dựng"], ["các địa phương"]),
    ]
    assert len({t.id for t in plan.tasks}) == len(plan.tasks)


def test_a_task_written_as_labelled_lines():
    # Nghị quyết 97's Điều 2 (the thirteenth set, NOT independent) set out one task as labelled lines, lines not placed.
    # Made up here: the name (its wrapped line joined) is the task, "Cơ quan chủ trì" its lead, "Cơ quan phối hợp" its
    # supports, the time its due, "Kết quả" a note.
    text = ("CHÍNH PHỦ\nSố: 304/NQ-CP\nHà Nội, ngày 9 tháng 3 năm 2026\nNGHỊ QUYẾT\n"
            "Bổ sung nhiệm vụ vào Chương trình hành động của Chính phủ về chuyển đổi số\nCHÍNH PHỦ\n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT NGHỊ:\n"
            "Điều 1. Bổ sung nhiệm vụ sau vào Chương trình hành động:\n"
            "1. Tên nhiệm vụ: Xây dựng cơ sở dữ liệu quốc gia về chuyên gia công nghệ số\n"
            "làm việc tại nước ngoài.\n"
            "2. Cơ quan chủ trì: Bộ Khoa học và Công nghệ.\n"
            "3. Cơ quan phối hợp: Bộ Ngoại giao, Bộ Nội vụ.\n"
            "4. Kết quả: Cơ sở dữ liệu được vận hành.\n"
            "5. Thời gian hoàn thành: Quý IV/2026.\n"
            "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
            "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\nNguyễn Văn Mẫu\n")
    result, plan = draft(text)
    task = next(t for t in plan.tasks if t.text.startswith("Xây dựng cơ sở dữ liệu"))
    assert task.text == "Xây dựng cơ sở dữ liệu quốc gia về chuyên gia công nghệ số làm việc tại nước ngoài."
    assert [a.name for a in task.leads] == ["Bộ Khoa học và Công nghệ"]
    assert [a.name for a in task.supports] == ["Bộ Ngoại giao", "Bộ Nội vụ"]
    assert "Kết quả: Cơ sở dữ liệu được vận hành." in result.text
    assert not any(t.text.startswith(("Cơ quan", "Kết quả", "Thời gian")) for t in plan.tasks)


def _updating(article: str) -> str:
    # A made-up resolution updating a programme; its first article ``article``, then the programme's own heading.
    return ("CHÍNH PHỦ\nSố: 305/NQ-CP\nHà Nội, ngày 9 tháng 3 năm 2026\nNGHỊ QUYẾT\n"
            "Cập nhật, bổ sung Chương trình hành động của Chính phủ về phát triển kinh tế biển\nCHÍNH PHỦ\n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT NGHỊ:\n" + article +
            "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
            "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\nNguyễn Văn Mẫu\n"
            "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ\n"
            "Thực hiện chiến lược phát triển bền vững kinh tế biển giai đoạn 2026 - 2030\n"
            "(Kèm theo Nghị quyết số 305/NQ-CP ngày 9 tháng 3 năm 2026 của Chính phủ)\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Cụ thể hóa các nhiệm vụ phát triển kinh tế biển.\n")


def test_a_resolution_that_updates_and_issues_a_programme_is_that_programme():
    # Nghị quyết 109 (the thirteenth set, NOT independent): "Cập nhật, bổ sung Chương trình hành động …" whose Điều 1
    # "Cập nhật, bổ sung và ban hành kèm theo Nghị quyết này Chương trình …" issues it whole, read as a resolution (kind
    # and title the resolution's, the title cut after its first line). Made up here: kind and title are the
    # programme's, from its own heading; a resolution that only adds to a programme stays the resolution.
    _result, plan = draft(_updating("Điều 1. Cập nhật, bổ sung và ban hành kèm theo Nghị quyết này Chương trình hành "
                                    "động của Chính phủ về phát triển kinh tế biển.\n"))
    assert plan.kind == "Chương trình"
    assert plan.title == ("Chương trình hành động của Chính phủ thực hiện chiến lược phát triển bền vững kinh tế biển "
                          "giai đoạn 2026-2030")
    _result, plan = draft(_updating("Điều 1. Bổ sung nhiệm vụ sau vào Chương trình hành động của Chính phủ về phát "
                                    "triển kinh tế biển.\n"))
    assert plan.kind == "Nghị quyết"


def test_an_indicator_rows_value_joined_to_its_wording_by_the_copy():
    # Nghị quyết 109's row 45 (the thirteenth set, NOT independent): the copy joined the value to the wording's last
    # line ("… hằng năm 100%"), and the row had no value cell of its own. Made up here: the percentage ending the line
    # before the body's name is the row's value; a row with a value cell of its own keeps its wording whole.
    _result, plan = draft(_resolution(
        "Phụ lục\n" + _HEAD +
        "1\nTỉ lệ trẻ em được tiêm chủng đầy đủ hằng năm 98%\nBộ Y tế\nCác địa phương.\n"
        "2\nTỉ lệ đô thị hóa (%)\n> 45\nBộ Xây dựng\nCác địa phương.\n"
        "3\nTỉ lệ xã đạt 100% tiêu chí y tế\n60\nBộ Y tế\nCác địa phương.\n"))
    assert _targets(plan) == [(2030, 45.0, ">="), (2030, 60.0, "="), (2030, 98.0, "=")]
    texts = {o.text for o in plan.objectives}
    assert "Tỉ lệ trẻ em được tiêm chủng đầy đủ hằng năm" in texts and "Tỉ lệ xã đạt 100% tiêu chí y tế" in texts
