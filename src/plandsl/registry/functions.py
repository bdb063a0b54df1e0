"""Successors of a defunct agency by function: where each part of its mandate went.

From 2025-03-01 the mandate of Bộ / Sở Lao động - Thương binh và Xã hội was split:
labour and employment to Nội vụ, poverty reduction to Nông nghiệp và Môi trường,
drug-addiction treatment to Công an, social protection, children and social-evils
prevention to Y tế, vocational education to Giáo dục và Đào tạo (at district level:
Phòng Y tế and Phòng Giáo dục và Đào tạo). A task on children therefore goes to
Sở Y tế, not to the main successor Sở Nội vụ. The data is the ``by_function``
field of ``agencies.yaml``; each entry names its instrument and source.

    >>> from datetime import date
    >>> succ = successors_by_function("Sở Lao động - Thương binh và Xã hội", date(2025, 6, 1))
    >>> succ["children"].name, succ["labour-employment"].name
    ('Sở Y tế', 'Sở Nội vụ')
    >>> function_of("Chăm sóc trẻ em có hoàn cảnh đặc biệt")
    'children'
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from plandsl.core.records import frozen
from plandsl.language.model import Level
from plandsl.registry.normalize import fold_case


@frozen
class Function:
    code: str
    vi: str
    en: str
    # Folded phrases that mark a task's text as belonging to the function (first match wins, in FUNCTIONS order).
    keywords: tuple[str, ...]


# Order matters for function_of: the more specific functions first.
FUNCTIONS: tuple[Function, ...] = (
    Function("drug-treatment", "cai nghiện ma túy, quản lý sau cai nghiện", "drug-addiction treatment",
             ("cai nghiện", "ma túy", "sau cai")),
    Function("social-evils", "phòng, chống tệ nạn xã hội", "prevention of social evils",
             ("tệ nạn", "mại dâm")),
    Function("children", "trẻ em", "children", ("trẻ em", "trẻ mồ côi", "quyền trẻ")),
    Function("vocational-education", "giáo dục nghề nghiệp", "vocational education",
             ("giáo dục nghề nghiệp", "dạy nghề", "đào tạo nghề", "học nghề", "cao đẳng nghề", "trung cấp nghề")),
    Function("poverty-reduction", "giảm nghèo", "poverty reduction", ("giảm nghèo", "thoát nghèo", "hộ nghèo")),
    Function("social-protection", "bảo trợ xã hội, trợ giúp xã hội, công tác xã hội", "social protection",
             ("bảo trợ xã hội", "trợ giúp xã hội", "công tác xã hội", "trợ cấp xã hội", "người cao tuổi",
              "người khuyết tật")),
    Function("labour-employment", "lao động, việc làm, người có công", "labour and employment",
             ("việc làm", "lao động", "tiền lương", "người có công", "bình đẳng giới", "an toàn vệ sinh lao động")),
)
FUNCTION_CODES = tuple(f.code for f in FUNCTIONS)


@frozen
class FunctionSuccessor:
    """Where one function of a defunct agency went, as in force on the date asked."""

    function: str
    id: str  # agency type id of the successor in force on the date (after following its own successors)
    name: str  # its name at the agency's level
    date: dt.date  # when the function moved
    instrument: str | None
    verified: bool
    source: str | None = None
    # True when the type names no successor for this function: the main successor is given.
    by_default: bool = False
    # The first successor, when it was itself succeeded before the date asked (e.g. Phòng Y tế after 2025-07-01).
    via: str | None = None


@cache
def _by_function() -> dict[str, tuple[dict, ...]]:
    from plandsl.registry import _yamlcache
    from plandsl.registry.agencies import AGENCIES_YAML

    raw = _yamlcache.load(AGENCIES_YAML)
    return {t["id"]: tuple(t.get("by_function", ())) for t in raw["types"]}


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def successors_by_function(agency: str, on_date: dt.date, level: Level | str | None = None
                           ) -> dict[str, FunctionSuccessor]:
    """``{function code: successor}`` for an agency (a name or a type id) on ``on_date``.

    Empty when the agency is unknown, or had not been succeeded on that date. Otherwise every
    function in FUNCTION_CODES has an entry: the successor the registry names for it, else the
    agency's main successor (``by_default=True``). A successor that was itself succeeded by
    ``on_date`` is followed (``via`` keeps the first one).
    """
    from plandsl.registry.agencies import AgencyRegistry

    reg = AgencyRegistry.load()
    if isinstance(level, str):
        level = Level.lookup(level)
    t = reg.get(agency)
    if t is None:
        found = reg.resolve(agency, level)
        if found is None:
            return {}
        t, written_level = found
        level = level or written_level
    if t.successor is None or on_date < t.successor.date:
        return {}
    level = level if level is not None and t.has_level(level) else t.levels[0]
    entries = {e["function"]: e for e in _by_function().get(t.id, ())}
    out: dict[str, FunctionSuccessor] = {}
    for code in FUNCTION_CODES:
        e = entries.get(code)
        if e is not None and _as_date(e["date"]) <= on_date:
            first, when, inst, ok, src, default = e["id"], _as_date(e["date"]), e.get("instrument"), \
                bool(e.get("verified")), e.get("source"), False
        else:
            s = t.successor
            first, when, inst, ok, src, default = s.id, s.date, s.instrument, bool(s.verified), None, True
        current, via = _follow(reg, first, on_date)
        ct = reg.get(current)
        name = ct.name_at(level if ct is not None and ct.has_level(level) else None) if ct is not None else current
        out[code] = FunctionSuccessor(code, current, name, when, inst, ok, src, default,
                                      via=first if via else None)
    return out


def _follow(reg, type_id: str, on_date: dt.date) -> tuple[str, bool]:
    """The type in force on ``on_date`` following successors from ``type_id``; (id, whether it moved)."""
    current, moved, seen = type_id, False, set()
    while current not in seen:
        seen.add(current)
        t = reg.get(current)
        if t is None or t.successor is None or on_date < t.successor.date:
            break
        current, moved = t.successor.id, True
    return current, moved


def function_of(text: str) -> str | None:
    """The function a task's text belongs to (a FUNCTION_CODES value), by its wording; None if unclear."""
    folded = fold_case(text)
    for f in FUNCTIONS:
        if any(re.search(r"(?<!\w)" + re.escape(fold_case(k)) + r"(?!\w)", folded) for k in f.keywords):
            return f.code
    return None


