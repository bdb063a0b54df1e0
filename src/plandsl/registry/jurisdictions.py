"""Look up provinces, districts and communes by name or official code, for a date.

Before 2025-07-01 the legacy structure applies (63 provinces, districts,
communes); from then on the current one (34 provinces, communes, no
districts). The unit data is loaded on first use, never at ``import plandsl``.

    >>> find_unit("Huyện An Lão, Tỉnh Bình Định", "district", date(2021, 5, 18)).successor_name
    'Tỉnh Gia Lai'
"""

from __future__ import annotations

from plandsl.core.i18n import _
import datetime as dt
import re
from functools import cache, lru_cache
from typing import Iterable, Iterator

from plandsl.language.model import Level
from plandsl.registry._unitindex import LEVEL_ORDER as _LEVEL_ORDER
from plandsl.registry._unitindex import SLOTS, Index, SlotIndex, place_keys_of
from plandsl.registry._unitindex import key as _key
from plandsl.registry._unitindex import split_type as _split_type
from plandsl.registry.model import REFORM_DATE, RegistryError, UnitLookup, UnitMatch, is_legacy_date
from plandsl.registry.normalize import compact, fold_case, strip_accents, words

__all__ = [
    "REFORM_DATE", "RegistryError", "UnitLookup", "UnitMatch", "candidates", "contains", "find_by_code",
    "find_unit", "iter_units", "lookup", "parse_level", "place_keys",
]

_UNIT_LEVELS = {Level.PROVINCE, Level.DISTRICT, Level.COMMUNE}


def parse_level(level: Level | str | None) -> Level | None:
    if level is None or isinstance(level, Level):
        return level
    found = Level.lookup(level.strip().lower())
    if found is None:
        raise ValueError(f"unknown level '{level}' (use province, district or commune)")
    return found


# The index is derived only from the unit packages and this code, so it is kept in the cache store
# (plandsl.registry._unitcache) between runs (building it whole normalises ~14k names: 0.2-0.6 s, most
# of a one-file re-check). Off with `plandsl check --no-cache`: then each slot (era, level) is built
# when first needed (plandsl.registry._unitindex).
DISK_CACHE = True


# The index this process built slot by slot while the store had none: :func:`store_index` stores it
# whole. Building and storing it (one row per lookup key, ~40k rows) costs ~1 s, so a check does it
# when it suits (a big run: while its workers work) instead of at the first lookup.
_TO_STORE: list = []


@cache
def _index() -> Index | SlotIndex:
    """The unit index: each lookup read from the cache store when its rows are there (a check that looks
    up a few units reads only those); else built slot by slot (:class:`SlotIndex`), and, with the store,
    kept for :func:`store_index`."""
    if DISK_CACHE:
        from plandsl.registry import _unitcache

        found = _unitcache.lazy(_full_index)
        if found is not None:
            return found  # type: ignore[return-value]
        index = SlotIndex()
        _TO_STORE[:] = [index]
        return index
    return SlotIndex()


def index_to_store() -> bool:
    """Whether this process built the unit index without the store and has not stored it yet."""
    return bool(_TO_STORE) and DISK_CACHE


def forget_index_to_store() -> None:
    """Another process stored the index (see check.bulk)."""
    _TO_STORE.clear()


def store_index() -> None:
    """Store the unit index this process built without the store: the lookup rows of the slots it built
    (a current-era check builds neither the legacy communes nor their ~10k rows); the whole index, with
    one row per lookup key, when it built every slot or none."""
    if not index_to_store():
        return
    from plandsl.registry import _unitcache

    index = _TO_STORE.pop()
    if 0 < len(index.built_slots()) < len(SLOTS):
        _unitcache.write(index.built(), index.places(), slots=index.built_slots())
        return
    whole = index.whole()
    _unitcache.write(whole, place_keys_of(whole.units))


@cache
def _full_index() -> Index:
    """The whole unit index: read from the cache store when it is there and sound, else built (and stored)."""
    if DISK_CACHE:
        from plandsl.registry import _unitcache

        found = _unitcache.read(Index)
        if found is not None:
            return found
    index = SlotIndex().whole()
    if DISK_CACHE:
        _unitcache.write(index, place_keys_of(index.units))
    return index


def _eras(on_date: dt.date | None) -> tuple[bool, ...]:
    """Which structures to search, preferred first (True = legacy)."""
    if on_date is None:
        return (False, True)
    return (True,) if is_legacy_date(on_date) else (False,)


