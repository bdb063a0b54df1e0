"""Tasks (nhiệm vụ, giải pháp, nội dung hoạt động) with their numbering, lead (chủ trì) and
support (phối hợp) agencies and due dates; the counts with yearly averages they state are read by
``extract.quantities``."""

from __future__ import annotations

import re

from plandsl.core.i18n import _
from plandsl.importer.draft import Task
from plandsl.importer.extract.chairs import chairs, doer_agencies
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import PROPOSES, split_agencies
from plandsl.importer.extract.quantities import extract_quantities
from plandsl.importer.extract.task_folds import fold_tasks

# "Cơ quan chủ trì: X", "Đơn vị phối hợp: Y", and as a commune plan writes them "Chủ trì: X", "Phối hợp: Y"
# (a colon right after: "Phối hợp với …" is a sentence).
_LEAD = re.compile(r"^(?:(?:Cơ quan|Đơn vị|Bộ phận)\s+)?(?:chủ trì|chịu trách nhiệm chính)(?:\s+tham mưu)?"
                   r"(?:\s+thực hiện)?\s*:\s*(.+)$", re.IGNORECASE)
_SUPPORT = re.compile(r"^(?:(?:Cơ quan|Đơn vị|Bộ phận)(?:\s+quan)?\s+)?phối hợp(?:,?\s*thực hiện)?\s*:\s*(.+)$",
                      re.IGNORECASE)
_OPEN_AGENCIES = re.compile(r"^(?:Cơ quan|Đơn vị)\s+(?:chủ trì|phối hợp)(?:\s+thực hiện)?\s*:$", re.IGNORECASE)
_DOER = re.compile(r"^(?:Cơ quan|Đơn vị)\s+thực hiện\s*:\s*(.*)$", re.IGNORECASE)
# "- Nội dung thực hiện: …" under a task is the task's content, not a task of its own; "a) Hoạt động 1" is a
# heading that names nothing: the "Nội dung" under it is its text.
_CONTENT = re.compile(r"^Nội dung(?: hoạt động| thực hiện)?\s*:\s*(.+)$", re.IGNORECASE)
_BARE = re.compile(r"^Hoạt động\s+\d{1,2}\s*[.:]?$", re.IGNORECASE)
_LABEL = re.compile(r"^(?:Nội dung(?: hoạt động| thực hiện)?|Nhiệm vụ,? trách nhiệm|Trách nhiệm thực hiện|"
                    r"Tổ chức thực hiện|Giải pháp|Nhiệm vụ)\s*[:.]?$", re.IGNORECASE)
# "a) Nhiệm vụ: …" / "b) Cơ quan thực hiện:" / "c) Thời gian thực hiện: …": fields of the task above, not sub-tasks.
# "4. Các đợt thi đua" over the rounds: the same kind of label (after the twenty-seventh set).
_CONTENTS = re.compile(r"^(?:Nội dung thi đua|Các đợt thi đua|(?:Nội dung|Hình thức) tuyên truyền)\s*[:.]?$",
                       re.IGNORECASE)
# A lettered heading naming only the kind of content, "b) Nội dung và hình thức dạy học:", "a) Nội dung hướng nghiệp",
# over its items or paragraphs: a label, the items the tasks (after the twenty-fourth set; every key that has one reads
# it so; a numbered "1. Nội dung giám sát" is not, the keys disagree on it).
_LETTERED_CONTENTS = re.compile(r"^Nội dung\s+(?:và\s+)?[a-zà-ỹđ][\wà-ỹđ/ ]{2,60}?\s*:?$")
_TASK_FIELD = re.compile(r"^Nhiệm vụ\s*:\s*(.*)$", re.IGNORECASE)
# A line of agencies or time after an item ("Đơn vị chủ trì thực hiện: …", "- Đơn vị phối hợp: …").
_FIELD_LINE = re.compile(r"^(?:[-+]\s*)?(?:(?:Cơ quan|Đơn vị|Bộ phận)\s+(?:chủ trì|phối hợp|thực hiện)|Thời gian thực hiện|"
                         r"(?:Chủ trì|Phối hợp|Thời gian(?: hoàn thành| hoàn tất)?|Thời hạn)\s*:)", re.IGNORECASE)
