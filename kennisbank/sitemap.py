"""The site map: every docs path, address, anchor scheme and export name of the site, and the
vocabularies they are keyed by. Nothing else builds a path. Pure: derived from the content.

Renderers write every link in one page-independent form, a *site-root link*: a docs file
("/vredestijd/v2.md#v2-4") or a file of the built site ("/pdf/werkkaart-v2.pdf", "/r/v2-4/").
The macro layer turns them into links relative to the page being rendered (``relative_links``),
in the form the builder resolves: Markdown links to docs files (both builders rewrite and MkDocs
checks them) and, in raw HTML, URLs relative to what the builder takes them from.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable
from urllib.parse import urlencode

# The schemes the model itself uses live one layer down (kennisbank.schemes); they are the site
# map's as much as the rest, so they are asked for here.
from .schemes import link, recommendation_page, source_anchor, step_anchor  # noqa: F401 (re-exported)
# the data file of the guide "Welke fase?", whose quotes are the cycle document's (the model names its files)
from .model import PHASE_GUIDE_FILE

if TYPE_CHECKING:
    from .model import Content, Handvat, Phase

# --- pages that exist once -------------------------------------------------------------------
HOME = "index.md"
CYCLE = "cyclus/index.md"
SOURCES = "bronnen.md"
SHORT_LINKS = "korte-links.md"
CHANGES = "wijzigingen.md"
TRAININGS_DIR = "trainingen/"
GROUP_OVERVIEWS = "trainingen/publieksagressie/per-functiegroep.md"
# Where the courses stand side by side ({{ cursussen_vergelijking() }}, under the heading "Cursussen").
COURSE_COMPARISON = ("trainingen/index.md", "cursussen")
# The page of each table of the publieksagressie guide that editorial notes can sit on.
GUIDE_TABLE_PAGES = {
    "tabel-1": "trainingen/publieksagressie/functiegroepen.md",
    "tabel-2": "trainingen/publieksagressie/inhoud-trainingen.md",
    "tabel-4": "trainingen/publieksagressie/inhoud-trainingen.md",
    "tabel-5": "trainingen/publieksagressie/inhoud-trainingen.md",
    "leidinggevenden": "trainingen/publieksagressie/inhoud-trainingen.md",
    "voorbeeldprogramma": "trainingen/publieksagressie/voorbeeldprogramma.md",
}
# "Nu handelen": an overview and one page per card (data/nu-handelen.yml)
NOW_INDEX = "nu-handelen/index.md"
# A lesson of one's own (issue 24): every step and point of the cycle, filterable; the reader's
# selection of them, whose address holds it (/selectie/#c1-1,c2-3: step anchors, in order); and
# the editors' guide to the phase that applies now, in the source's words (data/welke-fase.yml).
STEPS_OVERVIEW = "stappen.md"
SELECTION = "selectie.md"
PHASE_GUIDE = "cyclus/welke-fase.md"
SELECTION_EXPORT = "selectie"  # the selection's CSV and JSON files: selectie-<date>.csv
# the QR code generator the selection page loads (vendored from npm, MIT; its LICENSE beside it)
QR_SCRIPT = "assets/javascripts/vendor/qrcode-generator/qrcode.js"


def lesson_link(anchors: list[str], title: str) -> str:
    """Steps opened as a lesson: the selection page with these steps in this order and a title, as
    a site-root link ("/selectie.md?titel=…#c1-1,c2-3"; relative_links keeps query and steps)."""
    return f"/{SELECTION}?{urlencode({'titel': title})}#{','.join(anchors)}"


def now_page(card_id: str) -> str:
    """The page of a "Nu handelen" card: "oproep-tot-geweld" -> "nu-handelen/oproep-tot-geweld.md"."""
    return f"nu-handelen/{card_id}.md"


def now_checklist(card_id: str) -> str:
    """A card's checklist id (0.1 kept the card's ticks under it; ticks are kept per step id now)."""
    return f"nu-{card_id}"


# The tag of every page under TRAININGS_DIR (docs/trainingen/.meta.yml); phases tag their own.
TRAINING_TAG = "Trainingen"


def phase_page(phase_id: str) -> str:
    return f"{phase_id}/index.md"


def zelfscan_page(phase_id: str) -> str:
    """The self-assessment of a phase's recommendations."""
    return f"zelfscan/{phase_id}.md"


