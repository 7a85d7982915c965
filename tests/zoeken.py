"""Typing queries into the site's search box in Chromium and reading the results, as a reader would.

Shared by the browser tests (tests/test_search.py) and usable alone to measure a query set:

    .venv/bin/python tests/zoeken.py /tmp/site11 tests/search_queries_rollen.yml
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUERY_SETS = ("search_queries.yml", "search_queries_rollen.yml")


def load_cases(name: str) -> list[dict]:
    """A query set; the old format ({query, page}) reads as one acceptable page."""
    cases = yaml.safe_load((ROOT / "tests" / name).read_text(encoding="utf-8"))
    return [dict(c, pages=c.get("pages") or [c["page"]]) for c in cases]


def open_search(page, start_url: str) -> None:
    page.goto(start_url)
    page.locator("input.md-search__input").click()
    # Type only once the index is loaded: the prompt changes from "initialising" to "type to search".
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.includes('Typ om')", timeout=15000
    )


def type_query(page, query: str, timeout: float = 5000) -> list[dict]:
    """Type the query letter by letter; return the results once they belong to the whole query.

    Each result: href (article link), the section links below it, title and text as HTML; no
    result at all is an empty list.
    """
    box = page.locator("input.md-search__input")
    box.fill("")
    # Material searches in a worker on every keyup and answers in order. Type all but the last
    # letter and let those answers settle; then the redraw after the last letter is the answer
    # to the whole query (on a busy machine an earlier answer could otherwise pass for it).
    if len(query) > 1:
        box.press_sequentially(query[:-1])
        settle(page, timeout)
    page.evaluate(
        """() => { window.__zoekRedrawn = false;
                   new MutationObserver((_, o) => { window.__zoekRedrawn = true; o.disconnect(); })
                     .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true, characterData: true}); }"""
    )
    box.press_sequentially(query[-1])
    try:
        page.wait_for_function("window.__zoekRedrawn", timeout=2000, polling=20)
    except Exception:  # the same results as one letter less: nothing to redraw
        pass
    settle(page, timeout)
    return page.evaluate(
        """() => [...document.querySelectorAll('.md-search-result__item')].map(li => ({
            href: li.querySelector('a').getAttribute('href'),
            sections: [...li.querySelectorAll('.md-search-result__link')].slice(1).map(a => a.getAttribute('href')),
            html: li.innerHTML,
            title: (li.querySelector('h1, h2') || {innerHTML: ''}).innerHTML,
        }))"""
    )


def settle(page, timeout: float) -> None:
    """Wait until the result list has not changed for 150 ms."""
    page.evaluate("window.__zoekMeta = null")
    page.wait_for_function(
        """() => {
            const meta = document.querySelector('.md-search-result__meta').textContent;
            const list = document.querySelector('.md-search-result__list').innerHTML;
            const now = meta + list, then = window.__zoekMeta;
            if (!then || then.value !== now) { window.__zoekMeta = {value: now, at: performance.now()}; return false; }
            return performance.now() - then.at > 150;
        }""",
        timeout=timeout, polling=50,
    )


def page_of(href: str) -> str:
    """'http://host/crisis/c5/?h=x#c5-2' or 'file:///…/kennisbank/crisis/c5.html' -> 'crisis/c5/'
    (the page a result opens; the offline copy's root is the folder 'kennisbank')."""
    path = re.sub(r"^(\.\./|\./)+", "", href.split("#")[0].split("?")[0])
    path = re.sub(r"^https?://[^/]+/|^file://.*?/kennisbank/", "", path)
    path = re.sub(r"(^|/)index\.html$", r"\1", path)
    return re.sub(r"\.html$", "/", path)


def hit(case: dict, results: list[dict], top: int = 3) -> bool:
    return any(page_of(r["href"]) in case["pages"] for r in results[:top])


def run(page, start_url: str, cases: list[dict]) -> tuple[list[str], dict[str, list[dict]]]:
    """Misses (one readable line each) and every query's results."""
    open_search(page, start_url)
    misses, seen = [], {}
    for case in cases:
        results = type_query(page, case["query"])
        seen[case["query"]] = results
        if not hit(case, results):
            got = [page_of(r["href"]) for r in results[:3]] or "no results"
            misses.append(f"{case['query']!r}: expected {case['pages'][0]}, got {got}")
    return misses, seen


if __name__ == "__main__":
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    site, names = Path(sys.argv[1]), sys.argv[2:] or list(QUERY_SETS)
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        page = browser.new_page()
        for name in names:
            cases = load_cases(Path(name).name)
            misses, _ = run(page, f"http://127.0.0.1:{server.server_address[1]}/", cases)
            print(f"{name}: {len(cases) - len(misses)}/{len(cases)} in the first three")
            for line in misses:
                print("  miss", line)
        browser.close()
    server.shutdown()
