"""All content of the project, loaded and validated once, before anything renders.

The one place every entry point asks: the macros (``macros/__init__.py``, in either builder), the
glossary's Markdown extension, the post-build step (``python -m exports``), which also runs it
before it starts the builder, and ``./dev publish``. It reads the data (``model.load``), the
editors' search words, and every docs page: its encoding and characters, its front matter (tags
from the vocabulary, a plain title) and its macro calls (an id a macro is given must exist). All
problems come together in one ContentError, one line each.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import model_synoniemen, sitemap
from .frontmatter import FrontMatterError, is_docs_page, split, tags_of
from .model import MARKUP, Content, ContentError, load_once
from .model_wijzigingen import check_site
from .reading import FORBIDDEN, ReadError, char_name, parse_yaml, read_text

# A macro call as the pages write it: {{ handvat("V2") }}
MACRO = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)\s*\((.*?)\)\s*-?\}\}", re.S)


@dataclass(frozen=True)
class Project:
    content: Content
    search_words: model_synoniemen.SearchWords  # data/synoniemen.yml and data/zoekwoorden/, by where they lead
    tags: dict[str, list[str]] = field(default_factory=dict)  # docs page -> its front matter's tags


def _ids(content: Content) -> dict[str, tuple[str, ...]]:
    """Per macro that takes ids: the ids it knows."""
    trainingen = content.trainingen
    return {
        "handvat": tuple(content.handvatten),
        "nu_handelen": tuple(content.now_cards),
        "cursus": tuple(trainingen.courses) if trainingen else (),
        "checklist": tuple(content.checklist_steps),
        "fase": tuple(p.id for p in content.phases),
        "zelfscan": tuple(p.id for p in content.phases),
        "bronvermelding": tuple(content.documents),
    }


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def check_page(docs_dir: Path, path: str, content: Content, macros: frozenset[str] | None = None) -> tuple[list[str], list[str]]:
    """(tags, problems) of one docs page."""
    where = f"docs/{path}"
    try:
        text = read_text(Path(docs_dir) / path, where)
    except ReadError as exc:
        return [], [str(exc)]
    problems = [
        f"{where}: line {_line(text, m.start())}: {char_name(m.group())} is not allowed in a page"
        for m in FORBIDDEN.finditer(text)
    ][:3]
    try:
        meta, _ = split(text, where)
        tags = tags_of(meta, where)
    except FrontMatterError as exc:
        return [], problems + [str(exc)]
    known = sitemap.tags(content)
    for tag in tags:
        if tag not in known:
            problems.append(f"{where}: tags: unknown tag {tag!r}; known: {', '.join(known)}")
    title = meta.get("title")
    if title is not None:
        if not isinstance(title, str) or not title.strip():
            problems.append(f"{where}: title: must be a text")
        elif MARKUP.search(title) or FORBIDDEN.search(title):
            found = MARKUP.search(title)
            what = repr(found.group()) if found else char_name(FORBIDDEN.search(title).group())
            problems.append(f"{where}: title: contains markup {what}; a title is plain text" if found else f"{where}: title: {what} is not allowed")
    ids = _ids(content)
    for call in MACRO.finditer(text):
        name, raw_args = call.group(1), call.group(2)
        line = _line(text, call.start())
        if macros is not None and name not in macros:
            problems.append(f"{where}: line {line}: unknown macro {name!r}")
            continue
        try:
            args = ast.literal_eval(f"[{raw_args}]")
        except (ValueError, SyntaxError):
            problems.append(f"{where}: line {line}: {name}({raw_args.strip()}): the ids must be texts in quotes, like {name}(\"V2\")")
            continue
        if name in ids and args and args[0] not in ids[name]:
            what = {"handvat": "recommendation id", "nu_handelen": "card", "cursus": "course", "checklist": "checklist",
                    "fase": "phase", "zelfscan": "phase", "bronvermelding": "source document"}[name]
            problems.append(
                f"{where}: line {line}: {name}({args[0]!r}): unknown {what} {args[0]!r}; known: {', '.join(ids[name])}"
            )
        if name == "download_links":
            for key in args:
                try:
                    sitemap.downloads(content, key)
                except KeyError as exc:
                    problems.append(f"{where}: line {line}: download_links({key!r}): {exc.args[0]}")
    return tags, problems


def check_pages(docs_dir: Path, content: Content, macros: frozenset[str] | None = None) -> tuple[dict[str, list[str]], list[str]]:
    """({docs page: tags}, problems) of every page and folder meta file under docs/, and the
    pages the data names (a recommendation's page, a source document's section)."""
    docs_dir = Path(docs_dir)
    tags: dict[str, list[str]] = {}
    problems: list[str] = []
    for file in sorted(docs_dir.rglob("*.md")):
        path = file.relative_to(docs_dir).as_posix()
        tags[path], found = check_page(docs_dir, path, content, macros)
        problems += found
    for file in sorted(docs_dir.rglob(".meta.yml")):
        where = f"docs/{file.relative_to(docs_dir).as_posix()}"
        try:
            meta = parse_yaml(read_text(file, where), where) or {}
            if not isinstance(meta, dict):
                raise FrontMatterError(f"{where}: (file): must be a mapping of fields (tags:)")
            for tag in tags_of(meta, where):
                if tag not in sitemap.tags(content):
                    problems.append(f"{where}: tags: unknown tag {tag!r}; known: {', '.join(sitemap.tags(content))}")
        except (ReadError, FrontMatterError) as exc:
            problems.append(str(exc))
    for handvat in content.handvatten.values():
        if handvat.page not in tags:
            problems.append(f"data/cyclus/{handvat.id}.yml: id: no page docs/{handvat.page} for recommendation {handvat.id}")
    for n, card in enumerate(content.now_cards.values()):
        if sitemap.now_page(card.id) not in tags:
            problems.append(f"data/nu-handelen.yml: cards.{n}.id: no page docs/{sitemap.now_page(card.id)} for card {card.id!r}")
    for n, doc in enumerate(content.documents.values()):
        if not is_docs_page(docs_dir, doc.section):
            problems.append(f"data/brondocumenten.yml: {n} ({doc.id}): section: no page {doc.section!r} under docs/")
    return tags, problems


_loaded: dict[tuple, tuple[tuple, Project]] = {}


def _signature(project_dir: Path, docs_dir: Path) -> tuple:
    files = sorted((project_dir / "data").rglob("*.yml")) + sorted(docs_dir.rglob("*.md")) + sorted(docs_dir.rglob(".meta.yml"))
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)


def load(project_dir: Path | str, docs_dir: Path | str | None = None, version: str | None = None,
         macros: frozenset[str] | None = None) -> Project:
    """Everything, validated: data, search words, pages (and, given mkdocs.yml's ``version``, the
    changelog against it). ContentError with one line per problem; cached until a file changes."""
    project_dir = Path(project_dir).resolve()
    docs_dir = Path(docs_dir).resolve() if docs_dir else project_dir / "docs"
    key = (project_dir, docs_dir, version, macros)
    signature = _signature(project_dir, docs_dir)
    cached = _loaded.get(key)
    if cached and cached[0] == signature:
        return cached[1]
    content = load_once(project_dir / "data")
    search_words, problems = model_synoniemen.load(project_dir / "data", docs_dir, content)
    tags, found = check_pages(docs_dir, content, macros)
    problems += found
    if version is not None:
        problems += check_site(content.changelog, docs_dir, version)
    if problems:
        raise ContentError(problems)
    result = Project(content, search_words, tags)
    _loaded[key] = (signature, result)
    return result


def problems(project_dir: Path | str, docs_dir: Path | str | None = None, version: str | None = None,
             macros: frozenset[str] | None = None) -> list[str]:
    """The problem lines of the project's content ([] when it is valid)."""
    try:
        load(project_dir, docs_dir, version, macros)
    except ContentError as exc:
        return exc.problems
    return []