_DUE = re.compile(r"^(?:Thời gian(?: thực hiện| hoàn thành| hoàn tất)?|Thời hạn(?: ban hành| hoàn thành| trình(?: ban hành)?)?)"
                  r"\s*(?::\s*|\s(?=(?:sau|trước) khi\b))(.+)$",
                  re.IGNORECASE)
_DUE_OPEN = re.compile(r"^(?:Thời gian(?: thực hiện| hoàn thành| hoàn tất)?|Thời hạn(?: hoàn thành)?)\s*:$", re.IGNORECASE)
# Under a monitoring or printing task, "Điểm quan trắc: …", "- Thông số, tần suất, thời gian và số lượng mẫu quan
# trắc: …", "- Hình thức: …", "- Số lượng: 5.000 cuốn." and the lines under them: the task's content, not sub-tasks.
# Also a monitoring item's lettered fields, with or without a colon: "a. Thời gian thực hiện: Từ tháng 3 …", "b. Địa
# điểm, số điểm quan trắc", "c. Thông số (chỉ tiêu), tần suất quan trắc …".
_DETAIL = re.compile(r"^(?:(?:Điểm quan trắc|Vị trí quan trắc|Thông số|Các thông số|Tần suất|Hình thức|Số lượng)\b"
                     r"[^:;.]{0,80}:|[a-dđ]\.\s+(?:Thời gian thực hiện|Địa điểm|Số điểm|Thông số)\b)")
_DEEP = ("roman", "art", "num1", "num2", "num3", "num4", "letter", "ord", "dash", "plus", "para")


def _new_id(parent: Task | None, n: int, marker: str, style: str) -> str:
    if parent is None:
        return f"t{n}"
    if style == "letter" and marker.isalpha():
        suffix = {"đ": "dd"}.get(marker, marker)
    else:
        suffix = str(n)
    return f"{parent.id}_{suffix}"


