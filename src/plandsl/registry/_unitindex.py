"""The unit index of :mod:`plandsl.registry.jurisdictions`, built by slot on first need.

A slot is an era and a level: ``(legacy, level)``. Each slot maps the matching key of a unit name
(:func:`key`) and its accent-free form to the units that bear it, and each unit's official code to
the unit. A check of a current-era country looks up current communes and provinces; the legacy
provinces and districts serve province filters and :func:`place_keys`; the ~10k legacy communes
(most of the building: reading them, normalising their names) are built only when a lookup falls
through to the other era, a legacy commune is asked for, or every unit is (suggestions).

:class:`SlotIndex` answers exactly as the index built whole (:meth:`SlotIndex.whole`, an
:class:`Index`): the same units under the same keys, in the same order (tests/test_unitindex.py).
"""

from __future__ import annotations

import threading
from functools import lru_cache

from plandsl.core.records import frozen
from plandsl.language.model import Level
from plandsl.registry.model import RegistryError, UnitMatch
from plandsl.registry.normalize import compact, strip_accents, words

# Leading type words -> the unit kinds they name (compared with UnitMatch.kind).
TYPE_WORDS: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (("thành", "phố", "trực", "thuộc", "trung", "ương"), ("thành phố",)),
    (("thành", "phố"), ("thành phố",)),
    (("tp",), ("thành phố",)),
    (("tỉnh",), ("tỉnh",)),
    (("huyện",), ("huyện",)),
    (("quận",), ("quận",)),
    (("thị", "xã"), ("thị xã",)),
    (("tx",), ("thị xã",)),
    (("thị", "trấn"), ("thị trấn",)),
    (("tt",), ("thị trấn",)),
    (("đặc", "khu"), ("đặc khu",)),
    (("phường",), ("phường",)),
    (("xã",), ("xã",)),
]
LEVEL_ORDER = (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)
# Every slot that holds units, in the order the whole index is built.
SLOTS = ((True, Level.PROVINCE), (True, Level.DISTRICT), (True, Level.COMMUNE), (False, Level.PROVINCE),
         (False, Level.COMMUNE))


# The type words by their first word, each list in the order of TYPE_WORDS (longest first).
_BY_FIRST: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
for _prefix, _kinds in TYPE_WORDS:
    _BY_FIRST.setdefault(_prefix[0], []).append((_prefix, _kinds))


def split_type(tokens: list[str]) -> tuple[tuple[str, ...], list[str]]:
    """Remove a leading type word; return (kinds it names, remaining tokens)."""
    for prefix, kinds in _BY_FIRST.get(tokens[0], ()) if tokens else ():
        n = len(prefix)
        if tuple(tokens[:n]) == prefix and len(tokens) > n:
            return kinds, tokens[n:]
    return (), tokens


@lru_cache(maxsize=1 << 16)
def key(name: str) -> str:
    """The matching key of a unit name (memoised: unit and plan names recur)."""
    return compact(split_type(words(name))[1])


def fold_key(name: str) -> str:
    return strip_accents(key(name))


def place_keys_of(units) -> frozenset[str]:
    """Keys of the province and district names among ``units``."""
    return frozenset(key(u.name) for u in units if u.level in (Level.PROVINCE, Level.DISTRICT))


@frozen
class Index:
    """The whole unit index (every slot built), as read from the cache store or forced."""

    units: tuple[UnitMatch, ...]
    exact: dict  # (legacy, level) -> {key: [UnitMatch]}
    folded: dict  # (legacy, level) -> {accent-free key: [UnitMatch]}
    by_code: dict  # (legacy, level, code) -> UnitMatch

    def places(self) -> frozenset[str] | None:
        """Stored keys of place names: none here (computed from ``units``); see _unitcache.LazyIndex."""
        return None

    def units_of(self, legacy: bool, level: Level) -> tuple[UnitMatch, ...]:
        """The units of one slot, in the order of ``units``."""
        return tuple(u for u in self.units if u.legacy is legacy and u.level is level)


def _loaded(load):
    try:
        return load()
    except RegistryError:
        raise
    except Exception as exc:  # a broken or changed upstream package
        raise RegistryError(f"could not load administrative units ({type(exc).__name__}: {exc})") from exc


