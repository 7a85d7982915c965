"""The PDFs: two handbooks and a handout per recommendation and per phase, into site/pdf/.

Made by the post-build step (``python -m exports``) from the BUILT pages, so a PDF holds what the
site shows, in the order of the nav in mkdocs.yml. Which PDFs there are and which pages each
holds is the site map's (kennisbank.sitemap). A page that cannot be exported stops the step with
an error naming it; no PDF silently lacks a page. Our own code rather than a plugin: no
maintained MkDocs PDF plugin renders with WeasyPrint as tagged PDF/UA with form fields for the
checklists, and none works after Zensical.
"""

from __future__ import annotations

import time
from pathlib import Path

from kennisbank import sitemap
from kennisbank.dates import build_date
from kennisbank.model import Content

from .config import SiteConfig


class ExportError(Exception):
    """An export that cannot be made; the message names the page or file."""


def make(site_dir: Path, config: SiteConfig, content: Content, say) -> None:
    from . import pdf  # WeasyPrint takes a second to import: only when PDFs are asked for

    meta = pdf.Meta(site_name=config.site_name, version=config.version, day=build_date(), site_url=config.site_url)
    if not meta.site_url:
        say("PDF: no site address (site_url or SITE_URL): handouts without short link and QR code")
    nav = list(nav_pages(config.nav))

    jobs = []  # (file name, the pages it must hold, a function making its HTML document)
    for book in sitemap.handbooks(content):
        included = {path for path, _ in nav if book.holds(path)}
        entries = [(path, level(path, sections, included)) for path, sections in nav if path in included]
        if not entries:
            raise ExportError(f"PDF: {book.name}: no page of the nav belongs in it")
        pages = collect(site_dir, entries, config.directory_urls)
        jobs.append((book.name, pages, lambda t=book.title, p=pages: pdf.handbook_html(t, p, meta)))
    for handout in sitemap.handouts(content):
        pages = collect(site_dir, [(h.page, 1) for h in handout.cards], config.directory_urls)
        items = list(zip(pages, (h.id for h in handout.cards)))
        jobs.append((handout.name, pages, lambda t=handout.title, i=items: pdf.handout_html(t, i, meta)))

    started = time.perf_counter()
    for name, pages, make_html in jobs:
        begin = time.perf_counter()
        try:
            data = pdf.render(make_html(), name, site_dir, pages)
        except pdf.PdfError as exc:
            raise ExportError(f"PDF: {exc.where}: {exc.problem}") from exc
        target = site_dir / sitemap.pdf_path(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        seconds = time.perf_counter() - begin
        say(f"PDF: {sitemap.pdf_path(name)} ({len(pages)} pages, {len(data) // 1024} kB) in {seconds:.1f} s")
    say(f"PDF: {len(jobs)} PDFs in {time.perf_counter() - started:.1f} s")


def nav_pages(nav, sections: tuple = ()):
    """(docs path, the index pages of the sections around it) for every page, in nav order.

    A section's index page is its first child when that is an index.md (Material's
    navigation.indexes); None for a section without one.
    """
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            first = value[0] if value else None
            first = next(iter(first.values())) if isinstance(first, dict) else first
            index = first if isinstance(first, str) and first.rsplit("/", 1)[-1] == "index.md" else None
            yield from nav_pages(value, sections + (index,))
        elif isinstance(value, str) and value.endswith(".md") and "://" not in value:
            yield value, sections


def level(path: str, sections: tuple, included: set[str]) -> int:
    """The page's bookmark level: one deeper for each enclosing section whose index page is in
    the same PDF (a section without one adds no level: its pages join the level above)."""
    return 1 + sum(1 for index in sections if index in included and index != path)


def collect(site_dir: Path, entries: list[tuple[str, int]], directory_urls: bool = True) -> list:
    """The built pages for (docs path, bookmark level) entries; ExportError names a page that is
    missing or has no article or heading, before any rendering starts."""
    from . import pdf

    pages = []
    for path, depth in entries:
        file = sitemap.built_file(path, directory_urls)
        try:
            text = (Path(site_dir) / file).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ExportError(f"PDF: {path}: the built page {file} is missing") from None
        page = pdf.Page(path, sitemap.url_of(path, directory_urls), text, depth)
        try:
            pdf.article(page)
        except pdf.PdfError as exc:
            raise ExportError(f"PDF: {exc.where}: {exc.problem}") from exc
        pages.append(page)
    return pages
