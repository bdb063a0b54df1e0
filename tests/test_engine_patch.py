"""A re-check from a new process after a few files changed: the stored last check, patched (check.patch).

Every case compares the patched result with a clean run (no engine, no store), in order, and says
whether the patch was taken: a changed target, several files, a parent and its descendants, allows
used and unused, on the generated country (cycle, duplicate id, unknown parent, weaker targets) and
on the shipped specs; and a changed header, a syntax error, a damaged or crafted stored value, which
must take the ordinary path.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from plandsl.check.engine import Engine

from test_engine import country, full_run, template  # noqa: F401  (the same generated country)

ROOT = Path(__file__).resolve().parents[1]


def _open(folder: Path) -> Engine:
    return Engine.open([str(folder)], jobs=1, cache=".cache")


def _check(folder: Path) -> Engine:
    engine = _open(folder)
    assert list(engine.check().diagnostics) == full_run([str(folder)])
    engine.db.close()
    return engine


def _communes(folder: Path) -> list[Path]:
    """The communes whose parents are all known and which are in no cycle (the faults planted in the
    country are not, and take the ordinary path whatever the edit)."""
    graph = Engine.open([str(folder)], jobs=1, cache=False).graph()
    complete = {Path(p.span.path) for pid, p in graph.plans.items() if graph.complete(pid)}
    return [p for p in sorted(folder.glob("*/xa/*.plan")) if p in complete]


def _set_target(path: Path, value: int, n: int = 0) -> None:
    """The n-th '>= X%' target of the file becomes '>= value%'."""
    text = path.read_text("utf-8")
    found = list(re.finditer(r">= \d+%", text))
    at = found[n]
    path.write_text(text[:at.start()] + f">= {value}%" + text[at.end():], "utf-8")


def test_a_changed_target_is_patched(country):
    _check(country)
    victim = _communes(country)[3]
    for value in (1, 99, 0):  # weaker than the parent, stronger, weaker again: successive patches
        _set_target(victim, value)
        engine = _check(country)
        assert engine.stats.get("patched") == 1, engine.stats


def test_several_files_and_a_province_with_its_communes(country):
    _check(country)
    for victim in _communes(country)[:3]:
        _set_target(victim, 5)
    assert _check(country).stats.get("patched") == 3
    province = sorted(country.glob("*/tinh.plan"))[0]
    _set_target(province, 100)  # its communes' targets are now all weaker: findings in every child
    engine = _check(country)
    assert engine.stats.get("patched", 0) > 1
    assert any(d.code == "AM001" for d in engine.last.diagnostics)


def test_allows_used_then_unused(country):
    victim = _communes(country)[2]
    text = victim.read_text("utf-8")
    head, sep, tail = text.rpartition("}")
    keyword = "chấp_nhận" if "mục_tiêu" in text else "allow"
    victim.write_text(head + f'  {keyword} AM001 "Thiếu cán bộ"\n' + sep + tail, "utf-8")
    _check(country)  # the allow is a header change: stored by a full run
    _set_target(victim, 1)  # now a weaker target: the allow is used, AL002 goes
    assert _check(country).stats.get("patched") == 1
    _set_target(victim, 100)  # stronger again: the allow is unused, AL002 comes back
    engine = _check(country)
    assert engine.stats.get("patched") == 1
    assert any(d.code == "AL002" and d.span.path == str(victim) for d in engine.last.diagnostics)


@pytest.mark.parametrize("change", ["header", "syntax", "crafted", "damaged"])
def test_the_ordinary_path_when_the_patch_does_not_apply(country, change):
    _check(country)
    victim = _communes(country)[1]
    text = victim.read_text("utf-8")
    if change == "header":  # another parent: the graph changes
        victim.write_text(re.sub(r"(parent|kế_thừa) (\w+)", r"\1 khong_co", text, count=1), "utf-8")
    elif change == "syntax":
        victim.write_text(text.replace("{", "{ @@", 1), "utf-8")
    else:
        _set_target(victim, 3)
        with sqlite3.connect(".cache/cache.sqlite3") as db:
            if change == "crafted":  # a valid row (checksum and all) holding a value plandsl does not write
                from plandsl.core.cachedb import CacheDB

                (key,) = db.execute("SELECT key FROM entries WHERE ns = 'last'").fetchone()
                store = CacheDB(".cache")
                store.put("last", key, json.dumps({"v": 1, "env": "x", "files": [], "plans": 3}))
                store.commit()
                store.close()
            else:
                db.execute("UPDATE entries SET value = substr(value, 1, 50) || 'X' || substr(value, 52) "
                           "WHERE ns = 'last'")
    assert "patched" not in _check(country).stats


def test_shipped_specs(tmp_path, monkeypatch):
    """The real plans: a target of the Quảng Ngãi plan weakened, then its parent programme edited."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANDSL_CACHE_DIR", raising=False)
    shutil.copytree(ROOT / "specs", "specs")
    folder = Path("specs")
    _check(folder)
    child = folder / "ctxh-2021-2030" / "quang-ngai.plan"
    text = child.read_text("utf-8")
    target = re.search(r"(>=|≥) ?(\d+)%", text)
    assert target is not None
    child.write_text(text[:target.start(2)] + "1" + text[target.end(2):], "utf-8")
    assert _check(folder).stats.get("patched", 0) >= 1
    national = folder / "ctxh-2021-2030" / "national.plan"
    national.write_text(national.read_text("utf-8") + "\n# một dòng ghi chú\n", "utf-8")
    assert _check(folder).stats.get("patched", 0) >= 2  # the programme and the plans under it


