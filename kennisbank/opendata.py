"""The content as open data (pure): the intervention cycle with ids, texts, sources, notes marked
as the editors', audiences, version and licence, derived from the validated model (never scraped
from the pages). The post-build step (exports/opendata.py) writes it as JSON beside its JSON
Schema, and the steps as CSV for spreadsheets.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from .citations import plain
from .model import Content, StepView, source_label
from .model_base import SubItem
from .publisher import Licence
from .sitemap import SOURCES, url_of


class Out(BaseModel):
    # A field's docstring (Dutch) is its description in the published JSON Schema.
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Item(Out):
    label: str
    """Letter of nummer van het onderdeel, zoals de bron het geeft."""
    tekst: str
    """De tekst van het onderdeel, letterlijk uit de bron."""
    onderdelen: list["Item"] = []
    """Genummerde onderdelen binnen dit onderdeel."""


class Tabel(Out):
    bijschrift: str
    """Het bijschrift van de tabel (van de redactie)."""
    kolommen: list[str]
    rijen: list[list[str]]


class Bron(Out):
    naam: str
    """De verwijzing zoals de pagina Bronnen hem noemt (Praktijkonderzoek H2.6)."""
    adres: str
    """Het adres van die verwijzing op de pagina Bronnen (vanaf de hoofdmap van de site)."""


class Noot(Out):
    tekst: str
    door: Literal["redactie"] = "redactie"
    """Noten zijn altijd van de redactie, nooit tekst van de bron."""


class Stap(Out):
    id: str
    """Het vaste id van de stap (V2.4); verandert nooit."""
    soort: Literal["stap", "punt"]
    """stap: een handeling (met vinkje op de site); punt: een signaal, vraag of voorbeeld."""
    groep: str | None
    """De tussenkop van de bron waaronder de stap staat, als die er is."""
    tekst: str
    """De tekst van de stap, letterlijk uit de bron; alinea's gescheiden door een regelovergang."""
    onderdelen: list[Item]
    tabel: Tabel | None
    tekst_na: str | None
    """Tekst van de bron na de onderdelen of de tabel."""
    bronnen: list[Bron]
    """De bronverwijzingen in de tekst van de stap."""
    noten: list[Noot]
    adres: str
    """Het adres van de stap op de site (vanaf de hoofdmap)."""


class Handvat(Out):
    id: str
    """Het vaste id van het handvat (V2); verandert nooit."""
    titel: str
    """Het handvat zoals de bron het formuleert."""
    korte_titel_redactie: str
    """Korte naam van de redactie voor menu's en overzichten (geen brontekst)."""
    inleiding: list[str]
    vraag: str
    doelgroepen: list[str]
    """De doelgroepen van de pagina (van de redactie, uit de tekst van de bron afgeleid)."""
    stappen: list[Stap]
    noten: list[Noot]
    """Noten van de redactie bij het handvat als geheel."""
    adres: str


class Fase(Out):
    id: str
    naam: str
    thema: str
    doelen: list[str]
    handvatten: list[Handvat]


class Document(Out):
    id: str
    titel: str
    maker: str | None
    """Alleen zoals het document het zelf zegt; anders null."""
    rechten: str
    """Wat het document over hergebruik zegt."""


class Licentie(Out):
    id: str
    """SPDX-id van de licentie."""
    naam: str
    adres: str
    geldt_voor: str
    """Waarop de licentie van toepassing is."""


class OpenData(Out):
    titel: str
    versie: str
    """De versie van de inhoud (data/wijzigingen.yml)."""
    datum: str
    """De datum van die versie (JJJJ-MM-DD)."""
    licentie: Licentie
    brondocument: Document
    """Het document waaruit de cyclus letterlijk is overgenomen."""
    fasen: list[Fase]


RIGHTS_UNSTATED = "Het document vermeldt geen voorwaarden voor hergebruik; de rechten liggen bij de maker."
LICENCE_SCOPE = (
    "De toevoegingen van de redactie (korte titels, noten, tabelbijschriften, doelgroepen). "
    "Niet de overgenomen teksten van de bron: zie brondocument.rechten."
)


def _items(items: tuple[SubItem, ...] | list[SubItem]) -> list[Item]:
    return [Item(label=i.label, tekst=plain(i.text), onderdelen=_items(i.items)) for i in items]


def _notes(texts) -> list[Noot]:
    return [Noot(tekst=t) for t in texts]


