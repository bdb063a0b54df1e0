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


def closest_id(word: str, ids: Iterable[str], cutoff: float = 75.0, margin: float = 8.0) -> str | None:
    """The plan id ``word`` most likely misspells, or None.

    Stricter than :func:`closest`: plan ids share parts ("ctxh", years), so a partial
    match would suggest an unrelated plan ("ctxh" -> "anlao_ctxh_2021"). The whole id is
    compared (edit-distance ratio), and a suggestion is made only when one id is clearly
    closer than the others.
    """
    from rapidfuzz import fuzz, process

    pool = sorted({i for i in ids if i != word})
    if not pool or not word:
        return None
    # The two best by ratio (in C: a country has thousands of ids). Equal best scores are within the margin,
    # so which of them comes first does not change the answer.
    top = process.extract(word.lower(), [i.lower() for i in pool], scorer=fuzz.ratio, limit=2)
    best_score, index = top[0][1], top[0][2]
    if best_score < cutoff or (len(top) > 1 and best_score - top[1][1] < margin):
        return None
    return pool[index]


def did_you_mean_id(word: str, ids: Iterable[str]) -> str | None:
    """A 'did you mean' hint for a misspelt plan id, only when one id is clearly meant."""
    best = closest_id(word, ids)
    return _("Did you mean '{name}'?").format(name=best) if best else None
