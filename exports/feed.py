"""The changelog's Atom feed (wijzigingen.xml at the site root), written by the post-build step
from data/wijzigingen.yml, so organisations can follow updates in a feed reader.

Our own few lines of Atom (RFC 4287) with the standard library's ElementTree, not a plugin or
feedgen: the maintained MkDocs feed plugins (mkdocs-rss-plugin, mkdocs-changelog-feed-plugin)
read git history, page metadata or a Keep-a-Changelog Markdown file, not our data, and their hooks
do not run in Zensical; feedgen 1.0.0 (its latest release, 2023) drops the rel, type and title of
every entry link (python-feedgen issue #135, open), which makes an entry with related links invalid
Atom.
"""

from __future__ import annotations

import html
import uuid
from pathlib import Path
from xml.etree import ElementTree

from kennisbank import publisher, sitemap
from kennisbank.model import Content
from kennisbank.changelog import changed_item
from kennisbank.model_wijzigingen import ChangelogEntry

from .config import SiteConfig
from .pdf_exports import ExportError

WHERE = "data/wijzigingen.yml"
ATOM = "http://www.w3.org/2005/Atom"


def _moment(entry: ChangelogEntry) -> str:
    return f"{entry.date.isoformat()}T00:00:00Z"


def _id(site_name: str, version: str) -> str:
    """A stable id for a version, the same wherever the site is published."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{site_name}/versie/{version}").urn


def _add(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, {k: v for k, v in attributes.items() if v})
    element.text = text
    return element


def feed_xml(site_dir: Path, config: SiteConfig, content: Content, docs_dir: Path) -> bytes:
    """The feed; ExportError names the entry and id of a link to a page the built site lacks."""
    base = config.site_url or ""  # without a known address, links relative to the feed

    def address(page: str, anchor: str = "") -> str:
        built = site_dir / sitemap.built_file(page, config.directory_urls)
        if not built.is_file():
            raise ExportError(f"feed: the built page {built.relative_to(site_dir)} is missing")
        return base + sitemap.url_of(page, config.directory_urls) + (f"#{anchor}" if anchor else "")

    feed = ElementTree.Element("feed", {"xmlns": ATOM, "xml:lang": "nl"})
    _add(feed, "id", _id(config.site_name, "feed"))
    _add(feed, "title", f"Wijzigingen – {config.site_name}")
    _add(_add(feed, "author"), "name", config.site_name)
    _add(feed, "updated", _moment(content.changelog[0]) if content.changelog else None)
    licence = publisher.licence(config.extra)
    _add(feed, "rights", f"Toevoegingen van de redactie: {licence.name} ({licence.url}). Overgenomen teksten: "
         f"de rechten liggen bij de makers van de brondocumenten; zie {base}{sitemap.url_of(sitemap.REUSE)}.")
    _add(feed, "link", href=base + sitemap.FEED, rel="self", type="application/atom+xml")
    _add(feed, "link", href=address(sitemap.CHANGES), rel="alternate", type="text/html")
    for n, entry in enumerate(content.changelog):
        item = _add(feed, "entry")
        _add(item, "id", _id(config.site_name, entry.version))
        _add(item, "title", f"Versie {entry.version}: {entry.title}")
        _add(item, "updated", _moment(entry))
        changes = address(sitemap.CHANGES, sitemap.version_anchor(entry.version))
        _add(item, "link", href=changes, rel="alternate", type="text/html")
        touched = ["de hele kennisbank"] if entry.all_pages else []
        for name in entry.ids:
            label, page, anchor = changed_item(content, docs_dir, name)
            try:
                url = address(page, anchor)
            except ExportError as exc:
                raise ExportError(f"feed: {WHERE}: {n} ({entry.version}): ids: {name!r}: {exc}") from None
            _add(item, "link", href=url, rel="related", type="text/html", title=label)
            touched.append(f'<a href="{html.escape(url)}">{html.escape(label)}</a>')
        body = "".join(f"<li>{html.escape(c)}</li>" for c in entry.changes)
        body = f"<p>{html.escape(entry.title)}</p><ul>{body}</ul><p>Betreft: {', '.join(touched)}</p>"
        _add(item, "content", body, type="html")
    ElementTree.indent(feed)
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def write(site_dir: Path, config: SiteConfig, content: Content, docs_dir: Path) -> int:
    """Write the feed into the built site; the number of versions in it."""
    (site_dir / sitemap.FEED).write_bytes(feed_xml(site_dir, config, content, docs_dir))
    return len(content.changelog)
