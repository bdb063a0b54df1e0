"""Page rendering shared by the server and the static site: the Jinja environment
(autoescaped) and the links, which are absolute URLs on the server and relative
file names in the static site."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote, urlencode

from plandsl.web.strings import translate

DOWNLOADS = ("docx", "html", "md")


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("plandsl.web", "templates"),
                      autoescape=select_autoescape(("html", "j2"), default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env


class ServerLinks:
    """Stable URLs of the server; ``?lang=`` kept when it differs from the default."""

    static_site = False

    def __init__(self, lang: str, default_lang: str) -> None:
        self.lang = lang
        self.default_lang = default_lang

    def _q(self, **params) -> str:
        if self.lang != self.default_lang:
            params.setdefault("lang", self.lang)
        params = {k: v for k, v in params.items() if v is not None}
        return "?" + urlencode(params) if params else ""

    def home(self, **params) -> str:
        return "/" + self._q(**params)

    def plan(self, plan_id: str, anchor: str | None = None) -> str:
        return f"/plans/{quote(plan_id, safe='')}{self._q()}" + (f"#{anchor}" if anchor else "")

    def matrix(self, plan_id: str, ext: str = "") -> str:
        return f"/matrix/{quote(plan_id, safe='')}{ext}{self._q()}"

    def download(self, plan_id: str, fmt: str) -> str:
        return f"/plans/{quote(plan_id, safe='')}.{fmt}{self._q()}"

    def static(self, name: str) -> str:
        return f"/static/{name}"

    def switch_lang(self, lang: str, path: str) -> str:
        return f"{path}?{urlencode({'lang': lang})}"

    def edit(self, rel: str) -> str:
        return f"/edit/{quote(rel)}{self._q()}"

    def history(self, rel: str) -> str:
        return f"/history/{quote(rel)}{self._q()}"

    def new(self, parent: str | None = None) -> str:
        return "/new" + self._q(parent=parent)

    def search(self) -> str:
        return "/search"

    def subtree(self, plan_id: str) -> str:
        return f"/tree/{quote(plan_id, safe='')}{self._q()}"


class SiteLinks:
    """Relative links between the files of a static site, from a page ``depth`` folders down."""

    static_site = True

    def __init__(self, lang: str, depth: int = 0) -> None:
        self.lang = lang
        self.up = "../" * depth

    def at(self, depth: int) -> "SiteLinks":
        return SiteLinks(self.lang, depth)

    def home(self, **params) -> str:
        return self.up + "index.html"

    def plan(self, plan_id: str, anchor: str | None = None) -> str:
        return f"{self.up}plans/{quote(plan_id, safe='')}.html" + (f"#{anchor}" if anchor else "")

    def matrix(self, plan_id: str, ext: str = "") -> str:
        return f"{self.up}matrix/{quote(plan_id, safe='')}{ext or '.html'}"

    def download(self, plan_id: str, fmt: str) -> str:
        return f"{self.up}downloads/{quote(plan_id, safe='')}.{fmt}"

    def static(self, name: str) -> str:
        return f"{self.up}static/{name}"

    def switch_lang(self, lang: str, path: str) -> str:
        return ""

    def edit(self, rel: str) -> str:
        return ""

    def history(self, rel: str) -> str:
        return ""

    def new(self, parent: str | None = None) -> str:
        return ""

    def search(self) -> str:
        return ""

    def subtree(self, plan_id: str) -> str:
        return ""


def render_page(name: str, links, lang: str, **context) -> str:
    env = environment()

    def t(message: str) -> str:
        return translate(message, lang)

    context.setdefault("edit_mode", False)
    context.setdefault("csrf", "")
    context.setdefault("path", "/")
    context.setdefault("importer", False)
    return env.get_template(name).render(t=t, lang=lang, links=links, **context)
