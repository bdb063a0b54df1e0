"""`plandsl import` on shapes found after the eleventh held-out set (issue #10, docs/IMPORT.md "After the eleventh
set (no longer independent)"): text copies of the official gazette's PDFs (Công báo), with its running page header,
page numbers and signature note.

Every text here was written for these tests (made-up bodies and plans in the gazette's layout); none is copied from a
held-out set."""

from __future__ import annotations

from import_docs import draft

# A made-up decision of the Thủ tướng as the gazette's text layer gives it: every page opens with the gazette's header
# and the page number, the gazette's signature note after the first page, no blank line between paragraphs.
_PAGE_ONE = (
    "CÔNG BÁO/Số 401/Ngày 12-08-2026 \n"
    "17 \n \n \n"
    "THỦ TƯỚNG CHÍNH PHỦ \n_______ \n \nSố: 1234/QĐ-TTg \n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc \n________________ \n"
    "Hà Nội, ngày 30 tháng 7 năm 2026 \n \n"
    "QUYẾT ĐỊNH \nBan hành Kế hoạch thực hiện Chỉ thị số 61-CT/TW về phát triển thư viện số \n_________ \n \n"
    "THỦ TƯỚNG CHÍNH PHỦ \n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; \n"
    "Xét đề nghị của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch. \n \n"
    "QUYẾT ĐỊNH: \n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chỉ thị số 61-CT/TW. \n"
    "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành. \n"
    "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Cơ quan: VĂN PHÒNG CHÍNH PHỦ\n"
    "Ngày ký: 2026-08-11 09:12:30 +07:00\n\n")
_PAGE_TWO = (
    "CÔNG BÁO/Số 401/Ngày 12-08-2026 \n"
    "18 \n \n \n"
    "KẾ HOẠCH \nThực hiện Chỉ thị số 61-CT/TW về phát triển thư viện số \n"
    "I. MỤC TIÊU \n"
    "1. Đến năm 2030, 90% thư viện công cộng cấp tỉnh được số hóa tài liệu. \n"
    "II. NHIỆM VỤ CỤ THỂ \n"
    "1. Hoàn thiện thể chế về thư viện số \n"
    "- Rà soát, sửa đổi các văn bản quy phạm pháp luật về thư viện và bản quyền tài liệu \n"
    "số hóa phù hợp với yêu cầu chuyển đổi số. \n"
    "- Xây dựng bộ tiêu chuẩn dữ liệu dùng chung cho các thư viện công cộng, bảo đảm kết \n\n")
_PAGE_THREE = (
    "CÔNG BÁO/Số 401/Ngày 12-08-2026 \n"
    "19 \n \n \n"
    "nối liên thông với cơ sở dữ liệu quốc gia về văn hóa. \n"
    "2. Phát triển hạ tầng thư viện số \n"
    "- Đầu tư nền tảng thư viện số dùng chung cho các tỉnh, thành phố. \n")
_GAZETTE = _PAGE_ONE + _PAGE_TWO + _PAGE_THREE


def test_the_gazettes_page_header_is_not_the_documents_number():
    # The gazette's "CÔNG BÁO/Số 277/Ngày 16-05-2026" on the first line had been read as the number ('277/Ngày') in all
    # five texts of the eleventh set (NOT independent), though the document's own "Số: …" follows.
    result, plan = draft(_GAZETTE)
    assert plan.instrument.number == "1234/QĐ-TTg"
    assert any("CÔNG BÁO/Số 401/Ngày 12-08-2026" in note for note in result.notes)  # what was left out is said
    assert "CÔNG BÁO/Số 401" not in result.text.split("\n", 3)[3]  # only in that note, at the top


def test_page_headers_and_numbers_are_no_tasks_and_a_sentence_goes_on_over_a_page():
    # The headers and page numbers between pages had been top-level tasks ("CÔNG BÁO/Số 286/…", "91"), the numbered
    # headings after them nested under the wrong parent, and a sentence cut by a page a task of its own.
    _result, plan = draft(_GAZETTE)
    texts = [t.text for t in plan.tasks]
    assert not any("CÔNG BÁO" in t or t.strip().isdigit() for t in texts)
    assert [t.text for t in plan.tasks] == ["Hoàn thiện thể chế về thư viện số", "Phát triển hạ tầng thư viện số"]
    first = plan.tasks[0].subtasks
    assert first[1].text.endswith("bảo đảm kết nối liên thông với cơ sở dữ liệu quốc gia về văn hóa.")
    assert not any("Ký bởi" in (o.text or "") or "VĂN PHÒNG CHÍNH PHỦ" in (o.text or "") for o in plan.objectives)


