"""The faster paths of `plandsl progress` give the results of the plain ones.

A CSV table is read column by column, each distinct text converted once (actuals._read_strings); the
plain reader (one row at a time, as for XLSX) must give the same rows and findings. The succession of
legacy codes is looked up per structure (before / after the reform) and, for many codes, from the
registry's whole index; it must equal a lookup on each year's own date.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from country import gen_module
from hypothesis import given, settings
from hypothesis import strategies as st

from plandsl.language.model import Level
from plandsl.progress import actuals as act
from plandsl.progress import rollup
from plandsl.registry.jurisdictions import find_by_code, iter_units

HEADER = ["plan", "objective", "year", "value", "numerator", "denominator", "unit"]


def _both(rows: list[list[object]]):
    path = Path("t.csv")
    return act.read_rows(path, rows, strings=True), act.read_rows(path, rows, strings=False)


cells = st.one_of(
    st.sampled_from(["", " ", "p", "q", "o", "2021", "2025", "20x3", "1899", "12", "12.5", "1,5", "40%", "-3",
                     "abc", "1 000", "\u00a07", "00012", "21028.0", " 2022 ", "NaN", "1e2", "٣"]),
    st.text(max_size=4),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(cells, min_size=0, max_size=9), max_size=12),
       st.permutations(HEADER), st.integers(4, 7))
def test_strings_path_equals_row_by_row(body, header, width):
    rows = [list(header[:width]), *body]
    assert _both(rows)[0] == _both(rows)[1]


def test_strings_path_equals_row_by_row_on_the_generated_country(tmp_path):
    out = tmp_path / "country"
    gen_module().generate(out, "current", seed=11, provinces=3, leaves=5, actuals=True)
    files = sorted((out / "actuals").glob("*.csv"))
    assert files
    total = 0
    for file in files:
        rows = act._rows_csv(file)
        fast, slow = act.read_rows(file, rows, strings=True), act.read_rows(file, rows, strings=False)
        assert fast == slow
        total += len(fast[0])
        # and through the public reader, which takes the strings path for CSV
        assert act.read_file(file) == fast
    assert total > 100


def _old_current_unit(code: str, year: int) -> str:
    """current_unit as it was: a lookup on a date of the reporting year."""
    on = dt.date(year, 6, 30) if year < 2025 else dt.date(year, 12, 31)
    try:
        unit = find_by_code(code, None, on)
    except Exception:  # noqa: BLE001 - as current_unit was
        return code
    if unit is not None and unit.legacy:
        if unit.level is Level.COMMUNE and unit.successor_code:
            return unit.successor_code
        if unit.level is Level.PROVINCE and unit.successor_province_code:
            return unit.successor_province_code
    return code


def test_succession_equals_a_lookup_per_year():
    rnd = random.Random(5)
    legacy = [u.code for lv in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE) for u in iter_units(lv, legacy=True)]
    current = [u.code for lv in (Level.PROVINCE, Level.COMMUNE) for u in iter_units(lv, legacy=False)]
    codes = rnd.sample(legacy, 400) + rnd.sample(current, 100) + ["1", "001", "99999", "", "x1", " 01 "]
    for code in codes:
        for year in (2019, 2021, 2024, 2025, 2026):
            assert rollup.current_unit(code, year) == _old_current_unit(code, year), (code, year)


def test_roll_up_with_the_whole_index_equals_per_code(monkeypatch):
    """Above WHOLE_INDEX_AT legacy codes the whole index is read: the roll-up is the same."""
    from decimal import Decimal

    from plandsl.language.model import Aggregation

    communes = [u.code for u in iter_units(Level.COMMUNE, legacy=True)][:40]
    rows = [act.Actual("p", "o", 2023, None, Decimal(i % 7), Decimal(10), code) for i, code in enumerate(communes)]
    aggs = {("p", "o"): Aggregation.SHARE}
    rollup._successor.cache_clear()
    monkeypatch.setattr(rollup, "WHOLE_INDEX_AT", 10**9)
    per_code = rollup.roll_up(rows, aggs)
    rollup._successor.cache_clear()
    monkeypatch.setattr(rollup, "WHOLE_INDEX_AT", 1)
    whole = rollup.roll_up(rows, aggs)
    assert per_code == whole
    assert len(per_code[0][("p", "o", 2023)].units) < len(communes)  # merged communes add up in one


def test_an_infinite_year_is_a_finding_not_a_crash():
    rows = [HEADER, ["p", "o", "Infinity", "1", "", "", ""], ["p", "o", "2024", "1", "", "", ""]]
    for (found, diags) in _both(rows):
        assert [a.year for a in found] == [2024]
        assert [(d.code, d.span.line, d.span.col) for d in diags] == [("PG003", 2, 3)]


def test_a_figure_that_is_not_finite_is_a_finding_not_an_actual():
    """'NaN', 'sNaN', 'Infinity' (any case, with a % or a decimal comma) and XLSX cells holding a float NaN or
    infinity are not figures: each is a located PG003 finding on both reading paths, never an Actual (a NaN
    compared with a target answers nothing; an sNaN raised InvalidOperation out of the reader)."""
    bad = ["NaN", "nan", "sNaN", "-sNaN", "Infinity", "-inf", "inf%", float("nan"), float("inf")]
    for cell in bad:
        for column in (3, 4, 5):  # value, numerator, denominator
            row = ["p", "o", "2025", "", "", "", ""]
            row[column] = cell
            for strings in (True, False):
                if strings and not isinstance(cell, str):
                    continue
                actuals, diags = act.read_rows(Path("t.csv"), [HEADER, row], strings=strings)
                assert actuals == [], (cell, column, strings)
                assert [(d.code, d.span.line, d.span.col) for d in diags] == [("PG003", 2, column + 1)], (cell, diags)
    good, diags = act.read_rows(Path("t.csv"), [HEADER, ["p", "o", "2025", "1e2", "", "", ""]], strings=True)
    assert diags == [] and good[0].value == 100
