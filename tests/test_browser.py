"""The site as a person uses it, in Debian's Chromium: tick, reload, reset; present; the zelfscan.
(Search as typed: tests/test_search.py.)"""


def test_a_ticked_step_survives_a_reload_and_can_be_reset(page, served_site):
    page.goto(f"{served_site}/vredestijd/v2/")
    box = page.locator("#vink-v2-4")
    progress = page.locator(".checklist__voortgang")
    assert not box.is_checked()
    assert progress.inner_text() == "0 van 9 stappen afgevinkt"
    page.locator('label[for="vink-v2-4"]').click()
    assert box.is_checked()
    page.reload()
    assert page.locator("#vink-v2-4").is_checked()
    assert page.locator("#v2-4.stap--klaar").count() == 1
    assert page.locator(".checklist__voortgang").inner_text() == "1 van 9 stappen afgevinkt"
    # ticks are per recommendation: V3 is untouched
    page.goto(f"{served_site}/vredestijd/v3/")
    assert page.locator("input.stap__vink:checked").count() == 0
    page.goto(f"{served_site}/vredestijd/v2/")
    reset = page.locator(".checklist__wis")
    assert reset.is_visible()
    reset.click()
    assert not page.locator("#vink-v2-4").is_checked()
    page.reload()
    assert not page.locator("#vink-v2-4").is_checked()
    assert not page.locator(".checklist__wis").is_visible()


def test_steps_can_be_ticked_with_the_keyboard(page, served_site):
    page.goto(f"{served_site}/crisis/c1/")
    page.locator("#vink-c1-1").focus()
    page.keyboard.press("Space")
    assert page.locator("#vink-c1-1").is_checked()
    for _ in range(15):  # past the step's own link and its citations, to the next box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "vink-c1-2":
            break
    page.keyboard.press("Space")
    page.reload()
    assert page.locator("#vink-c1-1").is_checked() and page.locator("#vink-c1-2").is_checked()


def test_a_step_link_opens_at_that_step(page, served_site):
    page.goto(f"{served_site}/nazorg/n2/#n2-3")
    assert page.evaluate("document.querySelector(':target').id") == "n2-3"
    assert page.locator("#n2-3").is_visible()


# --- presentation mode ----------------------------------------------------------------------


