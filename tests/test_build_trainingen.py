"""The built training pages: tables from data with header cells, comparison, JSON-LD, matrix."""

import json
import re

import pytest

from conftest import page_text, read, table

from kennisbank.model_trainingen import DETAIL_FIELDS, NOTE_PLACES
from kennisbank.sitemap import GUIDE_TABLE_PAGES
from macros.render_trainingen import COMPARISON_ROWS, COURSE_FIELDS, PLACE_LABELS, skill_matrix

PA = "trainingen/publieksagressie"
NOTE_BOX = re.compile(r'<div class="admonition note">.*?</div>', re.S)
MC = "trainingen/cursussen/masterclass-wraakbeteugeling/index.html"
DJI = "trainingen/cursussen/omgaan-met-intimidatie-en-bedreiging/index.html"


def test_tabel_1_has_a_row_per_function_group(site, content):
    t = table(read(site, f"{PA}/functiegroepen/index.html"), "Tabel 1")
    assert t.count('<th scope="col">') == 4
    assert t.count('<th scope="row">') == len(content.trainingen.publieksagressie.function_groups) > 0
    for group in content.trainingen.publieksagressie.function_groups:
        assert f'id="tabel1-{group.id}"' in t and f"#fg-{group.id}" in t
        for competence in group.competences:
            assert f"<li>{competence}</li>" in t


def test_tabel_2_has_clusters_and_every_element(site, content):
    t = table(read(site, f"{PA}/inhoud-trainingen/index.html"), "Tabel 2")
    elements = [e for c in content.trainingen.publieksagressie.training_elements for e in c.elements]
    assert t.count('<th scope="row">') == len(elements)
    assert t.count('scope="rowgroup"') == len(content.trainingen.publieksagressie.training_elements) > 0
    for element in elements:
        row = re.search(rf'<th scope="row">{re.escape(element.name)}</th><td>(.*?)</td>', t.replace("&amp;", "&"))
        assert row, element.name
        # the audience as the source words it, then links to the editors' notes on this row
        assert re.fullmatch(rf'{re.escape(element.audience or "")}( <a class="noot-ref"[^>]*>\[noot \d+\]</a>)*', row.group(1))


def test_tabel_4_marks_skills_in_basic_education(site, content):
    html = read(site, f"{PA}/inhoud-trainingen/index.html")
    t = table(html, "Tabel 4")
    assert t.count('<th scope="row">') == len(content.trainingen.publieksagressie.professional_skills)
    assert t.count('aria-hidden="true">*</span>') == sum(s.in_basic_education for s in content.trainingen.publieksagressie.professional_skills) > 0
    assert "* Vaardigheidstrainingen inbegrepen in basis- en/of vervolgopleiding" in html


def test_tabel_5_and_managers_elements(site, content):
    html = read(site, f"{PA}/inhoud-trainingen/index.html")
    assert table(html, "Tabel 5").count('<th scope="row">') == len(content.trainingen.publieksagressie.education_skills) > 0
    managers = table(html, "Trainingselementen agressie en geweld – Leidinggevenden")
    assert managers.count("<td>") == sum(len(c.elements) for c in content.trainingen.publieksagressie.manager_elements)


def test_sample_programme_has_a_row_per_block(site, content):
    html = read(site, f"{PA}/voorbeeldprogramma/index.html")
    blocks = content.trainingen.publieksagressie.sample_programme
    parts = re.findall(r'<table class="datatabel programma"><caption>Voorbeeldprogramma.*?</table>', html, re.S)
    t = "".join(parts)
    assert all(p.count('<th scope="col">') == 4 for p in parts)
    assert t.count('<th scope="row">') == len(blocks)
    # a cell the source is silent on says so (a dash to see, "niet vermeld in de bron" to hear), never blank
    assert "<td></td>" not in t and "niet genoemd" not in t
    silent = sum(not b.aim for b in blocks) + sum(not b.duration and not b.after for b in blocks)
    assert t.count('<span class="visueel-verborgen">niet vermeld in de bron</span>') == silent > 0


