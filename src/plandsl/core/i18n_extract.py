"""Babel extraction method for plandsl's sources (used by babel.cfg; needs Babel, a dev dependency).

On top of Babel's Python extractor (``_()``, ``N_()``, ``ngettext()``,
``lazy_gettext()``) it collects the texts that are written as plain Python
but shown to users:

* the docstrings of rule classes (``@register``) and of click commands
  (``@click.command`` / ``@click.group``), one msgid per paragraph, as
  :func:`plandsl.core.i18n.translate_text` looks them up;
* the ``help="..."`` texts of click options and arguments.
"""

from __future__ import annotations

import ast
import inspect
import io
from typing import Iterator

from plandsl.core.i18n import docstring_paragraphs

KEYWORDS = {
    "_": None, "gettext": None, "N_": None, "lazy_gettext": None, "lgettext": None,
    "ngettext": (1, 2),
}


def _decorator_names(node: ast.AST) -> set[str]:
    names = set()
    for dec in getattr(node, "decorator_list", ()):
        target = dec.func if isinstance(dec, ast.Call) else dec
        if isinstance(target, ast.Attribute):
            names.add(target.attr)
        elif isinstance(target, ast.Name):
            names.add(target.id)
    return names


def extra_messages(source: str) -> Iterator[tuple[int, str]]:
    """(line, msgid) for rule and command docstrings and click help texts in ``source``."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names = _decorator_names(node)
            if {"register", "command", "group"} & names:
                doc = ast.get_docstring(node, clean=False)
                if doc:
                    line = node.body[0].lineno
                    for paragraph in docstring_paragraphs(inspect.cleandoc(doc.split("\f")[0])):
                        yield line, paragraph
        elif isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg == "help" and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
                    if kw.value.value:
                        yield kw.value.lineno, kw.value.value


def extract(fileobj, keywords, comment_tags, options):
    """Babel extraction method: Babel's Python extractor plus :func:`extra_messages`."""
    from babel.messages.extract import extract_python

    data = fileobj.read()
    yield from extract_python(io.BytesIO(data), keywords, comment_tags, options)
    text = data.decode("utf-8")
    for line, msgid in extra_messages(text):
        yield line, None, msgid, []


def compile_catalogs(locale_dir: str | None = None) -> list[str]:
    """Write each ``plandsl.mo`` from its ``plandsl.po`` (fuzzy entries left out).

    ``pybabel compile`` does the same but stops with "placeholders are
    incompatible" on texts such as "60% of staff": it takes "% o" for a
    printf placeholder. plandsl formats messages with ``str.format`` only, so
    the check does not apply (tests/test_i18n.py checks the {placeholders}).
    """
    from pathlib import Path

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    from plandsl.core.i18n import DOMAIN, LOCALE_DIR

    written = []
    for po in sorted(Path(locale_dir or LOCALE_DIR).glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with open(po, "rb") as fh:
            catalog = read_po(fh, locale=po.parent.parent.name)
        mo = po.with_suffix(".mo")
        with open(mo, "wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)
        written.append(str(mo))
    return written


if __name__ == "__main__":  # python -m plandsl.core.i18n_extract compile
    import sys

    if sys.argv[1:] != ["compile"]:
        sys.exit("usage: python -m plandsl.core.i18n_extract compile")
    for path in compile_catalogs():
        print(path)
