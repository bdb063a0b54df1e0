"""`plandsl import` on shapes found after the ninth held-out set, second round (issue #10, docs/IMPORT.md "After the
ninth set, round two"): a plural group of bodies closed by "và đơn vị", letters split by a copy's stray spaces in a
Nơi nhận list and a signature, and the other follow-ups.

Every text here was written for these tests (made-up bodies and plans in the usual wording); none is copied from a
held-out set."""

from __future__ import annotations

from import_docs import draft  # noqa: F401  (used by the later tests)

from plandsl.importer.extract.patterns import split_agencies


def test_a_plural_group_closed_by_va_and_a_bare_kind_of_body_is_one_body():
    # "Các Bộ, ngành, địa phương và đơn vị" is one body; a bare kind after "và" with no plural list before it, and a
    # kind with words of its own, still start a body of their own.
    assert split_agencies("Các Sở, ban, địa phương và đơn vị.") == ["Các Sở, ban, địa phương và đơn vị"]
    assert split_agencies("Các Sở, ngành và tổ chức") == ["Các Sở, ngành và tổ chức"]
    assert split_agencies("Sở Nội vụ và đơn vị") == ["Sở Nội vụ", "đơn vị"]
    assert split_agencies("Sở Nội vụ và các cơ quan, đơn vị có liên quan") == [
        "Sở Nội vụ", "các cơ quan, đơn vị có liên quan"]
    assert split_agencies("Các Sở, ngành và các tổ chức xã hội") == ["Các Sở, ngành", "các tổ chức xã hội"]
    assert split_agencies("các bộ, cơ quan ngang bộ và cơ quan, tổ chức khác có liên quan") == [
        "các bộ, cơ quan ngang bộ", "cơ quan, tổ chức khác có liên quan"]
