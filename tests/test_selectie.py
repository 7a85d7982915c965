"""A lesson of one's own (issue 24), as a trainer and a policy advisor use it, in Chromium: the
overview of all steps, the selection in the address, its print, presentation and exports, bad
addresses and files, and the offline copy from disk. Steps, phases, audiences and cards are read
from the content, so a new step needs no edit here. (Every step whole in these views:
tests/test_steps.py; the guide "Welke fase?": tests/test_welke_fase.py.)"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess

import pytest
from pypdf import PdfReader

from conftest import ROOT, TEST_SITE_URL, without_search
from kennisbank import sitemap
from kennisbank.citations import plain
from kennisbank.opendata import CSV_COLUMNS
from macros.render_text import slug

SELECTION = sitemap.url_of(sitemap.SELECTION)
OVERVIEW = sitemap.url_of(sitemap.STEPS_OVERVIEW)


@pytest.fixture
def page(tab):
    """A new tab in this module's browser context (conftest.tab): a warm cache, no search worker
    (these tests never search), the site's storage empty."""
    return tab


def all_steps(content):
    return [s for h in content.handvatten.values() for s in h.steps]


def shown(page) -> list[str]:
    """The steps the selection page shows, in order (once its script has drawn them)."""
    page.locator(".selectie__bediening:not([hidden])").wait_for()
    return page.eval_on_selector_all(".selectie__lijst > li.stap", "items => items.map(li => li.dataset.stap)")


def row(page, step):
    return page.locator(f'ol.overzicht > li[data-stap="{step.id}"]')


def lesson(content):
    """Four steps of three phases, as a trainer would take them: one from the overview by its
    recommendation, one from its own page, one from a card, one found by words of its text."""
    phases = content.phases
    card = next(iter(content.now_cards.values()))
    from_card = content.step(card.steps[0])
    by_filter = next(s for h in content.in_phase(phases[1].id) for s in h.steps if s.id != from_card.id)
    from_page = content.in_phase(phases[0].id)[-1].steps[0]
    by_words = content.in_phase(phases[-1].id)[-1].steps[0]
    return card, [by_filter, from_page, from_card, by_words]


