"""A task written as labelled lines (after the thirteenth held-out set): "1. Tên nhiệm vụ: Xây dựng Đề án …" / "2. Cơ
quan chủ trì: Bộ Tư pháp." / "3. Cơ quan phối hợp: Các bộ, ngành." / "4. Kết quả: …" / "5. Thời gian hoàn thành: Quý
IV/2026.", the way a resolution adds one task to a programme. The name (with its wrapped lines) is the task, "Cơ quan
chủ trì" its leads, "Cơ quan phối hợp" its supports, the time its due; "Kết quả" / "Sản phẩm" is kept as a note. Read
only when the name is followed at once by its labels, "Cơ quan chủ trì" among them; the lines read are no longer the
tasks reader's."""

from __future__ import annotations

import re

import attrs

from plandsl.importer.draft import Task, next_id
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import split_agencies

_MARK = r"^(?:\d{1,2}[.)]\s*|[a-zđ]\)\s*|[-–+•]\s*)?"
_NAME = re.compile(_MARK + r"Tên nhiệm vụ\s*:\s*(?P<rest>\S.*)$", re.IGNORECASE)
_LABEL = re.compile(_MARK + r"(?P<label>Cơ quan chủ trì|Cơ quan phối hợp|Kết quả|Sản phẩm|Thời gian hoàn thành|"
                    r"Thời gian thực hiện|Thời hạn hoàn thành|Thời hạn)\s*:\s*(?P<rest>.*)$", re.IGNORECASE)


def labelled_tasks(ctx: Context) -> None:
    zs = ctx.zoned
    i = 0
    while i < len(zs):
        m = _NAME.match(zs[i].line.text.strip())
        if not m or zs[i].line.no in ctx.placed:
            i += 1
            continue
        text, j = m.group("rest"), i + 1
        while j < len(zs) and zs[j].style is None and not _LABEL.match(zs[j].line.text.strip()) and \
                not text.rstrip().endswith((".", ";")) and j - i <= 3:
            text = f"{text} {zs[j].line.text.strip()}"  # the name's wrapped lines
            j += 1
        labels: list[tuple[str, str]] = []
        while j < len(zs) and (lab := _LABEL.match(zs[j].line.text.strip())) and zs[j].line.no not in ctx.placed:
            labels.append((lab.group("label").lower(), lab.group("rest").strip()))
            j += 1
        if not any(label == "cơ quan chủ trì" and rest for label, rest in labels):
            i += 1
            continue
        task = Task(next_id("t", ctx.draft.tasks), text.strip(), zs[i].line.where)
        for label, rest in labels:
            if label == "cơ quan chủ trì":
                task.leads += split_agencies(rest.rstrip(" ."))
            elif label == "cơ quan phối hợp":
                task.supports += split_agencies(rest.rstrip(" ."))
            elif label.startswith("thời"):
                task.due = rest.strip(" .") or None
            elif rest:
                task.notes.append(f"{label[0].upper()}{label[1:]}: {rest}")
        ctx.draft.tasks.append(task)
        ctx.place(*zs[i:j])
        zs[i:j] = [attrs.evolve(z, zone="field_task") for z in zs[i:j]]  # not the tasks reader's lines any more
        i = j
