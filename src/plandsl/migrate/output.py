"""Write the drafts of a migration and its report (Markdown and JSON).

Each draft is printed by the canonical printer, then every point left for review is
written as a ``# review:`` comment above the statement it concerns, and the result is
formatted again (comments are kept), so the file reads as ``plandsl fmt`` writes it.
The input files are never touched; an existing output file is replaced only with
``force``.
"""

from __future__ import annotations

import json
import os
import textwrap
from functools import lru_cache
from pathlib import Path

import attrs

from plandsl.core.fsutil import os_reason, write_atomic
from plandsl.core.i18n import N_, _
from plandsl.language.printer import format_plan, quote
from plandsl.migrate import model as mm

REPORT_MD = "migration-report.md"
REPORT_JSON = "migration-report.json"


def spec_text(draft: mm.Draft, keywords: str | None = None) -> str:
    """The formatted spec of a draft, with its review comments above the statements they concern.

    The comments are placed by reading the printed lines (the printer writes one statement
    a line, in a fixed layout), which is what ``plandsl fmt`` would keep them as."""
    lang = keywords or draft.plan.lang
    text = format_plan(draft.plan, lang)
    if not draft.reviews:
        return text
    lines = text.split("\n")
    finder = _LineFinder(lines, lang)
    inserts: dict[int, list[str]] = {}
    for review in draft.reviews:
        n = finder.line_of(review.key)
        indent = len(lines[n]) - len(lines[n].lstrip(" "))
        for i, chunk in enumerate(_wrapped(review.message)):
            inserts.setdefault(n, []).append(" " * indent + ("# review: " if i == 0 else "#   ") + chunk)
    out: list[str] = []
    for n, line in enumerate(lines):
        out.extend(inserts.get(n, ()))
        out.append(line)
    return "\n".join(out)


@lru_cache(maxsize=4096)
def _wrapped(message: str) -> tuple[str, ...]:
    """A review message in lines of at most 100 characters (drafts of a country repeat the same ones)."""
    return tuple(textwrap.wrap(" ".join(message.split()), 100, break_long_words=False, break_on_hyphens=False))


