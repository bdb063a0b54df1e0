"""The incremental engine (plandsl.check.engine): findings identical to a clean full run.

Every test edits a real generated country (national, 2 provinces, 12 communes,
with the planted faults of bench/gen_country.py) and compares the findings of
an engine run through the cache store (as ``plandsl check`` does) with those of
an independent full run (load, resolve, run_rules), in order.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from plandsl.check.engine import Engine

from country import gen_module

ROOT = Path(__file__).resolve().parents[1]
LAST: dict = {}


def full_run(paths: list[str]) -> list:
    """The reference: every stage once, no engine, no cache."""
    from plandsl.inherit.resolve import resolve
    from plandsl.project.config import load_config
    from plandsl.project.loader import load
    from plandsl.rules import load_all
    from plandsl.rules.base import RULES
    from plandsl.rules.engine import run_rules

    specs = load(paths, jobs=1)
    load_all()
    config = load_config(None, known_codes=set(RULES))
    return list(specs.all_diagnostics + config.diagnostics + tuple(run_rules(specs, resolve(specs), config)))



@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tpl") / "c"
    gen_module().generate(out, "current", seed=5, provinces=2, leaves=6)
    return out


@pytest.fixture
def country(template, tmp_path, monkeypatch) -> Path:
    """A fresh copy of the country in a project folder (the current folder: config is found here)."""
    project = tmp_path / "proj"
    project.mkdir()
    (project / "plandsl.toml").write_text("", "utf-8")
    monkeypatch.chdir(project)
    monkeypatch.delenv("PLANDSL_CACHE_DIR", raising=False)
    shutil.copytree(template, project / "c")
    return Path("c")  # relative, as a user types it: spans carry this path


def _run(country: Path):
    engine = Engine.open([str(country)], jobs=1, cache=".cache")
    result = engine.check()
    LAST.clear()
    LAST.update(engine.stats)
    return result


def _same_as_full(country: Path):
    got = _run(country)
    assert list(got.diagnostics) == full_run([str(country)])
    assert got.files == len(list(country.rglob("*.plan")))
    return got


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def _comment(path: Path, note: str = "sửa") -> None:
    text = path.read_text("utf-8").rstrip("\n")
    path.write_text(text[:-1] + f"  # {note}\n}}\n", "utf-8")


def _age(country: Path, seconds: int = 3600) -> None:
    """Make every spec look old, so that its recorded size and mtime are trusted."""
    for p in country.rglob("*.plan"):
        st = p.stat()
        os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 10**9))


def test_cold_and_warm_runs_equal_a_full_run(country):
    first = _same_as_full(country)
    assert LAST["checked"] == LAST["loaded"] == 14  # one id is a duplicate
    assert {"GR001", "GR002", "GR003", "AM001", "CS001"} <= {d.code for d in first.diagnostics}
    second = _same_as_full(country)
    assert LAST["parsed"] == LAST["checked"] == LAST["loaded"] == 0
    assert LAST["reused"] == 14
    assert second.sources.keys() == first.sources.keys()


def test_stat_is_trusted_for_old_files_and_an_edit_is_seen(country):
    _age(country)
    _run(country)
    _run(country)  # recorded after the first run's start: now trusted
    assert LAST["hashed"] == 0 and LAST["checked"] == 0
    commune = country / "01_ha_noi/xa/00008.plan"
    _edit(commune, "chỉ_tiêu gd1 >= 94%", "chỉ_tiêu gd1 >= 194%")  # same size change +1, CS001 appears
    got = _same_as_full(country)
    assert LAST["hashed"] == 1 and LAST["checked"] == 1
    assert LAST["loaded"] == LAST["parsed"] == 3  # the commune, its province, the national plan
    assert any(d.code == "CS001" and d.span.path == str(commune) for d in got.diagnostics)


def test_touched_files_are_hashed_once_then_trusted_again(country):
    """A copy or a checkout gives the same bytes new mtimes: they are hashed in the next run and their
    stat records renewed, so the run after does not read them again (whether the first check was
    answered whole from the store, or patched)."""
    _age(country)
    _run(country)
    _run(country)
    assert LAST["hashed"] == 0
    _age(country, 60)  # every file touched (new mtimes, same bytes), long enough ago not to be racy
    _same_as_full(country)
    assert LAST["hashed"] == 15 and LAST["parsed"] == LAST["checked"] == 0
    _same_as_full(country)
    assert LAST["hashed"] == 0
    _age(country, 30)
    _comment(country / "01_ha_noi/xa/00008.plan")  # and one edit: the patched path
    os.utime(country / "01_ha_noi/xa/00008.plan", ns=(0, 10**18))
    _same_as_full(country)
    assert LAST["hashed"] == 15 and LAST["checked"] == 1
    _same_as_full(country)
    assert LAST["hashed"] == 0 and LAST["checked"] == 0


def test_same_bytes_rewritten_are_not_rechecked(country):
    _run(country)
    commune = country / "01_ha_noi/xa/00008.plan"
    commune.write_bytes(commune.read_bytes())
    _same_as_full(country)
    assert LAST["parsed"] == 0 and LAST["checked"] == 0


def test_edit_a_commune_rechecks_only_it(country):
    _run(country)
    _comment(country / "04_cao_bang/xa/01288.plan")
    _same_as_full(country)
    assert LAST["checked"] == 1 and LAST["reused"] == 13


def test_edit_a_province_rechecks_its_subtree(country):
    _run(country)
    province = country / "01_ha_noi/tinh.plan"
    _comment(province)
    _same_as_full(country)
    assert 1 < LAST["checked"] < 14  # the province and its subtree, not the other province's
    # a real change in a parent target shows in the children's findings
    text = province.read_text("utf-8")
    first_target = text.index("chỉ_tiêu gd1 >= ")
    value = text[first_target + len("chỉ_tiêu gd1 >= "):].split("%")[0]
    _edit(province, f"chỉ_tiêu gd1 >= {value}%", "chỉ_tiêu gd1 >= 99%")
    _same_as_full(country)


def test_edit_the_national_plan_rechecks_everything(country):
    _run(country)
    _comment(country / "00_quoc_gia.plan")
    _same_as_full(country)
    # all but the two plans of the planted cycle and the plan with the unknown parent: not below it
    assert LAST["checked"] == 11


def test_add_and_remove_files(country):
    _run(country)
    new = country / "01_ha_noi/xa/99999.plan"
    _edit_copy = (country / "01_ha_noi/xa/00008.plan").read_text("utf-8").replace("ctxh_x00008", "ctxh_x99999")
    new.write_text(_edit_copy, "utf-8")
    _same_as_full(country)
    assert LAST["checked"] == 1
    new.unlink()
    _same_as_full(country)
    assert LAST["checked"] == 0
    (country / "04_cao_bang/xa/01297.plan").unlink()
    _same_as_full(country)
    # a file that does not parse is reported, and fixed later
    broken = country / "01_ha_noi/xa/00025.plan"
    good = broken.read_text("utf-8")
    broken.write_text(good.replace("{", "{{", 1), "utf-8")
    got = _same_as_full(country)
    assert any(d.code.startswith("PRS") for d in got.diagnostics)
    broken.write_text(good, "utf-8")
    _same_as_full(country)


def test_fix_the_unknown_parent_and_introduce_a_cycle_and_a_duplicate(country):
    _run(country)
    faults = json.loads((country / "EXPECTED.json").read_text("utf-8"))["faults"]
    unknown = next(f for f in faults if f["kind"] == "unknown-parent")
    spec = country / unknown["file"]
    _edit(spec, "ctxh_khong_ton_tai", "ctxh_t01")
    got = _same_as_full(country)
    assert "GR002" not in {d.code for d in got.diagnostics}
    # A province implementing one of its own communes: a new cycle and a level inversion.
    _edit(country / "01_ha_noi/tinh.plan", "thực_hiện ctxh_2030", "thực_hiện ctxh_x00008")
    got = _same_as_full(country)
    assert sum(d.code == "GR003" for d in got.diagnostics) == 2
    _same_as_full(country)  # the cycle descriptions now come from the manifest's memo
    _edit(country / "01_ha_noi/tinh.plan", "thực_hiện ctxh_x00008", "thực_hiện ctxh_2030")
    _same_as_full(country)
    # A second file with a province's id: which one wins depends on the path.
    dup = country / "00_a_copy.plan"
    dup.write_text((country / "04_cao_bang/tinh.plan").read_text("utf-8"), "utf-8")
    got = _same_as_full(country)
    assert sum(d.code == "GR001" for d in got.diagnostics) == 2
    dup.unlink()
    _same_as_full(country)


def test_allows_in_a_changed_plan_apply_to_graph_findings(country):
    first = _run(country)
    cycle = next(d for d in first.diagnostics if d.code == "GR003")
    spec = Path(cycle.span.path)
    _comment(spec)
    text = spec.read_text("utf-8").rstrip("\n")
    allow = ('  allow GR003 "Liên kết tạm thời"\n  allow AM001 "Không dùng"\n' if "\nplan " in "\n" + text
             else '  chấp_nhận GR003 "Liên kết tạm thời"\n  chấp_nhận AM001 "Không dùng"\n')
    spec.write_text(text[:-1] + allow + "}\n", "utf-8")
    got = _same_as_full(country)
    codes = [d.code for d in got.diagnostics if d.span and d.span.path == str(spec)]
    assert "GR003" not in codes and "AL002" in codes


@pytest.mark.parametrize("damage", ["truncate", "garbage", "bad-json", "wrong-header", "unknown-code",
                                    "wrong-types"])
def test_damaged_store_is_ignored_and_rebuilt(country, damage):
    import sqlite3

    _run(country)
    db = Path(".cache/cache.sqlite3")
    if damage in ("truncate", "garbage"):
        with sqlite3.connect(db) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        blob = db.read_bytes()
        db.write_bytes(blob[: len(blob) // 2] if damage == "truncate" else b"\x00" * 100)
    else:
        with sqlite3.connect(db) as conn:
            if damage == "bad-json":
                conn.execute("UPDATE entries SET value = substr(value, 1, length(value) - 3)")
            elif damage == "wrong-header":
                conn.execute("UPDATE entries SET value = '[[],[\"x\"]]' WHERE ns='parsed'")
            elif damage == "unknown-code":
                conn.execute("UPDATE entries SET value = replace(value, '\"AM001\"', '\"ZZ999\"')")
            else:
                conn.execute("UPDATE entries SET value = replace(value, ',3,', ',\"3\",')")
                conn.execute("UPDATE stats SET digest = 5, size = 'x'")
        _comment(country / "00_quoc_gia.plan")
    _same_as_full(country)
    _same_as_full(country)
    assert LAST["checked"] == 0


def test_config_change_rechecks_with_the_new_severities(country):
    _run(country)
    Path("plandsl.toml").write_text('[rules]\nAM001 = "off"\nTX003 = "error"\n', "utf-8")
    got = _same_as_full(country)
    assert "AM001" not in {d.code for d in got.diagnostics}
    assert LAST["checked"] == 14
    Path("plandsl.toml").write_text("[rules\n", "utf-8")  # broken: CFG001 reported, defaults used
    got = _same_as_full(country)
    assert "CFG001" in {d.code for d in got.diagnostics}


def test_cli_output_equals_no_cache_output(country):
    from plandsl.cli import cli

    runner = CliRunner()
    plain = runner.invoke(cli, ["check", "--no-cache", str(country)])
    assert not Path(".plandsl-cache").exists()
    for _ in range(2):
        cached = runner.invoke(cli, ["check", str(country)])
        assert cached.output == plain.output and cached.exit_code == plain.exit_code == 1
    _comment(country / "01_ha_noi/xa/00073.plan")
    assert runner.invoke(cli, ["check", str(country)]).output == runner.invoke(
        cli, ["check", "--no-cache", str(country)]).output
    assert [p.name for p in Path(".plandsl-cache").glob("*.sqlite3")] == ["cache.sqlite3"]


def test_edit_inside_a_plan_rechecks_it_alone_in_a_new_process(country):
    import subprocess
    import sys

    code = ("import sys\nfrom plandsl.check.engine import Engine\n"
            "e = Engine.open(['c'], jobs=1, cache='.cache'); e.check()\n"
            "print(e.stats['checked'])")
    commune = sorted(country.rglob("*.plan"))[-1]
    # Both runs in new processes (in a shared checkout the code, and so every key, may change meanwhile).
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    _comment(commune)  # the header (id, level, parents) is unchanged
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert first.split() == ["14"] and out == ["1"]
    # A changed header (a new parent link) builds the graph again, with the same findings as a full run.
    text = commune.read_text("utf-8")
    commune.write_text(text.replace("{", "{\n  implements không_có", 1) if "thực_hiện" not in text
                       else text.replace("thực_hiện ", "thực_hiện không_có, ", 1), "utf-8")
    got = _same_as_full(country)
    assert any(d.code == "GR002" and "không_có" in d.message for d in got.diagnostics)
