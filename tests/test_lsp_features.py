"""Formatting, outline, code actions and name completion over a real stdio session."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from lsp_session import lsp_session

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "specs" / "ctxh-2021-2030"

pytestmark = pytest.mark.skipif(not (SRC / "national.plan").exists(), reason="needs specs/ctxh-2021-2030")

# A 2026 province plan: adapts `staffing` below the parent (AM001), leaves `children` out (CV001),
# names the dissolved Sở LĐ-TB&XH (AG011) and has the typo "Mật trận" (TX003). Badly indented.
CHILD = """plan child_plan {
  level province
  jurisdiction "Tỉnh Gia Lai"
  issuer "Ủy ban nhân dân tỉnh Gia Lai"
  instrument "10/QĐ-UBND" dated 2026-03-02
  basis "Quyết định ban hành Chương trình" number "112/QĐ-TTg" dated 2021-01-22
  period 2021..2030
  phase p1 2021..2025
  phase p2 2026..2030
  implements ctxh_112
  objective staffing {
    unit %
    direction up
    target p1 >= 55%
    target p2 >= 90%
  }
  adopt trained, facilities, counselled
  task t1 {
        text "Phối hợp với Ủy ban Mật trận Tổ quốc tỉnh tuyên truyền"
    lead "Sở Lao động - Thương binh và Xã hội"
  }
}
"""


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n")) if needle in line)


def _apply(text: str, edits) -> str:
    lines = text.split("\n")
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        s, t = e.range.start, e.range.end
        head = "\n".join(lines[:s.line] + [lines[s.line][:s.character]])
        tail = "\n".join([lines[t.line][t.character:]] + lines[t.line + 1:]) if t.line < len(lines) else ""
        text = head + e.new_text + tail
        lines = text.split("\n")
    return text


async def _session(folder: Path, child: Path) -> dict:
    from lsprotocol import types

    async with lsp_session(folder, child, CHILD, locale="en") as (client, uri, published, got):
        doc = types.TextDocumentIdentifier(uri)
        formatting = await client.text_document_formatting_async(types.DocumentFormattingParams(
            doc, types.FormattingOptions(tab_size=2, insert_spaces=True)))
        outline = await client.text_document_document_symbol_async(types.DocumentSymbolParams(doc))
        whole = types.Range(types.Position(0, 0), types.Position(len(CHILD.split("\n")), 0))
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            doc, whole, types.CodeActionContext(diagnostics=published[uri])))
        line = _line_of(CHILD, "lead ")
        agencies = await client.text_document_completion_async(types.CompletionParams(
            doc, types.Position(line, CHILD.split("\n")[line].index('"') + 1)))
        line = _line_of(CHILD, "jurisdiction")
        units = await client.text_document_completion_async(types.CompletionParams(
            doc, types.Position(line, CHILD.split("\n")[line].index('"') + 1)))
        return {"diagnostics": published[uri], "formatting": formatting, "outline": outline, "actions": actions,
                "agencies": agencies, "units": units, "uri": uri}


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lsp") / "specs"
    folder.mkdir()
    shutil.copy(SRC / "national.plan", folder / "national.plan")
    child = folder / "child.plan"
    child.write_text(CHILD, "utf-8")
    return asyncio.run(_session(folder, child))


def test_findings_the_actions_come_from(session):
    codes = {d.code for d in session["diagnostics"]}
    assert {"AM001", "CV001", "AG011", "TX003"} <= codes


def test_formatting_is_the_canonical_printer(session):
    from plandsl.language.printer import format_text

    edits = session["formatting"]
    assert len(edits) == 1
    assert _apply(CHILD, edits) == format_text(CHILD, "child.plan").formatted
    assert '    text "Phối hợp' in edits[0].new_text  # the over-indented line is re-indented


def test_outline_lists_plan_objectives_and_tasks(session):
    (plan,) = session["outline"]
    assert plan.name == "child_plan"
    assert [c.name for c in plan.children] == ["staffing", "t1"]


def _action(session, needle: str):
    found = [a for a in session["actions"] if needle in a.title]
    assert found, [a.title for a in session["actions"]]
    return found[0]


def _edited(session, action) -> str:
    return _apply(CHILD, action.edit.changes[session["uri"]])


def test_action_replaces_a_typo_with_the_suggestion(session):
    after = _edited(session, _action(session, "'Mặt trận'"))
    assert "Ủy ban Mặt trận Tổ quốc tỉnh" in after and "Mật trận" not in after


def test_action_replaces_a_dissolved_agency_with_its_successor(session):
    action = _action(session, "successor")
    after = _edited(session, action)
    assert 'lead "Sở Lao động - Thương binh và Xã hội"' not in after
    assert 'lead "Sở Nội vụ"' in after or 'lead "Sở Y tế"' in after


def test_action_adopts_a_dropped_parent_objective(session):
    after = _edited(session, _action(session, "Adopt the parent objective 'children'"))
    assert "  adopt children\n}" in after


def test_action_records_a_deviation(session):
    after = _edited(session, _action(session, "allow AM001 on staffing"))
    assert '  allow AM001 on staffing "…"\n}' in after


def test_completion_offers_bodies_and_units_of_the_plans_level_and_date(session):
    agencies = [i.label for i in session["agencies"].items]
    assert "Sở Nội vụ" in agencies
    assert "Sở Lao động - Thương binh và Xã hội" not in agencies  # dissolved before 2026-03-02
    assert not any(a.startswith("Phòng ") for a in agencies)  # district bodies: not in a province plan
    units = [i.label for i in session["units"].items]
    assert "Tỉnh Gia Lai" in units and "Tỉnh Bình Định" not in units  # the 34 provinces of 2026
