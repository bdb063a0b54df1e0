"""A signed PDF whose number and day were stamped by the digital signature apart from the header (after the
twenty-third set): "Số:            /KH-UBND" and "Đồng Tháp, ngày        tháng        năm 2026" at the top, blank, and
the stamp's "831", "07", "6" alone on three lines of their own further on (at the first page's foot). Read only when
it is sure: both slots blank, and exactly one run of three lone numbers (number, day, month; a real date with the
slot's year) on three lines right after each other, early in the text, with no lone number right before or after."""

from __future__ import annotations

import re

from plandsl.core.i18n import _
from plandsl.importer.draft import Instrument, Val
from plandsl.importer.extract.context import Context
from plandsl.importer.extract.patterns import make_date

_BLANK_NUMBER = re.compile(r"^Số\s*:?\s*/\s*(?P<code>[A-ZĐ]{1,10}(?:-[A-ZĐ0-9]{1,12})+)\s*$")
_BLANK_DATE = re.compile(r"^(?P<place>[A-ZĐÀ-Ỹ][^\d,;:]{1,40}),\s*ngày\s+tháng\s+năm\s+(?P<year>(?:19|20)\d\d)\s*$")
_LONE = re.compile(r"^\d{1,5}$")
_AT = re.compile(r"^(?P<page>.*?)(?P<n>\d+)$")  # "line 39" (in the reader's language), "page 2, line 5"
_EARLY = 80  # the stamp stands at the first page's foot


def stamped_instrument(ctx: Context, top) -> None:
    """The instrument (number and date) and place of a plan whose header has a blank number and date slot and whose
    signature stamp's number, day and month stand alone further on; the stamp's lines are placed."""
    d = ctx.draft
    slot = next((z for z in top if _BLANK_NUMBER.match(z.line.text.strip())), None)
    day_slot = next((z for z in top if _BLANK_DATE.match(z.line.text.strip())), None)
    if d.instrument is not None or slot is None or day_slot is None:
        return
    lone = {}
    for z in ctx.zoned:
        at = _AT.search(z.line.where)
        if at and z.line.no <= _EARLY and _LONE.match(z.line.text.strip()):
            lone[(at["page"], int(at["n"]))] = z
    runs = [(p, n) for p, n in lone if all((p, n + k) in lone for k in (1, 2)) and (p, n - 1) not in lone
            and (p, n + 3) not in lone]
    if len(runs) != 1:
        return
    number, day, month = (lone[(runs[0][0], runs[0][1] + k)] for k in range(3))
    date = make_date(int(day.line.text), int(month.line.text), int(_BLANK_DATE.match(day_slot.line.text.strip())["year"]))
    if date is None or int(number.line.text) == 0 or number.line.text.strip().startswith("0"):
        return
    d.instrument = Instrument(f"{number.line.text.strip()}/{_BLANK_NUMBER.match(slot.line.text.strip())['code']}", date,
                              slot.line.where, _("number and date from the signature stamp ({where}), the header's "
                                                 "slots blank").format(where=number.line.where))
    d.place = Val(_BLANK_DATE.match(day_slot.line.text.strip())["place"].strip(), day_slot.line.where)
    ctx.place(slot, day_slot, number, day, month)
