"""Build the view model the templates read: every value already worded in Vietnamese.

The templates decide the layout (sections, numbering); this module decides
the words. Objectives come from the resolution, so an adopted objective
carries its parent's targets.
"""

from __future__ import annotations

import re
from typing import Any

from plandsl.language.model import Level, Mode, Plan, Task
from plandsl.render import vnformat as vn
from plandsl.render.parties import BLANK, decision_issue, implemented, parties, signer_lines, strip_kind

# How the plan body shows the targets it takes from a parent plan (the comparison table shows all):
# "restate" prints adopted targets as the plan's own sentences, as real plans do (Quảng Ngãi 255/QĐ-UBND
# repeats the national targets word for word); "mark" adds "(theo chỉ tiêu của <parent>)"; "omit" leaves
# them out. Targets the plan neither set nor adopted (a parent's other phases of an objective the plan
# adapts) are never printed as the plan's own: "mark" marks them, the others leave them out.
ADOPTED_MODES = ("restate", "mark", "omit")

# Words that start a legal document's name in a căn cứ line.
_BASIS_KINDS = ("Luật", "Bộ luật", "Nghị quyết", "Nghị định", "Quyết định", "Thông tư", "Chỉ thị",
                "Kế hoạch", "Công văn", "Hướng dẫn", "Văn bản", "Pháp lệnh", "Hiến pháp")


def basis_line(text: str, number: str | None, date) -> str:
    """'Căn cứ Quyết định số 112/QĐ-TTg ngày 22/01/2021 ban hành ...;'."""
    text = " ".join(text.split()).rstrip(";.")
    if re.match(r"(?i)căn cứ\s", text):
        text = text[len("căn cứ "):].lstrip()
    kind = next((k for k in sorted(_BASIS_KINDS, key=len, reverse=True)
                 if text.startswith(k + " ") or text == k), None)
    extra = []
    if number and number not in text:
        extra.append(f"số {number}")
    if date is not None and vn.date_inline(date) not in text:
        extra.append(f"ngày {vn.date_inline(date)}")
    if extra:
        if kind and number and number not in text:
            rest = text[len(kind):].strip()
            text = " ".join([kind, *extra] + ([rest] if rest else []))
        else:
            text = " ".join([text, *extra])
    return f"Căn cứ {text};"


def _head_of(agency: str) -> str:
    """The official who heads an agency: 'Sở Nội vụ' -> 'Giám đốc Sở Nội vụ'."""
    if agency.startswith(("Sở ", "Công an ")):
        return f"Giám đốc {agency}"
    if agency.startswith("Phòng "):
        return f"Trưởng {agency[0].lower()}{agency[1:]}"
    if agency.startswith("Ban "):
        return f"Trưởng {agency}"
    return agency


def _is_committee(agency: str) -> bool:
    return agency.lower().startswith(("ủy ban nhân dân", "uỷ ban nhân dân", "ubnd"))


def _agencies(plan: Plan) -> list[str]:
    """Assigned agencies in order of first mention (requested bodies excluded)."""
    requested = {r.agency.name for r in plan.responsibilities if r.mode is Mode.REQUEST}
    seen: list[str] = []
    names = [r.agency.name for r in plan.responsibilities if r.mode is Mode.ASSIGN]
    for t in plan.all_tasks():
        names += [a.name for a in t.leads] + [a.name for a in t.supports]
    keys: set[str] = set()
    for name in names:
        name = re.sub(r"^(Giám đốc|Thủ trưởng|Trưởng)\s+(?=(Sở|Công an|Ban|Phòng)\b)", "", name.strip())
        if name.lower().startswith("các "):  # "Các Sở, ngành liên quan": the closing words cover them
            continue
        # One agency however its dash or its "Sở" is written: "Sở Lao động – Thương binh …" = "Lao động - …".
        key = re.sub(r"^(sở|ngành)\s+", "", re.sub(r"\s*[–-]\s*", " - ", " ".join(name.split())).lower())
        if key not in keys and name not in requested and not _is_committee(name):
            keys.add(key)
            seen.append(name)
    return seen


