"""`plandsl import` on shapes found after the ninth held-out set, second round (issue #10, docs/IMPORT.md "After the
ninth set, round two"): a plural group of bodies closed by "và đơn vị", letters split by a copy's stray spaces in a
Nơi nhận list and a signature, and the other follow-ups.

Every text here was written for these tests (made-up bodies and plans in the usual wording); none is copied from a
held-out set."""

from __future__ import annotations

from import_docs import MD_DECISION_HEAD, draft

from plandsl.importer.extract.patterns import split_agencies
from plandsl.importer.syllables import is_syllable, mend_split_words

# A made-up decision copied to Markdown with the copy's stray spaces inside words in its Nơi nhận cell.
_SPLIT_TAIL = ("| Nơi nhận: - Như Điều 3; - B ộ T ư ph á p ; - Các Bộ: Ng o ại giao, Lao động - Xã hộ i , Y tế; - S ở N ội v ụ "
               "; - Chi cục Chăn nuôi và Thú y; - V P U B : C á c P V P ; - L ư u : V T , ( N V A ) . | CHỦ TỊCH Nguyễn Văn "
               "Bình |\n|---|---|\n")


def test_a_plural_group_closed_by_va_and_a_bare_kind_of_body_is_one_body():
    # "Các Bộ, ngành, địa phương và đơn vị" is one body; a bare kind after "và" with no plural list before it, and a
    # kind with words of its own, still start a body of their own.
    assert split_agencies("Các Sở, ban, địa phương và đơn vị.") == ["Các Sở, ban, địa phương và đơn vị"]
    assert split_agencies("Các Sở, ngành và tổ chức") == ["Các Sở, ngành và tổ chức"]
    assert split_agencies("Sở Nội vụ và đơn vị") == ["Sở Nội vụ", "đơn vị"]
    assert split_agencies("Sở Nội vụ và các cơ quan, đơn vị có liên quan") == [
        "Sở Nội vụ", "các cơ quan, đơn vị có liên quan"]
    assert split_agencies("Các Sở, ngành và các tổ chức xã hội") == ["Các Sở, ngành", "các tổ chức xã hội"]
    assert split_agencies("các bộ, cơ quan ngang bộ và cơ quan, tổ chức khác có liên quan") == [
        "các bộ, cơ quan ngang bộ", "cơ quan, tổ chức khác có liên quan"]


def test_words_split_by_a_copy_s_stray_spaces_in_a_recipients_list_are_put_back():
    # The ninth set's three wrong recipient lists ("Ng o ại giao", "Xã hộ i ,", "T hủ tướ ng C h í nh ph ủ", "Đ ả ng"):
    # the copy's letters are joined by Vietnamese syllables, the abbreviations its capitals make too ("V P U B").
    _result, plan = draft(MD_DECISION_HEAD + _SPLIT_TAIL)
    assert plan.recipients == (
        "Như Điều 3", "Bộ Tư pháp", "Các Bộ: Ngoại giao, Lao động - Xã hội, Y tế", "Sở Nội vụ",
        "Chi cục Chăn nuôi và Thú y", "VPUB: Các PVP", "Lưu: VT, (NVA)")


def test_split_words_are_joined_only_into_syllables():
    assert mend_split_words("T hủ tướ ng C h í nh ph ủ") == "Thủ tướng Chính phủ"
    assert mend_split_words("T h à nh đ o à n T N C S Hồ C hí M i nh") == "Thành đoàn TNCS Hồ Chí Minh"
    assert mend_split_words("Hội Cự u C h i ế n b i nh, Thành ủ y") == "Hội Cựu Chiến binh, Thành ủy"
    assert mend_split_words("các Vụ: TH, NC, V.II I, KGVX") == "các Vụ: TH, NC, V.III, KGVX"
    assert mend_split_words("KT. CHỦ TỊ CH P HÓ CHỦ T Ị CH") == "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"
    # whole words stay apart, and a text with no split word keeps its spacing as printed
    for text in ("Sở Y tế, nhà ở, cho ý kiến, cho an toàn, Thú y", "Các sở , ngành", "UBND các xã A, B", "NGUYỄN VĂN A"):
        assert mend_split_words(text) == text
    assert is_syllable("nghiêng") and is_syllable("khuya") and is_syllable("Ngoại")
    assert not is_syllable("chủt") and not is_syllable("liênh") and not is_syllable("vàở")


