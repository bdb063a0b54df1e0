"""Matching the extracted objectives to the parent plan's (by indicator wording, rapidfuzz),
and deriving a plan id that no given spec uses yet."""

from __future__ import annotations

import re

from plandsl.core.i18n import _
from plandsl.importer.draft import Draft
from plandsl.importer.extract.patterns import slug
from plandsl.language.model import Plan
from plandsl.language.snippets import snippet

_THRESHOLD = 62.0


def _wording(text: str) -> str:
    t = re.sub(r"\d[\d.,]*\s*%?", " ", text.lower())
    t = re.sub(r"\((?:\d{4}\s*[-–]\s*\d{4})\)", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def match_parent(d: Draft, parent: Plan, partial: bool, keywords: str = "vi") -> list[str]:
    """Give each objective the id of the parent objective it states, where the wording says so.

    Returns the parent objectives the document never mentions (never waived on its behalf).
    """
    from rapidfuzz import fuzz

    pool = {o.id: _wording(" ".join(filter(None, (o.indicator, o.text)))) for o in parent.objectives}
    pairs = []
    for i, obj in enumerate(d.objectives):
        if not obj.targets:
            continue
        mine = _wording(obj.text)
        for pid, words in pool.items():
            score = max(fuzz.token_set_ratio(mine, words), fuzz.partial_ratio(mine, words) * 0.95)
            pairs.append((score, i, pid))
    taken_obj: set[int] = set()
    taken_parent: set[str] = set()
    for score, i, pid in sorted(pairs, reverse=True):
        if score < _THRESHOLD or i in taken_obj or pid in taken_parent:
            continue
        obj = d.objectives[i]
        pobj = next(o for o in parent.objectives if o.id == pid)
        if pobj.unit is not None and pobj.unit.symbol == "%" and obj.unit not in (None, "%"):
            continue
        taken_obj.add(i)
        taken_parent.add(pid)
        obj.matched = pid
        obj.reviews.append(_("matched to {plan}'s objective '{id}' by its wording ({score}%)").format(
            plan=parent.id, id=pid, score=f"{score:.0f}"))
    used = {o.id for o in d.objectives}
    for obj in d.objectives:
        if obj.matched and obj.matched not in used - {obj.id}:
            used.discard(obj.id)
            obj.id = obj.matched
            used.add(obj.id)
    # Phases: the parent's ids where the years agree, so that targets compare at once.
    rename = {}
    for ph in d.phases:
        same = next((p for p in parent.phases if (p.start, p.end) == (ph.start, ph.end)), None)
        if same is not None and same.id != ph.id and all(p.id != same.id for p in d.phases):
            rename[ph.id] = same.id
    if rename:
        for ph in d.phases:
            ph.id = rename.get(ph.id, ph.id)
        for obj in d.objectives:
            for t in obj.targets:
                if isinstance(t.phase, str):
                    t.phase = rename.get(t.phase, t.phase)
    missing = [o.id for o in parent.objectives if o.id not in taken_parent]
    if parent.id not in d.parents:
        d.parents.append(parent.id)
    if missing and partial:
        d.partial = (f"Văn bản không nêu các mục tiêu {', '.join(missing)} của {parent.id}; "
                     "chưa mã hóa, cần rà soát")
    elif missing:
        d.notes.append(_("the document does not state {plan}'s objectives {ids}: they are not waived here; "
                         "`plandsl check` will report them (CV001) unless the spec says {partial}").format(
            plan=parent.id, ids=", ".join(missing), partial=snippet("`partial`", keywords)))
    return missing


def _number_key(number: str) -> str:
    return re.sub(r"[\s–—]+", "", number.replace("–", "-")).casefold()


def cited_specs(d: Draft, by_id: dict[str, Plan]) -> list[tuple[str, str]]:
    """(plan id, instrument number) of the loaded specs whose instrument the document cites in its
    căn cứ or "Thực hiện" lines, in the document's order; the document's own instrument excluded."""
    own = _number_key(d.instrument.number) if d.instrument is not None else None
    by_number: dict[str, list[Plan]] = {}
    for plan in by_id.values():
        if plan.instrument is not None and plan.instrument.number:
            by_number.setdefault(_number_key(plan.instrument.number), []).append(plan)
    out: list[tuple[str, str]] = []
    for ref in (*d.bases, *d.implementing):
        if not ref.number or _number_key(ref.number) == own:
            continue
        for plan in by_number.get(_number_key(ref.number), ()):
            if all(pid != plan.id for pid, _n in out):
                out.append((plan.id, plan.instrument.number))
    return out


def cites_parent(d: Draft, parent: Plan) -> bool | None:
    """Does the document cite ``parent``'s instrument? None when the document cites no numbered instrument."""
    numbers = {_number_key(r.number) for r in (*d.bases, *d.implementing) if r.number}
    if not numbers:
        return None
    return parent.instrument is not None and _number_key(parent.instrument.number) in numbers


def derive_id(d: Draft, taken: set[str]) -> str:
    """e.g. 'qng_255_2021': the unit, the instrument's number and year; unique among ``taken``."""
    unit = ""
    if d.jurisdiction is not None:
        name = re.sub(r"^(?:Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn)\s+", "", d.jurisdiction.value)
        words = slug(name).split("_")
        # The initials and the second letter of the last word: Quảng Ngãi -> qng, Lạng Sơn -> lso.
        unit = "".join(w[0] for w in words) + (words[-1][1] if len(words) > 1 and len(words[-1]) > 1 else "")
    parts = [unit or "plan"]
    if d.instrument is not None:
        parts.append(re.sub(r"\D", "", d.instrument.number.split("/")[0]) or "n")
        parts.append(str(d.instrument.date.year))
    elif d.period is not None:
        parts.append(str(d.period.value[0]))
    elif d.title is not None and re.search(r"\d{4}", d.title.value):
        parts.append(re.findall(r"\d{4}", d.title.value)[-1])
    base = "_".join(p for p in parts if p)
    base = slug(base, "plan")
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}_{n}"
        n += 1
    return candidate
