"""The zelfscan: a team marks per step of a phase's recommendations where its organisation stands
(pure). The form and its summary are plain HTML; zelfscan.js keeps the answers in the browser,
draws the summary and exports or imports a scan file. Only steps are scored: points (signals,
questions, tips) describe what to look at, not what an organisation has in place."""

from __future__ import annotations

import json

from kennisbank.model import Content, Phase, StepView
from kennisbank.sitemap import ANSWER_KEY, answers_before_key, link

from .render_steps import group_heading, short_text, step_body
from .render_text import esc_html

# value stored per step -> what the team says; the one list of answers: zelfscan.js reads it from
# the form (data-antwoorden), scan files hold the values
ANSWERS = (("ja", "hebben we"), ("deels", "deels"), ("nee", "nog niet"), ("nvt", "niet van toepassing"))
TO_DO = "nee"  # the answer that puts a step on the action list


def render_question(step: StepView, content: Content) -> str:
    """One step as a question: a short legend (id and first words, "…" where cut) names the radio
    group; the whole step (sub-items, table, closing text, notes) stands under it and describes it."""
    radios = "".join(
        f'<label><input type="radio" name="{step.id}" value="{value}"> {esc_html(label)}</label>' for value, label in ANSWERS
    )
    return "\n".join(
        [
            f'<fieldset class="zelfscan__stap" data-stap="{step.id}" aria-describedby="tekst-{step.anchor}" markdown="block">',
            f'<legend><strong>{step.id}</strong> {esc_html(short_text(step))}</legend>',
            *step_body(step, content),
            f'<div class="zelfscan__antwoorden">{radios}</div>',
            "</fieldset>",
        ]
    )


def render_zelfscan(phase: Phase, content: Content, version: str) -> str:
    sections, unscored = [], []
    for handvat in content.in_phase(phase.id):
        steps = [s for s in handvat.steps if s.kind == "steps"]
        if not steps:
            unscored.append(handvat)
            continue
        fields, group = [], None
        for step in steps:
            if step.group is not None and step.group is not group:
                fields.append(group_heading(step, f"scan-{handvat.id.lower()}"))
            group = step.group
            fields.append(render_question(step, content))
        name = f"{handvat.id} {esc_html(handvat.data.short_title)}"
        sections.append(
            "\n".join(
                [
                    # data-naam: the summary's row header (the heading gathers link and copy buttons)
                    f'<section class="zelfscan__handvat" data-handvat="{handvat.id}" data-naam="{name}"'
                    f' aria-labelledby="scan-{handvat.id.lower()}" markdown="block">',
                    f'<h2 id="scan-{handvat.id.lower()}">{name}</h2>',
                    f'<p><a href="{esc_html(link(handvat.page))}">{esc_html(handvat.data.title)}</a></p>',
                    *fields,
                    "</section>",
                ]
            )
        )
    note = ""
    if unscored:
        names = ", ".join(
            f'<a href="{esc_html(link(h.page))}">{h.id} {esc_html(h.data.short_title)}</a>' for h in unscored
        )
        note = f'<p class="zelfscan__zonder">Zonder stappen om te scoren (aandachtspunten): {names}.</p>'
    # asks before answers are wiped or replaced (zelfscan.js fills in what would change); a modal
    # dialog keeps focus inside, closes on Escape and gives focus back to the button that opened it.
    # It stands inside the actions' block, with no block of its own inside: Markdown would wrap a bare
    # dialog in a paragraph, and breaks a block nested in a dialog apart.
    question = (
        '<dialog class="zelfscan__vraag" aria-labelledby="zelfscan-vraag-titel" aria-describedby="zelfscan-vraag-tekst">'
        '<p class="zelfscan__vraag-titel" id="zelfscan-vraag-titel"></p>'
        '<p class="zelfscan__vraag-tekst" id="zelfscan-vraag-tekst"></p>'
        '<p class="zelfscan__vraag-knoppen">'
        '<button type="button" class="md-button md-button--primary zelfscan__ja">Doorgaan</button>'
        '<button type="button" class="md-button zelfscan__nee" autofocus>Annuleren</button></p>'
        '</dialog>'
    )
    actions = (
        '<div class="zelfscan__acties" data-site-only>'
        '<button type="button" class="md-button zelfscan__exporteer">Scan opslaan als bestand</button>'
        '<label class="md-button zelfscan__importeer">Scan openen uit bestand'
        '<input type="file" accept=".json,application/json" class="visueel-verborgen"></label>'
        '<button type="button" class="md-button zelfscan__afdrukken">Samenvatting afdrukken</button>'
        '<button type="button" class="md-button zelfscan__wis">Antwoorden wissen</button>'
        # shown after a wipe or an opened file, until the team answers again (zelfscan.js)
        '<button type="button" class="md-button zelfscan__herstel" hidden>Ongedaan maken</button>'
        f'<p class="zelfscan__melding" role="status"></p>{question}</div>'
    )
    answers = esc_html(json.dumps(dict(ANSWERS), ensure_ascii=False))
    return "\n".join(
        [
            # out of the search index: its questions are the steps, found on their own pages
            f'<form class="zelfscan" data-search-exclude data-fase="{phase.id}" data-fase-naam="{esc_html(phase.name)}"'
            f' data-versie="{esc_html(version)}" data-antwoorden="{answers}" data-actie="{TO_DO}"'
            f' data-opslag="{ANSWER_KEY}" data-opslag-vorige="{answers_before_key(phase.id)}" markdown="block">',
            actions,
            note,
            *sections,
            '<section class="zelfscan__samenvatting" aria-labelledby="samenvatting"><h2 id="samenvatting">Samenvatting</h2>'
            '<div class="zelfscan__uitkomst"><p>Nog geen antwoorden.</p></div></section>',
            "</form>",
        ]
    )
