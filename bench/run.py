"""Measure plandsl against its performance budgets and print the results.

    .venv/bin/python bench/run.py                       # the current country (3,356 specs)
    .venv/bin/python bench/run.py --country bench/out/legacy --repeat 5

Generates the country with bench/gen_country.py when it is missing. Timings
of the CLI are wall-clock times of a subprocess (best of ``--repeat``); peak
memory is the child's ru_maxrss. Nothing here runs inside the test suite.
The parse cache of these runs lives in a temporary folder, never in the repo.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PLANDSL = str(BIN / "plandsl")
FORBIDDEN_AT_START = ("lark", "jinja2", "networkx", "rich", "docx", "yaml")

BUDGETS = {
    "cold --version": ("s", 0.150),
    "full check, uncached": ("s", 5.0),
    "full check, warm": ("s", 1.0),
    "re-check, one commune changed": ("s", 0.5),
    "peak memory": ("MB", 300.0),
    "parse vs json.loads": ("x", 40.0),
}


# ---------------------------------------------------------------- helpers


def machine() -> dict[str, str]:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return {"date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "nproc": str(os.cpu_count()), "cpu": cpu,
            "python": platform.python_version(), "os": f"{platform.system()} {platform.release()}",
            "load average (1, 5, 15 min) at start": load}


def run_child(args: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> tuple[float, float, int]:
    """Run a command; return (wall seconds, peak RSS in MB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss_kb = usage.ru_maxrss  # kilobytes on Linux
    return wall, rss_kb / 1024, proc.returncode


def best(args: list[str], repeat: int, env=None) -> tuple[float, float]:
    runs = [run_child(args, env) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


# ---------------------------------------------------------------- startup


def startup(repeat: int) -> dict:
    wall, _ = best([PLANDSL, "--version"], max(repeat, 10))
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "plandsl", "--version"], cwd=ROOT,
                         capture_output=True, text=True).stderr
    imported = {m.group(1).strip().split(".")[0] for m in re.finditer(r"\|\s*\d+\s*\|\s*(\S+)", out)}
    heavy = sorted(m for m in FORBIDDEN_AT_START if m in imported)
    code = ("import time; t = time.perf_counter(); import plandsl.language.parser as p; t1 = time.perf_counter(); "
            "p.get_parser(); t2 = time.perf_counter(); print(t1 - t, t2 - t1)")
    imp, grammar = (float(x) for x in subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                                                     text=True).stdout.split())
    return {"cold --version": wall, "heavy modules imported by --version": heavy or "none",
            "import plandsl.language.parser (lark included)": imp, "grammar load (Lark cache=True)": grammar}


# ---------------------------------------------------------------- parse throughput


def _plain(value):
    """A model value as JSON/TOML-able data."""
    import attrs

    if attrs.has(type(value)):
        return {f.name: _plain(getattr(value, f.name)) for f in attrs.fields(type(value)) if f.name != "field_spans"}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (Decimal, dt.date)):
        return str(value)
    if hasattr(value, "name") and hasattr(value, "value") and not isinstance(value, (str, int)):  # enum
        return value.name
    return value


def _toml_value(v) -> str:
    if isinstance(v, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml_value(x)}" for k, x in v.items() if x is not None) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    return json.dumps(v, ensure_ascii=False)


def to_toml(doc: dict) -> str:
    return "".join(f"{json.dumps(k)} = {_toml_value(v)}\n" for k, v in doc.items() if v is not None)


def throughput(country: Path, sample: int) -> dict:
    from plandsl.language.parser import get_parser, parse_bytes

    get_parser()
    files = sorted(country.rglob("*.plan"))[:sample]
    blobs = [f.read_bytes() for f in files]
    mb = sum(map(len, blobs)) / 1e6
    t = time.perf_counter()
    results = [parse_bytes(b, str(f)) for b, f in zip(blobs, files)]
    parse_s = time.perf_counter() - t
    docs = [_plain(r.plan) for r in results if r.plan is not None]
    jsons = [json.dumps(d, ensure_ascii=False) for d in docs]
    tomls = [to_toml(d) for d in docs]
    assert tomllib.loads(tomls[0]) is not None and json.loads(jsons[0]) == docs[0]
    t = time.perf_counter()
    for j in jsons:
        json.loads(j)
    json_s = time.perf_counter() - t
    t = time.perf_counter()
    for tm in tomls:
        tomllib.loads(tm)
    toml_s = time.perf_counter() - t
    n = len(files)
    return {"specs parsed (in process)": n, "spec MB": round(mb, 2),
            "parse: specs/s": n / parse_s, "parse: MB/s": mb / parse_s,
            "json.loads (same content): specs/s": n / json_s,
            "tomllib.loads (same content): specs/s": n / toml_s,
            "JSON MB": round(sum(len(j.encode()) for j in jsons) / 1e6, 2),
            "parse vs json.loads": parse_s / json_s, "parse vs tomllib.loads": parse_s / toml_s}


