"""The "Nu handelen" cards (pure): a situation, a role switch and the source's steps it selects.

Every step is rendered from the cycle's data exactly as on its recommendation's page (text,
sub-items, table, citations) and links to its place there; the card's own words (title, when,
the note on its making) are the editors' and marked as such.
"""

from __future__ import annotations

from kennisbank.model import Content, NowCard, StepView
from kennisbank.model_nu import shown_to, step_readers
from kennisbank.sitemap import ROLE_CSS, link, now_checklist, now_page, short_path
from .render_cyclus import short_label
from .render_steps import checklist_attributes, find_step, lesson_button, render_step_elsewhere, select_button, selection_link
from .render_text import EDITORS_MARK, esc, esc_html, one_line


def roles_of(step: StepView, content: Content, audiences: dict[str, list[str]]) -> list[int]:
    """The positions (1, 2, ...) of the card roles a step is for, from the audience data."""
    handvat = content.handvat(step.id.split(".")[0])
    readers = step_readers(step.group.audience if step.group else None, audiences.get(handvat.page, []), content.group_readers)
    return [n for n, role in enumerate(content.now_roles, start=1) if shown_to(readers, role, content.everyone)]


def render_role_switch(card: NowCard, content: Content) -> str:
    """Radio buttons; the role stylesheet the post-build step writes from the roles
    (kennisbank.model_nu.role_css) hides the steps that are not for the chosen role (no script)."""
    name = f"rol-{card.id}"
    options = [(0, "Alle rollen")] + list(enumerate(content.now_roles, start=1))
    buttons = "".join(
        f'<label class="rolkeuze__optie"><input type="radio" name="{name}" value="{n}"{" checked" if n == 0 else ""}> '
        f"{esc_html(label)}</label>"
        for n, label in options
    )
    return (
        f'<fieldset class="rolkeuze" data-site-only data-search-exclude><legend>Stappen voor</legend>{buttons}'
        # a stylesheet link is allowed in the body (a <style> is not)
        f'<link rel="stylesheet" href="/{ROLE_CSS}"></fieldset>'
    )


def render_card_step(step: StepView, content: Content, roles: list[int]) -> str:
    handvat = content.handvat(step.id.split(".")[0])
    return render_step_elsewhere(
        step, content, short_label(handvat), f' data-rollen="{" ".join(map(str, roles))}"', select_button(step)
    )


def render_card(card: NowCard, content: Content, audiences: dict[str, list[str]]) -> str:
    """A card's page body under its title: when it applies, the role switch, the steps, and where
    to read on."""
    steps = [find_step(content, step_id, f"Nu handelen-kaart {card.id!r}") for step_id in card.steps]
    actions = any(s.kind == "steps" for s in steps)
    items = [render_card_step(s, content, roles_of(s, content, audiences)) for s in steps]
    more = ", ".join(
        f'[{esc(short_label(content.handvat(h)))}]({link(content.handvat(h).page)}){{: data-kort="{short_path(h.lower())}" }}'
        for h in card.more
    )
    return "\n".join(
        [
            '<div class="nu-handelen" markdown="block">',
            # the line on 112 is the editors', not the source's (which never says it): see notes/bronproblemen.md
            f'<p class="nu-wanneer">{EDITORS_MARK} <span class="nu-redactie">Kaart van de redactie.</span> {esc_html(one_line(card.when))}'
            ' <strong class="nu-112">Bij direct gevaar: bel 112.</strong></p>',
            render_role_switch(card, content),
            f'<p class="nu-selectie" data-site-only>{lesson_button(steps, card.title)} {selection_link()}</p>',
            # a copy of steps whose home is their recommendation's page: no search entries of their
            # own (data-kopie, read by the post-build step); the card pages are out of Material's
            # index by their front matter (search.exclude), the overview lists the cards
            f'<div class="checklist" {checklist_attributes(now_checklist(card.id))} data-kopie markdown="block">'
            if actions
            else '<div data-kopie markdown="block">',
            '<p class="checklist__voortgang" aria-live="polite" data-search-exclude data-site-only></p>' if actions else "",
            '<ol class="checklist__stappen nu-stappen" markdown="block">',
            *items,
            "</ol>",
            '<p data-site-only><button type="button" class="md-button checklist__wis" hidden>Vinkjes wissen</button></p>'
            if actions
            else "",
            "</div>",
            '<div class="nu-verantwoording" markdown="block">',
            "",
            f"{EDITORS_MARK} **Over deze kaart.** De redactie koos deze stappen uit de handvatten voor deze"
            " situatie (de bron geeft geen keuze of volgorde); de tekst van elke stap is die van de bron,"
            " ongewijzigd, met een link naar zijn plek. De keuze per rol volgt de doelgroepen die de redactie"
            " toekende; ook de regel over 112 is van de redactie. Lees daarna het hele handvat:"
            f" {more}.",
            "",
            "</div>",
            "</div>",
        ]
    )


def render_card_list(content: Content) -> str:
    """The cards as a grid of links (Material's card grid), for the overview, home and Crisis pages."""
    items = "\n".join(
        f"-   **[{esc(card.title)}]({link(now_page(card.id))})** {EDITORS_MARK}\n\n    {esc(card.when)}\n"
        for card in content.now_cards.values()
    )
    return f'<div class="grid cards nu-kaarten" markdown>\n\n{items}\n</div>'
