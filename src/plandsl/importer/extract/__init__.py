"""From a read document to a :class:`~plandsl.importer.draft.Draft`: zones first, then the
header, objectives, tasks and the tail; every line no extractor placed is kept."""

from __future__ import annotations

import re

import attrs

from plandsl.core.i18n import _
from plandsl.importer.document import Document
from plandsl.importer.draft import Approval, Draft, Val
from plandsl.importer.extract import school_years
from plandsl.importer.extract.approving import approved_plan_start
from plandsl.importer.extract.article_plan import article_tasks
from plandsl.importer.extract.assigned import assigned_tasks
from plandsl.importer.extract.body_heads import body_heading_tasks
from plandsl.importer.extract.chairs import (
    closing_chairs,
    heading_body_chairs,
    helper_supports,
    opening_body_chairs,
    opening_chairs,
    sentence_chairs,
)
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.dash_bodies import dashed_bodies
from plandsl.importer.extract.field_tasks import extract_field_tasks
from plandsl.importer.extract.header import extract_header
from plandsl.importer.extract.heading_targets import count_floor_targets, heading_targets, opening_floor_targets
from plandsl.importer.extract.indicators import indicator_tables
from plandsl.importer.extract.inline_items import inline_items
from plandsl.importer.extract.issuer import CENTRAL_COMMITTEE, party_unit
from plandsl.importer.extract.item_fields import fold_item_fields
from plandsl.importer.extract.item_targets import aim_targets, item_targets, sentence_targets
from plandsl.importer.extract.labelled_task import labelled_tasks
from plandsl.importer.extract.named_lists import fold_definitions, fold_item_paragraphs, fold_labels, fold_named_lists
from plandsl.importer.extract.objectives import extract_objectives
from plandsl.importer.extract.para_chairs import heading_paragraph_chairs
from plandsl.importer.extract.patterns import sentence_case
from plandsl.importer.extract.scope_items import sibling_tasks
from plandsl.importer.extract.purpose import extract_purpose_targets, general_targets
from plandsl.importer.extract.sibling_paragraphs import split_sibling_paragraphs
from plandsl.importer.extract.tail import extract_funding, extract_organisation, extract_reports
from plandsl.importer.extract.task_notes import fold_task_notes
from plandsl.importer.extract.task_dues import task_dues
from plandsl.importer.extract.task_rows import extract_task_rows
from plandsl.importer.extract.task_table import extract_task_table
from plandsl.importer.extract.tasks import extract_tasks
from plandsl.importer.extract.unit_heads import unit_heading_tasks
from plandsl.importer.extract.zones import BOILERPLATE, zone_lines

_UNIT = re.compile(r"\b(?P<unit>tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+"
                   r"(?P<name>(?<=quận )\d{1,2}\b|(?<=phường )\d{1,2}\b|[A-ZĐÀ-Ỹ][\wà-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wà-ỹ]*)*)")
_LEVELS = {"tỉnh": "province", "huyện": "district", "quận": "district", "thị xã": "district", "xã": "commune",
           "phường": "commune", "thị trấn": "commune"}


# "e) Đến năm 2020, phấn đấu đạt 100% gia đình … , năm 2018 đạt 99%, …" among the tasks: a lettered item that opens
# with its year and a percentage is an objective with targets, not a task.
_TARGET_ITEM = re.compile(r"^[a-zđ]\)\s*Đến năm (?:19|20)\d{2},\s*(?:phấn đấu\s+)?(?:đạt\s+)?\d{1,3}(?:,\d+)?%\s+\S")
# An item cut after its first letters at the end of an excerpt ("a) N", "- Ch"): not a task or an objective.
_CUT_ITEM = re.compile(r"^(?:[a-zđ]\)|[-–+•]|\d{1,2}[.)])\s*[\wÀ-ỹ]{1,3}$")


def _cut_paragraph(z) -> bool:
    """The last line of an excerpt cut in mid-sentence, a paragraph without an item mark under the tasks ("Chỉ thị
    số 36/CT-TTg ngày 31/1"): the rest of a sentence or a list the excerpt lost, not a task of its own."""
    return z.zone == "tasks" and z.style is None and not z.line.text.endswith((".", ";", ":", "!", "?", "…", ")"))


# "/ỦY BAN MTTQ VIỆT NAM": a stray mark the copy left before the letterhead's first line (after the fifteenth set).
_STRAY = re.compile(r"^/+\s*(?=[A-ZĐÀ-Ỹ])")


