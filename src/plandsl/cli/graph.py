"""`plandsl graph [PATH...]`: the inheritance tree as text, DOT, Mermaid or SVG."""

from __future__ import annotations

import shutil
import subprocess

import click
from plandsl.core.i18n import _


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["tree", "dot", "mermaid", "svg"]), default="tree",
              show_default=True)
@click.option("-o", "--output", type=click.Path(), help="Write to this file instead of standard output.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def graph(paths: tuple[str, ...], fmt: str, output: str | None, force: bool) -> None:
    """Print the inheritance tree of the plans under PATHS (default: specs/)."""
    from plandsl.inherit.graph import build_graph, to_dot, to_mermaid
    from plandsl.project.loader import load

    if output:
        from plandsl.cli.common import refuse_existing

        refuse_existing(output, force)
    from plandsl.cli.common import refuse_broken_graph, refuse_missing_paths

    load_paths = list(paths) or ["specs"]
    refuse_missing_paths(load_paths)
    if len(paths) == 1 and paths[0].lower().endswith(".plan"):
        # One spec file: its plan with the parents found from its folder and the folders above.
        from plandsl.cli.target import resolve_plan_argument

        _plan_id, load_paths = resolve_plan_argument(paths[0], ())
    specs = load(load_paths)
    pg = build_graph(specs)
    refuse_broken_graph(specs, pg=pg)
    if fmt == "tree":
        text = _tree(pg)
    elif fmt == "dot":
        text = to_dot(pg)
    elif fmt == "mermaid":
        text = to_mermaid(pg)
    else:
        dot = shutil.which("dot")
        if dot is None:
            raise click.ClickException(_("SVG needs Graphviz's `dot` program, which is not installed "
                                         "(e.g. `apt-get install graphviz`); use --format dot or mermaid instead."))
        try:
            done = subprocess.run([dot, "-Tsvg"], input=to_dot(pg), capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            raise click.ClickException(
                _("Graphviz's `dot` took more than 2 minutes; use --format dot or mermaid")) from None
        if done.returncode != 0:
            raise click.ClickException(_("Graphviz's `dot` failed: {error}").format(error=done.stderr.strip()[:500]))
        text = done.stdout
    if output and output != "-":
        from plandsl.cli.common import write_output

        write_output(output, text, force)
        click.echo(_("wrote {path}").format(path=output), err=True)
    else:
        from plandsl.core.safetext import printable

        click.echo(printable(text, keep_newlines=True), nl=False)  # spec text reaches the terminal: no control bytes


def _tree(pg) -> str:
    lines: list[str] = []

    def label(pid: str) -> str:
        plan = pg.plans[pid]
        bits = [pick(plan.level.en, plan.level.vi.replace("_", " ")) if plan.level else "?"]
        if plan.instrument:
            bits.append(plan.instrument.number)
        if plan.period:
            bits.append(f"{plan.period[0]}-{plan.period[1]}")
        links = "".join(f" ⇢ {amended} ({how})" for src, amended, how in amendments if src == pid)
        return f"{pid} ({', '.join(bits)}){links}"

    from plandsl.core.i18n import pick
    from plandsl.inherit.effective import amendment_links

    amendments = amendment_links(pg.plans)

    children_of: dict[str, list[str]] = {pid: [] for pid in pg.plans}
    for parent, child in pg.edges():
        children_of[parent].append(child)

    def walk(pid: str, prefix: str, last: bool, seen: set[str]) -> None:
        lines.append(f"{prefix}{'└── ' if last else '├── '}{label(pid)}")
        children = children_of[pid]
        for i, child in enumerate(children):
            walk(child, prefix + ("    " if last else "│   "), i == len(children) - 1, seen)

    roots = sorted(p for p in pg.plans if not pg.parent_map[p])
    for root in roots:
        lines.append(label(root))
        children = children_of[root]
        for i, child in enumerate(children):
            walk(child, "", i == len(children) - 1, set())
    return "\n".join(lines) + "\n"
