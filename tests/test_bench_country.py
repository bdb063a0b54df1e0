"""A generated country checks with exactly the faults planted in it (bench/gen_country.py)."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from plandsl.check.pipeline import check_paths

from country import gen_module

ROOT = Path(__file__).resolve().parents[1]

# Planted fault kind (EXPECTED.json) -> the rule code that must report it.
# Adjust here when rule codes change.
FAULT_CODES = {
    "cycle": "GR003",
    "duplicate-id": "GR001",
    "unknown-parent": "GR002",
    "weaker-target": "AM001",
    "percent-over-100": "CS001",
}
# Kinds reported once per group of records, at any one of the group's locations
# (a cycle is one finding, at one of its members).
ONE_PER_GROUP = {"cycle"}



@pytest.fixture(scope="module", params=["current", "legacy"])
def country(request, tmp_path_factory) -> tuple[Path, dict]:
    """1 national + 3 provinces + 3 x 4 leaves (communes, or districts in the legacy structure)."""
    out = tmp_path_factory.mktemp(request.param) / "country"
    manifest = gen_module().generate(out, request.param, seed=7, provinces=3, leaves=4)
    return out, manifest


def _where(d, root: Path) -> tuple[str, str, int]:
    rel = Path(os.path.relpath(d.span.path, root)).as_posix() if d.span else "<none>"
    return d.code, rel, d.span.line if d.span else 0


def test_manifest_describes_the_country(country):
    root, manifest = country
    leaf = "commune" if manifest["structure"] == "current" else "district"
    assert manifest["counts"] == {"national": 1, "province": 3, leaf: 12}
    assert len(list(root.rglob("*.plan"))) == manifest["files"] == 16
    kinds = Counter(f["kind"] for f in manifest["faults"])
    assert kinds == {"cycle": 2, "duplicate-id": 1, "weaker-target": 3,
                     "unknown-parent": 1, "percent-over-100": 1}
    assert set(kinds) <= set(FAULT_CODES)
    for fault in manifest["faults"]:
        line = (root / fault["file"]).read_text("utf-8").split("\n")[fault["line"] - 1]
        if fault["kind"] in ("weaker-target", "percent-over-100"):
            assert fault["phase"] in line and ("chỉ_tiêu" in line or "target" in line)
        elif fault["kind"] == "duplicate-id":
            assert fault["plan"] in line and ("kế_hoạch" in line or "plan" in line)
        else:
            assert "thực_hiện" in line or "implements" in line


def test_generated_country_checks_with_exactly_the_planted_findings(country):
    root, manifest = country
    result = check_paths([str(root)])
    found = Counter(_where(d, root) for d in result.diagnostics)
    expected: Counter = Counter()
    groups: list[set[tuple[str, str, int]]] = []
    for kind in sorted(ONE_PER_GROUP):
        places = {(FAULT_CODES[kind], f["file"], f["line"]) for f in manifest["faults"] if f["kind"] == kind}
        if places:
            groups.append(places)
    for fault in manifest["faults"]:
        if fault["kind"] not in ONE_PER_GROUP:
            expected[(FAULT_CODES[fault["kind"]], fault["file"], fault["line"])] += 1
    for places in groups:
        hits = [w for w in found if w in places]
        assert len(hits) == 1 and found[hits[0]] == 1, f"expected one finding at one of {sorted(places)}"
        del found[hits[0]]
    assert found == expected


def test_generator_is_deterministic(tmp_path):
    gen = gen_module()
    a = gen.generate(tmp_path / "a", "current", seed=11, provinces=2, leaves=5)
    b = gen.generate(tmp_path / "b", "current", seed=11, provinces=2, leaves=5)
    assert a == b
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*"))
    assert files_a == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*"))
    for rel in files_a:
        if (tmp_path / "a" / rel).is_file():
            assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()
    c = gen.generate(tmp_path / "c", "current", seed=12, provinces=2, leaves=5)
    assert c["faults"] != a["faults"] or (tmp_path / "c" / "00_quoc_gia.plan").read_bytes() != \
        (tmp_path / "a" / "00_quoc_gia.plan").read_bytes()


def test_generator_refuses_to_overwrite_a_foreign_folder(tmp_path):
    precious = tmp_path / "mine"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep", "utf-8")
    with pytest.raises(SystemExit):
        gen_module().generate(precious, "current", provinces=2, leaves=5)
    assert (precious / "notes.txt").read_text("utf-8") == "keep"


def test_manifest_is_json_next_to_the_specs(country):
    root, manifest = country
    assert json.loads((root / "EXPECTED.json").read_text("utf-8")) == manifest
