"""WCAG 2.1 AA with axe-core on every built page, in the light and the dark colour scheme, and
the keyboard paths a person without a mouse takes."""

import re

from playwright.sync_api import expect

from conftest import ROOT, TEST_SITE_URL

AXE = ROOT / "node_modules/axe-core/axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pages_of(site):
    """Every content page; short-link redirect pages hold no content."""
    found = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("r/"):
            continue
        found.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return found


def colour_rules(page) -> list[str]:
    """The WCAG rules whose outcome depends on colours (axe's category "cat.color": contrast and
    links told apart from text by colour). Every other rule reads the document, which is the same
    in both colour schemes (Material's dark scheme, "slate", changes only CSS custom properties)."""
    rules = page.evaluate("tags => axe.getRules(tags).filter(r => r.tags.includes('cat.color')).map(r => r.ruleId)", WCAG)
    assert "color-contrast" in rules, rules
    return rules


def other_rules(page) -> list[str]:
    """Every WCAG rule but the colour rules."""
    colour = colour_rules(page)
    return [r for r in page.evaluate("tags => axe.getRules(tags).map(r => r.ruleId)", WCAG) if r not in colour]


def switch_scheme(page, scheme: str, pointer: bool = True) -> None:
    """Switch the colour scheme as a reader does, with the palette toggle in the header (the system
    preference follows, for styles that ask for it). Without `pointer` the toggle is clicked in the
    page (label.click()): the same toggle and the same handlers, without Playwright's checks that a
    pointer can reach it and the pointer's moves, which cost five times as much (measured)."""
    page.emulate_media(color_scheme=scheme)
    toggle = f'label[for="__palette_{1 if scheme == "dark" else 0}"]'
    if pointer:
        page.locator(toggle).click()
    else:
        page.evaluate("toggle => document.querySelector(toggle).click()", toggle)
    expected = "slate" if scheme == "dark" else "default"
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s", arg=expected)


def scheme_of(page) -> str:
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme in ("default", "slate"), scheme
    return "dark" if scheme == "slate" else "light"


def axe_problems(page, label: str, rules: list[str] | None = None) -> list[str]:
    """axe's violations on the page as it is: every WCAG rule, or only the rules given."""
    axe_started(page, rules)
    return axe_finished(page, label)


def axe_started(page, rules: list[str] | None = None) -> None:
    """Start axe on the page without waiting: the page's own renderer runs it while Python goes on
    with another tab (axe_finished waits for the result). Only the violations come back: axe
    details every node that passes too, which is most of a page. axe judges the page at rest: after
    the transitions running (a button's colours easing into focus would read as a third colour)."""
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG}
    page.evaluate(
        "runOnly => { const later = () => new Promise(go => setTimeout(go)), ending = document.getAnimations().filter(a => a.effect && a.effect.getTiming().iterations !== Infinity);"
        " window.axeResult = Promise.all([later(), ...ending.map(a => a.finished.catch(() => null))])"
        ".then(() => axe.run(document, {runOnly, resultTypes: ['violations']})).then(r => r.violations); }",
        run_only,
    )


def described(violations: list[dict], label: str) -> list[str]:
    return [f"{label}: {v['id']} ({v['impact']}) x{len(v['nodes'])}: {v['nodes'][0]['target']}" for v in violations]


def axe_finished(page, label: str) -> list[str]:
    return described(page.evaluate("window.axeResult"), label)


# The look of every visible text on the page, as far as axe's colour rules are concerned: its
# colour, size, weight, shadow and underline; the opacity, filters and blending of it and of every
# box it sits in; the backgrounds behind it up to the first opaque one; and for a link, the colour
# of the text around it and whether there is any (a link in running text must stand out from it:
# link-in-text-block). Texts alike in all of these get the same verdict, whatever page they are on:
# these are the outcome of the site's CSS (one for all pages) computed for the text itself, so
# classes, nesting, states and selectors of every kind are accounted for.
LOOKS = """scheme => {
  const ownText = e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  const through = new Map(), behind = new Map();
  // the opacity of a box and the boxes around it (multiplied), and their filters and blending
  const seenThrough = box => { if (!box) return [1, '']; if (!through.has(box)) {
    const b = getComputedStyle(box), [opacity, effects] = seenThrough(box.parentElement);
    const own = b.filter !== 'none' || b.mixBlendMode !== 'normal' ? `${b.filter} ${b.mixBlendMode} ` : '';
    through.set(box, [opacity * b.opacity, own + effects]); } return through.get(box); };
  // the backgrounds of a box and of the boxes around it, up to the first opaque one
  const background = box => { if (!box) return ''; if (!behind.has(box)) {
    const b = getComputedStyle(box), painted = b.backgroundColor !== 'rgba(0, 0, 0, 0)' || b.backgroundImage !== 'none';
    behind.set(box, (painted ? `${b.backgroundColor} ${b.backgroundImage} / ` : '') + (b.backgroundColor.startsWith('rgb(') ? '' : background(box.parentElement)));
  } return behind.get(box); };
  const looks = new Map(), texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) {
    const el = texts.currentNode.parentElement;
    if (looks.has(el) || !texts.currentNode.textContent.trim() || !el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const s = getComputedStyle(el);
    const link = el.tagName === 'A' ? [ownText(el.parentElement), getComputedStyle(el.parentElement).color] : [];
    looks.set(el, [scheme, s.color, s.fontSize, s.fontWeight, s.textShadow, s.textDecorationLine, ...link, ...seenThrough(el), background(el)].join(' | '));
  }
  return looks;
}"""