def executors(plan: Plan, level: Level | None, jurisdiction: str) -> str:
    """The 'who executes' article: office chief, department heads, lower committees."""
    if level is Level.NATIONAL:
        return ("Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban "
                "nhân dân các tỉnh, thành phố trực thuộc trung ương và các cơ quan, đơn vị có liên quan")
    if level is Level.MINISTRY:
        return "Chánh Văn phòng Bộ, Thủ trưởng các đơn vị thuộc Bộ và Thủ trưởng các cơ quan, đơn vị có liên quan"
    parts = [vn.office_chief(level, jurisdiction)]
    agencies = _agencies(plan)
    departments = [a for a in agencies if a.startswith("Sở ")]
    others = [a for a in agencies if not a.startswith("Sở ")]
    if len(departments) > 1:
        parts.append("Giám đốc các Sở: " + ", ".join(a[len("Sở "):] for a in departments))
    elif departments:
        parts.append(_head_of(departments[0]))
    parts += [_head_of(a) if a.startswith(("Công an ", "Ban ", "Phòng ")) else f"Thủ trưởng {a}" for a in others]
    lower = vn.lower_committees(level, plan.instrument.date if plan.instrument else None)
    tail = "Thủ trưởng các cơ quan, đơn vị có liên quan"
    if lower:
        parts.append(f"Chủ tịch UBND {lower} và {tail}")
    else:
        parts[-1] = f"{parts[-1]} và {tail}"
    return "; ".join(parts)


def lead_agency(plan: Plan) -> str | None:
    """The agency that guides and monitors: the proposer, else the first assigned one."""
    if plan.instrument and plan.instrument.proposal:
        return plan.instrument.proposal.by
    assigned = [r.agency.name for r in plan.responsibilities if r.mode is Mode.ASSIGN]
    if assigned:
        return assigned[0]
    leads = [a.name for t in plan.all_tasks() for a in t.leads]
    if leads:
        return max(dict.fromkeys(leads), key=leads.count)
    return plan.reports[0].to.name if plan.reports and plan.reports[0].to else None


def _task_view(task: Task, plan: Plan) -> dict[str, Any]:
    roles = []
    if task.leads:
        roles.append("Cơ quan chủ trì: " + ", ".join(a.name for a in task.leads))
    if task.supports:
        roles.append("cơ quan phối hợp: " + ", ".join(a.name for a in task.supports))
    if task.due is not None:
        roles.append("thời gian thực hiện: " + _due_words(task.due))
    return {
        "id": task.id,
        # roles: "Cơ quan chủ trì: ...; cơ quan phối hợp: ...; thời gian thực hiện: ..."
        "text": (task.text or task.id).strip(),
        "roles": vn.capitalize("; ".join(roles)) + "." if roles else None,
        "subtasks": [_task_view(t, plan) for t in task.subtasks],
    }


def _due_words(due) -> str:
    if isinstance(due, int):
        return f"năm {due}"
    if hasattr(due, "year"):
        return f"trước ngày {vn.date_inline(due)}"
    return str(due)


def _printed_targets(plan: Plan, ro, adopted: str, plans: dict[str, Plan]) -> list[tuple[Any, str]]:
    """The targets of one objective the body prints, each with its note ('' or '(theo chỉ tiêu của …)')."""
    status = getattr(ro.status, "value", ro.status)
    out = []
    for rt in ro.targets:
        if rt.provenance.plan_id == plan.id:
            out.append((rt, ""))
        elif adopted == "mark":
            source = plans.get(rt.provenance.plan_id)
            name = " ".join((source.title or source.id).split()) if source else rt.provenance.plan_id
            out.append((rt, f" (theo chỉ tiêu của {name})"))
        elif adopted == "restate" and status == "adopted":
            out.append((rt, ""))
    return out


