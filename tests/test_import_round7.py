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
    lines = result.text.splitlines()
    above = lines[next(i for i, line in enumerate(lines) if f"objective {quoted.id} " in line) - 1]
    assert above.lstrip().startswith("# review:") and "'theo mục tiêu …'" in above