def test_a_trainer_builds_a_lesson_sends_its_link_and_presents_it_with_a_clicker(page, browser, served_site, content):
    card, (by_filter, from_page, from_card, by_words) = lesson(content)
    page.set_viewport_size({"width": 1280, "height": 800})  # the trainer's browser
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    # the overview: a phase and a recommendation chosen, the step put in the selection
    page.goto(f"{served_site}/{OVERVIEW}")
    handvat = content.handvat(by_filter.id.split(".")[0])
    page.locator("select[name=fase]").select_option(handvat.phase.id)
    page.locator("select[name=handvat]").select_option(handvat.id)
    assert page.locator("ol.overzicht > li:visible").count() == len(handvat.steps)
    status = page.locator(".selectie-status[role=status]")
    assert status.count() == 1 and status.text_content() == ""  # there before its first message, so it is read out
    row(page, by_filter).locator("button.kies").click()
    assert row(page, by_filter).locator("button.kies").get_attribute("aria-pressed") == "true"
    assert page.locator("a.selectie-link").inner_text() == "Eigen selectie (1 stap)"
    assert "fase=" in page.url and "handvat=" in page.url  # the filtered list can be sent too

    # from the step's own page, and from a card
    page.goto(f"{served_site}/{sitemap.url_of(content.handvat(from_page.id.split('.')[0]).page)}")
    page.locator(f"#{from_page.anchor} button.kies").click()
    page.goto(f"{served_site}/{sitemap.url_of(sitemap.now_page(card.id))}")
    page.locator(f"#{from_card.anchor} button.kies").click()
    assert page.locator(f"#{from_card.anchor} button.kies").get_attribute("aria-pressed") == "true"

    # found by words of its text (the whole step, not only the first words shown)
    page.goto(f"{served_site}/{OVERVIEW}")
    words = " ".join(plain(by_words.data.text).split()[2:5])
    page.locator("input[name=tekst]").fill(words)
    assert row(page, by_words).is_visible()
    assert page.locator("ol.overzicht > li:visible").count() < len(all_steps(content))
    row(page, by_words).locator("button.kies").click()

    # to the selection: the four, whole, in the order chosen
    page.locator("a.selectie-link").click()
    chosen = [by_filter, from_page, from_card, by_words]
    assert shown(page) == [s.id for s in chosen]
    assert page.url.endswith("#" + ",".join(s.anchor for s in chosen))
    # her own order: the last one first, with the keyboard
    up = page.locator(f"#{by_words.anchor} .selectie__omhoog")
    up.focus()
    for _ in range(3):
        page.keyboard.press("Enter")
    assert shown(page) == [s.id for s in (by_words, by_filter, from_page, from_card)]
    assert page.evaluate("document.activeElement.classList.contains('selectie__omlaag')")  # at the top, focus stays on the step
    assert f"{by_words.id} staat nu op plaats 1 van 4" in page.locator(".selectie-status").inner_text()
    page.locator(".selectie__titel-invoer").fill("De eerste uren")
    link = page.locator(".selectie__kopieer").get_attribute("data-kopieer")
    assert link == f"{TEST_SITE_URL}{SELECTION}?titel=De+eerste+uren#" + ",".join(s.anchor for s in (by_words, by_filter, from_page, from_card))

    # the group opens the link on another computer (a browser of its own): the same steps, whole, in that order
    group = without_search(browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 720}))
    other = group.new_page()
    other.goto(link.replace(TEST_SITE_URL, served_site + "/"))
    order = [by_words, by_filter, from_page, from_card]
    assert shown(other) == [s.id for s in order]
    assert other.locator(".selectie__titel").inner_text() == "De eerste uren"
    # presented with a clicker: the same mode and keys as a recommendation's
    other.locator("button.presenteer").click()
    slide = other.locator(".presentatie__dia:visible")
    assert slide.locator("h2").inner_text() == "De eerste uren"
    other.keyboard.press("PageDown")
    noun = "stap" if order[0].kind == "steps" else "punt"
    assert slide.locator("h2").inner_text() == f"{order[0].id} · {noun} 1 van 4"
    other.keyboard.press("PageDown")
    assert slide.locator("h2").inner_text().startswith(f"{order[1].id} · ")
    other.keyboard.press("PageUp")
    other.keyboard.press("End")
    assert slide.locator("h2").inner_text() == "Bronnen"
    other.keyboard.press("Escape")
    assert other.locator(".presentatie").count() == 0
    group.close()
    assert not errors, errors


# Every call of the browser's history.replaceState is counted (window.addressWrites), whoever makes
# it: on the selection page Material's calls go through selectie.js's guard, which hands on the
# selection's own address.
COUNT_ADDRESS_WRITES = """(() => {
    const replace = History.prototype.replaceState;
    window.addressWrites = 0;
    History.prototype.replaceState = function () { window.addressWrites++; return replace.apply(this, arguments); };
})()"""


# Once the reader stops scrolling, Material writes the heading in view into the address. It
# passes over the first position it settles on after the page starts (the scrolled-to one, when
# the scroll came quickly), so until it has written the reader scrolls on a little, to and fro;
# each poll comes after Material's quarter of a second.
SCROLL_UNTIL_WRITTEN = """writes => {
    if (window.addressWrites > writes) return true;
    window.scrollBy(0, window.nudge = window.nudge === 40 ? -40 : 40);
    return false;
}"""


def test_scrolling_keeps_the_selection_in_the_address(page, served_site, content):
    """Material writes the heading in view into the address as the reader scrolls (a quarter of a
    second after the scrolling stops); on the selection page the address is the selection and
    stays. The test waits until Material has written after each scroll."""
    steps = all_steps(content)[:6]
    address = f"{served_site}/{SELECTION}#{','.join(s.anchor for s in steps)}"
    page.set_viewport_size({"width": 1280, "height": 600})
    page.add_init_script(COUNT_ADDRESS_WRITES)
    page.goto(address)
    shown(page)
    for distance in (3000, -5000):  # down to a heading, back to the top (where Material clears the hash)
        writes = page.evaluate("window.addressWrites")
        page.mouse.wheel(0, distance)
        page.wait_for_function(SCROLL_UNTIL_WRITTEN, arg=writes, polling=400)
        assert page.url == address
    page.reload()
    assert shown(page) == [s.id for s in steps]


