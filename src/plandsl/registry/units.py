"""Dated unit names and succession between units, on top of plandsl.registry.jurisdictions.

The unit packages know a unit under its latest name only: Tỉnh Thừa Thiên Huế
(a province until 2024-12-31) is there only as "Thành phố Huế". ``unit_changes.yaml``
records such dated names with their instrument. This module:

* maps a name valid on a date to the name the packages use (``package_name``);
* tells when a name is used outside its validity (``dated_name_problem``);
* decides whether a unit lies inside a parent plan's unit through succession
  (``inside_by_succession``): a commune of Tỉnh Gia Lai (from 2025-07-01) lies in
  the former Tỉnh Bình Định when its province succeeded Bình Định, and a 2025 unit of
  Thành phố Huế lies in Tỉnh Thừa Thiên Huế.
"""

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache
from pathlib import Path

from plandsl.core.records import frozen
from plandsl.language.model import Level
from plandsl.registry.normalize import compact, strip_accents, words

UNIT_CHANGES_YAML = Path(__file__).with_name("unit_changes.yaml")


@frozen
class DatedName:
    name: str
    level: Level
    code: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    instrument: str
    verified: bool

    def valid_on(self, on: dt.date) -> bool:
        return (self.valid_from is None or on >= self.valid_from) and (self.valid_to is None or on <= self.valid_to)


@lru_cache(maxsize=1 << 14)
def _key(name: str) -> str:
    return strip_accents(compact(words(name)))


@cache
def dated_names() -> tuple[DatedName, ...]:
    from plandsl.registry import _yamlcache

    raw = _yamlcache.load(UNIT_CHANGES_YAML)
    out = []
    for change in raw["changes"]:
        level = Level.lookup(change["level"])
        for n in change["names"]:
            out.append(DatedName(n["name"], level, str(change["code"]), _d(n.get("valid_from")), _d(n.get("valid_to")),
                                 change["instrument"], bool(change.get("verified"))))
    return tuple(out)


def _d(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@cache
def _dated_by_key() -> dict[str, tuple[DatedName, ...]]:
    out: dict[str, list[DatedName]] = {}
    for d in dated_names():
        out.setdefault(_key(d.name), []).append(d)
    return {k: tuple(v) for k, v in out.items()}


def _matching(name: str, level: Level | None) -> list[DatedName]:
    return [d for d in _dated_by_key().get(_key(name), ()) if level is None or d.level is level]


def package_name(name: str, level: Level | None) -> str:
    """The name the unit packages use for a unit written ``name`` (a dated name -> the latest one)."""
    for d in _matching(name, level):
        latest = [o for o in dated_names() if o.code == d.code and o.level is d.level and o.valid_to is None]
        if latest:
            return latest[0].name
    return name


def dated_name_problem(name: str, level: Level | None, on: dt.date) -> tuple[str, DatedName] | None:
    """(the name valid on ``on``, its record) when ``name`` is a unit's name outside its validity."""
    found = _matching(name, level)
    if not found or any(d.valid_on(on) for d in found):
        return None
    d = found[0]
    right = next((o for o in dated_names() if o.code == d.code and o.level is d.level and o.valid_on(on)), None)
    return (right.name, right) if right is not None else None


def inside_by_succession(parent_name: str, parent_date: dt.date | None, unit) -> bool:
    """Whether ``unit`` (a UnitMatch of the child's jurisdiction) lies in the province ``parent_name``
    named on ``parent_date``, counting the province's successors: the child's province is the
    parent's province, or succeeded it (merger on 2025-07-01, or a dated rename)."""
    from plandsl.registry import jurisdictions as J

    name = package_name(parent_name, Level.PROVINCE)
    found = J.lookup(name, Level.PROVINCE, parent_date) if parent_date else J.lookup(name, Level.PROVINCE)
    parents = found.matches if found.status in ("found", "ambiguous", "defunct", "not_yet") else ()
    for p in parents:
        if p.legacy and not unit.legacy:
            if p.successor_province_code and p.successor_province_code == unit.province_code:
                return True
            if p.successor_code and p.successor_code == unit.province_code:
                return True
        elif p.legacy == unit.legacy and p.code == unit.province_code:
            return True
        elif not p.legacy and unit.legacy and unit.successor_province_code == p.code:
            return True
    return False
