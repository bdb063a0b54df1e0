"""A progress bar for long checks: rich, on stderr, only when stderr is a terminal.

Piped or redirected output gets nothing extra, so `plandsl check … > report.txt` and
`--format json | jq` see exactly the findings.
"""

from __future__ import annotations

import sys

from plandsl.core.i18n import _

MIN_PLANS = 200  # below this a check is quick enough not to need a bar


class CheckProgress:
    """``(done, total)`` callback for ``Engine.check``; a context manager that removes the bar at the end."""

    def __init__(self, stream=None, minimum: int = MIN_PLANS, force_terminal: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.minimum = minimum
        terminal = force_terminal if force_terminal is not None else (
            hasattr(self.stream, "isatty") and self.stream.isatty())
        self.enabled = bool(terminal)
        self.force_terminal = force_terminal
        self.bar = None
        self.task = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < self.minimum:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            console = Console(file=self.stream, force_terminal=self.force_terminal)
            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=console, transient=True, auto_refresh=False)
            self.bar.start()
            self.task = self.bar.add_task(_("Checking plans"), total=total)
        self.bar.update(self.task, completed=done)
        self.bar.refresh()

    def __enter__(self) -> "CheckProgress":
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
