"""The sources page: every cited chapter, table and publication with the steps that cite it."""

from __future__ import annotations


from kennisbank.citations import Ref
from kennisbank.model import Content, SourceDocument
from kennisbank.sitemap import CREDIT_SOURCE, SOURCES, document_anchor, link, step_anchor
from kennisbank.model import source_label
from .render_text import EDITORS_MARK, esc_html


def _citers(ref: Ref, content: Content) -> str:
    links = []
    for handvat_id, step_id in content.citations.get(ref, []):
        url = link(content.handvatten[handvat_id].page, step_anchor(step_id) if step_id else "")
        links.append(f'<a href="{esc_html(url)}">{esc_html(step_id or handvat_id)}</a>')
    return ", ".join(links) if links else "<em>(niet geciteerd)</em>"


def render_sources(content: Content) -> str:
    """Per study a table of its chapters and tables with the steps citing each; then publications.

    Raw HTML tables (row headers, row anchors).
    """
    out = []
    for study in content.studies:
        refs = [Ref(study.id, "chapter", c) for c in study.chapters]
        refs += [Ref(study.id, "table", str(t)) for t in study.tables]
        rows = "".join(
            f'<tr id="{ref.anchor}"><th scope="row">{esc_html(source_label(ref, content))}</th>'
            f"<td>{_citers(ref, content)}</td></tr>"
            for ref in refs
        )
        out.append(f'<h3 id="{study.id}">{esc_html(study.name)}</h3>\n')
        out.append(
            f'<table class="datatabel bronnen"><caption>{esc_html(study.name)}: hoofdstukken{" en tabellen" if study.tables else ""}, '
            f'met de stappen die ernaar verwijzen</caption><thead><tr><th scope="col">Onderdeel</th>'
            f'<th scope="col">Geciteerd bij</th></tr></thead><tbody>{rows}</tbody></table>\n'
        )
    out.append('<h3 id="publicaties">Genoemde publicaties</h3>\n')
    items = []
    for pub in content.publications:
        ref = Ref(pub.id, "publication")
        name = f"{esc_html(pub.description)} — " if pub.description else ""
        cite = (
            f'<a href="{esc_html(pub.url)}" rel="noopener">{esc_html(pub.cite)}</a>' if pub.url else esc_html(pub.cite)
        )
        items.append(f'<li id="{ref.anchor}">{name}{cite}<br>Geciteerd bij: {_citers(ref, content)}</li>')
    out.append(f'<ul class="publicaties">{"".join(items)}</ul>\n')
    return "\n".join(out)


# --- the source documents: credited on the Bronnen page and on every page taken from them ----

NOT_STATED = "niet vermeld in het document"


def _unstated(doc: SourceDocument) -> list[str]:
    return [name for name, value in (("soort", doc.kind), ("maker", doc.maker), ("datum", doc.date)) if not value]


def _join(words: list[str]) -> str:
    return " en ".join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else "".join(words)


def document_reference(doc: SourceDocument) -> str:
    """The original document as a reference: maker (or title), date, title, its own word for
    itself; only what the document states."""
    year = doc.date or "z.d."
    kind = f" [{doc.kind}]" if doc.kind else ""
    if doc.maker:
        return f"{doc.maker} ({year}). {doc.title}{kind}."
    return f"{doc.title}{kind} ({year}; maker {NOT_STATED})."


def citation(doc: SourceDocument, page_title: str | None, site_name: str, version: str, day: str) -> str:
    """How to cite a transcribed page (its address follows): the original first, then this site."""
    page = f", ‘{page_title.strip().rstrip('.')}’" if page_title else ""
    return f"{document_reference(doc)} Overgenomen in: {site_name}, versie {version}, {day}{page}."


def _facts(doc: SourceDocument) -> str:
    """'(handreiking; maker en datum niet vermeld in het document)'."""
    known = [v for v in (doc.kind, f"maker: {doc.maker}" if doc.maker else None, f"datum: {doc.date}" if doc.date else None) if v]
    missing = _unstated(doc)
    if missing:
        known.append(f"{_join(missing)} {NOT_STATED}")
    return "; ".join(known)