def _flat(tasks):
    return [x for t in tasks for x in [t, *_flat(t.subtasks)]]


def test_a_step_s_time_to_finish_is_its_due_and_its_paragraph_its_text():
    # Hồ Chí Minh 3210's steps (after the ninth set, round two, NOT independent): each "Bước N: …" with one paragraph
    # and "Thời gian hoàn tất: trước ngày …"; the paragraph and the time had been sub-tasks. A sub-heading closed by
    # ":" keeps its paragraph as its content.
    _result, plan = draft(
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 12/KH-UBND\nBắc Kạn, ngày 3 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "Hỗ trợ sửa chữa nhà ở cho hộ nghèo năm 2024\nI. MỤC ĐÍCH\n1. Bảo đảm hộ nghèo có nhà ở an toàn.\n"
        "II. NỘI DUNG THỰC HIỆN\n1. Trình tự lập danh sách\n1.1. Bước 1:\n1.1.a. Rà soát hộ nghèo:\n"
        "Ủy ban nhân dân cấp xã rà soát, lập danh sách hộ nghèo có nhà ở hư hỏng gửi về huyện.\n"
        "Thời gian hoàn tất: trước ngày 15 tháng 4 năm 2024.\n"
        "1.2. Bước 2: Thẩm định danh sách hộ được hỗ trợ.\n"
        "Phòng Lao động - Thương binh và Xã hội huyện thẩm định danh sách, trình Ủy ban nhân dân huyện phê duyệt.\n"
        "Thời gian hoàn tất: trước ngày 30 tháng 5 năm 2024.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Xây dựng theo dõi, đôn đốc.\n")
    texts = [t.text for t in _flat(plan.tasks)]
    assert not [t for t in texts if t.startswith(("Thời gian", "Ủy ban nhân dân cấp xã", "Phòng Lao động"))], texts
    step2 = next(t for t in _flat(plan.tasks) if t.text.startswith("Bước 2"))
    assert step2.text.endswith("trình Ủy ban nhân dân huyện phê duyệt.") and "30 tháng 5 năm 2024" in str(step2.due)
    check = next(t for t in _flat(plan.tasks) if "Rà soát hộ nghèo" in t.text)
    assert "15 tháng 4 năm 2024" in str(check.due)
    assert "Ủy ban nhân dân cấp xã rà soát" in _result.text  # kept, as the heading's content


def test_a_numbered_cost_estimate_among_the_tasks_is_funding_not_tasks():
    # Ninh Bình 46's "4. Dự toán kinh phí và nguồn kinh phí thực hiện" with its amount lines (after the ninth set,
    # round two, NOT independent): each had been a task. Like "4. Nguồn lực …", it is the plan's funding up to the
    # next heading of its level, where the tasks go on.
    result, plan = draft(
        "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\nSố: 21/KH-UBND\nHòa Bình, ngày 4 tháng 4 năm 2024\nKẾ HOẠCH\n"
        "Phòng, chống sốt xuất huyết năm 2024\nI. MỤC ĐÍCH\n1. Giảm số ca mắc.\nII. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Giám sát dịch tại cộng đồng.\n2. Tổ chức chiến dịch diệt bọ gậy.\n"
        "3. Dự toán kinh phí và nguồn kinh phí thực hiện\n3.1. Tổng nhu cầu kinh phí là: 2.400.000.000đ\n"
        "- Hoạt động giám sát : 1.000.000.000đ\n- Hoạt động truyền thông: 1.400.000.000đ\n"
        "4. Kiểm tra, đánh giá kết quả thực hiện.\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì thực hiện.\n")
    texts = [t.text for t in _flat(plan.tasks)]
    assert texts == ["Giám sát dịch tại cộng đồng.", "Tổ chức chiến dịch diệt bọ gậy.",
                     "Kiểm tra, đánh giá kết quả thực hiện."], texts
    assert "Hoạt động truyền thông: 1.400.000.000đ" in result.text  # kept, in the funding


