"""Party-style item markers with a hyphen (after the thirtieth held-out set): a Party committee's Nghị quyết,
Chương trình or Kế hoạch numbers its sections and items "IV- Nhiệm vụ …", "1- Tăng cường …", "1.1- Trong …",
"6 - Nâng cao …" and "a- …", where a state document prints "IV.", "1.", "1.1." and "a)". Such a line, a marker at its
start, a hyphen and a capital, is written with the usual marker, so that it reads as a heading and opens a paragraph
of its own; never a year range ("2017-2020"), a date ("01-9-2016"), a figure ("2-3 cơ sở") or a document's number
("10- CTr/TU", "11- NQ/TU"). Only a text with two such lines or more is changed (a numbering, not one stray line).
In a scan read by OCR, "IH -" between "I-" or "II-" and "IV-" is "III-", and "j-" between "2-" and "4-" is "3-"."""

from __future__ import annotations

import re

from plandsl.importer.ocrhead import ROMAN_VALUES

_CAPITAL = r"[A-ZĐÀ-Ỹ]"
# the marker, the hyphen (spaces around it) and what follows: a capital opening a word that is no document's number
_MARK = re.compile(r"^(?P<indent>\s*)(?P<mark>[IVX]{1,5}|IH|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*-\s+"
                   r"(?=" + _CAPITAL + r")(?![A-ZĐ][\wĐđ]*\s*/)(?P<rest>.*)$")


def _kind(mark: str) -> str:
    if mark in ROMAN_VALUES or mark == "IH":
        return "roman"
    return "num" if mark[0].isdigit() else "letter"


def _neighbours(marks: list[tuple[int, str]], i: int, kind: str) -> tuple[str | None, str | None]:
    """The markers of the same kind before and after the ``i``-th one (the OCR's "IH", "j" left out)."""
    before = next((m for _k, m in reversed(marks[:i]) if _kind(m) == kind and m not in ("IH", "j")), None)
    after = next((m for _k, m in marks[i + 1:] if _kind(m) == kind and m not in ("IH", "j")), None)
    return before, after


def _read(marks: list[tuple[int, str]], i: int) -> str | None:
    """The marker the ``i``-th hyphen marker stands for: "IH" and "j" only when their neighbours show it surely."""
    mark = marks[i][1]
    if mark == "IH":
        before, after = _neighbours(marks, i, "roman")
        return "III" if after == "IV" or before == "II" and after is None else None
    if mark == "j":
        before, after = _neighbours(marks, i, "num")
        return "3" if before == "2" and after == "4" else None
    return mark


def party_markers(raw: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The lines with each Party-style hyphen marker written as "IV.", "1.", "a)" (see the module's note)."""
    found = [(k, _MARK.match(text)) for k, (text, _where) in enumerate(raw)]
    found = [(k, m) for k, m in found if m and "|" not in raw[k][0]]
    if len(found) < 2:
        return list(raw)
    marks = [(k, m.group("mark")) for k, m in found]
    out = list(raw)
    for i, (k, m) in enumerate(found):
        mark = _read(marks, i)
        if mark is None:
            continue
        sign = ")" if _kind(mark) == "letter" else "."
        out[k] = (f"{m.group('indent')}{mark}{sign} {m.group('rest')}", raw[k][1])
    return out
