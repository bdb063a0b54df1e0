"""The one cache store (plandsl.core.cachedb) and parallel loading: nothing read runs code, damage is a miss.

The store may come from someone else (a shared folder, a repository that ships
``.plandsl-cache``): planted pickles and crafted rows must not run anything, and
any damaged byte must give the findings of ``check --no-cache``, never an error.
"""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plandsl.core.cachedb import DB_NAME, ENV_CACHE_DIR, CacheDB, default_root
from plandsl.project.loader import load
from plandsl.project.parallel import PARALLEL_MIN_FILES, effective_jobs

from country import gen_module

ROOT = Path(__file__).resolve().parents[1]



@pytest.fixture(scope="module")
def country(tmp_path_factory) -> Path:
    """1 national + 2 provinces + 2 x 40 communes = 83 specs: enough for worker processes."""
    out = tmp_path_factory.mktemp("country") / "c"
    gen_module().generate(out, "current", seed=3, provinces=2, leaves=40)
    return out


@pytest.fixture(scope="module")
def small_template(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("small") / "small"
    gen_module().generate(out, "current", seed=5, provinces=1, leaves=9)
    return out


@pytest.fixture
def project(small_template, tmp_path, monkeypatch) -> Path:
    """A project folder (the current folder) holding a copy of the small country as ``small``."""
    import shutil

    monkeypatch.delenv(ENV_CACHE_DIR, raising=False)
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / "plandsl.toml").write_text("", "utf-8")
    shutil.copytree(small_template, proj / "small")
    monkeypatch.chdir(proj)
    return proj


def _check(*args: str):
    from plandsl.cli import cli

    return CliRunner().invoke(cli, ["check", *args, "small"])


# ------------------------------------------------------------------ nothing runs


class _Payload:
    """Unpickling this creates the file ``path``: proof that a pickle was loaded."""

    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_planted_pickles_and_crafted_rows_run_nothing(project):
    proof = project / "PWNED"
    blob = pickle.dumps(_Payload(str(proof)))
    cache = project / ".plandsl-cache"
    # Where older plandsl versions kept pickles, and anywhere else in the folder.
    for rel in ("incremental/0123.pkl", "parse/ab/abcdef.pkl", "registry/units-x.pkl", "x.pkl"):
        (cache / rel).parent.mkdir(parents=True, exist_ok=True)
        (cache / rel).write_bytes(b"PLANDSL-MANIFEST-2\n" + blob)
    plain = _check("--no-cache")
    first = _check()
    # Crafted rows: pickles and code-looking text in every value column.
    with sqlite3.connect(cache / DB_NAME) as conn:
        conn.execute("UPDATE entries SET value = ?", (blob.decode("latin-1"),))
        conn.execute("INSERT OR REPLACE INTO entries VALUES ('findings', 'x', ?, 0)", ("__import__('os')",))
        conn.execute("UPDATE stats SET digest = ?", (blob.decode("latin-1"),))
    second = _check()
    assert not proof.exists()
    assert plain.exit_code == first.exit_code == second.exit_code == 1  # the planted faults
    assert plain.output == first.output == second.output


def test_source_has_no_pickle_or_eval_of_stored_data():
    src = ROOT / "src" / "plandsl"
    for path in src.rglob("*.py"):
        text = path.read_text("utf-8")
        assert "import pickle" not in text and "pickle.load" not in text, path
        assert "marshal.load" not in text and "shelve" not in text, path


# ------------------------------------------------------------------ damage is a miss


