"""`plandsl import` on shapes the thirteenth held-out set left (issue #10, brief h11b): a gazette's task table copied
one cell a line, each cell wrapped over narrow lines.

Every text here was written for these tests (made-up bodies, tasks and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import GAZETTE_TASK_HEAD, draft, gazette_resolution, task_tree as _tasks

_HEAD = GAZETTE_TASK_HEAD
_resolution = gazette_resolution


_TABLE = _resolution(
    _HEAD +
    "1\nRà soát, cập nhật danh mục tài liệu số\ncủa các thư viện công cộng trên cả\nnước\n"
    "Các bộ,\ncơ quan ngang bộ\nBộ Văn hóa\nBáo cáo\nrà soát\nThường\nxuyên\nNghị quyết\nsố 12-\nNQ/TW1\n"
    "2\nXây dựng cơ sở dữ liệu dùng chung về\nsách điện tử cho trường học\n"
    "Các bộ,\ncơ quan ngang bộ  Bộ Giáo dục\nCơ sở dữ liệu\nđược vận hành\nTháng\n6/2026\nNghị quyết\nsố 12-\nNQ/TW\n"
    "3  Hoàn thiện quy định về bản quyền\ntài liệu số trong thư viện\n"
    "Bộ Văn hóa (đối\nvới các nội dung\nvề thư viện)\nCác bộ,\nngành,\nUBND tỉnh,\nthành phố\n"
    "Báo cáo chuyên\nđề được trình\nTháng\n5/2026\nNghị quyết\nsố 12-\nNQ/TW\n"
    "1 Nghị quyết số 12-NQ/TW ngày 01/02/2026 của Bộ Chính trị về phát triển văn hóa đọc trong kỷ nguyên mới.\n"
    "\nCÔNG BÁO/Số 120/Ngày 20-03-2026\n32\n\n" + _HEAD +
    "Bộ Tư pháp (đối\nvới các nội dung\nvề bản quyền)\nBáo cáo kết quả\nđược trình\nTháng\n11/2026\n"
    "Nghị quyết\nsố 12-\nNQ/TW\n"
    "4\nTổ chức Ngày hội đọc sách toàn quốc\nnăm 2026\nBộ Văn hóa\nBộ Tài\nchính\nNgày hội được\ntổ chức\n2026\n"
    "Nghị quyết\nsố 12-\nNQ/TW\n")


def _agencies(task) -> tuple[list[str], list[str]]:
    return [a.name for a in task.leads], [a.name for a in task.supports]


def test_a_gazette_task_table_one_cell_a_line_gives_its_tasks_leads_and_supports():
    # Joined as sentences, the table's narrow cells ran into each other ("Các bộ, cơ quan ngang bộ Bộ Giáo dục"),
    # and nothing of it was read. Each row is its task, its lead and its supports; a row's second sub-row after a
    # page break adds its lead; a qualifier "(đối với …)" is no part of the lead's name; the footnote stays a line.
    result, plan = draft(_TABLE)
    assert [t for _d, t in _tasks(plan)] == [
        "Rà soát, cập nhật danh mục tài liệu số của các thư viện công cộng trên cả nước",
        "Xây dựng cơ sở dữ liệu dùng chung về sách điện tử cho trường học",
        "Hoàn thiện quy định về bản quyền tài liệu số trong thư viện",
        "Tổ chức Ngày hội đọc sách toàn quốc năm 2026"]
    t1, t2, t3, t4 = plan.tasks
    assert _agencies(t1) == (["Các bộ, cơ quan ngang bộ"], ["Bộ Văn hóa"])
    assert _agencies(t2) == (["Các bộ, cơ quan ngang bộ"], ["Bộ Giáo dục"])
    assert _agencies(t3) == (["Bộ Văn hóa", "Bộ Tư pháp"],
                                                   ["Các bộ, ngành", "UBND tỉnh, thành phố"])
    assert _agencies(t4) == (["Bộ Văn hóa"], ["Bộ Tài chính"])
    assert "Tháng 6/2026" in str(t2.due)
    assert "đối với các nội dung về thư viện" in result.text  # the qualifier kept as a note
    assert "not placed" in result.text and "1 Nghị quyết số 12-NQ/TW ngày 01/02/2026" in result.text


_INDICATORS = "TT\nCHỈ TIÊU\nMỤC TIÊU\n2026 - 2030\nCƠ QUAN CHỦ\nTRÌ, THEO DÕI\nCƠ QUAN\nPHỐI HỢP\n"


def test_an_indicator_row_given_as_a_range_or_a_rank_is_named_in_a_review():
    # An indicator table's range ("30 - 35") or rank ("Thuộc nhóm" / "5 nước dẫn đầu") sets no target, since a target
    # is one figure (at least, at most or exactly) and the table writes neither a floor nor a ceiling; the rows were
    # only lines not placed among many. The draft now says at its top which rows those are, with their lines; a
    # growth given as a range ("Tốc độ tăng …" / "8 - 9") is no target whatever its value and is not named.
    result, plan = draft(_resolution(
        "Phụ lục I\nCÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026 - 2030\n" + _INDICATORS +
        "1\nTốc độ tăng số bạn đọc bình quân/năm (%)\n8 - 9\nBộ Văn hóa\nCác bộ, cơ quan.\n"
        "2\nTỉ lệ thư viện số hóa tài liệu (%)\n30 - 35\nBộ Văn hóa\nCác địa phương.\n"
        "3\nChỉ số đọc sách đến năm\n2030\nThuộc nhóm\n5 nước dẫn\nđầu khu vực\nBộ Văn hóa\nCác bộ, cơ quan.\n"
        "4\nTỉ lệ trường học có thư viện đạt chuẩn (%)\n> 80\nBộ Giáo dục\nCác địa phương.\n"))
    assert [(float(t.value), t.comparator.value) for o in plan.objectives for t in o.targets] == [(80.0, ">=")]
    review = next(line for line in result.text.splitlines() if "range or a rank" in line)
    assert review.startswith("# review:") and "'30 - 35' (line " in review and "'Thuộc nhóm' (line " in review
    assert "8 - 9" not in review
