"""The wheel ships the grammar, the templates and the registry data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_package_data(tmp_path):
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("plandsl-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "plandsl/grammar/plan.lark" in names
    templates = {n for n in names if n.startswith("plandsl/templates/")}
    expected = {f"plandsl/templates/{p.name}" for p in (ROOT / "templates").iterdir() if p.is_file()
                and not p.name.startswith(".")}
    assert expected and expected <= templates
    assert any(n.startswith("plandsl/registry/") and n.endswith((".yaml", ".yml")) for n in names)
    assert "plandsl/report/schemas/check-output.schema.json" in names
    # The compiled message catalogs (tracked, so a clean checkout builds them in).
    for lang in ("vi", "en"):
        assert f"plandsl/locale/{lang}/LC_MESSAGES/plandsl.mo" in names
    # The web workspace's templates and vendored assets (no CDN at run time).
    web = ROOT / "src" / "plandsl" / "web"
    for folder in ("templates", "static"):
        shipped = {f"plandsl/web/{folder}/{p.name}" for p in (web / folder).iterdir() if p.is_file()}
        assert shipped and shipped <= names
    entry = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "plandsl = plandsl.cli:run" in entry
