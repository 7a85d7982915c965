"""The sources page: every cited chapter, table and publication with the steps that cite it."""

from __future__ import annotations

from .citations import Ref
from .model import Content
from .render_cyclus import source_label
from .render_text import esc, esc_html


def _citers(ref: Ref, content: Content) -> str:
    links = []
    for handvat_id, step_id in content.citations.get(ref, []):
        handvat = content.handvatten[handvat_id]
        target = f"/{handvat.page}" + (f"#{step_id.lower().replace('.', '-')}" if step_id else "")
        links.append(f"[{step_id or handvat_id}]({target})")
    return ", ".join(links) if links else "*(niet geciteerd)*"


def render_sources(content: Content) -> str:
    """Per study a table of its chapters and tables; then the publications."""
    out = []
    for study in content.studies:
        refs = [Ref(study.id, "chapter", c) for c in study.chapters]
        refs += [Ref(study.id, "table", str(t)) for t in study.tables]
        out.append(f"## {esc(study.name)} {{#{study.id}}}\n")
        out.append('<table class="datatabel bronnen" markdown="block">')
        out.append(f"<caption>{esc_html(study.name)}: hoofdstukken en tabellen met de stappen die ze citeren</caption>")
        out.append('<thead><tr><th scope="col">Onderdeel</th><th scope="col">Geciteerd bij</th></tr></thead><tbody markdown="block">')
        for ref in refs:
            out.append(
                f'<tr id="{ref.anchor}"><th scope="row">{esc_html(source_label(ref, content))}</th>'
                f'<td markdown="span">{_citers(ref, content)}</td></tr>'
            )
        out.append("</tbody></table>\n")
    out.append("## Genoemde publicaties {#publicaties}\n")
    for pub in content.publications:
        ref = Ref(pub.id, "publication")
        name = esc(pub.description) + " — " if pub.description else ""
        cite = f"<{pub.url}>" if pub.url else esc(pub.cite)
        out.append(f'<div class="publicatie" id="{ref.anchor}" markdown="block">\n')
        out.append(f"{name}{cite}  \nGeciteerd bij: {_citers(ref, content)}\n")
        out.append("</div>\n")
    return "\n".join(out)