def _stray_mark(lines: list) -> list:
    """The lines with a stray mark taken off the first one, when what follows it is an upper-case line."""
    k = next((i for i, line in enumerate(lines) if line.text.strip()), None)
    if k is None or not (m := _STRAY.match(lines[k].text)) or not lines[k].text[m.end():].isupper():
        return lines
    return [*lines[:k], attrs.evolve(lines[k], text=lines[k].text[m.end():]), *lines[k + 1:]]


def extract(doc: Document) -> Draft:
    doc = attrs.evolve(doc, lines=_stray_mark(doc.lines))
    start = approved_plan_start(doc.lines)
    approving = None
    if start:  # an approving resolution printed first: read on its own, then the plan from its letterhead on
        approving = Context(zone_lines(doc.lines[:start]))
        extract_header(approving)
    zoned = [attrs.evolve(z, zone="specific") if z.zone == "tasks" and _TARGET_ITEM.match(z.line.text) else z
             for z in zone_lines(doc.lines[start or 0:])]
    zoned = school_years.rezone(zoned)  # "2. Mục tiêu, nhiệm vụ đến năm học 2020-2021": its figures targets
    zoned = inline_items(zoned)  # "1. C04: (1) Chủ trì …; (2) …": the body's heading over its numbered items
    zoned = sibling_tasks(zoned)  # "2. Đối tượng, điều kiện" among the tasks: scope up to "3. …" only
    if zoned and (_CUT_ITEM.match(zoned[-1].line.text) or _cut_paragraph(zoned[-1])):
        zoned[-1] = attrs.evolve(zoned[-1], zone="cut")  # kept as a `# not placed` comment
    ctx = Context(zoned)
    extract_header(ctx)
    extract_objectives(ctx)
    item_targets(ctx.draft)
    sentence_targets(ctx.draft)  # "100% … . 100% … .": an objective a sentence
    extract_purpose_targets(ctx)
    general_targets(ctx)  # "Mục tiêu tổng quát đến năm 2030" / "… Phấn đấu … đạt tối thiểu 95%."
    indicator_tables(ctx)  # an appendix's indicator table, one cell a line
    extract_field_tasks(ctx)
    labelled_tasks(ctx)  # "Tên nhiệm vụ: …" / "Cơ quan chủ trì: …" / "Cơ quan phối hợp: …"
    extract_tasks(ctx)
    fold_task_notes(ctx)
    fold_item_fields(ctx)  # an item's place and the criteria a step is decided on, as its notes
    extract_task_table(ctx)
    extract_task_rows(ctx)
    article_tasks(ctx)  # a plan printed as the decision's Điều 1, when nothing else gave tasks
    assigned_tasks(ctx)  # "2. Giao Bộ …:" over lettered items in a resolution's article, when nothing else did
    ctx.draft.tasks[:] = body_heading_tasks(ctx.draft.tasks, ctx.draft.unplaced)  # "1. Sở Y tế" over "a) Chủ trì, phối hợp với …" items
    ctx.draft.tasks[:] = unit_heading_tasks(ctx.draft.tasks, ctx.draft.unplaced)  # "1. Đối với các trường …" over items
    fold_named_lists(ctx.draft.tasks)  # "- Dự án 1: “…”." lines under an item: its content
    fold_item_paragraphs(ctx)  # paragraphs after an item that is a whole paragraph: its content
    fold_labels(ctx)  # "+ Nội dung theo dõi" over lines naming what is followed: content of the item above
    split_sibling_paragraphs(ctx)  # "2.1. …" / its one paragraph, when "2.2. …" has paragraphs as sub-tasks
    fold_definitions(ctx)  # "a) Kinh phí … bao gồm: …", "- Hạ tầng số … bao gồm …", "a) Thể chế" / its paragraph
    heading_paragraph_chairs(ctx)  # "3. …" / "Sở A chủ trì, phối hợp với B …" / "…": one task with those bodies
    closing_chairs(ctx.draft.tasks)
    sentence_chairs(ctx.draft.tasks)
    opening_body_chairs(ctx.draft.tasks)
    opening_chairs(ctx.draft.tasks)  # "- Cơ sở giáo dục … chủ trì, phối hợp với …" opening an item
    heading_body_chairs(ctx)
    helper_supports(ctx.draft.tasks)
    dashed_bodies(ctx.draft.tasks)  # "1. Phân tích đề thi … – Trường THPT A thực hiện."
    heading_targets(ctx)  # after the tasks: a one-year plan's content headings that state a level
    task_dues(ctx)  # a deadline in a task's own text, for a task with no time of its own
    aim_targets(ctx)
    extract_reports(ctx)
    extract_organisation(ctx)
    extract_funding(ctx)
    count_floor_targets(ctx)  # last: "2. Số lượng …: Tối thiểu 20% …" left unplaced outside the targets
    opening_floor_targets(ctx)  # "Để … đảm bảo ít nhất 40% … trong năm 2026, UBND tỉnh ban hành kế hoạch …"
    d = ctx.draft
    d.ocr = doc.source == "ocr"
    _jurisdiction(d)
    if approving is not None:
        _approved(d, approving)
    for z in ctx.zoned:
        if z.line.no in ctx.placed or BOILERPLATE.match(z.line.text):
            continue
        d.unplaced.append((z.line.where, z.line.text))
    return d


