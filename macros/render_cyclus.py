"""Pages of the intervention cycle, from validated content to Markdown (pure functions).

Output is Markdown with small HTML blocks (md_in_html); every link is a site-root link
(kennisbank.sitemap), made relative to the page by the macro layer.
"""

from __future__ import annotations


import re

from kennisbank.model import Content, Handvat, Phase, count_label, source_label
from kennisbank.qr import qr_svg
from kennisbank.sitemap import (
    CITED_ANCHOR, QUESTION_ANCHOR, SHORT_LINKS, SOURCES, Download, link, phase_page, printed_short_address, short_address, short_path,
)
from .render_steps import lesson_button, render_checklist, selection_link
from .render_text import EDITORS_MARK, esc, esc_html, md_text, paragraphs


def page_link(handvat: Handvat) -> str:
    return link(handvat.page)


def short_label(handvat: Handvat) -> str:
    """"V5 Signalen tijdig delen": the editors' label for lists, navigation and PDF bookmarks."""
    return f"{handvat.id} {handvat.data.short_title}"


def heading(handvat: Handvat) -> str:
    """The page title: id first, so that typing 'C3' in search finds it; the short label rides
    along for the PDF's bookmarks."""
    return f'# {handvat.id} {esc(handvat.data.title)} {{ .handvat-titel data-kort-label="{short_label(handvat)}" }}'




SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z‘“(])")


def render_intro(intro: list[str], content: Content) -> str:
    """The intro, its first sentence visible and the rest folded behind "Lees verder", so that the
    steps come first and the reader still sees the intro is there and what it is about. Every
    word stands once; printing opens it."""
    first, _, rest = _first_sentence(intro[0])
    more = ([rest] if rest else []) + list(intro[1:])
    if "[[" in first:  # a citation in the first sentence needs Markdown: fold the whole intro
        first, more = "", list(intro)
    if not more:
        return f'<p class="inleiding inleiding--kort" markdown="span">{md_text(first, content.registry)}</p>\n'
    summary = (
        f'<span class="inleiding__begin">{esc_html(first)}</span> <span class="inleiding__meer" data-site-only>Lees verder</span>'
        if first
        else "Inleiding"
    )
    body = [md_text(p, content.registry) + "\n" for p in more]
    return '<details class="inleiding" markdown="block">\n<summary>' + summary + "</summary>\n\n" + "\n".join(body) + "</details>\n"


def _first_sentence(text: str) -> tuple[str, str, str]:
    parts = SENTENCE_END.split(text.strip(), maxsplit=1)
    return parts[0], "", parts[1] if len(parts) > 1 else ""


def render_notes(notes) -> str:
    """Editorial notes on the recommendation as a whole (notes on a step stand with the step),
    collapsed (pymdownx.details) so that they do not stand between the reader and the steps."""
    # every paragraph indented, or the second one would stand outside the note
    return "\n".join(
        '??? note "Noot van de redactie"\n' + "".join(f"    {esc(p)}\n\n" for p in paragraphs(note.text)) for note in notes
    )


def render_roles(handvat: Handvat) -> str:
    """Where steps are about kinds of group members (C3): which step handles which role."""
    rows = [(s.data.role, s) for s in handvat.steps if s.data.role]
    if not rows:
        return ""
    lines = [
        f"## Overzicht: wie is gewelddadig, en welke stap erover gaat {{#{handvat.id.lower()}-rollen}}\n",
        f"{EDITORS_MARK} Overzicht van de redactie; de woorden in de eerste kolom zijn die van de bron.\n",
        "| Wie is gewelddadig? | Stap |",
        "|---|---|",
    ]
    lines += [f"| {esc(role).replace('|', '&#124;')} | [{step.id}](#{step.anchor}) |" for role, step in rows]
    return "\n".join(lines) + "\n"


def render_downloads(downloads: list[Download]) -> str:
    """Links to exports (PDFs, the zip), as raw HTML: they are files of the built site, not docs
    pages. Site-only: a PDF of the page has no use for them."""
    if not downloads:
        return ""
    items = " ".join(
        f'<a class="md-button download" href="/{esc_html(d.path)}">{esc_html(d.label)}</a>' for d in downloads
    )
    return f'<p class="downloads" data-search-exclude data-site-only>{items}</p>'


