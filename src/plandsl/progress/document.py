"""The draft Báo cáo (BC) of a plan's progress, in the format of Decree 30/2020/NĐ-CP.

:func:`report_blocks` gives the document as the block stream the decision render lays out (header,
title, subtitle, h, p, item, table, signature), so the CLI hands it to the render's Word writer (this
stage may not import its sibling ``plandsl.render``); :func:`embed_charts` then puts the charts where
the blocks hold their markers. HTML and Markdown are written here, every text escaped.
"""

from __future__ import annotations

import base64
import html
import io

from plandsl.progress import Progress
from plandsl.progress.rollup import fmt

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
CHART_MARK = "[[chart:{id}]]"
STATUS_VI = {"met": "Đạt", "on_track": "Có khả năng đạt", "at_risk": "Có nguy cơ không đạt",
             "missed": "Không đạt", "no_data": "Chưa có số liệu"}
PLACEHOLDER = "(Cơ quan soạn thảo bổ sung.)"


def _kind(p: Progress) -> str:
    """Sơ kết after a phase ends inside the period; tổng kết once the period (or its last phase) has ended."""
    plan = p.plan.plan
    last = plan.period[1] if plan.period else None
    if last is not None and p.on.year > last:
        return "tổng kết"
    ended = [ph for ph in plan.phases if ph.end < p.on.year]
    return f"sơ kết giai đoạn {ended[-1].start}-{ended[-1].end}" if ended else "sơ kết"


def report_blocks(p: Progress) -> tuple[list[dict], dict]:
    plan = p.plan.plan
    issuer = plan.issuer or plan.jurisdiction or ""
    left = list(plan.letterhead) or ([issuer.upper()] if issuer else ["CƠ QUAN BÁO CÁO"])
    place = plan.instrument.place if plan.instrument and getattr(plan.instrument, "place", None) else "......"
    abbrev = "UBND" if issuer.startswith("Ủy ban nhân dân") else "......"
    blocks: list[dict] = [{
        "t": "header", "left": left, "right": [NATIONAL_TITLE, MOTTO],
        "left_after": f"Số:      /BC-{abbrev}",
        "right_after": f"{place}, ngày {p.on.day:02d} tháng {p.on.month:02d} năm {p.on.year}",
    }, {"t": "title", "text": "BÁO CÁO"}]
    kind = _kind(p)
    subject = plan.title or plan.id
    blocks.append({"t": "subtitle", "text": f"Kết quả {kind} thực hiện {subject[:1].lower()}{subject[1:]}"})
    if plan.instrument and plan.instrument.number:
        blocks.append({"t": "p", "text": f"Thực hiện {plan.kind or 'Kế hoạch'} ban hành kèm theo Quyết định số "
                                         f"{plan.instrument.number}, {issuer} báo cáo kết quả {kind} như sau:"})
    blocks.append({"t": "h", "level": 2, "text": "I. KẾT QUẢ THỰC HIỆN"})
    blocks.append({"t": "h", "level": 3, "text": "1. Kết quả thực hiện các chỉ tiêu"})
    counts = p.counts()
    blocks.append({"t": "p", "text": (
        f"Tính đến ngày {p.on.day:02d}/{p.on.month:02d}/{p.on.year}, trong {len(p.records)} chỉ tiêu theo năm: "
        + "; ".join(f"{STATUSES_TEXT[s]} {n}" for s, n in counts.items() if n) + ".")})
    rows = []
    for i, r in enumerate(p.records, 1):
        actual = fmt(r.actual) if r.actual is not None else (
            f"dự báo {fmt(r.projected)}" if r.projected is not None else "-")
        rows.append([str(i), r.indicator or r.objective, str(r.year), _vi_target(r.target_text),
                     actual, STATUS_VI[r.status]])
    blocks.append({"t": "table", "caption": "Bảng 1. Kết quả thực hiện chỉ tiêu so với mục tiêu",
                   "columns": ["TT", "Chỉ tiêu", "Năm", "Mục tiêu", "Thực hiện", "Đánh giá"], "rows": rows})
    blocks.append({"t": "p", "italic": True, "text": (
        "Cách đánh giá: năm mục tiêu đã có số liệu thì so sánh trực tiếp; trước năm mục tiêu, đường xu hướng "
        "bình phương tối thiểu qua các năm đã có số liệu (ít nhất 2 năm) được kéo dài đến năm mục tiêu; "
        "chỉ tiêu tương đối tính theo số liệu thực hiện của năm gốc.")})
    blocks.append({"t": "h", "level": 3, "text": "2. Diễn biến từng chỉ tiêu"})
    for obj in _charted(p):
        blocks.append({"t": "p", "text": CHART_MARK.format(id=obj)})
    blocks.append({"t": "h", "level": 2, "text": "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"})
    blocks.append({"t": "p", "text": PLACEHOLDER})
    missed = [r for r in p.records if r.status in ("missed", "at_risk")]
    for r in missed:
        blocks.append({"t": "item", "text": f"{r.indicator or r.objective} ({r.year}): {STATUS_VI[r.status].lower()}"
                                            f" (mục tiêu {_vi_target(r.target_text)})."})
    blocks.append({"t": "h", "level": 2, "text": "III. KIẾN NGHỊ, ĐỀ XUẤT"})
    blocks.append({"t": "p", "text": PLACEHOLDER})
    recipients = [f"{d.recipient};" for d in p.duties if d.recipient]
    recipients = list(dict.fromkeys(recipients)) + ["Lưu: VT."]
    signer = (plan.instrument.signer if plan.instrument and getattr(plan.instrument, "signer", None) else "")
    lines = [part.strip() for part in signer.split("/")] if signer else ["TM. " + issuer.upper()]
    blocks.append({"t": "signature", "recipients": recipients, "lines": lines, "name": ""})
    title = f"Báo cáo kết quả {kind}: {subject}"
    meta = {"title": title[:254] + "…" if len(title) > 255 else title, "author": issuer, "subject": "Báo cáo", "date": p.on}
    return blocks, meta