# The name of the split body itself must not count as a mention of "lao động".
_OWN_NAMES = re.compile(r"lao\s*động\s*-?\s*thương\s*binh(\s*(và|&)\s*xã\s*hội)?|lđ\s*-?\s*tb\s*&?\s*xh|lđtbxh")


def function_scores(text: str) -> dict[str, int]:
    """How often each function's keywords occur in ``text`` (the names of Bộ/Sở/Phòng Lao động -
    Thương binh và Xã hội themselves not counted), for texts longer than a task: a duty, a programme."""
    folded = _OWN_NAMES.sub(" ", fold_case(text))
    found: dict[str, int] = {}
    for f in FUNCTIONS:
        n = sum(len(re.findall(r"(?<!\w)" + re.escape(fold_case(k)) + r"(?!\w)", folded)) for k in f.keywords)
        if n:
            found[f.code] = n
    return found


def successor_for_task(agency: str, task_text: str, on_date: dt.date,
                       level: Level | str | None = None) -> FunctionSuccessor | None:
    """The successor of ``agency`` for a task worded ``task_text`` on ``on_date``: by the task's function
    when the wording tells it, else the main successor (``by_default``); None when not succeeded."""
    found = successors_by_function(agency, on_date, level)
    if not found:
        return None
    code = function_of(task_text)
    if code is not None:
        return found[code]
    defaults = [s for s in found.values() if s.by_default]
    return defaults[0] if defaults else found["labour-employment"]
