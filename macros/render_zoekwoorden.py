"""The editors' search words of a page and its step ids, as a hidden paragraph the post-build step
moves into the search index (pure)."""

from __future__ import annotations

from kennisbank.sitemap import SEARCH_WORDS_LABEL

from .render_text import esc_html


def render_keywords(words: list[str], step_ids: list[str] = ()) -> str:
    """The hidden paragraph with a page's search words and its step ids (so "C5.2" finds C5).

    Hidden from view and from screen readers: the words are the editors', not the source's, and
    only there to be found. The post-build step moves them out of the preview into their own field."""
    if not words and not step_ids:
        return ""
    text = ", ".join([*words, *(s.lower() for s in step_ids)])
    return f'<p class="zoekwoorden" hidden data-site-only>{SEARCH_WORDS_LABEL} {esc_html(text)}</p>'