def phase_meta_file(phase_id: str) -> str:
    """The docs file that tags every page of a phase (Material's meta plugin; both builders)."""
    return f"{phase_id}/.meta.yml"


# --- anchors ---------------------------------------------------------------------------------
QUESTION_ANCHOR = "vraag"  # a recommendation's question, the heading over its steps (published)
CITED_ANCHOR = "bronnen"  # a recommendation's cited sources (published; the presentation's last screen)


def group_anchor(group_id: str) -> str:
    return f"fg-{group_id}"


def tag_anchor(slugged_name: str) -> str:
    """The anchor of an audience or phase on the routes page ("tag:politie-en-handhaving")."""
    return f"tag:{slugged_name}"


def document_anchor(document_id: str) -> str:
    return f"bron-{document_id}"


def version_anchor(version: str) -> str:
    """A version's entry on the Wijzigingen page: "0.2" -> "versie-0-2"."""
    return "versie-" + version.replace(".", "-")


def note_anchor(where: str, n: int) -> str:
    return f"noot-{where}-{n}"


# --- what built pages tell their readers (scripts, styles, the post-build step) --------------
# The hidden paragraph of a page's search words opens with this label; the post-build step moves
# the words behind it into the index field of that name (mkdocs.yml search.fields).
SEARCH_WORDS_LABEL = "Zoekwoorden (redactie):"
SEARCH_WORDS_FIELD = "zoekwoorden"
# A step's search entry names its id and its recommendation's; the search worker reads them to
# open a step asked for by id or anchor (so it repeats neither rule).
STEP_ENTRY_FIELDS = ("stap", "handvat")
# The credit block's attribute that names its source document (read by the PDF export).
CREDIT_SOURCE = "data-bron"
# A copy button's or link's short link, from the site root ("r/v2-4/"): the copy and print
# scripts make the full address of it; the macro layer writes it in the form the build serves.
SHORT_LINK_ATTRIBUTE = "data-kort"

# What the browser keeps (localStorage), by key. The renderers write the keys into the pages'
# data attributes (data-opslag...); the scripts read them there and repeat none.
# A step's tick: one state per step id, whichever page shows the step (its recommendation's page,
# a "Nu handelen" card), so a tick on the card is the tick on the page.
TICK_KEY = "kennisbank.stap."  # + step id -> TICKED
TICKED = "gedaan"
# Version 0.1 kept a list of ticked step ids per checklist; the script moves such a list into
# TICK_KEY once and removes it.
OLD_TICKS_KEY = "kennisbank.vinkjes."  # + checklist id (a handvat id, or a card's now_checklist)
# A zelfscan answer per step id ("ja", "deels", ...), apart from the tick: a tick says a step was
# done (often in one incident, on a card), an answer says where the organisation stands.
ANSWER_KEY = "kennisbank.zelfscan."  # + step id


def answers_before_key(phase_id: str) -> str:
    """Where the zelfscan of a phase keeps the answers it had before its last wipe or opened file,
    until "Ongedaan maken" puts them back or the team answers a question again."""
    return f"kennisbank.zelfscan-vorige.{phase_id}"


# --- addresses -------------------------------------------------------------------------------
def url_of(doc_path: str, directory_urls: bool = True) -> str:
    """Where a docs file is published, relative to the site root: "vredestijd/v2.md" ->
    "vredestijd/v2/" ("vredestijd/v2.html" without directory URLs, as in the offline copy);
    "vredestijd/index.md" -> "vredestijd/"; "index.md" -> ""."""
    stem = doc_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index") + ("" if directory_urls else "index.html")
    return stem + ("/" if directory_urls else ".html")


def served_path(site_path: str, directory_urls: bool = True) -> str:
    """A folder of the built site as the build serves it: "r/v2/" stays; without directory URLs
    (the offline copy, opened from disk, where a folder shows as a listing) it is its page,
    "r/v2/index.html"."""
    return site_path + "index.html" if not directory_urls and site_path.endswith("/") else site_path


