"""`plandsl import` on target shapes found across the held-out sets after the twelfth (issue #10, docs/IMPORT.md
"After the twelfth set, targets (no longer independent)").

Every text here was written for these tests (made-up bodies and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft


def _plan(objectives: str) -> str:
    # A made-up provincial plan for 2026-2030 whose specific objectives are ``objectives``.
    return ("ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH AN\nSố: 71/KH-UBND\nHòa Bình An, ngày 5 tháng 3 năm 2026\n"
            "KẾ HOẠCH\nChuyển đổi số trong cải cách hành chính giai đoạn 2026 - 2030\n"
            "I. MỤC TIÊU\n1. Mục tiêu chung\nNâng cao chất lượng phục vụ người dân, doanh nghiệp.\n"
            "2. Mục tiêu cụ thể\n" + objectives +
            "II. NHIỆM VỤ, GIẢI PHÁP\n1. Rà soát quy trình giải quyết thủ tục hành chính.\n")


def _review_above(text: str, objective_id: str) -> str:
    """The review comment written right above an objective of the draft ("" when there is none)."""
    lines = text.splitlines()
    above = lines[next(i for i, line in enumerate(lines) if f"objective {objective_id} " in line) - 1].strip()
    return above if above.startswith("# review:") else ""


def _targets(plan) -> list[tuple]:
    return sorted((t.phase, float(t.value), t.comparator.value if t.comparator else None)
                  for o in plan.objectives for t in o.targets)


def test_figures_quoted_from_another_documents_goal_are_no_target():
    # Nghị quyết 175's "… theo mục tiêu quốc gia “Đến năm 2025, kinh tế số Việt Nam đạt khoảng 20% GDP … Đến năm 2030,
    # kinh tế số chiếm 30% GDP”" (after the twelfth set, NOT independent) had given two targets (2025 >= 20%, 2030 >=
    # 30%): the figures are the national goal the plan quotes, not its own. The plan's own figure is still read.
    result, plan = draft(_plan(
        "- Đến năm 2030, 95% hồ sơ thủ tục hành chính được xử lý trực tuyến.\n"
        "- Góp phần phát triển kinh tế số của tỉnh theo mục tiêu quốc gia “Đến năm 2025, kinh tế số đạt khoảng 20% "
        "GDP. Đến năm 2030, kinh tế số chiếm 30% GDP”.\n"))
    assert _targets(plan) == [(2030, 95.0, ">=")]
    quoted = next(o for o in plan.objectives if "mục tiêu quốc gia" in o.text)
    assert not quoted.targets and "kinh tế số chiếm 30% GDP" in quoted.text
    assert "'theo mục tiêu …'" in _review_above(result.text, quoted.id)


def test_a_paragraph_of_sentences_each_with_its_own_figure_and_year():
    # Nghị quyết 175's "Đến năm 2025, tối thiểu 80% hồ sơ … . Cắt giảm tối thiểu 20% … so với hiện nay. Mức độ hài lòng …
    # đạt tối thiểu 90%. Đến năm 2030, 90% … . Mức độ hài lòng … đạt tối thiểu 95%." (after the twelfth set, NOT
    # independent) had been one objective with no target. Each sentence is read with the year the paragraph last
    # opened a sentence with; the same wording under a later year is the same objective's second target; a sentence
    # whose figure is not read keeps its review.
    result, plan = draft(_plan(
        "- Đến năm 2028, tối thiểu 70% hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến. Giảm 10% thời gian "
        "giải quyết thủ tục so với hiện nay. Tỷ lệ hài lòng của người dân về giải quyết thủ tục hành chính đạt tối "
        "thiểu 85%. Đến năm 2030, 80% người dân có tài khoản định danh điện tử mức độ 2. Tỷ lệ hài lòng của người "
        "dân về giải quyết thủ tục hành chính đạt tối thiểu 92%.\n"))
    assert _targets(plan) == [(2028, 70.0, ">="), (2028, 85.0, ">="), (2030, 80.0, ">="), (2030, 92.0, ">=")]
    satisfaction = next(o for o in plan.objectives if o.text.startswith("Tỷ lệ hài lòng"))
    assert [(t.phase, int(t.value)) for t in satisfaction.targets] == [(2028, 85), (2030, 92)]
    fewer = next(o for o in plan.objectives if o.text.startswith("Giảm 10% thời gian"))
    assert not fewer.targets and _review_above(result.text, fewer.id)


def test_a_paragraph_whose_sentences_name_years_inside_is_read_whole():
    # Not cut into sentences when a sentence names a year after its opening: which figure the year is for stays the
    # clause reader's to say (here: the first figure's, as before).
    _result, plan = draft(_plan(
        "- Tối thiểu 70% hồ sơ được xử lý trực tuyến vào năm 2028. Tỷ lệ hài lòng đạt tối thiểu 85%.\n"))
    assert len([o for o in plan.objectives if o.targets]) == 1


def test_counts_of_enterprises_and_deals_are_floors_without_a_unit():
    # Quyết định 982's "Phấn đấu có tối thiểu 5.000 doanh nghiệp … với tốc độ tăng trưởng bình quân đạt tối thiểu
    # 30%/năm", "Có 05 doanh nghiệp …", "tối thiểu 25 thương vụ …" and, under its vision, "… là một trong những trung
    # tâm … . Có tối thiểu 10 doanh nghiệp …" (after the eleventh set, NOT independent) gave no target: counts of
    # enterprises and deals, units the plan language lacks, are floors written without a unit (reviewed); a yearly
    # growth beside the count is still no target; "những" in an earlier sentence does not make the count one per unit.
    result, plan = draft(_plan(
        "a) Đến năm 2030\n"
        "- Phấn đấu có tối thiểu 300 doanh nghiệp chế biến nông sản tham gia chuỗi giá trị, với tốc độ tăng trưởng "
        "bình quân đạt tối thiểu 12%/năm.\n"
        "- Phấn đấu có 40 doanh nghiệp có doanh thu xuất khẩu đạt 2 triệu USD/năm. Có 04 doanh nghiệp có doanh thu "
        "xuất khẩu đạt tối thiểu 10 triệu USD/năm.\n"
        "- Thực hiện thành công tối thiểu 15 thương vụ liên doanh với đối tác nước ngoài.\n"
        "b) Tầm nhìn đến 2035\n"
        "- Tỉnh trở thành một trong những trung tâm chế biến nông sản của vùng. Có tối thiểu 8 doanh nghiệp đạt "
        "chuẩn quốc tế.\n"))
    assert _targets(plan) == [(2030, 4.0, ">="), (2030, 15.0, ">="), (2030, 40.0, ">="), (2030, 300.0, ">="),
                              (2035, 8.0, ">=")]
    assert all(o.unit is None and not any(t.percent for t in o.targets) for o in plan.objectives if o.targets)
    assert "12%/năm" in result.text and "target 2030 >= 12" not in result.text


def test_the_same_level_in_each_year_of_a_table_is_a_target_a_year():
    # Quyết định 2954's appendix rows whose five yearly figures are equal ("Sản phẩm Dệt may | Nghìn USD | 600.000 |
    # 600.000 | …", after the seventh set, NOT independent) were written as one level held 2026..2030 (`maintain`),
    # though the table writes each year's and nothing says "duy trì". Each year's cell is now a target, as in a row
    # whose figures differ; a level restated in three phases is still held (the earlier sets).
    row = lambda cells: "| " + " | ".join(cells) + " |\n"
    text = _plan("- Đến năm 2030, 95% hồ sơ thủ tục hành chính được xử lý trực tuyến.\n") + (
        "PHỤ LỤC\nCHỈ TIÊU XUẤT KHẨU CỦA TỈNH\n"
        + row(["TT", "Chỉ tiêu", "Đơn vị", "Năm 2026", "Năm 2027", "Năm 2028", "Năm 2029", "Năm 2030"])
        + row(["---"] * 8)
        + row(["1", "Giá trị xuất khẩu hàng dệt may", "Nghìn USD", "6.000", "6.000", "6.000", "6.000", "6.000"])
        + row(["2", "Giá trị xuất khẩu cà phê", "Nghìn USD", "7.000", "7.500", "8.000", "8.500", "9.000"]))
    _result, plan = draft(text)
    textiles = next(o for o in plan.objectives if "dệt may" in o.text)
    assert [(t.phase, int(t.value), t.maintain) for t in textiles.targets] == [
        (year, 6_000_000, False) for year in range(2026, 2031)]
    coffee = next(o for o in plan.objectives if "cà phê" in o.text)
    assert [int(t.value) for t in coffee.targets] == [7_000_000, 7_500_000, 8_000_000, 8_500_000, 9_000_000]


def test_a_year_stated_at_the_figure_is_the_targets_year():
    # Made-up shapes (a probe of common wordings after the twelfth set): "… năm 2027 đạt 70%, năm 2030 đạt 90%" and
    # "đạt 40% (năm 2028)" had been written for the plan's last year (2030 >= 70%, 2030 >= 40%: wrong values), the
    # other figures of the sentence left to a review. A figure stated for a year before the plan's period is where it
    # starts from: no target.
    result, plan = draft(_plan(
        "- Tỷ lệ hồ sơ được số hóa năm 2027 đạt 70%, năm 2030 đạt 90%.\n"
        "- Tỷ lệ thủ tục hành chính được cung cấp trực tuyến toàn trình đạt 40% (năm 2028).\n"
        "- Tỷ lệ người dân có tài khoản định danh điện tử năm 2025 đạt 60%.\n"))
    assert _targets(plan) == [(2027, 70.0, ">="), (2028, 40.0, ">="), (2030, 90.0, ">=")]
    before = next(o for o in plan.objectives if "định danh" in o.text)
    assert not before.targets and "2025" in _review_above(result.text, before.id)


def test_a_phase_that_opens_a_clause_is_its_targets_phase():
    # A made-up shape (the probe after the twelfth set): "Giai đoạn 2026 - 2028: 60% …; giai đoạn 2029 - 2030: 80% …"
    # had given both figures to the plan's last year (2030 >= 60%: a wrong value). A clause that opens with the
    # plan's whole period keeps the period's last year, and no phase is added for it.
    _result, plan = draft(_plan(
        "- Giai đoạn 2026 - 2028: 60% xã có điểm phục vụ dịch vụ công trực tuyến; giai đoạn 2029 - 2030: 85% xã có "
        "điểm phục vụ dịch vụ công trực tuyến.\n"
        "- Giai đoạn 2026 - 2030: 100% cán bộ một cửa được bồi dưỡng kỹ năng số.\n"))
    assert {(p.start, p.end) for p in plan.phases} == {(2026, 2028), (2029, 2030)}
    ends = {p.id: p.end for p in plan.phases}
    got = sorted((ends.get(t.phase, t.phase), int(t.value)) for o in plan.objectives for t in o.targets)
    assert got == [(2028, 60), (2030, 85), (2030, 100)]


def test_a_bare_year_after_each_figure_is_its_year():
    # A made-up shape (the probe after the twelfth set): "Phấn đấu 95% … năm 2028 và 98% năm 2030" had given 2030 >=
    # 95% (a wrong value) and left 98% to a review. Each figure takes the one bare year between it and the next, when
    # that year is in the plan's period; a year outside it (a document's) leaves the sentence as before.
    _result, plan = draft(_plan(
        "- Phấn đấu 95% người dân có tài khoản định danh điện tử năm 2028 và 98% năm 2030.\n"
        "- Phấn đấu 90% hồ sơ được số hóa theo Nghị quyết số 12 năm 2021.\n"))
    assert _targets(plan) == [(2028, 95.0, ">="), (2030, 90.0, ">="), (2030, 98.0, ">=")]


def test_a_figure_for_a_year_before_the_period_inside_an_item_is_no_target():
    # A made-up shape (the probe after the twelfth set): "Đến năm 2030, … đạt 80% (năm 2025 đạt 70%)" in a plan for
    # 2026 - 2030 had also given 2025 >= 70% (`item_targets`, made for "năm 2018 đạt 99%" inside a plan's own years):
    # the plan's starting point, a wrong value. It stays in the review; a year inside the period is still read.
    result, plan = draft(_plan(
        "- Đến năm 2030, tỷ lệ hồ sơ được số hóa đạt 80% (năm 2025 đạt 55%).\n"
        "- Đến năm 2030, tỷ lệ thanh toán trực tuyến đạt 70%, năm 2028 đạt 60%.\n"))
    assert _targets(plan) == [(2028, 60.0, ">="), (2030, 70.0, ">="), (2030, 80.0, ">=")]
    assert any("# review:" in line and "55%" in line for line in result.text.splitlines())


def test_sentences_that_name_their_own_years_are_read_one_at_a_time():
    # A made-up shape (the probe after the twelfth set): "… đạt 75% năm 2028. Tỷ lệ … dưới 3% năm 2030." had been one
    # objective holding both figures (the second indicator's ceiling under the first's wording). Each sentence that
    # names its own year is now its own objective; a sentence without a year after one that named a year inside it
    # still leaves the paragraph whole (the test above).
    _result, plan = draft(_plan(
        "- Tỷ lệ hồ sơ được số hóa đạt 75% năm 2028. Tỷ lệ hồ sơ trễ hạn dưới 3% năm 2030.\n"))
    got = sorted((o.text.split(" đạt")[0].split(" dưới")[0], [(t.phase, int(t.value)) for t in o.targets])
                 for o in plan.objectives if o.targets)
    assert got == [("Tỷ lệ hồ sơ trễ hạn", [(2030, 3)]), ("Tỷ lệ hồ sơ được số hóa", [(2028, 75)])]


def test_a_count_for_each_of_two_years_with_its_words_said_again():
    # A made-up shape (the probe after the twelfth set): "Đào tạo nghề cho 3.000 lao động vào năm 2028 và 5.000 lao
    # động vào năm 2030" had given only 2028 >= 3000: the second count repeats its words, and words lead the first.
    _result, plan = draft(_plan("- Đào tạo nghề cho 3.000 lao động vào năm 2028 và 5.000 lao động vào năm 2030.\n"))
    assert _targets(plan) == [(2028, 3000.0, ">="), (2030, 5000.0, ">=")]
    assert [o.unit.name for o in plan.objectives if o.targets] == ["PEOPLE"]


def test_a_level_due_before_a_year_is_no_target():
    # A made-up shape (the probe after the twelfth set): "100% … trước năm 2028" had been written for the plan's last
    # year (2030 >= 100%: too late, a wrong value). Before 2028 may mean by the end of 2027 or in 2028: no target, and
    # a review says why.
    result, plan = draft(_plan("- 100% cơ sở dữ liệu chuyên ngành được kết nối với cổng dữ liệu của tỉnh trước năm "
                               "2028.\n"))
    assert _targets(plan) == []
    assert "trước năm 2028" in _review_above(result.text, plan.objectives[0].id)
