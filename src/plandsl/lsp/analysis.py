"""What the language server knows, as plain functions over spec text.

No pygls here: positions are 0-based (line, character) as in LSP, results are
plain tuples and strings, so everything is testable without a client. The
server (plandsl.lsp.server) only converts to and from lsprotocol types.

A :class:`Project` holds the specs on disk (under the workspace folders) with
the open editors' texts laid over them, in the same incremental engine as
``plandsl check`` (:mod:`plandsl.check.engine`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import attrs

from plandsl.check.engine import Engine
from plandsl.core.cachedb import CacheDB, default_root
from plandsl.core.diagnostics import Diagnostic
from plandsl.core.i18n import _
from plandsl.core.records import define
from plandsl.language import model as m
from plandsl.language.parser import ParseResult
from plandsl.project.loader import SpecSet

_WORD = re.compile(r"[^\W\d]\w*|\d[\d_.]*")


@define
class Project:
    """Specs under ``roots`` plus open documents (path -> text) that override the disk.

    One :class:`plandsl.check.engine.Engine` is kept alive between edits: an edit
    re-parses the edited file and re-checks only the plans it affects.
    """

    roots: list[str] = attrs.field(factory=list)
    open_docs: dict[str, str] = attrs.field(factory=dict)
    _engine: Engine | None = attrs.field(default=None)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            roots = [os.path.abspath(r) for r in self.roots]
            # The cache store of the workspace's project (not of the server's current folder).
            cache = CacheDB(default_root(Path(roots[0]))) if roots else False
            self._engine = Engine.open(roots, cache=cache)
            for path, text in self.open_docs.items():
                self._engine.update(path, text)
        return self._engine

    def scan(self) -> None:
        """(Re)read the specs under the roots from disk (open documents keep their text)."""
        if self._engine is None or [os.path.abspath(r) for r in self.roots] != self._engine.paths:
            self._engine = None
            self.engine  # noqa: B018 - opens it
        else:
            self._engine.refresh()

    def set_text(self, path: str, text: str) -> None:
        path = os.path.abspath(path)
        self.open_docs[path] = text
        self.engine.update(path, text)

    def close(self, path: str) -> None:
        path = os.path.abspath(path)
        self.open_docs.pop(path, None)
        self.engine.update(path, None)

    def parse(self, path: str) -> ParseResult:
        return self.engine.parse(os.path.abspath(path))

    def specs(self) -> SpecSet:
        return self.engine.specs()

    def plan_by_id(self, plan_id: str) -> m.Plan | None:
        return self.engine.plan(plan_id)

    # -- features -----------------------------------------------------------
    def diagnostics(self, path: str) -> list[Diagnostic]:
        """What ``plandsl check`` says about ``path`` (syntax, inheritance, rules)."""
        path = os.path.abspath(path)
        try:
            return self.engine.diagnostics_for(path)
        except Exception:  # a rule crashing must not take the editor down; syntax still shows
            return [d for d in self.parse(path).diagnostics if d.span is not None]

    def resolved(self, plan_id: str):
        return self.engine.resolved(plan_id)

    def hover(self, path: str, line: int, char: int) -> str | None:
        """Markdown for the thing under the cursor: a target, an objective, a plan id or a rule code."""
        result = self.parse(path)
        plan = result.plan
        if plan is None:
            return None
        lno = line + 1
        for obj in plan.objectives:
            for t in obj.targets:
                if t.span.line == lno:
                    return self._hover_target(plan, obj, t)
        word = word_at(result.text or "", line, char)
        if word is None:
            return None
        other = self.plan_by_id(word) if word != plan.id else None
        if other is not None:
            return _plan_summary(other)
        found = self.parent_objective(plan, word)
        if found is not None:
            parent, obj = found
            return _objective_summary(parent, obj)
        return rule_document(word)

    def _hover_target(self, plan: m.Plan, obj: m.Objective, t: m.Target) -> str:
        from plandsl.language.wording import target_words

        lines = [f"**{obj.id}**: {target_words(t)}"]
        try:
            rp = self.resolved(plan.id)
        except Exception:
            rp = None
        ro = rp.objective(obj.id) if rp else None
        rt = next((r for r in (ro.targets if ro else ()) if r.target.span == t.span or r.target == t), None)
        parent = rt.parent if rt else None
        if parent is None and ro is not None and ro.parent is not None:
            year = rt.year if rt else None
            parent = next((p for p in ro.parent.targets if p.year == year), None)
        if parent is None:
            lines.append(_("No parent target for this year."))
            return "\n\n".join(lines)
        lines.append(_("Parent ({plan}): {target} in {year}").format(
            plan=parent.provenance.plan_id, target=target_words(parent.target), year=parent.year))
        chain = " ← ".join(f"`{p.plan_id}` ({_short(p.span)})" for p in parent.provenance.chain())
        lines.append(_("Written in: {chain}").format(chain=chain))
        return "\n\n".join(lines)

    def parent_objective(self, plan: m.Plan, objective_id: str) -> tuple[m.Plan, m.Objective] | None:
        """The nearest ancestor plan that declares ``objective_id``."""
        seen: set[str] = set()
        queue = [p.plan_id for p in plan.parents]
        while queue:
            pid = queue.pop(0)
            if pid in seen:
                continue
            seen.add(pid)
            parent = self.plan_by_id(pid)
            if parent is None:
                continue
            obj = parent.objective(objective_id)
            if obj is not None:
                return parent, obj
            queue.extend(p.plan_id for p in parent.parents)
        return None

    def definition(self, path: str, line: int, char: int) -> m.Span | None:
        """Where the plan id or objective id under the cursor is defined (in a parent)."""
        result = self.parse(path)
        if result.plan is None:
            return None
        word = word_at(result.text or "", line, char)
        if word is None:
            return None
        plan = result.plan
        other = self.plan_by_id(word) if word != plan.id else None
        if other is not None:
            return other.span
        own = plan.objective(word)
        found = self.parent_objective(plan, word)
        # On the objective's own header, go to the parent's; elsewhere (serves, allow ... on) to this plan's.
        if own is not None and (found is None or own.span.line != line + 1):
            return own.span
        return found[1].span if found is not None else None

    def completions(self, path: str, line: int, char: int) -> list[tuple[str, str]]:
        """(label, kind) pairs: kind is 'keyword', 'agency' or 'objective'."""
        result = self.parse(path)
        text = result.text if result.text is not None else self.open_docs.get(os.path.abspath(path), "")
        lines = text.split("\n")
        before = lines[line][:char] if line < len(lines) else ""
        plan = result.plan
        lang = plan.lang if plan is not None else _guess_lang(text)
        if before.count('"') % 2 == 1:  # inside a string: agency names
            return [(n, "agency") for n in agency_names(plan.level if plan else _level_in(text))]
        words = before.replace(",", " , ").split()
        typed = words if before.endswith((" ", "\t")) else words[:-1]
        last_kw = next((_keyword_name(w) for w in reversed(typed) if _keyword_name(w)), None)
        if last_kw in ("adopt", "waive", "objective", "serves", "on", "no_target"):
            return [(o, "objective") for o in self.parent_objective_ids(text, plan)]
        return [(k, "keyword") for k in keywords(lang)]

    def parent_objective_ids(self, text: str, plan: m.Plan | None) -> list[str]:
        parents = [p.plan_id for p in plan.parents] if plan else re.findall(
            r"(?:implements|thực_hiện)\s+(\w+)", text)
        out: list[str] = []
        for pid in parents:
            parent = self.plan_by_id(pid)
            try:
                rp = self.resolved(pid)
                ids = [o.id for o in rp.active()] if rp else [o.id for o in parent.objectives] if parent else []
            except Exception:
                ids = [o.id for o in parent.objectives] if parent else []
            out.extend(i for i in ids if i not in out)
        return out


# ------------------------------------------------------------------ helpers


def rule_document(code: str) -> str | None:
    """A rule's document (as `plandsl rules CODE` prints it) when ``code`` is a rule's code, else None.

    In the language of messages; its examples of spec syntax are in that language's keyword set."""
    from plandsl.core.i18n import translate_text
    from plandsl.report.formats import severity_word
    from plandsl.rules import load_all
    from plandsl.rules.base import RULES

    load_all()
    cls = RULES.get(code)
    if cls is None:
        return None
    head = _("{code} {name} (default: {severity})").format(code=cls.code, name=cls.name,
                                                          severity=severity_word(cls.severity))
    return f"**{head}**\n\n{translate_text(cls.__doc__ or '')}"


