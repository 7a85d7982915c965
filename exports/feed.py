"""The changelog's Atom feed (wijzigingen.xml at the site root), written by the post-build step
from data/wijzigingen.yml, so organisations can follow updates in a feed reader.

Our code around feedgen rather than a plugin: the maintained MkDocs feed plugins (mkdocs-rss-plugin,
mkdocs-changelog-feed-plugin) read git history, page metadata or a Keep-a-Changelog Markdown file,
not our data, and are MkDocs plugins whose hooks Zensical does not run.
"""

from __future__ import annotations

import html
import uuid
from datetime import datetime, time, timezone
from pathlib import Path

from feedgen.feed import FeedGenerator

from kennisbank import sitemap
from kennisbank.model import Content
from kennisbank.model_wijzigingen import ChangelogEntry, changed_item

from .config import SiteConfig
from .pdfs import ExportError

WHERE = "data/wijzigingen.yml"


def _moment(entry: ChangelogEntry) -> datetime:
    return datetime.combine(entry.date, time(0), tzinfo=timezone.utc)


def _id(site_name: str, version: str) -> str:
    """A stable id for a version, the same wherever the site is published."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{site_name}/versie/{version}").urn


def feed_xml(site_dir: Path, config: SiteConfig, content: Content, docs_dir: Path) -> bytes:
    """The feed; ExportError names the entry and id of a link to a page the built site lacks."""
    base = config.site_url or ""  # without a known address, links relative to the feed

    def address(page: str, anchor: str = "") -> str:
        built = site_dir / sitemap.built_file(page, config.directory_urls)
        if not built.is_file():
            raise ExportError(f"feed: the built page {built.relative_to(site_dir)} is missing")
        return base + sitemap.url_of(page, config.directory_urls) + (f"#{anchor}" if anchor else "")

    feed = FeedGenerator()
    feed.id(_id(config.site_name, "feed"))
    feed.title(f"Wijzigingen – {config.site_name}")
    feed.author({"name": config.site_name})
    feed.language("nl")
    feed.link(href=base + sitemap.FEED, rel="self", type="application/atom+xml")
    feed.link(href=address(sitemap.CHANGES), rel="alternate", type="text/html")
    if content.changelog:
        feed.updated(_moment(content.changelog[0]))
    for n, entry in reversed(list(enumerate(content.changelog))):  # feedgen puts the last added first
        item = feed.add_entry()
        item.id(_id(config.site_name, entry.version))
        item.title(f"Versie {entry.version}: {entry.title}")
        item.updated(_moment(entry))
        item.link(href=address(sitemap.CHANGES, sitemap.version_anchor(entry.version)), rel="alternate", type="text/html")
        touched = ["de hele kennisbank"] if entry.all_pages else []
        for name in entry.ids:
            label, page, anchor = changed_item(content, docs_dir, name)
            try:
                url = address(page, anchor)
            except ExportError as exc:
                raise ExportError(f"feed: {WHERE}: {n} ({entry.version}): ids: {name!r}: {exc}") from None
            item.link(href=url, rel="related", title=label)
            touched.append(f'<a href="{html.escape(url)}">{html.escape(label)}</a>')
        changes = "".join(f"<li>{html.escape(c)}</li>" for c in entry.changes)
        item.content(
            f"<p>{html.escape(entry.title)}</p><ul>{changes}</ul><p>Betreft: {', '.join(touched)}</p>", type="html"
        )
    return feed.atom_str(pretty=True)


def write(site_dir: Path, config: SiteConfig, content: Content, docs_dir: Path) -> int:
    """Write the feed into the built site; the number of versions in it."""
    (site_dir / sitemap.FEED).write_bytes(feed_xml(site_dir, config, content, docs_dir))
    return len(content.changelog)
