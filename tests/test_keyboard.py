"""Keyboards and screen readers (issue 23, point 6): every link and control has a Dutch name that
makes sense on its own, the theme's toggles included; every element Tab reaches shows where focus
is (an outline or a shadow that differs from the unfocused state), on a phone and on a laptop;
and one walk with the keyboard alone: home, a step, its tick, a zelfscan answer, the export."""

from __future__ import annotations

import json

import pytest

from exports.themeaccess import repair

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
# a home page, a recommendation (steps, ticks, notes, citations), a card (role switch), a zelfscan
# (radio groups, actions), a page with a wide table, the glossary, a long recommendation
PAGES = ["", "vredestijd/v2/", "nu-handelen/oproep-tot-geweld/", "zelfscan/nazorg/", "crisis/c4/", "woordenlijst/", "crisis/c5/"]

# --- names --------------------------------------------------------------------------------------

CONTROLS = {"link", "button", "checkbox", "radio", "textbox", "searchbox", "combobox", "switch", "tab", "menuitem"}
# names that say nothing out of context (a list of links, a screen reader's rotor)
EMPTY_WORDS = {"#", "link", "hier", "klik hier", "meer", "lees meer", "lees verder", "knop", "menu openen"}


def named_controls(page) -> list[dict]:
    """Every control in the accessibility tree as a screen reader gets it (role, name, address):
    the widgets, and whatever else Tab stops at (a focusable label, a box with tabindex="0")."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
        found = []
        for node in nodes:
            if node.get("ignored"):
                continue
            props = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
            role = node.get("role", {}).get("value")
            if role not in CONTROLS:
                if not props.get("focusable") or role in ("RootWebArea", "table", "DisclosureTriangle"):
                    continue
                if tab_index(cdp, node["backendDOMNodeId"]) < 0:
                    continue  # focusable by a script only (the search results' box)
            found.append({"role": role, "name": (node.get("name", {}).get("value") or "").strip(), "url": props.get("url")})
    finally:
        cdp.detach()
    return found


def tab_index(cdp, backend_id: int) -> int:
    element = cdp.send("DOM.resolveNode", {"backendNodeId": backend_id})["object"]
    return cdp.send("Runtime.callFunctionOn", {"objectId": element["objectId"], "functionDeclaration": "function () { return this.tabIndex; }", "returnByValue": True})["result"]["value"]


def name_problems(controls: list[dict], address: str) -> list[str]:
    """What a screen reader's list of links and controls would get wrong: no name, a name that says
    nothing, one name for links to different places. A heading of this page and the page of the
    same name may share it (the table of contents beside the menu: the landmarks tell them apart)."""
    problems = []
    targets: dict[tuple, set] = {}
    for c in controls:
        if not c["name"]:
            problems.append(f"{c['role']} without a name ({c['url'] or ''})")
        elif c["name"].lower() in EMPTY_WORDS:
            problems.append(f"{c['role']} named only {c['name']!r} ({c['url'] or ''})")
        if c["role"] == "link" and c["name"]:
            here = (c["url"] or "").split("#")[0] == address.split("#")[0]
            targets.setdefault((c["name"], here), set()).add(c["url"])
    problems += [f"links named {n!r} lead to {len(urls)} places" for (n, _), urls in targets.items() if len(urls) > 1]
    return problems


def test_every_control_has_a_name_that_stands_on_its_own(visited_pages):
    problems = []
    for path, visit in visited_pages.items():
        assert len(visit["controls"]) > 5, path
        problems += [f"{path or 'home'}: {p}" for p in name_problems(visit["controls"], visit["url"])]
    assert not problems, "\n".join(problems)


def test_the_name_check_finds_a_nameless_button_a_bare_hash_and_two_places_for_one_name(page, served_pages):
    page.goto(f"{served_pages}/vredestijd/v2/")
    page.evaluate("""() => {
      const article = document.querySelector('article');
      article.insertAdjacentHTML('beforeend',
        '<button type="button"><span class="md-icon"></span></button><a href="#v2-1">#</a>' +
        '<a href="../v1/">Vredestijd</a><label tabindex="0" for="__search"><span class="md-icon"></span></label>');
    }""")
    problems = "\n".join(name_problems(named_controls(page), page.url))
    assert "button without a name" in problems
    assert "LabelText without a name" in problems  # a focusable label, as the theme's toggles were
    assert "named only '#'" in problems
    assert "links named 'Vredestijd' lead to 2 places" in problems


def test_the_theme_s_toggles_become_named_checkboxes_in_valid_html():
    section = (
        '<input class="md-nav__toggle md-toggle " type="checkbox" id="__nav_3_2" checked>'
        '<div class="md-nav__link md-nav__container"><a href="../" class="md-nav__link ">'
        '<span class="md-ellipsis">Vredestijd</span></a>'
        '<label class="md-nav__link " for="__nav_3_2" id="__nav_3_2_label" tabindex="0"><span class="md-nav__icon md-icon"></span></label></div>'
        '<nav class="md-nav" aria-labelledby="__nav_3_2_label"><label class="md-nav__title" for="__nav_3_2">'
        '<span class="md-nav__icon md-icon"></span> Vredestijd</label></nav>'
        '<input class="md-nav__toggle md-toggle " type="checkbox" id="__nav_5_4">'
        '<label class="md-nav__link" for="__nav_5_4" id="__nav_5_4_label" tabindex="0"><span class="md-ellipsis">Cursussen</span></label>'
    )
    fixed = repair(section)
    assert 'id="__nav_3_2" data-toetsenbord aria-label="Onderdelen van Vredestijd" checked>' in fixed
    assert 'id="__nav_5_4" data-toetsenbord aria-label="Onderdelen van Cursussen">' in fixed  # named by its label's words
    assert 'tabindex="0"' not in fixed  # the checkboxes are the tab stops, not their labels
    assert '<label class="md-nav__title" for="__nav_3_2">' in fixed  # HTML allows no name or role on a label for a checkbox
    header = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">\n'
        '<div data-md-component="skip"><a href="#x" class="md-skip">Ga naar inhoud</a></div>\n'
        '<form class="md-header__option" data-md-component="palette">'
        '<input class="md-option" data-md-color-scheme="default"  aria-label="Donkere weergave"  type="radio" name="__palette" id="__palette_0">'
        '<label class="md-header__button md-icon" title="Donkere weergave" for="__palette_1" hidden>'
        '<input class="md-option" data-md-color-scheme="slate"  aria-label="Lichte weergave"  type="radio" name="__palette" id="__palette_1">'
        '<label class="md-header__button md-icon" title="Lichte weergave" for="__palette_0" hidden>'
        '<h2 id="vraag">Hoe <em>nu</em>?<a class="headerlink" href="#vraag" title="Link naar dit kopje">#</a></h2>'
    )
    fixed = repair(header)
    # the skip link first, then the menu's checkbox, named
    assert fixed.index('class="md-skip"') < fixed.index('id="__drawer" data-toetsenbord aria-label="Menu">')
    assert 'aria-label="Lichte weergave"  type="radio" name="__palette" id="__palette_0"' in fixed  # named by what it selects
    assert 'aria-label="Donkere weergave"  type="radio" name="__palette" id="__palette_1"' in fixed
    assert 'title="Link naar dit kopje" aria-label="Link naar dit kopje: Hoe nu?">#</a>' in fixed
    assert repair(fixed) == fixed  # once is enough: a second run changes nothing


# --- visible focus ------------------------------------------------------------------------------

# Where things stand, not where they slide to: the menu, the search and the header move in a quarter
# of a second; a focus ring is no transition
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# The focus ring of every element, unfocused: outline and shadow of the element and of the boxes
# that may draw its focus (a hidden input's label, the label it sits in, its next sibling)
SNAPSHOT = """() => {
  window.__unfocused = new Map();
  for (const el of document.querySelectorAll('body *')) {
    const s = getComputedStyle(el);
    window.__unfocused.set(el, [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join('|'));
  }
}"""

# Whether an element shows that it has focus: a box of it that can be seen (the element, the label
# it sits in or that names it, its next sibling, which may draw its focus) is in view and has an
# outline or a shadow that differs from the unfocused snapshot
SHOWS = """el => {
  const seen = b => b && b.getClientRects().length && b.checkVisibility({visibilityProperty: true, opacityProperty: true})
    && b.getBoundingClientRect().width >= 2 && b.getBoundingClientRect().height >= 2;
  const labels = el.labels ? [...el.labels] : [];
  const boxes = [el, el.closest('label'), el.nextElementSibling, ...labels].filter(seen);
  const inView = b => { const r = b.getBoundingClientRect();
    return r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth; };
  const ring = b => { const s = getComputedStyle(b); return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join('|'); };
  return boxes.some(b => inView(b) && window.__unfocused.has(b) && ring(b) !== window.__unfocused.get(b)
    && (getComputedStyle(b).outlineStyle !== 'none' || getComputedStyle(b).boxShadow !== 'none'));
}"""

FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"

# After a Tab: what has focus, and whether it shows
FOCUS = """async () => {
  await (FRAMES)();  // the theme opens its search a frame after the box gets focus
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  return {what: el.outerHTML.slice(0, 100).replace(/\\s+/g, ' '), shows: (SHOWS)(el)};
}""".replace("FRAMES", FRAMES).replace("SHOWS", SHOWS)

# Whether Tab stops at an element: it takes focus in sequence (tabIndex 0 or more, or it is a box
# that scrolls and holds nothing that does, which Chromium then makes a tab stop), and of a radio
# group it is the radio Tab enters it by (the checked one, else the first, or going back the last);
# the others are reached with the arrow keys, which tick them. Whether it can take focus now (not
# in a closed menu, say) is for focus() to say.
TAB_STOP = """(el, backwards) => {
  const scrolls = el => { const s = getComputedStyle(el);
    return /auto|scroll/.test(s.overflowX + s.overflowY) && (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight)
      && ![...el.querySelectorAll('*')].some(inner => inner.tabIndex >= 0); };
  const entry = radio => { const group = [...document.getElementsByName(radio.name)].filter(r => r.type === 'radio' && r.form === radio.form);
    return group.find(r => r.checked) || group[backwards ? group.length - 1 : 0]; };
  return (el.tabIndex >= 0 || (!el.hasAttribute('tabindex') && scrolls(el))) && !(el.type === 'radio' && el.name && entry(el) !== el);
}"""

# The tab stops in Tab's order (a positive tabindex first), or Shift+Tab's
TAB_ORDER = """backwards => {
  const order = el => el.tabIndex > 0 ? el.tabIndex : 1e9;
  const stops = [...document.querySelectorAll('body *')].filter(el => (TAB_STOP)(el, backwards)).sort((a, b) => order(a) - order(b));
  return backwards ? stops.reverse() : stops;
}""".replace("TAB_STOP", TAB_STOP)

# Every tab stop, focused one after the other as Tab goes, and whether it shows focus. As with Tab,
# the focused element gets the key (a keydown of Tab) before focus moves on: the page's scripts
# react as they do to Tab (the theme closes its search). A text box waits two frames before it
# counts (the theme opens its search a frame after the box gets focus); so does any box that does
# not show focus at once, in case a script of the page draws it late or takes focus away: the
# theme's back-to-top button, hidden while the page does not scroll up, takes no focus once the
# theme has seen the page scroll (a frame later), so Tab never stops there.
# Compared once with tabbing through PAGES at both sizes: the same stops, in the same order, with
# the same outcome.
EVERY_STOP = """async () => {
  const frames = FRAMES, shows = SHOWS, found = [];
  for (const stop of (TAB_ORDER)(false)) {
    if (!(TAB_STOP)(stop, false)) continue;  // out of the tab order by now (a script took it out)
    stop.focus();
    if (document.activeElement !== stop) continue;  // cannot take focus now: Tab passes it too
    if (stop.matches('input[type=text], input[type=search]') || !shows(stop)) {
      await frames();
      if (document.activeElement !== stop) continue;
    }
    found.push({what: stop.outerHTML.slice(0, 100).replace(/\\s+/g, ' '), shows: shows(stop)});
    stop.dispatchEvent(new KeyboardEvent('keydown', {key: 'Tab', code: 'Tab', bubbles: true, cancelable: true}));
  }
  return found;
}""".replace("FRAMES", FRAMES).replace("SHOWS", SHOWS).replace("TAB_ORDER", TAB_ORDER).replace("TAB_STOP", TAB_STOP)


def unseen_focus(page, planted_css: str = "") -> tuple[int, list[str]]:
    """Every tab stop of the loaded page focused in Tab's order (focus() after a press of Tab: the
    browser then shows focus as it does for the keyboard, :focus-visible); (stops, the ones without
    a visible focus indicator). One evaluate for the whole page: tabbing with a press and a check
    per stop took 40 to 50 ms a stop (two frames each), 5 to 8 s a page. The keyboard itself is
    still pressed in test_the_focus_check_sees_a_control_without_a_focus_ring, the phone menu test,
    the keyboard walk and test_accessibility's focus test."""
    page.add_style_tag(content=NO_MOTION + planted_css)
    page.evaluate(SNAPSHOT)
    page.keyboard.press("Tab")
    found = page.evaluate(EVERY_STOP)
    return len(found), [stop["what"] for stop in found if not stop["shows"]]


