"""The files the post-build step adds to every built site, the online one and the offline copy
alike (one list, so the two cannot drift apart): short-link pages, the search index's entries,
the feed, the role switch's stylesheet and the open data; the theme's markup made valid and its
controls named."""

from __future__ import annotations

from pathlib import Path

from kennisbank import model_synoniemen, sitemap
from kennisbank.model import Content
from kennisbank.model_nu import role_css

from . import feed, opendata, searchindex, shortlinks, themeaccess, validhtml
from .config import SiteConfig


def write(project: Path, site_dir: Path, config: SiteConfig, content: Content, say) -> None:
    say(f"valid HTML: {validhtml.write(site_dir)} pages repaired")
    say(f"theme controls named for keyboards and screen readers: {themeaccess.write(site_dir)} pages")
    count = shortlinks.write(site_dir, content, config.directory_urls)
    say(f"short links: {count} redirect pages")
    words, _ = model_synoniemen.load(project / "data", project / "docs", content)  # validated at build start
    say(f"search: {searchindex.add_entries(site_dir, content, words)} entries for steps and glossary terms")
    say(f"feed: {sitemap.FEED}, versions: {feed.write(site_dir, config, content, project / 'docs')}")
    (site_dir / sitemap.ROLE_CSS).parent.mkdir(parents=True, exist_ok=True)
    (site_dir / sitemap.ROLE_CSS).write_text(role_css(len(content.now_roles)), encoding="utf-8")
    say(f"role switch: {sitemap.ROLE_CSS}, {len(content.now_roles)} roles")
    say(f"open data: {opendata.write(site_dir, config, content, project / 'docs')} steps")