def word_at(text: str, line: int, char: int) -> str | None:
    lines = text.split("\n")
    if line >= len(lines):
        return None
    for mt in _WORD.finditer(lines[line]):
        if mt.start() <= char <= mt.end():
            return mt.group(0)
    return None


def keywords(lang: str | None) -> list[str]:
    from plandsl.language.parser import keyword_table

    table = keyword_table()
    if lang in ("en", "vi"):
        return sorted(pair[0 if lang == "en" else 1] for pair in table.values())
    return sorted({w for pair in table.values() for w in pair})


def _keyword_name(word: str) -> str | None:
    from plandsl.language.parser import keyword_table

    return next((k for k, pair in keyword_table().items() if word in pair), None)


def agency_names(level: m.Level | None) -> list[str]:
    try:
        from plandsl.registry.agencies import AgencyRegistry

        registry = AgencyRegistry.load()
        types = [t for t in registry.types if not t.collective]
    except Exception:
        return []
    names: list[str] = []
    for t in types:
        if level is None:
            names.extend(n for _, n in t.names)
        elif t.has_level(level):
            names.append(t.name_at(level))
    return sorted(set(names))


def _level_in(text: str) -> m.Level | None:
    """The plan's level read off the text, for a spec that does not parse while being typed."""
    found = re.search(r"^\s*(?:level|cấp)\s+(\w+)", text, re.M)
    return m.Level.lookup(found.group(1)) if found else None


def _guess_lang(text: str) -> str | None:
    if re.search(r"^\s*kế_hoạch\b", text, re.M):
        return "vi"
    if re.search(r"^\s*plan\b", text, re.M):
        return "en"
    return None


def _short(span: m.Span) -> str:
    return f"{Path(span.path).name}:{span.line}"


def _plan_summary(plan: m.Plan) -> str:
    inst = _(" — {number} of {date}").format(number=plan.instrument.number,
                                             date=f"{plan.instrument.date:%d/%m/%Y}") if plan.instrument else ""
    period = "\n\n" + _("Period {start}–{end}").format(start=plan.period[0], end=plan.period[1]) if plan.period else ""
    return f"**{plan.id}**: {plan.title or plan.kind or ''}{inst}{period}\n\n{_short(plan.span)}"


def _objective_summary(plan: m.Plan, obj: m.Objective) -> str:
    from plandsl.language.wording import target_words

    lines = [_("**{id}** (from `{plan}`): {text}").format(id=obj.id, plan=plan.id, text=obj.indicator or obj.text or "")]
    lines += [f"- {target_words(t)}" for t in obj.targets]
    lines.append(_short(obj.span))
    return "\n\n".join(lines[:1]) + "\n\n" + "\n".join(lines[1:])
