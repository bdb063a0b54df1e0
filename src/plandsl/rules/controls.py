"""TX004: control characters in the strings of a plan.

Every string of the model is visited (a generic walk over the frozen attrs
objects, so strings of fields added later are covered too), without recursion.
"""

from __future__ import annotations

import re
from typing import Iterator

import attrs

from plandsl.core.diagnostics import Severity
from plandsl.core.i18n import _
from plandsl.core.safetext import CONTROL, control_chars, describe
from plandsl.language.model import Plan, Span
from plandsl.rules.base import Rule, register
from plandsl.rules.strings import locate, source_of


def model_strings(plan: Plan) -> Iterator[tuple[str, Span]]:
    """Every string anywhere in the plan, with the span of the nearest node holding one."""
    stack: list[tuple[object, Span]] = [(plan, plan.span)]
    while stack:
        obj, span = stack.pop()
        if isinstance(obj, str):
            yield obj, span
        elif attrs.has(type(obj)):
            own = getattr(obj, "span", None)
            here = own if isinstance(own, Span) else span
            for f in reversed(attrs.fields(type(obj))):
                if f.name in ("span", "field_spans"):
                    continue
                value = getattr(obj, f.name)
                at = obj.span_of(f.name) if obj is plan else here
                stack.append((value, at))
        elif isinstance(obj, (tuple, list, frozenset, set)):
            stack.extend((v, span) for v in reversed(list(obj)))
        elif isinstance(obj, dict):
            stack.extend((v, span) for v in reversed(list(obj.values())))


def may_hold_control(text: str) -> bool:
    """Whether ``text`` holds a character of ``CONTROL``. Each of them is unprintable, so a text that is
    printable but for its newlines and tabs holds none: that test (two copies and a C loop) is cheaper than
    the class search on a Vietnamese spec (tests/test_control_chars.py checks every code point)."""
    if text.replace("\n", " ").replace("\t", " ").isprintable():
        return False
    return CONTROL.search(text) is not None


@register
class ControlCharacter(Rule):
    """A string holds a control character (ESC, BEL, NUL, a bidirectional override ...).

    Control characters are invisible in an editor. They cannot go into a Word
    document, they can recolour or retitle a terminal that shows the text, and
    the bidirectional overrides make a text read differently from what it is.
    They usually come from copying text out of another program. The rendered
    documents leave them out; this finding says where they are.

    Anti-pattern: `text "Nâng cao năng lực␛[31m"` pasted from a terminal, or a
    stray form feed from a scanned document.

    Best practice: delete the character; write a line break inside a string as
    a real new line or `\\n`, and a tab as `\\t`.
    """

    code = "TX004"
    name = "text.control-character"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        text = source_of(ctx, rp.plan.span.path) if ctx.specs is not None else None
        if text is not None and not may_hold_control(text):
            # Every string of the plan is read from its spec's text (an escape such as
            # "\\n" gives a newline, never a control character): a clean text has none.
            return
        seen: set[tuple[str, Span]] = set()
        for text, span in model_strings(rp.plan):
            found = control_chars(text)
            if not found or (text, span) in seen:
                continue
            seen.add((text, span))
            ch = found[0][1]
            more = len(found) - 1
            message = _("the text holds the control character {char}").format(char=describe(ch))
            if more:
                message += _(" ({n} more in the same text)").format(n=more)
            yield self.diag(locate(ctx, span, re.escape(ch)), message,
                            _("Delete it: control characters are invisible and cannot go into the documents."))
