"""Run the document templates and read back their block stream.

The templates (templates/*.j2) write one JSON object per line, one per block
of the document. Blocks are plain dicts with a type ``t``:

header, title, subtitle, note, authority, p, h, item, table, signature, break.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from plandsl.core.data import data_dir
from plandsl.render import vnformat as vn

Block = dict[str, Any]


class TemplateError(Exception):
    """A template is broken (a bug in plandsl's templates, not in the spec)."""


@cache
def environment():
    """The shared Jinja environment: strict about undefined names, HTML autoescaped."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2", "html"), default=False),
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.filters["roman"] = vn.roman
    env.filters["letter"] = vn.letter
    env.filters["md"] = md_escape
    env.filters["mdcell"] = md_cell
    env.filters["mdinline"] = md_inline
    return env


def render_blocks(doc: dict[str, Any], parts: list[str]) -> list[Block]:
    """Run document.j2 over the view model and parse the JSON lines it writes."""
    import jinja2

    try:
        text = environment().get_template("document.j2").render(doc=doc, parts=parts)
    except jinja2.TemplateError as exc:  # UndefinedError included
        raise TemplateError(f"template error: {exc}") from exc
    blocks = []
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        try:
            blocks.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise TemplateError(f"template wrote a line that is not a block (line {n}): {line[:60]!r}") from exc
    return blocks


def body_lines(lines: list[str]) -> list[tuple[str, bool]]:
    """Issuing-body lines with their weight: a governing body above the issuer is not bold."""
    if len(lines) > 1 and lines[0].startswith("UBND "):
        return [(lines[0], False)] + [(line, True) for line in lines[1:]]
    return [(line, True) for line in lines]


# Brackets are escaped so that no link or image ("[x](javascript:...)") can come from spec text.
_MD_SPECIAL = str.maketrans({"*": r"\*", "_": r"\_", "`": r"\`", "<": "&lt;", ">": "&gt;", "\\": "\\\\",
                             "[": r"\[", "]": r"\]"})


def md_escape(text: str) -> str:
    """Escape Markdown so that the text shows as written."""
    import re

    out = str(text).translate(_MD_SPECIAL)
    numbered = re.match(r"(\d+)([.)])(\s)", out)
    if numbered:
        out = numbered.group(1) + "\\" + out[len(numbered.group(1)):]
    elif re.match(r"(#|[-+>]\s)", out):
        out = "\\" + out
    return out


def md_inline(text: str) -> str:
    """Escape Markdown inside a line that already starts with markup (a heading)."""
    return str(text).translate(_MD_SPECIAL)


def md_cell(text: str) -> str:
    return md_escape(text).replace("|", r"\|").replace("\n", "<br>")
