"""Lead and support agencies written as a sentence under a task, not as "Cơ quan chủ trì: …" fields.

"Sở Y tế chủ trì, phối hợp với các sở, ban, ngành và các đơn vị có liên quan." gives
the lead (the agencies before "chủ trì": "Sở Giáo dục và Đào tạo và Sở Y tế chủ trì" gives two) and the
supports (the list after "phối hợp với", up to the verb that says what they do: "… tham mưu …"). "Sở Nội vụ
chủ trì tham mưu …" gives a lead only. A body named without "chủ trì" or "phối hợp" ("Sở Xây dựng đăng tải
…", "… chủ động tổ chức triển khai") is neither: the reading rule of the held-out answers."""

from __future__ import annotations

import re

from plandsl.core.i18n import _
from plandsl.importer.draft import Task
from plandsl.importer.extract.patterns import AGENCY_START, sentence_case, split_agencies

_CHAIR = re.compile(r"^(?:Giao\s+)?(?P<lead>\S.{1,118}?)\s+chủ trì\b\s*(?P<rest>.*)$")
# "phối hợp với Y", or "phối hợp Y" before a body that opens with a capital or "các" ("phối hợp các đơn vị …"; not
# "phối hợp tổ chức …", "phối hợp báo cáo …")
_WITH = re.compile(r"^,?\s*(?:và\s+)?phối hợp\s+(?:với\s+|(?=(?:các|Các)\s|[A-ZĐÀ-Ỹ]))(?P<sup>.+)$")
# Where the list of supports ends: the verb that says what they do together.
# ("giáo dục thường xuyên" is a kind of school, not the adverb: "trung tâm giáo dục thường xuyên")
VERB = re.compile(r"(?<!giáo dục)\s+(?:để\s+|nhằm\s+)?(?:tham mưu|triển khai|thực hiện|hướng dẫn|rà soát|xây dựng|bố trí|"
                   r"kiểm tra|theo dõi|tổ chức thực hiện|tổ chức triển khai|tổ chức các|trong phạm vi|theo chức năng|"
                   r"nghiên cứu|hoàn thiện|tiếp tục|thường xuyên|định kỳ)\b")  # or the adverb before it
NOT_A_NAME = re.compile(r"\b(?:có trách nhiệm|chịu trách nhiệm|được giao|phải|cần|sẽ)\b|[.:;]")


def chairs(text: str, *, sentence: bool = False) -> tuple[list[str], list[str]] | None:
    """(leads, supports) named by "chủ trì" / "phối hợp với" in ``text``, or None when it names no lead.

    ``sentence``: ``text`` is a line of its own under a task, not a "Cơ quan thực hiện:" field; then it must
    say both "chủ trì" and "phối hợp với" and end soon after the list (a longer sentence is a task's text)."""
    leads: list[str] = []
    supports: list[str] = []
    clauses = [c.strip() for c in text.strip().rstrip(".").split(";") if c.strip()]
    for clause in clauses if not sentence else clauses[:1]:
        m = _CHAIR.match(clause)
        if not m or not AGENCY_START.match(m.group("lead")) or NOT_A_NAME.search(m.group("lead")):
            continue
        rest = m.group("rest")
        w = _WITH.match(rest)
        if sentence and (not w or len(clauses) > 1):
            return None
        if w:
            sup = w.group("sup")
            cut = VERB.search(sup)
            tail = sup[cut.start():] if cut else ""
            if sentence and (len(tail) > 80 or re.search(r"(?:\s(?:và|của|với)|,)\s*$", sup)):
                return None  # a longer sentence is a task's text; a list cut at "và" or "," goes on in the next line
            supports.extend(split_agencies(sup[:cut.start()] if cut else sup))
        leads.extend(split_agencies(m.group("lead")))
    return (leads, supports) if leads else None


# "… (Giao Công an tỉnh chủ trì, phối hợp với Văn phòng UBND tỉnh; Sở Tư pháp và … tham mưu)." closing a task's text.
_GIVEN = re.compile(r"\((?:Giao|giao)\s+(?P<body>[^()]+?\bchủ trì\b[^()]*)\)\s*[.;]?$")


