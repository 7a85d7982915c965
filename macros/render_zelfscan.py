"""The zelfscan: a team marks per step of a phase's recommendations where its organisation stands
(pure). The form and its summary are plain HTML; zelfscan.js keeps the answers in the browser,
draws the summary and exports or imports a scan file. Only steps are scored: points (signals,
questions, tips) describe what to look at, not what an organisation has in place."""

from __future__ import annotations

from kennisbank.citations import plain
from kennisbank.model import Content, Phase
from kennisbank.sitemap import link

from .render_text import esc_html

# value stored per step -> what the team says
ANSWERS = (("ja", "hebben we"), ("deels", "deels"), ("nee", "nog niet"), ("nvt", "niet van toepassing"))


def render_zelfscan(phase: Phase, content: Content, version: str) -> str:
    sections, unscored = [], []
    for handvat in content.in_phase(phase.id):
        steps = [s for s in handvat.steps if s.kind == "steps"]
        if not steps:
            unscored.append(handvat)
            continue
        fields = "".join(
            f'<fieldset class="zelfscan__stap" data-stap="{s.id}"><legend><strong>{s.id}</strong> '
            f"{esc_html(plain(s.data.text))}</legend>"
            + "".join(
                f'<label><input type="radio" name="{s.id}" value="{value}"> {label}</label>' for value, label in ANSWERS
            )
            + "</fieldset>"
            for s in steps
        )
        sections.append(
            f'<section class="zelfscan__handvat" data-handvat="{handvat.id}" aria-labelledby="scan-{handvat.id.lower()}">'
            f'<h2 id="scan-{handvat.id.lower()}">{handvat.id} {esc_html(handvat.data.short_title)}</h2>'
            f'<p><a href="{esc_html(link(handvat.page))}">{esc_html(handvat.data.title)}</a></p>{fields}</section>'
        )
    note = ""
    if unscored:
        names = ", ".join(
            f'<a href="{esc_html(link(h.page))}">{h.id} {esc_html(h.data.short_title)}</a>' for h in unscored
        )
        note = f'<p class="zelfscan__zonder">Zonder stappen om te scoren (aandachtspunten): {names}.</p>'
    actions = (
        '<div class="zelfscan__acties" data-site-only>'
        '<button type="button" class="md-button zelfscan__exporteer">Scan opslaan als bestand</button>'
        '<label class="md-button zelfscan__importeer">Scan openen uit bestand'
        '<input type="file" accept=".json,application/json" class="visueel-verborgen"></label>'
        '<button type="button" class="md-button zelfscan__wis">Antwoorden wissen</button>'
        '<p class="zelfscan__melding" role="status"></p></div>'
    )
    return (
        # out of the search index: its questions are the steps, found on their own pages
        f'<form class="zelfscan" data-search-exclude data-fase="{phase.id}" data-fase-naam="{esc_html(phase.name)}" data-versie="{esc_html(version)}">'
        f"{actions}{note}{''.join(sections)}"
        '<section class="zelfscan__samenvatting" aria-labelledby="samenvatting"><h2 id="samenvatting">Samenvatting</h2>'
        '<div class="zelfscan__uitkomst"><p>Nog geen antwoorden.</p></div></section></form>'
    )