def extract_tasks(ctx: Context) -> None:
    d = ctx.draft
    # A Markdown table's rows ("| 1 | … | Sở Y tế | … |") are left to the task table reader.
    zs = [z for z in ctx.zoned if z.zone == "tasks" and not re.match(r"^\|.*\|$", z.line.text)]
    stack: list[tuple[str, Task | None]] = []  # (style, task); a label is (style, None)
    marks: dict[int, str] = {}  # the marker each task was written with ("-", "+", "1.")
    roots: list[Task] = d.tasks
    started = False
    doers: tuple[str, Task] | None = None  # an empty "Cơ quan thực hiện:" line: its marker, and its task
    filling: Task | None = None  # a bare "Hoạt động 1" whose "- Nội dung:" items are its text
    items: list[tuple[str, str]] = []  # the "+" items under an empty "Cơ quan thực hiện:", until it ends
    skip: set[int] = set()
    # The items since the last agency block ("- item" / "Đơn vị chủ trì: X." / "Đơn vị phối hợp: Y."): a block written
    # as lines of its own after items belongs to each of them; ``blocked`` are the items that got one.
    pending: list[Task] = []
    block: list[Task] = []
    blocked: set[int] = set()
    bold_heads: set[int] = set()  # tasks from a heading written whole in bold
    colon_heads: set[int] = set()  # tasks from a sub-heading closed by ":"
    proposing: set[int] = set()  # "-" items proposing what their "+" items name (PROPOSES)
    colon_dashes: set[int] = set()  # "- Buổi 2:" over "+" items: its items are its sub-tasks
    detail_of: Task | None = None  # a monitoring task whose sampling detail the lines are
    for k, z in enumerate(zs):
        if k in skip:
            continue
        text = z.line.text
        style = z.style or "para"
        rest = z.rest if z.style else text
        if z.style == "dash" and z.marker == "+" and id(next((t for s, t in reversed(stack) if s == "dash"), None)) \
                in colon_dashes:
            style = "plus"  # a "+" item under "- Buổi 2:" (after the twenty-fourth set): a sub-task, not a sibling
        if not started:
            started = True
            if z.style in ("roman", "art") or re.search(r":\s*$", text) or len(text) < 60 and z.style is None:
                ctx.place(z)
                continue
        if z.style is None and stack and stack[0][0] == "ord":
            break  # news style: the numbered "Thứ nhất, …" list is over
        owner = next((t for _, t in reversed(stack) if t is not None), None)
        top = next((t for _, t in stack if t is not None), None)
        if doers is not None or filling is not None:
            # The "+" items under "- Cơ quan thực hiện:" or a bare heading's "- Nội dung:", and the lines of
            # running text they go on in ("… trên bảng quang báo của" / "Thành phố, bảng tin …").
            if z.style == "dash" and z.marker == "+" or z.style is None and (filling is not None or items):
                ctx.place(z)
                if filling is not None:
                    filling.text = f"{filling.text} {rest}".strip()
                elif z.style is None:
                    items[-1] = (f"{items[-1][0]} {rest}", items[-1][1])
                else:
                    items.append((rest, z.line.where))
                continue
            for item, where in items if doers is not None else ():
                doer_agencies(doers[1], item, where)
            doers = filling = None
            items = []
        if detail_of is not None:
            if z.style in ("roman", "art") or z.style in ("num1", "num2", "num3", "letter") \
                    and not z.marker.startswith("0"):
                detail_of = None  # the next task
            else:
                # "- Cửa sông Cung: Lấy mẫu 03 vị trí gồm:" / "+ 01 vị trí …" / "04 vị trí gồm:" (a count the copy
                # broke onto a line of its own): where, what and how often the task samples, its content
                ctx.place(z)
                if z.style is None and detail_of.notes:
                    detail_of.notes[-1] = f"{detail_of.notes[-1]} {text}"
                else:
                    detail_of.notes.append(text)
                continue
        if owner is not None and z.style in ("dash", None) and _DETAIL.match(rest):
            ctx.place(z)
            detail_of = owner
            owner.notes.append(rest)
            continue
        if z.style == "dash" and z.marker == "+" and stack and stack[-1][0] == "dash" and id(stack[-1][1]) in proposing \
                and not _FIELD_LINE.match(text) and not _DUE.match(rest):  # what the item proposes: its content
            ctx.place(z)
            stack[-1][1].notes.append(text)
            continue
        field_ = _TASK_FIELD.match(rest) if z.style in ("letter", "dash", None) else None
        if owner is not None and field_:
            ctx.place(z)
            if field_.group(1).strip():
                owner.text = f"{owner.text.rstrip('.:;')}. {field_.group(1).strip()}"
            else:
                stack.append((style, None))  # its items are the task's sub-tasks
            continue
        if owner is not None and z.style in ("dash", None):
            content = _CONTENT.match(rest)
            if content:
                ctx.place(z)
                text_ = content.group(1).strip()
                if _BARE.match(owner.text) or not owner.text.strip():
                    owner.text = text_
                else:
                    # "2. Rà soát văn bản …" / "- Nội dung: Rà soát các văn bản …": the heading names the task, the
                    # field says what it holds (a comment in the task).
                    owner.notes.append(f"{rest[:content.start(1)].strip()} {text_}")
                continue
            if _LABEL.match(rest) and rest.lower().startswith("nội dung") and _BARE.match(owner.text):
                ctx.place(z)
                owner.text, filling = "", owner
                continue
            both = chairs(rest, sentence=True) if z.style is None and top is not None else None
            if both:
                ctx.place(z)
                _host(stack).leads.extend(both[0])
                _host(stack).supports.extend(both[1])
                continue
        # "Cơ quan chủ trì: A; cơ quan phối hợp: B, C." may share one line.
        if re.match(r"(?:Cơ quan|Đơn vị)\s", rest) and top is not None:
            # A "Cơ quan …:" field goes on in the running text after it, to its full stop.
            for k2 in range(k + 1, min(k + 4, len(zs))):
                opened = _OPEN_AGENCIES.match(rest) is not None  # "- Đơn vị phối hợp:" / its list on the next line
                if rest.rstrip().endswith((".", ";", ":")) and not opened or zs[k2].style is not None:
                    break
                rest = f"{rest} {zs[k2].line.text}"
                skip.add(k2)
                ctx.place(zs[k2])
        parts = re.split(r"[;.]\s*(?=(?:[Cc]ơ quan|[Đđ]ơn vị)\s+(?:quan\s+)?(?:phối hợp|thực hiện|chủ trì))",
                         rest.strip(" *_"))
        hits = [(rx.match(part), kind) for part in parts
                for rx, kind in ((_LEAD, "lead"), (_SUPPORT, "support"), (_DOER, "doer")) if rx.match(part)]
        if hits and top is not None and hits[0][0].string == parts[0]:  # the line opens with a field
            ctx.place(z)
            host = _host(stack)
            if z.marker == "+" and stack and stack[-1][1] is not None and marks.get(id(stack[-1][1])) == "-":
                host = stack[-1][1]  # "- Nghị định …" / "+ Cơ quan chủ trì: …": the fields of the "-" item
            if z.style is None and (pending or block):
                block = block or pending  # a line of its own after items: theirs
                pending = []
                blocked.update(id(x) for x in block)
            for target in block if z.style is None and block else [host]:
                for m, kind in hits:
                    names = split_agencies(m.group(1))
                    if kind == "lead":
                        target.leads.extend(names)
                    elif kind == "support":
                        target.supports.extend(names)
                    elif not m.group(1).strip():
                        doers = (z.marker, target)  # the bodies follow as "+" items
                    else:
                        doer_agencies(target, m.group(1), z.line.where)
        else:
            due = _DUE.match(rest)
            if due is None and owner is not None and _DUE_OPEN.match(rest) and k + 1 < len(zs) \
                    and zs[k + 1].style == "dash" and zs[k + 1].marker == "+":
                # "- Thời gian thực hiện:" / "+ Các bộ … gửi kết quả trước ngày 15/12/2025." / "+ Bộ Công an tổng hợp
                # … trước ngày 31/12/2025.": the task's time, each "+" line a part of it, not sub-tasks
                n = next((j for j in range(k + 1, len(zs)) if not (zs[j].style == "dash" and zs[j].marker == "+")),
                         len(zs))
                ctx.place(*zs[k:n])
                skip.update(range(k + 1, n))
                for x in block or [owner]:
                    x.due = "; ".join(y.rest.strip(" .;") for y in zs[k + 1:n])
                continue
            if due and owner is not None:
                ctx.place(z)
                # after an agency block, the block's items; "c) Thời gian thực hiện:", the task it is a field of
                for x in block or ([_host(stack)] if z.style not in ("dash", None) else [owner]):
                    x.due = _due(due.group(1))
                continue
            if z.style in ("roman", "art"):
                if z.style == "roman":
                    stack.clear()  # "III. GIẢI PHÁP THỰC HIỆN": a new section; what follows is no item of the last
                if not z.topic:  # a field of work inside a part of tasks is a task over its items (zones.Zoned.topic)
                    continue
            if z.style in (None, "dash") and re.fullmatch(r"\(.*\)[.;]?", rest) or z.style is None and re.search(
                    r"\b(?:tại|theo)\s+Phụ lục\b[^.;]*\bkèm theo\b[^.;]*\.?$", rest):
                continue  # a note ("(Khung kế hoạch … thể hiện tại Phụ lục …).", "Danh mục … tại Phụ lục II kèm theo
                # Quyết định này."): kept as a line not placed
            # Close deeper levels.
            styles = [s for s, _ in stack]
            if style in styles:
                while stack and stack[-1][0] != style:
                    stack.pop()
                stack.pop()
            elif style == "para" and k and zs[k - 1].style == "roman" and k + 1 < len(zs) and zs[k + 1].style == "num1":
                continue  # "IV. PHÁT TRIỂN … NGÀNH, LĨNH VỰC" / its lead-in / "1. …": kept as a line not placed
            elif style == "para" and stack and stack[-1][0] in ("num1", "num2", "num3") and stack[-1][1] is not None \
                    and stack[-1][1].subtasks == [] and _described(zs, k):
                # "1.1. Nông nghiệp" / "Phát triển nông nghiệp số …" / ["Các nhiệm vụ trọng tâm bao gồm:"] / "a) …": the
                # field's description, its content; the lettered items are its tasks (after the eighteenth set)
                ctx.place(z)
                stack[-1][1].notes.append(text)
                continue
            elif style == "para" and stack and stack[-1][1] is not None and not stack[-1][1].subtasks \
                    and stack[-1][1].text[-1:].isalpha() and re.fullmatch(r"\S{2,20}[.;]", text.strip()):
                ctx.place(z)  # "… toàn diện" / "GD&ĐT.": the item's last word, wrapped onto a line (OCR, 29th set)
                stack[-1][1].text = f"{stack[-1][1].text} {text.strip()}"
                continue
            elif style == "para" and stack and stack[-1][0] != "para" and stack[-1][1] is not None and \
                    stack[-1][1].subtasks == [] and _DEEP.index(stack[-1][0]) >= _DEEP.index("dash"):
                # a paragraph continuing a bullet
                ctx.place(z)
                stack[-1][1].text = f"{stack[-1][1].text} {text}"
                continue
            elif style == "para" and stack and stack[-1][1] is not None and stack[-1][1].subtasks == [] and \
                    stack[-1][0] in ("num1", "num2", "num3", "letter") and not text.isupper() and (_body_ends(zs, k) or (
                        id(stack[-1][1]) in bold_heads and not z.line.bold and _paras_to_heading(zs, k))):
                # the one paragraph under a numbered heading, before the next heading: the task's own text; under
                # a heading the document sets in bold, its content (the heading names the task)
                ctx.place(z)
                head = stack[-1][1].text
                if (id(stack[-1][1]) in bold_heads or id(stack[-1][1]) in colon_heads or stack[-1][0] in ("num2", "num3")
                        and len(head.split()) <= 2 and head[-1:].isalpha()) and head.strip() and not z.line.bold:
                    # (or a sub-heading of one or two words, "3.2 Khảo sát": it names the task, 29th set)
                    # "2.1.b. Hướng dẫn và tiếp nhận hồ sơ:" / its paragraph: a heading that introduces its content
                    stack[-1][1].notes.append(text)
                    continue
                stack[-1][1].text = f"{head} {text}" if head.endswith(("…", "...", "?", "!")) else \
                    f"{head.rstrip('.:;')}. {text}"
                continue
            if d.period is not None and z.line.where == d.period.where and z.style is not None:
                stack.append((style, None))  # "3. Thời gian tổ chức …: từ tháng 10 năm 2025 …": the period
                continue
            if _group_heading(zs, k):
                if zs[k + 1].style is None:
                    skip.add(k + 1)  # its lead-in, kept in the draft as a line not placed
                stack.append((style, None))
                continue
            if _lead_in(z, rest, owner, zs[k + 1] if k + 1 < len(zs) else None):
                stack.append((style, None))  # kept in the draft as a line not placed
                continue
            ctx.place(z)
            # "2. Nội dung thi đua", "3. Hình thức tuyên truyền" over its items a), b), …: the items are the tasks (one
            # paragraph under it is its text: a task)
            contents = _CONTENTS.match(rest.strip(" *")) and k + 1 < len(zs) and (
                zs[k + 1].style in ("letter", "num2", "dash") or _paragraphs_or_lead_in(zs, k, skip))
            contents = contents or (style == "letter" and _LETTERED_CONTENTS.match(rest.strip(" *")) and k + 1 < len(zs)
                                    and zs[k + 1].style in ("dash", "para", None))
            if _LABEL.match(rest) or contents or re.match(r"^Nhiệm vụ của\b.*:$", rest) or _phase_plan(zs, k):
                stack.append((style, None))
                continue
            parent = next((t for _, t in reversed(stack) if t is not None), None)
            siblings = parent.subtasks if parent is not None else roots
            task = Task(_new_id(parent, len(siblings) + 1, z.marker, style), rest.rstrip(":").strip(), z.line.where)
            if _wrapped_heading(zs, k):
                task.text = f"{task.text} {zs[k + 1].line.text.strip()}"
                ctx.place(zs[k + 1])
                skip.add(k + 1)
            if z.line.bold:
                bold_heads.add(id(task))
            if rest.rstrip().endswith(":") and style in ("num2", "num3", "letter"):
                colon_heads.add(id(task))
            if style == "dash" and z.marker == "-" and rest.rstrip().endswith(":") and k + 1 < len(zs) \
                    and zs[k + 1].style == "dash" and zs[k + 1].marker == "+":
                colon_dashes.add(id(task))
            if style == "dash" and z.marker == "-" and PROPOSES.match(rest.rstrip()):
                proposing.add(id(task))
            _inline_fields(task)
            gm = re.match(r"^Giai đoạn\s*\d{4}\s*[-–]\s*(\d{4})\s*,", rest)
            if gm:
                task.due = int(gm.group(1))
            if z.line.ocr:
                task.reviews.append(_("read by OCR ({where})").format(where=z.line.where))
            siblings.append(task)
            stack.append((style, task))
            marks[id(task)] = z.marker
            block = []
            pending = pending + [task] if style in ("dash", "plus", "para") else []
    for item, where in items if doers is not None else ():
        doer_agencies(doers[1], item, where)
    fold_tasks(d.tasks, blocked)
    extract_quantities(ctx)


