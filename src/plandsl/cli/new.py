"""`plandsl new --from PARENT --level LEVEL --jurisdiction NAME -o FILE [PATHS...]`"""

from __future__ import annotations

import click
from plandsl.core.i18n import _

_LEVELS = ["ministry", "province", "district", "commune", "bộ", "tỉnh", "huyện", "xã"]


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--from", "parent_id", required=True, help="Id of the parent plan to implement.")
@click.option("--level", required=True, type=click.Choice(_LEVELS), help="Level of the new plan.")
@click.option("--jurisdiction", required=True, help='Where the plan applies, e.g. "Tỉnh Quảng Ngãi".')
@click.option("--id", "plan_id", default=None, help="Id of the new plan (default: from jurisdiction and parent).")
@click.option("--keywords", "--lang", "lang", type=click.Choice(["vi", "en"]), default=None,
              help="Keyword set of the new spec (default: the parent's).")
@click.option("-o", "--output", required=True, help="The .plan file to write.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def new(paths: tuple[str, ...], parent_id: str, level: str, jurisdiction: str, plan_id: str | None,
        lang: str | None, output: str, force: bool) -> None:
    """Scaffold a child spec of plan --from, loading parents from PATHS (default: specs/).

    The new spec copies the parent's period and phases, writes out every parent
    objective with its targets, and stubs each task with its agencies mapped to
    the new level. It passes `plandsl check`; fill in the # TODO comments.
    """
    from plandsl.core.diagnostics import has_errors
    from plandsl.cli.common import refuse_existing, write_output
    from plandsl.project.loader import load
    from plandsl.language.model import Level
    from plandsl.author.scaffold import ScaffoldError, scaffold

    refuse_existing(output, force)
    from plandsl.cli.common import refuse_broken_graph

    specs = load(list(paths) or ["specs"])
    refuse_broken_graph(specs, parent_id)
    parent = specs.by_id().get(parent_id)
    if parent is None and has_errors(specs.all_diagnostics):
        from plandsl.report import formats as report

        click.echo(report.format_text(specs.all_diagnostics, specs.sources()), err=True)
    try:
        text = scaffold(specs, parent_id, Level.lookup(level), jurisdiction, plan_id=plan_id, lang=lang,
                        warn=lambda message: click.echo(_("warning: {message}").format(message=message), err=True))
    except ScaffoldError as exc:
        raise click.ClickException(str(exc)) from None
    write_output(output, text, force)
    click.echo(_("wrote {path} (implements {parent}); next: fill in the # TODO lines, then {command}").format(
        path=output, parent=parent_id, command=f"`plandsl check {' '.join(paths) or 'specs'} {output}`"))