def test_a_numbered_heading_naming_a_group_of_tasks_is_no_task():
    # Ninh Bình 46's "2. Nhiệm vụ trọng tâm giai đoạn …" with its lead-in "… tập trung vào 4 nhóm nhiệm vụ chủ yếu sau:"
    # and "3. Các giải pháp …", and 773's "1. Nhiệm vụ" (after the ninth set, round two, NOT independent): each had been
    # a task over its items. They and the lead-in stay in the draft as lines not placed; a heading of an action over
    # items is a task as before.
    result, plan = draft(
        "ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\nSố: 33/KH-UBND\nYên Bái, ngày 5 tháng 5 năm 2024\nKẾ HOẠCH\n"
        "Phòng, chống bệnh lao năm 2024\nI. MỤC ĐÍCH\n1. Giảm tỷ lệ mắc lao.\nII. NỘI DUNG\n"
        "1. Nhiệm vụ trọng tâm năm 2024\n"
        "Để giảm số người mắc lao trong cộng đồng, năm 2024 ngành y tế tỉnh tập trung vào các nhiệm vụ chủ yếu sau:\n"
        "1.1. Phát hiện sớm người mắc lao tại cộng đồng.\n1.2. Điều trị khỏi cho người mắc lao.\n"
        "2. Các giải pháp bảo đảm kinh phí\n2.1. Lồng ghép kinh phí các chương trình y tế.\n"
        "3. Tuyên truyền về bệnh lao\n3.1. Phát tờ rơi tại các xã.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì thực hiện.\n")
    top = [t.text for t in plan.tasks]
    assert top == ["Phát hiện sớm người mắc lao tại cộng đồng.", "Điều trị khỏi cho người mắc lao.",
                   "Lồng ghép kinh phí các chương trình y tế.", "Tuyên truyền về bệnh lao"], top
    for line in ("1. Nhiệm vụ trọng tâm năm 2024", "tập trung vào các nhiệm vụ chủ yếu sau:",
                 "2. Các giải pháp bảo đảm kinh phí"):
        assert any(line in c for c in unplaced(result)), line


def unplaced(result) -> list[str]:
    return [line.split("): ", 1)[1] for line in result.text.splitlines() if "# not placed (" in line]


def test_a_lettered_third_level_number_is_a_sub_item_of_its_second_level():
    # "2.1.a. Thành lập …" under "2.1. Bước 1:" (Hồ Chí Minh 3210, after the ninth set, round two, NOT independent) had
    # been read as "2.1" with the text "a. Thành lập …", a sibling of "2.1.".
    from plandsl.importer.extract.patterns import heading

    assert heading("2.1.a. Thành lập tổ công tác") == ("num3", "2.1.a", "Thành lập tổ công tác")
    assert heading("4.1.b) Kiểm tra hồ sơ") == ("num3", "4.1.b", "Kiểm tra hồ sơ")
    assert heading("2.1. Bước 1:") == ("num2", "2.1", "Bước 1:")
    _result, plan = draft(
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 13/KH-UBND\nBắc Kạn, ngày 3 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "Hỗ trợ sửa chữa nhà ở cho hộ nghèo năm 2024\nI. MỤC ĐÍCH\n1. Bảo đảm hộ nghèo có nhà ở an toàn.\n"
        "II. NỘI DUNG THỰC HIỆN\n1. Trình tự lập danh sách\n1.1. Bước 1:\n1.1.a. Rà soát hộ nghèo.\n"
        "1.1.b. Lập danh sách hộ nghèo có nhà ở hư hỏng.\n1.2. Bước 2: Thẩm định danh sách.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Xây dựng theo dõi, đôn đốc.\n")
    [step1, step2] = plan.tasks[0].subtasks
    assert step1.text == "Bước 1" and [t.text for t in step1.subtasks] == [
        "Rà soát hộ nghèo.", "Lập danh sách hộ nghèo có nhà ở hư hỏng."]
    assert step2.text == "Bước 2: Thẩm định danh sách."


