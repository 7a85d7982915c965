"""Counts in the site's prose ("uit vijf documenten", "de 21 handvatten"), from the content, so a
new document, course or recommendation never leaves a sentence behind (macro ``aantal``)."""

from __future__ import annotations

from collections.abc import Callable

from kennisbank.model import Content

# What a page may count, by the word the sentence uses. An unknown key stops the build.
COUNTS: dict[str, Callable[[Content], int]] = {
    "brondocumenten": lambda c: len(c.documents),
    "handvatten": lambda c: len(c.handvatten),
    "fasen": lambda c: len(c.phases),
    "handreikingen": lambda c: sum(d.kind == "handreiking" for d in c.documents.values()),
    "cursussen": lambda c: len(c.trainingen.courses) if c.trainingen else 0,
    "onderzoeken": lambda c: len(c.studies),
}

# Dutch writes numbers up to twenty in words, larger ones in digits.
WORDS = (
    "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
    "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig",
)


def number(n: int) -> str:
    """3 -> "drie", 21 -> "21"."""
    return WORDS[n] if 0 <= n < len(WORDS) else str(n)


def render_count(content: Content, key: str) -> str:
    if key not in COUNTS:
        raise KeyError(f"unknown count {key!r}; known: {', '.join(COUNTS)}")
    return number(COUNTS[key](content))
