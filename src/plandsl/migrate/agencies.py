"""Re-base one agency name onto the bodies in force on a date.

A body that has ended becomes its successor. Where the body was split by function
(Bộ/Sở/Phòng Lao động - Thương binh và Xã hội), the registry says where each function
went (``plandsl.registry.functions.successors_by_function``), and the successor is
chosen by what the work is about: first the task's own words, then the programme's
domain. Where neither decides, the old name stays and the decision carries the
candidates for review: migration never guesses silently (unlike
``successor_for_task``, which falls back to the main successor).
"""

from __future__ import annotations

import datetime as dt

from plandsl.core.records import frozen
from plandsl.language.model import Level
from plandsl.registry import functions as F

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
    function: str | None = None  # a plandsl.registry.functions code
    # When undecided: every body in force that took part of the old one's work, with what it took.
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


def leader(scores: dict[str, int], among) -> str | None:
    """The one function the scores point to among ``among``: the only one found, or one found
    at least twice as often as the next; None otherwise."""
    ranked = sorted(((n, f) for f, n in scores.items() if f in among), reverse=True)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][0] >= 2 * ranked[1][0]:
        return ranked[0][1]
    return None


class AgencyRebaser:
    """Decides successors against one registry, date and programme domain."""

    def __init__(self, registry, on_date: dt.date, domain_text: str = "", memo: dict | None = None) -> None:
        """``memo``: answers shared by the rebasers of one run (same registry and date), so that a
        country's plans, which name the same bodies in the same words, decide each once."""
        self.registry = registry
        self.on_date = on_date
        self.memo = {} if memo is None else memo
        self.domain_scores = self._scores(domain_text) if domain_text else {}
        self._domain_key = tuple(sorted(self.domain_scores.items()))

    def _scores(self, text: str) -> dict[str, int]:
        key = ("scores", text)
        if key not in self.memo:
            self.memo[key] = F.function_scores(text)
        return self.memo[key]

    def decide(self, name: str, level: Level | None, subject: str = "") -> AgencyDecision:
        key = ("decide", name, level, subject, self._domain_key)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self._decide(name, level, subject)
        return found

    def _decide(self, name: str, level: Level | None, subject: str) -> AgencyDecision:
        match = self.registry.match(name, level, self.on_date)
        if match.status != "defunct":
            return AgencyDecision(name, None)
        split = self._split(match, level)
        if len(set(split.values())) <= 1:
            main = self._in_force(match.current, match.successor_name if match.current is match.successor else None,
                                  level) if match.current is not None else None
            new = next(iter(split.values()), None) or main
            if new is None:
                return AgencyDecision(name, None, match.instrument, candidates=(("", ""),), canonical=match.name)
            return AgencyDecision(name, new, match.instrument, BY_SUCCESSION, canonical=match.name)
        f = leader(self._scores(subject), split) if subject else None
        how = BY_SUBJECT
        if f is None:
            f, how = leader(self.domain_scores, split), BY_DOMAIN
        if f is not None:
            return AgencyDecision(name, split[f], match.instrument, how, f, canonical=match.name)
        by_body: dict[str, list[str]] = {}
        for code, body in split.items():
            by_body.setdefault(body, []).append(_function_words(code))
        candidates = tuple((body, ", ".join(words)) for body, words in by_body.items())
        return AgencyDecision(name, None, match.instrument, candidates=candidates, canonical=match.name)

    def _split(self, match, level: Level | None) -> dict[str, str]:
        """Function code -> the body in force that holds it now (functions whose body has ended
        with no successor in force are left out)."""
        key = ("split", match.type.id, level)
        found = self.memo.get(key)
        if found is None:
            found = {}
            for code, succ in F.successors_by_function(match.type.id, self.on_date, level).items():
                body = self._still(succ.name, level)
                if body:
                    found[code] = body
            self.memo[key] = found
        return dict(found)

    def _still(self, body: str, level: Level | None) -> str | None:
        m = self.registry.match(body, level, self.on_date)
        return None if m.status == "defunct" else body

    def _in_force(self, agency_type, fallback: str | None, level: Level | None) -> str | None:
        name = fallback or (agency_type.name_at(level) if agency_type.has_level(level) else agency_type.name_at(None))
        return self._still(name, level)


def _function_words(code: str) -> str:
    f = next((f for f in F.FUNCTIONS if f.code == code), None)
    return f.vi if f is not None else code
