"""The glossary page and the abbreviation definitions appended to every page (pure)."""

from __future__ import annotations


from kennisbank.model_woordenlijst import Term
from kennisbank.sitemap import SOURCES, link
from .render_text import esc, esc_html

EDITORIAL = "toegevoegd door de redactie"
FROM_SOURCE = "definitie uit de bron"


def render_glossary(terms: list[Term]) -> str:
    """A definition list, an anchor per term (/woordenlijst/#dpia), with its origin stated.

    The list is HTML whose terms and definitions Markdown parses as inline text (md_in_html), so
    the links it holds ("Zie ook", the Bronnen page) are Markdown links that MkDocs checks and
    makes relative, and abbreviations get their tooltip here too. Data text is escaped with
    ``esc`` (HTML and Markdown), so it reads literally.
    """
    names = {t.id: t.term for t in terms}
    letters = sorted({t.term[0].upper() for t in terms})
    index = " · ".join(f'<a href="#letter-{esc_html(letter.lower())}">{esc_html(letter)}</a>' for letter in letters)
    out = [f'<p class="woordenlijst__index">{index}</p>', '<dl class="woordenlijst" markdown>']
    current = None
    for t in terms:
        letter = t.term[0].upper()
        anchor = f'<span id="letter-{esc_html(letter.lower())}"></span>' if letter != current else ""
        current = letter
        full = f' <span class="woordenlijst__voluit">({esc(t.full)})</span>' if t.full else ""
        origin = f' <span class="woordenlijst__herkomst">({EDITORIAL if t.editorial else FROM_SOURCE})</span>'
        see = " Zie ook: " + ", ".join(f"[{esc(names[ref])}](#{ref})" for ref in t.see) + "." if t.see else ""
        sources = (
            # the link is named by its term too: out of context ("Bronnen", three times) it says where
            f' Op de pagina [Bronnen<span class="visueel-verborgen"> bij {esc(t.term)}</span>]({link(SOURCES, t.sources_entry)})'
            " staat welke stappen ernaar verwijzen."
            if t.sources_entry
            else ""
        )
        out.append(
            f'<dt id="{esc_html(t.id)}" markdown>{anchor}{esc(t.term)}{full}</dt>\n'
            f"<dd markdown>{esc(t.definition)}{origin}{see}{sources}</dd>"
        )
    out.append("</dl>")
    return "\n".join(out)