@pytest.mark.parametrize("damage", ["empty", "garbage", "truncated", "not-sqlite", "foreign-schema", "directory"])
def test_damaged_database_is_replaced(project, damage):
    plain = _check("--no-cache")
    _check()
    db = project / ".plandsl-cache" / DB_NAME
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = db.read_bytes()
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    if damage == "empty":
        db.write_bytes(b"")
    elif damage == "garbage":
        db.write_bytes(bytes(range(256)) * 40)
    elif damage == "truncated":
        db.write_bytes(data[: len(data) // 3])
    elif damage == "not-sqlite":
        db.write_text("SQLite format 3\0 but not really", "utf-8")
    elif damage == "foreign-schema":
        db.unlink()
        with sqlite3.connect(db) as conn:
            conn.execute("CREATE TABLE entries (a, b)")
    else:
        db.unlink()
        db.mkdir()
    for _ in range(2):
        again = _check()
        assert again.exit_code == plain.exit_code and again.output == plain.output


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(1, 255)), min_size=1, max_size=8))
def test_flipped_bytes_give_the_no_cache_findings(project, flips):
    plain = _check("--no-cache", "--format", "json")
    _check()
    db = project / ".plandsl-cache" / DB_NAME
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    for where, xor in flips:
        data[int(where * len(data))] ^= xor
    db.write_bytes(bytes(data))
    got = _check("--format", "json")
    assert got.exit_code == plain.exit_code, got.output
    assert got.output == plain.output
    assert _check("--format", "json").output == plain.output


def test_store_values_round_trip_and_never_raise(tmp_path):
    store = CacheDB(tmp_path / "c")
    assert store.get("ns", "k") is None and store.get_many("ns", ["a", "b"]) == {}
    store.put("ns", "a", "1")
    store.put("ns", "b", "[2]")
    store.put_stat("/x", 1, 2, "d" * 40, 3)
    store.commit()
    store.close()
    again = CacheDB(tmp_path / "c")
    assert again.get_many("ns", ["a", "b", "c"]) == {"a": "1", "b": "[2]"}
    assert again.stats() == {"/x": (1, 2, "d" * 40, 3)}
    # Rows of the wrong types (a crafted file) are left out, not returned.
    with sqlite3.connect(tmp_path / "c" / DB_NAME) as conn:
        conn.execute("INSERT INTO entries VALUES ('ns', 'blob', x'00ff', 0)")
        conn.execute("INSERT INTO stats VALUES ('/y', 'big', 2, 'd', 3)")
    assert again.get("ns", "blob") is None and "/y" not in again.stats()
    # Pruning keeps the keys in use.
    for i in range(200):
        again.put("ns", f"old{i}", "0")
    again.commit(keep={"ns": ["a"]}, limit=1)
    assert again.get_many("ns", ["a", "old1"]) == {"a": "1"}
    # A read-only folder: the store works as a miss.
    ro = CacheDB(tmp_path / "file-not-folder" / "x")
    (tmp_path / "file-not-folder").write_text("", "utf-8")
    assert ro.get("ns", "a") is None
    ro.put("ns", "a", "1")
    ro.commit()


# ------------------------------------------------------------------ loading


def test_parallel_load_equals_serial_load(country):
    serial = load([str(country)], jobs=1)
    assert len(serial.files) >= PARALLEL_MIN_FILES
    parallel = load([str(country)], jobs=2)
    assert parallel.files == serial.files
    assert [f.path for f in parallel.files] == [f.path for f in serial.files]


def test_unreadable_spec_is_a_diagnostic(tmp_path):
    missing = tmp_path / "gone.plan"
    missing.mkdir()  # a folder named like a spec: reading it fails
    specs = load([str(missing / "x.plan")], jobs=1)
    assert [d.code for d in specs.all_diagnostics] == ["PRS001"]


def test_effective_jobs():
    assert effective_jobs(8, PARALLEL_MIN_FILES - 1) == 1
    assert effective_jobs(1, 10_000) == 1
    assert effective_jobs(3, 10_000) == 3
    assert 1 <= effective_jobs(None, 10_000) <= 2


def test_default_root_is_the_project_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_CACHE_DIR, raising=False)
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "plandsl.toml").write_text("", "utf-8")
    deep = tmp_path / "proj" / "specs" / "a"
    deep.mkdir(parents=True)
    assert default_root(deep) == tmp_path / "proj" / ".plandsl-cache"
    monkeypatch.setenv(ENV_CACHE_DIR, str(tmp_path / "elsewhere"))
    assert default_root(deep) == tmp_path / "elsewhere"


