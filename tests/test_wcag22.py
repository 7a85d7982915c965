"""WCAG 2.2 beyond what axe checks: focus not hidden under the sticky header (2.4.11) and help in
the same place and order on every page (3.2.6). Target size (2.5.8) is axe's (test_accessibility)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from conftest import site_pages

# where the focused element is against the sticky header, after the browser scrolled it into view
WHERE = """() => {
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const el = document.activeElement;
  // the sidebars stand below the header by design; the page's content scrolls under it
  if (!el || !el.closest('.md-content')) return null;
  const r = el.getBoundingClientRect();
  return {what: el.outerHTML.slice(0, 80), bottom: r.bottom, top: r.top, header: header.bottom};
}"""


def hidden_while_tabbing(page, url: str, key: str, presses: int) -> list[str]:
    page.goto(url)
    if key == "Shift+Tab":
        page.keyboard.press("End")  # backwards from the bottom: each element scrolls in at the top
        page.wait_for_timeout(200)
    hidden = []
    for _ in range(presses):
        page.keyboard.press(key)
        where = page.evaluate(WHERE)
        if where and 0 < where["bottom"] <= where["header"] + 1:
            hidden.append(where["what"])
    return hidden


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)])
@pytest.mark.parametrize("path", ["vredestijd/v2/", "crisis/c5/", "woordenlijst/"])
def test_keyboard_focus_is_never_hidden_under_the_sticky_header(browser, served_site, path, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    try:
        for key in ("Shift+Tab", "Tab"):
            assert hidden_while_tabbing(page, f"{served_site}/{path}", key, 60) == [], key
    finally:
        context.close()


def help_links(html: str, address: str) -> list[tuple[str, str]]:
    block = re.search(r'<p class="hulp[^"]*">(.*?)</p>', html, re.S)
    assert block, f"{address}: no help links in the footer"
    return [(text.strip(), urljoin(address, href)) for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', block.group(1))]


def test_help_stands_in_the_same_place_and_order_on_every_page(site):
    seen = {}
    for name, html in site_pages(site).items():
        if 'http-equiv="refresh"' in html or name.startswith("r/"):
            continue  # short-link redirect pages
        address = "https://k.example/" + name.removesuffix("index.html")
        links = help_links(html, address)
        for _, target in links:
            assert (site / target.removeprefix("https://k.example/") / "index.html").is_file(), (name, target)
        seen[name] = links
    reference = seen["index.html"]
    assert len(reference) >= 3
    assert all(links == reference for links in seen.values()), [n for n, links in seen.items() if links != reference][:5]
