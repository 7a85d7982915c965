"""Training guides and course descriptions: schemas and the cross-reference checks.

Loaded by model.load() with the rest, so one bad file anywhere stops the build before any page
renders, with one line per problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .model_base import ListKind, Step, Strict, Text, one_of

GroupId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z-]*$")]


class Checklist(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[A-Z]+(-[A-Z]+)*$")]
    """De vaste code van de checklist (PA-T); stappen krijgen PA-T.1, PA-T.2, …"""
    title: Text
    """Een korte titel van de redactie."""
    kind: ListKind = "steps"
    """steps (handelingen, met vinkje) of points (vragen, punten; zonder vinkje)."""
    steps: list[Step] = Field(min_length=1)
    """De stappen, letterlijk uit de bron."""


class FunctionGroup(Strict):
    id: GroupId
    """Het vaste id van de functiegroep (kleine letters en streepjes): ook het anker."""
    name: Text
    """De naam van de functiegroep."""
    description: Text
    """De omschrijving uit Tabel 1."""
    example_functions: list[Text] = Field(min_length=1)
    """Voorbeeldfuncties, zoals de bron ze noemt."""
    competences: list[Text] = Field(min_length=1)
    """Competenties, zoals de bron ze noemt."""
    education: Text
    """Vereiste basisopleiding, letterlijk."""


class Element(Strict):
    """Een trainingselement; zonder doelgroep geldt het voor alle functiegroepen en leidinggevenden."""

    name: Text
    """Het trainingselement, zonder nummer."""
    audience: Text | None = None
    """De specifieke doelgroep, letterlijk; weglaten als het element voor alle functiegroepen en leidinggevenden is."""
    groups: list[GroupId] | None = None
    """De ids van de functiegroepen die audience noemt ([] als het er geen noemt); alleen samen met audience."""

    @model_validator(mode="after")
    def _groups_with_audience(self):
        if (self.audience is None) != (self.groups is None):
            raise ValueError("give 'groups' exactly when 'audience' names a specific target group")
        return self


class Cluster(Strict):
    cluster: Text
    """De naam van het cluster, zonder nummer."""
    elements: list[Element] = Field(min_length=1)
    """De elementen van het cluster."""


class ProfessionalSkill(Element):
    in_basic_education: bool = False
    """true als de bron een * zet: onderdeel van de basisopleiding."""


class EducationSkill(Strict):
    education: Text
    """De opleiding, letterlijk."""
    skills: Text
    """De vaardigheden, letterlijk."""


class ManagerCluster(Strict):
    cluster: Text
    """De naam van het cluster."""
    elements: list[Text] = Field(min_length=1)
    """De elementen, letterlijk."""


class SkillsForGroups(Strict):
    label: Text
    """De kop van de bron, letterlijk."""
    groups: list[GroupId] = Field(min_length=1)
    """De ids van de functiegroepen die de kop noemt."""
    skills: list[Text] = Field(min_length=1)
    """De vaardigheden onder de kop."""


class ProgrammeBlock(Strict):
    audience: Text
    """De doelgroep(en) van het blok, letterlijk."""
    audience_label: Text = "Doelgroep"
    """Het woord van de bron voor de dubbele punt: Doelgroep of Doelgroepen."""
    aim: Text | None = None
    """Het doel, letterlijk."""
    content: Text | None = None
    """De inhoud, letterlijk."""
    duration: Text | None = None
    """De duur, letterlijk."""
    text: Text | None = None
    """Alinea’s in het blok."""
    skills_by_group: list[SkillsForGroups] = []
    """De vaardigheden per functiegroep."""
    after: Text | None = None
    """Alinea’s na de lijsten met vaardigheden."""


# Where a guide note stands: after one of the guide's tables (rendered with it), optionally on
# one of its rows (the row then links to the note, and so does the overview per function group).
NOTE_PLACES = ("tabel-1", "tabel-2", "tabel-4", "tabel-5", "leidinggevenden", "voorbeeldprogramma")
NotePlace = one_of(NOTE_PLACES, "place")


class GuideNote(Strict):
    where: NotePlace
    """Bij welke tabel de noot staat."""
    row: Text | None = None  # tabel-1: a group id; tabel-2/4: an element's name; tabel-5: an education
    """De rij: bij tabel-1 het id van een functiegroep, bij tabel-2/4 de naam van een element, bij tabel-5 een opleiding."""
    text: Text
    """De noot van de redactie, zichtbaar bij de tabel."""



class PublieksagressieFile(Strict):
    function_groups: list[FunctionGroup] = Field(min_length=1)
    """Tabel 1: de functiegroepen, in de volgorde van de bron."""
    training_elements: list[Cluster] = Field(min_length=1)
    """Tabel 2: clusters van trainingselementen met hun doelgroep."""
    professional_skills: list[ProfessionalSkill] = Field(min_length=1)
    """Tabel 4: beroepsvaardigheden."""
    education_skills: list[EducationSkill] = Field(min_length=1)
    """Tabel 5: vaardigheden per opleiding."""
    manager_elements: list[ManagerCluster] = Field(min_length=1)
    """Trainingselementen voor leidinggevenden."""
    sample_programme: list[ProgrammeBlock] = Field(min_length=1)
    """Het voorbeeldprogramma, blok voor blok."""
    checklists: list[Checklist] = []
    """De checklists van de handreiking."""
    notes: list[GuideNote] = []
    """Zichtbare noten van de redactie bij de tabellen."""

    def rows_of(self, where: str) -> list[str]:
        """The row keys a note may name in a place (see GuideNote.row)."""
        return {
            "tabel-1": [g.id for g in self.function_groups],
            "tabel-2": [e.name for c in self.training_elements for e in c.elements],
            "tabel-4": [s.name for s in self.professional_skills],
            "tabel-5": [e.education for e in self.education_skills],
            "leidinggevenden": [e for c in self.manager_elements for e in c.elements],
            "voorbeeldprogramma": [b.audience for b in self.sample_programme],
        }[where]

    @model_validator(mode="after")
    def _notes_name_rows(self):
        problems = [
            f"notes.{n}.row: no row {note.row!r} in {note.where}"
            for n, note in enumerate(self.notes)
            if note.row is not None and note.row not in self.rows_of(note.where)
        ]
        if problems:
            raise ValueError("; ".join(problems))
        return self


class ChecklistsFile(Strict):
    checklists: list[Checklist] = Field(min_length=1)
    """De checklists van de handreiking."""


# --- courses -----------------------------------------------------------------------------------


class Cost(Strict):
    text: Text
    """Het bedrag of de tekst zoals de bron hem schrijft."""
    amount: Annotated[float, Field(ge=0)] | None = None
    """Het bedrag in euro’s als getal; moet het bedrag in text zijn."""
    vat_included: bool | None = None
    """true als het bedrag inclusief btw is."""
    not_applicable: Text | None = None
    """Wanneer de kosten niet gelden, letterlijk (bijvoorbeeld ‘nvt bij online lesvorm.’)."""

    @model_validator(mode="after")
    def _amount_matches_text(self):
        # "€2.541,- (inclusief 21% BTW)" states 2541: the number must be the one in the words
        if self.amount is not None:
            digits = re.sub(r"[^\d]", "", self.text.split("(")[0])
            if not digits.startswith(str(int(self.amount))):
                raise ValueError(f"amount {self.amount:g} is not the price in text {self.text!r}")
        return self


class Costs(Strict):
    registration: Cost | None = None
    """Inschrijfkosten."""
    tuition: Cost | None = None
    """Opleidingskosten."""
    materials: Cost | None = None
    """Kosten van lesmateriaal."""
    copyright_fee: Cost | None = None
    """Auteursrechtenvergoeding."""
    arrangement: Cost | None = None
    """Arrangementskosten."""
    total: Cost | None = None
    """Het totaalbedrag, alleen als de bron het noemt (de redactie telt de bedragen niet zelf op)."""


class Provider(Strict):
    name: Text | None = None
    """De naam van de aanbieder."""
    lines: list[Text] = []
    """Regels onder de naam (organisatie, ministerie)."""
    address: list[Text] = []
    """Het adres, regel voor regel."""
    phone: Text | None = None
    """Het telefoonnummer zoals geschreven."""
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s<>]+@[^@\s<>]+\.[a-z]+$")] | None = None
    """Het e-mailadres."""
    website: Annotated[str, StringConstraints(pattern=r"^[\w.-]+\.[a-z]{2,}(/\S*)?$")] | None = None
    """De website zoals geschreven (zonder https://)."""
    contact: Text | None = None
    """Een alinea over data, contact of inschrijven."""


class ListBlock(Strict):
    intro: list[Text] = []
    """Alinea’s voor de lijst."""
    items: list[Text] = []
    """De punten van de lijst, letterlijk."""


class Aims(Strict):
    intro: Text | None = None
    """De zin voor de lijst (bijvoorbeeld ‘Na deze training:’)."""
    items: list[Text] = Field(min_length=1)
    """De doelen, letterlijk."""


class Assignment(Strict):
    title: Text
    """De kop van de opdracht."""
    text: list[Text] = Field(min_length=1)
    """De alinea’s van de opdracht."""


class Part(Strict):
    title: Text
    """De kop van het dagdeel of thema, zonder dubbele punt."""
    text: list[Text] = []
    """Alinea’s."""
    assignment: Assignment | None = None
    """Een opdracht bij dit onderdeel."""
    items: list[Text] = []
    """Een lijst met punten."""
    parts: list["Part"] = []
    """Onderdelen binnen dit onderdeel (zelfde vorm)."""


class Day(Strict):
    title: Text
    """De kop van de dag, letterlijk."""
    day: Annotated[int, Field(ge=1)] | None = None
    """Het nummer van de dag, als de kop er een noemt."""
    text: list[Text] = []
    """Alinea’s."""
    parts: list[Part] = []
    """De dagdelen of thema’s."""


class Quote(Strict):
    text: Text
    """Het citaat, letterlijk."""
    by: Text
    """Van wie het citaat is, zoals de bron het zegt."""


# The facts a course description may give as a labelled detail ("Opleidingsdetails"), in the
# order of the comparison table; the renderers' field list must name exactly these.
DETAIL_FIELDS = (
    "provider", "type", "duration", "lead_time", "session_times", "teaching_day", "dates", "level", "formats",
    "max_participants", "registration", "tuition", "materials", "copyright_fee", "arrangement", "total", "certification",
    "audience",
)
# The parts of a course page a note may concern: the details, the sections, the contact lines.
SECTION_FIELDS = ("title", "tagline", "sponsor", "results", "aims", "topics", "method", "programme", "quotes")
PROVIDER_FIELDS = tuple(f"provider.{k}" for k in ("name", "lines", "address", "phone", "email", "website", "contact"))
NOTE_FIELDS = DETAIL_FIELDS + SECTION_FIELDS + PROVIDER_FIELDS
NoteField = one_of(NOTE_FIELDS, "field")
DetailField = one_of(DETAIL_FIELDS, "detail field")
# The cost lines (fields of Costs), in the order of DETAIL_FIELDS.
COST_FIELDS = ("registration", "tuition", "materials", "copyright_fee", "arrangement", "total")


class CourseNote(Strict):
    field: NoteField
    """Het veld waar de noot over gaat."""
    text: Text
    """De noot van de redactie, zichtbaar bij dat veld."""



class Detail(Strict):
    """Eén gegeven uit de eigen opsomming van de bron, in de volgorde van de bron."""

    field: DetailField
    """Het veld dat de bron als gegeven noemt."""
    label: Text | None = None  # the source's label where it differs from ours
    """Het label van de bron, als dat afwijkt van het onze."""



@dataclass(frozen=True)
class CourseSection:
    """A section of a course page."""

    key: str  # its anchor on the page, and its key in a course's ``headings`` and ``sections``
    heading: str  # our heading, where the course does not give the source's own (``headings``)
    shows: str  # the course field it shows; the section is there when the course has it
    also_noted: tuple[str, ...] = ()  # other fields whose editorial notes the section links to

    @property
    def notes_on(self) -> tuple[str, ...]:
        return (self.shows, *self.also_noted)


# The sections of a course page, in the page's usual order (a course may give the source's order
# in ``sections``). The one list of them: the model checks ``headings`` and ``sections`` against
# it, the renderer writes it (macros/templates/trainingen/course.md, a body per ``shows``).
COURSE_SECTIONS = (
    CourseSection("resultaat", "Resultaat", "results"),
    CourseSection("mogelijk-gemaakt", "Mogelijk gemaakt door", "sponsor"),
    CourseSection("doel", "Doel", "aims"),
    CourseSection("voor-wie", "Voor wie?", "audience"),
    CourseSection("onderwerpen", "Onderwerpen die aan bod komen", "topics"),
    CourseSection("programma", "Programma", "programme"),
    CourseSection("methode", "Methode", "method"),
    CourseSection("ervaringen", "Ervaringen", "quotes"),
    CourseSection("aanbieder", "Aanbieder en aanmelden", "provider", PROVIDER_FIELDS),
)
# Section headings a course may give in its own words (the anchors of the course page's sections).
COURSE_HEADING_KEYS = {section.key for section in COURSE_SECTIONS}


class Course(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    """Het vaste id van de cursus (gelijk aan de bestandsnaam); ook het adres van de pagina."""
    title: Text
    """De titel van de cursus."""
    tagline: Text | None = None
    """Een ondertitel, letterlijk."""
    provider: Provider | None = None
    """De aanbieder en zijn contactgegevens."""
    type: Text | None = None
    """Type opleiding."""
    duration: Text
    """De duur zoals geschreven (3 dagen)."""
    days: Annotated[int, Field(ge=1)]
    """Het aantal lesdagen dat de duur noemt, als getal."""
    lead_time: Text | None = None
    """Doorlooptijd."""
    session_times: Text | None = None
    """Lestijden."""
    teaching_day: Text | None = None
    """Lesdag."""
    dates: Text | None = None
    """Data; null als de bron geen of een lege opgave geeft."""
    level: Text | None = None
    """Niveau."""
    formats: list[Text] = []
    """Lesvorm(en)."""
    max_participants: Annotated[int, Field(ge=1)] | None = None
    """Het maximale aantal deelnemers, als getal."""
    costs: Costs = Costs()
    """De kosten, per soort."""
    certification: Text | None = None
    """Certificering."""
    sponsor: Text | None = None
    """Een zin over wie de cursus mogelijk maakt."""
    audience: ListBlock
    """Voor wie: inleiding en punten."""
    results: list[Text] = []
    """Alinea’s onder ‘Resultaat’, ‘Doel’ of ‘Introductie’."""
    aims: Aims | None = None
    """‘Na deze training:’ met de lijst."""
    topics: list[Text] = []
    """Onderwerpen die aan bod komen."""
    method: list[Text] = []
    """Alinea’s over de werkwijze."""
    programme: list[Day] = []
    """Het programma, per dag of per thema."""
    quotes: list[Quote] = []
    """Ervaringen van deelnemers."""
    notes: list[CourseNote] = []
    """Zichtbare noten van de redactie, elk bij een veld."""
    # the facts the source lists as its details, in its order and with its labels: the course
    # page's details table shows exactly these (a fact the source gives elsewhere, such as a group
    # size in its method, is still data, for the comparison and JSON-LD)
    details: list[Detail] = []
    """De gegevens die de bron zelf opsomt, in haar volgorde: de tabel op de pagina toont precies deze."""
    # the source's own wording of a section heading, where it differs from ours
    headings: dict[str, Text] = {}
    """Eigen woorden van de bron voor een kop (sleutels: resultaat, doel, voor-wie, onderwerpen, programma, methode, ervaringen, aanbieder, mogelijk-gemaakt)."""
    # the source's order of the sections, where it differs from the page's usual one
    sections: list[str] = []
    """De volgorde van de delen in de bron, als die afwijkt van de gewone volgorde (sleutels als bij headings)."""

    def has_value(self, field_name: str) -> bool:
        """Whether the data holds a value for a detail field."""
        if field_name in COST_FIELDS:
            return getattr(self.costs, field_name) is not None
        if field_name == "audience":
            return bool(self.audience.items)
        if field_name == "provider":
            return self.provider is not None and self.provider.name is not None
        value = getattr(self, field_name)
        return value not in (None, [], "")

    @model_validator(mode="after")
    def _consistent(self):
        problems = []
        for key in self.headings:
            if key not in COURSE_HEADING_KEYS:
                problems.append(f"heading for unknown section {key!r}; known: {', '.join(sorted(COURSE_HEADING_KEYS))}")
        for n, key in enumerate(self.sections):
            if key not in COURSE_HEADING_KEYS:
                problems.append(f"sections.{n}: unknown section {key!r}; known: {', '.join(sorted(COURSE_HEADING_KEYS))}")
            elif key in self.sections[:n]:
                problems.append(f"sections.{n}: {key!r} is listed twice")
        noted = {n.field for n in self.notes}
        listed = [d.field for d in self.details]
        for n, field_name in enumerate(listed):
            if field_name in listed[:n]:
                problems.append(f"details.{n}.field: {field_name!r} is listed twice")
            # the source has the label but no value (empty, a placeholder): say so in a note
            elif not self.has_value(field_name) and field_name not in noted:
                problems.append(
                    f"details.{n}.field: {field_name!r} has no value; explain the source's empty or "
                    f"placeholder field with a note (field: {field_name})"
                )
        day_numbers = [d.day for d in self.programme if d.day is not None]
        if day_numbers and len(day_numbers) != self.days and "duration" not in noted:
            problems.append(
                f"duration states {self.days} day(s) but the programme has {len(day_numbers)} "
                f"(days {min(day_numbers)}–{max(day_numbers)}); acknowledge it with a note (field: duration)"
            )
        if day_numbers != sorted(set(day_numbers)):
            problems.append(f"programme days are not numbered in order without repeats: {day_numbers}")
        if problems:
            raise ValueError("; ".join(problems))
        return self


@dataclass(frozen=True)
class Trainingen:
    publieksagressie: PublieksagressieFile | None
    courses: dict[str, Course]  # by id, in file order
    checklists: dict[str, Checklist]  # by code


def group_refs(guide: PublieksagressieFile) -> list[tuple[str, list[str]]]:
    """Every place that names function groups, with its field path, for the reference check."""
    refs = []
    for c, cluster in enumerate(guide.training_elements):
        for e, element in enumerate(cluster.elements):
            refs.append((f"training_elements.{c}.elements.{e}.groups", element.groups or []))
    for s, skill in enumerate(guide.professional_skills):
        refs.append((f"professional_skills.{s}.groups", skill.groups or []))
    for b, block in enumerate(guide.sample_programme):
        for g, listing in enumerate(block.skills_by_group):
            refs.append((f"sample_programme.{b}.skills_by_group.{g}.groups", listing.groups))
    return refs
