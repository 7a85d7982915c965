"""The glossary page and the abbreviation definitions appended to every page (pure)."""

from __future__ import annotations

import re

from .model_woordenlijst import Term
from .render_text import esc_html

EDITORIAL = "toegevoegd door de redactie"


def render_glossary(terms: list[Term]) -> str:
    """A definition list, an anchor per term (/woordenlijst/#dpia), with its origin stated."""
    names = {t.id: t.term for t in terms}
    letters = sorted({t.term[0].upper() for t in terms})
    index = " · ".join(f'<a href="#letter-{esc_html(letter.lower())}">{esc_html(letter)}</a>' for letter in letters)
    out = [f'<p class="woordenlijst__index">{index}</p>', '<dl class="woordenlijst">']
    current = None
    for t in terms:
        letter = t.term[0].upper()
        anchor = f' id="letter-{esc_html(letter.lower())}"' if letter != current else ""
        current = letter
        full = f' <span class="woordenlijst__voluit">({esc_html(t.full)})</span>' if t.full else ""
        origin = (
            f' <span class="woordenlijst__herkomst">({EDITORIAL})</span>'
            if t.editorial
            else ' <span class="woordenlijst__herkomst">(definitie uit de bron)</span>'
        )
        see = (
            " Zie ook: " + ", ".join(f'<a href="#{esc_html(ref)}">{esc_html(names[ref])}</a>' for ref in t.see) + "."
            if t.see
            else ""
        )
        out.append(
            f'<dt id="{esc_html(t.id)}"><span{anchor}></span>{esc_html(t.term)}{full}</dt>'
            f"\n<dd>{esc_html(t.definition)}{origin}{see}</dd>"
        )
    out.append("</dl>")
    return "\n".join(out)


def abbreviation_lines(terms: list[Term]) -> str:
    """Python-Markdown abbreviation definitions (*[DPIA]: ...): a tooltip wherever the term stands."""
    lines = []
    for t in terms:
        if not t.abbreviation:
            continue
        title = re.sub(r"\s+", " ", t.full).replace("]", ")")
        lines += [f"*[{name}]: {title}" for name in [t.term, *t.aliases]]
    return "\n".join(lines)
