"""plandsl progress: actuals, findings, status per target, roll-up properties, template, CLI."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from plandsl.check.engine import Engine
from plandsl.language.model import Aggregation
from plandsl.progress import measure, read_actuals
from plandsl.progress.actuals import Actual
from plandsl.progress.rollup import combine, roll_up

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs"
SEED_ACTUALS = SPECS / "actuals" / "qng_ctxh_2021.csv"
ON = dt.date(2026, 12, 1)
HEADER = "plan,objective,year,value,numerator,denominator,unit\n"


@pytest.fixture(scope="module")
def resolution():
    return Engine.open([str(SPECS / "ctxh-2021-2030")]).resolution()


def _run(resolution, tmp_path, body: str, on=ON):
    path = tmp_path / "a.csv"
    path.write_text(HEADER + body, "utf-8")
    actuals, diags = read_actuals(path)
    return measure(resolution, "qng_ctxh_2021", actuals, on, diags)


def _codes(progress):
    return sorted((d.code, d.span.line) for d in progress.diagnostics)


def test_seed_actuals_statuses(resolution):
    actuals, diags = read_actuals(SEED_ACTUALS)
    p = measure(resolution, "qng_ctxh_2021", actuals, ON, diags)
    assert p.diagnostics == ()
    status = {(r.objective, r.year): r for r in p.records}
    assert status[("facilities", 2025)].status == "missed"
    assert status[("trained", 2025)].status == "met"
    # relative target: +20% on the 2020 actual 12.0 -> 14.4; 14.8 meets it, and the method says so
    counselled = status[("counselled", 2025)]
    assert counselled.status == "met" and counselled.target == Decimal("14.4")
    assert "base 2020 actual 12.0" in counselled.method
    # before 2030: the least-squares trend decides, and the record names the years it used
    assert status[("facilities", 2030)].status == "on_track"
    assert status[("trained", 2030)].status == "at_risk"
    assert "least squares over 2021, 2022, 2023, 2024, 2025" in status[("trained", 2030)].method
    # staffing comes from the units: legacy communes (2021-2024) mapped to today's communes
    assert status[("staffing", 2025)].actual == Decimal(51)
    rolled = p.rolled[("qng_ctxh_2021", "staffing", 2023)]
    assert rolled.units == ("21025", "21028") and rolled.numerator == 50 and rolled.denominator == 100


def test_no_trend_with_one_actual(resolution, tmp_path):
    p = _run(resolution, tmp_path, "qng_ctxh_2021,trained,2026,70,,,\n", on=dt.date(2026, 12, 1))
    rec = next(r for r in p.records if (r.objective, r.year) == ("trained", 2030))
    assert rec.status == "no_data" and rec.method.startswith("no trend")


def test_bad_rows_are_located_findings(resolution, tmp_path):
    body = (
        "qng_ctxh_2O21,trained,2022,40,,,\n"        # 2: unknown plan
        "qng_ctxh_2021,trainned,2022,40,,,\n"       # 3: unknown objective
        "qng_ctxh_2021,trained,2022,140,,,\n"       # 4: a share above 100%
        "qng_ctxh_2021,staffing,2022,45,,,21028\n"  # 5: unit share without numerator/denominator
        "qng_ctxh_2021,trained,2023,40,,,\n"        # 6
        "qng_ctxh_2021,trained,2023,41,,,\n"        # 7: duplicate
        "qng_ctxh_2021,trained,20x3,41,,,\n"        # 8: bad year
    )
    p = _run(resolution, tmp_path, body)
    assert _codes(p) == [("PG001", 2), ("PG002", 3), ("PG003", 8), ("PG004", 4), ("PG005", 5), ("PG006", 7)]
    by_code = {d.code: d for d in p.diagnostics}
    assert by_code["PG001"].hint and "qng_ctxh_2021" in by_code["PG001"].hint
    assert by_code["PG002"].hint and "trained" in by_code["PG002"].hint
    assert by_code["PG001"].span.col == 1 and by_code["PG002"].span.col == 2 and by_code["PG004"].span.col == 4


def test_missing_unit_and_province_mismatch(resolution, tmp_path):
    body = (
        "qng_ctxh_2021,staffing,2026,,10,20,21028\n"
        "qng_ctxh_2021,staffing,2026,,10,20,21025\n"
        "qng_ctxh_2021,staffing,2027,,12,20,21028\n"  # 21025 is missing in 2027
        "qng_ctxh_2021,staffing,2026,60,,,\n"           # the province says 60; its units say 50
    )
    p = _run(resolution, tmp_path, body, on=dt.date(2027, 12, 1))
    assert [d.code for d in p.diagnostics] == ["PG008", "PG009"]
    r2027 = p.rolled[("qng_ctxh_2021", "staffing", 2027)]
    assert r2027.missing == ("21025",) and r2027.value is None  # missing is not zero


def test_xlsx_template_round_trip(resolution, tmp_path):
    from openpyxl import load_workbook

    from plandsl.progress.template import template_xlsx

    path = tmp_path / "t.xlsx"
    path.write_bytes(template_xlsx(resolution.in_force("qng_ctxh_2021")))
    book = load_workbook(path)
    sheet = book.active
    assert sheet["A1"].value.startswith("Kế hoạch") and sheet.max_row == 1 + 5 * 10
    assert sheet.data_validations.dataValidation
    sheet["D2"] = 40
    book.save(path)
    actuals, diags = read_actuals(path)
    assert len(actuals) == 50 and actuals[0].value == 40
    assert {d.code for d in diags} == {"PG003"} and len(diags) == 49  # empty rows are named, not dropped


def test_cli_text_json_and_template(tmp_path):
    from plandsl.cli import cli

    runner = CliRunner()
    res = runner.invoke(cli, ["--messages", "en", "progress", "qng_ctxh_2021", str(SPECS), "--actuals",
                              str(SEED_ACTUALS), "--on", "2026-12-01", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert {"plan", "objective", "year", "target", "actual", "status", "method"} <= set(data["records"][0])
    res = runner.invoke(cli, ["--messages", "en", "progress", "qng_ctxh_2021", str(SPECS), "--actuals",
                              str(SEED_ACTUALS), "--on", "2026-12-01"])
    assert res.exit_code == 0 and "missed" in res.stdout
    out = tmp_path / "t.xlsx"
    res = runner.invoke(cli, ["progress", "template", "qng_ctxh_2021", str(SPECS), "-o", str(out)])
    assert res.exit_code == 0 and out.exists()
    res = runner.invoke(cli, ["progress", "template", "qng_ctxh_2021", str(SPECS), "-o", str(out)])
    assert res.exit_code != 0  # no overwrite without --force
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "qng_ctxh_2021,trained,2022,140,,,\n", "utf-8")
    res = runner.invoke(cli, ["progress", "qng_ctxh_2021", str(SPECS), "--actuals", str(bad)])
    assert res.exit_code == 1 and "PG004" in res.stdout


# --- roll-up properties -------------------------------------------------------------------------------

units = st.lists(st.tuples(st.integers(0, 500), st.integers(1, 500)).map(lambda t: (min(t), t[1])),
                 min_size=1, max_size=12)


def _share(rows):
    return combine(Aggregation.SHARE, [(None, Decimal(n), Decimal(d)) for n, d in rows])[0]


@settings(max_examples=60, deadline=None)
@given(units, st.randoms(use_true_random=False))
def test_share_is_sum_over_sum_whatever_the_partition(rows, rnd):
    expected = Decimal(sum(n for n, _ in rows)) * 100 / sum(d for _, d in rows)
    assert _share(rows) == expected
    # group units into arbitrary districts, roll each up, then roll the districts up: the same figure
    groups: dict[int, list] = {}
    for row in rows:
        groups.setdefault(rnd.randrange(3), []).append(row)
    parts = [combine(Aggregation.SHARE, [(None, Decimal(n), Decimal(d)) for n, d in g]) for g in groups.values()]
    assert combine(Aggregation.SHARE, parts)[0] == expected


@settings(max_examples=40, deadline=None)
@given(units, st.randoms(use_true_random=False))
def test_rollup_invariant_to_row_order(rows, rnd):
    acts = [Actual("p", "o", 2026, None, Decimal(n), Decimal(d), f"u{i}") for i, (n, d) in enumerate(rows)]
    shuffled = list(acts)
    rnd.shuffle(shuffled)
    aggs = {("p", "o"): Aggregation.SHARE}
    a, _ = roll_up(acts, aggs, succession=False)
    b, _ = roll_up(shuffled, aggs, succession=False)
    assert a == b


@settings(max_examples=40, deadline=None)
@given(units, st.data())
def test_splitting_a_unit_keeps_the_province_figure(rows, data):
    i = data.draw(st.integers(0, len(rows) - 1))
    n, d = rows[i]
    d1 = data.draw(st.integers(0, d))
    n1 = data.draw(st.integers(max(0, n - (d - d1)), min(n, d1)))
    split = rows[:i] + [(n1, d1), (n - n1, d - d1)] + rows[i + 1:]
    assert _share(split) == _share(rows)
    sums = combine(Aggregation.SUM, [(Decimal(v), None, None) for v, _ in split])[0]
    assert sums == combine(Aggregation.SUM, [(Decimal(v), None, None) for v, _ in rows])[0]


def test_reporting_duties_due_overdue_received():
    from plandsl.language.model import Cycle, Plan, Report
    from plandsl.progress.duties import duties

    plan = Plan("p", reports=(Report(Cycle.ANNUAL, 15, 12), Report(Cycle.SEMIANNUAL, 10, 6), Report(Cycle.AD_HOC)))
    on = dt.date(2026, 12, 20)
    got = {d.cycle: d for d in duties(plan, set(), on)}
    assert got["annual"].status == "overdue" and got["annual"].deadline == dt.date(2026, 12, 15)
    assert got["semiannual"].status == "overdue" and got["semiannual"].deadline == dt.date(2026, 12, 10)
    assert got["ad_hoc"].status == "on_request"
    assert {d.status for d in duties(plan, {2026}, on) if d.cycle != "ad_hoc"} == {"received"}
    early = {d.cycle: d for d in duties(plan, set(), dt.date(2026, 11, 20))}
    assert early["annual"].status == "due"