def built_file(doc_path: str, directory_urls: bool = True) -> str:
    """The HTML file a docs file becomes, under the site dir."""
    url = url_of(doc_path, directory_urls)
    return url + "index.html" if url == "" or url.endswith("/") else url


def address_of_file(site_file: str) -> str:
    """The address a trainer pastes after the domain for a built file: "vredestijd/v2/index.html"
    -> "/vredestijd/v2/"."""
    address = "/" + site_file
    return address.removesuffix("index.html") if address.endswith("/index.html") or address == "/index.html" else address


_ROOT_LINK = re.compile(r'(\]\(|\b(?:href|src)=")/(?!/)([^)"\s#?]*)(\?[^)"\s#]*)?(#[^)"\s]*)?')  # not "//host"
_SHORT_LINK = re.compile(rf'(\b{SHORT_LINK_ATTRIBUTE}=")([^"]*)"')


def relative_links(text: str, page: str, directory_urls: bool = True, raw_from_source: bool = False) -> str:
    """Every site-root link in rendered Markdown or HTML made relative to ``page`` (a docs path).

    Markdown links to docs files stay docs files ("../bronnen.md#x"): both builders turn those into
    addresses, and MkDocs checks them and their anchors. Everything else (raw HTML, SVG, files
    that are no docs page) becomes an address. MkDocs leaves raw URLs as written, so they are
    relative to the built page; Zensical reads them, like Markdown links, relative to the page's
    source file and rewrites them (``raw_from_source``). A short link for the scripts
    (SHORT_LINK_ATTRIBUTE) stays relative to the site root, in the form the build serves.
    """
    source_dir = posixpath.dirname(page)
    base = source_dir + "/" if raw_from_source else url_of(page, directory_urls)

    def replace(match: re.Match) -> str:
        opener, path, rest = match.group(1), match.group(2), (match.group(3) or "") + (match.group(4) or "")  # query, anchor
        if opener == "](" and path.endswith(".md"):
            return opener + posixpath.relpath(path, source_dir or ".") + rest
        target = url_of(path, directory_urls) if path.endswith(".md") else served_path(path, directory_urls)
        return opener + relative_url(target, base) + rest

    def short(match: re.Match) -> str:
        return f'{match.group(1)}{served_path(match.group(2), directory_urls)}"'

    return _SHORT_LINK.sub(short, _ROOT_LINK.sub(replace, text))


def relative_url(target: str, base: str) -> str:
    """A site-root-relative address seen from the folder of ``base`` ("vredestijd/v2/" or
    "vredestijd/v2.html"): "bronnen/" -> "../../bronnen/"."""
    base_dir = base if base.endswith("/") or base == "" else posixpath.dirname(base) + "/"
    rel = posixpath.relpath(target or ".", base_dir.rstrip("/") or ".")
    folder = target == "" or target.endswith("/")
    return "./" if rel == "." else rel + "/" if folder else rel


# --- the changelog: what its ids name, and the file an editor changes for a page ------------
DATA_DIR = "data"
DOCS_DIR = "docs"


def changed_place(content: Content, item: str) -> tuple[str, str]:
    """The docs page and anchor a changelog id names: a recommendation ("V2"), a step ("V2.4"),
    a course (its id) or a page (its docs path, "woordenlijst.md")."""
    if item.endswith(".md"):
        return item, ""
    recommendation = content.handvatten.get(item.split(".")[0])
    if recommendation is not None and (item == recommendation.id or item in {s.id for s in recommendation.steps}):
        return recommendation.page, step_anchor(item) if "." in item else ""
    if content.trainingen and item in content.trainingen.courses:
        return content.document(item).section, ""
    raise KeyError(f"unknown changelog id {item!r}: not a recommendation, step, course or page (.md)")


def source_file(content: Content, page: str) -> str:
    """The file in the repository an editor changes for a docs page: a recommendation's or a
    course's data file, else the page itself."""
    for handvat in content.handvatten.values():
        if handvat.page == page:
            return f"{DATA_DIR}/cyclus/{handvat.id}.yml"
    for course_id in content.trainingen.courses if content.trainingen else ():
        if content.document(course_id).section == page:
            return f"{DATA_DIR}/trainingen/cursussen/{course_id}.yml"
    return f"{DOCS_DIR}/{page}"


