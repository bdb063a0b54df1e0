"""The rule framework, modelled on sqlfluff's rules.

A rule is a class with a stable ``code`` (two letters for the group and three
digits), a ``name``, a default ``severity`` and a docstring that states the
anti-pattern and the best practice. It is registered with ``@register`` and
has YAML test cases in ``tests/rules/<CODE>.yml``.

A rule looks at one resolved plan at a time (``check_plan``) or at the whole
set (``check_set``), and yields diagnostics through ``self.diag``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Iterable

from plandsl.core.diagnostics import Diagnostic, Related, Severity
from plandsl.language.model import Span

if TYPE_CHECKING:
    from plandsl.rules.context import RuleContext
    from plandsl.inherit.resolve import ResolvedPlan

RULES: dict[str, type["Rule"]] = {}


def register(cls: type["Rule"]) -> type["Rule"]:
    """Class decorator: add a rule to the registry, checking its declaration."""
    code = cls.code
    if len(code) != 5 or not code[:2].isalpha() or not code[:2].isupper() or not code[2:].isdigit():
        raise ValueError(f"rule code {code!r} must be two capital letters and three digits")
    if code in RULES and RULES[code] is not cls:
        raise ValueError(f"rule code {code} is registered twice")
    if not (cls.__doc__ or "").strip() or "Anti-pattern" not in cls.__doc__ or "Best practice" not in cls.__doc__:
        raise ValueError(f"rule {code} needs a docstring with 'Anti-pattern' and 'Best practice' sections")
    RULES[code] = cls
    return cls


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    #: True when ``check_set`` reads nothing but ``ctx.resolution.graph.issues``,
    #: so the incremental check can run it on a graph built from plan headers.
    reads_graph_only: ClassVar[bool] = False
    #: The plan fields ``check_set`` reads of ``ctx.resolution.graph.plans`` (and nothing else of the
    #: plans). When they are all plan-header fields (plandsl.check.codec.HEADER_FIELDS: id, lang, level,
    #: span, parents, allows, instrument, issuer, jurisdiction, amendments, phases), the incremental
    #: engine runs the rule on headers without loading every plan. None: it may read anything.
    reads_plan_fields: ClassVar[frozenset[str] | None] = None

    def __init__(self, severity: Severity | None = None) -> None:
        self.effective_severity = severity or self.severity

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    # Override one or both.
    def check_plan(self, rp: "ResolvedPlan", ctx: "RuleContext") -> Iterable[Diagnostic]:
        return ()

    def check_set(self, ctx: "RuleContext") -> Iterable[Diagnostic]:
        return ()

    def diag(self, span: Span | None, message: str, hint: str | None = None,
             related: Iterable[tuple[Span, str]] = (), subject: str | None = None) -> Diagnostic:
        return Diagnostic(
            code=self.code,
            severity=self.effective_severity,
            message=message,
            span=span,
            hint=hint,
            related=tuple(Related(s, m) for s, m in related),
            name=self.name,
            subject=subject,
        )
