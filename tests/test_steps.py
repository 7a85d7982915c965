"""Every step whole in every view (issue 19, point 1): the built site checked against the content.

For every step of the cycle, every word of its text (paragraphs, sub-items, table, closing text,
citations) and of its editorial notes must stand in each view that shows it: its recommendation's
page, each Nu handelen card that holds it, the zelfscan (steps that are scored), its handout PDF,
its search entry, and the presentation mode (a recommendation's presentation: in
tests/test_browser.py, with its fit; a selection's: here). Steps and notes are read from the
content, so the test follows the data: no texts or counts of today are written here.
"""

from __future__ import annotations

import json
import re
import subprocess
from functools import cache

import pytest
import tinyhtml5
from pypdf import PdfReader

from kennisbank import sitemap
from kennisbank.citations import plain
from kennisbank.model import StepView


@pytest.fixture
def page(tab):
    """A new tab in this module's browser context (conftest.tab): a warm cache, no search worker
    (these tests never search), the site's storage empty."""
    return tab


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _item_texts(items) -> list[str]:
    out = []
    for item in items:
        out += [item.label, item.text, *_item_texts(item.items)]
    return out


def step_words(step: StepView) -> set[str]:
    """Every word of a step as the content holds it: text, sub-items, table, after, notes."""
    data = step.data
    parts = [data.text, *_item_texts(data.items), data.after or "", *step.notes]
    if data.table:
        parts += [data.table.caption, *data.table.columns, *(cell for row in data.table.rows for cell in row)]
    return words(" ".join(plain(p) for p in parts))


def all_steps(content) -> list[StepView]:
    return [s for h in content.handvatten.values() for s in h.steps]


def missing(step: StepView, view_text: str) -> set[str]:
    return step_words(step) - words(view_text)


def _text(element) -> str:
    return " ".join(" ".join(element.itertext()).split())


@cache
def _tree(path):
    return tinyhtml5.parse(path.read_text(encoding="utf-8"), namespace_html_elements=False)


def built(site, doc_path: str):
    return _tree(site / sitemap.built_file(doc_path))


def find(root, tag: str, **attrs):
    return next((e for e in root.iter(tag) if all(e.get(k.replace("_", "-")) == v for k, v in attrs.items())), None)


def test_the_check_can_fail(content):
    """The words of a step are its own: a view without its last sub-item or note misses them."""
    step = next(s for s in all_steps(content) if s.notes)
    assert missing(step, plain(step.data.text))  # the note's words are not in the text alone


def test_every_step_is_whole_on_its_page_with_its_group_and_notes(site, content):
    problems = []
    for handvat in content.handvatten.values():
        root = built(site, handvat.page)
        article = next(root.iter("article"))
        headings = {_text(h) for h in article.iter("h3")}
        for step in handvat.steps:
            li = find(article, "li", id=step.anchor)
            if li is None or li.get("data-stap") != step.id:
                problems.append(f"{step.id}: no li#{step.anchor} with data-stap")
                continue
            if gone := missing(step, _text(li)):
                problems.append(f"{step.id}: {sorted(gone)}")
            if step.group and (li.get("data-groep") != step.group.title or not any(step.group.title in h for h in headings)):
                problems.append(f"{step.id}: group heading {step.group.title!r} missing")
            notes = [d for d in li.iter("details") if "redactienoot" in d.get("class", "")]
            if len(notes) != len(step.notes):
                problems.append(f"{step.id}: {len(notes)} notes shown, {len(step.notes)} in the content")
    assert not problems, "\n".join(problems)


def test_every_card_shows_its_steps_whole_with_group_and_notes(site, content):
    problems = []
    for card in content.now_cards.values():
        article = next(built(site, sitemap.now_page(card.id)).iter("article"))
        for step_id in card.steps:
            step = content.step(step_id)
            li = find(article, "li", id=step.anchor)
            if li is None:
                problems.append(f"{card.id}: {step_id} missing")
                continue
            if gone := missing(step, _text(li)):
                problems.append(f"{card.id}: {step_id}: {sorted(gone)}")
            if step.group and step.group.title not in _text(li):
                problems.append(f"{card.id}: {step_id}: group {step.group.title!r} missing")
            if sum("redactienoot" in d.get("class", "") for d in li.iter("details")) != len(step.notes):
                problems.append(f"{card.id}: {step_id}: notes missing")
    assert not problems, "\n".join(problems)


def test_the_zelfscan_shows_every_scored_step_whole_with_group_and_notes(site, content):
    problems = []
    for phase in content.phases:
        form = find(built(site, sitemap.zelfscan_page(phase.id)), "form", **{"class": "zelfscan"})
        for handvat in content.in_phase(phase.id):
            section = find(form, "section", data_handvat=handvat.id)
            for step in (s for s in handvat.steps if s.kind == "steps"):
                field = find(form, "fieldset", data_stap=step.id)
                if field is None:
                    problems.append(f"{step.id}: no question")
                    continue
                if gone := missing(step, _text(field)):
                    problems.append(f"{step.id}: {sorted(gone)}")
                # named short (id and first words), described by the whole step
                legend = _text(next(field.iter("legend")))
                body = find(field, "div", id=field.get("aria-describedby"))
                if not legend.startswith(step.id) or len(legend.split()) > 12 or body is None:
                    problems.append(f"{step.id}: legend {legend!r}, description {field.get('aria-describedby')!r}")
                if step.group and not any(step.group.title in _text(h) for h in section.iter("h3")):
                    problems.append(f"{step.id}: group heading {step.group.title!r} missing")
    assert not problems, "\n".join(problems)


