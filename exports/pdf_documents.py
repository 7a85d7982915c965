"""The PDF exports, made from the site's built pages.

Everything up to ``render`` is pure: built pages (HTML strings) and metadata in, one HTML
document per PDF out. ``render`` lays such a document out with WeasyPrint as tagged PDF/UA-1
whose step checkboxes are form fields. The documents hold only text, inline SVG and print.css,
and the URL fetcher refuses everything else, so a PDF build never reaches the network.
"""

from __future__ import annotations

import html
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

import pydyf
import tinyhtml5
from weasyprint import CSS, HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from kennisbank.dates import MONTHS, dutch_date  # noqa: F401 (MONTHS: the tests read the month names here)
from kennisbank.qr import qr_svg
from kennisbank.sitemap import CREDIT_SOURCE, short_address, short_path

PRINT_CSS = Path(__file__).with_name("print.css")
SVG_CSS = Path(__file__).with_name("print-svg.css")
SVG = "{http://www.w3.org/2000/svg}"
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# Site furniture inside the article that means nothing on paper: what the renderers mark
# data-site-only (downloads, step links, the checklist's live progress line...), the "#" links
# that Python-Markdown's toc puts beside headings, scripts (JSON-LD) and every button. Of the
# form controls only the step checkboxes stay: they become PDF form fields (and a stray button
# without a <form> crashes WeasyPrint's forms).
SITE_ONLY = "data-site-only"
DROP_CLASSES = frozenset({"headerlink"})
DROP_TAGS = frozenset({"script", "noscript", "template", "button", "select", "textarea"})
# Attributes holding ids or lists of ids: they get the page prefix together with the ids.
ID_REFS = ("for", "aria-describedby", "aria-labelledby", "aria-controls", "headers")
URL_REF = re.compile(r"url\(#([^)]+)\)")  # SVG references such as marker-end="url(#pijlpunt)"
# A base to resolve a page's relative links against; it is never fetched.
SITE = "https://site.invalid/"
NAMESPACES = {
    "http://www.w3.org/2000/xmlns/": "xmlns",
    "http://www.w3.org/1999/xlink": "xlink",
    "http://www.w3.org/XML/1998/namespace": "xml",
}
OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_forms": True}


class PdfError(Exception):
    """A page (or a whole PDF) that cannot be exported; ``where`` names it."""

    def __init__(self, where: str, problem: str):
        self.where, self.problem = where, problem
        super().__init__(f"{where}: {problem}")

    def __reduce__(self):  # raised in a worker process, re-raised in the parent
        return PdfError, (self.where, self.problem)


@dataclass(frozen=True)
class Page:
    path: str  # under docs/, e.g. "vredestijd/v2.md": what error messages name
    url: str  # in the site, e.g. "vredestijd/v2/" ("" for the home page)
    html: str  # the built page
    level: int = 1  # its bookmark level in the PDF

    @property
    def anchor(self) -> str:
        """The page's id in a PDF, e.g. "p-vredestijd-v2"; its own ids become "p-vredestijd-v2--v2-4"."""
        return "p-" + (re.sub(r"[^a-z0-9]+", "-", self.url.lower().removesuffix(".html")).strip("-") or "home")


@dataclass(frozen=True)
class Meta:
    site_name: str
    version: str
    day: date
    site_url: str | None  # with a trailing slash, or None when no address is known
    sources: tuple[tuple[str, str], ...] = ()  # (id, title) of every source document

    @property
    def date(self) -> str:
        return dutch_date(self.day)




def esc(text: str) -> str:
    return html.escape(text, quote=True)


# ---------------------------------------------------------------------------------------------
# From a built page to a section of a PDF document


ARTICLE_START = re.compile(r"<article[\s>]")


def article(page: Page):
    """The page's <article> element; a page without one, or without an <h1>, cannot be exported."""
    # Only the article is parsed: the theme around it (header, menus, footer) is two thirds of a page
    start, end = ARTICLE_START.search(page.html), page.html.rfind("</article>")
    fragment = page.html[start.start():end + len("</article>")] if start and end > start.start() else ""
    root = tinyhtml5.parse(fragment, namespace_html_elements=False)
    found = next(root.iter("article"), None)
    if found is None:
        raise PdfError(page.path, "no <article> in the built page")
    if next(found.iter("h1"), None) is None:
        raise PdfError(page.path, "no <h1> in the article")
    return found


