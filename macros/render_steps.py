"""Steps as checklists and data tables: shared by the cycle and the training guides (pure)."""

from __future__ import annotations

from collections.abc import Callable

from kennisbank.citations import MARKER, plain
from kennisbank.model import Content, StepView
from kennisbank.sitemap import CHANGES, OLD_TICKS_KEY, SELECTION, TICK_KEY, TICKED, lesson_link, link, short_path, version_anchor
from .render_text import EDITORS_MARK, esc_html, md_text, paragraphs, slug

# a step id -> where a reader reports an error in that step (a mailto: address), or None
Feedback = Callable[[str], "str | None"]


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


class UnknownStep(KeyError):
    """A view asked for a step id the content does not hold; the message names the view and the id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return self.args[0]


def find_step(content: Content, step_id: str, view: str) -> StepView:
    """The step ``step_id`` for ``view`` (its name in the message: "Nu handelen-kaart x");
    UnknownStep stops the build naming both."""
    try:
        return content.step(step_id)
    except KeyError:
        raise UnknownStep(f"{view}: unknown step id {step_id!r}") from None


def render_note(text: str) -> str:
    """An editorial note on a step, collapsed (a details element, as pymdownx.details makes it):
    it stays with its step, marked as the editors', without interrupting the list of actions.
    Every paragraph of the note stays inside it."""
    body = "".join(f"<p>{esc_html(p)}</p>" for p in paragraphs(text))
    return f'<details class="note redactienoot"><summary>Noot van de redactie</summary>{body}</details>'


def short_text(step: StepView, words: int = 8) -> str:
    """The step's first words, for a place with no room for the whole text (a form's legend, an
    action list); "…" marks the cut, so the reader knows the whole text stands elsewhere."""
    data = step.data
    all_words = plain(data.text).split()
    more = len(all_words) > words or bool(data.items or data.table or data.after or step.notes)
    return " ".join(all_words[:words]) + (" …" if more else "")


def step_body(step: StepView, content: Content) -> list[str]:
    """The step's text block, the one rendering of a step's words every view shows: paragraphs,
    sub-items (nested where the source nests them), table, text after, and the editors' notes."""
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
    parts += [render_note(note) for note in step.notes]
    parts.append("</div>")
    return parts


def step_citations(step: StepView) -> list[str]:
    """The citations in the step's own text, sub-items and closing text, as the reader reads them
    ("Literatuurreview H1, H3 / Tabel 2"), each once, in order."""

    def texts(items):
        return [t for item in items for t in (item.text, *texts(item.items))]

    data = step.data
    found = [plain(m) for text in (data.text, *texts(data.items), data.after or "") for m in MARKER.findall(text)]
    return list(dict.fromkeys(found))


def step_attributes(step: StepView) -> str:
    """What scripts and the post-build step read of a shown step (presentation, search entries):
    its id, the group heading it stands under and its citations (the presentation's source line),
    written here rather than worked out from anchors, the page's headings and its links."""
    group = f' data-groep="{esc_html(step.group.title)}"' if step.group else ""
    cited = step_citations(step)
    sources = f' data-bronnen="{esc_html("; ".join(cited))}"' if cited else ""
    return f'data-stap="{step.id}"{group}{sources}'


def changed_mark(step: StepView, content: Content) -> str:
    """"gewijzigd in 0.2" beside a step the latest version changed, linking the changelog."""
    latest = content.changelog[0] if content.changelog else None
    if latest is None or step.id not in latest.ids:
        return ""
    href = link(CHANGES, version_anchor(latest.version))
    return f'<a class="stap__gewijzigd" href="{href}">gewijzigd in {esc_html(latest.version)}</a>'


def noun(step: StepView) -> str:
    """What the site calls it: a "stap" (an action) or a "punt" (a signal, question, example)."""
    return "stap" if step.kind == "steps" else "punt"


def select_button(step: StepView) -> str:
    """The toggle that puts a step of the cycle in the reader's own selection (selectie.js, which
    shows it: without a script it would do nothing). It names the step by its anchor, the form the
    selection's address is written in, so the script needs no id rule of its own."""
    return (
        f'<button type="button" class="kies" data-kies="{step.anchor}" aria-pressed="false" data-site-only hidden>'
        f'In selectie<span class="visueel-verborgen"> ({noun(step)} {step.id})</span></button>'
    )


def selection_link() -> str:
    """A link to the reader's selection; selectie.js shows it with the count and the selection's
    address (the steps chosen, in order)."""
    return f'<a class="selectie-link" href="/{SELECTION}" data-site-only hidden>Eigen selectie</a>'


def lesson_button(steps: list[StepView] | tuple[StepView, ...], title: str) -> str:
    """These steps, in this order, opened as a lesson of one's own (the selection page: print with
    short links and QR codes, present, export), titled ``title``."""
    return (
        f'<a class="md-button les-link" href="{esc_html(lesson_link([s.anchor for s in steps], title))}" data-site-only>'
        f'Als les openen<span class="visueel-verborgen">: deze stappen als eigen selectie</span></a>'
    )


