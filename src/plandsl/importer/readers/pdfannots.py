"""Text a PDF draws in its annotations' appearances (a digital signature's stamped number and day).

A signed Vietnamese document often leaves "Số:      /KH-UBND" and "ngày    tháng    năm 2026" blank in its text and
has the signing software stamp the number, the day and the month as signature widgets: each an annotation whose
appearance stream (a form XObject, often nested: /FRM -> /n2) draws "173", "28", "4" over the blanks. pypdf's
layout mode reads only the page's own content stream, so they were dropped. On a page with such annotations the
appearances are inlined (``q <rect mapping> cm <form matrix> cm … Q``, their fonts under new names) and laid out
with the page's text pieces (pypdf's layout-mode steps); a stamped text over a blank of a piece fills that blank.
"""

from __future__ import annotations

import re
from typing import Any

_MAX_DEPTH = 6


def layout_text(page: Any) -> str:
    """The page's layout text (pypdf's layout mode) with its annotations' stamped text put in place: a figure drawn
    over a blank of the header's text ("Số:            /KH-UBND") fills that blank ("Số: 173/KH-UBND"); any other
    annotation text is laid out with the page's. Falls back to pypdf's own layout text on any failure."""
    try:
        extra, fonts = _stamp_ops(page)
        if extra:
            return _with_stamps(page, extra, fonts)
    except Exception:  # noqa: BLE001 - pypdf's layout internals vary between versions; read as before
        pass
    return page.extract_text(extraction_mode="layout") or ""


def _stamp_ops(page: Any) -> tuple[list, dict]:
    """The drawing operations of the page's visible annotations' appearances, each mapped onto its rectangle, and
    the fonts they use under new names."""
    from pypdf.generic import FloatObject, StreamObject

    annots = page.get("/Annots")
    fonts: dict[str, Any] = {}
    extra: list[tuple[list, bytes]] = []
    for ref in (annots.get_object() if annots is not None else []):
        annot = ref.get_object()
        if not isinstance(annot, dict) or int(annot.get("/F", 0)) & (2 | 32):  # hidden or no-view
            continue
        appearance = annot.get("/AP")
        normal = appearance.get_object().get("/N") if appearance is not None else None
        normal = normal.get_object() if normal is not None else None
        if normal is not None and not isinstance(normal, StreamObject):  # one stream per state (a check box)
            state = annot.get("/AS")
            normal = normal[state].get_object() if state is not None and state in normal else None
        if not isinstance(normal, StreamObject) or "/Rect" not in annot:
            continue
        ops = _inline(normal, page.pdf, fonts, 0)
        mapping = _rect_mapping(normal, [float(v) for v in annot["/Rect"]])
        if mapping is None or not any(op in (b"Tj", b"TJ", b"'", b'"') for _, op in ops):
            continue
        extra += [([], b"q"), ([FloatObject(v) for v in mapping], b"cm"), *ops, ([], b"Q")]
    return extra, fonts


def _with_stamps(page: Any, extra: list, fonts: dict) -> str:
    from pypdf._text_extraction import _layout_mode as layout
    from pypdf.generic import ByteStringObject, ContentStream, FloatObject, NameObject
    from pypdf.generic._font import Font

    known = page._layout_mode_fonts()
    for name, font in fonts.items():
        known[name] = Font.from_font_resource(font.get_object())
    contents = page.get("/Contents")
    base_ops = ContentStream(contents.get_object(), page.pdf, "bytes").operations if contents is not None else []
    # The layout mode shifts every x by the leftmost one: a blank piece far to the left in both sets puts the page's
    # pieces and the stamps' on the same x scale; it is then taken out again.
    anchor = [([], b"BT"), ([NameObject(next(iter(known))), FloatObject(1)], b"Tf"),
              ([FloatObject(v) for v in (1, 0, 0, 1, -1e5, 0)], b"Tm"), ([ByteStringObject(b" ")], b"Tj"), ([], b"ET")]
    base = _unanchored(layout.text_show_operations(iter([*anchor, ([], b"q"), *base_ops, ([], b"Q")]), known, True,
                                                   None))
    stamps = _unanchored(layout.text_show_operations(iter([*anchor, *extra]), known, True, None))
    groups = list(base)
    fills: dict[int, list] = {}
    for stamp in stamps:
        text = stamp["text"].strip()
        if not text:
            continue
        host = next((k for k, g in enumerate(base) if re.search(r"\S\s{2,}\S", g["text"])
                     and abs(g["ty"] - stamp["ty"]) < max(g["font_height"], 1)
                     and g["tx"] <= stamp["tx"] <= g["displaced_tx"]), None)
        if host is None:
            groups.append(stamp)
        else:
            fills.setdefault(host, []).append((stamp["tx"], text))
    for k, stamped in fills.items():
        groups[k] = dict(groups[k], text=_fill(groups[k], stamped))
    if not groups:
        return ""
    left = min(g["tx"] for g in groups)
    groups = [dict(g, tx=g["tx"] - left, displaced_tx=g["displaced_tx"] - left) for g in groups]
    groups.sort(key=lambda g: (g["ty"] * g["flip_sort"], -g["tx"]), reverse=True)
    lines = layout.y_coordinate_groups(groups, None)
    return layout.fixed_width_page(lines, layout.fixed_char_width(groups, 1.25), True, 1)