def page_section(page: Page, targets: dict[str, str], site_url: str | None, lead: str = "") -> tuple[str, str]:
    """The page's title and its article as a <section> for a PDF.

    ``targets`` maps the site address of every page in the same PDF to its anchor: links to
    those become links inside the PDF; links to other pages of the site become absolute
    addresses when the site's address is known, text without a link otherwise. ``lead`` is HTML put
    before the article's content.
    """
    art = article(page)
    parents = {child: parent for parent in art.iter() for child in parent}
    for el in list(art.iter()):
        if el is art:
            continue
        if not isinstance(el.tag, str):  # a comment
            _remove(el, parents)
        elif (
            _local(el.tag) in DROP_TAGS
            or SITE_ONLY in el.attrib
            or set(el.get("class", "").split()) & DROP_CLASSES
            or (_local(el.tag) == "input" and el.get("type") != "checkbox")
        ):
            _remove(el, parents)
    prefix = page.anchor
    for el in list(art.iter()):
        for name, value in list(el.attrib.items()):
            if name == "id":
                el.set(name, f"{prefix}--{value}")
            elif name in ID_REFS:
                el.set(name, " ".join(f"{prefix}--{v}" for v in value.split()))
            elif "url(#" in value:
                el.set(name, URL_REF.sub(lambda m: f"url(#{prefix}--{m.group(1)})", value))
        if _local(el.tag) == "input" and el.get("type") == "checkbox":
            # A named field with its accessible name (/TU) is what PDF/UA asks of a form field.
            step = el.get("data-stap") or el.get("id")
            el.set("name", step)
            el.set("title", f"Markeer stap {step} als gedaan")
        if _local(el.tag) == "a":
            href_attr = next((k for k in el.attrib if _local(k) == "href"), None)
            if href_attr is None:
                continue
            target = _link(el.get(href_attr), page, targets, site_url)
            if target is None:
                # A link that cannot work on paper keeps its text and look, without the link.
                del el.attrib[href_attr]
                el.tag = f"{SVG}g" if el.tag.startswith(SVG) else "span"
            else:
                el.set(href_attr, target)
    for svg in art.iter(f"{SVG}svg"):
        # WeasyPrint's SVG renderer reads only the SVG's own <style>, not the page's CSS.
        style = ElementTree.Element(f"{SVG}style")
        style.text = SVG_CSS.read_text(encoding="utf-8")
        svg.insert(0, style)
    h1 = next(art.iter("h1"))
    title = " ".join("".join(h1.itertext()).split())
    # a recommendation's running header and bookmark are its short label (the heading is the
    # source's long title)
    label = h1.get("data-kort-label")
    h1.set("data-kort", label or _short(title))
    h1.set("style", f"bookmark-level: {page.level}" + (f'; bookmark-label: "{label}"' if label else ""))
    # The step group headings of a checklist are bookmarks one level below their page.
    for checklist in art.iter("div"):
        if "checklist" in checklist.get("class", "").split():
            for heading in checklist.iter("h3"):
                heading.set("style", f"bookmark-level: {page.level + 1}")
    return title, f'<section class="pdf-pagina" id="{prefix}">{lead}{_inner(art)}</section>'


def _link(href: str, page: Page, targets: dict[str, str], site_url: str | None) -> str | None:
    absolute = urljoin(SITE + page.url, href)
    if not absolute.startswith(SITE):
        return href  # mailto:, tel: or another site: kept as it is, never fetched
    path, _, fragment = absolute[len(SITE):].partition("#")
    path = path.split("?")[0]
    key = path.removesuffix("index.html")
    if key in targets:
        return "#" + targets[key] + (f"--{fragment}" if fragment else "")
    if site_url:
        return site_url + path + (f"#{fragment}" if fragment else "")
    return None


def _short(title: str, limit: int = 64) -> str:
    """A title that fits a running header on one line."""
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _local(name) -> str:
    return name.rpartition("}")[2]


def _remove(el, parents) -> None:
    """Remove an element but keep the text that follows it."""
    parent = parents[el]
    index = list(parent).index(el)
    _append_text(parent, index, el.tail)
    parent.remove(el)


def _append_text(parent, index: int, text: str | None) -> None:
    """Add text where the child at ``index`` of ``parent`` stands."""
    if not text:
        return
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _attr_name(name: str) -> str:
    namespace, _, local = name[1:].partition("}") if name.startswith("{") else ("", "", name)
    prefix = NAMESPACES.get(namespace)
    if prefix == "xmlns" and local == "xmlns":
        return "xmlns"
    return f"{prefix}:{local}" if prefix else local


def _write(el, out: list[str]) -> None:
    if isinstance(el.tag, str):
        tag = _local(el.tag)
        attrs = "".join(f' {_attr_name(k)}="{esc(v)}"' for k, v in el.attrib.items())
        out.append(f"<{tag}{attrs}>")
        if tag not in VOID:
            out.append(html.escape(el.text or "", quote=False))
            for child in el:
                _write(child, out)
            out.append(f"</{tag}>")
    out.append(html.escape(el.tail or "", quote=False))


