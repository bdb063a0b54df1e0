"""The synthetic-country generator (bench/gen_country.py), loaded once for the tests that need it."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@cache
def gen_module():
    spec = importlib.util.spec_from_file_location("gen_country", ROOT / "bench" / "gen_country.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_country", module)
    spec.loader.exec_module(module)
    return module