def _paragraphs_or_lead_in(zs, k: int, skip: set[int]) -> bool:
    """Whether a contents heading ``zs[k]`` is over two paragraphs or more (each a task; one is the heading's text),
    or over a lead-in ending in ":" and "-" items ("Phong trào thi đua … được chia làm 2 đợt chính:" / "- Đợt thứ
    nhất: …"); the lead-in is then added to ``skip``, kept in the draft as a line not placed."""
    if k + 2 >= len(zs) or zs[k + 1].style is not None:
        return False
    if zs[k + 1].line.text.rstrip().endswith(":") and zs[k + 2].style == "dash":
        skip.add(k + 1)
        return True
    return zs[k + 2].style is None


# "2. Kế hoạch phát triển giai đoạn 2026 - 2030" over "2.1. …", "2.2. …": the period's plan, whose items are the
# tasks; a heading that names no action of its own.
_PHASE_PLAN = re.compile(r"^(?:Kế hoạch|Lộ trình)\b[^.:;]{0,60}?\bgiai đoạn\s+\d{4}\s*[-–]\s*\d{4}$", re.IGNORECASE)


def _phase_plan(zs: list, k: int) -> bool:
    z = zs[k]
    if z.style not in ("roman", "num1", "num2") or not _PHASE_PLAN.match(z.rest.strip(" .:*")) or k + 1 >= len(zs):
        return False
    nxt = zs[k + 1].style
    return nxt in _DEEP and _DEEP.index(nxt) > _DEEP.index(z.style) and nxt not in ("dash", "para")


