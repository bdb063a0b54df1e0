"""`plandsl progress`: targets against actual figures, the roll-up, reporting duties, the draft báo cáo."""

from __future__ import annotations

import datetime as dt
import sys

import click

from plandsl.core.i18n import _


class _DefaultGroup(click.Group):
    """A group whose first argument is a PLAN unless it names a sub-command (`template`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["report", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultGroup)
def progress() -> None:
    """Compare a plan's targets with actual figures (CSV/XLSX): status per target, roll-up, duties.

    \b
    Examples:
      plandsl progress qng_ctxh_2021 specs --actuals specs/actuals
      plandsl progress qng_ctxh_2021 --actuals figures.xlsx --on 2025-12-31 --format json
      plandsl progress qng_ctxh_2021 --actuals specs/actuals -o bao-cao.docx
      plandsl progress template qng_ctxh_2021 -o so-lieu.xlsx
    """


def _date(ctx, param, value: str | None) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(_("give the date as YYYY-MM-DD, not {value!r}").format(value=value)) from None


def _load(plan: str, paths: tuple[str, ...]):
    from plandsl.check.engine import Engine
    from plandsl.cli.target import resolve_plan_argument
    from plandsl.core.suggest import did_you_mean

    plan_id, load_paths = resolve_plan_argument(plan, paths)
    resolution = Engine.open(load_paths).resolution()
    if resolution.in_force(plan_id) is None:
        hint = did_you_mean(plan_id, resolution.plans)
        raise click.ClickException(_("no plan '{plan}' in {paths}").format(plan=plan_id, paths=", ".join(load_paths))
                                   + (f" ({hint})" if hint else ""))
    return plan_id, resolution


@progress.command("report")
@click.argument("plan")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--actuals", "actuals_path", required=True, type=click.Path(exists=True),
              help="A CSV or XLSX file of actual figures, or a folder of them.")
@click.option("--on", "on", callback=_date, default=None, help="The date to assess on (YYYY-MM-DD) [default: today].")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format on standard output.")
@click.option("-o", "--output", default=None, help="Write the draft báo cáo (.docx, .html or .md).")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
def report(plan: str, paths: tuple[str, ...], actuals_path: str, on: dt.date, fmt: str, output: str | None,
           force: bool) -> None:
    """Status of each target of PLAN against the actual figures (specs under PATHS, default specs/)."""
    from plandsl.core.diagnostics import has_errors
    from plandsl.progress import measure, read_actuals
    from plandsl.progress.output import to_json, to_text

    if output:
        from plandsl.cli.common import refuse_existing

        if not output.lower().endswith((".docx", ".html", ".htm", ".md")):
            raise click.UsageError(_("the report is written as .docx, .html or .md, not {name}").format(name=output))
        refuse_existing(output, force)
    plan_id, resolution = _load(plan, paths)
    actuals, read_diags = read_actuals(actuals_path)
    result = measure(resolution, plan_id, actuals, on, read_diags)
    sys.stdout.write(to_json(result) if fmt == "json" else to_text(result))
    if output:
        from plandsl.cli.common import write_output

        write_output(output, _document(result, output.rsplit(".", 1)[-1].lower()), force)
        click.echo(_("wrote {path}").format(path=output), err=True)
    if has_errors(result.diagnostics):
        raise SystemExit(1)


def _document(result, kind: str) -> bytes:
    """The draft báo cáo; Word through the decision render's writer (a sibling stage: called from here)."""
    from plandsl.progress.document import charts, embed_charts, render_report, report_blocks

    if kind != "docx":
        return render_report(result, kind)
    from plandsl.core.safetext import clean
    from plandsl.render.docx_writer import to_docx

    blocks, meta = report_blocks(result)
    return embed_charts(to_docx(clean(blocks), meta), charts(result))


@progress.command("template")
@click.argument("plan")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--output", required=True, help="The XLSX file to write.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
def template(plan: str, paths: tuple[str, ...], output: str, force: bool) -> None:
    """Write an XLSX sheet to fill in: one row per objective and year of PLAN."""
    from plandsl.cli.common import refuse_existing, write_output
    from plandsl.progress.template import template_xlsx

    if not output.lower().endswith(".xlsx"):
        raise click.UsageError(_("the template is an .xlsx file, not {name}").format(name=output))
    refuse_existing(output, force)
    plan_id, resolution = _load(plan, paths)
    write_output(output, template_xlsx(resolution.in_force(plan_id)), force)
    click.echo(_("wrote {path}").format(path=output), err=True)
