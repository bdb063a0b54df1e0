"""The twenty-ninth held-out set's shapes (issue 10): a district department's plan in parts ("Phần I. Các nhiệm vụ
trọng tâm" / "Phần II. Các nhiệm vụ cụ thể" with Roman sections inside, "Phần III: Tổ chức thực hiện"), and an
admissions plan whose sections of conditions, papers and rules are no tasks and whose enrolled pupils are no target.
Every text here is made up."""

from __future__ import annotations

from import_docs import draft, plan_targets, task_tree

_HEAD = ("UBND HUYỆN AN BÌNH\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\nSố: 31/KH-PGDĐT An Bình, ngày 12 tháng 10 năm 2026\nKẾ HOẠCH\n"
         "Kiểm tra, đánh giá năm học 2026-2027\n"
         "Thực hiện Công văn số 845/SGDĐT-KTKĐ ngày 20/9/2026 của Sở Giáo dục và Đào tạo về việc hướng dẫn nhiệm vụ "
         "kiểm tra, đánh giá năm học 2026-2027;\n"
         "Phòng Giáo dục và Đào tạo An Bình xây dựng Kế hoạch thực hiện nhiệm vụ như sau.\n")

_PARTS = ("Phần I. Các nhiệm vụ trọng tâm\n"
          "1. Tiếp tục đổi mới kiểm tra, đánh giá học sinh theo hướng phát triển năng lực.\n"
          "2. Thực hiện tốt công tác quản lý hồ sơ, sổ điểm theo quy định.\n"
          "Phần II. Các nhiệm vụ cụ thể\n"
          "I. Công tác kiểm tra, đánh giá.\n"
          "1. Tăng cường kiểm tra định kỳ các môn học ở các trường THCS.\n"
          "2. Các đợt kiểm tra trong năm học 2026-2027.\n"
          "2.1. Kiểm tra giữa học kỳ I: Xong trước ngày 15/11/2026;\n"
          "2.2. Kiểm tra cuối học kỳ I: Xong trước ngày 10/01/2027;\n"
          "II. Công tác quản lý hồ sơ học sinh\n"
          "1. Các trường lưu trữ hồ sơ học sinh đúng quy định.\n"
          "2. Phòng GD&ĐT kiểm tra việc lưu trữ hồ sơ tại các trường.\n"
          "HI. Công tác báo cáo\n"
          "Các trường thực hiện báo cáo về kết quả thực hiện nhiệm vụ kiểm tra theo thời gian sau:\n"
          "1. Học kỳ I: Báo cáo sơ kết, nộp về Phòng chậm nhất ngày 15/01/2027.\n"
          "2. Cả năm học: Báo cáo tổng kết, nộp về Phòng chậm nhất ngày 20/5/2027.\n"
          "Phần II: Tổ chức thực hiện\n"
          "1. Phòng GD&ĐT: Xây dựng kế hoạch, triển khai đến các trường.\n"
          "2. Các trường: Tổ chức thực hiện kế hoạch nghiêm túc.\n"
          "Trên đây là Kế hoạch kiểm tra, đánh giá năm học 2026-2027.\n"
          "Nơi nhận:\n- Sở GD&ĐT (b/c);\n- Lưu VT.\nKT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG\nTrần Văn Bình\n")


def test_parts_with_roman_sections_inside_give_their_tasks():
    result, plan = draft(_HEAD + _PARTS)
    tree = task_tree(plan)
    texts = [text for _depth, text in tree]
    assert texts[:2] == ["Tiếp tục đổi mới kiểm tra, đánh giá học sinh theo hướng phát triển năng lực.",
                         "Thực hiện tốt công tác quản lý hồ sơ, sổ điểm theo quy định."], tree
    # the fields of work under "Phần II. Các nhiệm vụ cụ thể" are tasks over their items
    assert (0, "Công tác kiểm tra, đánh giá.") in tree, tree
    assert (0, "Công tác quản lý hồ sơ học sinh") in tree, tree
    assert (1, "Các trường lưu trữ hồ sơ học sinh đúng quy định.") in tree, tree
    assert (2, "Kiểm tra giữa học kỳ I: Xong trước ngày 15/11/2026;") in tree, tree
    # no part line, no report and no duty is a task
    assert not [t for t in texts if t.startswith("Phần") or "Báo cáo" in t or "Tổ chức thực hiện" in t], tree
    assert len(texts) == 10, tree


