"""The unit index kept in the cache store (:mod:`plandsl.core.cachedb`) as plain JSON.

Building the index normalises ~14k unit names (0.2-0.6 s); it depends only on
the unit packages and this package's code, so it is kept between runs. The
stored value is untrusted: it is decoded and checked field by field, and
anything unexpected is a miss (the index is then built again).
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

from attrs import fields

from plandsl.language.model import Level
from plandsl.registry.model import UnitMatch

NAMESPACE = "registry-units"
_FIELDS = [f.name for f in fields(UnitMatch)]
_LEVEL_FIELDS = {"level", "successor_level"}
_BOOL_FIELDS = {"legacy", "successor_split"}
_REQUIRED_STR = {"code", "name", "short_name", "kind", "province_code", "province_name"}


class _Bad(ValueError):
    pass


def index_key() -> str:
    h = hashlib.blake2b(digest_size=16)
    here = Path(__file__).resolve().parent
    for name in ("jurisdictions.py", "_unitdata.py", "_unitcache.py", "model.py", "normalize.py"):
        h.update((here / name).read_bytes())
    for dist in ("vietnam-provinces", "vietnamadminunits"):
        try:
            h.update(metadata.version(dist).encode())
        except metadata.PackageNotFoundError:
            h.update(b"?")
    return h.hexdigest()


def _slot(slot: tuple) -> str:
    legacy, level = slot
    return f"{int(legacy)}:{level.name}"


def dump(index) -> str:
    position = {id(u): i for i, u in enumerate(index.units)}
    units = [[(getattr(u, f).name if f in _LEVEL_FIELDS and getattr(u, f) is not None else getattr(u, f))
              for f in _FIELDS] for u in index.units]
    maps = [{_slot(slot): {k: [position[id(u)] for u in us] for k, us in table.items()}
             for slot, table in which.items()} for which in (index.exact, index.folded)]
    return json.dumps({"units": units, "exact": maps[0], "folded": maps[1]}, ensure_ascii=False,
                      separators=(",", ":"))


def _need(ok: bool) -> None:
    if not ok:
        raise _Bad()


_NONE = type(None)
_TYPES = tuple(bool if f in _BOOL_FIELDS else str if f in _REQUIRED_STR or f == "level" else (str, _NONE)
               for f in _FIELDS)
_LEVEL_AT = [i for i, f in enumerate(_FIELDS) if f in _LEVEL_FIELDS]
_LEVELS = dict(Level.__members__)


def _unit(row) -> UnitMatch:
    _need(type(row) is list and len(row) == len(_FIELDS) and all(map(isinstance, row, _TYPES)))
    for i in _LEVEL_AT:
        if row[i] is not None:
            level = _LEVELS.get(row[i])
            _need(level is not None)
            row[i] = level
    return UnitMatch(*row)


def load(text: str, make_index):
    """The index stored as ``text``; raises ValueError when it is not what :func:`dump` writes."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise _Bad() from None
    _need(type(data) is dict and set(data) == {"units", "exact", "folded"} and type(data["units"]) is list)
    units = tuple(_unit(row) for row in data["units"])
    _need(bool(units))
    tables = []
    for name in ("exact", "folded"):
        raw = data[name]
        _need(type(raw) is dict)
        table: dict = {}
        for slot, entries in raw.items():
            _need(type(slot) is str and type(entries) is dict)
            legacy, _, level = slot.partition(":")
            _need(legacy in ("0", "1") and level in Level.__members__)
            out = table[(legacy == "1", Level[level])] = {}
            for key, positions in entries.items():
                _need(type(positions) is list and all(type(i) is int and 0 <= i < len(units) for i in positions))
                out[key] = [units[i] for i in positions]
        tables.append(table)
    by_code = {(u.legacy, u.level, u.code): u for u in units}
    return make_index(units, tables[0], tables[1], by_code)


def read(make_index):
    """The stored index, or None."""
    from plandsl.core.cachedb import CacheDB

    db = CacheDB()
    try:
        text = db.get(NAMESPACE, index_key())
        if text is None:
            return None
        try:
            return load(text, make_index)
        except (ValueError, TypeError):
            return None
    finally:
        db.close()


def write(index) -> None:
    from plandsl.core.cachedb import CacheDB

    db = CacheDB()
    key = index_key()
    db.put(NAMESPACE, key, dump(index))
    db.commit(keep={NAMESPACE: [key]}, limit=1)
    db.close()
