"""Measure plandsl against its performance budgets and print the results.

    .venv/bin/python bench/run.py                       # the current country (3,356 specs)
    .venv/bin/python bench/run.py --country bench/out/legacy --repeat 5

Generates the country with bench/gen_country.py when it is missing. Every
timing is the wall-clock time of a subprocess, run ``--repeat`` times (at least
5): the minimum and the median are printed, next to ``python -c pass`` and
``json.loads`` measured in the same run, so that a noisy machine shows in the
ratios. Peak memory is sampled every 20 ms in separate untimed runs, in MB (10^6 bytes): the
largest process's peak resident size (VmHWM) and the peak of the summed proportional set sizes of
the child and its worker processes. The parse
ratio is per byte of the same content (the spec bytes against the bytes of the
same plans as JSON). The cache store of these runs lives in a temporary folder.
Nothing here runs inside the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
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

# The goals of issue 16 (compared with the minimum of the runs).
BUDGETS = {
    "cold --version": ("s", 0.150),
    "full check, uncached (--no-cache)": ("s", 4.0),
    "full check, fresh cache (first run)": ("s", 5.0),
    "full check, warm, nothing changed": ("s", 0.3),
    "re-check, one commune changed": ("s", 0.3),
    "LSP keystroke -> diagnostics, min": ("s", 0.020),
    "LSP hover, min": ("s", 0.010),
    "peak memory (largest process)": ("MB", 200.0),
    "peak memory, uncached (all processes together, PSS)": ("MB", 200.0),
    "peak memory, fresh cache (all processes together, PSS)": ("MB", 200.0),
    "parse vs json.loads, per byte": ("x", 25.0),
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


def run_child(args: list[str], env: dict[str, str] | None = None,
              cwd: Path = ROOT) -> tuple[float, float, int, float]:
    """Run a command; return (wall seconds, peak RSS in MB = 10^6 bytes, exit code, CPU seconds: user and
    system time of the command and of the processes it waited for, such as the check's workers)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss_kb = usage.ru_maxrss  # KiB on Linux
    return wall, rss_kb * 1024 / 1e6, proc.returncode, usage.ru_utime + usage.ru_stime


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc)."""
    out = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                for child in fh.read().split():
                    out.extend(_tree(int(child)))
    except OSError:
        pass
    return out


def _proc_bytes(pid: int, name: str, field: str) -> int:
    """A size in bytes from /proc/PID/NAME's line ``field:`` (given there in kB); 0 when gone."""
    try:
        with open(f"/proc/{pid}/{name}") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _pss(pid: int) -> int:
    """Proportional set size in bytes: shared pages divided among the processes sharing them."""
    return _proc_bytes(pid, "smaps_rollup", "Pss")


def _hwm(pid: int) -> int:
    """The process's peak resident set size in bytes (VmHWM: of its own memory map, which exec replaces)."""
    return _proc_bytes(pid, "status", "VmHWM")


def memory(args: list[str], env=None) -> tuple[float, float]:
    """One run sampled every 20 ms: (largest process's peak RSS in MB, peak of all processes together in
    MB, as the sum of their proportional set sizes, so pages shared after a fork count once).

    The largest process is read from each process's VmHWM, not from ``ru_maxrss``: a child forked from
    this (large) benchmark process keeps the parent's resident size as its ``ru_maxrss`` across the exec,
    which made every figure read ~195 MB whatever the command did."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    together = largest = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        tree = _tree(proc.pid)
        together = max(together, sum(_pss(p) for p in tree))
        largest = max([largest] + [_hwm(p) for p in tree])
        time.sleep(0.02)
    return largest / 1e6, together / 1e6


class Runs(list):
    """Wall times of repeated runs, printed as min and median; ``cpu``: each run's CPU seconds."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.cpu: list[float] = []


def runs(args: list[str], repeat: int, env=None, before=None) -> tuple[Runs, float]:
    """``repeat`` runs (``before(i)`` called before each): their times and the peak RSS in MB."""
    out, peak = Runs(), 0.0
    for i in range(repeat):
        if before is not None:
            before(i)
        wall, rss, _, cpu = run_child(args, env)
        out.append(wall)
        out.cpu.append(cpu)
        peak = max(peak, rss)
    return out, peak


def best(args: list[str], repeat: int, env=None) -> tuple[float, float]:
    found, peak = runs(args, repeat, env)
    return min(found), peak


