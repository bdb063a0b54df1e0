"""The parse cache and parallel loading (plandsl.project.parse_cache, plandsl.project.parallel, loader.load)."""

from __future__ import annotations

import importlib.util
import json
import pickle
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import plandsl
from plandsl.project import parse_cache as cache_mod
from plandsl.project.parse_cache import MAGIC, ParseCache, default_root
from plandsl.project.loader import load
from plandsl.project.parallel import PARALLEL_MIN_FILES, effective_jobs

ROOT = Path(__file__).resolve().parents[1]


def _gen_module():
    spec = importlib.util.spec_from_file_location("gen_country", ROOT / "bench" / "gen_country.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_country", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def country(tmp_path_factory) -> Path:
    """1 national + 2 provinces + 2 x 40 communes = 83 specs: enough for worker processes."""
    out = tmp_path_factory.mktemp("country") / "c"
    _gen_module().generate(out, "current", seed=3, provinces=2, leaves=40)
    return out


@pytest.fixture
def small(tmp_path) -> Path:
    out = tmp_path / "small"
    _gen_module().generate(out, "current", seed=5, provinces=1, leaves=9)
    return out


def _entries(root: Path) -> list[Path]:
    return sorted(root.glob("parse/*/*/*.pkl"))


def _spans(result) -> list:
    plan = result.plan
    return [plan.span, *(t.span for o in plan.objectives for t in o.targets), *(t.span for t in plan.all_tasks())]


def test_cache_hit_returns_the_same_results_with_spans(small, tmp_path):
    root = tmp_path / "cache"
    cold_cache = ParseCache(root)
    cold = load([str(small)], cache=cold_cache, jobs=1)
    assert cold_cache.hits == 0 and cold_cache.misses == len(cold.files) == 11
    assert len(_entries(root)) == 11
    warm_cache = ParseCache(root)
    warm = load([str(small)], cache=warm_cache, jobs=1)
    assert warm_cache.hits == 11 and warm_cache.misses == 0
    assert warm.files == cold.files
    for a, b in zip(cold.files, warm.files):
        assert a.path == b.path and a.text == b.text
        assert _spans(a) == _spans(b)  # spans are left out of ==, so compare them too
    # And a cached result equals a fresh, uncached parse.
    assert load([str(small)], jobs=1).files == warm.files


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty", "no-magic", "foreign-object", "other-key"])
def test_damaged_entry_is_rebuilt_not_trusted(small, tmp_path, damage):
    root = tmp_path / "cache"
    first = load([str(small)], cache=root, jobs=1)
    victim = _entries(root)[0]
    blob = victim.read_bytes()
    if damage == "truncate":
        victim.write_bytes(blob[: len(blob) // 2])
    elif damage == "garbage":
        victim.write_bytes(MAGIC + b"\x80\x05\x95garbage" * 10)
    elif damage == "empty":
        victim.write_bytes(b"")
    elif damage == "no-magic":
        victim.write_bytes(blob[len(MAGIC):])
    elif damage == "foreign-object":
        victim.write_bytes(MAGIC + pickle.dumps((victim.stem, {"not": "a ParseResult"})))
    else:  # a valid entry stored under the wrong name
        other = _entries(root)[1].read_bytes()
        victim.write_bytes(other)
    store = ParseCache(root)
    again = load([str(small)], cache=store, jobs=1)
    assert store.misses == 1 and store.hits == len(first.files) - 1
    assert again.files == first.files
    # The entry was rewritten and is good again.
    store = ParseCache(root)
    load([str(small)], cache=store, jobs=1)
    assert store.hits == len(first.files) and store.misses == 0


def test_changed_file_misses_and_returns_the_new_content(small, tmp_path):
    root = tmp_path / "cache"
    load([str(small)], cache=root, jobs=1)
    spec = small / "00_quoc_gia.plan"
    spec.write_text(spec.read_text("utf-8").replace("ctxh_2030 {", "ctxh_2031 {"), "utf-8")
    store = ParseCache(root)
    specs = load([str(small)], cache=store, jobs=1)
    assert store.misses == 1
    assert "ctxh_2031" in {p.id for p in specs.plans}


def test_same_bytes_at_another_path_is_a_miss(small, tmp_path):
    root = tmp_path / "cache"
    load([str(small)], cache=root, jobs=1)
    copy = tmp_path / "copy.plan"
    copy.write_bytes((small / "00_quoc_gia.plan").read_bytes())
    store = ParseCache(root)
    specs = load([str(copy)], cache=store, jobs=1)
    assert store.misses == 1
    assert specs.files[0].path == str(copy) and specs.plans[0].span.path == str(copy)


def test_version_change_invalidates_and_drops_the_old_folder(small, tmp_path, monkeypatch):
    root = tmp_path / "cache"
    load([str(small)], cache=root, jobs=1)
    old_folders = {p.name for p in (root / "parse").iterdir()}
    monkeypatch.setattr(plandsl, "__version__", "999.0.0")
    monkeypatch.setattr(cache_mod, "_fingerprint", None)
    store = ParseCache(root)
    assert store.fp not in old_folders
    load([str(small)], cache=store, jobs=1)
    assert store.hits == 0 and store.misses == 11
    assert {p.name for p in (root / "parse").iterdir()} == {store.fp}


def test_unreadable_spec_is_a_diagnostic_not_cached(tmp_path):
    root = tmp_path / "cache"
    missing = tmp_path / "gone.plan"
    missing.mkdir()  # a folder named like a spec: reading it fails
    specs = load([str(missing / "x.plan")], cache=root, jobs=1)
    assert [d.code for d in specs.all_diagnostics] == ["PRS001"]
    assert _entries(root) == []


def test_parallel_load_equals_serial_load(country, tmp_path):
    serial = load([str(country)], jobs=1)
    assert len(serial.files) >= PARALLEL_MIN_FILES
    parallel = load([str(country)], jobs=2)
    assert parallel.files == serial.files
    assert [f.path for f in parallel.files] == [f.path for f in serial.files]
    # Workers write the cache entries; the next run is all hits.
    root = tmp_path / "cache"
    load([str(country)], jobs=2, cache=root)
    assert len(_entries(root)) == len(serial.files)
    store = ParseCache(root)
    assert load([str(country)], jobs=2, cache=store).files == serial.files
    assert store.hits == len(serial.files)


def test_effective_jobs():
    assert effective_jobs(8, PARALLEL_MIN_FILES - 1) == 1
    assert effective_jobs(1, 10_000) == 1
    assert effective_jobs(3, 10_000) == 3
    assert 1 <= effective_jobs(None, 10_000) <= 2


def test_default_root_is_the_project_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(cache_mod.ENV_CACHE_DIR, raising=False)
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "plandsl.toml").write_text("", "utf-8")
    deep = tmp_path / "proj" / "specs" / "a"
    deep.mkdir(parents=True)
    assert default_root(deep) == tmp_path / "proj" / ".plandsl-cache"
    monkeypatch.setenv(cache_mod.ENV_CACHE_DIR, str(tmp_path / "elsewhere"))
    assert default_root(deep) == tmp_path / "elsewhere"


def test_check_command_uses_the_cache_unless_told_not_to(small, tmp_path, monkeypatch):
    from plandsl.cli import cli

    monkeypatch.delenv(cache_mod.ENV_CACHE_DIR, raising=False)
    project = tmp_path / "proj"
    project.mkdir()
    (project / "plandsl.toml").write_text("", "utf-8")
    monkeypatch.chdir(project)
    runner = CliRunner()
    plain = runner.invoke(cli, ["check", "--no-cache", str(small)])
    assert not (project / ".plandsl-cache").exists()
    first = runner.invoke(cli, ["check", "--jobs", "1", str(small)])
    assert len(_entries(project / ".plandsl-cache")) == 11
    second = runner.invoke(cli, ["check", str(small)])
    assert plain.exit_code == first.exit_code == second.exit_code == 1  # the planted faults
    assert plain.output == first.output == second.output


def test_check_manifest_replays_only_identical_runs(small, tmp_path, monkeypatch):
    from plandsl.cli import cli

    monkeypatch.delenv(cache_mod.ENV_CACHE_DIR, raising=False)
    project = tmp_path / "proj"
    project.mkdir()
    (project / "plandsl.toml").write_text("", "utf-8")
    monkeypatch.chdir(project)
    runner = CliRunner()
    first = runner.invoke(cli, ["check", str(small)])
    entries = sorted((project / ".plandsl-cache" / "incremental").glob("*.pkl"))
    assert len(entries) == 1
    # A damaged result entry is ignored: the same findings come from a real run.
    entries[0].write_bytes(entries[0].read_bytes()[:40])
    assert runner.invoke(cli, ["check", str(small)]).output == first.output
    replay = runner.invoke(cli, ["check", str(small)])
    assert replay.output == first.output and replay.exit_code == first.exit_code == 1
    assert "AM001" in first.output
    # A changed configuration is a different run.
    (project / "plandsl.toml").write_text('[rules]\nAM001 = "off"\n', "utf-8")
    quiet = runner.invoke(cli, ["check", str(small)])
    assert "AM001" not in quiet.output and "GR003" in quiet.output
    # So is a changed spec: fix the planted unknown parent.
    manifest = json.loads((small / "EXPECTED.json").read_text("utf-8"))
    fault = next(f for f in manifest["faults"] if f["kind"] == "unknown-parent")
    spec = small / fault["file"]
    spec.write_text(spec.read_text("utf-8").replace("ctxh_khong_ton_tai", "ctxh_t01"), "utf-8")
    fixed = runner.invoke(cli, ["check", str(small)])
    assert "GR002" in quiet.output and "GR002" not in fixed.output