def _inner(el) -> str:
    out = [html.escape(el.text or "", quote=False)]
    for child in el:
        _write(child, out)
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Whole documents


def document(title: str, header: str, body: str, meta: Meta) -> str:
    """A whole HTML document for a PDF: its title, the running header's left part, the body."""
    # The running header's left part is fixed per document: an @page rule of its own.
    css_header = header.replace("\\", "\\\\").replace('"', '\\"')
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title>"
        f'<meta name="author" content="{esc(meta.site_name)}">'
        f'<meta name="description" content="{esc(title)}, versie {esc(meta.version)}, {esc(meta.date)}">'
        f'<meta name="dcterms.created" content="{meta.day.isoformat()}">'
        f'<style>@page {{ @top-left {{ content: "{css_header}" }} }} @page omslag {{ @top-left {{ content: none }} }}</style>'
        f"</head><body>{body}</body></html>"
    )


CREDIT = re.compile(rf'\s{CREDIT_SOURCE}="([^"]*)"')  # the credit block names its document by id


def source_titles(pages: list[Page], meta: Meta) -> list[str]:
    """The titles of the source documents the pages credit, first seen first."""
    known, titles = dict(meta.sources), []
    for page in pages:
        for document_id in map(html.unescape, CREDIT.findall(page.html)):
            if document_id not in known:
                raise PdfError(page.path, f"credits unknown source document {document_id!r}; known: {', '.join(known)}")
            if known[document_id] not in titles:
                titles.append(known[document_id])
    return titles


def _sources(titles: list[str]) -> str:
    return "".join(f"<dd>{esc(t)}</dd>" for t in titles)


def cover_html(title: str, sources: list[str], meta: Meta) -> str:
    """A handbook's cover: site, title, version, date, address and the source documents it holds."""
    online = f'<dt>Online</dt><dd><a href="{esc(meta.site_url)}">{esc(meta.site_url)}</a></dd>' if meta.site_url else ""
    return (
        '<section class="pdf-omslag">'
        f'<p class="pdf-omslag__site">{esc(meta.site_name)}</p>'
        f'<h1 class="pdf-omslag__titel">{esc(title)}</h1>'
        '<dl class="pdf-omslag__gegevens">'
        f"<dt>Versie</dt><dd>{esc(meta.version)}</dd><dt>Datum</dt><dd>{esc(meta.date)}</dd>{online}"
        + (f"<dt>Overgenomen uit</dt>{_sources(sources)}" if sources else "")
        + "</dl></section>"
    )


def handbook_html(title: str, pages: list[Page], meta: Meta) -> str:
    """A handbook: cover, table of contents ("Inhoud") and every page's article, in order."""
    targets = {p.url: p.anchor for p in pages}
    sections = [page_section(p, targets, meta.site_url) for p in pages]
    toc = "".join(
        f'<li class="pdf-inhoud__niveau-{p.level}"><a href="#{p.anchor}">{esc(t)}</a></li>'
        for p, (t, _) in zip(pages, sections)
    )
    cover = cover_html(title, source_titles(pages, meta), meta)
    contents = f'<nav class="pdf-inhoud" aria-labelledby="pdf-inhoud"><h2 id="pdf-inhoud">Inhoud</h2><ol>{toc}</ol></nav>'
    body = cover + contents + "".join(section for _, section in sections)
    return document(f"{title} – {meta.site_name}", title, body, meta)


def handout_box(handvat_id: str, meta: Meta, page: Page | None = None) -> str:
    """The box at the top of a handout: the short link to the online page (with a QR code when the
    site's address is known, else as its path from the site's root, as the site shows it),
    version, date, and the source document the page credits. The short link is also the running
    footer of the recommendation's pages (print.css: string kortelink)."""
    slug = handvat_id.lower()
    link = short_address(meta.site_url, slug)
    qr = f'<div class="pdf-kaart__qr">{qr_svg(link, "pdf-qr")}</div>' if link else ""
    online = (
        f'<p class="pdf-kaart__link">Online: <a href="{esc(link)}">{esc(link)}</a></p>'
        if link
        else f'<p class="pdf-kaart__link">Korte link: {esc("/" + short_path(slug))}</p>'
    )
    return (
        f'<aside class="pdf-kaart">{qr}'
        f'<p class="pdf-kaart__kop">Werkkaart {esc(handvat_id)}</p>{online}'
        f"<p>{esc(meta.site_name)}</p>"
        f"<p>Versie {esc(meta.version)} · {esc(meta.date)}</p>"
        + "".join(f"<p>Bron: {esc(t)}</p>" for t in (source_titles([page], meta) if page else []))
        + "</aside>"
    )


