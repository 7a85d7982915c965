"""The zelfscan keeps a team's work (issue 23, point 1), in Chromium on a phone and a laptop:
wiping asks first and can be undone, opening a file says what it would change and asks before it
replaces anything, the summary prints on at most two A4 pages with every question answered, and
each question is named short (id and first words) and described by its whole step."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from playwright.sync_api import expect

from kennisbank import sitemap

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


@pytest.fixture
def page(tab):
    """A new tab in this module's browser context (conftest.tab): a warm cache, no search worker
    (these tests never search), the site's storage empty."""
    return tab


@pytest.fixture
def scan_page(page, request):
    """A fresh browser (no answers kept) at the size asked for."""
    page.set_viewport_size(getattr(request, "param", LAPTOP))
    return page


def scored(content, phase: str) -> list[str]:
    return [s.id for h in content.in_phase(phase) for s in h.steps if s.kind == "steps"]


def answers_on(page) -> dict[str, str]:
    return page.evaluate("""() => Object.fromEntries(
      [...document.querySelectorAll('form.zelfscan input[type=radio]:checked')].map(i => [i.name, i.value]))""")


def message(page) -> str:
    return page.locator(".zelfscan__melding").text_content()


def said_once_closed(page, text: str) -> None:
    """Wait for the message the question's answer brings: the dialog says it when it has closed
    (its close event comes after the key or click that closed it)."""
    expect(page.locator(".zelfscan__melding")).to_contain_text(text)


def open_file(page, scan: dict):
    page.evaluate("document.querySelector('.zelfscan__melding').textContent = ''")
    page.locator(".zelfscan__importeer input[type=file]").set_input_files(
        {"name": "scan.json", "mimeType": "application/json", "buffer": json.dumps(scan).encode()}
    )


# The two flows that ask first run once each, wiping on a phone and opening a file on a laptop:
# what they do (the questions, the messages, the answers kept and put back) is the script's and
# the same at any width; what the width can change is whether the question and its buttons show
# and can be pressed (Playwright presses a button only where it is visible and takes the click),
# and both flows ask in the same dialog with the same buttons and the same "Ongedaan maken". The
# wipe button is also pressed at a laptop's size in tests/test_browser.py's zelfscan tests.


@pytest.mark.parametrize("scan_page", [PHONE], ids=["phone"], indirect=True)
def test_wiping_asks_first_and_can_be_undone_until_the_team_answers_again(scan_page, served_site, content):
    page = scan_page
    ids = scored(content, "vredestijd")
    page.goto(f"{served_site}/zelfscan/vredestijd/")
    given = {ids[0]: "ja", ids[1]: "nee", ids[5]: "nvt"}
    for step, value in given.items():
        page.locator(f'input[name="{step}"][value="{value}"]').check()
    undo = page.locator(".zelfscan__herstel")
    assert not undo.is_visible()

    wipe = page.locator(".zelfscan__wis")
    wipe.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.zelfscan__vraag[open]")
    assert dialog.is_visible()
    said = dialog.text_content()
    assert "3 antwoorden" in said and all(step in said for step in given), said
    # the safe choice has focus, and shows it
    assert page.evaluate("document.activeElement.textContent") == "Annuleren"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Escape")  # no
    said_once_closed(page, "niets gewist")
    assert dialog.count() == 0 and answers_on(page) == given
    assert page.evaluate("document.activeElement.classList.contains('zelfscan__wis')")  # focus back where it was

    wipe.click()
    page.locator(".zelfscan__ja").click()
    said_once_closed(page, "3 antwoorden zijn gewist")
    assert answers_on(page) == {}
    assert "Ongedaan maken" in message(page)
    page.reload()  # kept until undone, also over a reload
    assert answers_on(page) == {} and undo.is_visible()
    undo.click()
    assert answers_on(page) == given and not undo.is_visible()
    assert "ongedaan gemaakt" in message(page)
    page.reload()
    assert answers_on(page) == given  # back in storage as well

    # answering again after a wipe accepts it: nothing left to undo
    wipe.click()
    page.locator(".zelfscan__ja").click()
    said_once_closed(page, "gewist")
    page.locator(f'input[name="{ids[2]}"][value="deels"]').check()
    assert not undo.is_visible()
    page.reload()
    assert not undo.is_visible() and answers_on(page) == {ids[2]: "deels"}