def test_a_line_like_the_gazettes_header_inside_the_text_stays():
    # Only the header's whole line, with the page number under it, is page furniture; a sentence naming the gazette is
    # text, and a text that is no gazette copy is read as before.
    from plandsl.importer.gazette import drop_furniture

    rows = [("Đăng Công báo theo quy định.", "line 1"), ("CÔNG BÁO/Số 9/Ngày 01-02-2026", "line 2"), ("5", "line 3"),
            ("", "line 4"), ("tiếp theo", "line 5")]
    kept, first = drop_furniture(rows)
    assert first == "CÔNG BÁO/Số 9/Ngày 01-02-2026"
    assert kept == [rows[0], rows[4]]
    plain = [("Kế hoạch", "line 1"), ("12", "line 2")]
    assert drop_furniture(plain) == (plain, None)


# A made-up resolution of the Chính phủ whose "QUYẾT NGHỊ:" is the plan, with an appendix of tasks after the signature,
# the table as the gazette's text layer gives it: one cell a line, a long cell wrapped, the header repeated on the next
# page, a time cut after its first word, a row number alone under the time, a row of sub-rows, an empty supports cell.
_RESOLUTION = (
    "CHÍNH PHỦ\nSố: 77/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Hà Nội, ngày 5 tháng 3 năm 2026\nNGHỊ QUYẾT\nVề Kế hoạch thực hiện Kết luận số 99-KL/TW về phát triển rừng ven biển\n"
    "CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT NGHỊ:\n"
    "Chính phủ ban hành Kế hoạch thực hiện Kết luận số 99-KL/TW với những nội dung như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\na) Cụ thể hóa các nhiệm vụ được giao.\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n1. Hoàn thiện thể chế về rừng ven biển\n"
    "a) Rà soát các quy định về bảo vệ rừng ven biển.\n"
    "b) Gắn công tác kiểm tra với trách nhiệm của người đứng đầu.\n"
    "III. TỔ CHỨC THỰC HIỆN\n1. Các bộ, cơ quan, địa phương tổ chức thực hiện Kế hoạch.\n"
    "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nNguyễn Văn Ba\n"
    "Phụ lục\nNHIỆM VỤ TRỌNG TÂM THỰC HIỆN KẾT LUẬN SỐ 99-KL/TW\n"
    "(Kèm theo Nghị quyết số 77/NQ-CP ngày 5 tháng 3 năm 2026 của Chính phủ)\n"
    "TT\nNội dung, nhiệm vụ\nCơ quan chủ \ntrì thực hiện\nCơ quan  \nphối hợp\nThời gian\n"
    "I\nHoàn thiện thể chế về rừng ven biển\n"
    "1\nRà soát, sửa đổi các quy định về giao \nrừng, cho thuê rừng ven biển.\n"
    "Bộ NN&MT,  \nBộ Tư pháp\nCác bộ, \ncơ quan,  \nđịa phương\nNăm  \n2026 - 2027\n"
    "2\nXây dựng tiêu chí rừng phòng hộ ven \nbiển cho từng vùng.\n"
    "Bộ NN&MT  \nBộ Khoa học  \nvà Công \nnghệ\nHằng năm\n"
    "3\nHoàn thiện tiêu chuẩn kỹ thuật đối với \ncác công trình ven biển.\n \n"
    "- \nCông trình đê biển.\nBộ NN&MT\nCác bộ, cơ quan\nNăm 2026\n"
    "- \nCông trình cảng cá.\nBộ Công \nThương\n"
    "4\nBố trí kinh phí trồng rừng ven biển \ntheo kế hoạch đầu tư công trung hạn.\n"
    "Bộ Tài chính\nCác bộ, cơ quan, \nđịa phương\nGiai đoạn \n2026 - 2030\n"
    "TT\nNội dung, nhiệm vụ\nCơ quan chủ \ntrì thực hiện\nCơ quan  \nphối hợp\nThời gian\n"
    "5\nTổng kết việc thực hiện Kết luận số \n99-KL/TW.\n"
    "Bộ NN&MT\nNăm 2030\n")


def test_a_phụ_lục_in_sentence_case_opens_an_appendix_not_more_tasks():
    # Nghị quyết 116/NQ-CP's "Phụ lục" / "NHIỆM VỤ TRỌNG TÂM THỰC HIỆN …" (after the eleventh set, NOT independent):
    # the title opened the tasks again, and every cell of the table became a sub-task of the body's last item.
    _result, plan = draft(_RESOLUTION)
    body = plan.tasks[0]
    assert body.text == "Hoàn thiện thể chế về rừng ven biển"
    assert [t.text for t in body.subtasks] == ["Rà soát các quy định về bảo vệ rừng ven biển.",
                                               "Gắn công tác kiểm tra với trách nhiệm của người đứng đầu."]
    texts = [t.text for t in _all(plan.tasks)]
    assert not any(t in ("TT", "Nội dung, nhiệm vụ", "Bộ NN&MT", "Năm", "1", "2026 - 2027") for t in texts)