# The page's content tab stops that sit under the sticky header when they get focus (WCAG 2.2,
# 2.4.11, test_wcag22), focused one after the other as Tab goes from the top of the page, or as
# Shift+Tab goes from its bottom (then each one scrolls in at the top, where the header is). The
# browser scrolls a stop into view for focus() as it does for Tab: compared once on three of these
# pages at both sizes, every stop of the content stood at the same place.
HIDDEN = """backwards => {
  window.scrollTo(0, backwards ? document.documentElement.scrollHeight : 0);
  const hidden = [];
  for (const stop of (TAB_ORDER)(backwards)) {
    if (!(TAB_STOP)(stop, backwards)) continue;
    stop.focus();
    if (document.activeElement !== stop) continue;  // cannot take focus now: Tab passes it too
    // the sidebars stand below the header by design; the page's content scrolls under it
    if (stop.closest('.md-content')) {
      const bottom = stop.getBoundingClientRect().bottom, header = document.querySelector('.md-header').getBoundingClientRect().bottom;
      if (0 < bottom && bottom <= header + 1) hidden.push(stop.outerHTML.slice(0, 80));
    }
    stop.dispatchEvent(new KeyboardEvent('keydown', {key: 'Tab', code: 'Tab', shiftKey: backwards, bubbles: true, cancelable: true}));
  }
  return hidden;
}""".replace("TAB_ORDER", TAB_ORDER).replace("TAB_STOP", TAB_STOP)