_JSON_TASK = "import json; data = json.dumps([{'a': i, 'b': [str(i)] * 5} for i in range(20000)]); json.loads(data)"


def baselines(repeat: int) -> dict:
    """``python -c pass`` and ``json.loads`` in this run: what the machine's noise does to a fixed task. The
    same task twice at once, one per core, shows what a check on two cores gets from the machine then."""
    return {"python -c pass": runs([sys.executable, "-c", "pass"], repeat)[0],
            "python: json.dumps + json.loads (~1 MB of data)": runs([sys.executable, "-c", _JSON_TASK], repeat)[0],
            "the same, two at once (both cores)": Runs(_two_at_once(_JSON_TASK) for _ in range(repeat))}


def _two_at_once(code: str) -> float:
    """Wall seconds until two copies of ``code`` started together have both ended."""
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL) for _ in range(2)]
    for proc in procs:
        proc.wait()
    return time.perf_counter() - start


# ---------------------------------------------------------------- startup


def startup(repeat: int) -> dict:
    wall = runs([PLANDSL, "--version"], max(repeat, 10))[0]
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "plandsl", "--version"], cwd=ROOT,
                         capture_output=True, text=True).stderr
    imported = {m.group(1).strip().split(".")[0] for m in re.finditer(r"\|\s*\d+\s*\|\s*(\S+)", out)}
    heavy = sorted(m for m in FORBIDDEN_AT_START if m in imported)
    code = ("import time; t = time.perf_counter(); import plandsl.language.parser as p; t1 = time.perf_counter(); "
            "p.get_parser(); t2 = time.perf_counter(); print(t1 - t, t2 - t1)")
    # Three runs, the least of each: the first after a change of the shipped tables compiles them (once).
    loads = [[float(x) for x in subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                                               text=True).stdout.split()] for _ in range(3)]
    imp, grammar = min(x[0] for x in loads), min(x[1] for x in loads)
    return {"cold --version": wall, "heavy modules imported by --version": heavy or "none",
            "import plandsl.language.parser (without lark)": imp,
            "Lark parser from the shipped tables (lark imported)": grammar}


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


