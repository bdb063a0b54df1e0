"""The unit index without the cache store (`plandsl check --no-cache`): built whole vs slot by slot.

    python bench/unit_index.py [--runs 5] [--province "Tỉnh Tuyên Quang"]

Each run is a new process. Timed: ``jurisdictions._index()`` and the lookups the commune checks of one
current-era province make (AG013 and AG014: each commune's name at its level and date, twice, the
province, the commune inside the province, and the place-name keys of the agency matching). Modes:
``eager`` builds every slot first (``SlotIndex.whole()``: what every run did before the index was
lazy), ``lazy`` builds the slots the lookups need. The imports of plandsl's modules are done before the
clock starts; importing ``vietnam_provinces`` (first use of the current units) is inside it in both.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

RUN = r"""
import datetime as dt, json, sys, time
from plandsl.language.model import Level
from plandsl.registry import _unitdata, jurisdictions as J  # noqa: F401 (imported before the clock)
from plandsl.registry._unitindex import SlotIndex
J.DISK_CACHE = False
mode, names_file = sys.argv[1], sys.argv[2]
province, communes = json.load(open(names_file, encoding="utf-8"))
on = dt.date(2025, 9, 14)
if mode == "eager":
    J._index = lambda: index
t0 = time.perf_counter()
if mode == "eager":
    index = SlotIndex()
    index.whole()
J._index()
t1 = time.perf_counter()
J.lookup(province, Level.PROVINCE, on)
for name in communes:
    for _ in range(2):
        found = J.lookup(name, Level.COMMUNE, on)
    for unit in found.matches:  # AG014 asks for each unit the name may mean
        J.contains(province, unit, on)
    J.lookup(province, Level.PROVINCE, on)
J.place_keys()
t2 = time.perf_counter()
print(json.dumps([t1 - t0, t2 - t1, t2 - t0]))
"""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--province", default="Tỉnh Tuyên Quang")
    args = parser.parse_args(argv)
    from plandsl.registry import jurisdictions as J

    J.DISK_CACHE = False
    province = J.find_unit(args.province, "province", None)
    communes = [u.name for u in J.iter_units("commune", False, province)]
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as fh:
        json.dump([province.name, communes], fh, ensure_ascii=False)
    print(f"{province.name}: {len(communes)} communes; {args.runs} runs a mode, alternating", flush=True)
    times: dict[str, list[list[float]]] = {"eager": [], "lazy": []}
    try:
        for _ in range(args.runs):
            for mode in times:
                out = subprocess.run([sys.executable, "-c", RUN, mode, fh.name], capture_output=True, text=True,
                                     check=True).stdout
                times[mode].append(json.loads(out))
    finally:
        Path(fh.name).unlink()
    for mode, runs in times.items():
        for i, label in enumerate(("_index()", "lookups", "total")):
            column = [r[i] * 1000 for r in runs]
            print(f"{mode:5} {label:9} " + ", ".join(f"{t:.1f}" for t in column)
                  + f" ms   min {min(column):.1f}  median {statistics.median(column):.1f}")


if __name__ == "__main__":
    main()
