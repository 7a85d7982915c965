"""The search words (data/synoniemen.yml and data/zoekwoorden/<rol>.yml): what readers type for
what the sources call otherwise, and the recommendation, step, card or page each leads to.

``synoniemen.yml`` holds the editors' words per recommendation or page. Each file under
``zoekwoorden/`` holds the words of one role (politie, jongerenwerk, gemeente, sociaal-domein,
bestuurder, trainer), written per item from that role's description (``wie``) as README.md ("How
the search words were made") and REDACTIE.md describe. Validated at build start like all
content; rendered (macros/render_zoekwoorden.py) as a hidden paragraph on their page, and put by
the post-build step (exports/searchindex.py) into the search entry they lead to: a step's words
into the step's own entry, the others into the page's."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints, ValidationError

from .frontmatter import is_docs_page
from .model_base import Strict
from .reading import ReadError, control_characters, load_yaml

FILE = "synoniemen.yml"
ROLES = "zoekwoorden"  # data/zoekwoorden/<rol>.yml: one file per role
# Lower case, letters, digits, spaces, hyphens and apostrophes: what a reader types, nothing the
# search would split or drop differently from the query.
Word = Annotated[str, StringConstraints(pattern=r"^[a-z0-9à-ÿ][a-z0-9à-ÿ' \-]*$")]
STEP = re.compile(r"^([A-Z]\d{1,2})(?:\.\d{1,2})?$")  # the letter must be a phase's: checked below


class Entry(Strict):
    naar: Annotated[str, StringConstraints(min_length=1)]
    """Waar de woorden heen leiden: een handvat (V2), een stap (V2.4: de stap zelf wordt gevonden)
    of een pagina onder docs/ (een kaart, een cursus, een pagina van een handreiking)."""
    woorden: list[Word] = Field(min_length=1)
    """Woorden zoals een lezer ze typt, in kleine letters; binnen één bestand staat elk woord bij één doel."""


class RoleFile(Strict):
    rol: Annotated[str, StringConstraints(min_length=1)]
    """De rol van wie de woorden typt, zoals ‘Politie en handhaving’."""
    wie: Annotated[str, StringConstraints(min_length=1)]
    """Wie dat is en hoe die zoekt: de beschrijving waaruit de woorden per stap geschreven zijn."""
    woorden: list[Entry] = Field(min_length=1)
    """Per handvat, stap, kaart, cursus of pagina de woorden die deze rol ervoor typt."""


@dataclass
class SearchWords:
    """The words by where they lead. ``pages``: every word shown (hidden) on a docs page, its steps'
    included; ``page_entries``: the words of a page's own search entry; ``steps``: a step's."""

    pages: dict[str, list[str]] = field(default_factory=dict)
    page_entries: dict[str, list[str]] = field(default_factory=dict)
    steps: dict[str, list[str]] = field(default_factory=dict)

    def add(self, page: str, step: str | None, words: list[str]) -> None:
        held = self.steps.setdefault(step, []) if step else self.page_entries.setdefault(page, [])
        for where in (self.pages.setdefault(page, []), held):
            where.extend(w for w in dict.fromkeys(words) if w not in where)


def _files(data_dir: Path) -> list[tuple[Path, str, bool]]:
    """(path, how messages name it, whether it is a role file), the editors' file first."""
    roles = sorted((data_dir / ROLES).glob("*.yml")) if (data_dir / ROLES).is_dir() else []
    return [(data_dir / FILE, f"data/{FILE}", False)] + [(p, f"data/{ROLES}/{p.name}", True) for p in roles]


def _entries(path: Path, where: str, is_role: bool) -> tuple[list[tuple[str, Entry]], list[str]]:
    """((location in the file, entry), problems) of one file."""
    try:
        raw = load_yaml(path, where)
    except ReadError as exc:
        return [], [str(exc)]
    if raw is None or raw == []:
        return [], [f"{where}: (file): the file is empty; it must list the search words ({{naar, woorden}})"]
    problems = control_characters(raw, where)
    if is_role:
        try:
            return [(f"woorden.{n}", e) for n, e in enumerate(RoleFile.model_validate(raw).woorden)], problems
        except ValidationError as exc:
            return [], problems + [f"{where}: {'.'.join(map(str, e['loc'])) or '(file)'}: {e['msg']}" for e in exc.errors()]
    if not isinstance(raw, list):
        return [], problems + [f"{where}: (file): must be a list of {{naar, woorden}}"]
    entries = []
    for n, item in enumerate(raw):
        try:
            entries.append((str(n), Entry.model_validate(item)))
        except ValidationError as exc:
            problems += [f"{where}: {n}.{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
    return entries, problems


def load(data_dir: Path, docs_dir: Path, content) -> tuple[SearchWords, list[str]]:
    """(the search words by where they lead, problems): every target a known recommendation, step
    or page, every word of a file at one target only."""
    data_dir = Path(data_dir)
    found = SearchWords()
    problems: list[str] = []
    steps = {s.id for h in content.handvatten.values() for s in h.steps}
    for path, where, is_role in _files(data_dir):
        if not path.exists():
            continue
        entries, file_problems = _entries(path, where, is_role)
        problems += file_problems
        owner: dict[str, str] = {}
        for place, entry in entries:
            match = STEP.match(entry.naar)
            if match and match.group(1) in content.handvatten and (entry.naar in steps or "." not in entry.naar):
                page, step = content.handvat(match.group(1)).page, entry.naar if "." in entry.naar else None
            elif is_docs_page(docs_dir, entry.naar):
                page, step = entry.naar, None
            else:
                problems.append(
                    f"{where}: {place}.naar: unknown target {entry.naar!r}; a recommendation (V2), a step (V2.4) or a page under docs/"
                )
                continue
            for word in entry.woorden:
                if owner.get(word, entry.naar) != entry.naar:
                    problems.append(f"{where}: {place}.woorden: {word!r} also leads to {owner[word]}")
                owner[word] = entry.naar
            found.add(page, step, entry.woorden)
    return found, problems
