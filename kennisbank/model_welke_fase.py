"""The editors' guide "Welke fase?" (data/welke-fase.yml): which phase of the cycle applies now,
told only in the cycle document's own words.

The source says it is practical to start from the phase that applies now, and describes each
phase; the site did not help a reader decide. The guide's order, its headings and its links are
the editors'; every statement in it is a quote. Each quote names where it stands on the site
(``see``), so a reader can read it in its place; the fidelity test checks every quote word for
word against the source file (kennisbank.sitemap.document_files lists this file with the cycle's).
"""

from __future__ import annotations

from pydantic import Field

from .model_base import Strict, Text
from .model_nu import HandvatId

# A quote's place on the site besides a recommendation: the text before the "Kern" on the cycle page
CYCLE_TEXT = "cyclus"


class Quote(Strict):
    text: Text
    """Letterlijk uit de bron: één doorlopend stuk tekst, zonder weglatingen of eigen woorden. Een
    stuk dat midden in een zin begint of eindigt, krijgt op de pagina vanzelf ‘…’."""
    see: Text
    """Waar het citaat op de site staat: ‘cyclus’ (de tekst vóór de kern op de pagina De cyclus) of
    het id van het handvat in wiens tekst het staat (C1)."""


class GuidePhase(Strict):
    id: Text
    """Het id van de fase (vredestijd, crisis, nazorg), zoals in cyclus/fasen.yml."""
    quotes: list[Quote] = Field(min_length=1)
    """Hoe de bron deze fase beschrijft."""
    cards: bool = False
    """Of deze fase naar de kaarten ‘Nu handelen’ leidt (hun situaties horen bij de crisis)."""


class Overlap(Strict):
    quotes: list[Quote] = Field(min_length=1)
    """Wat de bron zegt over fasen die niet op volgorde komen of samenvallen."""
    see: list[HandvatId] = []
    """Handvatten waar de redactie daarbij naar verwijst (een link, geen advies)."""


class PhaseGuide(Strict):
    start: list[Quote] = Field(min_length=1)
    """Waarom de vraag ‘welke fase?’: de bron over het startpunt van een interventie."""
    phases: list[GuidePhase] = Field(min_length=1)
    """Elke fase één keer, in de volgorde van de cyclus."""
    overlap: Overlap
    """Als de fasen door elkaar lopen."""


def quotes_of(guide: PhaseGuide) -> list[tuple[str, Quote]]:
    """(field path, quote) of every quote in the guide, in page order."""
    found = [(f"start.{n}", q) for n, q in enumerate(guide.start)]
    for p, phase in enumerate(guide.phases):
        found += [(f"phases.{p}.quotes.{n}", q) for n, q in enumerate(phase.quotes)]
    return found + [(f"overlap.quotes.{n}", q) for n, q in enumerate(guide.overlap.quotes)]


def check_guide(guide: PhaseGuide, where: str, phase_ids: list[str], handvat_ids: set[str]) -> list[str]:
    """One problem per phase missing, repeated or out of order, and per unknown place or recommendation."""
    problems = []
    given = [p.id for p in guide.phases]
    for n, phase_id in enumerate(given):
        if phase_id not in phase_ids:
            problems.append(f"{where}: phases.{n}.id: unknown phase {phase_id!r}; known: {', '.join(phase_ids)}")
        elif given.index(phase_id) != n:
            problems.append(f"{where}: phases.{n}.id: phase {phase_id!r} is listed twice")
    missing = [p for p in phase_ids if p not in given]
    if missing:
        problems.append(f"{where}: phases: no entry for phase(s) {', '.join(missing)}; the guide describes every phase")
    elif not problems and given != phase_ids:
        problems.append(f"{where}: phases: in the order of the cycle, please: {', '.join(phase_ids)}")
    places = [CYCLE_TEXT, *sorted(handvat_ids)]
    for path, quote in quotes_of(guide):
        if quote.see != CYCLE_TEXT and quote.see not in handvat_ids:
            problems.append(f"{where}: {path}.see: unknown place {quote.see!r}; known: {', '.join(places)}")
    for n, handvat_id in enumerate(guide.overlap.see):
        if handvat_id not in handvat_ids:
            problems.append(f"{where}: overlap.see.{n}: unknown recommendation {handvat_id!r}")
    return problems
