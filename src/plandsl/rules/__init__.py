"""Rules, one module per group. ``load_all`` imports them so they register."""

from __future__ import annotations

import importlib

# Rule modules, by group. Add a module here to register its rules.
RULE_MODULES = [
    "plandsl.rules.graph_rules",
    "plandsl.rules.ambition",
    "plandsl.rules.consistency",
    "plandsl.rules.coverage",
    "plandsl.rules.documents",
    "plandsl.rules.time",
    "plandsl.rules.agencies",
    "plandsl.rules.registry_rules",
    "plandsl.rules.arithmetic",
    "plandsl.rules.text",
    "plandsl.rules.mojibake",
    "plandsl.rules.controls",
    "plandsl.rules.deviations",
]

_loaded = False


def load_all() -> None:
    global _loaded
    if _loaded:
        return
    for name in RULE_MODULES:
        importlib.import_module(name)  # a missing rule module must fail loudly
    _loaded = True
