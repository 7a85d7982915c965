"""Load and validate all content data before any page renders.

Every problem becomes one line "file: field or id: what is wrong"; the build stops with all of
them at once (ContentError), so an editor fixes a bad file in one go.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, Field, StringConstraints, ValidationError, field_validator, model_validator

from .reading import ReadError, control_characters, load_yaml
from .citations import CitationError, Ref, Registry, plain, split_text
from .model_base import MARKUP, Group, ListKind, Note, Step, Strict, SubItem, Table, Text  # noqa: F401 (re-exported)
from .model_nu import NowCard, NowFile, check_cards
from .model_welke_fase import PhaseGuide, check_guide
from .model_trainingen import Checklist, ChecklistsFile, Course, PublieksagressieFile, Trainingen, group_refs
from .model_wijzigingen import ChangelogEntry, check_order
from .model_woordenlijst import Term, check_glossary
from .schemes import link, recommendation_page, step_anchor  # noqa: F401 (step_anchor re-exported)



class HandvatData(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[A-Z][1-9]\d*$")]  # a phase's letter (fasen.yml) and number
    """Het vaste id: letter van de fase en volgnummer in de bron (V2). Gelijk aan de bestandsnaam; verandert nooit."""
    title: Text
    """Het handvat zoals de bron het formuleert (één zin)."""
    # the editors' label for navigation, overviews, short-link list and PDF bookmarks
    short_title: Text
    """Korte naam van de redactie (hoogstens zes woorden) voor menu, overzichten, korte links en pdf-bladwijzers."""
    kind: ListKind = "steps"
    """steps (handelingen, met vinkje) of points (signalen, vragen, voorbeelden; zonder vinkje)."""
    intro: list[Text] = []
    """Alinea’s tussen titel en vraag, letterlijk uit de bron; mag leeg zijn ([])."""
    question: Text
    """De inleidende vraag vlak voor de genummerde stappen."""
    steps: list[Step] | None = None
    """De stappen, in de volgorde van de bron. Geef óf steps óf groups."""
    groups: list[Group] | None = None
    """Stappen onder tussenkoppen van de bron. Geef óf steps óf groups."""
    notes: list[Note] = []
    """Zichtbare noten van de redactie bij dit handvat."""

    @field_validator("short_title")
    @classmethod
    def _short(cls, value: str) -> str:
        words = value.split()
        if len(words) > 6:
            raise ValueError(f"at most six words (got {len(words)}): {value!r}")
        if any(c in value for c in '"{}'):
            raise ValueError(f'no " {{ or }} (the label becomes an attribute): {value!r}')
        return value

    @model_validator(mode="after")
    def _steps_or_groups(self) -> "HandvatData":
        if (self.steps is None) == (self.groups is None):
            raise ValueError("give either 'steps' or 'groups', not both or neither")
        return self


class Phase(Strict):
    id: Text
    """Het id van de fase (vredestijd, crisis, nazorg): ook de map onder docs/."""
    letter: Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]
    """De letter waarmee de ids van de handvatten van deze fase beginnen (V, C, N)."""
    name: Text
    """De naam van de fase zoals de site hem toont."""
    theme: Text
    """Het thema van de fase, letterlijk uit de bron."""
    aims: list[Text] = Field(min_length=1)
    """De doelen van de fase, letterlijk uit de bron."""


class Kern(Strict):
    title: Text
    """De kop van de rij ‘Kern’ in het overzicht."""
    text: Text
    """De tekst van die rij, letterlijk uit de bron."""


class PhasesFile(Strict):
    document: Text  # the source document the cycle is transcribed from (brondocumenten.yml)
    """Het id van het brondocument (brondocumenten.yml) waaruit de cyclus is overgenomen."""
    kern: Kern
    """De rij ‘Kern’ van het overzicht."""
    phases: list[Phase] = Field(min_length=1)
    """De fasen, in de volgorde van de cyclus."""


class Study(Strict):
    id: Text
    """Het id van het onderzoek: ook het anker op de pagina Bronnen."""
    name: Text
    """De naam zoals bronverwijzingen hem noemen (Literatuurreview)."""
    chapters: list[Text]
    """De hoofdstukken die geciteerd mogen worden (H2.6)."""
    tables: list[int]
    """De nummers van de tabellen die geciteerd mogen worden."""


class Publication(Strict):
    id: Text
    """Het id van de publicatie: ook het anker op de pagina Bronnen."""
    cite: Text
    """De verwijzing zoals de tekst hem schrijft (COT, 2021)."""
    description: Text | None = None
    """Een korte omschrijving van de publicatie."""
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$")] | None = None
    """Het webadres van de publicatie (https://…)."""


class ReadersFile(Strict):
    readers: list[Text] = Field(min_length=1)  # the site's audiences (page tags), in display order
    """De doelgroepen van de site (tags van pagina’s), in de volgorde van de pagina ‘Per doelgroep en fase’."""
    everyone: Text
    """De doelgroep van pagina’s voor alle netwerkpartners; moet in readers staan."""
    groups: dict[str, Text]  # audience headings in the handbook: key -> label as the source words it
    """Doelgroepen die de bron boven groepen stappen noemt: sleutel en naam zoals de bron hem schrijft."""
    group_readers: dict[str, Text] = {}
    """Welke doelgroep van de site (readers) elk van die kopjes aanspreekt: de rolkeuze van de kaarten ‘Nu handelen’."""

    @model_validator(mode="after")
    def _everyone_is_a_reader(self) -> "ReadersFile":
        if self.everyone not in self.readers:
            raise ValueError(f"everyone: {self.everyone!r} is not one of the readers {self.readers}")
        if len(set(self.readers)) != len(self.readers):
            raise ValueError("readers: an audience is listed twice")
        if self.group_readers:
            for key, reader in self.group_readers.items():
                if key not in self.groups:
                    raise ValueError(f"group_readers: {key!r} is no key of groups ({', '.join(self.groups)})")
                if reader not in self.readers:
                    raise ValueError(f"group_readers: {key}: {reader!r} is not one of the readers {self.readers}")
            missing = [key for key in self.groups if key not in self.group_readers]
            if missing:
                raise ValueError(f"group_readers: no reader for the group(s) {', '.join(missing)}")
        return self


class SourceDocument(Strict):
    """Een document dat de site overneemt; elk gegeven alleen voor zover het document het zelf zegt."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    """Het vaste id van het document (kleine letters en streepjes)."""
    title: Text
    """De titel zoals het document hem geeft."""
    kind: Text | None
    """Hoe het document zichzelf noemt (‘handreiking’, ‘training’), met het woord van het document; anders null."""
    maker: Text | None
    """Maker of uitgever, alleen zoals het document het zegt; anders null."""
    published_in: Text | None
    """Waar het document verscheen, alleen zoals het document het zegt; anders null."""
    date: Text | None
    """De datum, alleen zoals het document hem geeft; anders null."""
    date_note: Text | None = None
    """Een opmerking over de datum (bijvoorbeeld een lege ‘Laatste update:’)."""
    rights: Text | None = None
    """Wat het document zelf zegt over hergebruik of auteursrecht; null als het daar niets over zegt."""
    part: Text  # what part of the document the site transcribes
    """Welk deel van het document de site overneemt."""
    file: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+\.txt$")]  # in ../shared/bronnen/
    """Het tekstbestand van het document in de map bronnen."""
    section: Text  # the docs page where its part of the site starts
    """De pagina onder docs/ waar het overgenomen deel begint."""
    dropped: list[Text] = []  # exact lines or phrases of the source the site leaves out on purpose
    """Regels of zinsdelen van de bron die de site bewust weglaat, precies zoals ze in het tekstbestand staan: knoppen en andere onderdelen van de webpagina (‘Nu inschrijven’), of een lege plek die een noot van de redactie noemt."""


class SourcesFile(Strict):
    studies: list[Study]
    """De onderzoeksrapporten met hun hoofdstukken en tabellen."""
    publications: list[Publication]
    """De genoemde publicaties."""


# ---------------------------------------------------------------------------------------------
# The validated content, as the renderers see it.


@dataclass(frozen=True)
class StepView:
    id: str  # "V2.4"
    number: int
    data: Step
    group: Group | None
    kind: ListKind = "steps"  # steps get a checkbox, points (signals, questions...) do not
    # the editors' notes on this step: part of the step, so no view that shows it can drop them
    notes: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return step_anchor(self.id)


@dataclass(frozen=True)
class Handvat:
    data: HandvatData
    phase: Phase
    steps: tuple[StepView, ...]

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def page(self) -> str:
        """The page's path under docs/."""
        return recommendation_page(self.phase.id, self.id)


@dataclass(frozen=True)
class Content:
    """All validated content, built once by ``load`` (nothing fills it in afterwards)."""

    kern: Kern | None  # None when the phases' file is broken
    phases: tuple[Phase, ...]
    handvatten: dict[str, Handvat]  # in source order
    studies: tuple[Study, ...]
    publications: tuple[Publication, ...]
    audiences: dict[str, str]  # audience headings of the handbook's groups
    registry: Registry
    readers: tuple[str, ...]  # the site's audiences (page tags)
    everyone: str  # the audience of pages meant for all
    group_readers: dict[str, str]  # audience group key -> reader
    documents: dict[str, SourceDocument]  # by id, in file order
    sources_loaded: bool  # False when bronnen.yml is broken: citations are then not checked
    cycle_document: str  # the id of the document the cycle comes from
    # which handvat and step (None: the handvat's intro) cite each reference, in source order
    citations: dict[Ref, list[tuple[str, str | None]]]
    trainingen: Trainingen
    # numbered steps of the training guides' checklists, by checklist code
    checklist_steps: dict[str, tuple[StepView, ...]]
    glossary: list[Term]
    now_roles: tuple[str, ...]  # the audiences the "Nu handelen" cards' switch offers
    now_cards: dict[str, NowCard]  # by id, in file order
    changelog: list[ChangelogEntry]  # newest first
    phase_guide: PhaseGuide | None = None  # the editors' guide "Welke fase?" (data/welke-fase.yml)

    def step(self, step_id: str) -> StepView:
        """A step of the cycle by id ("C1.2")."""
        handvat = self.handvat(step_id.split(".")[0])
        for step in handvat.steps:
            if step.id == step_id:
                return step
        raise KeyError(f"unknown step id {step_id!r}")

    def document(self, document_id: str) -> SourceDocument:
        try:
            return self.documents[document_id]
        except KeyError:
            known = ", ".join(self.documents)
            raise KeyError(f"unknown source document {document_id!r}; known: {known}") from None

    def step_url(self, target: str) -> str:
        """The site-root link of a recommendation ("V2") or a step ("V2.4") on its page."""
        handvat = self.handvat(target.split(".")[0])
        return link(handvat.page, step_anchor(target) if "." in target else "")

    def in_phase(self, phase_id: str) -> list[Handvat]:
        return [h for h in self.handvatten.values() if h.phase.id == phase_id]

    def handvat(self, handvat_id: str) -> Handvat:
        try:
            return self.handvatten[handvat_id]
        except KeyError:
            raise KeyError(f"unknown recommendation id {handvat_id!r}") from None


class ContentError(Exception):
    """All problems found in the content data, one per line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("content data is invalid:\n  " + "\n  ".join(problems))


# ---------------------------------------------------------------------------------------------
# Loading: small pure functions, each returning its part of the content with the problems found
# on the way (one line each: "file: field or id: what is wrong"); ``load`` runs them in order,
# gathers every problem and builds the Content once.

T = TypeVar("T")
Found = tuple[T, list[str]]  # a part of the content, and the problems found loading it


def load(data_dir: Path | str) -> Content:
    """Read every content file under ``data_dir``; raise ContentError listing all problems."""
    root = Path(data_dir)
    problems: list[str] = []

    sources, found = _read(SourcesFile, root / "bronnen.yml", root)
    problems += found
    phases_file, found = _read(PhasesFile, root / PHASES_FILE, root)
    problems += found
    readers_file, found = _read(ReadersFile, root / "doelgroepen.yml", root)
    problems += found
    phases, found = _phases(phases_file, _rel(root / PHASES_FILE, root))
    problems += found
    if phases is None:  # two phases share a letter: which phase a recommendation belongs to is unknown
        phases_file, phases = None, {}
    audiences = dict(readers_file.groups) if readers_file else None
    (handvatten, files, failed_letters), found = _handvatten(root, phases_file, phases, audiences)
    problems += found + _numbering(handvatten, phases, failed_letters)
    # the cycle loaded whole: references into it (cards, changelog ids) can be checked
    cycle_loaded = phases_file is not None and not failed_letters and readers_file is not None
    documents, found = _documents(root)
    problems += found + _cycle_document(phases_file, documents)
    registry = _registry(sources)
    citations, found = _citations(handvatten, files, registry, sources is not None)
    problems += found
    (trainingen, checklist_steps), found = _trainingen(root, documents, registry, sources is not None)
    problems += found
    glossary, found = _glossary(root, documents)
    problems += found
    readers = tuple(readers_file.readers) if readers_file else ()
    (now_roles, now_cards), found = _now(root, handvatten, readers, cycle_loaded)
    problems += found
    changelog, found = _changelog(root, handvatten, trainingen.courses, cycle_loaded)
    problems += found
    phase_guide, found = _phase_guide(root, phases, handvatten, cycle_loaded)
    problems += found
    if problems:
        raise ContentError(problems)
    return Content(
        kern=phases_file.kern if phases_file else None,
        phases=tuple(phases.values()),
        handvatten=handvatten,
        studies=tuple(sources.studies) if sources else (),
        publications=tuple(sources.publications) if sources else (),
        audiences=audiences or {},
        registry=registry,
        readers=readers,
        everyone=readers_file.everyone if readers_file else "",
        group_readers=dict(readers_file.group_readers) if readers_file else {},
        documents=documents,
        sources_loaded=sources is not None,
        cycle_document=phases_file.document if phases_file else "",
        citations=citations,
        trainingen=trainingen,
        checklist_steps=checklist_steps,
        glossary=glossary,
        now_roles=now_roles,
        now_cards=now_cards,
        changelog=changelog,
        phase_guide=phase_guide,
    )


# --- reading and validating one file ---------------------------------------------------------


def _read_yaml(path: Path, root: Path) -> Found[Any]:
    """The file's YAML, or None with one problem (missing, unreadable, malformed or empty) for
    this file; a text with a control character is noted and still returned (more checks follow)."""
    where = _rel(path, root)
    try:
        raw = load_yaml(path, where)
    except FileNotFoundError:
        return None, [f"{where}: file is missing"]
    except ReadError as exc:
        return None, [str(exc)]
    empty = [f"{where}: (file): the file is empty"] if raw is None else []
    return raw, empty + control_characters(raw, where)


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _validate(model: type[BaseModel], raw: Any, where: str) -> Found[Any]:
    if raw is None:
        return None, []
    try:
        return model.model_validate(raw), []
    except ValidationError as exc:
        return None, [f"{where}: {'.'.join(str(p) for p in err['loc']) or '(file)'}: {_message(err)}" for err in exc.errors()]


def _read(model: type[BaseModel], path: Path, root: Path) -> Found[Any]:
    """A data file, read and validated against its model (None when either fails)."""
    raw, read = _read_yaml(path, root)
    data, invalid = _validate(model, raw, _rel(path, root))
    return data, read + invalid


def _message(err: dict) -> str:
    """pydantic's message in the project's words: no "Value error, ", no class names."""
    if err["type"] == "value_error":
        return str(err["ctx"]["error"])
    if err["type"] in ("model_type", "dict_type"):
        return f"must be a mapping of fields, not {_kind(err['input'])}"
    return err["msg"]


def _kind(value: Any) -> str:
    names = {list: "a list", str: "a text", int: "a number", float: "a number", bool: "true or false"}
    return names.get(type(value), type(value).__name__)


def _load_named(model: type[BaseModel], path: Path, root: Path) -> Found[Any]:
    """A file whose `id` must equal its name (V2.yml, masterclass-wraakbeteugeling.yml)."""
    data, problems = _read(model, path, root)
    if data is not None and data.id != path.stem:
        problems = problems + [f"{_rel(path, root)}: id: {data.id!r} does not match the file name {path.stem!r}"]
    return data, problems


def _read_list(path: Path, root: Path, of: str) -> Found[tuple[str, list | None]]:
    """(file as messages name it, its list) of a data file that is a list; None, with the problem,
    when it cannot be read or is no list (``of``: what the list holds, for the message)."""
    where = _rel(path, root)
    raw, problems = _read_yaml(path, root)
    if raw is not None and not isinstance(raw, list):
        return (where, None), problems + [f"{where}: (file): must be a list of {of}"]
    if raw == []:
        return (where, None), problems + [f"{where}: (file): the list is empty; it must hold {of}"]
    return (where, raw), problems


def _entry_label(entry: Any, n: int, key: str) -> str:
    """How messages name the n-th entry of a list file: "0 (dpia)", or "0" without its key."""
    return f"{n} ({entry[key]})" if isinstance(entry, dict) and key in entry else str(n)


def _markup(where: str, data: Any) -> list[str]:
    """Text fields are plain text: one problem per field that holds a tag."""
    return [
        f"{where}: {path}: contains markup {MARKUP.search(text).group()!r}; text is plain"
        for path, text in text_fields(data)
        if MARKUP.search(text)
    ]


def text_fields(obj: Any, path: str = "") -> list[tuple[str, str]]:
    """Every string in a data tree with its field path, for the markup and citation checks."""
    if isinstance(obj, str):
        return [(path, obj)]
    if isinstance(obj, BaseModel):
        obj = {k: getattr(obj, k) for k in type(obj).model_fields}
    if isinstance(obj, dict):
        return [t for k, v in obj.items() for t in text_fields(v, f"{path}.{k}" if path else k)]
    if isinstance(obj, (list, tuple)):
        return [t for n, v in enumerate(obj) for t in text_fields(v, f"{path}.{n}")]
    return []


def _cited(text: str, path: str, where: str, registry: Registry, sources_loaded: bool) -> list[str]:
    """A text's citations must name known chapters (checked only when bronnen.yml loaded)."""
    try:
        split_text(text, registry)
    except CitationError as exc:
        return [f"{where}: {path}: {exc}"] if sources_loaded else []
    return []


# --- the cycle -------------------------------------------------------------------------------

PHASES_FILE = "cyclus/fasen.yml"


def _phases(phases_file: PhasesFile | None, where: str) -> Found[dict[str, Phase] | None]:
    """The phases by letter, in cycle order; None when two share a letter."""
    phases: dict[str, Phase] = {}
    problems = []
    for n, phase in enumerate(phases_file.phases if phases_file else []):
        if phase.letter in phases:
            problems.append(
                f"{where}: phases.{n}.letter: letter {phase.letter!r} is also the letter of phase {phases[phase.letter].id!r}"
            )
        phases[phase.letter] = phase
    return (None if problems else phases), problems


def _handvatten(
    root: Path, phases_file: PhasesFile | None, phases: dict[str, Phase], audiences: dict[str, str] | None
) -> Found[tuple[dict[str, Handvat], dict[str, str], set[str]]]:
    """The recommendations in cycle order (by the phases' order in fasen.yml, then by number),
    the file of each (as messages name it), and the letters of phases with a file that did not
    load. ``audiences``: the group headings of doelgroepen.yml, None when it is broken."""
    problems: list[str] = []
    handvatten: dict[str, Handvat] = {}
    files: dict[str, str] = {}
    failed_letters: set[str] = set()
    order = {letter: n for n, letter in enumerate(phases)}  # unknown letters last: reported below
    paths = sorted(
        (p for p in (root / "cyclus").glob("*.yml") if p.name != "fasen.yml"),
        key=lambda p: (order.get(p.stem[:1], len(order)), int(p.stem[1:]) if p.stem[1:].isdigit() else 0, p.stem),
    )
    for path in paths:
        where = _rel(path, root)
        data, found = _load_named(HandvatData, path, root)
        problems += found
        if data is None:
            failed_letters.add(path.stem[:1])
            continue
        if data.id in files:
            problems.append(f"{where}: id: duplicate id {data.id!r}, also in {files[data.id]}")
            continue
        files[data.id] = where
        phase = phases.get(data.id[0])
        if phase is None:
            if phases_file is not None:
                problems.append(f"{where}: id: no phase with letter {data.id[0]!r} in {PHASES_FILE}")
            continue
        for n, group in enumerate(data.groups or []):
            if audiences is not None and group.audience is not None and group.audience not in audiences:
                problems.append(f"{where}: groups.{n}.audience: unknown audience {group.audience!r}")
        handvat = Handvat(data, phase, _number_steps(data))
        for note in data.notes:
            if note.step is not None and not 1 <= note.step <= len(handvat.steps):
                problems.append(f"{where}: notes: step {note.step} does not exist in {data.id}")
        handvatten[data.id] = handvat
    return (handvatten, files, failed_letters), problems


def _number_steps(data: HandvatData) -> tuple[StepView, ...]:
    if data.steps is not None:
        pairs = [(s, None) for s in data.steps]
    else:
        pairs = [(s, g) for g in data.groups for s in g.steps]
    notes = defaultdict(tuple)
    for note in data.notes:
        if note.step is not None:
            notes[note.step] += (note.text,)
    return tuple(
        StepView(f"{data.id}.{n}", n, s, g, g.kind if g else data.kind, notes[n])
        for n, (s, g) in enumerate(pairs, start=1)
    )


def _numbering(handvatten: dict[str, Handvat], phases: dict[str, Phase], failed_letters: set[str]) -> list[str]:
    """Ids are numbered in source order without gaps, so V3 always means the third (not checked
    for a phase with a file that did not load)."""
    problems = []
    for letter, phase in phases.items():
        numbers = sorted(int(i[1:]) for i in handvatten if i[0] == letter)
        if letter not in failed_letters and numbers and numbers != list(range(1, len(numbers) + 1)):
            problems.append(f"data/cyclus: {phase.name}: ids are not numbered 1..{len(numbers)} without gaps: {numbers}")
    return problems


def _cycle_document(phases_file: PhasesFile | None, documents: dict[str, SourceDocument]) -> list[str]:
    if phases_file is None or not documents or phases_file.document in documents:
        return []
    return [
        f"data/{PHASES_FILE}: document: unknown source document {phases_file.document!r}; known: {', '.join(documents)}"
    ]


def _registry(sources: SourcesFile | None) -> Registry:
    """What citations may name: the studies' chapters and tables, the publications."""
    return Registry(
        studies={s.name: (s.id, frozenset(s.chapters), frozenset(s.tables)) for s in sources.studies} if sources else {},
        publications={p.cite: p.id for p in sources.publications} if sources else {},
    )


def _citations(
    handvatten: dict[str, Handvat], files: dict[str, str], registry: Registry, sources_loaded: bool
) -> Found[dict[Ref, list[tuple[str, str | None]]]]:
    """Refuse markup in any text of the cycle, check its cross-references, parse every citation
    and index who cites what."""
    problems: list[str] = []
    citations: dict[Ref, list[tuple[str, str | None]]] = defaultdict(list)
    step_ids = {s.id for h in handvatten.values() for s in h.steps} | set(handvatten)
    for handvat in handvatten.values():
        where = files[handvat.id]
        problems += _markup(where, handvat.data)
        for step in handvat.steps:
            for ref in step.data.see:
                if ref.target not in step_ids:
                    problems.append(f"{where}: {step.id}: see: unknown step or recommendation {ref.target!r}")
                if ref.words not in plain(step.data.text):
                    problems.append(f"{where}: {step.id}: see: words {ref.words!r} do not stand in the step's text")
        owners = [(None, handvat.data.intro), (None, [handvat.data.question])]
        owners += [(s.id, [s.data]) for s in handvat.steps]
        for step_id, parts in owners:
            for path, text in text_fields(parts):
                try:
                    segments = split_text(text, registry)
                except CitationError as exc:
                    if sources_loaded:
                        problems.append(f"{where}: {step_id or handvat.id}: {exc}")
                    continue
                for seg in segments:
                    if isinstance(seg, tuple) and (handvat.id, step_id) not in citations[seg[1]]:
                        citations[seg[1]].append((handvat.id, step_id))
    return dict(citations), problems


# --- source documents, trainings, glossary, cards, changelog ----------------------------------


def _documents(root: Path) -> Found[dict[str, SourceDocument]]:
    (where, raw), problems = _read_list(root / "brondocumenten.yml", root, "source documents")
    documents: dict[str, SourceDocument] = {}
    for n, entry in enumerate(raw or []):
        label = _entry_label(entry, n, "id")
        doc, found = _validate(SourceDocument, entry, f"{where}: {label}")
        problems += found
        if doc is None:
            continue
        if doc.id in documents:
            problems.append(f"{where}: {label}: id: duplicate source document id {doc.id!r}")
            continue
        problems += _markup(f"{where}: {label}", doc)
        documents[doc.id] = doc
    return documents, problems


def _trainingen(
    root: Path, documents: dict[str, SourceDocument], registry: Registry, sources_loaded: bool
) -> Found[tuple[Trainingen, dict[str, tuple[StepView, ...]]]]:
    """The training guides and courses (schemas, group references, unique checklist codes), and
    the numbered steps of every checklist."""
    folder = root / "trainingen"
    problems: list[str] = []
    guide, found = _guide(root, folder / "publieksagressie.yml")
    problems += found
    checklist_files: list[tuple[str, Any]] = [(_rel(folder / "publieksagressie.yml", root), guide)] if guide else []
    for path in sorted(folder.glob("*.yml")):
        if documents and path.stem not in documents:  # the layout of sitemap.document_files
            problems.append(
                f"{_rel(path, root)}: (file): no source document {path.stem!r} in brondocumenten.yml "
                "(a guide's file is named after the id of the document it is transcribed from)"
            )
        if path.name == "publieksagressie.yml":
            continue
        data, found = _read(ChecklistsFile, path, root)
        problems += found
        if data:
            checklist_files.append((_rel(path, root), data))
    checklists: dict[str, Checklist] = {}
    for where, data in checklist_files:
        for n, checklist in enumerate(data.checklists):
            if checklist.id in checklists:
                problems.append(f"{where}: checklists.{n}.id: duplicate checklist code {checklist.id!r}")
            else:
                checklists[checklist.id] = checklist
    courses, found = _courses(root, folder / "cursussen", documents)
    problems += found
    for where, data in checklist_files + [(files, course) for files, course in courses.values()]:
        problems += _markup(where, data)
        for path, text in text_fields(data):
            problems += _cited(text, path, where, registry, sources_loaded)
    steps = {
        code: tuple(StepView(f"{code}.{i}", i, step, None, checklist.kind) for i, step in enumerate(checklist.steps, start=1))
        for code, checklist in checklists.items()
    }
    trainingen = Trainingen(guide, {course.id: course for _, course in courses.values()}, checklists)
    return (trainingen, steps), problems


def _guide(root: Path, path: Path) -> Found[PublieksagressieFile | None]:
    """The guide "publieksagressie" (optional), its function groups unique and referred to by id."""
    if not path.exists():
        return None, []
    where = _rel(path, root)
    guide, problems = _read(PublieksagressieFile, path, root)
    if guide is None:
        return None, problems
    known: set[str] = set()
    for n, group in enumerate(guide.function_groups):
        if group.id in known:
            problems.append(f"{where}: function_groups.{n}.id: duplicate function group id {group.id!r}")
        known.add(group.id)
    for field_path, groups in group_refs(guide):
        problems += [f"{where}: {field_path}: unknown function group {group!r}" for group in groups if group not in known]
    return guide, problems


def _courses(root: Path, folder: Path, documents: dict[str, SourceDocument]) -> Found[dict[str, tuple[str, Course]]]:
    """The course descriptions by id, each with its file (as messages name it)."""
    problems: list[str] = []
    courses: dict[str, tuple[str, Course]] = {}
    for path in sorted(folder.glob("*.yml")):
        course, found = _load_named(Course, path, root)
        problems += found
        if course is None:
            continue
        if documents and course.id not in documents:
            problems.append(
                f"{_rel(path, root)}: id: no source document {course.id!r} in brondocumenten.yml "
                "(a course page credits the document it is transcribed from)"
            )
        courses[course.id] = (_rel(path, root), course)
    return courses, problems


def _glossary(root: Path, documents: dict[str, SourceDocument]) -> Found[list[Term]]:
    path = root / "woordenlijst.yml"
    if not path.exists():
        return [], []
    (where, raw), problems = _read_list(path, root, "terms")
    if raw is None:
        return [], problems
    terms = []
    for n, entry in enumerate(raw):
        label = _entry_label(entry, n, "id")
        term, found = _validate(Term, entry, f"{where}: {label}")
        problems += found
        if term:
            terms.append(term)
            problems += _markup(f"{where}: {label}", term)
    files = {doc.file for doc in documents.values()} if documents else None
    return terms, problems + check_glossary(terms, where, files)


NOW_FILE = "nu-handelen.yml"


def _now(
    root: Path, handvatten: dict[str, Handvat], readers: tuple[str, ...], cycle_loaded: bool
) -> Found[tuple[tuple[str, ...], dict[str, NowCard]]]:
    """The "Nu handelen" cards' roles and cards: every step and recommendation they name must
    exist (checked only when the cycle itself loaded: a broken cycle file is reported once, not
    once per card)."""
    path = root / NOW_FILE
    nothing: tuple[tuple[str, ...], dict[str, NowCard]] = ((), {})
    if not path.exists():
        return nothing, []
    where = _rel(path, root)
    now, problems = _read(NowFile, path, root)
    if now is None:
        return nothing, problems
    if not cycle_loaded:
        return nothing, problems + _markup(where, now)
    step_ids = {s.id for h in handvatten.values() for s in h.steps}
    found = check_cards(now, where, step_ids, set(handvatten), readers)
    problems += found + _markup(where, now)
    if found:
        return nothing, problems
    return (tuple(now.roles), {card.id: card for card in now.cards}), problems


PHASE_GUIDE_FILE = "welke-fase.yml"


def _phase_guide(
    root: Path, phases: dict[str, Phase], handvatten: dict[str, Handvat], cycle_loaded: bool
) -> Found[PhaseGuide | None]:
    """The guide "Welke fase?": every phase once, in order; every place and recommendation it
    names must exist (checked only when the cycle loaded, as for the cards)."""
    path = root / PHASE_GUIDE_FILE
    if not path.exists():
        return None, []
    where = _rel(path, root)
    guide, problems = _read(PhaseGuide, path, root)
    if guide is None:
        return None, problems
    found = _markup(where, guide)
    if cycle_loaded:
        found += check_guide(guide, where, [p.id for p in phases.values()], set(handvatten))
    return (None if found else guide), problems + found


def _changelog(
    root: Path, handvatten: dict[str, Handvat], courses: dict[str, Course], cycle_loaded: bool
) -> Found[list[ChangelogEntry]]:
    """data/wijzigingen.yml: valid entries, newest first, naming only ids that exist (pages are
    checked against docs/ when the build starts: model_wijzigingen.check_site). Ids are checked
    only when the cycle loaded: a broken cycle file is reported once, not once per id."""
    (where, raw), problems = _read_list(root / "wijzigingen.yml", root, "versions, newest first")
    if raw is None:
        return [], problems
    known = set(handvatten) | {s.id for h in handvatten.values() for s in h.steps} | set(courses)
    entries: list[tuple[str, ChangelogEntry]] = []
    for n, raw_entry in enumerate(raw):
        label = _entry_label(raw_entry, n, "version")
        entry, found = _validate(ChangelogEntry, raw_entry, f"{where}: {label}")
        problems += found
        if entry is None:
            continue
        problems += _markup(f"{where}: {label}", entry)
        for n_id, item in enumerate(entry.ids):
            if cycle_loaded and not item.endswith(".md") and item not in known:
                problems.append(
                    f"{where}: {label}: ids.{n_id}: unknown id {item!r}; an id is a recommendation (V2), "
                    "a step (V2.4), a course (masterclass-wraakbeteugeling) or a page under docs/ (woordenlijst.md)"
                )
        entries.append((label, entry))
    return [entry for _, entry in entries], problems + check_order(entries, where)


# --- asked of the content --------------------------------------------------------------------


def count_label(steps: tuple[StepView, ...]) -> str:
    """"8 stappen", "4 punten" or "3 stappen en 2 punten": what a list holds, in words."""
    counts = [(sum(s.kind == kind for s in steps), one, many) for kind, one, many in (("steps", "stap", "stappen"), ("points", "punt", "punten"))]
    return " en ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts if n) or "0 stappen"


def source_label(ref: Ref, content: Content) -> str:
    """How the sources page names a reference: 'Praktijkonderzoek H2.6', 'Literatuurreview Tabel 2'."""
    if ref.kind == "publication":
        return next(p.cite for p in content.publications if p.id == ref.source)
    study = next(s for s in content.studies if s.id == ref.source)
    return f"{study.name} {'Tabel ' if ref.kind == 'table' else ''}{ref.key}"


_loaded: dict[Path, tuple[tuple, Content]] = {}


def load_once(data_dir: Path | str) -> Content:
    """``load``, but only again when a data file changed: Zensical runs ``define_env`` for every
    page, and this module (unlike the package's __init__) is not reloaded between pages."""
    root = Path(data_dir).resolve()
    files = sorted(root.rglob("*.yml"))
    signature = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    cached = _loaded.get(root)
    if cached and cached[0] == signature:
        return cached[1]
    content = load(root)
    _loaded[root] = (signature, content)
    return content
