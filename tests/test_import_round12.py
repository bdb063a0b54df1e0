"""`plandsl import` on layouts of the sixteenth held-out set (issue #10, docs/IMPORT.md "After the sixteenth set
(no longer independent)").

Every text here was written for these tests (made-up bodies, figures and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, plan_targets, province_plan, task_agencies, task_tree as _tasks


def _province(body: str, **kwargs) -> str:
    """A made-up plan of a provincial people's committee, with ``body`` as its sections after the purpose."""
    return province_plan(body, closing="IV", **kwargs)


_agencies = task_agencies


def test_a_body_heading_gives_the_lead_of_its_chu_tri_items_and_is_no_task():
    # "1. Sở Y tế" over "a) Chủ trì, phối hợp với …" items: the heading was a task and no item had a lead. The heading
    # is no task; an item that says "Chủ trì, phối hợp với Y <does …>" has the heading's body as lead and Y as its
    # supports; "Phối hợp với X …" gives neither. A body with one paragraph is one task, the paragraph its text; a
    # body the plan asks ("Đề nghị X") leads as X. The heading is kept as each item's first note.
    result, plan = draft(_province(
        "**II. NỘI DUNG THỰC HIỆN**\n**1. Sở Y tế**\n"
        "a) Chủ trì, phối hợp với các sở, ngành, Ủy ban nhân dân xã, phường tổ chức khám sức khỏe định kỳ cho "
        "người cao tuổi;\n"
        "b) Phối hợp với Sở Tài chính bố trí kinh phí khám sức khỏe cho người cao tuổi.\n"
        "**2. Sở Nội vụ**\n"
        "Chủ trì, phối hợp với các đơn vị liên quan tham mưu kiện toàn Ban đại diện người cao tuổi tỉnh.\n"
        "**3. Đề nghị Hội Người cao tuổi tỉnh**\n"
        "Chủ trì, phối hợp với các đoàn thể triển khai phong trào người cao tuổi tham gia xây dựng nông thôn mới.\n"
        "**III. KINH PHÍ**\nKinh phí do ngân sách tỉnh bảo đảm.\n"))
    assert _tasks(plan) == [
        (0, "Chủ trì, phối hợp với các sở, ngành, Ủy ban nhân dân xã, phường tổ chức khám sức khỏe định kỳ cho "
            "người cao tuổi;"),
        (0, "Phối hợp với Sở Tài chính bố trí kinh phí khám sức khỏe cho người cao tuổi."),
        (0, "Chủ trì, phối hợp với các đơn vị liên quan tham mưu kiện toàn Ban đại diện người cao tuổi tỉnh."),
        (0, "Chủ trì, phối hợp với các đoàn thể triển khai phong trào người cao tuổi tham gia xây dựng nông thôn "
            "mới.")]
    assert [(lead, sup) for _, lead, sup in _agencies(plan)] == [
        (["Sở Y tế"], ["các sở, ngành", "Ủy ban nhân dân xã, phường"]), ([], []),
        (["Sở Nội vụ"], ["các đơn vị liên quan"]), (["Hội Người cao tuổi tỉnh"], ["các đoàn thể"])]
    assert "# Sở Y tế" in result.text and "# Đề nghị Hội Người cao tuổi tỉnh" in result.text


