"""What a rule sees: the loaded specs and their resolution, plus lazily loaded registries."""

from __future__ import annotations

from functools import cached_property

from plandsl.core.records import define
from plandsl.inherit.resolve import Resolution
from plandsl.language.model import Plan
from plandsl.project.loader import SpecSet


@define
class RuleContext:
    specs: SpecSet
    resolution: Resolution

    @cached_property
    def plans_by_path(self) -> dict[str, Plan]:
        return {p.span.path: p for p in self.resolution.graph.plans.values()}

    def parents_of(self, plan_id: str):
        """The resolved parent plans of a plan."""
        rp = self.resolution.plans[plan_id]
        return [self.resolution.plans[p] for p in rp.parents]

    @cached_property
    def agencies(self):
        """The agency registry, or None when it is not available."""
        try:
            from plandsl.registry.agencies import AgencyRegistry
        except ImportError:
            return None
        return AgencyRegistry.load()
