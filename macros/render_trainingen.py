"""Training guides and courses, from validated data to HTML/Markdown (pure functions).

Tables are raw HTML (captions, row headers, row groups); links inside them come from ``href``
(a docs path to a URL relative to the current page), as for the cycle diagram.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .model_trainingen import Course, Element, FunctionGroup, PublieksagressieFile
from .render_text import esc, esc_html

Href = Callable[[str], str]
GROUPS_PAGE = "trainingen/publieksagressie/per-functiegroep.md"
ALL_GROUPS = "wanneer hier niets wordt aangegeven, is het trainingsonderdeel van belang voor alle functiegroepen en leidinggevenden"


def _ul(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{esc_html(i)}</li>" for i in items) + "</ul>" if items else ""


def _ps(paragraphs: list[str]) -> str:
    return "".join(f"<p>{esc_html(p)}</p>" for p in paragraphs)


def group_anchor(group_id: str) -> str:
    return f"fg-{group_id}"


# --- guide "publieksagressie" ----------------------------------------------------------------


def render_function_groups(guide: PublieksagressieFile, href: Href) -> str:
    """Tabel 1: one row per function group, its name a row header linking to its overview."""
    head = "".join(
        f'<th scope="col">{c}</th>'
        for c in ("Functiegroep", "Voorbeeldfuncties", "Competenties", "Vereiste basisopleiding")
    )
    rows = "".join(
        f'<tr id="tabel1-{g.id}"><th scope="row"><a href="{esc_html(href(GROUPS_PAGE))}#{group_anchor(g.id)}">'
        f"{esc_html(g.name)}</a><p>{esc_html(g.description)}</p></th>"
        f"<td>{_ul(g.example_functions)}</td><td>{_ul(g.competences)}</td><td>{esc_html(g.education)}</td></tr>"
        for g in guide.function_groups
    )
    return (
        f'<table class="datatabel functiegroepen"><caption>Tabel 1 Overzicht functiegroepen</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def _element_rows(elements: list[Element], marker: Callable[[Element], str] = lambda e: "") -> str:
    return "".join(
        f'<tr><th scope="row">{esc_html(e.name)}{marker(e)}</th><td>{esc_html(e.audience or "")}</td></tr>'
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
        f"{_element_rows(c.elements)}</tbody>"
        for n, c in enumerate(guide.training_elements, start=1)
    )
    return (
        f'<table class="datatabel"><caption>Tabel 2 Overzicht trainingsonderdelen</caption>'
        f"{_audience_head('Trainingselementen agressie en geweld')}{bodies}</table>"
    )


def render_professional_skills(guide: PublieksagressieFile) -> str:
    """Tabel 4, with the source's * for skills included in basic or further education."""
    star = lambda e: '<span aria-hidden="true">*</span><span class="visueel-verborgen"> (inbegrepen in basis- en/of vervolgopleiding)</span>' if e.in_basic_education else ""  # noqa: E731
    return (
        f'<table class="datatabel"><caption>Tabel 4 Vaardigheidstrainingen professioneel handelen en doelgroep</caption>'
        f"{_audience_head('Vaardigheden – professioneel handelen')}"
        f"<tbody>{_element_rows(guide.professional_skills, star)}</tbody></table>"
        f'<p class="tabelnoot">* Vaardigheidstrainingen inbegrepen in basis- en/of vervolgopleiding</p>'
    )


def render_education_skills(guide: PublieksagressieFile) -> str:
    """Tabel 5: skills training included in function-specific education."""
    rows = "".join(
        f'<tr><th scope="row">{esc_html(r.education)}</th><td>{esc_html(r.skills)}</td></tr>' for r in guide.education_skills
    )
    return (
        f'<table class="datatabel"><caption>Tabel 5 Vaardigheidstrainingen in functiegerichte opleidingen</caption>'
        f'<thead><tr><th scope="col">Opleiding</th><th scope="col">Vaardigheidstraining</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
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
        f"{bodies}</table>"
    )


