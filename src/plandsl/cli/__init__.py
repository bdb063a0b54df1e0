"""The plandsl command line. Thin: each command lives in plandsl.cli.*
and is imported only when it runs, so `plandsl --version` starts fast.

Exit codes: 0 success, 1 errors found in the specs, 2 bad usage, 70 internal error.
"""

from __future__ import annotations

import gc
import importlib
import sys

# A command is a short process: what it imports and makes (the engine's modules, the stored check, the
# headers) lives until it ends and holds no cycles. With the default thresholds the collector walked those
# young objects again and again: the imports' ~1.4% of a one-commune re-check's instructions, and ~90 walks
# (~10-20 ms) of its run.
gc.set_threshold(50_000, 50, 100)

import click  # noqa: E402 - after the collector's thresholds

from plandsl import __version__
from plandsl.core.i18n import N_, gettext as _

# name -> (module, function, one-line help shown by --help without importing the module)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "check": ("plandsl.cli.check", "check", N_("Check specs: syntax, inheritance and consistency rules.")),
    "registry": ("plandsl.cli.registry", "registry", N_("Look up jurisdictions and agency types (registries).")),
    "explain": ("plandsl.cli.explain", "explain", N_("Show where each resolved target of a plan came from.")),
    "graph": ("plandsl.cli.graph", "graph", N_("Print the inheritance tree (text, DOT, Mermaid, SVG).")),
    "rules": ("plandsl.cli.rules", "rules", N_("List the rules, or document one.")),
    "fmt": ("plandsl.cli.fmt", "fmt", N_("Rewrite specs in the canonical layout (--check, --diff, --keywords).")),
    "new": ("plandsl.cli.new", "new", N_("Scaffold a child spec from a parent plan.")),
    "lsp": ("plandsl.cli.lsp", "lsp", N_("Run the language server for editors (stdio).")),
    "render": ("plandsl.cli.render", "render", N_("Draft the Quyết định and Kế hoạch (md, html, docx).")),
    "serve": ("plandsl.cli.serve", "serve", N_("Open the specs in the browser: tree, plans, matrices, editor.")),
    "site": ("plandsl.cli.site", "site", N_("Write the tree, plan pages and matrices as static HTML.")),
    "migrate": ("plandsl.cli.migrate", "migrate", N_("Re-base plans on the 2025 map: successor bodies, new units, drafts.")),
    "import": ("plandsl.cli.import_", "import_", N_("Draft a spec from a planner's document (DOCX, PDF, text, scans).")),
    "progress": ("plandsl.cli.progress", "progress", N_("Compare targets with actual figures; roll up; draft the báo cáo.")),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        from plandsl.cli.localize import localize

        module, attr, _help = COMMANDS[name]
        return localize(getattr(importlib.import_module(module), attr))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, _(COMMANDS[name][2])) for name in self.list_commands(ctx)]
        with formatter.section(_("Commands")):
            formatter.write_dl(rows)


def _choose_messages(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--messages: the language of messages, for this process and its workers."""
    import os

    from plandsl.core.i18n import ENV_VAR, set_language

    if value:
        os.environ[ENV_VAR] = value
        set_language(value)
        from plandsl.cli.localize import localize

        localize(ctx.command)
        help_option = ctx.command.get_help_option(ctx)  # made before --messages was read
        if help_option is not None:
            help_option.help = _("Show this message and exit.")
    return value


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="plandsl")
@click.option("--messages", type=click.Choice(["vi", "en"]), default=None, is_eager=True, expose_value=False,
              callback=_choose_messages,
              help="Language of messages: vi or en [default: PLANDSL_LANG, then `messages` in the "
                   "configuration, then the locale, then vi].")
def cli() -> None:
    """plandsl: write Vietnamese government plans as specs, check them against
    their parent plans, and draft the decision text.

    \b
    Typical use:
      plandsl check specs/               check every spec under specs/
      plandsl explain PLAN specs/        show where each target came from
      plandsl render PLAN -o out.docx    draft the Quyết định and Kế hoạch
    """


def main(argv: list[str] | None = None) -> int:
    from plandsl.cli.localize import install_click_gettext, localize

    import os

    from plandsl.core.i18n import ENV_VAR, set_language

    from plandsl.cli import console

    console.configure()  # a cp1258 or cp1252 console prints Vietnamese instead of failing
    saved = os.environ.get(ENV_VAR)
    set_language(None)  # choose again from the settings: --messages, PLANDSL_LANG, configuration, locale
    install_click_gettext()
    localize(cli)
    try:
        return _main(argv)
    finally:
        if saved is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = saved


def _main(argv: list[str] | None) -> int:
    try:
        cli.main(args=argv, prog_name="plandsl", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except KeyboardInterrupt:
        click.echo(_("plandsl: interrupted"), err=True)
        return 130
    except Exception as exc:  # never show a traceback to a planner
        click.echo(
            _("plandsl: internal error ({error}).\n"
              "This is a bug in plandsl, not in your spec; please report it with the command you ran.").format(
                error=f"{type(exc).__name__}: {exc}"),
            err=True,
        )
        return 70
    return 0


if __name__ == "__main__":
    sys.exit(main())


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