def hidden_focus(page) -> dict[str, list[str]]:
    """The stops hidden under the header on the loaded page, going backwards and forwards."""
    return {key: page.evaluate(HIDDEN, key == "Shift+Tab") for key in ("Shift+Tab", "Tab")}


def visited(browser, served_pages: str, size: str) -> dict[str, dict]:
    """Each of PAGES loaded once at the size ("phone", "laptop") and checked for three things: the
    names of its controls in the accessibility tree (first, before anything has focus), the focus
    of every tab stop, and focus under the sticky header (test_wcag22). The fixture visited_pages
    (conftest) keeps it for the session."""
    context = browser.new_context(locale="nl-NL", viewport=PHONE if size == "phone" else LAPTOP)
    page = context.new_page()
    visits = {}
    try:
        for path in PAGES:
            page.goto(f"{served_pages}/{path}")
            controls = named_controls(page)
            stops, unseen = unseen_focus(page)
            visits[path] = {"url": page.url, "controls": controls, "stops": stops, "unseen": unseen, "hidden": hidden_focus(page)}
    finally:
        context.close()
    return visits


def test_every_tab_stop_shows_focus(visited_pages):
    problems = []
    for path, visit in visited_pages.items():
        assert visit["stops"] > 5, path
        problems += [f"{path or 'home'}: {what}" for what in visit["unseen"]]
    assert not problems, "\n".join(problems)


