"""The unit index kept in the cache store (:mod:`plandsl.core.cachedb`) as plain JSON.

Building the index normalises ~14k unit names (0.2-0.6 s); it depends only on
the unit packages and this package's code, so it is kept between runs, twice:
whole (one value) and by lookup (name key, accent-free key, code), the lookups
in 512 rows by a hash of their name. A check that looks up a few units (one
edited commune, an editor's keystroke) reads only those rows (:class:`LazyIndex`); anything that needs every unit
(suggestions) reads the whole value. Stored values are untrusted: they are
decoded and checked field by field, and anything unexpected is a miss (the
whole index is then read or built again).
"""

from __future__ import annotations

import json
import operator
import zlib
from pathlib import Path
from typing import Iterator

from attrs import fields

from plandsl.core.hashing import blake2b
from plandsl.language.model import Level
from plandsl.registry.model import UnitMatch

NAMESPACE = "registry-units"
KEYS_NAMESPACE = "registry-unit-keys"
_FIELDS = [f.name for f in fields(UnitMatch)]
_LEVEL_FIELDS = {"level", "successor_level"}
_BOOL_FIELDS = {"legacy", "successor_split"}
_REQUIRED_STR = {"code", "name", "short_name", "kind", "province_code", "province_name"}


class _Bad(ValueError):
    pass


def index_key() -> str:
    """Hash of this package's unit code and of the stat records of the unit packages' modules and
    folders (an upgrade rewrites them), without importing them or reading their metadata (~25 ms).
    The code's text is part of it: a change of this code or of the stored form is a new key."""
    import importlib.util
    import os

    h = blake2b(digest_size=16)
    here = Path(__file__).resolve().parent
    for name in ("jurisdictions.py", "_unitindex.py", "_unitdata.py", "_unitcache.py", "model.py", "normalize.py"):
        h.update((here / name).read_bytes())
    for module in ("vietnam_provinces", "vietnamadminunits"):
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            spec = None
        h.update(f"{module}\0".encode())
        if spec is None or not spec.origin:
            h.update(b"?")
            continue
        for path in (spec.origin, os.path.dirname(spec.origin)):
            try:
                st = os.stat(path)
                h.update(f"{path}\0{st.st_size}:{st.st_mtime_ns}\0".encode())
            except OSError:
                h.update(b"?")
    return h.hexdigest()


def _slot(slot: tuple) -> str:
    legacy, level = slot
    return f"{int(legacy)}:{level.name}"


def _slot_names() -> dict[str, tuple]:
    from plandsl.registry._unitindex import SLOTS

    return {_slot(s): s for s in SLOTS}


SLOT_NAMES = _slot_names()


_VALUES = operator.attrgetter(*_FIELDS)
_LEVEL_POS = [i for i, f in enumerate(_FIELDS) if f in _LEVEL_FIELDS]


def _row(u: UnitMatch) -> list:
    row = list(_VALUES(u))
    for i in _LEVEL_POS:
        if row[i] is not None:
            row[i] = row[i].name
    return row


def _rows(index) -> dict[int, list]:
    """Each unit's row, by the unit's identity (a unit is in several tables: made once)."""
    return {id(u): _row(u) for u in index.units}


def dump(index, rows: dict[int, list] | None = None) -> str:
    rows = rows if rows is not None else _rows(index)
    position = {id(u): i for i, u in enumerate(index.units)}
    units = [rows[id(u)] for u in index.units]
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


BUCKETS = 512  # lookup rows per index: each holds the entries of the lookup names that hash to it


def bucket_of(name: str) -> int:
    """The row of a lookup name (crc32: the same in every process)."""
    return zlib.crc32(name.encode("utf-8", "surrogatepass")) % BUCKETS


