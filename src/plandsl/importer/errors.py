"""The one error the importer raises: a document it cannot read, with a plain message."""

from __future__ import annotations


class ImportFailure(Exception):
    """A document that cannot be imported. ``str(exc)`` is the message for the planner."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if not self.hint:
            return self.message
        from plandsl.core.i18n import _

        return self.message + "\n  " + _("hint: {hint}").format(hint=self.hint)