def test_a_bad_address_names_what_it_cannot_find_and_keeps_the_rest(page, served_site, content):
    first, second = all_steps(content)[:2]
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    junk = "<img src=x onerror=alert(1)>"
    tokens = [first.anchor, "zz99-1", first.anchor.upper(), second.id, junk, "", first.anchor]
    page.goto(f"{served_site}/{SELECTION}#" + ",".join(tokens))
    assert shown(page) == [first.id, second.id]  # an id as written (V1.2) is a step too
    notice = page.locator(".selectie__onbekend")
    text = notice.inner_text()
    assert notice.is_visible() and "zz99-1" in text and junk in text and "niet (meer)" in text
    assert f"{first.id} stond er meer dan één keer in" in text
    assert notice.locator("img").count() == 0 and not dialogs  # shown as text, never as markup
    # a broken %-sequence, nothing known: named, the page still works
    page.goto(f"{served_site}/{SELECTION}#%E0%A4%A,{second.anchor}")
    assert shown(page) == [second.id]
    assert "%E0%A4%A" in page.locator(".selectie__onbekend").inner_text()
    # a huge address of junk: read to a limit, said so, and the page stays usable
    page.goto(f"{served_site}/{SELECTION}#" + ",".join(f"x{n}" for n in range(20000)) + f",{second.anchor}")
    assert shown(page) == [] and "niet gelezen: de link is te lang" in page.locator(".selectie__onbekend").inner_text()
    # empty: said so, and the outputs wait for steps
    page.goto(f"{served_site}/{SELECTION}#zz")
    page.locator(".selectie__weg").first.wait_for(state="detached")
    assert page.locator(".selectie__leeg").is_visible() and page.locator("button.presenteer").is_disabled()
    assert not errors, errors


def pdf_text(pdf) -> str:
    """A PDF's text, by poppler's pdftotext (pypdf's extraction takes seconds on a long PDF)."""
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_a_selection_prints_as_one_handout_with_short_links_and_qr_codes(page, served_site, content, tmp_path):
    _, chosen = lesson(content)
    page.goto(f"{served_site}/{SELECTION}#" + ",".join(s.anchor for s in chosen))
    page.emulate_media(media="print")
    # on paper: no controls, a QR code beside every step and one for the whole selection
    assert not page.locator(".selectie__bediening").is_visible()
    assert not page.locator(".selectie__verplaats").first.is_visible()
    assert page.locator(".selectie__lijst .selectie__qr svg:visible").count() == len(chosen)
    assert page.locator(".selectie__adres .selectie__qr svg:visible").count() == 1
    assert page.locator(".selectie__lijst .stap__vink:visible").count() == sum(s.kind == "steps" for s in chosen)
    pdf = tmp_path / "les.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = pdf_text(pdf)
    flat = re.sub(r"\s+", "", text)
    for step in chosen:
        assert step.id in text and f"/{sitemap.short_path(step.anchor)}" in flat, step.id
    assert "Link naar deze selectie" in text and "Bronnen bij deze selectie" in text


def test_every_step_at_once_still_prints(page, served_site, content, tmp_path):
    steps = all_steps(content)
    page.goto(f"{served_site}/{SELECTION}#" + ",".join(s.anchor for s in steps))
    assert len(shown(page)) == len(steps)
    pdf = tmp_path / "alles.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = re.sub(r"\s+", "", pdf_text(pdf))
    assert len(PdfReader(pdf).pages) > 10
    assert [s.id for s in steps if s.id not in text] == []


def _download(page, button: str) -> str:
    with page.expect_download() as download:
        page.locator(button).click()
    return open(download.value.path(), encoding="utf-8-sig").read()


