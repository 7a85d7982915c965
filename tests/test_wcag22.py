"""WCAG 2.2 beyond what axe checks: focus not hidden under the sticky header (2.4.11) and help in
the same place and order on every page (3.2.6). Target size (2.5.8) is axe's (test_accessibility)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from conftest import site_pages
from test_keyboard import LAPTOP, hidden_focus


def test_keyboard_focus_is_never_hidden_under_the_sticky_header(visited_pages):
    """Every content tab stop of test_keyboard's pages, at a phone's and a laptop's size, going
    forwards from the top and backwards from the bottom (test_keyboard's HIDDEN, measured on the
    pages the fixture loads for test_keyboard's checks too)."""
    hidden = {path: visit["hidden"] for path, visit in visited_pages.items() if any(visit["hidden"].values())}
    assert not hidden, hidden


def test_the_header_check_sees_focus_under_the_header_without_the_scroll_padding(browser, served_pages):
    """Without the room the site keeps under the header when the browser scrolls (scroll-padding),
    going back with Shift+Tab puts focus under the header: the check must say so."""
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    try:
        page.goto(f"{served_pages}/vredestijd/v2/")
        page.add_style_tag(content="html { scroll-padding-top: 0 !important; }")
        hidden = hidden_focus(page)
    finally:
        context.close()
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