def _all(tasks):
    for t in tasks:
        yield t
        yield from _all(t.subtasks)


def test_the_gazettes_appendix_table_is_read_row_by_row():
    # Nghị quyết 116/NQ-CP's appendix (after the eleventh set, NOT independent): the table of the gazette's layout had
    # no row read. The header repeated on a page, "Năm" / "2026 - 2027", "Bộ Công" / "Thương", a row number alone
    # after "Hằng năm" (it had been joined onto the time), the row of sub-rows and the empty supports cell all read.
    _result, plan = draft(_RESOLUTION)
    table = plan.tasks[1]
    assert table.text == "Hoàn thiện thể chế về rừng ven biển"
    rows = table.subtasks
    assert [t.text for t in rows] == [
        "Rà soát, sửa đổi các quy định về giao rừng, cho thuê rừng ven biển.",
        "Xây dựng tiêu chí rừng phòng hộ ven biển cho từng vùng.",
        "Hoàn thiện tiêu chuẩn kỹ thuật đối với các công trình ven biển.",
        "Bố trí kinh phí trồng rừng ven biển theo kế hoạch đầu tư công trung hạn.",
        "Tổng kết việc thực hiện Kết luận số 99-KL/TW."]
    assert [a.name for a in rows[0].leads] == ["Bộ NN&MT", "Bộ Tư pháp"]
    assert [a.name for a in rows[0].supports] == ["Các bộ, cơ quan, địa phương"]
    assert str(rows[0].due) == "Năm 2026 - 2027"
    assert [a.name for a in rows[1].leads] == ["Bộ NN&MT"]
    assert str(rows[1].due) == "Hằng năm"
    first, second = rows[2].subtasks
    assert (first.text, [a.name for a in first.leads], [a.name for a in first.supports]) == (
        "Công trình đê biển.", ["Bộ NN&MT"], ["Các bộ, cơ quan"])
    assert (second.text, [a.name for a in second.leads], second.supports) == (
        "Công trình cảng cá.", ["Bộ Công Thương"], ())
    assert str(rows[3].due) == "Giai đoạn 2026 - 2030"
    # no supports cell (the copy drops an empty cell): the time follows the lead's
    assert ([a.name for a in rows[4].leads], rows[4].supports, rows[4].due) == (["Bộ NN&MT"], (), 2030)


def test_a_row_number_alone_after_a_time_is_not_joined_to_it():
    from plandsl.importer.document import assemble

    lines = assemble([("Hằng năm", "line 1"), ("2", "line 2"), ("Rà soát quy định.", "line 3"),
                      ("Hoàn thành trong năm", "line 4"), ("2026.", "line 5")], web=True)
    assert [line.text for line in lines] == ["Hằng năm", "2", "Rà soát quy định.", "Hoàn thành trong năm 2026."]


# A made-up action plan's appendix as the gazette gives it: "STT" / … / "Kết quả" / "Thời gian hoàn thành", rows
# numbered "1.", group rows with a roman number in sentence case, a body's cell cut after "ở", a row number with its
# stop alone under the time, a row whose lead cell goes on a line the task's cell does not hold.
_ACTION_PLAN_TABLE = (
    "Phụ lục\nDANH MỤC NHIỆM VỤ CỤ THỂ\n"
    "STT\nTên nhiệm vụ cụ thể\nCơ quan chủ \ntrì\nCơ quan phối \nhợp\nKết quả\nThời gian \nhoàn thành\n"
    "I. Nâng cao nhận thức về bảo hiểm tai nạn lao động\n"
    "1. \nTăng cường phổ biến chính sách bảo hiểm tai \nnạn lao động cho người lao động.\n"
    "Các bộ ở \nTrung ương, \nỦy ban nhân dân cấp tỉnh ở địa phương\nCác cơ quan, tổ chức có liên quan.\n"
    "Văn bản chỉ đạo\nThường xuyên\n"
    "2. \nĐưa chỉ tiêu tham gia bảo hiểm vào kế hoạch phát triển của địa phương\n"
    "Ủy ban nhân dân cấp tỉnh trình\nHội đồng nhân dân cùng cấp\nCác cơ quan, tổ chức có liên quan.\n"
    "Nghị quyết của Hội đồng nhân dân\nHằng năm và từng giai đoạn\n"
    "3. \nTổ chức tập huấn cho cán bộ làm công tác bảo hiểm tai nạn lao động.\n"
    "Bộ Nội vụ\nBộ Y tế, cơ quan, đơn vị liên quan\nKế hoạch tập huấn\nQuý I/2027\n"
    "II. Hoàn thiện thể chế về bảo hiểm tai nạn lao động\n"
    "1. \nXây dựng Nghị định về mức đóng bảo hiểm tai nạn lao động theo lộ trình phù hợp Bộ Nội vụ\n"
    "Bộ Tài chính, các bộ, ngành, cơ\nNghị định của Chính phủ\nTháng 3/2027\n")