def render_sample_programme(guide: PublieksagressieFile, href: Href) -> str:
    """The sample programme: a row per block; the skills per function group in their own table."""
    rows = []
    skills_tables = []
    for n, block in enumerate(guide.sample_programme, start=1):
        content = esc_html(block.content or "") + (f"<p>{esc_html(block.text)}</p>" if block.text else "")
        if block.skills_by_group:
            content += '<p><a href="#programma-vaardigheden">Voorbeelden van vaardigheidstrainingen per functiegroep</a></p>'
            skills_tables.append(_skills_table(block, href))
        rows.append(
            f'<tr id="programma-{n}"><th scope="row"><span class="label">{esc_html(block.audience_label)}:</span> '
            f"{esc_html(block.audience)}</th><td>{esc_html(block.aim or '')}</td><td>{content}</td>"
            f"<td>{esc_html(block.duration or '')}</td></tr>"
        )
    table = (
        '<table class="datatabel programma"><caption>Voorbeeldprogramma</caption><thead><tr>'
        '<th scope="col">Doelgroep</th><th scope="col">Doel</th><th scope="col">Inhoud</th><th scope="col">Duur</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return table + "".join(skills_tables)


def _skills_table(block, href: Href) -> str:
    rows = "".join(
        f'<tr><th scope="row">{esc_html(listing.label)}</th><td>{_ul(listing.skills)}</td></tr>'
        for listing in block.skills_by_group
    )
    after = f"<p>{esc_html(block.after)}</p>" if block.after else ""
    return (
        f'<table class="datatabel" id="programma-vaardigheden"><caption>Voorbeelden van vaardigheidstrainingen '
        f'(<a href="{esc_html(href(GROUPS_PAGE))}#matrix">overzicht per functiegroep</a>)</caption>'
        f'<thead><tr><th scope="col">Functiegroep</th><th scope="col">Vaardigheidstrainingen</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>{after}"
    )


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


def render_matrix(guide: PublieksagressieFile) -> str:
    """Function groups against the sample programme's skills, derived from its per-group lists."""
    skills, groups, groups_of = skill_matrix(guide)
    head = "".join(f'<th scope="col"><a href="#{group_anchor(g.id)}">{esc_html(g.name)}</a></th>' for g in groups)
    rows = "".join(
        f'<tr><th scope="row">{esc_html(skill)}</th>'
        + "".join(
            '<td class="ja">✓<span class="visueel-verborgen"> ja</span></td>'
            if g.id in groups_of[skill]
            else '<td class="nee"><span class="visueel-verborgen">nee</span></td>'
            for g in groups
        )
        + "</tr>"
        for skill in skills
    )
    return (
        '<table class="datatabel matrix" id="matrix"><caption>Vaardigheidstrainingen uit het voorbeeldprogramma per '
        f'functiegroep</caption><thead><tr><th scope="col">Vaardigheidstraining</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _applies(element: Element, group_id: str) -> bool:
    return element.groups is None or group_id in element.groups


def render_group_overviews(guide: PublieksagressieFile, href: Href) -> str:
    """Per function group: its functions, and which elements, skills and programme skills apply."""
    skills, _, groups_of = skill_matrix(guide)
    out = []
    tables = href("trainingen/publieksagressie/inhoud-trainingen.md")
    for g in guide.function_groups:
        specific = [e.name for c in guide.training_elements for e in c.elements if e.groups and g.id in e.groups]
        general = [e.name for c in guide.training_elements for e in c.elements if e.groups is None]
        prof = [s.name + ("*" if s.in_basic_education else "") for s in guide.professional_skills if _applies(s, g.id)]
        programme = [s for s in skills if g.id in groups_of[s]]
        # Markdown headings, so each group is in the page's table of contents with a permalink
        out.append(f"## {esc(g.name)} {{#{group_anchor(g.id)}}}\n")
        out.append(f"<p>{esc_html(g.description)}</p>\n<p><strong>Voorbeeldfuncties:</strong> {esc_html(', '.join(g.example_functions))}</p>\n")
        out.append(f"### Trainingselementen (Tabel 2) {{#{group_anchor(g.id)}-elementen}}\n")
        out.append(
            (f"<p>Specifiek voor deze functiegroep:</p>{_ul(specific)}" if specific else "<p>Geen elementen specifiek voor deze functiegroep.</p>")
            + f'<p>Daarnaast gelden de {len(general)} trainingselementen zonder specifieke doelgroep in '
            f'<a href="{esc_html(tables)}">Tabel 2</a> voor alle functiegroepen en leidinggevenden.</p>\n'
        )
        out.append(f"### Vaardigheden professioneel handelen (Tabel 4) {{#{group_anchor(g.id)}-vaardigheden}}\n")
        out.append(_ul(prof) + "\n")
        out.append(f"### Vaardigheidstrainingen in het voorbeeldprogramma {{#{group_anchor(g.id)}-programma}}\n")
        out.append(
            (_ul(programme) if programme else "<p>Het voorbeeldprogramma noemt voor deze functiegroep geen vaardigheidstrainingen.</p>")
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


# The course facts, in one list: the course page's details and the comparison table use it.
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
    ("certification", "Certificering", lambda c: esc_html(c.certification or "")),
    ("audience", "Voor wie", lambda c: esc_html(", ".join(c.audience.items)) if len(c.audience.items) <= 3 else f"{len(c.audience.items)} doelgroepen"),
]
NOT_GIVEN = '<span class="niet-vermeld">niet vermeld</span>'


# A row also shows the notes on fields it summarises: a wrong number of days shows at "Duur".
ALSO_NOTED = {"duration": ("programme",)}


def _noted(course: Course, field_name: str, page: str = "") -> str:
    """Links to the editorial notes on a field; ``page`` is the course page when elsewhere."""
    fields = (field_name, *ALSO_NOTED.get(field_name, ()))
    return "".join(
        f'<a class="noot-ref" href="{esc_html(page)}#noot-{course.id}-{n}" title="Noot van de redactie">[noot {n}]</a>'
        for n, note in enumerate(course.notes, start=1)
        if note.field in fields
    )


def render_course_details(course: Course) -> str:
    rows = "".join(
        f'<tr><th scope="row">{esc_html(course.headings.get(name, label))}</th>'
        f"<td>{value(course) or NOT_GIVEN} {_noted(course, name)}</td></tr>"
        for name, label, value in COURSE_FIELDS
    )
    return f'<table class="datatabel cursusdetails"><caption>Opleidingsdetails</caption><tbody>{rows}</tbody></table>'


def render_comparison(courses: list[Course], href: Href) -> str:
    """The same fields side by side: a column per course, a row per field."""
    head = "".join(
        f'<th scope="col"><a href="{esc_html(href(f"trainingen/cursussen/{c.id}.md"))}">{esc_html(c.title)}</a></th>'
        for c in courses
    )
    pages = {c.id: href(f"trainingen/cursussen/{c.id}.md") for c in courses}
    rows = "".join(
        f'<tr><th scope="row">{label}</th>'
        + "".join(f"<td>{value(c) or NOT_GIVEN} {_noted(c, name, pages[c.id])}</td>" for c in courses)
        + "</tr>"
        for name, label, value in COURSE_FIELDS
    )
    return (
        '<table class="datatabel vergelijking"><caption>Cursussen vergeleken</caption>'
        f'<thead><tr><th scope="col">Gegeven</th>{head}</tr></thead><tbody>{rows}</tbody></table>'
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
        "timeRequired": course.duration,
    }
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
    if course.costs.tuition and course.costs.tuition.amount is not None:
        data["offers"] = {
            "@type": "Offer",
            "category": "Lesgeld",
            "price": course.costs.tuition.amount,
            "priceCurrency": "EUR",
        }
    return data


def render_course(course: Course) -> str:
    """A whole course page: title, details, the description sections, notes and JSON-LD."""
    out = [f"# {esc(course.title)}\n"]
    if course.tagline:
        out.append(f'<p class="tagline">{esc_html(course.tagline)}</p>\n')
    out.append(render_course_details(course) + "\n")
    if course.notes:
        items = "".join(
            f'<li id="noot-{course.id}-{n}">{esc_html(note.text)}</li>' for n, note in enumerate(course.notes, start=1)
        )
        out.append(
            '<div class="admonition note"><p class="admonition-title">Noot van de redactie</p>'
            f"<ol>{items}</ol></div>\n"
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
        noted = _noted(course, "programme")
        sections.append(("programma", "Programma", (f"<p>{noted}</p>\n\n" if noted else "") + body))
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
            contact += f"<br>T {esc_html(p.phone)}"
        if p.email:
            contact += f'<br>E <a href="mailto:{esc_html(p.email)}">{esc_html(p.email)}</a>'
        if p.website:
            contact += f"<br>{esc_html(p.website)}"
        extra = f"<p>{esc_html(p.contact)}</p>" if p.contact else ""
        sections.append(("aanbieder", "Aanbieder en aanmelden", f"{extra}<address>{contact}</address>"))
    for anchor, title, body in sections:
        out.append(f"## {esc(course.headings.get(anchor, title))} {{#{anchor}}}\n\n{body}\n")
    # No "<", ">" or "&" inside the script element: data can neither end it nor open a comment
    json_ld = (
        json.dumps(course_json_ld(course), ensure_ascii=False, indent=1)
        .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    )
    out.append(f'<script type="application/ld+json">\n{json_ld}\n</script>\n')
    return "\n".join(out)
