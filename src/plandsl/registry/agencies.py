"""Agency types per level, with their 2025 successors, and tolerant name matching.

    >>> reg = AgencyRegistry.load()
    >>> m = reg.match("Sở Lao động – Thương binh và Xã hội tỉnh Quảng Ngãi", "province", date(2026, 1, 1))
    >>> m.status, m.successor_name
    ('defunct', 'Sở Nội vụ')

The data lives in agencies.yaml next to this module (package data).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from pathlib import Path

from attrs import field

from plandsl.core.i18n import _, pick
from plandsl.core.records import frozen
from plandsl.language.model import Level
from plandsl.registry.model import RegistryError
from plandsl.registry.normalize import compact, repair_word, words

__all__ = ["AgencyMatch", "AgencyRegistry", "AgencyType", "Succession", "normalise_agency", "AGENCIES_YAML"]

AGENCIES_YAML = Path(__file__).with_name("agencies.yaml")
SCHEMA_JSON = Path(__file__).with_name("agencies.schema.json")

_LEVEL_KEYS = {"national": Level.NATIONAL, "province": Level.PROVINCE, "district": Level.DISTRICT,
               "commune": Level.COMMUNE}

# Abbreviations expanded before matching (token -> words).
_EXPAND = {
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "mttq": "mặt trận tổ quốc",
    "ubmttq": "ủy ban mặt trận tổ quốc", "tp": "thành phố", "tx": "thị xã", "vpub": "văn phòng ủy ban nhân dân",
    "uỷ": "ủy",
}
# Leading titles and verbs removed before matching ("Giám đốc Sở Y tế", "Đề nghị Ủy ban MTTQ").
_TITLES = [
    ("phó", "giám", "đốc"), ("giám", "đốc"), ("thủ", "trưởng"), ("phó", "chủ", "tịch"), ("chủ", "tịch"),
    ("ct",), ("pct",), ("bộ", "trưởng"), ("thứ", "trưởng"), ("phó", "trưởng"), ("tổng", "biên", "tập"),
    ("cục", "trưởng"), ("vụ", "trưởng"), ("chánh", "thanh", "tra"), ("đề", "nghị"), ("giao",), ("kt",), ("tm",), ("cơ", "quan", "chủ", "trì"), ("cơ", "quan", "phối", "hợp"),
]
_TITLE_BEFORE = {("chánh",): ("văn",), ("trưởng",): ("phòng", "ban", "công")}
# Place markers (trailing "tỉnh Quảng Ngãi", "huyện", ...) -> the level they name.
# "đặc khu" (a special zone: Vân Đồn, Côn Đảo, Phú Quốc ...) is a commune-level unit from 2025-07-01.
_MARKERS = [(("thành", "phố"), Level.PROVINCE), (("thị", "xã"), Level.DISTRICT), (("thị", "trấn"), Level.COMMUNE),
            (("đặc", "khu"), Level.COMMUNE), (("tỉnh",), Level.PROVINCE), (("huyện",), Level.DISTRICT),
            (("quận",), Level.DISTRICT), (("xã",), Level.COMMUNE), (("phường",), Level.COMMUNE)]
_MARKER_FIRST = frozenset(marker[0] for marker, _level in _MARKERS)
_NOT_AFTER_MARKER = {"hội", "ủy", "ủy"}  # "xã hội", "tỉnh ủy", "huyện ủy"
# ... but a commune or ward may be named "Hội …" (xã Hội Hoan, phường Hội An): written with a capital H
# and a word after it, which "xã hội" (social) never is in a body's name ("Xã hội", "XÃ HỘI", "xã hội").
_NAMED_HOI = re.compile(r"(?<!\w)(xã|phường)\s+Hội\s+\w")


def _named_hoi(name: str) -> tuple[str, int] | None:
    """The marker ("xã" or "phường") that opens a unit called "Hội …" in ``name``, and which of the
    name's words of that marker it is (0 for the first), if one does."""
    found = _NAMED_HOI.search(name)
    if found is None:
        return None
    marker = found.group(1)
    return marker, len(re.findall(rf"(?<!\w){marker}(?!\w)", name[:found.start()], re.IGNORECASE))


_DROP = {"và"}


# First words of the titles: most names open with none of them, and skip the title loop.
_TITLE_FIRST = {t[0] for t in _TITLES} | {t[0] for t in _TITLE_BEFORE}


