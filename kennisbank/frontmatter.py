"""Docs pages' front matter (tags, title), read from the files themselves, not from a builder's
page objects, so that MkDocs and Zensical give the macros the same answer.

Read as the builders read it (UTF-8 with or without byte-order mark, any line ending), but
strictly: front matter that does not parse, is not closed or is no mapping stops the build
naming the page, where a builder would silently drop it (and with it the page's audiences).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .reading import ReadError, parse_yaml, read_text

# MkDocs' own rule (mkdocs.utils.meta): a first line "---", closed by a line "---" or "...".
OPENING = re.compile(r"^-{3}[ \t]*\n")
CLOSING = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.M)


class FrontMatterError(ValueError):
    pass


def split(text: str, where: str) -> tuple[dict[str, Any], str]:
    """(front matter, the rest) of a page's text (LF line endings); FrontMatterError naming the
    page when the front matter is not closed, does not parse or is no mapping."""
    opening = OPENING.match(text)
    if not opening:
        return {}, text
    closing = CLOSING.search(text, opening.end())
    if closing is None:
        raise FrontMatterError(f"{where}: front matter is not closed with ---")
    try:
        meta = parse_yaml(text[opening.end():closing.start()], f"{where}: front matter", line_offset=1)
    except ReadError as exc:
        raise FrontMatterError(str(exc)) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(f"{where}: front matter: must be a mapping of fields (tags:, title:, ...)")
    return meta, text[closing.end():].lstrip("\n")


def read_page(docs_dir: Path, path: str) -> tuple[dict[str, Any], str]:
    """(front matter, body) of a docs page; FrontMatterError naming it when it cannot be read."""
    where = f"docs/{path}"
    try:
        text = read_text(Path(docs_dir) / path, where)
    except FileNotFoundError:
        raise FrontMatterError(f"{where}: page is missing") from None
    except ReadError as exc:
        raise FrontMatterError(str(exc)) from None
    return split(text, where)


def tags_of(meta: dict[str, Any], where: str) -> list[str]:
    tags = meta.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise FrontMatterError(f"{where}: tags: must be a list of audience names")
    return tags


def page_tags(docs_dir: Path, path: str) -> list[str]:
    """The `tags:` of a page's front matter ([] without front matter or tags)."""
    return tags_of(read_page(docs_dir, path)[0], f"docs/{path}")


def audiences_of(docs_dir: Path, paths: list[str], readers: tuple[str, ...], others: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Docs path -> its audiences. A tag that is neither an audience nor one of ``others`` (the
    phase and training tags) stops the build, naming page and tag."""
    found = {}
    for path in paths:
        tags = page_tags(docs_dir, path)
        unknown = [t for t in tags if t not in readers and t not in others]
        if unknown:
            raise FrontMatterError(f"docs/{path}: tags: unknown audience {unknown[0]!r}; known: {', '.join(readers)}")
        found[path] = [t for t in tags if t in readers]
    return found


def title_of(body: str) -> str | None:
    """The first "# " heading of a page's body, without an attribute list."""
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].split(" { #")[0].split(" {#")[0].strip()
    return None


def page_title(docs_dir: Path, path: str) -> str:
    """A page's title: its first "# " heading after the front matter (whose YAML comments also start
    with "# "), without an attribute list; else its path."""
    return title_of(read_page(docs_dir, path)[1]) or path


def is_docs_page(docs_dir: Path, path: str) -> bool:
    """Whether ``path`` names a Markdown page inside docs/ (no "..", no absolute path, no link
    that leads out of the folder)."""
    if not isinstance(path, str) or not path.endswith(".md") or path.startswith("/") or "\\" in path:
        return False
    if any(part in ("", ".", "..") for part in path.split("/")):
        return False
    docs = Path(docs_dir).resolve()
    file = (docs / path).resolve()
    return file.is_relative_to(docs) and file.is_file()
