"""Unit tests of the helpers behind the AG, CV and TX rules (the YAML cases cover the rules)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from plandsl.language.model import Level, Plan
from plandsl.rules.agencies import request_only
from plandsl.rules.coverage import normalise_number
from plandsl.rules.text import _legacy_variants, _typo_variants, find_damage, repair_mojibake

PLAN = Plan("p", level=Level.PROVINCE)
NO_REGISTRY = SimpleNamespace(agencies=None)


@pytest.mark.parametrize("name", [
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "UBMTTQ tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn",
    "Huyện Đoàn", "Hội Nông dân huyện", "Hội Cựu chiến binh", "Liên đoàn Lao động tỉnh", "Hội Chữ thập đỏ",
    "các tổ chức chính trị – xã hội", "Ủy ban Mật trận Tổ quốc tỉnh",
])
def test_builtin_list_finds_request_only_bodies(name):
    assert request_only(name, PLAN, NO_REGISTRY) is not None


@pytest.mark.parametrize("name", ["Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ", "Ủy ban nhân dân các huyện",
                                  "Sở Văn hóa, Thể thao và Du lịch"])
def test_builtin_list_leaves_government_agencies(name):
    assert request_only(name, PLAN, NO_REGISTRY) is None


def test_registry_decides_when_available():
    class Reg:  # the type a name spells, as AgencyRegistry.resolve gives it (the date does not change it)
        def __init__(self, assignable):
            self.assignable = assignable

        def resolve(self, name, level):
            return SimpleNamespace(assignable=self.assignable, kind="mass_org"), level

    assert request_only("Hội Nông dân tỉnh", PLAN, SimpleNamespace(agencies=Reg(True))) is None
    assert request_only("Hội Nông dân tỉnh", PLAN, SimpleNamespace(agencies=Reg(False))) == "the Farmers' Union"
    assert request_only("Đoàn X", PLAN, SimpleNamespace(agencies=Reg(False))) == "a mass organisation"


@pytest.mark.parametrize("damaged,fixed", [
    ("dõn tộc thiểu số", "dân tộc"), ("nhõn dõn", "nhân dân"), ("hệ thống thụng tin", "thông tin"),
    ("ngành giỏo dục", "giáo dục"), ("chăm sóc sức khỏe tõm lý", "tâm lý"),
])
def test_legacy_detector_is_general(damaged, fixed):
    (written, repaired), = find_damage(damaged, _legacy_variants)
    assert repaired == fixed


@pytest.mark.parametrize("text", ["có khó khăn", "cộng tác viên công tác xã hội", "tham vấn để giải quyết",
                                  "trẻ em chưa thành niên", "người dẫn chương trình"])
def test_correct_text_is_left_alone(text):
    assert find_damage(text, _legacy_variants) == []
    assert find_damage(text, _typo_variants) == []


def test_mojibake_is_repaired():
    text = "Hỗ trợ người dân, Việt Nam"
    # What a UTF-8 text looks like when read as Windows-1252 (undefined bytes kept as C1 controls).
    exact = "".join(b.to_bytes(1, "big").decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
                    for b in text.encode("utf-8"))
    assert repair_mojibake(exact) == text
    assert repair_mojibake("Xã hội Việt Nam") is None


def test_instrument_numbers_normalise():
    assert normalise_number("số 112/QĐ–TTg") == normalise_number("112/QĐ-TTg")
    assert normalise_number("Số: 057/KH-UBND") == normalise_number("57/KH-UBND")
    assert normalise_number("32/2010/QĐ-TTg") != normalise_number("112/QĐ-TTg")