# ---------------------------------------------------------------- full check


def _edit(path: Path, i: int) -> None:
    """Change a spec: add a comment line before its closing brace."""
    text = path.read_text("utf-8").rstrip("\n")
    assert text.endswith("}"), path
    path.write_text(text[:-1] + f"  # sửa lần {i}\n}}\n", "utf-8")


def full_check(country: Path, jobs: int, repeat: int) -> dict:
    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="plandsl-bench-") as tmp:
        work = Path(tmp) / "country"
        shutil.copytree(country, work)
        cache = Path(tmp) / "cache"
        env = dict(os.environ, PLANDSL_CACHE_DIR=str(cache))
        cmd = [PLANDSL, "check", str(work), "--jobs", str(jobs)]
        uncached = []
        peak = 0.0
        for _ in range(repeat):
            shutil.rmtree(cache, ignore_errors=True)
            wall, rss, code = run_child(cmd, env)
            uncached.append(wall)
            peak = max(peak, rss)
        out["full check, uncached"] = min(uncached)
        out["exit code"] = code
        wall, rss = best(cmd, repeat, env)
        out["full check, warm"] = wall
        peak = max(peak, rss)
        wall, rss = best([PLANDSL, "check", str(work), "--no-cache", "--jobs", "1"], 1, env)
        out["full check, no cache, 1 process"] = wall
        stage = [sys.executable, "-c", f"from plandsl.project.loader import load; load([{str(work)!r}], jobs={jobs}, "
                 f"cache={str(Path(tmp) / 'stage')!r})"]
        shutil.rmtree(Path(tmp) / "stage", ignore_errors=True)
        out["parse stage alone, cold (cache written)"] = run_child(stage, env)[0]
        out["parse stage alone, warm parse cache"] = best(stage, repeat, env)[0]
        peak = max(peak, rss)
        commune = sorted(work.glob("*/xa/*.plan")) or sorted(work.glob("*/huyen/*.plan"))
        victim = commune[len(commune) // 2]
        times = []
        for i in range(repeat):
            _edit(victim, i)
            times.append(run_child(cmd, env)[0])
        out["re-check, one commune changed"] = min(times)
        times = []
        for i in range(repeat):
            _edit(victim, 100 + i)
            times.append(run_child([PLANDSL, "check", str(victim)], env)[0])
        out["check of one changed commune file alone"] = min(times)
        national = work / "00_quoc_gia.plan"
        times = []
        for i in range(max(1, repeat // 2)):
            _edit(national, i)
            times.append(run_child(cmd, env)[0])
        out["re-check, national spec changed"] = min(times)
        out["peak memory"] = peak
    return out


# ---------------------------------------------------------------- report


def verdict(name: str, value) -> str:
    unit, limit = BUDGETS[name]
    ok = value <= limit
    return f"budget ≤ {limit:g} {unit}: {'holds' if ok else 'MISSED'}"


def fmt(name: str, value) -> str:
    if isinstance(value, float):
        if name in BUDGETS and BUDGETS[name][0] == "MB":
            text = f"{value:.0f} MB"
        elif name in BUDGETS and BUDGETS[name][0] == "x" or name.startswith("parse vs"):
            text = f"{value:.1f}x"
        elif "/s" in name or name.endswith("MB"):
            text = f"{value:,.1f}"
        else:
            text = f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    else:
        text = str(value)
    return f"  {name:45} {text:>14}" + (f"   {verdict(name, value)}" if name in BUDGETS else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--country", type=Path, default=ROOT / "bench" / "out" / "current")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sample", type=int, default=1000, help="specs for the in-process parse throughput")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)
    if not (args.country / "EXPECTED.json").exists():
        structure = "legacy" if "legacy" in args.country.name else "current"
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_country.py"), "--structure", structure,
                        "--out", str(args.country)], check=True)
    files = len(list(args.country.rglob("*.plan")))
    sections = {"machine": machine(),
                "startup": startup(args.repeat),
                "parse throughput": throughput(args.country, args.sample),
                f"check of {args.country.name} ({files} specs, --jobs {args.jobs})":
                    full_check(args.country, args.jobs, args.repeat)}
    for title, values in sections.items():
        print(f"{title}:")
        for name, value in values.items():
            print(fmt(name, value))
    held = [verdict(n, v).endswith("holds") for s in sections.values() for n, v in s.items() if n in BUDGETS]
    print(f"\n{sum(held)} of {len(held)} budgets hold.")
    if args.json:
        args.json.write_text(json.dumps(sections, ensure_ascii=False, indent=2, default=str) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
