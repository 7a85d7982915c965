"""Reading in the moment (issue 15), in Debian's Chromium: recommendation pages start with their
steps (checked in tests/test_browser.py), table cells keep their words whole at every width and
in print, printed pages hold no controls and say where their links go, and the "Nu handelen"
cards filter by role."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import ROOT
from kennisbank import sitemap

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def page(tab):
    """A new tab in this module's browser context (conftest.tab): a warm cache, no search worker
    (these tests never search), the site's storage empty."""
    return tab


def _content():
    from kennisbank.model import load

    return load(ROOT / "data")


# --- pages that start with the steps ---------------------------------------------------------

# The first step of every recommendation in view on a laptop and a phone: tests/test_browser.py,
# test_the_first_step_is_visible_without_scrolling_on_every_recommendation (in the same page load
# as the recommendation's presentation).

# After the window changed size: a frame and the end of its rendering, so the page's own resize
# handlers (resize events, ResizeObserver) have run before anything is measured.
SETTLED = "await new Promise(done => requestAnimationFrame(() => setTimeout(done)));"


def test_the_intro_stays_whole_in_a_details_element(page, served_site):
    page.goto(f"{served_site}/crisis/c1/")
    intro = page.locator("details.inleiding")
    assert not intro.evaluate("d => d.open")
    assert "Wanneer de vlam in de pan slaat" in intro.text_content()
    intro.locator("summary").click()
    assert intro.locator("p").first.is_visible()


def test_editorial_notes_on_steps_are_collapsed(page, served_site):
    page.goto(f"{served_site}/crisis/c1/")
    notes = page.locator("#c1-4 details.redactienoot")
    assert notes.count() == 2
    assert all(not n.evaluate("d => d.open") for n in notes.all())
    assert not page.get_by_text("vermoedelijk is ‘dat’ bedoeld").is_visible()


# --- tables that keep their words whole ------------------------------------------------------

# Every word of every table cell: a Range over it has one client rect when it stands on one line.
# Words are split at spaces and after hyphens and slashes (where a line may break); the text of
# a <code> (a short link) counts as one word.
SPLIT_WORDS = r"""
() => {
  const broken = [];
  for (const table of document.querySelectorAll('article table')) {
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el.getClientRects().length) continue;  // not rendered (visually hidden, display: none)
      if (el.closest('.visueel-verborgen')) continue;
      const text = node.textContent;
      const whole = el.closest('code') !== null;
      const re = whole ? /\S(.*\S)?/gs : /[^\s\-\u2010\u2011\u2013\/]+[\-\u2010\u2011\u2013\/]?/g;
      for (const m of text.matchAll(re)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}
"""


def table_pages(site):
    found = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("r/"):
            continue
        html = path.read_text(encoding="utf-8")
        article = re.search(r"<article.*?</article>", html, re.S)
        if article and "<table" in article.group(0):
            found.append(rel.removesuffix("index.html"))
    return found


# The sizes the words are checked at: a laptop, a phone, and print (A4 less margins at 96 dpi).
WORD_SIZES = (("desktop", "screen", DESKTOP), ("phone", "screen", PHONE), ("print", "print", {"width": 718, "height": 1000}))


def test_no_word_of_a_table_cell_is_split_over_two_lines(page, served_site, site):
    """Every page with a table, loaded once and laid out at each of WORD_SIZES in turn (the window
    resized, print media emulated): the layout follows the stylesheets' media queries, the same
    as a page loaded at that size. Every other page runs the sizes backwards, so it starts at the
    size the page before ended with."""
    pages = table_pages(site)
    assert len(pages) >= 10 and "trainingen/publieksagressie/per-functiegroep/" in pages
    page.set_viewport_size(DESKTOP)
    problems, laid_out = [], WORD_SIZES[0]
    for n, url in enumerate(pages):
        page.goto(f"{served_site}/{url}")
        for size, media, viewport in WORD_SIZES[:: 1 if n % 2 == 0 else -1]:
            settled = ""
            if laid_out != (size, media, viewport):
                page.emulate_media(media=media)
                page.set_viewport_size(viewport)
                laid_out, settled = (size, media, viewport), SETTLED
            broken = page.evaluate(f"async () => {{ {settled} return ({SPLIT_WORDS})(); }}")
            if broken:
                problems.append(f"{size} {url}: {broken[:8]}")
    assert not problems, "\n".join(problems)


