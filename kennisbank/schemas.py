"""JSON Schemas of the data files, generated from the models, for editors' editors.

    python -m kennisbank.schemas write    # ./dev schemas: write data/schemas/, mark every data file
    python -m kennisbank.schemas check    # exit 1 naming what is out of date

Each data file's first line names its schema (``# yaml-language-server: $schema=…``, a path
relative to the file: nothing is fetched), so VS Code with the YAML extension completes fields and
underlines mistakes while typing. Field descriptions are the models' attribute docstrings (Dutch).
pydantic's own ``json_schema()`` does the work; rules a schema cannot express (ids that must
exist, numbering, dates in order) are the build's.
"""

from __future__ import annotations

import json
import os
import sys
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .model import HandvatData, PhasesFile, ReadersFile, SourceDocument, SourcesFile
from .model_trainingen import ChecklistsFile, Course, PublieksagressieFile
from .model_nu import NowFile
from .model_synoniemen import Entry as SearchWords, RoleFile
from .model_welke_fase import PhaseGuide
from .model_wijzigingen import ChangelogEntry
from .model_woordenlijst import Term

DATA = Path(__file__).resolve().parent.parent / "data"
FOLDER = "schemas"  # under data/
MARK = "# yaml-language-server: $schema="
DIALECT = "https://json-schema.org/draft/2020-12/schema"  # an identifier, never fetched

# (schema name, title, the type of the whole file, the files it describes: the first match wins)
KINDS: list[tuple[str, str, Any, tuple[str, ...]]] = [
    ("fasen", "De fasen van de cyclus", PhasesFile, ("cyclus/fasen.yml",)),
    ("handvat", "Een handvat van de cyclus", HandvatData, ("cyclus/*.yml",)),
    ("bronnen", "Geciteerde bronnen", SourcesFile, ("bronnen.yml",)),
    ("brondocumenten", "Overgenomen documenten", list[SourceDocument], ("brondocumenten.yml",)),
    ("doelgroepen", "Doelgroepen", ReadersFile, ("doelgroepen.yml",)),
    ("woordenlijst", "Woordenlijst", list[Term], ("woordenlijst.yml",)),
    ("publieksagressie", "Handreiking publieksagressie", PublieksagressieFile, ("trainingen/publieksagressie.yml",)),
    ("checklists", "Checklists van een handreiking", ChecklistsFile, ("trainingen/*.yml",)),
    ("cursus", "Een cursusbeschrijving", Course, ("trainingen/cursussen/*.yml",)),
    ("wijzigingen", "Wijzigingen per versie", list[ChangelogEntry], ("wijzigingen.yml",)),
    ("nu-handelen", "Kaarten ‘Nu handelen’", NowFile, ("nu-handelen.yml",)),
    ("synoniemen", "Zoekwoorden van de redactie", list[SearchWords], ("synoniemen.yml",)),
    ("zoekwoorden", "Zoekwoorden van één rol", RoleFile, ("zoekwoorden/*.yml",)),
    ("welke-fase", "Wegwijzer ‘Welke fase?’", PhaseGuide, ("welke-fase.yml",)),
]


def schema_file(name: str, data: Path = DATA) -> Path:
    return data / FOLDER / f"{name}.schema.json"


def schema(name: str) -> dict:
    title, kind = next((t, k) for n, t, k, _ in KINDS if n == name)
    generated = TypeAdapter(kind).json_schema()
    return {"$schema": DIALECT, "title": title, **{k: v for k, v in generated.items() if k != "title"}}


def schema_text(name: str) -> str:
    return json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n"


def kind_of(data_file: Path, data: Path = DATA) -> str:
    """The schema of a data file; KeyError for a file no schema describes."""
    rel = data_file.relative_to(data).as_posix()
    for name, _, _, patterns in KINDS:
        if any(fnmatch(rel, p) and rel.count("/") == p.count("/") for p in patterns):
            return name
    raise KeyError(f"data/{rel}: no schema describes this file; known files: "
                   + ", ".join(p for *_, ps in KINDS for p in ps))


def mark_line(data_file: Path, data: Path = DATA) -> str:
    target = os.path.relpath(schema_file(kind_of(data_file, data), data), data_file.parent)
    return f"{MARK}{Path(target).as_posix()}"


def data_files(data: Path = DATA) -> list[Path]:
    return sorted(data.rglob("*.yml"))


def out_of_date(data: Path = DATA) -> list[str]:
    """One line per schema that differs from the models and per data file without its mark."""
    problems = []
    names = [name for name, *_ in KINDS]
    for name in names:
        path = schema_file(name, data)
        if not path.is_file() or path.read_text(encoding="utf-8") != schema_text(name):
            problems.append(f"data/{FOLDER}/{path.name}: differs from the models")
    known = {schema_file(n, data).name for n in names}
    problems += [f"data/{FOLDER}/{p.name}: no model has this schema" for p in sorted((data / FOLDER).glob("*.json")) if p.name not in known]
    for path in data_files(data):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        if first != mark_line(path, data):
            problems.append(f"data/{path.relative_to(data).as_posix()}: first line is not {mark_line(path, data)!r}")
    return problems


def write(data: Path = DATA) -> None:
    (data / FOLDER).mkdir(exist_ok=True)
    for old in (data / FOLDER).glob("*.json"):
        old.unlink()
    for name, *_ in KINDS:
        schema_file(name, data).write_text(schema_text(name), encoding="utf-8")
    for path in data_files(data):
        text = path.read_text(encoding="utf-8")
        if text.startswith(MARK):
            text = text.split("\n", 1)[1] if "\n" in text else ""
        path.write_text(mark_line(path, data) + "\n" + text, encoding="utf-8")


def main(argv: list[str]) -> int:
    if argv == ["write"]:
        write()
        print(f"schemas: {len(KINDS)} schemas in data/{FOLDER}/, {len(data_files())} data files marked")
        return 0
    if argv == ["check"]:
        problems = out_of_date()
        for line in problems:
            print(f"schemas: {line}", file=sys.stderr)
        if problems:
            print("schemas: run ./dev schemas", file=sys.stderr)
        return 1 if problems else 0
    print("usage: python -m kennisbank.schemas write | check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
