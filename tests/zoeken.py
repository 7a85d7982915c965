"""Search results two ways: typed into the site's search box in Chromium, as a reader would, and
from Material's own search worker run in node over the same built index (tests/search_worker.js),
which ranks exactly as the browser does without one. Shared by tests/test_search.py; usable alone:

    .venv/bin/python tests/zoeken.py SITE [query set ...]          # the sets in node
    .venv/bin/python tests/zoeken.py --compare SITE [query set ...]  # typed in Chromium vs node

SITE is a built site (served over http here) or an unpacked offline copy (opened from disk).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUERY_SETS = (
    "search_queries.yml", "search_queries_rollen.yml", "search_queries_methode.yml", "search_queries_apart.yml",
    "search_queries_vijf.yml", "search_queries_vijf_apart.yml",
)


def load_cases(name: str) -> list[dict]:
    """A query set: each case's acceptable pages under ``pages`` (or ``expect``, as the held-out
    sets name them); the old format ({query, page}) reads as one acceptable page."""
    cases = yaml.safe_load((ROOT / "tests" / name).read_text(encoding="utf-8"))
    return [dict(c, pages=c.get("pages") or c.get("expect") or [c["page"]]) for c in cases]


# The prompt over an empty result list ("Typ om te beginnen met zoeken"): shown once the index is
# loaded, and again whenever the box is emptied; an answer replaces it with a count of results.
PROMPT_SHOWN = "document.querySelector('.md-search-result__meta').textContent.includes('Typ om')"


def open_search(page, start_url: str) -> None:
    page.goto(start_url)
    page.locator("input.md-search__input").click()
    # Type only once the index is loaded: the prompt changes from "initialising" to "type to search".
    page.wait_for_function(PROMPT_SHOWN, timeout=15000)


def type_query(page, query: str, timeout: float = 5000, by_letter: bool = True) -> list[dict]:
    """Type the query; return the results once they belong to the whole query.

    Material reads the box on keyup (and focus) only, and sends the worker the box's whole value
    then. ``by_letter``: every letter a key, as a reader types, so each prefix is searched too and
    the answer to the whole query must win over the earlier ones. Otherwise ``fill_query``: the
    same query reaches the worker with one key instead of one per letter.

    Each result: href (article link), the section links below it, title and text as HTML; no
    result at all is an empty list.
    """
    if not by_letter:
        return fill_query(page, query, timeout)
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
    return read_results(page)


def fill_query(page, query: str, timeout: float = 5000) -> list[dict]:
    """All but the last letter filled in without a key (Material searches nothing for them), the
    last letter a key: Material searches the whole query, once. Emptying the box first brings back
    the prompt; the answer replaces it, and Material draws the answer's count and results in one
    go (it empties the list and adds the results in the same task), so once the prompt is gone
    the list is the answer to the whole query."""
    box = page.locator("input.md-search__input")
    box.fill("")
    page.wait_for_function(PROMPT_SHOWN, timeout=timeout, polling=20)
    box.fill(query[:-1])
    box.press_sequentially(query[-1])
    page.wait_for_function(f"!({PROMPT_SHOWN})", timeout=timeout, polling=20)
    return read_results(page)


def read_results(page) -> list[dict]:
    """The result list as drawn now."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.md-search-result__item')].map(li => ({
            href: li.querySelector('a').getAttribute('href'),
            sections: [...li.querySelectorAll('.md-search-result__link')].slice(1).map(a => a.getAttribute('href')),
            html: li.innerHTML,
            title: (li.querySelector('h1, h2') || {innerHTML: ''}).innerHTML,
        }))"""
    )


def type_expecting(page, query: str, expected: list[dict], timeout: float = 5000, by_letter: bool = True) -> list[dict]:
    """Type the query (``type_query``); if the list drawn differs from the expected results' first
    three, give the page up to ten seconds more to draw the answer to the whole query (on a busy
    machine the list may still show an answer to fewer letters when typing settles). Returns the
    list last drawn."""
    results = type_query(page, query, timeout, by_letter)
    for _ in range(50):
        if top_locations(results) == top_locations(expected):
            break
        page.wait_for_timeout(200)
        results = read_results(page)
    return results


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


def location_of(href: str) -> str:
    """A result link as the index names it: 'http://host/crisis/c5/?h=c5.2#c5-2' -> 'crisis/c5/#c5-2',
    'file:///…/kennisbank/crisis/c5.html?h=x' -> 'crisis/c5.html' (the offline copy's root is the
    folder 'kennisbank')."""
    path, _, fragment = href.partition("#")
    path = re.sub(r"^https?://[^/]+/|^file://.*?/kennisbank/", "", path.split("?")[0])
    return path + (f"#{fragment}" if fragment else "")


def hit(case: dict, results: list[dict], top: int = 3) -> bool:
    return any(page_of(r["href"]) in case["pages"] for r in results[:top])


def misses_of(cases: list[dict], seen: dict[str, list[dict]]) -> list[str]:
    """One readable line per query whose page is not among its first three results."""
    misses = []
    for case in cases:
        results = seen[case["query"]]
        if not hit(case, results):
            got = [page_of(r["href"]) for r in results[:3]] or "no results"
            misses.append(f"{case['query']!r}: expected {case['pages'][0]}, got {got}")
    return misses


def run(page, start_url: str, cases: list[dict], timeout: float = 5000) -> tuple[list[str], dict[str, list[dict]]]:
    """Typed in the browser: misses (one readable line each) and every query's results."""
    open_search(page, start_url)
    seen = {case["query"]: type_query(page, case["query"], timeout) for case in cases}
    return misses_of(cases, seen), seen


