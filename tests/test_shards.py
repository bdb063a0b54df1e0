"""Big runs: the lowest level parsed and checked in streaming workers (plandsl.check.bulk, .shards).

A generated country (national, provinces and their communes or districts, with the
planted faults of bench/gen_country.py: a cycle, a duplicate id, weaker targets, an
unknown parent) is checked with the workers (the threshold lowered so that this small
country uses them) and in process; the findings must be the same, in the same order, on
a fresh store, a warm store, without a store, and when a worker fails.
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

import pytest

from country import gen_module
from plandsl.check import shards
from plandsl.check.engine import Engine

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the shards fork (Linux only)")


@pytest.fixture(scope="module", params=["current", "legacy"])
def template(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(f"country-{request.param}") / "country"
    gen_module().generate(out, structure=request.param, provinces=3, leaves=12)
    return out


@pytest.fixture
def sharded(monkeypatch):
    monkeypatch.setattr(shards, "SHARD_MIN", 8)
    monkeypatch.setattr(shards, "BATCH", 5)  # several messages per worker


def _in_process(country) -> list:
    return list(Engine.open([str(country)], jobs=1, cache=False).check().diagnostics)


def _no_workers_left():
    assert multiprocessing.active_children() == []


def _streamed(engine) -> list[str]:
    """The files the workers parsed (the main process has their summaries only)."""
    return [p for p, state in engine._files.items() if state.result is None and state.header_sig is not None]


def test_same_findings_as_in_process(template, sharded):
    expected = _in_process(template)
    assert any(d.code == "AM001" for d in expected) and any(d.code == "GR003" for d in expected)
    engine = Engine.open([str(template)], jobs=2, cache=False)
    streamed = _streamed(engine)
    assert len(streamed) >= len(engine.files) - 16, "the lowest level was not streamed through the workers"
    _no_workers_left()
    result = engine.check()
    assert list(result.diagnostics) == expected
    # Only the plans the workers could not check on their own (the planted cycle, duplicate and
    # unknown parent, and the upper plans) were checked here.
    assert engine.stats["checked"] < len(engine.files) - len(streamed) + 8


def test_store_written_by_the_shards_is_read_back(template, sharded, tmp_path):
    expected = _in_process(template)
    fresh = Engine.open([str(template)], jobs=2, cache=tmp_path / "store")
    assert _streamed(fresh)
    assert list(fresh.check().diagnostics) == expected
    warm = Engine.open([str(template)], jobs=2, cache=tmp_path / "store")
    assert warm.stats["parsed"] == 0
    assert list(warm.check().diagnostics) == expected
    assert warm.stats["checked"] == 0 and warm.stats["reused"] == warm.stats["plans"]


def test_engine_keeps_working_after_a_streamed_run(template, sharded):
    engine = Engine.open([str(template)], jobs=2, cache=False)
    engine.check()
    path = _streamed(engine)[0]
    plan_id = engine._files[path].header.id
    assert engine.plan(plan_id) is not None  # parsed here on demand
    assert engine.resolved(plan_id) is not None
    edited = Path(path).read_text("utf-8").replace(">= ", ">= 1", 1)
    engine.update(path, edited)
    assert list(engine.check().diagnostics) == list(
        Engine.from_specs(engine.specs(), jobs=1).check().diagnostics)


def _fail(*args, **kwargs):
    raise RuntimeError("planted failure")


@pytest.mark.parametrize("where", ["_one", "_serve"])
def test_a_failing_worker_falls_back_to_the_main_process(template, sharded, monkeypatch, where):
    expected = _in_process(template)
    monkeypatch.setattr(shards, where, _fail)  # forked workers run the planted function
    engine = Engine.open([str(template)], jobs=2, cache=False)
    assert _streamed(engine) == []  # everything parsed here after all
    _no_workers_left()
    assert list(engine.check().diagnostics) == expected


def test_level_sniffing_decides_the_stream_only():
    assert shards.level_rank("kế_hoạch x {\n  cấp xã\n}".encode()) == 4
    assert shards.level_rank(b"plan x {\n  level province # c\n}") == 2
    assert shards.level_rank(b'plan x { title "level commune" }') is None
    upper, leaves = shards.split_leaves({"a": b"level national", "b": b"level commune", "c": b"no level"})
    assert sorted(upper) == ["a", "c"] and leaves == ["b"]
    assert shards.split_leaves({"a": b"level commune", "b": b"level commune"})[1] == []


def test_sniffing_a_file_reads_past_its_first_4_kb_only_when_it_must(tmp_path):
    from plandsl.check.bulk import _sniff

    short = tmp_path / "short.plan"
    short.write_bytes(b"plan x {\n  level commune\n}\n")
    late = tmp_path / "late.plan"  # a long comment first: the level line after 4 KB (and after 1 MB)
    late.write_bytes(b"# " + b"x" * (1 << 20) + b"\nplan y {\n  level province\n}\n")
    none = tmp_path / "none.plan"
    none.write_bytes(b"plan z { }\n" + b"#" * 5000)
    assert [_sniff(str(p), None) for p in (short, late, none)] == [4, 2, None]
    assert _sniff(str(tmp_path / "missing.plan"), None) is None
    assert _sniff(str(short), b"plan x {\n  level national\n}") == shards.level_rank(b"level national")


def test_small_runs_stay_in_process(template):
    engine = Engine.open([str(template)], jobs=2, cache=False)
    assert _streamed(engine) == []  # fewer files than SHARD_MIN
    assert list(engine.check().diagnostics) == _in_process(template)


def test_workers_claim_every_item_exactly_once(sharded, monkeypatch):
    """Three workers take batches from one shared counter: every item comes back once, none twice."""
    monkeypatch.setattr(shards, "_one_file", lambda path, digest, job: (path, digest, None, ""))
    items = [(f"f{i:03d}", f"d{i}") for i in range(103)]
    pool = shards.ShardPool(items, 3, None)
    try:
        got = [item for batch in pool.results() for item in batch]
    finally:
        pool.close()
    assert sorted(got) == sorted((p, d, None, "") for p, d in items)
    _no_workers_left()


def test_an_edit_to_the_national_plan_rechecks_the_country_through_the_workers(template, sharded, tmp_path):
    """The whole country dirty (the national plan edited): the communes, known by their summaries,
    are re-checked in streaming workers; the findings equal a clean run's."""
    import shutil as sh

    country = tmp_path / "c"
    sh.copytree(template, country)
    Engine.open([str(country)], jobs=2, cache=tmp_path / "store").check()
    national = sorted(country.glob("*.plan"))[0]
    national.write_text(national.read_text("utf-8").replace(">= ", ">= 1", 1), "utf-8")
    engine = Engine.open([str(country)], jobs=2, cache=tmp_path / "store")
    result = engine.check()
    assert list(result.diagnostics) == _in_process(country)
    streamed = [p for p, s in engine._files.items() if s.result is None]
    assert len(streamed) >= len(engine.files) - 16  # the communes were not parsed in this process
    assert engine.stats["checked"] >= len(streamed)
    _no_workers_left()