def _approved(d: Draft, approving: Context) -> None:
    """The resolution read first as the plan's approval; its lines not placed kept, before the plan's."""
    r = approving.draft
    by = sentence_case(r.letterhead.value[0]) if r.letterhead is not None else None
    if r.instrument is not None and r.title is not None:
        d.approval = Approval(r.title.value, by, r.title.where, r.instrument.number, r.instrument.date, header=r)
        if by and d.authority is None:
            d.authority = Val(by, r.title.where)
    d.bases[:0] = r.bases
    d.implementing[:0] = [ref for ref in r.implementing if ref.number not in {x.number for x in d.implementing}]
    # What the approval carries; every other line of the resolution (its kind line, its Nơi nhận, …) is kept as a
    # line not placed, so nothing it says is lost.
    carried = {v.where for v in (r.title, r.instrument, r.letterhead, r.place, r.signer, r.signatory, r.proposal)
               if v is not None} | {ref.where for ref in (*r.bases, *r.implementing)}
    for z in approving.zoned:
        if (z.line.no not in approving.placed or z.line.where not in carried) and not BOILERPLATE.match(z.line.text):
            d.unplaced.append((z.line.where, z.line.text))
    if r.recipients is not None and r.recipients.where in carried:  # on the signature's line: "Nơi nhận: … | CHỦ TỊCH …"
        d.unplaced.append((r.recipients.where, "Nơi nhận: " + "; ".join(r.recipients.value)))


# Agencies of the Government at the level of a ministry, whose plans are keyed as a ministry's.
_GOVERNMENT_AGENCY = re.compile(r"(?:Bảo hiểm xã hội|Ngân hàng Nhà nước|Thông tấn xã|Đài Tiếng nói|Đài Truyền hình)"
                                r" Việt Nam|Ủy ban Dân tộc", re.IGNORECASE)


