"""Where the strings of a plan are, for the rules that read text (TX, CS, ...).

``plan_strings`` yields every human-written string of a plan with the span of
the node holding it; ``locate`` narrows such a span to one match inside it.
"""

from __future__ import annotations

import bisect
import re

from plandsl.language.model import Plan, Span

# ----------------------------------------------------------------- locating

_SOURCES: list = [None, {}, {}]
# The spec set source_of was last asked about: a set is walked on its first question (a worker asks once per
# commune set, for the commune's file, which is the last), mapped on its second.
_ASKED: list = [None]


def sources(ctx) -> dict[str, str]:
    """Spec text by path for the spec set being checked (cached for the last set)."""
    if _SOURCES[0] is not ctx.specs:
        _SOURCES[0], _SOURCES[1], _SOURCES[2] = ctx.specs, ctx.specs.sources(), {}
    return _SOURCES[1]


def source_of(ctx, path: str) -> str | None:
    """``sources(ctx).get(path)`` without building the mapping for a spec set asked about once (a commune's set
    in a big run holds its ancestors' files too, and only its own text is read)."""
    if _SOURCES[0] is ctx.specs:
        return _SOURCES[1].get(path)
    if _ASKED[0] is ctx.specs:  # asked again (a whole set checked in one process asks for every plan): map it
        return sources(ctx).get(path)
    _ASKED[0] = ctx.specs
    for f in reversed(ctx.specs.files):  # the mapping keeps the last file of a path that has a text
        if f.path == path and f.text is not None:
            return f.text
    return None


def _line_starts(path: str, text: str) -> list[int]:
    """Offsets at which the lines of ``text`` start, computed once per spec of the current set."""
    starts = _SOURCES[2].get(path)
    if starts is None:
        starts = [0]
        find, i = text.find, text.find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        _SOURCES[2][path] = starts
    return starts


def locate(ctx, span: Span | None, pattern: str | re.Pattern, group: int = 0) -> Span | None:
    """Narrow ``span`` to the first match of ``pattern`` inside the source text it covers.

    Model nodes such as objectives and tasks keep the span of their whole
    block; this finds the line and column of one string or clause inside it.
    Returns ``span`` unchanged when the source is not available or nothing matches.
    The line index is built once per spec, so locating is not linear in the file.
    The pattern must not backtrack more than linearly (it may scan a 5 MB spec).
    """
    rx = re.compile(pattern) if isinstance(pattern, str) else pattern

    def find(text: str, start: int, end: int) -> tuple[int, int] | None:
        mt = rx.search(text, start, end)
        return None if mt is None else mt.span(group)

    return locate_with(ctx, span, find)


def locate_with(ctx, span: Span | None, find) -> Span | None:
    """Like :func:`locate`, with ``find(text, start, end) -> (a, b) | None`` choosing the offsets."""
    if span is None:
        return None
    text = sources(ctx).get(span.path) if ctx is not None else None
    if text is None:
        return span
    starts = _line_starts(span.path, text)
    if not (0 < span.line <= len(starts)):
        return span
    start = starts[span.line - 1] + span.col - 1
    end_line = min(span.end_line, len(starts))
    end = starts[end_line - 1] + span.end_col - 1
    if end <= start:
        end = len(text)
    hit = find(text, start, end)
    if hit is None:
        return span
    a, b = hit
    la, lb = bisect.bisect_right(starts, a), bisect.bisect_right(starts, b)
    return Span(span.path, la, a - starts[la - 1] + 1, lb, b - starts[lb - 1] + 1)


# Tokens of spec source, for finding a clause without regular-expression backtracking:
# a string (escapes included), a comment, a name or keyword, or one other character.
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|#[^\n]*|[^\W\d]\w*|[^\s\w]')


