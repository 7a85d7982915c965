"""The audience tags of docs pages, read from their front matter (the one place they are set).

Read from the files themselves, not from a builder's page objects, so that MkDocs and Zensical
give the macros the same answer.
"""

from __future__ import annotations

from pathlib import Path

import yaml


class FrontMatterError(ValueError):
    pass


def page_tags(docs_dir: Path, path: str) -> list[str]:
    """The `tags:` of a page's front matter ([] without front matter or tags)."""
    file = Path(docs_dir) / path
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FrontMatterError(f"docs/{path}: page is missing") from None
    if not text.startswith("---\n"):
        return []
    end = text.find("\n---", 4)
    if end == -1:
        raise FrontMatterError(f"docs/{path}: front matter is not closed with ---")
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"docs/{path}: malformed front matter: {exc}") from None
    tags = meta.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise FrontMatterError(f"docs/{path}: tags: must be a list of audience names")
    return tags


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


def page_title(docs_dir: Path, path: str) -> str:
    """A page's title: its first "# " heading after the front matter (whose YAML comments also start
    with "# "), without an attribute list; else its path."""
    text = (Path(docs_dir) / path).read_text(encoding="utf-8")
    if text.startswith("---\n") and "\n---" in text[4:]:
        text = text[text.index("\n---", 4) + 4:]
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].split(" { #")[0].split(" {#")[0].strip()
    return path