_ADMISSION = ("UBND HUYỆN AN BÌNH\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "Độc lập - Tự do - Hạnh phúc\nSố: 08/KH-PGDĐT An Bình, ngày 02 tháng 7 năm 2026\nKẾ HOẠCH\n"
              "Tuyển sinh các lớp song ngữ trường THCS An Phú, năm học 2026 - 2027\n"
              "Căn cứ Công văn số 512/SGDĐT-GDTrH ngày 10/6/2026 của Sở Giáo dục và Đào tạo về tuyển sinh;\n"
              "I. Mục đích, yêu cầu\n1. Mục đích\nLựa chọn học sinh có năng lực ngoại ngữ vào các lớp song ngữ.\n"
              "II. Nội dung\n"
              "1. Chỉ tiêu tuyển sinh\n"
              "- Khối 7: Tuyển sinh 01 lớp song ngữ với 35 học sinh.\n"
              "2. Đối tƣợng, điều kiện\n"
              "- Học sinh hoàn thành chương trình lớp 6 năm học 2025-2026 đạt loại tốt.\n"
              "- Học sinh đạt giải trong kỳ thi tiếng Anh cấp huyện năm học 2025-2026.\n"
              "3. Phương thức tuyển sinh 3.1 Xét tuyển\n"
              "Xét tuyển các em đạt giải Nhất trong kỳ thi tiếng Anh cấp huyện.\n"
              "3.2 Khảo sát\n"
              "Tổ chức khảo sát môn tiếng Anh đối với thí sinh đủ điều kiện dự tuyển.\n"
              "4. Hồ sơ đăng ký dự tuyển\n"
              "Đơn đăng ký dự tuyển có xác nhận của nhà trường.\n"
              "Bản sao học bạ THCS.\n"
              "5. Thời gian tuyển sinh\n"
              "Lịch nhận hồ sơ: Từ ngày 15/7/2026 đến hết ngày 20/7/2026.\n"
              "Lịch khảo sát môn tiếng Anh: Ngày 25/7/2026.\n"
              "Địa điểm khảo sát: Tại trường THCS An Phú.\n"
              "Công bố kết quả khảo sát: Chậm nhất ngày 30/7/2026.\n"
              "6. Điểm khuyến khích\n"
              "Học sinh đạt giải cấp huyện được cộng 1,0 điểm vào tổng điểm.\n"
              "7. Nguyên tắc và điều kiện xét tuyển\n"
              "Điểm xét tuyển là điểm bài khảo sát cộng điểm khuyến khích, lấy từ cao xuống thấp.\n"
              "III. TỔ CHỨC THỰC HIỆN\n1. Trường THCS An Phú\nTổ chức tuyển sinh theo kế hoạch.\n"
              "Nơi nhận:\n- UBND huyện;\n- Lưu VT.\nTRƯỞNG PHÒNG\nLê Văn Cường\n")


def test_admission_rule_sections_are_no_tasks_and_the_method_is():
    result, plan = draft(_ADMISSION)
    tree = task_tree(plan)
    assert tree == [(0, "Phương thức tuyển sinh"), (1, "Xét tuyển"), (1, "Khảo sát"), (0, "Thời gian tuyển sinh"),
                    (1, "Lịch nhận hồ sơ: Từ ngày 15/7/2026 đến hết ngày 20/7/2026."),
                    (1, "Lịch khảo sát môn tiếng Anh: Ngày 25/7/2026."),
                    (1, "Công bố kết quả khảo sát: Chậm nhất ngày 30/7/2026.")], tree


_QUOTAS = ("II. Chỉ tiêu\n"
           "- Khối 8: Tuyển sinh 02 lớp song ngữ với 70 học sinh; trong đó có 58 học sinh đang theo học tại các lớp "
           "song ngữ của trường và tuyển thẳng 12 chỉ tiêu đạt giải cấp huyện.\n")


def test_pupils_already_enrolled_are_no_target_the_quota_is():
    text = _ADMISSION.replace("II. Nội dung\n1. Chỉ tiêu tuyển sinh\n- Khối 7: Tuyển sinh 01 lớp song ngữ với 35 học "
                              "sinh.\n", _QUOTAS + "III. Nội dung\n")
    result, plan = draft(text)
    values = sorted(float(v) for _year, v, _cmp in plan_targets(plan))
    assert 58.0 not in values, values
    assert values == [12.0, 70.0], values


def test_ocr_comma_sub_number_and_a_wrapped_last_word():
    text = _HEAD + _PARTS.replace(
        "2. Thực hiện tốt công tác quản lý hồ sơ, sổ điểm theo quy định.\n",
        "2. Thực hiện tốt công tác quản lý hồ sơ, sổ điểm, học bạ của học sinh theo quy định; bảo đảm thực tiễn, khả "
        "thi, đáp ứng yêu cầu đổi mới căn bản, toàn diện\nGD&ĐT.\n").replace(
        "2.2. Kiểm tra cuối học kỳ I", "2,2. Kiểm tra cuối học kỳ I")
    result, plan = draft(text)
    tree = task_tree(plan)
    assert tree[1] == (0, "Thực hiện tốt công tác quản lý hồ sơ, sổ điểm, học bạ của học sinh theo quy định; bảo đảm "
                          "thực tiễn, khả thi, đáp ứng yêu cầu đổi mới căn bản, toàn diện GD&ĐT."), tree
    assert (2, "Kiểm tra cuối học kỳ I: Xong trước ngày 10/01/2027;") in tree, tree
    assert len(tree) == 10, tree
