"""What the extractors find, before it is written as a spec: each field keeps the place in the
document it came from and, when the importer is unsure, why a person should review it."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from attrs import field

from plandsl.core.records import define


@define
class Val:
    value: object
    where: str
    review: str | None = None


@define
class DocRef:
    text: str
    number: str | None
    date: dt.date | None
    where: str
    by: str | None = None
    review: str | None = None


@define
class Instrument:
    number: str
    date: dt.date
    where: str
    review: str | None = None


@define
class Proposal:
    number: str
    date: dt.date
    by: str
    where: str


@define
class Approval:
    text: str
    by: str | None
    where: str
    number: str | None = None
    date: object = None
    header: object = None  # the approving instrument's own Draft (place, signature, proposal) when printed with the plan


@define
class Target:
    phase: str | int
    value: Decimal
    comparator: str | None
    percent: bool
    base_year: int | None
    where: str
    review: str | None = None
    unit: str | None = None
    maintain: bool = False
    through: int | None = None


@define
class Objective:
    id: str
    text: str
    where: str
    targets: list[Target] = field(factory=list)
    indicator: str | None = None
    unit: str | None = None
    direction: str | None = None
    reviews: list[str] = field(factory=list)
    matched: str | None = None  # the parent objective's id


@define
class Task:
    id: str
    text: str
    where: str
    leads: list[str] = field(factory=list)
    supports: list[str] = field(factory=list)
    due: object = None
    subtasks: list["Task"] = field(factory=list)
    reviews: list[str] = field(factory=list)
    notes: list[str] = field(factory=list)  # the document's words on the task, written as comments ("Nội dung: …")


@define
class Responsibility:
    agency: str
    request: bool
    where: str
    texts: list[str] = field(factory=list)
    lead_tasks: list[str] = field(factory=list)
    support_tasks: list[str] = field(factory=list)
    review: str | None = None


@define
class Funding:
    source: str
    where: str
    amount: Decimal | None = None
    texts: list[str] = field(factory=list)
    review: str | None = None


@define
class Quantity:
    id: str
    text: str
    total: Decimal
    years: int
    average: Decimal | None
    where: str


@define
class Report:
    cycle: str  # model.Cycle value name: semiannual, annual, ...
    where: str
    day: int | None = None
    month: int | None = None
    to: str | None = None


@define
class Phase:
    id: str
    start: int
    end: int
    label: str
    where: str


@define
class Draft:
    kind: Val | None = None
    title: Val | None = None
    level: Val | None = None
    jurisdiction: Val | None = None
    code: str | None = None
    letterhead: Val | None = None
    issuer: Val | None = None
    authority: Val | None = None
    instrument: Instrument | None = None
    unread_number: Val | None = None  # a "Số:" line whose number OCR garbled ("Số: 5đ /KH-…"): no instrument
    unread_date: Val | None = None  # the plan's date line with its date garbled ("ngày 20 tháng! năm 2020")
    place: Val | None = None
    signer: Val | None = None
    signatory: Val | None = None
    proposal: Proposal | None = None
    approval: Approval | None = None
    decision_title: str | None = None
    bases: list[DocRef] = field(factory=list)
    implementing: list[DocRef] = field(factory=list)
    period: Val | None = None
    vision: Val | None = None
    phases: list[Phase] = field(factory=list)
    parents: list[str] = field(factory=list)
    partial: str | None = None
    general: list[Val] = field(factory=list)
    objectives: list[Objective] = field(factory=list)
    tasks: list[Task] = field(factory=list)
    responsibilities: list[Responsibility] = field(factory=list)
    fundings: list[Funding] = field(factory=list)
    quantities: list[Quantity] = field(factory=list)
    reports: list[Report] = field(factory=list)
    recipients: Val | None = None
    notes: list[str] = field(factory=list)  # plan-level review notes (shown at the top)
    stamps: list[str] = field(factory=list)  # incoming-document stamps that were ignored
    unplaced: list[tuple[str, str]] = field(factory=list)  # (where, text)
    ocr: bool = False


def next_id(prefix: str, items: list) -> str:
    """The id of one more of ``items`` (objectives "o…", tasks "t…"): ``prefix`` and the first number from one past
    their count that none of them has (an extractor that adds an item after others numbered theirs)."""
    taken = {item.id for item in items}
    return next(f"{prefix}{k}" for k in itertools.count(len(items) + 1) if f"{prefix}{k}" not in taken)
