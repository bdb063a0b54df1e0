"""Frozen results of a migration: each change, each point left for review, each plan's outcome."""

from __future__ import annotations

import datetime as dt

from plandsl.core.diagnostics import Diagnostic
from plandsl.core.records import frozen
from plandsl.core.span import Span
from plandsl.language.model import Plan

# Kinds of change, as the report names them.
AGENCY = "agency"
UNIT = "unit"
ISSUER = "issuer"
TITLE = "title"
PARENT = "parent"
BASIS = "basis"
INSTRUMENT = "instrument"
TARGET = "target"
MERGE = "merge"
LEVEL = "level"

# Where a review comment goes in the written spec.
PLAN_KEY = ("plan",)


def task_key(task_id: str) -> tuple:
    return ("task", task_id)


def objective_key(objective_id: str) -> tuple:
    return ("objective", objective_id)


def target_key(objective_id: str, phase: str | int) -> tuple:
    return ("target", objective_id, str(phase))


def responsibility_key(agency: str) -> tuple:
    return ("responsibility", agency)


@frozen
class Change:
    kind: str
    old: str
    new: str
    where: Span | None = None
    instrument: str | None = None
    note: str | None = None

    def to_dict(self) -> dict:
        return {"kind": self.kind, "old": self.old, "new": self.new,
                "where": str(self.where) if self.where else None, "instrument": self.instrument, "note": self.note}


@frozen
class Review:
    """A point the migration could not decide; written as ``# review:`` at ``key``."""

    key: tuple
    message: str
    where: Span | None = None

    def to_dict(self) -> dict:
        return {"message": self.message, "where": str(self.where) if self.where else None}


# Outcomes of one input plan.
MIGRATED = "migrated"  # a new draft replaces it
UNCHANGED = "unchanged"  # in force and already on the new map: copied as it is
MERGED = "merged"  # folded with other old provinces' plans into one draft
SPLIT = "split"  # a district plan split into commune drafts
FOLDED = "folded"  # a district plan folded into its province's plan
NEEDS_DECISION = "needs_decision"  # a district plan: choose --districts split or fold
NOT_IN_FORCE = "not_in_force"  # ended before the date: left alone
CENTRAL = "central"  # a national or ministry plan: copied, its issuer re-bases it
FAILED = "failed"  # could not be read or resolved: no output


@frozen
class Draft:
    """One spec to write: the plan, where it goes, what changed and what to review."""

    plan: Plan
    sources: tuple[str, ...]  # the old plan ids it comes from
    changes: tuple[Change, ...] = ()
    reviews: tuple[Review, ...] = ()
    relpath: str = ""
    text: str | None = None  # the formatted spec, once printed
    # Drafts of one family (the commune drafts of one district) differ only in the header fields
    # id, title, jurisdiction, code and issuer; the writer prints the family once.
    family: str | None = None


@frozen
class Outcome:
    plan_id: str
    path: str
    status: str
    drafts: tuple[str, ...] = ()  # ids of the drafts made from it
    message: str | None = None
    diagnostics: tuple[Diagnostic, ...] = ()


@frozen
class Migration:
    on: dt.date
    outcomes: tuple[Outcome, ...]
    drafts: tuple[Draft, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