def test_a_policy_advisor_exports_every_step_for_her_audience_as_csv(page, served_site, site, content):
    """Filtered by an audience, all shown steps chosen at once, saved as CSV: the open data's
    columns and rows, for exactly those steps, in order."""
    page.goto(f"{served_site}/{OVERVIEW}")
    total = len(all_steps(content))
    for reader in content.readers:  # the first audience that leaves steps out
        page.locator("select[name=doelgroep]").select_option(slug(reader))
        if 0 < page.locator("ol.overzicht > li:visible").count() < total:
            break
    ids = page.eval_on_selector_all("ol.overzicht > li:not([hidden])", "items => items.map(li => li.dataset.stap)")
    page.locator("button.kies-alle").click()
    assert f"{len(ids)} stappen toegevoegd" in page.locator(".selectie-status").inner_text()
    page.locator("a.selectie-link").first.click()
    assert shown(page) == ids
    rows = list(csv.reader(io.StringIO(_download(page, ".selectie__csv"))))
    published = {r[0]: r for r in csv.reader(io.StringIO((site / sitemap.OPEN_DATA_CSV).read_text(encoding="utf-8-sig")))}
    assert rows[0] == list(CSV_COLUMNS)
    assert rows[1:] == [published[i] for i in ids]


def test_a_selection_saved_as_a_file_opens_elsewhere_and_a_wrong_file_changes_nothing(page, browser, served_site, content, tmp_path):
    _, chosen = lesson(content)
    page.goto(f"{served_site}/{SELECTION}?titel=Les#" + ",".join(s.anchor for s in chosen))
    saved = json.loads(_download(page, ".selectie__json"))
    assert saved["soort"] == "kennisbank-selectie" and saved["stappen"] == [s.id for s in chosen] and saved["titel"] == "Les"
    assert saved["versie"] and saved["adres"].startswith(TEST_SITE_URL)

    second = without_search(browser.new_context(locale="nl-NL"))  # elsewhere: a browser of its own
    page = second.new_page()
    page.goto(f"{served_site}/{SELECTION}")
    assert shown(page) == []

    def upload(data: bytes) -> str:
        page.locator(".selectie__openen input").set_input_files({"name": "s.json", "mimeType": "application/json", "buffer": data})
        page.wait_for_function("document.querySelector('.selectie__melding').textContent.length > 0")
        said = page.locator(".selectie__melding").inner_text()
        page.evaluate("document.querySelector('.selectie__melding').textContent = ''")
        return said

    assert "geopend" in upload(json.dumps({**saved, "stappen": saved["stappen"] + ["X9.9"]}).encode())
    assert shown(page) == [s.id for s in chosen]
    assert "X9.9" in page.locator(".selectie__onbekend").inner_text()  # from an older version: named
    for bad in (b"{geen json", json.dumps({"soort": "kennisbank-zelfscan", "antwoorden": {}}).encode()):
        assert "geen selectie" in upload(bad)
        assert shown(page) == [s.id for s in chosen]
    second.close()


def test_removing_and_clearing_can_be_undone(page, served_site, content):
    _, chosen = lesson(content)
    page.goto(f"{served_site}/{SELECTION}#" + ",".join(s.anchor for s in chosen))
    page.locator(f"#{chosen[1].anchor} .selectie__weg").click()
    assert shown(page) == [chosen[0].id] + [s.id for s in chosen[2:]]
    assert page.evaluate("document.activeElement.closest('li').dataset.stap") == chosen[2].id
    page.locator(".selectie__wis").click()
    assert shown(page) == [] and page.url.endswith(f"/{SELECTION}")
    page.locator(".selectie__melding a").click()  # "Terughalen"
    assert shown(page) == [chosen[0].id] + [s.id for s in chosen[2:]]