def test_the_gazettes_action_plan_table_numbered_with_stops():
    # Quyết định 844's appendix (after the eleventh set, NOT independent): rows "1.", groups "II. Hoàn thiện …", no row
    # read. A row whose cells do not line up ("Ủy ban nhân dân cấp tỉnh trình" / "Hội đồng nhân dân cùng cấp": the
    # task's next line or a lead?) and one whose lead cell is cut ("…, các bộ, ngành, cơ") stay lines.
    text = _RESOLUTION.split("Phụ lục\n")[0] + _ACTION_PLAN_TABLE
    result, plan = draft(text)
    first = plan.tasks[1]
    assert first.text == "Nâng cao nhận thức về bảo hiểm tai nạn lao động"
    assert [t.text for t in first.subtasks] == [
        "Tăng cường phổ biến chính sách bảo hiểm tai nạn lao động cho người lao động.",
        "Tổ chức tập huấn cho cán bộ làm công tác bảo hiểm tai nạn lao động."]
    one, three = first.subtasks
    assert [a.name for a in one.leads] == ["Các bộ ở Trung ương", "Ủy ban nhân dân cấp tỉnh ở địa phương"]
    assert [a.name for a in one.supports] == ["Các cơ quan, tổ chức có liên quan"]
    assert one.due == "Thường xuyên" and "# Kết quả: Văn bản chỉ đạo" in result.text
    assert [a.name for a in three.leads] == ["Bộ Nội vụ"] and three.due == "Quý I/2027"
    assert len(plan.tasks) == 2  # the second group has no row read: it stays a line, with its row
    assert "# not placed (line 59): II. Hoàn thiện thể chế" in result.text
    assert "# not placed (line 48): Ủy ban nhân dân cấp tỉnh trình" in result.text
    assert "các bộ, ngành, cơ" in result.text and "lead \"Bộ Tài chính" not in result.text


def test_the_stamps_stray_characters_are_taken_out_of_the_signature():
    # "KT. THỦ TƯỚNG" / "PHÓ THỦ TƯỚNGy]" and "PHÓ THỦ TƯỚNG" / "[" / the name (Quyết định 892 and 844, after the
    # eleventh set, NOT independent): the signer had been "KT. THỦ TƯỚNG" alone and the signatory lost.
    for stamped in ("KT. THỦ TƯỚNG \n   PHÓ THỦ TƯỚNGy] \n \nTrần Văn Tư \n",
                    "KT. THỦ TƯỚNG \nPHÓ THỦ TƯỚNG \n [ \nTrần Văn Tư \n"):
        text = _PAGE_ONE.replace("Ký bởi:", stamped + "Ký bởi:") + _PAGE_TWO + _PAGE_THREE
        _result, plan = draft(text)
        assert plan.instrument.signer == "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG"
        assert plan.instrument.signatory == "Trần Văn Tư"


def test_a_resolution_about_a_plan_whose_body_is_the_plan_is_that_plan():
    # Nghị quyết 116/NQ-CP "Về Kế hoạch thực hiện Kết luận …" (after the eleventh set, NOT independent): the kind had
    # been "Nghị quyết"; the resolution's "QUYẾT NGHỊ:" holds the plan itself, issued by the resolution.
    _result, plan = draft(_RESOLUTION)
    assert plan.kind == "Kế hoạch"
    assert plan.title == "Kế hoạch thực hiện Kết luận số 99-KL/TW về phát triển rừng ven biển"
    assert plan.instrument.number == "77/NQ-CP"
    # a resolution on another matter keeps its kind
    _result, other = draft(_RESOLUTION.replace("Về Kế hoạch thực hiện", "Về việc thực hiện"))
    assert other.kind == "Nghị quyết"