def test_conditions_standards_and_points_to_note_are_no_tasks():
    # Hồ Chí Minh 3210 (after the ninth set, round two, NOT independent): the conditions under "1. Xác định đối tượng
    # …", the standards under "4.1. Yêu cầu về …" that a house "phải bảo đảm …" and "3. Các vấn đề cần lưu ý …" with
    # its priority order had been 16 tasks. The first two are the notes of the task above them; the points to note
    # stay in the draft as lines not placed. An action under "Yêu cầu …" is still a task.
    result, plan = draft(
        "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 14/KH-UBND\nLạng Sơn, ngày 3 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "Hỗ trợ nhà ở cho hộ nghèo năm 2024\nI. MỤC ĐÍCH\n1. Bảo đảm hộ nghèo có nhà ở an toàn.\n"
        "II. NỘI DUNG THỰC HIỆN\n1. Xác định đối tượng được hỗ trợ\n1.1. Là hộ nghèo theo chuẩn nghèo hiện hành.\n"
        "1.2. Có nhà ở thuộc một trong các trường hợp sau:\n- Nhà ở bị sập đổ.\n- Nhà ở bị dột nát.\n"
        "2. Các vấn đề cần lưu ý khi lập danh sách\nDanh sách được lập theo thứ tự ưu tiên sau đây:\n"
        "- Hộ có người khuyết tật.\n- Hộ có người cao tuổi.\n"
        "3. Phương thức thực hiện\n3.1. Yêu cầu về chất lượng:\n3.1.a. Sở Xây dựng thiết kế mẫu nhà ở.\n"
        "3.1.b. Nhà ở được hỗ trợ phải bảo đảm diện tích tối thiểu 30 m2.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Xây dựng theo dõi, đôn đốc.\n")
    texts = [t.text for t in _flat(plan.tasks)]
    assert texts == ["Xác định đối tượng được hỗ trợ", "Phương thức thực hiện", "Yêu cầu về chất lượng",
                     "Sở Xây dựng thiết kế mẫu nhà ở."], texts
    assert "Là hộ nghèo theo chuẩn nghèo hiện hành." in result.text and "# Nhà ở bị dột nát." in result.text
    assert any("Hộ có người cao tuổi." in c for c in unplaced(result))
    assert any("Các vấn đề cần lưu ý" in c for c in unplaced(result))
    assert "# Nhà ở được hỗ trợ phải bảo đảm diện tích tối thiểu 30 m2." in result.text


def test_a_signature_block_on_one_line_gives_the_signer_and_the_signatory():
    # Ninh Bình 46's "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH …", Hồ Chí Minh 3210's split "KT. CHỦ TỊ CH P HÓ …"
    # and 252's "TRƯỞNG BAN PHÓ THỦ TƯỚNG …" (after the ninth set, round two, NOT independent): lines not placed.
    body = MD_DECISION_HEAD.replace("78/QĐ-UBND", "79/QĐ-UBND")
    for cell, signer, name in (
            ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Đỗ Văn Hùng", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Đỗ Văn Hùng"),
            ("KT. CHỦ TỊ CH P HÓ CHỦ T Ị CH Ngu y ễn Văn Tâm", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Nguyễn Văn Tâm"),
            ("TRƯỞNG BAN PHÓ THỦ TƯỚNG Lý Văn Sơn", "TRƯỞNG BAN / PHÓ THỦ TƯỚNG", "Lý Văn Sơn")):
        _result, plan = draft(body + f"| Nơi nhận: - Như Điều 3; - Lưu: VT. | {cell} |\n|---|---|\n")
        assert (plan.instrument.signer, plan.instrument.signatory) == (signer, name)


_NATIONAL = ("{letterhead}   | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc \n"
             "Số: 512/QĐ-{code} | Hà Nội, ngày 02 tháng 03 năm 2016\n\nQUYẾT ĐỊNH\n\n"
             "BAN HÀNH KẾ HOẠCH TRIỂN KHAI CÔNG TÁC CHUYỂN ĐỔI SỐ NĂM 2016\n\n{head}\n\n"
             "Căn cứ Nghị định số 01/2016/NĐ-CP ngày 05/01/2016 của Chính phủ quy định chức năng, nhiệm vụ;\n\n"
             "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai công tác chuyển đổi số năm "
             "2016.\n\nĐiều 2. Quyết định này có hiệu lực từ ngày ký.\n\n")