@lru_cache(maxsize=1 << 16)
def _tokens(text: str) -> tuple[str, ...]:
    """The matching words of a name: folded, damage repaired, abbreviations expanded, titles removed.

    Memoised: the same names recur in every spec.
    """
    toks: list[str] = []
    for w in words(text):
        w = repair_word(w)
        toks.extend(_EXPAND.get(w, w).split())
    changed = True
    while changed and toks and toks[0] in _TITLE_FIRST:
        changed = False
        for title in _TITLES:
            if tuple(toks[:len(title)]) == title and len(toks) > len(title):
                toks, changed = toks[len(title):], True
        for title, before in _TITLE_BEFORE.items():
            if tuple(toks[:len(title)]) == title and len(toks) > len(title) and toks[len(title)] in before:
                toks, changed = toks[len(title):], True
    return tuple(toks)


def _key(tokens: tuple[str, ...]) -> str:
    out = [t for t in tokens if t not in _DROP]
    text = " ".join(out).replace("việt nam", "").split()
    return compact(text)


def _strip_place(tokens: tuple[str, ...], named_hoi: tuple[str, int] | None = None
                 ) -> tuple[tuple[str, ...], Level | None]:
    """Cut a trailing place ('tỉnh Quảng Ngãi', 'huyện') off; return (head, level it names).
    ``named_hoi``: the marker word that opens a unit called "Hội …" (see _named_hoi)."""
    for i in range(1, len(tokens)):
        if tokens[i] not in _MARKER_FIRST:
            continue  # no marker starts here
        for marker, level in _MARKERS:
            n = len(marker)
            if tuple(tokens[i:i + n]) != marker:
                continue
            nxt = tokens[i + n] if i + n < len(tokens) else None
            if (nxt in _NOT_AFTER_MARKER and not (
                    nxt == "hội" and named_hoi == (marker[0], tokens[:i].count(marker[0])))) or (
                    marker == ("xã",) and tokens[i - 1] == "thị"):
                continue
            if "các" in tokens[:i]:  # "các huyện, thị xã" is a list, not a place
                continue
            rest = tokens[i + n:]
            if "và" in rest or len(rest) > 5:  # "... tỉnh và Ủy ban ...": another body follows
                continue
            return tokens[:i], level
    return tokens, None


def normalise_agency(name: str) -> tuple[str, Level | None]:
    """The matching key of an agency name and the level its trailing place names, if any."""
    toks = _tokens(name)
    head, level = _strip_place(toks, _named_hoi(name))
    return _key(head), level


@frozen
class Succession:
    id: str
    date: dt.date
    instrument: str | None = None
    verified: bool = False
    note: str | None = None


@frozen
class AgencyType:
    id: str
    kind: str
    names: tuple[tuple[Level, str], ...]
    assignable: bool
    collective: bool = False
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    successor: Succession | None = None
    also_to: tuple[tuple[str, str], ...] = ()
    variants: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    note: str | None = None

    @property
    def levels(self) -> tuple[Level, ...]:
        return tuple(lv for lv, _ in self.names)

    def name_at(self, level: Level | None = None) -> str:
        level = _national(level)
        return next((n for lv, n in self.names if lv is level), self.names[0][1])

    def has_level(self, level: Level) -> bool:
        return _national(level) in self.levels

    def valid_on(self, on_date: dt.date) -> bool:
        return (self.valid_from is None or on_date >= self.valid_from) and (
            self.valid_to is None or on_date <= self.valid_to)


def _national(level: Level | None) -> Level | None:
    return Level.NATIONAL if level is Level.MINISTRY else level


