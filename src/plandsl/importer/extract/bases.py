"""The preamble's legal bases ("Căn cứ …"), implemented documents ("Thực hiện …", "Triển khai …") and the proposal
("Theo đề nghị của … tại Tờ trình số …"), each document with its number, date and issuer (split from header.py)."""

from __future__ import annotations

import re

import attrs

from plandsl.core.i18n import _
from plandsl.importer.draft import DocRef, Proposal
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import (DOC_NUMBER, DOC_TYPE_RE, DOC_TYPES, ISSUES_PLAN, KIND_LINE, NUMBER_RE,
                                               find_date, find_number, make_date, tidy_number)
from plandsl.importer.extract.refs import borrowed_number, clause_lines, dated_law, grouped_refs, split_refs

_PROPOSAL = re.compile(r"(?:Theo|Xét)\s+đề nghị của\s+(?P<by>.+?)\s+tại\s+(?:Tờ trình|Công văn)\s+số\s*(?P<num>" + DOC_NUMBER + r")")

# "Quyết định số 15l 1/QĐ-UBND", "Công văn sô 1 115/SGDĐT-…": an OCR broke the number's digits with a letter or a
# space (after the twenty-ninth set); what is left after the break is no number, and none is guessed.
_BROKEN = re.compile(r"(?<![\w/.,-])\d{1,4}(?:[^\W\d_]\s?|\s)$")


def parse_ref(raw: str, where: str, numbered: bool = True) -> DocRef:
    num = find_number(raw) if numbered else None
    if num and _BROKEN.search(raw[:num.start()]):
        broken = raw[_BROKEN.search(raw[:num.start()]).start():num.end()]
        ref = parse_ref(raw, where, numbered=False)
        return attrs.evolve(ref, review=_("the document's number was broken by the OCR ('{text}'): not written").format(
            text=broken))
    date, dm = find_date(raw)
    text = raw
    if num:
        text = re.sub(r"\s*số\s*:?\s*" + re.escape(num.group(0)), "", text)
        text = text.replace(num.group(0), "")
    if dm:
        text = text.replace(dm.group(0), "")
        text = re.sub(r"\s+ngày(?=\s*(?:của\b|về\b|,|$))", " ", text)  # not the "ngày" of a date named after it
    by = None
    bm = re.search(r"\bcủa\s+(?!(?:Bộ\s+)?Luật\s)(?P<by>.+?)(?=\s+(?:về việc|về|phê duyệt|ban hành|quy định|hướng dẫn|triển khai)\b|$)", text)
    if bm:
        by = bm.group("by").strip(" ,")
    text = re.sub(r"\s*,\s*(?=của\b)", " ", text)  # "Quyết định số 488/QĐ-TTg , ngày 14/4/2017 của …"
    text = re.sub(r"\s*\(\s*(?:ngày\s*)?\)", "", text)  # "… mầm non ( số 157/KH-BGDĐT ngày 13/3/2020 ) của …"
    text = re.sub(r"\s+,", ",", re.sub(r"\s{2,}", " ", text)).strip(" ,;.")
    return DocRef(text, tidy_number(num.group(0)) if num else None, date, where, by)


def bases(ctx: Context) -> None:
    in_body = False  # under a section heading ("I. TÌNH HÌNH THỰC HIỆN …"): history, not this plan's bases
    for z in ctx.zoned:
        if z.style == "roman":
            in_body = True
        elif z.zone == "plan_header" and z.style is None and KIND_LINE.match(z.line.text):
            in_body = False  # the attached plan's own heading: its căn cứ may follow
        if z.zone not in ("header", "plan_header", "decision", "other", "general") or in_body:
            continue
        text = z.line.text
        if re.match(r"^(?:Căn cứ|Thực hiện)(?:\s|$)", text) or z.zone != "general" and text.startswith(_GOES_ON):
            text = clause_lines(ctx, z)
        # "… năm 2025; Căn cứ Kế hoạch số 77/KH-UBND …": two clauses in one paragraph.
        for clause in re.split(r";\s+(?=(?:Căn cứ|Thực hiện)\s)", text):
            _clause(ctx, z, clause)


# "Tiếp tục thực hiện Văn bản số …" among the preamble's clauses (after the twenty-seventh set; in the aims, a task).
_GOES_ON = "Tiếp tục thực hiện "


