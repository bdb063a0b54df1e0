"""`plandsl registry units|agencies`: browse the jurisdiction and agency registries."""

from __future__ import annotations

import datetime as dt
import json

import click
from plandsl.core.i18n import _, pick

LEVELS = ["national", "ministry", "province", "district", "commune"]


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(_("'{value}' is not a date (YYYY-MM-DD)").format(value=value), param_hint="--date")


def _table(headers: list[str], rows: list[list[str]], title: str) -> None:
    from plandsl.cli.common import use_colour

    if use_colour():
        from rich.console import Console
        from rich.table import Table

        table = Table(*headers, title=title)
        for row in rows:
            table.add_row(*row)
        Console().print(table)
        return
    click.echo(title)
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    click.echo("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
    for row in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())


def _status(status: str) -> str:
    """A lookup status in the language of messages (the JSON output keeps the plain code)."""
    words = {"found": _("found"), "ambiguous": _("ambiguous"), "defunct": _("defunct"), "not_yet": _("not yet"),
             "not_found": _("not found"), "known": _("known"), "unknown": _("unknown"),
             "wrong_level": _("wrong level"), "list": _("list")}
    return words.get(status, status)


def _fail(exc: Exception) -> None:
    click.echo(f"plandsl registry: {exc}", err=True)
    raise SystemExit(2)


@click.group()
def registry() -> None:
    """Look up jurisdictions (provinces, districts, communes) and agency types."""


@registry.command()
@click.argument("query", required=False)
@click.option("--level", type=click.Choice(["province", "district", "commune"]), default=None,
              help="Unit level (default: province when listing, any when searching).")
@click.option("--date", "on_date", default=None, help="Date the name is used on (YYYY-MM-DD); "
              "before 2025-07-01 the legacy structure applies.")
@click.option("--legacy", is_flag=True, help="Use the legacy structure (63 provinces, districts).")
@click.option("--province", default=None, help="Only units inside this province.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def units(query: str | None, level: str | None, on_date: str | None, legacy: bool, province: str | None,
          fmt: str) -> None:
    """List units, or look QUERY up ('Huyện An Lão, Tỉnh Bình Định', a code)."""
    from plandsl.registry import jurisdictions as J
    from plandsl.registry.model import RegistryError, is_legacy_date

    date = _date(on_date)
    if legacy and date is None:
        date = dt.date(2025, 6, 30)
    try:
        if query:
            result = J.lookup(query, level, date, province)
            found, status, hint = list(result.matches), result.status, result.hint
        else:
            era_legacy = legacy or (date is not None and is_legacy_date(date))
            found = list(J.iter_units(level or "province", era_legacy, province))
            status, hint = "list", None
    except (RegistryError, ValueError) as exc:
        _fail(exc)
    if fmt == "json":
        click.echo(json.dumps({"query": query, "status": status, "hint": hint,
                               "units": [u.to_dict() for u in found]}, ensure_ascii=False, indent=2))
        return
    legacy_word, current_word = _("legacy"), _("current")
    rows = [[u.code, u.name, pick(u.level.en, u.level.vi), u.province_name if u.level.en != "province" else "",
             legacy_word if u.legacy else current_word, u.successor_name or "" if u.legacy else ""] for u in found]
    _table([_("code"), _("name"), _("level"), _("province"), _("structure"), _("now part of")], rows,
           f"{_status(status)}: {query}" if query else _("{n} units").format(n=len(rows)))
    if hint and status != "found":  # a single match answers the question: no did-you-mean after it
        click.echo(hint)
    if query and status == "not_found":
        raise SystemExit(1)


@registry.command()
@click.argument("query", required=False)
@click.option("--level", type=click.Choice(LEVELS), default=None, help="Level of the plan.")
@click.option("--date", "on_date", default=None, help="Date of the plan (YYYY-MM-DD) [default: today].")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def agencies(query: str | None, level: str | None, on_date: str | None, fmt: str) -> None:
    """List agency types, or match QUERY ('Sở LĐ-TB&XH tỉnh Quảng Ngãi')."""
    from plandsl.language.model import Level
    from plandsl.registry.agencies import AgencyRegistry
    from plandsl.registry.model import RegistryError

    date = _date(on_date) or dt.date.today()  # successors and split functions as of today unless --date
    lv = Level.lookup(level) if level else None
    try:
        reg = AgencyRegistry.load()
        if query:
            matches = [reg.match(query, lv, date)]
        else:
            matches = [reg.status_of(t, lv, date) for t in reg.types
                       if lv is None or t.has_level(lv)]
    except RegistryError as exc:
        _fail(exc)
    if fmt == "json":
        click.echo(json.dumps([m.to_dict() for m in matches], ensure_ascii=False, indent=2))
    else:
        yes, no = _("yes"), _("no")
        rows = [[m.id or "", m.name or "", _status(m.status), yes if m.assignable else ("" if m.type is None else no),
                 (m.type.valid_to.isoformat() if m.type and m.type.valid_to else ""),
                 m.successor_name or "",
                 "; ".join(f"{scope} -> {name}" for name, scope in (m.also_to or ()))] for m in matches]
        _table([_("id"), _("name"), _("status"), _("assignable"), _("valid to"), _("successor"),
                _("functions moved to")], rows,
               (_("agencies matching '{query}' on {date}") if query else _("{n} agency types on {date}")).format(
                   query=query, n=len(rows), date=date.isoformat()))
        for m in matches if query else []:
            if m.hint:
                click.echo(m.hint)
    if query and matches[0].status == "unknown":
        raise SystemExit(1)
