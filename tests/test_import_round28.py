"""`plandsl import` on a Party body's plan copied as Markdown (issue #10, the twenty-sixth set): the letterhead
"BAN CHẤP HÀNH TRUNG ƯƠNG" / the body that issues, a "T/M …" / "BÍ THƯ" signature, a bold title over three lines
in lower case after "KẾ HOẠCH", a bold "Nơi nhận:" over "*" bullets, and an opening "Thực hiện chỉ đạo của …, X ban
hành Kế hoạch … thực hiện Chỉ thị số …" that names the document it carries out only by number; and a signatory under
"[đã ký]".

Every text here was written for these tests (made-up plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, province_plan

_PARTY = ("      ## ĐẢNG CỘNG SẢN VIỆT NAM\n\n"
          "**BAN CHẤP HÀNH TRUNG ƯƠNG**\n"
          "**ĐẢNG ĐOÀN HỘI NÔNG DÂN VIỆT NAM**\n\n"
          "Số 118-KH/ĐĐHND\n\n"
          "Hà Nội, ngày 14 tháng 3 năm 2025\n\n"
          "**KẾ HOẠCH**\n\n"
          "**thực hiện Chỉ thị số 41-CT/TW ngày 05/02/2025 của Ban Bí thư**\n"
          "**Trung ương Đảng về phát triển hợp tác xã nông nghiệp,**\n"
          "**kinh tế tập thể trong giai đoạn mới**\n\n"
          "---\n\n"
          "Ngày 05/02/2025, Ban Bí thư đã ban hành Chỉ thị số 41-CT/TW về phát triển hợp tác xã nông nghiệp, kinh tế "
          "tập thể trong giai đoạn mới (sau đây gọi là Chỉ thị số 41-CT/TW), theo đó giao Đảng đoàn Hội Nông dân Việt "
          "Nam lãnh đạo việc vận động nông dân tham gia hợp tác xã.\n\n"
          "Thực hiện chỉ đạo của Ban Bí thư, Đảng đoàn Hội Nông dân Việt Nam ban hành Kế hoạch thực hiện Chỉ thị số "
          "41-CT/TW. Các cơ quan của Hội có trách nhiệm tiếp tục thực hiện Kế hoạch này khi được kiện toàn.\n\n"
          "**I. MỤC ĐÍCH, YÊU CẦU**\n\n"
          "**1. Mục đích**\n\n"
          "*   Nâng cao nhận thức của cán bộ, hội viên về kinh tế tập thể.\n\n"
          "**II. NHIỆM VỤ**\n\n"
          "**1. Tuyên truyền về Chỉ thị số 41-CT/TW**\n\n"
          "*   Tổ chức quán triệt Chỉ thị đến cán bộ Hội các cấp.\n"
          "*   Xây dựng chuyên mục về hợp tác xã trên Báo Nông thôn Ngày nay.\n\n"
          "**2. Hỗ trợ thành lập hợp tác xã**\n\n"
          "*   Vận động nông dân góp vốn thành lập hợp tác xã nông nghiệp kiểu mới.\n\n"
          "**III. TỔ CHỨC THỰC HIỆN**\n\n"
          "1.  Ban Kinh tế Trung ương Hội theo dõi, báo cáo kết quả thực hiện Kế hoạch này.\n\n"
          "**Nơi nhận:**\n\n"
          "*   Ban Bí thư Trung ương Đảng (để b/c),\n"
          "*   Thành viên Đảng đoàn,\n"
          "*   Các ban Trung ương Hội,\n"
          "*   Lưu VPĐĐ.\n\n"
          "**T/M ĐẢNG ĐOÀN HỘI NÔNG DÂN VIỆT NAM**\n\n"
          "**BÍ THƯ**\n\n"
          "Lương Quốc Đạt\n"
          "```\n")


def test_a_central_party_body_issues_its_plan_at_the_national_level():
    _result, plan = draft(_PARTY)
    assert plan.issuer == "Đảng đoàn Hội Nông dân Việt Nam"  # the body that issues, not both letterhead lines
    assert (plan.level.name, plan.jurisdiction) == ("NATIONAL", "Việt Nam")


def test_a_party_signature_on_behalf_gives_the_title_and_the_name():
    _result, plan = draft(_PARTY)
    assert (plan.instrument.signer, plan.instrument.signatory) == ("BÍ THƯ", "Lương Quốc Đạt")


def test_a_bold_title_over_lines_in_lower_case_is_whole_and_the_bold_recipients_are_read():
    _result, plan = draft(_PARTY)
    assert plan.title == ("Kế hoạch thực hiện Chỉ thị số 41-CT/TW ngày 05/02/2025 của Ban Bí thư Trung ương Đảng về "
                          "phát triển hợp tác xã nông nghiệp, kinh tế tập thể trong giai đoạn mới")
    assert list(plan.recipients) == ["Ban Bí thư Trung ương Đảng (để b/c)", "Thành viên Đảng đoàn",
                                          "Các ban Trung ương Hội", "Lưu VPĐĐ"]


def test_a_direction_carried_out_names_the_document_the_opening_cites_in_full():
    result, plan = draft(_PARTY)
    [ref] = plan.implementing
    assert (ref.number, str(ref.date), ref.by) == ("41-CT/TW", "2025-02-05", "Ban Bí thư")
    assert ref.text == "Chỉ thị về phát triển hợp tác xã nông nghiệp, kinh tế tập thể trong giai đoạn mới"
    assert "Các cơ quan của Hội có trách nhiệm tiếp tục" in result.text  # the rest of the paragraph kept, not placed


def test_the_signatory_under_a_bracketed_signed_mark_is_read():
    text = province_plan("**II. NHIỆM VỤ**\n1. Khám sức khỏe định kỳ cho người cao tuổi.\n") + (
        "TM. ỦY BAN NHÂN DÂN  \nKT. CHỦ TỊCH  \nPHÓ CHỦ TỊCH  \n[đã ký]  \nLê Văn Minh\n")
    _result, plan = draft(text)
    assert (plan.instrument.signer, plan.instrument.signatory) == ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Lê Văn Minh")


def test_a_direction_that_names_its_document_is_read_as_before():
    bases = ("Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh tại Công văn số 812/UBND-VX ngày 03/9/2025 về chăm sóc người "
             "cao tuổi, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:\n")
    body = "**II. NHIỆM VỤ**\n1. Khám sức khỏe định kỳ cho người cao tuổi.\n"
    _result, plan = draft(province_plan(body, bases=bases))
    assert [(r.number, str(r.date)) for r in plan.implementing] == [("812/UBND-VX", "2025-09-03")]