class _LineFinder:
    """Finds the printed line of a task, objective, target or responsibility (by an index of
    each line's first two words, built once per draft)."""

    def __init__(self, lines: list[str], lang: str) -> None:
        self.kw = _keywords(lang)
        self.lines = lines
        self.first: dict[tuple[int, str, str], list[int]] = {}
        for n, line in enumerate(lines):
            stripped = line.lstrip(" ")
            head = stripped.split(" ", 1)
            if len(head) == 2:
                rest = head[1]
                second = rest[: rest.index('"', 1) + 1] if rest.startswith('"') and '"' in rest[1:] else rest.split(" ", 1)[0]
                self.first.setdefault(((len(line) - len(stripped)) // 2, head[0], second), []).append(n)

    def _at(self, depth: int, word: str, name: str, after: int = -1, before: int | None = None) -> int | None:
        for n in self.first.get((depth, self.kw.get(word, word), name), ()):
            if n > after and (before is None or n < before):
                return n
        return None

    def line_of(self, key: tuple) -> int:
        kind = key[0]
        found = None
        if kind == "task":
            found = next((n for d in range(1, 66) if (n := self._at(d, "task", key[1])) is not None), None)
        elif kind in ("objective", "target"):
            found = self._at(1, "objective", key[1])
            if found is not None and kind == "target":
                end = next((n for n in range(found + 1, len(self.lines)) if self.lines[n] == "  }"), None)
                found = self._at(2, "target", key[2], found, end) or found
        elif kind == "responsibility":
            found = self._at(1, "responsibility", quote(key[1])) or self._at(1, "request", quote(key[1]))
        return found if found is not None else (1 if len(self.lines) > 1 else 0)


@lru_cache(maxsize=2)
def _keywords(lang: str) -> dict[str, str]:
    from plandsl.language.parser import keyword_table

    return {name: spelt[1 if lang == "vi" else 0] for name, spelt in keyword_table().items()}


def output_path(draft: mm.Draft, root: Path, outdir: Path, folders: dict[str, Path] | None = None) -> Path:
    """Where a draft goes: the source's folder under ``root``, re-rooted at ``outdir``. ``folders``
    keeps the answer per source within one call of :func:`plan_targets` (a family shares its source)."""
    folder = folders.get(draft.relpath) if folders is not None else None
    if folder is None:
        try:
            folder = outdir / Path(draft.relpath).resolve().parent.relative_to(root)
        except ValueError:
            folder = outdir / Path()
        if folders is not None:
            folders[draft.relpath] = folder
    return folder / f"{draft.plan.id}.plan"


def common_root(paths: list[str]) -> Path:
    resolved = [Path(p).resolve() for p in paths]
    dirs = [p if p.is_dir() else p.parent for p in resolved]
    return Path(os.path.commonpath([str(d) for d in dirs])) if dirs else Path.cwd()


def plan_targets(migration: mm.Migration, paths: list[str], outdir: Path, keywords: str | None
                 ) -> list[tuple[Path, mm.Draft]]:
    root = common_root(paths)
    templates: dict[str, str] = {}
    folders: dict[str, Path] = {}
    out = []
    for d in migration.drafts:
        text = _family_text(d, keywords, templates) if d.family else spec_text(d, keywords)
        out.append((output_path(d, root, outdir, folders), attrs.evolve(d, text=text)))
    return out


# Placeholders for the header fields that differ within a family (ASCII, printed as they are).
_SLOTS = {"id": "plandsl_slot_id", "title": "@@plandsl-title@@", "jurisdiction": "@@plandsl-unit@@",
          "jurisdiction_code": "@@plandsl-code@@", "issuer": "@@plandsl-issuer@@"}


def _family_text(draft: mm.Draft, keywords: str | None, templates: dict[str, str]) -> str:
    """Print one draft of a family through the family's template: the same text as
    ``spec_text`` (a test holds them equal), printed once per family."""
    plan = draft.plan
    if any(getattr(plan, f) is None for f in _SLOTS) or draft.family is None:
        return spec_text(draft, keywords)
    template = templates.get(draft.family)
    if template is None:
        template = templates[draft.family] = spec_text(attrs.evolve(draft, plan=attrs.evolve(plan, **_SLOTS)),
                                                       keywords)
    lines = template.split("\n")
    head = lines[0].replace(f" {_SLOTS['id']} ", f" {plan.id} ", 1)
    body = "\n".join(lines[1:])
    for field in ("title", "jurisdiction", "jurisdiction_code", "issuer"):
        body = body.replace(quote(_SLOTS[field]), quote(getattr(plan, field)), 1)
    return head + "\n" + body


def write_files(files: list[tuple[Path, str]], force: bool) -> list[str]:
    """Write each file atomically; return the problems (an existing, different file without
    ``force``; a file that cannot be written). A file that already holds the same text is left.

    A file that replaces another is flushed to disk before it takes the old one's place; new files
    (a migration writes thousands of drafts into a fresh folder) are flushed together at the end,
    one ``os.sync`` instead of an fsync each (3-12 s of a country's migration)."""
    problems = []
    fresh = 0
    made: set[Path] = set()
    for path, text in files:
        try:
            exists = path.exists()
            if exists and not force:
                if path.is_file() and path.read_text(encoding="utf-8") == text:
                    continue
                problems.append(_("{path} exists; use --force to replace it").format(path=path))
                continue
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            write_atomic(path, text, overwrite=True, durable=exists or path.is_symlink())
            fresh += not exists
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(_("cannot write {path}: {error}").format(path=path, error=os_reason(exc)))
    if fresh and hasattr(os, "sync"):
        os.sync()
    return problems


# -- the report -------------------------------------------------------------

# What changed, as the report's table names it (the JSON keeps the kind's code).
_KINDS = {
    mm.AGENCY: N_("agency"), mm.UNIT: N_("administrative unit"), mm.ISSUER: N_("issuing body"),
    mm.TITLE: N_("title"), mm.PARENT: N_("parent plan"), mm.BASIS: N_("legal basis"),
    mm.INSTRUMENT: N_("instrument"), mm.TARGET: N_("target"), mm.MERGE: N_("merge"), mm.LEVEL: N_("level"),
}

_STATUS = {
    mm.MIGRATED: N_("migrated (a draft replaces it)"),
    mm.UNCHANGED: N_("unchanged (already on the new map)"),
    mm.MERGED: N_("merged with other old provinces' plans"),
    mm.SPLIT: N_("split into commune drafts"),
    mm.FOLDED: N_("folded into the province's plan"),
    mm.NEEDS_DECISION: N_("needs a decision"),
    mm.NOT_IN_FORCE: N_("not in force on the date"),
    mm.CENTRAL: N_("national or ministry plan (not re-based here)"),
    mm.FAILED: N_("not migrated (error)"),
}


def report_json(migration: mm.Migration, targets: list[tuple[Path, mm.Draft]]) -> str:
    where = {d.plan.id: str(p) for p, d in targets}
    data = {
        "schema": "plandsl-migration/1",
        "on": migration.on.isoformat(),
        "plans": [{"plan": o.plan_id, "path": o.path, "status": o.status, "drafts": list(o.drafts),
                   "message": o.message, "errors": [d.message + (f" ({d.span})" if d.span else "")
                                                    for d in o.diagnostics]}
                  for o in migration.outcomes],
        "drafts": [{"plan": d.plan.id, "from": list(d.sources), "file": where.get(d.plan.id),
                    "changes": [c.to_dict() for c in d.changes], "review": [r.to_dict() for r in d.reviews]}
                   for _p, d in targets],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def report_markdown(migration: mm.Migration, targets: list[tuple[Path, mm.Draft]]) -> str:
    title = _("Migration onto the map of {date}").format(date=migration.on.strftime("%d/%m/%Y"))
    out = ["# " + title, ""]
    counts: dict[str, int] = {}
    for o in migration.outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    out.append("| " + " | ".join((_("plan"), _("status"), _("drafts"))) + " |")
    out.append("|---|---|---|")
    for o in migration.outcomes:
        status = _(_STATUS.get(o.status, o.status))
        note = f": {_md(o.message)}" if o.message else ""
        out.append(f"| `{o.plan_id or o.path}` | {status}{note} | {', '.join(f'`{d}`' for d in o.drafts)} |")
    out.append("")
    for path, d in targets:
        out.append(f"## `{d.plan.id}`")
        out.append("")
        out.append(_("From {sources}; written to {path}.").format(
            sources=", ".join(f"`{s}`" for s in d.sources), path=f"`{path}`"))
        out.append("")
        if d.changes:
            out.append("| " + " | ".join((_("change"), _("old"), _("new"), _("instrument"), _("where"))) + " |")
            out.append("|---|---|---|---|---|")
            for c in d.changes:
                kind = (_(_KINDS[c.kind]) if c.kind in _KINDS else c.kind) + (f" ({_md(c.note)})" if c.note else "")
                out.append(f"| {kind} | {_md(c.old)} | {_md(c.new)} | {_md(c.instrument or '')} | "
                           f"{_md(str(c.where) if c.where else '')} |")
            out.append("")
        if d.reviews:
            out.append("**" + _("To review:") + "**")
            out.append("")
            out.extend(f"- {_md(r.message)}" + (f" ({r.where})" if r.where else "") for r in d.reviews)
            out.append("")
    for o in migration.outcomes:
        for diag in o.diagnostics:
            out.append(f"- `{o.path}`: {_md(diag.message)}" + (f" ({diag.span})" if diag.span else ""))
    return "\n".join(out).rstrip() + "\n"


def _md(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")
