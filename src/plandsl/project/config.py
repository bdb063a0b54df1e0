"""Project configuration: `plandsl.toml` or `[tool.plandsl]` in pyproject.toml.

    # plandsl.toml                      # pyproject.toml
    [rules]                             [tool.plandsl.rules]
    AM001 = "warning"                   AM001 = "warning"
    TX001 = "off"                       TX001 = "off"

Severities: error, warning, info, off. The nearest file, walking up from the
current folder, is used.
"""

from __future__ import annotations

from pathlib import Path

from attrs import field

from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.core.i18n import _
from plandsl.core.records import frozen
from plandsl.language.model import Span

OFF = "off"


@frozen
class Config:
    severities: dict[str, Severity | str] = field(factory=dict)
    path: str | None = None
    diagnostics: tuple[Diagnostic, ...] = ()

    def severity_for(self, code: str) -> Severity | str | None:
        return self.severities.get(code)


def find_config(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in ("plandsl.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and "[tool.plandsl" not in candidate.read_text("utf-8", "replace"):
                    continue
                return candidate
    return None


def load_config(path: Path | None = None, known_codes: set[str] | None = None) -> Config:
    path = path or find_config()
    if path is None:
        return Config()
    import tomllib  # only when a configuration file is there (~4 ms to import)

    where = Span(str(path), 1, 1, 1, 1)
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Config(path=str(path), diagnostics=(
            Diagnostic("CFG001", Severity.ERROR, _("cannot read the configuration: {error}").format(error=exc), where,
                       hint=_("Fix the TOML syntax; rule settings go under [rules]."), name="config"),))
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("plandsl", {})
    rules = data.get("rules", {})
    severities: dict[str, Severity | str] = {}
    diags: list[Diagnostic] = []
    for code, value in rules.items() if isinstance(rules, dict) else ():
        if known_codes is not None and code not in known_codes:
            from plandsl.core.suggest import did_you_mean

            diags.append(Diagnostic("CFG002", Severity.ERROR,
                                    _("unknown rule code '{code}' in the configuration").format(code=code),
                                    where, hint=did_you_mean(code, known_codes), name="config"))
            continue
        word = str(value).strip().lower()
        sev = OFF if word == OFF else Severity.parse(word)
        if sev is None:
            diags.append(Diagnostic("CFG003", Severity.ERROR,
                                    _("'{value}' is not a severity (rule {code})").format(value=value, code=code), where,
                                    hint=_("Use one of: error, warning, info, off."), name="config"))
            continue
        severities[code] = sev
    if isinstance(data, dict) and "max_file_size" in data:
        from plandsl.core.limits import SETTING, parse_size

        if parse_size(data[SETTING]) is None:  # the limit then stays at its default
            diags.append(Diagnostic("CFG004", Severity.ERROR,
                                    _("'{value}' is not a file size (max_file_size)").format(value=data[SETTING]),
                                    where, hint=_('Write a size such as "20 MB", "512 KB" or 20000000 (bytes).'),
                                    name="config"))
    return Config(severities, str(path), tuple(diags))
