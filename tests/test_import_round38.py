"""The thirtieth held-out set's shapes (issue 10): a provincial Party committee's programme numbered Party style,
with a hyphen ("IV- Nhiệm vụ …", "1- …", "6 - …", "a- …"; OCR's "IH -" for "III-" and "j-" for "3-"), and its title
over three lines, the last opening in lower case. Every text here is made up."""

from __future__ import annotations

from import_docs import draft, task_tree

from plandsl.importer.extract.patterns import heading
from plandsl.importer.partymarks import party_markers

_HEAD = ("TỈNH ỦY AN BÌNH ĐẢNG CỘNG SẢN VIỆT NAM\n"
         "Số 17-CTr/TU An Bình, ngày 15 tháng 3 năm 2026\n"
         "CHƯƠNG TRÌNH\n"
         "CỦA BAN THƯỜNG VỤ TỈNH ỦY\n"
         "về phát triển nông nghiệp hữu cơ trên địa bàn tỉnh An Bình giai đoạn 2026-2030\n"
         "Thực hiện Kết luận số 12-KL/TW, ngày 05-01-2026 của Ban Bí thư về phát triển nông nghiệp hữu cơ, Ban "
         "Thường vụ Tỉnh ủy An Bình xây dựng chương trình thực hiện như sau:\n")

_BODY = ("I- Mục đích, yêu cầu\n"
         "1- Mục đích\n"
         "Nâng cao nhận thức của cấp ủy, chính quyền về nông nghiệp hữu cơ.\n"
         "II- Nhiệm vụ và giải pháp chủ yếu\n"
         "1- Tăng cường sự lãnh đạo của cấp ủy đảng đối với nông nghiệp hữu cơ\n"
         "Tổ chức quán triệt Kết luận 12-KL/TW đến cán bộ, đảng viên trong toàn tỉnh.\n"
         "Rà soát, bổ sung cơ chế, chính sách của tỉnh về nông nghiệp hữu cơ giai đoạn 2026-2030.\n"
         "2- Phát triển vùng sản xuất nông nghiệp hữu cơ tập trung\n"
         "Quy hoạch các vùng sản xuất chè, cam theo tiêu chuẩn hữu cơ.\n"
         "j- Huy động các nguồn lực cho nông nghiệp hữu cơ\n"
         "Lồng ghép các nguồn vốn của các chương trình mục tiêu quốc gia.\n"
         "4- Đẩy mạnh tuyên truyền về nông nghiệp hữu cơ\n"
         "Đổi mới nội dung, hình thức tuyên truyền trên các phương tiện thông tin đại chúng.\n"
         "III- Tổ chức thực hiện\n"
         "1- Các huyện ủy, thành ủy xây dựng kế hoạch thực hiện chương trình.\n"
         "Nơi nhận:\n- Ban Bí thư Trung ương Đảng,\n- Lưu Văn phòng Tỉnh ủy.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n"
         "Nguyễn Văn An\n")


def test_party_hyphen_markers_read_as_headings():
    lines = [("I- Mục đích, yêu cầu", "0"), ("IH - Mục tiêu chương trình", "1"),
             ("IV- Nhiệm vụ và các giải pháp chủ yếu", "2"), ("1- Tăng cường sự lãnh đạo", "3"),
             ("1.1- Trong trồng trọt: Phục tráng giống lúa", "4"), ("6 - Nâng cao hiệu quả hợp tác", "5"),
             ("a- Về lĩnh vực nông nghiệp", "6"), ("V- Tổ chức thực hiện", "7")]
    out = [text for text, _where in party_markers(lines)]
    assert [heading(t)[:2] for t in out] == [("roman", "I"), ("roman", "III"), ("roman", "IV"), ("num1", "1"),
                                             ("num2", "1.1"), ("num1", "6"), ("letter", "a"), ("roman", "V")], out
    assert out[3] == "1. Tăng cường sự lãnh đạo", out


def test_no_range_date_or_document_number_is_a_marker():
    lines = [("2017-2020 là giai đoạn bứt phá", "1"), ("01-9-2016 Ban Bí thư ban hành Kết luận", "2"),
             ("10- CTr/TU của Tỉnh ủy", "3"), ("11- NQ/TU ngày 01/10/2012", "4"), ("2-3 cơ sở ứng dụng", "5"),
             ("1- Mục đích", "6"), ("2- Yêu cầu", "7")]
    out = [text for text, _where in party_markers(lines)]
    assert out[:5] == [text for text, _where in lines[:5]], out
    assert out[5:] == ["1. Mục đích", "2. Yêu cầu"], out
    # one stray line is no numbering: left as written
    assert party_markers([("1- Mục đích", "1")]) == [("1- Mục đích", "1")]
    # "j-" is "3-" only between "2-" and "4-"
    assert [t for t, _w in party_markers([("1- A", "1"), ("j- Bờ", "2"), ("2- C", "3")])][1] == "j- Bờ"


def test_party_programme_gives_its_tasks_and_its_title_over_three_lines():
    result, plan = draft(_HEAD + _BODY)
    tree = task_tree(plan)
    assert (0, "Tăng cường sự lãnh đạo của cấp ủy đảng đối với nông nghiệp hữu cơ") in tree, tree
    assert (1, "Tổ chức quán triệt Kết luận 12-KL/TW đến cán bộ, đảng viên trong toàn tỉnh.") in tree, tree
    tops = [t for depth, t in tree if depth == 0]  # (a topic over one paragraph takes it into its text)
    assert len(tops) == 4, tree
    assert tops[2].startswith("Huy động các nguồn lực cho nông nghiệp hữu cơ"), tree  # OCR's "j-" for "3-"
    assert tops[3].startswith("Đẩy mạnh tuyên truyền về nông nghiệp hữu cơ"), tree
    assert plan.title.endswith("về phát triển nông nghiệp hữu cơ trên địa bàn tỉnh An Bình giai đoạn 2026-2030"), \
        plan.title
    assert plan.title.startswith("Chương trình của ban thường vụ tỉnh"), plan.title
    assert plan.period == (2026, 2030), plan.period
