"""`plandsl migrate [PATH...] --on DATE -o OUTDIR`: re-base plans on the 2025 map."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal, InvalidOperation
from pathlib import Path

import click

from plandsl.core.fsutil import os_reason
from plandsl.core.i18n import _


def _date(ctx, param, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(_("'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2025-07-01").format(
            value=value)) from None


def read_weights(path: str) -> dict[str, Decimal]:
    """A CSV with a unit column (code or name, or a plan id) and a population (or weight) column."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise click.ClickException(_("cannot read {path}: {error}").format(path=path, error=os_reason(exc)))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise click.ClickException(_("{path} is not a UTF-8 CSV file: {error}").format(path=path, error=exc))
    if not rows:
        raise click.ClickException(_("{path} has no rows").format(path=path))
    header = {k.strip().lower(): k for k in rows[0] if k}
    unit = next((header[k] for k in ("unit", "code", "name", "plan", "đơn vị", "mã") if k in header), None)
    value = next((header[k] for k in ("population", "weight", "dân số", "trọng số") if k in header), None)
    if unit is None or value is None:
        raise click.ClickException(_("{path} needs a 'unit' column and a 'population' column").format(path=path))
    out: dict[str, Decimal] = {}
    for n, row in enumerate(rows, start=2):
        try:
            w = Decimal(str(row[value]).replace("_", "").replace(" ", ""))
        except (InvalidOperation, TypeError):
            raise click.ClickException(_("{path}:{line}: '{value}' is not a number").format(
                path=path, line=n, value=row[value])) from None
        if w < 0:
            raise click.ClickException(_("{path}:{line}: a population cannot be negative").format(path=path, line=n))
        out[str(row[unit]).strip()] = w
    return out


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--on", "on", default="2025-07-01", show_default=True, callback=_date,
              help="The date of the map and bodies to move onto.")
@click.option("-o", "--output", "outdir", type=click.Path(file_okay=False),
              help="Folder for the drafts and the report (required unless --dry-run).")
@click.option("--plan", "only", multiple=True, help="Migrate only this plan (repeatable).")
@click.option("--districts", type=click.Choice(["split", "fold"]),
              help="What becomes of district plans: split into commune drafts, or fold into the province's plan.")
@click.option("--weights", type=click.Path(dir_okay=False),
              help="CSV of unit populations: merged provinces' targets become population-weighted means "
                   "instead of the strictest target.")
@click.option("--keywords", type=click.Choice(["vi", "en"]), help="Keyword set of the drafts (default: each plan's own).")
@click.option("--dry-run", is_flag=True, help="Print the report only; write nothing.")
@click.option("--force", is_flag=True, help="Replace drafts already in the output folder.")
def migrate(paths: tuple[str, ...], on: dt.date, outdir: str | None, only: tuple[str, ...], districts: str | None,
            weights: str | None, keywords: str | None, dry_run: bool, force: bool) -> None:
    """Re-base the plans under PATHS (default: specs/) on the bodies and the administrative map
    in force on a date: ended bodies become their successors (by function where a body was split),
    units become the new provinces and communes, and old provinces' plans for the same programme are
    merged. Writes one draft per changed plan and a report; never edits the input files."""
    from plandsl.core.diagnostics import Severity
    from plandsl.migrate import output as out
    from plandsl.migrate.merge import MergeError
    from plandsl.migrate.run import migrate as run

    if outdir is None and not dry_run:
        raise click.UsageError(_("give an output folder with -o OUTDIR, or --dry-run"))
    table = read_weights(weights) if weights else None
    paths_list = list(paths) or ["specs"]
    try:
        result = run(paths_list, on, only=list(only) or None, districts=districts, weights=table, jobs=None)
    except MergeError as exc:
        raise click.ClickException(str(exc)) from None
    target_dir = Path(outdir) if outdir else Path(".")
    targets = out.plan_targets(result, paths_list, target_dir, keywords)
    markdown = out.report_markdown(result, targets)
    if dry_run:
        click.echo(markdown)
    else:
        if target_dir.exists() and not target_dir.is_dir():
            raise click.ClickException(_("cannot write {path}: it is not a folder").format(path=target_dir))
        problems = out.write_files([(path, draft.text) for path, draft in targets], force)
        written = len(targets) - len(problems)
        problems += out.write_files([(target_dir / out.REPORT_MD, markdown),
                                     (target_dir / out.REPORT_JSON, out.report_json(result, targets))], force=True)
        for p in problems:
            click.echo(f"plandsl: {p}", err=True)
        click.echo(_("{drafts} draft(s) written to {path}; report: {report}").format(
            drafts=written, path=target_dir, report=target_dir / out.REPORT_MD), err=True)
        if problems:
            raise SystemExit(1)
    failed = [d for o in result.outcomes for d in o.diagnostics if d.severity >= Severity.ERROR]
    failed += [d for d in result.diagnostics if d.severity >= Severity.ERROR and d.code in ("PRS001", "PRS005")]
    undecided = [o for o in result.outcomes if o.status == "needs_decision"]
    for d in failed:
        click.echo(f"{d.span}: {d.message}" if d.span else d.message, err=True)
    if undecided:
        click.echo(_("{n} district plan(s) need --districts split or --districts fold").format(n=len(undecided)),
                   err=True)
    if failed:
        raise SystemExit(1)

