"""Cutting a document into zones: header, preamble (căn cứ), objectives (general, specific),
tasks, funding, organisation (tổ chức thực hiện), decision articles, recipients, closing.

A zone starts at a section heading ("I. MỤC TIÊU", "Điều 2. Tổ chức thực hiện", "2. Nội dung
hoạt động") or, in news-style texts without headings, at a phrase ("Mục tiêu cụ thể đến năm
2025 là: …", "… nhiệm vụ và giải pháp sau:").
"""

from __future__ import annotations

import re

from plandsl.core.records import frozen
from plandsl.importer.document import Line
from plandsl.importer.extract.patterns import heading

# The national motto's two lines.
MOTTO = r"CỘNG H(?:OÀ|ÒA) XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc"
BOILERPLATE = re.compile(r"^(?:" + MOTTO + r"|\(Đã ký\)|\(đã ký\)|[-_=*~. ]{3,}|QUYẾT ĐỊNH:?|KẾ HOẠCH:?)$",
                         re.IGNORECASE)


@frozen
class Zoned:
    line: Line
    zone: str
    style: str | None
    marker: str
    rest: str
    topic: bool = False  # a Roman section inside a part of tasks ("Phần II. Các nhiệm vụ cụ thể" / "I. Công tác …")


# "III. NỘI DUNG, CHƯƠNG TRÌNH HỘI NGHỊ" (OCR: "HỌI NGHỊ"): a conference's agenda, each item with its speaker, and its
# banner ("2. Tiêu đề Hội nghị"): what the meeting hears and shows, not tasks (after the twenty-first set)
_AGENDA = re.compile(r"CHƯƠNG TRÌNH\s+(?:CỦA\s+)?(?:H[ỘỌÔO]I\s+(?:NGH[ỊI]|THẢO)|TỌA ĐÀM|TOẠ ĐÀM|BUỔI\s+LÀM VIỆC)\b")
# "VI. TỔ CHỨC THỰC HIỆN", OCR's "TÔ CHỨC" too
_ORG = re.compile(r"\bT[ỔÔ] CHỨC THỰC HIỆN\b")
# "3. Tổ chức thực hiện" / "5. TỔ CHỨC THỰC HIỆN", the heading alone on its line
_ORG_ALONE = re.compile(r"T[ổôỔÔ] chức thực hiện", re.IGNORECASE)


def _top_zone(rest: str) -> str | None:
    up = rest.upper().strip(" .:*")
    if up.startswith("MỤC ĐÍCH"):
        return "purpose"
    if up.startswith(("MỤC TIÊU CHUNG", "MỤC TIÊU TỔNG QUÁT")):
        return "general"
    if up.startswith(("MỤC TIÊU CỤ THỂ", "CÁC MỤC TIÊU CỤ THỂ")):
        return "specific"
    if up.startswith("MỤC TIÊU QUỐC GIA"):
        return None  # "(Chương trình) mục tiêu quốc gia …": a title wrapped before these words, not a heading
    if up.startswith("MỤC TIÊU"):
        if "NỘI DUNG" in up or "NHIỆM VỤ" in up:
            return "objectives"
        return "objectives"
    if up.startswith(("CHỈ TIÊU", "CÁC CHỈ TIÊU")) and "NHIỆM VỤ" not in up and "GIẢI PHÁP" not in up:
        return "specific"  # "II. CHỈ TIÊU", "II. CÁC CHỈ TIÊU CHỦ YẾU": the plan's targets
    if up.startswith(("KINH PHÍ", "NGUỒN KINH PHÍ", "NGUỒN LỰC VÀ KINH PHÍ")) or up.startswith("NGUỒN LỰC") and len(up) < 120:
        return "funding"
    if _AGENDA.search(up):
        return "scope"
    if _ORG.search(up) or up.startswith(("TRÁCH NHIỆM", "PHÂN CÔNG NHIỆM VỤ", "PHÂN CÔNG TRÁCH NHIỆM")):
        return "org"
    if re.sub(r"^MỘT SỐ\s+", "", up).startswith(("NHIỆM VỤ", "NỘI DUNG", "CÁC NHIỆM VỤ", "GIẢI PHÁP", "CÁC GIẢI PHÁP",
                                                  "CÁC HOẠT ĐỘNG", "HOẠT ĐỘNG")):
        return "tasks"  # "III. MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM …" as "HOẠT ĐỘNG …"
    if re.match(r"PHƯƠNG PHÁP,? (?:VÀ )?CÁC BƯỚC\b", up):
        return "tasks"  # "IV. PHƯƠNG PHÁP, CÁC BƯỚC GIÁM SÁT, ĐÁNH GIÁ": a monitoring plan's work (sixteenth set)
    if up.startswith(("ĐỐI TƯỢNG", "PHẠM VI", "THỜI GIAN")):
        return "scope"
    if re.match(r"(?:THÀNH PHẦN|ĐẠI BIỂU|KHÁCH MỜI)(?:\s+THAM (?:GIA|DỰ)|\s+MỜI)?$", up):
        return "scope"  # "II. THÀNH PHẦN THAM GIA": who attends and who is invited, not tasks (twenty-second set)
    if up.startswith("YÊU CẦU"):
        return "purpose"
    if up.startswith(("QUAN ĐIỂM", "CÁC QUAN ĐIỂM")):
        return "viewpoints"  # principles, not tasks: kept as comments
    return None


