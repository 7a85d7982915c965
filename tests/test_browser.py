"""The site as a person uses it, in Debian's Chromium: tick, reload, reset; a recommendation that
starts with its steps; present; the zelfscan. (Search as typed: tests/test_search.py.)"""

import pytest
from playwright.sync_api import expect

from test_steps import missing


@pytest.fixture
def page(tab):
    """A new tab in this module's browser context (conftest.tab): a warm cache, no search worker
    (these tests never search), the site's storage empty."""
    return tab


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
    # readable from the back of the room: no text of the step under 28 px
    sizes = shown.evaluate("s => [...s.querySelectorAll('.presentatie__inhoud p, .presentatie__inhoud li')].map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= READABLE_PX, sizes
    headings, announced = [], []
    while not headings or headings[-1].startswith("C5.2"):
        page.keyboard.press("PageDown")  # what a clicker sends
        headings.append(shown.locator("h2").text_content())
        announced.append(dialog.locator("[role=status]").text_content())
    # C5.2 does not fit on one screen of this size: it goes on on screens marked as such
    assert headings[:-1] and set(headings[:-1]) == {"C5.2 · stap 2 van 8 (vervolg)"}, headings
    assert set(announced[:-1]) == {"C5.2, stap 2 van 8, vervolg"}, announced
    assert headings[-1] == "C5.3 · stap 3 van 8"
    assert announced[-1] == "C5.3, stap 3 van 8"  # announced
    for _ in range(len(headings) + 1):
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
    for _ in range(2 + len(headings)):  # from the title screen, on-screen buttons
        dialog.locator(".presentatie__volgende").click()
    assert shown.locator("h2").text_content() == "C5.3 · stap 3 van 8"
    # Escape leaves it at the step last shown
    page.keyboard.press("Escape")
    assert dialog.count() == 0
    assert page.url.endswith("/crisis/c5/#c5-3")
    assert page.evaluate("document.activeElement.id") == "c5-3"
    assert page.evaluate("document.getElementById('c5-3').getBoundingClientRect().top") < 720


def test_the_presentation_fits_the_window_again_when_it_changes(page, served_site):
    """A trainer who moves the window to the projector (or the projector changes resolution) keeps
    the screen shown, laid out again for the new size."""
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{served_site}/crisis/c5/#c5-2")
    page.locator("button.presenteer").click()
    large = page.evaluate(SCREEN)
    assert large["kop"] == "C5.2 · stap 2 van 8" and not large["outside"]
    page.set_viewport_size({"width": 1024, "height": 768})
    page.wait_for_function(f"document.querySelector('.presentatie__teller').textContent !== {large['teller']!r}")
    small = page.evaluate(SCREEN)
    assert small["kop"] == "C5.2 · stap 2 van 8" and not small["outside"] and not small["scrolls"], small
    assert int(small["teller"].split(" / ")[1]) > int(large["teller"].split(" / ")[1])  # C5.2 now goes on


# A list of points counts points ("V5.1 · punt 1 van 8"): every step's and point's heading on
# every screen of every recommendation, in
# test_every_screen_of_every_presentation_fits_the_screen_and_shows_every_step_whole.


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
    expect(status).to_contain_text("Link gekopieerd")
    assert page.locator(".kopieer-status").count() == 1


# --- presentation: every screen fits the screens trainers project on ------------------------

# a beamer's 4:3, a laptop's 16:9 and a full-HD screen
PRESENTATION_SIZES = ((1024, 768), (1280, 720), (1920, 1080))
# what clickers and keyboards send to go on (a focused button takes the space bar as a click)
CLICKER_KEYS = ("PageDown", " ", "ArrowRight", "ArrowDown")
READABLE_PX = 28  # the text of a step, from the back of the room
SOURCE_LINE_PX = 20  # the step's source line, a secondary line

# What the visible screen shows, and every piece of it (text, QR code) that lies outside the window,
# under the buttons or cut off by a box that clips its content.
SCREEN = """() => {
    const dialog = document.querySelector('.presentatie');
    const slide = [...dialog.querySelectorAll('.presentatie__dia')].find(s => s.checkVisibility());
    const bar = dialog.querySelector('.presentatie__knoppen').getBoundingClientRect();
    const area = {left: 0, top: 0, right: innerWidth, bottom: Math.min(innerHeight, bar.top)};
    const inside = (r, box) => r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    const clips = el => { const s = getComputedStyle(el); return s.overflowX !== 'visible' || s.overflowY !== 'visible'; };
    const outside = [];
    const check = (rects, el, what) => {
        for (const r of rects) {
            if (!r.width || !r.height) continue;
            if (!inside(r, area)) { outside.push(what); return; }
            for (let a = el; a && a !== dialog; a = a.parentElement)
                if (clips(a) && !inside(r, a.getBoundingClientRect())) { outside.push(what + ' (cut off)'); return; }
        }
    };
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!node.data.trim() || node.parentElement.closest('.visueel-verborgen')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        check(range.getClientRects(), node.parentElement, node.data.trim().slice(0, 50));
    }
    for (const el of slide.querySelectorAll('svg, img')) check([el.getBoundingClientRect()], el, el.tagName);
    const texts = el => { const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), parts = [];
                          while (w.nextNode()) parts.push(w.currentNode.data); return parts.join(' '); };
    const kop = slide.querySelector('.presentatie__kop');
    const body = [...slide.children].filter(el => el !== kop && !el.matches('.presentatie__groep, .presentatie__bronregel'));
    const line = slide.querySelector('.presentatie__bronregel');
    const smallest = els => Math.min(...els.filter(e => e.checkVisibility() && e.textContent.trim()).map(e => parseFloat(getComputedStyle(e).fontSize)));
    return {
        kop: kop.textContent,
        groep: (slide.querySelector('.presentatie__groep') || {}).textContent || '',
        teller: dialog.querySelector('.presentatie__teller').textContent,
        tekst: body.map(texts).join(' '),
        bronregel: line && line.checkVisibility() ? line.textContent : null,
        outside: outside,
        scrolls: dialog.scrollHeight > dialog.clientHeight + 1 || dialog.scrollWidth > dialog.clientWidth + 1,
        tekst_px: smallest(body.flatMap(el => [...el.querySelectorAll('p, li, td, th')])),
        bronregel_px: line ? smallest([line]) : null,
    };
}"""


def step_citations(step) -> list[str]:
    """The citations in a step's own text, sub-items and closing text, as a reader reads them."""
    from kennisbank.citations import MARKER, plain

    def item_texts(items):
        return [t for item in items for t in (item.text, *item_texts(item.items))]

    texts = [step.data.text, *item_texts(step.data.items), step.data.after or ""]
    return [plain(marker) for text in texts for marker in MARKER.findall(text)]


# Every screen of the open presentation at the window's size, as the presentation itself steps
# through them: measured (SCREEN), then its own "Volgende" button pressed (show(n + 1)), until the
# last screen; then closed. One evaluate for all screens of a recommendation: the keys a clicker
# sends are pressed for real in clicker_walk.
WALK = f"""() => {{
    const screen = {SCREEN};
    document.querySelector('button.presenteer').click();  // every screen laid out at this size
    const dialog = document.querySelector('.presentatie');
    const next = dialog.querySelector('.presentatie__volgende');
    const screens = [];
    for (let n = 0; n < 500; n++) {{
        screens.push(screen());
        if (next.disabled) break;
        next.click();
        if (dialog.querySelector('.presentatie__teller').textContent === screens[n].teller) {{
            screens[n].stuck = true;
            break;
        }}
    }}
    dialog.querySelector('.presentatie__sluiten').click();
    return screens;
}}"""


def clicker_walk(page) -> list[str]:
    """The headings shown when the presentation is opened and then stepped through to its end
    with the keys clickers and keyboards send, one real key press per screen."""
    page.locator("button.presenteer").click()
    shown = lambda: page.evaluate("document.querySelector('.presentatie__dia:not([hidden]) .presentatie__kop').textContent")
    at = lambda: page.evaluate("document.querySelector('.presentatie__teller').textContent")
    headings = [shown()]
    for n in range(500):
        current, total = map(int, at().split(" / "))
        if current == total:
            break
        page.keyboard.press(CLICKER_KEYS[n % len(CLICKER_KEYS)])
        if at() == f"{current} / {total}":
            headings.append(f"{CLICKER_KEYS[n % len(CLICKER_KEYS)]!r} did not go on")
            break
        headings.append(shown())
    page.keyboard.press("Escape")
    return headings


def presentation_problems(handvat, screens: list[dict], size: str) -> list[str]:
    """What is wrong with a recommendation's screens (WALK) at one size: a title screen, then each
    step in order, whole, on one screen or going on on next ones marked "vervolg", each headed
    "<id> · stap|punt n van N" under its group line, with its source line; then the sources. No
    text outside the screen, under the buttons or cut off; none too small."""
    steps = {s.id: s for s in handvat.steps}
    problems = []
    shown: dict[str, list[dict]] = {}  # step id -> its screens
    for n, screen in enumerate(screens):
        where = f"{size} {handvat.id} screen {screen['teller']} ({screen['kop']})"
        if screen.get("stuck"):
            problems.append(f"{where}: 'Volgende' did not go on")
        if screen["teller"] != f"{n + 1} / {len(screens)}":
            problems.append(f"{where}: counter, expected {n + 1} / {len(screens)}")
        if screen["outside"] or screen["scrolls"]:
            problems.append(f"{where}: outside the screen: {screen['outside'][:3]}, scrolls: {screen['scrolls']}")
        step_id = screen["kop"].split(" · ")[0]
        if step_id not in steps:
            continue
        step = steps[step_id]
        shown.setdefault(step_id, []).append(screen)
        noun = "stap" if step.kind == "steps" else "punt"
        heading = f"{step_id} · {noun} {list(steps).index(step_id) + 1} van {len(steps)}"
        if screen["kop"] != heading + (" (vervolg)" if len(shown[step_id]) > 1 else ""):
            problems.append(f"{where}: heading, expected {heading!r}, 'vervolg' on every screen but its first")
        if screen["groep"] != (step.group.title if step.group else ""):
            problems.append(f"{where}: group line {screen['groep']!r}")
        if screen["tekst_px"] < READABLE_PX:
            problems.append(f"{where}: text at {screen['tekst_px']} px")
        if cited := step_citations(step):
            line = screen["bronregel"] or ""
            if any(c not in line for c in cited) or screen["bronregel_px"] < SOURCE_LINE_PX:
                problems.append(f"{where}: source line {line!r} at {screen['bronregel_px']} px, cites {cited}")
    if not screens[0]["kop"].startswith(f"{handvat.id} ") or not screens[-1]["kop"].startswith("Bronnen"):
        problems.append(f"{size} {handvat.id}: first and last screen {screens[0]['kop']!r}, {screens[-1]['kop']!r}")
    if list(shown) != list(steps):
        problems.append(f"{size} {handvat.id}: steps shown {list(shown)}")
    for step_id, its_screens in shown.items():
        if gone := missing(steps[step_id], " ".join(s["tekst"] for s in its_screens)):
            problems.append(f"{size} {step_id}: words not shown {sorted(gone)}")
    return problems


# --- every recommendation page, loaded once: its first step in view, its presentation ------------

# a laptop and a phone, for the first step in view on opening a recommendation
READING_SIZES = (("desktop", {"width": 1280, "height": 800}), ("phone", {"width": 390, "height": 844}))
FIRST_ITEM = "document.querySelector('.checklist .stap__vink, .puntenlijst .stap__nummer')"
# After the window changed size: a frame and the end of its rendering, so the page's own resize
# handlers (resize events, ResizeObserver) have run before anything is measured.
SETTLED = "await new Promise(done => requestAnimationFrame(() => setTimeout(done)));"


@pytest.fixture(scope="module")
def recommendations_shown(module_context, served_site, content):
    """Each recommendation page loaded once and looked at as the tests below need it, in one
    tab whose window is resized in turn (the layout follows the stylesheets' media queries and
    the presentation is laid out when it opens, so each size shows what a page loaded at that
    size shows): first, before anything else happens on the page, where its first step stands
    on a laptop and on a phone; then every screen of its presentation at each projector size
    (WALK). At each size the recommendation with the most steps is also stepped through with
    the keys a clicker sends (clicker_walk)."""
    from kennisbank import sitemap

    longest = max(content.handvatten.values(), key=lambda h: len(h.steps))
    first_step, screens, keyed = {}, {}, {}
    page = module_context.new_page()
    for handvat in content.handvatten.values():
        page.goto(f"{served_site}/{sitemap.url_of(handvat.page)}")
        for size, viewport in READING_SIZES:
            page.set_viewport_size(viewport)
            first_step[handvat.id, size] = page.evaluate(f"""async () => {{
                {SETTLED}
                const r = {FIRST_ITEM}.getBoundingClientRect();
                return [r.top, r.bottom, r.left, r.right]; }}""")
        for width, height in PRESENTATION_SIZES:
            page.set_viewport_size({"width": width, "height": height})
            screens[handvat.id, f"{width}x{height}"] = page.evaluate(WALK)
            if handvat is longest:
                keyed[f"{width}x{height}"] = clicker_walk(page)
    page.close()
    return {"first step": first_step, "screens": screens, "keyed": (longest, keyed)}


def test_the_first_step_is_visible_without_scrolling_on_every_recommendation(recommendations_shown, content):
    """A recommendation page starts with its steps: the first one is in view on opening the
    page, on a laptop and on a phone (reading in the moment, issue 15)."""
    assert content.handvatten  # the number of recommendations: tests/test_inhoud.py
    below = []
    for handvat in content.handvatten.values():
        for size, viewport in READING_SIZES:
            top, bottom, left, right = recommendations_shown["first step"][handvat.id, size]
            if not (0 <= top and bottom <= viewport["height"] and 0 <= left and right <= viewport["width"]):
                below.append(f"{size} {handvat.id}: first step at {top:.0f}-{bottom:.0f}px (viewport {viewport['height']}px)")
    assert not below, "\n".join(below)


def test_every_screen_of_every_presentation_fits_the_screen_and_shows_every_step_whole(recommendations_shown, content):
    """Every recommendation presented at each size (presentation_problems: every screen fits, with
    its source line; every step whole, in order, with its group line and notes). The screens are
    read by WALK, through the presentation's own "Volgende"; the keys themselves (PageDown, space
    on the focused button, the arrows) are pressed for real through every screen of the
    recommendation with the most steps at each size, and must show the same screens in the same
    order. (This is also tests/test_steps.py's check of the presentation view.)"""
    assert any(s.group for h in content.handvatten.values() for s in h.steps)  # group lines are covered
    assert any(s.kind != "steps" for h in content.handvatten.values() for s in h.steps)  # and points
    problems = []
    for handvat in content.handvatten.values():
        for width, height in PRESENTATION_SIZES:
            size = f"{width}x{height}"
            problems += presentation_problems(handvat, recommendations_shown["screens"][handvat.id, size], size)
    longest, keyed = recommendations_shown["keyed"]
    for size, headings in keyed.items():
        if headings != [s["kop"] for s in recommendations_shown["screens"][longest.id, size]]:
            problems.append(f"{size} {longest.id}: with a clicker's keys {headings}")
    assert not problems, "\n".join(problems)