def find_in_list(keywords: frozenset[str] | set[str], name: str):
    """A ``find`` for :func:`locate_with`: ``name`` in a ``KEYWORD a, b, c`` list outside strings and comments.

    One pass over the tokens of the span (linear; a regular expression that
    starts at every keyword and scans ahead was quadratic on long lines).
    """
    def find(text: str, start: int, end: int) -> tuple[int, int] | None:
        state = 0  # 0: elsewhere, 1: a name may follow, 2: a comma may follow
        for mt in _TOKENS.finditer(text, start, end):
            tok = mt.group(0)
            if tok in keywords:
                state = 1
            elif state == 1:
                if tok == name:
                    return mt.span()
                state = 2 if tok[0].isalpha() or tok[0] == "_" else 0
            elif state == 2:
                state = 1 if tok == "," else 0
        return None

    return find


# ------------------------------------------------------------ plan strings


def plan_strings(plan: Plan, names: bool = True) -> tuple[tuple[str, Span, str | None], ...]:
    """Every human-written string of a plan: (text, span of the node holding it, subject id).

    ``names=False`` leaves out the strings that are proper names only: the
    jurisdiction, the instrument's place and its signatory (a person).
    Both tuples are made in one walk, once per plan (TX001 reads one, TX002 the other).
    """
    from plandsl.rules.memo import for_plan

    return for_plan(plan, "strings", lambda: _plan_strings(plan))[0 if names else 1]


def _plan_strings(plan: Plan) -> tuple[tuple, tuple]:
    """(every string, the strings that are not proper names only), in the order of the plan."""
    from plandsl.rules.memo import all_tasks

    # The header's strings, with and without the proper names among them (they are all here), then the rest.
    head: list[tuple[str, Span, str | None]] = []
    texts: list[tuple[str, Span, str | None]] = []
    for name in ("kind", "title", "issuer"):
        value = getattr(plan, name)
        if value:
            texts.append((value, plan.span_of(name), None))
    head += texts
    if plan.jurisdiction:
        head.append((plan.jurisdiction, plan.span_of("jurisdiction"), None))
    inst = plan.instrument
    if inst is not None:
        for i, value in enumerate((inst.place, inst.signer, inst.signatory)):
            if value:
                head.append((value, inst.span, None))
                if i == 1:  # the signer's title; the place and the signatory are names
                    texts.append(head[-1])
        if inst.proposal is not None:
            head.append((inst.proposal.by, inst.proposal.span, None))
            texts.append(head[-1])
    every: list[tuple[str, Span, str | None]] = []
    add = every.append
    if plan.recipients:
        span = plan.span_of("recipients")
        every += [(value, span, None) for value in plan.recipients]
    every += [(b.text, b.span, None) for b in plan.bases]
    every += [(ph.label, ph.span, None) for ph in plan.phases if ph.label]
    every += [(t.value, t.span, None) for t in plan.general]
    for o in plan.objectives:
        if o.text:
            add((o.text, o.span, o.id))
        if o.indicator:
            add((o.indicator, o.span, o.id))
    every += [(w.reason, w.span, w.objective_id) for w in plan.waivers if w.reason]
    for task in all_tasks(plan):
        tid = task.id
        if task.text:
            add((task.text, task.span, tid))
        if isinstance(task.due, str):
            add((task.due, task.span, tid))
        for a in task.leads:
            add((a.name, a.span, tid))
        for a in task.supports:
            add((a.name, a.span, tid))
    for r in plan.responsibilities:
        add((r.agency.name, r.agency.span, None))
        every += [(t.value, t.span, None) for t in r.duties]
    for f in plan.fundings:
        add((f.source, f.span, None))
        every += [(t.value, t.span, None) for t in f.details]
    every += [(q.text, q.span, q.id) for q in plan.quantities]
    every += [(rep.to.name, rep.to.span, None) for rep in plan.reports if rep.to is not None]
    every += [(al.reason, al.span, al.on) for al in plan.allows if al.reason]
    return tuple(head + every), tuple(texts + every)