# A section heading that says what is to be done ("PHÁT TRIỂN KINH TẾ SỐ … NGÀNH, LĨNH VỰC").
_ACTION_HEAD = re.compile(r"(?:PHÁT TRIỂN|XÂY DỰNG|ĐẨY MẠNH|NÂNG CAO|TĂNG CƯỜNG|HOÀN THIỆN|CHUYỂN ĐỔI SỐ|ĐẨY NHANH)\s")
# "II. CÔNG TÁC ĐÁNH GIÁ NGOÀI" right after a section of tasks: one more field of the work; its reports or awards
# ("IV. Công tác thông tin báo cáo", "Công tác thi đua, khen thưởng") are not
_WORK_HEAD = re.compile(r"CÔNG TÁC\s(?!.*(?:BÁO CÁO|KHEN THƯỞNG|THI ĐUA|SƠ KẾT|TỔNG KẾT))")
_SUB_ZONES = ("general", "specific", "purpose", "tasks", "scope", "viewpoints")
# "1. Mục tiêu chung: Tiếp tục …": a heading with its text on the same line, however long.
_LABELLED = re.compile(r"^(?:Mục tiêu chung|Mục tiêu tổng quát|Mục tiêu cụ thể|Mục đích|Yêu cầu|Quan điểm)\s*:", re.IGNORECASE)
# "Thực hiện Quyết định …, Ủy ban nhân dân tỉnh ban hành Kế hoạch … với các nội dung sau:" opens the plan, not its tasks.
_PREAMBLE = re.compile(r"^(?:Căn cứ|Thực hiện)\b|\b(?:ban hành|xây dựng)\s+(?:[Kk]ế hoạch|[Cc]hương trình|[Đđ]ề án)\b")


# Under the tasks, "1. Hiện trạng", "3. Tiêu chí đánh giá, xếp loại", "4. Cách thức xếp hạng", "Lưu ý …", "1. Chủ đề
# thi đua" (a campaign's motto): the present state, how results are judged or a motto, not things to do. Kept as
# lines not placed, up to the next heading of the same level, where the tasks go on.
_ASIDE = re.compile(r"^(?:Hiện trạng|Thực trạng|Tiêu chí\s+(?:đánh giá|chấm điểm|xếp loại|thi đua)|"
                    r"Cách thức\s+(?:xếp hạng|chấm điểm|đánh giá)|Lưu ý\b|Chủ đề(?:\s+thi đua)?\s*[:.]?$|Khẩu hiệu\b)",
                    re.IGNORECASE)
# An admissions plan's sections of rules ("2. Đối tượng, điều kiện", "4. Hồ sơ đăng ký dự tuyển", "6. Điểm khuyến
# khích", "7. Nguyên tắc và điều kiện xét tuyển"): who may apply, what to send, how it is scored, asides as above
# (after the twenty-ninth set; "3. Phương thức tuyển sinh", its rounds, stays a task as the key reads it)
_RULES = re.compile(r"^(?:Đối tượng,?\s+(?:và\s+)?điều kiện|Điều kiện\s+(?:dự tuyển|xét tuyển|dự thi|tuyển sinh)|"
                    r"Hồ sơ\s+(?:đăng ký\s+)?(?:dự tuyển|dự thi|tuyển sinh|xét tuyển|tuyển thẳng)|"
                    r"(?:Điểm|Chế độ|Đối tượng)\s+(?:khuyến khích|ưu tiên|cộng)|Nguyên tắc(?:\s+và\s+điều kiện)?\s+"
                    r"(?:xét tuyển|tuyển sinh|tuyển chọn))\b[^.;]*$", re.IGNORECASE)