class SlotIndex:
    """The unit index, each slot built on first need; same interface as :class:`Index`.

    ``exact.get(slot)``, ``folded.get(slot)`` and ``by_code`` build the slot they name; ``units``
    builds everything. Safe to share between threads (a slot is published once complete).
    """

    def __init__(self) -> None:
        self._exact: dict = {}
        self._folded: dict = {}
        self._codes: dict = {}
        self._built: set[tuple] = set()
        self._lock = threading.RLock()
        self._current: list[UnitMatch] | None = None
        self._upper: tuple[list[UnitMatch], dict[str, list[str]]] | None = None
        self._legacy: list[UnitMatch] | None = None
        self.exact = _Table(self, self._exact)
        self.folded = _Table(self, self._folded)
        self.by_code = _Codes(self)

    # The unit lists, loaded once each.
    def _current_units(self) -> list[UnitMatch]:
        if self._current is None:
            from plandsl.registry._unitdata import load_current

            self._current = _loaded(load_current)
        return self._current

    def _legacy_upper(self) -> tuple[list[UnitMatch], dict[str, list[str]]]:
        if self._upper is None:
            from plandsl.registry._unitdata import load_legacy_upper

            self._upper = _loaded(lambda: load_legacy_upper(self._current_units()))
        return self._upper

    def _legacy_units(self) -> list[UnitMatch]:
        """Every legacy unit in the dataset's order (provinces and districts interleaved with communes);
        the provinces and districts are the objects of their slots (the stored form refers to them)."""
        if self._legacy is None:
            from plandsl.registry._unitdata import load_legacy

            loaded, aliases = _loaded(lambda: load_legacy(self._current_units()))
            if self._upper is None:  # read once, when every unit is needed from the start (whole)
                self._upper = ([u for u in loaded if u.level is not Level.COMMUNE], aliases)
            upper = {(u.level, u.code): u for u in self._upper[0]}
            self._legacy = [u if u.level is Level.COMMUNE else upper.get((u.level, u.code), u) for u in loaded]
        return self._legacy

    def units_of(self, legacy: bool, level: Level) -> tuple[UnitMatch, ...]:
        """The units of one slot, in the order of ``units``."""
        with self._lock:
            if not legacy:
                found = self._current_units()
            elif level is Level.COMMUNE:
                found = self._legacy_units()
            else:
                found = self._legacy_upper()[0]
            return tuple(u for u in found if u.level is level)

    @property
    def units(self) -> tuple[UnitMatch, ...]:
        with self._lock:
            return (*self._current_units(), *self._legacy_units())

    def places(self) -> frozenset[str]:
        """Keys of the province and district names of both eras (no commune is built)."""
        with self._lock:
            return place_keys_of((*self._current_units(), *self._legacy_upper()[0]))

    def whole(self) -> Index:
        """Every slot built: the index as built whole."""
        with self._lock:
            self._legacy_units()
        for slot in SLOTS:
            self.build(slot)
        return Index(self.units, self._exact, self._folded, self._codes)

    def built_slots(self) -> tuple:
        """The slots built so far, in the order of :data:`SLOTS`."""
        return tuple(s for s in SLOTS if s in self._built)

    def built(self) -> Index:
        """The slots built so far as an index (its units: theirs): what a check that built them stores."""
        with self._lock:
            return Index(tuple(dict.fromkeys(self._codes.values())), dict(self._exact), dict(self._folded),
                         dict(self._codes))

    def build(self, slot: tuple) -> None:
        """Build ``slot`` (and what it depends on) unless it is built."""
        if slot in self._built or slot not in SLOTS:
            return
        with self._lock:
            if slot in self._built:
                return
            legacy, level = slot
            if slot == (False, Level.PROVINCE):  # takes the legacy provinces' aliases
                self.build((True, Level.PROVINCE))
            aliases = self._legacy_upper()[1] if slot == (True, Level.PROVINCE) else {}
            exact: dict = {}
            folded: dict = {}
            codes: dict = {}
            for u in self.units_of(legacy, level):
                exact.setdefault(key(u.name), []).append(u)
                fk = fold_key(u.name)
                folded.setdefault(fk, []).append(u)
                codes[(legacy, level, u.code)] = u
                for alias in aliases.get(f"p{u.code}", []):
                    if alias != fk and u not in folded.get(alias, []):
                        folded.setdefault(alias, []).append(u)
            if slot == (False, Level.PROVINCE):  # current provinces take the legacy province aliases (hn, hcm)
                old = self._folded.get((True, Level.PROVINCE), {})
                for u in self.units_of(legacy, level):
                    for alias, found in list(old.items()):
                        if any(f.name == u.name for f in found):
                            folded.setdefault(alias, [])
                            if u not in folded[alias]:
                                folded[alias].append(u)
            if exact:
                self._exact[slot] = exact
                self._folded[slot] = folded
            self._codes.update(codes)
            self._built.add(slot)


class _Table:
    """``exact`` or ``folded`` of a :class:`SlotIndex`: ``get(slot)`` builds the slot first."""

    def __init__(self, index: SlotIndex, table: dict) -> None:
        self.index, self.table = index, table

    def get(self, slot: tuple, default=None):
        self.index.build(slot)
        return self.table.get(slot, default)


class _Codes:
    """``by_code`` of a :class:`SlotIndex`: a lookup builds the slot of its key."""

    def __init__(self, index: SlotIndex) -> None:
        self.index = index

    def get(self, code_key: tuple, default=None):
        legacy, level, _ = code_key
        self.index.build((legacy, level))
        return self.index._codes.get(code_key, default)

    def __contains__(self, code_key: tuple) -> bool:
        return self.get(code_key) is not None
