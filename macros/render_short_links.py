"""The trainers' list of short links (/r/v2/, /r/v2-4/), pure. The short links themselves are the
site map's (kennisbank.sitemap.short_links); the post-build step writes their redirect pages."""

from __future__ import annotations

from kennisbank.model import Content
from kennisbank.sitemap import ShortLink
from .render_text import esc_html


def render_short_link_table(content: Content, links: dict[str, ShortLink]) -> str:
    """Every short link with a copy button, grouped per recommendation."""
    rows = []
    for path, target in links.items():
        title = "" if target.anchor else esc_html(content.handvat(target.label).data.short_title)
        cls = "" if target.anchor else ' class="handvat-rij"'
        rows.append(
            f'<tr id="{esc_html(path.split("/")[1])}"{cls}><th scope="row">{esc_html(target.label)}</th><td>{title}</td>'
            f'<td><a href="/{esc_html(path)}"><code>/{esc_html(path)}</code></a></td>'
            # data-kort: the copy script makes the address from the site root, as for the steps
            f'<td><button type="button" class="kopieer md-button" data-kort="{esc_html(path)}">'
            f'Kopieer<span class="visueel-verborgen"> korte link naar {esc_html(target.label)}</span></button></td></tr>'
        )
    return (
        # excluded from search: its ids would outrank the recommendations themselves
        '<table class="datatabel korte-links" data-search-exclude><caption>Korte links naar handvatten en stappen</caption>'
        '<thead><tr><th scope="col">Id</th><th scope="col">Handvat</th><th scope="col">Korte link</th>'
        f'<th scope="col"><span class="visueel-verborgen">Kopiëren</span></th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
