"""The twenty-ninth held-out set's shapes (issue 10): a district department's plan in parts ("Phần I. Các nhiệm vụ
trọng tâm" / "Phần II. Các nhiệm vụ cụ thể" with Roman sections inside, "Phần III: Tổ chức thực hiện"), and an
admissions plan whose sections of conditions, papers and rules are no tasks and whose enrolled pupils are no target.
Every text here is made up."""

from __future__ import annotations

from import_docs import draft, task_tree

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
