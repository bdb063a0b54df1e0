"""render/explain never present a plan as parentless because its parent's spec was not given."""

from __future__ import annotations

import shutil
from pathlib import Path

from plandsl.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ctxh"
PLAN = "qn_ctxh_2021"


def _child_file() -> Path:
    files = [p for p in FIXTURES.glob("*.plan") if f"plan {PLAN}" in p.read_text("utf-8")
             or f"kế_hoạch {PLAN}" in p.read_text("utf-8")]
    assert len(files) == 1, files
    return files[0]


def test_id_with_the_child_file_finds_the_parent_in_its_folder(capfd):
    """`render ID folder/child.plan` loads the parent from the same folder (it used to show no parent)."""
    assert main(["render", PLAN, str(_child_file()), "--compare", "--format", "md", "-o", "-"]) == 0
    out = capfd.readouterr()
    assert "ctxh_112" in out.out or "112/QĐ-TTg" in out.out
    assert "GR002" not in out.err
    assert main(["explain", PLAN, str(_child_file())]) == 0
    out = capfd.readouterr()
    assert "(none: top of the chain)" not in out.out and "not loaded" not in out.out


def _alone(tmp_path: Path) -> Path:
    (tmp_path / "plandsl.toml").write_text("", "utf-8")  # the project root: the search stops here
    child = tmp_path / "child.plan"
    shutil.copy(_child_file(), child)
    return child


def test_compare_refuses_when_the_parent_is_not_loaded(tmp_path, capfd):
    child = _alone(tmp_path)
    assert main(["render", PLAN, str(child), "--compare", "--format", "md", "-o", "-"]) == 1
    out = capfd.readouterr()
    assert out.out == ""
    assert "GR002" in out.err and "'ctxh_112' is not loaded" in out.err and "child.plan:" in out.err


def test_plain_render_and_explain_warn_and_explain_names_the_parent(tmp_path, capfd):
    child = _alone(tmp_path)
    assert main(["render", PLAN, str(child), "--format", "md", "-o", "-"]) == 0
    out = capfd.readouterr()
    assert "KẾ HOẠCH" in out.out and "GR002" in out.err and "'ctxh_112' is not loaded" in out.err
    assert main(["explain", PLAN, str(child)]) == 0
    out = capfd.readouterr()
    assert "ctxh_112 (not loaded)" in out.out and "top of the chain" not in out.out
    assert "GR002" in out.err
