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


def _year_plan(body: str = _PLAIN_BODY, bases: str = _OPENING) -> str:
    return province_plan(body, title="Chăm sóc người cao tuổi năm 2026\n", bases=bases, closing="III")


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
