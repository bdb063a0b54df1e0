"""The twenty-eighth held-out set's shapes (issue 10): a district people's committee's plan read by OCR, its
paragraphs one printed line a line, "HI." read for "III." before the funding section, and a targets section whose
years are school years ("Năm học 2018-2019: … 100% học sinh …"). Every text here is made up."""

from __future__ import annotations

from import_docs import draft, plan_targets, task_tree

_HEAD = ("ỦY BAN NHÂN DÂN\nHUYỆN AN BÌNH\nSố: 12/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\nAn Bình, ngày 05 tháng 3 năm 2026\nKẾ HOẠCH\n"
         "Thực hiện Đề án dạy ngoại ngữ trong các trường phổ thông trên địa bàn huyện giai đoạn 2026-2030\n"
         "Thực hiện Quyết định số 12/QĐ-UBND ngày 02/02/2026 của UBND tỉnh về Đề án dạy ngoại ngữ, UBND huyện ban "
         "hành Kế hoạch như sau:\n")

_TARGETS = ("I. Mục tiêu, nhiệm vụ\n1. Mục tiêu chung\nNâng cao chất lượng dạy và học ngoại ngữ trong các trường.\n"
            "2. Mục tiêu đến năm học 2029-2030\n")

_SOLUTIONS = ("II. Giải pháp thực hiện\n1. Tăng cường công tác tuyên truyền\n"
              "Tuyên truyền sâu rộng đến cán bộ, giáo viên về vai trò của ngoại ngữ trong nhà trường.\n"
              "2. Bồi dưỡng đội ngũ giáo viên\n"
              "Tổ chức bồi dưỡng giáo viên ngoại ngữ theo chuẩn năng lực hằng năm.\n")

_FUNDS = ("HI. Nhu cầu nguồn kinh phí\n1. Nhu cầu kinh phí\n1- Kinh phí mua sắm thiết bị: 1.250 triệu đồng.\n"
          "2- Kinh phí bồi dưỡng giáo viên: 320 triệu đồng.\n2. Nguồn kinh phí\n"
          "Từ ngân sách huyện và nguồn xã hội hóa.\n")

_CLOSE = ("IV. Tổ chức thực hiện\n1. Phòng Giáo dục và Đào tạo\nChủ trì triển khai kế hoạch này.\n"
          "Nơi nhận:\n- UBND tỉnh;\n- Lưu VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n")


def _plan(targets: str = "", solutions: str = _SOLUTIONS):
    return draft(_HEAD + _TARGETS + targets + solutions + _FUNDS + _CLOSE)


def test_hi_before_the_funding_section_is_read_iii_and_gives_no_task():
    result, plan = _plan()
    texts = [text for _depth, text in task_tree(plan)]
    assert not [t for t in texts if "kinh phí" in t.casefold()], texts
    assert len(texts) == 2, texts


_BROKEN = ("II. Giải pháp thực hiện\n1. Tăng cường công tác tuyên truyền\n"
           "Tiếp tục quán triệt và triển khai thực hiện có hiệu quả: Chỉ thị số 07-\n"
           "CT/TU ngày 02 tháng 5 năm 2024 của Ban Thường vụ Tỉnh ủy về dạy ngoại ngữ trong nhà trường.\n"
           "Tăng cường công tác kiểm tra, giám sát việc dạy ngoại ngữ tại các trường học trong toàn huyện\n"
           "Đề án tại các nhà trường. Đưa kết quả dạy ngoại ngữ vào tiêu chí đánh giá đơn vị hằng năm.\n"
           "2. Bồi dưỡng đội ngũ giáo viên\n"
           "Bố trí đủ phòng học ngoại ngữ cho mỗi trường phổ thông trong huyện; trường có từ 800 học sinh\n"
           "(25 lớp) trở lên có 02 phòng học, mỗi phòng 30 chỗ ngồi cho học sinh.\n")


