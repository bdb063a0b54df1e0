"""plandsl.rules.assignment: who leads and supports each task (shared by AG001 and the pages)."""

from __future__ import annotations

from plandsl.language.parser import parse_text
from plandsl.rules.assignment import ENCLOSING, NONE, OWN, RESPONSIBILITY, task_agencies

SPEC = '''plan p {
  level province
  period 2021..2025
  task network { text "Phát triển mạng lưới" task network_a { text "a" } }
  task training { text "Đào tạo" lead "Sở Y tế" support "Sở Tư pháp" task training_a { text "b" lead "Sở Nội vụ" } }
  task awareness { text "Tuyên truyền" }
  responsibility "Sở Nội vụ" { lead network, training support awareness }
  responsibility "Sở Giáo dục và Đào tạo" { support network }
}
'''


def test_leads_and_supports_come_from_task_then_responsibilities_then_enclosing_task():
    plan = parse_text(SPEC).plan
    who = task_agencies(plan)
    assert (who["network"].leads, who["network"].lead_source) == (("Sở Nội vụ",), RESPONSIBILITY)
    assert (who["network"].supports, who["network"].support_source) == (("Sở Giáo dục và Đào tạo",), RESPONSIBILITY)
    assert (who["network_a"].leads, who["network_a"].lead_source) == (("Sở Nội vụ",), ENCLOSING)
    assert who["network_a"].supports == () and who["network_a"].support_source == NONE
    # the task's own lead wins over a responsibility naming it
    assert (who["training"].leads, who["training"].lead_source) == (("Sở Y tế",), OWN)
    assert who["training"].supports == ("Sở Tư pháp",)
    assert (who["training_a"].leads, who["training_a"].lead_source) == (("Sở Nội vụ",), OWN)
    assert (who["awareness"].leads, who["awareness"].lead_source) == ((), NONE)
    assert who["awareness"].supports == ("Sở Nội vụ",)