def test_a_lead_in_ending_sau_đây_is_not_a_task():
    # Quyết định 844's "Nhằm đạt được mục tiêu …, các bộ, … cần cụ thể hóa và tổ chức triển khai thực hiện các nhiệm vụ
    # sau đây:" under "II. NHIỆM VỤ CỤ THỂ" (after the eleventh set, NOT independent): it had been a task, with every
    # numbered heading nested under it.
    text = _GAZETTE.replace(
        "II. NHIỆM VỤ CỤ THỂ \n",
        "II. NHIỆM VỤ CỤ THỂ \nĐể đạt được mục tiêu của Chỉ thị số 61-CT/TW, bên cạnh các nhiệm vụ thường xuyên, các \n"
        "bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố cần tổ chức triển khai thực hiện các nhiệm vụ \n"
        "sau đây: \n")
    result, plan = draft(text)
    assert [t.text for t in plan.tasks] == ["Hoàn thiện thể chế về thư viện số", "Phát triển hạ tầng thư viện số"]
    assert "): Để đạt được mục tiêu của Chỉ thị" in result.text.split("# not placed (line ", 1)[1]


_TWO_PHASES = (
    "THỦ TƯỚNG CHÍNH PHỦ\nSố: 555/QĐ-TTg\nHà Nội, ngày 2 tháng 6 năm 2026\nQUYẾT ĐỊNH\n"
    "Phê duyệt Đề án phát triển nhân lực ngành khí tượng thủy văn đến năm 2035\n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT ĐỊNH:\n"
    "Điều 1. Phê duyệt Đề án phát triển nhân lực ngành khí tượng thủy văn đến năm 2035 với các nội dung sau:\n"
    "1. Mục tiêu\n"
    "a) Mục tiêu cụ thể đến năm 2030\n"
    "- Phấn đấu 100% dự báo viên cấp tỉnh được đào tạo, bồi dưỡng nghiệp vụ dự báo bão.\n"
    "- Tối thiểu 40% trạm quan trắc được tự động hóa.\n"
    "b) Mục tiêu cụ thể đến năm 2035\n"
    "- 100% dự báo viên cấp tỉnh được đào tạo, đào tạo lại và bồi dưỡng nghiệp vụ dự báo bão.\n"
    "- Tối thiểu 80% trạm quan trắc được tự động hóa.\n"
    "2. Nhiệm vụ và giải pháp\n"
    "a) Rà soát chương trình đào tạo dự báo viên.\n")


def test_the_same_level_under_two_phases_is_two_targets():
    # Quyết định 893's "Phấn đấu 100% nhân lực …" under "đến năm 2030" and "100% nhân lực … đào tạo lại" under "đến năm
    # 2035" (after the eleventh set, NOT independent): written as held every year 2030..2035 (maintain), though the text
    # does not say "duy trì"; the same level restated in three phases or more is still held (the earlier sets).
    _result, plan = draft(_TWO_PHASES)
    levels = sorted((t.phase, t.value, t.maintain) for o in plan.objectives for t in o.targets)
    assert [(y, int(v), m) for y, v, m in levels] == [
        (2030, 40, False), (2030, 100, False), (2035, 80, False), (2035, 100, False)]


def test_a_revenue_that_says_which_bodies_are_counted_is_no_target():
    # Quyết định 982's "Phấn đấu có 60 doanh nghiệp … có doanh thu từ thị trường nước ngoài đạt 20 triệu USD/năm"
    # (after the eleventh set, NOT independent): the revenue had been a target (2030 >= 20 000 000); it says which
    # enterprises are counted. A revenue that is the plan's own level is still one.
    text = _TWO_PHASES.replace(
        "- Tối thiểu 40% trạm quan trắc được tự động hóa.\n",
        "- Tối thiểu 40% trạm quan trắc được tự động hóa.\n"
        "- Phấn đấu có 30 doanh nghiệp dịch vụ khí tượng có doanh thu từ thị trường nước ngoài đạt 5 triệu USD/năm.\n"
        "- Doanh thu dịch vụ khí tượng thủy văn đạt 400 triệu USD.\n")
    _result, plan = draft(text)
    amounts = [(t.phase, int(t.value)) for o in plan.objectives for t in o.targets if t.value > 1000]
    assert amounts == [(2030, 400_000_000)]


