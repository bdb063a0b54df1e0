"""Duties given body by body: a heading that only names a body ("1. Sở Y tế", "2.9. Đề nghị Liên đoàn Lao động
tỉnh") over the items that body is to carry out (after the sixteenth set).

The heading is no task: its items are (a body with one paragraph: the paragraph). An item "Chủ trì, phối hợp với Y
<does …>" has the heading's body as its lead and Y as its supports, the list cut at the verb (with no known verb
nothing is read); a bare "Chủ trì, phối hợp" over "-" items is no task either, each item led by the heading's body,
the bodies it opens with ("- Sở A và các đơn vị có liên quan tham mưu …") its supports. "Phối hợp với X …" gives
neither lead nor support (X is not said to chair); the held-out keys' reading."""

from __future__ import annotations

import re

from plandsl.importer.draft import Task
from plandsl.importer.extract.patterns import split_agencies

# A heading that names bodies only: the kinds of body a province's plan gives duties to, then words with no verb.
# A Party body's plan gives them to its own bodies and to a body's leaders: "Tổ đảng ở Thường trực Ủy ban …", "Đảng ủy
# cơ quan …", "Lãnh đạo Ban Dân nguyện" (after the twenty-sixth set).
_KIND = (r"(?:Lãnh đạo\s+(?=(?:các\s+)?[A-ZĐ]))?(?:Các\s+(?:sở|cơ quan|đơn vị)\b|(?:Các\s+)?(?:Tổ đảng|Đảng ủy|Đảng uỷ|"
         r"Đảng đoàn|Sở|Ủy ban|Uỷ ban|UBND|Công an|Bộ Chỉ huy|Ban|Hội|Liên đoàn|Viện|Tòa án|Toà án|Đài|Báo|"
         r"Văn phòng|Thanh tra|Kho bạc|Bảo hiểm|Ngân hàng|Cục|Chi cục|Tỉnh đoàn|Đoàn|Trung tâm|Cơ quan|cơ quan|"
         r"Đơn vị|đơn vị|Cổng|Thành đoàn|Phòng(?=\s+[A-ZĐÀ-Ỹ]))\b)")
_BODY = re.compile(r"^(?P<ask>(?:Đề nghị|Đối với)\s+)?(?!Hội (?:nghị|thi|thảo|diễn)|Báo cáo|Ban hành|Đơn vị tính)(?P<body>" + _KIND + r"[^.:;!?()\d]{0,90}?(?:;\s*" + _KIND +
                   r"[^.:;!?()\d]{0,90}?)*)$")
# Words that say what is done: a heading with one is an action, not a body ("Ban hành …" is caught by _KIND's \b).
_DOES = re.compile(r"\b(?:tổ chức thực hiện|triển khai|thực hiện|tăng cường|xây dựng|chủ trì|phối hợp|tham mưu|"
                   r"hướng dẫn|kiểm tra|rà soát|nâng cao|đẩy mạnh|tuyên truyền|bố trí|quản lý|ban hành|giám sát|"
                   r"đánh giá|theo dõi|báo cáo|phát huy|chỉ đạo thực hiện|đề xuất|trình|nghiên cứu|hoàn thiện|lập|thảo luận|"
                   r"thông qua|giới thiệu|tiếp nhận|căn cứ|đối với|về việc|về)\b")
_WITH = re.compile(r"^Chủ trì,?\s+phối hợp\s+(?:với\s+|(?=(?:các|Các)\s|[A-ZĐÀ-Ỹ]))(?P<sup>.+)$")
# "Chủ trì, theo dõi …", "Chủ trì, tham mưu …", "Chủ trì xây dựng …", "Chủ trì triển khai …": the body chairs, no one
# is named to help (after the seventeenth set); "Chủ trì, phối hợp" over a list is _BARE.
_CHAIRS = re.compile(r"^Chủ trì\b(?!,?\s+phối hợp\s*[:.]?$)")
_BARE = re.compile(r"^Chủ trì,?\s+phối hợp\s*[:.]?$")
# "Tiếp tục rà soát, kiến nghị sửa đổi, bổ sung, chủ trì thẩm tra các dự án: …": the body's own actions, the last of
# them one it chairs (after the twenty-sixth set); the actions before it are lower-case words naming no body.
_CHAIRS_LAST = re.compile(r"^(?P<acts>[^,;:.()]{2,40}(?:,\s*[^,;:.()]{2,40}){1,5}),\s*chủ trì\s+(?!,?\s*phối hợp)\w")


