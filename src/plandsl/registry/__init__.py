"""Registries of jurisdictions (provinces, districts, communes) and agency types.

Importing this package is cheap: the unit data and the agency YAML are loaded
on first use. Use the submodules directly:

    from plandsl.registry import jurisdictions, agencies

``successors_by_function(agency, date)`` answers where each function of a defunct
agency went (plandsl.registry.functions): a task on children of the former Sở
Lao động - Thương binh và Xã hội goes to Sở Y tế, not to Sở Nội vụ.
"""

from __future__ import annotations

import datetime as _dt


def successors_by_function(agency: str, on_date: _dt.date, level=None) -> dict:
    """``{function code: FunctionSuccessor}`` for ``agency`` (a name or type id) on ``on_date``;
    see :func:`plandsl.registry.functions.successors_by_function`."""
    from plandsl.registry.functions import successors_by_function as lookup

    return lookup(agency, on_date, level)
