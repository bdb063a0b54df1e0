"""Figures that are not a plain level, in an objective's sentence: a range ("Hằng năm giảm 5-10% …") and a change
without a base year ("Giảm 10% số trẻ em …") give no target and say why; a change against a base year named
apart from the figure ("Giảm 20% … vào năm 2025 so với năm 2020"), rates per 100.000 ("năm 2025 xuống còn
500/100.000 trẻ em và 450/100.000 trẻ em vào năm 2030") and a count for each of two years ("70.000 ngôi nhà … vào
năm 2025 và 80.000 vào năm 2030") give their targets. ``ob`` is the objectives reader (its phases, its review
flags)."""

from __future__ import annotations

import re
from typing import Any

from plandsl.core.i18n import _
from plandsl.importer.draft import Target
from plandsl.importer.extract.patterns import to_decimal

# "đến năm 2025 đạt 60%, đến năm 2030 đạt 80%", "65% vào năm 2025 và 75% vào năm 2030": a year per figure.
# "đạt 60% năm 2025": a bare "năm" right after the figure names its year too.
NAMED_YEAR = re.compile(r"(?:\b(?:đến|vào|trong|tới)\s+(?:hết\s+|cuối\s+)?|(?<=%\s))năm\s+(\d{4})\b", re.IGNORECASE)
# The units a count is read in.
UNITS = {"mô hình": "models", "trung tâm": "models", "cơ sở": "facilities", "người": "people", "lượt": "count",
          "trẻ em": "people", "học sinh": "people", "cán bộ": "people"}
# "5-10%", "5 - 10 %": a range, not one figure.
_RANGE = re.compile(r"\d{1,3}(?:,\d+)?\s*%?\s*[-–]\s*\d{1,3}(?:,\d+)?\s*%")
# "Giảm 10% số trẻ em …", "tăng thêm 5% …" with no "so với năm …": a change against a base the text does not give.
# "tăng thêm ít nhất 20% số nhóm trẻ …": up to two of these words between the verb and the figure.
_CHANGE = re.compile(r"\b(?P<dir>giảm|tăng)\s+(?:(?:thêm|ít nhất|tối thiểu)\s+){0,2}\d{1,3}(?:,\d+)?\s*%", re.IGNORECASE)
# "500/100.000 trẻ em", "500 trẻ em/100.000 trẻ em": a rate per 100.000.
_RATE = re.compile(r"(?<![\d.,/])(?P<n>\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s*(?:[^\W\d]+\s*){0,3}/\s*100\.000\b")
_ANY_YEAR = re.compile(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)
_DOWN_TO = re.compile(r"\b(?:xuống|còn|dưới|không quá|tối đa|không vượt quá)\b", re.IGNORECASE)
_UP_TO = re.compile(r"\b(?:đạt|trên|ít nhất|tối thiểu|không dưới)\b", re.IGNORECASE)
# "70.000 ngôi nhà … vào năm 2025 và 80.000 vào năm 2030": a count for each of two years.
_N = r"\d{1,3}(?:\.\d{3})+|\d{1,4}"
_COUNT_TWO = re.compile(r"^(?:khoảng\s+|có\s+|ít nhất\s+|tối thiểu\s+)?(?P<n1>" + _N + r")\s+(?P<what>[^\d%/;]+?)\s+"
                        r"(?:vào|đến|trong)\s+(?:hết\s+)?năm\s+(?P<y1>\d{4})\s*,?\s+và\s+(?P<n2>" + _N + r")\s+"
                        r"(?:vào|đến|trong)\s+(?:hết\s+)?năm\s+(?P<y2>\d{4})$", re.IGNORECASE)


def special_figures(ob: Any, clause: str, phase, where: str) -> list[Target] | None:
    """Figures that are not a plain level: a range ("Hằng năm giảm 5-10% …") or a change without a base year
    ("Giảm 10% số trẻ em …") give no target (and a review); rates per 100.000 and a count for each of two
    years give their targets. None when the clause is none of these."""
    if _RANGE.search(clause):
        ob.unread = _("a range of figures ('5-10%'): no target set")
        return []
    change = _CHANGE.search(clause)
    if change and not _DOWN_TO.search(clause[:change.start()] + " " + change.group(0)):
        base = re.search(r"so với\s+(?:năm\s+)?(\d{4})\b", clause)
        if base is None:
            if change.group("dir").lower() == "giảm":
                ob.unread = _("a reduction without a base year ('so với năm …'): no target set")
            else:
                ob.unread = _("a rise without a base year ('so với năm …'): no target set")
            return []
        # "Giảm 20% số trẻ em … vào năm 2025 so với năm 2020": the change, for the year named, against the base.
        value = to_decimal(re.search(r"\d{1,3}(?:,\d+)?", change.group(0)).group(0))
        named = [int(y.group(1)) for y in NAMED_YEAR.finditer(clause[:base.start()])]
        ph = ob.phase_for(named[0]) if len(named) == 1 else phase if not named else None
        if value is None or ph is None:
            return []
        sign = -1 if change.group("dir").lower() == "giảm" else 1
        return [Target(ph, value * sign, None, True, int(base.group(1)), where, unit="%")]
    rates = list(_RATE.finditer(clause))
    if rates:
        return _rates(ob, clause, rates, phase, where)
    m = _COUNT_TWO.match(clause.strip(" .;"))
    if m and int(m.group("y1")) < int(m.group("y2")):
        unit = next((u for w, u in UNITS.items() if m.group("what").lower().startswith(w)), None)
        why = _("a count: check the unit and that it is a target")
        out = []
        for n, y in (("n1", "y1"), ("n2", "y2")):
            value = to_decimal(m.group(n))
            if value is None or value <= 0:
                return []
            out.append(Target(ob.phase_for(int(m.group(y))), value, ">=", False, None, where, why, unit=unit))
        return out
    return None

def _rates(ob: Any, clause: str, rates: list[re.Match], phase, where: str) -> list[Target]:
    """Rates per 100.000, one per year named in order ("năm 2025 xuống còn 500/100.000 trẻ em và 450/100.000 trẻ
    em vào năm 2030"), a ceiling after "xuống", "còn", "dưới", a floor after "đạt", "trên"; none when the
    comparator, or which year each is for, is not clear."""
    years = [int(y.group(1)) for y in _ANY_YEAR.finditer(clause)]
    before = clause[:rates[0].start()]
    cmp_ = "<=" if _DOWN_TO.search(before) else ">=" if _UP_TO.search(before) else None
    if cmp_ is None:
        return []
    if len(years) == len(rates) and years == sorted(set(years)):
        pairs = list(zip(years, rates))
    elif len(rates) == 1 and not years and phase is not None:
        pairs = [(phase, rates[0])]
    else:
        ob.several_years = len(years) > 1
        return []
    why = _("a rate per 100.000: written without a unit")
    out = []
    for year, m in pairs:
        value = to_decimal(m.group("n"))
        if value is None:
            return []
        ph = ob.phase_for(year) if isinstance(year, int) else year
        out.append(Target(ph, value, cmp_, False, None, where, why))
    return out