def test_a_general_director_above_the_bases_is_the_authority():
    # BHXH 947's "TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM" (after the ninth set, round two, NOT independent) had been
    # taken into the decision's title and no authority written.
    _result, plan = draft(_NATIONAL.format(letterhead="BẢO HIỂM XÃ HỘI VIỆT NAM", code="BHXH",
                                           head="TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM"))
    assert plan.authority.casefold() == "tổng giám đốc bảo hiểm xã hội việt nam"
    assert plan.issuer == "Bảo hiểm xã hội Việt Nam"
    assert "giám đốc" not in plan.title.casefold()


def test_national_steering_committees_and_government_agencies_have_their_level():
    # 252's "Ban Chỉ đạo quốc gia …" and BHXH 947 (after the ninth set, round two, NOT independent): no level nor
    # jurisdiction had been written (no rule for a national body's name).
    _result, plan = draft(_NATIONAL.format(letterhead="BẢO HIỂM XÃ HỘI VIỆT NAM", code="BHXH",
                                           head="TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM"))
    assert (plan.level.value[0], plan.jurisdiction) == ("ministry", "Việt Nam")
    _result, plan = draft(_NATIONAL.format(letterhead="BAN CHỈ ĐẠO QUỐC GIA VỀ CHUYỂN ĐỔI SỐ", code="BCĐQG",
                                           head="TRƯỞNG BAN CHỈ ĐẠO QUỐC GIA VỀ CHUYỂN ĐỔI SỐ"))
    assert (plan.level.value[0], plan.jurisdiction) == ("national", "Việt Nam")


def test_the_contents_heading_from_now_to_a_year_gives_the_period():
    # 252's "B. NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN TỪ NAY ĐẾN NĂM 2020" (after the ninth set, round two, NOT
    # independent): no period had been written; "nay" is the document's year.
    _result, plan = draft(
        "BAN CHỈ ĐẠO QUỐC GIA VỀ CHUYỂN ĐỔI SỐ\nSố: 15/KH-BCĐQG\nHà Nội, ngày 4 tháng 11 năm 2016\nKẾ HOẠCH\n"
        "Triển khai Quyết định số 99/QĐ-TTg ngày 01 tháng 8 năm 2016 của Thủ tướng Chính phủ\n"
        "A. MỤC ĐÍCH, YÊU CẦU\n1. Cụ thể hóa nội dung Quyết định.\n"
        "B. NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN TỪ NAY ĐẾN NĂM 2021\nI. CÔNG TÁC TRIỂN KHAI\n"
        "1. Tổ chức hội nghị triển khai.\n")
    assert plan.period == (2016, 2021)


def test_phoi_hop_without_voi_before_a_body_names_the_supports():
    # BHXH 947's "Trưởng ban Pháp chế chủ trì, phối hợp các đơn vị trực thuộc và BHXH các tỉnh, thành phố" (after the
    # ninth set, round two, NOT independent): no supports had been read without "với".
    from plandsl.importer.extract.chairs import chairs

    assert chairs("Trưởng phòng Tổng hợp chủ trì, phối hợp các đơn vị trực thuộc và Sở Y tế") == (
        ["Trưởng phòng Tổng hợp"], ["các đơn vị trực thuộc", "Sở Y tế"])
    assert chairs("Sở Nội vụ chủ trì, phối hợp Sở Tư pháp") == (["Sở Nội vụ"], ["Sở Tư pháp"])
    # "phối hợp" before what is done together names no body
    assert chairs("Sở Nội vụ chủ trì, phối hợp tổ chức hội nghị") == (["Sở Nội vụ"], [])
    assert chairs("Sở Nội vụ chủ trì, phối hợp báo cáo kết quả") == (["Sở Nội vụ"], [])


