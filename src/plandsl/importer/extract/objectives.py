"""Objectives: the general objective, the phases, and each specific objective with its targets.

A target is absolute ("đạt 60%", "ít nhất 90%", "tối thiểu 50%", "100%"), relative ("tăng 20%
so với năm 2020") or a count ("thí điểm 01 mô hình"). The same objective written again under a
later phase ("b) Giai đoạn 2026 - 2030") is recognised by its wording and gets a second target.
"""

from __future__ import annotations

import re

import attrs

from plandsl.core.i18n import _
from plandsl.importer.draft import Objective, Phase, Target, Val
from plandsl.importer.extract import school_years
from plandsl.importer.extract.clauses import COUNT as _COUNT
from plandsl.importer.extract.clauses import target_count
from plandsl.importer.extract.clauses import HOLD as _HOLD
from plandsl.importer.extract.clauses import clauses as _clauses
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.figures import NAMED_YEAR as _NAMED_YEAR
from plandsl.importer.extract.figures import UNITS as _UNITS
from plandsl.importer.extract.figures import maintained, special_figures, unitless_limit, without_rates
from plandsl.importer.extract.patterns import one_year, to_decimal, year_range
from plandsl.importer.extract.sentences import only_quoted_figures, sentence_chunks
from plandsl.importer.extract.years import AFTER as _AFTER
from plandsl.importer.extract.years import GE as _GE
from plandsl.importer.extract.years import LE as _LE
from plandsl.importer.extract.years import before_period, figure_year, per_year, phase_lead, years_after
from plandsl.importer.extract.matrix import add_matrix, read_matrix
from plandsl.importer.extract.table import add_table, read_pipe_table, read_table
from plandsl.importer.extract.task_figures import figure_sentences

_PCT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d+)?)\s*%")
_REL = re.compile(r"(?:(?:năm|đến năm)\s+(?P<year>\d{4})\s+)?(?P<dir>tăng|giảm)\s+(?:(?:ít nhất|tối thiểu|thêm)\s+)?"
                  r"(?P<val>\d{1,3}(?:,\d+)?)\s*%\s*(?:so với\s+(?:(?:(?:mức|giá trị)\s+(?:trung bình\s+)?(?:của\s+)?)?"
                  r"(?:năm\s+)?(?P<base>\d{4})|"
                  r"(?P<last>cùng kỳ(?:\s+năm\s+trước)?|năm trước)\b))?")
_NAMED_TAIL = re.compile(r"\s*(?:đến|vào|trong)\s+(?:hết\s+|cuối\s+)?năm\s+\d{4}\s*,?\s*$", re.IGNORECASE)
_PHASE_HEAD = re.compile(r"(?:giai đoạn|tầm nhìn|đến năm|năm|từ|đến)\s*(?:đến\s+(?:năm\s+)?)?\d{4}", re.IGNORECASE)
# "Từ 2021 đến 2025", "Từ năm 2021 đến năm 2025", "giai đoạn từ năm 2021 đến hết năm 2025".
_FROM_TO = re.compile(r"\btừ\s+(?:năm\s+)?(\d{4})\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?(\d{4})\b", re.IGNORECASE)
# "Đến năm 2025", "Đến hết năm 2025", "Tầm nhìn đến năm 2030", "Năm 2025": one year, and nothing else said.
_BY_YEAR = re.compile(r"^(?:(?:mục tiêu\s+)?(?:tầm nhìn\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?|"
                      r"(?:trong\s+)?năm\s+)(\d{4})\s*[:.]?$", re.IGNORECASE)
_UNSURE = "?"
# A year named, a comma and then a figure of its own ("Đến năm 2025, Việt Nam thuộc nhóm: 70 nước dẫn đầu …",
# "Đến năm 2030, có 60 doanh nghiệp …"): the line is not only a heading, it states a level (an objective too).
_YEAR_COMMA = re.compile(r"^\W*(?:tầm nhìn\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?\d{4}\s*,", re.IGNORECASE)


