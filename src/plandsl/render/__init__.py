"""Render a plan as the Quyết định and the Kế hoạch it issues (Markdown, HTML, DOCX, PDF).

Pipeline: validate the fields the documents need (RND diagnostics, nothing
rendered on error) -> resolve the plan against its parents -> build the view
model (render.context) -> run the Jinja document templates, which write a
block stream (render.blocks) -> lay the blocks out per format. A PDF is the
DOCX converted by LibreOffice (render.pdf).

jinja2 and python-docx are imported only when rendering.
"""

from __future__ import annotations

from plandsl.core.diagnostics import Diagnostic, Severity, has_errors
from plandsl.core.records import frozen
from plandsl.project.loader import SpecSet

FORMATS = ("md", "html", "docx", "pdf")
DOCUMENTS = ("decision", "plan", "both")


@frozen
class RenderResult:
    """The rendered bytes (None when there are errors) and the diagnostics."""

    data: bytes | None
    diagnostics: tuple[Diagnostic, ...] = ()
    parts: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.data is not None


def _parts(plan, document: str) -> list[str]:
    from plandsl.render.parties import decision_issue

    is_decision = decision_issue(plan) is not None  # the plan's own decision, or the one approving it
    if document == "decision":
        return ["decision"]
    if document == "plan":
        return ["plan"]
    return ["decision", "plan"] if is_decision else ["plan"]


def render(specs: SpecSet, plan_id: str, fmt: str = "md", document: str = "both",
           compare: bool = False, draft: bool = False, adopted: str = "restate") -> RenderResult:
    """Render one plan of ``specs``. Never raises on bad specs: problems are diagnostics.

    ``adopted`` says how the body shows the targets taken from a parent plan
    (render.context.ADOPTED_MODES); the comparison table always shows them all.
    """
    from plandsl.core.i18n import _
    from plandsl.core.suggest import did_you_mean_id
    from plandsl.render import context, validate

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if adopted not in context.ADOPTED_MODES:
        raise ValueError(f"unknown adopted-targets mode {adopted!r}")
    if fmt == "pdf":
        from plandsl.render.pdf import soffice

        if soffice() is None:
            from plandsl.core.i18n import _

            return RenderResult(None, (Diagnostic(
                "RND012", Severity.ERROR, _("a PDF needs LibreOffice (the soffice command), which is not installed"),
                None, hint=_("Install LibreOffice Writer (Debian: apt-get install libreoffice-writer "
                             "fonts-liberation), or render --format docx and convert the file yourself."),
                name="render.no-pdf"),))
    plans = specs.by_id()
    plan = plans.get(plan_id)
    if plan is None:
        hint = did_you_mean_id(plan_id, plans) or (
            _("Known plans: {ids}.").format(ids=", ".join(sorted(plans))) if plans else
            _("No plan was loaded; check the paths."))
        return RenderResult(None, (Diagnostic("RND010", Severity.ERROR,
                                              _("no plan with id '{id}'").format(id=plan_id), None,
                                              hint=hint, name="render.unknown-plan"),))
    file_diags = tuple(d for f in specs.files if f.plan is plan for d in f.diagnostics)
    if has_errors(file_diags):
        return RenderResult(None, file_diags + (Diagnostic(
            "RND011", Severity.ERROR, _("plan '{id}' has errors; fix them before rendering").format(id=plan_id),
            plan.span, hint=_("Run `plandsl check` on the spec."), name="render.spec-errors"),))
    parts = _parts(plan, document)
    problems = validate.validate(plan, tuple(parts), compare, draft)
    if has_errors(problems):
        return RenderResult(None, tuple(problems))

    from plandsl.inherit.resolve import resolve

    resolution = resolve(specs)
    rp = resolution.get(plan_id)
    active = [ro for ro in _in_parent_order(rp, plans)
              if getattr(ro.status, "value", ro.status) in ("own", "adopted", "adapted")]
    compare_view = None
    if compare:
        from plandsl.render import compare as cmp

        compare_view = cmp.rows(plan, rp, plans, _in_parent_order(rp, plans))
        parts.append("compare")
    doc = context.build(plan, active, compare_view, plans=plans, adopted=adopted)
    try:
        data = _lay_out(doc, parts, fmt, plan.title or plan.id)
    except Exception as exc:  # only the PDF conversion is expected to fail here
        from plandsl.core.i18n import _
        from plandsl.render.pdf import PdfUnavailable

        if not isinstance(exc, PdfUnavailable):
            raise
        return RenderResult(None, tuple(problems) + (Diagnostic(
            "RND013", Severity.ERROR, _("the PDF could not be made: {reason}").format(reason=exc), None,
            hint=_("Render --format docx and open the file in LibreOffice or Word."), name="render.pdf-failed"),))
    return RenderResult(data, tuple(problems), tuple(parts))


def _in_parent_order(rp, plans) -> list:
    """Objectives in the order of the parent plan (as the documents list them), own ones after."""
    order: dict[str, int] = {}
    for ref in rp.plan.parents:
        parent = plans.get(ref.plan_id)
        for obj in parent.objectives if parent else ():
            order.setdefault(obj.id, len(order))
    own = {o.id: i for i, o in enumerate(rp.plan.objectives)}
    return sorted(rp.objectives, key=lambda ro: (order.get(ro.id, len(order) + own.get(ro.id, 0)), ro.id))


def _docx_meta(meta: dict | None) -> dict | None:
    """Word's core properties hold at most 255 characters each: longer texts are cut with '…'."""
    if not meta:
        return meta
    return {k: (v[:254] + "…" if isinstance(v, str) and len(v) > 255 else v) for k, v in meta.items()}


def _lay_out(doc: dict, parts: list[str], fmt: str, title: str) -> bytes:
    from plandsl.core.safetext import clean
    from plandsl.render.blocks import body_lines, environment, render_blocks

    # The boundary of every format: no control character from a spec reaches a document.
    blocks, doc, title = clean(render_blocks(doc, parts)), {**doc, "meta": clean(doc.get("meta"))}, clean(title)
    if fmt in ("docx", "pdf"):
        from plandsl.render.docx_writer import to_docx

        data = to_docx(blocks, _docx_meta(doc.get("meta")))
        if fmt == "pdf":
            from plandsl.render.pdf import docx_to_pdf

            data = docx_to_pdf(data)
        return data
    template = environment().get_template(f"{fmt}/document.{fmt}.j2")
    text = template.render(blocks=blocks, body_lines=body_lines, title=title, meta=doc.get("meta"))
    text = text.rstrip("\n") + "\n"
    return text.encode("utf-8")