def _rules(rest: str) -> bool:
    """A heading that plainly names a section of admission rules (a PDF font's "ƣ" is "ư" already: document.clean)."""
    return bool(_RULES.match(rest.strip(" *.:")))


# "… được cụ thể hóa bằng các chỉ tiêu cụ thể như sau:" under the tasks: the items after it, up to the next heading,
# are the plan's targets ("(1) 100% số người …"), not tasks.
_CHI_TIEU = re.compile(r"\bcác chỉ tiêu(?: cụ thể)?(?: như)? sau\s*:$", re.IGNORECASE)


# "Trong giai đoạn 2026 - 2030, Đảm bảo xây dựng trạm BTS 5G đạt 100% và …, cụ thể như sau:" under the tasks: a
# lead-in naming a period and a figure it is to reach; its figure is a target (with a review), not a task.
_LEAD_FIGURE = re.compile(r"^(?:Trong\s+)?giai đoạn\s+(?:từ\s+)?(?:năm\s+)?\d{4}\s*[-–]\s*(?:năm\s+)?\d{4}\s*,[^%;:]*?"
                          r"\bđạt\s+\d{1,3}(?:,\d+)?\s*%[^%]*\bnhư sau\s*:$", re.IGNORECASE)


# "IV. NHIỆM VỤ CỤ THỂ" / "1. Nhiệm vụ của thành viên Ban Chỉ đạo" / "1.1. Trưởng Ban Chỉ đạo" / "1.2. Sở Tài chính
# …": duties by body (as under "Phân công nhiệm vụ"), not tasks.
_MEMBERS = re.compile(r"^(?:Nhiệm vụ|Trách nhiệm)(?:,?\s+(?:nhiệm vụ|trách nhiệm|quyền hạn))?\s+của\s+(?:các\s+|từng\s+)?"
                      r"thành viên\s+Ban\b[^.;:]*$", re.IGNORECASE)


# In a decision's article ("Điều 3. Hiệu lực thi hành." / "2. Các nhiệm vụ trong Chương trình hành động được ban
# hành kèm theo …"), a numbered clause with a passive predicate ("được" and a verb) is a sentence of the article, not
# a heading that opens the plan's tasks or objectives (after the thirteenth held-out set).
_CLAUSE = re.compile(r"\sđược\s+[a-zđà-ỹ]")


# "… đáp ứng đầy đủ các tiêu chí sau:": the items after it are the criteria of an award, not tasks.
_CRITERIA = re.compile(r"\b(?:tiêu chí|tiêu chuẩn|điều kiện)\s+(?:sau|như sau)\s*:$", re.IGNORECASE)


# A section whose heading names a topic or a roadmap ("III. LỘ TRÌNH THỰC HIỆN", "III. PHÁT TRIỂN NỀN MÓNG KINH TẾ
# SỐ"), right after the objectives and before any tasks, duties or funding, holds the plan's contents (after the
# seventeenth set); one on the present state or past results does not.
_AIMS = ("objectives", "general", "specific", "purpose")
_STATUS = re.compile(r"^(?:THỰC TRẠNG|TÌNH HÌNH|KẾT QUẢ|ĐÁNH GIÁ|SỰ CẦN THIẾT|CĂN CỨ|BỐI CẢNH|SƠ KẾT|TỔNG KẾT|"
                     r"DỰ BÁO|PHỤ LỤC|HIỆU QUẢ|KHÓ KHĂN|HẠN CHẾ|TỒN TẠI|CHẾ ĐỘ|THEO DÕI|KIỂM TRA|GIÁM SÁT|KHEN)",
                     re.IGNORECASE)