def handout_text(pdf) -> str:
    """A handout's text without its running headers and footers (they would split sentences that
    cross a page), as test_pdf.body_text reads it, by poppler's pdftotext (pypdf takes seconds for
    all handouts): the A4 page cropped to 22 mm under its top and 20 mm above its bottom, in
    points; a line broken after a hyphen or slash joined again."""
    top, bottom = round(22 / 25.4 * 72), round(20 / 25.4 * 72)
    crop = ["-r", "72", "-x", "0", "-y", str(top), "-W", "596", "-H", str(842 - top - bottom)]
    text = subprocess.run(["pdftotext", *crop, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"(\w[-/])\n", r"\1", text)


def test_every_handout_holds_its_steps_whole_with_group_and_notes(site, content):
    problems = []
    for handvat in content.handvatten.values():
        text = handout_text(site / sitemap.pdf_path(sitemap.handout(handvat.id)))
        # read both ways: a word broken after a hyphen at a line end; the step number that the
        # text extraction glues to the first word ("V12.7Breng")
        text = " ".join((text, text.replace("-", ""), re.sub(r"(\d)(?=[^\W\d_])", r"\1 ", text)))
        for step in handvat.steps:
            if gone := missing(step, text):
                problems.append(f"{step.id}: {sorted(gone)}")
            if step.group and not words(step.group.title) <= words(text):
                problems.append(f"{step.id}: group heading {step.group.title!r} missing")
    assert not problems, "\n".join(problems)


def test_every_step_has_a_whole_search_entry(site, content):
    docs = {d["location"]: d for d in json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]}
    problems = []
    for step in all_steps(content):
        handvat = content.handvat(step.id.split(".")[0])
        entry = docs.get(f"{sitemap.url_of(handvat.page)}#{step.anchor}")
        if entry is None:
            problems.append(f"{step.id}: no search entry")
        elif gone := missing(step, re.sub(r"<[^>]+>", " ", entry["text"])):
            problems.append(f"{step.id}: {sorted(gone)}")
    assert not problems, "\n".join(problems)


# --- presentation mode, in Chromium ------------------------------------------------------------


def slides(page) -> list[dict]:
    """Every slide of the open presentation: its heading, group line and text (text nodes joined
    with spaces: table cells stand back to back in the markup)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.presentatie__dia')].map(s => {
            const walker = document.createTreeWalker(s, NodeFilter.SHOW_TEXT), parts = [];
            while (walker.nextNode()) parts.push(walker.currentNode.data);
            return {
                kop: (s.querySelector('.presentatie__kop') || {}).textContent || '',
                groep: (s.querySelector('.presentatie__groep') || {}).textContent || '',
                tekst: parts.join(' ')};
        })"""
    )


# Each recommendation's presentation (a screen per step in order between the title and the
# sources; every step whole, with its notes and its group line; a step too long for one screen
# going on on next screens marked "vervolg") is checked in tests/test_browser.py, in the same page
# load as its check that every screen fits the window, at all three projector sizes:
# test_every_screen_of_every_presentation_fits_the_screen_and_shows_every_step_whole.


def _nested(items):
    """(parent, child) sub-item pairs, at any depth."""
    for item in items:
        for child in item.items:
            yield item, child
        yield from _nested(item.items)


def test_handouts_keep_nested_sub_items_nested(site, content):
    """C5.2's 1-2-3 under its item 4 stands further in on paper, as on the page."""
    pairs = [(h, p, c) for h in content.handvatten.values() for s in h.steps for p, c in _nested(s.data.items)]
    assert pairs  # the content nests somewhere; if it stops doing so, this test has nothing to check
    for handvat, parent, child in pairs:
        starts: list[tuple[str, float]] = []
        for pdf_page in PdfReader(site / sitemap.pdf_path(sitemap.handout(handvat.id))).pages:
            pdf_page.extract_text(visitor_text=lambda text, cm, tm, font, size: starts.append((text.strip(), tm[4] * cm[0] + cm[4])))

        def x_of(item) -> float:
            first = " ".join(plain(item.text).split()[:3])
            return next(x for text, x in starts if text.startswith(first))

        assert x_of(child) > x_of(parent) + 5, (handvat.id, parent.label, child.label)