# "1. Rà soát mạng lưới trường lớp. Đơn vị chủ trì: X; Đơn vị phối hợp: Y, Z." : the fields on the task's own line.
_INLINE_AT = re.compile(r"[.;]\s+(?=(?:Cơ quan|Đơn vị)\s+chủ trì\b[^:;.]{0,30}:)")
_INLINE_SPLIT = re.compile(r"[;.]\s*(?=(?:[Cc]ơ quan|[Đđ]ơn vị)\s+(?:phối hợp|thực hiện|chủ trì)|Thời gian\b)")


def _inline_fields(task: Task) -> None:
    """The lead, supports and time written after the task's text on its line, when every part after the text is
    one of those fields; otherwise the line stays the task's text, as before."""
    at = _INLINE_AT.search(task.text)
    if at is None:
        return
    parts = [p for p in _INLINE_SPLIT.split(task.text[at.end():].strip()) if p.strip(" .;")]
    read = [(rx.match(p.strip(" .;")), kind) for p in parts for rx, kind in ((_LEAD, "lead"), (_SUPPORT, "support"),
                                                                          (_DUE, "due")) if rx.match(p.strip(" .;"))]
    if len(read) != len(parts) or not any(kind == "lead" for _, kind in read) \
            or any(re.search(r"\.\s+\S", m.group(1)) for m, _ in read):  # a sentence after a field: not sure
        return
    task.text = task.text[:at.start() + 1].strip()
    for m, kind in read:
        if kind == "lead":
            task.leads.extend(split_agencies(m.group(1)))
        elif kind == "support":
            task.supports.extend(split_agencies(m.group(1)))
        else:
            task.due = _due(m.group(1))


