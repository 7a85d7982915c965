"""The link contract: every published address and anchor, kept working for trainers' slides.

    python -m tools.links write SITE_DIR   # add the addresses of a fresh build to links.txt
    python -m tools.links check SITE_DIR   # every entry still resolves, or a redirect keeps it alive,
                                           # and every link in every page leads to a page and anchor
    python -m tools.links compare SITE_A SITE_B   # two builds (MkDocs', Zensical's) have the same
                                           # pages, anchors, tags and abbreviations

Addresses are site-root paths, as a trainer would paste them after the domain:
"/vredestijd/v2/", "/vredestijd/v2/#v2-4", "/r/v2-4/".
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

from exports.linkcontract import REDIRECT, check, page_url, read_contract, resolve  # noqa: F401 (re-exported)
from kennisbank.sitemap import SELECTION, built_file

CONTRACT = Path(__file__).resolve().parent.parent / "links.txt"
# The anchors we promise: headings, steps, table rows and sections with an id of their own.
ANCHOR = re.compile(r'<(?:h[1-6]|li class="stap"|tr|section|li|dt)\b[^>]*\sid="([^"]+)"')


def collect(site: Path) -> list[str]:
    """Every page address and promised anchor of a built site, sorted."""
    entries = set()
    for html_file in site.rglob("*.html"):
        if html_file.name == "404.html":
            continue
        url = page_url(site, html_file)
        entries.add(url)
        text = html_file.read_text(encoding="utf-8")
        if REDIRECT.search(text):
            continue  # a redirect page promises only its own address
        entries.update(f"{url}#{anchor}" for anchor in ANCHOR.findall(text) if not anchor.startswith("__"))
    return sorted(entries)


LINK = re.compile(r'<a\b[^>]*\shref="([^"]+)"|<meta http-equiv="refresh" content="0; url=([^"]+)"')


# the selection page's file, served and offline
SELECTION_FILES = {built_file(SELECTION, directory_urls) for directory_urls in (True, False)}


def broken_links(site: Path) -> list[str]:
    """Every link in every page (raw HTML and SVG too, and the redirects of short links) that
    does not lead to a page of the site and an anchor on it."""
    site = site.resolve()
    ids_of: dict[Path, set[str]] = {}
    broken = []
    for path in sorted(site.rglob("*.html")):
        if path.name == "404.html":  # served at any depth, so it links from the site root
            continue
        for match in LINK.finditer(path.read_text(encoding="utf-8")):
            href = match.group(1) or match.group(2)
            if re.match(r"^(https?:|mailto:|tel:|javascript:)", href):
                continue
            url, anchor = urldefrag(urljoin(path.as_uri(), href))
            url = url.split("?")[0]  # a query (a lesson's title) names no file
            target = Path(unquote(url[len("file://"):]))
            target = target / "index.html" if url.endswith("/") else target
            where = f"{page_url(site, path)}: {href}"
            if not target.is_relative_to(site):
                broken.append(f"{where}: outside the site")
            elif not target.exists():
                broken.append(f"{where}: no such page")
            elif anchor and target.suffix == ".html":
                if target not in ids_of:
                    ids_of[target] = set(re.findall(r'\sid="([^"]+)"', target.read_text(encoding="utf-8")))
                # a lesson (sitemap.lesson_link) names several steps of the selection page
                wanted = anchor.split(",") if target.relative_to(site).as_posix() in SELECTION_FILES else [anchor]
                missing = [a for a in wanted if a not in ids_of[target]]
                if missing:
                    broken.append(f"{where}: no such anchor" + (f": {', '.join(missing)}" if len(wanted) > 1 else ""))
    return broken


TAG = re.compile(r'<a[^>]*class="md-tag[^"]*"[^>]*>([^<]+)</a>|<span class="md-tag[^"]*">([^<]+)</span>')
ABBR = re.compile(r"<abbr\b")


def fingerprint(site: Path) -> dict[str, tuple]:
    """Per page: its promised anchors, its tags and how many abbreviations explain themselves."""
    pages = {}
    for html_file in sorted(site.rglob("*.html")):
        text = html_file.read_text(encoding="utf-8")
        anchors = frozenset(a for a in ANCHOR.findall(text) if not a.startswith("__"))
        tags = frozenset(a or b for a, b in TAG.findall(text))
        pages[page_url(site, html_file)] = (anchors, tags, len(ABBR.findall(text)))
    return pages


def compare(a: Path, b: Path) -> list[str]:
    """How two builds of the site differ in what readers and links rely on."""
    fa, fb = fingerprint(a), fingerprint(b)
    problems = [f"{url}: only in {a}" for url in sorted(fa.keys() - fb.keys())]
    problems += [f"{url}: only in {b}" for url in sorted(fb.keys() - fa.keys())]
    for url in sorted(fa.keys() & fb.keys()):
        (anchors_a, tags_a, abbr_a), (anchors_b, tags_b, abbr_b) = fa[url], fb[url]
        if anchors_a != anchors_b:
            problems.append(f"{url}: anchors differ: {sorted(anchors_a ^ anchors_b)[:8]}")
        if tags_a != tags_b:
            problems.append(f"{url}: tags differ: {sorted(tags_a)} / {sorted(tags_b)}")
        if abbr_a != abbr_b:
            problems.append(f"{url}: abbreviations differ: {abbr_a} / {abbr_b}")
    return problems


def main(argv: list[str]) -> int:
    command, site = argv[0], Path(argv[1]).resolve()  # the check compares resolved paths
    if command == "compare":
        problems = compare(site, Path(argv[2]))
        print("\n".join(problems) or "same pages, anchors, tags and abbreviations")
        return 1 if problems else 0
    if command == "write":
        old = read_contract() if CONTRACT.exists() else []
        new = sorted(set(old) | set(collect(site)))  # never drop a published address
        header = "# Published addresses and anchors: never remove a line. Made by ./dev links.\n"
        CONTRACT.write_text(header + "\n".join(new) + "\n", encoding="utf-8")
        print(f"links.txt: {len(new)} addresses ({len(new) - len(old)} new)")
        return 0
    problems = check(site, read_contract()) + broken_links(site)
    print("\n".join(problems) or "all addresses and links resolve")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
