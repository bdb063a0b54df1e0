"""Plain JSON for what the engine keeps in the cache store, and strict readers for it.

Every ``load_*`` function takes text read from the store (untrusted: it may be
damaged or crafted) and returns the value, or raises :class:`Invalid`, which
the engine treats as a cache miss. Nothing here builds anything but
diagnostics, spans and plan headers out of checked strings and integers.
"""

from __future__ import annotations

import json
import re

from plandsl.core.diagnostics import Diagnostic, Related, Severity
from plandsl.core.span import Span

_CODE = re.compile(r"[A-Z]{2,5}[0-9]{3}")
_SEVERITIES = {int(s): s for s in Severity}


class Invalid(ValueError):
    """A stored value is not what plandsl writes: a cache miss."""


def _need(ok: bool) -> None:
    if not ok:
        raise Invalid("unexpected value in the cache")


def _int(v) -> int:
    _need(type(v) is int and 0 <= v < 1 << 40)
    return v


def _str(v) -> str:
    _need(type(v) is str)
    return v


def _opt_str(v) -> str | None:
    _need(v is None or type(v) is str)
    return v


def _parse(text: str):
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise Invalid(str(exc)) from None


# -- spans and diagnostics ------------------------------------------------------


def span_json(s: Span | None):
    return None if s is None else [s.path, s.line, s.col, s.end_line, s.end_col]


def span_load(v) -> Span | None:
    if v is None:
        return None
    if type(v) is not list or len(v) != 5:
        raise Invalid("not a span")
    path, line, col, end_line, end_col = v
    if type(path) is not str or type(line) is not int or type(col) is not int or type(end_line) is not int \
            or type(end_col) is not int or min(line, col, end_line, end_col) < 0:
        raise Invalid("not a span")
    return Span(path, line, col, end_line, end_col)


def diag_json(d: Diagnostic) -> list:
    return [d.code, int(d.severity), d.message, span_json(d.span), d.hint,
            [[span_json(r.span), r.message] for r in d.related], d.name, d.subject]


def diag_load(v) -> Diagnostic:
    _need(type(v) is list and len(v) == 8)
    code, sev, message, span, hint, related, name, subject = v
    _need(type(code) is str and _CODE.fullmatch(code) is not None and type(sev) is int and sev in _SEVERITIES)
    _need(type(related) is list)
    rel = []
    for r in related:
        _need(type(r) is list and len(r) == 2)
        rel.append(Related(span_load(r[0]), _str(r[1])))
    return Diagnostic(code, _SEVERITIES[sev], _str(message), span_load(span), _opt_str(hint), tuple(rel),
                      name=_str(name), subject=_opt_str(subject))


def diags_load(v) -> tuple[Diagnostic, ...]:
    _need(type(v) is list)
    return tuple(diag_load(d) for d in v)


# -- per-plan findings ------------------------------------------------------------


def findings_dump(found: dict[str, tuple[Diagnostic, ...]]) -> str:
    return json.dumps({code: [diag_json(d) for d in ds] for code, ds in found.items()},
                      ensure_ascii=False, separators=(",", ":"))


def findings_load(text: str, codes: set[str] | frozenset[str]) -> dict[str, tuple[Diagnostic, ...]]:
    """Findings by rule code; every code must be one of ``codes`` (the rules that ran)."""
    v = _parse(text)
    _need(type(v) is dict)
    out = {}
    for code, ds in v.items():
        _need(code in codes)
        out[code] = diags_load(ds)
        _need(bool(out[code]))
    return out


def diags_dump(diagnostics) -> str:
    return json.dumps([diag_json(d) for d in diagnostics], ensure_ascii=False, separators=(",", ":"))


def run_dump(diagnostics: tuple[Diagnostic, ...], files: int, plans: int) -> str:
    """The result of a whole check, to answer the same check on the same files at once."""
    return json.dumps([files, plans, [diag_json(d) for d in diagnostics]], ensure_ascii=False, separators=(",", ":"))


def run_load(text: str) -> tuple[tuple[Diagnostic, ...], int, int]:
    """(diagnostics, files, plans) of a stored whole check."""
    v = _parse(text)
    _need(type(v) is list and len(v) == 3)
    return diags_load(v[2]), _int(v[0]), _int(v[1])


# -- per-file parse summaries: diagnostics and the plan header ------------------------


