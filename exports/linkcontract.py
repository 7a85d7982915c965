"""The link contract's check (links.txt, written by `python -m tools.links write`): every
published address and anchor still resolves in a built site, directly or through a redirect. Run
by the post-build step on every build, and by tools/links.py and the tests."""

from __future__ import annotations

import re
from pathlib import Path

from kennisbank.sitemap import address_of_file

CONTRACT = Path(__file__).resolve().parent.parent / "links.txt"
REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')


def page_url(site: Path, html_file: Path) -> str:
    return address_of_file(html_file.relative_to(site).as_posix())


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
