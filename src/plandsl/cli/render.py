"""`plandsl render PLAN_ID [PATHS] --format md|html|docx|pdf -o FILE`"""

from __future__ import annotations

import sys

import click
from plandsl.core.i18n import N_, _, ngettext


@click.command()
@click.argument("plan_id")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["md", "html", "docx", "pdf"]), default=None,
              help="Output format (default: from the -o file's extension, else md). pdf needs LibreOffice.")
@click.option("--document", type=click.Choice(["decision", "plan", "both"]), default="both", show_default=True,
              help="The Quyết định, the Kế hoạch, or both (a plan issued as KH-… has no decision).")
@click.option("--compare", is_flag=True, help="Append the table comparing each target with the parent plan's.")
@click.option("-o", "--output", required=True, help="The file to write, or - for standard output (md, html).")
@click.option("--draft", is_flag=True,
              help="Render even without a signer or signatory, leaving a placeholder in the signature block.")
@click.option("--adopted", type=click.Choice(["restate", "mark", "omit"]), default="restate", show_default=True,
              help="Targets taken from the parent plan: printed as the plan's own (as real plans do), marked "
                   "'theo chỉ tiêu của …', or left out of the body. The comparison table shows them all.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def render(plan_id: str, paths: tuple[str, ...], fmt: str | None, document: str, compare: bool, output: str,
           draft: bool, adopted: str, force: bool) -> None:
    """Draft the decision and plan text of PLAN_ID from the specs under PATHS (default: specs/).

    \b
    Examples:
      plandsl render qng_ctxh_2021 -o quang-ngai.docx
      plandsl render qng_ctxh_2021 specs/ --format md --compare -o -
    """
    from plandsl.cli.common import refuse_broken_graph, refuse_existing, write_output
    from plandsl.project.loader import load
    from plandsl.render import render as do_render

    fmt = fmt or _format_from_name(output)
    if output == "-" and fmt in ("docx", "pdf"):
        raise click.UsageError(_("a {format} file cannot be written to standard output; give a file name with -o").format(
            format=fmt.upper()))
    refuse_existing(output, force)
    from plandsl.cli.target import resolve_plan_argument

    plan_id, load_paths = resolve_plan_argument(plan_id, paths)
    specs = load(load_paths)
    refuse_broken_graph(specs, plan_id)
    from plandsl.cli.common import report_missing_parents

    report_missing_parents(specs, plan_id, refuse=compare)
    result = do_render(specs, plan_id, fmt, document, compare, draft, adopted)
    if not result.ok:
        _report(list(specs.diagnostics) + list(result.diagnostics), specs)
        raise SystemExit(1)
    if result.diagnostics:
        _report(list(result.diagnostics), specs)
    _warn_text_findings(specs, plan_id)
    if output == "-":
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()
        return
    write_output(output, result.data, force)
    click.echo(_("wrote {path} ({parts}, {format})").format(path=output, parts=" + ".join(_(p) for p in result.parts),
                                                            format=fmt),
               err=True)


def text_findings(specs, plan_id: str) -> list:
    """The TX findings (typos, font damage, mojibake, control characters) in the text of
    ``plan_id`` and of the plans it inherits from: the text the documents print."""
    from plandsl.inherit.resolve import resolve
    from plandsl.project.config import load_config
    from plandsl.rules import load_all
    from plandsl.rules.base import RULES
    from plandsl.rules.engine import run_rules

    load_all()
    codes = [c for c in RULES if c.startswith("TX")]
    resolution = resolve(specs)
    chain, todo = set(), [plan_id]
    while todo:
        pid = todo.pop()
        if pid in chain or pid not in resolution.plans:
            continue
        chain.add(pid)
        todo.extend(resolution.plans[pid].parents)
    paths = {resolution.plans[pid].plan.span.path for pid in chain}
    found = run_rules(specs, resolution, load_config(known_codes=set(RULES)), only=codes)
    return [d for d in found if d.span is not None and d.span.path in paths]


def _warn_text_findings(specs, plan_id: str) -> None:
    """Warn (never fail) when the printed text has a TX finding, so a typo such as
    "Mật trận" does not reach a signed document unnoticed."""
    try:
        found = text_findings(specs, plan_id)
    except Exception:  # noqa: BLE001 - the warning is a courtesy; the document is written anyway
        return
    if found:
        click.echo(ngettext("warning: the drafted text has {n} finding of the text rules (TX); check it before signing:",
                            "warning: the drafted text has {n} findings of the text rules (TX); check them before "
                            "signing:", len(found)).format(n=len(found)), err=True)
        _report(found, specs)


_PART_WORDS = (N_("decision"), N_("plan"))  # result.parts, as the summary line names them


def _format_from_name(output: str) -> str:
    for ext, fmt in ((".docx", "docx"), (".pdf", "pdf"), (".html", "html"), (".htm", "html"), (".md", "md")):
        if output.lower().endswith(ext):
            return fmt
    return "md"


def _report(diags, specs) -> None:
    from plandsl.report import formats as report

    text = report.format_text(diags, specs.sources(), colour=False)
    if text:
        click.echo(text.rstrip("\n"), err=True)
