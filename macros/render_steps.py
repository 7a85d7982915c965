"""Steps as checklists and data tables: shared by the cycle and the training guides (pure)."""

from __future__ import annotations

from .model import Content, StepView
from .render_links import short_path
from .render_text import esc_html, md_text, paragraphs, slug


def render_table(table) -> str:
    """A data table as HTML with a caption and column header cells."""
    head = "".join(f'<th scope="col">{esc_html(c)}</th>' for c in table.columns)
    body = "".join("<tr>" + "".join(f"<td>{esc_html(c)}</td>" for c in row) + "</tr>" for row in table.rows)
    return (
        f'<table class="datatabel"><caption>{esc_html(table.caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def render_step(step: StepView, content: Content, short_link: bool = False, notes: tuple[str, ...] = ()) -> str:
    """One step as a checklist item: number, box, text, sub-items, table, closing text."""
    data = step.data
    box_id = f"vink-{step.anchor}"
    text_id = f"tekst-{step.anchor}"
    parts = [
        f'<li class="stap" id="{step.anchor}" markdown="block">',
        f'<div class="stap__kop" data-search-exclude><input type="checkbox" class="stap__vink" id="{box_id}" '
        f'data-stap="{step.id}" aria-describedby="{text_id}">'
        f'<label for="{box_id}"><span class="visueel-verborgen">Stap </span>{step.id}'
        f'<span class="visueel-verborgen"> afgevinkt</span></label>'
        f'<a class="stap__link" href="#{step.anchor}" title="Link naar stap {step.id}">#</a>'
        # copies the short link (/r/v2-4/) where the step has one, else the page address + anchor
        f'<button type="button" class="kopieer kopieer--klein" data-anker="{step.anchor}"'
        + (f' data-kort="{short_path(step.anchor)}"' if short_link else "")
        + f'>Kopieer link<span class="visueel-verborgen"> naar stap {step.id}</span></button></div>',
        f'<div class="stap__tekst" id="{text_id}" markdown="block">',
    ]
    parts += [f'<p markdown="span">{md_text(p, content.registry)}</p>' for p in paragraphs(data.text)]
    if data.items:
        parts.append('<ol class="stap__items" type="a" markdown="block">')
        parts += [
            f'<li value="{i}" markdown="span"><span class="stap__label">{esc_html(item.label)}.</span> '
            f"{md_text(item.text, content.registry)}</li>"
            for i, item in enumerate(data.items, start=1)
        ]
        parts.append("</ol>")
    if data.table:
        parts.append(render_table(data.table))
    if data.after:
        parts += [f'<p markdown="span">{md_text(p, content.registry)}</p>' for p in paragraphs(data.after)]
    # an editorial note on this step stands with it, marked as the editors' words
    parts += [
        f'<div class="admonition note"><p class="admonition-title">Noot van de redactie</p><p>{esc_html(note)}</p></div>'
        for note in notes
    ]
    parts += ["</div>", "</li>"]
    return "\n".join(parts)


def render_checklist(
    checklist_id: str,
    steps: tuple[StepView, ...],
    content: Content,
    short_links: bool = False,
    notes: dict[int, tuple[str, ...]] | None = None,
) -> str:
    """Steps as a checklist (ticks kept per checklist id), under group headings where present."""
    out = [
        f'<div class="checklist" data-checklist="{esc_html(checklist_id)}" markdown="block">',
        '<p class="checklist__voortgang" aria-live="polite" data-search-exclude></p>',
    ]
    group = None
    open_list = False
    for step in steps:
        if step.group is not group:
            if open_list:
                out.append("</ol>")
            group = step.group
            audience = f' data-doelgroep="{esc_html(group.audience)}"' if group.audience else ""
            out.append(f'<h3 id="{checklist_id.lower()}-{slug(group.title)}"{audience}>{esc_html(group.title)}</h3>')
            open_list = False
        if not open_list:
            out.append('<ol class="checklist__stappen" markdown="block">')
            open_list = True
        out.append(render_step(step, content, short_links, (notes or {}).get(step.number, ())))
    out.append("</ol>")
    out.append(
        '<p><button type="button" class="md-button checklist__wis" hidden>Vinkjes wissen</button></p>'
    )
    out.append("</div>")
    return "\n".join(out)