def _chairs_last(text: str) -> bool:
    """Whether ``text`` opens with a series of the body's actions that ends in one it chairs (_CHAIRS_LAST)."""
    m = _CHAIRS_LAST.match(text)
    return bool(m) and not any(c.isupper() for c in m.group("acts")[1:]) and not re.search(_KIND, m.group("acts"))
# Where a list of supports ends: the verb that says what the bodies do together, or the place they do it.
_CUT = re.compile(r"\s+(?:tham mưu|tổ chức|triển khai|thực hiện|xây dựng|rà soát|hướng dẫn|kiểm tra|bố trí|lập|"
                  r"tăng cường|đẩy mạnh|nâng cao|tuyên truyền|vận động|theo dõi|tiến hành|thẩm định|trình|tổng hợp|"
                  r"đề xuất|chỉ đạo|xác định|nghiên cứu|hoàn thiện|ban hành|quản lý|giám sát|đánh giá|tại|trên địa bàn|"
                  r"để|nhằm|trong|đôn đốc|điều chỉnh|cập nhật)[\s,]")


# "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, …": the committees of the communes it names, one body as written.
_NAMED_UNITS = re.compile(r"^(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+các\s+(?:xã|phường|huyện|thị trấn|xã, phường)\s*:\s*"
                          r"[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*)*(?:,\s*[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*)*)*$")


# "5.2. Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng": a body and the force it commands to carry the
# items out; the body is the one that answers for them (after the twentieth set).
_COMMANDS = re.compile(r"^(?P<body>.{3,90}?)\s+chỉ đạo\s+(?P<force>(?:các\s+)?lực lượng\s+[^.:;!?()\d]{3,90})$")


# A unit named by its code ("C04", "V01", "PV01"): a ministry's departments (after the twenty-first set).
_CODE = re.compile(r"[A-Z]{1,3}\d{2}")


def body_name(text: str) -> tuple[str, list[str]] | None:
    """(the body as a lead, its parts) when ``text`` only names a body or bodies, else None."""
    if _CODE.fullmatch(text.strip(" *.:")):
        return text.strip(" *.:"), [text.strip(" *.:")]
    if _NAMED_UNITS.match(text.strip(" *.")):
        return text.strip(" *."), [text.strip(" *.")]
    c = _COMMANDS.match(text.strip(" *.:"))
    if c and not _DOES.search(c.group("force")) and (named := body_name(c.group("body"))) and len(named[1]) == 1:
        return named
    m = _BODY.match(text.strip(" *.:"))
    if not m or _DOES.search(m.group("body")):
        return None
    body = m.group("body").strip()
    parts = [p for part in body.split(";") for p in split_agencies(part)]
    return body, parts


def _supports(rest: str) -> list[str] | None:
    """The bodies ``rest`` opens with, up to the verb or place that ends them; None when no such word ends them or a
    piece does not read as a body's name."""
    cut = _CUT.search(rest)
    if cut is None:
        return None
    pieces = split_agencies(rest[:cut.start()])
    if not pieces or any(len(p) > 80 or _DOES.search(p) or not re.match(_KIND, p)
                         and not re.match(r"(?:các\s+)?(?:sở|ban|ngành|địa phương|đoàn thể|đơn vị|cơ quan|phòng)\b", p,
                                          re.IGNORECASE) for p in pieces):
        return None
    return pieces


def _split_joined(task: Task) -> tuple[str, str] | None:
    """A heading written with its one paragraph ("Sở Y tế. Chủ trì, phối hợp với …"): (body, paragraph)."""
    m = re.match(r"^(?P<head>[^.]{3,120})\.\s+(?P<rest>[A-ZĐÀ-Ỹ].+)$", task.text, re.DOTALL)
    if not m or task.subtasks or not body_name(m.group("head")):
        return None
    return m.group("head"), m.group("rest")


