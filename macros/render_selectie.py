"""A lesson of one's own (issue 24, pure): the overview of every step and point of the cycle, to
filter and choose from, and the selection page, which shows the reader's choice whole, in her
order, to print, present and export.

Every step is rendered here by the one step renderer (render_steps): the overview holds each step
whole (folded under its first words), the selection page holds each step once, hidden, and
selectie.js shows the chosen ones in the order of the address (/selectie/#c1-1,c2-3). The filters'
values are written from the data (phases, recommendations, audiences, kinds), so the scripts
repeat no vocabulary; which audiences a step is for follows the rule of the "Nu handelen" cards
(kennisbank.model_nu). The selection's CSV rows are the open data's (kennisbank.opendata).
"""

from __future__ import annotations

import json

from kennisbank.model import Content, StepView
from kennisbank.model_nu import shown_to, step_readers
from kennisbank.sitemap import CITED_ANCHOR, QR_SCRIPT, STEPS_OVERVIEW, link, short_address
from .render_cyclus import short_label
from .render_steps import noun, render_step_elsewhere, select_button, selection_link, short_text, step_body
from .render_text import EDITORS_MARK, esc_html, slug

LIST_HEADING = "overzicht-titel"  # the heading that names the overview's list
# the kind filter: the value each row carries (render_steps.noun) -> its label
KINDS = (("stap", "Stappen (handelingen)"), ("punt", "Punten (signalen, vragen, voorbeelden)"))


def all_steps(content: Content) -> list[StepView]:
    return [s for h in content.handvatten.values() for s in h.steps]


def readers_of(step: StepView, content: Content, audiences: dict[str, list[str]]) -> list[str]:
    """The site's audiences a step is for: its group's audience, else its page's, and every
    audience for a step meant for all network partners (as on the cards)."""
    handvat = content.handvat(step.id.split(".")[0])
    readers = step_readers(step.group.audience if step.group else None, audiences.get(handvat.page, []), content.group_readers)
    return [r for r in content.readers if shown_to(readers, r, content.everyone)]


# --- the overview -----------------------------------------------------------------------------


def _options(pairs) -> str:
    return "".join(f'<option value="{esc_html(value)}">{esc_html(label)}</option>' for value, label in pairs)


def render_filters(content: Content) -> str:
    """The filters (shown by stappenoverzicht.js, which reads their values from the rows' data
    attributes): phase, recommendation (grouped by phase), audience, kind and words of the text."""
    recommendations = "".join(
        f'<optgroup label="{esc_html(p.name)}">' + _options((h.id, short_label(h)) for h in content.in_phase(p.id)) + "</optgroup>"
        for p in content.phases
    )
    fields = [
        ("fase", "Fase", "Alle fasen", _options((p.id, p.name) for p in content.phases)),
        ("handvat", "Handvat", "Alle handvatten", recommendations),
        ("doelgroep", "Doelgroep", "Alle doelgroepen", _options((slug(r), r) for r in content.readers)),
        ("soort", "Soort", "Stappen en punten", _options(KINDS)),
    ]
    selects = "".join(
        f'<label class="overzicht__veld">{label} <select name="{name}"><option value="">{everything}</option>{options}</select></label>'
        for name, label, everything, options in fields
    )
    return (
        '<form class="overzicht__filters" data-site-only data-search-exclude hidden>'
        f'<div class="overzicht__velden">{selects}'
        '<label class="overzicht__veld overzicht__veld--tekst">Woorden in de tekst <input type="search" name="tekst" autocomplete="off"></label>'
        "</div>"
        '<p class="overzicht__teller" role="status"></p>'
        '<p class="overzicht__acties"><button type="button" class="md-button kies-alle">Alle getoonde in selectie</button> '
        f"{selection_link()}</p>"
        "</form>"
    )


def render_row(step: StepView, content: Content, audiences: dict[str, list[str]]) -> str:
    """One step or point: its id (a link to its place), the toggle that puts it in the selection,
    its first words, where it stands, and the whole step folded under them."""
    handvat = content.handvat(step.id.split(".")[0])
    where = " · ".join([handvat.phase.name, short_label(handvat), noun(step)] + ([step.group.title] if step.group else []))
    readers = " ".join(slug(r) for r in readers_of(step, content, audiences))
    return "\n".join(
        [
            f'<li class="overzicht__rij" data-stap="{step.id}" data-fase="{handvat.phase.id}" data-handvat="{handvat.id}"'
            f' data-soort="{noun(step)}" data-voor="{esc_html(readers)}" markdown="block">',
            f'<p class="overzicht__kop"><a class="overzicht__nr" href="{esc_html(link(handvat.page, step.anchor))}">{step.id}</a> '
            f'<span class="overzicht__kort">{esc_html(short_text(step, 14))}</span> {select_button(step)}</p>',
            f'<p class="overzicht__waar">{esc_html(where)}</p>',
            '<details class="overzicht__heel" markdown="block"><summary>Hele tekst</summary>',
            *step_body(step, content),
            "</details>",
            "</li>",
        ]
    )