def closing_chairs(tasks) -> None:
    """A task whose text closes with "(Giao X chủ trì, phối hợp với Y …)" and that has no agencies of its own: X is
    its lead and Y its supports (the text keeps the parenthesis). "(Giao X tham mưu)" names neither."""
    for task in tasks:
        closing_chairs(task.subtasks)
        m = _GIVEN.search(task.text)
        if task.leads or task.supports or not m:
            continue
        both = chairs(m.group("body").replace(";", ","))
        if both:
            task.leads.extend(both[0])
            task.supports.extend(both[1])


# A body named with a capital, as a lead in a running sentence ("…, Sở Xây dựng chủ trì, phối hợp với …").
NAMED = re.compile(r"(?:Sở|Bộ|Ủy ban|Uỷ ban|UBND|Công an|Ban|Văn phòng|Cục|Chi cục|Trung tâm|Thanh tra|Kho bạc|"
                    r"Bảo hiểm|BHXH|Đài|Báo)\s")
# Where a support list in a running sentence ends: the verb that says what the bodies do together.
DOES = re.compile(r"\s+(?:lập|tiến hành|thẩm định|trình|tổng hợp|đề xuất|nghiên cứu|chỉ đạo|xác định|kiểm tra)[\s,]")


def sentence_chairs(tasks) -> None:
    """A task with no agencies whose running text says "X chủ trì, phối hợp với Y <does …>" in one of its sentences,
    X a body named with a capital right after a comma, a full stop or a short opening ("Định kỳ Sở Tài chính chủ trì
    phối hợp với Sở Y tế tiến hành …", "Trên cơ sở đề nghị của …, Sở Xây dựng chủ trì, phối hợp với Sở A, Sở B lập …"):
    X is its lead and Y its supports, the list cut at the verb. Both words must be there; the text is unchanged."""
    for task in tasks:
        sentence_chairs(task.subtasks)
        if task.leads or task.supports:
            continue
        for sentence in re.split(r"(?<=[.;])\s+", task.text):
            m = re.search(r"(?:^|,\s+)(?:[A-ZĐ]\w*\s+\w+\s+)??(?P<lead>" + NAMED.pattern + r"[^,;.]{1,78}?)\s+chủ trì,?\s+"
                          r"phối hợp với\s+(?P<sup>[^.;]+)", sentence)
            if not m or NOT_A_NAME.search(m.group("lead")) or " chủ trì" in m.group("lead"):
                continue
            if give_chairs(task, m.group("lead"), m.group("sup")):
                break


def give_chairs(task, lead: str, rest: str, *, earliest: bool = False, end: re.Pattern | None = None) -> bool:
    """``lead`` as the task's lead and the bodies ``rest`` opens with, up to the verb that says what they do together,
    as its supports; nothing (False) when ``rest`` has no such verb. ``earliest``: cut at the first verb of either
    list ("… liên quan xây dựng, trình …"), not at the first of the running-sentence verbs; ``end``, with
    ``earliest``: another place the list may end first (``_LIST_END``)."""
    cuts = [m for m in (DOES.search(rest), VERB.search(rest), end.search(rest) if end else None) if m]
    cut = min(cuts, key=lambda m: m.start()) if earliest and cuts else DOES.search(rest) or VERB.search(rest)
    if cut is None:
        return False
    task.leads.extend(split_agencies(lead))
    task.supports.extend(split_agencies(rest[:cut.start()]))
    return True


# A group that opens an item and chairs: "Cơ sở giáo dục phổ thông chủ trì, phối hợp với …", "Các trường … chủ trì
# tổ chức …; phối hợp với …" (after the twenty-third set); a body's name as AGENCY_START reads it, or a kind of school.
_OPENING_LEAD = re.compile(r"^(?P<lead>[^,;.:()]{3,78}?)\s+chủ trì\b,?\s*(?P<rest>[^;]*)(?:;\s*(?P<next>.*))?$")
_SCHOOLS = re.compile(r"^Cơ sở (?:giáo dục|đào tạo|giáo dục nghề nghiệp)\b")
# Where a list of supports ends besides the verbs: right after "(có) liên quan", or at "để" / "nhằm".
_LIST_END = re.compile(r"(?<=\bliên quan)(?=[\s,])|\s+(?:để|nhằm)\s")


