"""The generated country's actuals (bench/gen_actuals.py): the roll-up finds exactly the planted anomalies."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from plandsl.check.engine import Engine
from plandsl.core.diagnostics import Severity
from plandsl.progress import measure, prepare, read_actuals

from country import gen_module

ROOT = Path(__file__).resolve().parents[1]



@pytest.fixture(scope="module")
def country(tmp_path_factory):
    out = tmp_path_factory.mktemp("progress") / "country"
    gen_module().generate(out, "current", seed=7, provinces=4, leaves=6, actuals=True)
    expected = json.loads((out / "actuals" / "EXPECTED.json").read_text("utf-8"))
    resolution = Engine.open([str(out)]).resolution()
    actuals, read_diags = read_actuals(out / "actuals")
    prepared = prepare(resolution, actuals)
    return out, expected, resolution, actuals, read_diags, prepared


def test_the_planted_anomalies_and_nothing_else(country):
    out, expected, resolution, actuals, read_diags, prepared = country
    assert read_diags == []
    kinds = sorted(a["kind"] for a in expected["anomalies"])
    assert kinds == ["missing-commune", "province-mismatch", "share-above-100"]
    _kept, diags, _rolled = prepared
    errors = sorted((d.code, Path(d.span.path).name, d.span.line) for d in diags if d.severity is Severity.ERROR)
    want = sorted([("PG004" if a["kind"] == "share-above-100" else "PG009", Path(a["file"]).name, a["row"])
                   for a in expected["anomalies"] if "row" in a])
    assert errors == want
    # A missing unit (or one whose row was rejected) leaves that province's roll-up incomplete: reported, not zero.
    warnings = sorted((d.code, Path(d.span.path).name, d.subject) for d in diags if d.severity is Severity.WARNING)
    assert warnings == sorted(("PG008", Path(a["file"]).name, a["objective"]) for a in expected["anomalies"]
                              if a["kind"] != "province-mismatch")
    for a in expected["anomalies"]:
        if a["kind"] != "province-mismatch":
            rolled = prepared[2][(a["plan"], a["objective"], a["year"])]
            assert rolled.value == rolled.reported  # the province's own figure stands; the roll-up is withheld
            assert rolled.missing


def test_every_province_measured_on_one_roll_up(country):
    out, expected, resolution, actuals, read_diags, prepared = country
    provinces = [pid for pid, rp in resolution.plans.items() if rp.plan.level and rp.plan.level.en == "province"]
    assert len(provinces) == 4
    for pid in provinces:
        p = measure(resolution, pid, actuals, dt.date(2025, 12, 31), read_diags, prepared)
        assert {r.year for r in p.records} == {2025, 2030}
        assert all(r.status != "no_data" for r in p.records if r.year == 2025)