def test_the_selection_and_overview_pass_axe_filled_and_filtered(page, served_site, content):
    from test_accessibility import AXE, axe_problems, colour_rules, switch_scheme

    _, chosen = lesson(content)
    problems = []
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 1280, "height": 800})
    for address, label in (
        (f"{SELECTION}?titel=Les#" + ",".join(s.anchor for s in chosen) + ",zz9", "selectie"),
        (f"{OVERVIEW}?fase={content.phases[1].id}", "stappen"),
    ):
        page.goto(f"{served_site}/{address}")
        page.locator(".overzicht__filters:not([hidden]), .selectie__bediening:not([hidden])").first.wait_for()
        page.add_script_tag(path=str(AXE))
        problems += axe_problems(page, f"{label} (light)")
        switch_scheme(page, "dark")
        problems += axe_problems(page, f"{label} (dark)", colour_rules(page))
        switch_scheme(page, "light")
    page.goto(f"{served_site}/{SELECTION}#" + ",".join(s.anchor for s in chosen))
    page.locator("button.presenteer").click()
    page.keyboard.press("PageDown")
    page.add_script_tag(path=str(AXE))
    problems += axe_problems(page, "selectie (presentatie)")
    assert not problems, "\n".join(problems)


def test_from_disk_without_network_a_lesson_is_built_and_presented(offline_browser, offline_copy, content):
    """The offline copy from a folder: a step put in the selection on its page, the link to the
    selection, the selection shown and presented; nothing is fetched from outside."""
    _, chosen = lesson(content)
    step = chosen[1]
    page = offline_browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    handvat = content.handvat(step.id.split(".")[0])
    page.goto((offline_copy / sitemap.built_file(handvat.page, directory_urls=False)).as_uri())
    page.locator(f"#{step.anchor} button.kies").click()
    page.locator("a.selectie-link").click()
    assert page.url.endswith(f"{sitemap.built_file(sitemap.SELECTION, directory_urls=False)}#{step.anchor}")
    assert shown(page) == [step.id]
    page.locator("button.presenteer").click()
    page.keyboard.press("Home")
    page.keyboard.press("PageDown")
    assert page.locator(".presentatie__dia:visible h2").inner_text().startswith(step.id)
    page.keyboard.press("Escape")
    # the overview filters from disk too, and keeps its filters in the address
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((offline_copy / sitemap.built_file(sitemap.STEPS_OVERVIEW, directory_urls=False)).as_uri())
    phase = content.phases[-1]
    page.locator("select[name=fase]").select_option(phase.id)
    assert page.locator("ol.overzicht > li:visible").count() == sum(len(h.steps) for h in content.in_phase(phase.id))
    assert f"fase={phase.id}" in page.url and not errors, errors
    page.close()
    outside = [u for u in requests if not u.startswith(("file:", "data:", "blob:", "about:"))]
    assert not outside, outside


# --- the scripts and their facts ---------------------------------------------------------------


def test_the_selection_script_starts_after_the_print_addresses():
    """selectie.js takes the hidden steps out of the selection page; afdruk.js must have given
    their links a print address first, so it must start first (mkdocs.yml's order)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    scripts = re.findall(r"^\s+- assets/javascripts/([\w.-]+\.js)", config.split("extra_javascript:")[1], re.M)
    assert scripts.index("afdruk.js") < scripts.index("selectie.js"), scripts


def test_the_qr_code_script_is_the_npm_package_unchanged():
    """The vendored QR code generator is the pinned npm package's file, with its licence beside it."""
    vendored = ROOT / "docs" / sitemap.QR_SCRIPT
    assert vendored.read_bytes() == (ROOT / "node_modules/qrcode-generator/dist/qrcode.js").read_bytes()
    assert "MIT" in (vendored.parent / "LICENSE").read_text(encoding="utf-8")
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert "qrcode-generator" in package["devDependencies"]


def test_the_filters_offer_the_contents_vocabularies_and_every_row_uses_them(site, content):
    html = (site / sitemap.built_file(sitemap.STEPS_OVERVIEW)).read_text(encoding="utf-8")

    def options(name):
        select = re.search(rf'<select name="{name}">(.*?)</select>', html, re.S).group(1)
        return [v for v in re.findall(r'<option value="([^"]*)"', select) if v]

    assert options("fase") == [p.id for p in content.phases]
    assert options("handvat") == list(content.handvatten)
    assert options("doelgroep") == [slug(r) for r in content.readers]
    rows = re.findall(r'<li class="overzicht__rij" ([^>]*)>', html)
    assert len(rows) == len(all_steps(content))
    kinds = set(options("soort"))
    for attributes in rows:
        values = dict(re.findall(r'data-([a-z]+)="([^"]*)"', attributes))
        assert values["fase"] in options("fase") and values["handvat"] in options("handvat") and values["soort"] in kinds
        assert values["voor"] and set(values["voor"].split()) <= set(options("doelgroep")), values


