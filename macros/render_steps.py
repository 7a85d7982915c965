"""Steps as checklists and data tables: shared by the cycle and the training guides (pure)."""

from __future__ import annotations

from kennisbank.model import Content, StepView
from kennisbank.sitemap import short_path
from .render_text import EDITORS_MARK, esc_html, md_text, paragraphs, slug


def render_table(table) -> str:
    """A data table as HTML with a caption and column header cells.

    The caption and the column headers are the editors' (marked); the cells are the source's. A
    row of one cell is the source's sentence that introduces the rows below it: it heads a row
    group across the table, word for word.
    Cells stand on lines of their own: the search index takes the text without tags, and cells
    written back to back ran together into one word there ("bruikbaar10ijsberen")."""
    head = "\n".join(f'<th scope="col">{esc_html(c)}</th>' for c in table.columns)
    groups = [[]]
    for row in table.rows:
        if len(row) == 1 and len(table.columns) > 1:
            groups.append([f'<tr><th colspan="{len(table.columns)}" scope="rowgroup" class="tabel__bronzin">{esc_html(row[0])}</th></tr>'])
        else:
            groups[-1].append("<tr>" + "\n".join(f"<td>{esc_html(c)}</td>" for c in row) + "</tr>")
    body = "".join("<tbody>" + "\n".join(g) + "</tbody>" for g in groups if g)
    return (
        f'<table class="datatabel"><caption>{esc_html(table.caption)} {EDITORS_MARK}</caption>'
        f"<thead><tr>{head}</tr></thead>{body}</table>"
    )


def render_items(items, content: Content) -> list[str]:
    """Labelled sub-items (a., b. or 1., 2.), nested where the source nests them."""
    parts = ['<ol class="stap__items" markdown="block">']
    for item in items:
        parts.append(
            f'<li markdown="block"><p markdown="span"><span class="stap__label">{esc_html(item.label)}.</span> '
            f"{md_text(item.text, content.registry)}</p>"
        )
        if item.items:
            parts += render_items(item.items, content)
        parts.append("</li>")
    parts.append("</ol>")
    return parts


def step_number(step: StepView) -> str:
    """The step's number: a checkbox labelled with it for an action, the bare number for a point."""
    if step.kind == "steps":
        # named as the action it performs; its state (ticked or not) is the checkbox's own
        box_id = f"vink-{step.anchor}"
        return (
            f'<input type="checkbox" class="stap__vink" id="{box_id}" data-stap="{step.id}" aria-describedby="tekst-{step.anchor}">'
            f'<label for="{box_id}"><span class="visueel-verborgen">Markeer stap </span>{step.id}'
            f'<span class="visueel-verborgen"> als gedaan</span></label>'
        )
    return f'<span class="stap__nummer"><span class="visueel-verborgen">Punt </span>{step.id}</span>'


def render_note(text: str) -> str:
    """An editorial note on a step, collapsed (a details element, as pymdownx.details makes it):
    it stays with its step, marked as the editors', without interrupting the list of actions."""
    return (
        '<details class="note redactienoot"><summary>Noot van de redactie</summary>'
        f"<p>{esc_html(text)}</p></details>"
    )


def step_body(step: StepView, content: Content, notes: tuple[str, ...] = ()) -> list[str]:
    """The step's text block: paragraphs, sub-items, table, text after, editorial notes."""
    data = step.data
    parts = [f'<div class="stap__tekst" id="tekst-{step.anchor}" markdown="block">']
    links = tuple((ref.words, content.step_url(ref.target)) for ref in data.see)
    parts += [f'<p markdown="span">{md_text(p, content.registry, links)}</p>' for p in paragraphs(data.text)]
    if data.items:
        parts += render_items(data.items, content)
    if data.table:
        parts.append(render_table(data.table))
    if data.after:
        parts += [f'<p markdown="span">{md_text(p, content.registry)}</p>' for p in paragraphs(data.after)]
    parts += [render_note(note) for note in notes]
    parts.append("</div>")
    return parts


def render_step(step: StepView, content: Content, short_link: bool = False, notes: tuple[str, ...] = ()) -> str:
    """One step as a list item: number (with a checkbox if it is an action), text, sub-items, table."""
    noun = "stap" if step.kind == "steps" else "punt"
    parts = [
        f'<li class="stap stap--{noun}" id="{step.anchor}" markdown="block">',
        f'<div class="stap__kop" data-search-exclude>{step_number(step)}'
        f'<a class="stap__link" href="#{step.anchor}" data-site-only title="Link naar {noun} {step.id}">#</a>'
        # copies the short link (/r/v2-4/) where the step has one, else the page address + anchor
        f'<button type="button" class="kopieer kopieer--klein" data-site-only data-anker="{step.anchor}"'
        + (f' data-kort="{short_path(step.anchor)}"' if short_link else "")
        + f'>Kopieer link<span class="visueel-verborgen"> naar {noun} {step.id}</span></button></div>',
    ]
    parts += step_body(step, content, notes)
    parts.append("</li>")
    return "\n".join(parts)


def render_checklist(
    checklist_id: str,
    steps: tuple[StepView, ...],
    content: Content,
    short_links: bool = False,
    notes: dict[int, tuple[str, ...]] | None = None,
) -> str:
    """Steps as a checklist (ticks kept per checklist id), under group headings where present.

    Points (signals, questions, examples) are listed the same way, without checkboxes; a list of
    points only is no checklist at all.
    """
    actions = any(s.kind == "steps" for s in steps)
    out = [
        f'<div class="checklist" data-checklist="{esc_html(checklist_id)}" markdown="block">'
        if actions
        else '<div class="puntenlijst" markdown="block">',
        '<p class="checklist__voortgang" aria-live="polite" data-search-exclude data-site-only></p>' if actions else "",
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
            out.append(f'<ol class="checklist__stappen checklist__stappen--{step.kind}" markdown="block">')
            open_list = True
        out.append(render_step(step, content, short_links, (notes or {}).get(step.number, ())))
    out.append("</ol>")
    if actions:
        out.append('<p data-site-only><button type="button" class="md-button checklist__wis" hidden>Vinkjes wissen</button></p>')
    out.append("</div>")
    return "\n".join(out)
