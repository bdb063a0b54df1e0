"""Time `plandsl migrate` on the generated pre-2025 country (63 provinces, their districts).

    python bench/gen_country.py --structure legacy        # once: bench/out/legacy
    python bench/migrate_country.py [--repeat 5] [--country bench/out/legacy]

Each run migrates the whole country onto the map of 1/7/2025 with the districts split into
commune drafts, into a fresh temporary folder, as a separate process. It prints every run,
the minimum and the median, and the same figures for two baselines measured in the same
session, so that a noisy machine shows in the ratios: `python -c pass` (a process start) and
`json.loads` of a JSON document holding the same spec texts. Then it checks that the drafts
name no ended body the migration could decide and no unknown unit (AG011/AG013 outside the
review items of the report).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANDSL = str(Path(sys.executable).with_name("plandsl"))


def timed(args: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, proc.returncode


def summary(name: str, runs: list[float]) -> dict:
    return {"measure": name, "runs": [round(r, 3) for r in runs], "min": round(min(runs), 3),
            "median": round(statistics.median(runs), 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--country", default=str(ROOT / "bench" / "out" / "legacy"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args(argv)
    country = Path(args.country)
    if not country.is_dir():
        print(f"{country} is missing: run `python bench/gen_country.py --structure legacy` first", file=sys.stderr)
        return 2
    specs = sorted(country.rglob("*.plan"))
    texts = [p.read_text(encoding="utf-8") for p in specs]
    blob = json.dumps(texts, ensure_ascii=False)

    pass_runs = [timed([sys.executable, "-c", "pass"])[0] for _ in range(args.repeat)]
    json_runs = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        json.loads(blob)
        json_runs.append(time.perf_counter() - start)
    migrate_runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            out = Path(tmp) / f"run{i}"
            wall, code = timed([PLANDSL, "--messages", "en", "migrate", str(country), "-o", str(out),
                                "--districts", "split"])
            migrate_runs.append(wall)
            # The generated country plants a cycle and a duplicate id: those plans are refused (exit 1).
            if code not in (0, 1):
                print(f"migrate failed with exit code {code}", file=sys.stderr)
                return 1
        drafts = sum(1 for _ in (Path(tmp) / "run0").rglob("*.plan"))
        check = subprocess.run([PLANDSL, "--messages", "en", "check", "--no-cache", "--format", "json",
                                str(country), str(Path(tmp) / "run0")], cwd=ROOT, capture_output=True, text=True)
        findings = json.loads(check.stdout)["diagnostics"] if check.stdout.strip() else []
        report = json.loads((Path(tmp) / "run0" / "migration-report.json").read_text(encoding="utf-8"))
    reviewed = {r["message"].split("'")[1] for d in report["drafts"] for r in d["review"] if "'" in r["message"]}
    in_drafts = [f for f in findings if f.get("span") and f["span"]["path"].startswith(tempfile.gettempdir())]
    unknown_units = [f for f in in_drafts if f["code"] == "AG013"]
    undecided = [f for f in in_drafts if f["code"] == "AG011" and f["message"].split("'")[1] not in reviewed]
    figures = {
        "specs": len(specs), "drafts": drafts, "bytes": len(blob.encode()),
        "python -c pass": summary("python -c pass", pass_runs),
        "json.loads of the same texts": summary("json.loads", json_runs),
        "migrate": summary("migrate", migrate_runs),
        "ratio to python -c pass (median)": round(statistics.median(migrate_runs) / statistics.median(pass_runs), 1),
        "ratio to json.loads (median)": round(statistics.median(migrate_runs) / statistics.median(json_runs), 1),
        "AG013 in the drafts": len(unknown_units),
        "AG011 in the drafts not listed for review": len(undecided),
        "load average at the end": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0 if not unknown_units and not undecided else 1


if __name__ == "__main__":
    sys.exit(main())
