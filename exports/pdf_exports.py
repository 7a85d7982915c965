"""The PDFs: two handbooks and a handout per recommendation and per phase, into site/pdf/.

Made by the post-build step (``python -m exports``) from the BUILT pages, so a PDF holds what the
site shows, in the order of the nav in mkdocs.yml. Which PDFs there are and which pages each
holds is the site map's (kennisbank.sitemap). A page that cannot be exported stops the step with
an error naming it; no PDF silently lacks a page. Our own code rather than a plugin: no
maintained MkDocs PDF plugin renders with WeasyPrint as tagged PDF/UA with form fields for the
checklists, and none works after Zensical.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from kennisbank import sitemap
from kennisbank.dates import build_date
from kennisbank.model import Content

from .config import SiteConfig


class ExportError(Exception):
    """An export that cannot be made; the message names the page or file."""


@dataclass(frozen=True)
class Job:
    """One PDF to make: plain data, so a worker process can take it."""

    name: str
    title: str
    pages: tuple  # the built pages it holds (pdf_documents.Page), in order
    cards: tuple[str, ...] | None = None  # a handout: the recommendation id of each page; None: a handbook


def make(site_dir: Path, config: SiteConfig, content: Content, say, workers: int | None = None) -> None:
    """Every PDF, rendered in parallel over the machine's cores (largest first, so the cores end
    together); each written as it is done."""
    from . import pdf_documents  # WeasyPrint takes a second to import: only when PDFs are asked for

    meta = metadata(config, content)
    if not meta.site_url:
        say("PDF: no site address (site_url or SITE_URL): handouts with the short link as a path, without QR code")
    jobs = sorted(plan(site_dir, config, content), key=lambda j: -sum(len(p.html) for p in j.pages))
    started = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        running = [pool.submit(render, job, site_dir, meta) for job in jobs]
        try:
            for done in as_completed(running):
                name, data, pages, seconds = done.result()
                target = site_dir / sitemap.pdf_path(name)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                say(f"PDF: {sitemap.pdf_path(name)} ({pages} pages, {len(data) // 1024} kB) in {seconds:.1f} s")
        except pdf_documents.PdfError as exc:
            for future in running:
                future.cancel()
            raise ExportError(f"PDF: {exc.where}: {exc.problem}") from exc
    say(f"PDF: {len(jobs)} PDFs in {time.perf_counter() - started:.1f} s on {workers} processes")


def metadata(config: SiteConfig, content: Content):
    """What every PDF says of the site: name, version, the version's date, address, source documents."""
    from . import pdf_documents

    # the version's own date (data/wijzigingen.yml), as the pages' citations give it, not the build day
    day = content.changelog[0].date if content.changelog else build_date()
    return pdf_documents.Meta(
        site_name=config.site_name, version=config.version, day=day, site_url=config.site_url,
        sources=tuple((d.id, d.title) for d in content.documents.values()),
    )


def plan(site_dir: Path, config: SiteConfig, content: Content) -> list[Job]:
    """The PDFs of the site map, each with its built pages; ExportError names a page that is
    missing or cannot be exported, or a recommendation without steps, before any rendering."""
    nav = list(nav_pages(config.nav))
    jobs = []
    seen: dict = {}  # each built page read and checked once, though several PDFs hold it
    for book in sitemap.handbooks(content):
        included = {path for path, _ in nav if book.holds(path)}
        entries = [(path, level(path, sections, included)) for path, sections in nav if path in included]
        if not entries:
            raise ExportError(f"PDF: {book.name}: no page of the nav belongs in it")
        jobs.append(Job(book.name, book.title, tuple(collect(site_dir, entries, config.directory_urls, seen))))
    for handout in sitemap.handouts(content):
        empty = [h.id for h in handout.cards if not h.steps]
        if empty:
            raise ExportError(f"PDF: {handout.name}: recommendation {empty[0]} has no steps for a handout")
        pages = collect(site_dir, [(h.page, 1) for h in handout.cards], config.directory_urls, seen)
        jobs.append(Job(handout.name, handout.title, tuple(pages), tuple(h.id for h in handout.cards)))
    return jobs


def render(job: Job, site_dir: Path, meta) -> tuple[str, bytes, int, float]:
    """(name, PDF, page count, seconds) of one job; runs in a worker process."""
    from . import pdf_documents

    begin = time.perf_counter()
    if job.cards is None:
        document = pdf_documents.handbook_html(job.title, list(job.pages), meta)
    else:
        document = pdf_documents.handout_html(job.title, list(zip(job.pages, job.cards)), meta)
    data = pdf_documents.render(document, job.name, site_dir, list(job.pages))
    return job.name, data, len(job.pages), time.perf_counter() - begin


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


def collect(site_dir: Path, entries: list[tuple[str, int]], directory_urls: bool = True, seen: dict | None = None) -> list:
    """The built pages for (docs path, bookmark level) entries; ExportError names a page that is
    missing or has no article or heading, before any rendering starts. ``seen``: pages already
    read, by docs path."""
    from dataclasses import replace

    from . import pdf_documents

    seen = {} if seen is None else seen
    pages = []
    for path, depth in entries:
        if path not in seen:
            file = sitemap.built_file(path, directory_urls)
            try:
                text = (Path(site_dir) / file).read_text(encoding="utf-8")
            except FileNotFoundError:
                raise ExportError(f"PDF: {path}: the built page {file} is missing") from None
            seen[path] = pdf_documents.Page(path, sitemap.url_of(path, directory_urls), text)
            try:
                pdf_documents.article(seen[path])
            except pdf_documents.PdfError as exc:
                raise ExportError(f"PDF: {exc.where}: {exc.problem}") from exc
        pages.append(replace(seen[path], level=depth))
    return pages