def _says_more(text: str) -> bool:
    head = _YEAR_COMMA.match(text)
    return head is not None and re.search(r"\d", _YEAR.sub("", text[head.end():])) is not None


_NUMBERED = re.compile(r"^(?:Chỉ tiêu(?:\s+\d{1,2})?|Mục tiêu\s+\d{1,2})\s*[:.]\s*(\S.*)$", re.IGNORECASE)
_YEARLY = re.compile(r"^\W*(?:hằng|hàng)\s+năm\b", re.IGNORECASE)
_OWN_YEAR = re.compile(r"\bđến\s+(?:hết\s+|cuối\s+)?năm\s+\d{4}\b")  # "…; phấn đấu đến năm 2030 đạt …"
# "Duy trì tỷ lệ 100% trạm y tế xã có bác sĩ", "Tiếp tục duy trì 100% …": a level kept, when no year is named.
_KEEP = re.compile(r"^\W*(?:tiếp tục\s+)?duy trì\s+(?:tỷ lệ\s+|ở mức\s+)?\d{1,3}(?:,\d+)?\s*%(?![^;]*\b(?:năm|19\d\d|20\d\d)\b)",
                   re.IGNORECASE)
# "… vào năm 2025 và duy trì đến năm 2030", "… giữ vững đến năm 2030", "…, đến năm 2030 duy trì tỷ lệ này",
# "…; đến năm 2030 tiếp tục duy trì": the level is then held to that year.
_KEPT_TO = re.compile(r"\b" + _HOLD + r"(?:\s+[^\s\d,;.]+){0,4}?\s+(?:đến|tới)\s+(?:hết\s+)?(?:năm\s+)?(?P<y1>\d{4})\b|"
                      r"\b(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<y2>\d{4})\s*,?\s+" + _HOLD + r"\b", re.IGNORECASE)


def _kept_year(m: re.Match) -> int:
    return int(m.group("y1") or m.group("y2"))


_YEAR = re.compile(r"\b(?:19|20|21)\d{2}\b")


def _core(text: str) -> str:
    """The wording of an objective without its figures, for recognising it in another phase."""
    t = re.sub(r"\d[\d.,]*\s*%?", " ", text.lower())
    t = re.sub(r"\b(?:ít nhất|tối thiểu|đạt|có|tiếp tục|bảo đảm|đảm bảo|giai đoạn|năm|so với|tăng|cho|số)\b", " ", t)
    return re.sub(r"\s+", " ", t).strip()


