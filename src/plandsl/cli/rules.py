"""`plandsl rules [CODE]`: list the rules, or show one with its documentation."""

from __future__ import annotations

import click
from plandsl.core.i18n import _, translate_text


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
            raise click.ClickException(
                (_("no rule '{code}'.").format(code=code) + " " + (did_you_mean(code.upper(), RULES) or "")).strip())
        click.echo(_("{code} {name} (default: {severity})").format(code=cls.code, name=cls.name,
                                                                  severity=_severity(cls.severity)) + "\n")
        # The docstring, one paragraph at a time through the catalog (Anti-pattern / Best practice included).
        click.echo(translate_text(cls.__doc__ or ""))
        return
    width = max(len(_severity(cls.severity)) for cls in RULES.values())
    for c, cls in sorted(RULES.items()):
        click.echo(f"{c}  {_severity(cls.severity):<{width}}  {cls.name:<32}  {_summary(cls)}")


def _severity(severity) -> str:
    """The severity word as `plandsl check` prints it (the configuration takes the English label)."""
    from plandsl.report.formats import severity_word

    return severity_word(severity)


def _summary(cls) -> str:
    """The rule's first docstring paragraph, translated, on one line."""
    import inspect

    from plandsl.core.i18n import docstring_paragraphs

    first = docstring_paragraphs(inspect.cleandoc(cls.__doc__ or ""))
    return " ".join(_(first[0]).split()) if first else ""
