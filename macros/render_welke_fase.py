"""The editors' guide "Welke fase?" (pure): the source's descriptions of the phases, quoted, each
leading to the phase's recommendations and, for the crisis phase, to the "Nu handelen" cards
(where the guide's data says so).

Every statement on the page is a quote (data/welke-fase.yml, checked against the source) or data
the site shows elsewhere (a phase's Kern labels); the editors add the headings, the order and the
links, and say so once at the top.
"""

from __future__ import annotations

from kennisbank.model import Content
from kennisbank.model_welke_fase import CYCLE_TEXT, Quote
from kennisbank.sitemap import CYCLE, link
from .render_cyclus import kern_line, phase_list, short_label
from .render_nu import render_card_list
from .render_text import EDITORS_MARK, esc, md_text

OVERLAP_ANCHOR = "door-elkaar"


def place(see: str, content: Content) -> tuple[str, str]:
    """(label, site-root link) of where a quote stands: the cycle page or a recommendation's page."""
    if see == CYCLE_TEXT:
        return "De cyclus", link(CYCLE)
    handvat = content.handvat(see)
    return short_label(handvat), link(handvat.page)


def marks(text: str) -> tuple[str, str]:
    """Quotation marks, with "…" where the quote starts or ends inside a sentence of the source."""
    text = text.strip()
    opening = "„" if text[:1].isupper() else "„…"
    closing = "”" if text[-1:] in ".?!" else "…”"
    return opening, closing


def render_quote(quote: Quote, content: Content) -> str:
    label, href = place(quote.see, content)
    opening, closing = marks(quote.text)
    return (
        '<blockquote class="citaat" markdown="block">\n'
        f'<p markdown="span">{opening}{md_text(quote.text, content.registry)}{closing}</p>\n'
        f'<p class="citaat__plek" markdown="span">Uit: [{esc(label)}]({href})</p>\n'
        "</blockquote>\n"
    )


def render_guide(content: Content) -> str:
    guide = content.phase_guide
    if guide is None:
        raise KeyError("data/welke-fase.yml is missing: the guide 'Welke fase?' has no quotes")
    out = [
        f"{EDITORS_MARK} Wegwijzer van de redactie. Tussen aanhalingstekens staat steeds letterlijk de bron,"
        " met een link naar de plek waar het staat. De kopjes, de volgorde en de links naar handvatten en"
        " kaarten zijn van de redactie; zij voegt geen eigen advies toe.\n",
        *(render_quote(q, content) for q in guide.start),
    ]
    phases = {p.id: p for p in content.phases}
    jumps = [f"[{esc(phases[e.id].name)}](#{e.id})" for e in guide.phases] + [f"[Als de fasen door elkaar lopen](#{OVERLAP_ANCHOR})"]
    out.append("Naar de beschrijving van: " + " · ".join(jumps) + "\n")
    for entry in guide.phases:
        phase = phases[entry.id]
        out.append(f"## {esc(phase.name)} {{#{phase.id}}}\n")
        out += [render_quote(q, content) for q in entry.quotes]
        out.append(kern_line(phase))
        if entry.cards and content.now_cards:
            out.append("**Nu handelen**: kaarten van de redactie met de eerste stappen voor een situatie.\n")
            out.append(render_card_list(content) + "\n")
        out.append(f"**Handvatten bij {esc(phase.name.lower())}**\n")
        out += phase_list(phase, content)
        out.append("")
    out.append(f"## Als de fasen door elkaar lopen {{#{OVERLAP_ANCHOR}}}\n")
    out += [render_quote(q, content) for q in guide.overlap.quotes]
    kern = content.kern
    out.append(
        '<blockquote class="citaat" markdown="block">\n'
        f'<p markdown="span">„{esc(kern.text)}”</p>\n'
        f'<p class="citaat__plek" markdown="span">Uit: [De cyclus, kern: {esc(kern.title)}]({link(CYCLE, "overzicht")})</p>\n'
        "</blockquote>\n"
    )
    if guide.overlap.see:
        out.append("**Zie ook**\n")
        out += [f"- [{esc(short_label(content.handvat(h)))}]({link(content.handvat(h).page)}): {esc(content.handvat(h).data.title)}" for h in guide.overlap.see]
        out.append("")
    return "\n".join(out)
