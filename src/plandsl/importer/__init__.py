"""`plandsl import`: draft a spec from a planner's document (DOCX, DOC, PDF, scanned pages,
text). The stages: read (readers/), repair legacy-font damage, extract (extract/), match the
parent (parent.py), write (emit.py) through the canonical printer.

``import_document`` never raises on a document's content: a file that cannot be read at all
raises :class:`ImportFailure` with a plain message; everything else becomes a draft with
review comments.
"""

from __future__ import annotations

from plandsl.core.i18n import _
from plandsl.core.records import frozen
from plandsl.importer.document import Document, Line
from plandsl.importer.errors import ImportFailure
from plandsl.language.snippets import snippet

__all__ = ["ImportFailure", "ImportResult", "import_document", "import_text"]


@frozen
class ImportResult:
    plan_id: str
    text: str  # the spec, canonical layout
    fields: int
    reviews: int
    unplaced: int
    notes: tuple[str, ...]
    missing_parent_objectives: tuple[str, ...] = ()
    # Messages for the planner's terminal (e.g. a --parent the document does not cite).
    warnings: tuple[str, ...] = ()


def _repair(doc: Document) -> None:
    from plandsl.importer.readers.legacy import repair_words

    repaired: dict[str, str] = {}
    typos: dict[str, str] = {}
    for i, line in enumerate(doc.lines):
        text, made, suspects = repair_words(line.text)
        if line.ocr:
            # OCR misreads one diacritic as often as a typist: repaired the same way, and reviewed.
            for w, f in suspects:
                text = text.replace(w, f)
                made.append((w, f))
            suspects = []
        if made:
            doc.lines[i] = Line(text, line.where, line.no, line.ocr, line.bold)
            for w, f in made:
                if len(w) < 40:
                    repaired.setdefault(w, f)
        for w, f in suspects:
            typos.setdefault(w, (f, line.where))
    if repaired:
        what = (_("OCR and legacy-font damage repaired: {words}") if doc.source == "ocr"
                else _("legacy-font damage repaired: {words}"))
        doc.notes.append(what.format(words=", ".join(f"'{w}' -> '{f}'" for w, f in repaired.items())))
    if typos:
        typo = _("'{word}' ({where}: did you mean '{fix}'?)")
        doc.notes.append(_("possible diacritic typos kept as written: {typos}").format(
            typos=", ".join(typo.format(word=w, where=where, fix=f) for w, (f, where) in typos.items())))


def import_document(path: str, *, parent_id: str | None = None, specs: tuple[str, ...] = (),
                    keywords: str = "vi", plan_id: str | None = None, partial: bool = False,
                    source_name: str | None = None) -> ImportResult:
    from plandsl.importer.readers import read

    doc = read(path)
    return _finish(doc, parent_id, specs, keywords, plan_id, partial, source_name or path)


def import_text(text: str, name: str = "<text>", **kwargs) -> ImportResult:
    """Import a document given as text (used by tests and the benchmark)."""
    from plandsl.importer.readers.plain import text_document

    doc = text_document(name, text, [])
    if not doc.lines:
        raise ImportFailure(_("{path}: the document has no text").format(path=name))
    return _finish(doc, kwargs.pop("parent_id", None), tuple(kwargs.pop("specs", ())), kwargs.pop("keywords", "vi"),
                   kwargs.pop("plan_id", None), kwargs.pop("partial", False), name)


def _load_specs(specs: tuple[str, ...]):
    if not specs:
        return None
    from plandsl.project.loader import load

    return load(list(specs), jobs=1)


def _finish(doc: Document, parent_id, specs, keywords, plan_id, partial, source_name) -> ImportResult:
    from plandsl.importer.emit import draft_text
    from plandsl.importer.extract import extract
    from plandsl.importer.parent import cited_specs, cites_parent, derive_id, match_parent

    _repair(doc)
    draft = extract(doc)
    draft.notes[:0] = doc.notes
    loaded = _load_specs(specs)
    by_id = loaded.by_id() if loaded is not None else {}
    missing: list[str] = []
    if parent_id:
        parent = by_id.get(parent_id)
        if parent is None:
            from plandsl.core.suggest import did_you_mean

            hint = did_you_mean(parent_id, list(by_id)) if by_id else None
            raise ImportFailure(_("the parent plan '{plan}' is not among the given specs").format(plan=parent_id),
                                hint or _("Give the folder of specs that holds the parent with --specs."))
        missing = match_parent(draft, parent, partial, keywords)
    warnings = _check_parent(draft, parent_id, by_id, cited_specs, cites_parent, keywords)
    pid = plan_id or derive_id(draft, set(by_id))
    if plan_id is None and draft.jurisdiction is None:
        draft.notes.append(_("the document names no province or unit, so the id '{id}' has no place in it: "
                             "rename the plan (--id)").format(id=pid))
    text, fields, reviews = draft_text(draft, pid, source_name, keywords=keywords)
    text = _canonical(text, keywords)
    return ImportResult(pid, text, fields, reviews, len(draft.unplaced), tuple(draft.notes), tuple(missing),
                        tuple(warnings))


def _check_parent(draft, parent_id, by_id, cited_specs, cites_parent, keywords: str) -> list[str]:
    """Compare the parent with the instruments the document cites: warn about a --parent whose
    instrument the document never cites when it cites another loaded spec's; without --parent,
    propose the cited specs as parents. Each finding is also a review note in the draft."""
    cited = [(pid, number) for pid, number in cited_specs(draft, by_id) if pid != parent_id]
    if not cited:
        return []
    names = ", ".join(f"{pid} ({number})" for pid, number in cited)
    if parent_id:
        parent = by_id[parent_id]
        if cites_parent(draft, parent) is not False:
            return []
        note = _("the document does not cite {parent}'s instrument {number} but cites {cited}: did you mean "
                 "--parent {suggestion}?").format(parent=parent_id, number=getattr(parent.instrument, "number", "?"),
                                                  cited=names, suggestion=cited[0][0])
        draft.notes.append(note)
        return [note]
    for pid, _number in cited:
        if pid not in draft.parents:
            draft.parents.append(pid)
    draft.notes.append(_("parent proposed from the instruments the document cites: {cited}; check "
                         "{keyword}").format(cited=names, keyword=snippet("`implements`", keywords)))
    return []


def _canonical(text: str, keywords: str) -> str:
    """The draft through the canonical printer; a draft the parser refuses is a bug, never a crash."""
    from plandsl.language.printer import format_text

    result = format_text(text, "<import>", keywords)
    if result.ok:
        return result.formatted
    problems = "; ".join(d.message for d in result.diagnostics[:3])
    body = "\n".join("# " + line for line in text.splitlines())
    note = _("the importer wrote a spec the parser refused ({problems}); the draft is kept as comments below. "
             "Please report this.").format(problems=problems)
    fallback = f"# review: {note}\n{body}\nplan imported_draft {{\n}}\n"
    result = format_text(fallback, "<import>", keywords)
    return result.formatted if result.ok else fallback