def opening_chairs(tasks) -> None:
    """A task with no agencies whose text opens with a group that chairs and names who helps: "X chủ trì, phối hợp
    với Y, Z <does …>", or "X chủ trì <does …>; phối hợp với Y <does …>" in the clause right after. X is its lead
    and Y, Z its supports, the list cut at the first verb, at "để" / "nhằm" or after "(có) liên quan" (with none of
    those nothing is read). "X phối hợp với Y …" or "X chủ trì <does …>" alone names neither; the text is unchanged."""
    for task in tasks:
        opening_chairs(task.subtasks)
        m = _OPENING_LEAD.match(task.text.strip())
        if task.leads or task.supports or not m:
            continue
        lead = m.group("lead")
        if not (AGENCY_START.match(lead) or _SCHOOLS.match(lead)) or NOT_A_NAME.search(lead) \
                or re.search(r"\b(?:phối hợp|chủ trì)\b", lead):
            continue
        w = _WITH.match(m.group("rest")) if m.group("rest").startswith("phối hợp") else None
        if w is None and m.group("next") and "phối hợp" not in m.group("rest"):
            w = _WITH.match(m.group("next").split(";")[0])
        if w is None:
            continue
        give_chairs(task, lead, w.group("sup"), earliest=True, end=_LIST_END)


# "Ủy ban nhân dân cấp xã: đầu tư …; Chủ trì, phối hợp với các Sở, ban ngành … thực hiện …": the body that opens the
# item, then a clause of its own that says it chairs.
_OPENING_BODY = re.compile(r"^(?P<lead>[^:;,.]{3,60}):\s")
_OWN_CHAIR = re.compile(r"(?:^|[;.]\s+)Chủ trì,?\s+phối hợp với\s+(?P<sup>[^.;]+)")


def opening_body_chairs(tasks) -> None:
    """A task with no agencies whose text opens with a body and a colon and has a clause "Chủ trì, phối hợp với Y
    <does …>" of its own: the body is its lead and Y its supports, the list cut at the verb (with no known verb
    nothing is read). The text is unchanged."""
    for task in tasks:
        opening_body_chairs(task.subtasks)
        if task.leads or task.supports:
            continue
        m, w = _OPENING_BODY.match(task.text), _OWN_CHAIR.search(task.text)
        if not m or not w or not AGENCY_START.match(m.group("lead")) or NOT_A_NAME.search(m.group("lead")):
            continue
        give_chairs(task, m.group("lead"), w.group("sup"))


# "II. NHIỆM VỤ CHỦ YẾU CỦA BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG": a section of tasks headed by the body whose tasks they are.
_HEADED = re.compile(r"^(?:CÁC\s+)?NHIỆM VỤ(?:\s+(?:CHỦ YẾU|TRỌNG TÂM|CHÍNH|CỤ THỂ))?\s+CỦA\s+(?P<body>[^:;,.()]{4,80}?)"
                     r"\s*:?$", re.IGNORECASE)
_OWN_WITH = re.compile(r"^Chủ trì,?\s+phối hợp với\s+(?P<sup>.+)$")
_HELPS = re.compile(r"^Phối hợp với\s+\S")


def heading_body_chairs(ctx) -> None:
    """The tasks of a section whose heading names the body whose tasks they are ("II. NHIỆM VỤ CHỦ YẾU CỦA BỘ …"), and
    that have no agencies: an item "Chủ trì, phối hợp với Y <does …>" has that body as its lead and Y as its supports
    (the list cut at the verb; with no known verb nothing is read); an item "Phối hợp với X …" has that body as a
    support and no lead (X is not said to chair). An item that names no body gets none; the text is unchanged."""
    body, section = None, {}
    for z in ctx.zoned:
        if z.style == "roman":
            m = _HEADED.match(z.rest.strip(" *"))
            body = _body_name(ctx, m.group("body")) if m and AGENCY_START.match(_cap(m.group("body"))) else None
        elif body is not None and z.zone == "tasks":
            section[z.line.where] = body

    def walk(tasks) -> None:
        for task in tasks:
            lead = section.get(task.where)
            if lead is None or task.leads or task.supports:
                continue
            w = _OWN_WITH.match(task.text)
            if w:
                give_chairs(task, lead, w.group("sup"), earliest=True)
            elif _HELPS.match(task.text):
                task.supports.append(lead)
            walk(task.subtasks)
    walk(ctx.draft.tasks)


