"""Big runs in worker processes that keep their parses (plandsl.check.shards).

A generated country (national, 3 provinces, 36 communes, with the planted faults of
bench/gen_country.py) is checked with the shards (the threshold lowered so that this
small country uses them) and in process; the findings must be the same, in the same
order, on a fresh store, a warm store, without a store, and when a worker fails.
"""

from __future__ import annotations

import multiprocessing
import sys

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


def test_same_findings_as_in_process(template, sharded):
    expected = _in_process(template)
    assert any(d.code == "AM001" for d in expected) and any(d.code == "GR003" for d in expected)
    engine = Engine.open([str(template)], jobs=2, cache=False)
    assert engine._shards is not None, "the shards were not used"
    assert all(state.result is None for state in engine._files.values()), "full parses came to the main process"
    result = engine.check()
    assert list(result.diagnostics) == expected
    assert engine._shards is None
    _no_workers_left()


def test_store_written_by_the_shards_is_read_back(template, sharded, tmp_path):
    expected = _in_process(template)
    fresh = Engine.open([str(template)], jobs=2, cache=tmp_path / "store")
    assert fresh._shards is not None
    assert list(fresh.check().diagnostics) == expected
    warm = Engine.open([str(template)], jobs=2, cache=tmp_path / "store")
    assert warm._shards is None and warm.stats["parsed"] == 0
    assert list(warm.check().diagnostics) == expected
    assert warm.stats["checked"] == 0 and warm.stats["reused"] == warm.stats["plans"]


def test_engine_keeps_working_after_the_shards_stop(template, sharded, tmp_path):
    engine = Engine.open([str(template)], jobs=2, cache=False)
    engine.check()
    plan_id = sorted(engine.graph().plans)[-1]
    assert engine.plan(plan_id) is not None  # parsed again here, the workers being gone
    assert engine.resolved(plan_id) is not None


def _fail(*args, **kwargs):
    raise RuntimeError("planted failure")


@pytest.mark.parametrize("where", ["_check", "_serve"])
def test_a_failing_worker_falls_back_to_the_main_process(template, sharded, monkeypatch, where):
    expected = _in_process(template)
    monkeypatch.setattr(shards, where, _fail)  # forked workers run the planted function
    engine = Engine.open([str(template)], jobs=2, cache=False)
    assert list(engine.check().diagnostics) == expected
    assert engine._shards is None
    _no_workers_left()


def test_small_runs_stay_in_process(template):
    engine = Engine.open([str(template)], jobs=2, cache=False)
    assert engine._shards is None  # fewer files than SHARD_MIN
    assert list(engine.check().diagnostics) == _in_process(template)


def test_partition_keeps_order_and_balances_bytes():
    items = [(f"f{i:03d}", b"x" * (1 + i % 7)) for i in range(100)]
    parts = shards._partition(items, 2)
    assert [p for part in parts for p in part] == items
    sizes = [sum(len(d) for _, d in part) for part in parts]
    assert abs(sizes[0] - sizes[1]) <= 7