STATUSES_TEXT = {"met": "đạt", "on_track": "có khả năng đạt", "at_risk": "có nguy cơ không đạt",
                 "missed": "không đạt", "no_data": "chưa có số liệu"}


def _vi_target(text: str) -> str:
    return text.replace(" vs ", " so với năm ").replace(">=", "≥").replace("<=", "≤")


def _charted(p: Progress) -> list[str]:
    return [ro.id for ro in p.plan.active() if p.series.get(ro.id)]


def charts(p: Progress) -> dict[str, bytes]:
    """A PNG per objective with actuals: the actuals against the target path (matplotlib, Agg backend)."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure

    out: dict[str, bytes] = {}
    for obj in _charted(p):
        ro = p.plan.objective(obj)
        series = sorted(p.series[obj].items())
        targets = sorted((r.year, r.target) for r in p.records if r.objective == obj and r.target is not None)
        fig = Figure(figsize=(6.0, 2.6), dpi=120)
        ax = fig.add_subplot()
        ax.plot([y for y, _ in series], [float(v) for _, v in series], marker="o", label="Thực hiện")
        path = []
        base = ro.objective
        if base.baseline_year is not None and base.baseline_value is not None:
            path.append((base.baseline_year, base.baseline_value))
        elif series:
            path.append(series[0])
        path += targets
        if targets:
            ax.plot([y for y, _ in path], [float(v) for _, v in path], linestyle="--", marker="s",
                    label="Lộ trình mục tiêu")
        for r in p.records:
            if r.objective == obj and r.projected is not None and series:
                ax.plot([series[-1][0], r.year], [float(series[-1][1]), float(r.projected)], linestyle=":",
                        color="grey", label="Xu hướng" if r is _first_projection(p, obj) else None)
        ax.set_title((ro.objective.indicator or obj)[:90], fontsize=8)
        ax.set_xlabel("Năm", fontsize=8)
        ax.tick_params(labelsize=7)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", metadata={"Software": None})
        out[obj] = buf.getvalue()
    return out


def _first_projection(p: Progress, obj: str):
    return next((r for r in p.records if r.objective == obj and r.projected is not None), None)


def embed_charts(docx: bytes, images: dict[str, bytes]) -> bytes:
    """Replace each chart marker paragraph of a Word file with its picture."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    doc = Document(io.BytesIO(docx))
    for para in doc.paragraphs:
        text = para.text.strip()
        for obj, png in images.items():
            if text == CHART_MARK.format(id=obj):
                for r in para.runs:
                    r.text = ""
                para.paragraph_format.first_line_indent = None
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                para.runs[0].add_picture(io.BytesIO(png), width=Mm(150))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def to_html(blocks: list[dict], images: dict[str, bytes], title: str) -> bytes:
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="vi"><head><meta charset="utf-8">', f"<title>{e(title)}</title>",
           "<style>body{font-family:'Times New Roman',serif;max-width:170mm;margin:2em auto;font-size:14pt}"
           "table{border-collapse:collapse}td,th{border:1px solid #000;padding:2px 6px;font-size:12pt}"
           ".hdr td{border:none;text-align:center;font-weight:bold}h1,h2{text-align:center}"
           "img{max-width:100%}</style></head><body>"]
    for b in blocks:
        t = b["t"]
        if t == "header":
            out.append('<table class="hdr"><tr><td>' + "<br>".join(e(x) for x in b["left"]) + "</td><td>"
                       + "<br>".join(e(x) for x in b["right"]) + "</td></tr><tr><td>" + e(b["left_after"])
                       + "</td><td><i>" + e(b["right_after"]) + "</i></td></tr></table>")
        elif t == "title":
            out.append(f"<h1>{e(b['text'])}</h1>")
        elif t == "subtitle":
            out.append(f"<h2>{e(b['text'])}</h2>")
        elif t == "h":
            out.append(f"<h3>{e(b['text'])}</h3>")
        elif t == "item":
            out.append(f"<p>- {e(b['text'])}</p>")
        elif t == "p":
            obj = _chart_of(b["text"], images)
            if obj:
                out.append(f'<p><img alt="{e(obj)}" src="{_data_uri(images[obj])}"></p>')
            else:
                out.append(f"<p><i>{e(b['text'])}</i></p>" if b.get("italic") else f"<p>{e(b['text'])}</p>")
        elif t == "table":
            out.append(f"<p><b>{e(b['caption'])}</b></p><table><tr>"
                       + "".join(f"<th>{e(c)}</th>" for c in b["columns"]) + "</tr>")
            out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in b["rows"]]
            out.append("</table>")
        elif t == "signature":
            out.append('<table class="hdr"><tr><td style="text-align:left;font-weight:normal">'
                       "<b><i>Nơi nhận:</i></b><br>" + "<br>".join("- " + e(r) for r in b["recipients"])
                       + "</td><td>" + "<br>".join(e(x) for x in b["lines"]) + "</td></tr></table>")
    out.append("</body></html>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _md(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>|#" else c for c in text)