def _levels(level: Level | None) -> tuple[Level, ...]:
    if level is None:
        return _LEVEL_ORDER
    if level not in _UNIT_LEVELS:
        raise ValueError(f"jurisdictions exist at province, district and commune level, not '{level.en}'")
    return (level,)


_SUFFIX_SPLIT = re.compile(r"\s+(?=(?:tỉnh|thành phố|tp\.?)\s)")


def _parse_query(query: str) -> tuple[str, list[str]]:
    """'Huyện An Lão, Tỉnh Bình Định' -> ('Huyện An Lão', ['Tỉnh Bình Định'])."""
    parts = [p.strip() for p in query.split(",") if p.strip()]
    if len(parts) == 1:
        m = _SUFFIX_SPLIT.search(fold_case(parts[0]))
        if m and m.start() > 0:
            folded = fold_case(parts[0])
            parts = [folded[:m.start()], folded[m.end():]]
    return (parts[0] if parts else ""), parts[1:]


def _raw_matches(name: str, era: bool, levels: Iterable[Level]) -> list[UnitMatch]:
    idx = _index()
    kinds, rest = _split_type(words(name))
    key, fkey = compact(rest), strip_accents(compact(rest))
    out: list[UnitMatch] = []
    for level in levels:
        found = idx.exact.get((era, level), {}).get(key) or idx.folded.get((era, level), {}).get(fkey, [])
        if kinds:
            found = [u for u in found if fold_case(u.kind) in kinds]
        out.extend(found)
    return out


def _province_filter(province: str | UnitMatch | None) -> tuple[set[str], set[str]] | None:
    """Codes of the provinces that ``province`` may name: (legacy codes, current codes)."""
    if province is None:
        return None
    if isinstance(province, UnitMatch):
        return ({province.code}, set()) if province.legacy else (set(), {province.code})
    text = province.strip()
    legacy_codes: set[str] = set()
    current_codes: set[str] = set()
    for era in (True, False):
        target = legacy_codes if era else current_codes
        if text.isdigit():
            if (era, Level.PROVINCE, text.zfill(2)) in _index().by_code:
                target.add(text.zfill(2))
            continue
        target.update(u.code for u in _raw_matches(text, era, (Level.PROVINCE,)))
    return legacy_codes, current_codes


def _in_province(u: UnitMatch, codes: tuple[set[str], set[str]]) -> bool:
    legacy_codes, current_codes = codes
    if u.legacy:
        return u.province_code in legacy_codes or (u.successor_province_code or "") in current_codes
    return u.province_code in current_codes


@lru_cache(maxsize=1 << 14)
def _search(query: str, level: Level | None, eras: tuple[bool, ...],
            province: str | UnitMatch | None) -> tuple[UnitMatch, ...]:
    """The units ``query`` names in the first era of ``eras`` that has any (memoised: the
    rules look up each plan's jurisdiction and its parent's many times)."""
    name, containers = _parse_query(query)
    if province is None and containers:
        province = containers[-1]
    district = containers[0] if len(containers) == 2 else None
    codes = _province_filter(province)
    levels = _levels(level)
    for era in eras:
        found = _raw_matches(name, era, levels)
        if codes is not None:
            found = [u for u in found if _in_province(u, codes)]
        if district and era:
            dkeys = {_key(district)}
            found = [u for u in found if u.district_name and _key(u.district_name) in dkeys]
        if level is None and found:  # "Quảng Ngãi" means the province before the city
            top = min(_LEVEL_ORDER.index(u.level) for u in found)
            found = [u for u in found if _LEVEL_ORDER.index(u.level) == top]
        if found:
            return tuple(found)
    return ()


def candidates(name: str, level: Level | str | None = None, on_date: dt.date | None = None,
               province: str | UnitMatch | None = None) -> tuple[UnitMatch, ...]:
    """Every unit ``name`` may mean (both structures when ``on_date`` is None)."""
    level = parse_level(level)
    name_part, containers = _parse_query(name)
    if province is None and containers:
        province = containers[-1]
    codes = _province_filter(province)
    out: list[UnitMatch] = []
    for era in _eras(on_date) if on_date else (False, True):
        for u in _raw_matches(name_part, era, _levels(level)):
            if codes is None or _in_province(u, codes):
                out.append(u)
    return tuple(out)


