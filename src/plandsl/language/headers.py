"""Plan headers for the incremental check.

The incremental check (:mod:`plandsl.check.incremental`) keeps, per spec, a small
*header*: the fields :func:`plandsl.inherit.graph.build_graph` and the deviation step
read (id, level and its span, parent references, allows, the plan's span).
``header_from_row`` turns a stored header back into a :class:`~plandsl.language.model.Plan`
holding only those fields, so the graph of an unchanged country is built by
the same ``build_graph`` as a full run, without loading any full plan.
"""

from __future__ import annotations

from plandsl.language.model import Plan, Span


# Headers are stored as plain tuples: pickling attrs objects with slots goes
# through Python-level __getstate__/__setstate__, ~15x slower for 3,000 plans.
HeaderRow = tuple


def header_row(plan: Plan) -> HeaderRow:
    """A parsed plan's header as plain data (spans without their path: it is the file's)."""
    level_span = plan.field_spans.get("level")
    return (plan.id, plan.level.name if plan.level else None, _pos(plan.span),
            _pos(level_span) if level_span is not None else None,
            tuple((r.plan_id, _pos(r.span), r.span.path) for r in plan.parents), plan.allows)


def header_from_row(path: str, row: HeaderRow) -> Plan:
    from plandsl.language.model import Level, ParentRef

    pid, level, span, level_span, parents, allows = row
    return Plan(pid, level=Level[level] if level else None, span=Span(path, *span), allows=allows,
                parents=tuple(ParentRef(ref, span=Span(where, *pos)) for ref, pos, where in parents),
                field_spans={"level": Span(path, *level_span)} if level_span is not None else {})


def _pos(span: Span) -> tuple[int, int, int, int]:
    return (span.line, span.col, span.end_line, span.end_col)
