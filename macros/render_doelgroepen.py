"""The "Per doelgroep en fase" page: a route per audience, grouped by phase in cycle order.

A route for an audience holds the pages tagged with it and the pages meant for all network
partners; trainings stand apart. Pure: the audiences of each page come in as data.
"""

from __future__ import annotations


from kennisbank.model import Content, Handvat, SourceDocument
from kennisbank.sitemap import TRAINING_TAG, link, tag_anchor as anchor_of
from .render_text import esc, esc_html, slug


def tag_anchor(name: str) -> str:
    """The anchor of an audience or phase on the page ("tag:politie-en-handhaving")."""
    return anchor_of(slug(name))


def route(content: Content, audiences: dict[str, list[str]], reader: str):
    """(per phase: the phase and [(handvat, for everyone)], the training documents) of one audience."""
    phases = []
    for phase in content.phases:
        items = []
        for handvat in content.in_phase(phase.id):
            tags = audiences.get(handvat.page, [])
            if reader in tags or content.everyone in tags:
                items.append((handvat, reader not in tags))
        if items:
            phases.append((phase, items))
    trainings = [d for d in training_documents(content) if reader in audiences.get(d.section, [])]
    return phases, trainings


def training_documents(content: Content) -> list[SourceDocument]:
    return [d for d in content.documents.values() if d.id != content.cycle_document]


def _note(note: str) -> str:
    return f' <span class="route__noot">— {esc_html(note)}</span>' if note else ""


def _handvat_item(handvat: Handvat, note: str = "") -> str:
    return (
        f'<li><a href="{esc_html(link(handvat.page))}">{handvat.id} {esc_html(handvat.data.short_title)}</a>'
        f"{_note(note)}</li>"
    )


def _document_item(doc: SourceDocument, note: str = "") -> str:
    return f'<li><a href="{esc_html(link(doc.section))}">{esc_html(doc.title)}</a> {f" ({esc_html(doc.kind)})" if doc.kind else ""}{_note(note)}</li>'


def render_routes(content: Content, audiences: dict[str, list[str]]) -> str:
    """Per audience: its recommendations per phase (those for everyone marked), then its trainings."""
    out = []
    for reader in content.readers:
        phases, trainings = route(content, audiences, reader)
        # a Markdown heading, so that every audience is in the page's table of contents
        out.append(f"\n## {esc(reader)} {{#{tag_anchor(reader)}}}\n")
        for phase, items in phases:
            out.append(f"<h3>{esc_html(phase.name)}</h3>")
            note = "voor alle netwerkpartners" if reader != content.everyone else ""
            out.append(
                '<ul class="route">'
                + "".join(_handvat_item(h, note if for_everyone else "") for h, for_everyone in items)
                + "</ul>"
            )
        if trainings:
            out.append("<h3>Trainingen</h3>")
            out.append('<ul class="route">' + "".join(_document_item(d) for d in trainings) + "</ul>")
    return "\n".join(out)


def render_phases(content: Content, audiences: dict[str, list[str]]) -> str:
    """Per phase, in cycle order, every recommendation with its audiences; then the trainings."""
    out = []
    for phase in content.phases:
        out.append(f'<h3 id="{tag_anchor(phase.name)}">{esc_html(phase.name)}</h3><ul class="route">')
        for handvat in content.in_phase(phase.id):
            out.append(_handvat_item(handvat, ", ".join(audiences.get(handvat.page, []))))
        out.append("</ul>")
    out.append(f'<h3 id="{tag_anchor(TRAINING_TAG)}">{TRAINING_TAG}</h3><ul class="route">')
    for doc in training_documents(content):
        out.append(_document_item(doc, ", ".join(audiences.get(doc.section, []))))
    out.append("</ul>")
    return "\n".join(out)
