"""Function-based succession (plandsl.registry.successors_by_function) and the registry facts of issue 14."""

from __future__ import annotations

import datetime as dt

import pytest

from plandsl.language.model import Level
from plandsl.registry import successors_by_function
from plandsl.registry.agencies import AgencyRegistry
from plandsl.registry.functions import FUNCTION_CODES, _by_function, function_of, successor_for_task

AFTER = dt.date(2025, 6, 1)


def test_provincial_department_splits_by_function():
    found = successors_by_function("Sở Lao động - Thương binh và Xã hội", AFTER)
    assert set(found) == set(FUNCTION_CODES)
    names = {code: s.name for code, s in found.items()}
    assert names == {
        "labour-employment": "Sở Nội vụ", "poverty-reduction": "Sở Nông nghiệp và Môi trường",
        "drug-treatment": "Công an tỉnh", "social-protection": "Sở Y tế", "children": "Sở Y tế",
        "social-evils": "Sở Y tế", "vocational-education": "Sở Giáo dục và Đào tạo"}
    assert all(s.date == dt.date(2025, 3, 1) and not s.by_default for s in found.values())
    assert all(s.source and s.source.startswith("http") for s in found.values())


def test_ministry_and_district_office():
    ministry = successors_by_function("bo-ldtbxh", AFTER)
    assert ministry["children"].name == "Bộ Y tế" and ministry["poverty-reduction"].name == "Bộ Nông nghiệp và Môi trường"
    assert ministry["drug-treatment"].name == "Bộ Công an"
    district = successors_by_function("Phòng LĐ-TB&XH", AFTER, "district")
    assert district["social-protection"].name == "Phòng Y tế"
    assert district["vocational-education"].name == "Phòng Giáo dục và Đào tạo"
    assert district["labour-employment"].name == "Phòng Nội vụ"
    # Not stated for districts: the main successor, marked as a default.
    assert district["poverty-reduction"].by_default and district["poverty-reduction"].name == "Phòng Nội vụ"


def test_before_the_move_or_unknown_agency_gives_nothing():
    assert successors_by_function("Sở Lao động - Thương binh và Xã hội", dt.date(2025, 2, 28)) == {}
    assert successors_by_function("Sở Y tế", AFTER) == {}
    assert successors_by_function("Sở Không Tồn Tại", AFTER) == {}


def test_a_task_goes_to_the_successor_of_its_function():
    assert function_of("Chăm sóc, bảo vệ trẻ em có hoàn cảnh đặc biệt") == "children"
    assert function_of("Hỗ trợ cai nghiện ma túy tại cộng đồng") == "drug-treatment"
    assert function_of("Phát triển nghề công tác xã hội") == "social-protection"
    assert function_of("Xây dựng trụ sở") is None
    assert successor_for_task("Sở LĐTBXH", "Chăm sóc trẻ em mồ côi", AFTER).name == "Sở Y tế"
    assert successor_for_task("Sở LĐTBXH", "Xây dựng trụ sở", AFTER).name == "Sở Nội vụ"


def test_every_function_successor_is_a_known_type_valid_after_the_move():
    reg = AgencyRegistry.load()
    for type_id, entries in _by_function().items():
        for e in entries:
            succ = reg.get(e["id"])
            assert succ is not None, (type_id, e["id"])
            assert succ.valid_on(e["date"] if isinstance(e["date"], dt.date) else dt.date.fromisoformat(e["date"]))
            assert e["verified"] is False or e.get("source"), type_id  # verified needs a read source


@pytest.mark.parametrize("name,level", [
    ("Bộ Giao thông vận tải", None), ("Bộ Xây dựng", None), ("Bộ Tài nguyên và Môi trường", None),
    ("Bộ Nông nghiệp và Phát triển nông thôn", None), ("Bộ Nông nghiệp và Môi trường", None),
    ("Bộ Công Thương", None), ("Sở Công Thương", "province"), ("Thanh tra tỉnh", "province"),
    ("Phòng Tài nguyên và Môi trường", "district"), ("Phòng Nông nghiệp và PTNT", "district"),
    ("Phòng Kinh tế", "district"), ("Thanh tra huyện", "district"), ("Phòng Dân tộc", "district"),
    ("Phòng Văn hóa, Khoa học và Thông tin", "district"),
])
def test_bodies_added_by_issue_14_are_known(name, level):
    assert AgencyRegistry.load().resolve(name, None if level is None else Level.lookup(level)) is not None


def test_district_labour_office_successor_instrument_and_culture_office_rename():
    reg = AgencyRegistry.load()
    ldtbxh = reg.get("phong-ldtbxh")
    assert "45/2025/NĐ-CP" in ldtbxh.successor.instrument and "Điều 15" in ldtbxh.successor.instrument
    vhtt = reg.get("phong-vhtt")
    assert vhtt.valid_to == dt.date(2025, 2, 28) and vhtt.successor.id == "phong-vhkhtt"
    assert reg.get("phong-vhkhtt").name_at() == "Phòng Văn hóa, Khoa học và Thông tin"
    assert "203/2025/QH15" in reg.get("ubnd-huyen").successor.instrument
