"""A search entry of its own for every step and every glossary term, in Material's search index.

Material's search makes one entry per heading; a step or a term is then a line inside a long
entry, its result links to the heading and previews the wrong text. This part of the post-build
step reads the built pages and adds an entry per step (``crisis/c5/#c5-2``, titled "C5.2 · …")
and per term (``woordenlijst/#dpia``); the headings whose text is nothing but those steps or terms
keep their title and lose the text, so a query finds the step or term itself, once. A step's
entry names its id and its recommendation's (``sitemap.STEP_ENTRY_FIELDS``), which the search
worker reads to open a step asked for by id or anchor. The search words (data/synoniemen.yml,
data/zoekwoorden/) go into the field ``sitemap.SEARCH_WORDS_FIELD`` of the entry they lead to: a
step's into the step's entry, the others into the page's; their hidden paragraph leaves every
preview. A "Nu handelen" card's entry keeps its own words and loses the steps it shows again
(``data-kopie``): those are found at home, once. It rewrites
``search/search_index.json`` (MkDocs) and the offline copy's ``search/search_index.js``; Zensical's
index (``search.json``) has another format and is left as it is (README, migration).
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import tinyhtml5

from kennisbank.model import Content
from kennisbank.model_synoniemen import SearchWords
from kennisbank.sitemap import SEARCH_WORDS_FIELD, SEARCH_WORDS_LABEL, STEP_ENTRY_FIELDS, address_of_file, url_of

JSON_INDEX = "search/search_index.json"
JS_INDEX = "search/search_index.js"  # the offline copy: the index as a script
JS_PREFIX = "var __index = "
STEP_BOOST = 2
STEP_FIELD, RECOMMENDATION_FIELD = STEP_ENTRY_FIELDS
# the hidden paragraph as Material's index holds it (tags without attributes)
SEARCH_WORDS = re.compile(r"<p>\s*" + re.escape(SEARCH_WORDS_LABEL) + r"([^<]*)</p>\s*")


def _text(element) -> str:
    """The element's words; table cells and list items kept apart ("provocatie Nr. …", not "provocatieNr.")."""
    text = " ".join(" ".join(element.itertext()).split())
    return re.sub(r"\s+([,.;:!?)’”])", r"\1", re.sub(r"([(‘“])\s+", r"\1", text))


def _classes(element) -> set[str]:
    return set(element.get("class", "").split())


def entries_of(page_url: str, page_html: str) -> tuple[list[dict], set[str]]:
    """(new entries, ids of the headings whose text they take over) of one built page."""
    root = tinyhtml5.parse(page_html, namespace_html_elements=False)
    article = next(root.iter("article"), None)
    if article is None:
        return [], set()
    h1 = next(article.iter("h1"), None)
    label = (h1.get("data-kort-label") if h1 is not None else None) or (_text(h1).rstrip("#").strip() if h1 is not None else "")
    entries, emptied = [], set()
    # steps shown again elsewhere (a "Nu handelen" card) carry data-kopie: their entry is at home
    copies = {id(li) for holder in article.iter() if "data-kopie" in holder.attrib for li in holder.iter("li")}
    # a step as the renderer marks it (render_steps.step_attributes): its id in data-stap
    for step in (e for e in article.iter("li") if "stap" in _classes(e) and e.get("data-stap") and id(e) not in copies):
        step_id = step.get("data-stap")
        body = next((e for e in step.iter("div") if "stap__tekst" in _classes(e)), None)
        if body is not None:
            entries.append({
                "location": f"{page_url}#{step.get('id')}",
                "title": f"{step_id} · {label}",
                STEP_FIELD: step_id,
                "text": f"<p>{html.escape(_text(body), quote=False)}</p>",
                # Material ranks a page above its sections; a step holding the query's words is
                # what the reader wants, so it weighs more
                "boost": STEP_BOOST,
            })
    # the headings whose text is the steps: inside a checklist, and the one just before a list of
    # steps or points (the source's question, a group's title)
    for checklist in (e for e in article.iter("div") if "checklist" in _classes(e)):
        emptied |= {h.get("id") for h in checklist.iter() if h.tag in ("h2", "h3") and h.get("id")}
    for parent in article.iter():
        children = list(parent)
        for n, child in enumerate(children[1:], start=1):
            if _classes(child) & {"checklist", "puntenlijst", "checklist__stappen"} and children[n - 1].tag in ("h2", "h3"):
                emptied.add(children[n - 1].get("id"))
    if copies:
        emptied.add("")  # a card's page entry keeps its own introduction: its steps are found at home
    for glossary in (e for e in article.iter("dl") if "woordenlijst" in _classes(e)):
        items = list(glossary)
        for n, term in enumerate(items):
            if term.tag == "dt" and term.get("id") and n + 1 < len(items) and items[n + 1].tag == "dd":
                entries.append({
                    "location": f"{page_url}#{term.get('id')}",
                    "title": _text(term),
                    "text": f"<p>{html.escape(_text(items[n + 1]), quote=False)}</p>",
                })
        emptied.add("")  # the glossary page's own entry keeps its introduction only
    return entries, emptied