@pytest.mark.parametrize("scan_page", [LAPTOP], ids=["laptop"], indirect=True)
def test_opening_a_file_says_what_it_would_change_and_asks_before_replacing(scan_page, served_site, content):
    page = scan_page
    ids = scored(content, "crisis")
    page.goto(f"{served_site}/zelfscan/crisis/")
    mine = {ids[0]: "ja", ids[1]: "nee", ids[2]: "deels"}
    for step, value in mine.items():
        page.locator(f'input[name="{step}"][value="{value}"]').check()
    version = page.locator("form.zelfscan").get_attribute("data-versie")
    theirs = {ids[0]: "nee", ids[2]: "deels", ids[3]: "ja"}  # one changed, one dropped, one the same, one new
    scan = {"soort": "kennisbank-zelfscan", "fase": "crisis", "versie": version, "datum": "2026-11-02", "antwoorden": theirs}

    open_file(page, scan)
    dialog = page.locator("dialog.zelfscan__vraag[open]")
    dialog.wait_for()
    said = re.sub(r"\s+", " ", dialog.text_content())
    assert "2026-11-02" in said
    assert f"1 nieuw: {ids[3]}." in said, said
    assert f"1 anders: {ids[0]} (hebben we → nog niet)." in said, said
    assert f"1 gewist, want de scan heeft daar geen antwoord: {ids[1]}." in said, said
    assert "1 blijven gelijk" in said
    page.get_by_role("button", name="Annuleren", exact=True).click()
    said_once_closed(page, "niet geopend")
    assert answers_on(page) == mine

    open_file(page, scan)
    page.get_by_role("button", name="Scan openen", exact=True).click()
    said_once_closed(page, "is geopend: 1 nieuw, 1 anders, 1 gewist")
    assert answers_on(page) == theirs
    page.locator(".zelfscan__herstel").click()
    assert answers_on(page) == mine

    # the same answers again: nothing to ask, nothing changed
    open_file(page, {**scan, "antwoorden": mine})
    page.wait_for_function("document.querySelector('.zelfscan__melding').textContent.length > 0")
    assert "dezelfde antwoorden" in message(page) and page.locator("dialog[open]").count() == 0


def pdf_pages(page, tmp_path, name: str) -> tuple[int, str]:
    pdf = tmp_path / f"{name}.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4")
    page.emulate_media(media="screen")
    from pypdf import PdfReader

    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return len(PdfReader(pdf).pages), text


def answer_all(page, value: str) -> None:
    page.evaluate("""value => {
      for (const f of document.querySelectorAll('fieldset[data-stap]')) {
        const input = f.querySelector(`input[value="${value}"]`);
        input.checked = true;
        input.dispatchEvent(new Event('change', {bubbles: true}));
      }
    }""", value)


def test_the_summary_prints_on_at_most_two_a4_pages_with_every_question_answered(scan_page, served_site, content, tmp_path):
    """Every step answered "nog niet" is the longest summary: every step on the action list.
    Printed from one window size only: Chromium lays a printed page out on the paper (A4), not in
    the window, so a phone prints the same pages as a laptop (the same text, line for line)."""
    page = scan_page
    for phase in content.phases:
        page.goto(f"{served_site}/{sitemap.url_of(sitemap.zelfscan_page(phase.id))}")
        answer_all(page, "nee")
        pages, text = pdf_pages(page, tmp_path, phase.id)
        assert pages <= 2, (phase.id, pages)
        flat = re.sub(r"\s+", " ", text)
        assert "Actielijst" in flat and "0 nog niet beantwoord" in flat
        assert all(re.search(rf"\b{re.escape(step)}\b", flat) for step in scored(content, phase.id)), phase.id
        assert "Scan opslaan als bestand" not in flat and "Kies per stap" not in flat


def test_the_page_check_sees_a_summary_that_runs_long(scan_page, served_site, tmp_path):
    """The count above can fail: printed with the questions, the scan runs over two pages."""
    page = scan_page
    page.goto(f"{served_site}/zelfscan/vredestijd/")
    answer_all(page, "nee")
    page.add_style_tag(content="@media print { form.zelfscan .zelfscan__handvat { display: block !important; } }")
    pages, _ = pdf_pages(page, tmp_path, "lang")
    assert pages > 2


def test_every_question_is_named_short_and_described_by_its_whole_step(page, served_site, content):
    """A screen reader reads a question's id and first words as its name, the step as its
    description; every answer is a radio button named by its answer. On a phone, then in the same
    page with the window widened to a laptop's (what is shown, and so named, follows the
    stylesheet's media queries)."""
    page.set_viewport_size(PHONE)
    page.goto(f"{served_site}/zelfscan/nazorg/")
    cdp = page.context.new_cdp_session(page)
    for size in (PHONE, LAPTOP):
        page.set_viewport_size(size)
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done)))")  # laid out anew
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
        groups = {}
        for node in nodes:
            name = (node.get("name") or {}).get("value", "")
            if (node.get("role") or {}).get("value") == "group" and re.match(r"N\d+\.\d+ ", name):
                groups[name.split()[0]] = (name, (node.get("description") or {}).get("value", ""))
        assert sorted(groups) == sorted(scored(content, "nazorg")), size
        for step_id, (name, description) in groups.items():
            step = content.step(step_id)
            assert len(name.split()) <= 10, name  # the id and at most eight words, "…" where cut
            first = " ".join(step.data.text.split()[:4])
            assert first.split()[0] in description and len(description.split()) >= len(name.split()), (step_id, description)
        radios = [n for n in nodes if (n.get("role") or {}).get("value") == "radio" and not n.get("ignored")]
        labels = {(n.get("name") or {}).get("value") for n in radios}
        assert {"hebben we", "deels", "nog niet", "niet van toepassing"} <= labels, (size, labels)
