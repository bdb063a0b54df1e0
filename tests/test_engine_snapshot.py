"""A check answered whole from the store when nothing changed (Engine's stored run).

The second ``plandsl check`` of an unchanged set reads file stats and one stored
result instead of every plan's summary and findings. It must give the findings of a
clean run, and any change (a file's content, an added or removed file, the
configuration, the message language, a damaged row) must fall back to the full path.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from plandsl.check.engine import Engine

from test_engine import country, full_run, template  # noqa: F401  (the same generated country)


def _open(country: Path) -> Engine:
    return Engine.open([str(country)], jobs=1, cache=".cache")


def _first_commune(country: Path) -> Path:
    return sorted(country.glob("*/xa/*.plan"))[0]


def test_unchanged_set_is_answered_from_the_stored_run(country):
    expected = full_run([str(country)])
    assert list(_open(country).check().diagnostics) == expected
    engine = _open(country)
    assert engine.stats.get("snapshot") == 1 and engine._files == {}  # nothing decoded
    result = engine.check()
    assert list(result.diagnostics) == expected
    assert result.files == len(list(country.rglob("*.plan")))
    assert set(result.sources) == {d.span.path for d in expected if d.span is not None} | {
        r.span.path for d in expected for r in d.related if r.span is not None}


@pytest.mark.parametrize("change", ["edit", "add", "remove", "config", "language"])
def test_any_change_falls_back_to_the_full_path(country, change, monkeypatch):
    _open(country).check()
    victim = _first_commune(country)
    if change == "edit":
        victim.write_text(victim.read_text("utf-8").replace(">= ", ">= 1", 1), "utf-8")
    elif change == "add":
        shutil.copy(victim, victim.with_name("zz_copy.plan"))
    elif change == "remove":
        victim.unlink()
    elif change == "config":
        Path("plandsl.toml").write_text("[tool.plandsl.rules]\nTX003 = \"off\"\n", "utf-8")
    engine = Engine.open([str(country)], jobs=1, cache=".cache",
                         messages_lang="vi" if change == "language" else None)  # the tests run in English
    assert "snapshot" not in engine.stats
    assert list(engine.check().diagnostics) == _reference(country, engine)


def _reference(country: Path, engine: Engine) -> list:
    if engine.messages_lang:  # the same engine path in another language, without the store
        return list(Engine.open([str(country)], jobs=1, cache=False, messages_lang=engine.messages_lang)
                    .check().diagnostics)
    return full_run([str(country)])


def test_edits_after_opening_from_the_stored_run(country):
    _open(country).check()
    engine = _open(country)
    assert engine.stats.get("snapshot") == 1
    victim = _first_commune(country)
    text = victim.read_text("utf-8").replace(">= ", ">= 1", 1)
    engine.update(str(victim), text)  # an editor's unsaved text: the stored run no longer applies
    victim.write_text(text, "utf-8")
    assert list(engine.check().diagnostics) == full_run([str(country)])
    assert engine.plan(engine._files[str(victim)].header.id) is not None


def test_queries_before_checking_read_the_summaries(country):
    _open(country).check()
    engine = _open(country)
    assert engine.files == sorted(str(p) for p in country.rglob("*.plan"))
    assert engine.graph().plans
    assert list(engine.check().diagnostics) == full_run([str(country)])


def test_damaged_stored_run_is_a_miss(country):
    _open(country).check()
    db = sqlite3.connect(".cache/cache.sqlite3")
    db.execute("UPDATE entries SET value = '[1, 2, [[\"x\"]]]' WHERE ns = 'runs'")
    db.commit()
    db.close()
    engine = _open(country)
    assert "snapshot" not in engine.stats
    assert list(engine.check().diagnostics) == full_run([str(country)])


def test_a_long_running_engine_stores_its_first_whole_check_only(country):
    import sqlite3

    engine = _open(country)
    engine.check()
    victim = _first_commune(country)
    for n in range(3):  # a server re-checking after each save
        victim.write_text(victim.read_text("utf-8") + f"# lần {n}\n", "utf-8")
        engine.update(str(victim))
        engine.check()
    with sqlite3.connect(".cache/cache.sqlite3") as db:
        (rows,) = db.execute("SELECT count(*) FROM entries WHERE ns = 'runs'").fetchone()
    assert rows == 1