def _jurisdiction(d: Draft) -> None:
    """Level and jurisdiction from the issuing body's name, checked against the registry."""
    if d.issuer is None:
        return
    issuer = d.issuer.value
    if re.search(r"Thủ tướng|Chính phủ", issuer):
        d.level = Val("national", d.issuer.where)
        d.jurisdiction = Val("Việt Nam", d.issuer.where)
        return
    if re.match(r"^Ban Chỉ đạo (?:quốc gia|Trung ương)\b", issuer, re.IGNORECASE) or (
            d.letterhead and CENTRAL_COMMITTEE.fullmatch(" ".join(d.letterhead.value[0].split()))):
        # a national steering committee (its head a Deputy Prime Minister); a body under the Party's Central Committee
        # ("BAN CHẤP HÀNH TRUNG ƯƠNG" / "ĐẢNG ĐOÀN QUỐC HỘI", after the twenty-sixth set)
        d.level = Val("national", d.issuer.where)
        d.jurisdiction = Val("Việt Nam", d.issuer.where)
        return
    if re.match(r"^Bộ\b", issuer) or _GOVERNMENT_AGENCY.fullmatch(issuer):
        d.level = Val("ministry", d.issuer.where)
        d.jurisdiction = Val("Việt Nam", d.issuer.where)
        return
    # a Party committee's letterhead ("TỈNH ỦY HÀ GIANG", after the thirtieth set) names the unit: "tỉnh Hà Giang"
    m = _UNIT.search(issuer) or _UNIT.search(party_unit(d.letterhead) or "")
    if not m and d.letterhead and re.match(r"^(?:Tiểu ban|Ban|Sở|Trường (?=[A-ZĐÀ-Ỹ]))\s?", issuer):
        # A committee's sub-body named without its place ("Tiểu ban thông tin, … xây dựng kế hoạch"): the place of
        # the body above it, on its own letterhead line ("ỦY BAN BẦU CỬ XÃ PHỐ BẢNG"; never read on into the next).
        # Likewise a department ("Sở GDĐT xây dựng Kế hoạch" under "UBND TỈNH ĐỒNG THÁP", after the twenty-third set).
        m = next((u for u in (_UNIT.search(sentence_case(" ".join(t.split()))) for t in d.letterhead.value) if u), None)
    if not m:
        bare = re.search(r"\b(tỉnh|huyện|xã)$", issuer)
        if bare:
            d.level = Val(_LEVELS[bare.group(1)], d.issuer.where,
                          _("the document names the level but not the place"))
        return
    unit, name = m.group("unit"), m.group("name")
    try:
        from plandsl.registry import jurisdictions

        on = d.instrument.date if d.instrument else None
        level = _LEVELS.get(unit)
        found = jurisdictions.lookup(f"{unit} {name}", level, on)
        if found.status != "found" and on is not None:
            found = jurisdictions.lookup(f"{unit} {name}", level, None)
    except Exception:  # the registry is a help, never a reason to fail an import
        found = None
    if found is not None and found.status == "found":
        u = found.matches[0]
        _registry_spelling(d, name, u.name)
        d.level = Val(u.level.en, d.issuer.where)
        d.jurisdiction = Val(u.name, d.issuer.where)
        d.code = u.code if u.level.en == "province" else None
        return
    written = f"{unit[0].upper()}{unit[1:]} {name}"
    level = _LEVELS.get(unit, "province" if unit == "thành phố" else None)
    why = None
    chosen = _named_province(d, found.matches) if found is not None and found.status == "ambiguous" else None
    if chosen is not None:  # namesakes told apart by the one province the documents it cites name
        u, where = chosen
        d.level = Val(u.level.en, d.issuer.where)
        d.jurisdiction = Val(u.qualified_name, d.issuer.where, _(
            "several units have this name; the one in {province}, the province named in the document it "
            "cites, {where}").format(province=u.province_name, where=where))
        d.code = u.code
        return
    if found is not None and found.status == "ambiguous":
        why = _("several units have this name: {units}").format(units="; ".join(
            f"{u.name}, {u.province_name}" for u in found.matches[:4] if u.province_name))
    elif found is not None:
        why = _("not found in the unit registry ({status})").format(status=found.status)
    if level:
        d.level = Val(level, d.issuer.where)
    d.jurisdiction = Val(written, d.issuer.where, why)


def _registry_spelling(d: Draft, name: str, unit_name: str) -> None:
    """An OCR'd issuer's place name with a mark misread ("Ủy ban nhân dân huyện Hiệp Hóa", after the twenty-eighth
    set) spelled as the unit registry spells it ("Huyện Hiệp Hòa") when the two differ in their marks only; a name
    typed in the document is kept as written."""
    from plandsl.registry.normalize import strip_accents

    spelled = unit_name.split(" ", 1)[1] if " " in unit_name else unit_name
    spelled = re.sub(r"^(?:phố|xã|trấn)\s+", "", spelled) if unit_name.lower().startswith(("thành phố", "thị xã",
                                                                                          "thị trấn")) else spelled
    if not d.ocr or spelled == name or strip_accents(spelled).lower() != strip_accents(name).lower() \
            or name not in d.issuer.value:
        return
    d.issuer = attrs.evolve(d.issuer, value=d.issuer.value.replace(name, spelled), review=_(
        "read by OCR as '{read}': the place spelled as the unit registry spells it").format(read=name))


def _named_province(d: Draft, units) -> tuple | None:
    """(unit, the source line) of the one namesake whose province the plan's bases or implemented documents
    name (their text or issuer: "… của Ủy ban nhân dân tỉnh Đồng Nai"), or None when none or several do."""
    from plandsl.registry.normalize import fold_case

    refs = [r for r in (*d.implementing, *d.bases) if r.text or r.by]
    hits = {}
    for u in units:
        bare = re.sub(r"^(?:Tỉnh|Thành phố)\s+", "", u.province_name or "")
        if not bare:
            continue
        pattern = re.compile(r"\b(?:tỉnh|thành phố|tp\.?)\s+" + re.escape(fold_case(bare)) + r"\b")
        for r in refs:
            if pattern.search(fold_case(f"{r.text or ''} {r.by or ''}")):
                hits.setdefault(u.province_name, (u, r.where))
                break
    return next(iter(hits.values())) if len(hits) == 1 else None