def render_handvat(
    handvat: Handvat, content: Content, downloads: list[Download] = (), site_url: str | None = None, feedback=None
) -> str:
    """The whole page body of one recommendation; ``downloads``: the exports this build makes of it;
    ``site_url``: the site's address when known (full short links for paper and the presentation's
    title screen, with a QR code)."""
    data = handvat.data
    address = short_address(site_url, handvat.id.lower())
    printed = printed_short_address(site_url, handvat.id.lower())
    phase = handvat.phase
    siblings = content.in_phase(phase.id)
    out = [
        heading(handvat),
        "",
        # one compact line: where the recommendation stands, then the site's actions on it
        '<div class="handvat-balk" markdown="block">',
        # data-adres: the short link a browser's print shows on this line (print.css)
        f'<p class="handvat-meta" markdown="span" data-adres="{esc_html(printed)}">Handvat {handvat.id} · fase [{esc(phase.name)}]({link(phase_page(phase.id))})'
        f" ({siblings.index(handvat) + 1} van {len(siblings)}) · {count_label(handvat.steps)}</p>",
        f'<div class="handvat-acties" data-search-exclude data-site-only markdown="block">'
        f'<p class="handvat-kort" markdown="span" data-adres="{esc_html(printed)}">'
        f'Korte link: [`/{short_path(handvat.id.lower())}`]({link(SHORT_LINKS, handvat.id.lower())})</p>'
        + (f'<template class="presentatie__qr">{qr_svg(address, "presentatie__qr-code")}</template>' if address else "")
        # spaces between the controls: they wrap as words do
        + '<button type="button" class="md-button presenteer">Presenteren</button> '
        + lesson_button(handvat.steps, short_label(handvat))
        + " " + selection_link()
        + "</div>",
        render_downloads(list(downloads)),
        "</div>",
        "",
    ]
    if data.intro:
        out.append(render_intro(data.intro, content))
    out.append(render_notes([n for n in data.notes if n.step is None]))
    out.append(f"## {esc(data.question.strip())} {{#{QUESTION_ANCHOR}}}\n")
    out.append(render_checklist(
        handvat.id, handvat.steps, content, short_links=lambda slug: printed_short_address(site_url, slug), feedback=feedback, selectable=True
    ))
    out.append("")
    out.append(render_roles(handvat))
    cited = sorted({ref for ref, users in content.citations.items() if any(u[0] == handvat.id for u in users)})
    if cited:
        out.append(f"## Bronnen bij dit handvat {{#{CITED_ANCHOR}}}\n")
        out.append(
            ", ".join(f"[{esc(source_label(ref, content))}]({link(SOURCES, ref.anchor)})" for ref in cited) + "\n"
        )
    return "\n".join(out)


def render_overview(content: Content) -> str:
    """All recommendations grouped by phase, each linked to its page."""
    out = [f"{EDITORS_MARK} De korte namen vóór de titels (zoals ‘V5 Signalen tijdig delen’) zijn van de redactie; de titels na de dubbele punt zijn die van de bron.\n"]
    for phase in content.phases:
        out.append(f"### [{esc(phase.name)}]({link(phase_page(phase.id))})\n")
        out += phase_list(phase, content)
        out.append("")
    return "\n".join(out)


def phase_list(phase: Phase, content: Content) -> list[str]:
    """A phase's recommendations as Markdown list items: short label (a link) and the source's title."""
    return [f"- [{esc(short_label(h))}]({page_link(h)}): {esc(h.data.title)}" for h in content.in_phase(phase.id)]


def kern_line(phase: Phase) -> str:
    """The source's own labels for a phase from its 'Kern' overview ("Relaties / Vertrouwen
    opbouwen / Signalen in context"), not made into a sentence; the layout is the editors'."""
    return f'<p class="fase-kern" markdown="span">**{esc(phase.theme)}** · {" · ".join(esc(a) for a in phase.aims)} {EDITORS_MARK}</p>\n'


def render_phase(phase: Phase, content: Content) -> str:
    """A phase index: theme and aims, then each recommendation with its question and steps count."""
    phase_id = phase.id
    out = [kern_line(phase)]
    for handvat in content.in_phase(phase_id):
        out.append(f"## [{esc(short_label(handvat))}]({page_link(handvat)}) {{#{handvat.id.lower()}}}\n")
        out.append(f"{esc(handvat.data.title)}\n")
        out.append(f"*{esc(handvat.data.question)}* — {count_label(handvat.steps)}.\n")
    return "\n".join(out)


