"""What changed: the Wijzigingen page, the notice at the top of a page changed in the latest
version, and the "Laatst gewijzigd" line on every page (from data/wijzigingen.yml, never from a
file's modification time, which a checkout resets)."""

from __future__ import annotations

from collections.abc import Callable

from kennisbank.dates import dutch_date
from kennisbank.model_wijzigingen import ChangelogEntry
from kennisbank.sitemap import CHANGES, FEED, archive_path, link, version_anchor
from .render_text import esc_html


def entry_link(entry: ChangelogEntry) -> str:
    return link(CHANGES, version_anchor(entry.version))


def _when(entry: ChangelogEntry) -> str:
    return f"versie {esc_html(entry.version)}, {dutch_date(entry.date)}"


def render_changelog(entries: list[ChangelogEntry], places: Callable[[str], tuple[str, str, str]], archived: bool = False) -> str:
    """The Wijzigingen page, newest first. ``places`` gives an id's (label, page, anchor);
    ``archived``: every version is published at its own address (tools/versions.py)."""
    out = [
        f'<p class="wijzigingen-feed">Volg de wijzigingen in een feedlezer: '
        f'<a href="/{FEED}" type="application/atom+xml">{FEED}</a> (Atom).</p>\n'
    ]
    for entry in entries:
        out.append(f"## Versie {esc_html(entry.version)} · {dutch_date(entry.date)} {{ #{version_anchor(entry.version)} }}\n")
        out.append(f"<p>{esc_html(entry.title)}</p>")
        if archived:
            out.append(
                f'<p class="wijzigingen-archief"><a href="/{archive_path(entry.version)}">Versie {esc_html(entry.version)} '
                "lezen zoals hij toen was</a></p>"
            )
        out.append("<ul>" + "".join(f"<li>{esc_html(c)}</li>" for c in entry.changes) + "</ul>")
        items = []
        for item in entry.ids:
            label, page, anchor = places(item)
            items.append(f'<a href="{esc_html(link(page, anchor))}">{esc_html(label)}</a>')
        touched = "de hele kennisbank" if entry.all_pages else ""
        touched = ", ".join(([touched] if touched else []) + items)
        out.append(f'<p class="wijzigingen-betreft"><strong>Betreft:</strong> {touched}</p>\n')
    return "\n".join(out)


def render_notice(entry: ChangelogEntry, here: list[tuple[str, str, str]]) -> str:
    """At the top of a page the latest version changed: what, when, and a link to the entry.
    ``here``: (label, page, anchor) of what the entry names on this page."""
    parts = [
        f'<a href="{esc_html(link(page, anchor))}">{esc_html(label)}</a>' if anchor else esc_html(label)
        for label, page, anchor in here
    ]
    return (
        f'<div class="admonition info wijziging" role="note" data-search-exclude>'
        f'<p class="admonition-title">Gewijzigd in {_when(entry)}</p>'
        f"<p>{esc_html(entry.title)} Betreft: {', '.join(parts)}. "
        f'<a href="{esc_html(entry_link(entry))}">Wat is er gewijzigd?</a></p></div>\n'
    )


def render_last_changed(entry: ChangelogEntry, suggest: tuple[str, str] | None = None) -> str:
    """The page's last change (its newest changelog entry) and, when configured, where to
    suggest an improvement: ``suggest`` is (href, what it is, for the link's title)."""
    line = f'Laatst gewijzigd: <a href="{esc_html(entry_link(entry))}">{dutch_date(entry.date)} (versie {esc_html(entry.version)})</a>'
    if suggest:
        href, title = suggest
        line += (
            f' <span data-site-only>· <a href="{esc_html(href)}" title="{esc_html(title)}" rel="noopener">'
            "Verbetering voorstellen</a></span>"
        )
    return f'<p class="laatst-gewijzigd" data-search-exclude>{line}</p>'
