"""Editorial rules (DESIGN.md): every source credited, routes that miss no page, lists of the
right kind, labels and vocabularies kept in one place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, edit_yaml as edit, page_text, problems_of, site_pages
from kennisbank.frontmatter import FrontMatterError, audiences_of, page_tags
from kennisbank.model import count_label
from macros.render_bronnen import citation


def built(site: Path, docs_path: str) -> str:
    url = "" if docs_path == "index.md" else docs_path.removesuffix("index.md").removesuffix(".md") + "/"
    return (site / url.replace("//", "/") / "index.html").read_text(encoding="utf-8")


def credit_of(html: str) -> re.Match | None:
    return re.search(r'<aside class="bronvermelding"[^>]*data-bron="([^"]+)"[^>]*>(.*?)</aside>', html, re.S)


# --- source documents ---------------------------------------------------------------------------

def transcribed(content) -> tuple[str, ...]:
    """The folders whose pages are transcribed from a source document: the phases', and where
    each document's part starts (data/brondocumenten.yml, `section`)."""
    from kennisbank import sitemap

    phases = [sitemap.url_of(sitemap.phase_page(p.id)) for p in content.phases]
    return tuple(phases + [sitemap.url_of(doc.section) for doc in content.documents.values()])


# pages the editors compiled from a source document (a matrix, a selection of steps): credited as
# their compilation, never as a transcription
COMPILED = ("trainingen/publieksagressie/per-functiegroep/", "zelfscan/vredestijd/", "zelfscan/crisis/", "zelfscan/nazorg/", "nu-handelen/",
            # issue 24: the guide "Welke fase?" (in the cycle's folder), the overview of all steps, the selection
            "cyclus/welke-fase/", "stappen/", "selectie/")


def test_compiled_pages_are_credited_as_the_editors_compilation(site, content):
    pages = {p: h for p, h in site_pages(site).items() if p.startswith(COMPILED) and p != "nu-handelen/index.html"}
    assert len(pages) >= 1 + 3 + 3
    for path, html in pages.items():
        block = re.search(r'<aside class="bronvermelding bronvermelding--samengesteld"[^>]*data-bron="([^"]+)"[^>]*>(.*?)</aside>', html, re.S)
        assert block, f"{path}: not credited as the editors' compilation"
        text = page_text(block.group(2))
        assert "Samengesteld door de redactie" in text and content.documents[block.group(1)].title in text, path
        assert "Overgenomen" not in text and credit_of(html) is None, path


def test_every_transcribed_page_credits_its_source_document(site, content):
    pages = {
        p: h for p, h in site_pages(site).items() if p.startswith(transcribed(content)) and not p.startswith(("r/", *COMPILED))
    }
    assert len(pages) >= len(content.handvatten) + len(content.phases) + len(content.documents)
    for path, html in pages.items():
        found = credit_of(html)
        assert found, f"{path}: no source document named"
        doc = content.documents[found.group(1)]
        text = page_text(found.group(2))
        assert doc.title in text, path
        # the citation line names the original first, then the knowledge base
        cite = text.split("Hoe te citeren:")[1]
        assert cite.index(doc.title) < cite.index("Kennisbank online aangejaagd geweld"), path
        assert ".." not in cite.replace("...", ""), f"{path}: double full stop in {cite!r}"
        assert 'class="citeer"' not in html.replace(found.group(0), ""), f"{path}: a second citation line"


def test_the_right_document_per_section(site):
    expect = {
        "vredestijd/v2/index.html": "cyclus",
        "crisis/index.html": "cyclus",
        "trainingen/publieksagressie/stappenplan/index.html": "publieksagressie",
        "trainingen/ondermijning/index.html": "ondermijning",
        "trainingen/cursussen/omgaan-met-intimidatie-en-bedreiging/index.html": "omgaan-met-intimidatie-en-bedreiging",
    }
    for path, doc in expect.items():
        assert credit_of((site / path).read_text(encoding="utf-8")).group(1) == doc, path


def test_editorial_pages_keep_the_plain_citation_line(site):
    for path in ("woordenlijst/index.html", "trainingen/index.html", "korte-links/index.html"):
        html = (site / path).read_text(encoding="utf-8")
        assert credit_of(html) is None and 'class="citeer"' in html, path
        line = page_text(re.search(r'<p class="citeer".*?</p>', html, re.S).group())
        assert ".." not in line, line


