"""`plandsl render`: output files, overwrite protection, stdout, errors; the comparison table."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from plandsl.cli import main
from plandsl.project.loader import load
from plandsl.render import render

FIXTURES = str(Path(__file__).resolve().parent / "fixtures" / "ctxh")
PLAN = "qn_ctxh_2021"


def test_writes_docx_and_refuses_to_overwrite(tmp_path, capfd):
    out = tmp_path / "qn.docx"
    assert main(["render", PLAN, FIXTURES, "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data[:2] == b"PK"  # a zip: a real Word file
    docx = pytest.importorskip("docx")
    assert docx.Document(io.BytesIO(data)).tables[0].rows[0].cells[0].text.startswith("ỦY BAN NHÂN DÂN")
    out.write_bytes(b"the user's own file")
    assert main(["render", PLAN, FIXTURES, "-o", str(out)]) == 1  # exists: same exit code as new and graph
    assert out.read_bytes() == b"the user's own file"
    assert "--force" in capfd.readouterr().err
    assert main(["render", PLAN, FIXTURES, "-o", str(out), "--force"]) == 0
    assert out.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["qn.docx"]  # no temporary file left behind


def test_stdout_markdown_and_html(capfd):
    assert main(["render", PLAN, FIXTURES, "--format", "md", "-o", "-"]) == 0
    out = capfd.readouterr().out
    assert out.startswith("| **ỦY BAN NHÂN DÂN**") and "# KẾ HOẠCH" in out
    assert main(["render", PLAN, FIXTURES, "--format", "html", "--document", "plan", "-o", "-"]) == 0
    html = capfd.readouterr().out
    assert html.startswith("<!DOCTYPE html>") and "QUYẾT ĐỊNH:" not in html and "KẾ HOẠCH" in html


def test_format_from_extension(tmp_path):
    out = tmp_path / "qn.html"
    assert main(["render", PLAN, FIXTURES, "-o", str(out)]) == 0
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_docx_to_stdout_is_a_usage_error(capfd):
    assert main(["render", PLAN, FIXTURES, "--format", "docx", "-o", "-"]) == 2


def test_unknown_plan_did_you_mean(tmp_path, capfd):
    out = tmp_path / "x.md"
    assert main(["render", "qn_ctxh_2012", FIXTURES, "-o", str(out)]) == 1
    err = capfd.readouterr().err
    assert "RND010" in err and "Did you mean 'qn_ctxh_2021'?" in err and "Traceback" not in err
    assert not out.exists()


def test_missing_field_writes_no_file(tmp_path, write_spec, capfd):
    spec = write_spec("specs/a.plan", 'plan a {\n  title "Kế hoạch A"\n  level province\n'
                                      '  jurisdiction "Tỉnh Quảng Ngãi"\n}\n')
    out = tmp_path / "a.md"
    assert main(["render", "a", spec, "-o", str(out)]) == 1
    assert "RND001" in capfd.readouterr().err
    assert not out.exists()


CHILD = """\
plan child {
  title "Kế hoạch thực hiện Chương trình trên địa bàn huyện An Lão"
  level district
  jurisdiction "Huyện An Lão"
  instrument "57/KH-UBND" dated 2021-05-18 { signer "CHỦ TỊCH" signatory "Nguyễn Văn A" }
  period 2021..2025
  phase p1 2021..2025
  implements ctxh_112
  objective trained {
    indicator "Tỷ lệ cán bộ được đào tạo, bồi dưỡng"
    unit %
    target p1 at_least 25%
  }
  objective staffing { target p1 50% }
  adopt children
  waive facilities "Huyện chưa có cơ sở trợ giúp xã hội"
  allow AM001 on trained "Điều kiện thực tế của huyện miền núi"
  report semiannual before 10/6 to "Phòng Lao động - Thương binh và Xã hội huyện"
  report annual before 10/12 to "Phòng Lao động - Thương binh và Xã hội huyện"
}
"""


def test_comparison_table(write_spec, tmp_path):
    import shutil

    shutil.copy(Path(FIXTURES) / "national.plan", tmp_path / "national.plan")
    write_spec("child.plan", CHILD)
    result = render(load([str(tmp_path)]), "child", "md", compare=True)
    assert result.ok, result.diagnostics
    md = result.data.decode("utf-8")
    table = md[md.index("BẢNG SO SÁNH CHỈ TIÊU"):]
    lines = [line for line in table.splitlines() if line.startswith("| ") and "STT" not in line and "---" not in line]
    rows = {line.split(" | ")[1]: line for line in lines}
    assert len(rows) == len(lines) == 4  # one phase: one row per objective, waived one included
    trained = rows["Tỷ lệ cán bộ được đào tạo, bồi dưỡng"]
    assert "| tối thiểu 25% (\\*) | tối thiểu 60% |" in trained  # weaker: marked in the text, not by colour
    assert "*(\\*) Thấp hơn chỉ tiêu cấp trên.*" in md  # the legend under the table
    assert "Thấp hơn chỉ tiêu cấp trên" in trained
    assert "Chấp nhận sai khác (AM001): Điều kiện thực tế của huyện miền núi" in trained
    facilities = next(line for key, line in rows.items() if key.startswith("Số cơ sở trợ giúp xã hội"))
    assert "| Giai đoạn 2021-2025 | — | tối thiểu 50% |" in facilities and "Miễn trừ: Huyện chưa có cơ sở trợ giúp xã hội" in facilities
    children = next(line for key, line in rows.items() if key.startswith("Trẻ em mồ côi"))
    assert "| tối thiểu 90% | tối thiểu 90% | Áp dụng chỉ tiêu cấp trên |" in children
    # The adapted objective keeps the parent's wording where the child gives none.
    assert "- Đạt 50% số cơ quan, tổ chức, cơ sở trợ giúp xã hội" in md
    # A standalone KH: the plan carries the number, the date and the signature; no decision.
    assert "Số: 57/KH-UBND" in md and "QUYẾT ĐỊNH" not in md and "**Nguyễn Văn A**" in md
    assert ("Các sở, ban ngành, địa phương định kỳ 6 tháng (trước ngày 10/6), hằng năm (trước ngày 10/12) báo cáo "
            "kết quả thực hiện Kế hoạch về Phòng Lao động - Thương binh và Xã hội huyện") in md
    assert "**ỦY BAN NHÂN DÂN**<br>**HUYỆN AN LÃO**" in md


def test_compare_needs_a_parent(write_spec):
    text = CHILD.replace("  implements ctxh_112\n", "")
    result = render(load([write_spec("c.plan", text)]), "child", "md", compare=True)
    assert result.data is None and "RND009" in {d.code for d in result.diagnostics}