def test_the_focus_check_sees_a_control_without_a_focus_ring(page, served_pages):
    """Both checks: the whole page's, which must name that one control and no other, and the one
    after a Tab (the phone menu test's), reaching the control with the keyboard."""
    no_ring = "#vink-v2-1:focus-visible { outline: none !important; box-shadow: none !important; }"
    page.goto(f"{served_pages}/vredestijd/v2/")
    stops, unseen = unseen_focus(page, no_ring)
    assert stops > 5 and len(unseen) == 1 and 'id="vink-v2-1"' in unseen[0], unseen
    page.locator("#vink-v2-1").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # back to the box, by the keyboard
    where = page.evaluate(FOCUS)
    assert where and 'id="vink-v2-1"' in where["what"] and not where["shows"], where


def test_the_menu_on_a_phone_opens_moves_and_closes_from_the_keyboard(browser, served_pages):
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(f"{served_pages}/vredestijd/v2/")
        page.add_style_tag(content=NO_MOTION)
        page.evaluate(SNAPSHOT)
        menu = page.locator("#__drawer")
        page.keyboard.press("Tab")  # the skip link
        page.keyboard.press("Tab")  # the menu
        where = page.evaluate(FOCUS)
        assert page.evaluate("document.activeElement.id") == "__drawer" and where["shows"], where
        page.keyboard.press("Enter")
        assert menu.is_checked()
        # focus is on the open panel's way back (Vredestijd's own checkbox, drawn on the panel's title)
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Onderdelen van Vredestijd"
        unseen, names = [], []
        for _ in range(40):  # every stop in the open menu shows focus
            if not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
                break
            where = page.evaluate(FOCUS)
            names.append(page.evaluate("document.activeElement.getAttribute('aria-label') || document.activeElement.textContent.trim()"))
            if not where["shows"]:
                unseen.append(where["what"])
            page.keyboard.press("Tab")
        assert not unseen, unseen
        assert "V1 Visie op online werken" in names and "V12 Bewustwording van online risico’s" in names, names
        assert not any(name.startswith("Onderdelen van Crisis") for name in names)  # a panel underneath: not in the tab order
        # Tab stays in the open menu: after its last stop comes "Menu", not the covered page
        assert page.evaluate("document.activeElement.id") == "__drawer", names[-3:]
        # the page's own contents open from the keyboard and lead to its headings
        assert "Inhoud van deze pagina" in names, names
        contents = page.locator("#__toc")
        contents.focus()
        page.keyboard.press("Enter")
        assert contents.is_checked()
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('.md-nav--secondary')") and page.evaluate(FOCUS)["shows"]
        contents.focus()
        page.keyboard.press("Space")
        assert not contents.is_checked()
        # back up a panel with Space (or Enter): the phases' panel, with Crisis and its checkbox
        # found by name: Material numbers its toggles by their place in the nav, which editors change
        vredestijd = page.locator('input.md-nav__toggle[aria-label="Onderdelen van Vredestijd"]')
        vredestijd.focus()
        page.keyboard.press("Space")
        assert not vredestijd.is_checked()
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Onderdelen van Crisis"
        page.keyboard.press("Enter")
        assert page.locator('input.md-nav__toggle[aria-label="Onderdelen van Crisis"]').is_checked()
        page.keyboard.press("Escape")
        assert not menu.is_checked() and page.evaluate("document.activeElement.id") == "__drawer"
    finally:
        context.close()