# --- where a source document's data lives ----------------------------------------------------
def document_files(content: Content, document_id: str) -> list[str]:
    """The data files (paths under data/) that may hold a source document's transcribed text:
    the recommendation files and the guide "Welke fase?" (its quotes) for the cycle's document
    (``document:`` of cyclus/fasen.yml); for any
    other document, the guide's file trainingen/<id>.yml and the course's trainingen/cursussen/<id>.yml
    (the model refuses a file there that is named after no document). Its prose lives in the docs
    pages that credit it (``bronvermelding``). Callers keep those of the files that exist."""
    content.document(document_id)  # an unknown id names the known ones
    if document_id == content.cycle_document:
        return [f"cyclus/{h.id}.yml" for h in content.handvatten.values()] + [PHASE_GUIDE_FILE]
    return [f"trainingen/{document_id}.yml", f"trainingen/cursussen/{document_id}.yml"]


# --- short links -----------------------------------------------------------------------------
SHORT_PREFIX = "r"


def short_path(slug: str) -> str:
    """The site path of a short link: "v2" -> "r/v2/", "v2-4" -> "r/v2-4/" (the one scheme)."""
    return f"{SHORT_PREFIX}/{slug}/"


def short_address(site_url: str | None, slug: str) -> str | None:
    """The full short address for slides and paper ("https://…/r/v2/"), if the site's is known."""
    return f"{site_url}{short_path(slug)}" if site_url else None


def printed_short_address(site_url: str | None, slug: str) -> str:
    """A short link as paper and slides show it: the full address if the site's is known, else its
    path from the site's root ("/r/v2/"), which a reader types after the site's name."""
    return short_address(site_url, slug) or "/" + short_path(slug)


@dataclass(frozen=True)
class ShortLink:
    label: str  # "V2" or "V2.4"
    page: str  # the docs path it leads to
    anchor: str  # "" for a recommendation, the step's anchor for a step


class ShortLinkError(ValueError):
    pass


def short_links(content: Content) -> dict[str, ShortLink]:
    """Short path -> where it leads, for every recommendation and step.

    Slugs come from ids (V2 -> v2, V2.4 -> v2-4), so they never change while ids don't; two ids
    that would share a slug stop the build instead of one silently winning.
    """
    links: dict[str, ShortLink] = {}

    def add(slug: str, target: ShortLink) -> None:
        path = short_path(slug)
        if path in links:
            raise ShortLinkError(f"short link /{path} of {target.label} collides with {links[path].label}")
        links[path] = target

    for handvat in content.handvatten.values():
        add(handvat.id.lower(), ShortLink(handvat.id, handvat.page, ""))
        for step in handvat.steps:
            add(step.anchor, ShortLink(step.id, handvat.page, step.anchor))
    return links


# --- exports (made after the pages by `python -m exports`) ------------------------------------
PDF_FOLDER = "pdf"
CYCLE_HANDBOOK = "kennisbank-cyclus.pdf"
TRAINING_HANDBOOK = "kennisbank-trainingen.pdf"
OFFLINE_ZIP = "downloads/kennisbank-offline.zip"
ROLE_CSS = "assets/stylesheets/nu-rollen.css"  # the cards' role switch, from the roles (post-build)
FEED = "wijzigingen.xml"  # the changelog's Atom feed, at the site root
# Which exports a build makes: asked for by environment variables, so `serve` stays quick.
PDF_ENV = "ENABLE_PDF_EXPORT"
ZIP_ENV = "ENABLE_OFFLINE_ZIP"


