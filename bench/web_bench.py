"""Benchmark of the web workspace on the generated country (not a test).

    .venv/bin/python bench/web_bench.py                      # bench/out/current (3,356 specs)
    .venv/bin/python bench/web_bench.py --country bench/out/legacy --repeat 5

Measures, with the server warm (specs loaded and checked once at start, as
`plandsl serve` does before it prints its URL):

* server time of the tree page (/), the national matrix and a province's
  matrix (the one with most children), through Starlette's TestClient
  (min and median of --repeat runs);
* first paint in Chromium (Playwright, system chromium) of the same pages
  served by uvicorn: first-contentful-paint from the Paint Timing API;
* the baselines the other benchmarks use: `python -c pass` and json.loads of a
  JSON string holding the same bytes as the page.

Prints a Markdown table for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def row(name: str, times: list[float], budget: str = "", note: str = "") -> str:
    return f"| {name} | {min(times):.3f} | {statistics.median(times):.3f} | {budget} | {note} |"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--country", default=str(ROOT / "bench" / "out" / "current"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    country = Path(args.country)
    if not country.is_dir():
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_country.py"), "--structure", "current",
                        "--out", str(country)], check=True)
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

    from plandsl.web.app import create_app

    app = create_app([str(country)], allowed_hosts=["testserver", "127.0.0.1"], lang="vi")
    t = time.perf_counter()
    snap = app.state.workspace.snapshot("vi")
    start = time.perf_counter() - t
    national = next(pid for pid, p in snap.plans.items() if p.level is not None and p.level.en == "national")
    province = max(snap.children.get(national, []), key=lambda pid: len(snap.children.get(pid, [])))
    client = TestClient(app)
    pages = {"tree /": "/", f"matrix /matrix/{national}": f"/matrix/{national}",
             f"matrix /matrix/{province} ({len(snap.children.get(province, []))} rows)": f"/matrix/{province}"}
    lines = [f"Country: {len(snap.specs.files)} specs ({country.name}); server start (load + check, once): "
             f"{start:.2f} s", "", "| measure | min (s) | median (s) | budget | note |", "|---|---|---|---|---|"]
    sizes = {}
    for name, url in pages.items():
        client.get(url)  # warm the page's own caches (tree index, search index)
        times = timed(lambda: client.get(url).raise_for_status(), args.repeat)
        sizes[name] = len(client.get(url).content)
        lines.append(row(f"server: {name}", times, "", f"{sizes[name] / 1024:.0f} KiB"))
    for name, url in pages.items():
        fcp = first_paint(app, url, args.repeat)
        if fcp is None:
            lines.append(f"| browser first paint: {name} | – | – | | Chromium or Playwright missing |")
        else:
            budget = "< 1 s" if url == "/" else "< 2 s"
            lines.append(row(f"browser first paint: {name}", fcp, budget, "first-contentful-paint, warm server"))
    lines.append(row("baseline: python -c pass", timed(
        lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), args.repeat)))
    biggest = max(sizes.values())
    blob = json.dumps("x" * biggest)
    lines.append(row(f"baseline: json.loads of {biggest / 1024:.0f} KiB", timed(lambda: json.loads(blob), args.repeat)))
    print("\n".join(lines))
    return 0


def first_paint(app, url: str, repeat: int) -> list[float] | None:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    try:
        import uvicorn
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(chromium).exists():
        return None
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        thread.join(0.05)
    out = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}{url}")  # warm
            for _ in range(repeat):
                page.goto(f"http://127.0.0.1:{port}{url}", wait_until="load")
                fcp = page.evaluate("() => { const e = performance.getEntriesByName('first-contentful-paint')[0];"
                                    " return e ? e.startTime : null; }")
                if fcp is None:
                    fcp = page.evaluate("() => performance.timing.loadEventEnd - performance.timing.navigationStart")
                out.append(fcp / 1000)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(10)
    return out


if __name__ == "__main__":
    sys.exit(main())