def test_a_bare_chu_tri_phoi_hop_over_dash_items_leads_each_item():
    # "a) Chủ trì, phối hợp" alone over "- Sở A và các đơn vị có liên quan tham mưu …" items: it was a task over them.
    # It is no task: each item is, with the heading's body as lead and the bodies it opens with as supports.
    _, plan = draft(_province(
        "**II. NỘI DUNG THỰC HIỆN**\n*1. Công an tỉnh*\n"
        "a) Chủ trì, phối hợp\n"
        "- Sở Tài chính và các đơn vị có liên quan tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện.\n"
        "- Sở Xây dựng, Sở Nội vụ tổ chức rà soát trụ sở làm việc của Ban đại diện người cao tuổi.\n"
        "b) Hướng dẫn các địa phương triển khai kế hoạch này.\n"
        "**III. KINH PHÍ**\nKinh phí do ngân sách tỉnh bảo đảm.\n"))
    assert _tasks(plan) == [
        (0, "Sở Tài chính và các đơn vị có liên quan tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện."),
        (0, "Sở Xây dựng, Sở Nội vụ tổ chức rà soát trụ sở làm việc của Ban đại diện người cao tuổi."),
        (0, "Hướng dẫn các địa phương triển khai kế hoạch này.")]
    assert [(lead, sup) for _, lead, sup in _agencies(plan)] == [
        (["Công an tỉnh"], ["Sở Tài chính", "các đơn vị có liên quan"]),
        (["Công an tỉnh"], ["Sở Xây dựng", "Sở Nội vụ"]), ([], [])]


def test_the_words_before_phoi_hop_are_no_support_when_they_say_what_is_done():
    # "- Tổ chức thực hiện có hiệu quả các chương trình phối hợp …": "Tổ chức" opens like a body, and the words before
    # "phối hợp" were taken as a support. They say what is done: no support. Bodies whose own verb is "phối hợp" still
    # are ("Các sở, ngành chủ động phối hợp …").
    _, plan = draft(_province(
        "**II. NỘI DUNG THỰC HIỆN**\n**1. Đề nghị Hội Cựu chiến binh tỉnh**\n"
        "- Tổ chức thực hiện có hiệu quả các chương trình phối hợp chăm sóc người cao tuổi; tăng cường tuyên truyền "
        "trong hội viên.\n"
        "- Các sở, ngành chủ động phối hợp với Hội trong việc thăm hỏi người cao tuổi.\n"
        "**III. KINH PHÍ**\nKinh phí do ngân sách tỉnh bảo đảm.\n"))
    assert [(lead, sup) for _, lead, sup in _agencies(plan)] == [([], []), ([], ["Các sở, ngành"])]


_targets = plan_targets


def test_a_target_section_numbered_inside_the_content_section_gives_objectives():
    # "II. NỘI DUNG TRỌNG TÂM" / "1. …" / "2. Chỉ tiêu chủ yếu đến năm 2030" / "2.1. Trên 80% …": the target
    # section's items were tasks and no objective. They are objectives with the heading's year; the content goes on
    # as tasks at the next section.
    _, plan = draft(_province(
        "**II. NỘI DUNG TRỌNG TÂM**\n**1. Tổ chức quán triệt Chỉ thị đến cán bộ, công chức.**\n"
        "**2. Chỉ tiêu chủ yếu đến năm 2030**\n"
        "*2.1. *Trên 80% người cao tuổi được khám sức khỏe định kỳ.\n"
        "*2.2. *Phấn đấu 100% xã, phường có câu lạc bộ người cao tuổi.\n"
        "**III. NHIỆM VỤ, GIẢI PHÁP**\n**1. Tăng cường công tác tuyên truyền về người cao tuổi.**\n"))
    assert [text for _, text in _tasks(plan)] == ["Tổ chức quán triệt Chỉ thị đến cán bộ, công chức.",
                                                   "Tăng cường công tác tuyên truyền về người cao tuổi."]
    assert sorted(_targets(plan)) == [(2030, 80.0, ">="), (2030, 100.0, ">=")]