def _cap(upper: str) -> str:
    return upper[:1] + upper[1:].lower()


def _body_name(ctx, upper: str) -> str:
    """The body's name as the document writes it in running text ("Bộ Tài nguyên và Môi trường" for "BỘ TÀI NGUYÊN VÀ
    MÔI TRƯỜNG"), else the heading's words in sentence case."""
    folded = re.sub(r"\s+", " ", upper).strip().casefold()
    for z in ctx.zoned:
        i = z.line.text.casefold().find(folded)
        if i >= 0 and not z.line.text[i:i + len(folded)].isupper():
            return z.line.text[i:i + len(folded)]
    return sentence_case(upper) if upper.isupper() else upper


# "Các Sở, ngành và các cơ quan chức năng chủ động phối hợp chặt chẽ trong việc …": bodies whose own verb is "phối hợp".
_HELPERS = re.compile(r"^(?P<body>\S[^.;:()]{1,80}?)\s+(?:chủ động\s+|tích cực\s+)?phối hợp\b(?!\s*:)")
_ASSIGNS = re.compile(r"\b(?:giao|chỉ đạo|đề nghị|yêu cầu|chủ trì|phối hợp|tăng cường|hướng dẫn)\b", re.IGNORECASE)
# Words that say what is done, not who: "Tổ chức thực hiện có hiệu quả các chương trình phối hợp …" (after the
# sixteenth set) names no body before "phối hợp", nor does "Ban hành quy chế phối hợp …" (after the eighteenth).
_ACTS = re.compile(r"\b(?:thực hiện|triển khai|tuyên truyền|có hiệu quả|kế hoạch|chương trình|ban hành|quy chế)\b",
                   re.IGNORECASE)


def helper_supports(tasks) -> None:
    """A task with no agencies whose text opens with bodies whose own verb is "phối hợp" ("Các Sở, ngành và các cơ quan
    chức năng chủ động phối hợp chặt chẽ …"): they are its supports, and it has no lead (no body is said to chair). A
    subject that assigns ("Ủy ban nhân dân tỉnh giao Sở A phối hợp …") or no body ("Tăng cường phối hợp với …") gives
    none; the text is unchanged."""
    for task in tasks:
        helper_supports(task.subtasks)
        m = _HELPERS.match(task.text)
        if task.leads or task.supports or not m or not AGENCY_START.match(m.group("body")) \
                or NOT_A_NAME.search(m.group("body")) or _ASSIGNS.search(m.group("body")) or _ACTS.search(m.group("body")):
            continue
        task.supports.extend(split_agencies(m.group("body")))


def doer_agencies(host: Task, text: str, where: str) -> None:
    """The bodies of a "Cơ quan thực hiện:" field: the lead and supports its "chủ trì" / "phối hợp với" name,
    or, without either word, a review (they are neither lead nor support)."""
    both = chairs(text)
    if both:
        host.leads.extend(both[0])
        host.supports.extend(both[1])
        # What the field says beyond the bodies ("Sở Nội vụ chủ trì tham mưu Ủy ban nhân dân Thành phố ban hành Kế
        # hoạch; …"): kept with the task as a note, not lost.
        rest = text
        for name in sorted(both[0] + both[1], key=len, reverse=True):
            rest = rest.replace(name, " ")
        rest = re.sub(r"\b(?:chủ trì|phối hợp(?: với)?|và|các|cơ quan|đơn vị)\b|[,.;:()]", " ", rest, flags=re.IGNORECASE)
        if len(re.findall(r"[^\W\d_]+", rest)) >= 3:
            host.notes.append(_("Implementing bodies: {text}").format(text=text.strip()))
    else:
        host.reviews.append(_("implementing bodies (cơ quan thực hiện) not encoded: {names} "
                              "({where})").format(names=text, where=where))
