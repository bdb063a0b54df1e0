"""Issue 17 items 7-9: output write errors, symlinks and file modes, cycles/duplicates outside check."""

from __future__ import annotations

import os
import stat

import pytest

from plandsl.cli import main

PARENT = """plan nat {
  level national
  period 2021..2025
  instrument "112/QĐ-TTg" dated 2021-01-22
  objective trained { unit % direction up target 2025 >= 60% }
}
"""
CHILD = """plan dist {
  level district
  period 2021..2025
  implements nat
  objective trained { target 2025 >= 25% }
}
"""


@pytest.fixture
def chain(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "nat.plan").write_text(PARENT, "utf-8")
    (tmp_path / "specs" / "dist.plan").write_text(CHILD, "utf-8")
    return tmp_path


# ------------------------------------------------------------------ item 7


@pytest.mark.parametrize("force", [False, True])
def test_graph_output_to_a_folder(chain, capsys, force):
    (chain / "out").mkdir()
    args = ["graph", "--format", "dot", "-o", "out", "specs"] + (["--force"] if force else [])
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "cannot write out" in err and "folder" in err
    assert "--force" not in err and "internal error" not in err


def test_graph_output_missing_parent_folder(chain, capsys):
    assert main(["graph", "-o", "nowhere/g.txt", "specs"]) == 1
    err = capsys.readouterr().err
    assert "cannot write nowhere/g.txt" in err and "internal error" not in err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write a read-only folder")
def test_graph_output_read_only_folder(chain, capsys):
    ro = chain / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        assert main(["graph", "-o", "ro/g.txt", "specs"]) == 1
    finally:
        ro.chmod(0o755)
    err = capsys.readouterr().err
    assert "cannot write ro/g.txt" in err and "internal error" not in err


@pytest.mark.parametrize("command", [
    ["graph", "--format", "dot", "specs"],
    ["new", "--from", "nat", "--level", "province", "--jurisdiction", "Tỉnh Bình Định", "specs"],
])
def test_exists_use_force_is_exit_1_everywhere(chain, capsys, command):
    (chain / "taken").write_text("mine", "utf-8")
    assert main(command + ["-o", "taken"]) == 1
    assert "already exists; use --force" in capsys.readouterr().err
    assert (chain / "taken").read_text("utf-8") == "mine"


def test_new_output_is_a_folder_never_suggests_force(chain, capsys):
    (chain / "d").mkdir()
    assert main(["new", "--from", "nat", "--level", "province", "--jurisdiction", "Tỉnh Bình Định",
                 "-o", "d", "specs"]) == 1
    err = capsys.readouterr().err
    assert "folder" in err and "--force" not in err


def test_render_output_is_a_folder_never_suggests_force(chain, capsys):
    (chain / "d").mkdir()
    assert main(["render", "nat", "specs", "--format", "md", "-o", "d", "--force"]) == 1
    err = capsys.readouterr().err
    assert "folder" in err and "--force" not in err
