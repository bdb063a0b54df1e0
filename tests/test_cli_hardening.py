"""Issue 17 items 7-9: output write errors, symlinks and file modes, cycles/duplicates outside check."""

from __future__ import annotations

import os
import stat

import pytest

from plandsl.cli import main

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


# ------------------------------------------------------------------ item 8

UGLY = 'plan   a {\n level province\n  period 2021..2025\n}\n'


def test_fmt_through_a_symlink_formats_the_real_file_and_keeps_the_link(tmp_path, capsys):
    real = tmp_path / "real.plan"
    real.write_text(UGLY, "utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.plan"
    link.symlink_to(real.name)
    assert main(["fmt", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == "real.plan"
    assert real.read_text("utf-8") != UGLY and real.read_text("utf-8").startswith("plan a {")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.plan", "real.plan"]


def test_write_atomic_keeps_mode_and_link(tmp_path):
    from plandsl.core.fsutil import write_atomic

    real = tmp_path / "r.txt"
    real.write_text("old", "utf-8")
    real.chmod(0o600)
    link = tmp_path / "l.txt"
    link.symlink_to(real)
    write_atomic(link, "new", overwrite=True)
    assert link.is_symlink() and real.read_text("utf-8") == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


def test_write_atomic_refuses_a_link_loop(tmp_path):
    from plandsl.core.fsutil import write_atomic

    loop = tmp_path / "loop.plan"
    loop.symlink_to(loop.name)
    with pytest.raises(OSError, match="loop"):
        write_atomic(loop, "x", overwrite=True)
    assert loop.is_symlink()


def test_a_symlink_loop_given_directly_says_so(tmp_path, capsys):
    loop = tmp_path / "loop.plan"
    loop.symlink_to(loop.name)
    for command in (["check", str(loop)], ["fmt", str(loop)]):
        assert main(command) == 1
        out = capsys.readouterr()
        text = out.out + out.err
        assert "symbolic link loop" in text and "no such file" not in text and "internal error" not in text


def test_a_dangling_symlink_says_where_it_points(tmp_path, capsys):
    link = tmp_path / "gone.plan"
    link.symlink_to("missing.plan")
    assert main(["check", str(link)]) == 1
    out = capsys.readouterr()
    assert "symbolic link to missing.plan, which does not exist" in out.out + out.err


# ------------------------------------------------------------------ item 9

CYCLE_A = 'plan a {\n  level province\n  period 2021..2025\n  implements b\n  jurisdiction "Tỉnh Quảng Ngãi"\n}\n'
CYCLE_B = 'plan b {\n  level province\n  period 2021..2025\n  implements a\n  jurisdiction "Tỉnh Bình Định"\n}\n'


def _check_codes(capsys, path) -> set[str]:
    from plandsl.check.pipeline import check_specs
    from plandsl.project.loader import load

    return {d.code for d in check_specs(load([str(path)])).diagnostics if d.code in ("GR001", "GR003")}


@pytest.mark.parametrize("command", [
    lambda out: ["render", "a", "specs", "--format", "md", "-o", str(out)],
    lambda out: ["new", "--from", "a", "--level", "district", "--jurisdiction", "Huyện X", "-o", str(out), "specs"],
    lambda out: ["graph", "-o", str(out), "specs"],
    lambda out: ["explain", "a", "specs"],
])
@pytest.mark.parametrize("kind", ["cycle", "duplicate"])
def test_commands_refuse_cycles_and_duplicates_like_check(chain, capsys, command, kind):
    specs = chain / "specs"
    if kind == "cycle":
        (specs / "a.plan").write_text(CYCLE_A, "utf-8")
        (specs / "b.plan").write_text(CYCLE_B, "utf-8")
        code = "GR003"
    else:
        (specs / "a.plan").write_text(CYCLE_A.replace("  implements b\n", ""), "utf-8")
        (specs / "a2.plan").write_text(CYCLE_A.replace("  implements b\n", ""), "utf-8")
        code = "GR001"
    assert _check_codes(capsys, specs) == {code}
    out = chain / "out.txt"
    assert main(command(out)) == 1
    err = capsys.readouterr().err
    assert code in err and "internal error" not in err
    assert not out.exists()


def test_an_unrelated_cycle_does_not_stop_rendering_another_plan(chain, capsys):
    (chain / "specs" / "a.plan").write_text(CYCLE_A, "utf-8")
    (chain / "specs" / "b.plan").write_text(CYCLE_B, "utf-8")
    assert main(["explain", "dist", "specs"]) == 0
    assert "GR003" not in capsys.readouterr().err


def test_import_uses_the_same_output_rules(chain, capsys):
    doc = chain / "doc.txt"
    doc.write_text("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nKẾ HOẠCH\nThực hiện công tác xã hội giai đoạn 2021-2025\n", "utf-8")
    (chain / "d").mkdir()
    assert main(["import", str(doc), "-o", "d"]) == 1
    err = capsys.readouterr().err
    assert "folder" in err and "--force" not in err
    (chain / "taken.plan").write_text("mine", "utf-8")
    assert main(["import", str(doc), "-o", "taken.plan"]) == 1
    assert "already exists; use --force" in capsys.readouterr().err
    assert (chain / "taken.plan").read_text("utf-8") == "mine"