# A made-up project's appendix numbered under its groups: "1." / the group's name / "1.1" …, "2. Name" / "2.1" …; a
# lead cell "Bộ Khoa học và" cut by a page before the supports' "Cơ quan, tổ chức".
_GROUPED_TABLE = (
    "PHỤ LỤC\nDANH MỤC NHIỆM VỤ CỦA ĐỀ ÁN\n"
    "TT\nNhiệm vụ, giải pháp\nCơ quan chủ trì\nCơ quan phối hợp\nSản phẩm\nThời gian thực hiện\n"
    "1.\nHoàn thiện thể chế\n"
    "1.1\nRà soát các quy định về xuất khẩu dịch vụ số.\nBộ Tài chính\nBộ Công Thương\n"
    "Báo cáo rà soát\nQuý IV/2026\n"
    "1.2\nXây dựng tiêu chuẩn dữ liệu cho dịch vụ số xuyên biên giới.\nBộ Khoa học và\nCơ quan, tổ chức\n"
    "Tiêu chuẩn, quy\nQuý IV/2026\n"
    "2. Phát triển thị trường\n"
    "2.1\nTổ chức diễn đàn doanh nghiệp công nghệ số hằng năm.\nBộ Ngoại giao\nBộ Công Thương\n"
    "Diễn đàn được tổ chức\nHằng năm\n"
    "2.2\nHỗ trợ doanh nghiệp tham gia hội chợ công nghệ quốc tế.\nBộ Công Thương\nBộ Ngoại giao\n"
    "Cơ quan, tổ chức và doanh nghiệp liên quan\nDoanh nghiệp được hỗ trợ\nHằng năm\n")


def test_a_table_numbered_under_its_groups():
    # Quyết định 982's appendix ("1." / "Rà soát, hoàn thiện thể chế" / "1.1" …, after the eleventh set, NOT
    # independent): no row had been read. A lead's cell cut after "và" does not take the next body's cell
    # ("Bộ Khoa học và" / "Cơ quan, tổ chức" had read as the lead "Bộ Khoa học và Cơ quan"): the row stays lines.
    text = _RESOLUTION.split("Phụ lục\n")[0] + _GROUPED_TABLE
    result, plan = draft(text)
    first, second = plan.tasks[1:3]
    assert (first.text, second.text) == ("Hoàn thiện thể chế", "Phát triển thị trường")
    assert [(t.text, [a.name for a in t.leads], [a.name for a in t.supports], t.due) for t in first.subtasks] == [
        ("Rà soát các quy định về xuất khẩu dịch vụ số.", ["Bộ Tài chính"], ["Bộ Công Thương"], "Quý IV/2026")]
    assert [a.name for a in second.subtasks[0].leads] == ["Bộ Ngoại giao"]
    assert "): Bộ Khoa học và\n" in result.text and "Khoa học và Cơ quan" not in result.text
    # a supports cell of two bodies, one a line, after a lead's cell of one ministry
    fair = second.subtasks[1]
    assert ([a.name for a in fair.leads], [a.name for a in fair.supports]) == (
        ["Bộ Công Thương"], ["Bộ Ngoại giao", "Cơ quan, tổ chức và doanh nghiệp liên quan"])


def test_a_header_cells_note_in_a_cell_of_its_own():
    # Quyết định 893's appendix "STT" / "Nhiệm vụ" / "Cơ quan chủ trì" / "Đơn vị phối hợp" / "(Bộ/ngành/địa phương)"
    # / "Cấp phê duyệt" / "Tiến độ thực hiện" (after the eleventh set, NOT independent): the note under a column's name
    # had ended the header, and no row was read.
    table = (
        "PHỤ LỤC\nDANH MỤC NHIỆM VỤ TRỌNG TÂM\n"
        "STT\nNhiệm vụ\nCơ quan chủ trì\nĐơn vị phối hợp\n(Bộ/ngành/địa phương)\nCấp phê duyệt\nTiến độ thực hiện\n"
        "1\nĐiều tra nhu cầu đào tạo nhân lực khí tượng thủy văn.\nBộ Nông nghiệp và\nMôi trường\n"
        "Các bộ, ngành và địa phương\nBộ trưởng Bộ Nông nghiệp và\nMôi trường\nHằng năm\n"
        "2\nBan hành khung chương trình đào tạo dự báo viên.\nBộ Nông nghiệp và\nMôi trường\n"
        "Bộ Giáo dục và Đào tạo\nBộ trưởng Bộ Nông nghiệp và\nMôi trường\n2026 - 2027\n")
    result, plan = draft(_RESOLUTION.split("Phụ lục\n")[0] + table)
    rows = plan.tasks[1:]
    assert [(t.text, [a.name for a in t.leads], [a.name for a in t.supports], t.due) for t in rows] == [
        ("Điều tra nhu cầu đào tạo nhân lực khí tượng thủy văn.", ["Bộ Nông nghiệp và Môi trường"],
         ["Các bộ, ngành và địa phương"], "Hằng năm"),
        ("Ban hành khung chương trình đào tạo dự báo viên.", ["Bộ Nông nghiệp và Môi trường"],
         ["Bộ Giáo dục và Đào tạo"], "2026 - 2027")]
    assert "# Cấp phê duyệt: Bộ trưởng Bộ Nông nghiệp và Môi trường" in result.text


