"""WCAG 2.2 beyond what axe checks: focus not hidden under the sticky header (2.4.11) and help in
the same place and order on every page (3.2.6). Target size (2.5.8) is axe's (test_accessibility)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from conftest import site_pages
from test_keyboard import TAB_ORDER, TAB_STOP

# The page's content tab stops that sit under the sticky header when they get focus, focused one
# after the other as Tab goes from the top of the page, or as Shift+Tab goes from its bottom (then
# each one scrolls in at the top, where the header is). The browser scrolls a stop into view for
# focus() as it does for Tab: compared once on these pages at both sizes, every stop of the content
# stood at the same place. Every content stop is checked, not only the first sixty from each end.
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


def hidden_focus(browser, url: str, size: tuple[int, int], planted_css: str = "") -> dict[str, list[str]]:
    """The stops hidden under the header, going forwards and backwards, on a page opened at the size."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    try:
        page.goto(url)
        if planted_css:
            page.add_style_tag(content=planted_css)
        return {key: page.evaluate(HIDDEN, key == "Shift+Tab") for key in ("Shift+Tab", "Tab")}
    finally:
        context.close()


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)])
@pytest.mark.parametrize("path", ["vredestijd/v2/", "crisis/c5/", "woordenlijst/"])
def test_keyboard_focus_is_never_hidden_under_the_sticky_header(browser, served_pages, path, size):
    assert hidden_focus(browser, f"{served_pages}/{path}", size) == {"Shift+Tab": [], "Tab": []}


def test_the_header_check_sees_focus_under_the_header_without_the_scroll_padding(browser, served_pages):
    """Without the room the site keeps under the header when the browser scrolls (scroll-padding),
    going back with Shift+Tab puts focus under the header: the check must say so."""
    hidden = hidden_focus(browser, f"{served_pages}/vredestijd/v2/", (1280, 800), "html { scroll-padding-top: 0 !important; }")
    assert hidden["Shift+Tab"], hidden


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
