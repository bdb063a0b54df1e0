"""'Did you mean' suggestions, by fuzzy matching with rapidfuzz."""

from __future__ import annotations

from typing import Iterable

from plandsl.core.i18n import _


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 70.0) -> str | None:
    """Return a 'did you mean' hint for the closest candidate, or None."""
    best = closest(word, candidates, cutoff)
    return _("Did you mean '{name}'?").format(name=best) if best else None


def closest(word: str, candidates: Iterable[str], cutoff: float = 70.0) -> str | None:
    from rapidfuzz import fuzz, process, utils

    # Sorted, not a bare set: ties must not depend on the hash seed of the process.
    pool = [c for c in sorted(set(candidates)) if c != word]
    if not pool or not word:
        return None
    found = process.extractOne(word, pool, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=cutoff)
    return found[0] if found else None
