"""The "Nu handelen" cards: for a situation of the crisis phase, a selection of the source's steps.

A card is the editors' work: its title (the situation) and its choice of steps are theirs; the
steps themselves are the source's, referred to by id and rendered from the cycle's data, so no
card ever rewrites a step. Which role (audience) sees a step on a card follows the audience data:
a step in a group the source addresses to one audience (C5's groups) is for that audience; any
other step is for the audiences of its recommendation's page (front-matter tags).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from pydantic import Field, StringConstraints

from .model_base import Strict, Text

StepId = Annotated[str, StringConstraints(pattern=r"^[A-Z][1-9]\d*\.[1-9]\d*$")]
HandvatId = Annotated[str, StringConstraints(pattern=r"^[A-Z][1-9]\d*$")]


class NowCard(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]  # its page and tick store
    """Vaste sleutel van de kaart (kleine letters en streepjes): de naam van haar pagina; verandert nooit."""
    title: Text  # the situation, in the editors' words
    """De situatie, in woorden van de redactie."""
    when: Text  # one sentence of the editors: when this card applies
    """Eén zin van de redactie: wanneer deze kaart geldt."""
    steps: list[StepId] = Field(min_length=1, max_length=10)  # the source's steps, in the order to take them
    """De stappen uit de bron (zoals C1.1), in de volgorde waarin je ze zet; de tekst komt uit data/cyclus."""
    more: list[HandvatId] = []  # recommendations to read in full afterwards (links)
    """Handvatten om daarna helemaal te lezen (zoals C5)."""


class NowFile(Strict):
    roles: list[Text] = Field(min_length=1)  # audiences the role switch offers (its rules: macros/render_nu.py)
    """De doelgroepen (uit doelgroepen.yml) waartussen de rolkeuze op elke kaart kiest."""
    cards: list[NowCard] = Field(min_length=1)
    """De kaarten, in de volgorde van het overzicht."""


def check_cards(now: NowFile, where: str, step_ids: set[str], handvat_ids: set[str], readers: tuple[str, ...]) -> list[str]:
    """One problem per unknown or repeated id: "data/nu-handelen.yml: <card>: steps.3: ..."."""
    problems = []
    for n, role in enumerate(now.roles):
        if readers and role not in readers:
            problems.append(f"{where}: roles.{n}: unknown audience {role!r}; known: {', '.join(readers)}")
    seen: set[str] = set()
    for card in now.cards:
        if card.id in seen:
            problems.append(f"{where}: {card.id}: id: duplicate card id {card.id!r}")
        seen.add(card.id)
        for n, step in enumerate(card.steps):
            if step not in step_ids:
                problems.append(f"{where}: {card.id}: steps.{n}: unknown step {step!r} (no such step in data/cyclus)")
            elif card.steps.index(step) != n:
                problems.append(f"{where}: {card.id}: steps.{n}: step {step!r} is listed twice")
        for n, handvat in enumerate(card.more):
            if handvat not in handvat_ids:
                problems.append(f"{where}: {card.id}: more.{n}: unknown recommendation {handvat!r}")
    return problems


def step_readers(group_audience: str | None, page_tags: list[str], group_readers: Mapping[str, str]) -> tuple[str, ...]:
    """The audiences a step is for: its group's audience where the source names one, else its
    page's tags."""
    if group_audience is not None:
        return (group_readers[group_audience],)
    return tuple(page_tags)


def shown_to(readers: tuple[str, ...], role: str, everyone: str) -> bool:
    """Whether a step for ``readers`` is for someone in ``role`` (steps for everyone are)."""
    return role in readers or everyone in readers


def role_css(count: int) -> str:
    """The role switch's style rules, one per role: a chosen role hides the steps whose data-rollen
    lacks its position. Written from the roles by the post-build step (sitemap.ROLE_CSS), so a role
    more needs no stylesheet edit."""
    return "\n".join(
        f'.nu-handelen:has(.rolkeuze input[value="{n}"]:checked) li.stap:not([data-rollen~="{n}"]) {{ display: none; }}'
        for n in range(1, count + 1)
    ) + "\n"
