"""sitemap.xml's lastmod from the changelog: the builders write the build day for every page, which
tells a search engine that everything changed with every build. Each page gets the date of the
newest changelog entry that names it (kennisbank.changelog.last_change)."""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.etree import ElementTree

from kennisbank import sitemap
from kennisbank.model import Content
from kennisbank.changelog import last_change

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def docs_pages(docs_dir: Path) -> dict[str, str]:
    """Site address (from the root, "vredestijd/v2/") -> docs page ("vredestijd/v2.md")."""
    return {sitemap.url_of(str(p.relative_to(docs_dir))): str(p.relative_to(docs_dir)) for p in docs_dir.rglob("*.md")}


def write(site_dir: Path, content: Content, docs_dir: Path, site_url: str | None) -> int:
    """Set lastmod of every page the changelog dates; the number of pages dated."""
    path = site_dir / "sitemap.xml"
    if not path.is_file() or not site_url:
        return 0  # without an address the builders write an empty sitemap
    ElementTree.register_namespace("", NS)
    tree = ElementTree.parse(path)
    pages = docs_pages(docs_dir)
    dated = 0
    for url in tree.getroot().iter(f"{{{NS}}}url"):
        loc = url.find(f"{{{NS}}}loc")
        page = pages.get(loc.text.removeprefix(site_url)) if loc is not None and loc.text else None
        entry = last_change(content, docs_dir, page) if page else None
        if entry is None:
            continue
        lastmod = url.find(f"{{{NS}}}lastmod")
        if lastmod is None:
            lastmod = ElementTree.SubElement(url, f"{{{NS}}}lastmod")
        lastmod.text = entry.date.isoformat()
        dated += 1
    data = ElementTree.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True)
    path.write_bytes(data)
    if (site_dir / "sitemap.xml.gz").exists():
        (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(data, mtime=0))
    return dated
