"""`plandsl explain PLAN [PATH...]`: where each resolved target came from."""

from __future__ import annotations

import click
from plandsl.core.i18n import _


@click.command()
@click.argument("plan_id")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--objective", "-O", help="Only this objective.")
@click.option("--on", "on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Show the plans as in force on this date (YYYY-MM-DD; default: today): amendments applied.")
def explain(plan_id: str, paths: tuple[str, ...], objective: str | None, on=None) -> None:
    """Show every resolved objective and target of PLAN_ID with its provenance
    through the whole chain (default PATHS: specs/)."""
    from plandsl.report.explain import explain_plan
    from plandsl.project.loader import load
    from plandsl.inherit.resolve import resolve
    from plandsl.core.suggest import did_you_mean

    from plandsl.cli.common import refuse_broken_graph

    from plandsl.cli.target import resolve_plan_argument

    plan_id, load_paths = resolve_plan_argument(plan_id, paths)
    specs = load(load_paths)
    refuse_broken_graph(specs, plan_id)
    from plandsl.cli.common import report_missing_parents

    report_missing_parents(specs, plan_id, refuse=False)
    resolution = resolve(specs, on=on.date() if on is not None else None)
    rp = resolution.get(plan_id)
    if rp is None:
        from plandsl.core.suggest import did_you_mean_id

        hint = did_you_mean_id(plan_id, resolution.plans) or _("Run `plandsl graph` to list the plans.")
        raise click.ClickException(_("no plan with id '{id}' in {paths}.").format(
            id=plan_id, paths=", ".join(load_paths)) + " " + hint)
    if objective and rp.objective(objective) is None:
        hint = did_you_mean(objective, [o.id for o in rp.objectives]) or ""
        raise click.ClickException((_("plan '{plan}' has no objective '{id}'.").format(plan=plan_id, id=objective)
                                    + " " + hint).strip())
    from plandsl.core.safetext import printable

    click.echo(printable(explain_plan(rp, resolution, objective), keep_newlines=True))  # spec text: no control bytes
