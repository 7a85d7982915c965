"""The accessibility statement's own facts (docs/toegankelijkheid.md): who publishes the site,
where to report a problem, and the date of the statement. They come from mkdocs.yml ``extra:``,
because they belong to the organisation that publishes the site, not to the content.

Until that organisation fills them in, the keys hold placeholders in square brackets, which the
page shows as they are. A build for publication (PUBLISH=1) refuses a placeholder or an unset
key, with one line per key. Pure: the caller passes the settings and the environment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from kennisbank.dates import dutch_date
from kennisbank.publisher import EMAIL, HTTPS as WEB
from .render_text import esc

# key in mkdocs.yml extra -> (what it holds, the placeholder an unset key shows outside publication)
FIELDS: dict[str, tuple[str, str]] = {
    "organisatie": ("the name of the organisation that publishes this site", "[naam organisatie]"),
    "contact": ("the address where visitors report a problem (an e-mail address or an https:// address)", "[e-mailadres of webadres voor meldingen]"),
    "toegankelijkheid_datum": ("the date of the accessibility statement (YYYY-MM-DD)", "[datum]"),
}
PLACEHOLDER = re.compile(r"\[[^\]]*\]")


class SettingsError(ValueError):
    """Statement settings that cannot be published; one line per key."""


@dataclass(frozen=True)
class Statement:
    organisation: str
    contact: str
    date: date | None  # None: not set yet (a placeholder)


def publishing(environ: Mapping[str, str]) -> bool:
    """A build for publication: PUBLISH=1 in the environment."""
    return environ.get("PUBLISH", "").strip() == "1"


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(_text(value))
    except ValueError:
        return None


def settings(extra: Mapping, publish: bool) -> Statement:
    """The statement's facts from mkdocs.yml ``extra``; raises SettingsError naming each bad key.

    Outside publication an unset key shows its placeholder; a set value must still make sense
    (a contact address is an e-mail or web address, a date is a date)."""
    problems, values = [], {}
    for key, (what, placeholder) in FIELDS.items():
        value = _text(extra.get(key))
        where = f"mkdocs.yml extra.{key}"
        if not value:
            if publish:
                problems.append(f"{where}: not set; a build for publication (PUBLISH=1) needs {what}")
            value = placeholder
        elif PLACEHOLDER.search(value):
            if publish:
                problems.append(f"{where}: still the placeholder {value!r}; a build for publication (PUBLISH=1) needs {what}")
        elif key == "contact" and not (EMAIL.match(value) or WEB.match(value)):
            problems.append(f"{where}: {value!r} is neither an e-mail address nor an https:// address")
        elif key == "toegankelijkheid_datum" and _date(extra.get(key)) is None:
            problems.append(f"{where}: {value!r} is not a date; write it as YYYY-MM-DD")
        values[key] = value
    if problems:
        raise SettingsError("\n".join(problems))
    day = None if PLACEHOLDER.search(values["toegankelijkheid_datum"]) else _date(extra.get("toegankelijkheid_datum"))
    return Statement(values["organisatie"], values["contact"], day)


def render_field(statement: Statement, key: str) -> str:
    """One fact as inline Markdown: the organisation, the contact address (a link) or the date."""
    if key == "organisatie":
        return esc(statement.organisation)
    if key == "contact":
        address = statement.contact
        if EMAIL.match(address):
            return f"[{esc(address)}](mailto:{address})"
        if WEB.match(address):
            return f"[{esc(address)}]({address})"
        return esc(address)  # a placeholder, shown as it is
    if key == "datum":
        return dutch_date(statement.date) if statement.date else esc(FIELDS["toegankelijkheid_datum"][1])
    raise KeyError(f"unknown statement field {key!r}; known: organisatie, contact, datum")