def _lead_items(items: list[Task], parts: list[str], heading: str) -> list[Task]:
    """The items under a body heading, with its body as the lead of those that say they chair."""
    out: list[Task] = []
    for item in items:
        if _BARE.match(item.text) and item.subtasks and not item.notes and not (item.leads or item.supports):
            for sub in item.subtasks:
                sup = _supports(sub.text) if not (sub.leads or sub.supports) and len(parts) == 1 else None
                if sup:
                    sub.leads.extend(parts)
                    sub.supports.extend(sup)
                sub.notes[:0] = [heading, item.text]
                out.append(sub)
            continue
        item.notes.insert(0, heading)
        w = _WITH.match(item.text)
        sup = _supports(w.group("sup").rstrip(" ,")) if w and len(parts) == 1 and not (item.leads or item.supports) \
            else None
        if sup:
            item.leads.extend(parts)
            item.supports.extend(sup)
        elif len(parts) == 1 and not (item.leads or item.supports) and (_CHAIRS.match(item.text)
                                                                      or _chairs_last(item.text)):
            item.leads.extend(parts)  # the helpers not read ("… phối hợp với" cut at the line's end): the lead only
        out.append(item)
    return out


# "8.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành" over "-" items (after the nineteenth set): a body heading
# that says the body chairs, and who helps, with no verb after them.
_CHAIR_HEAD = re.compile(r"^(?P<body>.{3,90}?)\s+chủ trì,?\s+phối hợp\s+(?:với\s+)?(?P<sup>.{3,120})$")


def _chair_heading(text: str) -> tuple[list[str], list[str]] | None:
    """(the lead, the supports) of a body heading "X chủ trì, phối hợp (với) Y", when X names one body and Y only
    bodies; else None."""
    m = _CHAIR_HEAD.match(text.strip(" *.:"))
    named = body_name(m.group("body")) if m else None
    if named is None or len(named[1]) != 1:
        return None
    sup = _supports(m.group("sup") + " để ")  # no verb ends them: the heading's end does
    return (named[1], sup) if sup else None


def _chaired_items(items: list[Task], lead: list[str], sup: list[str], heading: str) -> list[Task]:
    """The items under a chair heading: each led by its body; the heading's helpers support those that name no
    agency ("Chủ trì, phối hợp với Z …" keeps Z; "Chủ trì xây dựng …" the lead only)."""
    out = _lead_items(items, lead, heading)
    for item in out:
        if not (item.leads or item.supports):
            item.leads.extend(lead)
            item.supports.extend(sup)
    return out


# "2. Phân công trách nhiệm" over body headings only: a heading of the duties' section, no task either.
_ASSIGNING = re.compile(r"^Phân công (?:trách nhiệm|nhiệm vụ)(?: thực hiện)?$", re.IGNORECASE)


def body_heading_tasks(tasks: list[Task], unplaced: list) -> list[Task]:
    """``tasks`` with each body heading replaced by its items (see the module's docstring); each item keeps the
    heading as its first note, and a section heading dropped is added to ``unplaced`` with its lead-in."""
    out: list[Task] = []
    for task in tasks:
        heads = sum(1 for sub in task.subtasks if body_name(sub.text) or _split_joined(sub))
        task.subtasks = body_heading_tasks(task.subtasks, unplaced)
        named = body_name(task.text)
        if task.leads or task.supports or task.due:
            out.append(task)
        elif _ASSIGNING.match(task.text.strip(" .:")) and heads >= 2:
            unplaced.extend((task.where, text) for text in (task.text, *task.notes))
            out.extend(task.subtasks)
        elif named and task.subtasks and not task.notes:
            out.extend(_lead_items(task.subtasks, named[1], task.text))
        elif task.subtasks and not task.notes and (chair := _chair_heading(task.text)) is not None:
            out.extend(_chaired_items(task.subtasks, *chair, task.text))
        elif named and not task.subtasks and task.notes:
            # its paragraph, as the copy cut it into lines ("… ; phối hợp với" / "Sở Y tế xây dựng …"), up to the first
            # full stop at a line's end; what follows stays its content
            k = next((i for i, note in enumerate(task.notes) if note.rstrip().endswith((".", "!", "?"))),
                     len(task.notes) - 1)
            heading = task.text
            task.text, task.notes = " ".join(n.strip() for n in task.notes[:k + 1]), task.notes[k + 1:]
            out.extend(_lead_items([task], named[1], heading))
        elif (joined := _split_joined(task)) is not None:
            task.text = joined[1]
            out.extend(_lead_items([task], body_name(joined[0])[1], joined[0]))
        else:
            out.append(task)
    return out