def _site(page: str, anchor: str = "") -> str:
    """A page's address from the site root, as the online site serves it."""
    return "/" + url_of(page) + (f"#{anchor}" if anchor else "")


def _step(step: StepView, page: str, content: Content, notes: tuple[str, ...]) -> Stap:
    data = step.data
    refs = sorted(ref for ref, users in content.citations.items() if any(u[1] == step.id for u in users))
    return Stap(
        id=step.id,
        soort="stap" if step.kind == "steps" else "punt",
        groep=step.group.title if step.group else None,
        tekst=plain(data.text).strip(),
        onderdelen=_items(data.items),
        tabel=Tabel(bijschrift=data.table.caption, kolommen=list(data.table.columns), rijen=[list(r) for r in data.table.rows])
        if data.table else None,
        tekst_na=plain(data.after).strip() if data.after else None,
        bronnen=[Bron(naam=source_label(ref, content), adres=_site(SOURCES, ref.anchor)) for ref in refs],
        noten=_notes(notes),
        adres=_site(page, step.anchor),
    )


def open_data(content: Content, version: str, licence: Licence, audiences: dict[str, list[str]]) -> OpenData:
    """The whole cycle; ``audiences``: docs page -> its audiences (page tags)."""
    phases = []
    for phase in content.phases:
        handvatten = []
        for handvat in content.in_phase(phase.id):
            by_step: dict[int, tuple[str, ...]] = {}
            for note in handvat.data.notes:
                if note.step is not None:
                    by_step[note.step] = by_step.get(note.step, ()) + (note.text,)
            steps = [_step(s, handvat.page, content, by_step.get(s.number, ())) for s in handvat.steps]
            handvatten.append(Handvat(
                id=handvat.id,
                titel=handvat.data.title,
                korte_titel_redactie=handvat.data.short_title,
                inleiding=[plain(p) for p in handvat.data.intro],
                vraag=handvat.data.question,
                doelgroepen=audiences.get(handvat.page, []),
                stappen=steps,
                noten=_notes(n.text for n in handvat.data.notes if n.step is None),
                adres=_site(handvat.page),
            ))
        phases.append(Fase(id=phase.id, naam=phase.name, thema=phase.theme, doelen=list(phase.aims), handvatten=handvatten))
    document = content.document(content.cycle_document)
    latest = content.changelog[0]
    return OpenData(
        titel=f"{document.title}: de handvatten als open data",
        versie=version,
        datum=latest.date.isoformat(),
        licentie=Licentie(id=licence.key, naam=licence.name, adres=licence.url, geldt_voor=LICENCE_SCOPE),
        brondocument=Document(id=document.id, titel=document.title, maker=document.maker, rechten=RIGHTS_UNSTATED),
        fasen=phases,
    )


CSV_COLUMNS = ("id", "handvat", "fase", "soort", "groep", "tekst", "bronnen", "noten_redactie", "adres")


def _flat(items: list[Item], depth: int = 0) -> list[str]:
    lines = []
    for item in items:
        lines.append("  " * depth + f"{item.label}. {item.tekst}")
        lines += _flat(item.onderdelen, depth + 1)
    return lines


def step_rows(data: OpenData, site_url: str | None) -> list[dict[str, str]]:
    """One row per step for a spreadsheet: the whole text in one cell (sub-items on lines of their
    own, a table as tab-separated lines), full addresses when the site's address is known."""
    base = (site_url or "/").rstrip("/")
    rows = []
    for phase in data.fasen:
        for handvat in phase.handvatten:
            for step in handvat.stappen:
                parts = [step.tekst, *_flat(step.onderdelen)]
                if step.tabel:
                    parts += [step.tabel.bijschrift, "\t".join(step.tabel.kolommen)] + ["\t".join(r) for r in step.tabel.rijen]
                if step.tekst_na:
                    parts.append(step.tekst_na)
                rows.append({
                    "id": step.id,
                    "handvat": f"{handvat.id} {handvat.titel}",
                    "fase": phase.naam,
                    "soort": step.soort,
                    "groep": step.groep or "",
                    "tekst": "\n".join(parts),
                    "bronnen": "; ".join(b.naam for b in step.bronnen),
                    "noten_redactie": "\n".join(n.tekst for n in step.noten),
                    "adres": base + step.adres,
                })
    return rows
