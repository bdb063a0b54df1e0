"""`plandsl import` on layouts of the twenty-third held-out set (issue #10, docs/IMPORT.md "After the twenty-third set
(no longer independent)").

Every text here was written for these tests (made-up bodies and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, task_agencies, task_tree

_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def _plan(items: str) -> str:
    """A made-up province's plan whose "II. NỘI DUNG" holds one lettered topic of "-" items ``items``."""
    return ("ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH NAM\nSố: 214/KH-UBND\n" + _MOTTO + "Hòa Bình Nam, ngày 12 tháng 3 năm 2026\n"
            "KẾ HOẠCH\nTăng cường giáo dục kỹ năng sống cho học sinh trên địa bàn tỉnh\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao kỹ năng sống cho học sinh.\n"
            "II. NỘI DUNG\n1. Giáo dục kỹ năng sống trong nhà trường\na) Các hoạt động\n" + items +
            "III. TỔ CHỨC THỰC HIỆN\n1. Sở Giáo dục và Đào tạo hướng dẫn thực hiện Kế hoạch.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Minh\n")


_ITEMS = ("- Cơ sở giáo dục mầm non chủ trì, phối hợp với trung tâm y tế khu vực, cơ sở giáo dục đại học và các tổ chức\n"
          "có liên quan, hướng dẫn cha mẹ trẻ chăm sóc sức khỏe cho trẻ tại gia đình.\n"
          "- Cơ sở giáo dục phổ thông chủ trì tổ chức các buổi sinh hoạt chuyên đề về kỹ năng sống; phối hợp với các\n"
          "cơ sở giáo dục nghề nghiệp, trung tâm văn hóa tỉnh, doanh nghiệp và tổ chức liên quan để tổ chức trải nghiệm\n"
          "cho học sinh.\n"
          "- Các trường trung học phổ thông chủ trì, phối hợp với trung tâm giáo dục thường xuyên, trung tâm văn hóa - thể\n"
          "thao và cơ sở giáo dục nghề nghiệp tổ chức các buổi tập huấn cho học sinh.\n"
          "- Cơ sở giáo dục phổ thông phối hợp với gia đình học sinh theo dõi việc rèn luyện của học sinh.\n"
          "- Cơ sở giáo dục phổ thông chủ trì xây dựng bộ tài liệu kỹ năng sống cho học sinh.\n")


def test_an_item_opening_with_a_group_that_chairs_gives_its_lead_and_supports():
    # "- X chủ trì, phối hợp với Y, Z … <does …>" and "- X chủ trì <does …>; phối hợp với Y … để …" opening an item,
    # X a group of schools, not a body named with a capital ("Sở …"): no lead or support was read.
    _, plan = draft(_plan(_ITEMS))
    got = [(t[1], t[2]) for t in task_agencies(plan) if t[0].startswith(("Cơ sở", "Các trường"))]
    assert got == [
        (["Cơ sở giáo dục mầm non"], ["trung tâm y tế khu vực", "cơ sở giáo dục đại học", "các tổ chức có liên quan"]),
        (["Cơ sở giáo dục phổ thông"], ["các cơ sở giáo dục nghề nghiệp", "trung tâm văn hóa tỉnh", "doanh nghiệp",
                                        "tổ chức liên quan"]),
        (["Các trường trung học phổ thông"], ["trung tâm giáo dục thường xuyên", "trung tâm văn hóa - thể thao",
                                              "cơ sở giáo dục nghề nghiệp"]),
        # "X phối hợp với Y …" (no "chủ trì") and "X chủ trì <does …>" with no "phối hợp với": neither is read
        ([], []),
        ([], []),
    ]


def _signed(stamp: str) -> str:
    """A made-up signed PDF's text: the header's number and date slots blank, ``stamp`` at the first page's foot."""
    return ("ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH NAM\nSố:            /KH-UBND\n" + _MOTTO +
            "Hòa Bình Nam, ngày        tháng        năm 2026\n"
            "KẾ HOẠCH\nTăng cường giáo dục kỹ năng sống cho học sinh trên địa bàn tỉnh\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao kỹ năng sống cho học sinh trên địa bàn tỉnh.\n"
            "2. Yêu cầu\n- Bảo đảm thực hiện thường xuyên, phù hợp với điều kiện của từng trường.\n" + stamp +
            "II. NỘI DUNG\n1. Tổ chức các buổi sinh hoạt chuyên đề về kỹ năng sống cho học sinh.\n"
            "2. Biên soạn tài liệu kỹ năng sống cho học sinh.\n"
            "III. TỔ CHỨC THỰC HIỆN\n1. Sở Giáo dục và Đào tạo hướng dẫn thực hiện Kế hoạch.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Minh\n")


def test_a_signed_pdfs_stamped_number_and_day_fill_the_blank_slots():
    # The digital signature stamped the number and day apart from the header: "Số:   /KH-UBND" and "ngày   tháng   năm
    # 2026" blank at the top, "214", "09", "3" alone at the first page's foot (then a blank line and the page number).
    # No number or date was read, so no instrument, place or signature; the three figures were general objectives.
    result, plan = draft(_signed("214\n09\n3\n\n2\n"))
    assert plan.instrument.number == "214/KH-UBND"
    assert str(plan.instrument.date) == "2026-03-09"
    assert plan.instrument.place == "Hòa Bình Nam"
    assert "signature stamp" in result.text or "dấu chữ ký số" in result.text
    assert plan.instrument.signatory == "Trần Văn Minh"
    assert not [g for g in plan.general if g.value.strip(". ").isdigit()]