def test_the_boot_helper_loads_before_the_scripts_that_start_through_it():
    """Every script of ours starts through boot.js (kennisbank.onPage); none leans on another."""
    from conftest import ROOT

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    ours = re.findall(r"^\s+- (assets/javascripts/[\w.-]+\.js)", config.split("extra_javascript:")[1], re.M)
    assert ours[0] == "assets/javascripts/boot.js", ours
    for script in ours[1:]:
        text = (ROOT / "docs" / script).read_text(encoding="utf-8")
        assert "window.kennisbank.onPage(init)" in text and "document$" not in text, script
        assert "kopieer.js" not in text or script.endswith("kopieer.js"), script


def test_every_step_link_is_named_by_its_step_not_by_its_hash(site, content):
    """A list of links read out by a screen reader says "Link naar stap V2.4", never "#"."""
    import re

    for handvat in content.handvatten.values():
        html = (site / handvat.page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<a class="stap__link"[^>]*>', html)
        assert len(links) == len(handvat.steps), handvat.id
        for link, step in zip(links, handvat.steps):
            noun = "stap" if step.kind == "steps" else "punt"
            assert f'aria-label="Link naar {noun} {step.id}"' in link, link


# --- a lesson of one's own (issue 24): the overview, the selection page and its presentation ----


def test_the_overview_holds_every_step_whole_and_links_it_to_its_place(site, content):
    """Every step and point once in the overview, whole (folded under its first words), with its
    notes, and its number a link to its place."""
    root = next(built(site, sitemap.STEPS_OVERVIEW).iter("article"))
    rows = [li for li in root.iter("li") if li.get("data-stap")]
    assert [li.get("data-stap") for li in rows] == [s.id for s in all_steps(content)]
    problems = []
    for step, li in zip(all_steps(content), rows):
        handvat = content.handvat(step.id.split(".")[0])
        if gone := missing(step, _text(li)):
            problems.append(f"{step.id}: {sorted(gone)}")
        number = next(a for a in li.iter("a") if "overzicht__nr" in a.get("class", ""))
        if not number.get("href", "").endswith(f"{sitemap.url_of(handvat.page)}#{step.anchor}"):
            problems.append(f"{step.id}: links to {number.get('href')}")
        if sum("redactienoot" in d.get("class", "") for d in li.iter("details")) != len(step.notes):
            problems.append(f"{step.id}: notes missing")
    assert not problems, "\n".join(problems)


def test_the_selection_page_holds_every_step_once_whole_with_group_and_notes(site, content):
    """The page a selection is shown from holds each step once, as the step renderer writes it
    (selectie.js only chooses and orders them)."""
    root = next(built(site, sitemap.SELECTION).iter("article"))
    items = [li for li in root.iter("li") if li.get("data-stap") and "stap" in li.get("class", "").split()]
    assert [li.get("data-stap") for li in items] == [s.id for s in all_steps(content)]
    problems = []
    for step, li in zip(all_steps(content), items):
        if li.get("id") != step.anchor or li.get("data-groep") != (step.group.title if step.group else None):
            problems.append(f"{step.id}: id {li.get('id')!r}, group {li.get('data-groep')!r}")
        if gone := missing(step, _text(li)):
            problems.append(f"{step.id}: {sorted(gone)}")
        if step.group and step.group.title not in _text(li):
            problems.append(f"{step.id}: group {step.group.title!r} missing")
        if sum("redactienoot" in d.get("class", "") for d in li.iter("details")) != len(step.notes):
            problems.append(f"{step.id}: notes missing")
    assert not problems, "\n".join(problems)


def test_a_selection_of_every_step_shows_and_presents_each_whole(page, served_site, content):
    """Every step chosen: each shown whole in the order of the address, and presented whole (a
    step too long for one screen goes on on the next), between the title and the sources."""
    steps = list(reversed(all_steps(content)))  # an order of the reader's own
    page.goto(f"{served_site}/{sitemap.url_of(sitemap.SELECTION)}#{','.join(s.anchor for s in steps)}")
    page.locator(".selectie__bediening:not([hidden])").wait_for()
    shown = page.evaluate("""() => [...document.querySelectorAll('.selectie__lijst > li.stap')].map(li => {
        const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT), parts = [];
        while (walker.nextNode()) parts.push(walker.currentNode.data);
        return [li.dataset.stap, parts.join(' ')]; })""")
    assert [i for i, _ in shown] == [s.id for s in steps]
    problems = [f"{s.id} shown: {sorted(gone)}" for s, (_, text) in zip(steps, shown) if (gone := missing(s, text))]
    page.locator("button.presenteer").click()
    screens: dict[str, list[dict]] = {}  # step id -> its screens
    for slide in slides(page)[1:]:  # after the title; the sources of so many steps may take more than one screen
        if not slide["kop"].startswith("Bronnen"):
            screens.setdefault(slide["kop"].split(" · ")[0], []).append(slide)
    assert list(screens) == [s.id for s in steps]
    for step in steps:
        if gone := missing(step, " ".join(s["tekst"] for s in screens[step.id])):
            problems.append(f"{step.id} presented: {sorted(gone)}")
        if any(s["groep"] != (step.group.title if step.group else "") for s in screens[step.id]):
            problems.append(f"{step.id}: group")
    assert not problems, "\n".join(problems)