def _objective_groups(plan: Plan, resolved, adopted: str = "restate",
                      plans: dict[str, Plan] | None = None) -> dict[str, Any]:
    """Phase groups of target sentences, and the qualitative objectives.

    An objective the plan words itself (``text``) is printed in those words when
    its targets fall in one phase; otherwise each target gets a sentence built
    from the indicator.
    """
    phases = [{"id": p.id, "start": p.start, "end": p.end, "label": vn.phase_label(p.start, p.end, p.label),
               "items": []} for p in plan.phases]
    by_year: dict[int, dict] = {}
    qualitative: list[str] = []
    for ro in resolved:
        obj = ro.objective
        noun = obj.indicator or obj.text or ro.id
        if not ro.targets:
            if obj.text:
                qualitative.append(vn.capitalize(obj.text.strip()))
            continue
        printed = _printed_targets(plan, ro, adopted, plans or {})
        placed = []
        for rt, note in printed:
            group = next((g for g in phases if g["id"] == rt.phase), None)
            if group is None:
                group = next((g for g in phases if g["start"] <= rt.year <= g["end"]), None)
            if group is None:
                group = by_year.setdefault(rt.year, {"id": rt.year, "start": rt.year, "end": rt.year,
                                                      "label": _year_label(plan, rt.year), "items": []})
            year = rt.year if rt.target.relative else None
            sentence = vn.target_sentence(noun, rt.target, obj.unit, year)
            if rt.target.maintain:  # held every year: "Duy trì tối thiểu 90% … hằng năm"
                sentence = f"Duy trì {vn.decapitalize(sentence)} hằng năm"
            placed.append((group, sentence + note + "."))
        own = plan.objective(ro.id)
        own_text = " ".join(own.text.split()).rstrip(".;") if own and own.text else None
        if own_text and placed and len({id(g) for g, _ in placed}) == 1 and all(not n for _, n in printed):
            placed = [(placed[0][0], vn.capitalize(own_text) + ".")]
        for group, sentence in placed:
            group["items"].append(sentence)
    groups = [g for g in phases if g["items"]] + [by_year[y] for y in sorted(by_year)]
    return {"phases": groups, "qualitative": qualitative}


def _year_label(plan: Plan, year: int) -> str:
    if plan.vision == year:
        return vn.vision_label(year)
    return f"Đến năm {year}"


def _reports(plan: Plan, short: str) -> list[str]:
    by_to: dict[str | None, list] = {}
    for r in plan.reports:
        by_to.setdefault(r.to.name if r.to else None, []).append(r)
    out = []
    for to, reports in by_to.items():
        cycles = vn.join_cycles(vn.cycle_words(r.cycle, r.day, r.month) for r in reports)
        dest = f" về {to}" if to else ""
        out.append(f"Các sở, ban ngành, địa phương {cycles} báo cáo kết quả thực hiện Kế hoạch{dest} "
                   f"để tổng hợp, báo cáo {short} theo quy định.")
    return out


