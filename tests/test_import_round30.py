"""`plandsl import` after the twenty-seventh held-out set (issue #10): a "Tổ chức thực hiện" numbered in Arabic at the
top level of a plan's numbering is its duties section (as a Roman "IV. TỔ CHỨC THỰC HIỆN" is); the PDF reader keeps a
heading apart from a next line numbered without a space ("1.Các trường …"), and reads a letterhead's number beside
its "Số:" (the number set apart by a wide gap, or raised onto a row of its own, and the month a layout put before
"tháng").

Every text here was written for these tests (made-up plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, task_tree

from plandsl.importer.readers.pdf import page_lines

_HEAD = ("UBND HUYỆN SÔNG MÂY\nPHÒNG VĂN HÓA VÀ THÔNG TIN\nSố: 14/KH-PVHTT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\nSông Mây, ngày 05 tháng 3 năm 2026\nKẾ HOẠCH\n"
         "Tuyên truyền phòng, chống cháy nổ năm 2026\n"
         "Thực hiện Công văn số 210/SVHTT-VP ngày 20/02/2026 của Sở Văn hóa và Thể thao;\n")

_ARABIC = ("1. Mục đích\n"
           "- Nâng cao nhận thức của người dân về phòng, chống cháy nổ.\n"
           "2. Nội dung\n"
           "2.1. Tổ chức tuyên truyền trên hệ thống loa truyền thanh cơ sở.\n"
           "2.2. Phát hành tờ rơi về kỹ năng thoát nạn đến các hộ gia đình.\n"
           "{org}\n"
           "3.1. Phòng Văn hóa và Thông tin\n"
           "- Xây dựng kế hoạch chi tiết các đợt tuyên truyền.\n"
           "- Kiểm tra, đôn đốc các xã thực hiện.\n"
           "3.2. Ủy ban nhân dân các xã, thị trấn\n"
           "- Bố trí cán bộ phụ trách tuyên truyền tại cơ sở.\n"
           "4. Kinh phí thực hiện\n"
           "Từ ngân sách huyện năm 2026.\n"
           "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTRƯỞNG PHÒNG\nLê Văn Tâm\n")


def test_an_arabic_numbered_organisation_section_at_the_top_level_holds_duties_not_tasks():
    for org in ("3. Tổ chức thực hiện", "3. TỔ CHỨC THỰC HIỆN"):
        _result, plan = draft(_HEAD + _ARABIC.format(org=org))
        assert [t for _, t in task_tree(plan)] == [
            "Tổ chức tuyên truyền trên hệ thống loa truyền thanh cơ sở.",
            "Phát hành tờ rơi về kỹ năng thoát nạn đến các hộ gia đình."], org


def test_a_task_saying_to_chuc_thuc_hien_or_one_under_a_roman_section_stays_a_task():
    # Only the heading alone is the section: "3. Tổ chức thực hiện tốt …" is a task; under a Roman section a numbered
    # "3. Tổ chức thực hiện" is one of its items (not the body's top level).
    _result, plan = draft(_HEAD + _ARABIC.format(org="3. Tổ chức thực hiện tốt công tác kiểm tra an toàn cháy nổ"))
    assert "Xây dựng kế hoạch chi tiết các đợt tuyên truyền." in [t for _, t in task_tree(plan)]
    roman = ("I. MỤC ĐÍCH\n- Nâng cao nhận thức của người dân.\nII. NHIỆM VỤ\n"
             "1. Tổ chức tuyên truyền trên hệ thống loa truyền thanh cơ sở.\n"
             "2. Tổ chức thực hiện\n- Xây dựng kế hoạch chi tiết các đợt tuyên truyền.\n"
             "III. TỔ CHỨC THỰC HIỆN\nPhòng Văn hóa và Thông tin chủ trì theo dõi.\n"
             "Nơi nhận:\n- Lưu: VT.\nTRƯỞNG PHÒNG\nLê Văn Tâm\n")
    _result, plan = draft(_HEAD + roman)
    texts = [t for _, t in task_tree(plan)]
    assert any("Xây dựng kế hoạch chi tiết" in t for t in texts), texts


def test_a_heading_and_a_next_line_numbered_without_a_space_stay_apart():
    layout = ("       II. Công tác kiểm tra cơ sở\n"
              "       1.Các xã được kiểm tra trong quý I năm 2026.\n"
              "       - Tháng 3 năm 2026 ( 04 xã), gồm: Đông Hà, Tây Sơn\n"
              "       - Gửi báo cáo qua thư điện tử về địa chỉ\n"
              "pvhtt.songmay@example.vn\n"
              "       2.Các xã còn lại:\n"
              "       Hoàn thành công tác tự kiểm tra trước ngày 30/6/2026.\n")
    assert [t for t, _ in page_lines(layout, 1) if t] == [
        "II. Công tác kiểm tra cơ sở", "1.Các xã được kiểm tra trong quý I năm 2026.",
        "- Tháng 3 năm 2026 ( 04 xã), gồm: Đông Hà, Tây Sơn",
        "- Gửi báo cáo qua thư điện tử về địa chỉ pvhtt.songmay@example.vn", "2.Các xã còn lại:",
        "Hoàn thành công tác tự kiểm tra trước ngày 30/6/2026."]


# A page's body: lines of the page's full text width, as under a letterhead
_BODY = ("       Thực hiện Công văn số 210/SVHTT-VP ngày 20/02/2026 của Sở Văn hóa và Thể thao tỉnh về việc\n"
         "hướng dẫn công tác tuyên truyền phòng, chống cháy nổ năm 2026 trên địa bàn toàn tỉnh, Phòng Văn hóa\n"
         "và Thông tin huyện xây dựng kế hoạch tuyên truyền phòng, chống cháy nổ với các nội dung cụ thể sau:\n")


def test_a_number_a_gap_away_from_so_stays_on_the_so_line():
    layout = ("       UBND HUYỆN SÔNG MÂY                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              " PHÒNG VĂN HÓA VÀ THÔNG TIN                       Độc lập - Tự do - Hạnh phúc\n"
              "\n"
              "       Số:          14/KH-PVHTT                     Sông Mây, ngày     05  tháng 3  năm 2026\n"
              "\n"
              "                                         KẾ HOẠCH\n" + _BODY)
    lines = [" ".join(t.split()) for t, _ in page_lines(layout, 1)]
    assert "Số: 14/KH-PVHTT" in lines and "Sông Mây, ngày 05 tháng 3 năm 2026" in lines
    assert "Độc lập - Tự do - Hạnh phúc" in lines
    # without the colon, as printed
    lines = [" ".join(t.split()) for t, _ in page_lines(layout.replace("Số:   ", "Số    "), 1)]
    assert "Số 14/KH-PVHTT" in lines


def test_a_raised_number_goes_back_beside_so_and_a_month_before_thang_after_it():
    layout = ("   UBND HUYỆN SÔNG MÂY                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "PHÒNG VĂN HÓA VÀ THÔNG TIN                       Độc lập - Tự do - Hạnh phúc\n"
              "            14\n"
              "Số:          /KH-PVHTT                            Sông Mây, ngày     05           03  tháng       "
              "năm 2026\n"
              "\n"
              "                                         KẾ HOẠCH\n" + _BODY)
    lines = [" ".join(t.split()) for t, _ in page_lines(layout, 1)]
    assert "Số: 14/KH-PVHTT" in lines, lines
    assert "Sông Mây, ngày 05 tháng 03 năm 2026" in lines
    assert "Độc lập - Tự do - Hạnh phúc" in lines


def test_a_roman_section_naming_a_field_of_work_after_the_tasks_holds_tasks():
    # "II. Công tác kiểm tra cơ sở" right after "I. Nhiệm vụ cụ thể": one more field of the work; "IV. Công tác thông
    # tin báo cáo" (reports) is not.
    text = (_HEAD + "I. Nhiệm vụ cụ thể\n1. Tổ chức tuyên truyền trên hệ thống loa truyền thanh cơ sở.\n"
            "II. Công tác kiểm tra cơ sở\n1. Kiểm tra việc trang bị bình chữa cháy tại các chợ.\n"
            "2. Tổ chức diễn tập phương án chữa cháy tại khu dân cư.\n"
            "III. Tổ chức thực hiện\nCác xã, thị trấn thực hiện.\n"
            "IV. Công tác thông tin báo cáo\n1. Báo cáo quý gửi Phòng trước ngày 20.\n"
            "Nơi nhận:\n- Lưu: VT.\nTRƯỞNG PHÒNG\nLê Văn Tâm\n")
    _result, plan = draft(text)
    assert [t for _, t in task_tree(plan)] == [
        "Tổ chức tuyên truyền trên hệ thống loa truyền thanh cơ sở.",
        "Kiểm tra việc trang bị bình chữa cháy tại các chợ.",
        "Tổ chức diễn tập phương án chữa cháy tại khu dân cư."]


_PAGE = ("        2.1. Tổ chức rà soát, đánh giá việc thực hiện các quy định về an toàn phòng,\n"
         " chống cháy nổ tại các chợ, trung tâm thương mại và khu dân cư trên địa bàn.\n"
         "        2.2. Hướng dẫn các hộ kinh doanh thực hiện các quy định về phòng cháy,\n"
         " chữa cháy và cứu nạn, cứu hộ trong mùa khô năm 2026 theo quy định hiện hành.\n"
         "        2.3. Phối hợp liên ngành kiểm tra, giám sát, phát hiện, chấn chỉnh, xử lý\n"
         " nghiêm các trường hợp vi phạm các quy định về phòng cháy, chữa cháy năm 2026.\n"
         "        2.4. Truyền thông nâng cao nhận thức của cán bộ, công chức, viên chức, hộ\n"
         " gia đình và cộng đồng dân cư về mối nguy hiểm của cháy nổ trong mùa khô.\n"
         "        2.5. Tổ chức diễn tập phương án chữa cháy tại các khu dân cư, cơ sở kinh\n"
         " doanh có nguy cơ cao về cháy nổ trên địa bàn huyện trong quý II năm 2026.\n"
         "\n"
         "        1 Theo Chương trình hành động về phòng cháy, chữa cháy của Ủy ban nhân dân tỉnh giai\n"
         " đoạn 2021-2025 và các văn bản hướng dẫn của Công an tỉnh về phòng cháy, chữa cháy.\n"
         "\n"
         "                                                                                     1\n")


def test_a_footnote_at_the_pages_foot_is_read_after_the_text():
    # "1 Theo Chương trình …" in a smaller font (longer rows) at the foot of the page, its number with no dot: a
    # footnote, not an item of the text; the reader puts it after the document's text (kept, not lost).
    feet: list = []
    lines = [t for t, _ in page_lines(_PAGE, 1, feet) if t]
    assert lines[-1].startswith("2.5. Tổ chức diễn tập") and len(lines) == 5
    assert [t for t, _ in feet] == ["1 Theo Chương trình hành động về phòng cháy, chữa cháy của Ủy ban nhân dân tỉnh "
                                    "giai đoạn 2021-2025 và các văn bản hướng dẫn của Công an tỉnh về phòng cháy, "
                                    "chữa cháy."]
    # a last paragraph as wide as the text, or numbered "3." is no footnote
    for last in ("        1 Theo Chương trình hành động về phòng cháy, chữa cháy của tỉnh\n",
                 "        3. Theo Chương trình hành động về phòng cháy, chữa cháy của Ủy ban nhân dân tỉnh giai\n"):
        feet = []
        page_lines(_PAGE.replace(_PAGE.split("\n")[11] + "\n", last), 1, feet)
        assert feet == []
