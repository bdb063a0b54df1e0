"""`plandsl import` on an event plan's grouped activities (issue #10, docs/IMPORT.md "After the twenty-fifth set",
round three): "2. Các hoạt động chính" / "3. Các hoạt động phụ trợ" over "2.1."-"2.3." name the kind of activity (a
group label, as "2. Nhiệm vụ trọng tâm …" is), and an activity's heading wrapped onto a short line of its own before
its "- Thời gian: …" fields goes on in that line.

Every text here was written for these tests (made-up plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, province_plan, task_agencies, task_tree

_GROUPED = ("**III. NỘI DUNG CÁC HOẠT ĐỘNG**\n"
            "1. Chủ đề Tuần lễ văn hóa các dân tộc tỉnh năm 2026\n"
            "Chủ đề: “Sắc màu đại ngàn”.\n"
            "2. Các hoạt động chính\n"
            "2.1. Lễ khai mạc Tuần lễ văn hóa các dân tộc tỉnh\n"
            "Lâm Viên lần thứ III năm 2026\n"
            "- Thời gian dự kiến: ngày 05/11/2026 (thứ Năm).\n"
            "- Địa điểm: Quảng trường trung tâm tỉnh.\n"
            "- Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch.\n"
            "- Đơn vị phối hợp: Đài Phát thanh và Truyền hình tỉnh, Ủy ban nhân dân các xã, phường.\n"
            "2.2. Liên hoan nghệ thuật quần chúng\n"
            "- Thời gian dự kiến: ngày 06/11/2026.\n"
            "- Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch.\n"
            "3. Các hoạt động phụ trợ\n"
            "3.1. Triển lãm ảnh về đất và người Lâm Viên\n"
            "- Địa điểm: Bảo tàng tỉnh.\n"
            "- Đơn vị chủ trì: Bảo tàng tỉnh.\n"
            "4. Xây dựng phương án truyền thông trước, trong và sau sự kiện\n"
            "- Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch.\n"
            "**IV. KINH PHÍ THỰC HIỆN**\nNgân sách tỉnh bảo đảm theo quy định.\n")


def test_a_group_of_activities_is_a_label_and_a_wrapped_heading_goes_on():
    result, plan = draft(province_plan(_GROUPED))
    assert task_tree(plan)[0] == (0, "Chủ đề Tuần lễ văn hóa các dân tộc tỉnh năm 2026. Chủ đề: “Sắc màu đại ngàn”.")
    assert task_tree(plan)[1:] == [
        (0, "Lễ khai mạc Tuần lễ văn hóa các dân tộc tỉnh Lâm Viên lần thứ III năm 2026"),
        (0, "Liên hoan nghệ thuật quần chúng"),
        (0, "Triển lãm ảnh về đất và người Lâm Viên"),
        (0, "Xây dựng phương án truyền thông trước, trong và sau sự kiện")]
    assert task_agencies(plan)[1] == ("Lễ khai mạc Tuần lễ văn hóa cá", ["Sở Văn hóa, Thể thao và Du lịch"], [
        "Đài Phát thanh và Truyền hình tỉnh", "Ủy ban nhân dân các xã, phường"])
    assert "Các hoạt động chính" in result.text and "Các hoạt động phụ trợ" in result.text  # kept, as comments


_PROSE = ("**II. NHIỆM VỤ**\n"
          "1. Tuyên truyền về chuyển đổi số\n"
          "Thực hiện thường xuyên\n"
          "- Đơn vị chủ trì: Sở Khoa học và Công nghệ.\n"
          "2. Các hoạt động chính\n"
          "Tổ chức hội thi tìm hiểu chuyển đổi số trong toàn tỉnh.\n"
          "**III. KINH PHÍ THỰC HIỆN**\nNgân sách tỉnh.\n")


def test_a_line_under_a_first_level_heading_or_a_group_with_no_sub_items_stays_as_it_was():
    # The wrap is read only under a sub-numbered activity ("2.1."); a group heading with no "2.1." under it is a task.
    _result, plan = draft(province_plan(_PROSE))
    assert [t for _, t in task_tree(plan)] == ["Tuyên truyền về chuyển đổi số. Thực hiện thường xuyên",
                                               "Các hoạt động chính. Tổ chức hội thi tìm hiểu chuyển đổi số trong toàn tỉnh."]


_APPROVING_PDF = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 845/QĐ-UBND\nQUYẾT ĐỊNH\n"
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                  "Lâm Đồng, ngày 12 tháng 3 năm 2026\n"
                  "Phê duyệt Kế hoạch phòng, chống hạn hán và xâm nhập mặn trên địa bàn tỉnh năm 2026\n"
                  "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n"
                  "Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013;\n"
                  "Theo đề nghị của Sở Nông nghiệp và Môi trường tại Tờ trình số 77/TTr-SNNMT ngày 02/3/2026.\n"
                  "QUYẾT ĐỊNH:\n"
                  "Điều 1. Phê duyệt Kế hoạch phòng, chống hạn hán và xâm nhập mặn trên địa bàn tỉnh năm 2026, kèm theo "
                  "Quyết định này.\nĐiều 2. Quyết định này có hiệu lực từ ngày ký.\n"
                  "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Bình\n"
                  "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                  "KẾ HOẠCH\n"
                  "Phòng, chống hạn hán và xâm nhập mặn trên địa bàn tỉnh năm 2026 (Kèm theo Quyết định số /QĐ-UBND "
                  "ngày /3/2026 của UBND tỉnh)\n"
                  "I. MỤC TIÊU\nChủ động phòng, chống hạn hán, bảo đảm nước sinh hoạt cho người dân.\n")


def test_a_decisions_title_after_the_motto_and_date_a_pdf_put_between_and_a_plan_heading_not_yet_numbered():
    # A PDF's reading order put the motto and the place and date between "QUYẾT ĐỊNH" and its title "Phê duyệt Kế
    # hoạch …": the title was missed and the draft stayed a "Quyết định"; the plan's heading "(Kèm theo Quyết định số
    # /QĐ-UBND ngày /3/2026 …)", its number not yet stamped, stayed in the title.
    result, plan = draft(_APPROVING_PDF)
    assert plan.kind == "Kế hoạch"
    assert plan.title == "Kế hoạch phòng, chống hạn hán và xâm nhập mặn trên địa bàn tỉnh năm 2026"
    assert 'instrument "845/QĐ-UBND" dated 2026-03-12' in result.text  # the decision's number, as for any decision