def test_bronnen_page_lists_every_document_with_what_it_says_of_itself(site, content):
    html = (site / "bronnen/index.html").read_text(encoding="utf-8")
    for doc in content.documents.values():
        block = re.search(rf'<h3 id="bron-{doc.id}">.*?</dl>', html, re.S)
        assert block, doc.id
        text = page_text(block.group())
        assert doc.part.split(" (")[0].split(".")[0][1:] in text
        assert (doc.maker or "niet vermeld in het document") in text
    text = page_text(html)
    assert "Literatuurreview" in text and "titel, auteurs, uitgever en jaar staan er niet in" in text
    dji = page_text(re.search(r'<h3 id="bron-omgaan-met-intimidatie-en-bedreiging">.*?</dl>', html, re.S).group())
    assert "Opleidingsinstituut DJI" in dji
    assert "Of er meer delen zijn, zegt het document niet" in page_text(re.search(r'<h3 id="bron-ondermijning">.*?</dl>', html, re.S).group())
    publieksagressie = page_text(re.search(r'<h3 id="bron-publieksagressie">.*?</dl>', html, re.S).group())
    assert "arbocatalogus voor gemeenten" not in publieksagressie and "Niet vermeld in het document. Het noemt zich" in publieksagressie


def test_footer_links_to_the_source_documents(site):
    for path in ("index.html", "vredestijd/v2/index.html"):
        footer = re.search(r'<div class="md-copyright">.*?</div>\s*</div>', (site / path).read_text(encoding="utf-8"), re.S).group()
        assert re.search(r'href="[./]*/?bronnen/#brondocumenten"', footer), path


def test_citation_names_only_what_the_document_says(content):
    cycle = content.documents["cyclus"]
    line = citation(cycle, "V2 Ontwikkel een werkwijze.", "Kennisbank", "1.0", "1 januari 2027")
    # the cycle document names no kind for itself: no "[handboek]"
    assert line.startswith("Interventies in de cyclus van online aangejaagd geweld (z.d.; maker niet vermeld")
    assert "‘V2 Ontwikkel een werkwijze’." in line  # the title's own full stop is not doubled
    dji = content.documents["omgaan-met-intimidatie-en-bedreiging"]
    assert citation(dji, None, "Kennisbank", "1.0", "1 januari 2027").startswith("Opleidingsinstituut DJI")


def test_unknown_document_lists_the_known_ones(content):
    with pytest.raises(KeyError, match="unknown source document 'handboek'; known: cyclus, publieksagressie"):
        content.document("handboek")


def test_document_without_title_stops_the_build(data):
    edit(data / "brondocumenten.yml", lambda d: d[1].pop("title"))
    assert "data/brondocumenten.yml: 1 (publieksagressie): title: Field required" in problems_of(data)


def test_empty_documents_file_stops_the_build(data):
    (data / "brondocumenten.yml").write_text("", encoding="utf-8")
    assert "data/brondocumenten.yml: (file): the file is empty" in problems_of(data)


def test_course_without_its_document_stops_the_build(data):
    edit(data / "brondocumenten.yml", lambda d: d.pop(3))
    msg = problems_of(data)
    assert "data/trainingen/cursussen/masterclass-wraakbeteugeling.yml: id: no source document 'masterclass-wraakbeteugeling'" in msg


def test_cycle_from_an_unknown_document_stops_the_build(data):
    edit(data / "cyclus/fasen.yml", lambda d: d.update(document="handboek"))
    assert "data/cyclus/fasen.yml: document: unknown source document 'handboek'" in problems_of(data)


def test_page_crediting_an_unknown_document_stops_the_build(project_copy):
    from conftest import mkdocs_build

    page = project_copy / "docs/trainingen/ondermijning.md"
    page.write_text(page.read_text(encoding="utf-8").replace('bronvermelding("ondermijning")', 'bronvermelding("ondermijnig")'), encoding="utf-8")
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert "unknown source document 'ondermijnig'" in result.stderr


# --- lists: steps are actions with a checkbox, points are not ---------------------------------


