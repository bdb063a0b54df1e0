"""An objective's paragraph before its clauses are read (``extract.objectives``): figures quoted from another
document's goal ("… theo mục tiêu quốc gia “Đến năm 2025, kinh tế số đạt khoảng 20% GDP …”"), which are not the
plan's targets."""

from __future__ import annotations

import re

from plandsl.importer.extract.clauses import COUNT

# "theo mục tiêu quốc gia “…”", "theo chỉ tiêu của Chiến lược: “…”": a goal quoted from another document.
_QUOTED = re.compile(r"\btheo\s+(?:các\s+)?(?:mục tiêu|chỉ tiêu)\b[^“”\"%\d]{0,80}?[“\"](?P<q>[^”\"]*)[”\"]",
                     re.IGNORECASE)
_YEARS = re.compile(r"\b(?:19|20|21)\d{2}\b")
_PCT = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d+)?\s*%")


def _has_figure(text: str) -> bool:
    return _PCT.search(text) is not None or COUNT.search(text) is not None


def only_quoted_figures(text: str) -> bool:
    """Whether every figure of ``text`` is inside a goal it quotes from another document (``theo mục tiêu quốc gia
    “…”``): those figures are that goal's, not the plan's."""
    quotes = list(_QUOTED.finditer(text))
    if not quotes or not any(_has_figure(q.group("q")) for q in quotes):
        return False
    rest = _QUOTED.sub(" ", text)
    return re.search(r"\d", _YEARS.sub(" ", rest)) is None
