"""Actual figures for the generated country (bench/gen_country.py --actuals), with planted anomalies.

For every province plan and objective, each commune reports a numerator and a denominator for
2021-2025: before the 2025 reform (2021-2024) under its legacy communes' codes (the roll-up maps them
to today's commune through the registry's succession), in 2025 under today's code. The province
reports its own figure, equal to the roll-up, except where an anomaly is planted:

- ``missing-commune``: one commune's rows are left out for one objective and year (PG008);
- ``share-above-100``: one commune's numerator exceeds its denominator (PG004, and the roll-up of that
  province, objective and year is then incomplete: PG008 for that commune);
- ``province-mismatch``: a province's own figure is 7 points off its communes' roll-up (PG009).

The planted anomalies are listed in ``actuals/EXPECTED.json``.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections import defaultdict
from pathlib import Path

YEARS = range(2021, 2026)


def _legacy_parts() -> dict[str, list[str]]:
    """Today's commune code -> the legacy commune codes it succeeded (from the registry)."""
    from plandsl.registry.jurisdictions import iter_units

    parts: dict[str, list[str]] = defaultdict(list)
    for u in iter_units("commune", legacy=True):
        if u.successor_code:  # a split commune counts under the conversion table's default successor
            parts[u.successor_code].append(u.code)
    return parts


def generate_actuals(out: Path, units, objectives, seed: int = 7) -> dict:
    """Write actuals/<province code>.csv under ``out`` for every province of ``units``; return the manifest."""
    rng = random.Random(seed * 7919)
    parts = _legacy_parts()
    provinces = [u for u in units if u.level == "province"]
    communes: dict[str, list] = defaultdict(list)
    for u in units:
        if u.level == "commune" and u.parent is not None:
            communes[u.parent.plan_id].append(u)
    planted = []
    eligible = [p for p in provinces if len(communes[p.plan_id]) >= 3]
    chosen = rng.sample(eligible, 3) if len(eligible) >= 3 else []
    anomalies = {}
    for kind, prov in zip(("missing-commune", "share-above-100", "province-mismatch"), chosen):
        anomalies[prov.plan_id] = (kind, rng.choice([o[0] for o in objectives]), rng.choice(list(YEARS)),
                                   rng.choice(communes[prov.plan_id]).code)
    folder = out / "actuals"
    folder.mkdir(parents=True, exist_ok=True)
    rows_total = 0
    for prov in provinces:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["plan", "objective", "year", "value", "numerator", "denominator", "unit"])
        line = 1
        anomaly = anomalies.get(prov.plan_id)
        for oid, _indicator, direction, (v1, _v2) in objectives:
            level = rng.uniform(0.6, 1.1) * v1
            for year in YEARS:
                num_total = den_total = 0
                share = max(0.5, min(99.0, level + (year - 2021) * (1.5 if direction == "up" else -0.3)))
                for c in communes[prov.plan_id]:
                    codes = parts.get(c.code, []) if year < 2025 else [c.code]
                    if not codes:
                        continue  # no legacy commune maps to it: it reports from 2025 on
                    here = anomaly and anomaly[1] == oid and anomaly[2] == year and anomaly[3] == c.code
                    if here and anomaly[0] == "missing-commune":
                        planted.append({"kind": "missing-commune", "plan": prov.plan_id, "objective": oid,
                                        "year": year, "unit": c.code, "file": f"actuals/{prov.code}.csv"})
                        continue
                    for code in codes:
                        den = rng.randint(20, 400)
                        num = round(den * max(0.0, min(1.0, share / 100 + rng.uniform(-0.05, 0.05))))
                        hit = here and code == codes[0]
                        if hit and anomaly[0] == "share-above-100":
                            num = den + rng.randint(1, 30)
                            line += 1
                            w.writerow([prov.plan_id, oid, year, "", num, den, code])
                            planted.append({"kind": "share-above-100", "plan": prov.plan_id, "objective": oid,
                                            "year": year, "unit": c.code, "row": line,
                                            "file": f"actuals/{prov.code}.csv"})
                            continue
                        num_total += num
                        den_total += den
                        line += 1
                        w.writerow([prov.plan_id, oid, year, "", num, den, code])
                value = round(num_total * 100 / den_total, 2) if den_total else 0
                if anomaly and anomaly[0] == "province-mismatch" and anomaly[1] == oid and anomaly[2] == year:
                    value = round(value + 7, 2)
                    planted.append({"kind": "province-mismatch", "plan": prov.plan_id, "objective": oid,
                                    "year": year, "row": line + 1, "file": f"actuals/{prov.code}.csv"})
                line += 1
                w.writerow([prov.plan_id, oid, year, value, "", "", ""])
        rows_total += line - 1
        (folder / f"{prov.code}.csv").write_text(buf.getvalue(), "utf-8")
    manifest = {"rows": rows_total, "years": [YEARS.start, YEARS.stop - 1], "anomalies": planted}
    (folder / "EXPECTED.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return manifest