def render_overview(content: Content, audiences: dict[str, list[str]]) -> str:
    """Every step and point of the cycle in one list, in the order of the cycle; ``audiences``:
    docs page -> its audiences (page tags). (A list, not a table: a step's own table inside a
    table cell is more than the Markdown-in-HTML parser keeps apart.)"""
    return "\n".join(
        [
            f'<h2 id="{LIST_HEADING}">Stappen en punten</h2>',
            render_filters(content),
            # a copy of steps whose home is their recommendation's page: no search entries of their own
            f'<ol class="overzicht" aria-labelledby="{LIST_HEADING}" data-kopie markdown="block">',
            *(render_row(step, content, audiences) for step in all_steps(content)),
            "</ol>",
        ]
    )


# --- the selection page -----------------------------------------------------------------------


def move_controls(step: StepView) -> str:
    """The buttons that order a chosen step or take it out (selectie.js)."""
    name = f'<span class="visueel-verborgen"> ({noun(step)} {step.id})</span>'
    return (
        '<span class="selectie__verplaats" data-site-only>'
        f'<button type="button" class="selectie__omhoog">Omhoog{name}</button>'
        f'<button type="button" class="selectie__omlaag">Omlaag{name}</button>'
        f'<button type="button" class="selectie__weg">Verwijderen{name}</button>'
        "</span>"
    )


def csv_data(columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    """The CSV rows of every step (the open data's), for the selection's export, as JSON that is
    safe inside a <script> element (no "</" can close it)."""
    data = {"kolommen": list(columns), "rijen": {row["id"]: [row[c] for c in columns] for row in rows}}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def render_selection(content: Content, version: str, export_name: str, site_url: str | None, online: str | None, data: str) -> str:
    """The selection page's body: controls, the chosen steps (filled by selectie.js), the sources
    they cite, and every step of the cycle once, hidden, for the script to choose from.
    ``site_url``/``online``: the site's public address and this page's, when known (QR codes and
    the link to send); ``data``: the CSV rows (csv_data)."""
    public = f' data-online="{esc_html(online)}"' if online else ""
    pool = [
        render_step_elsewhere(
            step, content, short_label(content.handvat(step.id.split(".")[0])),
            # the public short address its QR code on paper leads to, when the site's address is known
            f' data-qr="{esc_html(short_address(site_url, step.anchor))}"' if site_url else "",
            move_controls(step),
        )
        for step in all_steps(content)
    ]
    return "\n".join(
        [
            f'<div class="selectie" data-selectie data-versie="{esc_html(version)}" data-bestand="{esc_html(export_name)}"{public} markdown="block">',
            "<noscript><p>Deze pagina heeft JavaScript nodig: zonder kan ze geen selectie tonen.</p></noscript>",
            '<div class="selectie__bediening" data-site-only data-search-exclude hidden>',
            '<p class="selectie__titelveld"><label>Titel van de les of selectie (mag leeg blijven) '
            '<input type="text" class="selectie__titel-invoer" maxlength="120" autocomplete="off"></label></p>',
            '<p class="selectie__knoppen">'
            '<button type="button" class="md-button md-button--primary presenteer">Presenteren</button>'
            '<button type="button" class="md-button selectie__afdrukken">Afdrukken</button>'
            '<button type="button" class="md-button kopieer selectie__kopieer">Kopieer link</button>'
            '<button type="button" class="md-button selectie__csv">CSV (spreadsheet)</button>'
            '<button type="button" class="md-button selectie__json">Opslaan als bestand</button>'
            '<label class="md-button selectie__openen">Openen uit bestand'
            '<input type="file" accept=".json,application/json" class="visueel-verborgen"></label>'
            '<button type="button" class="md-button selectie__wis">Selectie wissen</button></p>',
            '<p class="selectie__melding" role="status"></p>',
            "</div>",
            '<div class="admonition warning selectie__onbekend" data-site-only hidden><p class="admonition-title">Niet alles gevonden</p><p></p></div>',
            '<p class="selectie__titel" hidden></p>',
            # the title screen of the presentation and the head of the handout show this address
            '<p class="handvat-kort selectie__adres" data-adres="" hidden>Link naar deze selectie: <a class="selectie__adres-link" href="#"></a></p>',
            '<template class="presentatie__qr"></template>',
            '<p class="selectie__aantal"></p>',
            f'<p class="selectie__leeg" hidden>Nog geen stappen gekozen. Kies ze in <a href="/{STEPS_OVERVIEW}">het overzicht van alle stappen</a>,'
            " of met ‘In selectie’ bij een stap op de pagina van een handvat of een kaart Nu handelen.</p>",
            '<ol class="checklist__stappen selectie__lijst" markdown="block">',
            "</ol>",
            f'<h2 id="{CITED_ANCHOR}" class="selectie__bronnen-kop" hidden>Bronnen bij deze selectie</h2>',
            '<p class="selectie__bronnen" hidden></p>',
            # every step once, hidden: selectie.js takes the chosen ones out, in order; a copy of
            # steps whose home is their recommendation's page, so no search entries of its own
            '<ol class="selectie__voorraad" data-kopie hidden markdown="block">',
            *pool,
            "</ol>",
            f'<script type="application/json" class="selectie__gegevens">{data}</script>',
            # QR codes of the chosen steps' short links and of the selection itself, drawn in the
            # browser (the selection is known only there); only where the public address is known
            f'<script src="/{QR_SCRIPT}"></script>' if site_url else "",
            f"<p class=\"selectie__uitleg\">{EDITORS_MARK} De keuze en volgorde zijn van wie de selectie maakte; de tekst van elke stap is die van de bron, met een link naar zijn plek.</p>",
            "</div>",
        ]
    )
