"""`plandsl import` on layouts of the twenty-fourth held-out set (issue #10, docs/IMPORT.md "After the twenty-fourth
set (no longer independent)").

Every text here was written for these tests (made-up bodies and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, task_tree

_HEAD = ("UBND TỈNH HÒA BÌNH NAM\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n\n"
         "Độc lập - Tự do - Hạnh phúc\n\n\nSố: 77/KH-SGDĐT\n\nHòa Bình Nam, ngày 5 tháng 9 năm 2026\n\n"
         "KẾ HOẠCH\n\nTổ chức hoạt động trải nghiệm cho học sinh trên địa bàn tỉnh Hòa Bình Nam\n\n")


def _department(body: str, opening: str = "") -> str:
    """A made-up department's plan: the letterhead interleaved with the motto one cell a line, blank lines between."""
    return (_HEAD + opening + "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao chất lượng hoạt động trải nghiệm cho học sinh.\n\n"
            "II. NỘI DUNG\n\n" + body + "III. TỔ CHỨC THỰC HIỆN\n\n1. Các phòng thuộc Sở hướng dẫn thực hiện.\n\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLê Thị Hoa\n")


def test_a_department_letterhead_read_between_the_motto_lines_gives_the_department_as_issuer():
    # no "Căn cứ" and no preamble naming the issuer: the issuer came from the letterhead's two lines run together
    # ("Ubnd tỉnh Hòa Bình Nam Sở Giáo dục và đào tạo", jurisdiction "Tỉnh Hòa Bình Nam Sở Giáo")
    opening = ("Thực hiện chỉ đạo của Bộ Giáo dục và Đào tạo về hoạt động trải nghiệm, Sở ban hành Kế hoạch "
               "với các nội dung cụ thể.\n\n")
    result, plan = draft(_department("1. Tổ chức các chuyến tham quan cho học sinh.\n\n", opening))
    assert 'letterhead "UBND TỈNH HÒA BÌNH NAM", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"' in result.text
    assert plan.issuer == "Sở Giáo dục và Đào tạo tỉnh Hòa Bình Nam"
    assert plan.jurisdiction == "Tỉnh Hòa Bình Nam"


def test_a_lettered_heading_naming_the_kind_of_content_is_a_label_over_its_items():
    # "b) Nội dung và hình thức hoạt động:" over "-" items or paragraphs names only the kind of content: no task; its
    # items are the topic's sub-tasks (it was a task "Nội dung và hình thức hoạt động" over them)
    body = ("1. Đối với cấp tiểu học\n\na) Tổ chức hoạt động trải nghiệm mỗi tháng một lần.\n\n"
            "b) Nội dung và hình thức hoạt động\n- Buổi sáng: Tham quan di tích lịch sử của địa phương.\n"
            "- Buổi chiều: Tổ chức sinh hoạt tập thể tại trường.\n\n"
            "2. Đối với cấp trung học cơ sở\n\na) Tổ chức hoạt động trải nghiệm mỗi tháng hai lần.\n\n"
            "b) Nội dung và hình thức hoạt động:\n\nBuổi sáng: Tham quan cơ sở sản xuất tại địa phương.\n\n"
            "Buổi chiều: Tổ chức câu lạc bộ theo sở thích của học sinh.\n\n")
    _, plan = draft(_department(body))
    assert task_tree(plan) == [
        (0, "Đối với cấp tiểu học"),
        (1, "Tổ chức hoạt động trải nghiệm mỗi tháng một lần."),
        (1, "Buổi sáng: Tham quan di tích lịch sử của địa phương."),
        (1, "Buổi chiều: Tổ chức sinh hoạt tập thể tại trường."),
        (0, "Đối với cấp trung học cơ sở"),
        (1, "Tổ chức hoạt động trải nghiệm mỗi tháng hai lần."),
        (1, "Buổi sáng: Tham quan cơ sở sản xuất tại địa phương."),
        (1, "Buổi chiều: Tổ chức câu lạc bộ theo sở thích của học sinh."),
    ]


def test_a_circular_amended_by_another_named_by_number_and_date_gives_two_bases():
    # "Căn cứ Thông tư số N1 … ban hành Chương trình …, được sửa đổi, bổ sung một số nội dung bởi Thông tư số N2 ngày D2
    # (viết tắt là Thông tư số N1);": the amending circular was lost ("một số nội dung", not "một số điều")
    bases = ("Căn cứ Thông tư số 41/2019/TT-BGDĐT ngày 20/11/2019 của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Chương\n"
             "trình hoạt động trải nghiệm, được sửa đổi, bổ sung một số nội dung bởi Thông tư số 07/2023/TT-BGDĐT ngày\n"
             "04/5/2023 (viết tắt là Thông tư số 41/2019/TT-BGDĐT);\n"
             "Căn cứ Công văn số 812/BGDĐT-GDPT ngày 15/7/2026 của Bộ Giáo dục và Đào tạo về việc hướng dẫn hoạt động;\n\n")
    _, plan = draft(_department("1. Tổ chức các chuyến tham quan cho học sinh.\n\n", bases))
    got = [(b.text, b.number, str(b.date)) for b in plan.bases]
    assert got == [
        ("Thông tư của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Chương trình hoạt động trải nghiệm",
         "41/2019/TT-BGDĐT", "2019-11-20"),
        ("Thông tư sửa đổi, bổ sung một số nội dung", "07/2023/TT-BGDĐT", "2023-05-04"),
        ("Công văn của Bộ Giáo dục và Đào tạo về việc hướng dẫn hoạt động", "812/BGDĐT-GDPT", "2026-07-15"),
    ]


def test_a_wrapped_line_opening_with_a_figure_and_its_unit_goes_on_the_item():
    # a PDF's line "3 lần/tháng ở …" after a lettered item cut with no stop ("… tổ chức, thực hiện hoạt động"): the
    # figure is no topic "3." (it opened a task "lần/tháng ở các trường …")
    body = ("1. Đối với cấp tiểu học\n"
            "a) Triển khai hoạt động trải nghiệm theo lộ trình; tổ chức, thực hiện hoạt động\n"
            "3 lần/tháng ở các trường có đủ điều kiện về cơ sở vật chất, đội ngũ giáo viên.\n"
            "b) Bố trí kinh phí tổ chức hoạt động theo quy định.\n\n")
    _, plan = draft(_department(body))
    assert task_tree(plan) == [
        (0, "Đối với cấp tiểu học"),
        (1, "Triển khai hoạt động trải nghiệm theo lộ trình; tổ chức, thực hiện hoạt động 3 lần/tháng ở các trường có "
            "đủ điều kiện về cơ sở vật chất, đội ngũ giáo viên."),
        (1, "Bố trí kinh phí tổ chức hoạt động theo quy định."),
    ]
