"""Coverage-guided fuzzing of the cache reader with atheris (optional).

The cache (``.plandsl-cache/cache.sqlite3``) may come from someone else: a
shared folder, a repository that ships it. Its reader must treat anything it
did not write as a miss: no exception, nothing run. Three ways in, chosen by
the first byte of the input:

0. the input is the whole database file (not SQLite, truncated, foreign schema);
1. a real database whose stored values are the input (the JSON readers of
   plandsl.check.codec must raise their ``Invalid`` miss, nothing else);
2. a real database with the input written over its bytes at an offset.

Run it (see fuzz/README.md)::

    python fuzz/fuzz_cache.py fuzz/corpus/cache -max_total_time=3600
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

CODES = frozenset({"TX001", "TX004", "AM001", "GR003"})


def _read_all(root: Path) -> None:
    from plandsl.check import codec
    from plandsl.core.cachedb import CacheDB

    db = CacheDB(root)
    try:
        values = list(db.get_many("fuzz", ["a", "b"]).values())
        one = db.get("fuzz", "a")
        values += [one] if one is not None else []
        assert isinstance(db.stats(), dict)
    finally:
        db.close()
    for text in values:
        assert isinstance(text, str)
        for load in (lambda t: codec.findings_load(t, CODES), lambda t: codec.parsed_load(t, "f.plan")):
            try:
                load(text)
            except codec.Invalid:
                pass


def _real_db(root: Path, value: str) -> Path:
    from plandsl.core.cachedb import CacheDB

    db = CacheDB(root)
    db.put("fuzz", "a", value)
    db.put("fuzz", "b", '{"TX001": [["TX001", 2, "m", null, null, [], "n", null]]}')
    db.put_stat("f.plan", 10, 1, "0" * 64, 1)
    db.commit()
    db.close()
    return db.path


def test_one_input(data: bytes) -> None:
    from plandsl.core.cachedb import DB_NAME

    mode, body = (data[0] % 3, data[1:]) if data else (0, b"")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / ".plandsl-cache"
        if mode == 0:
            root.mkdir()
            (root / DB_NAME).write_bytes(body)
        elif mode == 1:
            _real_db(root, body.decode("utf-8", "replace"))
        else:
            path = _real_db(root, "[]")
            raw = bytearray(path.read_bytes())
            at = int.from_bytes(body[:2] or b"\0", "little") % max(1, len(raw))
            raw[at : at + len(body) - 2] = body[2:]
            path.write_bytes(bytes(raw))
        _read_all(root)
        _read_all(root)  # a damaged file was set aside: the second open starts clean


def main() -> None:
    import atheris

    with atheris.instrument_imports():
        import plandsl.check.codec  # noqa: F401
        import plandsl.core.cachedb  # noqa: F401
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
