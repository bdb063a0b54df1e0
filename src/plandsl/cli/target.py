"""A plan named the way users have it: by id, or by the path of its spec file.

`render`, `explain` (and `graph` when given one file) accept ``PLAN`` as a
plan id or as a ``.plan`` file. For a file, the plan is the one it declares,
and its parents are looked for in, in order:

1. the PATHS given on the command line;
2. ``specs`` in the project configuration (``[tool.plandsl] specs = ["specs"]``);
3. the file's folder, then each folder above it, up to the project root (the
   first folder holding pyproject.toml, plandsl.toml or .git): the first
   folder whose specs hold every plan of the chain is used.
"""

from __future__ import annotations

from pathlib import Path, PurePath

import click

from plandsl.core.i18n import _

_MARKERS = ("pyproject.toml", "plandsl.toml", ".git")


def looks_like_file(plan: str) -> bool:
    """True when ``plan`` names a spec file rather than a plan id (ids have no dots or slashes)."""
    pure = PurePath(plan.replace("\\", "/"))
    return plan.lower().endswith(".plan") or len(pure.parts) > 1 or Path(plan).is_file()


def configured_specs(start: Path) -> list[str] | None:
    """``specs`` from the nearest plandsl.toml / ``[tool.plandsl]``, relative to that file's folder."""
    from plandsl.core.settings import nearest_settings

    folder, table = nearest_settings(start)
    specs = table.get("specs") if isinstance(table, dict) else None
    if isinstance(specs, str):
        specs = [specs]
    if folder is not None and isinstance(specs, list) and all(isinstance(s, str) for s in specs):
        return [str(folder / s) for s in specs]
    return None


def _chain_complete(specs, plan_id: str) -> bool:
    plans = specs.by_id()
    todo, seen = [plan_id], set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        plan = plans.get(pid)
        if plan is None:
            return False
        todo.extend(ref.plan_id for ref in plan.parents)
    return True


def resolve_plan_argument(plan: str, paths: tuple[str, ...]) -> tuple[str, list[str]]:
    """(plan id, paths to load) for a PLAN argument that may be a spec file."""
    from plandsl.project.loader import load

    if not looks_like_file(plan):
        if not paths:
            return plan, ["specs"]
        return plan, _with_parents(plan, list(paths))
    file = Path(plan)
    if not file.is_file():
        raise click.ClickException(_("no spec file {path}").format(path=plan))
    own = load([str(file)])
    ids = [p.id for p in own.plans]
    if not ids:
        raise click.ClickException(_("{path} declares no plan").format(path=plan))
    if len(ids) > 1:
        raise click.ClickException(_("{path} declares several plans ({ids}); give one of the ids instead").format(
            path=plan, ids=", ".join(ids)))
    plan_id = ids[0]
    if paths:
        return plan_id, [str(file), *paths]
    return plan_id, _parent_search(file, plan_id, [str(file)])


def _with_parents(plan_id: str, paths: list[str]) -> list[str]:
    """``paths``, plus where the parents of ``plan_id`` are when the given paths hold the plan but not
    its whole chain (``render qng_ctxh_2021 specs/x/quang-ngai.plan`` finds ``specs/x/national.plan``)."""
    from plandsl.project.loader import load

    specs = load(paths)
    plan = specs.by_id().get(plan_id)
    if plan is None or _chain_complete(specs, plan_id) or plan.span is None:
        return paths
    file = Path(plan.span.path)
    if not file.is_file():
        return paths
    found = [_relative(p) for p in _parent_search(file, plan_id, [])]
    inside = [Path(p).resolve() for p in found if Path(p).is_dir()]
    kept = [p for p in paths  # a given file inside a found folder would load twice (GR001)
            if not (Path(p).is_file() and any(Path(p).resolve().is_relative_to(d) for d in inside))]
    return [*kept, *(p for p in found if p not in kept)]


def _relative(path: str) -> str:
    """``path`` relative to the working folder when it is below it, so messages name it as users do."""
    import os

    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def _parent_search(file: Path, plan_id: str, first: list[str]) -> list[str]:
    """The configured specs, else the nearest folder (the file's, then each above it up to the
    project root) whose specs hold the plan's whole chain, else the file's folder."""
    from plandsl.project.loader import load

    folder = file.resolve().parent
    configured = configured_specs(folder)
    if configured:
        return [*first, *configured]
    candidate = folder
    for candidate in (folder, *folder.parents):
        specs = load([str(candidate)])
        if plan_id in specs.by_id() and _chain_complete(specs, plan_id):
            return [str(candidate)]
        if any((candidate / m).exists() for m in _MARKERS):
            break
    return [str(folder)]
