"""Builders for the import tests: a seed text written as a DOCX with the two-column header
table (python-docx), as a PDF (LibreOffice), in a legacy encoding (TCVN3, VNI); and ``draft``, a text imported
and the draft parsed back."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from plandsl.importer.readers import legacy


def pdf_bytes(objs: list[str]) -> bytes:
    """A PDF file of the given objects (numbered from 1 in order; object 1 the catalog), with its cross-reference
    table: for tests that need a PDF laid out exactly, without a PDF library."""
    out = b"%PDF-1.4\n"
    offsets = []
    for n, obj in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def draft(text: str):
    """The import of a copied text (English keywords) and the plan its draft parses to, with no parse error."""
    from plandsl.importer import import_text
    from plandsl.language.parser import parse_text

    result = import_text(text, "copy.txt", keywords="en")
    parsed = parse_text(result.text)
    assert parsed.plan is not None, [d.message for d in parsed.diagnostics]
    assert not [d for d in parsed.diagnostics if d.severity.name == "ERROR"]
    return result, parsed.plan


def task_tree(plan) -> list[tuple[int, str]]:
    """(depth, text) of every task of a drafted plan, sub-tasks after their task."""
    out = []

    def walk(ts, depth):
        for t in ts:
            out.append((depth, t.text))
            walk(t.subtasks, depth + 1)
    walk(plan.tasks, 0)
    return out


def seed_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def write_docx(text: str, path: Path, header_rows: int = 6) -> Path:
    """The first ``header_rows`` lines go into a two-column table (letterhead and number on the
    left, the national motto and the place and date on the right), the rest are paragraphs."""
    import docx

    lines = seed_lines(text)
    doc = docx.Document()
    head, body = lines[:header_rows], lines[header_rows:]
    half = header_rows // 2
    table = doc.add_table(rows=1, cols=2)
    for cell, part in zip(table.rows[0].cells, (head[:half], head[half:])):
        cell.paragraphs[0].text = part[0]
        for extra in part[1:]:
            cell.add_paragraph(extra)
    for line in body:
        p = doc.add_paragraph()
        bold = line.startswith("**") and line.endswith("**")
        run = p.add_run(line.strip("*"))
        run.bold = bold
    doc.save(str(path))
    return path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(path: Path, fmt: str, outdir: Path) -> Path:
    exe = soffice()
    profile = outdir / "lo-profile"
    subprocess.run([exe, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
                    "--convert-to", fmt, "--outdir", str(outdir), str(path)],
                   check=True, capture_output=True, timeout=240)
    out = outdir / (path.stem + "." + fmt.split(":")[0])
    assert out.exists(), f"LibreOffice did not write {out}"
    return out


_TCVN3_BACK = {v: k for k, v in zip(legacy._TCVN3_FROM, legacy._TCVN3_TO)}
_VNI_BACK = {v: k for k, v in legacy.VNI.items()}


def to_tcvn3(text: str) -> bytes:
    """Unicode Vietnamese to TCVN3 bytes (lower-case letters; upper-case toned letters are
    written in lower case, as the .VnTime fonts did)."""
    out = []
    for ch in text:
        if ch in _TCVN3_BACK:
            out.append(_TCVN3_BACK[ch])
        elif ch.lower() in _TCVN3_BACK and not ch.isascii():
            out.append(_TCVN3_BACK[ch.lower()])
        else:
            out.append(ch)
    return "".join(out).encode("cp1252", errors="replace")


def to_vni(text: str) -> bytes:
    out = []
    for ch in text:
        out.append(_VNI_BACK.get(ch, ch))
    return "".join(out).encode("cp1252", errors="replace")


__all__ = ["convert", "draft", "os", "seed_lines", "soffice", "to_tcvn3", "to_vni", "write_docx"]


def write_table_docx(path: Path, letterhead: str, number: str, place_date: str, before: list[str],
                     rows: list[tuple[str, ...]], after: list[str] = (), borders: bool = False) -> Path:
    """A plan as a Word document: the two-column header table, the paragraphs ``before``, a table of data with
    ``rows`` (ruled when ``borders``, as printed plans are), the paragraphs ``after``."""
    from docx import Document as Docx

    d = Docx()
    head = d.add_table(rows=2, cols=2)
    head.cell(0, 0).text, head.cell(0, 1).text = letterhead, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    head.cell(1, 0).text, head.cell(1, 1).text = number, place_date
    for text in before:
        d.add_paragraph(text)
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    if borders:
        table.style = d.styles["Table Grid"]
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    for text in after:
        d.add_paragraph(text)
    d.save(path)
    return path


# A district plan's task table (a Phụ lục's usual shape), and the tasks it gives.
DISTRICT_TASK_ROWS = [
    ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"),
    ("1", "Tuyên truyền về công tác xã hội", "Phòng Lao động - Thương binh và Xã hội",
     "Phòng Văn hóa và Thông tin; UBND các xã, thị trấn", "Năm 2023"),
    ("2", "Kiện toàn đội ngũ cộng tác viên", "UBND các xã, thị trấn", "Phòng Nội vụ", "Quý II/2023")]
DISTRICT_TASKS = [
    ("Tuyên truyền về công tác xã hội", ["Phòng Lao động - Thương binh và Xã hội"],
     ["Phòng Văn hóa và Thông tin", "UBND các xã, thị trấn"]),
    ("Kiện toàn đội ngũ cộng tác viên", ["UBND các xã, thị trấn"], ["Phòng Nội vụ"])]


def write_district_docx(path: Path, borders: bool = False) -> Path:
    return write_table_docx(path, "ỦY BAN NHÂN DÂN\nHUYỆN AN LÃO", "Số: 88/KH-UBND", "An Lão, ngày 10 tháng 4 năm 2023",
                            ["KẾ HOẠCH", "Phát triển công tác xã hội trên địa bàn huyện năm 2023", "I. NHIỆM VỤ"],
                            DISTRICT_TASK_ROWS, ["II. TỔ CHỨC THỰC HIỆN", "Phòng Nội vụ chủ trì theo dõi, báo cáo."],
                            borders)


# A made-up Chủ tịch's decision copied to Markdown (header table, issuing article, the plan's first sections): the
# round-two and round-three import tests add the part each one is about after it.
MD_DECISION_HEAD = ("| ỦY BAN NHÂN DÂN TỈNH HÀ GIANG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
                    "--------------- |\n|---|---|\n| Số: 78/QĐ-UBND | Hà Giang, ngày 11 tháng 3 năm 2024 |\n\n"
                    "QUYẾT ĐỊNH\n\nBan hành Kế hoạch phòng, chống dịch bệnh năm 2024\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n"
                    "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống dịch bệnh năm 2024.\n\n"
                    "KẾ HOẠCH\n\nPHÒNG, CHỐNG DỊCH BỆNH NĂM 2024\n\nI. MỤC ĐÍCH\n\n1. Chủ động phòng, chống.\n\n"
                    "II. NHIỆM VỤ\n\n1. Kiểm tra các cơ sở chăn nuôi.\n\n")

# A gazette's task-table header copied one cell a line, each cell wrapped (the thirteenth held-out set's shape).
GAZETTE_TASK_HEAD = "TT\nTên nhiệm vụ\nCơ quan\nchủ trì\nCơ quan\nphối hợp\nKết quả\nThời gian\nhoàn thành\nCăn cứ\nbổ sung\n"


def gazette_resolution(appendix: str) -> str:
    """A made-up government resolution adding tasks to a programme, with ``appendix`` as its appendix table."""
    return ("CHÍNH PHỦ\nSố: 41/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 10 tháng 3 năm 2026\nNGHỊ QUYẾT\nBổ sung nhiệm vụ trong Chương trình hành động của Chính "
            "phủ về phát triển thư viện số\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"
            "QUYẾT NGHỊ:\nĐiều 1. Ban hành kèm theo Nghị quyết này Phụ lục danh mục các nhiệm vụ bổ sung.\n"
            "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
            "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\nNguyễn Văn An\n\nCÔNG BÁO/Số 120/Ngày 20-03-2026\n31\n\n"
            "Phụ lục\nDANH MỤC CÁC NHIỆM VỤ BỔ SUNG\n(Kèm theo Nghị quyết số 41/NQ-CP ngày 10 tháng 3 năm 2026 "
            "của Chính phủ)\n" + appendix)


_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def province_plan(body: str, title: str = "Thực hiện công tác chăm sóc người cao tuổi\n", bases: str | None = None,
                  closing: str = "IV") -> str:
    """A made-up plan of a provincial people's committee, with ``body`` as its sections after the purpose and
    ``closing`` the number of its last section (Tổ chức thực hiện)."""
    if bases is None:
        bases = ("Thực hiện Chỉ thị số 05/CT-TTg ngày 02/3/2025 của Thủ tướng Chính phủ về công tác người cao tuổi, "
                 "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:\n")
    return ("ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\nSố: 77/KH-UBND\n" + _MOTTO +
            "Hòa Bình, ngày 12 tháng 10 năm 2025\nKẾ HOẠCH\n" + title + bases +
            "**I. MỤC ĐÍCH, YÊU CẦU**\n**1. Mục đích**\nNâng cao chất lượng chăm sóc người cao tuổi trên địa bàn tỉnh.\n"
            + body + f"**{closing}. TỔ CHỨC THỰC HIỆN**\nCác sở, ngành, địa phương báo cáo kết quả về Sở Y tế.\n")


def task_agencies(plan) -> list[tuple[str, list[str], list[str]]]:
    """Each task of the drafted plan, depth first: (its text's first 30 characters, its leads, its supports)."""
    out = []

    def walk(ts):
        for t in ts:
            out.append((t.text[:30], [a.name for a in t.leads], [a.name for a in t.supports]))
            walk(t.subtasks)
    walk(plan.tasks)
    return out


def plan_targets(plan) -> list[tuple[int, float, str | None]]:
    """Every target of the drafted plan: (its phase or year, its value, its comparator's name)."""
    return [(t.phase, float(t.value), getattr(t.comparator, "value", t.comparator)) for o in plan.objectives
            for t in o.targets]


def vietnamese_font(size: int):
    """A TrueType font with Vietnamese letters (Debian fonts-dejavu-core or fonts-liberation), for drawing a made-up
    scanned page with Pillow; the test is skipped when Pillow or both fonts are missing."""
    import pytest

    pytest.importorskip("PIL", reason="Pillow draws the test page (pip install pillow)")
    from PIL import ImageFont

    path = next((p for p in ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
                             "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf") if Path(p).exists()),
                None)
    if path is None:
        pytest.skip("no TrueType font with Vietnamese letters to draw the page (fonts-dejavu-core)")
    return ImageFont.truetype(path, size)