def test_a_line_cut_after_phan_dau_or_a_law_s_kind_goes_on():
    # "*2.2. *Phấn đấu" / "100% xã, phường …" and "… theo quy định của Luật" / "Người cao tuổi; trên 70% …": the copy
    # wrapped the sentence there; each line was an item of its own (the label "Phấn đấu" an objective with no figure).
    _, plan = draft(_province(
        "**II. NỘI DUNG TRỌNG TÂM**\n**1. Tổ chức quán triệt Chỉ thị đến cán bộ, công chức.**\n"
        "**2. Chỉ tiêu chủ yếu đến năm 2030**\n"
        "*2.1. *Phấn đấu\n100% xã, phường có câu lạc bộ người cao tuổi.\n"
        "*2.2. *Trên 90% người cao tuổi được chăm sóc theo quy định của Luật\n"
        "Người cao tuổi; trên 70% người cao tuổi có thẻ bảo hiểm y tế.\n"
        "**III. NHIỆM VỤ, GIẢI PHÁP**\n**1. Tăng cường công tác tuyên truyền về người cao tuổi.**\n"))
    assert [o.text for o in plan.objectives] == [
        "Phấn đấu 100% xã, phường có câu lạc bộ người cao tuổi.",
        "Trên 90% người cao tuổi được chăm sóc theo quy định của Luật Người cao tuổi.",
        "Trên 70% người cao tuổi có thẻ bảo hiểm y tế."]


def test_a_clause_with_its_own_year_after_hang_nam_is_a_level_of_that_year():
    # "Hằng năm, giảm …; phấn đấu đến năm 2030 đạt ít nhất 50% …": "hằng năm" made every figure of the sentence a
    # level held every year, and with no period known none was written. The clause that names its own year is a
    # level of that year; the yearly clause gives none.
    _, plan = draft(_province(
        "**II. NỘI DUNG TRỌNG TÂM**\n**1. Tổ chức quán triệt Chỉ thị đến cán bộ, công chức.**\n"
        "**2. Chỉ tiêu chủ yếu đến năm 2030**\n"
        "*2.1. *Hằng năm, giảm số người cao tuổi không nơi nương tựa; phấn đấu đến năm 2030 đạt ít nhất 50% số xã "
        "có nhà sinh hoạt cộng đồng cho người cao tuổi.\n"
        "**III. NHIỆM VỤ, GIẢI PHÁP**\n**1. Tăng cường công tác tuyên truyền về người cao tuổi.**\n"))
    assert _targets(plan) == [(2030, 50.0, ">=")]


def test_a_dash_list_that_names_projects_or_matters_to_decide_is_content():
    # "c) Tổ chức triển khai các dự án …:" over "- Dự án 1: “…”." lines, and "a) Tham mưu … trình Hội đồng nhân dân
    # tỉnh quyết định:" over "- Phương án …", "- Mức …" lines: each line was a sub-task. They name what is carried out
    # or decided: the item's content (its notes). A list of actions under such an item stays sub-tasks.
    result, plan = draft(_province(
        "**II. NỘI DUNG THỰC HIỆN**\n**1. Sở Y tế**\n"
        "a) Tham mưu Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh quyết định:\n"
        "- Phương án hỗ trợ kinh phí khám sức khỏe cho người cao tuổi giai đoạn 2026 - 2030.\n"
        "- Mức hỗ trợ từ ngân sách tỉnh (nếu có).\n"
        "b) Tổ chức triển khai các dự án do Bộ Y tế chủ trì trên địa bàn tỉnh:\n"
        "- Dự án 1: “Chăm sóc sức khỏe ban đầu cho người cao tuổi”.\n"
        "- Dự án 3: “Phục hồi chức năng tại cộng đồng”.\n"
        "c) Hướng dẫn các xã, phường:\n- Lập danh sách người cao tuổi cần chăm sóc.\n- Báo cáo kết quả hằng quý.\n"
        "**III. KINH PHÍ**\nKinh phí do ngân sách tỉnh bảo đảm.\n"))
    assert [(depth, text[:40]) for depth, text in _tasks(plan)] == [
        (0, "Tham mưu Ủy ban nhân dân tỉnh trình Hội "), (0, "Tổ chức triển khai các dự án do Bộ Y tế "),
        (0, "Hướng dẫn các xã, phường"), (1, "Lập danh sách người cao tuổi cần chăm só"),
        (1, "Báo cáo kết quả hằng quý.")]
    assert "# Dự án 1: “Chăm sóc sức khỏe ban đầu cho người cao tuổi”." in result.text
    assert "# Mức hỗ trợ từ ngân sách tỉnh (nếu có)." in result.text


