"""The PDF exports (exports/): made by `mkdocs build` with ENABLE_PDF_EXPORT=1, read back with pypdf.

They come from the session's one full build (conftest.site_build), which sets ENABLE_PDF_EXPORT=1.
"""

from __future__ import annotations

import io
import itertools
import re
import subprocess
from datetime import date
from html import unescape
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from conftest import ROOT, SOURCES
from exports import config as site_config, pdf_documents as pdf, pdf_exports as pdfs
from exports.postbuild import post_build
from kennisbank import sitemap
from fidelity import measure


MONTHS = "|".join(pdf.MONTHS)


@pytest.fixture(scope="session")
def pdf_build(site_build):
    """(site dir, build log) of the session's build, which makes the PDFs (conftest.site_build)."""
    return site_build


@pytest.fixture(scope="session")
def nav():
    return list(pdfs.nav_pages(site_config.read(ROOT / "mkdocs.yml").nav))


def reader(pdf_build, name: str) -> PdfReader:
    return PdfReader(pdf_build[0] / "pdf" / name)


def expected_names(content) -> list[str]:
    return (
        [book.name for book in sitemap.handbooks(content)]
        + [f"werkkaart-{h.lower()}.pdf" for h in content.handvatten]
        + [f"werkkaart-{phase.id}.pdf" for phase in content.phases]
    )


def bookmarks(outline) -> list[str]:
    titles = []
    for item in outline:
        titles += bookmarks(item) if isinstance(item, list) else [item.title]
    return titles


