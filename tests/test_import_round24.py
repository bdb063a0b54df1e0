"""`plandsl import` on layouts the twentieth to twenty-fourth held-out sets left (issue #10, docs/IMPORT.md "After the
twentieth to twenty-fourth sets: one more round (brief h12n2)").

Every text here was written for these tests (made-up bodies and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, task_tree
from test_import_round23 import _department

_TOPIC = ("1. Tổ chức hoạt động trải nghiệm\n\n"
          "a) Khảo sát nhu cầu\n\nCác trường tiến hành khảo sát nhu cầu trải nghiệm của học sinh để lựa chọn nội dung "
          "phù hợp với điều kiện của nhà trường.\n\n"
          "b) Xây dựng kế hoạch hoạt động\n\nCác trường xây dựng kế hoạch hoạt động trải nghiệm trong và ngoài nhà "
          "trường. Cụ thể như sau:\n\n- Kế hoạch của trường: Xác định mục tiêu trải nghiệm theo khối lớp.\n\n"
          "- Kế hoạch của lớp: Xác định các chủ đề trải nghiệm theo tháng.\n\n")


def test_a_paragraph_saying_what_is_done_then_cu_the_nhu_sau_is_a_task_over_its_items():
    # "Các trường xây dựng kế hoạch … . Cụ thể như sau:" was read as a lead-in (a line not placed) and its items hung
    # on the heading
    _, plan = draft(_department(_TOPIC))
    tree = task_tree(plan)
    assert (2, "Các trường xây dựng kế hoạch hoạt động trải nghiệm trong và ngoài nhà trường. Cụ thể như sau") in tree
    k = tree.index((2, "Các trường xây dựng kế hoạch hoạt động trải nghiệm trong và ngoài nhà trường. Cụ thể như sau"))
    assert tree[k + 1:k + 3] == [(3, "Kế hoạch của trường: Xác định mục tiêu trải nghiệm theo khối lớp."),
                                 (3, "Kế hoạch của lớp: Xác định các chủ đề trải nghiệm theo tháng.")]


def test_a_lead_in_without_a_sentence_of_its_own_is_still_no_task():
    body = ("1. Tổ chức hoạt động trải nghiệm\n\nCăn cứ tình hình thực tế, các trường thực hiện các hoạt động sau:\n\n"
            "- Tham quan di tích lịch sử của địa phương.\n\n- Tổ chức sinh hoạt tập thể tại trường.\n\n")
    _, plan = draft(_department(body))
    assert task_tree(plan) == [(0, "Tổ chức hoạt động trải nghiệm"),
                               (1, "Tham quan di tích lịch sử của địa phương."),
                               (1, "Tổ chức sinh hoạt tập thể tại trường.")]


def test_a_lettered_heading_paragraph_is_a_sub_task_when_its_sibling_has_paragraph_sub_tasks():
    # "a) Khảo sát nhu cầu" / its one paragraph was kept as a comment (a field heading's content)
    _, plan = draft(_department(_TOPIC))
    assert task_tree(plan)[:3] == [
        (0, "Tổ chức hoạt động trải nghiệm"),
        (1, "Khảo sát nhu cầu"),
        (2, "Các trường tiến hành khảo sát nhu cầu trải nghiệm của học sinh để lựa chọn nội dung phù hợp với điều kiện "
            "của nhà trường."),
    ]


def test_lettered_field_headings_over_one_paragraph_and_dash_items_keep_the_paragraph_as_content():
    body = ("1. Phát triển chuyển đổi số\n\na) Thể chế\n\nTriển khai các chính sách của Trung ương tạo cơ sở pháp lý "
            "cho việc thực hiện tại địa phương.\n\nb) Hạ tầng số\n\n- Phát triển hạ tầng kết nối số cho người dân.\n\n"
            "- Phủ sóng di động đến tất cả các thôn.\n\n")
    result, plan = draft(_department(body))
    assert (1, "Thể chế") in task_tree(plan)
    assert "# Triển khai các chính sách của Trung ương" in result.text


def test_plus_items_under_a_dash_item_ending_in_a_colon_are_its_sub_tasks():
    # "- Buổi chiều:" / "+ …" / "+ …": the "+" items were read as its siblings
    body = ("1. Đối với cấp tiểu học\n\na) Tổ chức hoạt động trải nghiệm mỗi tháng một lần.\n\n"
            "b) Tổ chức các hoạt động giáo dục kỹ năng\n- Buổi sáng: Tham quan di tích lịch sử của địa phương.\n"
            "- Buổi chiều:\n+ Tổ chức sinh hoạt tập thể tại trường.\n+ Tổ chức câu lạc bộ theo sở thích của học sinh.\n"
            "- Đa dạng hóa các hình thức hoạt động: học theo nhóm.\n\n")
    _, plan = draft(_department(body))
    assert task_tree(plan) == [
        (0, "Đối với cấp tiểu học"),
        (1, "Tổ chức hoạt động trải nghiệm mỗi tháng một lần."),
        (1, "Tổ chức các hoạt động giáo dục kỹ năng"),
        (2, "Buổi sáng: Tham quan di tích lịch sử của địa phương."),
        (2, "Buổi chiều"),
        (3, "Tổ chức sinh hoạt tập thể tại trường."),
        (3, "Tổ chức câu lạc bộ theo sở thích của học sinh."),
        (2, "Đa dạng hóa các hình thức hoạt động: học theo nhóm."),
    ]


def test_a_series_of_names_cut_at_a_dash_by_the_line_goes_on_instead_of_opening_an_item():
    # "… toàn diện về Đức - Trí - Thể" / "- Mỹ cho học sinh …": "- Mỹ …" was read as an item of its own
    opening = ("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n- Nâng cao chất lượng các hoạt động giáo dục toàn diện về Đức - Trí - "
               "Thể\n- Mỹ cho học sinh trên địa bàn tỉnh.\n- Hình thành thói quen học tập suốt đời.\n\n")
    text = _department("1. Tổ chức các chuyến tham quan cho học sinh.\n\n").replace(
        "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao chất lượng hoạt động trải nghiệm cho học sinh.\n\n", opening)
    result, _ = draft(text)
    assert "Đức - Trí - Thể - Mỹ cho học sinh trên địa bàn tỉnh." in result.text
    assert '"Mỹ cho học sinh' not in result.text


def test_duties_cut_by_a_pdf_line_and_a_sub_heading_paragraph_stay_duties():
    # "- Hằng năm, phối hợp với … thực hiện tổng hợp" / "Kế hoạch biên chế …" (a line cut inside the sentence) closed the
    # body's duties, and "d) Phòng …" / its paragraph were kept as lines not placed
    org = ("III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ\n"
           "- Hằng năm, phối hợp với Sở Giáo dục và Đào tạo thực hiện tổng hợp\n"
           "Kế hoạch biên chế công chức trong các đơn vị sự nghiệp giáo dục công lập theo quy định.\n"
           "- Hướng dẫn, kiểm tra việc chấp hành các quy định của pháp luật về biên chế.\n"
           "2. Các phòng thuộc Sở\na) Phòng Giáo dục phổ thông\n- Chủ trì tham mưu hướng dẫn các trường thực hiện.\n"
           "b) Phòng Kế hoạch - Tài chính\nPhối hợp tham mưu kinh phí thực hiện Kế hoạch theo quy định.\n"
           "c) Phòng Tổ chức cán bộ\nPhối hợp tham mưu các nội dung liên quan đến đội ngũ giáo viên.\n\n")
    text = _department("1. Tổ chức các chuyến tham quan cho học sinh.\n\n").replace(
        "III. TỔ CHỨC THỰC HIỆN\n\n1. Các phòng thuộc Sở hướng dẫn thực hiện.\n\n", org)
    result, _ = draft(text)
    assert "not placed" not in result.text.split("responsibility", 1)[1]
    assert ("Hằng năm, phối hợp với Sở Giáo dục và Đào tạo thực hiện tổng hợp Kế hoạch biên chế công chức trong các đơn "
            "vị sự nghiệp giáo dục công lập theo quy định.") in result.text
    assert '"Phòng Tổ chức cán bộ"' in result.text
    assert '"Phối hợp tham mưu các nội dung liên quan đến đội ngũ giáo viên."' in result.text


def test_a_count_of_areas_under_the_targets_is_a_target():
    # "- Xây dựng mới 12 địa bàn cấp xã …, gồm: …" in "II. CHỈ TIÊU" of a one-year plan: "địa bàn" was no count's unit
    text = _department("1. Tổ chức các chuyến tham quan cho học sinh.\n\n").replace(
        "cho học sinh trên địa bàn tỉnh Hòa Bình Nam\n\n", "cho học sinh trên địa bàn tỉnh Hòa Bình Nam năm 2026\n\n").replace(
        "II. NỘI DUNG\n\n", "II. CHỈ TIÊU NĂM 2026\n\n- Xây dựng mới 12 địa bàn cấp xã an toàn cho học sinh, gồm: Xã An "
        "Phú; Xã Tân Hòa; Phường Bắc Sơn.\n\nIII. NỘI DUNG\n\n")
    _, plan = draft(text)
    [objective] = [o for o in plan.objectives if "12 địa bàn" in o.text]
    assert [(int(t.phase), float(t.value), t.comparator.value) for t in objective.targets] == [(2026, 12.0, ">=")]


def test_a_body_heading_ending_in_so_is_not_joined_with_the_duty_under_it():
    # "c) Văn phòng Sở" / "Phối hợp thực hiện …": read as a name cut after "Sở" and joined with its duty
    org = ("III. TỔ CHỨC THỰC HIỆN\n\n1. Các phòng thuộc Sở\na) Phòng Giáo dục phổ thông\n"
           "- Chủ trì tham mưu hướng dẫn các trường thực hiện.\nb) Văn phòng Sở\n"
           "Phối hợp thực hiện công tác thông tin, tuyên truyền về hoạt động trải nghiệm.\n\n")
    text = _department("1. Tổ chức các chuyến tham quan cho học sinh.\n\n").replace(
        "III. TỔ CHỨC THỰC HIỆN\n\n1. Các phòng thuộc Sở hướng dẫn thực hiện.\n\n", org)
    result, _ = draft(text)
    assert '    text "Văn phòng Sở"\n    text "Phối hợp thực hiện công tác thông tin' in result.text