def render_step(
    step: StepView, content: Content, short_link: Callable[[str], str] | None = None, feedback: Feedback | None = None,
    selectable: bool = False,
) -> str:
    """One step as a list item: number (with a checkbox if it is an action), text, sub-items, table;
    ``short_link``: where the step has a short link, its address as paper shows it, by slug
    (the copy button copies it; a browser's print shows it beside the number: data-adres);
    ``feedback``: the step id -> the address where a reader reports an error in it (or None);
    ``selectable``: with the toggle that adds it to the reader's selection (steps of the cycle)."""
    noun = "stap" if step.kind == "steps" else "punt"
    report = feedback(step.id) if feedback else None
    parts = [
        f'<li class="stap stap--{noun}" id="{step.anchor}" {step_attributes(step)} markdown="block">',
        f'<div class="stap__kop" data-search-exclude'
        + (f' data-adres="{esc_html(short_link(step.anchor))}"' if short_link else "")
        + f'>{step_number(step)}'
        # named by its purpose, not by its "#" (a screen reader's list of links reads the name)
        f'<a class="stap__link" href="#{step.anchor}" data-site-only aria-label="Link naar {noun} {step.id}" title="Link naar {noun} {step.id}">#</a>'
        # copies the short link (/r/v2-4/) where the step has one, else the page address + anchor
        f'<button type="button" class="kopieer kopieer--klein" data-site-only data-anker="{step.anchor}"'
        + (f' data-kort="{short_path(step.anchor)}"' if short_link else "")
        + f'>Kopieer link<span class="visueel-verborgen"> naar {noun} {step.id}</span></button>'
        + (select_button(step) if selectable else "")
        + (f'<a class="stap__meld" href="{esc_html(report)}" data-site-only>Klopt er iets niet?'
           f'<span class="visueel-verborgen"> ({noun} {step.id})</span></a>' if report else "")
        + changed_mark(step, content) + "</div>",
    ]
    parts += step_body(step, content)
    parts.append("</li>")
    return "\n".join(parts)


def render_step_elsewhere(step: StepView, content: Content, place: str, attributes: str = "", controls: str = "") -> str:
    """A step shown away from its recommendation's page (a "Nu handelen" card, the selection): its
    number, a link to its place (``place``: the recommendation's label; on paper the link prints
    the step's short link), its group heading, ``controls`` of the view, and its whole body.
    ``attributes``: the view's own data attributes on the item."""
    handvat = content.handvat(step.id.split(".")[0])
    group = f" · {esc_html(step.group.title)}" if step.group else ""
    return "\n".join(
        [
            f'<li class="stap stap--{noun(step)}" id="{step.anchor}" {step_attributes(step)}{attributes} markdown="block">',
            f'<div class="stap__kop" data-search-exclude>{step_number(step)}'
            f'<a class="stap__bron" href="{esc_html(link(handvat.page, step.anchor))}" data-kort="{short_path(step.anchor)}">'
            # named by its step as well: a card or a selection links several steps of one recommendation
            f'uit {esc_html(place)}<span class="visueel-verborgen"> ({noun(step)} {step.id})</span></a>'
            f'<span class="stap__groep">{group}</span>{controls}</div>',
            *step_body(step, content),
            "</li>",
        ]
    )


def group_heading(step: StepView, anchor: str) -> str:
    """The heading of the group a step stands under (C5's "Specifiek voor politie en
    handhavingsorganisaties"), as every list of steps shows it."""
    group = step.group
    audience = f' data-doelgroep="{esc_html(group.audience)}"' if group.audience else ""
    return f'<h3 id="{anchor}-{slug(group.title)}"{audience}>{esc_html(group.title)}</h3>'


def checklist_attributes(checklist_id: str) -> str:
    """What checklist.js reads of a checklist: where each step's tick is kept (one key per step id,
    shared by every page that shows the step) and the list 0.1 kept for this checklist."""
    return (
        f'data-checklist="{esc_html(checklist_id)}" data-opslag="{TICK_KEY}" data-opslag-waarde="{TICKED}"'
        f' data-opslag-oud="{esc_html(OLD_TICKS_KEY + checklist_id)}"'
    )


def render_checklist(
    checklist_id: str,
    steps: tuple[StepView, ...],
    content: Content,
    short_links: Callable[[str], str] | None = None,
    feedback: Feedback | None = None,
    selectable: bool = False,
) -> str:
    """Steps as a checklist (a tick kept per step id), under group headings where present;
    ``short_links``: the steps' short links as paper shows them, by slug (steps of the cycle).

    Points (signals, questions, examples) are listed the same way, without checkboxes; a list of
    points only is no checklist at all.
    """
    actions = any(s.kind == "steps" for s in steps)
    out = [
        f'<div class="checklist" {checklist_attributes(checklist_id)} markdown="block">'
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
            out.append(group_heading(step, checklist_id.lower()))
            open_list = False
        if not open_list:
            out.append(f'<ol class="checklist__stappen checklist__stappen--{step.kind}" markdown="block">')
            open_list = True
        out.append(render_step(step, content, short_links, feedback, selectable))
    out.append("</ol>")
    if actions:
        out.append('<p data-site-only><button type="button" class="md-button checklist__wis" hidden>Vinkjes wissen</button></p>')
    out.append("</div>")
    return "\n".join(out)
