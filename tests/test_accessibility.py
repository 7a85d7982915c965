"""WCAG 2.1 AA with axe-core on every built page, in the light and the dark colour scheme, and
the keyboard paths a person without a mouse takes."""

import re

import pytest

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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_page(browser, served_site, site, scheme):
    assert AXE.exists(), "node_modules/axe-core is missing: run ./dev test, which installs it"
    context = browser.new_context(color_scheme=scheme, locale="nl-NL")
    page = context.new_page()
    problems = []
    pages = pages_of(site)
    assert len(pages) > 40
    for path in pages:
        page.goto(f"{served_site}/{path}")
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
        problems += [
            f"{path}: {v['id']} ({v['impact']}) x{len(v['nodes'])}: {v['nodes'][0]['target']}"
            for v in result["violations"]
        ]
    context.close()
    assert not problems, "\n".join(problems)


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
    for _ in range(60):  # tab as a keyboard user does, until both controls of step V2.1 had focus
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
    status.wait_for(state="attached")
    assert status.get_attribute("role") == "status"
    assert re.search(r"Link gekopieerd: http://127\.0\.0\.1:\d+/r/v2-4/", status.inner_text())
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_the_presentation(browser, served_site, scheme):
    context = browser.new_context(color_scheme=scheme, locale="nl-NL", viewport={"width": 1280, "height": 720})
    page = context.new_page()
    problems = []
    for path, moves in (("crisis/c3/", 0), ("crisis/c5/#c5-2", 0), ("vredestijd/v5/", 99)):
        page.goto(f"{served_site}/{path}")
        page.locator("button.presenteer").click()
        for _ in range(moves):
            page.keyboard.press("PageDown")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
        problems += [f"{path}: {v['id']} x{len(v['nodes'])}: {v['nodes'][0]['target']}" for v in result["violations"]]
    context.close()
    assert not problems, "\n".join(problems)
