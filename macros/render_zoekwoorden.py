"""The editors' search words of a page and its step ids, as a hidden paragraph the search worker
reads (pure)."""

from __future__ import annotations

from .render_text import esc_html


def render_keywords(words: list[str], step_ids: list[str] = ()) -> str:
    """The hidden paragraph with a page's search words and its step ids (so "C5.2" finds C5).

    Hidden from view and from screen readers: the words are the editors', not the source's, and
    only there to be found. The search worker takes them out of the preview."""
    if not words and not step_ids:
        return ""
    text = ", ".join([*words, *(s.lower() for s in step_ids)])
    return f'<p class="zoekwoorden" hidden data-site-only>Zoekwoorden (redactie): {esc_html(text)}</p>'
