"""Where something is in a spec file. Shared by the model and every diagnostic."""

from __future__ import annotations

from plandsl.core.records import frozen


@frozen
class Span:
    """A location in a spec file: 1-based line and column, end exclusive."""

    path: str
    line: int
    col: int
    end_line: int
    end_col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"
