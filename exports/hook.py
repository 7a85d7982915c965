"""MkDocs hook: the PDF exports, made by ``mkdocs build`` when ENABLE_PDF_EXPORT=1.

A small hook of our own rather than a plugin: no maintained MkDocs PDF plugin renders with
WeasyPrint as tagged PDF/UA with form fields for the checklists. Without the variable it does
nothing, so ``mkdocs serve`` stays quick.

It reads the BUILT pages in the site directory, so a PDF holds what the site shows, in the
order of the nav in mkdocs.yml, and writes site/pdf/:
- kennisbank-cyclus.pdf and kennisbank-trainingen.pdf, the handbooks;
- werkkaart-<id>.pdf per recommendation and werkkaart-<phase>.pdf per phase, the handouts.
A page that cannot be exported stops the build with an error naming it; no PDF silently lacks
a page.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

# MkDocs puts only this file's folder on sys.path while loading it; the project root holds the
# `exports` and `macros` packages.
ROOT = str(Path(__file__).resolve().parent.parent)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from exports import names  # noqa: E402
from kennisbank.dates import build_date, site_address  # noqa: E402
from kennisbank.model import load  # noqa: E402

log = logging.getLogger("mkdocs.plugins.kennisbank.pdf")

CYCLE = ("vredestijd/", "crisis/", "nazorg/")
# (file name, title, which docs pages it holds)
HANDBOOKS = (
    (
        names.CYCLE_HANDBOOK,
        "De interventiecyclus: vredestijd, crisis en nazorg",
        lambda path: path in ("cyclus/index.md", "bronnen.md") or path.startswith(CYCLE),
    ),
    (names.TRAINING_HANDBOOK, "Trainingen en cursussen", lambda path: path.startswith("trainingen/")),
)


def on_post_build(config, **kwargs) -> None:
    if not names.enabled():
        return
    from exports import pdf  # WeasyPrint takes a second to import: only when PDFs are asked for
    site_dir = Path(config["site_dir"])
    project = Path(config.config_file_path).parent
    extra = config.get("extra") or {}
    meta = pdf.Meta(
        site_name=config["site_name"],
        version=str(extra.get("versie") or "ontwikkelversie"),
        day=build_date(),
        site_url=site_address(config),
    )
    if not meta.site_url:
        log.info("PDF: no site address (site_url or SITE_URL): handouts without short link and QR code")
    dir_urls = config["use_directory_urls"]
    nav = list(nav_pages(config["nav"]))

    jobs = []  # (file name, the pages it must hold, a function making its HTML document)
    for name, title, wanted in HANDBOOKS:
        included = {path for path, _ in nav if wanted(path)}
        entries = [(path, level(path, sections, included)) for path, sections in nav if path in included]
        if not entries:
            raise PluginError(f"PDF: {name}: no page of the nav belongs in it")
        pages = collect(site_dir, entries, dir_urls)
        jobs.append((name, pages, lambda t=title, p=pages: pdf.handbook_html(t, p, meta)))
    content = load(project / "data")
    for handvat in content.handvatten.values():
        pages = collect(site_dir, [(handvat.page, 1)], dir_urls)
        items = [(pages[0], handvat.id)]
        jobs.append(
            (names.handout(handvat.id), pages,
             lambda t=f"Werkkaart {handvat.id}", i=items: pdf.handout_html(t, i, meta))
        )
    for phase in content.phases:
        handvatten = content.in_phase(phase.id)
        pages = collect(site_dir, [(h.page, 1) for h in handvatten], dir_urls)
        items = list(zip(pages, (h.id for h in handvatten)))
        jobs.append(
            (names.handout(phase.id), pages,
             lambda t=f"Werkkaarten fase {phase.name}", i=items: pdf.handout_html(t, i, meta))
        )

    out = site_dir / names.FOLDER
    out.mkdir(exist_ok=True)
    started = time.perf_counter()
    for name, pages, make in jobs:
        begin = time.perf_counter()
        try:
            data = pdf.render(make(), name, site_dir, pages)
        except pdf.PdfError as exc:
            raise PluginError(f"PDF: {exc.where}: {exc.problem}") from exc
        (out / name).write_bytes(data)
        seconds = time.perf_counter() - begin
        log.info(f"PDF: {names.site_path(name)} ({len(pages)} pages, {len(data) // 1024} kB) in {seconds:.1f} s")
    log.info(f"PDF: {len(jobs)} PDFs in {time.perf_counter() - started:.1f} s")


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


def built_file(path: str, use_directory_urls: bool) -> tuple[str, str]:
    """(address in the site, file under site_dir) of a docs page: x/y.md -> x/y/, x/y/index.html."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        url = stem.removesuffix("index")
        return url, url + "index.html"
    if use_directory_urls:
        return stem + "/", stem + "/index.html"
    return stem + ".html", stem + ".html"


def collect(site_dir: Path, entries: list[tuple[str, int]], use_directory_urls: bool = True) -> list:
    """The built pages for (docs path, bookmark level) entries; PluginError names a page that is
    missing or has no article or heading, before any rendering starts."""
    from exports import pdf
    pages = []
    for path, depth in entries:
        url, file = built_file(path, use_directory_urls)
        try:
            text = (Path(site_dir) / file).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise PluginError(f"PDF: {path}: the built page {file} is missing") from None
        page = pdf.Page(path, url, text, depth)
        try:
            pdf.article(page)
        except pdf.PdfError as exc:
            raise PluginError(f"PDF: {exc.where}: {exc.problem}") from exc
        pages.append(page)
    return pages
