"""The changelog (data/wijzigingen.yml): one entry per version, newest first.

Shape and order are checked with the rest of the data (``check_changelog``); the ids an entry
names are checked against the content by ``model.load`` and its pages against docs/ and the
version in mkdocs.yml when the build starts (``check_site``). What an entry names, for readers,
is derived from the content: kennisbank.changelog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .frontmatter import is_docs_page
from .model_base import Strict, Text

Version = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+)*$")]


class ChangelogEntry(Strict):
    """Een versie van de kennisbank: wanneer, wat er veranderde en welke pagina's het raakt."""

    version: Version
    """Het versienummer, tussen aanhalingstekens (bijvoorbeeld "0.2"). Gelijk aan `extra.versie` in mkdocs.yml voor de nieuwste versie."""
    date: Annotated[date, Field(strict=False)]
    """De datum van de versie als jjjj-mm-dd (bijvoorbeeld 2026-12-01); niet eerder dan de datum van de vorige versie."""
    title: Text
    """Eén zin: wat deze versie brengt. Kop op de pagina Wijzigingen en titel in de feed."""
    changes: list[Text] = Field(min_length=1)
    """Wat er veranderd is, één punt per wijziging, in gewone zinnen voor lezers."""
    ids: list[Text] = []
    """Wat de wijziging raakt: een handvat (V2), een stap (V2.4), een cursus (masterclass-wraakbeteugeling) of een pagina (woordenlijst.md, pad onder docs/)."""
    all_pages: bool = False
    """true als de versie de hele kennisbank betreft (zoals de eerste versie): elke pagina krijgt dan deze datum als ‘Laatst gewijzigd’, zonder melding bovenaan."""

    @model_validator(mode="after")
    def _touches_something(self) -> "ChangelogEntry":
        if not self.ids and not self.all_pages:
            raise ValueError("name what the version changed in 'ids' (or set all_pages: true)")
        return self


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def check_order(entries: list[tuple[str, ChangelogEntry]], where: str) -> list[str]:
    """Newest first: every version higher than the next, its date not before the next one's."""
    problems = []
    for (label, entry), (older_label, older) in zip(entries, entries[1:]):
        if version_key(entry.version) <= version_key(older.version):
            problems.append(
                f"{where}: {label}: version: {entry.version} stands above {older.version}; "
                "newest first, each version higher than the one below it"
            )
        elif entry.date < older.date:
            problems.append(
                f"{where}: {label}: date: {entry.date.isoformat()} is before {older.date.isoformat()}, "
                f"the date of the previous version {older.version}"
            )
    return problems


def check_site(entries: list[ChangelogEntry], docs_dir: Path, version: str, where: str = "data/wijzigingen.yml") -> list[str]:
    """What only the build knows: the pages under docs/ and the version in mkdocs.yml."""
    problems = []
    for n, entry in enumerate(entries):
        for page in entry.ids:
            if page.endswith(".md") and not is_docs_page(docs_dir, page):
                problems.append(f"{where}: {n} ({entry.version}): ids: no page {page!r} under docs/")
    versions = [e.version for e in entries]
    if not versions:
        problems.append(f"{where}: (file): no entry; the first one is for version {version}")
    elif version not in versions:
        problems.append(
            f"mkdocs.yml: extra.versie: version {version!r} has no entry in {where}; "
            "add one at the top (version, date, title, changes, ids)"
        )
    elif versions[0] != version:
        problems.append(
            f"mkdocs.yml: extra.versie: version {version!r} is not the newest entry of {where} ({versions[0]})"
        )
    return problems