def _entries(index, places: frozenset[str] | None, unit_rows: dict[int, list]) -> Iterator[tuple[str, object]]:
    """(lookup name, its value) per lookup: the units under a name key or an accent-free key of a slot,
    a unit by code, and the keys of place names."""
    # A name or accent-free key lists its units by their code entries' names (a unit is under several
    # keys: its row is stored once, under its code).
    for kind, which in (("e", index.exact), ("f", index.folded)):
        for slot, table in which.items():
            where = _slot(slot)
            for k, units in table.items():
                yield f"{kind}|{where}|{k}", [f"{where}|{u.code}" for u in units]
    for (legacy, level, code), u in index.by_code.items():
        yield f"c|{_slot((legacy, level))}|{code}", unit_rows[id(u)]
    if places is not None:
        yield "places", sorted(places)


def key_rows(index, key: str, places: frozenset[str] | None = None,
             unit_rows: dict[int, list] | None = None, slots: tuple | None = None) -> Iterator[tuple[str, str]]:
    """The stored rows of the lookups: one per bucket of lookup names (a JSON object of name -> entry),
    then the marker row (its presence says the rows are complete: "1" for every slot, else the slots
    ``slots`` whose lookups they hold, see :func:`write`). Some 40k lookups in 512 rows: one
    row each cost ~1 s of a first check to write (a checksum, an insert, a key per row). Each row is
    encoded by one ``json.dumps`` (one call per lookup was ~0.5 s of CPU in the process that stores the
    index while the workers parse)."""
    unit_rows = unit_rows if unit_rows is not None else _rows(index)
    buckets: dict[int, dict[str, object]] = {}
    for name, value in _entries(index, places, unit_rows):
        buckets.setdefault(bucket_of(name), {})[name] = value
    for n in sorted(buckets):
        yield f"{key}|b|{n}", json.dumps(buckets[n], ensure_ascii=False, separators=(",", ":"))
    yield f"{key}|complete", "1" if slots is None else ",".join(_slot(s) for s in slots)


def write(index, places: frozenset[str] | None = None, slots: tuple | None = None) -> None:
    """Store the index's lookup rows, (``places``) the keys of place names, and the marker that says the rows are
    complete last. ``slots``: the only slots ``index`` holds (the slots a check built: a first check of one era
    needs its communes and provinces, not the other era's ~10k communes built to be stored); the rows of those
    slots are stored, without the whole value, and a later lookup in a slot not stored builds the whole index,
    which is then stored. Without ``slots`` the index is whole, and its whole value is stored too."""
    from plandsl.core.cachedb import CacheDB

    db = CacheDB()
    key = index_key()
    unit_rows = _rows(index)
    keep: dict[str, list[str]] = {KEYS_NAMESPACE: []}
    if slots is None:
        db.put(NAMESPACE, key, dump(index, unit_rows))
        keep[NAMESPACE] = [key]
    for k, v in key_rows(index, key, places, unit_rows, slots):
        db.put(KEYS_NAMESPACE, k, v)
        keep[KEYS_NAMESPACE].append(k)
    db.commit(keep=keep, limit=1)
    db.close()


def _stored_slots(marker: str | None) -> frozenset | None:
    """The slots the lookup rows hold, by their completion marker: None when there are no complete rows."""
    if marker is None:
        return None
    if marker == "1":
        return frozenset(SLOT_NAMES.values())
    slots = marker.split(",") if marker else []
    if not all(s in SLOT_NAMES for s in slots):
        return None
    return frozenset(SLOT_NAMES[s] for s in slots)


def lazy(whole):
    """A :class:`LazyIndex` over the stored rows, or None when they are not there. ``whole()`` gives
    the whole index when it is needed (a lookup in a slot whose rows are not stored)."""
    from plandsl.core.cachedb import CacheDB

    db = CacheDB()
    key = index_key()
    slots = _stored_slots(db.get(KEYS_NAMESPACE, f"{key}|complete"))
    if not slots:
        db.close()
        return None
    return LazyIndex(key, db, whole, slots)


