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


def switch_scheme(page, scheme: str) -> None:
    """Switch the colour scheme as a reader does, with the palette toggle in the header (the system
    preference follows, for styles that ask for it)."""
    page.emulate_media(color_scheme=scheme)
    page.locator(f'label[for="__palette_{1 if scheme == "dark" else 0}"]').click()
    expected = "slate" if scheme == "dark" else "default"
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s", arg=expected)


def axe_problems(page, label: str, rules: list[str] | None = None) -> list[str]:
    """axe's violations on the page as it is: every WCAG rule, or only the rules given."""
    axe_started(page, rules)
    return axe_finished(page, label)


def axe_started(page, rules: list[str] | None = None) -> None:
    """Start axe on the page without waiting: the page's own renderer runs it while Python goes on
    with another tab (axe_finished waits for the result). Only the violations come back: axe
    details every node that passes too, which is most of a page."""
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG}
    page.evaluate(
        "runOnly => { window.axeResult = axe.run(document, {runOnly, resultTypes: ['violations']}).then(r => r.violations); }",
        run_only,
    )


def axe_finished(page, label: str) -> list[str]:
    violations = page.evaluate("window.axeResult")
    return [f"{label}: {v['id']} ({v['impact']}) x{len(v['nodes'])}: {v['nodes'][0]['target']}" for v in violations]


def page_checked_in_both_schemes(page, address: str, path: str, planted_css: str = ""):
    """The checks of one page, as steps: each `yield` leaves axe running in this tab."""
    page.goto(address)
    if planted_css:  # the test that the checks can fail
        page.add_style_tag(content=planted_css)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    page.add_script_tag(path=str(AXE))
    axe_started(page)
    yield
    problems = axe_finished(page, f"{path} (light)")
    switch_scheme(page, "dark")
    axe_started(page, colour_rules(page))
    yield
    problems += axe_finished(page, f"{path} (dark)")
    switch_scheme(page, "light")  # the next page opens in the light scheme again
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


def test_axe_finds_no_violations_on_any_page_in_either_colour_scheme(browser, served_site, site):
    """Each page once: every WCAG rule in the light scheme, then, switched to the dark scheme in
    the same page, the rules that depend on colours."""
    assert AXE.exists(), "node_modules/axe-core is missing: run ./dev test, which installs it"
    contexts = [browser.new_context(color_scheme="light", locale="nl-NL") for _ in range(2)]
    tabs = [context.new_page() for context in contexts]
    pages = pages_of(site)
    assert len(pages) > 40
    jobs = [
        lambda tab, path=path: page_checked_in_both_schemes(tab, f"{served_site}/{path}", path) for path in pages
    ]
    problems = interleaved(tabs, jobs)
    for context in contexts:
        context.close()
    assert not problems, "\n".join(problems)


def test_the_interleaved_checks_see_poor_contrast_in_the_dark_scheme_on_the_page_that_has_it(browser, served_site):
    """The loop above must be able to fail, on the right page: text as dark as the slate
    background fails the dark run of that page only. The page comes after more pages than there
    are tabs, so a loop that stops early fails here."""
    contexts = [browser.new_context(color_scheme="light", locale="nl-NL") for _ in range(2)]
    tabs = [context.new_page() for context in contexts]
    dark_text = "[data-md-color-scheme=slate] .md-typeset p { color: #1e2129 !important; }"
    jobs = [
        lambda tab, path=path, css=css: page_checked_in_both_schemes(tab, f"{served_site}/{path}", path, css)
        for path, css in (("vredestijd/", ""), ("crisis/", ""), ("nazorg/", ""), ("vredestijd/v2/", dark_text))
    ]
    problems = interleaved(tabs, jobs)
    for context in contexts:
        context.close()
    assert problems and all(p.startswith("vredestijd/v2/ (dark): color-contrast") for p in problems), problems


def test_the_first_tab_reaches_the_skip_link(page, served_site):
    page.goto(f"{served_site}/vredestijd/v2/")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.textContent.trim()]")
    assert "md-skip" in focused[0] and focused[1]
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""


def test_focus_is_visible_on_checkboxes_and_copy_buttons(page, served_site):
    page.goto(f"{served_site}/vredestijd/v2/")
    seen = set()
    for _ in range(90):  # tab as a keyboard user does (past the menu), until both controls of step V2.1 had focus
        page.keyboard.press("Tab")
        target = page.evaluate("document.activeElement.id || document.activeElement.getAttribute('data-anker')")
        if target in ("vink-v2-1", "v2-1"):
            style = page.evaluate("[getComputedStyle(document.activeElement).outlineStyle, getComputedStyle(document.activeElement).outlineWidth]")
            assert style[0] != "none" and style[1] != "0px", (target, style)
            seen.add(target)
        if len(seen) == 2:
            break
    assert seen == {"vink-v2-1", "v2-1"}


def test_copy_control_works_from_the_keyboard(page, served_site):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{served_site}/vredestijd/v2/")
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


def test_axe_finds_no_violations_in_the_presentation_in_either_colour_scheme(browser, served_site):
    problems = []
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, locale="nl-NL", viewport={"width": 1280, "height": 720})
        page = context.new_page()
        for path, moves in (("crisis/c3/", 0), ("crisis/c5/#c5-2", 0), ("vredestijd/v5/", 99)):
            page.goto(f"{served_site}/{path}")
            expected = "slate" if scheme == "dark" else "default"
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
            page.locator("button.presenteer").click()
            for _ in range(moves):
                page.keyboard.press("PageDown")
            page.add_script_tag(path=str(AXE))
            # the dialog's own markup is checked whole once, its colours in both schemes
            problems += axe_problems(page, f"{path} ({scheme})", colour_rules(page) if scheme == "dark" else None)
        context.close()
    assert not problems, "\n".join(problems)
