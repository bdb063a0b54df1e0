"""Who issues, who decides and who signs a document, and what it implements.

Decree 30/2020/NĐ-CP (Điều 13 and Phụ lục I; shared/domain-2025.md, section B)
separates three things the documents print in different places:

- the issuing body (tên cơ quan ban hành) in the letterhead: "ỦY BAN NHÂN DÂN /
  TỈNH QUẢNG NGÃI". Never the authority: a decision of the Chủ tịch UBND still
  carries "ỦY BAN NHÂN DÂN TỈNH …" in its letterhead;
- the authority (thẩm quyền ban hành) above the căn cứ lines: the collective body
  ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI") or an individual head ("CHỦ TỊCH ỦY BAN
  NHÂN DÂN TỈNH LẠNG SƠN");
- the signature block: "TM." (thay mặt) only when the authority is a collective
  body, then "KT." (ký thay), "Q." (quyền), "TL." (thừa lệnh) or "TUQ." (thừa ủy
  quyền) as the spec's signer says. A decision of the Chủ tịch UBND alone is
  signed "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" without "TM. ỦY BAN NHÂN DÂN"
  (Quảng Ngãi 1563/QĐ-UBND; the seeds: Lạng Sơn 411/QĐ-UBND, Vĩnh Long).

The spec may say each one (``letterhead``, ``issuer``, ``authority``; see
docs/LANGUAGE.md, "Letterhead, issuing body, issuing authority"); what it does
not say is derived from ``issuer``, ``level`` and ``jurisdiction``.
"""

from __future__ import annotations

import re

from plandsl.core.records import frozen
from plandsl.language.model import Level, Plan, is_collective
from plandsl.render import vnformat as vn

# Individual heads, and the body each heads: "Chủ tịch Ủy ban nhân dân X" heads "Ủy ban nhân dân X".
_HEADS = ("Chủ tịch ", "Bộ trưởng ", "Giám đốc ", "Trưởng ", "Thủ trưởng ")
# Collective bodies, with the name their "TM." line gives.
_COLLECTIVE = (("ủy ban nhân dân", "ỦY BAN NHÂN DÂN"), ("uỷ ban nhân dân", "ỦY BAN NHÂN DÂN"),
               ("hội đồng nhân dân", "HỘI ĐỒNG NHÂN DÂN"), ("chính phủ", "CHÍNH PHỦ"),
               ("ban thường vụ", "BAN THƯỜNG VỤ"), ("ubnd", "ỦY BAN NHÂN DÂN"))
_SIGN_PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")


@frozen
class Parties:
    body: str  # the issuing body, as a name: "Ủy ban nhân dân tỉnh Quảng Ngãi"
    letterhead: tuple[str, ...]  # its letterhead lines: ("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI")
    authority: str  # who decides: "Ủy ban nhân dân tỉnh Quảng Ngãi" or "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn"
    collective: str | None  # the "TM." name when the authority is a collective body, else None
    authority_line: str = ""  # the authority as printed above the căn cứ lines (upper case)


