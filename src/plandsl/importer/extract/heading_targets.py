"""Levels stated in a one-year plan's content headings (after the tenth held-out set): "II. NỘI DUNG" / "2. Thành lập
mới khoảng trên 500ha các khu, cụm công nghiệp:" over the items that carry it out. A numbered heading of the content
section that states one level ("khoảng trên 500ha", "ít nhất 500ha", "Ít nhất 30% …", "… đạt chuẩn 100%.") is an
objective with that target for the plan's one year, and stays the task it is. A heading with other figures ("di dời 01
khu công nghiệp … và 02 cụm …": the sites of a deliverable) or none is no objective; a plan of several years, or one
whose objectives already hold targets, gets none."""

from __future__ import annotations

import re

from plandsl.core.i18n import _
from plandsl.importer.draft import Objective, Target, next_id
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import ISSUES_PLAN, to_decimal

_CONTENT = re.compile(r"^NỘI DUNG(?:\s+(?:KẾ HOẠCH|THỰC HIỆN|CHỦ YẾU|TRỌNG TÂM))?\s*:?$")
# "khoảng trên 500ha", "ít nhất 500 ha": an area, a bare number (the language has no hectare)
_AREA = re.compile(r"\b(?:khoảng\s+)?(?:trên|ít nhất|tối thiểu|không dưới)\s+(?P<n>\d{1,3}(?:\.\d{3})*)\s*ha\b")
# "Ít nhất 30% doanh nghiệp …" opening the heading
_AT_LEAST = re.compile(r"^(?:Ít nhất|Tối thiểu|Trên)\s+(?P<n>\d{1,3}(?:,\d+)?)\s*%\s+\w")
# "Tỷ lệ … đạt chuẩn 100%." closing it
_REACH = re.compile(r"\bđạt(?:\s+chuẩn)?\s+(?P<n>\d{1,3}(?:,\d+)?)\s*%\s*\.?$")
_NUMBER = re.compile(r"\d+")


def heading_targets(ctx: Context) -> None:
    d = ctx.draft
    if d.period is None or d.period.value[0] != d.period.value[1] or any(o.targets for o in d.objectives):
        return
    year = d.period.value[1]
    content, heads = False, set()
    for z in ctx.zoned:
        if z.style == "roman":
            content = bool(_CONTENT.match(z.rest.strip(" *")))
        elif content and z.zone == "tasks" and z.style == "num1":
            heads.add(z.line.where)
    for task in d.tasks:
        if task.where not in heads:
            continue
        head = re.split(r"(?<=[.:])\s+", task.text.strip(), maxsplit=1)[0].rstrip(":").strip()
        found = [(m, unit) for rx, unit in ((_AREA, None), (_AT_LEAST, "%"), (_REACH, "%")) for m in [rx.search(head)]
                 if m]
        if len(found) != 1 or len(_NUMBER.findall(head)) != len(_NUMBER.findall(found[0][0].group("n"))):
            continue  # one level and no other figure
        m, unit = found[0]
        value = to_decimal(m.group("n"))
        review = _("a count: check the unit and that it is a target") if unit is None else \
            _("no comparator written; 'at least' assumed") if m.re is _REACH else None
        d.objectives.append(Objective(next_id("o", d.objectives), head, task.where, [Target(
            year, value, ">=", unit == "%", None, task.where, review, unit)], unit=unit, direction="up"))


# "2. Số lượng đơn vị kiểm tra: Tối thiểu 20% cơ quan …": a numbered count with a floor, the whole line
_COUNT_FLOOR = re.compile(r"^Số lượng [^:\d%]{3,80}:\s*(?:Tối thiểu|Ít nhất)\s+(?P<n>\d{1,3}(?:,\d+)?)\s*%\s+[^\d%]+$")


def count_floor_targets(ctx: Context) -> None:
    """A numbered line left unplaced outside the targets (after the twentieth set): "2. Số lượng đơn vị kiểm tra: Tối
    thiểu 20% cơ quan chuyên môn …" states a floor for a one-year plan's year: an objective with that target (the
    line's text, its stop dropped). A count with another figure, or no floor word, is left as it is."""
    d = ctx.draft
    if d.period is None or d.period.value[0] != d.period.value[1]:
        return
    year = d.period.value[1]
    for z in ctx.zoned:
        if z.line.no in ctx.placed or z.style is None or not z.marker[:1].isdigit():
            continue
        text = z.rest.strip(" *").rstrip(".;").strip()
        m = _COUNT_FLOOR.match(text)
        if m is None or any(o.text == text for o in d.objectives):
            continue
        value = to_decimal(m.group("n"))
        d.objectives.append(Objective(next_id("o", d.objectives), text, z.line.where, [Target(
            year, value, ">=", True, None, z.line.where, None, "%")], unit="%", direction="up"))
        ctx.place(z)


# The opening's sentence that issues the plan: "…. Để tổ chức triển khai … mục tiêu …, đảm bảo ít nhất 40% địa bàn cấp
# xã không ma túy trong năm 2026, phấn đấu …, Ủy ban nhân dân tỉnh ban hành kế hoạch …"
_ISSUING = re.compile(r"(?:^|\.\s+)Để\s(?P<why>[^;]*?),?\s+(?:Ủy ban|UBND)[^;.]*?" + ISSUES_PLAN)
_OPENING_FLOOR = re.compile(r"(?:^|,\s*)(?P<text>(?:đảm bảo|bảo đảm)\s+(?:đạt\s+)?(?:ít nhất|tối thiểu)\s+"
                            r"(?P<n>\d{1,3}(?:,\d+)?)\s*%\s+[^\d%,;.]{3,120}?\s+trong năm\s+(?P<y>\d{4}))\s*(?=,|$)")


def opening_floor_targets(ctx: Context) -> None:
    """A floor the opening sentence that issues a one-year plan states for its year (after the twentieth set):
    "Thực hiện …. Để tổ chức triển khai …, đảm bảo ít nhất 40% X trong năm 2026, phấn đấu …, Ủy ban nhân dân tỉnh ban
    hành kế hoạch …" is an objective "Đảm bảo ít nhất 40% X trong năm 2026" with that floor, unless an objective
    already holds it. Only one such clause in the sentence, and no other percentage in it."""
    d = ctx.draft
    if d.period is None or d.period.value[0] != d.period.value[1]:
        return
    year = d.period.value[1]
    for z in ctx.zoned:
        if z.zone not in ("header", "plan_header", "other", "general") or not re.match(r"^(?:Thực hiện|Căn cứ)\s",
                                                                                        z.line.text):
            continue
        issuing = _ISSUING.search(z.line.text)
        if issuing is None or issuing.group("why").count("%") != 1:
            continue
        found = list(_OPENING_FLOOR.finditer(issuing.group("why")))
        if len(found) != 1 or int(found[0].group("y")) != year:
            continue
        m = found[0]
        value = to_decimal(m.group("n"))
        if any(t.phase == year and t.value == value and t.comparator == ">=" for o in d.objectives for t in o.targets):
            continue
        text = m.group("text")[:1].upper() + m.group("text")[1:]
        d.objectives.append(Objective(next_id("o", d.objectives), text, z.line.where, [Target(
            year, value, ">=", True, None, z.line.where, None, "%")], unit="%", direction="up"))
