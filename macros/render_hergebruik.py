"""The reuse terms (docs/hergebruik.md) and the open-data page's file list (pure): the editors'
additions under the publisher's licence, the source texts with what each document says of its
own rights (today: nothing), and where to ask."""

from __future__ import annotations

from kennisbank import sitemap
from kennisbank.model import SourceDocument
from kennisbank.publisher import Licence

from .render_text import esc, esc_html


def render_licence(licence: Licence) -> str:
    return f"[{esc(licence.name)}]({licence.url}){{ rel=\"license noopener\" }} (`{licence.key}`)"


def render_document_rights(documents: list[SourceDocument]) -> str:
    """Per source document: its maker and what it says about reuse, only as the document says it."""
    rows = [
        "| Document | Maker volgens het document | Wat het document zegt over hergebruik |",
        "|---|---|---|",
    ]
    for doc in documents:
        maker = esc(doc.maker) if doc.maker else "niet vermeld in het document"
        rights = esc(doc.rights) if doc.rights else "niets: het document vermeldt geen voorwaarden"
        link = sitemap.link(sitemap.SOURCES, sitemap.document_anchor(doc.id))
        rows.append(f"| [{esc(doc.title)}]({link}) | {maker} | {rights} |")
    return "\n".join(rows) + "\n"


def render_open_data_files() -> str:
    """Links to the files the post-build step writes (raw HTML: files of the built site, not pages)."""
    files = (
        (sitemap.OPEN_DATA_JSON, "De handvatten als JSON", "alle fasen, handvatten en stappen"),
        (sitemap.OPEN_DATA_SCHEMA, "JSON Schema", "de beschrijving van elk veld van het JSON-bestand"),
        (sitemap.OPEN_DATA_CSV, "De stappen als CSV", "één regel per stap, voor een spreadsheet"),
        (sitemap.OPEN_DATA_PACKAGE, "Datapakket", "wat elk bestand is, en de licentie (Frictionless Data)"),
    )
    items = "".join(
        f'<li><a href="/{esc_html(path)}">{esc_html(label)}</a> (<code>{esc_html(path.split("/")[-1])}</code>): {esc_html(what)}</li>'
        for path, label, what in files
    )
    return f'<ul class="open-data">{items}</ul>'