def _described(zs, k: int) -> bool:
    """Whether the paragraph ``zs[k]``, right under a numbered heading, describes it (its last words may be the label
    "Các nhiệm vụ trọng tâm bao gồm:"): the lines after it are at most one paragraph ending with ":" (that label) before
    a lettered item."""
    if k + 1 >= len(zs):
        return False
    j = k + 1 + (zs[k + 1].style is None and zs[k + 1].line.text.rstrip().endswith(":"))
    return j < len(zs) and zs[j].style == "letter"


def _body_ends(zs, k: int) -> bool:
    """Whether the line after ``zs[k]`` opens another numbered heading or is a field of the task ("Đơn vị chủ trì:
    …", "Thời gian thực hiện: …"), or there is none; a note in brackets between ("(chi tiết Phụ lục 04 đính kèm)") does
    not count."""
    n = next((n for n in range(k + 1, len(zs)) if zs[n].style is not None
              or not re.fullmatch(r"\(.*\)[.;]?", zs[n].line.text.strip())), len(zs))
    return n >= len(zs) or zs[n].style in ("roman", "art", "num1", "num2", "num3", "letter") \
        or _FIELD_LINE.match(zs[n].line.text) is not None


def _paras_to_heading(zs, k: int) -> bool:
    """Whether ``zs[k]`` and the lines after it are paragraphs up to the next numbered heading (or the end): the
    running text under a heading set in bold ("2.2. Thông tin, tuyên truyền …" / "Thông tin trực tiếp …" / "Dự kiến
    khoảng 1.000 thuê bao …"), its content."""
    j = next((j for j in range(k, len(zs)) if zs[j].style is not None), len(zs))
    return j >= len(zs) or zs[j].style in ("roman", "art", "num1", "num2", "num3", "letter")