def test_an_audience_filter_holds_the_steps_for_that_audience_and_for_everyone(content):
    """A step is in an audience's list when its group names that audience or, without a group
    audience, its page is tagged with it; the steps for all network partners are in every list
    (as on the routes page and the cards)."""
    from kennisbank.frontmatter import audiences_of
    from macros.render_selectie import readers_of

    pages = [h.page for h in content.handvatten.values()]
    audiences = audiences_of(ROOT / "docs", pages, content.readers, tuple(sitemap.tags(content)))
    grouped = 0
    for step in all_steps(content):
        handvat = content.handvat(step.id.split(".")[0])
        if step.group and step.group.audience:
            grouped += 1
            meant = {content.group_readers[step.group.audience]}
        else:
            meant = set(audiences[handvat.page])
        expected = [r for r in content.readers if r in meant or content.everyone in meant]
        assert readers_of(step, content, audiences) == expected, step.id
    assert grouped  # the source addresses some groups of steps to one audience (C5)


# --- a card or a recommendation opened as a lesson ----------------------------------------------


def lesson_of(html: str) -> tuple[str, list[str]]:
    """The title and step anchors of a page's "Als les openen" link."""
    from urllib.parse import parse_qs, unquote, urlsplit

    href = unescape_attr(re.search(r'<a class="md-button les-link" href="([^"]+)"', html).group(1))
    parts = urlsplit(href)
    return parse_qs(parts.query)["titel"][0], unquote(parts.fragment).split(",")


def unescape_attr(value: str) -> str:
    from html import unescape

    return unescape(value)


def test_every_card_and_recommendation_opens_as_a_lesson_of_its_own_steps(site, content):
    from macros.render_cyclus import short_label

    for handvat in content.handvatten.values():
        html = (site / sitemap.built_file(handvat.page)).read_text(encoding="utf-8")
        assert lesson_of(html) == (short_label(handvat), [s.anchor for s in handvat.steps]), handvat.id
    for card in content.now_cards.values():
        html = (site / sitemap.built_file(sitemap.now_page(card.id))).read_text(encoding="utf-8")
        assert lesson_of(html) == (card.title, [sitemap.step_anchor(s) for s in card.steps]), card.id


def test_from_disk_a_card_opens_as_a_lesson_with_its_steps_in_order_and_its_title(offline_browser, offline_copy, content):
    card = next(iter(content.now_cards.values()))
    page = offline_browser.new_page()
    page.goto((offline_copy / sitemap.built_file(sitemap.now_page(card.id), directory_urls=False)).as_uri())
    page.get_by_role("link", name="Als les openen").click()
    assert shown(page) == list(card.steps)
    assert page.locator(".selectie__titel-invoer").input_value() == card.title
    page.close()


def test_the_link_check_names_the_steps_of_a_lesson_that_are_not_on_the_selection_page(tmp_path):
    from tools.links import broken_links

    selection = tmp_path / sitemap.built_file(sitemap.SELECTION)
    selection.parent.mkdir(parents=True)
    selection.write_text('<li class="stap" id="v1-1"></li><li class="stap" id="v1-2"></li>', encoding="utf-8")
    link = "/" + sitemap.url_of(sitemap.SELECTION) + "?titel=Les"
    (tmp_path / "index.html").write_text(
        f'<a href="{link}#v1-2,v1-1">goed</a><a href="{link}#v1-1,v9-9,v1-3">fout</a>'.replace('href="/', 'href="'),
        encoding="utf-8",
    )
    assert broken_links(tmp_path) == [f"/: {link[1:]}#v1-1,v9-9,v1-3: no such anchor: v9-9, v1-3"]
