"""What the changelog's entries name, for readers: the Wijzigingen page, "Laatst gewijzigd" under
every page, the Atom feed and the sitemap's dates. Derived from the validated content (the model
layer's ChangelogEntry) and the site map, with the docs pages' titles.
"""

from __future__ import annotations

from pathlib import Path

from . import sitemap
from .frontmatter import page_title
from .model import Content
from .model_wijzigingen import ChangelogEntry


def changed_item(content: Content, docs_dir: Path, item: str) -> tuple[str, str, str]:
    """What a changelog id names, for readers: (label, docs page, anchor)."""
    page, anchor = sitemap.changed_place(content, item)
    if item in content.handvatten:
        return f"{item} {content.handvat(item).data.short_title}", page, anchor
    if anchor:
        return f"stap {item}", page, anchor
    if content.trainingen and item in content.trainingen.courses:
        return content.trainingen.courses[item].title, page, anchor
    return page_title(docs_dir, page), page, anchor


def last_change(content: Content, docs_dir: Path, page: str) -> ChangelogEntry | None:
    """The newest changelog entry that names a docs page (or every page); None if none does."""
    for entry in content.changelog:
        if entry.all_pages or any(changed_item(content, docs_dir, item)[1] == page for item in entry.ids):
            return entry
    return None
