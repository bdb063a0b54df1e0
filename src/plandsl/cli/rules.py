"""`plandsl rules [CODE]`: list the rules, or show one with its documentation."""

from __future__ import annotations

import click


@click.command()
@click.argument("code", required=False)
def rules(code: str | None) -> None:
    """List every rule with its code, default severity and summary; with CODE, show its documentation."""
    from plandsl.rules import load_all
    from plandsl.rules.base import RULES
    from plandsl.core.suggest import did_you_mean

    load_all()
    if code:
        cls = RULES.get(code.upper())
        if cls is None:
            raise click.ClickException(f"no rule '{code}'. {did_you_mean(code.upper(), RULES) or ''}".strip())
        click.echo(f"{cls.code} {cls.name} (default: {cls.severity.label})\n")
        import inspect

        click.echo(inspect.cleandoc(cls.__doc__ or ""))
        return
    for c, cls in sorted(RULES.items()):
        click.echo(f"{c}  {cls.severity.label:<7}  {cls.name:<32}  {cls.summary()}")