def build(plan: Plan, resolved_objectives, compare_rows=None, *, plans: dict[str, Plan] | None = None,
          adopted: str = "restate") -> dict[str, Any]:
    """The whole view model for one plan; ``plans`` (by id) names the parents, ``adopted`` is an ADOPTED_MODES."""
    if adopted not in ADOPTED_MODES:
        raise ValueError(f"unknown adopted-targets mode {adopted!r}")
    plans = plans or {}
    inst = plan.instrument
    jur = plan.jurisdiction or ""
    level = plan.level
    own = parties(plan)  # the plan's own issuing body
    dec = decision_issue(plan)  # the decision issuing or approving the plan, if any
    is_decision = dec is not None
    who = dec.who if dec else own  # the body and authority of the first document
    authority_name = who.authority
    kind = plan.kind or "Kế hoạch"
    title = " ".join((plan.title or "").split())
    committee_body = plan.jurisdiction and who.body == vn.committee(level, jur)
    short = vn.committee_short(level, jur) if committee_body else who.body
    from plandsl.render.validate import SIGNATORY_PLACEHOLDER, SIGNER_PLACEHOLDER

    def place_of(place):
        return place or (vn.unit_name(level, jur)[1] if jur else "Hà Nội")

    def place_date(place, date):
        if date is None:  # not dated yet: room for the day, month and year
            return f"{place_of(place)}, ngày {BLANK} tháng {BLANK} năm {BLANK}"
        return vn.place_date(place_of(place), date)

    def number_date(issue) -> str:
        return f"số {issue.number.strip()}" + (f" ngày {vn.date_inline(issue.date)}" if issue.date else "")

    first = dec or inst  # the document at the top: its number, date, place and signature
    signing = signer_lines((first.signer or SIGNER_PLACEHOLDER) if first else None, who.collective)
    plan_heading = kind.upper()
    plan_title = vn.capitalize(strip_kind(title, kind))
    if dec and dec.approval:
        summary = f"Phê duyệt {title}" if title.lower().startswith(kind.lower()) else f"Phê duyệt {kind} {title}"
    else:
        summary = f"Ban hành {title}" if title.lower().startswith(kind.lower()) else f"Ban hành {kind} {title}"
    lead = lead_agency(plan)
    proposal = None
    if first and first.proposal:
        p = first.proposal
        proposal = (f"Theo đề nghị của {_head_of(p.by)} tại Tờ trình số {p.number} "
                    f"ngày {vn.date_inline(p.date)}.")
    refs = implemented(plan, plans, basis_line)
    intro = None
    if refs:
        intro = (f"Thực hiện {'; '.join(refs)}, {own.body if dec and dec.approval else authority_name} "
                 f"ban hành {kind} {_plan_scope(plan, jur)} như sau:")
    groups = _objective_groups(plan, resolved_objectives, adopted, plans)
    articles = _articles(plan, title, lead, short, level, jur, approved=_approved_words(plan, own, dec))
    plan_header = {"body": list(who.letterhead), "number": None, "place_date": None}
    attached = None
    plan_signature = None
    if dec and dec.approval:  # the Sở's own plan, under its letterhead, number and signature
        plan_header = {"body": list(own.letterhead), "number": f"Số: {inst.number}" if inst else None,
                       "place_date": place_date(inst.place, inst.date) if inst else None}
        numbered = not dec.number.strip().startswith("/")
        attached = (f"(Phê duyệt tại Quyết định {number_date(dec) + ' ' if numbered else ''}"
                    f"của {authority_name})")
        if inst and inst.signer:  # the plan's own signature, when the spec records it
            plan_signature = {"lines": signer_lines(inst.signer, own.collective),
                              "name": inst.signatory or SIGNATORY_PLACEHOLDER, "recipients": []}
    elif dec:
        attached = f"(Ban hành kèm theo Quyết định {number_date(dec)} của {authority_name})"
    assigned = [r for r in plan.responsibilities if r.mode is Mode.ASSIGN]
    requested = [r for r in plan.responsibilities if r.mode is Mode.REQUEST]
    return {
        "plan_id": plan.id,
        "is_decision": is_decision,
        "header": {
            "body": list(who.letterhead),
            "number": f"Số: {first.number}" if first else None,
            "place_date": place_date(first.place, first.date) if first else None,
        },
        "decision": {
            "summary": summary,
            "authority": who.authority_line,
            "bases": [basis_line(b.text, b.number, b.date) for b in _ordered_bases(plan)],
            "proposal": proposal,
            "articles": articles,
        },
        "plan": {
            "heading": plan_heading,
            "title": plan_title,
            "header": plan_header if is_decision else None,
            "signature": plan_signature,
            "attached": attached,
            "intro": intro,
            "general": [vn.capitalize(g.value.strip()) for g in plan.general],
            "qualitative": groups["qualitative"],
            "phases": groups["phases"],
            "quantities": [_quantity_line(q) for q in plan.quantities],
            "tasks": [_task_view(t, plan) for t in plan.tasks],
            "fundings": [{"source": vn.capitalize(f.source.strip().rstrip(".")) + (
                              f" (dự kiến {vn.money(f.amount)})" if f.amount is not None else "") + ".",
                          "details": [d.value for d in f.details]} for f in plan.fundings],
            "responsibilities": [{"agency": vn.capitalize(r.agency.name), "duties": [d.value for d in r.duties]} for r in assigned],
            "requests": [{"agency": f"Đề nghị {r.agency.name}", "duties": [d.value for d in r.duties]}
                         for r in requested],
            "reports": _reports(plan, short),
        },
        "meta": _meta(plan, who.body, dec, summary, title),
        "signature": {
            "lines": signing,
            "name": (first.signatory or SIGNATORY_PLACEHOLDER) if first else None,
            "recipients": recipients(plan, len(articles) if is_decision else 0),
        },
        "compare": compare_rows,
    }


