"""`plandsl import` after the twenty-seventh held-out set, its task round (issue #10): a district office's plan for
its schools, whose body headings name the units the items concern ("1. Đối với các trường …", "3. Các trường … còn
lại:"), whose schedule of units by month and lists of papers to send are no tasks; a thi đua plan's "Nội dung thi đua"
and "Các đợt thi đua" over paragraphs or a lead-in and "-" items are labels.

Every text here was written for these tests (made-up plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, task_tree

_HEAD = ("UBND HUYỆN SÔNG MÂY\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 31/KH-PGDĐT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\nSông Mây, ngày 12 tháng 9 năm 2026\nKẾ HOẠCH\n"
         "{title}\n"
         "Căn cứ Công văn số 455/SGDĐT-KT ngày 02/9/2026 của Sở Giáo dục và Đào tạo, Phòng Giáo dục và Đào tạo xây dựng "
         "kế hoạch như sau:\n")
_TAIL = "Nơi nhận:\n- Các trường trực thuộc;\n- Lưu: VT.\nTRƯỞNG PHÒNG\nLê Văn Tâm\n"

_UNITS = ("I. Nhiệm vụ cụ thể\n"
          "1. Đối với các đơn vị đã được công nhận đạt chuẩn chất lượng giáo dục.\n"
          "a) Duy trì và nâng cao các tiêu chí đã đạt của nhà trường.\n"
          "b) Công khai kết quả tự đánh giá trên trang thông tin của đơn vị.\n"
          "2. Đối với các trường chưa tham gia đánh giá ngoài\n"
          "a) Rà soát, bổ sung hồ sơ minh chứng của nhà trường.\n"
          "II. Công tác đánh giá ngoài\n"
          "1.Các trường đánh giá ngoài trong năm học 2026-2027.\n"
          "- Tháng 11 năm 2026 ( 03 đơn vị), gồm:\n"
          "Các trường tiểu học: Đồng Lạc, Phú Mỹ\n"
          "- Tháng 12 năm 2026 ( 02 đơn vị) gồm:\n"
          "Các trường THCS: Tân Hòa, Lạc Sơn\n"
          "2. Đối với các trường tham gia đánh giá ngoài năm học 2026-2027\n"
          "a) Hoàn thiện báo cáo tự đánh giá;\n"
          "b) Các trường gửi hồ sơ về Phòng GD&ĐT trước ngày 15 của tháng trước đợt đánh giá gồm:\n"
          "- Công văn đăng ký đánh giá ngoài của nhà trường\n"
          "- Báo cáo tự đánh giá (02 bản in), bảng mã hóa minh chứng\n"
          "3.Các trường mầm non, tiểu học, THCS còn lại:\n"
          "Hoàn thành công tác tự đánh giá trên phần mềm\n"
          "Báo cáo kết quả tự đánh giá gửi về Phòng chậm nhất ngày 25/5/2027 gồm\n"
          "- Báo cáo tự đánh giá (01 bản in);\n"
          "- Bản mềm báo cáo tự đánh giá.\n"
          "III. Tổ chức thực hiện\n"
          "Các trường triển khai thực hiện kế hoạch này.\n")


def test_unit_headings_schedules_and_papers_sent_are_no_tasks():
    _result, plan = draft(_HEAD.format(title="Tự đánh giá chất lượng giáo dục năm học 2026-2027") + _UNITS + _TAIL)
    texts = [t for _, t in task_tree(plan)]
    assert texts == [
        "Duy trì và nâng cao các tiêu chí đã đạt của nhà trường.",
        "Công khai kết quả tự đánh giá trên trang thông tin của đơn vị.",
        "Rà soát, bổ sung hồ sơ minh chứng của nhà trường.",
        "Hoàn thiện báo cáo tự đánh giá;",
        "Các trường gửi hồ sơ về Phòng GD&ĐT trước ngày 15 của tháng trước đợt đánh giá gồm",
        "Hoàn thành công tác tự đánh giá trên phần mềm",
        "Báo cáo kết quả tự đánh giá gửi về Phòng chậm nhất ngày 25/5/2027 gồm",
    ], texts


def test_a_level_heading_and_a_unit_sentence_stay_tasks():
    # "Đối với cấp tiểu học" is a topic (a task, as before); "Các trường xây dựng …" says what is done.
    body = ("I. Nhiệm vụ\n1. Đối với cấp tiểu học\na) Tổ chức hoạt động trải nghiệm mỗi tháng một lần.\n"
            "b) Tổ chức câu lạc bộ đọc sách.\n"
            "2. Các trường xây dựng kế hoạch phát triển nhà trường\n- Rà soát đội ngũ giáo viên.\n"
            "- Bổ sung thiết bị dạy học.\n"
            "3. Các trường gửi báo cáo về Phòng gồm:\n- Tổ chức hội thảo chuyên đề cấp trường.\n"
            "- Tổ chức kiểm tra nội bộ.\nIII. Tổ chức thực hiện\nCác trường triển khai kế hoạch này.\n")
    _result, plan = draft(_HEAD.format(title="Hoạt động giáo dục năm học 2026-2027") + body + _TAIL)
    texts = [t for _, t in task_tree(plan)]
    assert "Đối với cấp tiểu học" in texts and "Các trường xây dựng kế hoạch phát triển nhà trường" in texts, texts
    assert "Rà soát đội ngũ giáo viên." in texts and "Tổ chức hội thảo chuyên đề cấp trường." in texts, texts


_CONTEST = ("1. Mục đích\nKhơi dậy tinh thần thi đua trong cán bộ, giáo viên toàn ngành.\n"
            "2. Nội dung thi đua\n"
            "Các đơn vị tổ chức phát động phong trào thi đua “Dạy tốt, học tốt” gắn với nhiệm vụ năm học.\n"
            "Đổi mới phương pháp dạy học, kiểm tra, đánh giá theo hướng phát triển năng lực học sinh.\n"
            "Thực hiện tốt công tác thi đua, khen thưởng, kịp thời nhân rộng điển hình tiên tiến.\n"
            "3. Các đợt thi đua\n"
            "Phong trào thi đua năm học 2026-2027 được chia làm 2 đợt:\n"
            "- Đợt thứ nhất: Từ nay đến hết tháng 01/2027, thi đua chào mừng ngày Nhà giáo Việt Nam 20/11.\n"
            "- Đợt thứ hai: Từ tháng 02/2027 đến hết năm học, thi đua chào mừng ngày sinh Chủ tịch Hồ Chí Minh.\n"
            "4. Tổ chức thực hiện\n"
            "Các trường xây dựng kế hoạch thi đua của đơn vị.\n")


def test_contest_contents_and_rounds_over_paragraphs_or_a_lead_in_are_labels():
    _result, plan = draft(_HEAD.format(title="Phát động phong trào thi đua năm học 2026-2027") + _CONTEST + _TAIL)
    texts = [t for _, t in task_tree(plan)]
    assert texts == [
        "Các đơn vị tổ chức phát động phong trào thi đua “Dạy tốt, học tốt” gắn với nhiệm vụ năm học.",
        "Đổi mới phương pháp dạy học, kiểm tra, đánh giá theo hướng phát triển năng lực học sinh.",
        "Thực hiện tốt công tác thi đua, khen thưởng, kịp thời nhân rộng điển hình tiên tiến.",
        "Đợt thứ nhất: Từ nay đến hết tháng 01/2027, thi đua chào mừng ngày Nhà giáo Việt Nam 20/11.",
        "Đợt thứ hai: Từ tháng 02/2027 đến hết năm học, thi đua chào mừng ngày sinh Chủ tịch Hồ Chí Minh.",
    ], texts


def test_contest_contents_with_one_paragraph_is_a_task_with_that_text():
    one = _CONTEST.replace("Đổi mới phương pháp dạy học, kiểm tra, đánh giá theo hướng phát triển năng lực học sinh.\n"
                           "Thực hiện tốt công tác thi đua, khen thưởng, kịp thời nhân rộng điển hình tiên tiến.\n", "")
    _result, plan = draft(_HEAD.format(title="Phát động phong trào thi đua năm học 2026-2027") + one + _TAIL)
    texts = [t for _, t in task_tree(plan)]
    assert sum("Dạy tốt, học tốt" in t for t in texts) == 1 and len(texts) == 3, texts


_TOPICS = ("I. NHIỆM VỤ CỤ THỂ\n"
           "1. Về công tác xây dựng văn bản\n"
           "1.1. Rà soát văn bản quản lý\n"
           "- Rà soát các văn bản do Phòng ban hành trong năm.\n"
           "1.2. Kiểm tra văn bản\n"
           "- Tổ chức kiểm tra văn bản hành chính của các trường.\n"
           "1.3. Về công tác khen thưởng\n"
           "Các đơn vị căn cứ kết quả thực hiện nhiệm vụ hàng năm để đề xuất khen thưởng kịp thời.\n"
           "II. TỔ CHỨC THỰC HIỆN\n"
           "Các trường triển khai thực hiện kế hoạch này.\n")


def test_a_numbered_topic_heading_keeps_its_one_paragraph_as_a_sub_task_among_siblings_with_items():
    _result, plan = draft(_HEAD.format(title="Thực hiện nhiệm vụ pháp chế năm học 2026-2027") + _TOPICS + _TAIL)
    tree = task_tree(plan)
    assert (1, "Về công tác khen thưởng") in tree, tree
    assert (2, "Các đơn vị căn cứ kết quả thực hiện nhiệm vụ hàng năm để đề xuất khen thưởng kịp thời.") in tree, tree
