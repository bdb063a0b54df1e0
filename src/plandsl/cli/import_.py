"""`plandsl import FILE [--parent PLAN_ID] [--specs PATH...] [-o OUT.plan] [--keywords vi|en] [--force] [--id ID]`"""

from __future__ import annotations

import os
import sys

import click


@click.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--parent", "parent_id", metavar="PLAN_ID",
              help="The parent plan: objectives are matched to its objectives by their wording.")
@click.option("--specs", "specs", multiple=True, type=click.Path(), metavar="PATH",
              help="Spec files or folders holding the parent and the plans whose ids are taken (repeatable; "
                   "default specs/ when --parent is given and specs/ exists).")
@click.option("-o", "--output", metavar="OUT.plan", help="The spec to write (default: standard output).")
@click.option("--keywords", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="The keyword set of the written spec.")
@click.option("--id", "plan_id", metavar="ID", help="The plan id (default: derived from the unit and the instrument).")
@click.option("--partial/--no-partial", default=False, show_default=True,
              help="With --parent: mark the spec as partially encoded when the document does not state some of "
                   "the parent's objectives (else `check` reports each of them, CV001).")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def import_(file: str, parent_id: str | None, specs: tuple[str, ...], output: str | None, keywords: str,
            plan_id: str | None, partial: bool, force: bool) -> None:
    """Draft a spec from a planner's document: .docx, .doc, .pdf (text or scanned), .txt, .md
    or a scanned page (.png, .jpg, .tif).

    \b
    Every field the importer is unsure of gets a `# review:` comment naming the source line;
    a sentence it could not place is kept as a comment. A summary goes to standard error.

    \b
    Examples:
      plandsl import quyet-dinh-255.docx --parent ctxh_112 -o specs/quang-ngai.plan
      plandsl import ke-hoach.pdf --keywords en
    """
    from plandsl.cli.common import refuse_existing, write_output
    from plandsl.core.i18n import _
    from plandsl.importer import ImportFailure, import_document

    if plan_id is not None:
        import re

        if not re.fullmatch(r"[^\W\d]\w*", plan_id):
            raise click.BadParameter(_("a plan id starts with a letter and has only letters, digits and '_'"),
                                     param_hint="--id")
    if output:
        refuse_existing(output, force)
    if not specs and parent_id and os.path.isdir("specs"):
        specs = ("specs",)
    try:
        result = import_document(file, parent_id=parent_id, specs=specs, keywords=keywords, plan_id=plan_id,
                                 partial=partial, source_name=os.path.basename(file))
    except ImportFailure as exc:
        click.echo(f"plandsl: {exc}", err=True)
        raise SystemExit(1) from None
    if output:
        write_output(output, result.text, force)
    else:
        sys.stdout.write(result.text)
        sys.stdout.flush()
    for warning in result.warnings:
        click.echo(_("warning: {message}").format(message=warning), err=True)
    where = output or _("standard output")
    click.echo(_("imported {file} as plan '{plan}' -> {output}: {fields} field(s) found, {reviews} to review, "
                 "{unplaced} line(s) not placed (kept as comments)").format(
        file=file, plan=result.plan_id, output=where, fields=result.fields, reviews=result.reviews,
        unplaced=result.unplaced), err=True)
    if result.missing_parent_objectives:
        names = ", ".join(result.missing_parent_objectives)
        if partial:
            click.echo("  " + _("not stated in the document: {names} (marked partial)").format(names=names), err=True)
        else:
            click.echo("  " + _("not stated in the document: {names} (check will report them)").format(names=names),
                       err=True)
