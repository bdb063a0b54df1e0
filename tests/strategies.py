"""Hypothesis strategies for plandsl: random valid plans and messy spec texts.

* ``plans()`` draws a valid :class:`plandsl.language.model.Plan` (no spans).
* ``spec_texts()`` draws ``(text, plan)``: the plan written out by an
  independent, deliberately untidy writer (random keyword set, statement order
  across kinds, whitespace, comments, number spellings, string escapes,
  comparator symbols or words, enum spellings). Parsing ``text`` must give a plan
  equal to ``plan`` with no error diagnostics; the formatter and parser tests
  both rely on that.

Reusable by any test: ``from strategies import plans, spec_texts``.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

from hypothesis import strategies as st

from plandsl.language import model as m

# Every keyword in both sets (kept literal so this module does not need the parser).
KEYWORDS = {
    "plan": ("plan", "kế_hoạch"), "kind": ("kind", "loại"), "title": ("title", "tên"),
    "level": ("level", "cấp"), "jurisdiction": ("jurisdiction", "địa_bàn"), "code": ("code", "mã"),
    "issuer": ("issuer", "cơ_quan_ban_hành"), "instrument": ("instrument", "văn_bản"), "dated": ("dated", "ngày"),
    "place": ("place", "địa_danh"), "signer": ("signer", "thẩm_quyền_ký"), "signatory": ("signatory", "người_ký"),
    "proposal": ("proposal", "tờ_trình"), "by": ("by", "của"), "recipients": ("recipients", "nơi_nhận"),
    "basis": ("basis", "căn_cứ"), "number": ("number", "số"), "period": ("period", "thời_kỳ"),
    "vision": ("vision", "tầm_nhìn"), "phase": ("phase", "giai_đoạn"), "implements": ("implements", "thực_hiện"),
    "general": ("general", "mục_tiêu_chung"), "objective": ("objective", "mục_tiêu"), "text": ("text", "nội_dung"),
    "indicator": ("indicator", "chỉ_số"), "unit": ("unit", "đơn_vị"), "direction": ("direction", "chiều"),
    "baseline": ("baseline", "năm_gốc"), "target": ("target", "chỉ_tiêu"), "at_least": ("at_least", "tối_thiểu"),
    "at_most": ("at_most", "tối_đa"), "exactly": ("exactly", "đúng"), "vs": ("vs", "so_với"),
    "adopt": ("adopt", "áp_dụng"), "waive": ("waive", "miễn_trừ"), "task": ("task", "nhiệm_vụ"),
    "lead": ("lead", "chủ_trì"), "support": ("support", "phối_hợp"), "due": ("due", "thời_hạn"),
    "serves": ("serves", "phục_vụ"), "responsibility": ("responsibility", "trách_nhiệm"),
    "request": ("request", "đề_nghị"), "funding": ("funding", "kinh_phí"), "amount": ("amount", "số_tiền"),
    "quantity": ("quantity", "số_lượng"), "total": ("total", "tổng"), "over": ("over", "trong"),
    "years": ("years", "năm"), "average": ("average", "bình_quân"), "report": ("report", "báo_cáo"),
    "before": ("before", "trước"), "to": ("to", "gửi"), "allow": ("allow", "chấp_nhận"), "on": ("on", "cho"),
    "letterhead": ("letterhead", "tên_cơ_quan"), "authority": ("authority", "thẩm_quyền_ban_hành"),
    "approval": ("approved_by", "phê_duyệt_tại"), "implementing": ("implementing", "thực_hiện_văn_bản"),
    "amends": ("amends", "sửa_đổi"), "replaces": ("replaces", "thay_thế"), "in_phase": ("in_phase", "tại_giai_đoạn"),
    "partial": ("partial", "mã_hóa_một_phần"), "no_target": ("no_target", "không_đặt_chỉ_tiêu"),
    "maintain": ("maintain", "duy_trì"), "aggregate": ("aggregate", "cách_tổng_hợp"),
    "not_comparable": ("not_comparable", "không_so_sánh"), "review": ("review", "cần_rà_soát"),
}
ALL_KEYWORD_WORDS = {w for pair in KEYWORDS.values() for w in pair}

# ------------------------------------------------------------------ atoms

names = st.from_regex(r"\A[a-zđư_][a-z0-9đươ_]{0,8}\Z").filter(lambda s: s not in ALL_KEYWORD_WORDS)

_chars = st.characters(exclude_categories=("Cs",), exclude_characters="\r")
strings = st.one_of(
    st.sampled_from(["", "Sở Y tế", "Bộ Lao động - Thương binh và Xã hội", 'a "q" b', "tab\there", "x\\y", "2 dòng\nhai"]),
    st.text(_chars, max_size=12),
).map(lambda s: unicodedata.normalize("NFC", s))
comment_texts = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\r\n"), max_size=15).map(
    lambda s: unicodedata.normalize("NFC", s))
years = st.integers(1900, 2100)
dates = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))
amounts = st.builds(lambda whole, frac, places: Decimal(whole) + (Decimal(frac) / (10 ** places) if places else 0),
                    st.integers(0, 10 ** 13), st.integers(0, 999), st.sampled_from([0, 0, 1, 2]))


# ------------------------------------------------------------------ model


@st.composite
def targets(draw, phase_ids: list[str]) -> m.Target:
    refs = [st.sampled_from(phase_ids)] if phase_ids else []
    phase = draw(st.one_of(years, *refs))
    comparator = draw(st.none() | st.sampled_from(list(m.Comparator)))
    percent = draw(st.booleans())
    kind = draw(st.integers(0, 2))
    if kind == 0:
        value = draw(amounts) * draw(st.sampled_from([1, -1]))
        return m.Target(phase, value, comparator, percent, draw(years))
    if kind == 1:  # maintained: every year of a phase or of a year range
        through = draw(st.none() | years) if isinstance(phase, int) else None
        return m.Target(phase, draw(amounts), comparator, percent, maintain=True, through=through)
    return m.Target(phase, draw(amounts), comparator, percent)


@st.composite
def objectives(draw, phase_ids: list[str]) -> m.Objective:
    base_year = draw(st.none() | years)
    return m.Objective(
        draw(names),
        text=draw(st.none() | strings),
        indicator=draw(st.none() | strings),
        unit=draw(st.none() | st.sampled_from(list(m.Unit))),
        direction=draw(st.none() | st.sampled_from(list(m.Direction))),
        baseline_year=base_year,
        baseline_value=draw(st.none() | amounts) if base_year is not None else None,
        targets=tuple(draw(st.lists(targets(phase_ids), max_size=3))),
        aggregation=draw(st.none() | st.sampled_from(list(m.Aggregation))),
        not_comparable=draw(st.none() | strings),
    )


agencies = st.builds(m.AgencyRef, strings)


def tasks(depth: int = 2) -> st.SearchStrategy[m.Task]:
    sub = st.lists(tasks(depth - 1), max_size=2) if depth > 0 else st.just([])
    return st.builds(
        lambda id_, text, leads, supports, due, serves, subs: m.Task(
            id_, text, tuple(leads), tuple(supports), due, tuple(serves), tuple(subs)),
        names, st.none() | strings, st.lists(agencies, max_size=2), st.lists(agencies, max_size=3),
        st.none() | dates | years | strings, st.lists(names, max_size=2), sub,
    )


texts = st.builds(m.Text, strings)
phase_refs = st.one_of(years, names)
docrefs = st.builds(m.DocRef, strings, st.none() | strings, st.none() | dates, st.none() | strings)
approvals = st.builds(m.Approval, strings, st.none() | strings, st.none() | dates, st.none() | strings,
                      st.none() | strings, st.none() | strings, st.none() | strings,
                      st.none() | st.builds(m.Proposal, strings, dates, strings))


@st.composite
def plans(draw) -> m.Plan:
    phases = draw(st.lists(st.builds(m.Phase, names, years, years, st.none() | strings), max_size=3))
    phase_ids = [p.id for p in phases]
    instrument = draw(st.none() | st.builds(
        m.Instrument, strings, dates, st.none() | strings, st.none() | strings, st.none() | strings,
        st.none() | st.builds(m.Proposal, strings, dates, strings)))
    has_jur = draw(st.booleans())
    return m.Plan(
        draw(names),
        lang=draw(st.sampled_from(["en", "vi"])),
        kind=draw(st.none() | strings),
        title=draw(st.none() | strings),
        level=draw(st.none() | st.sampled_from(list(m.Level))),
        jurisdiction=draw(strings) if has_jur else None,
        jurisdiction_code=draw(st.none() | strings) if has_jur else None,
        issuer=draw(st.none() | strings),
        instrument=instrument,
        recipients=tuple(draw(st.lists(strings, max_size=3))),
        bases=tuple(draw(st.lists(st.builds(m.Basis, strings, st.none() | strings, st.none() | dates), max_size=3))),
        period=draw(st.none() | st.tuples(years, years)),
        vision=draw(st.none() | years),
        phases=tuple(phases),
        parents=tuple(draw(st.lists(st.builds(m.ParentRef, names), max_size=2))),
        general=tuple(draw(st.lists(texts, max_size=2))),
        objectives=tuple(draw(st.lists(objectives(phase_ids), max_size=3))),
        adoptions=tuple(draw(st.lists(st.builds(m.Adoption, names), max_size=3))),
        waivers=tuple(draw(st.lists(st.builds(m.Waiver, names, st.none() | strings), max_size=2))),
        tasks=tuple(draw(st.lists(tasks(), max_size=3))),
        responsibilities=tuple(draw(st.lists(st.builds(
            m.Responsibility, agencies, st.sampled_from(list(m.Mode)), st.lists(texts, max_size=2).map(tuple),
            st.lists(names, max_size=3).map(tuple), st.lists(names, max_size=2).map(tuple), st.none() | strings),
            max_size=3))),
        letterhead=tuple(draw(st.lists(strings, max_size=3))),
        authority=draw(st.none() | strings),
        approval=draw(st.none() | approvals),
        implementing=tuple(draw(st.lists(docrefs, max_size=3))),
        amendments=tuple(draw(st.lists(st.builds(
            m.Amendment, names, st.booleans(), st.none() | phase_refs, st.none() | strings), max_size=2))),
        partial=draw(st.none() | strings),
        no_targets=tuple(draw(st.lists(st.builds(m.NoTarget, names, phase_refs, strings), max_size=2))),
        fundings=tuple(draw(st.lists(st.builds(
            m.Funding, strings, st.none() | amounts, st.lists(texts, max_size=2).map(tuple)), max_size=2))),
        quantities=tuple(draw(st.lists(st.builds(
            m.Quantity, names, strings, amounts, amounts, st.none() | amounts), max_size=2))),
        reports=tuple(draw(st.lists(st.builds(
            lambda cycle, when, to: m.Report(cycle, *(when or (None, None)), to),
            st.sampled_from(list(m.Cycle)), st.none() | st.tuples(st.integers(1, 28), st.integers(1, 12)),
            st.none() | agencies), max_size=2))),
        allows=tuple(draw(st.lists(st.builds(m.Allow, names, st.none() | names, st.none() | strings), max_size=2))),
    )


# ------------------------------------------------------------------ untidy writer


class _Writer:
    """Writes a plan as tokens joined by random whitespace and comments."""

    def __init__(self, draw, lang: str) -> None:
        self.draw, self.lang = draw, lang

    def kw(self, name: str) -> str:
        en, vi = KEYWORDS[name]
        return vi if self.lang == "vi" else en

    def enum(self, value) -> str:
        return self.draw(st.sampled_from([value.en, value.vi]))

    def str(self, value: str) -> str:
        out = []
        for ch in value:
            if ch in '"\\':
                out.append("\\" + ch)
            elif ch == "\n":
                out.append(self.draw(st.sampled_from(["\\n", "\n"])))
            elif ch == "\t":
                out.append(self.draw(st.sampled_from(["\\t", "\t"])))
            elif ch.isalpha() and ch not in "nt" and self.draw(st.integers(0, 9)) == 0:
                out.append("\\" + ch)  # a needless escape reads as the letter itself
            else:
                out.append(ch)
        return '"' + "".join(out) + '"'

    def num(self, value: Decimal) -> str:
        text = format(value, "f")
        whole, _, frac = text.partition(".")
        if len(whole) > 3 and self.draw(st.booleans()):
            whole = f"{int(whole):_}"
        if frac and self.draw(st.booleans()):
            frac += "0"
        return whole + ("." + frac if frac else "")

    def year(self, value: int) -> str:
        return f"{value:04d}"

    def join(self, tokens: list[str]) -> str:
        out = []
        for i, tok in enumerate(tokens):
            out.append(tok)
            if i < len(tokens) - 1:
                out.append(self.gap())
        return "".join(out)

    def gap(self) -> str:
        kind = self.draw(st.integers(0, 12))
        if kind == 0:
            return "  # " + self.draw(comment_texts) + "\n"
        return [" ", " ", " ", "  ", "\n", "\n  ", "\t", "\n\n"][kind % 8]


@st.composite
def spec_texts(draw, plan_strategy=None) -> tuple[str, m.Plan]:
    """``(text, plan)``: ``plan`` written out untidily; parsing ``text`` gives ``plan``."""
    plan = draw(plan_strategy if plan_strategy is not None else plans())
    w = _Writer(draw, plan.lang)
    k = w.kw
    groups: list[list[list[str]]] = []  # per statement kind, its statements (token lists), in order

    def single(*toks):
        groups.append([list(toks)])

    if plan.kind is not None:
        single(k("kind"), w.str(plan.kind))
    if plan.title is not None:
        single(k("title"), w.str(plan.title))
    if plan.level is not None:
        single(k("level"), w.enum(plan.level))
    if plan.jurisdiction is not None:
        code = [k("code"), w.str(plan.jurisdiction_code)] if plan.jurisdiction_code is not None else []
        single(k("jurisdiction"), w.str(plan.jurisdiction), *code)
    if plan.issuer is not None:
        single(k("issuer"), w.str(plan.issuer))
    if plan.instrument is not None:
        inst = plan.instrument
        toks = [k("instrument"), w.str(inst.number), k("dated"), inst.date.isoformat()]
        inner = [[k(f), w.str(getattr(inst, f))] for f in ("place", "signer", "signatory")
                 if getattr(inst, f) is not None]
        if inst.proposal is not None:
            p = inst.proposal
            inner.append([k("proposal"), w.str(p.number), k("dated"), p.date.isoformat(), k("by"), w.str(p.by)])
        inner = draw(st.permutations(inner))
        if inner or draw(st.booleans()):
            toks += ["{"] + [t for s in inner for t in s] + ["}"]
        single(*toks)
    if plan.letterhead:
        toks = [k("letterhead")]
        for i, r in enumerate(plan.letterhead):
            toks += ([","] if i else []) + [w.str(r)]
        single(*toks)
    if plan.authority is not None:
        single(k("authority"), w.str(plan.authority))
    if plan.approval is not None:
        a = plan.approval
        toks = [k("approval")] + _docref(w, a)
        inner = [[k(f), w.str(getattr(a, f))] for f in ("place", "signer", "signatory") if getattr(a, f) is not None]
        if a.proposal is not None:
            p = a.proposal
            inner.append([k("proposal"), w.str(p.number), k("dated"), p.date.isoformat(), k("by"), w.str(p.by)])
        inner = draw(st.permutations(inner))
        if inner or draw(st.booleans()):
            toks += ["{"] + [t for s in inner for t in s] + ["}"]
        single(*toks)
    if plan.partial is not None:
        single(k("partial"), w.str(plan.partial))
    if plan.recipients:
        toks = [k("recipients")]
        for i, r in enumerate(plan.recipients):
            toks += ([","] if i else []) + [w.str(r)]
        single(*toks)
    if plan.period is not None:
        single(k("period"), f"{w.year(plan.period[0])}..{w.year(plan.period[1])}")
    if plan.vision is not None:
        single(k("vision"), w.year(plan.vision))
    groups.append([[k("basis"), w.str(b.text)] + ([k("number"), w.str(b.number)] if b.number is not None else [])
                   + ([k("dated"), b.date.isoformat()] if b.date is not None else []) for b in plan.bases])
    groups.append([[k("phase"), p.id, f"{w.year(p.start)}..{w.year(p.end)}"]
                   + ([w.str(p.label)] if p.label is not None else []) for p in plan.phases])
    groups.append(_name_lists(draw, k("implements"), [p.plan_id for p in plan.parents]))
    groups.append([[k("implementing")] + _docref(w, r) for r in plan.implementing])
    groups.append([[k("replaces" if a.replaces else "amends"), a.plan_id]
                   + ([k("in_phase"), _ref(w, a.phase)] if a.phase is not None else [])
                   + ([w.str(a.note)] if a.note is not None else []) for a in plan.amendments])
    groups.append([[k("no_target"), n.objective_id, _ref(w, n.phase), w.str(n.reason)] for n in plan.no_targets])
    groups.append([[k("general"), w.str(t.value)] for t in plan.general])
    groups.append([_objective(w, o) for o in plan.objectives])
    groups.append(_name_lists(draw, k("adopt"), [a.objective_id for a in plan.adoptions]))
    groups.append([[k("waive"), x.objective_id] + ([w.str(x.reason)] if x.reason is not None else [])
                   for x in plan.waivers])
    groups.append([_task(w, t) for t in plan.tasks])
    groups.append([_responsibility(w, r) for r in plan.responsibilities])
    groups.append([_funding(w, f) for f in plan.fundings])
    groups.append([[k("quantity"), q.id, w.str(q.text), k("total"), w.num(q.total), k("over"), w.num(q.years),
                    k("years")] + ([k("average"), w.num(q.average)] if q.average is not None else [])
                   for q in plan.quantities])
    groups.append([[k("report"), w.enum(r.cycle)]
                   + ([k("before"), f"{r.day:0{w.draw(st.sampled_from([1, 2]))}d}/{r.month}"] if r.day is not None else [])
                   + ([k("to"), w.str(r.to.name)] if r.to is not None else []) for r in plan.reports])
    groups.append([[k("allow"), a.code] + ([k("on"), a.on] if a.on is not None else [])
                   + ([w.str(a.reason)] if a.reason is not None else []) for a in plan.allows])
    # Interleave the kinds at random, keeping each kind's own order.
    queues = [list(g) for g in groups if g]
    body: list[str] = []
    while queues:
        q = queues[draw(st.integers(0, len(queues) - 1))]
        body += q.pop(0)
        queues = [q for q in queues if q]
    head = ["# " + draw(comment_texts) + "\n"] if draw(st.booleans()) else []
    text = "".join(head) + w.join([k("plan"), plan.id, "{"] + body + ["}"]) + draw(st.sampled_from(["", "\n", "\n\n"]))
    return text, plan


def _name_lists(draw, keyword: str, ids: list[str]) -> list[list[str]]:
    out, i = [], 0
    while i < len(ids):
        n = draw(st.integers(1, len(ids) - i))
        chunk = ids[i : i + n]
        toks = [keyword]
        for j, name in enumerate(chunk):
            toks += ([","] if j else []) + [name]
        out.append(toks)
        i += n
    return out


def _objective(w: _Writer, o: m.Objective) -> list[str]:
    k = w.kw
    items: list[list[str]] = []
    if o.text is not None:
        items.append([k("text"), w.str(o.text)])
    if o.indicator is not None:
        items.append([k("indicator"), w.str(o.indicator)])
    if o.unit is not None:
        items.append([k("unit"), w.draw(st.sampled_from(["%", o.unit.en, o.unit.vi]) if o.unit is m.Unit.PERCENT
                                        else st.sampled_from([o.unit.en, o.unit.vi]))])
    if o.direction is not None:
        items.append([k("direction"), w.enum(o.direction)])
    if o.aggregation is not None:
        items.append([k("aggregate"), w.enum(o.aggregation)])
    if o.not_comparable is not None:
        items.append([k("not_comparable"), w.str(o.not_comparable)])
    if o.baseline_year is not None:
        items.append([k("baseline"), w.year(o.baseline_year)]
                     + ([w.num(o.baseline_value)] if o.baseline_value is not None else []))
    targets = [_target(w, t) for t in o.targets]
    # Single items may go anywhere; targets keep their order.
    order = w.draw(st.permutations(items + [None] * len(targets)))
    body, ti = [], iter(targets)
    for item in order:
        body += item if item is not None else next(ti)
    return [k("objective"), o.id, "{"] + body + ["}"]


def _target(w: _Writer, t: m.Target) -> list[str]:
    k = w.kw
    ref = _ref(w, t.phase)
    if t.maintain and t.through is not None:
        ref += f"..{w.year(t.through)}"
    toks = [k("maintain" if t.maintain else "target"), ref]
    if t.comparator is not None:
        choices = {m.Comparator.AT_LEAST: [">=", "≥", k("at_least")], m.Comparator.AT_MOST: ["<=", "≤", k("at_most")],
                   m.Comparator.EXACTLY: ["=", k("exactly")]}[t.comparator]
        toks.append(w.draw(st.sampled_from(choices)))
    pct = ["%"] if t.percent else []
    if t.base_year is not None:
        sign = "-" if t.value < 0 else "+"
        return toks + [sign, w.num(abs(t.value))] + pct + [k("vs"), w.year(t.base_year)]
    return toks + [w.num(t.value)] + pct


def _task(w: _Writer, t: m.Task) -> list[str]:
    k = w.kw
    items: list[list[str]] = []
    if t.text is not None:
        items.append([k("text"), w.str(t.text)])
    if t.due is not None:
        due = t.due
        items.append([k("due"), due.isoformat() if isinstance(due, dt.date) else w.year(due)
                      if isinstance(due, int) else w.str(due)])
    ordered: list[list[list[str]]] = [
        [[k("lead"), w.str(a.name)] for a in t.leads],
        _lists(w, k("support"), [w.str(a.name) for a in t.supports]),
        _lists(w, k("serves"), list(t.serves)),
        [_task(w, s) for s in t.subtasks],
    ]
    queues = [[it] for it in items] + [q for q in ordered if q]
    body: list[str] = []
    while queues:
        q = queues[w.draw(st.integers(0, len(queues) - 1))]
        body += q.pop(0)
        queues = [q for q in queues if q]
    return [k("task"), t.id, "{"] + body + ["}"]


def _ref(w: _Writer, phase: str | int) -> str:
    return w.year(phase) if isinstance(phase, int) else phase


def _docref(w: _Writer, r) -> list[str]:
    k = w.kw
    return ([w.str(r.text)] + ([k("number"), w.str(r.number)] if r.number is not None else [])
            + ([k("dated"), r.date.isoformat()] if r.date is not None else [])
            + ([k("by"), w.str(r.by)] if r.by is not None else []))


def _responsibility(w: _Writer, r: m.Responsibility) -> list[str]:
    k = w.kw
    ordered: list[list[list[str]]] = [
        [[k("text"), w.str(d.value)] for d in r.duties],
        _lists(w, k("lead"), list(r.lead_tasks)),
        _lists(w, k("support"), list(r.support_tasks)),
        [[k("review"), w.str(r.review)]] if r.review is not None else [],
    ]
    queues = [q for q in ordered if q]
    body: list[str] = []
    while queues:
        q = queues[w.draw(st.integers(0, len(queues) - 1))]
        body += q.pop(0)
        queues = [q for q in queues if q]
    return [k("request" if r.mode is m.Mode.REQUEST else "responsibility"), w.str(r.agency.name), "{"] + body + ["}"]


def _lists(w: _Writer, keyword: str, values: list[str]) -> list[list[str]]:
    return [toks for toks in _name_lists(w.draw, keyword, values)]


def _funding(w: _Writer, f: m.Funding) -> list[str]:
    k = w.kw
    toks = [k("funding"), w.str(f.source)] + ([k("amount"), w.num(f.amount)] if f.amount is not None else [])
    if f.details or w.draw(st.booleans()):
        toks += ["{"] + [t for d in f.details for t in (k("text"), w.str(d.value))] + ["}"]
    return toks