class _Objectives:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        d = ctx.draft
        self.default_year = d.period.value[1] if d.period else None
        if self.default_year is None and d.title is not None:
            m = re.search(r"đến\s+(?:năm\s+)?(\d{4})", d.title.value)
            if m:
                self.default_year = int(m.group(1))
            else:
                self.default_year = one_year(d.title.value)
        self.phase: str | int | None = None
        self.count = 0
        self.yearly: str | None = None  # "year": "Hằng năm …"; "kept": "Duy trì 100% …"
        self.several_years = False
        self.several_figures = False
        self.unread = None  # why a figure of the sentence gave no target (a range, a change without a base)
        self.apart = False  # each figure an objective of its own, never one of an earlier phase restated

    def set_phase(self, text: str, where: str) -> bool:
        d = self.ctx.draft
        r = year_range(text)
        ft = _FROM_TO.search(text)
        if ft and not r and int(ft.group(1)) <= int(ft.group(2)):
            r = (int(ft.group(1)), int(ft.group(2)))
        if r and (ft or re.search(r"giai đoạn", text, re.IGNORECASE)
                  or re.fullmatch(r"\W*\d{4}\s*[-–]\s*\d{4}\W*", text)):
            label_m = re.search(r"giai đoạn\s*\d{4}\s*[-–]\s*\d{4}", text, re.IGNORECASE)
            label = label_m.group(0) if label_m else f"Giai đoạn {r[0]}-{r[1]}"
            label = label[0].upper() + label[1:]
            existing = next((p for p in d.phases if (p.start, p.end) == r), None)
            if existing is None:
                existing = Phase(f"p{len(d.phases) + 1}", r[0], r[1], label, where)
                d.phases.append(existing)
            self.phase = existing.id
            return True
        m = re.search(r"(?:tầm nhìn|đến)\s+(?:cuối\s+|hết\s+)?(?:năm\s+)?(\d{4})", text, re.IGNORECASE)
        if m and len(_YEAR.findall(text)) == 1:
            self.phase = int(m.group(1))
            return True
        m = _BY_YEAR.match(text.strip())
        if m:
            self.phase = int(m.group(1))
            return True
        return False

    def current(self) -> str | int | None:
        if self.phase == _UNSURE:
            return None
        if self.phase is not None:
            return self.phase
        return self.default_year

    def unsure(self) -> None:
        """A heading names years the importer cannot read as a phase ("Năm 2023 và các năm sau"): the
        targets under it get no year (and a review) rather than the previous phase's or the period's end."""
        self.phase = _UNSURE

    def item(self, text: str, where: str, ocr: bool) -> None:
        d = self.ctx.draft
        if only_quoted_figures(text):  # "… theo mục tiêu quốc gia “Đến năm 2025, … đạt khoảng 20% GDP …”"
            self.count += 1
            d.objectives.append(Objective(f"o{self.count}", text[0].upper() + text[1:], where, reviews=[_(
                "figures quoted from another document's goal ('theo mục tiêu …'): not this plan's; no target set")]))
            return
        if chunks := sentence_chunks(text):  # several sentences, each with a figure of its own: one at a time
            saved = self.phase
            for chunk, year in chunks:
                self.phase = self.phase_for(year) if year is not None else self.phase
                self.item(chunk, where, ocr)
            self.phase = saved
            return
        clauses = _clauses(text)
        split = {c for c in clauses if c not in text}  # made by `shared`: one figure each
        # "Hằng năm, khoảng 80% …; 70% …": every figure of the sentence is held every year of the phase.
        self.yearly = "year" if _YEARLY.match(text) else "kept" if _KEEP.match(text) and len(_PCT.findall(text)) == 1 else None
        self.several_years = self.several_figures = False
        self.unread = None
        made_any = False
        last: Objective | None = None
        before: list[str] = []  # the clauses with no figure before the first with one: that objective's text too
        for clause in clauses:
            targets = self._targets(clause, where)
            targets = unitless_limit(self, clause, targets)  # "đạt dưới 40 μg/m3": no unit to write it in
            if clause in split and targets:
                why = _("one of several figures in the sentence, each with its own wording; the sentence's comparator "
                        "and year are shared")
                targets = [attrs.evolve(t, review=f"{t.review}; {why}" if t.review else why) for t in targets]
            if not targets:
                if last is not None and self.several_figures:
                    last.reviews.append(_("the sentence gives several figures without wording of their own: no "
                                          "target set"))
                    self.several_figures = False
                if last is not None:
                    last.text = f"{last.text.rstrip('.')}; {clause}."
                else:
                    before.append(clause)
                continue
            made_any = True
            obj = None if before or self.apart else self._match(clause, targets)
            if obj is None:
                self.count += 1
                whole, before = "; ".join([*before, clause]), []
                obj = Objective(f"o{self.count}", whole[0].upper() + whole[1:] + ".", where)
                d.objectives.append(obj)
            if self.yearly and not (self.yearly == "year" and _OWN_YEAR.search(clause)):
                # (a clause naming its own year after "Hằng năm, …;" is a level of that year: after the sixteenth set)
                held = self._held(targets)
                targets = held if held or self.yearly == "year" else targets  # a level kept: else as written
            for t in targets:
                if ocr:
                    t.review = _("read by OCR")
                obj.targets.append(t)
                if t.unit and obj.unit is None:
                    obj.unit = t.unit
            if all(t.comparator == "=" for t in targets):  # a level held exactly ("ở mức 107 …/100") has no direction
                last = obj
                continue
            obj.direction = obj.direction or ("up" if all(t.comparator == ">=" for t in targets) else "down" if re.search(
                r"\b(?:giảm|khống chế)\b", clause, re.IGNORECASE) or all(t.comparator == "<=" for t in targets) else "up")
            last = obj
        if not made_any:
            self.count += 1
            obj = Objective(f"o{self.count}", text[0].upper() + text[1:], where)
            rel = re.search(r"tăng\s+(\d{1,3})\s*%", text)
            if self.unread:
                obj.reviews.append(self.unread)
            elif rel:
                obj.reviews.append(_("a rise without a base year ('so với năm …'): no target set"))
            elif self.several_figures:
                obj.reviews.append(_("the sentence gives several figures without wording of their own: no "
                                     "target set"))
            elif self.several_years:
                obj.reviews.append(_("the sentence names several years and its figures do not pair with them: no "
                                     "target set"))
            elif self.phase == _UNSURE and _PCT.search(text):
                obj.reviews.append(_("the heading above does not say which year this figure is for: no target set"))
            d.objectives.append(obj)

    def _held(self, targets: list[Target]) -> list[Target]:
        """Targets of a "Hằng năm …" sentence as levels held from the phase's first year to its last; none (and a
        review) when the phase's first year is not known."""
        d = self.ctx.draft
        out = []
        for t in targets:
            phase = next((p for p in d.phases if p.id == t.phase), None)
            if phase is not None:
                first, last = phase.start, phase.end
            elif d.period is not None and t.phase == d.period.value[1]:
                first, last = d.period.value
            else:
                continue
            if t.base_year is not None:
                continue
            why = _("'hằng năm' (every year): written as held every year") if self.yearly == "year" else _(
                "'duy trì' (kept) with no year: written as held every year of the period")
            out.append(attrs.evolve(t, phase=first, maintain=True, through=last,
                                    review=f"{t.review}; {why}" if t.review else why))
        return out

    def _match(self, clause: str, targets: list[Target]) -> Objective | None:
        """The objective of an earlier phase that this clause repeats, or None."""
        from rapidfuzz import fuzz

        phases = {t.phase for t in targets}
        core = _core(clause)
        best, best_score = None, 0.0
        for obj in self.ctx.draft.objectives:
            if any(t.phase in phases for t in obj.targets) or not obj.targets:
                continue
            if (obj.targets[0].base_year is None) != (targets[0].base_year is None):
                continue
            score = fuzz.token_set_ratio(core, _core(obj.text))
            if score > best_score:
                best, best_score = obj, score
        return best if best_score >= 72 else None

    def _targets(self, clause: str, where: str) -> list[Target]:
        phase = self.current()
        # "Đến năm 2025, 90% …" / "phấn đấu đến năm 2025 đạt 80%": the year the clause names.
        kept = _KEPT_TO.search(clause)
        # Also "Chỉ tiêu 1: Năm 2025 đạt 60% …", "Phấn đấu năm 2025 đạt …", "Từ năm 2025 trở đi, 100% …".
        # "Đến hết năm 2045: 100% …": "hết" / "cuối" between "đến" and "năm" too.
        named = next((y for y in re.finditer(r"(?:\b(?:đến|vào|trong)\s+(?:hết\s+|cuối\s+)?|(?<=%\s)|"
                                             r"^(?:Chỉ tiêu\s+\d{1,2}\s*:\s*)?"
                                             r"(?:phấn đấu\s+)?|\btừ\s+(?=năm\s+\d{4},?\s+trở đi))năm\s+(\d{4})\b",
                                             clause, re.IGNORECASE)
                      if not (kept and y.start() >= kept.start())), None)
        if named and not re.search(r"so với", clause):
            phase = self.phase_for(int(named.group(1)))
        elif (lead := phase_lead(self, clause)) is not None:  # "Giai đoạn 2026 - 2028: 60% …; giai đoạn 2029 - 2030: …"
            saved = self.phase
            phase = self.phase if self.set_phase(lead, where) else phase
            self.phase = saved
        out: list[Target] = []
        used: list[tuple[int, int]] = []
        for m in _REL.finditer(clause):
            value = to_decimal(m.group("val"))
            # "so với cùng kỳ" / "so với năm trước" in a plan for one year: the year before it, for review
            one = self.ctx.draft.period.value[0] if self.ctx.draft.period and len(set(self.ctx.draft.period.value)) == 1 \
                else None
            base = int(m.group("base")) if m.group("base") else one - 1 if m.group("last") and one else None
            if base is None or value is None:
                continue
            year = int(m.group("year")) if m.group("year") else None
            ph = self.phase_for(year) if year else phase
            if ph is None or m.group("last") and ph != one:
                continue
            sign = -1 if m.group("dir") == "giảm" else 1
            why = None if m.group("base") else _("'so với {words}' in a plan for one year: the year before, {year}, "
                                                 "taken as the base").format(words=m.group("last"), year=base)
            out.append(Target(ph, value * sign, None, True, base, where, why, unit="%"))
            used.append(m.span())
        if not out:
            special = special_figures(self, clause, phase, where)
            if special is not None:
                return special
        pcts, rate = without_rates(clause, [m for m in _PCT.finditer(clause) if not any(a <= m.start() < b for a, b in used)])
        if rate and not pcts and not out:
            self.unread = rate  # "giảm bình quân 0,5%/năm": a yearly change, not a level
            if not _COUNT.search(clause):  # "có tối thiểu 5.000 doanh nghiệp …, tăng bình quân 30%/năm": the count
                return []
        paired = None if out else per_year(self, clause, pcts, where)
        if paired is not None:
            return paired
        years = {y.group(1) for y in _NAMED_YEAR.finditer(clause) if not (kept and y.start() >= kept.start())}
        if not out and re.search(r"%(?:\s*(?:,|và|hoặc)\s*\d{1,3}(?:,\d+)?\s*%){2,}", clause):
            self.several_figures = True  # "đạt 80%, 70% và 60%": which is the indicator's is not sure (a review)
            return []
        if pcts and not out and len(years) > 1:
            self.several_years = True  # which year a figure is for is not sure: no target (and a review)
            return []
        own = figure_year(clause, pcts[0]) if pcts and not out and not named else None
        own = own if own is not None or not pcts or out or named else (years_after(self, clause, pcts[:1]) or [None])[0]
        if own is not None:  # "Tỷ lệ … năm 2026 đạt 70%", "đạt 40% (năm 2027)": the year stated at the figure
            if before_period(self, own):
                return []
            phase = self.phase_for(own)
        elif pcts and not out and not named and (due := re.search(r"\btrước\s+(?:năm\s+)?\d{4}\b", clause)):
            self.unread = _("a deadline ('{words}'): which year's level is meant is not sure; no target set").format(
                words=due.group(0))  # "100% … trước năm 2028": by the end of 2027 or in 2028
            return []
        if pcts and phase is not None:
            m = pcts[0]
            if re.search(r"\btăng\s+(?:\w+\s+){0,2}$", clause[:m.start()]) and not out:
                return []  # a rise without a base year
            if re.search(r"\bgiảm\s+(?:(?:ít nhất|tối thiểu|thêm|khoảng|được|bình quân)\s+)?$", clause[:m.start()],
                         re.IGNORECASE) and not out:
                # "giảm 20% so với mức bình quân giai đoạn …": a fall by 20% from a base not read, not a level
                # ("giảm xuống còn 20%" is one)
                self.unread = _("a fall without a base year ('so với năm …'): no target set")
                return []
            value = to_decimal(m.group(1))
            before = clause[max(0, m.start() - 30):m.start()]
            review = None
            if _AFTER.match(clause, m.end()):  # "1,5% trở xuống", "từ 90% trở lên": the words after say it
                cmp_ = "<=" if _AFTER.match(clause, m.end()).group(1) == "xuống" else ">="
            elif _LE.search(before):
                cmp_ = "<="
            elif _GE.search(before) or _GE.search(_NAMED_TAIL.sub("", before)):  # "Phấn đấu đến năm 2030, 100% …"
                cmp_ = ">="
            else:
                cmp_ = ">="
                review = _("no comparator written; 'at least' assumed")
            if len(pcts) > 1:
                others = ", ".join(p.group(0) for p in pcts[1:])
                review = (review + "; " if review else "") + _(
                    "other figures in the sentence not encoded: {figures}").format(figures=others)
            kept = kept if kept and kept.start() > m.end() else None
            year = next((p.end for p in self.ctx.draft.phases if p.id == phase), phase)
            if value is not None and kept and len(pcts) == 1 and isinstance(year, int) and _kept_year(kept) > year:
                out.append(Target(year, value, cmp_, True, None, where, review, "%", True, _kept_year(kept)))
            elif value is not None:
                out.append(Target(phase, value, cmp_, True, None, where, review, unit="%"))
        elif not out and phase is not None and ("%" not in clause or rate):
            m = target_count(clause)  # not a count of pupils already enrolled (after the twenty-ninth set)
            if m and not re.search(r"\btừ\s+$", clause[:m.start()]):  # (target_count: not one per unit)
                value = to_decimal(m.group("n"))
                if value is not None and value > 0:
                    unit = _UNITS.get(m.group("unit"))
                    why = _("a count: check the unit and that it is a target") if unit else _(
                        "a count of '{unit}', a unit the plan language does not have: written without a unit; check "
                        "that it is a target").format(unit=m.group("unit"))
                    if not unit and not named and self.phase is None:
                        why = f"{why}; " + _("the line names no year: the plan's last year is taken")
                    why = f"{why}; {rate}" if rate else why
                    out.append(Target(phase, value, ">=", False, None, where, why, unit=unit))
        return out

    def phase_for(self, year: int) -> str | int:
        for p in self.ctx.draft.phases:
            if p.end == year:
                return p.id
        return year


