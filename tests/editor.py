"""What an editor does, as REDACTIE.md tells it, performed on a copy of the project.

The walk tests (tests/test_walks.py) use these to add a step, a recommendation, a course and a
source document and release the version that names them, then run the checks the change must pass.
Every edit is made the way the guide describes it (a file copied, a line added, a list item put
on top), to the files the guide names: when a walk needs a file the guide does not name, the walk
fails, and the guide or the code is wrong. New text is "transcribed": it is written into the copy
of the source document too, as it would stand in a new version of that document.

Nothing here knows today's content: versions, ids, phases and files are read from the copy.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT, SOURCES

# What a fresh checkout does not hold: the virtualenv, builds, caches, node_modules.
NOT_COPIED = (".venv", "site", "node_modules", ".git", ".cache", ".zensical-builds", "__pycache__", ".pytest_cache")


def copy_project(tmp: Path) -> Path:
    """The repository at tmp/kennisbank, its source documents beside it at tmp/shared/bronnen
    (where they stand on every machine: conftest.SOURCES)."""
    project = tmp / "kennisbank"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(*NOT_COPIED))
    shutil.copytree(SOURCES, tmp / "shared" / "bronnen")
    return project


def sources_of(project: Path) -> Path:
    return project.parent / "shared" / "bronnen"


def environ(project: Path) -> dict[str, str]:
    return {**os.environ, "KENNISBANK_BRONNEN": str(sources_of(project)), "NO_MKDOCS_2_WARNING": "1"}


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    """``python -m <args>`` in the copy: its own packages come first on the path (the current
    directory), so the copy's code, data and docs are what runs."""
    return subprocess.run([sys.executable, "-m", *args], cwd=project, env=environ(project), capture_output=True, text=True)


def start(project: Path, *args: str) -> subprocess.Popen:
    """``python -m <args>`` in the copy as ``run`` does, started and left running: its output
    (stdout and stderr together) comes with ``communicate()``."""
    return subprocess.Popen(
        [sys.executable, "-m", *args], cwd=project, env=environ(project),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def load(project: Path):
    from kennisbank.model import load as load_content

    return load_content(project / "data")


# --- the files, edited as text ----------------------------------------------------------------


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def header(text: str) -> str:
    """The comment lines at the top of a data file (its schema line first)."""
    lines = text.splitlines(keepends=True)
    return "".join(line for line in lines[: next(i for i, line in enumerate(lines) if not line.startswith("#"))])


def edit_data(path: Path, change) -> None:
    """Change a YAML data file's document, keeping the comment lines on top (the schema line)."""
    text = read(path)
    doc = yaml.safe_load(text)
    change(doc)
    write(path, header(text) + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100))


def add_to_source(project: Path, document_id: str, text: str) -> None:
    """The new version of a source document holds the new text (at its end)."""
    doc = load(project).document(document_id)
    path = sources_of(project) / doc.file
    write(path, read(path).rstrip("\n") + "\n\n" + text.strip() + "\n")


def transcribed(project: Path, document_id: str, *sentences: str) -> list[str]:
    """The sentences, also written into the source document: what the editor transcribes."""
    for sentence in sentences:
        add_to_source(project, document_id, re.sub(r"\[\[|\]\]", "", sentence))
    return list(sentences)


def nav_insert_after(project: Path, after_entry: str, new_line: str) -> None:
    """Put a line in mkdocs.yml's nav right after the line that ends with ``after_entry``, with
    the same indentation (REDACTIE.md: "Zet de pagina in het menu")."""
    config = project / "mkdocs.yml"
    lines = read(config).splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if line.rstrip().endswith(after_entry))
    indent = lines[n][: len(lines[n]) - len(lines[n].lstrip())]
    lines.insert(n + 1, f"{indent}{new_line}\n")
    write(config, "".join(lines))


# --- REDACTIE.md, "Een nieuwe versie: de wijzigingen" -----------------------------------------


def next_version(version: str) -> str:
    parts = version.split(".")
    return ".".join(parts[:-1] + [str(int(parts[-1]) + 1)])