def _value(**changes) -> dict:
    """A stored value of the current layout for two files and one plan; ``changes`` replace parts."""
    from plandsl.check import patch

    value = {"v": patch.VERSION, "env": "", "rules": [], "digests": "a" * 80, "sigs": "b" * 32, "ids": ["p"],
             "file": [1], "keys": "c" * 40, "parents": [[]], "complete": "1", "topo": [0], "parse": {}, "set": {},
             "out": [], "touch": {}}
    value.update(changes)
    return value


def test_load_takes_a_well_formed_value():
    from plandsl.check import patch

    assert patch.load(json.dumps(_value()), ["a.plan", "b.plan"])["ids"] == ["p"]


@pytest.mark.parametrize("value", [
    _value(v=2), _value(digests="a" * 79), _value(sigs="b" * 48), _value(keys="c" * 80), _value(file=[2]),
    _value(file=[-1]), _value(file=["1"]), _value(parents=[[1]]), _value(parents=[["p"]]), _value(complete="2"),
    _value(complete=""), _value(topo=[]), _value(ids=["p", "p"], file=[0, 1], keys="c" * 80, parents=[[], []],
                                                       complete="11", topo=[0, 1]),
    _value(ids=[3]), {k: v for k, v in _value().items() if k != "touch"}, [1, 2, 3], "text", None,
])
def test_load_refuses_what_plandsl_does_not_write(value):
    from plandsl.check import codec, patch

    with pytest.raises(codec.Invalid):
        patch.load(json.dumps(value), ["a.plan", "b.plan"])


@pytest.fixture
def two_sets(tmp_path_factory, tmp_path, monkeypatch) -> tuple[Path, Path]:
    """A country of 83 specs and a one-spec set, both under one project folder (one cache store)."""
    from country import gen_module

    project = tmp_path / "proj"
    project.mkdir()
    (project / "plandsl.toml").write_text("", "utf-8")
    monkeypatch.chdir(project)
    monkeypatch.delenv("PLANDSL_CACHE_DIR", raising=False)
    gen_module().generate(project / "big", "current", seed=5, provinces=2, leaves=40)
    small = project / "small"
    small.mkdir()
    shutil.copy(sorted((project / "big").glob("*/xa/*.plan"))[0], small / "one.plan")
    return Path("big"), Path("small")


def test_checking_another_set_keeps_this_sets_rows(two_sets):
    """A check of a one-spec set from the same project folder used to drop every other parse summary
    of the store (more than 4 x 1 + 64 rows), so the country's next check parsed and checked every plan
    again."""
    big, small = two_sets
    assert len(list(big.rglob("*.plan"))) > 4 * 1 + 64
    _check(big)
    _check(small)
    victim = _communes(big)[1]
    text = victim.read_text("utf-8")
    changed = re.sub(r"^(\s*)(thực_hiện|implements) (\w+)", r"\1\2 khong_co", text, count=1, flags=re.M)
    assert changed != text
    victim.write_text(changed, "utf-8")  # another parent: the patch does not apply, the ordinary path reads the store
    engine = _check(big)
    assert "patched" not in engine.stats
    # the edited plan alone is checked again, the others' findings come from the store, as when the
    # small set was not checked in between (before the floor: all 82 plans parsed and checked again)
    assert engine.stats["checked"] == 1 and engine.stats["reused"] == engine.stats["plans"] - 1, engine.stats