def test_checkboxes_only_on_steps_and_named_as_actions(site, content):
    for handvat in content.handvatten.values():
        html = built(site, handvat.page)
        for step in handvat.steps:
            item = re.search(rf'<li class="stap stap--(stap|punt)"[^>]*\bid="{step.anchor}".*?</div>', html, re.S)
            assert item, step.id
            has_box = 'class="stap__vink"' in item.group()
            assert has_box == (step.kind == "steps"), step.id
            if has_box:
                label = page_text(re.search(r"<label.*?</label>", item.group(), re.S).group())
                assert label == f"Markeer stap {step.id} als gedaan", label


def test_count_label_names_steps_and_points(content):
    steps = content.handvat("V2").steps
    assert count_label(steps) == f"{len(steps)} stappen"
    points = tuple(s for s in content.checklist_steps.get("OM-V", ()) if s.kind == "points")
    if points:
        assert count_label(points) == f"{len(points)} punten" if len(points) > 1 else "1 punt"


# --- audiences: a route misses no page meant for everyone --------------------------------------


def routes_expected(content):
    docs = ROOT / "docs"
    pages = [h.page for h in content.handvatten.values()]
    tags = {p: page_tags(docs, p) for p in pages}
    return {
        reader: [h.id for h in content.handvatten.values() if reader in tags[h.page] or content.everyone in tags[h.page]]
        for reader in content.readers
    }


def test_every_route_holds_its_pages_and_those_for_everyone_in_cycle_order(site, content):
    html = (site / "doelgroepen/index.html").read_text(encoding="utf-8")
    anchors = [f"tag:{re.sub(r'[^a-z]+', '-', r.lower())}" for r in content.readers]
    for n, (reader, ids) in enumerate(routes_expected(content).items()):
        start = html.index(f'id="{anchors[n]}"')
        end = html.index(f'id="{anchors[n + 1]}"') if n + 1 < len(anchors) else html.index('id="fasen"')
        section = html[start:end]
        listed = re.findall(r'<li><a href="[^"]*">([VCN]\d+) ', section)
        assert listed == ids, reader  # all of them, in cycle order (V2 before V10)
    everyone = [h.page for h in content.handvatten.values() if page_tags(ROOT / "docs", h.page) == [content.everyone]]
    assert everyone, "no page is tagged for everyone only: the test would prove nothing"


def test_bestuurders_have_a_route(site):
    html = (site / "doelgroepen/index.html").read_text(encoding="utf-8")
    section = html[html.index('id="tag:bestuurders"'):html.index('id="tag:sociaal-domein"')]
    assert "omgaan-met-intimidatie-en-bedreiging" in section
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="doelgroepen/#tag:bestuurders"' in home


def test_unknown_audience_tag_names_page_and_tag(tmp_path):
    (tmp_path / "p.md").write_text("---\ntags:\n  - Politie\n---\n# P\n", encoding="utf-8")
    with pytest.raises(FrontMatterError, match=r"docs/p.md: tags: unknown audience 'Politie'; known: Gemeente"):
        audiences_of(tmp_path, ["p.md"], ("Gemeente",))


# --- one place for each fact ------------------------------------------------------------------


def test_navigation_uses_the_short_labels(content):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    labels = {}

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                for key, value in item.items():
                    walk(value) if isinstance(value, list) else labels.setdefault(value, key)

    walk(config["nav"])
    for handvat in content.handvatten.values():
        assert labels.get(handvat.page) == f"{handvat.id} {handvat.data.short_title}", handvat.id


def test_short_label_of_more_than_six_words_is_refused(data):
    edit(data / "cyclus/V1.yml", lambda d: d.update(short_title="Een visie op online werken en geweld"))
    assert "data/cyclus/V1.yml: short_title: at most six words" in problems_of(data)


# --- the source's own cross-references are links ---------------------------------------------