def test_a_lead_and_supports_inside_a_task_s_running_sentence():
    # Hồ Chí Minh 3210's "Trên cơ sở đề nghị của …, Sở Xây dựng chủ trì, phối hợp với Sở A, Sở B lập Đề án …" and Ninh
    # Bình 46's "Định kỳ Sở Tài chính chủ trì phối hợp với Sở Y tế tiến hành …" (after the ninth set, round two, NOT
    # independent): no agencies had been read. A body named without "chủ trì … phối hợp với" gives none.
    from plandsl.importer.draft import Task
    from plandsl.importer.extract.chairs import sentence_chairs

    tasks = [
        Task("t1", "Bước 3: Lập dự án. Trên cơ sở đề nghị của Ủy ban nhân dân huyện, Sở Nội vụ chủ trì, phối hợp với "
                   "Sở Tư pháp, Sở Tài chính lập dự án trình Ủy ban nhân dân tỉnh.", "dòng 1"),
        Task("t2", "Hằng quý Sở Y tế chủ trì phối hợp với Công an tỉnh tiến hành kiểm tra các cơ sở.", "dòng 2"),
        Task("t3", "Sở Y tế tiến hành kiểm tra, phối hợp với Công an tỉnh xử lý vi phạm.", "dòng 3"),
        Task("t4", "Các huyện chủ trì, phối hợp với Sở Y tế tiến hành kiểm tra.", "dòng 4"),
    ]
    sentence_chairs(tasks)
    assert [(t.leads, t.supports) for t in tasks] == [
        (["Sở Nội vụ"], ["Sở Tư pháp", "Sở Tài chính"]), (["Sở Y tế"], ["Công an tỉnh"]), ([], []), ([], [])]


def test_the_other_figures_of_a_target_item_are_targets_too():
    # 773's items e) and g) (after the ninth set, round two, NOT independent): only the first figure of each had been
    # read; "năm 2018 đạt 99%, năm 2019 đạt 99,5%" are the same objective's targets for those years, and a clause after
    # ";" that opens with its own percentage is an objective of its own in the item's year.
    result, plan = draft(
        "ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 55/KH-UBND\nTuyên Quang, ngày 6 tháng 6 năm 2018\nKẾ HOẠCH\n"
        "Chăm sóc người cao tuổi giai đoạn 2018 - 2020\nI. MỤC ĐÍCH\n1. Nâng cao đời sống người cao tuổi.\n"
        "II. NHIỆM VỤ\n1. Nhiệm vụ\na) Rà soát chính sách đối với người cao tuổi.\n"
        "b) Đến năm 2020, phấn đấu đạt 95% người cao tuổi được khám sức khỏe định kỳ, năm 2018 đạt 85%, năm 2019 đạt "
        "90,5%; 80% xã có câu lạc bộ người cao tuổi.\nc) Tổ chức mừng thọ hằng năm.\n")
    from collections import Counter

    got = Counter((int(t.phase), float(t.value), t.comparator.value) for o in plan.objectives for t in o.targets)
    assert got == Counter({(2020, 95.0, ">="): 1, (2018, 85.0, ">="): 1, (2019, 90.5, ">="): 1, (2020, 80.0, ">="): 1})
    assert "80% xã có câu lạc bộ người cao tuổi." in [o.text for o in plan.objectives]
    assert "chưa được mã hóa" not in result.text and "not encoded" not in result.text


def test_two_documents_in_one_basis_each_closed_by_its_issuer():
    # 773's "Căn cứ Pháp lệnh A số 26/2005/PL-UBTVQH11 ngày … của Ủy ban Thường vụ Quốc hội và Pháp lệnh sửa đổi … số
    # 04/2012/PL-UBTVQH13 ngày … của …;" (after the ninth set, round two, NOT independent): one basis, the second lost.
    # A document named inside another's wording ("… của UBND tỉnh về thực hiện … và Kế hoạch … số …") is not split off.
    _result, plan = draft(
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 66/KH-UBND\nHà Nam, ngày 6 tháng 6 năm 2019\nKẾ HOẠCH\n"
        "Thực hiện chính sách đối với người cao tuổi năm 2019\n"
        "Căn cứ Luật Người cao tuổi số 39/2009/QH12 ngày 23 tháng 11 năm 2009 của Quốc hội và Nghị định quy định chi "
        "tiết một số điều của Luật Người cao tuổi số 06/2011/NĐ-CP ngày 14 tháng 01 năm 2011 của Chính phủ;\n"
        "Căn cứ Kế hoạch số 12/KH-UBND ngày 02/01/2019 của UBND tỉnh về thực hiện Nghị quyết A và Kế hoạch hành động "
        "số 05/KH-UBND ngày 03/02/2018;\n"
        "I. MỤC ĐÍCH\n1. Chăm lo đời sống người cao tuổi.\n")
    assert [(b.number, str(b.date)) for b in plan.bases] == [
        ("39/2009/QH12", "2009-11-23"), ("06/2011/NĐ-CP", "2011-01-14"), ("12/KH-UBND", "2019-01-02")]


