"""Tasks (nhiệm vụ, giải pháp, nội dung hoạt động) with their numbering, lead (chủ trì) and
support (phối hợp) agencies, due dates, and the counts with yearly averages they state."""

from __future__ import annotations

import re

from plandsl.core.i18n import _
from plandsl.importer.draft import Quantity, Task
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import split_agencies, to_decimal

_LEAD = re.compile(r"^(?:Cơ quan|Đơn vị)\s+(?:chủ trì|chịu trách nhiệm chính)(?:\s+thực hiện)?\s*:\s*(.+)$",
                   re.IGNORECASE)
_SUPPORT = re.compile(r"^(?:Cơ quan|Đơn vị)(?:\s+quan)?\s+phối hợp(?:,?\s*thực hiện)?\s*:\s*(.+)$", re.IGNORECASE)
_DOER = re.compile(r"^(?:Cơ quan|Đơn vị)\s+thực hiện\s*:\s*(.+)$", re.IGNORECASE)
_LABEL = re.compile(r"^(?:Nội dung(?: hoạt động| thực hiện)?|Nhiệm vụ,? trách nhiệm|Trách nhiệm thực hiện|"
                    r"Tổ chức thực hiện|Giải pháp)\s*[:.]?$", re.IGNORECASE)
_DUE = re.compile(r"^(?:Thời gian(?: thực hiện| hoàn thành)?|Thời hạn)\s*:\s*(.+)$", re.IGNORECASE)
_AVG = re.compile(r"\(\s*bình quân\s+(?P<avg>\d{1,3}(?:\.\d{3})+|\d+)\s*[^()]{0,20}?/\s*năm\s*\)")
_TOTAL = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d.,]*\s*%)")
_DEEP = ("roman", "art", "num1", "num2", "num3", "num4", "letter", "ord", "dash", "para")


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
    zs = [z for z in ctx.zoned if z.zone == "tasks"]
    stack: list[tuple[str, Task | None]] = []  # (style, task); a label is (style, None)
    roots: list[Task] = d.tasks
    started = False
    for z in zs:
        text = z.line.text
        style = z.style or "para"
        rest = z.rest if z.style else text
        if not started:
            started = True
            if z.style in ("roman", "art") or re.search(r":\s*$", text) or len(text) < 60 and z.style is None:
                ctx.place(z)
                continue
        if z.style is None and stack and stack[0][0] == "ord":
            break  # news style: the numbered "Thứ nhất, …" list is over
        owner = next((t for _, t in reversed(stack) if t is not None), None)
        top = next((t for _, t in stack if t is not None), None)
        # "Cơ quan chủ trì: A; cơ quan phối hợp: B, C." may share one line.
        parts = re.split(r"[;.]\s*(?=(?:[Cc]ơ quan|[Đđ]ơn vị)\s+(?:quan\s+)?(?:phối hợp|thực hiện|chủ trì))",
                         rest.strip(" *_"))
        hits = [(rx.match(part), kind) for part in parts
                for rx, kind in ((_LEAD, "lead"), (_SUPPORT, "support"), (_DOER, "doer")) if rx.match(part)]
        if hits and top is not None:
            ctx.place(z)
            host = _host(stack)
            for m, kind in hits:
                names = split_agencies(m.group(1))
                if kind == "lead":
                    host.leads.extend(names)
                elif kind == "support":
                    host.supports.extend(names)
                else:
                    host.reviews.append(_("implementing bodies (cơ quan thực hiện) not encoded: {names} "
                                          "({where})").format(names=m.group(1), where=z.line.where))
        else:
            due = _DUE.match(rest)
            if due and owner is not None:
                ctx.place(z)
                owner.due = _due(due.group(1))
                continue
            if z.style in ("roman", "art"):
                continue
            # Close deeper levels.
            styles = [s for s, _ in stack]
            if style in styles:
                while stack and stack[-1][0] != style:
                    stack.pop()
                stack.pop()
            elif style == "para" and stack and stack[-1][0] != "para" and stack[-1][1] is not None and \
                    stack[-1][1].subtasks == [] and _DEEP.index(stack[-1][0]) >= _DEEP.index("dash"):
                # a paragraph continuing a bullet
                ctx.place(z)
                stack[-1][1].text = f"{stack[-1][1].text} {text}"
                continue
            ctx.place(z)
            if _LABEL.match(rest) or re.match(r"^Nhiệm vụ của\b.*:$", rest):
                stack.append((style, None))
                continue
            parent = next((t for _, t in reversed(stack) if t is not None), None)
            siblings = parent.subtasks if parent is not None else roots
            task = Task(_new_id(parent, len(siblings) + 1, z.marker, style), rest.rstrip(":").strip(), z.line.where)
            gm = re.match(r"^Giai đoạn\s*\d{4}\s*[-–]\s*(\d{4})\s*,", rest)
            if gm:
                task.due = int(gm.group(1))
            if z.line.ocr:
                task.reviews.append(_("read by OCR ({where})").format(where=z.line.where))
            siblings.append(task)
            stack.append((style, task))
    _quantities(ctx)


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


def _quantities(ctx: Context) -> None:
    d = ctx.draft
    if d.period is None:
        return
    years = d.period.value[1] - d.period.value[0] + 1
    seen = 0

    def walk(tasks):
        nonlocal seen
        for t in tasks:
            for m in _AVG.finditer(t.text):
                clause = re.split(r"[;:]", t.text[:m.start()])[-1]
                nums = list(_TOTAL.finditer(clause))
                if not nums:
                    continue
                n = nums[-1]
                total, avg = to_decimal(n.group(1)), to_decimal(m.group("avg"))
                if total is None or avg is None or total <= avg:
                    continue
                seen += 1
                pre = re.sub(r"\s*(?:cho\s+)?(?:tối thiểu|ít nhất)?\s*$", "", clause[:n.start()]).strip(" ,")
                text = f"{pre} {clause[n.end():].strip()}".strip()
                text = text[0].upper() + text[1:] if text else t.text[:80]
                d.quantities.append(Quantity(f"q{seen}", text, total, years, avg, t.where))
            walk(t.subtasks)

    walk(d.tasks)