def throughput(country: Path, sample: int, repeat: int) -> dict:
    """Parse in process against json.loads and tomllib.loads of the same plans, per byte of each."""
    from plandsl.language.parser import get_parser, parse_bytes

    get_parser()
    files = sorted(country.rglob("*.plan"))[:sample]
    blobs = [f.read_bytes() for f in files]
    spec_bytes = sum(map(len, blobs))
    results = [parse_bytes(b, str(f)) for b, f in zip(blobs, files)]
    docs = [_plain(r.plan) for r in results if r.plan is not None]
    jsons = [json.dumps(d, ensure_ascii=False) for d in docs]
    tomls = [to_toml(d) for d in docs]
    assert tomllib.loads(tomls[0]) is not None and json.loads(jsons[0]) == docs[0]
    json_bytes = sum(len(j.encode()) for j in jsons)
    toml_bytes = sum(len(t.encode()) for t in tomls)

    def timed(fn, items) -> Runs:
        out = Runs()
        for _ in range(repeat):
            t = time.perf_counter()
            for item in items:
                fn(*item)
            out.append(time.perf_counter() - t)
        return out

    parse = timed(parse_bytes, [(b, str(f)) for b, f in zip(blobs, files)])
    jl = timed(json.loads, [(j,) for j in jsons])
    tl = timed(tomllib.loads, [(t,) for t in tomls])
    per_byte = Runs(p / spec_bytes / (j / json_bytes) for p, j in zip(parse, jl))
    n = len(files)
    return {"specs parsed (in process)": n, "spec MB": round(spec_bytes / 1e6, 2),
            "same plans as JSON, MB": round(json_bytes / 1e6, 2), "as TOML, MB": round(toml_bytes / 1e6, 2),
            "parse, all specs": parse, "json.loads, same plans": jl, "tomllib.loads, same plans": tl,
            "parse: spec MB/s (best)": spec_bytes / 1e6 / min(parse),
            "parse vs json.loads, per byte": per_byte,
            "parse vs json.loads, per document (not the budget)": Runs(p / j for p, j in zip(parse, jl)),
            "parse vs tomllib.loads, per byte": Runs(p / spec_bytes / (t / toml_bytes) for p, t in zip(parse, tl))}


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
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled modules are kept
        cmd = [PLANDSL, "check", str(work), "--jobs", str(jobs)]
        peak = 0.0
        out["full check, uncached (--no-cache)"], rss = runs(cmd + ["--no-cache"], repeat, env)
        peak = max(peak, rss)
        out["full check, fresh cache (first run)"], rss = runs(
            cmd, repeat, env, before=lambda i: shutil.rmtree(cache, ignore_errors=True))
        peak = max(peak, rss)
        for label in ("uncached (--no-cache)", "fresh cache (first run)"):  # the same work: the machine's speed shows
            out[f"full check, {label.split(' (')[0]}: CPU seconds (all processes)"] = Runs(out[f"full check, {label}"].cpu)
        out["full check, warm, nothing changed"], rss = runs(cmd, repeat, env)
        peak = max(peak, rss)
        commune = sorted(work.glob("*/xa/*.plan")) or sorted(work.glob("*/huyen/*.plan"))
        victim = commune[len(commune) // 2]
        out["re-check, one commune changed"], rss = runs(cmd, repeat, env, before=lambda i: _edit(victim, i))
        peak = max(peak, rss)
        out["re-check, national spec changed"], rss = runs(
            cmd, max(1, repeat // 2), env, before=lambda i: _edit(work / "00_quoc_gia.plan", i))
        peak = max(peak, rss)
        out["peak memory, ru_maxrss of the timed runs (counts this process, not the budget)"] = peak
        largest_all = 0.0
        for label, first in (("uncached", lambda: None), ("fresh cache", lambda: shutil.rmtree(cache, ignore_errors=True))):
            first()
            largest, together = memory(cmd + (["--no-cache"] if label == "uncached" else []), env)
            out[f"peak memory, {label} (largest process)"] = largest
            out[f"peak memory, {label} (all processes together, PSS)"] = together
            largest_all = max(largest_all, largest)
        out["peak memory (largest process)"] = largest_all
        from lsp_latency import measure  # bench/lsp_latency.py

        lsp = measure(work, 20, env)
        out.update(lsp)
    return out


# ---------------------------------------------------------------- report


def verdict(name: str, value) -> str:
    unit, limit = BUDGETS[name]
    value = min(value) if isinstance(value, list) else value
    ok = value <= limit
    return f"goal ≤ {limit * 1000 if unit == 's' and limit < 1 else limit:g} {'ms' if unit == 's' and limit < 1 else unit}: " \
        f"{'holds' if ok else 'MISSED'}"


def _one(name: str, value: float) -> str:
    if name in BUDGETS and BUDGETS[name][0] == "MB" or name.startswith("peak memory"):
        return f"{value:.0f} MB"
    if name in BUDGETS and BUDGETS[name][0] == "x" or " vs " in name:
        return f"{value:.1f}x"
    if "/s" in name or name.endswith("MB"):
        return f"{value:,.1f}"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def fmt(name: str, value) -> str:
    if isinstance(value, list):
        text = f"min {_one(name, min(value))}, median {_one(name, statistics.median(value))} (n={len(value)})"
    elif isinstance(value, float):
        text = _one(name, value)
    else:
        text = str(value)
    return f"  {name:52} {text:>40}" + (f"   {verdict(name, value)}" if name in BUDGETS else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--country", type=Path, default=ROOT / "bench" / "out" / "current")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=5, help="runs of each measure (at least 5)")
    ap.add_argument("--sample", type=int, default=1000, help="specs for the in-process parse throughput")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)
    args.repeat = max(5, args.repeat)
    if not (args.country / "EXPECTED.json").exists():
        structure = "legacy" if "legacy" in args.country.name else "current"
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_country.py"), "--structure", structure,
                        "--out", str(args.country)], check=True)
    files = len(list(args.country.rglob("*.plan")))
    sections = {"machine": machine(),
                "baselines (same run)": baselines(args.repeat),
                "startup": startup(args.repeat),
                "parse throughput": throughput(args.country, args.sample, args.repeat),
                f"check of {args.country.name} ({files} specs, --jobs {args.jobs})":
                    full_check(args.country, args.jobs, args.repeat)}
    for title, values in sections.items():
        print(f"{title}:")
        for name, value in values.items():
            print(fmt(name, value))
    held = [verdict(n, v).endswith("holds") for s in sections.values() for n, v in s.items() if n in BUDGETS]
    print(f"\n{sum(held)} of {len(held)} goals hold (on the minimum of the runs).")
    print(f"load average (1, 5, 15 min) at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.json:
        args.json.write_text(json.dumps(sections, ensure_ascii=False, indent=2, default=str) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