def h1_text(page_html: str) -> str:
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page_html, re.S).group(1)
    heading = re.sub(r'<a class="headerlink".*?</a>', "", heading, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", heading)).split())


def bookmark_label(page_html: str) -> str:
    """A page's bookmark: a recommendation's short label ("V2 Formele online werkwijze"), else its title."""
    label = re.search(r'<h1[^>]*data-kort-label="([^"]+)"', page_html)
    return unescape(label.group(1)) if label else h1_text(page_html)


def checkbox_fields(doc: PdfReader) -> dict:
    return {name: f for name, f in (doc.get_fields() or {}).items() if f.get("/FT") == "/Btn"}


def body_text(doc: PdfReader) -> str:
    """The text of the pages without running headers and footers (they would split sentences
    that cross a page). Without hyphenation a line only breaks after a real hyphen or slash."""
    parts: list[str] = []
    for page in doc.pages:
        top, bottom = float(page.mediabox.height) - 22 / 25.4 * 72, 20 / 25.4 * 72

        def keep(text, cm, tm, font, size):
            y = tm[5] * cm[3] + tm[4] * cm[1] + cm[5]
            if not text.strip() or bottom < y < top:
                parts.append(text)

        page.extract_text(visitor_text=keep)
        parts.append("\n")
    return re.sub(r"(\w[-/])\n", r"\1", "".join(parts))


def struct_elements(node, seen=None):
    """Every structure element under a node of the tag tree."""
    seen = set() if seen is None else seen
    if isinstance(node, IndirectObject):
        if node.idnum in seen:
            return
        seen.add(node.idnum)
        node = node.get_object()
    if isinstance(node, list):
        for child in node:
            yield from struct_elements(child, seen)
    elif hasattr(node, "get"):
        if node.get("/S"):
            yield node
        if "/K" in node:
            yield from struct_elements(node["/K"], seen)


# ---------------------------------------------------------------------------------------------
# The build with the PDFs


def test_every_pdf_is_built_with_progress_per_pdf(pdf_build, content):
    site, log = pdf_build
    names = expected_names(content)
    assert len(names) == 2 + len(content.handvatten) + len(content.phases)
    assert sorted(p.name for p in (site / "pdf").iterdir()) == sorted(names)
    for name in names:
        assert re.search(rf"PDF: pdf/{re.escape(name)} \(.*\) in \d+\.\d s", log), f"no progress line for {name}"


@pytest.mark.parametrize("name", ["kennisbank-cyclus.pdf", "kennisbank-trainingen.pdf", "werkkaart-v2.pdf", "werkkaart-crisis.pdf"])
def test_pdfs_are_tagged_dutch_and_titled(pdf_build, name):
    doc = reader(pdf_build, name)
    catalog = doc.trailer["/Root"]
    assert catalog["/Lang"] == "nl"
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert "/StructTreeRoot" in catalog
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    assert doc.metadata.title and "Kennisbank online aangejaagd geweld" in doc.metadata.title
    assert doc.pages[0].mediabox.width == pytest.approx(595.28, abs=0.5)  # A4


def structure(doc: PdfReader) -> list[dict]:
    """Every element of the PDF's tag tree."""
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            if "/S" in node:
                found.append(node)
            if "/K" in node:
                walk(node["/K"])

    walk(doc.trailer["/Root"]["/StructTreeRoot"])
    return found


@pytest.mark.parametrize("name", ["kennisbank-trainingen.pdf", "werkkaart-c3.pdf"])
def test_the_tag_tree_holds_what_a_pdf_ua_validator_checks(pdf_build, name):
    """What veraPDF would check of the tags (it is not in our registries): headings, lists, tables
    with header cells that say what they head, links, and named form fields."""
    doc = reader(pdf_build, name)
    elements = structure(doc)
    kinds = {e["/S"] for e in elements}
    assert {"/H1", "/H2", "/L", "/LI", "/LBody", "/P", "/Link"} <= kinds, kinds
    assert {"/Table", "/TR", "/TH", "/TD"} <= kinds, kinds  # C3 has its roles table
    headers = [e for e in elements if e["/S"] == "/TH"]
    assert all(e["/A"]["/Scope"] in ("/Column", "/Row") for e in headers)
    scopes = {e["/A"]["/Scope"] for e in headers}
    assert scopes == ({"/Row", "/Column"} if "kennisbank" in name else {"/Column"}), scopes  # row headers: in the guide's tables
    assert doc.outline, "no bookmarks"
    for field in (doc.get_fields() or {}).values():
        assert field.get("/TU"), f"form field {field.get('/T')} without an accessible name"


def test_a_long_table_repeats_its_header_row_on_every_page(tmp_path):
    rows = "".join(f"<tr><th scope=\"row\">Rij {n}</th><td>Tekst {n}</td></tr>" for n in range(140))
    page = pdf.Page("x.md", "x/", f'<article><h1>Lange tabel</h1><table><thead><tr><th scope="col">KOPREGEL</th>'
                    f'<th scope="col">Waarde</th></tr></thead><tbody>{rows}</tbody></table></article>')
    doc = PdfReader(io.BytesIO(pdf.render(pdf.handbook_html("Test", [page], META), "t.pdf", tmp_path, [page])))
    spanned = [p for p in doc.pages if "Rij " in p.extract_text()]
    assert len(spanned) >= 3
    assert all("KOPREGEL" in p.extract_text() for p in spanned)


def test_all_pdfs_are_pdf_ua(pdf_build, content):
    for name in expected_names(content):
        doc = reader(pdf_build, name)
        assert doc.trailer["/Root"]["/Lang"] == "nl", name
        assert b"pdfuaid:part" in doc.trailer["/Root"]["/Metadata"].get_object().get_data(), name


@pytest.mark.parametrize("name", [sitemap.CYCLE_HANDBOOK, sitemap.TRAINING_HANDBOOK])
def test_handbooks_have_a_bookmark_for_every_page_in_nav_order(pdf_build, nav, content, name):
    site = pdf_build[0]
    book = next(b for b in sitemap.handbooks(content) if b.name == name)
    paths = [path for path, _ in nav if book.holds(path)]
    assert paths
    titles = [bookmark_label((site / sitemap.built_file(p)).read_text(encoding="utf-8")) for p in paths]
    marks = bookmarks(reader(pdf_build, name).outline)
    missing = [t for t in titles if t not in marks]
    assert not missing, f"pages without a bookmark: {missing}"
    assert [m for m in marks if m in titles] == titles, "bookmarks are not in nav order"


def test_cycle_handbook_bookmarks_every_recommendation_and_step_group(pdf_build, content):
    marks = bookmarks(reader(pdf_build, "kennisbank-cyclus.pdf").outline)
    for handvat_id, handvat in content.handvatten.items():
        assert any(m.startswith(f"{handvat_id} ") for m in marks), f"no bookmark for {handvat_id}"
        for group in handvat.data.groups or []:
            assert group.title in marks, f"no bookmark for the group {group.title!r} of {handvat_id}"


def test_cover_contents_headers_and_footers(pdf_build):
    doc = reader(pdf_build, "kennisbank-cyclus.pdf")
    cover = doc.pages[0].extract_text()
    assert "De interventiecyclus" in cover
    assert re.search(r"Versie \S+", cover)
    assert re.search(rf"Datum \d{{1,2}} ({MONTHS}) \d{{4}}", cover)
    assert "pagina" not in cover  # no header or footer on the cover
    contents = doc.pages[1].extract_text()
    assert "Inhoud" in contents
    assert re.search(r"V2 Ontwikkel .*?\. \. (\d+)", contents, re.S), "no page number for V2 in the contents"
    last = len(doc.pages)
    assert f"pagina {last} van {last}" in doc.pages[-1].extract_text()
    # running headers: the handbook's title, the page's title shortened to one line
    v2 = next(p.extract_text() for p in doc.pages if "V2.1" in p.extract_text())
    assert "De interventiecyclus: vredestijd, crisis en nazorg" in v2
    assert "V2 Formele online werkwijze" in v2  # the editors' short label, not the cut-off title


def test_contents_page_numbers_point_at_the_pages(pdf_build):
    doc = reader(pdf_build, "kennisbank-cyclus.pdf")
    contents = doc.pages[1].extract_text() + doc.pages[2].extract_text()
    number = int(re.search(r"V2 Ontwikkel .*?(\d+)\n", contents, re.S).group(1))
    assert "V2.1" in doc.pages[number - 1].extract_text()


def test_internal_links_stay_inside_the_pdf(pdf_build):
    doc = reader(pdf_build, "kennisbank-cyclus.pdf")
    internal, external = 0, []
    for page in doc.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            if "/Dest" in annot:
                internal += 1
            else:
                external.append(annot["/A"]["/URI"])
    assert internal > 100
    assert all(re.match(r"(https?|mailto):", uri) for uri in external), [u for u in external if ":" not in u]
    names = set(doc.named_destinations)
    assert {"p-vredestijd-v2", "p-vredestijd-v2--v2-4", "p-bronnen--literatuurreview-h3"} <= names


def test_handout_has_one_form_checkbox_per_step(pdf_build, content):
    for handvat_id, handvat in content.handvatten.items():
        fields = checkbox_fields(reader(pdf_build, f"werkkaart-{handvat_id.lower()}.pdf"))
        # a checkbox for every action, none for points (signals, questions, examples)
        assert sorted(fields) == sorted(s.id for s in handvat.steps if s.kind == "steps"), handvat_id
        assert all(f.get("/TU") == f"Markeer stap {name} als gedaan" for name, f in fields.items())
    for phase in content.phases:
        fields = checkbox_fields(reader(pdf_build, f"werkkaart-{phase.id}.pdf"))
        assert sorted(fields) == sorted(s.id for h in content.in_phase(phase.id) for s in h.steps if s.kind == "steps")
    cycle = checkbox_fields(reader(pdf_build, "kennisbank-cyclus.pdf"))
    assert {s.id for h in content.handvatten.values() for s in h.steps if s.kind == "steps"} <= set(cycle)


def test_handout_has_the_short_link_qr_code_version_and_date(pdf_build, content):
    from kennisbank.dates import dutch_date

    doc = reader(pdf_build, "werkkaart-v2.pdf")
    first = doc.pages[0].extract_text()
    assert re.search(r"Online: https://\S+/r/v2/", first)
    newest = content.changelog[0]  # the version's own date, as the citations give it
    assert f"Versie {newest.version} · {dutch_date(newest.date)}" in re.sub(r"\s+", " ", first)
    uris = [a.get_object()["/A"]["/URI"] for a in doc.pages[0].get("/Annots") if "/A" in a.get_object()]
    assert any(u.endswith("/r/v2/") for u in uris)
    figures = [e for e in struct_elements(doc.trailer["/Root"]["/StructTreeRoot"]) if e["/S"] == "/Figure"]
    assert any(str(f.get("/Alt", "")).startswith("QR-code naar https://") for f in figures)
    assert "V2.9" in "".join(p.extract_text() for p in doc.pages)
    # the handout credits the document it is taken from
    assert "Bron: Interventies in de cyclus van online aangejaagd geweld" in " ".join(first.split())


def test_handbook_covers_name_their_source_documents(pdf_build, content):
    books = {book.name: book for book in sitemap.handbooks(content)}
    for name in books:
        documents = [doc.id for doc in content.documents.values() if books[name].holds(doc.section)]
        assert documents, name
        cover = " ".join(reader(pdf_build, name).pages[0].extract_text().split())
        assert "Overgenomen uit" in cover, name
        for doc in documents:
            assert " ".join(content.documents[doc].title.split()) in cover, (name, doc)


def test_cycle_handbook_holds_the_source_text(pdf_build, content):
    doc = content.document(content.cycle_document)
    raw = (SOURCES / doc.file).read_text(encoding="utf-8")
    result = measure(raw, body_text(reader(pdf_build, "kennisbank-cyclus.pdf")), tuple(doc.dropped))
    print(f"\nkennisbank-cyclus.pdf: {result['share']:.1%} of {result['total']} source sentences")
    assert result["share"] >= 0.99, "missing sentences:\n" + "\n".join(result["missing"])


# ---------------------------------------------------------------------------------------------
# Without the build


def test_without_the_variables_no_pdfs_and_no_zip_are_made(tmp_path, content):
    write_page(tmp_path, "wijzigingen/index.html", "<html><body><article><h1>Wijzigingen</h1></article></body></html>")
    # the feed links what each version changed: those pages must be there
    changed = {sitemap.changed_place(content, item)[0] for entry in content.changelog for item in entry.ids}
    for page in changed:
        write_page(tmp_path, sitemap.url_of(page) + "index.html", f"<html><body><article><h1>{page}</h1></article></body></html>")
    post_build(ROOT, tmp_path, environ={})
    made = {p.name for p in tmp_path.iterdir()}
    assert {sitemap.SHORT_PREFIX, sitemap.FEED} <= made
    assert sitemap.PDF_FOLDER not in made and sitemap.OFFLINE_ZIP.split("/")[0] not in made


def write_page(site: Path, file: str, html: str) -> None:
    (site / file).parent.mkdir(parents=True, exist_ok=True)
    (site / file).write_text(html, encoding="utf-8")


def test_a_broken_or_missing_page_stops_the_build_naming_it(tmp_path):
    write_page(tmp_path, "vredestijd/v1/index.html", "<html><body><article><h1>V1 Goed</h1></article></body></html>")
    write_page(tmp_path, "vredestijd/v2/index.html", "<html><body><article><p>Geen kop.</p></article></body></html>")
    write_page(tmp_path, "crisis/c1/index.html", "<html><body><main><h1>C1</h1></main></body></html>")
    assert [p.url for p in pdfs.collect(tmp_path, [("vredestijd/v1.md", 1)])] == ["vredestijd/v1/"]
    with pytest.raises(pdfs.ExportError, match=r"^PDF: vredestijd/v2\.md: no <h1> in the article$"):
        pdfs.collect(tmp_path, [("vredestijd/v1.md", 1), ("vredestijd/v2.md", 1)])
    with pytest.raises(pdfs.ExportError, match=r"^PDF: crisis/c1\.md: no <article>"):
        pdfs.collect(tmp_path, [("crisis/c1.md", 1)])
    with pytest.raises(pdfs.ExportError, match=r"^PDF: vredestijd/v3\.md: the built page vredestijd/v3/index\.html is missing$"):
        pdfs.collect(tmp_path, [("vredestijd/v3.md", 1)])


META = pdf.Meta("Kennisbank", "1.0", date(2026, 11, 23), None)


def test_a_pdf_names_the_sources_its_pages_credit_by_their_id():
    # the credit block's data-bron, not its wording, says which document a page is taken from
    page = pdf.Page("x.md", "x/", f'<article><h1>X</h1><aside class="bronvermelding" {sitemap.CREDIT_SOURCE}="cyclus">'
                    "<p><strong>Bron:</strong> <a>Andere woorden</a></p></aside></article>")
    meta = pdf.Meta("Kennisbank", "1.0", date(2026, 11, 23), None, sources=(("cyclus", "Interventies in de cyclus"),))
    assert pdf.source_titles([page, page], meta) == ["Interventies in de cyclus"]
    with pytest.raises(pdf.PdfError, match=r"^x\.md: credits unknown source document 'cyclus'"):
        pdf.source_titles([page], META)


def test_a_page_that_did_not_make_it_into_the_pdf_is_named(tmp_path):
    page = pdf.Page("vredestijd/v1.md", "vredestijd/v1/", "<article><h1>V1 Titel</h1><p>Tekst.</p></article>")
    lost = pdf.Page("vredestijd/v2.md", "vredestijd/v2/", "<article><h1>V2</h1></article>")
    document = pdf.handbook_html("Test", [page], META)
    with pytest.raises(pdf.PdfError, match=r"^vredestijd/v2\.md: missing from test\.pdf$"):
        pdf.render(document, "test.pdf", tmp_path, [page, lost])


def test_nothing_is_fetched_from_the_network(tmp_path):
    page = pdf.Page("x.md", "x/", '<article><h1>X</h1><img src="https://example.org/logo.png" alt="logo"></article>')
    with pytest.raises(pdf.PdfError, match=r"^test\.pdf: WeasyPrint: .*https://example\.org/logo\.png"):
        pdf.render(pdf.handbook_html("Test", [page], META), "test.pdf", tmp_path, [page])


def test_links_ids_and_furniture_of_a_page_section():
    html = (
        '<header><a href="/">kop</a></header><article><h1 id="t">V1 Titel<a class="headerlink" href="#t">#</a></h1>'
        '<p class="downloads" data-site-only><a href="../../pdf/werkkaart-v1.pdf">Werkkaart (PDF)</a></p>'
        '<p class="checklist__voortgang" data-site-only></p><p>Zie <a href="../v2/#v2-3">V2.3</a>, <a href="../../bronnen/#h1">H1</a>'
        ' en <a href="https://example.org/">elders</a>.</p>'
        '<div class="checklist"><h3 id="g">Groep</h3><ol><li id="v1-1"><input type="checkbox" data-stap="V1.1" '
        'id="vink-v1-1" aria-describedby="tekst-v1-1"><a class="stap__link" href="#v1-1" data-site-only>#</a>'
        '<button type="button">Kopieer link</button><div id="tekst-v1-1">Stap.</div></li></ol>'
        '<p data-site-only><button type="button" class="checklist__wis">Vinkjes wissen</button></p></div></article>'
    )
    page = pdf.Page("vredestijd/v1.md", "vredestijd/v1/", html, level=2)
    targets = {"vredestijd/v1/": page.anchor, "vredestijd/v2/": "p-vredestijd-v2"}
    title, section = pdf.page_section(page, targets, None)
    assert title == "V1 Titel"
    assert section.startswith('<section class="pdf-pagina" id="p-vredestijd-v1">')
    assert 'href="#p-vredestijd-v2--v2-3"' in section
    assert "<span>H1</span>" in section and "bronnen" not in section  # no site address: no link
    assert 'href="https://example.org/"' in section
    assert 'id="p-vredestijd-v1--vink-v1-1"' in section and 'aria-describedby="p-vredestijd-v1--tekst-v1-1"' in section
    assert 'name="V1.1"' in section and 'title="Markeer stap V1.1 als gedaan"' in section
    assert 'style="bookmark-level: 2"' in section and 'id="p-vredestijd-v1--g" style="bookmark-level: 3"' in section
    for furniture in ("headerlink", "checklist__voortgang", "stap__link", "Kopieer", "Vinkjes wissen", "kop</a>", "Werkkaart (PDF)"):
        assert furniture not in section
    _, section = pdf.page_section(page, targets, "https://kennisbank.example/")
    assert 'href="https://kennisbank.example/bronnen/#h1"' in section


def test_a_handout_of_a_recommendation_without_steps_is_refused_naming_it(pdf_build, content):
    from dataclasses import replace

    empty = replace(content.handvatten["C2"], steps=())
    broken = replace(content, handvatten={**content.handvatten, "C2": empty})
    config = site_config.read(ROOT / "mkdocs.yml")
    with pytest.raises(pdfs.ExportError, match=r"^PDF: werkkaart-c2\.pdf: recommendation C2 has no steps for a handout$"):
        pdfs.plan(pdf_build[0], config, broken)


# ---------------------------------------------------------------------------------------------
# Layout: nothing printed over anything else (measured on WeasyPrint's own layout boxes)

TOUCH = 0.5  # px: boxes that only touch do not overlap (a link and the bracket after it)
ROUNDING = 0.05  # px: text may not run out of its block by more than rounding


def printed(pdf_page) -> list[tuple[str, tuple, tuple | None]]:
    """Every run of text and every image laid out on a page, running headers and footers included:
    (its text or tag, its rectangle, the content rectangle of the block it stands in)."""
    from weasyprint.formatting_structure import boxes

    found = []

    def walk(box, block):
        if isinstance(box, boxes.TextBox):
            found.append((box.text, (box.position_x, box.position_y, box.position_x + box.width, box.position_y + box.height), block))
        elif isinstance(box, boxes.ReplacedBox):
            x, y = box.border_box_x(), box.border_box_y()
            found.append((box.element_tag, (x, y, x + box.border_width(), y + box.border_height()), block))
        else:
            if isinstance(box, boxes.BlockContainerBox):
                x, y = box.content_box_x(), box.content_box_y()
                block = (x, y, x + box.width, y + box.height)
            for child in getattr(box, "children", ()):
                walk(child, block)

    walk(pdf_page._page_box, None)
    return found


def overprinted(pdf_page) -> list[str]:
    """What is printed over something else on a page, or runs out of the side of its block."""
    pieces = printed(pdf_page)
    problems = [f"{text!r} runs out of its block" for text, (_, _, right, _), block in pieces if block and right > block[2] + ROUNDING]
    for (a, (ax0, ay0, ax1, ay1), _), (b, (bx0, by0, bx1, by1), _) in itertools.combinations(pieces, 2):
        if min(ax1, bx1) - max(ax0, bx0) > TOUCH and min(ay1, by1) - max(ay0, by0) > TOUCH:
            problems.append(f"{a!r} over {b!r}")
    return problems


@pytest.fixture(scope="session")
def pdf_plan(site, content):
    """The PDFs of the session's build, each with its built pages, and what they say of the site
    (its address set, as the session build sets it)."""
    from dataclasses import replace

    from conftest import TEST_SITE_URL

    config = replace(site_config.read(ROOT / "mkdocs.yml"), site_url=TEST_SITE_URL)
    return pdfs.plan(site, config, content), pdfs.metadata(config, content)


def test_the_overlap_check_sees_text_printed_over_text(tmp_path):
    """The check below, on a label that runs into its value (as the handbook covers had it)."""
    body = ('<dl style="display: grid; grid-template-columns: 10mm auto"><dt>Overgenomen uit</dt>'
            "<dd>Interventies in de cyclus</dd></dl>")
    laid_out = pdf.layout(pdf.document("Test", "Test", body, META), "test.pdf", tmp_path)
    problems = overprinted(laid_out.pages[0])
    assert "'Overgenomen' runs out of its block" in problems and "'Overgenomen' over 'Interventies in de cyclus'" in problems


def test_handbook_covers_print_every_fact_clear_of_the_others_with_the_values_in_one_column(pdf_plan, tmp_path):
    jobs, meta = pdf_plan
    books = [job for job in jobs if job.cards is None]
    assert len(books) == 2
    for book in books:
        cover = pdf.cover_html(book.title, pdf.source_titles(list(book.pages), meta), meta)
        laid_out = pdf.layout(pdf.document(book.title, book.title, cover, meta), book.name, tmp_path)
        assert len(laid_out.pages) == 1, book.name
        assert not overprinted(laid_out.pages[0]), (book.name, overprinted(laid_out.pages[0]))
        # labels left, values (several sources under one label too) in one column right of them
        cells = {"dt": [], "dd": []}

        def collect(box):
            if getattr(box, "element_tag", None) in cells:  # the cover's one list: its labels and values
                cells[box.element_tag].append(box)
            else:
                for child in getattr(box, "children", ()):
                    collect(child)

        collect(laid_out.pages[0]._page_box)
        assert len(cells["dd"]) >= 4, book.name  # version, date, address, a source at least
        assert len({round(dd.content_box_x(), 1) for dd in cells["dd"]}) == 1, book.name
        assert max(dt.content_box_x() + dt.width for dt in cells["dt"]) < cells["dd"][0].content_box_x(), book.name


def test_handouts_print_every_fact_clear_of_the_others(pdf_plan, tmp_path):
    """Every page of the phase handouts (every recommendation's box with address and QR code,
    the page, the running header and footer), laid out as the PDFs are."""
    jobs, meta = pdf_plan
    phases = [job for job in jobs if job.cards is not None and len(job.cards) > 1]
    assert sorted(card for job in phases for card in job.cards) == sorted({card for job in jobs if job.cards for card in job.cards})
    problems = []
    for job in phases:
        document = pdf.handout_html(job.title, list(zip(job.pages, job.cards)), meta)
        for number, pdf_page in enumerate(pdf.layout(document, job.name, tmp_path).pages, 1):
            problems += [f"{job.name} page {number}: {p}" for p in overprinted(pdf_page)]
    assert not problems, "\n".join(problems[:20])


def footer_text(pdf_page) -> str:
    """The text in a page's bottom margin (its running footer)."""
    parts: list[str] = []
    bottom = 20 / 25.4 * 72

    def keep(text, cm, tm, font, size):
        if text.strip() and tm[5] * cm[3] + tm[4] * cm[1] + cm[5] < bottom:
            parts.append(text)

    pdf_page.extract_text(visitor_text=keep)
    return " ".join(" ".join(parts).split())


def poppler_pages(pdf: Path, bottom_mm: float | None = None) -> list[str]:
    """Each page's text by poppler's pdftotext (pypdf takes a tenth of a second a page), the words
    one space apart; with ``bottom_mm`` only that strip at the bottom of the A4 page (its running
    footer)."""
    crop = []
    if bottom_mm is not None:
        height = round(bottom_mm / 25.4 * 72)
        crop = ["-r", "72", "-x", "0", "-y", str(842 - height), "-W", "596", "-H", str(height)]
    text = subprocess.run(["pdftotext", *crop, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]  # a form feed ends every page


def test_every_handout_page_has_its_short_link_in_the_footer(pdf_build, content):
    from conftest import TEST_SITE_URL

    folder = pdf_build[0] / "pdf"
    for handvat_id in content.handvatten:
        address = sitemap.short_address(TEST_SITE_URL, handvat_id.lower())
        footers = poppler_pages(folder / sitemap.handout(handvat_id), bottom_mm=20)
        assert footers
        for number, footer in enumerate(footers, 1):
            assert f"Online: {address}" in footer, (handvat_id, number, footer)
    for phase in content.phases:  # each page names the recommendation it shows
        path = folder / sitemap.handout(phase.id)
        for text, footer in zip(poppler_pages(path), poppler_pages(path, bottom_mm=20), strict=True):
            on_page = re.findall(r"Werkkaart (\w+)", text)[-1:] or None
            if on_page:
                assert sitemap.short_address(TEST_SITE_URL, on_page[0].lower()) in footer, (phase.id, footer)
    book = poppler_pages(folder / sitemap.CYCLE_HANDBOOK, bottom_mm=20)
    assert "pagina 4 van" in book[3] and "Online" not in book[3]  # a handbook has no short link of its own


def test_without_the_site_address_a_handout_carries_the_short_link_as_its_path(pdf_plan, tmp_path):
    from dataclasses import replace

    jobs, meta = pdf_plan
    job = next(j for j in jobs if j.cards and len(j.cards) == 1)
    path = "/" + sitemap.short_path(job.cards[0].lower())
    document = pdf.handout_html(job.title, list(zip(job.pages, job.cards)), replace(meta, site_url=None))
    doc = PdfReader(io.BytesIO(pdf.render(document, job.name, tmp_path, list(job.pages))))
    assert f"Korte link: {path}" in " ".join(doc.pages[0].extract_text().split())
    assert all(f"Korte link: {path}" in footer_text(p) for p in doc.pages)
    figures = [e for e in struct_elements(doc.trailer["/Root"]["/StructTreeRoot"]) if e["/S"] == "/Figure"]
    assert not any(str(f.get("/Alt", "")).startswith("QR-code") for f in figures)  # no address, no QR code
