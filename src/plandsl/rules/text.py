"""TX: damaged text in any string of a plan (placeholder, filled below)."""

from __future__ import annotations

import re

from plandsl.model import Span


_SOURCES: list = [None, {}]


def sources(ctx) -> dict[str, str]:
    """Spec text by path for the spec set being checked (cached for the last set)."""
    if _SOURCES[0] is not ctx.specs:
        _SOURCES[0], _SOURCES[1] = ctx.specs, ctx.specs.sources()
    return _SOURCES[1]


def locate(ctx, span: Span | None, pattern: str | re.Pattern, group: int = 0) -> Span | None:
    """Narrow ``span`` to the first match of ``pattern`` inside the source text it covers.

    Model nodes such as objectives and tasks keep the span of their whole
    block; this finds the line and column of one string or clause inside it.
    Returns ``span`` unchanged when the source is not available or nothing matches.
    """
    if span is None:
        return None
    text = sources(ctx).get(span.path) if ctx is not None else None
    if text is None:
        return span
    lines = text.split("\n")
    if not (0 < span.line <= len(lines)):
        return span
    start = sum(len(l) + 1 for l in lines[: span.line - 1]) + span.col - 1
    end_line = min(span.end_line, len(lines))
    end = sum(len(l) + 1 for l in lines[: end_line - 1]) + span.end_col - 1
    if end <= start:
        end = len(text)
    rx = re.compile(pattern) if isinstance(pattern, str) else pattern
    mt = rx.search(text, start, end)
    if mt is None:
        return span
    a, b = mt.span(group)
    la = text.count("\n", 0, a) + 1
    ca = a - (text.rfind("\n", 0, a) + 1) + 1
    lb = text.count("\n", 0, b) + 1
    cb = b - (text.rfind("\n", 0, b) + 1) + 1
    return Span(span.path, la, ca, lb, cb)