# Elements whose neighbours Material's index runs into them: it keeps the text of table cells,
# definitions and captions but not their bounds ("…slachtoffersMelden en registreren", "MaxDeelnemers").
CELLS = {"td", "th", "dt", "dd", "caption", "li", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption"}


class _Cells(HTMLParser):
    """The text of a page's article as chunks, None at the bound of a cell (the standard library's
    parser: a tree builder would cost seconds per build for this)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str | None] = []
        self.depth = 0  # inside <article>
        self.skipping = 0  # inside <script> or <style>

    def handle_starttag(self, tag, attrs) -> None:
        self.depth += tag == "article"
        self.skipping += tag in ("script", "style")
        if self.depth and tag in CELLS:
            self.chunks.append(None)

    def handle_endtag(self, tag) -> None:
        if self.depth and tag in CELLS:
            self.chunks.append(None)
        self.depth -= tag == "article" and self.depth > 0
        self.skipping -= tag in ("script", "style") and self.skipping > 0

    def handle_data(self, data) -> None:
        if self.depth and not self.skipping:
            self.chunks.append(data)


def run_together(page_html: str) -> set[tuple[str, str]]:
    """(last word, next word) of every two neighbouring cells with no white space between them in
    the page's article, which Material's index writes as one word."""
    parser = _Cells()
    parser.feed(page_html)
    chunks = parser.chunks
    pairs, cell, bound = set(), "", False  # cell: the text since the last bound
    for chunk in chunks:
        if chunk is None:
            bound = True
        elif chunk:
            last, first = re.search(r"\S+$", cell), re.match(r"\S+", chunk)
            if bound and last and first:
                pairs.add((last.group(0), first.group(0)))
            cell, bound = (chunk if bound else cell + chunk)[-200:], False
    return pairs


def cells_apart(text: str, pairs: set[tuple[str, str]]) -> str:
    """An entry's text with a space between cells that Material ran together."""
    escaped = [(html.escape(last, quote=False), html.escape(first, quote=False)) for last, first in pairs]
    # the two words joined at the start or the end of a word of the text, not inside another
    # word; again until nothing changes, so a chain of cells ("deelnemers12Kosten") comes apart
    patterns = [(re.compile(rf"(?<![^\s>]){re.escape(a + b)}|{re.escape(a + b)}(?![^\s<])"), f"{a} {b}") for a, b in escaped]
    changed = True
    while changed:
        changed = False
        for pattern, apart in patterns:
            text, count = pattern.subn(lambda _: apart, text)
            changed = changed or count > 0
    return text


def _introduction(text: str) -> str:
    """The paragraphs an entry's text starts with (Material writes the glossary's terms after
    them without tags)."""
    return re.match(r"(?:\s*<p>.*?</p>)*", text, re.S).group(0).strip()


def place_search_words(docs: list[dict], words: SearchWords, content: Content) -> None:
    """The search words out of every preview and into the entry they lead to: a step's into the
    step's entry, a page's (with its step ids, so "C5.2" finds C5) into the page's."""
    by_location = {d["location"]: d for d in docs}
    for doc in docs:
        doc["text"] = SEARCH_WORDS.sub("", doc.get("text", ""))
        if doc.get(STEP_FIELD) in words.steps:
            doc[SEARCH_WORDS_FIELD] = ", ".join(words.steps[doc[STEP_FIELD]])
    step_ids = {h.page: [s.id.lower() for s in h.steps] for h in content.handvatten.values()}
    for page in {**words.page_entries, **step_ids}:
        # the served site's addresses, or the offline copy's (no directory URLs)
        entry = by_location.get(url_of(page)) or by_location.get(url_of(page, directory_urls=False))
        if entry is not None:
            entry[SEARCH_WORDS_FIELD] = ", ".join([*words.page_entries.get(page, []), *step_ids.get(page, [])])


def add_entries(site_dir: Path, content: Content, words: SearchWords) -> int:
    """Add the step and term entries to the built site's index and put the search words in their
    entries; the number of entries added (0 without an index of Material's format)."""
    site_dir = Path(site_dir)
    json_file, js_file = site_dir / JSON_INDEX, site_dir / JS_INDEX
    if json_file.exists():
        index = json.loads(json_file.read_text(encoding="utf-8"))
    elif js_file.exists():
        index = json.loads(js_file.read_text(encoding="utf-8").removeprefix(JS_PREFIX).rstrip().rstrip(";"))
    else:
        return 0
    docs = index["docs"]
    recommendation = {step.id: h.id for h in content.handvatten.values() for step in h.steps}
    by_location = {d["location"]: d for d in docs}
    added = []
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if 'class="stap ' not in text and 'class="woordenlijst"' not in text:
            continue
        url = address_of_file(page.relative_to(site_dir).as_posix()).lstrip("/")
        entries, emptied = entries_of(url, text)
        own = by_location.get(url) or {}
        inherited = {k: own[k] for k in ("tags", "boost") if k in own}  # the page's tags and weight
        for heading in emptied:
            section = by_location.get(f"{url}#{heading}" if heading else url)
            if section is not None:
                section["text"] = _introduction(section["text"]) if not heading else ""
        for entry in entries:
            if entry["location"] not in by_location:
                # a step of the cycle is found by its id; other numbered items (a course's) are not
                if entry.get(STEP_FIELD) in recommendation:
                    entry[RECOMMENDATION_FIELD] = recommendation[entry[STEP_FIELD]]
                else:
                    entry.pop(STEP_FIELD, None)
                boost = entry.pop("boost", 1) * inherited.get("boost", 1)
                added.append({**entry, **inherited, **({"boost": boost} if boost != 1 else {})})
    docs.extend(added)
    place_search_words(docs, words, content)
    pages: dict[str, list[dict]] = {}
    for doc in docs:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc)
    for page in sorted(site_dir.rglob("*.html")):
        url = address_of_file(page.relative_to(site_dir).as_posix()).lstrip("/")
        if url in pages:
            pairs = run_together(page.read_text(encoding="utf-8"))
            for doc in pages[url]:
                doc["text"], doc["title"] = cells_apart(doc["text"], pairs), cells_apart(doc["title"], pairs)
    if json_file.exists():
        json_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    if js_file.exists():
        js_file.write_text(JS_PREFIX + json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(added)
