"""Check that a plan has what the documents need, before any rendering.

A missing field gives a diagnostic (RND0xx) that points at the plan, or at
the statement that should hold the field, with a hint naming the statement to
add, written in the spec's own keyword set.
"""

from __future__ import annotations

from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.core.i18n import _
from plandsl.language.model import Level, Plan, Span
from plandsl.render import vnformat as vn

DECISION, PLAN = "decision", "plan"

# Statement examples for hints, in English and Vietnamese keywords.
_EXAMPLES = {
    "instrument": ('instrument "123/QĐ-UBND" dated 2021-04-19 { ... }',
                   'văn_bản "123/QĐ-UBND" ngày 2021-04-19 { ... }'),
    "issuer": ('level province and jurisdiction "Tỉnh Quảng Ngãi" (or issuer "...")',
               'cấp tỉnh and địa_bàn "Tỉnh Quảng Ngãi" (or cơ_quan_ban_hành "...")'),
    "title": ('title "Kế hoạch thực hiện Chương trình ..."', 'tên "Kế hoạch thực hiện Chương trình ..."'),
    "signer": ('signer "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"', 'thẩm_quyền_ký "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"'),
    "signatory": ('signatory "Nguyễn Văn A"', 'người_ký "Nguyễn Văn A"'),
    "place": ('place "Quảng Ngãi"', 'địa_danh "Quảng Ngãi"'),
    "implements": ("implements PARENT_PLAN_ID", "thực_hiện PARENT_PLAN_ID"),
}


def _example(plan: Plan, what: str) -> str:
    en, vi = _EXAMPLES[what]
    return vi if plan.lang == "vi" else en


def _diag(code: str, message: str, span: Span, hint: str, severity: Severity = Severity.ERROR) -> Diagnostic:
    return Diagnostic(code, severity, message, span, hint=hint, name="render.missing-field")


SIGNER_PLACEHOLDER = "(THẨM QUYỀN KÝ)"
SIGNATORY_PLACEHOLDER = "(Họ và tên người ký)"

_SIGNERS = {Level.NATIONAL: "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG", Level.MINISTRY: "KT. BỘ TRƯỞNG / THỨ TRƯỞNG"}


def validate(plan: Plan, documents: tuple[str, ...], compare: bool = False, draft: bool = False) -> list[Diagnostic]:
    """Diagnostics for fields the requested documents cannot do without.

    With ``draft`` a missing signer or signatory is a warning and the
    signature block shows a placeholder; every other missing field is an error.
    """
    out: list[Diagnostic] = []
    sign_sev = Severity.WARNING if draft else Severity.ERROR
    sign_note = " " + _("(a placeholder is shown)") if draft else ""
    draft_hint = "" if draft else " " + _("Or render with --draft to leave a placeholder.")
    inst = plan.instrument
    if inst is None:
        out.append(_diag("RND001", _("plan '{id}' has no instrument: the document number and date are "
                                     "unknown").format(id=plan.id),
                         plan.span, _("Add `{statement}` to the plan.").format(
                             statement=_example(plan, 'instrument'))))
    else:
        kind = vn.document_kind(inst.number)
        if kind is None:
            out.append(_diag("RND002", _("cannot tell the document kind from the number '{number}'").format(
                number=inst.number),
                             inst.span, _("Write the number with its symbol, e.g. \"255/QĐ-UBND\" (a decision) "
                                          "or \"57/KH-UBND\" (a plan).")))
        elif DECISION in documents and kind != "QUYẾT ĐỊNH" and not _approving_decision(plan):
            out.append(_diag("RND003", _("the instrument '{number}' is a {kind}, not a decision; "
                                         "there is no Quyết định to render").format(number=inst.number,
                                                                                    kind=kind.lower()),
                             inst.span, _("Render with `--document plan`, or give the decision's number "
                                          "(…/QĐ-…).")))
        approved = _approving_decision(plan)  # the decision carries the signature; the plan's own is optional
        if not inst.signer and not approved:
            example = _example(plan, "signer").replace("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
                                                       _SIGNERS.get(plan.level, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"))
            out.append(_diag("RND004", _("the instrument has no signer (the signing authority line)") + sign_note,
                             inst.span, _("Add `{statement}` inside the instrument block.").format(
                                 statement=example) + draft_hint, sign_sev))
        if not inst.signatory and not approved:
            out.append(_diag("RND005", _("the instrument has no signatory (the name under the signature)")
                             + sign_note, inst.span, _("Add `{statement}` inside the instrument block.").format(
                                 statement=_example(plan, 'signatory')) + draft_hint, sign_sev))
        if not inst.place and not plan.jurisdiction and plan.level not in (Level.NATIONAL, Level.MINISTRY):
            out.append(_diag("RND006", _("the place of issue is unknown (no place and no jurisdiction)"), inst.span,
                             _("Add `{statement}` inside the instrument block.").format(
                                 statement=_example(plan, 'place'))))
    if inst is not None and inst.signer and inst.signer.strip().upper().startswith("TM."):
        from plandsl.render.parties import parties

        who = parties(plan)
        if who.collective is None and plan.approval is None:
            # Decree 30, Điều 13: "TM." is signed for a collective body only (domain-2025.md, section B).
            out.append(_diag("RND014", _("the signer starts with 'TM.' but the authority ({authority}) is a "
                                         "person, not a collective body").format(authority=who.authority), inst.span,
                             _("Sign 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH' for a decision of the Chủ tịch, or make the "
                               "collective body the authority (authority \"ỦY BAN NHÂN DÂN TỈNH …\")."),
                             Severity.WARNING))
    approval = plan.approval if _approving_decision(plan) else None
    if approval is not None and DECISION in documents:
        if not approval.signer:
            out.append(_diag("RND004", _("the approving decision has no signer (the signing authority line)")
                             + sign_note, approval.span, _("Add `{statement}` inside the approved_by block.").format(
                                 statement=_example(plan, 'signer')) + draft_hint, sign_sev))
        if not approval.signatory:
            out.append(_diag("RND005", _("the approving decision has no signatory") + sign_note, approval.span,
                             _("Add `{statement}` inside the approved_by block.").format(
                                 statement=_example(plan, 'signatory')) + draft_hint, sign_sev))
    if not plan.issuer and not (plan.jurisdiction and plan.level is not None) and plan.level is not Level.NATIONAL:
        missing = "level" if plan.level is None and plan.jurisdiction else \
            ("jurisdiction" if plan.jurisdiction is None and plan.level is not None else "issuer")
        out.append(_diag("RND007", _("the issuing body is unknown (no issuer, and no level with jurisdiction: "
                                     "{field} is missing)").format(field=missing), plan.span_of(missing),
                         _("Add `{statement}` to the plan.").format(statement=_example(plan, 'issuer'))))
    if not plan.title:
        out.append(_diag("RND008", _("plan '{id}' has no title: the document summary line cannot be "
                                     "written").format(id=plan.id),
                         plan.span, _("Add `{statement}` to the plan.").format(statement=_example(plan, 'title'))))
    if compare and not plan.parents:
        out.append(_diag("RND009", _("--compare needs a parent plan, but '{id}' implements none").format(
            id=plan.id), plan.span, _("Add `{statement}`, or render without --compare.").format(
                statement=_example(plan, 'implements'))))
    return out


def _approving_decision(plan: Plan) -> bool:
    """Whether the plan names the decision that approved it (``approved_by``, numbered …/QĐ-… or not yet)."""
    from plandsl.render.parties import approving_decision

    return approving_decision(plan)