def test_the_word_check_sees_a_split_word(page, served_site):
    """The check above fails where a cell is too narrow for its word."""
    page.goto(f"{served_site}/trainingen/publieksagressie/per-functiegroep/")
    page.add_style_tag(content="article table th, article table td { width: 1em !important; word-break: break-all !important; writing-mode: horizontal-tb !important; }")
    assert page.evaluate(SPLIT_WORDS)


# --- print -----------------------------------------------------------------------------------

CONTROLS = ("Presenteren", "Kopieer link", "Vinkjes wissen", "Werkkaart (PDF)", "Hele cyclus (PDF)", "Stappen voor", "Alle rollen")


def pdf_text(page, tmp_path, name) -> str:
    page.emulate_media(media="print")
    pdf = tmp_path / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4")
    result = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return result.stdout, int(re.search(r"Pages:\s+(\d+)", pages).group(1))


def test_a_printed_recommendation_has_no_controls_and_shows_its_addresses(page, served_site, tmp_path):
    page.goto(f"{served_site}/crisis/c1/")
    page.locator('label[for="vink-c1-2"]').click()
    text, _ = pdf_text(page, tmp_path, "c1")
    flat = re.sub(r"\s+", " ", text)
    for label in CONTROLS:
        assert label not in flat, label
    assert re.search(r"(?<![\w.])#(?!\w)", flat) is None  # no "#" permalinks
    assert "Wanneer de vlam in de pan slaat" in flat  # the folded intro prints
    assert "vermoedelijk is ‘dat’ bedoeld" in flat  # and so do the folded notes
    assert re.search(r"Crisis \(http://127\.0\.0\.1:\d+/crisis/\)", flat)  # a link's address
    assert re.search(r"Interventies in de cyclus van online aangejaagd geweld", flat)  # the source document
    # the ticked step prints ticked, in full black
    color = page.evaluate("getComputedStyle(document.querySelector('#c1-2 .stap__tekst p')).color")
    assert color == "rgb(0, 0, 0)", color


def test_a_printed_step_is_not_split_over_two_pages(page, served_site):
    page.goto(f"{served_site}/crisis/c1/")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('li.stap')).breakInside") == "avoid"


# --- "Nu handelen" ---------------------------------------------------------------------------


def test_the_first_action_is_one_click_from_the_home_page_and_in_view(page, served_site):
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        page.goto(f"{served_site}/")
        page.locator("article").get_by_role("link", name="Online oproep tot een vechtpartij of confrontatie").click()
        page.wait_for_url("**/nu-handelen/oproep-tot-geweld/")
        box = page.locator("#vink-c1-1").bounding_box()
        assert box and box["y"] + box["height"] <= viewport["height"], (size, box)


def test_the_role_switch_shows_each_role_its_steps(page, served_site):
    page.goto(f"{served_site}/nu-handelen/oproep-tot-geweld/")
    visible = lambda: [li.get_attribute("id") for li in page.locator("li.stap").all() if li.is_visible()]
    everything = visible()
    assert everything == ["c1-1", "c1-2", "c2-1", "c2-3", "c2-4", "c5-1", "c5-6", "c5-8", "c2-6"]
    page.get_by_label("Politie en handhaving").check()
    assert visible() == ["c1-1", "c1-2", "c2-1", "c2-3", "c2-4", "c5-1", "c5-8", "c2-6"]
    page.get_by_label("Jongerenwerk").check()
    assert visible() == ["c1-1", "c1-2", "c2-1", "c2-3", "c2-4", "c5-6", "c5-8", "c2-6"]
    page.get_by_label("Gemeente").check()
    assert visible() == ["c1-1", "c1-2", "c2-1", "c2-3", "c2-4", "c5-8", "c2-6"]
    page.get_by_label("Alle rollen").check()
    assert visible() == everything


def test_every_card_prints_on_one_a4_without_controls(page, served_site, tmp_path):
    for card in _content().now_cards:
        page.goto(f"{served_site}/{sitemap.url_of(sitemap.now_page(card))}")
        text, pages = pdf_text(page, tmp_path, card)
        assert pages == 1, (card, pages)
        for label in CONTROLS:
            assert label not in text, (card, label)
        assert "/r/c" in text or "/r/n" in text  # each step's short link
