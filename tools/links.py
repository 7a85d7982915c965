"""The link contract: every published address and anchor, kept working for trainers' slides.

    python -m tools.links write SITE_DIR   # add the addresses of a fresh build to links.txt
    python -m tools.links check SITE_DIR   # every entry still resolves, or a redirect keeps it alive

Addresses are site-root paths, as a trainer would paste them after the domain:
"/vredestijd/v2/", "/vredestijd/v2/#v2-4", "/r/v2-4/".
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

CONTRACT = Path(__file__).resolve().parent.parent / "links.txt"
# The anchors we promise: headings, steps, table rows and sections with an id of their own.
ANCHOR = re.compile(r'<(?:h[1-6]|li class="stap"|tr|section|li|dt)\b[^>]*\sid="([^"]+)"')
REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')


def page_url(site: Path, html_file: Path) -> str:
    rel = "/" + html_file.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


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


def resolve(site: Path, entry: str, hops: int = 3) -> str | None:
    """None if the entry works (directly or through redirects), else what is wrong."""
    url, _, anchor = entry.partition("#")
    url = url.lstrip("/")
    path = site / url / "index.html" if url.endswith("/") or url == "" else site / url
    if not path.exists():
        return "page not found and no redirect"
    text = path.read_text(encoding="utf-8")
    redirect = REDIRECT.search(text)
    if redirect and hops:
        target = (path.parent / redirect.group(1).split("#")[0]).resolve()
        rel = page_url(site, target / "index.html" if target.is_dir() else target)
        kept = redirect.group(1).partition("#")[2] or anchor
        return resolve(site, rel + (f"#{kept}" if kept else ""), hops - 1)
    if anchor and f'id="{anchor}"' not in text:
        return f"anchor #{anchor} not found"
    return None


def check(site: Path, entries: list[str]) -> list[str]:
    return [f"{entry}: {problem}" for entry in entries if (problem := resolve(site, entry))]


def read_contract(path: Path = CONTRACT) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def main(argv: list[str]) -> int:
    command, site = argv[0], Path(argv[1])
    if command == "write":
        old = read_contract() if CONTRACT.exists() else []
        new = sorted(set(old) | set(collect(site)))  # never drop a published address
        header = "# Published addresses and anchors: never remove a line. Made by ./dev links.\n"
        CONTRACT.write_text(header + "\n".join(new) + "\n", encoding="utf-8")
        print(f"links.txt: {len(new)} addresses ({len(new) - len(old)} new)")
        return 0
    problems = check(site, read_contract())
    print("\n".join(problems) or "all addresses resolve")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
