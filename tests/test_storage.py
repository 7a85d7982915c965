"""What the scripts keep and count in the browser: ticks and zelfscan answers (a browser that
cannot store says so once; only the zelfscan's own answers are taken from storage or a file), the
citation's copy button, a card's counter under its role switch, and one tick per step id, shared
by the card and the recommendation's page."""

from __future__ import annotations

import json

import pytest

from conftest import without_search

THROWING_STORAGE = """
Storage.prototype.setItem = function () { throw new DOMException('QuotaExceededError', 'QuotaExceededError'); };
"""


@pytest.fixture
def page(tab):
    """A new tab in this module's browser context (conftest.tab): a warm cache, no search worker
    (these tests never search), the site's storage empty."""
    return tab


def test_a_browser_that_cannot_store_says_so_once(browser, served_site, content):
    context = without_search(browser.new_context(locale="nl-NL"))
    context.add_init_script(THROWING_STORAGE)
    page = context.new_page()
    try:
        handvat = next(h for h in content.handvatten.values() if sum(s.kind == "steps" for s in h.steps) >= 2)
        page.goto(f"{served_site}/{handvat.page.removesuffix('.md')}/")
        boxes = page.locator("input.stap__vink")
        boxes.nth(0).check()
        boxes.nth(1).check()
        notice = page.locator(".opslag-melding[role=alert]")
        assert notice.count() == 1
        assert "bewaart geen vinkjes of antwoorden" in notice.text_content()
    finally:
        context.close()


def test_a_browser_that_stores_shows_no_notice(page, served_site, content):
    handvat = next(h for h in content.handvatten.values() if any(s.kind == "steps" for s in h.steps))
    page.goto(f"{served_site}/{handvat.page.removesuffix('.md')}/")
    page.locator("input.stap__vink").first.check()
    assert page.locator(".opslag-melding").count() == 0


def open_file(page, data: bytes) -> str:
    page.evaluate("document.querySelector('.zelfscan__melding').textContent = ''")
    page.locator(".zelfscan__importeer input[type=file]").set_input_files(
        {"name": "scan.json", "mimeType": "application/json", "buffer": data}
    )
    page.wait_for_function("document.querySelector('.zelfscan__melding').textContent.length > 0")
    return page.locator(".zelfscan__melding").text_content()


def test_only_the_zelfscan_s_own_answers_are_taken_from_a_file_or_storage(page, served_site, content):
    phase = content.phases[0]
    scored = [s.id for h in content.in_phase(phase.id) for s in h.steps if s.kind == "steps"]
    page.goto(f"{served_site}/zelfscan/{phase.id}/")
    page.evaluate("localStorage.clear()")
    page.evaluate(f"localStorage.setItem('kennisbank.zelfscan.{scored[1]}', 'toString')")
    page.reload()
    assert page.locator(f'input[name="{scored[1]}"]:checked').count() == 0  # a stored name of every object: ignored
    form = page.locator("form.zelfscan")
    version = form.get_attribute("data-versie")
    first = page.locator(f'input[name="{scored[0]}"]').first
    first.check()
    for odd in ("toString", "constructor", "__proto__", "hasOwnProperty"):
        scan = {"soort": "kennisbank-zelfscan", "fase": phase.id, "versie": version, "antwoorden": {scored[0]: odd}}
        message = open_file(page, json.dumps(scan).encode())
        assert f"onbekend antwoord bij {scored[0]}" in message and "Er is niets veranderd" in message, message
        assert first.is_checked()
    nested = ("[" * 200000 + "]" * 200000).encode()
    message = open_file(page, nested)
    assert "Er is niets veranderd" in message, message
    assert first.is_checked()


def test_the_citation_is_copied_as_it_stands_without_search_parameters(browser, served_site, content):
    """"Hoe te citeren" with one click, as a memo needs it: the page's full address, no ?h=.
    (With the search worker: a page opened from a search result, ?h=, highlights the words.)"""
    context = browser.new_context(locale="nl-NL")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        handvat = next(iter(content.handvatten.values()))
        path = handvat.page.removesuffix(".md") + "/"
        page.goto(f"{served_site}/{path}?h=zoekwoord")
        line = page.locator("p.citeer")
        line.locator("button[data-citeer]").click()
        page.wait_for_function("document.querySelector('.kopieer-status').textContent.length > 0")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert not copied.startswith("Hoe te citeren") and "Kopieer" not in copied
        from conftest import TEST_SITE_URL

        assert copied.endswith(f"{TEST_SITE_URL}{path}") and "?h=" not in copied, copied
        assert handvat.id in copied and content.changelog[0].version in copied
    finally:
        context.close()