def test_two_laws_in_one_căn_cứ_each_with_its_date():
    # Quyết định 844's "Căn cứ Luật … ngày … năm 2008, Luật sửa đổi, bổ sung … ngày … năm 2014; Luật sửa đổi …" (after
    # the eleventh set, NOT independent): the comma after the first law's full date opens a second law with its own
    # date; it had stayed inside the first one's name.
    text = _PAGE_ONE.replace(
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; \n",
        "Căn cứ Luật Thư viện ngày 21 tháng 11 năm 2019, Luật sửa đổi, bổ sung một số điều \n"
        "của Luật Thư viện ngày 10 tháng 12 năm 2024; Luật Di sản văn hóa ngày 23 tháng 11 năm 2024; \n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025, Nghị định số 12/2025/NĐ-CP; \n") + _PAGE_TWO
    _result, plan = draft(text)
    assert [(b.text, str(b.date)) for b in plan.bases][:3] == [
        ("Luật Thư viện", "2019-11-21"),
        ("Luật sửa đổi, bổ sung một số điều của Luật Thư viện", "2024-12-10"),
        ("Luật Di sản văn hóa", "2024-11-23")]
    # a document after the date with no date of its own is split by its number, as before
    assert [b.text for b in plan.bases][3:] == ["Luật Tổ chức Chính phủ", "Nghị định"]


# A made-up appendix of the gazette's layout broken over pages (Quyết định 844's, after the eleventh set, NOT
# independent): a row whose lead's cell is cut by the page, the header repeated with that row's rest joined onto its
# last cell and the rest of its supports cell after it, a row number on one line with its task, a row left as lines
# before a group row whose name goes on a second line, the rows numbered on across the groups, and a row whose lead is
# "Cơ sở khám bệnh, chữa bệnh".
_BROKEN_TABLE = ("Phụ lục\nDANH MỤC NHIỆM VỤ CỤ THỂ\n"
    "STT\nTên nhiệm vụ cụ thể\nCơ quan chủ \ntrì\nCơ quan phối \nhợp\nKết quả\nThời gian \nhoàn thành\n"
    "I. Hoàn thiện thể chế về bảo hiểm tai nạn lao động\n"
    "1. \nXây dựng Nghị định về mức đóng bảo hiểm tai nạn lao động theo lộ trình phù hợp Bộ Nội vụ\n"
    "Bộ Tài chính, các \nbộ, \nngành, \ncơ \nNghị định của Chính phủ\nTháng 3/2027\n"
    "\nCÔNG BÁO/Số 401/Ngày 12-08-2026 \n19 \n \n \n"
    "STT\nTên nhiệm vụ cụ thể\nCơ quan \nchủ trì\nCơ quan \nphối hợp\nKết quả\nThời gian hoàn \nthành \n"
    "với việc mở rộng quyền lợi của người lao động. \nquan, tổ chức có liên quan \n"
    "2. \nXây dựng Nghị quyết về thí điểm mở rộng các nguồn thu của quỹ bảo hiểm.\nBộ Nội vụ\n"
    "Bộ Tài chính, Bộ Tư pháp\nNghị quyết của Chính phủ\nQuý IV/2028\n"
    "II. Sửa đổi luật về bảo hiểm tai nạn lao động\n"
    "3. Xây dựng Luật Bảo hiểm tai nạn lao động sửa đổi.\nBộ Nội vụ\nBộ Tư pháp, cơ quan, tổ chức có liên quan\n"
    "Luật Bảo hiểm tai nạn lao động\n(sửa đổi)\nQuý I/2029\n"
    "III. Nâng cao năng lực quản lý quỹ bảo hiểm tai nạn lao động ở \n"
    "Trung ương và địa phương, bảo đảm sử dụng quỹ hiệu quả \n"
    "4. \nKiểm soát chi trả bảo hiểm tai nạn lao động minh bạch.\nBộ Nội vụ\nBộ Y tế, Bảo hiểm xã hội Việt Nam\n"
    "Các hoạt động\nThường xuyên\n"
    "5. \nNghiên cứu cơ chế chuyển tuyến cho người lao động bị tai nạn.\nCơ sở khám bệnh, chữa bệnh\n"
    "Bộ Y tế, Sở Y tế, cơ quan, đơn vị liên quan\nĐề án triển khai\nTừ quý I/2027\n"
    "6. Xây dựng cơ sở dữ liệu về tai nạn lao động.\nBộ Nội vụ\nBộ Công an\nCơ sở dữ liệu\nQuý II/2027\n")


