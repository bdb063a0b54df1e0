"""Messages in Vietnamese and English: language choice, catalogs complete and up to date."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from plandsl.core import i18n

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "plandsl" / "locale"


@pytest.fixture(autouse=True)
def _fresh_language():
    i18n.set_language(None)
    yield
    i18n.set_language(None)


# ------------------------------------------------------------- choosing the language

@pytest.mark.parametrize("value, expected", [
    ("vi", "vi"), ("vi_VN.UTF-8", "vi"), ("EN", "en"), ("en-US", "en"), ("en_GB.UTF-8@euro", "en"),
    ("C", None), ("C.UTF-8", None), ("fr_FR.UTF-8", None), ("", None), (None, None), ("vietnamese", None),
])
def test_normalize(value, expected):
    assert i18n.normalize(value) == expected


def test_order_option_env_config_locale_default(tmp_path):
    (tmp_path / "plandsl.toml").write_text('messages = "en"\n', "utf-8")
    env = {"PLANDSL_LANG": "vi", "LANG": "en_US.UTF-8"}
    assert i18n.resolve_language("en", env, tmp_path) == "en"  # --messages first
    assert i18n.resolve_language(None, env, tmp_path) == "vi"  # then PLANDSL_LANG
    assert i18n.resolve_language(None, {"LANG": "vi_VN.UTF-8"}, tmp_path) == "en"  # then the configuration
    other = tmp_path.parent / (tmp_path.name + "-noconf")  # a folder with no configuration above it
    other.mkdir()
    assert i18n.resolve_language(None, {"LANG": "en_US.UTF-8"}, other) == "en"  # then the locale
    assert i18n.resolve_language(None, {"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, other) == "vi"  # C: default
    assert i18n.resolve_language(None, {"LC_MESSAGES": "vi_VN"}, other) == "vi"
    assert i18n.resolve_language(None, {}, other) == "vi"  # Vietnamese otherwise


def test_pyproject_tool_plandsl_messages(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.plandsl]\nmessages = "en"\n', "utf-8")
    sub = tmp_path / "specs" / "a"
    sub.mkdir(parents=True)
    assert i18n.language_from_config(sub) == "en"
    (tmp_path / "pyproject.toml").write_text('[tool.plandsl]\nmessages = "klingon"\n', "utf-8")
    assert i18n.language_from_config(sub) is None


def test_invalid_env_value_is_skipped(tmp_path):
    assert i18n.resolve_language(None, {"PLANDSL_LANG": "fr", "LANG": "en_US.UTF-8"}, tmp_path) == "en"


def test_set_language_and_translation():
    i18n.set_language("en")
    assert i18n.current_language() == "en"
    assert i18n._("Show this message and exit.") == "Show this message and exit."
    i18n.set_language("vi")
    assert i18n.current_language() == "vi"
    assert i18n._("Show this message and exit.") != "Show this message and exit."
    lazy = i18n.lazy_gettext("Show this message and exit.")
    vi = str(lazy)
    i18n.set_language("en")
    assert str(lazy) == "Show this message and exit." != vi


# ------------------------------------------------------------- the catalogs

def _read_po(lang: str):
    from babel.messages.pofile import read_po

    with open(LOCALE / lang / "LC_MESSAGES" / "plandsl.po", "rb") as fh:
        return read_po(fh, locale=lang)


def _extracted() -> set[str]:
    """Run Babel's extraction over the code as babel.cfg says; the msgids (singular) it finds."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with open(ROOT / "babel.cfg", encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "lazy_gettext": None,
                "lgettext": None}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=keywords):
        found.add(message if isinstance(message, str) else message[0])
    found.discard("")
    return found


def _ids(catalog) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_catalog_matches_the_code(lang):
    extracted = _extracted()
    in_catalog = _ids(_read_po(lang))
    missing = sorted(extracted - in_catalog)
    stale = sorted(in_catalog - extracted)
    assert not missing, f"{len(missing)} msgid(s) of the code are not in {lang}/plandsl.po (docs/I18N.md): {missing[:10]}"
    assert not stale, f"{len(stale)} msgid(s) of {lang}/plandsl.po are no longer in the code: {stale[:10]}"


def test_every_msgid_has_a_vietnamese_translation():
    untranslated = []
    for m in _read_po("vi"):
        if not m.id:
            continue
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if "fuzzy" in m.flags or not all(strings):
            untranslated.append(m.id)
    assert not untranslated, f"{len(untranslated)} msgid(s) without Vietnamese: {untranslated[:10]}"


def _fields(text: str) -> set[str]:
    out = set()
    try:
        for _lit, name, _spec, _conv in string.Formatter().parse(text):
            if name is not None:
                out.add(name)
    except ValueError:
        pass
    out |= set(re.findall(r"%\((\w+)\)s", text))
    return out


def _rule_doc_paragraphs() -> set[str]:
    """Paragraphs of the rules' documents: shown as they are (never .format()ed), so a brace in them
    is spec syntax (`request "…" { text "…" }`), which the translation writes in Vietnamese keywords."""
    import inspect

    from plandsl.core.i18n import docstring_paragraphs
    from plandsl.rules import load_all
    from plandsl.rules.base import RULES

    load_all()
    return {p for cls in RULES.values() for p in docstring_paragraphs(inspect.cleandoc(cls.__doc__ or ""))}


def test_translations_keep_the_placeholders():
    bad = []
    docs = _rule_doc_paragraphs()
    for m in _read_po("vi"):
        if not m.id or m.id in docs:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        wanted = set().union(*(_fields(i) for i in ids))
        for s in strings:
            # a plural form may use the fields of either msgid (the caller passes both)
            if s and (_fields(s) != wanted if len(ids) == 1 else not _fields(s) <= wanted):
                bad.append((ids[0], sorted(_fields(s) ^ wanted)))
    assert not bad, bad[:10]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_compiled_catalog_is_up_to_date(lang):
    from babel.messages.mofile import read_mo

    po = _read_po(lang)
    with open(LOCALE / lang / "LC_MESSAGES" / "plandsl.mo", "rb") as fh:
        mo = read_mo(fh)
    def key(value):
        return tuple(value) if isinstance(value, (list, tuple)) else value

    want = {key(m.id): key(m.string) for m in po if m.id and "fuzzy" not in m.flags
            and all(m.string if isinstance(m.string, tuple) else (m.string,)) and key(m.string) != key(m.id)}
    # Babel writes an untranslated plural with its msgids as the strings
    have = {key(m.id): key(m.string) for m in mo if m.id and key(m.string) != key(m.id)}
    assert have == want, f"{lang}/plandsl.mo is stale: run `python -m plandsl.core.i18n_extract compile`"


def test_click_messages_are_clicks_own():
    """The click msgids plandsl translates still exist in the installed click."""
    import click
    from babel.messages.extract import extract_from_dir

    from plandsl.cli.localize import CLICK_MESSAGES

    found = set()
    for _f, _l, message, _c, _x in extract_from_dir(str(Path(click.__file__).parent)):
        found.update([message] if isinstance(message, str) else message)
    assert set(CLICK_MESSAGES) - found == set()


def test_wheel_ships_the_compiled_catalogs():
    """pyproject packages src/plandsl whole; the .mo files are tracked, not built."""
    for lang in ("vi", "en"):
        assert (LOCALE / lang / "LC_MESSAGES" / "plandsl.mo").is_file()