def test_sample_programme_keeps_the_duration_paragraph_where_the_source_has_it(site):
    """PA 979-984 stands between the lists for Toezicht en handhaving and "Doelgroep: Teams"; the
    row it speaks of says what the source says of its duration, not that the source is silent."""
    html = read(site, f"{PA}/voorbeeldprogramma/index.html")
    lists = html.index('id="programma-vaardigheden"')
    paragraph = html.index('<p id="programma-duur">Over de duur van gerichte vaardigheidstrainingen is geen duidelijke richtlijn')
    teams = html.index('<span class="label">Doelgroep:</span> Teams')
    assert html.index('id="programma-4"') < lists < paragraph < teams
    assert html.count("Over de duur van gerichte vaardigheidstrainingen") == 1
    assert "<caption>Voorbeeldprogramma (vervolg)</caption>" in html[paragraph:teams]
    row = re.search(r'<tr id="programma-4">.*?</tr>', html, re.S).group()
    assert row.endswith('<td>geen duidelijke richtlijn (zie <a href="#programma-duur">de alinea onder de voorbeelden</a>)</td></tr>')


def test_matrix_agrees_with_the_lists_it_comes_from(site, content):
    html = read(site, f"{PA}/per-functiegroep/index.html")
    t = re.search(r'<table class="datatabel matrix".*?</table>', html, re.S).group()
    skills, groups, _ = skill_matrix(content.trainingen.publieksagressie)
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', t, re.S)
    assert [r[0] for r in rows] == skills
    listed = {(s, g) for b in content.trainingen.publieksagressie.sample_programme for l in b.skills_by_group for s in l.skills for g in l.groups}
    for skill, cells in rows:
        ticks = re.findall(r'<td class="(ja|niet-genoemd)">', cells)
        assert len(ticks) == len(groups)
        for group, tick in zip(groups, ticks):
            assert (tick == "ja") == ((skill, group.id) in listed), (skill, group.id)


def test_matrix_says_not_named_not_no(site):
    """The source gives examples: a skill it does not list for a group is "niet vermeld in de bron" (visible
    as a dash, spoken as the words), never "nee"; caption and legend say these are examples."""
    html = read(site, f"{PA}/per-functiegroep/index.html")
    t = re.search(r'<table class="datatabel matrix".*?</table>', html, re.S).group()
    assert "nee" not in page_text(t).split() and 'class="nee"' not in t
    cells = re.findall(r"<td[^>]*>.*?</td>", t)
    empty = [c for c in cells if "✓" not in c]
    assert empty and len(empty) + t.count("✓") == len(cells)
    for cell in empty:
        assert cell == (
            '<td class="niet-genoemd"><span class="niet-vermeld" aria-hidden="true">–</span>'
            '<span class="visueel-verborgen">niet vermeld in de bron</span></td>'
        )
    assert re.search(r"<caption>Voorbeelden van vaardigheidstrainingen uit het voorbeeldprogramma", t)
    legend = re.search(r"</table>\s*<p class=\"tabelnoot\">(.*?)</p>", html.split('id="matrix"')[1], re.S).group(1)
    assert "Voorbeelden, geen volledige lijst" in legend and "– niet vermeld in de bron:" in legend
    assert "‘Voorbeelden van vaardigheidstrainingen’" in legend


def test_every_asterisk_is_explained(site, content):
    """"Servicegerichtheid*": wherever a name carries the source's *, it says what it means."""
    for page in ("per-functiegroep", "inhoud-trainingen"):
        html = read(site, f"{PA}/{page}/index.html")
        article = re.search(r"<article.*?</article>", html, re.S).group()
        stars = re.findall(r"(?<![\\])\*(?:</span>)?(.{0,80})", re.sub(r"<script.*?</script>", "", article, flags=re.S))
        # the legend itself, and the prose that says "aangegeven met *." explain the sign
        named = [s for s in stars if not s.startswith((" Vaardigheidstrainingen inbegrepen", ".</p>"))]
        assert named, page
        for after in named:
            assert after.startswith('<span class="visueel-verborgen"> (inbegrepen in basis- en/of vervolgopleiding)'), (page, after)
    overviews = read(site, f"{PA}/per-functiegroep/index.html").split('<h2 id="fg-')[1:]
    assert len(overviews) == len(content.trainingen.publieksagressie.function_groups)
    for overview in overviews:
        if 'aria-hidden="true">*</span>' in overview:
            assert "* Vaardigheidstrainingen inbegrepen in basis- en/of vervolgopleiding (Tabel 4)." in overview


