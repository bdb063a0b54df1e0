"""The atheris targets in fuzz/ run over their seed corpus without atheris, so they cannot rot."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "specs").rglob("*.plan"))


def _target(name: str):
    spec = importlib.util.spec_from_file_location(f"fuzz_{name}", ROOT / "fuzz" / f"fuzz_{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOSTILE = [
    b"", b"\xff\xfe" + "plan p {}".encode("utf-16-le"), b"\x00\x00\xfe\xff", b"plan p {\n title \"\x1b[31m\x07\"\n}\n",
    b"plan p {\n  level province\n  period 2021..2025\n" + b"task t {\n" * 200 + b"}" * 200 + b"\n}\n",
    b"plan p { title \"" + b"a" * 100_000 + b"\" }", b"\xc3\x28", b"plan p {\r\n}\r\n", b"#\xe2\x80\xae\n",
]


@pytest.mark.parametrize("path", SEEDS[:6], ids=lambda p: p.name)
def test_parser_target_on_seeds_and_their_truncations(path):
    target = _target("parser")
    data = path.read_bytes()
    target.test_one_input(data)
    for cut in (1, len(data) // 3, len(data) // 2, len(data) - 2):
        target.test_one_input(data[:cut])


@pytest.mark.parametrize("data", HOSTILE, ids=range(len(HOSTILE)))
def test_parser_target_on_hostile_bytes(data):
    _target("parser").test_one_input(data)


CACHE_INPUTS = [b"", b"\x00SQLite format 3\x00" + b"\xff" * 200, b"\x00" + b"\x80\x03cos\nsystem\n." * 10,
                b'\x01{"TX001": [[1]]}', b'\x01[[], {"id": 1}]', b"\x01" + b"[" * 100_000, b'\x01{"AM001": []}',
                b"\x02\x10\x00" + b"\xff" * 64, b"\x02\x00\x00" + b"\x00" * 100, b"\x02\x64\x00not a page"]


@pytest.mark.parametrize("data", CACHE_INPUTS, ids=range(len(CACHE_INPUTS)))
def test_cache_target(data):
    pytest.importorskip("plandsl.core.cachedb", reason="the SQLite cache store is not there yet")
    pytest.importorskip("plandsl.check.codec", reason="the cache codec is not there yet")
    _target("cache").test_one_input(data)
