"""The sources page: every cited chapter, table and publication with the steps that cite it."""

from __future__ import annotations

from collections.abc import Callable

from .citations import Ref
from .model import Content, step_anchor
from .render_cyclus import source_label
from .render_text import esc_html


def _citers(ref: Ref, content: Content, href: Callable[[str], str]) -> str:
    links = []
    for handvat_id, step_id in content.citations.get(ref, []):
        url = href(content.handvatten[handvat_id].page) + (f"#{step_anchor(step_id)}" if step_id else "")
        links.append(f'<a href="{esc_html(url)}">{esc_html(step_id or handvat_id)}</a>')
    return ", ".join(links) if links else "<em>(niet geciteerd)</em>"


def render_sources(content: Content, href: Callable[[str], str]) -> str:
    """Per study a table of its chapters and tables with the steps citing each; then publications.

    Raw HTML tables (row headers, row anchors), so links come from ``href``.
    """
    out = []
    for study in content.studies:
        refs = [Ref(study.id, "chapter", c) for c in study.chapters]
        refs += [Ref(study.id, "table", str(t)) for t in study.tables]
        rows = "".join(
            f'<tr id="{ref.anchor}"><th scope="row">{esc_html(source_label(ref, content))}</th>'
            f"<td>{_citers(ref, content, href)}</td></tr>"
            for ref in refs
        )
        out.append(f'<h2 id="{study.id}">{esc_html(study.name)}</h2>\n')
        out.append(
            f'<table class="datatabel bronnen"><caption>{esc_html(study.name)}: hoofdstukken en tabellen, '
            f'met de stappen die ernaar verwijzen</caption><thead><tr><th scope="col">Onderdeel</th>'
            f'<th scope="col">Geciteerd bij</th></tr></thead><tbody>{rows}</tbody></table>\n'
        )
    out.append('<h2 id="publicaties">Genoemde publicaties</h2>\n')
    items = []
    for pub in content.publications:
        ref = Ref(pub.id, "publication")
        name = f"{esc_html(pub.description)} — " if pub.description else ""
        cite = (
            f'<a href="{esc_html(pub.url)}" rel="noopener">{esc_html(pub.cite)}</a>' if pub.url else esc_html(pub.cite)
        )
        items.append(f'<li id="{ref.anchor}">{name}{cite}<br>Geciteerd bij: {_citers(ref, content, href)}</li>')
    out.append(f'<ul class="publicaties">{"".join(items)}</ul>\n')
    return "\n".join(out)
