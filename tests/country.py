"""The bench scripts the tests use (bench/gen_country.py, bench/import_eval.py), each loaded once."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@cache
def bench_module(name: str):
    """bench/<name>.py as a module (the bench folder is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


def gen_module():
    """The synthetic-country generator."""
    return bench_module("gen_country")
