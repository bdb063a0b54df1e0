"""The shape of the code: stages import only downwards, no import circles,
modules stay small, and the repository names no developer machine's paths."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import grimp
import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "plandsl"
MAX_LINES = 500


def test_import_contracts_hold():
    """The layers in pyproject's [tool.importlinter] (see ARCHITECTURE.md)."""
    lint = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


def test_no_import_circles_between_modules():
    graph = grimp.build_graph("plandsl", cache_dir=None)
    g = nx.DiGraph()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            # A module importing its own package's __init__ is not a circle of modules.
            if not module.startswith(imported + "."):
                g.add_edge(module, imported)
    circles = [sorted(c) for c in nx.strongly_connected_components(g) if len(c) > 1]
    assert circles == []


def test_modules_are_small():
    big = {str(p.relative_to(ROOT)): n for p in PKG.rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert big == {}, f"split these modules (over {MAX_LINES} lines): {big}"


def test_the_package_root_holds_only_its_face():
    assert sorted(p.name for p in PKG.glob("*.py")) == ["__init__.py", "__main__.py"]


_MACHINE_PATH = re.compile(r"(?<![\w.])(/root/|/home/\w|/work/|/tmp/|/var/tmp/|/Users/\w|[A-Z]:\\Users\\)")


def test_tracked_files_name_no_machine_paths():
    try:
        files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    found = []
    for name in filter(None, files.decode().split("\0")):
        path = ROOT / name
        if name == "tests/test_architecture.py" or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # binary files (images, documents, compiled catalogs)
        for n, line in enumerate(text.splitlines(), 1):
            if _MACHINE_PATH.search(line):
                found.append(f"{name}:{n}: {line.strip()[:100]}")
    assert found == []
