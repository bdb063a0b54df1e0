"""The language server: the analysis functions, and one real session over stdio."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from lsp_session import lsp_session

from plandsl.core.diagnostics import Severity
from plandsl.lsp.analysis import Project, keywords, word_at

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "specs" / "ctxh-2021-2030"

pytestmark = pytest.mark.skipif(not (SRC / "national.plan").exists(), reason="needs specs/ctxh-2021-2030")

CHILD = """plan child_plan {
  level province
  jurisdiction "Tỉnh Bình Định"
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
  adopt trained, facilities, counselled, children
  task t1 {
    text "x"
    lead "Sở Lao động - Thương binh và Xã hội"
  }
}
"""


@pytest.fixture()
def project(tmp_path):
    folder = tmp_path / "specs"
    folder.mkdir()
    shutil.copy(SRC / "national.plan", folder / "national.plan")
    child = folder / "child.plan"
    child.write_text(CHILD, "utf-8")
    p = Project([str(folder)])
    p.scan()
    return p, str(child)


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n")) if needle in line)


def test_diagnostics_follow_the_open_text(project):
    p, child = project
    weaker = [d for d in p.diagnostics(child) if d.code == "AM001"]
    assert len(weaker) == 1 and weaker[0].span.line == _line_of(CHILD, "target p1") + 1
    p.set_text(child, CHILD.replace("target p1 >= 55%", "target p1 >= 65%"))
    assert [d for d in p.diagnostics(child) if d.code == "AM001"] == []
    p.set_text(child, CHILD.replace("  level province\n", "  level province\n  kind 3\n"))
    errors = [d for d in p.diagnostics(child) if d.severity is Severity.ERROR]
    assert [d.code for d in errors] == ["PRS100"] and errors[0].span.line == 3
    p.close(child)
    assert [d.code for d in p.diagnostics(child) if d.code == "AM001"] == ["AM001"]  # back to the disk text


def test_hover_shows_the_parent_target_and_where_it_was_written(project):
    p, child = project
    line = _line_of(CHILD, "target p1")
    text = p.hover(child, line, 6)
    assert "≥ 55%" in text and "Parent (ctxh_112): ≥ 60% in 2025" in text and "national.plan:" in text
    plan_hover = p.hover(child, _line_of(CHILD, "implements"), 14)
    assert "112/QĐ-TTg" in plan_hover
    assert p.hover(child, _line_of(CHILD, "direction"), 3) is None


def test_definition_goes_to_the_parent(project):
    p, child = project
    span = p.definition(child, _line_of(CHILD, "implements"), 14)
    national = (SRC / "national.plan").read_text("utf-8")
    assert span.path.endswith("national.plan") and span.line == _line_of(national, "plan ctxh_112") + 1
    adopt_line = _line_of(CHILD, "adopt")
    span = p.definition(child, adopt_line, CHILD.split("\n")[adopt_line].index("facilities") + 2)
    assert span.line == _line_of(national, "objective facilities") + 1
    span = p.definition(child, _line_of(CHILD, "objective staffing"), 13)
    assert span.path.endswith("national.plan") and span.line == _line_of(national, "objective staffing") + 1
    text = CHILD.replace('    text "x"\n', '    text "x"\n    serves staffing\n')
    p.set_text(child, text)
    span = p.definition(child, _line_of(text, "serves staffing"), 12)
    assert span.path == child and span.line == _line_of(text, "objective staffing") + 1


def test_completion(project):
    p, child = project
    text = CHILD.replace("  adopt trained", "  adopt \n  adopt trained")
    p.set_text(child, text)
    line = text.split("\n").index("  adopt ")  # the spec does not parse while this is typed
    ids = [label for label, kind in p.completions(child, line, 8) if kind == "objective"]
    assert ids == ["staffing", "trained", "facilities", "counselled", "children"]
    kws = [label for label, _ in p.completions(child, _line_of(text, "direction"), 4)]
    assert "objective" in kws and "mục_tiêu" not in kws
    lead = _line_of(text, "lead")
    agencies = [label for label, kind in p.completions(child, lead, 11) if kind == "agency"]
    assert "Sở Y tế" in agencies and "Bộ Y tế" not in agencies  # names at the plan's level
    assert "mục_tiêu" in keywords("vi") and "objective" not in keywords("vi")
    assert word_at("  implements ctxh_112", 0, 15) == "ctxh_112"


async def _session(folder: Path, child: Path) -> dict:
    from lsprotocol import types

    async with lsp_session(folder, child, CHILD) as (client, uri, published, got):
        line = _line_of(CHILD, "target p1")
        hover = await client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri), types.Position(line, 6)))
        definition = await client.text_document_definition_async(types.DefinitionParams(
            types.TextDocumentIdentifier(uri), types.Position(_line_of(CHILD, "implements"), 14)))
        completion = await client.text_document_completion_async(types.CompletionParams(
            types.TextDocumentIdentifier(uri), types.Position(_line_of(CHILD, "direction"), 4)))
        got.clear()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            [types.TextDocumentContentChangeWholeDocument(text=CHILD.replace(">= 55%", ">= 65%"))]))
        await asyncio.wait_for(got.wait(), 60)
        after_change = published[uri]
        return {"hover": hover, "definition": definition, "completion": completion,
                "after_change": after_change, "published": published, "uri": uri}


def test_stdio_session(tmp_path):
    folder = tmp_path / "specs"
    folder.mkdir()
    shutil.copy(SRC / "national.plan", folder / "national.plan")
    child = folder / "child.plan"
    child.write_text(CHILD, "utf-8")
    out = asyncio.run(_session(folder, child))
    assert "Parent (ctxh_112): ≥ 60% in 2025" in out["hover"].contents.value
    assert out["definition"].uri.endswith("national.plan")
    assert "objective" in [i.label for i in out["completion"].items]
    assert all(d.code != "AM001" for d in out["after_change"])


def test_hover_on_a_rule_code_shows_its_document_in_the_language_of_messages(project):
    from plandsl.core.i18n import set_language

    p, child = project
    text = CHILD.replace("  task t1 {", '  allow AM001 on staffing "Huyện miền núi"\n  task t1 {')
    p.set_text(child, text)
    line = _line_of(text, "allow AM001")
    set_language("vi")
    vi = p.hover(child, line, 9)
    assert vi.startswith("**AM001 ") and "(mặc định: lỗi)" in vi
    assert 'chấp_nhận AM001 cho trained "…"' in vi and "allow AM001" not in vi
    set_language("en")
    en = p.hover(child, line, 9)
    assert "(default: error)" in en and 'allow AM001 on trained "…"' in en
    assert p.hover(child, line, 1) is None  # the keyword itself: nothing to say
