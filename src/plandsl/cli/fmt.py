"""`plandsl fmt [--check] [--diff] [--keywords vi|en] PATH...` (`--lang` is an alias of `--keywords`)"""

from __future__ import annotations

import click
from plandsl.core.fsutil import os_reason
from plandsl.core.i18n import _


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(), required=True)
@click.option("--check", "check_only", is_flag=True, help="Change nothing; exit 1 and list the files that would change.")
@click.option("--diff", "show_diff", is_flag=True, help="Show the changes as a unified diff (changes nothing).")
@click.option("--keywords", "--lang", "lang", type=click.Choice(["vi", "en"]), default=None,
              help="Rewrite keywords in this keyword set (default: keep each spec's own).")
def fmt(paths: tuple[str, ...], check_only: bool, show_diff: bool, lang: str | None) -> None:
    """Rewrite *.plan specs under PATHS in the canonical layout, keeping comments.

    A spec with errors is left untouched and its problems are shown (exit 1).
    With --check or --diff nothing is written; exit 1 when a file would change.
    """
    from plandsl.report import formats as report
    from plandsl.language.printer import format_bytes
    from plandsl.core.fsutil import write_atomic
    from plandsl.project.loader import discover

    files, problems = discover(paths)
    if not files and not problems:
        raise click.UsageError(_("no *.plan spec files were found in the given paths"))
    exit_code = 1 if problems else 0
    changed: list[str] = []
    for path in files:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            click.echo(_("{path}: cannot read the file: {error}").format(path=path, error=os_reason(exc)),
                       err=True)
            exit_code = 1
            continue
        result = format_bytes(data, path, lang)
        if not result.ok:
            problems.extend(result.diagnostics)
            exit_code = 1
            continue
        new = result.formatted.encode("utf-8")
        if new == data:
            continue
        changed.append(path)
        if show_diff:
            _echo_diff(path, data, result.formatted)
        if check_only or show_diff:
            continue
        try:
            write_atomic(path, new, overwrite=True)
        except OSError as exc:
            click.echo(_("{path}: cannot write the file: {error}").format(path=path, error=os_reason(exc)),
                       err=True)
            exit_code = 1
    if problems:
        sources = {}
        click.echo(report.format_text(problems, sources), err=True)
    if check_only or show_diff:
        for path in changed if check_only else []:
            click.echo(_("would reformat {path}").format(path=path))
        if changed:
            exit_code = 1
        click.echo(_("{changed} of {total} spec(s) would be reformatted").format(changed=len(changed), total=len(files)),
                   err=True)
    else:
        for path in changed:
            click.echo(_("reformatted {path}").format(path=path))
        click.echo(_("{changed} of {total} spec(s) reformatted").format(changed=len(changed), total=len(files)),
                   err=True)
    raise SystemExit(exit_code)


def _echo_diff(path: str, old: bytes, new: str) -> None:
    import difflib

    before = old.decode("utf-8", errors="replace").splitlines(keepends=True)
    after = new.splitlines(keepends=True)
    from plandsl.core.safetext import printable

    diff = "".join(difflib.unified_diff(before, after, f"a/{path}", f"b/{path}"))
    click.echo(printable(diff, keep_newlines=True), nl=False)  # spec lines: no control bytes to the terminal