class LazyIndex:
    """The unit index answering each lookup from its stored row; the whole index once ``units`` is asked.

    Same interface as the full index: ``exact`` / ``folded`` (slot -> {key: [UnitMatch]}), ``by_code``
    ((legacy, level, code) -> UnitMatch) and ``units``. A damaged row makes it use the whole index.
    """

    def __init__(self, key: str, db, whole, slots: frozenset | None = None) -> None:
        import os

        from plandsl.registry._unitindex import SLOTS

        self._key, self._db, self._pid, self._load_whole = key, db, os.getpid(), whole
        # The slots that hold units but whose lookups are not stored (a slot of no units, such as the current
        # era's districts, has none to store).
        self._unstored = frozenset(SLOTS) - (frozenset(SLOTS) if slots is None else slots)
        self._whole = None
        self._rows: dict[str, object] = {}  # decoded entries by lookup name
        self._buckets: dict[int, dict] = {}  # the rows read, decoded (entries not yet)
        self.exact = _Slots(self, "e")
        self.folded = _Slots(self, "f")
        self.by_code = _Codes(self)

    @property
    def units(self):
        return self.whole().units

    def units_of(self, legacy: bool, level: Level):
        return self.whole().units_of(legacy, level)

    def whole(self):
        if self._whole is None:
            self._whole = self._load_whole()
        return self._whole

    def places(self) -> frozenset[str] | None:
        """The stored keys of province and district names, or None (then computed from the units)."""
        if self._whole is None:
            try:
                found = self.row("places")
            except (_Bad, TypeError, ValueError):
                return None
            if isinstance(found, list) and all(isinstance(k, str) for k in found):
                return frozenset(found)
        return None

    def row(self, name: str):
        """The decoded entry ``name`` (None when there is none); raises _Bad when its row is damaged."""
        if name in self._rows:
            return self._rows[name]
        raw = self._bucket(bucket_of(name)).get(name)
        value = None
        if raw is not None:
            if name.startswith("c|"):
                value = _unit(raw)
            elif name == "places":
                _need(type(raw) is list and all(type(k) is str for k in raw))
                value = raw
            else:
                _need(type(raw) is list and bool(raw) and all(type(r) is str for r in raw))
                value = [self.row("c|" + r) for r in raw]
                _need(None not in value)
        self._rows[name] = value
        return value

    def _bucket(self, n: int) -> dict:
        """The stored row of lookup bucket ``n``, decoded ({} when no lookup name falls in it)."""
        import os

        found = self._buckets.get(n)
        if found is not None:
            return found
        if self._pid != os.getpid():  # a forked worker: never use the parent's connection
            from plandsl.core.cachedb import CacheDB

            self._db, self._pid = CacheDB(), os.getpid()
        try:
            text = self._db.get_present(KEYS_NAMESPACE, f"{self._key}|b|{n}")
        except ValueError:
            raise _Bad() from None
        found = {}
        if text is not None:
            try:
                found = json.loads(text)
            except (ValueError, RecursionError):
                raise _Bad() from None
            _need(type(found) is dict)
        self._buckets[n] = found
        return found


class _Bucket:
    def __init__(self, index: LazyIndex, kind: str, slot: tuple) -> None:
        self.index, self.kind, self.slot = index, kind, slot

    def get(self, key: str, default=None):
        index = self.index
        if index._whole is None and self.slot not in index._unstored:
            try:
                found = index.row(f"{self.kind}|{_slot(self.slot)}|{key}")
                return found if found is not None else default
            except (_Bad, TypeError, ValueError):
                pass
        table = index.whole().exact if self.kind == "e" else index.whole().folded
        return table.get(self.slot, {}).get(key, default)


class _Slots:
    def __init__(self, index: LazyIndex, kind: str) -> None:
        self.index, self.kind = index, kind

    def get(self, slot: tuple, default=None) -> _Bucket:
        return _Bucket(self.index, self.kind, slot)


class _Codes:
    def __init__(self, index: LazyIndex) -> None:
        self.index = index

    def get(self, key: tuple, default=None):
        index = self.index
        legacy, level, code = key
        if index._whole is None and (legacy, level) not in index._unstored:
            try:
                found = index.row(f"c|{_slot((legacy, level))}|{code}")
                return found if found is not None else default
            except (_Bad, TypeError, ValueError):
                pass
        return index.whole().by_code.get(key, default)

    def __contains__(self, key: tuple) -> bool:
        return self.get(key) is not None