# "- Các nội dung hỗ trợ thi hành Luật bao gồm:" over "+" items: a dash item naming what the items are.
_NAMING_LEAD = re.compile(r"^(?:Các|Những)\s+(?:nội dung|hoạt động|nhiệm vụ|công việc)\b[^:;.]*\b"
                          r"(?:bao gồm|gồm có|gồm|như sau)\s*:$", re.IGNORECASE)


def _lead_in(z, rest: str, owner: Task | None, nxt=None) -> bool:
    """A paragraph under a task that ends in ":" introducing the items after it ("Căn cứ tình hình thực tế, các
    cơ quan, đơn vị … thực hiện các hoạt động sau:") is not a task; it stays in the draft as a comment. So is a
    dash item that only names the items of another mark under it ("- Các nội dung … bao gồm:" / "+ …")."""
    if owner is None and z.style is None and rest.endswith(":") and nxt is not None and nxt.style in ("num1", "letter") \
            and len(rest) > 120 and re.search(r"\b(?:nội dung|nhiệm vụ)(?: chủ yếu| trọng tâm)? (?:sau|như sau|sau đây)\s*:$", rest):
        # "Để toàn dân đồng lòng, … tập trung thi đua thực hiện các nội dung chủ yếu sau:" under the section
        # heading, before its numbered items: it introduces them ("… các nhiệm vụ sau đây:" as well)
        return True
    if owner is None or not rest.endswith(":"):
        return False
    if z.style == "dash":
        return _NAMING_LEAD.match(rest) is not None and nxt is not None and nxt.style == "dash" \
            and nxt.marker != z.marker
    if z.style is None and _SPELLED_OUT.search(rest):
        return False  # "Cơ sở giáo dục xây dựng kế hoạch … . Cụ thể như sau:": a task of its own over the items
    return z.style is None and re.search(r"\b(?:sau|như sau|gồm|bao gồm|các lĩnh vực)\s*:$", rest) is not None