def render_kern_table(content: Content) -> str:
    """The document's 'Kern' overview as a table (raw HTML: Markdown has no row headers): per
    phase its theme and aims."""
    # the column headers are the editors' (the source lists the three without naming them)
    head = '<tr><th scope="col">Fase</th><th scope="col">Kernwoord</th><th scope="col">Uitwerking</th></tr>'
    rows = "".join(
        f'<tr><th scope="row"><a href="{esc_html(link(phase_page(p.id)))}">{esc_html(p.name)}</a></th>'
        f"<td>{esc_html(p.theme)}</td><td>{'<br>'.join(esc_html(a) for a in p.aims)}</td></tr>"
        for p in content.phases
    )
    kern = content.kern
    return (
        f'<table class="datatabel kern"><caption>Kern: {esc_html(kern.title)} {EDITORS_MARK}'
        f"<br>{esc_html(kern.text)}</caption><thead>{head}</thead><tbody>{rows}</tbody></table>"
    )


def render_cycle_svg(content: Content) -> str:
    """The cycle as an inline SVG: three phases on a circle, arrows between, the core in the middle."""
    import math

    phases = content.phases
    cx, cy, r = 200, 190, 120
    nodes = []
    for n, phase in enumerate(phases):
        angle = -math.pi / 2 + 2 * math.pi * n / len(phases)
        x, y = cx + r * math.cos(angle), cy + r * math.sin(angle)
        nodes.append(
            f'<a href="{esc_html(link(phase_page(phase.id)))}" class="cyclus__fase cyclus__fase--{phase.id}">'
            f'<circle cx="{x:.0f}" cy="{y:.0f}" r="62"/>'
            f'<text x="{x:.0f}" y="{y - 14:.0f}" text-anchor="middle"><tspan class="cyclus__naam">{esc_html(phase.name)}</tspan>'
            f'<tspan x="{x:.0f}" dy="18" class="cyclus__thema">{esc_html(phase.theme)}</tspan></text></a>'
        )
    arrows = []
    for n in range(len(phases)):
        a1 = -math.pi / 2 + 2 * math.pi * (n + 0.3) / len(phases)
        a2 = -math.pi / 2 + 2 * math.pi * (n + 0.7) / len(phases)
        x1, y1 = cx + r * math.cos(a1), cy + r * math.sin(a1)
        x2, y2 = cx + r * math.cos(a2), cy + r * math.sin(a2)
        arrows.append(
            f'<path d="M{x1:.0f},{y1:.0f} A{r},{r} 0 0 1 {x2:.0f},{y2:.0f}" class="cyclus__pijl" marker-end="url(#pijlpunt)"/>'
        )
    order = " → ".join(p.name for p in phases)
    kern = content.kern
    desc = (
        f"De cyclus van online aangejaagd geweld in {len(phases)} fasen: {order} → {phases[0].name}. "
        f"In het midden de kern: {kern.title}. "
        + " ".join(f"{p.name}: {p.theme} ({', '.join(p.aims)})." for p in phases)
    )
    return (
        f'<figure class="cyclus"><svg viewBox="0 0 400 340" role="group" aria-labelledby="cyclus-titel cyclus-desc" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="cyclus-titel">De cyclus van online aangejaagd geweld</title>'
        f'<desc id="cyclus-desc">{esc_html(desc)}</desc>'
        f'<defs><marker id="pijlpunt" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto">'
        f'<path d="M0,0 L10,5 L0,10 z"/></marker></defs>'
        + "".join(arrows)
        + f'<text x="{cx}" y="{cy - 4}" text-anchor="middle" class="cyclus__kern">Kern</text>'
        f'<text x="{cx}" y="{cy + 14}" text-anchor="middle" class="cyclus__kerntekst">{esc_html(kern.title)}</text>'
        + "".join(nodes)
        # the drawing and its arrows are the editors' (the source: "niet alle fases altijd op volgorde")
        + f'</svg><figcaption>{esc_html(desc)} {EDITORS_MARK}</figcaption></figure>'
    )