def test_lone_numbers_that_do_not_read_surely_as_a_stamp_are_not_the_number():
    # four lone numbers in a row (which three?), or a month that is no month: nothing is read
    for stamp in ("214\n09\n3\n2\n", "214\n09\n13\n\n2\n"):
        _, plan = draft(_signed(stamp))
        assert plan.instrument is None, stamp


def _department(letterhead: str) -> str:
    """A made-up provincial department's plan whose header begins with ``letterhead``."""
    return (letterhead + "Số: 57/KH-SGDĐT\nHòa Bình Nam, ngày 17 tháng 8 năm 2026\n"
            "KẾ HOẠCH\nTổ chức hội thi kỹ năng sống cho học sinh năm học 2026-2027\n"
            "Căn cứ Thông tư số 16/2026/TT-BGDĐT ngày 24/3/2026 của Bộ trưởng Bộ Giáo dục và Đào tạo;\n"
            "Sở GDĐT xây dựng Kế hoạch tổ chức hội thi như sau:\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao kỹ năng sống cho học sinh.\n"
            "II. NỘI DUNG\n1. Tổ chức hội thi cấp trường.\n2. Tổ chức hội thi cấp tỉnh.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLê Văn An\n")


def test_a_departments_letterhead_read_between_the_motto_or_flattened_gives_level_and_jurisdiction():
    # "UBND TỈNH X" / "CỘNG HÒA …" / "SỞ …" / "Độc lập …" (the two columns read line by line) kept only the first line;
    # "UBND TỈNH X SỞ … | CỘNG HÒA …" (one table row) one line. The Sở named "Sở GDĐT" in the preamble, without its
    # place, had no level or jurisdiction: the place is its letterhead's line above it.
    for head in ("UBND TỈNH HÒA BÌNH NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
                 "Độc lập - Tự do - Hạnh phúc\n",
                 "UBND TỈNH HÒA BÌNH NAM SỞ GIÁO DỤC VÀ ĐÀO TẠO | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
                 "Hạnh phúc\n"):
        result, plan = draft(_department(head))
        assert 'letterhead "UBND TỈNH HÒA BÌNH NAM", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"' in result.text, head
        assert plan.level.value[0] == "province", head
        assert "Hòa Bình Nam" in plan.jurisdiction, head


def test_a_departments_initials_in_the_preamble_are_spelled_out_from_its_letterhead():
    # "Sở GDĐT xây dựng Kế hoạch …" under "UBND TỈNH X" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO": the issuer is the department in
    # full with its place, its name as the text writes it ("… Bộ Giáo dục và Đào tạo"), not "Sở GDĐT".
    head = "UBND TỈNH HÒA BÌNH NAM\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n" + _MOTTO
    _, plan = draft(_department(head))
    assert plan.issuer == "Sở Giáo dục và Đào tạo tỉnh Hòa Bình Nam"
    # initials that are not the letterhead's words: kept as written
    _, plan = draft(_department(head).replace("Sở GDĐT xây dựng", "Sở GTVT xây dựng"))
    assert plan.issuer == "Sở GTVT"


def test_a_recipient_wrapped_onto_a_line_of_initials_does_not_end_the_list():
    # "- VPUB: CVP, các PCVP," / "P.VX, P.TH;" (the wrapped line in capitals, no dash): it ended the Nơi nhận list, and
    # "- Lưu: VT, VX." after it was lost.
    text = _department("UBND TỈNH HÒA BÌNH NAM\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n" + _MOTTO).replace(
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n", "Nơi nhận:\n- Như trên;\n- VPUB: CVP, các PCVP,\nP.VX, P.TH;\n- Lưu: VT, VX.\n")
    _, plan = draft(text)
    assert list(plan.recipients) == ["Như trên", "VPUB: CVP, các PCVP, P.VX, P.TH", "Lưu: VT, VX"]


def _paged(page_2: str, page_3: str) -> str:
    """A made-up plan of three pages whose page numbers ``page_2`` and ``page_3`` stand alone after a blank line, the
    second cutting an item's sentence."""
    items = "".join(f"- Tổ chức buổi sinh hoạt chuyên đề số {n} về kỹ năng sống cho học sinh.\n" for n in range(1, 23))
    more = "".join(f"- Biên soạn tài liệu hướng dẫn số {n} về kỹ năng sống cho giáo viên.\n" for n in range(1, 20))
    return _plan(items + "\n" + page_2 + "\n" + more + "- Bố trí kinh phí từ ngân sách nhà nước; nguồn thu hợp pháp của cơ sở\n"
                 "\n" + page_3 + "\ngiáo dục và các nguồn khác theo quy định.\n")


def test_a_page_number_alone_between_two_pages_is_left_out():
    # "… nguồn thu hợp pháp của cơ sở" / "" / "3" / "giáo dục và …": the page number was glued to the sentence's rest
    # ("3 giáo dục và …", a line not placed), so the item's text was cut at the page.
    _, plan = draft(_paged("2", "3"))
    texts = [t for _depth, t in task_tree(plan)]
    assert "Bố trí kinh phí từ ngân sách nhà nước; nguồn thu hợp pháp của cơ sở giáo dục và các nguồn khác theo quy " \
           "định." in texts
    assert not [t for t in texts if t.strip(". ").isdigit() or t.endswith((" 2", " 3"))]


def test_lone_numbers_not_a_page_apart_are_kept():
    # numbers that do not follow one another a page apart ("2", then "7") are no page numbers: read as before (the
    # sentence is not joined across them)
    _, plan = draft(_paged("2", "7"))
    texts = [t for _depth, t in task_tree(plan)]
    assert "Bố trí kinh phí từ ngân sách nhà nước; nguồn thu hợp pháp của cơ sở" in texts