# Start the colour rules on the page's texts of a look that has no verdict yet (every text of that
# look on the page); false when there are none. The result: the violations, and the looks decided
# here: a look is decided once axe judged a text of it (passed or failed it; a text axe could not
# judge, overlapped say, or did not look at leaves its look open for the next page).
COLOUR_STARTED = """([rules, decided, scheme]) => {
  const known = new Set(decided), ownText = e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  const fresh = new Map([...(LOOKS)(scheme)].filter(([, look]) => !known.has(look)));
  if (!fresh.size) return false;
  window.axeResult = new Promise(go => setTimeout(go)).then(() => axe.run({include: [...fresh.keys()]}, {runOnly: {type: 'rule', values: rules}, resultTypes: ['violations', 'passes']})
    .then(r => {
      const judged = rule => new Set([...r.violations, ...r.passes].filter(v => v.id === rule)
        .flatMap(v => v.nodes.map(n => document.querySelector(n.target[0]))));
      const contrast = judged('color-contrast'), inText = judged('link-in-text-block');
      const done = [...fresh].filter(([el]) => contrast.has(el) && !(el.tagName === 'A' && ownText(el.parentElement) && !inText.has(el)));
      return {violations: r.violations, decided: [...new Set(done.map(([, look]) => look))]};
    }));
  return true;
}""".replace("LOOKS", LOOKS)


def page_checked(page, address: str, path: str, decided: set, planted_css: str = ""):
    """The checks of one page, as steps: each `yield` leaves axe running in this tab. The page
    opens in the scheme the tab's last page was left in (the theme keeps the reader's choice):
    every rule but the colour rules once, then the colour rules in that scheme and, switched with
    the palette toggle, in the other, each on the texts of a look not yet decided (`decided`)."""
    page.goto(address)
    if planted_css:  # the tests that the checks can fail
        page.add_style_tag(content=planted_css)
    first = scheme_of(page)
    axe_started(page, other_rules(page))
    yield
    problems = axe_finished(page, path)
    rules = colour_rules(page)
    assert set(rules) == {"color-contrast", "link-in-text-block"}, f"a new colour rule in axe: share its verdicts in COLOUR_STARTED ({rules})"
    for scheme in (first, "dark" if first == "light" else "light"):
        if scheme != first:
            switch_scheme(page, scheme, pointer=False)
        if page.evaluate(COLOUR_STARTED, [rules, sorted(decided), scheme]):
            yield
            result = page.evaluate("window.axeResult")
            decided.update(result["decided"])
            problems += described(result["violations"], f"{path} ({scheme})")
    return problems


def interleaved(tabs: list, jobs) -> list[str]:
    """Run the jobs' steps round-robin over the tabs (one browser context each, so one renderer
    process each): while axe works in one tab, the next tab loads and starts. The checks are the
    same as one page after the other; the machine's cores share the work."""
    waiting = list(jobs)
    running: list = [None] * len(tabs)
    problems: list[str] = []
    while waiting or any(running):
        for slot, tab in enumerate(tabs):
            if running[slot] is None and waiting:
                running[slot] = waiting.pop(0)(tab)
            if running[slot] is None:
                continue
            try:
                next(running[slot])
            except StopIteration as done:
                problems += done.value
                running[slot] = None
    return problems


def checked_pages(browser, served_pages: str, pages: list[tuple[str, str]]) -> list[str]:
    """axe's findings on the pages (path, CSS planted on it or ""), over two tabs."""
    contexts = [browser.new_context(color_scheme="light", locale="nl-NL") for _ in range(2)]
    for context in contexts:
        context.add_init_script(path=str(AXE))  # in every page from the start: injecting it per page cost a fifth of a load
    tabs = [context.new_page() for context in contexts]
    decided: set[str] = set()
    jobs = [
        lambda tab, path=path, css=css: page_checked(tab, f"{served_pages}/{path}", path, decided, css) for path, css in pages
    ]
    try:
        return interleaved(tabs, jobs)
    finally:
        for context in contexts:
            context.close()


def test_axe_finds_no_violations_on_any_page_in_either_colour_scheme(browser, served_pages, site):
    """Every page: every WCAG rule but the colour rules, once (they read the document, the same in
    both schemes); and the colour rules in both schemes, each text once per look (COLOUR_LOOK):
    a text that looks like one already judged, on this page or an earlier one, gets the same
    verdict, so the colour rules look only at texts of a look not judged yet. On the built site
    that is some 80 looks per scheme, found on some 20 pages; the other pages pass without a colour
    run. A page opens in the scheme its tab's last page ended in and switches once."""
    assert AXE.exists(), "node_modules/axe-core is missing: run ./dev test, which installs it"
    pages = pages_of(site)
    assert len(pages) > 40
    problems = checked_pages(browser, served_pages, [(path, "") for path in pages])
    assert not problems, "\n".join(problems)