@frozen
class AgencyMatch:
    """Result of matching one agency name.

    status: ``known`` | ``unknown`` | ``defunct`` (no longer exists on the date;
    see successor) | ``not_yet`` (created after the date) | ``wrong_level``
    (exists, but not at the level asked).
    """

    query: str
    status: str
    type: AgencyType | None = None
    name: str | None = None  # canonical name at the matched level
    level: Level | None = None
    successor: AgencyType | None = None
    successor_name: str | None = None
    successor_date: dt.date | None = None
    instrument: str | None = None
    verified: bool | None = None
    # The successor in force on the date asked, after following the chain (None: abolished).
    current: AgencyType | None = None
    also_to: tuple[tuple[str, str], ...] = ()
    hint: str | None = None
    suggestion: "AgencyMatch | None" = field(default=None, eq=False, repr=False)

    @property
    def id(self) -> str | None:
        return self.type.id if self.type else None

    @property
    def assignable(self) -> bool | None:
        return self.type.assignable if self.type else None

    @property
    def collective(self) -> bool:
        return bool(self.type and self.type.collective)

    def to_dict(self) -> dict:
        return {
            "query": self.query, "status": self.status, "id": self.id, "name": self.name,
            "level": self.level.en if self.level else None, "assignable": self.assignable,
            "collective": self.collective, "kind": self.type.kind if self.type else None,
            "valid_from": _iso(self.type.valid_from) if self.type else None,
            "valid_to": _iso(self.type.valid_to) if self.type else None,
            "successor": self.successor.id if self.successor else None, "successor_name": self.successor_name,
            "successor_date": _iso(self.successor_date), "instrument": self.instrument, "verified": self.verified,
            "current": self.current.id if self.current else None,
            "also_to": [{"id": i, "scope": s} for i, s in self.also_to], "hint": self.hint,
            "suggestion": self.suggestion.name if self.suggestion else None,
        }


def _any_of(patterns: list[str]) -> re.Pattern | None:
    """One regex that matches where any of ``patterns`` does (a quick test before trying each in
    order); None when they cannot be combined (back-references would be renumbered, or one is bad)."""
    if not patterns or any(type(p) is not str or re.search(r"\\[1-9]|\(\?P=|\(\?[aiLmsux-]+\)", p) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns))
    except re.error:
        return None


