"""Messages in Vietnamese or English, through the standard gettext machinery.

Every user-facing string in plandsl is written in English in the code and
wrapped for translation::

    from plandsl.core.i18n import _, N_, ngettext

    _("cannot read {path}").format(path=path)   # translated now
    ngettext("{n} file", "{n} files", n).format(n=n)
    HELP = N_("Check specs.")                     # marked only; translate with _() when shown

Never build a message with an f-string inside ``_()``: the catalog needs the
literal text. The catalogs live in ``plandsl/locale/<lang>/LC_MESSAGES/plandsl.po``
(compiled ``.mo`` beside them, shipped in the wheel); docs/I18N.md says how to
extract, update and compile them with Babel.

The language of messages is, in order:

1. the one set with :func:`set_language` (the CLI's ``--messages``, the LSP
   client's ``locale``);
2. the ``PLANDSL_LANG`` environment variable;
3. ``messages`` in the project configuration (``plandsl.toml`` or
   ``[tool.plandsl]`` in pyproject.toml, the nearest one up from the current folder);
4. the locale (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``) when it names
   Vietnamese or English;
5. Vietnamese.

:func:`current_language` tells which one is in force (caches of findings key on it).
"""

from __future__ import annotations

import gettext as _gettext
import os
from pathlib import Path
from typing import Mapping

DOMAIN = "plandsl"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
SOURCE_LANGUAGE = "en"  # the language of the msgids in the code
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
ENV_VAR = "PLANDSL_LANG"
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")

_chosen: str | None = None  # set_language()
_resolved: str | None = None  # cache of resolve_language() when nothing was set
_translations: dict[str, _gettext.NullTranslations] = {}


def normalize(value: object) -> str | None:
    """'vi', 'vi_VN.UTF-8', 'en-US', 'EN' -> 'vi' / 'en'; anything else -> None."""
    if not isinstance(value, str):
        return None
    word = value.strip().lower()
    for sep in ("_", "-", ".", "@", ":"):
        word = word.split(sep, 1)[0]
    return word if word in LANGUAGES else None


def language_from_locale(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the POSIX locale names, when it is Vietnamese or English.

    The first of LC_ALL, LC_MESSAGES, LANG that is set decides (as POSIX does);
    a locale such as ``C`` or ``fr_FR`` names neither, so None.
    """
    env = os.environ if environ is None else environ
    for var in LOCALE_VARS:
        value = env.get(var)
        if value:
            return normalize(value)
    return None


def language_from_config(start: Path | None = None) -> str | None:
    """``messages = "vi"|"en"`` in the nearest plandsl.toml or ``[tool.plandsl]`` of pyproject.toml."""
    from plandsl.core.settings import setting

    try:
        here = (start or Path.cwd()).resolve()
    except OSError:
        return None
    return normalize(setting(here, "messages"))


def resolve_language(explicit: str | None = None, environ: Mapping[str, str] | None = None,
                     start: Path | None = None) -> str:
    """Choose the language of messages (see the module docstring for the order)."""
    env = os.environ if environ is None else environ
    return (normalize(explicit) or normalize(env.get(ENV_VAR)) or language_from_config(start)
            or language_from_locale(env) or DEFAULT_LANGUAGE)


def set_language(language: str | None) -> str:
    """Use ``language`` for messages from now on (None: choose again from the settings)."""
    global _chosen, _resolved
    _chosen = normalize(language)
    _resolved = None
    return current_language()


def current_language() -> str:
    """The language messages are printed in now: 'vi' or 'en'."""
    global _resolved
    if _chosen is not None:
        return _chosen
    if _resolved is None:
        _resolved = resolve_language()
    return _resolved


def translation(language: str | None = None) -> _gettext.NullTranslations:
    lang = normalize(language) or current_language()
    found = _translations.get(lang)
    if found is None:
        found = _gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True)
        _translations[lang] = found
    return found


def gettext(message: str) -> str:
    """``message`` (an English msgid) in the current language."""
    return translation().gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    return translation().ngettext(singular, plural, n)


def pick(english: str, vietnamese: str) -> str:
    """One of two words that are not messages (a keyword, an enum's spelling) by the current language."""
    return vietnamese if current_language() == "vi" else english


def N_(message: str) -> str:  # noqa: N802 (the conventional name)
    """Mark ``message`` for the catalog without translating it (translate it with ``_()`` when shown)."""
    return message


class LazyText:
    """A msgid translated each time it is turned into text, in the language then in force."""

    __slots__ = ("msgid",)

    def __init__(self, msgid: str) -> None:
        self.msgid = msgid

    def __str__(self) -> str:
        return gettext(self.msgid)

    def __repr__(self) -> str:
        return f"LazyText({self.msgid!r})"

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(self.msgid)

    def format(self, *args, **kwargs) -> str:
        return str(self).format(*args, **kwargs)


def lazy_gettext(message: str) -> LazyText:
    return LazyText(message)


def translate_text(text: str) -> str:
    """Translate a multi-paragraph text (e.g. a rule's docstring) one paragraph at a time.

    Paragraphs are separated by blank lines; each paragraph, as written
    (lines kept), is a msgid. Untranslated paragraphs stay as they are.
    """
    import inspect

    paragraphs = docstring_paragraphs(inspect.cleandoc(text))
    return "\n\n".join(gettext(p) for p in paragraphs)


def docstring_paragraphs(text: str) -> list[str]:
    """The blank-line-separated paragraphs of an already cleaned text."""
    out: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip():
            current.append(line.rstrip())
        elif current:
            out.append("\n".join(current))
            current = []
    if current:
        out.append("\n".join(current))
    return out


_ = gettext
lgettext = lazy_gettext

__all__ = ["_", "N_", "gettext", "ngettext", "lazy_gettext", "LazyText", "current_language", "set_language",
           "resolve_language", "translate_text", "pick", "LANGUAGES", "DEFAULT_LANGUAGE"]