def worker_results(site: Path, queries: list[str]) -> dict[str, list[dict]]:
    """Every query's results from Material's search worker in node over the site's own index and
    scripts (tests/search_worker.js), in the form type_query returns them."""
    done = subprocess.run(
        ["node", str(ROOT / "tests" / "search_worker.js"), str(site)],
        input=json.dumps(queries), capture_output=True, text=True, encoding="utf-8",
    )
    if done.returncode != 0:
        raise RuntimeError(f"tests/search_worker.js failed:\n{done.stderr[-3000:]}")
    return {
        query: [
            {
                "href": r["location"],
                "sections": r["sections"],
                "title": r["title"],
                # every title and text the page would draw for this result (the page draws some
                # texts folded, so this holds at least what a reader can see)
                "html": " ".join(f"<h>{d['title']}</h> <p>{d['text']}</p>" for d in r["docs"]),
            }
            for r in results
        ]
        for query, results in json.loads(done.stdout).items()
    }


def run_in_node(site: Path, cases: list[dict]) -> tuple[list[str], dict[str, list[dict]]]:
    """The same as run, from the search worker in node."""
    seen = worker_results(site, [case["query"] for case in cases])
    return misses_of(cases, seen), seen


def top_locations(results: list[dict], top: int = 3) -> list[str]:
    """The first results' links, each with its sections, as the index names them."""
    return [" ".join(location_of(h) for h in [r["href"], *r["sections"]]) for r in results[:top]]


if __name__ == "__main__":
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    args = sys.argv[1:]
    compare = "--compare" in args
    args = [a for a in args if a != "--compare"]
    site, names = Path(args[0]).resolve(), args[1:] or list(QUERY_SETS)
    offline = (site / "search" / "search_index.js").exists() and not (site / "search" / "search_index.json").exists()
    for name in names:
        cases = load_cases(Path(name).name)
        misses, in_node = run_in_node(site, cases)
        print(f"{name} (node): {len(cases) - len(misses)}/{len(cases)} in the first three")
        for line in misses:
            print("  miss", line)
    if not compare:
        sys.exit(0)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = None
    if offline:
        start = (site / "index.html").as_uri()
    else:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        start = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        page = browser.new_page()
        for name in names:
            cases = load_cases(Path(name).name)
            _, in_node = run_in_node(site, cases)
            open_search(page, start)
            typed = {c["query"]: type_expecting(page, c["query"], in_node[c["query"]], 30000) for c in cases}
            same = [c["query"] for c in cases if top_locations(typed[c["query"]]) == top_locations(in_node[c["query"]])]
            print(f"{name}: browser and node agree on the first three (with sections) for {len(same)}/{len(cases)}")
            for case in cases:
                q = case["query"]
                if q not in same:
                    print(f"  differ {q!r}:\n    browser {top_locations(typed[q])}\n    node    {top_locations(in_node[q])}")
        browser.close()
    if server:
        server.shutdown()
