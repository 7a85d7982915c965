"""Training guides and courses, from validated data to HTML/Markdown (pure functions).

This module chooses what each table and page shows; the markup is in the Jinja2 templates of
``macros/templates/trainingen/`` (autoescaped, see macros.templating). Links are site-root links
(kennisbank.sitemap), made relative to the page by the macro layer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from markupsafe import Markup

from kennisbank.model import text_fields
from kennisbank.model_trainingen import (
    COST_FIELDS, COURSE_SECTIONS, Course, Element, FunctionGroup, ProgrammeBlock, PublieksagressieFile,
)
from kennisbank.sitemap import COURSE_COMPARISON, GROUP_OVERVIEWS, GUIDE_TABLE_PAGES, group_anchor, link, note_anchor
from .templating import call, environment, render

# The sample programme's block of specific skills training gives no "Duur:"; the paragraph after
# its lists begins with what the source says of the duration instead.
NO_GUIDELINE_SOURCE = "Over de duur van gerichte vaardigheidstrainingen is geen duidelijke richtlijn te geven."

PLACE_LABELS = {
    "tabel-1": "Tabel 1", "tabel-2": "Tabel 2", "tabel-4": "Tabel 4", "tabel-5": "Tabel 5",
    "leidinggevenden": "de tabel voor leidinggevenden", "voorbeeldprogramma": "het voorbeeldprogramma",
}


class NoteRef(NamedTuple):
    """A link to an editorial note: where it goes, and what it reads inside the brackets."""

    href: str
    label: str


def _on(page: str, anchor: str) -> str:
    """An anchor on this page ("" ) or on another one (a docs path)."""
    return link(page, anchor) if page else f"#{anchor}"


# --- guide "publieksagressie" ----------------------------------------------------------------

def _notes_at(guide: PublieksagressieFile, where: str) -> list[tuple[int, object]]:
    return list(enumerate((n for n in guide.notes if n.where == where), start=1))


def _note_refs(guide: PublieksagressieFile, where: str, row: str, page: str = "") -> list[NoteRef]:
    """Links from a row to the editorial notes on it; ``page`` (a docs path) is the note's page when
    elsewhere (the link then names the table, as notes of several tables are numbered apart)."""
    place = f" bij {PLACE_LABELS[where]}" if page else ""
    return [
        NoteRef(_on(page, note_anchor(where, n)), f"noot {n}{place}")
        for n, note in _notes_at(guide, where)
        if note.row == row
    ]


def _table(guide: PublieksagressieFile, where: str) -> dict:
    """What every table of the guide gets: the guide, the links to the notes on a row (``refs``)
    and the notes under it (``notes``: anchor and text)."""
    return {
        "guide": guide,
        "refs": lambda row: _note_refs(guide, where, row),
        "notes": [(note_anchor(where, n), note.text) for n, note in _notes_at(guide, where)],
    }


def render_guide_notes(guide: PublieksagressieFile, where: str) -> str:
    """The editorial notes on a table, under it, each with its anchor (#noot-tabel-2-1)."""
    return call(_TEMPLATES, "trainingen/common.html", "notes_box", _table(guide, where)["notes"])


def render_function_groups(guide: PublieksagressieFile) -> str:
    """Tabel 1: one row per function group, its name a row header linking to its overview."""
    return render(
        _TEMPLATES, "trainingen/function_groups.html", **_table(guide, "tabel-1"),
        overview=lambda group: link(GROUP_OVERVIEWS, group_anchor(group.id)),
    )


def render_training_elements(guide: PublieksagressieFile) -> str:
    """Tabel 2: the elements per cluster (a row group each) with their specific target group."""
    return render(_TEMPLATES, "trainingen/training_elements.html", **_table(guide, "tabel-2"))


def render_professional_skills(guide: PublieksagressieFile) -> str:
    """Tabel 4, with the source's * for skills included in basic or further education."""
    return render(_TEMPLATES, "trainingen/professional_skills.html", **_table(guide, "tabel-4"))


def render_education_skills(guide: PublieksagressieFile) -> str:
    """Tabel 5: skills training included in function-specific education."""
    return render(_TEMPLATES, "trainingen/education_skills.html", **_table(guide, "tabel-5"))


def render_manager_elements(guide: PublieksagressieFile) -> str:
    return render(_TEMPLATES, "trainingen/manager_elements.html", **_table(guide, "leidinggevenden"))


def _programme_parts(guide: PublieksagressieFile) -> list[tuple[list[tuple[int, ProgrammeBlock]], ProgrammeBlock | None]]:
    """The sample programme's blocks (numbered from 1) cut into tables: a block that lists skills per
    function group, or has a paragraph after them, ends its table; its lists and paragraph follow."""
    parts, rows = [], []
    for n, block in enumerate(guide.sample_programme, start=1):
        rows.append((n, block))
        if block.skills_by_group or block.after:
            parts.append((rows, block))
            rows = []
    parts.append((rows, None))
    return parts


def _speaks_of_duration(block: ProgrammeBlock) -> bool:
    """A block without "Duur:" whose paragraph after its lists says there is no clear guideline:
    the source does speak of the duration."""
    return not block.duration and bool(block.after) and block.after.startswith(NO_GUIDELINE_SOURCE)


def render_sample_programme(guide: PublieksagressieFile) -> str:
    """The sample programme, in the source's order: a row per block; where a block lists skills per
    function group, the table stops, the lists follow, then the paragraph the source gives after
    them (``after``), and the next blocks continue in a second table with the same columns."""
    return render(
        _TEMPLATES, "trainingen/sample_programme.html", **_table(guide, "voorbeeldprogramma"),
        parts=_programme_parts(guide), matrix=link(GROUP_OVERVIEWS, "matrix"),
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
    """Function groups against the sample programme's example skills, from its per-group lists.
    The source gives examples: a skill it does not list for a group is not named, not excluded."""
    skills, groups, groups_of = skill_matrix(guide)
    listings = [listing for block in guide.sample_programme for listing in block.skills_by_group]
    name = {g.id: g.name for g in groups}
    return render(
        _TEMPLATES, "trainingen/matrix.html", skills=skills, groups=groups, groups_of=groups_of,
        labels=[listing.label for listing in listings],
        # a list the source heads with several groups ("Wijkteam en toezicht")
        shared=[(listing.label, [name[g] for g in listing.groups]) for listing in listings if len(listing.groups) > 1],
    )


@dataclass(frozen=True)
class GroupOverview:
    """What applies to one function group, from the guide's tables and sample programme."""

    group: FunctionGroup
    specific: list[Element]  # Tabel 2's elements that name this group as their target group
    skills: list  # Tabel 4's skills for all groups or for this one
    programme: list[str]  # the sample programme's example skills for this group


def render_group_overviews(guide: PublieksagressieFile) -> str:
    """Per function group: its functions, and which elements, skills and programme skills apply."""
    skills, _, groups_of = skill_matrix(guide)
    elements = [e for c in guide.training_elements for e in c.elements]
    unassigned = [e for e in elements if e.groups is None]
    noted = {n.row for _, n in _notes_at(guide, "tabel-2")}
    # no target group: "van belang voor alle functiegroepen", unless the source leaves open whether
    # one belongs to it (an element without audience that carries a note on Tabel 2 says why)
    open_audience = [e for e in unassigned if not e.audience and e.name in noted]
    overviews = [
        GroupOverview(
            group=g,
            specific=[e for e in elements if e.groups and g.id in e.groups],
            skills=[s for s in guide.professional_skills if s.groups is None or g.id in s.groups],
            programme=[s for s in skills if g.id in groups_of[s]],
        )
        for g in guide.function_groups
    ]
    return render(
        _TEMPLATES, "trainingen/group_overviews.md", overviews=overviews,
        general=[e for e in unassigned if e not in open_audience], open_audience=open_audience,
        # "Met name voor …": mainly, not only
        mainly=[e for e in elements if (e.audience or "").lower().startswith("met name")],
        tables=link(GUIDE_TABLE_PAGES["tabel-2"]),
        # the overview's links go to the notes on the tables' pages, naming the table
        refs=lambda where, row: _note_refs(guide, where, row, GUIDE_TABLE_PAGES[where]),
    )


# --- courses ----------------------------------------------------------------------------------

def _cost(cost) -> str:
    if cost is None:
        return ""
    # "€243 (incl BTW), nvt bij online lesvorm.": the exception follows as the source writes it
    return cost.text + (f", {cost.not_applicable}" if cost.not_applicable else "")


# The course facts, each with our label and its value as text ("" where the data has none). A
# course's details table shows the ones its source lists (Course.details, with the source's
# labels); the comparison table groups them into rows (COMPARISON_ROWS).
COURSE_FIELDS: list[tuple[str, str, Callable[[Course], str]]] = [
    ("provider", "Aanbieder", lambda c: c.provider.name if c.provider and c.provider.name else ""),
    ("type", "Type opleiding", lambda c: c.type or ""),
    ("duration", "Duur", lambda c: c.duration),
    ("lead_time", "Doorlooptijd", lambda c: c.lead_time or ""),
    ("session_times", "Begin-/eindtijd bijeenkomsten", lambda c: c.session_times or ""),
    ("teaching_day", "Lesdag", lambda c: c.teaching_day or ""),
    ("dates", "Datums", lambda c: c.dates or ""),
    ("level", "Niveau", lambda c: c.level or ""),
    ("formats", "Lesvorm(en)", lambda c: " of ".join(c.formats)),
    ("max_participants", "Aantal deelnemers", lambda c: f"Max. {c.max_participants}" if c.max_participants else ""),
    ("registration", "Inschrijvingskosten", lambda c: _cost(c.costs.registration)),
    ("tuition", "Lesgeld", lambda c: _cost(c.costs.tuition)),
    ("materials", "Kosten literatuur/materialen", lambda c: _cost(c.costs.materials)),
    ("copyright_fee", "Vergoeding auteursrecht", lambda c: _cost(c.costs.copyright_fee)),
    ("arrangement", "Arrangement", lambda c: _cost(c.costs.arrangement)),
    ("total", "Totaal", lambda c: _cost(c.costs.total)),
    ("certification", "Certificering", lambda c: c.certification or ""),
    ("audience", "Voor wie", lambda c: ", ".join(c.audience.items)),
]
FIELD_LABEL = {name: label for name, label, _ in COURSE_FIELDS}
FIELD_VALUE = {name: value for name, _, value in COURSE_FIELDS}
COSTS = COST_FIELDS


class ComparisonRow(NamedTuple):
    """A row of the comparison: its label, the fields it shows, whether a reader expects the fact,
    and how its value is written (a case of the macro ``value`` in course_facts.html)."""

    label: str
    fields: tuple[str, ...]
    expected: bool
    shows: str


# A missing fact reads "niet vermeld in de bron", whether a reader expects it (provider, duration,
# dates, costs, audience), the course's own details have the label, or the description has no
# such part at all; the legend says so. A row no course has is left out.
COMPARISON_ROWS: list[ComparisonRow] = [
    ComparisonRow("Aanbieder", ("provider",), True, "field"),
    ComparisonRow("Type opleiding", ("type",), False, "field"),
    ComparisonRow("Duur en doorlooptijd", ("duration", "lead_time"), True, "duration"),
    ComparisonRow("Begin-/eindtijd bijeenkomsten", ("session_times",), False, "field"),
    ComparisonRow("Lesdag", ("teaching_day",), False, "field"),
    ComparisonRow("Datums", ("dates",), True, "field"),
    ComparisonRow("Niveau", ("level",), False, "field"),
    ComparisonRow("Lesvorm(en)", ("formats",), False, "field"),
    ComparisonRow("Aantal deelnemers", ("max_participants",), False, "field"),
    ComparisonRow("Kosten", COSTS, True, "costs"),
    ComparisonRow("Certificering", ("certification",), False, "field"),
    ComparisonRow("Voor wie", ("audience",), True, "audience"),
]


def _label(course: Course, field_name: str) -> str:
    """The source's label for a detail where it has its own, else ours."""
    own = next((d.label for d in course.details if d.field == field_name and d.label), None)
    return own or FIELD_LABEL[field_name]


def _noted(course: Course, fields: tuple[str, ...], page: str = "") -> list[NoteRef]:
    """Links to the editorial notes on these fields; ``page`` (a docs path) is the course page when elsewhere."""
    return [
        NoteRef(_on(page, note_anchor(course.id, n)), f"noot {n}")
        for n, note in enumerate(course.notes, start=1)
        if note.field in fields
    ]


def _has_value(course: Course, fields: tuple[str, ...]) -> bool:
    return any(course.has_value(f) for f in fields)


def _in_source(course: Course, row: ComparisonRow) -> bool:
    """Whether the course's description has this kind of fact at all (a value, a label of its own,
    or a fact every reader expects)."""
    return _has_value(course, row.fields) or row.expected or any(d.field in row.fields for d in course.details)


def _in_details(course: Course, fields: tuple[str, ...]) -> bool:
    """Whether the source's own details (the table "Opleidingsdetails") give a comparison row whole:
    it lists one of the row's fields and every field of the row that has a value."""
    listed = {d.field for d in course.details}
    return bool(listed & set(fields)) and all(f in listed for f in fields if course.has_value(f))


class CostGaps(NamedTuple):
    """What the source leaves open about a course's cost lines."""

    no_total: bool  # several amounts and no total
    silent: list[str]  # the labels of the amounts without a VAT remark
    all_silent: bool  # several amounts, none with a VAT remark


def _cost_gaps(course: Course) -> CostGaps:
    """No total where the source gives several amounts, no VAT remark where it gives an amount.
    We never add them up."""
    priced = [f for f in COSTS if getattr(course.costs, f) is not None and getattr(course.costs, f).amount is not None]
    silent = [f for f in priced if getattr(course.costs, f).vat_included is None]
    return CostGaps(
        no_total=len(priced) > 1 and course.costs.total is None,
        silent=[_label(course, f) for f in silent],
        all_silent=len(priced) > 1 and silent == priced,
    )


def cost_remark(course: Course) -> str:
    """The editors' plain words on what the source leaves open about its costs ("" if nothing)."""
    return call(_TEMPLATES, "trainingen/course_facts.html", "cost_remark", course)


def shown_rows(courses: list[Course]) -> list[ComparisonRow]:
    """The rows of COMPARISON_ROWS the comparison shows: those at least one course has."""
    return [row for row in COMPARISON_ROWS if any(_in_source(c, row) for c in courses)]


COURSE_HELPERS = {
    "label": _label, "field_text": lambda course, name: FIELD_VALUE[name](course), "noted": _noted,
    "has_value": _has_value, "in_source": _in_source, "in_details": _in_details, "cost_gaps": _cost_gaps,
    "costs": COSTS, "on": _on, "own_rows": lambda course, rows: [r for r in rows if not _in_details(course, r.fields)],
}


def render_course_details(course: Course) -> str:
    """The facts the source lists as its details, in its order, with its labels. A fact the
    source labels but leaves empty (a placeholder) reads "niet vermeld", with its note."""
    return call(_TEMPLATES, "trainingen/course_facts.html", "details", course)


def render_comparison(courses: list[Course], pages: dict[str, str]) -> str:
    """The courses side by side: a column per course, a row per kind of fact; ``pages``: each
    course's docs page."""
    return render(
        _TEMPLATES, "trainingen/comparison.html", courses=courses, rows=shown_rows(courses),
        page={c.id: pages[c.id] for c in courses}, course_link=lambda c: link(pages[c.id]),
    )


def render_course_facts(course: Course, rows: list[ComparisonRow]) -> str:
    """The course's column of the comparison (``rows``: the rows it shows), on the course's own page:
    the rows the source's details do not give already, with the same values and wording."""
    return call(_TEMPLATES, "trainingen/course_facts.html", "own_facts", course, rows, link(*COURSE_COMPARISON))


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


def _script_json(data: dict) -> Markup:
    """JSON for a script element: no "<", ">" or "&" in it, so data can neither end the element nor
    open a comment; safe HTML as it stands."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


FIRST_PERSON = ("we", "wij", "ons", "onze")


def attribution(course: Course) -> str:
    """Whose words the page gives: the description's, not the knowledge base's (editorial). Quotes
    only the first-person words this description itself uses. Plain text."""
    if course.provider and course.provider.name:
        who, speaker = f"van de aanbieder ({course.provider.name}) ", "de aanbieder"
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


def _sections(course: Course) -> list:
    """The course's sections (COURSE_SECTIONS) that have content, in the source's order where the
    data gives it (sections it does not list keep theirs, after it)."""
    present = [s for s in COURSE_SECTIONS if getattr(course, s.shows)]
    order = {key: n for n, key in enumerate(course.sections)}
    return sorted(present, key=lambda s: order.get(s.key, len(order)))


def _dial(phone: str) -> str:
    """A phone number shown as written, dialled without spaces (the sources give Dutch numbers)."""
    return "".join(ch for ch in phone if ch.isdigit() or ch == "+")


def render_course(course: Course, rows: list[ComparisonRow] | None = None) -> str:
    """A whole course page: title, details, its facts of the comparison (``rows``: the rows the
    comparison shows, all by default), the description sections, notes and JSON-LD."""
    return render(
        _TEMPLATES, "trainingen/course.md", course=course, rows=COMPARISON_ROWS if rows is None else rows,
        comparison=link(*COURSE_COMPARISON), attribution=attribution(course), sections=_sections(course),
        json_ld=_script_json(course_json_ld(course)),
    )


_TEMPLATES = environment(**COURSE_HELPERS, note_anchor=note_anchor, group_anchor=group_anchor, speaks_of_duration=_speaks_of_duration, dial=_dial)
