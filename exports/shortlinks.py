"""The short links' redirect pages (/r/v2/ -> /vredestijd/v2/, /r/v2-4/ -> its step), written into
the built site by the post-build step: static pages, so they work from any web server and from
file:// in the offline copy."""

from __future__ import annotations

import html
from pathlib import Path

from kennisbank import sitemap
from kennisbank.model import Content

from .pdf_exports import ExportError


def redirect_page(label: str, target: str) -> str:
    """A static redirect: works without JavaScript and from file://, and tells search engines."""
    url = html.escape(target, quote=True)
    return (
        '<!doctype html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>Doorverwijzing naar {html.escape(label)}</title>"
        f'<meta http-equiv="refresh" content="0; url={url}">'
        f'<link rel="canonical" href="{url}"><meta name="robots" content="noindex"></head>'
        f'<body><p>Deze korte link verwijst naar <a href="{url}">{html.escape(label)}</a>.</p></body></html>\n'
    )


def write(site_dir: Path, content: Content, directory_urls: bool) -> int:
    """Write every short link's page; ExportError when one would overwrite a page of the site."""
    links = sitemap.short_links(content)
    for path, link in links.items():
        out = site_dir / path / "index.html"
        if out.exists() and "Doorverwijzing naar" not in out.read_text(encoding="utf-8"):
            raise ExportError(f"short link /{path} collides with a page of the site")
        target = sitemap.url_of(link.page, directory_urls)
        url = sitemap.relative_url(target, path) + (f"#{link.anchor}" if link.anchor else "")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(redirect_page(link.label, url), encoding="utf-8")
    return len(links)
