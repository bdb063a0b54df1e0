"""Command-line texts in the language of messages.

Click reads help texts when it formats them, so commands keep their English
help (docstrings and ``help=``, extracted into the catalog by
plandsl.core.i18n_extract) and :func:`localize` swaps in the translation
before a command is used. Click's own words ("Usage:", "Show this message and
exit.", "No such option") go through :func:`install_click_gettext`; their
msgids are listed in :data:`CLICK_MESSAGES` so the catalog carries them.
"""

from __future__ import annotations

import click

from plandsl.core.i18n import N_, gettext, ngettext, translate_text

_ORIGINAL = "_plandsl_msgid"

# Click's own messages that users meet; translated through our catalog
# (tests/test_i18n.py checks that click still uses each of these msgids).
CLICK_MESSAGES = (
    N_("Usage:"), N_("Options"), N_("Commands"), N_("Show this message and exit."),
    N_("Show the version and exit."), N_("Error: {message}"), N_("Try '{command} {option}' for help."),
    N_("No such option {name!r}."), N_("No such command {name!r}."), N_("Missing command."),
    N_("Missing argument"), N_("Missing option"), N_("Missing parameter"), N_("Missing parameter: {param_name}"),
    N_("Invalid value for {param_hint}: {message}"), N_("Invalid value: {message}"),
    N_("env var: {var}"), N_("default: {default}"), N_("Aborted!"), N_("Choice({choices})"),
    N_("{value!r} is not a valid {number_type}."), N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("file"), N_("directory"), N_("path"), N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."), N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."), N_("{name} {filename!r} is not writable."),
    N_("Could not open file {filename!r}: {message}"), N_("Option {name!r} does not take a value."),
    N_("%(prog)s, version %(version)s"),
    N_("deprecated"), N_("(dynamic)"), N_("Positional arguments"), N_("Missing {param_type}"),
    N_("{name} {filename!r} is not executable."), N_("Argument {name!r} takes {nargs} values."),
    N_("Choose from:\n\t{choices}"),
)

# Click translates these with a variable (``_(extra["required"])`` in Option.get_help_record), so
# its own catalog does not list them; the "[required]" mark of an option's help.
CLICK_VARIABLE_MESSAGES = (N_("required"),)


def _click_plurals(n: int) -> tuple[str, ...]:  # pragma: no cover - only marks click's plural msgids
    return (
        ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", n),
        ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", n),
        ngettext("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", n),
        ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", n),
        ngettext("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}.", n),
    )


_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "utils", "termui")


class _Noun(str):
    """A translated noun whose ``title()`` capitalises only its first letter.

    Click writes "{name} {filename!r} does not exist." with ``name.title()`` ("Path"); a Vietnamese
    noun of several words must not become "Đường Dẫn" but "Đường dẫn"."""

    def title(self) -> str:
        return _Noun(self[:1].upper() + self[1:])


_CLICK_NOUNS = frozenset({"file", "directory", "path"})


def _path_noun(kind: click.Path) -> str:
    """The noun click.Path names its value with ("file", "directory", "path"), in the current language."""
    if kind.file_okay and not kind.dir_okay:
        return _click_gettext("file")
    if kind.dir_okay and not kind.file_okay:
        return _click_gettext("directory")
    return _click_gettext("path")


def _click_gettext(message: str) -> str:
    text = gettext(message)
    return _Noun(text) if message in _CLICK_NOUNS else text


def _click_ngettext(singular: str, plural: str, n: int) -> str:
    return ngettext(singular, plural, n)


def install_click_gettext() -> None:
    """Route click's own messages through plandsl's catalog (click imports gettext as ``_``)."""
    import importlib

    for name in _CLICK_MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # pragma: no cover - a click without that module
            continue
        if getattr(module, "_", None) is not None:
            module._ = _click_gettext  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is not None:
            module.ngettext = _click_ngettext  # type: ignore[attr-defined]


def _swap(obj: object, attr: str, translate) -> None:
    store = obj.__dict__.setdefault(_ORIGINAL, {})
    if attr not in store:
        store[attr] = getattr(obj, attr, None)
    original = store[attr]
    if isinstance(original, str) and original:
        setattr(obj, attr, translate(original))


def localize(command: click.Command) -> click.Command:
    """Put ``command``'s help texts in the current language (keeps the English to switch again)."""
    _swap(command, "help", lambda text: translate_text(text.split("\f")[0]))
    _swap(command, "short_help", gettext)
    for param in command.params:
        _swap(param, "help", gettext)
        if isinstance(param.type, click.Path):  # its noun was translated when the option was made
            param.type.name = _path_noun(param.type)
    # Click makes a command's --help option once, in the language of that moment, and keeps it.
    help_option = getattr(command, "_help_option", None)
    if help_option is not None:
        help_option.help = gettext("Show this message and exit.")
    for sub in getattr(command, "commands", {}).values():  # a group's own commands (registry units|agencies)
        localize(sub)
    return command
