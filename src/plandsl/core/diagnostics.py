"""Diagnostics: plain frozen values produced by every stage.

A diagnostic has a rule code (``PRS001``, ``AM001`` ...), a severity, the span
it points at, a message in plain words, an optional fix hint and related spans
(for instance the parent target a child target is weaker than).
"""

from __future__ import annotations

import enum
from typing import Iterable

from attrs import field

from plandsl.core.records import frozen
from plandsl.core.span import Span


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, word: str) -> "Severity | None":
        word = word.strip().lower()
        aliases = {"warn": "warning", "err": "error", "note": "info"}
        word = aliases.get(word, word)
        return next((s for s in cls if s.label == word), None)


@frozen
class Related:
    span: Span
    message: str


@frozen
class Diagnostic:
    code: str
    severity: Severity
    message: str
    span: Span | None = None
    hint: str | None = None
    related: tuple[Related, ...] = ()
    # The rule name, e.g. "ambition.weaker-target"; informative only.
    name: str = field(default="", eq=False)
    # What the finding is about inside its plan (an objective or task id), for `allow CODE on ID`.
    subject: str | None = field(default=None, eq=False)

    def sort_key(self) -> tuple:
        s = self.span
        return (s.path, s.line, s.col, self.code) if s else ("", 0, 0, self.code)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=Diagnostic.sort_key)