def _clause(ctx: Context, z, text: str) -> None:
    """One "Căn cứ" / "Thực hiện" / "Triển khai" clause: its documents as bases or implemented documents."""
    d = ctx.draft
    if z.zone != "general" and text.startswith(_GOES_ON):  # "Tiếp tục thực hiện Văn bản số 42/CV-…": implemented
        text = "Thực hiện " + text[len(_GOES_ON):]
    m = re.match(r"^(Căn cứ|Thực hiện|Triển khai)\s+(?:vào\s+)?(.*)$", text)
    if not m:
        return
    body = m.group(2)
    if m.group(1) != "Căn cứ" and not find_number(body) and not dated_law(body):
        return
    if m.group(1) == "Triển khai" and not DOC_TYPE_RE.match(body):
        return  # "Triển khai Công văn số …" names a document; "Triển khai thực hiện …" does not
    if m.group(1) == "Căn cứ" and not (DOC_TYPE_RE.match(body) or find_number(body)):
        return
    if m.group(1) == "Thực hiện" and _DIRECTION.match(body) and _directed(ctx, z, body):
        return
    ctx.place(z)
    # The preamble sentence may go on after the documents ("…, Ủy ban nhân dân tỉnh ban hành …"), or the next one
    # ("…. Ủy ban nhân dân tỉnh ban hành Kế hoạch …, nội dung như sau:").
    # "…. Để tổ chức triển khai …, Ủy ban nhân dân tỉnh ban hành kế hoạch …": the sentence saying why the plan is issued.
    body = re.split(r"\.\s+(?=Để\s[^;]*" + ISSUES_PLAN + ")", body)[0]
    body = re.split(r"[,;.]\s*(?=(?:Ủy ban|UBND|Sở|Bộ|Phòng)\b[^;]*" + ISSUES_PLAN + r"[^;]*(?:sau|$))", body)[0]
    grouped, body = grouped_refs(body, z.line.where)  # written after the clause's other documents
    before = None
    for part in split_refs(body):
        ref = parse_ref(part, z.line.where, not borrowed_number(part, before))
        before = ref.number
        if not ref.text:
            continue
        if ref.number and ref.date is None:  # dated where the clause names it again ("… số 142/QĐ-TTg ngày 02/02/2024")
            again = re.search(re.escape(ref.number) + r"\s*,?\s*(ngày\s+[^;,]{1,30})", text)
            ref.date = find_date(again.group(1))[0] if again else None
        (d.bases if m.group(1) == "Căn cứ" else d.implementing).append(ref)
    (d.bases if m.group(1) == "Căn cứ" else d.implementing).extend(grouped)


# "Thực hiện chỉ đạo của Bộ Chính trị, X ban hành Kế hoạch triển khai thực hiện Nghị quyết số 57-NQ/TW.": a direction,
# no document; the documents are those the plan carries out (after the twenty-sixth set).
_DIRECTION = re.compile(r"(?:sự\s+|ý kiến\s+)?chỉ đạo của\s")
_DOC_TYPE = "|".join(map(re.escape, DOC_TYPES))
# "Ngày 22/12/2024, Bộ Chính trị đã ban hành Nghị quyết số 57-NQ/TW về … (sau đây gọi là …)": the document in full.
_ISSUED_ON = re.compile(r"^Ngày\s+(?P<date>[^,]{6,30}),\s*(?P<by>[^,;]{3,80}?)\s+(?:đã\s+)?ban hành\s+"
                        r"(?P<type>" + _DOC_TYPE + r")\s+số\s*(?P<num>" + DOC_NUMBER + r")\s+về\s+"
                        r"(?P<about>.+?)(?=\s*\(|[,;]\s+(?:theo đó|trong đó|đồng thời)\b|[;.](?:\s|$)|$)")


def _directed(ctx: Context, z, body: str) -> bool:
    """The documents a "Thực hiện chỉ đạo của …" sentence's plan carries out ("… ban hành Kế hoạch … thực hiện Nghị
    quyết số 57-NQ/TW"), each with the date, issuer and subject of the opening sentence that names it in full. False
    (read as any clause) when the direction itself names a document ("chỉ đạo của … tại Công văn số …") or the
    sentence names none after the plan."""
    sentence = re.split(r"\.\s+(?=[A-ZĐÀ-Ỹ])", body)[0]
    issued = re.search(ISSUES_PLAN + r"\b(?P<rest>.*)$", sentence)
    if issued is None or find_number(sentence[:issued.start()]):
        return False
    found = [(n.group(0), t.group(1)) for n in NUMBER_RE.finditer(issued.group("rest"))
             if (t := re.search(r"(" + _DOC_TYPE + r")\s+số\s*$", issued.group("rest")[:n.start()]))]
    if not found:
        return False
    # the line is not placed: kept whole as a line not placed, with what it says after the plan's documents
    full = {m.group("num"): (m, y) for y in ctx.zoned[:ctx.zoned.index(z)] if (m := _ISSUED_ON.match(y.line.text))}
    for number, kind in found:
        if number in full:
            m, y = full[number]
            ctx.draft.implementing.append(DocRef(f"{m.group('type')} về {m.group('about')}", tidy_number(number),
                                                 find_date(m.group("date"))[0], y.line.where, m.group("by").strip()))
        else:
            ctx.draft.implementing.append(DocRef(kind, tidy_number(number), None, z.line.where))
    return True


_BARE_DATE = re.compile(r"^\s*,?\s*(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\b")


def proposal(ctx: Context) -> None:
    d = ctx.draft
    for z in ctx.zoned[:80]:
        m = _PROPOSAL.search(z.line.text)
        if m:
            date, _rest = find_date(z.line.text[m.end():])
            bare = _BARE_DATE.match(z.line.text[m.end():])
            if bare:  # "Tờ trình số 1167/TTr-SLĐTBXH 13 tháng 5 năm 2021": the date right after, without "ngày"
                date = make_date(int(bare.group(1)), int(bare.group(2)), int(bare.group(3))) or date
            if date:
                ctx.place(z)
                d.proposal = Proposal(tidy_number(m.group("num")), date, m.group("by").strip(), z.line.where)
            return