def test_presentation_opens_at_the_step_in_the_address_and_moves_like_a_clicker(page, served_site):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{served_site}/crisis/c5/#c5-2")
    page.locator("button.presenteer").click()
    dialog = page.locator(".presentatie[role=dialog][aria-modal=true]")
    shown = dialog.locator(".presentatie__dia:visible")
    assert shown.locator("h2").text_content() == "C5.2 · stap 2 van 8"
    # readable from the back of the room: no text under 28 px
    sizes = shown.evaluate("s => [...s.querySelectorAll('p, li')].map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 28, sizes
    page.keyboard.press("PageDown")  # what a clicker sends
    assert shown.locator("h2").text_content() == "C5.3 · stap 3 van 8"
    assert dialog.locator("[role=status]").text_content() == "C5.3, stap 3 van 8"  # announced
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("PageUp")
    title = shown.text_content()
    assert "C5 De-escalatie vóór fysiek ingrijpen" in title and "/r/c5/" in title  # the title screen
    page.keyboard.press("End")
    assert shown.locator("h2").text_content() == "Bronnen"
    # focus stays inside the dialog
    for _ in range(5):
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('.presentatie')")
    page.keyboard.press("Home")
    for _ in range(3):  # from the title screen, on-screen buttons
        dialog.locator(".presentatie__volgende").click()
    assert shown.locator("h2").text_content() == "C5.3 · stap 3 van 8"
    # Escape leaves it at the step last shown
    page.keyboard.press("Escape")
    assert dialog.count() == 0
    assert page.url.endswith("/crisis/c5/#c5-3")
    assert page.evaluate("document.activeElement.id") == "c5-3"
    assert page.evaluate("document.getElementById('c5-3').getBoundingClientRect().top") < 720


def test_presentation_of_points_counts_points(page, served_site):
    page.goto(f"{served_site}/vredestijd/v5/")
    page.locator("button.presenteer").click()
    page.keyboard.press("PageDown")
    assert page.locator(".presentatie__dia:visible h2").text_content() == "V5.1 · punt 1 van 8"


# --- zelfscan ---------------------------------------------------------------------------------


def _open_scan(page, scan):
    import json as _json

    data = scan if isinstance(scan, bytes) else _json.dumps(scan).encode()
    page.locator(".zelfscan__importeer input[type=file]").set_input_files(
        {"name": "scan.json", "mimeType": "application/json", "buffer": data}
    )
    # a scan that would change the answers asks first (tests/test_zelfscan.py): open it
    page.wait_for_function("document.querySelector('.zelfscan__melding').textContent.length > 0 || document.querySelector('dialog[open]')")
    if page.locator("dialog.zelfscan__vraag[open]").count():
        page.locator(".zelfscan__ja").click()
    message = page.locator(".zelfscan__melding").text_content()
    page.evaluate("document.querySelector('.zelfscan__melding').textContent = ''")
    return message


def test_zelfscan_keeps_answers_sums_them_up_and_saves_them_to_a_file(page, served_site, content):
    import json

    page.goto(f"{served_site}/zelfscan/vredestijd/")
    page.evaluate("localStorage.clear()")
    page.reload()
    scored = [s.id for h in content.in_phase("vredestijd") for s in h.steps if s.kind == "steps"]
    assert page.locator("fieldset[data-stap]").count() == len(scored)
    page.locator('input[name="V1.1"][value="ja"]').check()
    page.locator('input[name="V1.2"][value="nee"]').check()
    page.locator('input[name="V3.2"][value="nvt"]').check()
    page.reload()  # the answers stay in the browser
    assert page.locator('input[name="V1.2"][value="nee"]').is_checked()
    summary = page.locator(".zelfscan__uitkomst")
    assert f"1 hebben we, 0 deels, 1 nog niet, 1 niet van toepassing, {len(scored) - 3} nog niet beantwoord" in summary.text_content()
    actions = summary.locator(".zelfscan__acties-lijst li")
    assert actions.count() == 1 and actions.first.text_content().startswith("V1.2 Bespreek welke termen")
    with page.expect_download() as download:
        page.locator(".zelfscan__exporteer").click()
    scan = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert scan["soort"] == "kennisbank-zelfscan" and scan["fase"] == "vredestijd" and scan["versie"] == "0.1"
    assert scan["antwoorden"] == {"V1.1": "ja", "V1.2": "nee", "V3.2": "nvt"}

    # wrong files: a Dutch message, the answers untouched
    for bad, says in (
        (b"{geen json", "geen geldig JSON-bestand"),
        ({"soort": "iets anders", "antwoorden": {}}, "geen zelfscan van deze kennisbank"),
        ({**scan, "antwoorden": {"V1.1": "nee", "V99.1": "ja"}}, "stappen die deze kennisbank niet kent: V99.1"),
        ({**scan, "versie": "9.0"}, "nieuwere versie van de kennisbank (9.0)"),
        ({**scan, "fase": "crisis"}, "hoort bij een andere fase"),
        ({**scan, "antwoorden": {"V1.1": "misschien"}}, "onbekend antwoord bij V1.1"),
    ):
        message = _open_scan(page, bad)
        assert says in message and "Er is niets veranderd" in message, message
        assert page.locator('input[name="V1.1"][value="ja"]').is_checked()

    # a scan of an older version opens by step id and names the steps it has no answer for
    page.locator(".zelfscan__wis").click()
    page.locator(".zelfscan__ja").click()  # wiping asks first
    assert not page.locator('input[name="V1.1"]:checked').count()
    message = _open_scan(page, {**scan, "versie": "0.0.9", "datum": "2025-11-20"})
    assert "geopend" in message and "V1.3" in message, message
    assert page.locator('input[name="V1.1"][value="ja"]').is_checked()
    assert page.locator('input[name="V3.2"][value="nvt"]').is_checked()


def test_zelfscan_status_is_shown_and_its_answers_show_keyboard_focus(page, served_site):
    page.goto(f"{served_site}/zelfscan/vredestijd/")
    status = page.locator(".zelfscan__melding[role=status]")
    # in the accessibility tree before anything is said, so the first message is read out
    assert status.evaluate("e => getComputedStyle(e).display") != "none"
    page.locator(".zelfscan__wis").click()  # nothing to wipe yet: says so
    assert status.is_visible() and "wissen" in status.text_content()
    first = page.locator("fieldset[data-stap] input[type=radio]").first
    first.focus()
    page.keyboard.press("ArrowRight")  # moves within the group, from the keyboard
    style = page.evaluate("[getComputedStyle(document.activeElement).outlineStyle, getComputedStyle(document.activeElement).outlineWidth]")
    assert style[0] != "none" and style[1] != "0px", style
    # the group is named short and described by the whole step
    field = page.locator("fieldset[data-stap]").first
    name = page.evaluate("id => document.getElementById(id).textContent", field.get_attribute("aria-describedby"))
    assert len(field.locator("legend").text_content().split()) < len(name.split())


# --- the scripts' boot, print addresses and the copy announcement -------------------------------


def test_print_addresses_are_made_on_a_page_with_svg_links(page, served_site):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{served_site}/cyclus/")
    assert page.locator("article svg a").count() > 0  # the cycle diagram links its phases
    page.wait_for_load_state("load")
    assert not errors, errors
    assert page.locator("article a[data-adres]").count() > 0


def test_the_copy_announcement_region_waits_in_the_page_before_the_first_copy(page, served_site):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{served_site}/vredestijd/v2/")
    status = page.locator(".kopieer-status[role=status]")
    assert status.count() == 1 and status.text_content() == ""  # there before its first message
    page.locator('button[data-anker="v2-4"]').click()
    assert "Link gekopieerd" in status.text_content()
    assert page.locator(".kopieer-status").count() == 1