def to_md(blocks: list[dict], images: dict[str, bytes]) -> bytes:
    out: list[str] = []
    for b in blocks:
        t = b["t"]
        if t == "header":
            out += [" \\\n".join(_md(x) for x in b["left"]) + "  ", "", _md(b["left_after"]), "",
                    "**" + _md(NATIONAL_TITLE) + "**  ", "**" + _md(MOTTO) + "**", "", "*" + _md(b["right_after"]) + "*",
                    ""]
        elif t in ("title", "subtitle"):
            out += [("# " if t == "title" else "## ") + _md(b["text"]), ""]
        elif t == "h":
            out += ["### " + _md(b["text"]), ""]
        elif t == "item":
            out += ["- " + _md(b["text"]), ""]
        elif t == "p":
            obj = _chart_of(b["text"], images)
            out += [f"![{_md(obj)}]({_data_uri(images[obj])})" if obj else _md(b["text"]), ""]
        elif t == "table":
            out += ["**" + _md(b["caption"]) + "**", "", "| " + " | ".join(_md(c) for c in b["columns"]) + " |",
                    "|" + "---|" * len(b["columns"])]
            out += ["| " + " | ".join(_md(c) for c in row) + " |" for row in b["rows"]]
            out.append("")
        elif t == "signature":
            out += ["***Nơi nhận:***", ""] + ["- " + _md(r) for r in b["recipients"]] + [""]
            out += ["**" + _md(x) + "**  " for x in b["lines"]] + [""]
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")


def _chart_of(text: str, images: dict[str, bytes]) -> str | None:
    return next((obj for obj in images if text == CHART_MARK.format(id=obj)), None)


def render_report(p: Progress, fmt_name: str) -> bytes:
    """HTML or Markdown of the report; Word goes through the CLI (the render's writer)."""
    from plandsl.core.safetext import clean

    blocks, meta = report_blocks(p)
    blocks = clean(blocks)
    images = charts(p)
    if fmt_name in ("html", "htm"):
        return to_html(blocks, images, meta["title"])
    if fmt_name == "md":
        return to_md(blocks, images)
    raise ValueError(fmt_name)

