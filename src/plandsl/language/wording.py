"""Short plain-text wording of model values, for messages and `explain`."""

from __future__ import annotations

from decimal import Decimal

from plandsl.core.i18n import _
from plandsl.language.model import Comparator, Target

_CMP = {Comparator.AT_LEAST: "≥ ", Comparator.AT_MOST: "≤ ", Comparator.EXACTLY: "= ", None: ""}


def number(value: Decimal) -> str:
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"


def target_words(t: Target) -> str:
    pct = "%" if t.percent else ""
    if t.relative:
        sign = "+" if t.value >= 0 else "-"
        return relative_words(f"{sign}{number(abs(t.value))}{pct}", t.base_year)
    return f"{_CMP[t.comparator]}{number(t.value)}{pct}"


def relative_words(change: str, base_year: int | None) -> str:
    """A relative target in the language of messages: "+20% vs 2020" / "+20% so với năm 2020"."""
    return _("{change} vs {year}").format(change=change, year=base_year)
