"""The glossary: terms and abbreviations, defined by the sources or (marked) by the editors."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints, model_validator

from .model_base import Strict, Text


class Term(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    """Het vaste id van het begrip (kleine letters en streepjes): ook het anker op de Woordenlijst."""
    term: Text
    """Het begrip of de afkorting zoals het in de tekst staat."""
    abbreviation: bool = False
    """true als het een afkorting is; dan is full verplicht."""
    full: Text | None = None
    """Voluit geschreven (alleen bij een afkorting)."""
    definition: Text
    """De omschrijving: letterlijk uit de bron, of van de redactie (dan editorial: true)."""
    source: Text
    """Het bronbestand waarin het begrip voorkomt."""
    defined_in_source: bool
    """true als de omschrijving letterlijk uit de bron komt."""
    editorial: bool
    """true als de redactie de omschrijving schreef (precies één van beide is true)."""
    see: list[str] = []
    """Ids van verwante begrippen."""
    aliases: list[Text] = []
    """Andere schrijfwijzen of synoniemen waarop de zoekfunctie het begrip ook vindt."""
    # A study or publication of data/bronnen.yml (its id, which is its anchor on the Bronnen page):
    # the entry links there. MkDocs checks the anchor when it builds the glossary page.
    sources_entry: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")] | None = None
    """Het id van een onderzoek of publicatie in bronnen.yml: het begrip linkt daarheen."""

    @model_validator(mode="after")
    def _consistent(self):
        if self.abbreviation and not self.full:
            raise ValueError("an abbreviation needs its full form in 'full'")
        if self.defined_in_source == self.editorial:
            raise ValueError("a definition is either the source's own (defined_in_source) or the editors' (editorial)")
        return self


def check_glossary(terms: list[Term], where: str, source_files: set[str] | None = None) -> list[str]:
    """Unique ids and terms, 'see' references to terms that exist, and sources that are the files
    of data/brondocumenten.yml (``source_files``; None when that list could not be read)."""
    problems, ids, names = [], set(), set()
    for n, term in enumerate(terms):
        if source_files is not None and term.source not in source_files:
            known = ", ".join(sorted(source_files))
            problems.append(f"{where}: {n}.source: unknown source file {term.source!r}; known: {known}")
        if term.id in ids:
            problems.append(f"{where}: {n}.id: duplicate id {term.id!r}")
        if term.term.lower() in names:
            problems.append(f"{where}: {n}.term: duplicate term {term.term!r}")
        ids.add(term.id)
        names.add(term.term.lower())
    for n, term in enumerate(terms):
        problems += [f"{where}: {n}.see: unknown term id {ref!r}" for ref in term.see if ref not in ids]
    return problems