def test_a_table_broken_over_pages_reads_on_after_a_rows_rest():
    # Every row after the cut row 8 of Quyết định 844's appendix had been left as lines, and the repeated header's
    # last line, which held the cut row's rest ("Thời gian hoàn thành với việc mở rộng …"), had been taken with the
    # header: its text was lost from the draft.
    result, plan = draft(_RESOLUTION.split("Phụ lục\n")[0] + _BROKEN_TABLE)
    rows = [(t.text, [a.name for a in t.leads], [a.name for a in t.supports], t.due)
            for g in plan.tasks[1:] for t in g.subtasks]
    assert [g.text for g in plan.tasks[1:]] == [
        "Hoàn thiện thể chế về bảo hiểm tai nạn lao động", "Sửa đổi luật về bảo hiểm tai nạn lao động",
        "Nâng cao năng lực quản lý quỹ bảo hiểm tai nạn lao động ở Trung ương và địa phương, bảo đảm sử dụng quỹ hiệu "
        "quả"]
    assert rows == [
        ("Xây dựng Nghị quyết về thí điểm mở rộng các nguồn thu của quỹ bảo hiểm.", ["Bộ Nội vụ"],
         ["Bộ Tài chính", "Bộ Tư pháp"], "Quý IV/2028"),
        ("Kiểm soát chi trả bảo hiểm tai nạn lao động minh bạch.", ["Bộ Nội vụ"],
         ["Bộ Y tế", "Bảo hiểm xã hội Việt Nam"], "Thường xuyên"),
        ("Xây dựng cơ sở dữ liệu về tai nạn lao động.", ["Bộ Nội vụ"], ["Bộ Công an"], "Quý II/2027")]
    # nothing lost: the cut row's cells, its rest on the next page (with the header's last cell it was joined onto),
    # the row whose result's cell is on two lines and the row whose lead's cell the task would have taken stay lines
    for line in ("Thời gian hoàn thành với việc mở rộng quyền lợi của người lao động.", "quan, tổ chức có liên quan",
                 "3. Xây dựng Luật Bảo hiểm tai nạn lao động sửa đổi.", "Cơ sở khám bệnh, chữa bệnh",
                 "Bộ Y tế, Sở Y tế, cơ quan, đơn vị liên quan"):
        assert f"): {line}\n" in result.text
    assert 'lead "Bộ Y tế"' not in result.text and "Sở Y tế" not in str(rows)


def test_a_row_whose_task_goes_on_after_the_repeated_header_is_not_read():
    # Quyết định 982's row 1.7 (after the eleventh set, NOT independent): its cells line up before the page break, but
    # its task goes on after the header repeated on the next page; read, its task would be cut ("… hỗ trợ tài").
    table = (
        "Phụ lục\nDANH MỤC NHIỆM VỤ CỤ THỂ\n"
        "STT\nTên nhiệm vụ cụ thể\nCơ quan chủ \ntrì\nCơ quan phối \nhợp\nKết quả\nThời gian \nhoàn thành\n"
        "I. Hoàn thiện thể chế về bảo hiểm tai nạn lao động\n"
        "1. \nRà soát các quy định về bảo hiểm tai nạn lao động.\nBộ Nội vụ\nBộ Tư pháp\nBáo cáo\nQuý II/2027\n"
        "2. \nNghiên cứu, đề xuất cơ chế hỗ trợ tài \nBộ Tài chính\nBộ Nội vụ\nCơ chế được ban hành\nQuý IV/2026\n"
        "\nCÔNG BÁO/Số 401/Ngày 12-08-2026 \n19 \n \n \n"
        "STT\nTên nhiệm vụ cụ thể\nCơ quan \nchủ trì\nCơ quan \nphối hợp\nKết quả\nThời gian hoàn \nthành \n"
        "chính cho người lao động bị tai nạn. \n"
        "3. \nTổng kết việc thực hiện chính sách bảo hiểm tai nạn lao động.\nBộ Nội vụ\nBộ Y tế\nBáo cáo\nQuý IV/2028\n")
    result, plan = draft(_RESOLUTION.split("Phụ lục\n")[0] + table)
    assert [(t.text, [a.name for a in t.leads]) for t in plan.tasks[1].subtasks] == [
        ("Rà soát các quy định về bảo hiểm tai nạn lao động.", ["Bộ Nội vụ"]),
        ("Tổng kết việc thực hiện chính sách bảo hiểm tai nạn lao động.", ["Bộ Nội vụ"])]
    assert "): Nghiên cứu, đề xuất cơ chế hỗ trợ tài\n" in result.text
    assert "chính cho người lao động bị tai nạn." in result.text
