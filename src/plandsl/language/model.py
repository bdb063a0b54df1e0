"""The spec model: frozen attrs classes produced by the parser.

Every node carries a ``span`` (where it was written). Spans are kept out of
equality and hashing, so two specs that say the same thing compare equal
wherever they were written. Never mutate a model; use ``attrs.evolve``.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any, Callable

import attrs
from attrs import field

from plandsl.core.records import frozen
from plandsl.core.span import Span  # re-exported: the model's location type

NO_SPAN = Span("<unknown>", 0, 0, 0, 0)


def maker(cls: type, order: str) -> Callable[..., Any]:
    """A function that builds an instance of the frozen attrs class ``cls`` from the values of all its
    fields, positionally in the order of ``attrs.fields(cls)`` (keyword-only ones too, ``span`` last),
    which must be ``order`` (the field names, separated by spaces: the order the caller passes them in,
    so that a field added or moved in the class fails at import instead of shifting the values),
    in about half the time of ``cls(...)``: the ``__init__`` attrs writes for a frozen class sets every
    slot through ``object.__setattr__`` by name; this one sets them by their slot descriptors. The same
    object, for a class without converters, validators or post-init (checked). The fast parser builds
    some 180 objects per commune with these (tests/test_fastparse.py compares them with Lark's)."""
    fields = attrs.fields(cls)
    names = [f.name for f in fields]
    if names != order.split():
        raise TypeError(f"{cls.__name__}'s fields are now {' '.join(names)}: update the positional calls")
    if any(f.converter or f.validator for f in fields) or hasattr(cls, "__attrs_post_init__") \
            or set(getattr(cls, "__slots__", ())) - {"__weakref__"} != set(names):  # e.g. a cached hash's slot
        raise TypeError(f"{cls.__name__} converts, validates or has other slots: build it with its own __init__")
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    scope.update({f"_set_{name}": cls.__dict__[name].__set__ for name in names})
    sets = "".join(f"    _set_{name}(self, {name})\n" for name in names)
    # The same technique as attrs' own generated __init__: the source is made from the field names only.
    exec(f"def make_{cls.__name__}({', '.join(names)}):\n    self = _new(_cls)\n{sets}    return self\n", scope)
    return scope[f"make_{cls.__name__}"]


def _span() -> attrs.Attribute:
    return field(default=NO_SPAN, eq=False, repr=False, kw_only=True)


class Level(enum.Enum):
    """Administrative level of a plan, ordered from the top of the chain."""

    NATIONAL = ("national", "quốc_gia", 0)
    MINISTRY = ("ministry", "bộ", 1)
    PROVINCE = ("province", "tỉnh", 2)
    DISTRICT = ("district", "huyện", 3)
    COMMUNE = ("commune", "xã", 4)

    def __init__(self, en: str, vi: str, rank: int) -> None:
        self.en = en
        self.vi = vi
        self.rank = rank

    @classmethod
    def lookup(cls, word: str) -> "Level | None":
        return _SPELLINGS[cls].get(word)


class Direction(enum.Enum):
    """Which way an indicator improves."""

    UP = ("up", "tăng")
    DOWN = ("down", "giảm")

    def __init__(self, en: str, vi: str) -> None:
        self.en = en
        self.vi = vi

    @classmethod
    def lookup(cls, word: str) -> "Direction | None":
        return _SPELLINGS[cls].get(word)


class Unit(enum.Enum):
    """Unit of an indicator."""

    PERCENT = ("percent", "phần_trăm", "%")
    PEOPLE = ("people", "người", "người")
    FACILITIES = ("facilities", "cơ_sở", "cơ sở")
    MODELS = ("models", "mô_hình", "mô hình")
    VND = ("vnd", "đồng", "đồng")
    COUNT = ("count", "lượt", "lượt")

    def __init__(self, en: str, vi: str, symbol: str) -> None:
        self.en = en
        self.vi = vi
        self.symbol = symbol

    @classmethod
    def lookup(cls, word: str) -> "Unit | None":
        if word == "%":
            return cls.PERCENT
        return _SPELLINGS[cls].get(word)


class Comparator(enum.Enum):
    AT_LEAST = ">="
    AT_MOST = "<="
    EXACTLY = "="


class Cycle(enum.Enum):
    """Reporting cycles used in Vietnamese plans."""

    MONTHLY = ("monthly", "hằng_tháng")
    QUARTERLY = ("quarterly", "hằng_quý")
    SEMIANNUAL = ("semiannual", "sáu_tháng")
    ANNUAL = ("annual", "hằng_năm")
    MIDTERM = ("midterm", "giữa_kỳ")
    FINAL = ("final", "tổng_kết")
    AD_HOC = ("ad_hoc", "đột_xuất")

    def __init__(self, en: str, vi: str) -> None:
        self.en = en
        self.vi = vi

    @classmethod
    def lookup(cls, word: str) -> "Cycle | None":
        return _SPELLINGS[cls].get(word)


class Aggregation(enum.Enum):
    """How an indicator combines across units (communes into a district, provinces into the country)."""

    SUM = ("sum", "cộng")
    SHARE = ("share", "tỷ_lệ")
    MEAN = ("mean", "trung_bình")
    NONE = ("none", "không")

    def __init__(self, en: str, vi: str) -> None:
        self.en = en
        self.vi = vi

    @classmethod
    def lookup(cls, word: str) -> "Aggregation | None":
        return _SPELLINGS[cls].get(word)


def _spellings(cls: type[enum.Enum]) -> dict[str, enum.Enum]:
    """Each spelling (English, Vietnamese) of an enumeration's members → the first member spelt so."""
    out: dict[str, enum.Enum] = {}
    for member in cls:
        out.setdefault(member.en, member)  # type: ignore[attr-defined]
        out.setdefault(member.vi, member)  # type: ignore[attr-defined]
    return out


# What the classes' ``lookup`` reads: a dict instead of a walk over the members (the parser looks up
# some 13 words per commune).
_SPELLINGS = {cls: _spellings(cls) for cls in (Level, Direction, Unit, Cycle, Aggregation)}


class Mode(enum.Enum):
    """How a plan engages an agency: assigned (giao) or requested (đề nghị)."""

    ASSIGN = "assign"
    REQUEST = "request"


@frozen
class Text:
    value: str
    span: Span = _span()


@frozen
class Proposal:
    """The submission (Tờ trình) that proposed the decision."""

    number: str
    date: dt.date
    by: str
    span: Span = _span()


@frozen
class Instrument:
    """The issuing instrument: number and symbol, date, signature block."""

    number: str
    date: dt.date
    place: str | None = None
    signer: str | None = None
    signatory: str | None = None
    proposal: Proposal | None = None
    span: Span = _span()


@frozen
class Basis:
    """A legal basis (căn cứ)."""

    text: str
    number: str | None = None
    date: dt.date | None = None
    span: Span = _span()


@frozen
class DocRef:
    """A document the plan implements ("Thực hiện Quyết định số …"), as opposed to a legal basis."""

    text: str
    number: str | None = None
    date: dt.date | None = None
    by: str | None = None
    span: Span = _span()


@frozen
class Approval:
    """The instrument that approved a plan issued by another body (a Sở's plan approved by a UBND decision)."""

    text: str
    number: str | None = None
    date: dt.date | None = None
    by: str | None = None
    place: str | None = None
    signer: str | None = None
    signatory: str | None = None
    proposal: Proposal | None = None
    span: Span = _span()


@frozen
class Amendment:
    """This plan amends (``replaces=False``) or replaces another plan, or one phase of it."""

    plan_id: str
    replaces: bool = False
    phase: str | int | None = None
    note: str | None = None
    span: Span = _span()


@frozen
class NoTarget:
    """The plan deliberately sets no figure for an objective in a phase (or a year)."""

    objective_id: str
    phase: str | int
    reason: str
    span: Span = _span()


_COLLECTIVE_HEADS = ("ỦY BAN", "UỶ BAN", "HỘI ĐỒNG", "CHÍNH PHỦ", "UBND")


def is_collective(authority: str | None) -> bool:
    """Whether an issuing authority is a collective body (signs "TM. …") rather than a person.

    "ỦY BAN NHÂN DÂN TỈNH …" is collective; "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "BỘ TRƯỞNG …", "GIÁM ĐỐC SỞ …"
    are individuals, who sign "KT." or in their own name without "TM.". No authority: None is treated as
    collective, as the UBND's decisions are by default.
    """
    import unicodedata

    if authority is None:
        return True
    head = unicodedata.normalize("NFC", authority).strip().upper()
    return head.startswith(_COLLECTIVE_HEADS)


@frozen
class Phase:
    id: str
    start: int
    end: int
    label: str | None = None
    span: Span = _span()


@frozen
class ParentRef:
    plan_id: str
    span: Span = _span()


@frozen
class Target:
    """A target for one phase (by phase id) or one year.

    Absolute: ``value`` is the level to reach. Relative: ``value`` is the
    signed change in percent against ``base_year``.
    """

    phase: str | int
    value: Decimal
    comparator: Comparator | None = None
    percent: bool = False
    base_year: int | None = None
    # A maintained target (``maintain``): held every year of the phase, or of ``phase``..``through`` years.
    maintain: bool = False
    through: int | None = None
    span: Span = _span()

    @property
    def relative(self) -> bool:
        return self.base_year is not None


@frozen
class Objective:
    id: str
    text: str | None = None
    indicator: str | None = None
    unit: Unit | None = None
    direction: Direction | None = None
    baseline_year: int | None = None
    baseline_value: Decimal | None = None
    targets: tuple[Target, ...] = ()
    aggregation: Aggregation | None = None
    # Why this objective cannot be compared with the parent's objective of the same id.
    not_comparable: str | None = None
    span: Span = _span()


@frozen
class Adoption:
    objective_id: str
    span: Span = _span()


@frozen
class Waiver:
    objective_id: str
    reason: str | None = None
    span: Span = _span()


@frozen
class AgencyRef:
    name: str
    span: Span = _span()


@frozen
class Task:
    id: str
    text: str | None = None
    leads: tuple[AgencyRef, ...] = ()
    supports: tuple[AgencyRef, ...] = ()
    due: dt.date | int | str | None = None
    serves: tuple[str, ...] = ()
    subtasks: tuple["Task", ...] = ()
    span: Span = _span()


@frozen
class Responsibility:
    agency: AgencyRef
    mode: Mode
    duties: tuple[Text, ...] = ()
    # Task ids the agency leads (chủ trì) or supports (phối hợp), and a marker that a person must check them.
    lead_tasks: tuple[str, ...] = ()
    support_tasks: tuple[str, ...] = ()
    review: str | None = None
    span: Span = _span()


@frozen
class Funding:
    source: str
    amount: Decimal | None = None
    details: tuple[Text, ...] = ()
    span: Span = _span()


@frozen
class Quantity:
    """A stated total with its yearly average, e.g. 100 people over 10 years."""

    id: str
    text: str
    total: Decimal
    years: Decimal
    average: Decimal | None = None
    span: Span = _span()


@frozen
class Report:
    """A reporting duty; ``day``/``month`` is the deadline, absent for mid-term, final or ad-hoc reports."""

    cycle: Cycle
    day: int | None = None
    month: int | None = None
    to: AgencyRef | None = None
    span: Span = _span()


@frozen
class Allow:
    """A recorded, justified deviation from a rule."""

    code: str
    on: str | None = None
    reason: str | None = None
    span: Span = _span()


@frozen
class Plan:
    id: str
    lang: str = "en"
    kind: str | None = None
    title: str | None = None
    level: Level | None = None
    jurisdiction: str | None = None
    jurisdiction_code: str | None = None
    issuer: str | None = None
    instrument: Instrument | None = None
    recipients: tuple[str, ...] = ()
    bases: tuple[Basis, ...] = ()
    letterhead: tuple[str, ...] = ()
    authority: str | None = None
    approval: Approval | None = None
    implementing: tuple[DocRef, ...] = ()
    amendments: tuple[Amendment, ...] = ()
    partial: str | None = None
    no_targets: tuple[NoTarget, ...] = ()
    period: tuple[int, int] | None = None
    vision: int | None = None
    phases: tuple[Phase, ...] = ()
    parents: tuple[ParentRef, ...] = ()
    general: tuple[Text, ...] = ()
    objectives: tuple[Objective, ...] = ()
    adoptions: tuple[Adoption, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    tasks: tuple[Task, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    fundings: tuple[Funding, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    reports: tuple[Report, ...] = ()
    allows: tuple[Allow, ...] = ()
    span: Span = _span()
    # Spans of individual header fields (kind, level, period, ...), by field name.
    field_spans: dict[str, Span] = field(factory=dict, eq=False, repr=False, kw_only=True)

    def phase(self, phase_id: str) -> Phase | None:
        for p in self.phases:  # a plain loop: called for every target of every plan
            if p.id == phase_id:
                return p
        return None

    def objective(self, objective_id: str) -> Objective | None:
        for o in self.objectives:
            if o.id == objective_id:
                return o
        return None

    def span_of(self, name: str) -> Span:
        return self.field_spans.get(name, self.span)

    def all_tasks(self) -> tuple[Task, ...]:
        """Every task, sub-tasks included, depth first. Walked with a stack: a recursive inner function
        refers to itself through its closure, a cycle (holding the tasks) left for the garbage collector."""
        out: list[Task] = []
        stack = list(reversed(self.tasks))
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(reversed(t.subtasks))
        return tuple(out)
