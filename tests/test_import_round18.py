"""`plandsl import` on layouts of the nineteenth and twentieth held-out sets, round three (issue #10, docs/IMPORT.md
"After the nineteenth and twentieth sets: round three").

Every text here was written for these tests (made-up bodies, figures and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, plan_targets, province_plan, task_agencies, task_tree

# A one-year plan whose opening names two documents, then a sentence saying why the plan is issued.
_OPENING = ("Thực hiện Chỉ thị số 12/CT-TTg ngày 05/3/2025 của Thủ tướng Chính phủ về công tác người cao tuổi; "
            "Nghị quyết số 07-NQ/TU ngày 10/01/2026 của Tỉnh ủy về chăm sóc người cao tuổi, phấn đấu đến năm 2030 "
            "mọi xã có câu lạc bộ. Để tổ chức triển khai đồng bộ, hiệu quả mục tiêu nâng cao chất lượng chăm sóc, "
            "đảm bảo ít nhất 60% xã có câu lạc bộ người cao tuổi trong năm 2026, phấn đấu đến năm 2030 mọi xã có "
            "câu lạc bộ, Ủy ban nhân dân tỉnh ban hành kế hoạch chăm sóc người cao tuổi năm 2026, cụ thể như sau:\n")

_PLAIN_BODY = "**II. NHIỆM VỤ**\n1. Tổ chức tập huấn cho cán bộ làm công tác người cao tuổi.\n"


def _year_plan(body: str = _PLAIN_BODY, bases: str = _OPENING, closing: str = "III") -> str:
    return province_plan(body, title="Chăm sóc người cao tuổi năm 2026\n", bases=bases, closing=closing)


def test_the_sentence_issuing_the_plan_is_not_read_into_the_last_implemented_documents_title():
    # "…; Nghị quyết số 07-NQ/TU … về X. Để tổ chức triển khai …, Ủy ban nhân dân tỉnh ban hành kế hoạch …, cụ thể
    # như sau:": the "Để …" sentence was kept in the resolution's title.
    _, plan = draft(_year_plan())
    titles = {r.number: r.text for r in plan.implementing}
    assert titles["07-NQ/TU"].endswith("phấn đấu đến năm 2030 mọi xã có câu lạc bộ")
    assert "Để tổ chức" not in titles["07-NQ/TU"]
    assert set(titles) == {"12/CT-TTg", "07-NQ/TU"}


def test_a_floor_for_the_plans_year_in_the_sentence_issuing_it_is_an_objective():
    # "Để tổ chức triển khai …, đảm bảo ít nhất 60% xã có câu lạc bộ người cao tuổi trong năm 2026, phấn đấu …, Ủy ban
    # nhân dân tỉnh ban hành kế hoạch …": a floor for the plan's one year, stated nowhere else.
    _, plan = draft(_year_plan())
    assert plan_targets(plan) == [(2026, 60.0, ">=")]
    assert [o.text for o in plan.objectives] == ["Đảm bảo ít nhất 60% xã có câu lạc bộ người cao tuổi trong năm 2026"]


def test_a_floor_in_the_issuing_sentence_already_a_target_or_for_another_year_is_not_written_again():
    _, plan = draft(_year_plan("**II. CHỈ TIÊU**\n- Ít nhất 60% xã có câu lạc bộ người cao tuổi.\n" + _PLAIN_BODY))
    assert [t[:2] for t in plan_targets(plan)] == [(2026, 60.0)]
    _, plan = draft(_year_plan(bases=_OPENING.replace("trong năm 2026", "trong năm 2027")))
    assert plan_targets(plan) == []


_ACTIVITIES = ("**II. ĐỐI TƯỢNG TUYÊN TRUYỀN**\nCán bộ, công chức, viên chức và Nhân dân trên địa bàn tỉnh.\n"
               "**III. MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG NĂM 2026**\n"
               "1. Tổ chức hội thi tìm hiểu về chăm sóc người cao tuổi\n"
               "Sở Y tế chủ trì, phối hợp với các cơ quan, đơn vị liên quan xây dựng, tổ chức hội thi năm 2026 trên địa "
               "bàn tỉnh.\n"
               "2. Thực hiện tuyên truyền trên các phương tiện thông tin đại chúng\n"
               "Sở Y tế chủ trì, phối hợp với Báo Hòa Bình, Đài Phát thanh tỉnh thường xuyên đăng tải các bài viết về "
               "người cao tuổi; đồng thời, khuyến khích các địa phương giới thiệu các mô hình chăm sóc hiệu quả.\n"
               "Duy trì, nâng cấp chuyên mục người cao tuổi trên trang thông tin của Sở.\n"
               "3. Tổ chức tập huấn cho cán bộ làm công tác người cao tuổi\n"
               "Tổ chức các lớp tập huấn về nghiệp vụ chăm sóc người cao tuổi cho cán bộ cấp xã.\n")


def test_a_section_of_some_main_activities_is_a_section_of_tasks():
    # "III. MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM …" after "II. ĐỐI TƯỢNG …" was no section of tasks: its lines were
    # all left unplaced.
    _, plan = draft(_year_plan(_ACTIVITIES, closing="IV"))
    assert [t[1][:40] for t in task_tree(plan) if t[0] == 0] == [
        "Tổ chức hội thi tìm hiểu về chăm sóc ngư", "Thực hiện tuyên truyền trên các phương t",
        "Tổ chức tập huấn cho cán bộ làm công tác"]


def test_a_heading_over_paragraphs_one_of_which_names_who_chairs_is_one_task_with_those_agencies():
    # "2. Thực hiện tuyên truyền …" / "Sở Y tế chủ trì, phối hợp với Báo …, Đài … thường xuyên đăng tải …" / "Duy trì,
    # nâng cấp …": one task, the heading its text, its lead and supports from the paragraph that names them; the two
    # paragraphs were two sub-tasks with no agencies.
    _, plan = draft(_year_plan(_ACTIVITIES, closing="IV"))
    assert [t[0] for t in task_tree(plan)] == [0, 0, 0]
    assert task_agencies(plan)[:2] == [
        ("Tổ chức hội thi tìm hiểu về ch", ["Sở Y tế"], ["các cơ quan, đơn vị liên quan"]),
        ("Thực hiện tuyên truyền trên cá", ["Sở Y tế"], ["Báo Hòa Bình", "Đài Phát thanh tỉnh"])]


_DIALOGUES = ("**II. ĐỐI TƯỢNG TUYÊN TRUYỀN**\nCán bộ, công chức, viên chức và Nhân dân trên địa bàn tỉnh.\n"
              "**III. MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG NĂM 2026**\n"
              "1. Xây dựng các chương trình trên Đài Phát thanh tỉnh\n"
              "a) Tổ chức chương trình đối thoại về người cao tuổi với các sở, ngành:\n"
              "Đài Phát thanh tỉnh chủ trì, phối hợp với các sở, ngành liên quan tiếp tục tổ chức chương trình đối "
              "thoại trực tiếp năm 2026, gồm 4 chuyên mục sau:\n"
              "b) Tổ chức chương trình đối thoại về người cao tuổi với các xã:\n"
              "Mỗi xã trả lời kiến nghị của người cao tuổi tại địa bàn do phóng viên thu thập.\n"
              "Đài Phát thanh tỉnh chủ trì, phối hợp với UBND các xã xây dựng nội dung, ghi hình chương trình năm "
              "2026; đồng thời, phát lại các chuyên mục trên trang thông tin điện tử của Đài.\n"
              "2. Tổ chức tập huấn cho cán bộ làm công tác người cao tuổi\n"
              "Tổ chức các lớp tập huấn về nghiệp vụ chăm sóc người cao tuổi cho cán bộ cấp xã.\n")


def test_a_lettered_heading_with_its_paragraph_naming_who_chairs_has_those_agencies():
    # "a) Tổ chức chương trình …:" / "Đài … chủ trì, phối hợp với các sở, ngành liên quan tiếp tục tổ chức …": the list of
    # supports ends at "tiếp tục" (it ran to the end of the sentence); "b) …:" / a paragraph / "Đài … chủ trì, phối hợp
    # với UBND các xã xây dựng …": one task, not two paragraphs as sub-tasks.
    _, plan = draft(_year_plan(_DIALOGUES, closing="IV"))
    assert [d for d, _ in task_tree(plan)] == [0, 1, 1, 0]
    assert task_agencies(plan)[1:3] == [
        ("Tổ chức chương trình đối thoại", ["Đài Phát thanh tỉnh"], ["các sở, ngành liên quan"]),
        ("Tổ chức chương trình đối thoại", ["Đài Phát thanh tỉnh"], ["UBND các xã"])]


def _schedule(bodies: list[str]) -> str:
    rows = "".join(f"| {n} | Giải đáp kiến nghị của người cao tuổi thuộc thẩm quyền của {b} | Lãnh đạo {b} | "
                   f"Tháng {n + 2} |\n" for n, b in enumerate(bodies, 1))
    return "\n| TT | Nội dung | Trách nhiệm thực hiện | Thời gian (Năm 2026) |\n" + rows + "\n"


_TWO_SCHEDULES = ("**II. ĐỐI TƯỢNG TUYÊN TRUYỀN**\nCán bộ, công chức, viên chức và Nhân dân trên địa bàn tỉnh.\n"
                  "**III. MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG NĂM 2026**\n"
                  "1. Xây dựng các chương trình trên Đài Phát thanh tỉnh\n"
                  "a) Tổ chức chương trình đối thoại với các sở, ngành:\n"
                  "Đài Phát thanh tỉnh chủ trì, phối hợp với các sở, ngành liên quan tiếp tục tổ chức chương trình đối "
                  "thoại trực tiếp năm 2026, gồm 3 chuyên mục sau:\n"
                  + _schedule(["Sở Y tế", "Sở Tư pháp", "Sở Xây dựng"]) +
                  "b) Tổ chức chương trình đối thoại với các xã:\n"
                  "Đài Phát thanh tỉnh chủ trì, phối hợp với UBND các xã xây dựng nội dung, ghi hình chương trình năm "
                  "2026; đồng thời, phát lại các chuyên mục trên trang thông tin điện tử của Đài.\n"
                  + _schedule(["UBND xã Đức Trọng", "UBND xã Lạc Dương"]) +
                  "2. Tổ chức tập huấn cho cán bộ làm công tác người cao tuổi\n"
                  "Tổ chức các lớp tập huấn về nghiệp vụ chăm sóc người cao tuổi cho cán bộ cấp xã.\n")


def test_a_second_table_with_the_same_header_and_rows_numbered_from_one_is_read_too():
    # Two schedules "| TT | Nội dung | Trách nhiệm thực hiện | Thời gian |", the second numbered from 1 again: its
    # header was taken for the first one's, repeated at the top of a page, and its rows were left unplaced.
    _, plan = draft(_year_plan(_TWO_SCHEDULES, closing="IV"))
    leads = [lead for _, leads, _ in task_agencies(plan) for lead in leads]
    assert [x for x in leads if x.startswith("Lãnh đạo")] == [
        "Lãnh đạo Sở Y tế", "Lãnh đạo Sở Tư pháp", "Lãnh đạo Sở Xây dựng", "Lãnh đạo UBND xã Đức Trọng",
        "Lãnh đạo UBND xã Lạc Dương"]
