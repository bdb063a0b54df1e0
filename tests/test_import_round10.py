"""`plandsl import` on layouts of the fifteenth held-out set and what the fourteenth left (issue #10, docs/IMPORT.md
"After the fifteenth set (no longer independent)").

Every text here was written for these tests (made-up bodies, people and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft

_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def _front_body(body: str) -> str:
    """A made-up plan of a commune Front's standing committee, with ``body`` as its sections."""
    return ("ỦY BAN MTTQ VIỆT NAM\nXÃ TÂN HÒA\nBAN THƯỜNG TRỰC\nSố: 31/KH-MTTQ-BTT\n" + _MOTTO +
            "Tân Hòa, ngày 5 tháng 3 năm 2026\nKẾ HOẠCH\nTổ chức tiếp nhận ý kiến cử tri năm 2026\n"
            "Căn cứ Hướng dẫn số 09/HD-MTTQ-BTT ngày 20/02/2026 của Ban Thường trực Ủy ban MTTQ tỉnh;\n"
            "Ban Thường trực Ủy ban MTTQ Việt Nam xã Tân Hòa xây dựng kế hoạch như sau:\n" + body)


def _tasks(plan) -> list[tuple[int, str]]:
    out = []

    def walk(ts, depth):
        for t in ts:
            out.append((depth, t.text))
            walk(t.subtasks, depth + 1)
    walk(plan.tasks, 0)
    return out


def test_an_item_s_place_is_its_field_and_the_actions_under_it_are_the_item_s():
    # "1. Item" / "- Địa điểm: Tại …" / "- Thời gian: …" / "- Nhiệm vụ:" / "+ action" …: the place was the item's
    # sub-task (with the item's time as its due and the actions under it). The place is the item's note, the time
    # its due, the actions its sub-tasks.
    result, plan = draft(_front_body(
        "I. NỘI DUNG\n1. Tổ chức tiếp nhận ý kiến cử tri\n- Địa điểm: Tại Hội trường Ủy ban MTTQ xã Tân Hòa.\n"
        "- Thời gian: Trong giờ hành chính, từ tháng 3 đến tháng 5 năm 2026.\n- Nhiệm vụ:\n"
        "+ Ghi chép đầy đủ ý kiến của cử tri.\n+ Hướng dẫn cử tri gửi kiến nghị đúng nơi quy định.\n"
        "2. Tổng hợp, báo cáo kết quả tiếp nhận ý kiến cử tri.\n"
        "II. TỔ CHỨC THỰC HIỆN\nCác thành viên thực hiện kế hoạch này.\n"))
    assert _tasks(plan) == [(0, "Tổ chức tiếp nhận ý kiến cử tri"), (1, "Ghi chép đầy đủ ý kiến của cử tri."),
                            (1, "Hướng dẫn cử tri gửi kiến nghị đúng nơi quy định."),
                            (0, "Tổng hợp, báo cáo kết quả tiếp nhận ý kiến cử tri.")]
    assert "tháng 3 đến tháng 5" in str(plan.tasks[0].due)
    assert "# Địa điểm: Tại Hội trường Ủy ban MTTQ xã Tân Hòa." in result.text


def test_the_criteria_a_step_is_decided_on_are_its_content():
    # "2. Hội nghị … căn cứ vào các tiêu chí:" over "-" lines naming the criteria: each line was a sub-task. They are
    # what the step is decided on: its notes, as the conditions under "Xác định đối tượng …" are. Actions under
    # another step stay tasks.
    result, plan = draft(_front_body(
        "I. NỘI DUNG HỘI NGHỊ\n1. Hội nghị nghe báo cáo tình hình giới thiệu người ứng cử.\n"
        "2. Hội nghị thảo luận, lập danh sách người được giới thiệu căn cứ vào các tiêu chí:\n"
        "- Tiêu chuẩn của người được giới thiệu.\n- Kết quả lấy ý kiến tại hội nghị lần thứ nhất.\n"
        "3. Hội nghị thông qua biên bản:\n- Thư ký đọc biên bản hội nghị.\n- Chủ tọa kết luận hội nghị.\n"
        "II. TỔ CHỨC THỰC HIỆN\nCác thành viên thực hiện kế hoạch này.\n"))
    assert _tasks(plan) == [(0, "Hội nghị nghe báo cáo tình hình giới thiệu người ứng cử."),
                            (0, "Hội nghị thảo luận, lập danh sách người được giới thiệu căn cứ vào các tiêu chí"),
                            (0, "Hội nghị thông qua biên bản"), (1, "Thư ký đọc biên bản hội nghị."),
                            (1, "Chủ tọa kết luận hội nghị.")]
    assert "# Tiêu chuẩn của người được giới thiệu." in result.text
