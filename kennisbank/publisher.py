"""The publisher's terms: the licence of the editors' additions and where to report a security
problem (security.txt, RFC 9116). They come from mkdocs.yml ``extra:``, because they belong to
the organisation that publishes the site, not to the content. Pure: callers pass ``extra``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone


class PublisherError(ValueError):
    """A publisher setting that cannot be used; names the key and the value."""


@dataclass(frozen=True)
class Licence:
    key: str  # the SPDX identifier
    name: str  # as Creative Commons names it in Dutch
    url: str


# The licences a publisher may choose for the editors' additions, by SPDX identifier.
LICENCES = {
    licence.key: licence
    for licence in (
        Licence("CC0-1.0", "CC0 1.0 Universeel (publieke domein)", "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"),
        Licence("CC-BY-4.0", "Creative Commons Naamsvermelding 4.0 Internationaal", "https://creativecommons.org/licenses/by/4.0/deed.nl"),
        Licence("CC-BY-SA-4.0", "Creative Commons Naamsvermelding-GelijkDelen 4.0 Internationaal", "https://creativecommons.org/licenses/by-sa/4.0/deed.nl"),
    )
}
# The Dutch central government publishes its own web content and open data under CC0; a publisher
# that wants attribution sets CC-BY-4.0.
DEFAULT_LICENCE = "CC0-1.0"

# what the publisher's addresses must look like (also the accessibility statement's contact and
# the suggestion mail, macros/render_toegankelijkheid.py and macros/pages.py)
EMAIL = re.compile(r"^[^@\s<>()\[\]\\]+@[^@\s<>()\[\]\\]+\.[A-Za-z]{2,}$")
HTTPS = re.compile(r"^https://[^\s<>()\[\]\\]+$")
# RFC 9116 advises an Expires less than a year ahead
SECURITY_TXT_VALID = timedelta(days=364)


def licence(extra: Mapping) -> Licence:
    key = str(extra.get("licentie") or DEFAULT_LICENCE).strip()
    if key not in LICENCES:
        raise PublisherError(f"mkdocs.yml: extra.licentie: unknown licence {key!r}; known: {', '.join(LICENCES)}")
    return LICENCES[key]


def security_contact(extra: Mapping) -> str | None:
    """extra.beveiliging_contact as a security.txt Contact (mailto: or https:), or None when unset."""
    value = str(extra.get("beveiliging_contact") or "").strip()
    if not value:
        return None
    if EMAIL.match(value.removeprefix("mailto:")):
        return "mailto:" + value.removeprefix("mailto:")
    if HTTPS.match(value):
        return value
    raise PublisherError(f"mkdocs.yml: extra.beveiliging_contact: {value!r} is neither an e-mail address nor an https:// address")


def security_policy(extra: Mapping) -> str | None:
    value = str(extra.get("beveiliging_beleid") or "").strip()
    if value and not HTTPS.match(value):
        raise PublisherError(f"mkdocs.yml: extra.beveiliging_beleid: {value!r} is no https:// address")
    return value or None


def check(extra: Mapping) -> None:
    """Every publisher setting readable, or PublisherError for the first that is not."""
    licence(extra), security_contact(extra), security_policy(extra)


def security_txt(extra: Mapping, site_url: str | None, day: date) -> str | None:
    """The text of /.well-known/security.txt, or None without a contact (no file is better than
    one without the one required field)."""
    contact = security_contact(extra)
    if contact is None:
        return None
    expires = datetime.combine(day + SECURITY_TXT_VALID, time(), tzinfo=timezone.utc)
    lines = [
        "# Beveiligingsproblemen met deze website meldt u hier (RFC 9116).",
        f"Contact: {contact}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
    ]
    if site_url:
        lines.append(f"Canonical: {site_url}.well-known/security.txt")
    if policy := security_policy(extra):
        lines.append(f"Policy: {policy}")
    return "\n".join(lines) + "\n"
