"""Benchmark `plandsl progress` on the generated country with five years of actuals (not a timed test).

    python bench/gen_country.py --actuals            # bench/out/current with actuals/*.csv
    python bench/progress_bench.py [COUNTRY] [--runs 5]

Measured in one process per run: read every CSV, validate, roll every province's communes up (with the
succession of legacy commune codes), assess every target of the 34 provinces and write their text and
JSON reports. The specs are resolved once per run before the clock starts (that is `plandsl check`'s
work, measured in its own section). Baselines in the same way: `python -c pass`, and json.loads of
the same bytes as the CSV files.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUN = r"""
import datetime as dt, sys, time
from plandsl.check.engine import Engine
from plandsl.progress import measure, prepare, read_actuals
from plandsl.progress.output import to_json, to_text
root = sys.argv[1]
resolution = Engine.open([root]).resolution()
t0 = time.perf_counter()
actuals, read_diags = read_actuals(root + "/actuals")
prepared = prepare(resolution, actuals)
size = 0
for pid, rp in resolution.plans.items():
    if rp.plan.level is not None and rp.plan.level.en == "province":
        p = measure(resolution, pid, actuals, dt.date(2025, 12, 31), read_diags, prepared)
        size += len(to_text(p)) + len(to_json(p))
print(time.perf_counter() - t0, len(actuals), len(prepared[1]), size)
"""

BASE_JSON = r"""
import json, sys, time
from pathlib import Path
data = b"".join(p.read_bytes() for p in sorted(Path(sys.argv[1], "actuals").glob("*.csv")))
text = json.dumps(data.decode("utf-8")).encode("utf-8")
t0 = time.perf_counter()
json.loads(text)
print(time.perf_counter() - t0)
"""


def _timed(code: str, arg: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code, arg], check=True, capture_output=True, text=True)
    return out.stdout.split()


def _wall(argv: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("country", nargs="?", type=Path, default=Path(__file__).resolve().parent / "out" / "current")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    if not (args.country / "actuals").is_dir():
        raise SystemExit(f"no actuals under {args.country}: run bench/gen_country.py --actuals first")
    runs = [_timed(RUN, str(args.country)) for _ in range(args.runs)]
    secs = [float(r[0]) for r in runs]
    base_pass = [_wall([sys.executable, "-c", "pass"]) for _ in range(args.runs)]
    base_json = [float(_timed(BASE_JSON, str(args.country))[0]) for _ in range(args.runs)]
    result = {
        "rows": int(runs[0][1]), "findings": int(runs[0][2]), "report_chars": int(runs[0][3]),
        "progress_s": {"min": min(secs), "median": statistics.median(secs)},
        "python_pass_s": {"min": min(base_pass), "median": statistics.median(base_pass)},
        "json_loads_s": {"min": min(base_json), "median": statistics.median(base_json)},
    }
    result["ratio_to_python_pass"] = statistics.median(secs) / statistics.median(base_pass)
    result["ratio_to_json_loads"] = statistics.median(secs) / statistics.median(base_json)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