def test_an_aim_in_a_lead_in_under_the_tasks_is_an_objective_for_review():
    # Ninh Bình 46's "Với mục tiêu khống chế tỷ lệ nhiễm HIV … dưới 0,35% vào năm 2020, trong giai đoạn … sau:" (after
    # the ninth set, round two, NOT independent): the lead-in of a group heading, a line not placed, its ceiling not
    # read. It is an objective with that target, for review; the line stays as it is.
    result, plan = draft(
        "ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\nSố: 34/KH-UBND\nYên Bái, ngày 5 tháng 5 năm 2016\nKẾ HOẠCH\n"
        "Phòng, chống bệnh lao giai đoạn 2016 - 2020\nI. MỤC ĐÍCH\n1. Giảm tỷ lệ mắc lao.\nII. NỘI DUNG\n"
        "1. Nhiệm vụ trọng tâm giai đoạn 2016 - 2020\n"
        "Với mục tiêu giảm tỷ lệ mắc lao trong cộng đồng dưới 0,5% vào năm 2020, ngành y tế tỉnh tập trung vào các "
        "nhiệm vụ chủ yếu sau:\n1.1. Phát hiện sớm người mắc lao tại cộng đồng.\n1.2. Điều trị khỏi cho người mắc lao.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì thực hiện.\n")
    got = [(int(t.phase), float(t.value), t.comparator.value) for o in plan.objectives for t in o.targets]
    assert got == [(2020, 0.5, "<=")]
    assert any(c.startswith("Với mục tiêu giảm tỷ lệ mắc lao") for c in unplaced(result))


def test_split_words_in_a_task_table_s_cells_are_put_back_and_whole_words_kept():
    # BHXH 947's cells ("T ổ chức", "sự c ầ n thi ế t", "xử lý n êu", "đơn giản h ó a", "H ằ ng năm"; after the ninth set,
    # round two, NOT independent): the task texts and times had kept the copy's stray spaces.
    assert mend_split_words("đánh giá sự c ầ n thi ế t, tham gia ý kiến, niê m yết, xử lý n êu, đơn giản h ó a") == (
        "đánh giá sự cần thiết, tham gia ý kiến, niêm yết, xử lý nêu, đơn giản hóa")
    assert mend_split_words("T h à nh ủ y, H ằ ng năm") == "Thành ủy, Hằng năm"
    assert not is_syllable("niê") and is_syllable("tiên") and is_syllable("quân")
    _result, plan = draft(
        "BẢO HIỂM TIỀN GỬI VIỆT NAM\nSố: 302/QĐ-BHTG\nHà Nội, ngày 5 tháng 5 năm 2024\nKẾ HOẠCH\n"
        "CẢI CÁCH HÀNH CHÍNH NĂM 2024\nI. MỤC ĐÍCH\n- Nâng cao hiệu quả.\nII. Nhiệm vụ, trách nhiệm, thời gian thực hiện\n\n"
        "| STT | Nhiệm vụ | Trách nhiệm thực hiện | Thời gian thực hiện |\n|||||\n"
        "| 1 | Đ ề xu ấ t sáng ki ế n cải cách thủ tục | - Thủ trưởng các đơn vị | H ằ ng n ă m |\n")
    [task] = plan.tasks
    assert (task.text, task.due) == ("Đề xuất sáng kiến cải cách thủ tục", "Hằng năm")