def test_axe_finds_nothing_in_the_open_phone_menu_and_the_zelfscan_s_question(browser, served_pages):
    """The states a keyboard opens, which the whole-site axe run never sees: the phone's menu, and
    the zelfscan's dialog with a focused button. Every WCAG rule in the light scheme, then, switched
    in the same state with the palette toggle, the rules that depend on colours in the dark scheme
    (the document is the same in both: test_accessibility's colour_rules)."""
    from test_accessibility import AXE, axe_problems, colour_rules, switch_scheme

    context = browser.new_context(locale="nl-NL", viewport=PHONE, color_scheme="light")
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    problems = []
    try:
        page.goto(f"{served_pages}/vredestijd/v2/")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # the menu
        assert page.locator("#__drawer").is_checked()
        problems += axe_problems(page, "menu (light)")
        switch_scheme(page, "dark", pointer=False)  # in the page: the open menu covers the toggle
        assert page.locator("#__drawer").is_checked()  # still open
        problems += axe_problems(page, "menu (dark)", colour_rules(page))
        switch_scheme(page, "light", pointer=False)
        page.goto(f"{served_pages}/zelfscan/nazorg/")
        page.locator('fieldset[data-stap] input[value="ja"]').first.check()
        page.locator(".zelfscan__wis").focus()
        page.keyboard.press("Enter")  # the question, "Annuleren" focused
        question = page.evaluate("document.activeElement.outerHTML")
        problems += axe_problems(page, "zelfscan question (light)")
        # in the page: the dialog makes the toggle inert (a reader switches first; the state is the same)
        switch_scheme(page, "dark", pointer=False)
        assert page.evaluate("document.activeElement.outerHTML") == question  # still the question
        problems += axe_problems(page, "zelfscan question (dark)", colour_rules(page))
    finally:
        context.close()
    assert not problems, "\n".join(problems)