def _wraps(before: str, text: str) -> bool:
    """A Nơi nhận entry carried on to the next line: "- Ủy ban Kiểm tra, Ban Tuyên giáo," / "Văn phòng;" (the entry
    ends in a comma) or "- Bí thư chi bộ, Ban công" / "tác Mặt trận thôn;" (the line goes on in lower case)."""
    before = before.rstrip()
    # "- VPUB: CVP các PCVP," / "P.KGVX, P.KT;": initials in capitals, but the entry's ";" closes them (after the
    # twenty-third set); other capitals are the signature's ("TM. ỦY BAN NHÂN DÂN")
    capitals = text.isupper() and not (before.endswith(",") and text.rstrip().endswith(";"))
    if not before.startswith(("-", "+")) or capitals or len(text) > 80 or re.match(r"^Lưu\b", before.lstrip("-+ ")):
        return False
    return before.endswith(",") or (before[-1:].isalpha() and text[:1].islower())


# "Phần I. Các nhiệm vụ trọng tâm" / "PHẦN II: TỔ CHỨC THỰC HIỆN" (OCR: "Phần II:" for III): a part of the plan, its
# title on the line, zoned by the title as a Roman section is; the Roman sections inside keep their own zones (after
# the twenty-ninth set; "Phần thứ nhất" alone on its line, its title below, as before)
_PART = re.compile(r"^(?:Phần|PHẦN)\s+(?:[IVX]{1,4}|thứ\s+\w+|THỨ\s+\w+)\s*[.:]\s*(?P<title>\S.*)$")


# A field of a plan "1. Cải cách thể chế" / "a) Mục tiêu" / "- 100% …" / "b) Nhiệm vụ" / "- …", field after field
# (after the twentieth set): the field heading is a task over its "Nhiệm vụ" items, its "Mục tiêu" items objectives.
_AIM_LABEL = re.compile(r"Mục tiêu\s*[:.]?", re.IGNORECASE)
_TASK_LABEL = re.compile(r"Nhiệm vụ\s*[:.]?", re.IGNORECASE)


def _fields(lines: list[Line]) -> tuple[set[int], set[int]]:
    """The indices of the field headings ("1. …" or "1.1. …" right over "a) Mục tiêu", with a "b) Nhiệm vụ" before the
    next heading of its level) and of their "a) Mục tiêu" labels."""
    heads: set[int] = set()
    aims: set[int] = set()
    styled = [heading(line.text) for line in lines]
    for i, (style, _, rest) in enumerate(styled[:-1]):
        nxt = styled[i + 1]
        if style not in ("num1", "num2") or nxt[0] != "letter" or not _AIM_LABEL.fullmatch(nxt[2].strip(" *")):
            continue
        for later in styled[i + 2:]:
            if later[0] in ("roman", "art", style):
                break
            if later[0] == "letter" and _TASK_LABEL.fullmatch(later[2].strip(" *")):
                heads.add(i)
                aims.add(i + 1)
                break
    return heads, aims