def _clean(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


def _split_head(name: str) -> tuple[str | None, str]:
    """'Chủ tịch Ủy ban nhân dân tỉnh X' -> ('Chủ tịch', 'Ủy ban nhân dân tỉnh X'); a body -> (None, name)."""
    if name == "Thủ tướng Chính phủ":
        return "Thủ tướng", name  # the Prime Minister's letterhead is "THỦ TƯỚNG CHÍNH PHỦ" (Phụ lục I)
    for head in _HEADS:
        if name.lower().startswith(head.lower()) and len(name) > len(head):
            rest = name[len(head):]
            if rest[:1].isupper() or rest.lower().startswith(("ủy ban", "uỷ ban", "bộ ", "sở ", "phòng ")):
                return head.strip(), vn.capitalize(rest)
    return None, name


def _collective_name(name: str) -> str | None:
    low = name.lower()
    for prefix, tm in _COLLECTIVE:
        if low.startswith(prefix):
            return tm
    return None


def _default_authority(body: str) -> str:
    """A ministry or a department decides through its head; a committee or council decides as a body."""
    if body.startswith("Bộ "):
        return f"Bộ trưởng {body}"
    if body.startswith("Sở "):
        return f"Giám đốc {body}"
    return body


def parties(plan: Plan) -> Parties:
    """The issuing body, its letterhead, the authority and the "TM." name of one plan's document.

    ``issuer`` may name the body ("Ủy ban nhân dân tỉnh X") or, in older specs,
    the authority ("Chủ tịch Ủy ban nhân dân tỉnh X"): the body is then the one
    the head heads. ``authority`` and ``letterhead``, when given, are printed as
    written; ``is_collective`` of the language tells whether "TM." applies.
    """
    level, jur = plan.level, plan.jurisdiction
    issuer = _clean(plan.issuer)
    body = ""
    authority = None
    if issuer:
        head, body = _split_head(issuer)
        authority = issuer if head else _default_authority(body)
    elif level is Level.NATIONAL:
        body = "Thủ tướng Chính phủ"
    elif jur:
        body = vn.committee(level, jur)
    authority = authority or _default_authority(body)
    stated = _clean(plan.authority) if plan.approval is None else None  # with approved_by: the approver's
    if stated:
        authority = _running_text(stated, body, authority, level, jur)
        collective = None
        if is_collective(stated):
            collective = _collective_name(stated) or _collective_name(authority) or stated.upper()
        line = stated.upper()
    else:
        head, _ = _split_head(authority)
        collective = None if head else _collective_name(authority)
        line = authority.upper()
    letterhead = tuple(_clean(x) for x in plan.letterhead if x.strip()) or \
        (tuple(vn.issuing_body_lines(level, jur, body)) if body else ())
    return Parties(body, letterhead, authority, collective, line)


@frozen
class Issue:
    """One issued document: its number, date, place, signature and the parties behind it."""

    number: str
    date: object
    place: str | None
    signer: str | None
    signatory: str | None
    proposal: object
    who: Parties
    approval: bool = False  # a decision approving a plan another body issued


def decision_issue(plan: Plan) -> Issue | None:
    """The Quyết định to render: the plan's own instrument when it is a decision, else its approving decision.

    A Sở's plan ("…/KH-SLĐTBXH") approved by the Chủ tịch UBND (``approved_by``, docs/LANGUAGE.md) renders as
    the approving decision, then the Sở's plan under its own letterhead and number.
    """
    inst = plan.instrument
    if inst and vn.document_kind(inst.number) == "QUYẾT ĐỊNH":
        return Issue(inst.number, inst.date, inst.place, inst.signer, inst.signatory, inst.proposal, parties(plan))
    a = plan.approval
    if approving_decision(plan):
        who = approver(plan)
        # Not numbered yet (a draft, or a copy without the number): "Số:      /QĐ-UBND", as drafts are printed.
        symbol = "QĐ-UBND" if _is_committee_body(who.body) else "QĐ"
        number = a.number or f"{BLANK}/{symbol}"
        return Issue(number, a.date, a.place, a.signer, a.signatory, a.proposal, who, approval=True)
    return None


BLANK = "\u00a0" * 8  # room left for a number or a day written in by hand


def approving_decision(plan: Plan) -> bool:
    """Whether ``approved_by`` names a decision: a …/QĐ-… number, or no number yet."""
    a = plan.approval
    return bool(a and (a.number is None or vn.document_kind(a.number) == "QUYẾT ĐỊNH"))


def _is_committee_body(body: str) -> bool:
    return body.lower().startswith(("ủy ban nhân dân", "uỷ ban nhân dân"))


def approver(plan: Plan) -> Parties:
    """The parties of the approving decision: its body and authority come from ``approved_by … by``."""
    level, jur = plan.level, plan.jurisdiction
    by = _clean(plan.approval.by) if plan.approval else None
    if by:
        head, body = _split_head(by)
        authority = by if head else _default_authority(body)
    else:
        body = vn.committee(level, jur) if jur else ""
        authority = body
    stated = _clean(plan.authority)
    if stated:
        authority = _running_text(stated, body, authority, level, jur)
        collective = (_collective_name(stated) or _collective_name(authority) or stated.upper()) \
            if is_collective(stated) else None
        line = stated.upper()
    else:
        head, _ = _split_head(authority)
        collective = None if head else _collective_name(authority)
        line = authority.upper()
    letterhead = tuple(vn.issuing_body_lines(level, jur, body)) if body else ()
    return Parties(body, letterhead, authority, collective, line)


def _running_text(stated: str, body: str, derived: str, level, jur) -> str:
    """The authority in running text ("của Chủ tịch Ủy ban nhân dân tỉnh X") for a spec's upper-case line."""
    if not stated.isupper():
        return stated
    candidates = [derived, body] + [f"{h}{body}" for h in _HEADS]
    if jur:
        committee = vn.committee(level, jur)
        candidates += [committee, f"Chủ tịch {committee}"]
    want = stated.upper()
    for c in candidates:
        if c and c.upper() == want:
            return c
    for c in candidates:
        if c and c.upper().startswith(want):
            return c
    return vn.capitalize(stated.lower())


def signer_lines(signer: str | None, collective: str | None) -> list[str]:
    """The signing lines: 'TM. ỦY BAN NHÂN DÂN' first when a collective body decides, then the spec's signer."""
    # A whitespace run is entered only at its start ((?<!\s)): "\s*/" restarted inside long runs (quadratic).
    lines = [s.strip() for s in re.split(r"(?:(?<!\s)\s+)?/\s*|\n", signer or "") if s.strip()]
    lines = [re.sub(r"^(TM|KT|Q|TL|TUQ)\.\s*", r"\1. ", line) for line in lines]  # "KT.CHỦ TỊCH" -> "KT. CHỦ TỊCH"
    if lines and collective and not lines[0].startswith(("TM.", "TL.", "TUQ.")):
        lines.insert(0, f"TM. {collective}")
    return lines


# ------------------------------------------------------------------ what the plan implements

# Legal normative documents are căn cứ, not something a plan implements.
_LAWS = re.compile(r"(?i)^(căn cứ\s+)?(hiến pháp|bộ luật|luật|pháp lệnh|nghị định|thông tư)\b")


def implemented(plan: Plan, plans: dict[str, Plan], basis_line) -> list[str]:
    """Every decision and guidance the plan implements, worded for 'Thực hiện …'.

    The language's implementing references win when the model has them.
    Otherwise: the numbered bases that are not laws, decrees or circulars (the
    decisions, plans, programmes and guidance of higher levels), then each parent
    plan whose instrument no basis cites.
    """
    if plan.implementing:
        return [ref_words(r.text, r.number, r.date, r.by, basis_line) for r in plan.implementing]
    out: list[str] = []
    cited: set[str] = set()
    for b in plan.bases:
        if not b.number or _LAWS.match(b.text.strip()) or "/QH" in b.number:
            continue
        out.append(basis_line(b.text, b.number, b.date)[len("Căn cứ "):-1])
        cited.add(_norm_number(b.number))
    for ref in plan.parents:
        parent = plans.get(ref.plan_id)
        if parent is None or parent.instrument is None or _norm_number(parent.instrument.number) in cited:
            continue
        out.append(describe_instrument(parent))
    return out


def ref_words(text: str, number, date, by: str | None, basis_line) -> str:
    """'Quyết định số 112/QĐ-TTg ngày 22/01/2021 của Thủ tướng Chính phủ phê duyệt …' from a DocRef's parts."""
    words = basis_line(text, number, date)[len("Căn cứ "):-1]
    by = _clean(by)
    if not by or by.lower() in words.lower():
        return words
    anchor = None
    if date is not None:
        anchor = f"ngày {vn.date_inline(date)}"
    elif number:
        anchor = f"số {number}"
    if anchor and anchor in words:
        i = words.index(anchor) + len(anchor)
        return f"{words[:i]} của {by}{words[i:]}"
    return f"{words} của {by}"


def describe_instrument(plan: Plan) -> str:
    """'Quyết định số 112/QĐ-TTg ngày 22/01/2021 của Thủ tướng Chính phủ ban hành Chương trình …'."""
    inst = plan.instrument
    kind = (vn.document_kind(inst.number) or "Văn bản").capitalize()
    who = parties(plan).authority
    title = " ".join((plan.title or "").split())
    words = f"{kind} số {inst.number} ngày {vn.date_inline(inst.date)} của {who}"
    if not title:
        return words
    if kind == "Quyết định":
        return f"{words} ban hành {title}"
    return f"{words} {vn.decapitalize(strip_kind(title, plan.kind or kind))}"


def strip_kind(title: str, kind: str) -> str:
    """'Kế hoạch thực hiện X' -> 'thực hiện X' (the heading already says KẾ HOẠCH)."""
    if title.lower().startswith(kind.lower() + " "):
        return title[len(kind) + 1:]
    return title


def _norm_number(number: str) -> str:
    return re.sub(r"\s+", "", number).upper()