def render_credit(
    doc: SourceDocument, page_title: str | None, site: tuple[str, str, str], address: str, here: str | None = None
) -> str:
    """The block at the end of a transcribed page: its source document and how to cite the page.

    ``site`` is (site name, version, date); ``address`` the page's full address or site path;
    ``here``: what of the document this page holds ('handvat V2 (titel, …)'), where it is one part.
    """
    site_name, version, day = site
    sources = link(SOURCES, document_anchor(doc.id))
    text = f"{esc_html(citation(doc, page_title, site_name, version, day))} {_address(address)}"
    held = f"Op deze pagina: {esc_html(here)}." if here else f"Overgenomen: {esc_html(doc.part.rstrip('.'))}."
    return (
        f'<aside class="bronvermelding" aria-label="Bron van deze pagina" data-search-exclude {CREDIT_SOURCE}="{esc_html(doc.id)}">'
        f'<p><strong>Bron:</strong> <a href="{esc_html(sources)}">{esc_html(doc.title)}</a> '
        f"({esc_html(_facts(doc))}). "
        f"{held}</p>"
        f'<p class="citeer"><strong>Hoe te citeren:</strong> {text}</p></aside>'
    )


def render_compiled_credit(
    doc: SourceDocument, what: str, page_title: str, site: tuple[str, str, str], address: str
) -> str:
    """The block at the end of a page the editors compiled from a source document (a matrix, a
    selection of steps): named as the editors' compilation, never as a transcription.
    ``what``: the parts it was compiled from ('tabel 1, 2 en 4 en het voorbeeldprogramma')."""
    site_name, version, day = site
    sources = link(SOURCES, document_anchor(doc.id))
    title = page_title.strip().rstrip(".")
    cite = (
        f"{title} (samengesteld door de redactie uit: {doc.title}). "
        f"{site_name}, versie {version}, {day}."
    )
    return (
        f'<aside class="bronvermelding bronvermelding--samengesteld" aria-label="Bron van deze pagina" data-search-exclude data-bron="{esc_html(doc.id)}">'
        f"<p>{EDITORS_MARK} <strong>Samengesteld door de redactie</strong> uit {esc_html(what)} van: "
        f'<a href="{esc_html(sources)}">{esc_html(doc.title)}</a> ({esc_html(_facts(doc))}). '
        "De brontekst staat er letterlijk in; keuze en opbouw zijn van de redactie.</p>"
        f'<p class="citeer"><strong>Hoe te citeren:</strong> {esc_html(cite)} {_address(address)}</p></aside>'
    )


def _address(address: str) -> str:
    """A page's address in a citation: a link when it is a full web address, else the site path."""
    if address.startswith("https://"):
        return f'<a href="{esc_html(address)}" rel="noopener">{esc_html(address)}</a>'
    return f'<span class="citeer__adres">{esc_html(address)}</span>'


def render_citation(page_title: str, site: tuple[str, str, str], address: str) -> str:
    """How to cite one of the editors' own pages (not transcribed from a source document)."""
    site_name, version, day = site
    return (
        f'<p class="citeer" data-search-exclude><strong>Hoe te citeren:</strong> '
        f"{esc_html(page_title.strip().rstrip('.'))}. {esc_html(site_name)}, versie {esc_html(version)}, "
        f"{esc_html(day)}. {_address(address)}</p>"
    )


def render_documents(content: Content) -> str:
    """The Bronnen page's list of source documents: every fact the document gives about itself."""
    out = []
    for doc in content.documents.values():
        rows = [
            ("Noemt zichzelf", doc.kind or NOT_STATED),
            ("Maker of uitgever", doc.maker or NOT_STATED),
            ("Verschenen in", doc.published_in),
            ("Datum", doc.date or NOT_STATED),
            ("Over de datum", doc.date_note),
            ("Overgenomen", doc.part[0].upper() + doc.part[1:]),
        ]
        items = "".join(f"<dt>{esc_html(k)}</dt><dd>{esc_html(v)}</dd>" for k, v in rows if v)
        items += f'<dt>Op deze site</dt><dd><a href="{esc_html(link(doc.section))}">{esc_html(doc.title)}</a></dd>'
        out.append(
            f'<h3 id="{document_anchor(doc.id)}">{esc_html(doc.title)}</h3>\n<dl class="brondocument">{items}</dl>\n'
        )
    return "\n".join(out)
