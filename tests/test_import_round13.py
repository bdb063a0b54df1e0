"""`plandsl import` on shapes the thirteenth held-out set still left (issue #10, brief h11d): a gazette's task table
copied one cell a line whose rows run over a page (the header printed again, the cut cells going on under it).

Every text here was written for these tests (made-up bodies, tasks and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import GAZETTE_TASK_HEAD, draft, gazette_resolution, task_tree as _tasks

_HEAD = GAZETTE_TASK_HEAD


def _page(n: int) -> str:
    return f"\nCÔNG BÁO/Số 120/Ngày 20-03-2026\n{n}\n\n" + _HEAD


def _resolution(appendix: str) -> str:
    """A made-up government resolution adding tasks to a programme, its appendix table ``appendix`` under the header."""
    return gazette_resolution(_HEAD + appendix)


_FIRST = ("1\nRà soát, cập nhật danh mục tài liệu số\ncủa các thư viện công cộng trên cả\nnước\n"
          "Bộ Văn hóa\nCác bộ,\ncơ quan ngang bộ\nBáo cáo\nrà soát\nThường\nxuyên\nNghị quyết\nsố 12-\nNQ/TW\n")


def _agencies(task) -> tuple[list[str], list[str]]:
    return [a.name for a in task.leads], [a.name for a in task.supports]


def test_a_support_cell_cut_by_a_page_goes_on_under_the_repeated_header():
    # The supports' cell "Đài Truyền hình Việt Nam, Thông tấn xã" ends the page; "Việt Nam" / "và các bộ," / … goes
    # on under the header on the next page, then the basis' second line. The draft wrote the cut name "Thông tấn xã"
    # and put "Việt Nam và các bộ, ngành, UBND tỉnh, thành phố" into the basis note.
    text = _resolution(
        _FIRST +
        "2\nPhát sóng chuyên mục “Thư viện số” trên\ncác kênh truyền hình quốc gia\nBộ Văn hóa\n"
        "Đài Truyền\nhình Việt\nNam, Thông\ntấn xã\nCác số\nđược phát sóng\nThường\nxuyên\nNghị quyết\nsố 12-\n"
        "NQ/TW," + _page(32) +
        "Việt Nam\nvà các bộ,\nngành,\nUBND tỉnh,\nthành phố\nNghị quyết số\n15/NQ-CP\n"
        "3\nTổ chức Ngày hội đọc sách toàn quốc\nnăm 2026\nBộ Văn hóa\nBộ Tài\nchính\nNgày hội được\ntổ chức\n2026\n"
        "Nghị quyết\nsố 12-\nNQ/TW\n")
    result, plan = draft(text)
    t2 = plan.tasks[1]
    assert _agencies(t2) == (["Bộ Văn hóa"], ["Đài Truyền hình Việt Nam", "Thông tấn xã Việt Nam", "các bộ, ngành",
                                            "UBND tỉnh, thành phố"])
    assert "Căn cứ bổ sung: Nghị quyết số 12- NQ/TW, Nghị quyết số 15/NQ-CP" in result.text
    assert "Việt Nam và các bộ" not in result.text


def test_a_task_and_its_result_cut_by_a_page_go_on_and_an_unsure_line_is_named():
    # The task's name and its result both end the page. Under the header: the task's line (wider than any narrow
    # column's), a short line that may end the task or begin the result's part, the result's part, then a sub-row.
    # The draft ended the task at the page and put all of it into the basis note; now the task takes its wide line,
    # the result its part, and the short line, not known for either, is named in a review with its line.
    text = _resolution(
        _FIRST +
        "2\nTiếp tục hoàn thiện các quy định về thư viện\nsố, bảo đảm kết nối dữ liệu giữa các thư viện\n"
        "Bộ Văn hóa\nCác bộ,\ncơ quan\nngang bộ\nBáo cáo chuyên\nđề về cơ chế,\nchính sách, giải\nTháng\n6/2026\n"
        "Nghị quyết\nsố 12-\nNQ/TW" + _page(32) +
        "công cộng và thư viện trường học trên\ncả nước\npháp hoàn thiện\nquy định được\ntrình Chính phủ\n"
        "Bộ Văn hóa\nCác bộ,\ncơ quan\nngang bộ\nBáo cáo kết quả\nđược trình\nTháng\n11/2026\nNghị quyết\nsố 12-\n"
        "NQ/TW\n")
    result, plan = draft(text)
    assert [t for _d, t in _tasks(plan)][1] == ("Tiếp tục hoàn thiện các quy định về thư viện số, bảo đảm kết nối dữ "
                                                "liệu giữa các thư viện công cộng và thư viện trường học trên")
    assert ("Kết quả: Báo cáo chuyên đề về cơ chế, chính sách, giải pháp hoàn thiện quy định được trình Chính phủ"
            in result.text)
    review = next(line for line in result.text.splitlines() if "row 2 runs over a page" in line)
    assert review.startswith("# review:") and "'cả nước'" in review
    assert _agencies(plan.tasks[1]) == (["Bộ Văn hóa"], ["Các bộ, cơ quan ngang bộ"])


def test_a_second_lead_under_the_repeated_header_and_the_result_going_on():
    # After the page: a second lead in the leads' column ("Bộ Tư pháp (đối với …)"), then lower-case lines that go
    # on with the result. The result's part was in the basis note; now it ends the result.
    text = _resolution(
        _FIRST +
        "2\nHoàn thiện quy định về bản quyền\ntài liệu số trong thư viện\n"
        "Bộ Văn hóa (đối\nvới các nội dung\nvề thư viện)\nCác bộ,\nngành\nBáo cáo tình\nhình và giải\npháp hoàn\n"
        "Tháng\n5/2026\nNghị quyết\nsố 12-\nNQ/TW" + _page(32) +
        "Bộ Tư pháp (đối\nvới các nội dung\nvề bản quyền)\nthiện quy định\nvề bản quyền\n")
    result, plan = draft(text)
    assert _agencies(plan.tasks[1]) == (["Bộ Văn hóa", "Bộ Tư pháp"], ["Các bộ, ngành"])
    assert "Kết quả: Báo cáo tình hình và giải pháp hoàn thiện quy định về bản quyền" in result.text
    assert "NQ/TW thiện quy định" not in result.text


def test_an_articles_numbered_clause_about_the_tasks_is_no_task():
    # "Điều 3. Hiệu lực thi hành." / "2. Các nhiệm vụ trong Chương trình … được ban hành kèm theo …": a clause of the
    # article (a sentence, "được" and a verb), not a heading opening the tasks: it was drafted as a task.
    text = _resolution(_FIRST).replace(
        "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.\n",
        "Điều 2. Hiệu lực thi hành.\n1. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
        "2. Các nhiệm vụ trong Chương trình hành động được ban hành kèm theo\n"
        "Nghị quyết số 20/NQ-CP ngày 02 tháng 3 năm 2025 của Chính phủ tiếp tục được triển khai thực hiện.\n")
    result, plan = draft(text)
    assert [t for _d, t in _tasks(plan)] == [
        "Rà soát, cập nhật danh mục tài liệu số của các thư viện công cộng trên cả nước"]
    assert "): 2. Các nhiệm vụ trong Chương trình hành động được ban hành kèm theo" in result.text


_PROGRAMME = (
    "CHÍNH PHỦ\nSố: 52/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Hà Nội, ngày 12 tháng 3 năm 2026\nNGHỊ QUYẾT\nBan hành Chương trình hành động phát triển thư viện số\n"
    "CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT NGHỊ:\n"
    "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động phát triển thư viện số.\n"
    "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
    "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\nNguyễn Văn An\n\nCÔNG BÁO/Số 130/Ngày 25-03-2026\n41\n\n"
    "CHƯƠNG TRÌNH HÀNH ĐỘNG\nphát triển thư viện số giai đoạn 2026 - 2030\n"
    "I. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU\n"
    "1. Hoàn thiện thể chế, chính sách về thư viện số\n"
    "Rà soát, sửa đổi các quy định về thư viện số, bảo đảm kết nối dữ liệu giữa thư\n"
    "viện công cộng và thư viện trường học; xây dựng bộ tiêu chuẩn dữ liệu dùng chung\n"
    "cho các thư viện trên cả nước, hoàn thành trong năm 2027, đồng thời triển khai\n"
    "Chương trình phát triển văn hóa đọc giai đoạn 2026 - 2030 ở các địa phương.\n"
    "Đẩy mạnh chuyển đổi số trong hoạt động thư viện; phát triển kho tài liệu số dùng\n"
    "chung, bảo đảm người dân được tiếp cận miễn phí các tài liệu số theo tinh thần\n"
    "\"thư viện mở, tri thức mở\" và hướng dẫn của Bộ Văn hóa, Thể thao và Du lịch.\n"
    "2. Phát triển nguồn nhân lực thư viện\n"
    "Tăng cường đào tạo, bồi dưỡng đội ngũ người làm công tác thư viện, nhất là kỹ\n"
    "năng số, kỹ năng khai thác dữ liệu và ứng dụng trí tuệ nhân tạo trong thư viện\n"
    "(AI); có chính sách ưu đãi đối với người làm công tác thư viện ở vùng sâu, vùng\n"
    "xa, biên giới, hải đảo, bảo đảm đủ người làm công tác thư viện ở mỗi xã.\n"
    "Xây dựng chương trình bồi dưỡng kỹ năng số cho người làm công tác thư viện ở cấp\n"
    "xã; phối hợp với các cơ sở đào tạo tổ chức các lớp bồi dưỡng ngắn hạn, trực tuyến\n"
    "và trực tiếp, bảo đảm mỗi người được bồi dưỡng ít nhất một lần trong giai đoạn\n"
    "2026 - 2030, ưu tiên người làm công tác thư viện ở vùng đồng bào dân tộc thiểu\n"
    "số và miền núi, vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn.\n"
    "Khuyến khích các tổ chức, cá nhân tham gia phát triển thư viện cộng đồng, tủ sách\n"
    "Nhân dân, điểm đọc sách tại thôn, tổ dân phố; có cơ chế huy động nguồn lực xã hội\n"
    "hóa cho phát triển thư viện, bảo đảm mỗi xã có ít nhất một điểm đọc sách công cộng.\n"
    # a landscape page's table row runs wider than the text (it hid the text's width)
    "\nCÔNG BÁO/Số 130/Ngày 25-03-2026\n42\n\nPhụ lục\nDANH MỤC NHIỆM VỤ\n"
    "I Nhóm nhiệm vụ về hoàn thiện thể chế, chính sách phát triển thư viện số, văn hóa đọc và nguồn nhân lực thư viện "
    "trên cả nước\n")


def test_a_gazette_paragraph_wrapped_at_full_width_goes_on_whatever_its_next_line_opens_with():
    # In a gazette's text layer the paragraphs are wrapped at full width and a paragraph's last line ends in a stop:
    # a full line without one goes on, also when the next line opens with a capital ("Chương trình …", "Nhân dân"),
    # a quote or a bracket. Each was taken for a new paragraph: a task cut in the middle of its sentence.
    _result, plan = draft(_PROGRAMME)
    tree = _tasks(plan)
    assert [t[:40] for d, t in tree if d == 1] == [
        "Rà soát, sửa đổi các quy định về thư việ", "Đẩy mạnh chuyển đổi số trong hoạt động t",
        "Tăng cường đào tạo, bồi dưỡng đội ngũ ng", "Xây dựng chương trình bồi dưỡng kỹ năng ",
        "Khuyến khích các tổ chức, cá nhân tham g"]
    texts = [t for d, t in tree if d == 1]
    assert texts[0].endswith("đồng thời triển khai Chương trình phát triển văn hóa đọc giai đoạn 2026 - 2030 ở các "
                             "địa phương.")
    assert "theo tinh thần \"thư viện mở, tri thức mở\" và hướng dẫn" in texts[1]
    assert "trí tuệ nhân tạo trong thư viện (AI); có chính sách" in texts[2]
