"""Figures that are not a plain level, in an objective's sentence: a range ("Hằng năm giảm 5-10% …") and a change
without a base year ("Giảm 10% số trẻ em …") give no target and say why; a change against a base year named
apart from the figure ("Giảm 20% … vào năm 2025 so với năm 2020"), rates per 100.000 ("năm 2025 xuống còn
500/100.000 trẻ em và 450/100.000 trẻ em vào năm 2030") and a count for each of two years ("70.000 ngôi nhà … vào
năm 2025 và 80.000 vào năm 2030") give their targets. ``ob`` is the objectives reader (its phases, its review
flags)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import attrs

from plandsl.core.i18n import _
from plandsl.importer.draft import Target
from plandsl.importer.extract.patterns import to_decimal

# "đến năm 2025 đạt 60%, đến năm 2030 đạt 80%", "65% vào năm 2025 và 75% vào năm 2030": a year per figure.
# "đạt 60% năm 2025": a bare "năm" right after the figure names its year too.
NAMED_YEAR = re.compile(r"(?:\b(?:đến|vào|trong|tới)\s+(?:hết\s+|cuối\s+)?|(?<=%\s))năm\s+(\d{4})\b", re.IGNORECASE)
# The units a count is read in.
UNITS = {"mô hình": "models", "trung tâm": "models", "cơ sở": "facilities", "người": "people", "lượt": "count",
          "trẻ em": "people", "học sinh": "people", "cán bộ": "people", "lao động": "people"}
# "5-10%", "5 - 10 %": a range, not one figure.
_RANGE = re.compile(r"\d{1,3}(?:,\d+)?\s*%?\s*[-–]\s*\d{1,3}(?:,\d+)?\s*%")
# "Giảm 10% số trẻ em …", "tăng thêm 5% …" with no "so với năm …": a change against a base the text does not give.
# "tăng thêm ít nhất 20% số nhóm trẻ …": up to two of these words between the verb and the figure.
_CHANGE = re.compile(r"\b(?P<dir>giảm|tăng)\s+(?:(?:thêm|ít nhất|tối thiểu)\s+){0,2}\d{1,3}(?:,\d+)?\s*%", re.IGNORECASE)
# "500/100.000 trẻ em", "500 trẻ em/100.000 trẻ em", "18 ca sinh/1.000 phụ nữ": a rate per 100.000, 10.000 or 1.000;
# "107 bé trai/100 bé gái": per 100 only with words between the figure and "/" ("35/100 xã" is a count of communes).
_RATE = re.compile(r"(?<![\d.,/])(?P<n>\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s*(?P<words>(?:[^\W\d]+\s*){0,4})"
                   r"/\s*(?P<per>100\.000|10\.000|1\.000|100)(?![\d,]|\.\d)")
# "ở mức 107 …/100": a level, exactly.
_AT = re.compile(r"\bở\s+mức\s*$", re.IGNORECASE)
# "giảm … từ 6% xuống 4%", "từ 23 ca sinh/1.000 phụ nữ xuống 18 ca sinh/1.000 phụ nữ", "tăng … từ 60% lên 80%": a fall
# or rise from one figure to another; the target is the figure it ends at.
_FIG = r"\d{1,3}(?:\.\d{3})*(?:,\d+)?\s*(?:%|(?:[^\W\d]+\s*){0,4}/\s*(?:100\.000|10\.000|1\.000|100)(?![\d,]|\.\d)|lần\b)"
_FROM_TO = re.compile(r"\btừ\s+(?:mức\s+)?(?P<a>" + _FIG + r")\s*(?:[^\W\d]+\s+){0,4}?(?:(?:vào\s+|trong\s+)?năm\s+\d{4}\s*)?,?\s*"
                      r"(?P<to>xuống(?:\s+còn)?|còn|lên)\s+(?:(?:dưới|trên|mức|còn)\s+)?(?P<b>" + _FIG + r")", re.IGNORECASE)
# "… còn 1,7 lần": a ratio, held under a ceiling; "ở mức 2 lần": exactly. Not a frequency ("2 lần/năm").
_TIMES = re.compile(r"(?<![\d.,])(?P<n>\d{1,3}(?:,\d+)?)\s*lần\b(?!\s*/|\s+(?:mỗi|một|trong)\b)", re.IGNORECASE)
# "Có ít nhất một cơ sở y tế …": a count in words, after "ít nhất" / "tối thiểu".
_WORD_NUMBERS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_WORD_COUNT = re.compile(r"\b(?:ít nhất|tối thiểu)\s+(?P<w>" + "|".join(_WORD_NUMBERS) + r")\s+"
                         r"(?P<unit>mô hình|cơ sở|trung tâm|người|lượt|trẻ em|học sinh|cán bộ)\b(?![^,;/]{0,20}/)",
                         re.IGNORECASE)
_LABEL = re.compile(r"^(?:Chỉ tiêu|Mục tiêu)\s+\d{1,2}\s*[:.]", re.IGNORECASE)
_ANY_YEAR = re.compile(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)
_DOWN_TO = re.compile(r"\b(?:xuống|còn|dưới|không quá|tối đa|không vượt quá)\b", re.IGNORECASE)
_UP_TO = re.compile(r"\b(?:đạt|trên|ít nhất|tối thiểu|không dưới)\b", re.IGNORECASE)
# "70.000 ngôi nhà … vào năm 2025 và 80.000 vào năm 2030": a count for each of two years (the second may say its
# words again, and words may lead: "Đào tạo 3.000 lao động vào năm 2028 và 5.000 lao động vào năm 2030").
_N = r"\d{1,3}(?:\.\d{3})+|\d{1,4}"
_COUNT_TWO = re.compile(r"^(?:[^\d%/;]{0,60}?\s)?(?:khoảng\s+|có\s+|ít nhất\s+|tối thiểu\s+)?(?P<n1>" + _N + r")\s+(?P<what>[^\d%/;]+?)\s+"
                        r"(?:vào|đến|trong)\s+(?:hết\s+)?năm\s+(?P<y1>\d{4})\s*,?\s+và\s+(?P<n2>" + _N + r")\s+"
                        r"(?:(?P=what)\s+)?(?:vào|đến|trong)\s+(?:hết\s+)?năm\s+(?P<y2>\d{4})$", re.IGNORECASE)


# "… đến năm 2030 đạt trên 46.200 tấn", "… dự kiến đạt 48,3 triệu USD": a quantity or a value of exports.
_AMOUNT = re.compile(r"\b(?:đạt|trên)\s+(?:trên\s+|khoảng\s+)?(?P<n>\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s*"
                     r"(?P<mul>triệu|nghìn|ngàn|tỷ)?\s*(?P<what>tấn|USD)\b")
# A count of bodies that have a revenue or a turnover: the amount says which are counted.
_QUALIFIED = re.compile(r"\bcó\s+(?:tối thiểu\s+|ít nhất\s+|khoảng\s+|trên\s+)?\d[\d.]*\s+[^\d;]{0,80}?\bcó\s+"
                        r"(?:doanh thu|kim ngạch|giá trị)\b")
_MULT = {None: 1, "nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000}


def _amount(ob: Any, clause: str, phase, where: str) -> list[Target] | None:
    """One quantity in tấn or value in USD that the clause sets for its year ("đạt trên 46.200 tấn", "đạt 400 triệu
    USD"): a floor without a unit (the plan language has none for them), the value as meant, for review. None when
    the clause has no such figure, or several (which wording each is for is not sure)."""
    found = list(_AMOUNT.finditer(clause))
    if len(found) != 1 or phase is None or "%" in clause[:found[0].start()]:
        return None
    m = found[0]
    if _QUALIFIED.search(clause[:m.start()]):
        return None  # "có 60 doanh nghiệp … có doanh thu … đạt 20 triệu USD/năm": which are counted, not a target
    value = to_decimal(m.group("n"))
    if value is None or value <= 0:
        return None
    value = value * _MULT[m.group("mul")]
    why = _("a figure in '{unit}': written without a unit, the value as meant ({value}); check that it is a "
            "target").format(unit=f"{m.group('mul')} {m.group('what')}" if m.group("mul") else m.group("what"),
                             value=f"{value.normalize():f}")
    if _RANGE.search(clause):
        why += "; " + _("a range of figures ('5-10%'): no target set")
    return [Target(phase, value, ">=", False, None, where, why)]


def special_figures(ob: Any, clause: str, phase, where: str) -> list[Target] | None:
    """Figures that are not a plain level: a range ("Hằng năm giảm 5-10% …") or a change without a base year
    ("Giảm 10% số trẻ em …") give no target (and a review); rates per 100.000 and a count for each of two
    years give their targets; a quantity in tấn or a value in USD its floor. None when the clause is none of
    these."""
    amount = _amount(ob, clause, phase, where)
    if amount is not None:
        return amount
    if _RANGE.search(clause):
        ob.unread = _("a range of figures ('5-10%'): no target set")
        return []
    from_to = _FROM_TO.search(clause)
    if from_to:
        return _from_to(ob, clause, from_to, phase, where)
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
    rates = [r for r in _RATE.finditer(clause) if r.group("per") != "100" or r.group("words").strip()]
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
    if "%" not in clause and phase is not None:
        return _ratio(ob, clause, phase, where) or _word_count(clause, phase, where)
    return None

def _rates(ob: Any, clause: str, rates: list[re.Match], phase, where: str) -> list[Target]:
    """Rates per 100.000, one per year named in order ("năm 2025 xuống còn 500/100.000 trẻ em và 450/100.000 trẻ
    em vào năm 2030"), a ceiling after "xuống", "còn", "dưới", a floor after "đạt", "trên"; none when the
    comparator, or which year each is for, is not clear."""
    years = [int(y.group(1)) for y in _ANY_YEAR.finditer(clause)]
    before = clause[:rates[0].start()]
    why = _("a rate per {per}: written without a unit").format(per=rates[0].group("per"))
    if _AT.search(before) and not re.search(r"\b(?:duy trì|giữ)\b", clause, re.IGNORECASE):
        # "Tỷ số giới tính khi sinh ở mức 107 bé trai/100 bé gái": a level, exactly (a guess: a review).
        cmp_ = "="
        why = f"{why}; " + _("'ở mức' (at the level of): written as exactly this value")
    else:
        cmp_ = "<=" if _DOWN_TO.search(before) else ">=" if _UP_TO.search(before) else None
    if cmp_ is None or len({r.group("per") for r in rates}) > 1:
        return []
    if len(years) == len(rates) and years == sorted(set(years)):
        pairs = list(zip(years, rates))
    elif len(rates) == 1 and not years and phase is not None:
        pairs = [(phase, rates[0])]
    else:
        ob.several_years = len(years) > 1
        return []
    out = []
    for year, m in pairs:
        value = to_decimal(m.group("n"))
        if value is None:
            return []
        ph = ob.phase_for(year) if isinstance(year, int) else year
        out.append(Target(ph, value, cmp_, False, None, where, why))
    return out


def _year(ob: Any, clause: str, phase):
    """The one year a clause names, as a phase; the current phase when it names none; None when it names several."""
    years = {int(y.group(1)) for y in _ANY_YEAR.finditer(clause)}
    if len(years) > 1:
        return None
    return ob.phase_for(years.pop()) if years else phase


def _from_to(ob: Any, clause: str, m: re.Match, phase, where: str) -> list[Target]:
    """"Giảm tỷ lệ hộ nghèo từ 6% xuống 4% vào năm 2025", "tăng … từ 60% lên 80%": the figure it ends at, a ceiling
    after "xuống" / "còn" and a floor after "lên", in the year the clause names. The figure it starts from is not
    written (a review says so). None when the two figures are not of one kind, the verb goes the other way,
    or the clause has other figures or several years."""
    a, b = m.group("a"), m.group("b")
    kind = lambda f: "%" if "%" in f else "lần" if f.rstrip().endswith("lần") else f.rsplit("/", 1)[1].strip()
    down = m.group("to").lower() != "lên"
    verb = re.search(r"\b(giảm|tăng|nâng)\b", clause[:m.start()], re.IGNORECASE)
    rest = clause[:m.start()] + " " + clause[m.end():]
    value = to_decimal(re.match(r"\d{1,3}(?:\.\d{3})*(?:,\d+)?", b).group(0))
    ph = _year(ob, re.sub(r"\btừ\s.*", "", clause[:m.start()]) + clause[m.end():], phase)
    if (kind(a) != kind(b) or (verb and (verb.group(1).lower() == "giảm") != down) or value is None or ph is None
            or re.search(r"\d\s*(?:%|/\s*1|lần\b)", rest)):
        ob.unread = _("a change from one figure to another that is not clear: no target set")
        return []
    why = _("a fall or rise from one figure to another: written as the figure it ends at; the figure it starts "
            "from is not written")
    if kind(b) == "%":
        return [Target(ph, value, "<=" if down else ">=", True, None, where, why, unit="%")]
    what = (_("a ratio ('… lần'): written without a unit") if kind(b) == "lần"
            else _("a rate per {per}: written without a unit").format(per=kind(b)))
    return [Target(ph, value, "<=" if down else ">=", False, None, where, f"{why}; {what}")]


def _ratio(ob: Any, clause: str, phase, where: str) -> list[Target] | None:
    """"Giảm số giờ làm việc nhà … của phụ nữ còn 1,7 lần": a ratio under a ceiling after "còn", "xuống", "dưới",
    "không quá"; exactly after "ở mức". None for anything else ("giảm 2 lần", "gấp 2 lần": a change by a factor) and
    against a base year ("… so với năm 2020")."""
    found = list(_TIMES.finditer(clause))
    if len(found) != 1 or re.search(r"\d\s*/|\bso với\s+(?:năm\s+)?\d{4}", clause, re.IGNORECASE):
        return None
    m = found[0]
    before = clause[:m.start()]
    why = _("a ratio ('… lần'): written without a unit")
    if re.search(r"\b(?:xuống(?:\s+còn)?|còn|dưới|không quá|tối đa)\s*$", before, re.IGNORECASE):
        cmp_ = "<="
    elif _AT.search(before):
        cmp_ = "="
        why = f"{why}; " + _("'ở mức' (at the level of): written as exactly this value")
    elif re.search(r"\b(?:giảm|tăng|gấp)\s*$", before, re.IGNORECASE):
        # "Giảm 2 lần số ca …", "tăng gấp 2 lần": a change by a factor, which a target cannot say.
        ob.unread = _("a change by a factor ('giảm 2 lần', 'tăng gấp 2 lần'): the plan language cannot write it; no "
                      "target set")
        return []
    else:
        return None
    value = to_decimal(m.group("n"))
    if value is None or value <= 0:
        return None
    return [Target(phase, value, cmp_, False, None, where, why)]


# "đạt dưới 40 μg/m3", "không vượt quá 50 µg/m³": a limit in a unit of concentration, which the plan language lacks.
_CONCENTRATION = re.compile(r"\b(?P<cmp>dưới|không vượt quá|không quá|tối đa|trên|tối thiểu)\s+(?P<n>\d{1,4}(?:,\d+)?)\s*"
                            r"(?P<unit>[μµ]g/m(?:3|³)|mg/m(?:3|³)|mg/l)", re.IGNORECASE)


def unitless_limit(ob: Any, clause: str, targets: list[Target]) -> list[Target]:
    """``targets`` with a review for a ceiling or a floor in a unit of concentration ("đạt dưới 40 μg/m3") on the
    first, or as the reason none was set: the plan language has no unit for it, and written without one it could be
    read as another (a percentage in an objective of percentages), so no target is set for it."""
    m = _CONCENTRATION.search(clause)
    if m is None:
        return targets
    why = _("a limit in {unit} ('{figure}'): the plan language has no unit for it; no target set for it, write it "
            "by hand").format(unit=m.group("unit"), figure=m.group(0))
    if not targets:
        ob.unread = ob.unread or why
        return targets
    first = targets[0]
    return [attrs.evolve(first, review=f"{first.review}; {why}" if first.review else why), *targets[1:]]


_EACH = re.compile(r"\b(?:mỗi|từng|mọi)\b", re.IGNORECASE)
_ALL = re.compile(r"\b(?:các|tất cả|toàn bộ|những)\b", re.IGNORECASE)


def per_unit(clause: str, at: int) -> bool:
    """Whether the count at offset ``at`` of the clause is one per unit ("mỗi xã có ít nhất 01 mô hình", "các xã có
    ít nhất một cán bộ", "… tại mỗi thôn"): not a total, so no target is written for it. "các" / "những" count only
    in the count's own sentence ("… là một trong những trung tâm … . Có tối thiểu 10 doanh nghiệp …" is a total)."""
    start = max((m.end() for m in re.finditer(r"\.\s+(?=[A-ZĐÀ-Ỹ])", clause[:at])), default=0)
    return _EACH.search(clause) is not None or _ALL.search(clause, start, at) is not None


def _word_count(clause: str, phase, where: str) -> list[Target] | None:
    """"Có ít nhất một cơ sở y tế cung cấp …": a count written in words, a floor. None when the clause has a
    figure in digits (other than its label and years) or counts per unit (:func:`per_unit`)."""
    m = _WORD_COUNT.search(clause)
    if m is None or per_unit(clause, m.start()):
        return None
    if re.search(r"\d", _ANY_YEAR.sub("", _LABEL.sub("", clause))):
        return None
    value = Decimal(_WORD_NUMBERS[m.group("w").lower()])
    return [Target(phase, value, ">=", False, None, where, _("a count written in words: check the unit and that it "
                                                             "is a target"), unit=UNITS[m.group("unit").lower()])]


# "tăng bình quân 8%/năm", "giảm 1,5% mỗi năm": a change each year, not a level the indicator reaches.
_RATE_AFTER = re.compile(r"\s*(?:/\s*năm\b|mỗi năm\b|một năm\b)", re.IGNORECASE)
_RATE_BEFORE = re.compile(r"\bbình quân\s+(?:\w+\s+){0,2}$|\b(?:tăng|giảm)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


def without_rates(clause: str, pcts: list) -> tuple[list, str | None]:
    """The figures of ``pcts`` that are levels, and a review when others were yearly rates of change: a figure
    followed by "/năm" ("0,5%/năm"), or "mỗi năm" after a rise or a fall or an average ("bình quân")."""
    rates = [m for m in pcts if (after := _RATE_AFTER.match(clause, m.end())) is not None
             and ("/" in after.group(0) or _RATE_BEFORE.search(clause[max(0, m.start() - 40):m.start()]))]
    if not rates:
        return pcts, None
    return [m for m in pcts if m not in rates], _("a yearly change ('{figure}'), not a level: no target set").format(
        figure=clause[rates[0].start():_RATE_AFTER.match(clause, rates[0].end()).end()].strip())


def maintained(ctx) -> None:
    """The same level restated in every phase ("100% … được trợ giúp kịp thời" in 2018-2020, 2021-2025 and
    the 2030 vision) is a level held every year: one `maintain` from the first phase to the last year. In two
    phases only ("Phấn đấu 100% …" by 2030, "100% … đào tạo lại" by 2035) it is a target for each: restated once, the
    level is to be reached again, not said to be held ("duy trì" says so, read apart). So is a level given for each
    year in turn (a table's columns "Năm 2026" … "Năm 2030"): the document writes each year's, not a level held."""
    d = ctx.draft
    starts = {p.id: p.start for p in d.phases}
    ends = {p.id: p.end for p in d.phases}
    for obj in d.objectives:
        ts = obj.targets
        if len(ts) < 3 or any(t.base_year is not None for t in ts):
            continue
        if len({(t.value, t.comparator, t.percent) for t in ts}) != 1 or len({t.phase for t in ts}) != len(ts):
            continue
        years = sorted(t.phase for t in ts if isinstance(t.phase, int))
        if len(years) == len(ts) and years == list(range(years[0], years[0] + len(years))):
            continue  # a level for each year ("Năm 2026 | 2027 | … | 2030" of a table): one target a year, as written
        first = ts[0]
        start = starts.get(first.phase, first.phase if isinstance(first.phase, int) else None)
        last = max(ends.get(t.phase, t.phase) if not isinstance(t.phase, int) else t.phase for t in ts)
        if not isinstance(start, int) or not isinstance(last, int):
            continue
        obj.targets = [Target(start, first.value, first.comparator, first.percent, None, first.where,
                              _("the same level in every phase: written as held every year"),
                              first.unit, True, last)]