def test_every_function_group_has_its_overview_anchor(site, content):
    html = read(site, f"{PA}/per-functiegroep/index.html")
    for group in content.trainingen.publieksagressie.function_groups:
        assert f'id="fg-{group.id}"' in html


def test_comparison_table_rows_and_markers(site, content):
    html = read(site, "trainingen/index.html")
    t = table(html, "Cursussen vergeleken")
    courses = list(content.trainingen.courses.values())
    for course in courses:
        assert course.title in t
    rows = dict(re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', t, re.S))
    assert list(rows) == [label for label, *_ in COMPARISON_ROWS if label in rows]
    for label, fields, expected, _ in COMPARISON_ROWS:
        if label not in rows:
            continue
        cells = re.findall(r"<td>(.*?)</td>(?=<td>|$)", rows[label], re.S)
        assert len(cells) == len(courses), label
        for course, cell in zip(courses, cells):
            covered = any(d.field in fields for d in course.details)
            if "niet-vermeld--onderdeel" in cell:
                assert not expected and not covered, (label, course.id)
            elif "niet vermeld" in cell:
                # only where a reader expects the fact, or the source has the label but left it open
                assert expected or covered, (label, course.id)
            # one wording for every absence, explained in the legend
            assert "—" not in cell and ("niet vermeld" not in cell or "niet vermeld in de bron" in cell), (label, course.id)
    # the duration row gives DJI's own words; no "niet vermeld" where another row gives the fact
    assert "1 dag van 9.00 tot 16.00 uur" in rows["Duur en doorlooptijd"]
    assert "niet vermeld" not in rows["Duur en doorlooptijd"]
    # DJI has no "Begin-/eindtijd" heading: the times are not repeated in a row of the masterclass's label
    assert rows["Begin-/eindtijd bijeenkomsten"].count("9.00 tot 16.00") == 0
    assert t.count('<span class="niet-vermeld">') <= 6
    assert "Samengesteld door de redactie" in html and "niet vermeld in de bron</em>: de beschrijving" in html


def test_a_note_shows_in_the_comparison_only_on_its_fields_row(site, content):
    t = table(read(site, "trainingen/index.html"), "Cursussen vergeleken")
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', t, re.S)
    for n_course, course in enumerate(content.trainingen.courses.values()):
        for n, note in enumerate(course.notes, start=1):
            ref = f"#noot-{course.id}-{n}\""
            where = [label for label, cells in rows if ref in cells]
            expected = [label for label, fields, *_ in COMPARISON_ROWS if note.field in fields]
            # a note on the programme or the contact lines is no row's: it stays on the course page
            assert where == [l for l in expected if any(l == r for r, _ in rows)], (course.id, note.field, where)


def test_course_details_show_only_what_the_source_lists(site, content):
    for course in content.trainingen.courses.values():
        html = read(site, f"trainingen/cursussen/{course.id}/index.html")
        details = table(html, "Opleidingsdetails")
        labels = re.findall(r'<th scope="row">(.*?)</th>', details)
        ours = {name: label for name, label, _ in COURSE_FIELDS}
        assert labels == [(d.label or ours[d.field]).replace("&", "&amp;") for d in course.details]
        # "niet vermeld" only where the source has the label but no value, with the note saying so
        for row in re.findall(r"<tr>.*?</tr>", details):
            if "niet vermeld" in row:
                assert 'class="noot-ref"' in row, row
    dji = table(read(site, DJI), "Opleidingsdetails")
    assert '<th scope="row">Duur in uren/doorlooptijd</th><td>1 dag van 9.00 tot 16.00 uur</td>' in dji
    assert "niet vermeld" not in dji and "Begin-/eindtijd" not in dji and "Lesgeld" not in dji
    mc = table(read(site, MC), "Opleidingsdetails")
    assert '<th scope="row">Kosten Literatuur/materialen</th><td>Lesmateriaal €75 <a class="noot-ref"' in mc
    assert mc.count("niet vermeld") == 2  # Datums (a placeholder) and Certificering (empty)


def test_renderers_use_the_models_vocabularies():
    assert [name for name, _, _ in COURSE_FIELDS] == list(DETAIL_FIELDS)
    assert {f for _, fields, *_ in COMPARISON_ROWS for f in fields} == set(DETAIL_FIELDS)
    assert set(GUIDE_TABLE_PAGES) == set(PLACE_LABELS) == set(NOTE_PLACES)


def test_course_pages_carry_json_ld_naming_the_course(site, content):
    for course in content.trainingen.courses.values():
        html = read(site, f"trainingen/cursussen/{course.id}/index.html")
        blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
        courses = [b for b in blocks if b["@type"] == "Course"]  # beside the page's own WebPage
        assert len(courses) == 1
        data = courses[0]
        assert data["@type"] == "Course" and data["name"] == course.title and data["inLanguage"] == "nl"
    mc = json.loads(re.search(r'ld\+json">(.*?)</script>', read(site, "trainingen/cursussen/masterclass-wraakbeteugeling/index.html"), re.S).group(1))
    assert "offers" not in mc and "timeRequired" not in mc  # no price without its VAT remark and other costs


def test_source_problems_are_visible(site):
    mc = read(site, MC)
    assert "Noot van de redactie" in mc and "Dag 4" in mc
    assert "Cell 1-1" not in NOTE_BOX.sub("", mc)
    assert re.search(r'<th scope="row">Duur</th><td>3 dagen <a class="noot-ref"', mc)
    groups_page = read(site, f"{PA}/functiegroepen/index.html")
    assert re.search(r'admonition note.*?vier', groups_page, re.S)
    contents_page = read(site, f"{PA}/inhoud-trainingen/index.html")
    assert re.search(r'admonition note.*?[Tt]abel 3', contents_page, re.S)


def notes_of(html: str) -> str:
    return " ".join(page_text(box) for box in NOTE_BOX.findall(html))


@pytest.mark.parametrize("page, phrases", [
    (f"{PA}/functiegroepen/index.html", ["‘Draagvlak in de top’", "sociaal rechercheur"]),
    (f"{PA}/stappenplan/index.html", ["leerdoelwijzer", "arbocatalogus"]),
    (f"{PA}/voorbeeldprogramma/index.html", ["Hierover verderop meer", "intake"]),
    (f"{PA}/e-learning/index.html", ["Niet iedere medewerker is heeft"]),
    ("trainingen/ondermijning/index.html", ["‘Laatste update:’ zonder datum", "alleen deel 1", "formuleert ze", "De rest van de handreiking"]),
    (MC, ["‘Gemeentelijke handhavers’ staan twee keer", "krachtenveldanalyse", "Leert welke krachten", "de bron noemt geen aanbieder", "niet of de btw is inbegrepen"]),
    (DJI, ["‘ons Servicepunt’", "‘088 - 07 27 150’", "‘088 07 27150’", "van de aanbieder (Opleidingsinstituut DJI)", "120 burgemeesters", "Hier staan ze één keer"]),
])
def test_every_source_problem_has_a_note(site, page, phrases):
    notes = notes_of(read(site, page))
    for phrase in phrases:
        assert phrase in notes, (page, phrase)


def test_notes_stand_at_their_passage(site, content):
    """A note in a course's list is linked from the section or detail it concerns."""
    dji = read(site, DJI)
    contact = dji.split('id="aanbieder"')[1]
    assert contact.index('class="noot-refs"') < contact.index("ons Servicepunt")
    mc = read(site, MC)
    programme = mc.split('id="programma"')[1].split("<h3")[0]
    numbers = [n for n, note in enumerate(content.trainingen.courses["masterclass-wraakbeteugeling"].notes, 1) if note.field == "programme"]
    assert re.findall(r"\[noot (\d+)\]", programme) == [str(n) for n in numbers]


def test_the_providers_phone_number_and_web_address_are_links(site):
    html = read(site, DJI)
    assert '<a href="tel:0880727150">088 07 27150</a>' in html
    assert '<a href="https://www.oidji.nl" rel="noopener">www.oidji.nl</a>' in html


def test_group_overviews_say_van_belang_and_leave_the_open_element_open(site, content):
    """Tabel 2: elements without a target group are "van belang voor" all groups (not "gelden");
    "Geweldloze afweertechnieken", whose place the source leaves open, is not counted with them but
    named apart with a link to its note; "met name" gets a marked sentence: not "alleen"."""
    guide = content.trainingen.publieksagressie
    html = read(site, f"{PA}/per-functiegroep/index.html")
    overviews = html.split('<h2 id="fg-')[1:]
    unassigned = [e for c in guide.training_elements for e in c.elements if e.groups is None]
    n = [i for i, note in enumerate((x for x in guide.notes if x.where == "tabel-2"), start=1) if note.row == "Geweldloze afweertechnieken"]
    assert len(n) == 1
    for overview in overviews:
        text = page_text(overview)
        assert f"de {len(unassigned) - 1} trainingselementen zonder specifieke doelgroep ‘van belang voor alle functiegroepen" in text
        assert "en mogelijk ook ‘Geweldloze afweertechnieken’" in text
        assert f'inhoud-trainingen/#noot-tabel-2-{n[0]}"' in overview
        assert "gelden" not in text.split()
        mark = overview.index('<span class="redactie-merk">')
        assert "‘Met name’ is niet ‘alleen’" in overview[mark:]


def test_dji_sections_stand_in_the_sources_order(site, content):
    """DJI: "Data, locatie en aanmelden" and the sponsor sentence before "Voor wie", and "Voor wie"
    before the introduction; what still stands elsewhere (the address block) is said in a note."""
    html = read(site, DJI)
    ids = re.findall(r'<h2 id="([a-z-]+)"', html.split("</h1>")[1])
    assert ids[:8] == ["aanbieder", "mogelijk-gemaakt", "voor-wie", "resultaat", "doel", "programma", "methode", "ervaringen"]
    assert "in de bron staat het zonder kop, na de zin ‘Deze training wordt mede mogelijk gemaakt …’" in page_text(html)
    # a course that gives no order keeps the usual one
    assert content.trainingen.courses["masterclass-wraakbeteugeling"].sections == []


def _cells(table_html: str) -> dict[str, str]:
    """A one-column table's rows: header text -> the cell's text without links to notes."""
    rows = re.findall(r'<tr><th scope="row">(.*?)</th><td>(.*?)</td></tr>', table_html, re.S)
    return {page_text(label): _fact_text(cell) for label, cell in rows}


def _fact_text(cell: str) -> str:
    return page_text(re.sub(r'\s*<a class="noot-ref"[^>]*>.*?</a>', "", cell))


def test_every_fact_of_the_comparison_is_on_its_course_page(site, content):
    """What the comparison says of a course, its page says too, in the same words: a row of its own
    ("Deze cursus in de vergelijking") or, where the source lists the facts itself, the rows of its
    "Opleidingsdetails" (with the source's labels) and the editors' remark under them."""
    comparison = table(read(site, "trainingen/index.html"), "Cursussen vergeleken")
    rows = dict(re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', comparison, re.S))
    assert rows
    courses = list(content.trainingen.courses.values())
    own_labels = {name: label for name, label, _ in COURSE_FIELDS}
    for n, course in enumerate(courses):
        html = read(site, f"trainingen/cursussen/{course.id}/index.html")
        details = _cells(table(html, "Opleidingsdetails")) if course.details else {}
        facts = _cells(table(html, "Deze cursus in de vergelijking")) if "Deze cursus in de vergelijking" in html else {}
        for label, fields, *_ in COMPARISON_ROWS:
            if label not in rows:
                continue
            cell = re.findall(r"<td>(.*?)</td>(?=<td>|$)", rows[label], re.S)[n]
            said = _fact_text(cell)
            if label in facts:
                assert facts[label] == said, (course.id, label)
                continue
            # not a row of its own: the source's details give each fact of the row
            listed = {d.field: (d.label or own_labels[d.field]) for d in course.details if d.field in fields}
            assert listed, (course.id, label, "missing on the course page")
            rest = said
            for remark in re.findall(r"<p\b.*?</p>", cell, re.S):  # the editors' remarks in the cell
                assert page_text(remark) in page_text(html), (course.id, label, remark)
                rest = rest.replace(page_text(remark), "")
            for field_name, field_label in listed.items():
                value = details[field_label]
                assert value in rest, (course.id, label, field_label, value)
                rest = rest.replace(value, "", 1)
                rest = re.sub(re.escape(field_label), "", rest, count=1, flags=re.I)
            # nothing in the comparison's cell that the page's rows do not say
            assert re.fullmatch(r"[\s:;,.]*", rest), (course.id, label, rest)
