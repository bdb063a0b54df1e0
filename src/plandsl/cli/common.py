"""Options and output helpers shared by CLI commands."""

from __future__ import annotations

import sys

import click

from plandsl.core.diagnostics import Diagnostic, has_errors
from plandsl.core.fsutil import os_reason
from plandsl.core.i18n import _


def use_colour(stream=None) -> bool:
    stream = stream or sys.stdout
    return hasattr(stream, "isatty") and stream.isatty()


def emit_diagnostics(diagnostics: list[Diagnostic], sources: dict[str, str], files: int, fmt: str) -> int:
    """Print diagnostics in the chosen format; return the exit code (1 on errors)."""
    from plandsl.report import formats as report

    if fmt == "json":
        click.echo(report.format_json(diagnostics, files))
    elif fmt == "sarif":
        from plandsl.report.sarif import to_sarif

        click.echo(to_sarif(diagnostics))
    else:
        colour = use_colour()
        text = report.format_text(diagnostics, sources, colour=colour)
        if text:
            click.echo(text)
        click.echo(report.summary(diagnostics, files), err=False)
    return 1 if has_errors(diagnostics) else 0


# --------------------------------------------------------------- output files

EXIT_WRITE = 1  # "exists, use --force" and "cannot write" exit with 1 in every command


def refuse_existing(output: str, force: bool) -> None:
    """Stop before any work when ``output`` is a folder, or a file that --force was not given for."""
    import os

    if output == "-":
        return
    if os.path.isdir(output):
        _fail(_("cannot write {path}: it is a folder; give a file name").format(path=output))
    if not force and os.path.lexists(output):
        _fail(_("{path} already exists; use --force to overwrite it").format(path=output))


def write_output(output: str, data: bytes | str, force: bool) -> None:
    """Write a command's output file atomically, or exit 1 with a plain "cannot write" message.

    Every command that writes a file the user named (render, new, graph, and
    future ones) goes through this, so the messages and exit codes agree.
    """
    import os

    from plandsl.core.fsutil import write_atomic

    refuse_existing(output, force)
    parent = os.path.dirname(output) or "."
    if not os.path.isdir(parent):
        _fail(_("cannot write {path}: the folder {folder} does not exist").format(path=output, folder=parent))
    try:
        write_atomic(output, data, overwrite=force)
    except FileExistsError:
        _fail(_("{path} already exists; use --force to overwrite it").format(path=output))
    except OSError as exc:
        _fail(_("cannot write {path}: {error}").format(path=output, error=os_reason(exc)))


def refuse_missing_paths(paths) -> None:
    """Exit 1 with check's PRS001 error for each input path that does not exist (as check, fmt, explain do).

    A plan id given where a path belongs (``plandsl graph qng_ctxh_2021``) says so and names the plan's file.
    """
    import os

    from plandsl.core.diagnostics import Severity
    from plandsl.core.fsutil import describe_missing
    from plandsl.core.span import Span
    from plandsl.report.formats import format_text

    missing = [p for p in paths if not os.path.exists(p)]
    if not missing:
        return
    diags = [Diagnostic("PRS001", Severity.ERROR, describe_missing(p), Span(str(p), 1, 1, 1, 1),
                        hint=_plan_id_hint(p), name="parse.io") for p in missing]
    click.echo(format_text(diags, {}, colour=use_colour(sys.stderr)).rstrip("\n"), err=True)
    raise SystemExit(1)


def _plan_id_hint(word: str) -> str | None:
    """When ``word`` is (nearly) the id of a plan under specs/, say which file to give instead."""
    import os

    if os.sep in word or "/" in word or word.endswith(".plan") or not os.path.isdir("specs"):
        return None
    from plandsl.core.suggest import closest_id
    from plandsl.project.loader import load

    files = {p.id: r.path for r in load(["specs"]).files for p in ([r.plan] if r.plan is not None else [])}
    best = word if word in files else closest_id(word, files)
    if not best:
        return None
    if best == word:
        return _("'{id}' is a plan id, not a path; give its file: {path}").format(id=word, path=files[word])
    return _("'{word}' is not a path; did you mean plan '{id}' ({path})?").format(word=word, id=best,
                                                                               path=files[best])


def _fail(message: str) -> None:
    click.echo(f"plandsl: {message}", err=True)
    raise SystemExit(EXIT_WRITE)


def refuse_broken_graph(specs, plan_id: str | None = None, pg=None) -> None:
    """Exit 1 with check's GR001/GR003 diagnostics when plans share an id or implement each other in a cycle.

    With ``plan_id``, only problems touching that plan or its ancestors stop the command.
    """
    from plandsl.rules.graph_rules import structural_errors

    diags = structural_errors(specs, plan_id, pg)
    if diags:
        from plandsl.report import formats as report

        click.echo(report.format_text(diags, specs.sources(), colour=use_colour(sys.stderr)).rstrip("\n"), err=True)
        click.echo("plandsl: " + _("fix these first (`plandsl check` shows them too)"), err=True)
        raise SystemExit(1)


def missing_parents(specs, plan_id: str) -> list[Diagnostic]:
    """GR002 diagnostics for each parent of ``plan_id`` or of its loaded ancestors that is not loaded."""
    from plandsl.core.diagnostics import Severity

    plans = specs.by_id()
    found, todo, seen = [], [plan_id], set()
    while todo:
        pid = todo.pop()
        if pid in seen or pid not in plans:
            continue
        seen.add(pid)
        for ref in plans[pid].parents:
            if ref.plan_id in plans:
                todo.append(ref.plan_id)
                continue
            found.append(Diagnostic(
                "GR002", Severity.ERROR,
                _("the parent plan '{id}' is not loaded").format(id=ref.plan_id), ref.span,
                hint=_("give the folder with its spec, e.g. `specs/`"), name="graph.unknown-parent"))
    return found


def report_missing_parents(specs, plan_id: str, refuse: bool) -> None:
    """Print the parents of ``plan_id``'s chain that are not loaded: an error that stops the command when
    ``refuse`` (a comparison with the parent needs it), else a warning, so no document shows the plan as
    the top of its chain by accident."""
    import attrs

    from plandsl.core.diagnostics import Severity
    from plandsl.report import formats as report

    diags = missing_parents(specs, plan_id)
    if not diags:
        return
    if not refuse:
        diags = [attrs.evolve(d, severity=Severity.WARNING) for d in diags]
    click.echo(report.format_text(diags, specs.sources(), colour=use_colour(sys.stderr)).rstrip("\n"), err=True)
    if refuse:
        raise SystemExit(1)
