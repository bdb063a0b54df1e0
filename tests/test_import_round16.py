"""`plandsl import` on layouts of the nineteenth held-out set (issue #10, docs/IMPORT.md "After the nineteenth set
(no longer independent)").

Every text here was written for these tests (made-up bodies, figures and plans); none is copied from a held-out set."""

from __future__ import annotations

from import_docs import draft, province_plan, task_agencies, task_tree


def _lam_dong(body: str, bases: str | None = None) -> str:
    """A made-up plan of the Lâm Đồng provincial people's committee, with ``body`` as its sections after the
    purpose."""
    text = province_plan(body, closing="V", bases=bases)
    return text.replace("TỈNH HÒA BÌNH", "TỈNH LÂM ĐỒNG").replace("Hòa Bình, ngày", "Lâm Đồng, ngày")


_BODY = "**II. NHIỆM VỤ**\n1. Tổ chức khám sức khỏe định kỳ cho người cao tuổi.\n"


def test_a_province_whose_second_name_starts_with_d_stroke_is_read_whole_from_the_preamble():
    # "UBND tỉnh Lâm Đồng ban hành Kế hoạch …, như sau:": the name was cut at "Lâm" ("Đ" fell in the class of
    # lower-case letters that must follow the body's name), a wrong jurisdiction and issuer.
    result, plan = draft(_lam_dong(_BODY, bases=(
        "Căn cứ Luật Người cao tuổi ngày 23 tháng 11 năm 2009;\n"
        "UBND tỉnh Lâm Đồng ban hành Kế hoạch chăm sóc người cao tuổi trên địa bàn tỉnh Lâm Đồng năm 2026, như sau:\n")))
    assert 'jurisdiction "Tỉnh Lâm Đồng"' in result.text
    assert 'issuer "Ủy ban nhân dân tỉnh Lâm Đồng"' in result.text