#: The plan fields a header carries (what the graph, the deviation step and the set-level rules
#: that declare ``reads_plan_fields`` within these may read; see plandsl.rules.base.Rule).
HEADER_FIELDS = frozenset({"id", "level", "span", "parents", "allows", "instrument", "issuer", "jurisdiction",
                           "amendments", "phases", "lang"})


def header_json(plan) -> list:
    """The fields of :data:`HEADER_FIELDS`, as plain JSON values."""
    level_span = plan.field_spans.get("level")
    inst = plan.instrument
    return [plan.id, plan.level.name if plan.level else None, span_json(plan.span), span_json(level_span),
            [[r.plan_id, span_json(r.span)] for r in plan.parents],
            [[a.code, a.on, a.reason, span_json(a.span)] for a in plan.allows],
            [inst.number, inst.date.isoformat(), span_json(inst.span)] if inst is not None else None,
            plan.issuer, plan.jurisdiction,
            [[a.plan_id, a.replaces, a.phase, a.note, span_json(a.span)] for a in plan.amendments],
            [[p.id, p.start, p.end, p.label, span_json(p.span)] for p in plan.phases], plan.lang]


def _span_req(v) -> Span:
    out = span_load(v)
    _need(out is not None)
    return out


def header_load(path: str, v):
    """A header-only :class:`~plandsl.language.model.Plan` (the fields of :data:`HEADER_FIELDS`)."""
    import datetime as dt

    from plandsl.language.model import Allow, Amendment, Instrument, Level, ParentRef, Phase, Plan

    _need(type(v) is list and len(v) == 12)
    pid, level, span, level_span, parents, allows, inst, issuer, jurisdiction, amendments, phases, lang = v
    _need(lang in ("en", "vi"))  # the keyword set: hints quote spec syntax in it
    _need(type(pid) is str and bool(pid) and (level is None or (type(level) is str and level in Level.__members__)))
    _need(type(parents) is list and type(allows) is list and type(amendments) is list and type(phases) is list)
    plan_span = _span_req(span)
    _need(plan_span.path == path)
    refs = []
    for p in parents:
        _need(type(p) is list and len(p) == 2)
        refs.append(ParentRef(_str(p[0]), span=_span_req(p[1])))
    allow_objs = []
    for a in allows:
        _need(type(a) is list and len(a) == 4)
        allow_objs.append(Allow(_str(a[0]), on=_opt_str(a[1]), reason=_opt_str(a[2]), span=_span_req(a[3])))
    instrument = None
    if inst is not None:
        _need(type(inst) is list and len(inst) == 3)
        try:
            when = dt.date.fromisoformat(_str(inst[1]))
        except ValueError:
            raise Invalid("bad date") from None
        instrument = Instrument(_str(inst[0]), when, span=_span_req(inst[2]))
    amends = []
    for a in amendments:
        _need(type(a) is list and len(a) == 5 and type(a[1]) is bool)
        _need(a[2] is None or type(a[2]) in (str, int))
        amends.append(Amendment(_str(a[0]), replaces=a[1], phase=a[2], note=_opt_str(a[3]), span=_span_req(a[4])))
    phase_objs = []
    for p in phases:
        _need(type(p) is list and len(p) == 5)
        phase_objs.append(Phase(_str(p[0]), _int(p[1]), _int(p[2]), label=_opt_str(p[3]), span=_span_req(p[4])))
    lspan = span_load(level_span)
    return Plan(pid, lang=lang, level=Level[level] if level else None, span=plan_span, parents=tuple(refs),
                allows=tuple(allow_objs), instrument=instrument, issuer=_opt_str(issuer),
                jurisdiction=_opt_str(jurisdiction), amendments=tuple(amends), phases=tuple(phase_objs),
                field_spans={"level": lspan} if lspan is not None else {})


def header_text(plan) -> str:
    """The header as JSON text: stored as is, and compared to tell whether a header changed."""
    return "" if plan is None else json.dumps(header_json(plan), ensure_ascii=False, separators=(",", ":"))


def parsed_dump(diagnostics: tuple[Diagnostic, ...], plan) -> str:
    return json.dumps([[diag_json(d) for d in diagnostics], header_text(plan)], ensure_ascii=False,
                      separators=(",", ":"))


def parsed_load(text: str, path: str):
    """(parse diagnostics, header plan or None, header text) of the file at ``path``."""
    v = _parse(text)
    _need(type(v) is list and len(v) == 2 and type(v[1]) is str)
    diags = diags_load(v[0])
    return diags, (header_load(path, _parse(v[1])) if v[1] else None), v[1]