def test_a_copy_wrapped_at_a_width_is_read_so_though_a_few_lines_are_longer():
    # A long Markdown copy hard-wrapped near 80 columns, where joining emphasis marks ("**20%" / "**xã …") made a few lines
    # far longer: the width was taken from the longest line, so none was found, and a line wrapped before a
    # capitalised name ("… của Bộ đội" / "Biên phòng, …") became an item of its own. The width is the lines'
    # usual one; the name goes on.
    import textwrap

    from plandsl.importer.webcopy import wrap_width

    para = ("Tăng cường phối hợp giữa các lực lượng chuyên trách chăm sóc người cao tuổi của Hội Chữ thập đỏ, "
            "Hội Liên hiệp Phụ nữ và các tổ chức thiện nguyện trên địa bàn tỉnh; hoàn thiện cơ chế phối hợp liên "
            "ngành, phân công rõ nhiệm vụ của từng cơ quan, thống nhất quy trình tiếp nhận, giải quyết kiến nghị "
            "của người cao tuổi; nâng cao chất lượng dịch vụ chăm sóc tại cộng đồng.")
    lines = textwrap.wrap(para, 79)
    long_line = "Phấn đấu đạt 20% xã, phường có mô hình câu lạc bộ liên thế hệ tự giúp nhau năm 2026, bảo đảm đến hết " \
                "năm 2030 đạt 50% xã, phường có mô hình này theo lộ trình được giao."
    assert wrap_width([*lines * 6, long_line]) == max(len(line) for line in lines)
    cut = ("1. Tăng cường phối hợp giữa các lực lượng chuyên trách chăm sóc người cao tuổi của Hội\n"
           "Chữ thập đỏ, Hội Liên hiệp Phụ nữ và các tổ chức thiện nguyện trên địa bàn tỉnh.\n")
    _, plan = draft(_province("**II. NHIỆM VỤ, GIẢI PHÁP**\n" + "\n\n".join(["\n".join(lines)] * 6) + "\n\n" + long_line
                              + "\n\n" + cut))
    assert "1. Tăng cường" not in str([t for _, t in _tasks(plan)])  # (the item's mark is read, not kept)
    assert any(t.startswith("Tăng cường phối hợp") and t.endswith("Hội Chữ thập đỏ, Hội Liên hiệp Phụ nữ và các tổ "
                                                                   "chức thiện nguyện trên địa bàn tỉnh.")
               for _, t in _tasks(plan))


def test_paragraphs_after_an_item_that_is_a_whole_paragraph_are_its_content():
    # "1.1. Tiếp tục … (a whole paragraph)." / "Nâng cao …" / "Tổ chức …" (paragraphs without a mark) / "1.2. …": the
    # paragraphs were sub-tasks of 1.1. They go on with what 1.1 says: its content (notes). Paragraphs under an item
    # that is a title, not a paragraph ("1.3. Công tác tuyên truyền"), are still its tasks.
    result, plan = draft(_province(
        "**II. NHIỆM VỤ, GIẢI PHÁP**\n**1. Nhiệm vụ, giải pháp tổng thể**\n\n"
        "*1.1. *Tiếp tục tăng cường sự lãnh đạo của cấp ủy, chính quyền các cấp đối với công tác người cao tuổi; "
        "xác định chăm sóc người cao tuổi là nhiệm vụ của cả hệ thống chính trị và toàn xã hội.\n\n"
        "Nâng cao nhận thức của toàn dân về chăm sóc, phát huy vai trò người cao tuổi trong gia đình và cộng đồng.\n\n"
        "Tổ chức truyền thông sâu rộng về chính sách đối với người cao tuổi trên các phương tiện thông tin.\n\n"
        "*1.2. *Nâng cao chất lượng hoạt động của Hội Người cao tuổi các cấp.\n\n"
        "*1.3. *Công tác tuyên truyền\n\n"
        "Phổ biến chính sách đối với người cao tuổi đến từng khu dân cư.\n\n"
        "Biểu dương người cao tuổi tiêu biểu hằng năm.\n\n"
        "**III. KINH PHÍ**\nKinh phí do ngân sách tỉnh bảo đảm.\n"))
    assert [(depth, text[:30]) for depth, text in _tasks(plan)] == [
        (0, "Tiếp tục tăng cường sự lãnh đạ"), (0, "Nâng cao chất lượng hoạt động "), (0, "Công tác tuyên truyền"),
        (1, "Phổ biến chính sách đối với ng"), (1, "Biểu dương người cao tuổi tiêu")]
    assert "# Nâng cao nhận thức của toàn dân" in result.text


