"""Re-base one agency name onto the bodies in force on a date.

A body that has ended becomes its successor. Where the body was split by function
(Sở Lao động - Thương binh và Xã hội), the successor is chosen by what the work is
about: first the task's own words, then the programme's domain. Where neither
decides, the old name stays and the decision carries the candidates for review:
migration never guesses silently.
"""

from __future__ import annotations

import datetime as dt

from attrs import frozen

from plandsl.language.model import Level
from plandsl.migrate import functions

# How a successor was chosen, as the report says it.
BY_SUCCESSION = "succession"  # the body has one successor
BY_SUBJECT = "subject"  # the task's or duty's own words name the function
BY_DOMAIN = "domain"  # the programme's domain names the function


@frozen
class AgencyDecision:
    """What becomes of one agency name on the migration date."""

    old: str
    new: str | None  # None: unchanged (still in force), or undecided (see ``candidates``)
    instrument: str | None = None
    how: str | None = None  # BY_SUCCESSION, BY_SUBJECT or BY_DOMAIN
    function: str | None = None
    # When undecided: every body that took part of the old one's work, with its scope.
    candidates: tuple[tuple[str, str], ...] = ()
    # The registry's name of the old body, as it may stand inside ``old`` ("Giám đốc Sở …").
    canonical: str | None = None

    @property
    def new_text(self) -> str | None:
        """``old`` with the old body's name replaced, keeping a title before it
        ("Giám đốc Sở Lao động - …" -> "Giám đốc Sở Y tế"); the new name alone otherwise."""
        if self.new is None:
            return None
        if self.canonical and self.canonical in self.old and self.canonical != self.old:
            return self.old.replace(self.canonical, self.new)
        return self.new

    @property
    def changed(self) -> bool:
        return self.new is not None and self.new != self.old

    @property
    def undecided(self) -> bool:
        return self.new is None and bool(self.candidates)


class AgencyRebaser:
    """Decides successors against one registry, date and programme domain."""

    def __init__(self, registry, on_date: dt.date, domain_text: str = "") -> None:
        self.registry = registry
        self.on_date = on_date
        self.domain = functions.decide(domain_text) if domain_text else None

    def decide(self, name: str, level: Level | None, subject: str = "") -> AgencyDecision:
        match = self.registry.match(name, level, self.on_date)
        if match.status != "defunct":
            return AgencyDecision(name, None)
        # Only a successor still in force on the date will do (Phòng LĐ-TB&XH -> Phòng Nội vụ,
        # which itself ended with the district level on 30/6/2025, is no answer in 2026).
        main = match.current
        main_name = _name_of(main, match.successor_name if main is match.successor else None, level) \
            if main is not None else None
        split = [(n, scope) for n, scope in match.also_to]
        if not split:
            if main_name is None:
                return AgencyDecision(name, None, match.instrument,
                                      candidates=(("", "không có cơ quan kế thừa trong danh mục"),))
            return AgencyDecision(name, main_name, match.instrument, BY_SUCCESSION, canonical=match.name)
        # Split by function: the listed scopes go to the also_to bodies, the rest to the main one.
        by_function: dict[str, str] = {}
        for body, scope in split:
            f = functions.function_of_scope(scope)
            in_force = self._in_force(body, level)
            if f and in_force:
                by_function.setdefault(f, in_force)
        if main_name is not None:
            for f in functions.FUNCTIONS:
                by_function.setdefault(f, main_name)
        among = set(by_function)
        f = functions.decide(subject, among) if subject else None
        how = BY_SUBJECT
        if f is None and self.domain in among:
            f, how = self.domain, BY_DOMAIN
        if f is not None:
            return AgencyDecision(name, by_function[f], match.instrument, how, f, canonical=match.name)
        candidates = ([(main_name, "chức năng còn lại")] if main_name else []) + [
            (self._in_force(body, level) or "", scope) for body, scope in split]
        return AgencyDecision(name, None, match.instrument, candidates=tuple(candidates))

    def _in_force(self, body: str, level: Level | None) -> str | None:
        """``body`` if it is in force on the date, else the successor in force now (a share of Phòng
        LĐ-TB&XH went to Phòng Y tế, which itself ended with the district level), else None."""
        m = self.registry.match(body, level, self.on_date)
        if m.status == "defunct":
            return _name_of(m.current, m.successor_name if m.current is m.successor else None, level) \
                if m.current is not None else None
        return body


def _name_of(agency_type, fallback: str | None, level: Level | None) -> str:
    if fallback:
        return fallback
    return agency_type.name_at(level) if agency_type.has_level(level) else agency_type.name_at(None)
