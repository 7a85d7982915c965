"""Training guides and course descriptions: schemas and the cross-reference checks.

Loaded by model.load() with the rest, so one bad file anywhere stops the build before any page
renders, with one line per problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .model_base import ListKind, Step, Strict, Text, one_of

GroupId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z-]*$")]


class Checklist(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[A-Z]+(-[A-Z]+)*$")]
    title: Text
    kind: ListKind = "steps"
    steps: list[Step] = Field(min_length=1)


class FunctionGroup(Strict):
    id: GroupId
    name: Text
    description: Text
    example_functions: list[Text] = Field(min_length=1)
    competences: list[Text] = Field(min_length=1)
    education: Text


class Element(Strict):
    """A training element; without audience it concerns all function groups and managers."""

    name: Text
    audience: Text | None = None
    groups: list[GroupId] | None = None

    @model_validator(mode="after")
    def _groups_with_audience(self):
        if (self.audience is None) != (self.groups is None):
            raise ValueError("give 'groups' exactly when 'audience' names a specific target group")
        return self


class Cluster(Strict):
    cluster: Text
    elements: list[Element] = Field(min_length=1)


class ProfessionalSkill(Element):
    in_basic_education: bool = False


class EducationSkill(Strict):
    education: Text
    skills: Text


class ManagerCluster(Strict):
    cluster: Text
    elements: list[Text] = Field(min_length=1)


class SkillsForGroups(Strict):
    label: Text
    groups: list[GroupId] = Field(min_length=1)
    skills: list[Text] = Field(min_length=1)


class ProgrammeBlock(Strict):
    audience: Text
    audience_label: Text = "Doelgroep"
    aim: Text | None = None
    content: Text | None = None
    duration: Text | None = None
    text: Text | None = None
    skills_by_group: list[SkillsForGroups] = []
    after: Text | None = None


# Where a guide note stands: after one of the guide's tables (rendered with it), optionally on
# one of its rows (the row then links to the note, and so does the overview per function group).
NOTE_PLACES = ("tabel-1", "tabel-2", "tabel-4", "tabel-5", "leidinggevenden", "voorbeeldprogramma")
NotePlace = one_of(NOTE_PLACES, "place")


class GuideNote(Strict):
    where: NotePlace
    row: Text | None = None  # tabel-1: a group id; tabel-2/4: an element's name; tabel-5: an education
    text: Text



class PublieksagressieFile(Strict):
    function_groups: list[FunctionGroup] = Field(min_length=1)
    training_elements: list[Cluster] = Field(min_length=1)
    professional_skills: list[ProfessionalSkill] = Field(min_length=1)
    education_skills: list[EducationSkill] = Field(min_length=1)
    manager_elements: list[ManagerCluster] = Field(min_length=1)
    sample_programme: list[ProgrammeBlock] = Field(min_length=1)
    checklists: list[Checklist] = []
    notes: list[GuideNote] = []

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


# --- courses -----------------------------------------------------------------------------------


class Cost(Strict):
    text: Text
    amount: Annotated[float, Field(ge=0)] | None = None
    vat_included: bool | None = None
    not_applicable: Text | None = None

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
    tuition: Cost | None = None
    materials: Cost | None = None
    copyright_fee: Cost | None = None
    arrangement: Cost | None = None


class Provider(Strict):
    name: Text | None = None
    lines: list[Text] = []
    address: list[Text] = []
    phone: Text | None = None
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s<>]+@[^@\s<>]+\.[a-z]+$")] | None = None
    website: Annotated[str, StringConstraints(pattern=r"^[\w.-]+\.[a-z]{2,}(/\S*)?$")] | None = None
    contact: Text | None = None


class ListBlock(Strict):
    intro: list[Text] = []
    items: list[Text] = []


class Aims(Strict):
    intro: Text | None = None
    items: list[Text] = Field(min_length=1)


class Assignment(Strict):
    title: Text
    text: list[Text] = Field(min_length=1)


class Part(Strict):
    title: Text
    text: list[Text] = []
    assignment: Assignment | None = None
    items: list[Text] = []
    parts: list["Part"] = []


class Day(Strict):
    title: Text
    day: Annotated[int, Field(ge=1)] | None = None
    text: list[Text] = []
    parts: list[Part] = []


class Quote(Strict):
    text: Text
    by: Text


# The facts a course description may give as a labelled detail ("Opleidingsdetails"), in the
# order of the comparison table; the renderers' field list must name exactly these.
DETAIL_FIELDS = (
    "provider", "type", "duration", "lead_time", "session_times", "teaching_day", "dates", "level", "formats",
    "max_participants", "registration", "tuition", "materials", "copyright_fee", "arrangement", "certification",
    "audience",
)
# The parts of a course page a note may concern: the details, the sections, the contact lines.
SECTION_FIELDS = ("title", "tagline", "sponsor", "results", "aims", "topics", "method", "programme", "quotes")
PROVIDER_FIELDS = tuple(f"provider.{k}" for k in ("name", "lines", "address", "phone", "email", "website", "contact"))
NOTE_FIELDS = DETAIL_FIELDS + SECTION_FIELDS + PROVIDER_FIELDS
NoteField = one_of(NOTE_FIELDS, "field")
DetailField = one_of(DETAIL_FIELDS, "detail field")


class CourseNote(Strict):
    field: NoteField
    text: Text



class Detail(Strict):
    """One labelled fact of the source's own details list, in the source's order."""

    field: DetailField
    label: Text | None = None  # the source's label where it differs from ours



# Section headings a course may give in its own words (the anchors of the course page's sections).
COURSE_HEADING_KEYS = {
    "resultaat", "mogelijk-gemaakt", "doel", "voor-wie", "onderwerpen", "programma", "methode", "ervaringen", "aanbieder",
}


class Course(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    title: Text
    tagline: Text | None = None
    provider: Provider | None = None
    type: Text | None = None
    duration: Text
    days: Annotated[int, Field(ge=1)]
    lead_time: Text | None = None
    session_times: Text | None = None
    teaching_day: Text | None = None
    dates: Text | None = None
    level: Text | None = None
    formats: list[Text] = []
    max_participants: Annotated[int, Field(ge=1)] | None = None
    costs: Costs = Costs()
    certification: Text | None = None
    sponsor: Text | None = None
    audience: ListBlock
    results: list[Text] = []
    aims: Aims | None = None
    topics: list[Text] = []
    method: list[Text] = []
    programme: list[Day] = []
    quotes: list[Quote] = []
    notes: list[CourseNote] = []
    # the facts the source lists as its details, in its order and with its labels: the course
    # page's details table shows exactly these (a fact the source gives elsewhere, such as a group
    # size in its method, is still data, for the comparison and JSON-LD)
    details: list[Detail] = []
    # the source's own wording of a section heading, where it differs from ours
    headings: dict[str, Text] = {}

    def has_value(self, field_name: str) -> bool:
        """Whether the data holds a value for a detail field."""
        if field_name in ("registration", "tuition", "materials", "copyright_fee", "arrangement"):
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


@dataclass
class Trainingen:
    publieksagressie: PublieksagressieFile | None
    courses: dict[str, Course] = field(default_factory=dict)
    checklists: dict[str, Checklist] = field(default_factory=dict)


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
