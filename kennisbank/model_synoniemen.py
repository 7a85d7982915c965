"""The editors' search words (data/synoniemen.yml): what readers type for what the sources call
otherwise, and the page each leads to. Validated at build start like all content; rendered
(macros/render_zoekwoorden.py) as a hidden paragraph that the post-build step
(exports/searchindex.py) turns into a field of the page's search entry."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import Field, StringConstraints, ValidationError

from .model_base import Strict

FILE = "synoniemen.yml"
# Lower case, letters, digits, spaces, hyphens and apostrophes: what a reader types, nothing the
# search would split or drop differently from the query.
Word = Annotated[str, StringConstraints(pattern=r"^[a-z0-9à-ÿ][a-z0-9à-ÿ' \-]*$")]
STEP = re.compile(r"^([A-Z]\d{1,2})(?:\.\d{1,2})?$")  # the letter must be a phase's: checked below


class Entry(Strict):
    naar: Annotated[str, StringConstraints(min_length=1)]
    """Waar de woorden heen leiden: een handvat (V2), een stap (V2.4) of een pagina onder docs/."""
    woorden: list[Word] = Field(min_length=1)
    """Woorden zoals een lezer ze typt, in kleine letters; elk woord staat bij één doel."""


def load(data_dir: Path, docs_dir: Path, content) -> tuple[dict[str, list[str]], list[str]]:
    """({docs page: its search words}, problems): every target a known recommendation, step or
    page, every word at one target only."""
    path = Path(data_dir) / FILE
    if not path.exists():
        return {}, []
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(raw, list):
        return {}, [f"{FILE}: (file): must be a list of {{naar, woorden}}"]
    steps = {s.id for h in content.handvatten.values() for s in h.steps}
    pages: dict[str, list[str]] = {}
    owner: dict[str, str] = {}
    problems = []
    for n, item in enumerate(raw):
        try:
            entry = Entry.model_validate(item)
        except ValidationError as exc:
            problems += [f"{FILE}: {n}.{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
            continue
        match = STEP.match(entry.naar)
        if match and match.group(1) in content.handvatten and (entry.naar in steps or "." not in entry.naar):
            page = content.handvat(match.group(1)).page
        elif entry.naar.endswith(".md") and (Path(docs_dir) / entry.naar).is_file():
            page = entry.naar
        else:
            problems.append(
                f"{FILE}: {n}.naar: unknown target {entry.naar!r}; a recommendation (V2), a step (V2.4) or a page under docs/"
            )
            continue
        for word in entry.woorden:
            if word in owner:
                problems.append(f"{FILE}: {n}.woorden: {word!r} also leads to {owner[word]}")
            owner[word] = entry.naar
        pages.setdefault(page, []).extend(entry.woorden)
    return pages, problems