# --- one walk with the keyboard alone -----------------------------------------------------------


def tab_to(page, test: str, limit: int = 400, back: bool = False) -> None:
    """Press Tab (Shift+Tab) until the focused element passes the JavaScript test ``test``."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if page.evaluate(f"(el => {test})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached: {test}")


def past_the_menu(page) -> None:
    """Into the page's content as a keyboard user does: the first Tab reaches the skip link, Enter
    follows it (tabbing through the menu instead is the phone's route below, and the laptop's to the
    zelfscan; every stop of the menu is in test_every_tab_stop_shows_focus)."""
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")


@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_a_keyboard_alone_goes_from_home_to_a_step_ticks_it_answers_the_zelfscan_and_saves_it(browser, served_pages, size):
    context = browser.new_context(locale="nl-NL", viewport=size, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(f"{served_pages}/")
        page.evaluate("localStorage.clear()")
        # home -> the Vredestijd phase -> V2 -> its step V2.4, by links followed with Enter
        past_the_menu(page)
        tab_to(page, "el.closest('article') && el.getAttribute('href') && el.getAttribute('href').replace(/\\/$/, '').endsWith('vredestijd')")
        page.keyboard.press("Enter")
        page.wait_for_url("**/vredestijd/")
        past_the_menu(page)
        tab_to(page, "el.closest('article') && /(^|\\/)v2\\/?$/.test(el.getAttribute('href') || '')")
        page.keyboard.press("Enter")
        page.wait_for_url("**/vredestijd/v2/")
        past_the_menu(page)
        tab_to(page, "el.id === 'vink-v2-4'")
        page.keyboard.press("Space")  # the tick
        assert page.locator("#vink-v2-4").is_checked()
        assert page.locator(".checklist__voortgang").text_content().startswith("1 van ")
        # on to the zelfscan of the phase by the menu: beside the page on a laptop; on a phone, open
        # it, go back up its panels to the top, open the Zelfscan page and its link to the phase
        if size is PHONE:
            tab_to(page, "el.id === '__drawer'", back=True)
            page.keyboard.press("Enter")
            zelfscan = page.locator('.md-sidebar--primary a[href$="zelfscan/"]')
            for _ in range(4):  # focus starts on the open panel's way back
                if zelfscan.is_visible():
                    break
                if not page.evaluate("document.activeElement.matches('input[data-toetsenbord]:checked')"):
                    tab_to(page, "el.matches('input[data-toetsenbord]:checked') && el.id !== '__drawer'", back=True)
                page.keyboard.press("Space")
            tab_to(page, "el.closest('.md-sidebar--primary') && /zelfscan\\/?$/.test(el.getAttribute('href') || '')")
            page.keyboard.press("Enter")
            page.wait_for_url("**/zelfscan/")
            tab_to(page, "el.closest('article') && /vredestijd\\/?$/.test(el.getAttribute('href') || '')")
        else:
            tab_to(page, "el.closest('.md-sidebar--primary') && /zelfscan\\/vredestijd\\/?$/.test(el.getAttribute('href') || '')", back=True)
        page.keyboard.press("Enter")
        page.wait_for_url("**/zelfscan/vredestijd/")
        past_the_menu(page)
        tab_to(page, "el.name === 'V2.4'")
        page.keyboard.press("ArrowRight")  # the radio group: from nothing chosen, the arrow chooses
        chosen = page.evaluate("document.querySelector('input[name=\"V2.4\"]:checked')?.value")
        assert chosen, "no answer chosen"
        tab_to(page, "el.classList.contains('zelfscan__exporteer')", back=True)
        with page.expect_download() as download:
            page.keyboard.press("Enter")
        scan = json.loads(open(download.value.path(), encoding="utf-8").read())
        assert scan["antwoorden"] == {"V2.4": chosen}
        # and the tick is still there on the step's page (one state per step)
        page.goto(f"{served_pages}/vredestijd/v2/")
        assert page.locator("#vink-v2-4").is_checked()
    finally:
        context.close()
