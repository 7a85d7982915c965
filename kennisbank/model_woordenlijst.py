"""The glossary: terms and abbreviations, defined by the sources or (marked) by the editors."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints, model_validator

from .model_base import Strict, Text

SOURCE_FILES = {
    "interventies-cyclus-online-aangejaagd-geweld.txt",
    "trainingen-publieksagressie.txt",
    "handreiking-trainingsaanbod-ondermijning.txt",
    "masterclass-wraakbeteugeling.txt",
    "training-intimidatie-bedreiging-bestuurders.txt",
}


class Term(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    term: Text
    abbreviation: bool = False
    full: Text | None = None
    definition: Text
    source: Text
    defined_in_source: bool
    editorial: bool
    see: list[str] = []
    aliases: list[Text] = []
    # A study or publication of data/bronnen.yml (its id, which is its anchor on the Bronnen page):
    # the entry links there. MkDocs checks the anchor when it builds the glossary page.
    sources_entry: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")] | None = None

    @model_validator(mode="after")
    def _consistent(self):
        if self.abbreviation and not self.full:
            raise ValueError("an abbreviation needs its full form in 'full'")
        if self.defined_in_source == self.editorial:
            raise ValueError("a definition is either the source's own (defined_in_source) or the editors' (editorial)")
        if self.source not in SOURCE_FILES:
            raise ValueError(f"unknown source file {self.source!r}")
        return self


def check_glossary(terms: list[Term], where: str) -> list[str]:
    """Unique ids and terms, and 'see' references to terms that exist."""
    problems, ids, names = [], set(), set()
    for n, term in enumerate(terms):
        if term.id in ids:
            problems.append(f"{where}: {n}.id: duplicate id {term.id!r}")
        if term.term.lower() in names:
            problems.append(f"{where}: {n}.term: duplicate term {term.term!r}")
        ids.add(term.id)
        names.add(term.term.lower())
    for n, term in enumerate(terms):
        problems += [f"{where}: {n}.see: unknown term id {ref!r}" for ref in term.see if ref not in ids]
    return problems