def test_a_monitoring_plan_s_methods_and_steps_are_tasks():
    # "IV. PHƯƠNG PHÁP, CÁC BƯỚC GIÁM SÁT, ĐÁNH GIÁ" / "1. Phương pháp" / "- Thu thập …" / "2. Các bước giám sát" / …:
    # the section was no zone the importer knew, so every line was a line not placed. It is the plan's work: tasks.
    result, plan = draft(_province(
        "**II. NỘI DUNG GIÁM SÁT**\n**1. Giám sát việc chi trả trợ cấp cho người cao tuổi.**\n"
        "**III. PHƯƠNG PHÁP, CÁC BƯỚC GIÁM SÁT, ĐÁNH GIÁ**\n**1. Phương pháp**\n"
        "- Thu thập báo cáo của các xã, phường về chi trả trợ cấp.\n- Khảo sát thực tế tại địa phương.\n"
        "**2. Các bước giám sát**\n- Cấp tỉnh\n+ Thông báo kế hoạch giám sát cho địa phương.\n"
        "+ Tiến hành giám sát theo kế hoạch.\n"))
    texts = [text for _, text in _tasks(plan)]
    assert texts[:4] == ["Giám sát việc chi trả trợ cấp cho người cao tuổi.", "Phương pháp",
                         "Thu thập báo cáo của các xã, phường về chi trả trợ cấp.", "Khảo sát thực tế tại địa phương."]
    assert "Các bước giám sát" in texts and "Tiến hành giám sát theo kế hoạch." in texts
    assert not [line for line in result.text.splitlines() if "not placed" in line and ("Phương pháp" in line or
                                                                                      "Khảo sát" in line)]


def test_a_label_over_lines_naming_what_is_followed_is_no_task():
    # "- Nội dung giám sát của Sở" / "+ Nội dung theo dõi" / "Tình hình …" / "Việc …": the label and the lines under
    # it were one task ("Nội dung theo dõi Tình hình …"). The lines name what is followed, not actions: the label is
    # no task; label and lines are the content of the item above.
    result, plan = draft(_province(
        "**II. NỘI DUNG GIÁM SÁT**\n**1. Nội dung giám sát**\n- Nội dung giám sát của Sở Y tế\n"
        "+ Nội dung theo dõi\n\nTình hình chi trả trợ cấp cho người cao tuổi.\n\n"
        "Việc lập danh sách người cao tuổi được hưởng trợ cấp.\n\n"
        "+ Nội dung kiểm tra\n\nViệc quản lý kinh phí chi trả trợ cấp cho người cao tuổi.\n\n"
        "**2. Báo cáo kết quả giám sát về Ủy ban nhân dân tỉnh.**\n"))
    texts = [text for _, text in _tasks(plan)]
    assert not [t for t in texts if t.startswith("Nội dung theo dõi") or t.startswith("Nội dung kiểm tra")]
    assert "Nội dung giám sát của Sở Y tế" in texts
    assert "# Nội dung theo dõi: Tình hình chi trả trợ cấp cho người cao tuổi." in result.text
