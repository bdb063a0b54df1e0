"""Rendering the decision and the plan: golden Markdown, seed content, all specs, DOCX layout, diagnostics."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from plandsl.core.diagnostics import Severity
from plandsl.project.loader import load
from plandsl.render import render

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "ctxh"
GOLDEN = ROOT / "tests" / "golden" / "quang-ngai.md"
SPECS = ROOT / "specs"
SEED = ROOT.parent / "shared" / "seeds" / "000_a7ad0b52bbad5d6d.txt"
QN_FIXTURE = "qn_ctxh_2021"
QN_SPEC = "qng_ctxh_2021"


@pytest.fixture(scope="module")
def fixture_specs():
    return load([str(FIXTURES)])


@pytest.fixture(scope="module")
def qn_md(fixture_specs) -> str:
    result = render(fixture_specs, QN_FIXTURE, "md")
    assert result.ok, result.diagnostics
    return result.data.decode("utf-8")


# ------------------------------------------------------------------ golden


def test_golden_markdown(qn_md):
    """The Quảng Ngãi decision + plan. PLANDSL_UPDATE_GOLDEN=1 rewrites the golden file."""
    if os.environ.get("PLANDSL_UPDATE_GOLDEN") == "1" or not GOLDEN.exists():
        GOLDEN.write_text(qn_md, "utf-8")
        if os.environ.get("PLANDSL_UPDATE_GOLDEN") != "1":
            pytest.fail(f"{GOLDEN} was missing and has been written; check it and commit it")
    assert qn_md == GOLDEN.read_text("utf-8")


def test_decision_structure(qn_md):
    lines = qn_md.splitlines()
    assert lines[0].startswith("| **ỦY BAN NHÂN DÂN**<br>**TỈNH QUẢNG NGÃI**<br>Số: 255/QĐ-UBND |")
    assert "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**" in lines[0]
    assert "*Quảng Ngãi, ngày 19 tháng 4 năm 2021*" in lines[0]
    order = ["# QUYẾT ĐỊNH", "**Ban hành Kế hoạch thực hiện Chương trình",
             "*Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;*",
             "*Căn cứ Quyết định số 112/QĐ-TTg ngày 22/01/2021 của Thủ tướng Chính phủ",
             "*Theo đề nghị của Giám đốc Sở Lao động - Thương binh và Xã hội tại Tờ trình số 23/TTr-SLĐTBXH "
             "ngày 31/3/2021.*",
             "**QUYẾT ĐỊNH:**", "**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch",
             "**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày ký.",
             "**Điều 3.** Giao Sở Lao động - Thương binh và Xã hội chủ trì", "**Điều 4.** Chánh Văn phòng UBND tỉnh;",
             "**TM. ỦY BAN NHÂN DÂN**<br>**KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**", "**Võ Phiên**",
             "# KẾ HOẠCH", "*(Ban hành kèm theo Quyết định số 255/QĐ-UBND ngày 19/4/2021 của Ủy ban nhân dân tỉnh "
             "Quảng Ngãi)*", "## I. MỤC TIÊU", "### 1. Mục tiêu chung", "### 2. Mục tiêu cụ thể",
             "#### a) Giai đoạn 2021-2025", "#### b) Giai đoạn 2026-2030", "## II. NHIỆM VỤ VÀ GIẢI PHÁP",
             "## III. KINH PHÍ THỰC HIỆN", "## IV. TỔ CHỨC THỰC HIỆN"]
    positions = [qn_md.find(marker) for marker in order]
    assert -1 not in positions, [m for m, p in zip(order, positions) if p == -1]
    assert positions == sorted(positions)
    # Laws come before the higher decisions among the căn cứ lines.
    assert qn_md.find("Căn cứ Luật sửa đổi") < qn_md.find("Căn cứ Quyết định số 112")
    # Điều 4 names the executors as the seed does.
    assert ("Giám đốc các Sở: Lao động - Thương binh và Xã hội, Nội vụ, Giáo dục và Đào tạo, Tư pháp, Tài chính, "
            "Thông tin và Truyền thông, Kế hoạch và Đầu tư, Y tế; Giám đốc Công an tỉnh; Chủ tịch UBND các huyện, "
            "thị xã, thành phố và Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành") in qn_md
    # Nơi nhận: 'Như Điều 4' first, 'Lưu: VT' last.
    recipients = re.search(r"\*\*\*Nơi nhận:\*\*\*<br>(.*?) \|", qn_md).group(1).split("<br>")
    assert recipients[0] == "- Như Điều 4;" and recipients[-1] == "- Lưu: VT, KGVXBTHM177."


def test_requested_bodies_are_requested_not_assigned(qn_md):
    assert "### 11. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" in qn_md
    assert "Thủ trưởng Ủy ban Mặt trận" not in qn_md  # not among the executors of Điều 4


def test_adopted_objectives_carry_the_parent_targets(qn_md):
    phase1 = _section(qn_md, "#### a) Giai đoạn 2021-2025", "#### b)")
    phase2 = _section(qn_md, "#### b) Giai đoạn 2026-2030", "#### c)")
    # `adopt facilities, children`: the national targets, in the national wording.
    assert "- Tối thiểu 90% trẻ em mồ côi không nơi nương tựa" in phase1
    assert "- Tối thiểu 95% trẻ em mồ côi không nơi nương tựa" in phase2
    assert "- Tối thiểu 50% số cơ sở trợ giúp xã hội, cơ sở y tế" in phase1
    assert "- Tối thiểu 60% số cơ sở trợ giúp xã hội, cơ sở y tế" in phase2


def _section(text: str, start: str, end: str) -> str:
    i = text.index(start)
    j = text.find(end, i + len(start))
    return text[i: j if j != -1 else len(text)]


# ------------------------------------------------------------------ the seed, section by section


def _norm(text: str) -> str:
    text = text.replace("–", "-").replace("Uỷ", "Ủy").replace("uỷ", "ủy")
    text = re.sub(r"\s*-\s*", " - ", text)
    text = " ".join(text.split()).lower()
    # Seed damage and spelling variants that a spec may correct (see shared/domain.md).
    for old, new in (("để xuất", "đề xuất"), ("mật trận", "mặt trận"), ("qui ", "quy "), ("hàng năm", "hằng năm")):
        text = text.replace(old, new)
    return text


def _seed_sections(seed: str) -> dict:
    body = seed.replace("\n\n", "\n")
    phase1 = _between(body, "a) Giai đoạn 2021-2025", "b) Giai đoạn 2026 - 2030")
    phase2 = _between(body, "b) Giai đoạn 2026 - 2030", "II. NHIỆM VỤ")
    duties_block = _between(body, "Điều 2. Tổ chức thực hiện", "Điều 3.")
    agencies = re.split(r"\n(?=\d+\. )", duties_block)[1:]
    duties = {}
    for block in agencies:
        head, _, rest = block.partition("\n")
        name = re.sub(r"^\d+\.\s*", "", head).strip()
        items = [re.sub(r"^(- |[a-z]\) )", "", line).strip() for line in rest.split("\n") if line.strip()]
        duties[name] = items
    return {"phase1": phase1, "phase2": phase2, "duties": duties}


def _between(text: str, start: str, end: str) -> str:
    i = text.index(start)
    return text[i + len(start): text.index(end, i)]


def _rendered_sections(md: str) -> dict:
    return {
        "phase1": _section(md, "#### a) Giai đoạn 2021-2025", "#### b)"),
        "phase2": _section(md, "#### b) Giai đoạn 2026-2030", "## II."),
        "organisation": _section(md, "## IV. TỔ CHỨC THỰC HIỆN", "\n# "),
    }


def _qn_renders():
    out = [pytest.param(FIXTURES, QN_FIXTURE, id="fixture")]
    if (SPECS / "ctxh-2021-2030" / "quang-ngai.plan").exists():
        out.append(pytest.param(SPECS, QN_SPEC, id="specs"))
    return out


@pytest.mark.skipif(not SEED.exists(), reason="the seed texts (../shared/seeds) are not beside the repo")
@pytest.mark.parametrize("folder, plan_id", _qn_renders())
def test_render_covers_the_seed(folder, plan_id):
    """Every phase target and every agency duty of decision 255/QĐ-UBND appears in the render."""
    result = render(load([str(folder)]), plan_id, "md")
    assert result.ok, result.diagnostics
    md = result.data.decode("utf-8").replace("\\", "")
    seed = _seed_sections(SEED.read_text("utf-8"))
    got = _rendered_sections(md)
    for phase in ("phase1", "phase2"):
        seed_bullets = [b for b in seed[phase].split("\n- ") if "%" in b]
        assert len(seed_bullets) >= 4
        rendered = got[phase]
        for bullet in seed_bullets:
            for value in re.findall(r"(\d+)%", bullet):
                assert f"{value}%" in rendered, (phase, value, bullet[:80])
        # One rendered target per seed percentage, no more, no less.
        assert sorted(re.findall(r"(\d+)%", rendered)) == sorted(re.findall(r"(\d+)%", seed[phase]))
    organisation = _norm(got["organisation"])
    assert len(seed["duties"]) == 11
    for agency, duties in seed["duties"].items():
        assert _norm(agency) in organisation, agency
        for duty in duties:
            assert _norm(duty) in organisation, (agency, duty[:80])


# ------------------------------------------------------------------ every spec


def _all_spec_ids():
    if not SPECS.is_dir():
        return []
    ids = []
    for path in sorted(SPECS.rglob("*.plan")):
        m = re.search(r"^(?:plan|kế_hoạch)\s+(\w+)", path.read_text("utf-8"), re.M)
        if m:
            ids.append(m.group(1))
    return ids


@pytest.fixture(scope="module")
def all_specs():
    return load([str(SPECS)])


@pytest.mark.parametrize("plan_id", _all_spec_ids() or [pytest.param("none", marks=pytest.mark.skip("no specs"))])
@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_every_spec_renders(all_specs, plan_id, fmt):
    """Each spec renders (signature placeholders allowed with draft), or says its instrument is missing."""
    result = render(all_specs, plan_id, fmt, draft=True)
    if not result.ok:
        codes = {d.code for d in result.diagnostics if d.severity is Severity.ERROR}
        plan = all_specs.by_id()[plan_id]
        assert plan.instrument is None and codes == {"RND001"}, result.diagnostics
        return
    assert result.data
    assert all(d.severity is not Severity.ERROR for d in result.diagnostics)
    if fmt == "docx":
        docx = pytest.importorskip("docx")
        doc = docx.Document(io.BytesIO(result.data))
        assert len(doc.tables[0].columns) == 2
    else:
        text = result.data.decode("utf-8")
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Undefined" not in text and "None" not in text


# ------------------------------------------------------------------ DOCX


def test_docx_layout(fixture_specs):
    docx = pytest.importorskip("docx")
    from docx.shared import Mm, Pt

    result = render(fixture_specs, QN_FIXTURE, "docx")
    assert result.ok
    doc = docx.Document(io.BytesIO(result.data))
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    mm = {side: round(getattr(section, f"{side}_margin").mm) for side in ("top", "bottom", "left", "right")}
    assert 20 <= mm["top"] <= 25 and 20 <= mm["bottom"] <= 25, mm  # Decree 30 margins
    assert 30 <= mm["left"] <= 35 and 15 <= mm["right"] <= 20, mm
    header = doc.tables[0]
    # Row 1: the issuing body | the national title and motto; row 2: Số | place and date, level.
    assert len(header.columns) == 2 and len(header.rows) == 2
    left, right = (cell.text for cell in header.rows[0].cells)
    assert "ỦY BAN NHÂN DÂN" in left and "TỈNH QUẢNG NGÃI" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    number, place_date = (cell.text for cell in header.rows[1].cells)
    assert number == "Số: 255/QĐ-UBND" and place_date == "Quảng Ngãi, ngày 19 tháng 4 năm 2021"
    from docx.oxml.ns import qn

    borders = header._tbl.tblPr.xpath("./w:tblBorders/*")
    assert len(borders) == 6 and all(b.get(qn("w:val")) == "nil" for b in borders)  # borderless
    runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    runs += [r for row in header.rows for cell in row.cells for p in cell.paragraphs for r in p.runs if r.text.strip()]
    assert runs
    assert {r.font.name for r in runs} == {"Times New Roman"}
    assert {r.font.size for r in runs} <= {Pt(13), Pt(14)}
    assert doc.styles["Normal"].font.name == "Times New Roman"
    texts = [p.text for p in doc.paragraphs]
    assert "QUYẾT ĐỊNH" in texts and "KẾ HOẠCH" in texts and "QUYẾT ĐỊNH:" in texts
    assert any(t.startswith("Điều 4. Chánh Văn phòng UBND tỉnh") for t in texts)


# ------------------------------------------------------------------ missing fields


BROKEN = """\
plan broken {
  kind "Kế hoạch"
  level province
  jurisdiction "Tỉnh Quảng Ngãi"
  instrument "12/QĐ-UBND" dated 2024-03-05 {
    signatory "Nguyễn Văn A"
  }
}
"""


def test_missing_fields_give_diagnostics_and_nothing_rendered(write_spec):
    path = write_spec("broken.plan", BROKEN)
    result = render(load([path]), "broken", "md")
    assert result.data is None
    by_code = {d.code: d for d in result.diagnostics}
    assert set(by_code) == {"RND004", "RND008"}
    assert by_code["RND004"].span.line == 5 and "signer" in by_code["RND004"].hint
    assert by_code["RND008"].span.line == 1 and 'title "' in by_code["RND008"].hint


def test_missing_instrument_hint_uses_the_spec_keywords(write_spec):
    path = write_spec("vi.plan", 'kế_hoạch x {\n  tên "Kế hoạch A"\n  cấp tỉnh\n  địa_bàn "Tỉnh Quảng Ngãi"\n}\n')
    result = render(load([path]), "x", "md")
    assert result.data is None
    (diag,) = result.diagnostics
    assert diag.code == "RND001" and "văn_bản" in diag.hint and diag.span.line == 1


def test_decision_of_a_kh_instrument_is_refused(write_spec):
    text = BROKEN.replace("12/QĐ-UBND", "12/KH-UBND").replace("  kind", '  title "Kế hoạch A"\n  kind') \
        .replace("    signatory", '    signer "CHỦ TỊCH"\n    signatory')
    path = write_spec("kh.plan", text)
    specs = load([path])
    assert render(specs, "broken", "md", document="both").ok  # a KH instrument: the plan only
    refused = render(specs, "broken", "md", document="decision")
    assert refused.data is None and [d.code for d in refused.diagnostics] == ["RND003"]


def test_unknown_plan_suggests(fixture_specs):
    result = render(fixture_specs, "qn_ctxh_2012", "md")
    assert result.data is None
    assert result.diagnostics[0].code == "RND010" and "qn_ctxh_2021" in result.diagnostics[0].hint


def test_html_escapes_spec_text(write_spec):
    text = BROKEN.replace("  kind", '  title "Kế hoạch <script>alert(1)</script>"\n  kind') \
        .replace("    signatory", '    signer "CHỦ TỊCH"\n    signatory')
    result = render(load([write_spec("x.plan", text)]), "broken", "html")
    html = result.data.decode("utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Times New Roman" in html and "size: A4" in html


def test_golden_markdown_of_the_shipped_spec():
    """The real Quảng Ngãi spec (specs/), decision + plan + comparison with 112/QĐ-TTg, pinned.

    PLANDSL_UPDATE_GOLDEN=1 rewrites the golden file."""
    golden = ROOT / "tests" / "golden" / "quang-ngai-spec.md"
    result = render(load([str(SPECS)]), QN_SPEC, "md", compare=True)
    assert result.ok, result.diagnostics
    text = result.data.decode("utf-8")
    if os.environ.get("PLANDSL_UPDATE_GOLDEN") == "1" or not golden.exists():
        golden.write_text(text, "utf-8")
        if os.environ.get("PLANDSL_UPDATE_GOLDEN") != "1":
            pytest.fail(f"{golden} was missing and has been written; check it and commit it")
    assert text == golden.read_text("utf-8")