def test_keep_with_a_length_is_listed_only_when_pruning(tmp_path):
    listed = []

    class Keys:
        def __init__(self, keys):
            self.keys = keys

        def __len__(self):
            return len(self.keys)

        def __iter__(self):
            listed.append(True)
            return iter(self.keys)

    db = CacheDB(tmp_path)
    for n in range(70):
        db.put("ns", f"k{n}", "v")
    db.commit(keep={"ns": Keys(["k0"])}, limit=1)  # 70 entries <= 1 * 1 + 64? no: pruned, so listed
    assert listed and db.get("ns", "k0") == "v" and db.get("ns", "k1") is None
    listed.clear()
    db.put("ns", "k2", "v")
    db.commit(keep={"ns": Keys(["k0", "k2"])}, limit=1)  # 2 entries: nothing to prune, never listed
    assert not listed and db.get("ns", "k2") == "v"
    db.close()


def test_a_floor_keeps_the_rows_written_last(tmp_path):
    """With a floor, pruning drops the oldest other rows and keeps the newest ones (another set's)."""
    db = CacheDB(tmp_path)
    for n in range(100):
        db.put("ns", f"old{n}", "v")
    db.commit()
    for n in range(100):
        db.put("ns", f"new{n}", "v")
    db.put("ns", "k", "v")
    db.commit()
    db.commit(keep={"ns": ["k"]}, limit=1, floor={"ns": 10})  # 201 rows > max(1, 10) + 64: pruned
    left = {k for k in [f"old{n}" for n in range(100)] + [f"new{n}" for n in range(100)] if db.get("ns", k)}
    assert db.get("ns", "k") == "v"
    assert len(left) == (max(1, 10) + 64 - 1) // 2 and all(k.startswith("new") for k in left)
    db.commit(keep={"ns": ["k"]}, limit=1, floor={"ns": 10})  # 37 rows: under the allowance, nothing dropped
    assert sum(1 for n in range(100) if db.get("ns", f"new{n}")) == len(left)
    db.close()


def test_a_check_leaves_no_write_ahead_log(project):
    """Each CLI run closes the store when it ends, so SQLite folds its write-ahead log into the file and
    deletes it. A run that ended with its connection open left the log behind, growing with every run
    (28 MB after twenty one-commune re-checks of the country), for the next run to read whole when it opens."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, **{ENV_CACHE_DIR: str(project / ".plandsl-cache")})
    cmd = [sys.executable, "-m", "plandsl", "check", "small", "--jobs", "1"]
    spec = sorted((project / "small").rglob("*.plan"))[-1]
    outputs = []
    for edit in ("", "  # sửa lần 1\n"):
        if edit:
            text = spec.read_text("utf-8").rstrip("\n")
            spec.write_text(text[:-1] + edit + "}\n", "utf-8")
        run = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=120)
        assert run.returncode in (0, 1), run.stderr
        outputs.append(run.stdout)
        cache = project / ".plandsl-cache"
        assert (cache / DB_NAME).is_file()
        assert not (cache / (DB_NAME + "-wal")).exists(), sorted(p.name for p in cache.iterdir())
    assert outputs[0] == outputs[1]  # a comment changes no finding


def test_a_second_store_of_the_file_connects_without_checking_it_again(tmp_path, monkeypatch):
    """The registry's and the unit index's stores open the engine's file again: the set-up and the check of
    its schema and pages run once per process, unless the file was replaced since (then it is checked again,
    and damage is a miss)."""
    import plandsl.core.cachedb as cachedb

    statements: list[str] = []
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(cachedb.sqlite3, "connect", connect)
    first = CacheDB(tmp_path)
    first.put("ns", "k", "v")
    first.commit()
    assert any("CREATE TABLE" in s for s in statements)
    statements.clear()
    second = CacheDB(tmp_path)
    assert second.get("ns", "k") == "v"
    assert not any("CREATE TABLE" in s or "count(*)" in s or "journal_mode" in s for s in statements), statements
    first.close()
    second.close()
    # Replaced by another file (a new inode): checked again; garbage there is a miss, and a fresh store.
    path = tmp_path / DB_NAME
    other = tmp_path / "other"
    other.write_bytes(b"not a database" * 100)  # made while the old file exists: another inode
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    other.replace(path)
    statements.clear()
    third = CacheDB(tmp_path)
    assert third.get("ns", "k") is None
    assert any("CREATE TABLE" in s for s in statements)
    third.put("ns", "k", "w")
    third.commit()
    assert CacheDB(tmp_path).get("ns", "k") == "w"