def test_an_editor_with_a_file_open_streams_the_rest(template, sharded, tmp_path):
    """With an editor's unsaved text in one file, a re-check of the whole set (another message
    language here) streams the files on disk and checks the open one in process."""
    import shutil as sh

    country = tmp_path / "c"
    sh.copytree(template, country)
    Engine.open([str(country)], jobs=2, cache=tmp_path / "store").check()
    commune = sorted(country.rglob("*.plan"))[-1]
    edited = commune.read_text("utf-8").replace(">= ", ">= 1", 1)
    engine = Engine.open([str(country)], jobs=2, cache=tmp_path / "store", messages_lang="vi")
    engine.update(str(commune), edited)
    got = list(engine.check().diagnostics)
    commune.write_text(edited, "utf-8")
    assert got == list(Engine.open([str(country)], jobs=1, cache=False, messages_lang="vi").check().diagnostics)
    assert sum(1 for s in engine._files.values() if s.result is None) >= len(engine.files) - 16
    _no_workers_left()


def _edit_before_the_fork(monkeypatch, victim: Path) -> None:
    from plandsl.check import bulk

    warm_up = bulk._warm_up

    def edit_then_warm_up(*args):
        victim.write_text(victim.read_text("utf-8").replace(">= ", ">= 1", 1), "utf-8")
        warm_up(*args)

    monkeypatch.setattr(bulk, "_warm_up", edit_then_warm_up)


