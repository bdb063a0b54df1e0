"""Builders for the import tests: a seed text written as a DOCX with the two-column header
table (python-docx), as a PDF (LibreOffice), in a legacy encoding (TCVN3, VNI)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from plandsl.importer.readers import legacy


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


__all__ = ["write_docx", "convert", "soffice", "to_tcvn3", "to_vni", "seed_lines", "os"]