def test_the_interleaved_checks_see_poor_contrast_on_the_page_that_has_it_in_either_scheme(browser, served_pages):
    """The loop above must be able to fail, on the right page and in the right scheme: text as dark
    as the slate background fails the dark run of one page, text as light as the white background
    the light run of another; the pages come after more pages than there are tabs, so a loop that
    stops early fails here, and after pages whose texts share every other look, so sharing verdicts
    between looks that differ would fail here too."""
    dark_text = "[data-md-color-scheme=slate] .md-typeset p { color: #1e2129 !important; }"
    light_text = "[data-md-color-scheme=default] .md-typeset li { color: #eeeeee !important; }"
    pages = [("vredestijd/", ""), ("crisis/", ""), ("vredestijd/v2/", dark_text), ("crisis/c3/", light_text)]
    problems = checked_pages(browser, served_pages, pages)
    assert any(p.startswith("vredestijd/v2/ (dark): color-contrast") for p in problems), problems
    assert any(p.startswith("crisis/c3/ (light): color-contrast") for p in problems), problems
    assert all(p.startswith(("vredestijd/v2/ (dark): color-contrast", "crisis/c3/ (light): color-contrast")) for p in problems), problems


def test_the_first_tab_reaches_the_skip_link(page, served_pages):
    page.goto(f"{served_pages}/vredestijd/v2/")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.textContent.trim()]")
    assert "md-skip" in focused[0] and focused[1]
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""


def test_focus_is_visible_on_checkboxes_and_copy_buttons(page, served_pages):
    """The site's own controls of a step, its tick box and its copy button, show an outline when Tab
    reaches them: from the tab stop before the box, Tab as a keyboard user does. That Tab gets there
    from the top of the page, past the menu, is the keyboard walk's (test_keyboard, step V2.4);
    the focus of every tab stop of this page at two sizes is test_keyboard's too."""
    page.goto(f"{served_pages}/vredestijd/v2/")
    page.locator("#vink-v2-1").focus()
    page.keyboard.press("Shift+Tab")  # the stop before the box
    seen = set()
    for _ in range(5):
        page.keyboard.press("Tab")
        target = page.evaluate("document.activeElement.id || document.activeElement.getAttribute('data-anker')")
        if target in ("vink-v2-1", "v2-1"):
            style = page.evaluate("[getComputedStyle(document.activeElement).outlineStyle, getComputedStyle(document.activeElement).outlineWidth]")
            assert style[0] != "none" and style[1] != "0px", (target, style)
            seen.add(target)
        if len(seen) == 2:
            break
    assert seen == {"vink-v2-1", "v2-1"}


def test_copy_control_works_from_the_keyboard(page, served_pages):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{served_pages}/vredestijd/v2/")
    page.locator('button[data-anker="v2-4"]').focus()
    page.keyboard.press("Enter")
    status = page.locator(".kopieer-status")
    # the region waits in the page before its first message: wait for the message itself
    expect(status).to_contain_text(re.compile(r"Link gekopieerd: http://127\.0\.0\.1:\d+/r/v2-4/"))
    assert status.get_attribute("role") == "status"
    assert page.evaluate("navigator.clipboard.readText()").endswith("/r/v2-4/")


def test_404_page_is_dutch_and_helpful(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in html and "Pagina niet gevonden" in html
    assert "korte-links/" in html and "zoekveld" in html


def test_external_links_open_safely(site):
    for path in site.rglob("*.html"):
        for tag in re.findall(r'<a\b[^>]*href="https?://[^"]*"[^>]*>', path.read_text(encoding="utf-8")):
            if f'href="{TEST_SITE_URL}' in tag:
                continue  # the site's own address (site_url), e.g. the 404 page's link home
            assert 'rel="noopener' in tag or "noopener" in tag, (path, tag)


def test_axe_finds_no_violations_in_the_presentation_in_either_colour_scheme(browser, served_pages):
    """The presentation dialog on its first screen, on a step's screen and on its last screen (End:
    the script draws a screen the same whichever key reached it)."""
    problems = []
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, locale="nl-NL", viewport={"width": 1280, "height": 720})
        context.add_init_script(path=str(AXE))
        page = context.new_page()
        for path, key in (("crisis/c3/", None), ("crisis/c5/#c5-2", None), ("vredestijd/v5/", "End")):
            page.goto(f"{served_pages}/{path}")
            expected = "slate" if scheme == "dark" else "default"
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
            page.locator("button.presenteer").click()
            if key:
                page.keyboard.press(key)
                assert page.locator(".presentatie__volgende").is_disabled()  # the last screen
            # the dialog's own markup is checked whole once, its colours in both schemes
            problems += axe_problems(page, f"{path} ({scheme})", colour_rules(page) if scheme == "dark" else None)
        context.close()
    assert not problems, "\n".join(problems)