def release(project: Path, title: str, changes: list[str], ids: list[str]) -> str:
    """Steps 1 and 2: raise extra.versie in mkdocs.yml, put an entry on top of the changelog.
    Returns the new version."""
    config = project / "mkdocs.yml"
    current = re.search(r'^  versie: "([^"]+)"', read(config), re.M).group(1)
    version = next_version(current)
    write(config, read(config).replace(f'versie: "{current}"', f'versie: "{version}"', 1))
    previous = load(project).changelog[0].date
    day = max(previous, datetime.date.today())
    entry = {"version": version, "date": day, "title": title, "changes": changes, "ids": ids}
    edit_data(project / "data/wijzigingen.yml", lambda d: d.insert(0, entry))
    return version


def publish_links(project: Path) -> subprocess.CompletedProcess:
    """Step 3, `./dev links`: a fresh build into site/, then its addresses into links.txt."""
    built = run(project, "exports", "build")
    if built.returncode != 0:
        return built
    return run(project, "tools.links", "write", "site")


# --- REDACTIE.md, "Een stap toevoegen" ----------------------------------------------------------


def last_plain_recommendation(project: Path):
    """A recommendation whose steps stand directly under `steps:` (no groups): the last of the
    first phase that has one."""
    content = load(project)
    return next(h for h in reversed(content.in_phase(content.phases[0].id)) if h.data.steps is not None)


def add_step(project: Path, handvat_id: str, text: str) -> str:
    """A new `- text:` at the bottom of the list `steps:`. Returns the new step's id."""
    path = project / "data/cyclus" / f"{handvat_id}.yml"
    edit_data(path, lambda d: d["steps"].append({"text": text}))
    return f"{handvat_id}.{len(load(project).handvat(handvat_id).steps)}"


# --- REDACTIE.md, "Een handvat toevoegen" -------------------------------------------------------


def add_recommendation(project: Path, title: str, short_title: str, question: str, steps: list[str]) -> str:
    """Steps 1-3: copy the phase's last file to the next id, fill it in; its page; its nav line.
    Returns the new id."""
    content = load(project)
    phase = content.phases[0]
    last = content.in_phase(phase.id)[-1]
    new_id = f"{phase.letter}{int(last.id[len(phase.letter):]) + 1}"
    data = project / "data/cyclus"
    shutil.copy(data / f"{last.id}.yml", data / f"{new_id}.yml")

    def fill(d):
        d.update(id=new_id, title=title, short_title=short_title, question=question, intro=[])
        d.pop("groups", None)
        d.pop("notes", None)
        d["kind"] = "steps"
        d["steps"] = [{"text": s} for s in steps]

    edit_data(data / f"{new_id}.yml", fill)
    docs = project / "docs"
    last_page, new_page = docs / last.page, docs / last.page.replace(last.id.lower(), new_id.lower())
    write(new_page, read(last_page).replace(f'"{last.id}"', f'"{new_id}"'))
    nav_insert_after(project, last.page, f'- "{new_id} {short_title}": {new_page.relative_to(docs).as_posix()}')
    return new_id


# --- REDACTIE.md, "Een cursus toevoegen" and "Een brondocument toevoegen" -----------------------


def add_source_document(project: Path, entry: dict, source_text: str) -> None:
    """The document's text in the sources folder, its entry at the end of brondocumenten.yml."""
    write(sources_of(project) / entry["file"], source_text)
    edit_data(project / "data/brondocumenten.yml", lambda d: d.append(entry))


def add_course(project: Path, course_id: str, source_text: str, course: dict, entry: dict, tags: list[str]) -> None:
    """The document, the course's data file (copied from an existing one, filled in), its page
    and its nav line under Cursussen."""
    add_source_document(project, {"id": course_id, **entry}, source_text)
    folder = project / "data/trainingen/cursussen"
    model_file = sorted(folder.glob("*.yml"))[0]
    shutil.copy(model_file, folder / f"{course_id}.yml")
    edit_data(folder / f"{course_id}.yml", lambda d: (d.clear(), d.update({"id": course_id, **course})))
    page = project / "docs" / entry["section"]
    front = "".join(f"  - {tag}\n" for tag in tags)
    write(page, f'---\ntags:\n{front}---\n\n{{{{ cursus("{course_id}") }}}}\n')
    pages = load(project).trainingen.courses
    last = sorted(p for p in pages if p != course_id)[-1]
    nav_insert_after(project, load(project).document(last).section, f"- {entry['section']}")