# A whole sentence, then "Cụ thể như sau:" / "Cụ thể:" alone: the paragraph says what is done, its items how (after the
# twenty-third set).
_SPELLED_OUT = re.compile(r"\S{2}\.\s+Cụ thể(?: như sau)?\s*:$")


# "2. Nhiệm vụ trọng tâm …", "3. Các giải pháp …"; an event plan's "2. Các hoạt động chính" / "3. Các hoạt động phụ
# trợ" (after the twenty-fifth set: the kind of activity, over the activities)
_GROUP = re.compile(r"^(?:(?:Các\s+)?(?:nhiệm vụ|giải pháp)\b[^.;:]{0,90}|(?:Các\s+)?(?:hoạt động|chương trình|sự kiện)"
                    r"\s+(?:chính|phụ trợ|khác|bên lề|hưởng ứng|chủ yếu|trọng tâm)\b[^.;:]{0,40})$", re.IGNORECASE)
# An activity's field line: "- Thời gian dự kiến: …", "- Địa điểm: …", "- Đơn vị chủ trì: …"
_ACTIVITY_FIELD = re.compile(r"^(?:Thời gian|Địa điểm|Đơn vị (?:chủ trì|phối hợp)|Cơ quan (?:chủ trì|phối hợp)|Kinh phí|"
                             r"Hình thức)[^:;.]{0,30}:")


def _wrapped_heading(zs, k: int) -> bool:
    """"2.1. Chương trình khai mạc … Festival Thăng Long" / "Hà Nội lần thứ II năm 2026" / "- Thời gian dự kiến: …"
    (after the twenty-fifth set): a sub-numbered activity's heading that a PDF wrapped onto a short line of its own,
    no punctuation closing either, right before the activity's fields; the line goes on in the heading."""
    if k + 2 >= len(zs) or zs[k].style not in ("num2", "num3") or zs[k].rest.rstrip().endswith((".", ":", ";", ",")):
        return False
    nxt, after = zs[k + 1], zs[k + 2]
    t = nxt.line.text.strip()
    return nxt.style is None and len(t) <= 40 and not t.endswith((".", ":", ";", ",")) and t[:1].isupper() \
        and after.style == "dash" and bool(_ACTIVITY_FIELD.match(after.rest.strip()))


def _group_heading(zs, k: int) -> bool:
    """"2. Nhiệm vụ trọng tâm giai đoạn 2016 - 2020" / "3. Các giải pháp huy động …" over numbered items, with at most
    one paragraph ending in ":" between (its lead-in): the heading names a group of tasks, not a task; it stays in the
    draft as a comment. Not a deeper heading ("3.5. Nhóm giải pháp về …" over a), b) is a task)."""
    z = zs[k]
    if z.style != "num1" or not _GROUP.match(z.rest.strip(" *")):
        return False
    j = k + 1
    if j < len(zs) and zs[j].style is None and zs[j].line.text.rstrip().endswith(":"):
        j += 1
    return j < len(zs) and zs[j].style in ("num2", "letter")


def _host(stack) -> Task:
    """The task a "Cơ quan chủ trì: …" line belongs to: the innermost task above the labels."""
    for style, task in reversed(stack):
        if task is not None and style not in ("dash", "para"):
            return task
    return next(t for _, t in stack if t is not None)


def _due(text: str):
    text = text.strip(" .;")
    m = re.fullmatch(r"(?:năm\s+)?(\d{4})", text)
    if m:
        return int(m.group(1))
    return text