def _approved_words(plan: Plan, own, dec) -> str | None:
    """'Kế hoạch số 18/KH-SLĐTBXH ngày 13/4/2018 của Sở …' for the article that approves another body's plan."""
    inst = plan.instrument
    if not (dec and dec.approval and inst):
        return None
    kind = (vn.document_kind(inst.number) or plan.kind or "Kế hoạch").capitalize()
    return f"{kind} số {inst.number} ngày {vn.date_inline(inst.date)} của {own.body}"


def _meta(plan: Plan, body: str, dec, summary: str, title: str) -> dict[str, Any]:
    """The document properties: the real title, the issuing body as author, the issue date."""
    inst = dec or plan.instrument
    if inst:
        kind = (vn.document_kind(inst.number) or plan.kind or "Văn bản").capitalize()
        what = vn.decapitalize(summary) if dec else vn.decapitalize(strip_kind(title, plan.kind or kind))
        number = inst.number.strip()
        doc_title = (f"{kind} số {number} {what}" if not number.startswith("/") else f"{kind} {what}").strip()
    else:
        doc_title = title
    date = (inst.date if inst else None) or (plan.instrument.date if plan.instrument else None)
    return {"title": doc_title, "subject": title, "author": body, "date": date,
            "category": plan.kind or ""}


def _plan_scope(plan: Plan, jur: str) -> str:
    if plan.jurisdiction:
        prefix, name = vn.unit_name(plan.level, jur)
        return f"triển khai thực hiện trên địa bàn {prefix} {name}"
    return "triển khai thực hiện"


def _ordered_bases(plan: Plan):
    """Laws first, then the higher decisions, keeping the spec's order within each group."""
    def rank(b) -> int:
        return 0 if re.match(r"(?i)(căn cứ\s+)?(hiến pháp|bộ luật|luật)\b", b.text.strip()) else 1
    return sorted(plan.bases, key=rank)


def _articles(plan: Plan, title: str, lead: str | None, short: str, level, jur: str,
              approved: str | None = None) -> list[dict[str, str]]:
    first = f"Ban hành kèm theo Quyết định này {title}."
    if approved:  # a plan another body issued: "Phê duyệt … (kèm theo Kế hoạch số … của Sở …)."
        first = f"Phê duyệt {title} (kèm theo {approved})."
    arts = [
        {"lead": "Điều 1.", "text": first},
        {"lead": "Điều 2.", "text": "Quyết định này có hiệu lực thi hành kể từ ngày ký."},
    ]
    if lead:
        arts.append({"lead": "Điều 3.", "text": (
            f"Giao {lead} chủ trì, phối hợp với các cơ quan, đơn vị liên quan hướng dẫn, theo dõi, đôn đốc, "
            f"kiểm tra việc triển khai thực hiện {plan.kind or 'Kế hoạch'}; định kỳ tổng hợp, báo cáo {short} "
            f"theo quy định.")})
    n = len(arts) + 1
    arts.append({"lead": f"Điều {n}.", "text": f"{executors(plan, level, jur)} chịu trách nhiệm thi hành "
                                               f"Quyết định này./."})
    return arts


def recipients(plan: Plan, last_article: int = 0) -> list[str]:
    """'Nơi nhận:' items: 'Như Điều N;' first for a decision, 'Lưu: VT...' last."""
    items = [r.strip().rstrip(";.").lstrip("-– ").strip() for r in plan.recipients]
    items = [r for r in items if r]
    keep = [r for r in items if not r.lower().startswith("lưu")]
    archive = next((r for r in items if r.lower().startswith("lưu")), "Lưu: VT")
    if last_article and not any(r.lower().startswith("như điều") for r in keep):
        keep.insert(0, f"Như Điều {last_article}")
    return [f"{r};" for r in keep] + [f"{archive}."]


def _quantity_line(q) -> str:
    return f"{vn.capitalize(q.text.strip())}: {vn.number(q.total)} trong {vn.number(q.years)} năm " \
           f"({vn.average_note(q.total, q.years, q.average)})."
