"""Training guides and courses, from validated data to HTML/Markdown (pure functions).

Tables are raw HTML (captions, row headers, row groups); links are site-root links
(kennisbank.sitemap), made relative to the page by the macro layer.
"""

from __future__ import annotations

import re

import json
from collections.abc import Callable

from kennisbank.model import text_fields
from kennisbank.model_trainingen import COST_FIELDS, PROVIDER_FIELDS, Course, Element, FunctionGroup, GuideNote, PublieksagressieFile
from kennisbank.sitemap import COURSE_COMPARISON, GROUP_OVERVIEWS, GUIDE_TABLE_PAGES, group_anchor, link, note_anchor
from .render_text import EDITORS_MARK, esc, esc_html

ALL_GROUPS = "wanneer hier niets wordt aangegeven, is het trainingsonderdeel van belang voor alle functiegroepen en leidinggevenden"


def _ul(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{esc_html(i)}</li>" for i in items) + "</ul>" if items else ""


def _ps(paragraphs: list[str]) -> str:
    return "".join(f"<p>{esc_html(p)}</p>" for p in paragraphs)


# --- guide "publieksagressie" ----------------------------------------------------------------

STAR = '<span aria-hidden="true">*</span><span class="visueel-verborgen"> (inbegrepen in basis- en/of vervolgopleiding)</span>'
STAR_NOTE = "* Vaardigheidstrainingen inbegrepen in basis- en/of vervolgopleiding"
# A cell of a derived table that the source is silent on: a dash to see, words to hear.
# One wording for every absence on the site: "niet vermeld in de bron" (see /bronnen/).
NOT_STATED = "niet vermeld in de bron"
SILENT = f'<span class="niet-vermeld" aria-hidden="true">–</span><span class="visueel-verborgen">{NOT_STATED}</span>'
# The sample programme's block of specific skills training gives no "Duur:"; the paragraph after
# its lists begins with what the source says of the duration instead.
NO_GUIDELINE_SOURCE = "Over de duur van gerichte vaardigheidstrainingen is geen duidelijke richtlijn te geven."
NO_GUIDELINE = "geen duidelijke richtlijn"


def _on(page: str, anchor: str) -> str:
    """An anchor on this page ("" ) or on another one (a docs path)."""
    return link(page, anchor) if page else f"#{anchor}"


def _notes_at(guide: PublieksagressieFile, where: str) -> list[tuple[int, GuideNote]]:
    return list(enumerate((n for n in guide.notes if n.where == where), start=1))


PLACE_LABELS = {
    "tabel-1": "Tabel 1", "tabel-2": "Tabel 2", "tabel-4": "Tabel 4", "tabel-5": "Tabel 5",
    "leidinggevenden": "de tabel voor leidinggevenden", "voorbeeldprogramma": "het voorbeeldprogramma",
}


def _note_refs(guide: PublieksagressieFile, where: str, row: str, page: str = "") -> str:
    """Links from a row to the editorial notes on it; ``page`` (a docs path) is the note's page when
    elsewhere (the link then names the table, as notes of several tables are numbered apart)."""
    place = f" bij {PLACE_LABELS[where]}" if page else ""
    return "".join(
        f' <a class="noot-ref" href="{esc_html(_on(page, note_anchor(where, n)))}" title="Noot van de redactie">[noot {n}{place}]</a>'
        for n, note in _notes_at(guide, where)
        if note.row == row
    )


def render_guide_notes(guide: PublieksagressieFile, where: str) -> str:
    """The editorial notes on a table, under it, each with its anchor (#noot-tabel-2-1)."""
    notes = _notes_at(guide, where)
    if not notes:
        return ""
    items = "".join(f'<li id="{note_anchor(where, n)}">{esc_html(note.text)}</li>' for n, note in notes)
    return f'<div class="admonition note"><p class="admonition-title">Noot van de redactie</p><ol>{items}</ol></div>'


def render_function_groups(guide: PublieksagressieFile) -> str:
    """Tabel 1: one row per function group, its name a row header linking to its overview."""
    head = "".join(
        f'<th scope="col">{c}</th>'
        for c in ("Functiegroep", "Voorbeeldfuncties", "Competenties", "Vereiste basisopleiding")
    )
    rows = "".join(
        f'<tr id="tabel1-{g.id}"><th scope="row"><a href="{esc_html(link(GROUP_OVERVIEWS, group_anchor(g.id)))}">'
        f"{esc_html(g.name)}</a><p>{esc_html(g.description)}</p></th>"
        f"<td>{_ul(g.example_functions)}</td><td>{_ul(g.competences)}</td>"
        f"<td>{esc_html(g.education)}{_note_refs(guide, 'tabel-1', g.id)}</td></tr>"
        for g in guide.function_groups
    )
    return (
        f'<table class="datatabel functiegroepen"><caption>Tabel 1 Overzicht functiegroepen</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>" + render_guide_notes(guide, "tabel-1")
    )


def _element_rows(elements: list[Element], refs: Callable[[Element], str], marker: Callable[[Element], str] = lambda e: "") -> str:
    return "".join(
        f'<tr><th scope="row">{esc_html(e.name)}{marker(e)}</th><td>{esc_html(e.audience or "")}{refs(e)}</td></tr>'
        for e in elements
    )


def _audience_head(first: str) -> str:
    return (
        f'<thead><tr><th scope="col">{esc_html(first)}</th><th scope="col">Specifieke doelgroep '
        f'<span class="kolomnoot">{esc_html(ALL_GROUPS)}</span></th></tr></thead>'
    )


def render_training_elements(guide: PublieksagressieFile) -> str:
    """Tabel 2: the elements per cluster (a row group each) with their specific target group."""
    bodies = "".join(
        f'<tbody><tr><th scope="rowgroup" colspan="2" class="cluster">{n} {esc_html(c.cluster)}</th></tr>'
        f"{_element_rows(c.elements, lambda e: _note_refs(guide, 'tabel-2', e.name))}</tbody>"
        for n, c in enumerate(guide.training_elements, start=1)
    )
    return (
        f'<table class="datatabel"><caption>Tabel 2 Overzicht trainingsonderdelen</caption>'
        f"{_audience_head('Trainingselementen agressie en geweld')}{bodies}</table>"
        + render_guide_notes(guide, "tabel-2")
    )


def render_professional_skills(guide: PublieksagressieFile) -> str:
    """Tabel 4, with the source's * for skills included in basic or further education."""
    star = lambda e: STAR if e.in_basic_education else ""  # noqa: E731
    refs = lambda e: _note_refs(guide, "tabel-4", e.name)  # noqa: E731
    return (
        f'<table class="datatabel"><caption>Tabel 4 Vaardigheidstrainingen professioneel handelen en doelgroep</caption>'
        f"{_audience_head('Vaardigheden – professioneel handelen')}"
        f"<tbody>{_element_rows(guide.professional_skills, refs, star)}</tbody></table>"
        f'<p class="tabelnoot">{STAR_NOTE}</p>' + render_guide_notes(guide, "tabel-4")
    )


def render_education_skills(guide: PublieksagressieFile) -> str:
    """Tabel 5: skills training included in function-specific education."""
    rows = "".join(
        f'<tr><th scope="row">{esc_html(r.education)}</th><td>{esc_html(r.skills)}</td></tr>' for r in guide.education_skills
    )
    return (
        f'<table class="datatabel"><caption>Tabel 5 Vaardigheidstrainingen in functiegerichte opleidingen</caption>'
        f'<thead><tr><th scope="col">Opleiding</th><th scope="col">Vaardigheidstraining</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>" + render_guide_notes(guide, "tabel-5")
    )


def render_manager_elements(guide: PublieksagressieFile) -> str:
    bodies = "".join(
        f'<tbody><tr><th scope="rowgroup" class="cluster">{esc_html(c.cluster)}</th></tr>'
        + "".join(f"<tr><td>{esc_html(e)}</td></tr>" for e in c.elements)
        + "</tbody>"
        for c in guide.manager_elements
    )
    return (
        f'<table class="datatabel"><caption>Trainingselementen agressie en geweld – Leidinggevenden</caption>'
        f"{bodies}</table>" + render_guide_notes(guide, "leidinggevenden")
    )


def render_sample_programme(guide: PublieksagressieFile) -> str:
    """The sample programme, in the source's order: a row per block; where a block lists skills per
    function group, the table stops, the lists follow, then the paragraph the source gives after
    them (``after``), and the next blocks continue in a second table with the same columns."""
    parts: list[list[str]] = [[]]
    between: list[str] = []
    for n, block in enumerate(guide.sample_programme, start=1):
        content = esc_html(block.content or "") + (f"<p>{esc_html(block.text)}</p>" if block.text else "")
        duration = esc_html(block.duration or "")
        if block.skills_by_group:
            content += '<p><a href="#programma-vaardigheden">Voorbeelden van vaardigheidstrainingen per functiegroep</a></p>'
        if not duration and block.after and block.after.startswith(NO_GUIDELINE_SOURCE):
            # the source does speak of the duration: that there is no clear guideline
            duration = f'{NO_GUIDELINE} (zie <a href="#programma-duur">de alinea onder de voorbeelden</a>)'
        parts[-1].append(
            f'<tr id="programma-{n}"><th scope="row"><span class="label">{esc_html(block.audience_label)}:</span> '
            f"{esc_html(block.audience)}{_note_refs(guide, 'voorbeeldprogramma', block.audience)}</th>"
            f"<td>{esc_html(block.aim or '') or SILENT}</td><td>{content or SILENT}</td>"
            f"<td>{duration or SILENT}</td></tr>"
        )
        if block.skills_by_group or block.after:
            between.append(_skills_table(block))
            parts.append([])
    legend = (
        f'<p class="tabelnoot"><span aria-hidden="true">–</span> {NOT_STATED}: de bron geeft hier voor deze doelgroep geen doel of duur.</p>'
        if any(SILENT in r for rows in parts for r in rows) else ""
    )
    head = (
        '<thead><tr><th scope="col">Doelgroep</th><th scope="col">Doel</th><th scope="col">Inhoud</th>'
        '<th scope="col">Duur</th></tr></thead>'
    )
    out = []
    for i, rows in enumerate(parts):
        if rows:
            caption = "Voorbeeldprogramma" + (" (vervolg)" if i else "")
            out.append(f'<table class="datatabel programma"><caption>{caption}</caption>{head}<tbody>{"".join(rows)}</tbody></table>')
        if i < len(between):
            out.append(between[i])
    return "".join(out) + legend + render_guide_notes(guide, "voorbeeldprogramma")


def _skills_table(block) -> str:
    rows = "".join(
        f'<tr><th scope="row">{esc_html(listing.label)}</th><td>{_ul(listing.skills)}</td></tr>'
        for listing in block.skills_by_group
    )
    after = f'<p id="programma-duur">{esc_html(block.after)}</p>' if block.after else ""
    table = (
        f'<table class="datatabel" id="programma-vaardigheden"><caption>Voorbeelden van vaardigheidstrainingen '
        f'(<a href="{esc_html(link(GROUP_OVERVIEWS, "matrix"))}">overzicht per functiegroep</a>)</caption>'
        f'<thead><tr><th scope="col">Functiegroep</th><th scope="col">Vaardigheidstrainingen</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        if rows else ""
    )
    return table + after


def skill_matrix(guide: PublieksagressieFile) -> tuple[list[str], list[FunctionGroup], dict[str, set[str]]]:
    """Skills of the sample programme (first-seen order) and the groups each is listed for."""
    skills: list[str] = []
    groups_of: dict[str, set[str]] = {}
    for block in guide.sample_programme:
        for listing in block.skills_by_group:
            for skill in listing.skills:
                if skill not in groups_of:
                    skills.append(skill)
                    groups_of[skill] = set()
                groups_of[skill].update(listing.groups)
    return skills, list(guide.function_groups), groups_of


LISTED = '<td class="ja"><span aria-hidden="true">✓</span><span class="visueel-verborgen">genoemd</span></td>'
# The source gives examples: a skill it does not list for a group is not named, not excluded.
NOT_LISTED = f'<td class="niet-genoemd">{SILENT}</td>'


def render_matrix(guide: PublieksagressieFile) -> str:
    """Function groups against the sample programme's example skills, from its per-group lists."""
    skills, groups, groups_of = skill_matrix(guide)
    head = "".join(f'<th scope="col"><a href="#{group_anchor(g.id)}">{esc_html(g.name)}</a></th>' for g in groups)
    rows = "".join(
        f'<tr><th scope="row">{esc_html(skill)}</th>'
        + "".join(LISTED if g.id in groups_of[skill] else NOT_LISTED for g in groups)
        + "</tr>"
        for skill in skills
    )
    labels = [listing.label for block in guide.sample_programme for listing in block.skills_by_group]
    shared = [
        f"‘{listing.label}’ geldt hier voor "
        + " en ".join(next(g.name for g in groups if g.id == gid) for gid in listing.groups)
        for block in guide.sample_programme
        for listing in block.skills_by_group
        if len(listing.groups) > 1
    ]
    legend = (
        "Voorbeelden, geen volledige lijst: het voorbeeldprogramma geeft per functiegroep "
        "‘Voorbeelden van vaardigheidstrainingen’ (lijsten "
        + ", ".join(f"‘{esc_html(label)}’" for label in labels)
        + f"). ✓ genoemd: de bron noemt de training als voorbeeld bij die functiegroep. – {NOT_STATED}: "
        "de bron noemt haar daar niet; dat zegt niet dat de training voor die functiegroep niet past."
        + "".join(f" {esc_html(s)}." for s in shared)
    )
    return (
        '<table class="datatabel matrix" id="matrix"><caption>Voorbeelden van vaardigheidstrainingen uit het '
        "voorbeeldprogramma, per functiegroep</caption>"
        f'<thead><tr><th scope="col">Vaardigheidstraining</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        f'<p class="tabelnoot">{legend}</p>'
    )


def _applies(element: Element, group_id: str) -> bool:
    return element.groups is None or group_id in element.groups


def _specific(guide: PublieksagressieFile, where: str, element: Element) -> str:
    """A list item for an element with a specific target group: its name, the source's own words
    for that group, and the editors' notes on how it was mapped to function groups."""
    star = STAR if getattr(element, "in_basic_education", False) else ""
    return (
        f"<li>{esc_html(element.name)}{star} <span class=\"doelgroep\">(doelgroep volgens de bron: "
        f"‘{esc_html(element.audience or '')}’)</span>{_note_refs(guide, where, element.name, GUIDE_TABLE_PAGES[where])}</li>"
    )


def render_group_overviews(guide: PublieksagressieFile) -> str:
    """Per function group: its functions, and which elements, skills and programme skills apply."""
    skills, _, groups_of = skill_matrix(guide)
    out = []
    tables = link(GUIDE_TABLE_PAGES["tabel-2"])
    elements = [e for c in guide.training_elements for e in c.elements]
    unassigned = [e for e in elements if e.groups is None]
    noted = {n.row for _, n in _notes_at(guide, "tabel-2")}
    open_audience = [e for e in unassigned if not e.audience and e.name in noted]
    # "Met name voor …": mainly, not only
    mainly = [e for e in elements if (e.audience or "").lower().startswith("met name")]
    for g in guide.function_groups:
        specific = [e for c in guide.training_elements for e in c.elements if e.groups and g.id in e.groups]
        # no target group: "van belang voor alle functiegroepen", unless the source leaves open whether
        # one belongs to it (an element without audience that carries a note on Tabel 2 says why)
        general = [e.name for e in unassigned if e not in open_audience]
        prof = [s for s in guide.professional_skills if _applies(s, g.id)]
        programme = [s for s in skills if g.id in groups_of[s]]
        # Markdown headings, so each group is in the page's table of contents with a permalink
        out.append(f"## {esc(g.name)} {{#{group_anchor(g.id)}}}\n")
        out.append(
            f"<p>{esc_html(g.description)}</p>\n<p><strong>Voorbeeldfuncties:</strong> "
            f"{esc_html(', '.join(g.example_functions))}{_note_refs(guide, 'tabel-1', g.id, GUIDE_TABLE_PAGES['tabel-1'])}</p>\n"
        )
        out.append(f"### Trainingselementen (Tabel 2) {{#{group_anchor(g.id)}-elementen}}\n")
        out.append(
            (
                "<p>Elementen waarbij tabel 2 deze functiegroep als specifieke doelgroep noemt, of waarvan "
                "de redactie de genoemde doelgroep tot deze functiegroep rekent:</p><ul>" + "".join(_specific(guide, "tabel-2", e) for e in specific) + "</ul>"
                if specific
                else "<p>Tabel 2 noemt deze functiegroep bij geen enkel element als specifieke doelgroep.</p>"
            )
            + f'<p>Daarnaast zijn volgens <a href="{esc_html(tables)}">tabel 2</a> de {len(general)} '
            "trainingselementen zonder specifieke doelgroep ‘van belang voor alle functiegroepen en "
            "leidinggevenden’"
            + "".join(
                f", en mogelijk ook ‘{esc_html(e.name)}’: of daar een doelgroep bij hoort, blijkt niet uit de bron"
                + _note_refs(guide, "tabel-2", e.name, GUIDE_TABLE_PAGES["tabel-2"])
                for e in open_audience
            )
            + ".</p>\n"
            + (
                f"<p>{EDITORS_MARK} Elementen die tabel 2 ‘met name’ voor een functiegroep noemt ("
                + ", ".join(f"‘{esc_html(e.name)}’" for e in mainly)
                + "), staan hier alleen bij de functiegroepen die tabel 2 daar noemt. ‘Met name’ is niet ‘alleen’: de bron sluit "
                "andere functiegroepen niet uit.</p>\n"
                if mainly else ""
            )
        )
        out.append(f"### Vaardigheden professioneel handelen (Tabel 4) {{#{group_anchor(g.id)}-vaardigheden}}\n")
        items = "".join(
            _specific(guide, "tabel-4", s)
            if s.groups
            else f"<li>{esc_html(s.name)}{STAR if s.in_basic_education else ''}</li>"
            for s in prof
        )
        star_note = f'<p class="tabelnoot">{STAR_NOTE} (Tabel 4).</p>' if any(s.in_basic_education for s in prof) else ""
        out.append(f"<ul>{items}</ul>{star_note}\n")
        out.append(f"### Vaardigheidstrainingen in het voorbeeldprogramma {{#{group_anchor(g.id)}-programma}}\n")
        out.append(
            (
                "<p>Voorbeelden die het voorbeeldprogramma bij deze functiegroep noemt:</p>" + _ul(programme)
                if programme
                else "<p>Het voorbeeldprogramma noemt voor deze functiegroep geen vaardigheidstrainingen.</p>"
            )
            + "\n"
        )
    return "\n".join(out)


# --- courses ----------------------------------------------------------------------------------

def _cost(cost) -> str:
    if cost is None:
        return ""
    # "€243 (incl BTW), nvt bij online lesvorm.": the exception follows as the source writes it
    extra = f", {esc_html(cost.not_applicable)}" if cost.not_applicable else ""
    return esc_html(cost.text) + extra


# The course facts, each with our label and its value as HTML ("" where the data has none). A
# course's details table shows the ones its source lists (Course.details, with the source's
# labels); the comparison table groups them into rows (COMPARISON_ROWS).
COURSE_FIELDS: list[tuple[str, str, Callable[[Course], str]]] = [
    ("provider", "Aanbieder", lambda c: esc_html(c.provider.name) if c.provider and c.provider.name else ""),
    ("type", "Type opleiding", lambda c: esc_html(c.type or "")),
    ("duration", "Duur", lambda c: esc_html(c.duration)),
    ("lead_time", "Doorlooptijd", lambda c: esc_html(c.lead_time or "")),
    ("session_times", "Begin-/eindtijd bijeenkomsten", lambda c: esc_html(c.session_times or "")),
    ("teaching_day", "Lesdag", lambda c: esc_html(c.teaching_day or "")),
    ("dates", "Datums", lambda c: esc_html(c.dates or "")),
    ("level", "Niveau", lambda c: esc_html(c.level or "")),
    ("formats", "Lesvorm(en)", lambda c: esc_html(" of ".join(c.formats))),
    ("max_participants", "Aantal deelnemers", lambda c: f"Max. {c.max_participants}" if c.max_participants else ""),
    ("registration", "Inschrijvingskosten", lambda c: _cost(c.costs.registration)),
    ("tuition", "Lesgeld", lambda c: _cost(c.costs.tuition)),
    ("materials", "Kosten literatuur/materialen", lambda c: _cost(c.costs.materials)),
    ("copyright_fee", "Vergoeding auteursrecht", lambda c: _cost(c.costs.copyright_fee)),
    ("arrangement", "Arrangement", lambda c: _cost(c.costs.arrangement)),
    ("total", "Totaal", lambda c: _cost(c.costs.total)),
    ("certification", "Certificering", lambda c: esc_html(c.certification or "")),
    ("audience", "Voor wie", lambda c: esc_html(", ".join(c.audience.items))),
]
FIELD_LABEL = {name: label for name, label, _ in COURSE_FIELDS}
FIELD_VALUE = {name: value for name, _, value in COURSE_FIELDS}
NOT_GIVEN = '<span class="niet-vermeld">niet vermeld in de bron</span>'
# a row of the comparison that this course's description does not have at all: the same words for
# the reader (one wording, explained in the legend), a class of its own for the row logic
NOT_IN_SOURCE = '<span class="niet-vermeld niet-vermeld--onderdeel">niet vermeld in de bron</span>'
COSTS = COST_FIELDS


def _label(course: Course, field_name: str) -> str:
    """The source's label for a detail where it has its own, else ours."""
    own = next((d.label for d in course.details if d.field == field_name and d.label), None)
    return own or FIELD_LABEL[field_name]


def _noted(course: Course, fields: tuple[str, ...], page: str = "") -> str:
    """Links to the editorial notes on these fields; ``page`` (a docs path) is the course page when elsewhere."""
    return "".join(
        f' <a class="noot-ref" href="{esc_html(_on(page, note_anchor(course.id, n)))}" title="Noot van de redactie">[noot {n}]</a>'
        for n, note in enumerate(course.notes, start=1)
        if note.field in fields
    )


def render_course_details(course: Course) -> str:
    """The facts the source lists as its details, in its order, with its labels. A fact the
    source labels but leaves empty (a placeholder) reads "niet vermeld", with its note."""
    if not course.details:
        return ""
    rows = "".join(
        f'<tr><th scope="row">{esc_html(_label(course, d.field))}</th>'
        f"<td>{FIELD_VALUE[d.field](course) or NOT_GIVEN}{_noted(course, (d.field,))}</td></tr>"
        for d in course.details
    )
    # what the source leaves open about its costs stands with them (in the facts table otherwise)
    remark = cost_remark(course) if _in_details(course, COSTS) else ""
    return f'<table class="datatabel cursusdetails"><caption>Opleidingsdetails</caption><tbody>{rows}</tbody></table>{remark}'


def _duration(course: Course) -> str:
    lead = f"; {esc_html(_label(course, 'lead_time').lower())}: {esc_html(course.lead_time)}" if course.lead_time else ""
    return esc_html(course.duration) + lead


def cost_remark(course: Course) -> str:
    """What the source leaves open about its cost lines, in plain words (editorial): no total where
    it gives several amounts, no VAT remark where it gives an amount. We never add them up."""
    priced = [f for f in COSTS if getattr(course.costs, f) is not None and getattr(course.costs, f).amount is not None]
    sentences = []
    if len(priced) > 1 and course.costs.total is None:
        sentences.append("De bron noemt geen totaalbedrag en zegt niet of de bedragen bij elkaar opgeteld worden.")
    silent = [f for f in priced if getattr(course.costs, f).vat_included is None]
    if silent and silent == priced and len(priced) > 1:
        sentences.append("Bij geen van de bedragen vermeldt de bron of de btw is inbegrepen.")
    elif silent:
        names = [f"‘{esc_html(_label(course, f))}’" for f in silent]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
        sentences.append(f"Bij {listed} vermeldt de bron niet of de btw is inbegrepen.")
    return f'<p class="tabelnoot kostennoot">{EDITORS_MARK} {" ".join(sentences)}</p>' if sentences else ""


def _costs(course: Course) -> str:
    items = [(f, FIELD_VALUE[f](course)) for f in COSTS]
    items = [(f, v) for f, v in items if v]
    if not items:
        return ""
    lines = "<ul>" + "".join(f"<li>{esc_html(_label(course, f))}: {v}</li>" for f, v in items) + "</ul>"
    return lines + cost_remark(course)


def _audience(course: Course, page: str) -> str:
    items = course.audience.items
    if len(items) <= 3:
        return esc_html(", ".join(items))
    return f'<a href="{esc_html(_on(page, "voor-wie"))}">{len(items)} punten in de lijst</a>'


# The comparison: (label, the fields a row shows, whether a reader expects the fact, value). A
# missing fact reads "niet vermeld in de bron", whether a reader expects it (provider, duration,
# dates, costs, audience), the course's own details have the label, or the description has no
# such part at all; the legend says so. A row no course has is left out.
COMPARISON_ROWS: list[tuple[str, tuple[str, ...], bool, Callable[[Course, str], str]]] = [
    ("Aanbieder", ("provider",), True, lambda c, p: FIELD_VALUE["provider"](c)),
    ("Type opleiding", ("type",), False, lambda c, p: FIELD_VALUE["type"](c)),
    ("Duur en doorlooptijd", ("duration", "lead_time"), True, lambda c, p: _duration(c)),
    ("Begin-/eindtijd bijeenkomsten", ("session_times",), False, lambda c, p: FIELD_VALUE["session_times"](c)),
    ("Lesdag", ("teaching_day",), False, lambda c, p: FIELD_VALUE["teaching_day"](c)),
    ("Datums", ("dates",), True, lambda c, p: FIELD_VALUE["dates"](c)),
    ("Niveau", ("level",), False, lambda c, p: FIELD_VALUE["level"](c)),
    ("Lesvorm(en)", ("formats",), False, lambda c, p: FIELD_VALUE["formats"](c)),
    ("Aantal deelnemers", ("max_participants",), False, lambda c, p: FIELD_VALUE["max_participants"](c)),
    ("Kosten", COSTS, True, lambda c, p: _costs(c)),
    ("Certificering", ("certification",), False, lambda c, p: FIELD_VALUE["certification"](c)),
    ("Voor wie", ("audience",), True, _audience),
]
COMPARISON_LEGEND = (
    f"{EDITORS_MARK} Samengesteld door de redactie uit de beschrijvingen van de cursussen; de gegevens "
    "zijn de woorden van de bron, de rijen en hun namen zijn van de redactie. <em>niet vermeld in de "
    "bron</em>: de beschrijving van de cursus geeft dit gegeven niet, laat het open of heeft dit "
    "onderdeel helemaal niet. [noot] verwijst naar een noot van de redactie op de pagina van de "
    "cursus; lees vooral de noten over de duur en het programma van de masterclass."
)


def _in_source(course: Course, fields: tuple[str, ...], expected: bool, value: str) -> bool:
    """Whether the course's description has this kind of fact at all (a value, a label of its own,
    or a fact every reader expects)."""
    return bool(value) or expected or any(d.field in fields for d in course.details)


def comparison_cell(course: Course, fields: tuple[str, ...], expected: bool, value: str, page: str) -> str:
    shown = value or (NOT_GIVEN if _in_source(course, fields, expected, value) else NOT_IN_SOURCE)
    return f"<td>{shown}{_noted(course, fields, page)}</td>"


def shown_rows(courses: list[Course]) -> list:
    """The rows of COMPARISON_ROWS the comparison shows: those at least one course has."""
    return [
        row for row in COMPARISON_ROWS
        if any(_in_source(c, row[1], row[2], row[3](c, "")) for c in courses)
    ]


def render_comparison(courses: list[Course], pages: dict[str, str]) -> str:
    """The courses side by side: a column per course, a row per kind of fact; ``pages``: each
    course's docs page."""
    head = "".join(
        # the notes on a course's programme (the masterclass: a programme about expectations, of four
        # days) concern the whole course: they stand with its name
        f'<th scope="col"><a href="{esc_html(link(pages[c.id]))}">{esc_html(c.title)}</a>{_noted(c, ("programme",), pages[c.id])}</th>'
        for c in courses
    )
    rows = []
    for label, fields, expected, value in shown_rows(courses):
        cells = [comparison_cell(c, fields, expected, value(c, pages[c.id]), pages[c.id]) for c in courses]
        rows.append(f'<tr><th scope="row">{esc_html(label)}</th>{"".join(cells)}</tr>')
    return (
        '<table class="datatabel vergelijking"><caption>Cursussen vergeleken</caption>'
        f'<thead><tr><th scope="col">Gegeven</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<p class="tabelnoot">{COMPARISON_LEGEND}</p>'
    )


def _in_details(course: Course, fields: tuple[str, ...]) -> bool:
    """Whether the source's own details (the table "Opleidingsdetails") give a comparison row whole:
    it lists one of the row's fields and every field of the row that has a value."""
    listed = {d.field for d in course.details}
    return bool(listed & set(fields)) and all(f in listed for f in fields if course.has_value(f))


def render_course_facts(course: Course, rows: list) -> str:
    """The course's column of the comparison (``rows``: the rows it shows), on the course's own page:
    the rows the source's details do not give already, with the same values and wording."""
    own = [row for row in rows if not _in_details(course, row[1])]
    if not own:
        return ""
    cells = "".join(
        f'<tr><th scope="row">{esc_html(label)}</th>{comparison_cell(course, fields, expected, value(course, ""), "")}</tr>'
        for label, fields, expected, value in own
    )
    above = " die de opleidingsdetails hierboven niet geven" if course.details else ""
    legend = (
        f'{EDITORS_MARK} De gegevens van deze cursus in de <a href="{esc_html(link(*COURSE_COMPARISON))}">vergelijking '
        f"van de cursussen</a>{above}; de gegevens zijn de woorden van de bron, de rijen en hun namen zijn van de "
        "redactie. <em>niet vermeld in de bron</em>: de beschrijving van de cursus geeft dit gegeven niet, laat het "
        "open of heeft dit onderdeel helemaal niet."
    )
    return (
        f'<table class="datatabel cursusgegevens"><caption>Deze cursus in de vergelijking</caption><tbody>{cells}</tbody></table>'
        f'<p class="tabelnoot">{legend}</p>'
    )


def _part(part, level: int) -> str:
    out = [f"<h{level}>{esc_html(part.title)}</h{level}>", _ps(part.text), _ul(part.items)]
    if part.assignment:
        out.append(
            f'<div class="opdracht"><p><strong>{esc_html(part.assignment.title)}:</strong></p>{_ps(part.assignment.text)}</div>'
        )
    out += [_part(sub, min(level + 1, 6)) for sub in part.parts]
    return "".join(out)


def course_json_ld(course: Course) -> dict:
    """schema.org Course for search engines; only facts the data states."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": course.title,
        "description": course.tagline or (course.results[0] if course.results else course.title),
        "inLanguage": "nl",
    }
    # no timeRequired (the sources give free text, and the masterclass contradicts itself on its
    # duration) and no Offer (one price line would drop the VAT remark and the other cost lines)
    if course.provider and course.provider.name:
        data["provider"] = {"@type": "Organization", "name": course.provider.name}
        if course.provider.website:
            data["provider"]["url"] = f"https://{course.provider.website}"
    if course.level:
        data["educationalLevel"] = course.level
    if course.audience.items:
        data["audience"] = {"@type": "Audience", "audienceType": "; ".join(course.audience.items)}
    if course.topics:
        data["about"] = course.topics
    instance: dict = {"@type": "CourseInstance", "courseMode": course.formats or None}
    if course.max_participants:
        instance["maximumAttendeeCapacity"] = course.max_participants
    data["hasCourseInstance"] = {k: v for k, v in instance.items() if v is not None}
    return data


# The fields whose notes a section of the course page links to, by the section's anchor.
SECTION_NOTES = {
    "resultaat": ("results",),
    "mogelijk-gemaakt": ("sponsor",),
    "doel": ("aims",),
    "voor-wie": ("audience",),
    "onderwerpen": ("topics",),
    "programma": ("programme",),
    "methode": ("method",),
    "ervaringen": ("quotes",),
    "aanbieder": ("provider",) + PROVIDER_FIELDS,
}


FIRST_PERSON = ("we", "wij", "ons", "onze")


def attribution(course: Course) -> str:
    """Whose words the page gives: the description's, not the knowledge base's (editorial). Quotes
    only the first-person words this description itself uses."""
    if course.provider and course.provider.name:
        who, speaker = f"van de aanbieder ({esc_html(course.provider.name)}) ", "de aanbieder"
        lead = f"Deze pagina geeft de cursusbeschrijving {who}zoals die in de bron staat."
    else:
        speaker = "de schrijver van de beschrijving"
        lead = "Deze pagina geeft de cursusbeschrijving zoals die in de bron staat; de bron noemt geen aanbieder."
    texts = " ".join(t for path, t in text_fields(course) if not path.startswith("notes"))
    words = [w for w in FIRST_PERSON if re.search(rf"\b{w}\b", texts, re.I)]
    if not words:
        return lead
    quoted = " en ".join(f"‘{w}’" for w in words)
    return f"{lead} Waar de tekst {quoted} zegt, spreekt {speaker}, niet de redactie van deze kennisbank."


def render_course(course: Course, rows: list | None = None) -> str:
    """A whole course page: title, details, its facts of the comparison (``rows``: the rows the
    comparison shows, all by default), the description sections, notes and JSON-LD."""
    out = [f"# {esc(course.title)}\n"]
    if course.tagline:
        out.append(f'<p class="tagline">{esc_html(course.tagline)}</p>\n')
    out.append(render_course_details(course) + "\n")
    out.append(render_course_facts(course, COMPARISON_ROWS if rows is None else rows) + "\n")
    items = "".join(
        f'<li id="{note_anchor(course.id, n)}">{esc_html(note.text)}</li>' for n, note in enumerate(course.notes, start=1)
    )
    out.append(
        '<div class="admonition note"><p class="admonition-title">Noot van de redactie</p>'
        f"<p>{attribution(course)}</p>" + (f"<ol>{items}</ol>" if items else "") + "</div>\n"
    )
    sections = []
    if course.results:
        sections.append(("resultaat", "Resultaat" if course.aims is None else "Introductie", _ps(course.results)))
    if course.sponsor:
        sections.append(("mogelijk-gemaakt", "Mogelijk gemaakt door", f"<p>{esc_html(course.sponsor)}</p>"))
    if course.aims:
        intro = f"<p>{esc_html(course.aims.intro)}</p>" if course.aims.intro else ""
        sections.append(("doel", "Doel", intro + _ul(course.aims.items)))
    sections.append(("voor-wie", "Voor wie?", _ps(course.audience.intro) + _ul(course.audience.items)))
    if course.topics:
        sections.append(("onderwerpen", "Onderwerpen die aan bod komen", _ul(course.topics)))
    if course.programme:
        body = "\n\n".join(
            f"### {esc(day.title)}\n\n<div>{_ps(day.text)}" + "".join(_part(p, 4) for p in day.parts) + "</div>"
            for day in course.programme
        )
        sections.append(("programma", "Programma", body))
    if course.method:
        sections.append(("methode", "Methode", _ps(course.method)))
    if course.quotes:
        quotes = "".join(
            f"<blockquote><p>{esc_html(q.text)}</p><footer>{esc_html(q.by)}</footer></blockquote>" for q in course.quotes
        )
        sections.append(("ervaringen", "Ervaringen", quotes))
    if course.provider:
        p = course.provider
        lines = [p.name] if p.name else []
        lines += p.lines + p.address
        contact = "<br>".join(esc_html(x) for x in lines)
        if p.phone:
            # shown as written, dialled without spaces (the source gives a Dutch number)
            dial = "".join(ch for ch in p.phone if ch.isdigit() or ch == "+")
            contact += f'<br>T <a href="tel:{esc_html(dial)}">{esc_html(p.phone)}</a>'
        if p.email:
            contact += f'<br>E <a href="mailto:{esc_html(p.email)}">{esc_html(p.email)}</a>'
        if p.website:
            # shown as written ("www.oidji.nl"), linked with the scheme the source leaves out
            contact += f'<br><a href="https://{esc_html(p.website)}" rel="noopener">{esc_html(p.website)}</a>'
        extra = f"<p>{esc_html(p.contact)}</p>" if p.contact else ""
        sections.append(("aanbieder", "Aanbieder en aanmelden", f"{extra}<address>{contact}</address>"))
    # the source's order where the data gives it (sections it does not list keep theirs, after it)
    order = {key: n for n, key in enumerate(course.sections)}
    sections.sort(key=lambda section: order.get(section[0], len(order)))
    for anchor, title, body in sections:
        noted = _noted(course, SECTION_NOTES[anchor])
        lead = f'<p class="noot-refs">Noten van de redactie bij dit deel:{noted}</p>\n\n' if noted else ""
        out.append(f"## {esc(course.headings.get(anchor, title))} {{#{anchor}}}\n\n{lead}{body}\n")
    # No "<", ">" or "&" inside the script element: data can neither end it nor open a comment
    json_ld = (
        json.dumps(course_json_ld(course), ensure_ascii=False, indent=1)
        .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    )
    out.append(f'<script type="application/ld+json">\n{json_ld}\n</script>\n')
    return "\n".join(out)
