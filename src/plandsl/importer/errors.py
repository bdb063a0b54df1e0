"""The one error the importer raises: a document it cannot read, with a plain message."""

from __future__ import annotations


class ImportFailure(Exception):
    """A document that cannot be imported. ``str(exc)`` is the message for the planner."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n  hint: {self.hint}"