def test_ocr_lines_that_go_on_a_sentence_in_capitals_are_joined():
    """A scan read one printed line a line: a document's number cut at its dash, running text going on with a word
    in capitals or a bracket, joined; a heading's line is never joined with the paragraph under it."""
    result, plan = _plan(solutions=_BROKEN)
    texts = [text for _depth, text in task_tree(plan)]
    assert any("Chỉ thị số 07- CT/TU ngày 02 tháng 5 năm 2024" in t for t in texts), texts
    assert any("trong toàn huyện Đề án tại các nhà trường" in t for t in texts), texts
    assert any("từ 800 học sinh (25 lớp) trở lên" in t for t in texts), texts
    assert not [t for t in texts if t.startswith(("CT/TU", "Đề án tại", "(25 lớp)"))], texts
    assert any(t.startswith("Tăng cường công tác tuyên truyền") for t in texts), texts


_ROADMAP = ("2.1. Dạy học ngoại ngữ\nTriển khai chương trình mới theo lộ trình:\n"
            "Năm học 2026-2027: Dạy thí điểm chương trình mới cho học sinh lớp 3 tại các trường tiểu học: Đông\n"
            "Hòa, Tây Hòa với 12 lớp và 410 học sinh; còn lại dạy theo chương trình hiện hành.\n"
            "Năm học 2027-2028: Dạy theo chương trình mới đối với 100% học sinh lớp 3 và lớp 6.\n"
            "Năm học 2028-2029: Dạy theo chương trình mới đối với 100% học sinh lớp 3, 4, 6, 7.\n"
            "Từ năm học 2029-2030: Dạy theo chương trình mới đối với 100% học sinh từ lớp 3 đến lớp 9.\n"
            "2.2. Ứng dụng công nghệ\n"
            "Phấn đấu 100% các trường quản lý hồ sơ trên môi trường mạng; 60% lớp bồi dưỡng được thực hiện qua mạng, "
            "trong đó, từ nay tới năm 2027 tập trung vào các nhiệm vụ trọng tâm như sau:\n"
            "- Xây dựng cơ sở dữ liệu ngành giáo dục của huyện trong năm 2027.\n"
            "- Triển khai phần mềm quản lý nhà trường toàn huyện từ năm 2027.\n"
            "2.3. Đổi mới kiểm tra đánh giá\n"
            "100% giáo viên khai thác kho học liệu số dùng chung; 80% trường học dùng sổ quản lý điện tử.\n"
            "3. Định hướng đến năm 2035\n"
            "100% học sinh trung học cơ sở có đủ năng lực ngoại ngữ bậc 2 khi tốt nghiệp.\n")


def test_targets_by_school_year_end_in_its_second_year():
    """"Năm học Y-(Y+1)" is a level of Y+1; the school year under way when the plan starts gives none; a "… như sau:"
    list of tasks inside the topic stays tasks, its lead-in's year not the figures'; the vision's figures its year."""
    result, plan = _plan(targets=_ROADMAP)
    got = sorted((int(y), v) for y, v, _cmp in plan_targets(plan))
    assert got == [(2028, 100.0), (2029, 100.0), (2030, 60.0), (2030, 80.0), (2030, 100.0), (2030, 100.0),
                   (2030, 100.0), (2035, 100.0)], got
    texts = [text for _depth, text in task_tree(plan)]
    assert texts[:2] == ["Xây dựng cơ sở dữ liệu ngành giáo dục của huyện trong năm 2027.",
                         "Triển khai phần mềm quản lý nhà trường toàn huyện từ năm 2027."], texts
    assert not [t for t in texts if "100%" in t or "Định hướng" in t], texts


def test_the_ocr_reader_joins_a_paragraph_s_printed_lines_but_not_across_a_blank_line():
    from plandsl.importer.document import assemble

    raw = ["Tích cực vận động các doanh nghiệp, tổ chức, cá nhân ủng hộ, tài trợ mua sắm máy tính học",
           "Tin học. Việc tài trợ thực hiện theo Thông tư số 16/2018/TT-", "BGDĐT ngày 03 tháng 8 năm 2018.", "",
           "Đầu tư cơ sở vật chất cho các trường phổ thông trên địa bàn huyện và các xã, thị trấn lân cận",
           "", "Trong điều kiện ngân sách còn khó khăn, các trường thuê phòng máy tính."]
    lines = [line.text for line in assemble([(t, f"line {n}") for n, t in enumerate(raw, 1)], ocr=True)]
    assert lines == [" ".join(raw[:3]), raw[4], raw[6]], lines