def pdfs_made(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(PDF_ENV) == "1"


def zip_made(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(ZIP_ENV) == "1" and not offline_copy(environ)


def offline_copy(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether this build is the offline copy (Material's offline plugin: .html addresses)."""
    return environ.get("OFFLINE") == "true"


def handout(key: str) -> str:
    """The handout of a recommendation (V2) or a phase (vredestijd)."""
    return f"werkkaart-{key.lower()}.pdf"


def pdf_path(name: str) -> str:
    """A PDF's path in the built site."""
    return f"{PDF_FOLDER}/{name}"


@dataclass(frozen=True)
class Handbook:
    name: str
    title: str
    holds: Callable[[str], bool]  # whether a docs page belongs in it (nav order decides the order)


def handbooks(content: Content) -> tuple[Handbook, ...]:
    phase_dirs = tuple(posixpath.dirname(phase_page(p.id)) + "/" for p in content.phases)
    return (
        Handbook(
            CYCLE_HANDBOOK,
            "De interventiecyclus: vredestijd, crisis en nazorg",
            lambda path: path in (CYCLE, PHASE_GUIDE, SOURCES) or path.startswith(phase_dirs),
        ),
        Handbook(TRAINING_HANDBOOK, "Trainingen en cursussen", lambda path: path.startswith(TRAININGS_DIR)),
    )


@dataclass(frozen=True)
class Handout:
    name: str
    title: str
    cards: tuple[Handvat, ...]  # one card per recommendation, in source order


def handouts(content: Content) -> list[Handout]:
    """A handout per recommendation and one per phase (all its recommendations)."""
    out = [Handout(handout(h.id), f"Werkkaart {h.id}", (h,)) for h in content.handvatten.values()]
    out += [
        Handout(handout(p.id), f"Werkkaarten fase {p.name}", tuple(content.in_phase(p.id))) for p in content.phases
    ]
    return out


@dataclass(frozen=True)
class Download:
    label: str
    path: str  # in the built site
    kind: str  # "pdf" or "zip": which setting makes it


def downloads(content: Content, key: str) -> list[Download]:
    """What a page offers to download, by key: "cyclus", "trainingen", "offline", a phase id or a
    recommendation id. An unknown key stops the build naming the known ones."""
    if key == "cyclus":
        return [Download("Cyclus (PDF)", pdf_path(CYCLE_HANDBOOK), "pdf")]
    if key == "trainingen":
        return [Download("Trainingen (PDF)", pdf_path(TRAINING_HANDBOOK), "pdf")]
    if key == "offline":
        return [Download("Offline versie (zip)", OFFLINE_ZIP, "zip")]
    if key in {p.id for p in content.phases}:
        return [Download("Werkkaarten van deze fase (PDF)", pdf_path(handout(key)), "pdf")]
    if key in content.handvatten:
        return [
            Download("Werkkaart (PDF)", pdf_path(handout(key)), "pdf"),
            Download("Hele cyclus (PDF)", pdf_path(CYCLE_HANDBOOK), "pdf"),
        ]
    known = ["cyclus", "trainingen", "offline", *(p.id for p in content.phases), *content.handvatten]
    raise KeyError(f"unknown download key {key!r}; known: {', '.join(known)}")


# --- vocabularies ----------------------------------------------------------------------------
def phase(content: Content, phase_id: str) -> Phase:
    for p in content.phases:
        if p.id == phase_id:
            return p
    raise KeyError(f"unknown phase {phase_id!r}; known: {', '.join(p.id for p in content.phases)}")


def tags(content: Content) -> list[str]:
    """Every tag a page may carry, in the order of mkdocs.yml's `tags_allowed`: the phases, the
    trainings, then the audiences."""
    return [p.name for p in content.phases] + [TRAINING_TAG] + list(content.readers)


# What the publisher offers besides the pages (issue 22), written by the post-build step
SECURITY_TXT = ".well-known/security.txt"
REUSE = "hergebruik.md"
OPEN_DATA_PAGE = "open-data.md"
OPEN_DATA_FOLDER = "open-data"
OPEN_DATA_JSON = f"{OPEN_DATA_FOLDER}/kennisbank.json"
OPEN_DATA_SCHEMA = f"{OPEN_DATA_FOLDER}/kennisbank.schema.json"
OPEN_DATA_CSV = f"{OPEN_DATA_FOLDER}/stappen.csv"
OPEN_DATA_PACKAGE = f"{OPEN_DATA_FOLDER}/datapackage.json"  # Frictionless Data: what each file is, and its licence

# Every released version at an address of its own (tools/versions.py, at publication)
ARCHIVE_FOLDER = "versies"
VERSIONS_PAGE = "versies.md"


def archive_path(version: str) -> str:
    """A version's folder from the site root: "versies/0.1/"."""
    return f"{ARCHIVE_FOLDER}/{version}/"