def test_cross_references_link_to_the_step_they_mean(site):
    v3 = (site / "vredestijd/v3/index.html").read_text(encoding="utf-8")
    assert '<a href="../v2/#v2-4">zie ook punt 4</a>' in v3
    v8 = (site / "vredestijd/v8/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="(\./)?#v8-4">zie onderstaande punt 4</a>', v8)


def test_cross_reference_to_unknown_step_or_absent_words_stops_the_build(data):
    def break_it(d):
        d["steps"][2]["see"] = [{"words": "zie ook punt 4", "target": "V2.40"}, {"words": "punt 5", "target": "V2"}]

    edit(data / "cyclus/V3.yml", break_it)
    msg = problems_of(data)
    assert "data/cyclus/V3.yml: V3.3: see: unknown step or recommendation 'V2.40'" in msg
    assert "data/cyclus/V3.yml: V3.3: see: words 'punt 5' do not stand in the step's text" in msg


def test_v5_and_v11_are_points_and_v2_steps(content):
    assert {s.kind for s in content.handvat("V5").steps} == {"points"}
    assert {s.kind for s in content.handvat("V11").steps} == {"points"}
    assert {s.kind for s in content.handvat("V2").steps} == {"steps"}


def test_editorial_notes_quote_in_one_style(content):
    """Notes quote the source with ‘…’; “…” and "…" are left to the sources' own text."""
    notes = [(h.id, n.text) for h in content.handvatten.values() for n in h.data.notes]
    notes += [(c.id, n.text) for c in content.trainingen.courses.values() for n in c.notes]
    guide = content.trainingen.publieksagressie
    notes += [("publieksagressie", n.text) for n in guide.notes]
    assert len(notes) > 20
    odd = [(owner, text[:60]) for owner, text in notes if re.search(r'[“”"]', text)]
    assert not odd, odd


# --- counts in prose come from the data ---------------------------------------------------------

COUNTED = r"(?:bron)?documenten|handvatten|fasen|handreikingen|cursus(?:sen|beschrijvingen)|beschrijvingen van cursussen|onderzoeken"
NUMBER = r"\d+|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig"
WRITTEN_COUNT = re.compile(rf"\b(?:{NUMBER})\s+(?:openbare\s+)?(?:{COUNTED})\b", re.I)


def written_counts(text: str) -> list[str]:
    return WRITTEN_COUNT.findall(re.sub(r"\{\{.*?\}\}", "", text, flags=re.S))


def test_no_page_writes_a_count_the_data_knows():
    """"uit vijf documenten" goes stale with the sixth: the editors' pages count with
    {{ aantal(...) }}. Transcribed text (pages with a source credit) keeps the source's words."""
    from conftest import ROOT

    stale = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if "bronvermelding(" in text:
            continue
        stale += [f"{path.relative_to(ROOT)}: {found}" for found in written_counts(text)]
    stale += [f"mkdocs.yml: {found}" for found in written_counts((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))]
    assert not stale, stale
    assert written_counts("Overgenomen uit vijf openbare documenten en 21 handvatten") == ["vijf openbare documenten", "21 handvatten"]


def test_the_counts_macro_counts_the_content_in_dutch(content):
    from macros.render_aantallen import COUNTS, number, render_count

    assert (number(1), number(5), number(20), number(21)) == ("één", "vijf", "twintig", "21")
    assert render_count(content, "brondocumenten") == number(len(content.documents))
    assert render_count(content, "handvatten") == number(len(content.handvatten))
    assert render_count(content, "cursussen") == number(len(content.trainingen.courses))
    with pytest.raises(KeyError, match=re.escape("unknown count 'paginas'; known: " + ", ".join(COUNTS))):
        render_count(content, "paginas")


def test_the_counts_on_the_built_pages_follow_the_data(site, content):
    from macros.render_aantallen import number

    assert f"uit {number(len(content.documents))} documenten" in page_text((site / "bronnen/index.html").read_text(encoding="utf-8"))
    training = page_text((site / "trainingen/index.html").read_text(encoding="utf-8"))
    assert f"De {number(len(content.trainingen.courses))} cursusbeschrijvingen" in training
    assert f"de {len(content.handvatten)} handvatten" in page_text((site / "index.html").read_text(encoding="utf-8"))


def test_a_recommendation_page_says_which_part_it_holds_and_cites_its_versions_date(site, content):
    from kennisbank.dates import dutch_date

    html = (site / "vredestijd/v5/index.html").read_text(encoding="utf-8")
    text = page_text(credit_of(html).group(2))
    assert "Op deze pagina: handvat V5 (titel, inleiding, vraag en punten)." in text
    assert "Overgenomen: het hele document" not in text and "[handboek]" not in text
    # the version's date from the changelog, not the build day
    newest = content.changelog[0]
    assert f"versie {newest.version}, {dutch_date(newest.date)}" in text