def test_a_file_changed_after_hashing_is_parsed_here_with_its_new_content(template, sharded, monkeypatch, tmp_path):
    """With stat records in the store the main process takes the digests; the workers read the files
    themselves and check each against its digest: a file changed in between (here: just before the fork)
    is parsed in this process, as it now is."""
    import shutil as sh
    import sqlite3

    country = tmp_path / "c"
    sh.copytree(template, country)
    Engine.open([str(country)], jobs=2, cache=tmp_path / "store").check()
    with sqlite3.connect(tmp_path / "store" / "cache.sqlite3") as db:  # the summaries gone, the stat records kept
        db.execute("DELETE FROM entries")
    victim = sorted(list(country.glob("*/xa/*.plan")) or country.glob("*/huyen/*.plan"))[-1]  # a streamed file
    _edit_before_the_fork(monkeypatch, victim)
    engine = Engine.open([str(country)], jobs=2, cache=tmp_path / "store")
    assert str(victim) not in _streamed(engine) and len(_streamed(engine)) >= len(engine.files) - 17
    assert engine._files[str(victim)].result is not None  # parsed here
    _no_workers_left()
    monkeypatch.undo()
    assert list(engine.check().diagnostics) == _in_process(country)


def test_a_first_run_hashes_in_the_workers(template, sharded, monkeypatch, tmp_path):
    """No stat records (no store, or an empty one): the main process stats the files and the workers hash
    what they parse, so a file changed before they read it is checked as they read it."""
    import shutil as sh

    country = tmp_path / "c"
    sh.copytree(template, country)
    victim = sorted(list(country.glob("*/xa/*.plan")) or country.glob("*/huyen/*.plan"))[-1]
    _edit_before_the_fork(monkeypatch, victim)
    engine = Engine.open([str(country)], jobs=2, cache=False)
    assert str(victim) in _streamed(engine)
    assert all(state.digest for state in engine._files.values())
    assert engine.stats["hashed"] == 0
    _no_workers_left()
    monkeypatch.undo()
    assert list(engine.check().diagnostics) == _in_process(country)


def test_the_main_process_does_not_keep_the_big_sets_bytes(template, sharded):
    engine = Engine.open([str(template)], jobs=2, cache=False)
    assert all(state.data is None for state in engine._files.values())


def test_a_fresh_big_run_stores_the_unit_index_meanwhile(template, sharded, tmp_path, monkeypatch):
    """Without a stored unit index, a big run builds it slot by slot, and a forked process stores it whole
    while the workers work; the next check reads it row by row."""
    import sqlite3

    from plandsl.registry import _unitcache
    from plandsl.registry import jurisdictions as j

    monkeypatch.setenv("PLANDSL_CACHE_DIR", str(tmp_path / "store"))
    monkeypatch.setattr(j, "DISK_CACHE", True)
    for memo in (j._index, j._full_index, j._search, j.place_keys):
        memo.cache_clear()
    j._TO_STORE.clear()
    try:
        expected = _in_process(template)
        engine = Engine.open([str(template)], jobs=2, cache=True)
        assert _streamed(engine)
        assert not j.index_to_store()  # stored by the forked process, not again here
        with sqlite3.connect(tmp_path / "store" / "cache.sqlite3") as db:
            (marker,) = db.execute("SELECT count(*) FROM entries WHERE ns=? AND key LIKE '%|complete'",
                                   (_unitcache.KEYS_NAMESPACE,)).fetchone()
        assert marker == 1
        _no_workers_left()
        assert list(engine.check().diagnostics) == expected
        for memo in (j._index, j._search, j.place_keys):
            memo.cache_clear()
        assert isinstance(j._index(), _unitcache.LazyIndex)
    finally:
        for memo in (j._index, j._full_index, j._search, j.place_keys):
            memo.cache_clear()
        j._TO_STORE.clear()


def test_the_claims_shrink_near_the_end_so_the_workers_finish_together():
    """A worker takes BATCH files while many are left, then smaller claims: at the end no worker holds a whole
    batch while the other has nothing left to take."""
    n, start, sizes = 3321, 0, []
    while start < n:
        sizes.append(shards.claim_size(n - start, 2))
        start += sizes[-1]
    assert sizes[0] == shards.BATCH and sum(sizes) >= n
    tail = sizes[-6:]
    assert max(tail) <= 2 * shards.TAIL and sizes[-1] <= shards.TAIL
    assert sizes == sorted(sizes, reverse=True)  # never a bigger claim after a smaller one
    assert shards.claim_size(1000, 1) == shards.BATCH and shards.claim_size(3, 2) == shards.TAIL
