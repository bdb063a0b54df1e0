"""The other figures of a lettered item read as an objective with its target (after the ninth held-out set): "e) Đến
năm 2020, phấn đấu đạt 100% gia đình …, năm 2018 đạt 99%, năm 2019 đạt 99,5%; 98% xã phường làm tốt …". In its first
clause, each "năm YYYY đạt N%" is a target of the same objective for that year; each later clause that opens with
a percentage ("98% xã phường …", "90% con, cháu …") is an objective of its own with that target, in the year the item
opens with. Clauses with other figures or years are left to the objective's review.

And a lead-in under the tasks that opens with the aim it serves, "Với mục tiêu khống chế tỷ lệ nhiễm HIV … dưới 0,35%
vào năm 2020, …": an objective with that target, for review; the line is kept as it is."""

from __future__ import annotations

import re

from plandsl.core.i18n import _
from plandsl.importer.draft import Draft, Objective, Target, next_id
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import to_decimal

_OPENS = re.compile(r"^Đến năm (?P<year>(?:19|20)\d{2}),")
_YEARLY = re.compile(r"\bnăm (?P<year>(?:19|20)\d{2})\s+đạt\s+(?P<value>\d{1,3}(?:,\d+)?)\s*%")
_OWN = re.compile(r"^(?P<value>\d{1,3}(?:,\d+)?)\s*%\s+[^\d\s%]")
_PCT = re.compile(r"\d{1,3}(?:,\d+)?\s*%")


def item_targets(d: Draft) -> None:
    out: list[Objective] = []
    for ob in d.objectives:
        out.append(ob)
        m = _OPENS.match(ob.text)
        if not m or not ob.targets or ob.targets[0].phase != int(m.group("year")):
            continue
        year, first = int(m.group("year")), ob.targets[0]
        clauses = [c.strip() for c in ob.text.rstrip(".").split(";")]
        # "(năm 2025 đạt 70%)" in a plan for 2026 - 2030: where it starts from, no target (left to the review)
        yearly = [y for y in _YEARLY.finditer(clauses[0]) if d.period is None or int(y.group("year")) >= d.period.value[0]]
        if len(ob.targets) > 1 and [t.phase for t in ob.targets[1:]] != [int(y.group("year")) for y in yearly]:
            continue
        for y in yearly if len(ob.targets) == 1 else ():  # else each already read with its year (years.per_year)
            ob.targets.append(Target(int(y.group("year")), to_decimal(y.group("value")), first.comparator, True, None,
                                     first.where, unit="%"))
        ob.targets.sort(key=lambda t: t.phase)  # by year: 2018, 2019, 2020
        figures = [p.group(0) for p in _PCT.finditer(clauses[0])][1:]
        if yearly and len(figures) == len(yearly) and first.review:
            read = _("other figures in the sentence not encoded: {figures}").format(figures=", ".join(figures))
            first.review = re.sub(r"(?:; )?" + re.escape(read) + "$", "", first.review) or None
        kept = [clauses[0]]
        for n, clause in enumerate(clauses[1:], start=2):
            own = _OWN.match(clause)
            if not own or len(_PCT.findall(clause)) != 1 or re.search(r"\b(?:19|20)\d{2}\b", clause):
                kept.append(clause)
                continue
            ob.text = "; ".join(kept) + "."  # the clause is written as its own objective
            out.append(Objective(f"{ob.id}_{n}", clause, ob.where, [Target(
                year, to_decimal(own.group("value")), ">=", True, None, first.where,
                _("no comparator written; 'at least' assumed"), "%")], unit="%", direction="up"))
    d.objectives = out


_SENTENCE_END = re.compile(r"(?<=[.)])\s+(?=[A-ZĐÀ-Ỹ0-9])")
_FLOOR = re.compile(r"^(?P<floor>(?:Tối thiểu|Ít nhất)\s+)?(?P<value>\d{1,3}(?:,\d+)?)\s*%\s+[^\d\s%]")


def sentence_targets(d: Draft) -> None:
    """An item of several sentences, each with its figure (after the twenty-first set): "100% thủ tục … được tiếp nhận
    …. 100% thủ tục … liên thông …. 100% kết quả … được đồng bộ …", "Tối thiểu 98% hồ sơ …. 100% hồ sơ trễ hẹn …":
    each later sentence that opens with its only percentage ("100% …", "Tối thiểu 98% …", no year) is an objective of
    its own with that target, in the year of the item's target; the item keeps its first sentence. An item with a
    later figure of another shape is left as it is (to the review)."""
    out: list[Objective] = []
    for ob in d.objectives:
        out.append(ob)
        if len(ob.targets) != 1 or ob.targets[0].unit != "%" or ob.targets[0].maintain:
            continue
        sentences = [x.strip() for x in _SENTENCE_END.split(ob.text.strip())]
        later = sentences[1:]
        if not later or len(_PCT.findall(sentences[0])) != 1 or not any(_PCT.search(x) for x in later):
            continue
        if any(_PCT.search(x) and (not _FLOOR.match(x) or len(_PCT.findall(x)) != 1
                                   or re.search(r"\b(?:19|20)\d{2}\b", x)) for x in later):
            continue
        first = ob.targets[0]
        read = _("other figures in the sentence not encoded: {figures}").format(
            figures=", ".join([p.group(0) for p in _PCT.finditer(ob.text)][1:]))
        if first.review:
            first.review = re.sub(r"(?:; )?" + re.escape(read) + "$", "", first.review) or None
        kept = [sentences[0]]
        for n, x in enumerate(later, start=2):
            own = _FLOOR.match(x)
            if own is None:
                kept.append(x)  # a sentence with no figure stays with the one before
                continue
            assumed = None if own.group("floor") else _("no comparator written; 'at least' assumed")
            out.append(Objective(f"{ob.id}_{n}", x.rstrip("."), ob.where, [Target(
                first.phase, to_decimal(own.group("value")), ">=", True, None, first.where, assumed, "%")],
                unit="%", direction="up"))
        ob.text = " ".join(kept)
    d.objectives = out


_AIM = re.compile(r"^Với mục tiêu\s+(?P<what>[^%;:]*?\s(?P<cmp>dưới|không quá|tối đa|trên|ít nhất|tối thiểu|đạt)\s+"
                  r"(?P<value>\d{1,3}(?:,\d+)?)\s*%)\s+(?:vào|đến|trong)\s+năm\s+(?P<year>(?:19|20)\d{2})\s*,")


def aim_targets(ctx: Context) -> None:
    """"Với mục tiêu … dưới N% vào năm YYYY, …" as a line not placed among the tasks: an objective with its target."""
    d = ctx.draft
    for z in ctx.zoned:
        m = _AIM.match(z.line.text)
        if not m or z.zone != "tasks" or z.line.no in ctx.placed or len(_PCT.findall(z.line.text)) != 1:
            continue
        cmp_ = "<=" if m.group("cmp") in ("dưới", "không quá", "tối đa") else ">="
        what = m.group("what")
        text = f"{what[0].upper()}{what[1:]} {z.line.text[m.end('value') + 1:m.end('year')].strip()}"
        d.objectives.append(Objective(next_id("o", d.objectives), text, z.line.where, [Target(
            int(m.group("year")), to_decimal(m.group("value")), cmp_, True, None, z.line.where,
            _("a figure in a lead-in under the tasks: check that it is a target"), "%")], unit="%",
            direction="down" if cmp_ == "<=" else "up"))