def test_a_cards_counter_counts_the_steps_its_role_shows(page, served_site, content):
    """With a role chosen, "0 van N" counts the steps shown for that role, not the hidden ones."""
    from conftest import ROOT

    from kennisbank.frontmatter import audiences_of
    from kennisbank.sitemap import tags
    from macros.render_nu import roles_of

    card = next(iter(content.now_cards.values()))
    pages = [h.page for h in content.handvatten.values()]
    audiences = audiences_of(ROOT / "docs", pages, content.readers, tuple(tags(content)))  # the pages' audience tags
    steps = [content.step(i) for i in card.steps if content.step(i).kind == "steps"]
    page.goto(f"{served_site}/nu-handelen/{card.id}/")
    progress = page.locator(".checklist__voortgang")
    assert progress.text_content() == f"0 van {len(steps)} stappen afgevinkt"
    for n, role in enumerate(content.now_roles, start=1):
        page.locator(f'.rolkeuze input[value="{n}"]').check()
        shown = [s for s in steps if n in roles_of(s, content, audiences)]
        assert progress.text_content() == f"0 van {len(shown)} stappen afgevinkt", role


# --- one tick per step (issue 23, point 3) ------------------------------------------------------


def card_step(content):
    """A card's first step that is an action, and its recommendation's page address."""
    from kennisbank.sitemap import url_of

    for card in content.now_cards.values():
        for step_id in card.steps:
            step = content.step(step_id)
            if step.kind == "steps":
                handvat = content.handvat(step_id.split(".")[0])
                return card, step, url_of(handvat.page)
    raise AssertionError("no card holds an action")


PHONE = {"width": 390, "height": 844}


def test_a_tick_is_one_state_per_step_on_the_card_and_the_recommendation_page(page, served_site, content):
    """On a phone. One state per step id in the browser's storage is the script's and the same at
    any width; what the width can change is whether a box and its label show and take the click,
    and on a laptop's window they are ticked on a recommendation page (tests/test_browser.py) and
    on a card (test_a_tick_in_another_tab_shows_at_once, below)."""
    from kennisbank.sitemap import now_page, url_of

    card, step, handvat_url = card_step(content)
    page.set_viewport_size(PHONE)
    card_url = f"{served_site}/{url_of(now_page(card.id))}"
    box = f"#vink-{step.anchor}"
    page.goto(card_url)
    page.locator(f'label[for="vink-{step.anchor}"]').click()  # ticked on the card
    page.goto(f"{served_site}/{handvat_url}")
    assert page.locator(box).is_checked()  # ticked on its page
    assert page.locator(f"#{step.anchor}.stap--klaar").count() == 1
    assert page.locator(".checklist__voortgang").text_content().startswith("1 van ")
    page.locator(box).uncheck()  # unticked on the page
    page.goto(card_url)
    assert not page.locator(box).is_checked()  # unticked on the card
    # "Vinkjes wissen" on the card clears the step on its page as well
    page.locator(box).check()
    page.locator(".checklist__wis").click()
    page.goto(f"{served_site}/{handvat_url}")
    assert not page.locator(box).is_checked()


def test_a_tick_in_another_tab_shows_at_once(page, served_site, content):
    from kennisbank.sitemap import now_page, url_of

    card, step, handvat_url = card_step(content)
    on_card, on_page = page, page.context.new_page()  # two tabs of one browser
    on_card.goto(f"{served_site}/{url_of(now_page(card.id))}")
    on_page.goto(f"{served_site}/{handvat_url}")
    on_card.bring_to_front()  # ticked in the tab in front, as a reader does (a tab behind draws no frames)
    on_card.locator(f"#vink-{step.anchor}").check()
    # polled on a timer: the tab behind draws no frames to poll on
    on_page.wait_for_function(f"document.querySelector('#vink-{step.anchor}').checked", polling=50)
    assert on_page.locator(".checklist__voortgang").text_content().startswith("1 van ")
    on_page.close()


def test_ticks_kept_per_page_by_version_0_1_move_to_their_steps(page, served_site, content):
    from kennisbank.sitemap import OLD_TICKS_KEY, TICK_KEY, TICKED, now_checklist, now_page, url_of

    card, step, handvat_url = card_step(content)
    handvat = content.handvat(step.id.split(".")[0])
    others = [s for s in handvat.steps if s.kind == "steps" and s.id != step.id]
    page.goto(f"{served_site}/{handvat_url}")
    page.evaluate("localStorage.clear()")
    # 0.1 kept a list per page and per card
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [OLD_TICKS_KEY + handvat.id, json.dumps([others[0].id, 7])])
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [OLD_TICKS_KEY + now_checklist(card.id), json.dumps([step.id])])
    page.reload()
    assert page.locator(f"#vink-{others[0].anchor}").is_checked()
    assert page.evaluate("k => localStorage.getItem(k)", OLD_TICKS_KEY + handvat.id) is None  # moved, once
    assert page.evaluate("k => localStorage.getItem(k)", TICK_KEY + others[0].id) == TICKED
    page.goto(f"{served_site}/{url_of(now_page(card.id))}")  # the card's list moves when the card is opened
    page.goto(f"{served_site}/{handvat_url}")
    assert page.locator(f"#vink-{step.anchor}").is_checked()