def handout_html(title: str, items: list[tuple[Page, str]], meta: Meta) -> str:
    """Handouts: per (page, recommendation id) the box with link and QR code, then the article."""
    targets = {p.url: p.anchor for p, _ in items}
    body = "".join(
        page_section(page, targets, meta.site_url, lead=handout_box(handvat_id, meta, page))[1]
        for page, handvat_id in items
    )
    return document(f"{title} – {meta.site_name}", title, body, meta)


# ---------------------------------------------------------------------------------------------
# Rendering


class LocalOnly(URLFetcher):
    """Refuses every resource that is not a file under the site directory (no network, ever)."""

    def __init__(self, root: Path):
        # fail_on_errors: a refused or missing resource stops the PDF instead of leaving a hole.
        super().__init__(allowed_protocols={"file"}, fail_on_errors=True)
        self.root = Path(root).resolve()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        path = Path(unquote(parts.path)).resolve()
        if parts.scheme != "file" or not path.is_relative_to(self.root):
            raise ValueError(f"refused to fetch {url}: PDFs use only files under {self.root}")
        return super().fetch(url, headers)


class _Problems(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def render(document: str, name: str, site_dir: Path, pages: list[Page]) -> bytes:
    """The PDF of ``document``; raise PdfError when it is not complete.

    WeasyPrint only logs what it cannot do (a missing anchor, an image without alternative
    text, a refused resource): any such warning fails the PDF here, and so does a page of
    ``pages`` whose anchor did not make it into the laid-out document.
    """
    laid_out = layout(document, name, site_dir)
    present = {anchor for pdf_page in laid_out.pages for anchor in pdf_page.anchors}
    for page in pages:
        if page.anchor not in present:
            raise PdfError(page.path, f"missing from {name}")
    with _watched(name):
        return laid_out.write_pdf(finisher=header_scopes, **OPTIONS)


def layout(document: str, name: str, site_dir: Path):
    """WeasyPrint's layout of ``document``: its pages with their boxes (what ``render`` writes,
    and what the tests measure); PdfError on anything WeasyPrint warns about."""
    with _watched(name):
        return HTML(
            string=document, base_url=Path(site_dir).resolve().as_uri() + "/", url_fetcher=LocalOnly(site_dir)
        ).render(stylesheets=[CSS(string=PRINT_CSS.read_text(encoding="utf-8"))], **OPTIONS)


@contextmanager
def _watched(name: str):
    """WeasyPrint's warnings and errors inside the block as a PdfError naming the PDF."""
    problems = _Problems()
    weasy_log = logging.getLogger("weasyprint")
    weasy_log.addHandler(problems)
    try:
        yield
    except (Exception, FatalURLFetchingError) as exc:  # FatalURLFetchingError is a BaseException
        cause = f"{exc}: {exc.__cause__}" if exc.__cause__ else str(exc)
        raise PdfError(name, f"WeasyPrint: {cause}") from exc
    finally:
        weasy_log.removeHandler(problems)
    if problems.messages:
        raise PdfError(name, "WeasyPrint: " + "; ".join(dict.fromkeys(problems.messages)))


# The section of a table a header cell stands in, as PDF/UA wants its Scope (Matterhorn 15-003)
SCOPE_OF_SECTION = {"/THead": "/Column", "/TBody": "/Row", "/TFoot": "/Column"}


def header_scopes(document, pdf) -> None:
    """WeasyPrint's finisher (write_pdf): a Scope on every table header cell (TH), which PDF/UA
    asks for and WeasyPrint does not write: Column in the table head, Row in the body. Our tables
    mark headers that way in HTML (scope="col" in thead, scope="row"/"rowgroup" in tbody). Done
    on the structure tree before the file is written, not by reading the written PDF again (a
    fifth of a PDF's time)."""
    elements = {obj.reference: obj for obj in pdf.objects if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/StructElem"}
    for element in elements.values():
        if element.get("S") != "/TH":
            continue
        scope, parent = "/Column", elements.get(element.get("P"))
        while parent is not None and parent.get("S") != "/Table":
            if parent.get("S") in SCOPE_OF_SECTION:
                scope = SCOPE_OF_SECTION[parent["S"]]
                break
            parent = elements.get(parent.get("P"))
        attributes = element.setdefault("A", pydyf.Dictionary({"O": "/Table"}))
        attributes["O"], attributes["Scope"] = "/Table", scope
