"""`plandsl new`: a title without "Kế hoạch thực hiện Kế hoạch thực hiện", the unit's name in the
issuer, and agencies in force on the new plan's date."""

from __future__ import annotations

import datetime as dt

from plandsl.author.scaffold import child_title, in_force, scaffold, unit_phrase
from plandsl.language import model as m
from plandsl.project.loader import load

NATIONAL = """plan nat {
  title "Chương trình phát triển công tác xã hội giai đoạn 2021-2030"
  level national
  jurisdiction "Việt Nam"
  instrument "112/QĐ-TTg" dated 2021-01-22
  period 2021..2030
  task t1 {
    text "Rà soát"
    lead "Bộ Lao động - Thương binh và Xã hội"
  }
}
"""

PROVINCE = """plan prov {
  title "Kế hoạch thực hiện Chương trình phát triển công tác xã hội giai đoạn 2021-2030 trên địa bàn tỉnh Quảng Ngãi"
  level province
  jurisdiction "Tỉnh Quảng Ngãi"
  instrument "255/QĐ-UBND" dated 2021-04-19
  period 2021..2030
  implements nat
}
"""


def test_title_does_not_repeat_and_names_the_unit():
    title = child_title("Kế hoạch thực hiện Chương trình X giai đoạn 2021-2030 trên địa bàn tỉnh Quảng Ngãi",
                        "Xã Ba Tơ", m.Level.COMMUNE)
    assert title == "Kế hoạch thực hiện Chương trình X giai đoạn 2021-2030 trên địa bàn xã Ba Tơ"
    assert child_title("Chương trình X", "Tỉnh Gia Lai", m.Level.PROVINCE) == (
        "Kế hoạch thực hiện Chương trình X trên địa bàn tỉnh Gia Lai")


def test_unit_phrase():
    assert unit_phrase("Xã Ba Tơ", m.Level.COMMUNE) == "xã Ba Tơ"
    assert unit_phrase("Thành phố Huế", m.Level.PROVINCE) == "thành phố Huế"
    assert unit_phrase("Ba Tơ", m.Level.COMMUNE) == "xã Ba Tơ"
    assert unit_phrase("Huyện An Lão, Tỉnh Bình Định", m.Level.DISTRICT) == "huyện An Lão"


def test_agency_in_force_on_the_date():
    name = "Sở Lao động - Thương binh và Xã hội"
    assert in_force(name, m.Level.PROVINCE, dt.date(2021, 5, 1)) == name
    assert in_force(name, m.Level.PROVINCE, dt.date(2026, 1, 1)) != name


def test_scaffold_from_a_plan_that_is_itself_a_kế_hoạch_thực_hiện(tmp_path):
    (tmp_path / "nat.plan").write_text(NATIONAL, "utf-8")
    (tmp_path / "prov.plan").write_text(PROVINCE, "utf-8")
    specs = load([str(tmp_path)])
    text = scaffold(specs, "prov", m.Level.COMMUNE, "Xã Ba Tơ")
    assert "Kế hoạch thực hiện Kế hoạch thực hiện" not in text
    assert '"Ủy ban nhân dân xã Ba Tơ"' in text


def test_scaffold_maps_agencies_to_bodies_in_force(tmp_path):
    (tmp_path / "nat.plan").write_text(NATIONAL, "utf-8")
    specs = load([str(tmp_path)])
    old = scaffold(specs, "nat", m.Level.PROVINCE, "Tỉnh Quảng Ngãi", on_date=dt.date(2021, 5, 1))
    new = scaffold(specs, "nat", m.Level.PROVINCE, "Tỉnh Quảng Ngãi", on_date=dt.date(2026, 1, 1))
    assert '"Sở Lao động - Thương binh và Xã hội"' in old
    assert '"Sở Lao động - Thương binh và Xã hội"' not in new
    assert '"Ủy ban nhân dân tỉnh Quảng Ngãi"' in new
