"""Load and validate all content data before any page renders.

Every problem becomes one line "file: field or id: what is wrong"; the build stops with all of
them at once (ContentError), so an editor fixes a bad file in one go.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints, ValidationError, field_validator, model_validator

from .reading import ReadError, control_characters, load_yaml
from .citations import CitationError, Ref, Registry, plain, split_text
from .model_base import MARKUP, Group, ListKind, Note, Step, Strict, SubItem, Table, Text  # noqa: F401 (re-exported)
from .model_nu import NowCard, NowFile, check_cards
from .model_welke_fase import PhaseGuide, check_guide
from .model_trainingen import ChecklistsFile, Course, PublieksagressieFile, Trainingen, group_refs
from .model_wijzigingen import ChangelogEntry, check_order
from .model_woordenlijst import Term, check_glossary
from .sitemap import PHASE_GUIDE_FILE, link, recommendation_page, step_anchor  # noqa: F401 (step_anchor re-exported)



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


@dataclass
class Content:
    kern: Kern
    phases: tuple[Phase, ...]
    handvatten: dict[str, Handvat]  # in source order
    studies: tuple[Study, ...]
    publications: tuple[Publication, ...]
    audiences: dict[str, str]  # audience headings of the handbook's groups
    registry: Registry
    readers: tuple[str, ...] = ()  # the site's audiences (page tags)
    everyone: str = ""  # the audience of pages meant for all
    documents: dict[str, SourceDocument] = field(default_factory=dict)  # by id, in file order
    sources_loaded: bool = True  # False when bronnen.yml is broken: citations are then not checked
    cycle_document: str = ""  # the id of the document the cycle comes from
    trainingen: Trainingen | None = None
    glossary: list[Term] = field(default_factory=list)
    # numbered steps of the training guides' checklists, by checklist code
    checklist_steps: dict[str, tuple[StepView, ...]] = field(default_factory=dict)
    # which handvat and step (None: the handvat's intro) cite each reference, in source order
    citations: dict[Ref, list[tuple[str, str | None]]] = field(default_factory=dict)
    group_readers: dict[str, str] = field(default_factory=dict)  # audience group key -> reader
    now_roles: tuple[str, ...] = ()  # the audiences the "Nu handelen" cards' switch offers
    now_cards: dict[str, NowCard] = field(default_factory=dict)  # by id, in file order
    phase_guide: PhaseGuide | None = None  # the editors' guide "Welke fase?" (data/welke-fase.yml)

    def step(self, step_id: str) -> StepView:
        """A step of the cycle by id ("C1.2")."""
        handvat = self.handvat(step_id.split(".")[0])
        for step in handvat.steps:
            if step.id == step_id:
                return step
        raise KeyError(f"unknown step id {step_id!r}")
    changelog: list[ChangelogEntry] = field(default_factory=list)  # newest first

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
# Loading


def _read_yaml(path: Path, root: Path, problems: list[str]) -> Any:
    """The file's YAML, or None with one problem (missing, unreadable, malformed or empty) for
    this file; a text with a control character is noted and still returned (more checks follow)."""
    where = _rel(path, root)
    try:
        raw = load_yaml(path, where)
    except FileNotFoundError:
        problems.append(f"{where}: file is missing")
        return None
    except ReadError as exc:
        problems.append(str(exc))
        return None
    if raw is None:
        problems.append(f"{where}: (file): the file is empty")
    problems += control_characters(raw, where)
    return raw


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _validate(model: type[BaseModel], raw: Any, where: str, problems: list[str]) -> Any:
    if raw is None:
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            loc = ".".join(str(p) for p in err["loc"]) or "(file)"
            problems.append(f"{where}: {loc}: {_message(err)}")
    return None


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


def _load_named(model: type[BaseModel], path: Path, root: Path, problems: list[str]) -> Any:
    """A file whose `id` must equal its name (V2.yml, masterclass-wraakbeteugeling.yml)."""
    where = _rel(path, root)
    data = _validate(model, _read_yaml(path, root, problems), where, problems)
    if data is not None and data.id != path.stem:
        problems.append(f"{where}: id: {data.id!r} does not match the file name {path.stem!r}")
    return data


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


def load(data_dir: Path | str) -> Content:
    """Read every content file under ``data_dir``; raise ContentError listing all problems."""
    root = Path(data_dir)
    problems: list[str] = []

    sources = _validate(SourcesFile, _read_yaml(root / "bronnen.yml", root, problems), _rel(root / "bronnen.yml", root), problems)
    phases_file = _validate(
        PhasesFile, _read_yaml(root / "cyclus/fasen.yml", root, problems), _rel(root / "cyclus/fasen.yml", root), problems
    )
    where = _rel(root / "doelgroepen.yml", root)
    readers_file = _validate(ReadersFile, _read_yaml(root / "doelgroepen.yml", root, problems), where, problems)
    audiences = dict(readers_file.groups) if readers_file else {}

    registry = Registry(
        studies={s.name: (s.id, frozenset(s.chapters), frozenset(s.tables)) for s in sources.studies} if sources else {},
        publications={p.cite: p.id for p in sources.publications} if sources else {},
    )
    phases: dict[str, Phase] = {}
    for n, phase in enumerate(phases_file.phases if phases_file else []):
        if phase.letter in phases:
            problems.append(
                f"{_rel(root / 'cyclus/fasen.yml', root)}: phases.{n}.letter: letter {phase.letter!r} is also "
                f"the letter of phase {phases[phase.letter].id!r}"
            )
            phases_file = None  # which phase a recommendation belongs to is unknown: check no further
        phases[phase.letter] = phase
    if phases_file is None:
        phases = {}
    failed_letters: set[str] = set()  # phases with a file that did not load: no numbering check

    handvatten: dict[str, Handvat] = {}
    seen_files: dict[str, str] = {}
    order = {letter: n for n, letter in enumerate(phases)}  # unknown letters last: reported below
    files = sorted(
        (p for p in (root / "cyclus").glob("*.yml") if p.name != "fasen.yml"),
        # in cycle order: by the phases' order in fasen.yml, then by number
        key=lambda p: (order.get(p.stem[:1], len(order)), int(p.stem[1:]) if p.stem[1:].isdigit() else 0, p.stem),
    )
    for path in files:
        where = _rel(path, root)
        data = _load_named(HandvatData, path, root, problems)
        if data is None:
            failed_letters.add(path.stem[:1])
            continue
        if data.id in seen_files:
            problems.append(f"{where}: id: duplicate id {data.id!r}, also in {seen_files[data.id]}")
            continue
        seen_files[data.id] = where
        phase = phases.get(data.id[0])
        if phase is None:
            if phases_file is not None:
                problems.append(f"{where}: id: no phase with letter {data.id[0]!r} in cyclus/fasen.yml")
            continue
        for n, group in enumerate(data.groups or []):
            if readers_file and group.audience is not None and group.audience not in audiences:
                problems.append(f"{where}: groups.{n}.audience: unknown audience {group.audience!r}")
        handvat = Handvat(data, phase, _number_steps(data))
        for note in data.notes:
            if note.step is not None and not 1 <= note.step <= len(handvat.steps):
                problems.append(f"{where}: notes: step {note.step} does not exist in {data.id}")
        handvatten[data.id] = handvat

    # Ids are numbered in source order without gaps, so V3 always means the third.
    for letter, phase in phases.items():
        if letter in failed_letters:
            continue
        numbers = sorted(int(i[1:]) for i in handvatten if i[0] == letter)
        if numbers and numbers != list(range(1, len(numbers) + 1)):
            problems.append(f"data/cyclus: {phase.name}: ids are not numbered 1..{len(numbers)} without gaps: {numbers}")

    content = Content(
        kern=phases_file.kern if phases_file else None,
        phases=tuple(phases.values()),
        handvatten=handvatten,
        studies=tuple(sources.studies) if sources else (),
        publications=tuple(sources.publications) if sources else (),
        audiences=audiences,
        registry=registry,
    )
    content.sources_loaded = sources is not None
    cycle_loaded = phases_file is not None and not failed_letters and readers_file is not None
    content.documents = _load_documents(root, problems)
    if readers_file:
        content.readers, content.everyone = tuple(readers_file.readers), readers_file.everyone
        content.group_readers = dict(readers_file.group_readers)
    if phases_file:
        content.cycle_document = phases_file.document
        if content.documents and phases_file.document not in content.documents:
            problems.append(
                f"data/cyclus/fasen.yml: document: unknown source document {phases_file.document!r}; "
                f"known: {', '.join(content.documents)}"
            )
    _check_texts(content, seen_files, problems)
    _load_trainingen(root, content, problems)
    _load_glossary(root, content, problems)
    _load_now(root, content, problems, cycle_loaded)
    _load_guide(root, content, problems, cycle_loaded)
    _load_changelog(root, content, problems, cycle_loaded)
    if problems:
        raise ContentError(problems)
    return content


def _check_texts(content: Content, files: dict[str, str], problems: list[str]) -> None:
    """Refuse markup in any text; parse every citation and index who cites what."""
    citations: dict[Ref, list[tuple[str, str | None]]] = defaultdict(list)
    step_ids = {s.id for h in content.handvatten.values() for s in h.steps} | set(content.handvatten)
    for handvat in content.handvatten.values():
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
                    segments = split_text(text, content.registry)
                except CitationError as exc:
                    if content.sources_loaded:
                        problems.append(f"{where}: {step_id or handvat.id}: {exc}")
                    continue
                for seg in segments:
                    if isinstance(seg, tuple) and (handvat.id, step_id) not in citations[seg[1]]:
                        citations[seg[1]].append((handvat.id, step_id))
    content.citations = dict(citations)


def _load_trainingen(root: Path, content: Content, problems: list[str]) -> None:
    """The training guides and courses: schemas, group references, unique checklist codes."""
    folder = root / "trainingen"
    trainingen = Trainingen(publieksagressie=None)
    checklist_files: list[tuple[str, Any]] = []
    guide_path = folder / "publieksagressie.yml"
    if guide_path.exists():
        where = _rel(guide_path, root)
        guide = _validate(PublieksagressieFile, _read_yaml(guide_path, root, problems), where, problems)
        if guide:
            trainingen.publieksagressie = guide
            known: set[str] = set()
            for n, group in enumerate(guide.function_groups):
                if group.id in known:
                    problems.append(f"{where}: function_groups.{n}.id: duplicate function group id {group.id!r}")
                known.add(group.id)
            for path, groups in group_refs(guide):
                for group in groups:
                    if group not in known:
                        problems.append(f"{where}: {path}: unknown function group {group!r}")
            checklist_files.append((where, guide))
    for path in sorted(folder.glob("*.yml")):
        if content.documents and path.stem not in content.documents:  # the layout of sitemap.document_files
            problems.append(
                f"{_rel(path, root)}: (file): no source document {path.stem!r} in brondocumenten.yml "
                "(a guide's file is named after the id of the document it is transcribed from)"
            )
        if path.name == "publieksagressie.yml":
            continue
        where = _rel(path, root)
        data = _validate(ChecklistsFile, _read_yaml(path, root, problems), where, problems)
        if data:
            checklist_files.append((where, data))
    for where, data in checklist_files:
        for n, checklist in enumerate(data.checklists):
            if checklist.id in trainingen.checklists:
                problems.append(f"{where}: checklists.{n}.id: duplicate checklist code {checklist.id!r}")
                continue
            trainingen.checklists[checklist.id] = checklist
            content.checklist_steps[checklist.id] = tuple(
                StepView(f"{checklist.id}.{i}", i, step, None, checklist.kind)
                for i, step in enumerate(checklist.steps, start=1)
            )
    course_files = []
    for path in sorted((folder / "cursussen").glob("*.yml")):
        course = _load_named(Course, path, root, problems)
        if course is not None:
            if content.documents and course.id not in content.documents:
                problems.append(
                    f"{_rel(path, root)}: id: no source document {course.id!r} in brondocumenten.yml "
                    "(a course page credits the document it is transcribed from)"
                )
            trainingen.courses[course.id] = course
            course_files.append((_rel(path, root), course))
    for where, data in checklist_files + course_files:
        problems += _markup(where, data)
        for path, text in text_fields(data):
            try:
                split_text(text, content.registry)
            except CitationError as exc:
                if content.sources_loaded:
                    problems.append(f"{where}: {path}: {exc}")
    content.trainingen = trainingen


def _read_list(path: Path, root: Path, problems: list[str], of: str) -> tuple[str, list | None]:
    """(file as messages name it, its list) of a data file that is a list; None, with the problem
    noted, when it cannot be read or is no list (``of``: what the list holds, for the message)."""
    where = _rel(path, root)
    raw = _read_yaml(path, root, problems)
    if raw is not None and not isinstance(raw, list):
        problems.append(f"{where}: (file): must be a list of {of}")
        return where, None
    if raw == []:
        problems.append(f"{where}: (file): the list is empty; it must hold {of}")
        return where, None
    return where, raw


def _load_glossary(root: Path, content: Content, problems: list[str]) -> None:
    path = root / "woordenlijst.yml"
    if not path.exists():
        return
    where, raw = _read_list(path, root, problems, "terms")
    if raw is None:
        return
    terms = []
    for n, entry in enumerate(raw):
        label = f"{n} ({entry['id']})" if isinstance(entry, dict) and "id" in entry else str(n)
        term = _validate(Term, entry, f"{where}: {label}", problems)
        if term:
            terms.append(term)
            problems += _markup(f"{where}: {label}", term)
    files = {doc.file for doc in content.documents.values()} if content.documents else None
    problems += check_glossary(terms, where, files)
    content.glossary = terms


def _load_documents(root: Path, problems: list[str]) -> dict[str, SourceDocument]:
    where, raw = _read_list(root / "brondocumenten.yml", root, problems, "source documents")
    if raw is None:
        return {}
    documents: dict[str, SourceDocument] = {}
    for n, entry in enumerate(raw):
        label = f"{n} ({entry['id']})" if isinstance(entry, dict) and "id" in entry else str(n)
        doc = _validate(SourceDocument, entry, f"{where}: {label}", problems)
        if doc is None:
            continue
        if doc.id in documents:
            problems.append(f"{where}: {label}: id: duplicate source document id {doc.id!r}")
            continue
        problems += _markup(f"{where}: {label}", doc)
        documents[doc.id] = doc
    return documents


NOW_FILE = "nu-handelen.yml"


def _load_now(root: Path, content: Content, problems: list[str], cycle_loaded: bool = True) -> None:
    """The "Nu handelen" cards: every step and recommendation they name must exist (checked only
    when the cycle itself loaded: a broken cycle file is reported once, not once per card)."""
    path = root / NOW_FILE
    if not path.exists():
        return
    where = _rel(path, root)
    now = _validate(NowFile, _read_yaml(path, root, problems), where, problems)
    if now is None:
        return
    if not cycle_loaded:
        problems += _markup(where, now)
        return
    step_ids = {s.id for h in content.handvatten.values() for s in h.steps}
    found = check_cards(now, where, step_ids, set(content.handvatten), content.readers)
    problems += found + _markup(where, now)
    if not found:
        content.now_roles = tuple(now.roles)
        content.now_cards = {card.id: card for card in now.cards}
def _load_guide(root: Path, content: Content, problems: list[str], cycle_loaded: bool = True) -> None:
    """The guide "Welke fase?": every phase once, in order; every place and recommendation it
    names must exist (checked only when the cycle loaded, as for the cards)."""
    path = root / PHASE_GUIDE_FILE
    if not path.exists():
        return
    where = _rel(path, root)
    guide = _validate(PhaseGuide, _read_yaml(path, root, problems), where, problems)
    if guide is None:
        return
    found = _markup(where, guide)
    if cycle_loaded:
        found += check_guide(guide, where, [p.id for p in content.phases], set(content.handvatten))
    problems += found
    if not found:
        content.phase_guide = guide


def _load_changelog(root: Path, content: Content, problems: list[str], cycle_loaded: bool = True) -> None:
    """data/wijzigingen.yml: valid entries, newest first, naming only ids that exist (pages are
    checked against docs/ when the build starts: model_wijzigingen.check_site). Ids are checked
    only when the cycle loaded: a broken cycle file is reported once, not once per id."""
    where, raw = _read_list(root / "wijzigingen.yml", root, problems, "versions, newest first")
    if raw is None:
        return
    known = set(content.handvatten) | {s.id for h in content.handvatten.values() for s in h.steps}
    known |= set(content.trainingen.courses) if content.trainingen else set()
    entries: list[tuple[str, ChangelogEntry]] = []
    for n, raw_entry in enumerate(raw):
        label = f"{n} ({raw_entry['version']})" if isinstance(raw_entry, dict) and "version" in raw_entry else str(n)
        entry = _validate(ChangelogEntry, raw_entry, f"{where}: {label}", problems)
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
    problems += check_order(entries, where)
    content.changelog = [entry for _, entry in entries]