def zone_lines(lines: list[Line]) -> list[Zoned]:
    out: list[Zoned] = []
    zone = "header"
    aside_style = None  # the heading level of an aside under the tasks
    worked = False  # a section of tasks, duties or funding seen
    org_heads = [line.no for line in lines if (h := heading(line.text))[0] == "roman"
                 and _ORG.search(h[2].upper())]
    field_heads, field_aims = _fields(lines)
    part = None  # the zone of the part ("Phần I. …") the line is in
    _rules_aside = False  # the aside under the tasks is a section of admission rules
    for i, line in enumerate(lines):
        text = line.text
        style, marker, rest = heading(text)
        new = None
        topic = pm = False
        if style in ("roman", "art"):
            new = _top_zone(rest) or ("decision" if style == "art" else "other")
            if new == "other" and zone in _AIMS and not worked and not _STATUS.match(rest.strip(" *")):
                new = "tasks"  # "III. LỘ TRÌNH THỰC HIỆN", "III. PHÁT TRIỂN NỀN MÓNG …" after the objectives: contents
            elif new == "other" and zone == "tasks" and _ACTION_HEAD.match(rest.upper().strip(" *")):
                new = "tasks"  # "IV. PHÁT TRIỂN … NGÀNH, LĨNH VỰC" after "III. NHIỆM VỤ …": more contents (18th set)
            elif new == "other" and part == "tasks" and zone == "tasks" and _WORK_HEAD.match(rest.upper().strip(" *")):
                new, topic = "tasks", True  # "Phần II. Các nhiệm vụ cụ thể" / "I. Công tác Khảo thí": a task over its items
            elif new == "other" and zone == "tasks" and _WORK_HEAD.match(rest.upper().strip(" *")):
                new = "tasks"  # "II. Công tác đánh giá ngoài" after "I. Nhiệm vụ cụ thể": a field of the work (27th set)
            elif new == "org" and re.match(r"PHÂN CÔNG (?:NHIỆM VỤ|TRÁCH NHIỆM)", rest.upper().strip(" *")) \
                    and any(n > line.no for n in org_heads):
                new = "tasks"  # "IV. PHÂN CÔNG NHIỆM VỤ" body by body before "V. TỔ CHỨC THỰC HIỆN": the contents
            elif new == "other" and rest.upper().strip(" *").startswith("PHÂN CÔNG ") and not org_heads \
                    and zone != "tasks":
                # "VI. PHÂN CÔNG CHUẨN BỊ, ĐÓN TIẾP …" in a plan with no "Tổ chức thực hiện" and no section of tasks
                # before it: the plan's work, body by body (twenty-second set)
                new = "tasks"
            if style == "art" and new == "decision" and re.match(r"(?:Ban hành|Phê duyệt)", rest) and zone == "header":
                new = "decision"
        elif style in ("num1", "num2", "letter") and zone not in ("tasks", "org", "funding") and not (
                zone == "aside" and style == aside_style and _rules_aside):  # "5. Thời gian …" after "4. Hồ sơ …": tasks
            sub = _top_zone(rest)
            if zone == "decision" and _CLAUSE.search(rest):
                sub = None  # "2. Các nhiệm vụ trong Chương trình … được ban hành kèm theo …": the article's clause
            if zone == "specific" and re.search(r"\(\d+\s+mục tiêu\)", rest, re.IGNORECASE):
                sub = None  # "a) Mục tiêu chung (6 mục tiêu)" among the targets: a group of them, not general aims
            if sub in _SUB_ZONES and (len(rest) < 120 or _LABELLED.match(rest)):
                new = sub
            elif sub == "objectives" and len(rest) < 40:
                new = "specific" if zone in ("objectives", "general", "purpose") else "objectives"
        elif style is None and (pm := _PART.match(text.strip(" *"))) and zone not in ("recipients", "appendix"):
            new = part = _top_zone(pm.group("title")) or "other"
        elif style is None:
            up = text.upper()
            if text.isupper() and len(text) < 80 and _top_zone(text) and zone != "appendix":  # not its title
                new = _top_zone(text)
            elif text.replace(" ", "") == "QUYẾTĐỊNH:":
                new = "decision"
            elif re.match(r"^Nơi nhận\s*:?", text, re.IGNORECASE):
                new = "recipients"
            elif re.match(r"^(?:KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN)$", text) and zone not in ("header",):
                new = "plan_header"
            elif re.search(r"mục tiêu (?:chung|tổng quát)\b", text, re.IGNORECASE) and zone in ("header", "plan_header", "other",
                                                                                  "preamble"):
                new = "general"
            elif re.match(r"^(?:Mục tiêu cụ thể|Các mục tiêu cụ thể)", text, re.IGNORECASE):
                new = "specific"
            elif re.search(r"(?:nhiệm vụ|giải pháp|nội dung)[^.]{0,40}\b(?:sau|như sau)\s*:$", text, re.IGNORECASE) \
                    and not _PREAMBLE.search(text) and zone != "org" and not _CRITERIA.search(text) \
                    and not (zone == "other" and re.search(r"\bbáo cáo\b", text, re.IGNORECASE)):
                # (under "Tổ chức thực hiện", "… tổ chức thực hiện các nhiệm vụ sau:" lists a body's duties; "… thực
                # hiện nhiệm vụ CCHC và đáp ứng các tiêu chí sau:" lists an award's criteria, after the nineteenth set;
                # "III. Công tác báo cáo" / "Các trường … báo cáo … nhiệm vụ … theo thời gian sau:" the reports, 29th)
                new = "tasks"
            elif up.startswith("TRÊN ĐÂY LÀ") or re.match(r"Nhận được (?:Kế hoạch|Công văn|Thông báo|văn bản) này\s*,",
                                                           text, re.IGNORECASE):
                new = "closing"  # "Nhận được Kế hoạch này, Sở … đề nghị …": how to carry it out, as "Trên đây là …"
            elif re.fullmatch(r"(?:PHỤ LỤC|Phụ lục)(?:\s+[IVX\d]{1,4})?\W*", text.strip("* ")):
                # an appendix's table is read apart (task_table), never as the tasks above it; the gazette writes the
                # word in sentence case ("Phụ lục" / "NHIỆM VỤ TRỌNG TÂM …": its title, not the tasks' heading)
                new = "appendix"
        if aside_style == "back":  # the one line is read apart, then the tasks go on
            new, aside_style = new or "tasks", None
        elif aside_style == "next":
            new, aside_style = new or "specific", "any"
        elif zone == "tasks" and new is None and style is None and _CHI_TIEU.search(text):
            new, aside_style = "specific", "any"
        elif zone == "tasks" and new is None and style is None and _LEAD_FIGURE.match(text):
            new, aside_style = "lead_figure", "back"
        elif zone == "tasks" and new is None and re.fullmatch(r"Trong đó\s*:", text):
            # "Trong đó:" / "+ Lắp đặt mới trạm 5G: 58 trạm; …": the figures the task's lines are to reach
            new, aside_style = "scope", "next"
        elif zone == "specific" and aside_style == "any" and style in ("roman", "num1", "num2", "num3"):
            aside_style = None
            new = new or "tasks"
        if style == "num1" and zone == "tasks" and _MEMBERS.match(rest.strip(" *")):
            new = "org"  # the duties of each member, by body, up to the next section
        elif style == "num1" and zone == "tasks" and _ORG_ALONE.fullmatch(rest.strip(" *.:")) and not any(
                z.style in ("roman", "art") for z in out):
            new = "org"  # "3. Tổ chức thực hiện" at the top level of a plan numbered "1.", "2." (twenty-seventh set)
        if style in ("num1", "num2") and zone == "tasks" and new is None and (
                _top_zone(rest) in ("objectives", "specific")
                or re.match(r"Nguồn lực\b|Dự toán kinh phí\b|Kinh phí(?: thực hiện)?$", rest.strip(" *.:"), re.IGNORECASE)):
            # "II. NỘI DUNG CHỦ YẾU" / "1. Mục tiêu phát triển …" / "4. Nguồn lực …", "4. Dự toán kinh phí …", "6. Kinh
            # phí thực hiện" (after the eighteenth set): the plan's objectives or its funding among its contents, up to
            # the next heading of the same level, where the tasks go on; "6. Chỉ tiêu chủ yếu đến năm 2030" there, its
            # targets (after the sixteenth set)
            new, aside_style = _top_zone(rest) or "funding", style
        elif zone in ("objectives", "general", "specific", "funding") and aside_style in ("num1", "num2") \
                and style == aside_style:
            new, aside_style = new or "tasks", None
        if style in ("num1", "num2") and (_ASIDE.match(rest.strip(" *")) and zone in ("tasks", "aside") or _rules(rest) and (
                zone in ("tasks", "aside") or new in ("tasks", "scope"))):  # (right after the targets' aside too)
            aside_style = aside_style if zone == "aside" else style
            new, _rules_aside = "aside", _rules(rest)
        elif zone == "aside" and new is None and style == aside_style:
            new = "tasks"
        if i in field_heads:
            new, aside_style = "tasks", None
        elif i in field_aims:
            new = "specific"
        if zone == "recipients" and new is None and style not in ("dash",) and not text.startswith(("+", "-")) \
                and not _wraps(out[-1].line.text if out else "", text):
            zone = "after_recipients"
        if new is not None:
            if new == "objectives" and zone == "general" and style == "roman":
                new = "specific"  # "I. MỤC TIÊU TỔNG QUÁT" / "II. MỤC TIÊU": the targets (after the eighteenth set)
            elif new == "objectives" and zone in ("general", "specific"):
                new = zone
            zone = new
            worked = worked or zone in ("tasks", "org", "funding")
        # the part's own line is no task nor a paragraph of one: kept as a line not placed
        out.append(Zoned(line, "part" if pm else zone, style, marker, rest, topic))
    return out
