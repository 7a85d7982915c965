"""Short links for trainers (/r/v2/, /r/v2-4/) and the redirect pages that serve them (pure)."""

from __future__ import annotations

from kennisbank.model import Content
from .render_text import esc_html

PREFIX = "r"


def short_path(slug: str) -> str:
    """The site path of a short link: "v2" -> "r/v2/", "v2-4" -> "r/v2-4/" (the one scheme)."""
    return f"{PREFIX}/{slug}/"


class ShortLinkError(ValueError):
    pass


def short_links(content: Content) -> dict[str, tuple[str, str, str]]:
    """Short path -> (label, docs path of the target page, anchor) for every recommendation and step.

    Slugs come from ids (V2 -> v2, V2.4 -> v2-4), so they never change while ids don't; two ids
    that would share a slug stop the build instead of one silently winning.
    """
    links: dict[str, tuple[str, str, str]] = {}

    def add(slug: str, label: str, page: str, anchor: str) -> None:
        path = short_path(slug)
        if path in links:
            raise ShortLinkError(f"short link /{path} of {label} collides with {links[path][0]}")
        links[path] = (label, page, anchor)

    for handvat in content.handvatten.values():
        add(handvat.id.lower(), handvat.id, handvat.page, "")
        for step in handvat.steps:
            add(step.anchor, step.id, handvat.page, step.anchor)
    return links


def redirect_page(label: str, target: str) -> str:
    """A static redirect: works without JavaScript and from file://, and tells search engines."""
    url = esc_html(target)
    return (
        '<!doctype html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>Doorverwijzing naar {esc_html(label)}</title>"
        f'<meta http-equiv="refresh" content="0; url={url}">'
        f'<link rel="canonical" href="{url}"><meta name="robots" content="noindex"></head>'
        f'<body><p>Deze korte link verwijst naar <a href="{url}">{esc_html(label)}</a>.</p></body></html>\n'
    )


def render_short_link_table(content: Content, links: dict[str, tuple[str, str, str]], href_site) -> str:
    """The trainers' page: every short link with a copy button, grouped per recommendation."""
    rows = []
    for path, (label, _page, anchor) in links.items():
        title = ""
        if not anchor:
            title = esc_html(content.handvat(label).data.short_title)
        cls = ' class="handvat-rij"' if not anchor else ""
        rows.append(
            f'<tr id="{esc_html(path.split("/")[1])}"{cls}><th scope="row">{esc_html(label)}</th><td>{title}</td>'
            f'<td><a href="{esc_html(href_site(path))}"><code>/{esc_html(path)}</code></a></td>'
            f'<td><button type="button" class="kopieer md-button" data-kopieer="{esc_html(href_site(path))}">'
            f'Kopieer<span class="visueel-verborgen"> korte link naar {esc_html(label)}</span></button></td></tr>'
        )
    return (
        # excluded from search: its ids would outrank the recommendations themselves
        '<table class="datatabel korte-links" data-search-exclude><caption>Korte links naar handvatten en stappen</caption>'
        '<thead><tr><th scope="col">Id</th><th scope="col">Handvat</th><th scope="col">Korte link</th>'
        f'<th scope="col"><span class="visueel-verborgen">Kopiëren</span></th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
