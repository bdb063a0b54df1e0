"""Frozen values returned by the registries."""

from __future__ import annotations

import datetime as dt

from plandsl.core.records import frozen
from plandsl.language.model import Level

# From this date the two-level local government applies: 34 provinces, communes, no districts.
REFORM_DATE = dt.date(2025, 7, 1)


class RegistryError(Exception):
    """Registry data is missing or malformed (a clean CLI error, never a traceback)."""


def is_legacy_date(on_date: dt.date) -> bool:
    """True when ``on_date`` falls under the legacy structure (63 provinces, districts)."""
    return on_date < REFORM_DATE


@frozen
class UnitMatch:
    """One administrative unit, legacy (before 2025-07-01) or current.

    ``code`` is the official code (province 2 digits, district 3, commune 5).
    Codes are only unique within one structure: legacy 52 is Bình Định,
    current 52 is Gia Lai. For a legacy unit, ``successor_*`` name the current
    unit that holds it now (the province for provinces and districts, the
    commune for communes when the conversion table knows it).
    """

    code: str
    name: str
    short_name: str
    level: Level
    kind: str
    legacy: bool
    province_code: str
    province_name: str
    district_code: str | None = None
    district_name: str | None = None
    successor_code: str | None = None
    successor_name: str | None = None
    successor_level: Level | None = None
    successor_province_code: str | None = None
    successor_province_name: str | None = None
    # The legacy commune was split; the successor is the conversion table's default.
    successor_split: bool = False

    @property
    def qualified_name(self) -> str:
        parts = [self.name]
        if self.district_name and self.level is Level.COMMUNE:
            parts.append(self.district_name)
        if self.level is not Level.PROVINCE:
            parts.append(self.province_name)
        return ", ".join(parts)

    @property
    def renamed(self) -> bool:
        """A legacy unit whose successor has another name (merged or renamed)."""
        return self.legacy and self.successor_name is not None and self.successor_name != self.name

    def to_dict(self) -> dict:
        return {
            "code": self.code, "name": self.name, "short_name": self.short_name, "level": self.level.en,
            "kind": self.kind, "legacy": self.legacy, "province_code": self.province_code,
            "province_name": self.province_name, "district_code": self.district_code,
            "district_name": self.district_name, "successor_code": self.successor_code,
            "successor_name": self.successor_name,
            "successor_level": self.successor_level.en if self.successor_level else None,
            "successor_province_code": self.successor_province_code,
            "successor_province_name": self.successor_province_name,
            "successor_split": self.successor_split,
        }


@frozen
class UnitLookup:
    """The full answer to a jurisdiction lookup.

    status:
      ``found``      exactly one unit, valid on the date asked;
      ``ambiguous``  several units (see ``matches``), e.g. two 'Huyện An Lão';
      ``defunct``    only a legacy unit matches but the date is on/after 2025-07-01;
      ``not_yet``    only a current unit matches but the date is before 2025-07-01;
      ``not_found``  nothing matches (``hint`` may hold a did-you-mean).
    """

    query: str
    status: str
    matches: tuple[UnitMatch, ...] = ()
    hint: str | None = None
    # Matched only after removing accents or through an alias ('Quãng Ngãi', 'HCM').
    approximate: bool = False

    @property
    def unit(self) -> UnitMatch | None:
        return self.matches[0] if len(self.matches) == 1 else None