def _lead_figure(ob: _Objectives, z) -> None:
    """"Trong giai đoạn 2026 - 2030, Đảm bảo xây dựng trạm BTS 5G đạt 100% và …, cụ thể như sau:" under the tasks:
    the words up to the figure are an objective with a target in the period's last year, with a review, when that
    year is the plan's or a phase's last; the line is also kept as it is (its lead-in is not placed)."""
    d = ob.ctx.draft
    end = int(re.findall(r"\d{4}", z.line.text)[1])
    if not (d.period is not None and d.period.value[1] == end or any(p.end == end for p in d.phases)):
        return
    cut = z.line.text[:_PCT.search(z.line.text).end()]
    saved, ob.phase = ob.phase, ob.phase_for(end)
    ob.item(cut, z.line.where, z.line.ocr)
    ob.phase = saved
    why = _("a figure in a lead-in under the tasks: check that it is a target")
    for t in (t for o in d.objectives for t in o.targets if t.where == z.line.where):
        t.review = f"{t.review}; {why}" if t.review else why


def extract_objectives(ctx: Context) -> None:
    d = ctx.draft
    ob = _Objectives(ctx)
    texts = [z.line.text for z in ctx.zoned]
    wheres = [z.line.where for z in ctx.zoned]
    in_table: set[int] = set()
    for i, z in enumerate(ctx.zoned):
        text = z.line.text
        if i in in_table:
            continue
        if z.zone in ("general", "purpose", "specific", "objectives") and (
                table := read_table(texts, wheres, i) or read_pipe_table(texts, wheres, i)) is not None:
            in_table.update(table.lines)
            ctx.place(*(ctx.zoned[x] for x in table.lines if x not in table.unread))
            add_table(ob, table, z.line.ocr)
            continue
        if z.zone in ("general", "purpose", "specific", "objectives", "appendix") and (
                matrix := read_matrix(texts, wheres, i)) is not None:
            in_table.update(matrix.lines)
            ctx.place(*(ctx.zoned[x] for x in matrix.lines if x not in matrix.unread))
            add_matrix(ob, matrix, z.line.ocr)
            continue
        if z.zone in ("general", "purpose"):
            if z.line.no in ctx.placed or re.fullmatch(r"\d{1,3}", text.strip()):
                continue  # read already (a signature stamp's number and day), or a page number: kept as a comment
            ctx.place(z)
            rest = z.rest if z.style else text
            low = rest.lower().strip(" :.")
            if low in ("mục tiêu chung", "mục tiêu tổng quát", "mục đích", "mục tiêu", "yêu cầu") or (z.style in ("roman",) and rest.isupper()):
                continue
            label = _NUMBERED.match(rest)
            if label:
                # "Mục tiêu 1: …" / "Chỉ tiêu 2: …" with no "Mục tiêu cụ thể" heading above: specific objectives.
                ob.item(label.group(1), z.line.where, z.line.ocr)
                continue
            # "Mục tiêu chung của Kế hoạch là: …" opens the line; "… các mục tiêu chung của Quyết định số 23, đó
            # là:" inside a paragraph is the paragraph's own wording, kept whole.
            m = re.search(r"mục tiêu chung\b[^:]*?(?:(?:đó là|là)\s*:?|:)\s*(.*)$", rest, re.IGNORECASE)
            if m and m.start() <= 12 and re.search(r"\w", m.group(1)):
                rest = m.group(1)
            lab = re.match(r"^(Mục đích|Yêu cầu)\s*:\s*(.*)$", rest)
            if lab:
                if not lab.group(2):
                    continue
                rest = (lab.group(2) if lab.group(1) == "Mục đích" else f"{lab.group(1)}: {lab.group(2)}")
            if rest:
                d.general.append(Val(rest[0].upper() + rest[1:], z.line.where,
                                     _("read by OCR") if z.line.ocr else None))
        elif z.zone == "lead_figure":
            _lead_figure(ob, z)
        elif z.zone == "tasks":
            for year, sentence in figure_sentences(z.rest if z.style else text):
                saved, ob.phase = ob.phase, ob.phase_for(year)
                ob.item(sentence, z.line.where, z.line.ocr)
                ob.phase = saved
                why = _("a figure inside a task (the task is kept): check that it is a target")
                for t in (t for o in d.objectives for t in o.targets if t.where == z.line.where):
                    t.review = t.review if t.review and why in t.review else f"{t.review}; {why}" if t.review else why
        elif z.zone in ("specific", "objectives"):
            rest = z.rest if z.style else re.sub(r"^\(\d{1,2}\)\s+(?=\S)", "", text)  # "(1) 100% số người …"
            low = rest.lower().strip(" :.")
            if z.style == "roman" or re.fullmatch(r"(?:các )?(?:mục tiêu|chỉ tiêu)(?: cụ thể| chủ yếu| phát triển)?", low):
                ctx.place(z)
                continue
            if school_years.read_line(ob, z, rest):  # "… đến năm học 2020-2021", "Năm học 2018-2019: … 100% …"
                continue
            head = re.match(r"^(?:Các\s+)?(?:Mục tiêu cụ thể|Mục tiêu)([^:]*):\s*(.*)$", rest, re.IGNORECASE)
            if head:
                ctx.place(z)
                ob.set_phase(head.group(1), z.line.where)
                if head.group(2):
                    ob.item(head.group(2), z.line.where, z.line.ocr)
                continue
            if z.style in ("letter", "num1", "num2", None) and len(rest) < 90 and _PHASE_HEAD.search(rest) and \
                    not re.search(r"\d\s*%", rest):
                if ob.set_phase(rest, z.line.where):
                    ctx.place(z)
                    if _says_more(rest):  # "Đến năm 2025, Việt Nam thuộc nhóm: 70 nước …": a level too
                        ob.item(rest, z.line.where, z.line.ocr)
                    continue
                if not re.search(r"\d", _YEAR.sub("", rest)):
                    ob.unsure()  # a heading with years, not understood: kept as a comment
                    continue
            if re.match(r"^(?:các\s+)?mục tiêu cụ thể", low):
                ctx.place(z)
                continue
            ctx.place(z)
            ob.item(rest, z.line.where, z.line.ocr)
    maintained(ctx)
