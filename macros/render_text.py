"""Text from data to safe Markdown: escaped, with citations linked to the sources page.

Data text becomes inline Markdown (so MkDocs validates and relativises the links we emit), so it
is escaped twice over: HTML special characters, and the Markdown characters that could make
links, emphasis or code out of data. Nothing in a data string can become markup.
"""

from __future__ import annotations

import html
import re

from kennisbank.citations import Registry, Ref, split_text
from kennisbank.sitemap import SOURCES, link
# The characters Python-Markdown honours a backslash escape for (Markdown.ESCAPED_CHARS). Only
# these may be escaped: a backslash before any other character would show. Extensions that add
# syntax on other characters (tilde, caret, mark, emoji) are deliberately not enabled.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")
_BREAK = re.compile(r"[ \t]*\n\s*")


def esc(text: str) -> str:
    """Plain text to inline Markdown that renders as exactly that text: on one line (a newline in
    data would end a heading or start a block), and no "???" (a pymdownx.details block, whose
    question mark takes no backslash escape) at its start."""
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(one_line(text), quote=False))
    return "&#63;" + escaped[1:] if escaped.startswith("?") else escaped


def one_line(text: str) -> str:
    """A data text as one line: every line break, with the spaces around it, one space."""
    return _BREAK.sub(" ", text)


def esc_html(text: str) -> str:
    """Plain text to HTML (for raw HTML blocks, where Markdown is not parsed)."""
    return html.escape(text, quote=True)


def ref_url(ref: Ref) -> str:
    return link(SOURCES, ref.anchor)


def md_text(text: str, registry: Registry, links: tuple[tuple[str, str], ...] = ()) -> str:
    """A data text to inline Markdown: escaped words, each citation a link to its source entry,
    and the first occurrence of each (words, url) in ``links`` a link to that url."""
    out = []
    for seg in split_text(text, registry):
        if isinstance(seg, tuple):
            words, ref = seg
            # marked as a citation: it names its source, so a printed page needs no address after it
            out.append(f"[{esc(words)}]({ref_url(ref)}){{: .bronverwijzing }}")
        else:
            out.append(_linked(seg, links))
    return "".join(out)


def _linked(text: str, links: tuple[tuple[str, str], ...]) -> str:
    for words, url in links:
        if words in text:
            before, after = text.split(words, 1)
            rest = tuple(link for link in links if link[0] != words)
            return f"{_linked(before, rest)}[{esc(words)}]({url}){_linked(after, rest)}"
    return esc(text)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def slug(text: str) -> str:
    """A heading-like anchor for a title: lower case ASCII words joined by hyphens."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# The one visible marker for what the editors add (captions, column headers, labels, subtitles,
# compiled pages): the word "redactie" in a small frame (not colour alone), read out by screen
# readers as "toegevoegd door de redactie". Explained once on the Bronnen page.
EDITORS_MARK = (
    '<span class="redactie-merk"><span class="visueel-verborgen">toegevoegd door de </span>redactie</span>'
)