def _unanchored(groups: list) -> list:
    """The pieces without the anchor (the leftmost piece, 1e5 points left of the page)."""
    at = min(range(len(groups)), key=lambda k: groups[k]["tx"])
    if groups[at]["tx"] != 0 or any(g["tx"] < 5e4 for n, g in enumerate(groups) if n != at):
        raise ValueError("no anchor")
    return groups[:at] + groups[at + 1:]


def _fill(group: dict, stamped: list[tuple[float, str]]) -> str:
    """A text piece's blanks (runs of two spaces or more between words) filled with the stamped texts, each in the
    blank nearest its position (the piece's width shared out by characters)."""
    text = group["text"]
    runs = [m for m in re.finditer(r"(?<=\S)\s{2,}(?=\S)", text)]
    span = (group["displaced_tx"] - group["tx"]) or 1.0
    chosen: dict[int, list[str]] = {}
    for tx, piece in sorted(stamped):
        at = (tx - group["tx"]) / span * len(text)
        best = min(range(len(runs)), key=lambda n: 0 if runs[n].start() <= at <= runs[n].end()
                   else min(abs(at - runs[n].start()), abs(at - runs[n].end())))
        chosen.setdefault(best, []).append(piece)
    out, last = [], 0
    for n, run in enumerate(runs):
        if n in chosen:
            after = text[run.end():run.end() + 1]
            out += [text[last:run.start()], " ", " ".join(chosen[n]), "" if after in "/-" else " "]
            last = run.end()
    return "".join(out) + text[last:]


def _matrix(form: Any) -> list[float]:
    return [float(v) for v in form.get("/Matrix", [1, 0, 0, 1, 0, 0])]


def _rect_mapping(form: Any, rect: list[float]) -> list[float] | None:
    """The matrix that maps the form's bounding box (after its /Matrix) onto the annotation's rectangle (PDF 12.5.5)."""
    try:
        x0, y0, x1, y1 = (float(v) for v in form["/BBox"])
    except (KeyError, TypeError, ValueError):
        return None
    a, b, c, d, e, f = _matrix(form)
    xs, ys = [], []
    for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    bw, bh = max(xs) - min(xs), max(ys) - min(ys)
    rx0, ry0, rx1, ry1 = min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3])
    if bw <= 0 or bh <= 0:
        return None
    sx, sy = (rx1 - rx0) / bw, (ry1 - ry0) / bh
    return [sx, 0.0, 0.0, sy, rx0 - sx * min(xs), ry0 - sy * min(ys)]


def _inline(form: Any, pdf: Any, fonts: dict[str, Any], depth: int) -> list[tuple[list, bytes]]:
    """A form XObject's operations with its nested forms drawn in place and its fonts renamed into ``fonts``."""
    from pypdf.generic import ContentStream, FloatObject, NameObject

    if depth > _MAX_DEPTH:
        return []
    resources = form.get("/Resources")
    resources = resources.get_object() if resources is not None else {}
    font_res = resources.get("/Font")
    font_res = font_res.get_object() if font_res is not None else {}
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else {}
    renamed: dict[str, str] = {}
    out: list[tuple[list, bytes]] = []
    for operands, op in ContentStream(form, pdf, "bytes").operations:
        if op == b"Tf" and operands and operands[0] in font_res:
            name = renamed.setdefault(operands[0], f"/PlandslAp{len(fonts) + len(renamed)}")
            fonts[name] = font_res.raw_get(operands[0]) if hasattr(font_res, "raw_get") else font_res[operands[0]]
            out.append(([NameObject(name), *operands[1:]], op))
        elif op == b"Do":
            inner = xobjects.get(operands[0]) if operands else None
            inner = inner.get_object() if inner is not None else None
            if inner is not None and inner.get("/Subtype") == "/Form":
                out += [([], b"q"), ([FloatObject(v) for v in _matrix(inner)], b"cm"),
                        *_inline(inner, pdf, fonts, depth + 1), ([], b"Q")]
        elif op == b"INLINE IMAGE":
            continue
        else:
            out.append((operands, op))
    return out