def _bounded(memo: dict) -> dict:
    """``memo``, emptied first when it has grown large (a long-running language server)."""
    if len(memo) >= 1 << 16:
        memo.clear()
    return memo


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _date(value, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise RegistryError(f"{where}: '{value}' is not a date (YYYY-MM-DD)") from exc


def _build_type(raw: dict) -> AgencyType:
    where = f"agencies.yaml type '{raw.get('id', '?')}'"
    try:
        names = tuple((_LEVEL_KEYS[k], str(v)) for k, v in raw["names"].items())
        succ = raw.get("successor")
        return AgencyType(
            id=raw["id"], kind=raw["kind"], names=names, assignable=raw["assignable"],
            collective=bool(raw.get("collective", False)),
            valid_from=_date(raw.get("valid_from"), where), valid_to=_date(raw.get("valid_to"), where),
            successor=Succession(succ["id"], _date(succ["date"], where), succ.get("instrument"),
                                 bool(succ.get("verified", False)), succ.get("note")) if succ else None,
            also_to=tuple((a["id"], a.get("scope", "")) for a in raw.get("also_to", [])),
            variants=tuple(str(v) for v in raw.get("variants", [])),
            patterns=tuple(raw.get("patterns", [])), note=raw.get("note"))
    except (KeyError, TypeError, AttributeError) as exc:
        raise RegistryError(f"{where} is malformed ({type(exc).__name__}: {exc})") from exc


class AgencyRegistry:
    """The agency types of agencies.yaml with a matching index. Use ``AgencyRegistry.load()``."""

    def __init__(self, types: tuple[AgencyType, ...]) -> None:
        self.types = types
        self._by_id = {t.id: t for t in types}
        self._index: dict[str, list[tuple[AgencyType, Level | None]]] = {}
        self._display_index: dict[str, tuple[AgencyType, Level | None]] | None = None  # see _display
        self._sources: list[tuple[str, AgencyType]] = [(pat, t) for t in types for pat in t.patterns]
        self._compiled: list[tuple[re.Pattern, AgencyType]] | None = None
        # Memoised answers of resolve() and match(): a few hundred names recur across thousands of plans.
        self._resolved: dict[tuple[str, Level | None], tuple[AgencyType, Level | None] | None] = {}
        self._matched: dict[tuple[str, Level | None, dt.date | None], AgencyMatch] = {}
        for t in types:
            spellings = [(n, lv) for lv, n in t.names] + [(v, None) for v in t.variants]
            for text, lv in spellings:
                key, marker = normalise_agency(text)
                entry = (t, lv or marker)
                if entry not in self._index.setdefault(key, []):
                    self._index[key].append(entry)
        # The patterns one by one are compiled when the combined quick test first matches (most runs never
        # need them: ~10 ms of a one-file re-check); when they cannot be combined, at once, so that a bad
        # pattern is reported on loading.
        self._any_pattern = _any_of([pat for pat, _ in self._sources])
        if self._any_pattern is None:
            self._patterns()

    @property
    def _display(self) -> dict[str, tuple[AgencyType, Level | None]]:
        """Each spelling's words without its place, for suggestions: made when a name is first unknown (a
        check of one commune that names only known bodies never needs it: ~2 ms of making the registry)."""
        if self._display_index is None:
            display: dict[str, tuple[AgencyType, Level | None]] = {}
            for t in self.types:
                for text, lv in [(n, lv) for lv, n in t.names] + [(v, None) for v in t.variants]:
                    display.setdefault(" ".join(_strip_place(_tokens(text))[0]), (t, lv or normalise_agency(text)[1]))
            self._display_index = display
        return self._display_index

    def _patterns(self) -> list[tuple[re.Pattern, AgencyType]]:
        if self._compiled is None:
            compiled = []
            for pat, t in self._sources:
                try:
                    compiled.append((re.compile(pat), t))
                except (re.error, TypeError) as exc:
                    raise RegistryError(f"agencies.yaml type '{t.id}': bad pattern {pat!r} ({exc})") from exc
            self._compiled = compiled
        return self._compiled

    @staticmethod
    def load(path: str | Path | None = None) -> "AgencyRegistry":
        """The registry from agencies.yaml (cached when ``path`` is None)."""
        return _load_default() if path is None else _load(Path(path))

    def get(self, type_id: str) -> AgencyType | None:
        return self._by_id.get(type_id)

    def keys(self) -> dict[str, list[tuple[AgencyType, Level | None]]]:
        return self._index

    # ------------------------------------------------------------------ matching
    def resolve(self, name: str, level: Level | None = None) -> tuple[AgencyType, Level | None] | None:
        """The type ``name`` spells, ignoring dates (None when unknown)."""
        key = (name, level)
        if key not in self._resolved:
            _bounded(self._resolved)[key] = self._resolve(name, level)
        return self._resolved[key]

    def _resolve(self, name: str, level: Level | None) -> tuple[AgencyType, Level | None] | None:
        toks = _tokens(name)
        if not toks:
            return None
        text = " ".join(toks)
        if self._any_pattern is None or self._any_pattern.search(text):
            for pat, t in self._patterns():
                if pat.search(text):
                    return t, None
        found = self._pick(self._index.get(_key(toks), []), None, level)
        if found:
            return found
        head, marker = _strip_place(toks, _named_hoi(name))
        found = self._pick(self._index.get(_key(head), []), marker, level)
        if found:
            return found
        return self._strip_bare_place(toks, level)

    def _strip_bare_place(self, toks: tuple[str, ...], level: Level | None):
        """'Báo Quảng Ngãi', 'Sở Giáo dục và Đào tạo Quảng Ngãi': a trailing province/district name."""
        from plandsl.registry.jurisdictions import place_keys

        try:
            places = place_keys()
        except RegistryError:
            return None
        for i in range(len(toks) - 1, 0, -1):
            if compact(toks[i:]) in places:
                found = self._pick(self._index.get(_key(toks[:i]), []), None, level)
                if found:
                    return found
        return None

    @staticmethod
    def _pick(entries, marker: Level | None, level: Level | None):
        if not entries:
            return None
        level = _national(level)
        for want in (marker, level):
            if want is not None:
                hit = next((e for e in entries if e[1] is want or (e[1] is None and e[0].has_level(want))), None)
                if hit:
                    return hit[0], want
        return entries[0][0], marker or entries[0][1]

    def match(self, name: str, level: Level | str | None = None, on_date: dt.date | None = None) -> AgencyMatch:
        """Match ``name`` for a plan at ``level`` dated ``on_date``; see AgencyMatch for statuses."""
        if isinstance(level, str):
            level = Level.lookup(level.strip().lower())
        key = (name, level, on_date)
        found = self._matched.get(key)
        if found is None:
            found = _bounded(self._matched)[key] = self._match(name, level, on_date)
        return found

    def _match(self, name: str, level: Level | None, on_date: dt.date | None) -> AgencyMatch:
        query = name.strip()
        found = self.resolve(query, level)
        if found is None:
            return self._unknown(query, level, on_date)
        t, lv = found
        return self._judge(query, t, lv or (level if level and t.has_level(level) else None), level, on_date)

    def status_of(self, t: AgencyType, level: Level | None = None, on_date: dt.date | None = None) -> AgencyMatch:
        """The status of type ``t`` for a plan at ``level`` on ``on_date`` (as if its canonical name was written)."""
        return self._judge(t.name_at(level), t, None, level, on_date)

    def _judge(self, query: str, t: AgencyType, lv: Level | None, level: Level | None,
               on_date: dt.date | None) -> AgencyMatch:
        name = t.name_at(lv or level)
        base = dict(query=query, type=t, name=name, level=lv or (t.levels[0] if len(t.levels) == 1 else None))
        if on_date is not None and t.valid_to is not None and on_date > t.valid_to:
            succ = self._by_id.get(t.successor.id) if t.successor else None
            current = succ
            seen = {t.id}
            while current is not None and not current.valid_on(on_date) and current.id not in seen:
                seen.add(current.id)
                nxt = current.successor
                current = self._by_id.get(nxt.id) if nxt and on_date >= nxt.date else None
            s = t.successor
            succ_name = succ.name_at(lv or level) if succ else None
            if succ:
                source = ""
                if s.instrument:
                    source = (_(" ({instrument})") if s.verified else _(" ({instrument}, not yet verified)")).format(
                        instrument=s.instrument)
                hint = _("'{name}' ceased on {date}; from {since} its tasks belong to '{successor}'{source}.").format(
                    name=name, date=t.valid_to.isoformat(), since=s.date.isoformat(), successor=succ_name,
                    source=source)
                if current is None:
                    hint += " " + _("'{name}' itself no longer exists on {date}.").format(
                        name=succ_name, date=on_date.isoformat())
            else:
                hint = (_("'{name}' ceased on {date}: {note}.") if t.note else _("'{name}' ceased on {date}.")).format(
                    name=name, date=t.valid_to.isoformat(), note=t.note)
            return AgencyMatch(status="defunct", successor=succ, successor_name=succ_name,
                               successor_date=s.date if s else None, instrument=s.instrument if s else None,
                               verified=s.verified if s else None, current=current, also_to=tuple(
                                   (self._by_id[i].name_at(lv or level) if i in self._by_id else i, scope)
                                   for i, scope in t.also_to), hint=hint, **base)
        if on_date is not None and t.valid_from is not None and on_date < t.valid_from:
            return AgencyMatch(status="not_yet", hint=_("'{name}' exists only from {date}.").format(
                                   name=name, date=t.valid_from.isoformat()),
                               **base)
        if level is not None and not t.has_level(level):
            where = ", ".join(pick(lv.en, lv.vi.replace("_", " ")) for lv in t.levels)
            return AgencyMatch(status="wrong_level",
                               hint=_("'{name}' is a {levels}-level body, not a {level}-level one.").format(
                                   name=name, levels=where, level=pick(level.en, level.vi.replace("_", " "))),
                               **base)
        return AgencyMatch(status="known", **base)

    def _unknown(self, query: str, level: Level | None, on_date: dt.date | None) -> AgencyMatch:
        from rapidfuzz import fuzz

        from plandsl.core.suggest import closest

        head = " ".join(_strip_place(_tokens(query))[0])
        pool = [d for d, (t, _) in self._display.items() if not t.collective and (level is None or t.has_level(level))]
        best = closest(head, pool or list(self._display), cutoff=80.0) if head else None
        # WRatio forgives partial matches; also require the whole strings to be close.
        if best is None or fuzz.ratio(head, best) < 75:
            return AgencyMatch(query=query, status="unknown")
        t, lv = self._display[best]
        suggestion = self._judge(t.name_at(lv or level), t, lv, level, on_date)
        return AgencyMatch(query=query, status="unknown", hint=_("Did you mean '{name}'?").format(name=suggestion.name),
                           suggestion=suggestion)


def _load(path: Path) -> AgencyRegistry:
    from plandsl.registry import _yamlcache

    try:
        data = _yamlcache.load(path)
    except (OSError, _yamlcache.BadYAML) as exc:
        raise RegistryError(f"cannot read agency registry {path}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("types"), list):
        raise RegistryError(f"{path}: expected a mapping with a 'types' list")
    types = tuple(_build_type(raw) for raw in data["types"])
    ids = {t.id for t in types}
    for t in types:
        for ref in ([t.successor.id] if t.successor else []) + [i for i, _ in t.also_to]:
            if ref not in ids:
                raise RegistryError(f"{path}: type '{t.id}' refers to unknown type '{ref}'")
    return AgencyRegistry(types)


@cache
def _load_default() -> AgencyRegistry:
    return _load(AGENCIES_YAML)