def lookup(name: str, level: Level | str | None = None, on_date: dt.date | None = None,
           province: str | UnitMatch | None = None) -> UnitLookup:
    """Resolve ``name`` (or an official code) at ``level`` on ``on_date``; see UnitLookup for statuses."""
    level = parse_level(level)
    query = name.strip()
    if query.isdigit():
        found_code = find_by_code(query, level, on_date)
        return UnitLookup(query, "found", (found_code,)) if found_code else UnitLookup(query, "not_found")
    found = _search(query, level, _eras(on_date), province)
    key = _key(_parse_query(query)[0])
    approximate = any(_key(u.name) != key for u in found)
    if len(found) == 1:
        hint = _("Did you mean '{name}'?").format(name=found[0].name) if approximate else None
        return UnitLookup(query, "found", tuple(found), hint, approximate)
    if found:
        return UnitLookup(query, "ambiguous", tuple(found),
                          _("Several units share this name; add the province, e.g. '{example}'.").format(
                              example=f"{found[0].name}, {found[0].province_name}"), approximate)
    if on_date is not None:
        other = _search(query, level, (not is_legacy_date(on_date),), province)
        if other:
            legacy = other[0].legacy
            status = "defunct" if legacy else "not_yet"
            if legacy:
                succ = sorted({u.successor_name for u in other if u.successor_name})
                hint = _("Before {date} this was {name}; it is now part of {successors}.").format(
                    date=REFORM_DATE.isoformat(), name=other[0].qualified_name,
                    successors=", ".join(succ) or _("another unit"))
            else:
                hint = _("{name} exists only from {date}.").format(name=other[0].qualified_name,
                                                                  date=REFORM_DATE.isoformat())
            return UnitLookup(query, status, tuple(other), hint)
    return UnitLookup(query, "not_found", (), _did_you_mean(query, level, on_date))


def _did_you_mean(query: str, level: Level | None, on_date: dt.date | None) -> str | None:
    from plandsl.core.suggest import did_you_mean

    name, _ = _parse_query(query)
    eras = _eras(on_date)
    idx = _index()  # the names of the slots searched (did_you_mean sorts them: their order is not used)
    pool = [u.name for era in eras for lv in _levels(level) for u in idx.units_of(era, lv)]
    return did_you_mean(name, pool, cutoff=80.0)


def find_unit(name: str, level: Level | str | None = None, on_date: dt.date | None = None,
              province: str | UnitMatch | None = None) -> UnitMatch | None:
    """The single unit ``name`` names on ``on_date``, or None (unknown, ambiguous or not valid then).

    With ``on_date`` None both structures are searched, current first.
    """
    result = lookup(name, level, on_date, province)
    return result.unit if result.status == "found" else None


def find_by_code(code: str, level: Level | str | None = None, on_date: dt.date | None = None) -> UnitMatch | None:
    level = parse_level(level)
    idx = _index()
    width = {Level.PROVINCE: 2, Level.DISTRICT: 3, Level.COMMUNE: 5}
    for era in _eras(on_date):
        hits = [idx.by_code.get((era, lv, code.strip().zfill(width[lv]))) for lv in _levels(level)]
        hits = [h for h in hits if h is not None]
        if len(hits) == 1:
            return hits[0]
    return None


def contains(province: str | UnitMatch, unit: str | UnitMatch, on_date: dt.date | None = None,
             level: Level | str | None = None) -> bool | None:
    """Is ``unit`` inside ``province``? None when either cannot be resolved.

    A legacy unit counts as inside a current province that succeeded its own
    province (Huyện An Lão of Bình Định is inside Tỉnh Gia Lai). With an
    ambiguous unit name the answer is True if any of the candidates is inside.
    """
    level = parse_level(level)
    if isinstance(province, str):
        found = _search(province, Level.PROVINCE, _eras(on_date), None) or _search(
            province, Level.PROVINCE, (False, True), None)
        if not found:
            return None
        provinces = found
    else:
        provinces = [province]
    units = [unit] if isinstance(unit, UnitMatch) else list(candidates(unit, level, on_date)) or list(
        candidates(unit, level, None))
    if not units:
        return None
    legacy_codes = {p.code for p in provinces if p.legacy}
    current_codes = {p.code for p in provinces if not p.legacy}
    return any(_in_province(u, (legacy_codes, current_codes)) for u in units)


def iter_units(level: Level | str = Level.PROVINCE, legacy: bool = False,
               province: str | UnitMatch | None = None) -> Iterator[UnitMatch]:
    level = parse_level(level)
    codes = _province_filter(province)
    for u in _index().units_of(legacy, level):
        if codes is None or _in_province(u, codes):
            yield u


@cache
def place_keys() -> frozenset[str]:
    """Compact keys of province and district names (both structures), for stripping
    trailing place names such as 'Báo Quảng Ngãi' (read from the store's row when the index is
    read per key, so that this does not load every unit)."""
    index = _index()
    stored = index.places()
    return stored if stored is not None else place_keys_of(index.units)
