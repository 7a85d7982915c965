"""The editors' guide "Welke fase?" (issue 24): every statement a quote of the source, standing
where the guide says it stands; every phase described once and leading to its recommendations,
the crisis phase to the "Nu handelen" cards; bad guide data stops the build with one line per
problem. (That each quote is the source's word for word: tests/test_fidelity.py, which reads the
guide's file as one of the cycle document's files.)"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, SOURCES, edit_yaml, page_text, problems_of, read
from kennisbank import sitemap
from kennisbank.citations import plain
from kennisbank.model_welke_fase import CYCLE_TEXT, quotes_of


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", plain(text)).strip()


def test_the_guides_file_is_checked_against_the_source_with_the_cycle(content):
    assert sitemap.PHASE_GUIDE_FILE in sitemap.document_files(content, content.cycle_document)


def test_a_quote_the_source_does_not_hold_is_caught(data, tmp_path):
    """The fidelity check names a made-up or altered quote, with its field."""
    import shutil

    from fidelity import invented
    from kennisbank.model import load

    sources = tmp_path / "bronnen"
    shutil.copytree(SOURCES, sources)
    content = load(data)
    doc = content.document(content.cycle_document)
    assert invented(data, sources, content, doc) == []

    def alter(guide):
        guide["phases"][0]["quotes"][0]["text"] = "Vredestijd is wanneer het rustig is in de wijk."

    edit_yaml(data / sitemap.PHASE_GUIDE_FILE, alter)
    assert invented(data, sources, content, doc) == [
        f"data/{sitemap.PHASE_GUIDE_FILE}: phases.0.quotes.0.text: vredestijd is wanneer het rustig is in de wijk."
    ]


SITE_ONLY = re.compile(r"<(\w+)\b[^>]*\sdata-site-only[^>]*>.*?</\1>", re.S)


def test_every_quote_stands_on_the_page_it_links_to(site, content):
    """As a reader reads it there: with a folded intro opened (its "Lees verder" is the site's)."""
    problems = []
    for path, quote in quotes_of(content.phase_guide):
        doc_path = sitemap.CYCLE if quote.see == CYCLE_TEXT else content.handvat(quote.see).page
        if _normal(quote.text) not in page_text(SITE_ONLY.sub("", read(site, sitemap.built_file(doc_path)))):
            problems.append(f"{path}: not on {doc_path}: {quote.text[:60]}")
    assert not problems, "\n".join(problems)


def _article(site) -> str:
    html = read(site, sitemap.built_file(sitemap.PHASE_GUIDE))
    return re.search(r"<article[^>]*>(.*?)</article>", html, re.S).group(1)


def test_the_guide_says_nothing_but_quotes_besides_its_marked_headings_and_links(site, content):
    """Every quote is on the page, in a quotation block that names its place; outside them the
    page holds only the marked editors' line, headings, the Kern labels, and lists of links."""
    article = _article(site)
    quotes = re.findall(r'<blockquote class="citaat">(.*?)</blockquote>', article, re.S)
    texts = [page_text(q) for q in quotes]
    guide = content.phase_guide
    assert len(quotes) == len(quotes_of(guide)) + 1  # and the source's Kern
    for (_, quote), shown in zip(quotes_of(guide), texts):
        assert _normal(quote.text) in shown and "Uit:" in shown, shown
    assert content.kern.text in texts[-1]
    assert 'class="redactie-merk"' in article.split("<blockquote", 1)[0]  # the editors say it is theirs, first
    body = re.sub(r'<blockquote class="citaat">.*?</blockquote>', "", article, flags=re.S)
    body = body.split('<aside class="bronvermelding', 1)[0]
    for paragraph in re.findall(r"<p\b[^>]*>(.*?)</p>", body, re.S):
        text = page_text(paragraph)
        linked = page_text("".join(re.findall(r"<a\b.*?</a>", paragraph, re.S)))
        allowed = (
            "redactie-merk" in paragraph  # the editors' line and the Kern labels, marked
            or text.startswith("Naar de beschrijving van:")
            or re.fullmatch(r"(Handvatten bij \w+|Zie ook|Nu handelen: kaarten van de redactie met de eerste stappen voor een situatie\.)", text)
            or len(linked) >= len(text) - 3  # a card: its title is a link
            or paragraph.count("<") == 0 and any(text in c.when for c in content.now_cards.values())  # a card's own line
        )
        assert allowed, text


def test_every_phase_leads_to_its_recommendations_and_the_crisis_phase_to_the_cards(site, content):
    article = _article(site)
    sections = dict(re.findall(r'<h2 id="([^"]+)">.*?</h2>(.*?)(?=<h2 |$)', article, re.S))
    with_cards = {p.id for p in content.phase_guide.phases if p.cards}
    assert with_cards  # the crisis phase leads to the cards
    for phase in content.phases:
        section = sections[phase.id]
        for handvat in content.in_phase(phase.id):
            assert f'href="../../{sitemap.url_of(handvat.page)}"' in section, (phase.id, handvat.id)
        for card in content.now_cards:
            assert (f'href="../../{sitemap.url_of(sitemap.now_page(card))}"' in section) == (phase.id in with_cards), (phase.id, card)
    assert "door-elkaar" in sections


# --- bad guide data stops the build -------------------------------------------------------------


@pytest.mark.parametrize("change, message", [
    (lambda g: g["phases"][0].update(id="zomer"), "phases.0.id: unknown phase 'zomer'; known: vredestijd, crisis, nazorg"),
    (lambda g: g["phases"].pop(), "phases: no entry for phase(s) nazorg; the guide describes every phase"),
    (lambda g: g["phases"].append(dict(g["phases"][0])), "phases.3.id: phase 'vredestijd' is listed twice"),
    (lambda g: g["phases"].reverse(), "phases: in the order of the cycle, please: vredestijd, crisis, nazorg"),
    (lambda g: g["start"][0].update(see="C9"), "start.0.see: unknown place 'C9'; known: cyclus, C1,"),
    (lambda g: g["overlap"]["see"].append("N9"), "overlap.see.2: unknown recommendation 'N9'"),
    (lambda g: g["phases"][1].update(quotes=[]), "phases.1.quotes: List should have at least 1 item"),
    (lambda g: g["start"][0].update(text="Zie <b>dit</b>."), "start.0.text"),
])
def test_bad_guide_data_is_refused_with_one_line_each(data, change, message):
    edit_yaml(data / sitemap.PHASE_GUIDE_FILE, change)
    assert f"data/{sitemap.PHASE_GUIDE_FILE}: {message}" in problems_of(data)


def test_without_its_file_the_site_has_no_guide_but_everything_else_loads(data):
    from kennisbank.model import load

    (data / sitemap.PHASE_GUIDE_FILE).unlink()
    assert load(data).phase_guide is None


def test_the_guide_is_in_the_nav_under_the_cycle():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    cycle = config.split("  - De cyclus:", 1)[1].split("\n  - ", 1)[0]
    assert sitemap.PHASE_GUIDE in cycle
