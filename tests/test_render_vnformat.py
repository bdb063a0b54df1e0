"""Vietnamese formatting helpers (plandsl.render.vnformat)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plandsl.language.model import Comparator, Cycle, Level, Target, Unit
from plandsl.render import vnformat as vn


@pytest.mark.parametrize("date, words, inline", [
    (dt.date(2021, 4, 19), "ngày 19 tháng 4 năm 2021", "19/4/2021"),
    (dt.date(2021, 1, 22), "ngày 22 tháng 01 năm 2021", "22/01/2021"),   # months 1 and 2 take a zero
    (dt.date(2017, 6, 1), "ngày 01 tháng 6 năm 2017", "01/6/2017"),      # days below 10 take a zero
    (dt.date(2020, 2, 5), "ngày 05 tháng 02 năm 2020", "05/02/2020"),
    (dt.date(2019, 11, 22), "ngày 22 tháng 11 năm 2019", "22/11/2019"),
])
def test_dates(date, words, inline):
    assert vn.date_words(date) == words
    assert vn.date_inline(date) == inline


def test_place_date():
    assert vn.place_date("Quảng Ngãi", dt.date(2021, 4, 19)) == "Quảng Ngãi, ngày 19 tháng 4 năm 2021"


@pytest.mark.parametrize("value, text", [
    (0, "0"), (7, "7"), (999, "999"), (1000, "1.000"), (348, "348"), (1234567, "1.234.567"),
    (Decimal("2.5"), "2,5"), (Decimal("2.50"), "2,5"), (Decimal("1000.25"), "1.000,25"),
    (Decimal("-1500"), "-1.500"), (Decimal("1E+3"), "1.000"),
])
def test_number(value, text):
    assert vn.number(value) == text


def test_number_rounds_half_up():
    assert vn.number(Decimal("69.6"), places=0) == "70"
    assert vn.number(Decimal("2.5"), places=0) == "3"


@given(st.decimals(min_value=-10**15, max_value=10**15, places=3, allow_nan=False, allow_infinity=False))
def test_number_round_trips(value):
    text = vn.number(value)
    assert vn.parse_number(text) == value
    whole = text.lstrip("-").split(",")[0]
    groups = whole.split(".")
    assert all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3


@given(st.integers(min_value=0, max_value=10**18))
def test_integers_have_no_decimal_comma(value):
    text = vn.number(value)
    assert "," not in text and text.replace(".", "") == str(value)


@pytest.mark.parametrize("amount, text", [
    (15_000_000_000, "15 tỷ đồng"), (1_500_000_000, "1,5 tỷ đồng"), (500_000_000, "500 triệu đồng"),
    (2_250_000, "2,25 triệu đồng"), (250_000, "250.000 đồng"), (1_234_567_891, "1.234.567.891 đồng"),
])
def test_money(amount, text):
    assert vn.money(amount) == text


def test_percent_and_comparators():
    assert vn.percent(50) == "50%"
    assert vn.percent(Decimal("2.5")) == "2,5%"
    assert vn.comparator(Comparator.AT_LEAST) == "tối thiểu"
    assert vn.comparator(Comparator.AT_LEAST, "plain") == "ít nhất"
    assert vn.comparator(None) == "đạt" and vn.comparator(Comparator.EXACTLY) == "đạt"
    assert vn.comparator(Comparator.AT_MOST) == "tối đa"


def test_relative():
    assert vn.relative(Decimal(20), 2020) == "tăng 20% so với năm 2020"
    assert vn.relative(Decimal(30), 2025, cmp=Comparator.AT_LEAST) == "tăng tối thiểu 30% so với năm 2025"
    assert vn.relative(Decimal(-5), 2020) == "giảm 5% so với năm 2020"


def test_target_sentences():
    noun = "số cơ quan bố trí nhân sự làm công tác xã hội"
    assert vn.target_sentence(noun, Target("p1", Decimal(50), percent=True), Unit.PERCENT) == \
        "Đạt 50% số cơ quan bố trí nhân sự làm công tác xã hội"
    assert vn.target_sentence(noun, Target("p1", Decimal(60), Comparator.AT_LEAST, True), Unit.PERCENT) == \
        "Tối thiểu 60% số cơ quan bố trí nhân sự làm công tác xã hội"
    rate = "Tỷ lệ cơ sở có cung cấp dịch vụ công tác xã hội"
    assert vn.target_sentence(rate, Target("p1", Decimal(50), Comparator.AT_LEAST, True), Unit.PERCENT) == \
        "Tỷ lệ cơ sở có cung cấp dịch vụ công tác xã hội đạt tối thiểu 50%"
    rel = Target("p1", Decimal(20), None, True, 2020)
    assert vn.target_sentence("Tỷ lệ người được tư vấn", rel, Unit.PERCENT, 2025) == \
        "Tỷ lệ người được tư vấn năm 2025 tăng 20% so với năm 2020"
    assert vn.target_sentence("cơ sở đạt chuẩn", Target(2025, Decimal(1), Comparator.AT_LEAST), Unit.FACILITIES) == \
        "Tối thiểu 01 cơ sở đạt chuẩn"
    assert vn.target_sentence("người được tập huấn", Target(2030, Decimal(1000)), Unit.PEOPLE) == \
        "Đạt 1.000 người được tập huấn"


def test_phase_wording():
    assert vn.phase_label(2021, 2025) == "Giai đoạn 2021-2025"
    assert vn.phase_label(2026, 2030, "Giai đoạn 2026 - 2030") == "Giai đoạn 2026-2030"
    assert vn.vision_label(2030) == "Tầm nhìn đến năm 2030"


@pytest.mark.parametrize("n, numeral", [(1, "I"), (2, "II"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"),
                                        (1990, "MCMXC")])
def test_roman(n, numeral):
    assert vn.roman(n) == numeral


def test_roman_range():
    with pytest.raises(ValueError):
        vn.roman(0)


def test_letters_follow_the_vietnamese_alphabet():
    first = [vn.letter(i) for i in range(1, 14)]
    assert first == ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n"]
    letters = [vn.letter(i) for i in range(1, 60)]
    assert not {"f", "j", "w", "z"} & set("".join(letters))
    assert len(set(letters)) == len(letters)
    assert vn.letter(24) == "aa"


@pytest.mark.parametrize("number, kind", [
    ("255/QĐ-UBND", "QUYẾT ĐỊNH"), ("57/KH-UBND", "KẾ HOẠCH"), ("32/2010/QĐ-TTg", "QUYẾT ĐỊNH"),
    ("18/KH-SLĐTBXH", "KẾ HOẠCH"), ("01/NQ-HĐND", "NGHỊ QUYẾT"), ("255", None), ("12/XYZ-UBND", None),
])
def test_document_kind(number, kind):
    assert vn.document_kind(number) == kind


def test_issuing_body_lines():
    assert vn.issuing_body_lines(Level.PROVINCE, "Tỉnh Quảng Ngãi") == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]
    assert vn.issuing_body_lines(Level.PROVINCE, "Quảng Ngãi") == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]
    assert vn.issuing_body_lines(Level.DISTRICT, "An Lão") == ["ỦY BAN NHÂN DÂN", "HUYỆN AN LÃO"]
    assert vn.issuing_body_lines(Level.PROVINCE, "Thành phố Hà Nội") == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"]
    assert vn.issuing_body_lines(Level.NATIONAL, None) == ["THỦ TƯỚNG CHÍNH PHỦ"]
    assert vn.issuing_body_lines(Level.PROVINCE, "Tỉnh Quảng Ngãi", "Ủy ban nhân dân tỉnh Quảng Ngãi") == \
        ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]
    assert vn.issuing_body_lines(Level.PROVINCE, "Tỉnh Vĩnh Long", "Sở Lao động - Thương binh và Xã hội") == \
        ["UBND TỈNH VĨNH LONG", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]


def test_lower_committees_follow_the_2025_reform():
    assert vn.lower_committees(Level.PROVINCE, dt.date(2021, 4, 19)) == "các huyện, thị xã, thành phố"
    assert vn.lower_committees(Level.PROVINCE, dt.date(2025, 7, 1)) == "các xã, phường, đặc khu"
    assert vn.lower_committees(Level.DISTRICT) == "các xã, thị trấn"
    assert vn.lower_committees(Level.COMMUNE) is None


def test_reporting_cycles():
    assert vn.cycle_words(Cycle.SEMIANNUAL, 10, 6) == "định kỳ 6 tháng (trước ngày 10/6)"
    assert vn.cycle_words(Cycle.ANNUAL, 10, 12) == "hằng năm (trước ngày 10/12)"
    assert vn.cycle_words(Cycle.QUARTERLY, 5, 1) == "hằng quý (trước ngày 05/01)"
    assert vn.cycle_words(Cycle.AD_HOC) == "đột xuất (khi có yêu cầu)"
