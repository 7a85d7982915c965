"""The built site: every recommendation, step anchor, table and back-link is where it should be."""

import json
import posixpath
import re
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build




def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def built_page(handvat):
    return handvat.page.replace(".md", "/index.html")


def test_one_page_per_recommendation_titled_by_id(site, content):
    assert content.handvatten
    for handvat in content.handvatten.values():
        html = read(site, built_page(handvat))
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
        assert h1.startswith(f"{handvat.id} "), handvat.id


def test_every_step_has_its_anchor_number_and_box(site, content):
    for handvat in content.handvatten.values():
        html = read(site, built_page(handvat))
        for step in handvat.steps:
            assert f'id="{step.anchor}"' in html, step.id
            assert f'data-stap="{step.id}"' in html, step.id  # on the step (render_steps.step_attributes)
            assert (f'id="vink-{step.anchor}" data-stap="{step.id}"' in html) == (step.kind == "steps"), step.id
        # a checkbox for every action; points (signals, indicators, examples) have none
        assert html.count('class="stap__vink"') == sum(s.kind == "steps" for s in handvat.steps), handvat.id


def test_audience_groups_are_headings(site, content):
    grouped = [h for h in content.handvatten.values() if h.data.groups]
    assert grouped
    for handvat in grouped:
        html = read(site, built_page(handvat))
        for group in handvat.data.groups:
            assert re.search(rf"<h3 [^>]*>{re.escape(group.title)}<", html), (handvat.id, group.title)


def test_sources_page_lists_every_citing_step(site, content):
    html = read(site, "bronnen/index.html")
    assert content.citations, "no citations indexed"
    for ref, users in content.citations.items():
        row = re.search(rf'id="{ref.anchor}"(.*?)</(tr|div)>', html, re.S)
        assert row, ref
        for handvat_id, step_id in users:
            page = content.handvatten[handvat_id].page.replace(".md", "/")
            target = page + (f"#{step_id.lower().replace('.', '-')}" if step_id else "")
            assert f'href="../{target}"' in row.group(1), (ref, step_id)


def test_citation_links_resolve_to_rows_of_the_sources_page(site, content):
    sources = read(site, "bronnen/index.html")
    for handvat in content.handvatten.values():
        html = read(site, built_page(handvat))
        anchors = set(re.findall(r'href="\.\./\.\./bronnen/#([^"]+)"', html))
        cited = {ref.anchor for ref, users in content.citations.items() if any(h == handvat.id for h, _ in users)}
        assert cited <= anchors, (handvat.id, cited - anchors)  # every citation of the page is a link
        for anchor in anchors:
            assert f'id="{anchor}"' in sources, anchor


def test_cycle_landing_page(site, content):
    html = read(site, "cyclus/index.html")
    svg = re.search(r'<figure class="cyclus">.*?</figure>', html, re.S).group()
    assert 'role="group"' in svg and "<title" in svg and "<desc" in svg
    for phase in content.phases:
        assert f'href="../{phase.id}/"' in svg
    kern = re.search(r'<table class="datatabel kern".*?</table>', html, re.S).group()
    # a row per phase: its name, theme and aims
    assert kern.count('<th scope="col">') == 3 and kern.count('<th scope="row">') == len(content.phases)
    for handvat in content.handvatten.values():
        assert f'href="../{handvat.page.replace(".md", "/")}"' in html, handvat.id


def test_tables_in_disguise_are_real_tables(site, content):
    """A step's table (data) is a table with caption and column headers, every row of it."""
    with_tables = [h for h in content.handvatten.values() if any(s.data.table for s in h.steps)]
    assert with_tables
    for handvat in with_tables:
        html = read(site, built_page(handvat))
        tables = re.findall(r'<table class="datatabel">(.*?)</table>', html, re.S)
        assert tables and all("<caption>" in t and '<th scope="col">' in t for t in tables), handvat.id
        rows = sum(len(s.data.table.rows) for s in handvat.steps if s.data.table)
        assert sum(t.count("<tr>") - 1 for t in tables) == rows, handvat.id


def test_search_is_configured_for_dutch(site):
    config = json.loads(read(site, "search/search_index.json"))["config"]
    assert config["lang"] == ["nl"]
    assert config["pipeline"] == ["stemmer", "stopWordFilter", "trimmer"]
    separator = re.compile(config["separator"])
    assert re.split(separator, "(DPIA) “drillrap” werk/privébalans") == ["", "DPIA", "", "drillrap", "", "werk", "privébalans"] or \
        [t for t in re.split(separator, "(DPIA) “drillrap” werk/privébalans") if t] == ["DPIA", "drillrap", "werk", "privébalans"]


def test_no_page_loads_anything_from_outside(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        # the canonical address (site_url) names the page, it loads nothing
        external = re.findall(r'<(?:script|link|img|iframe)\b(?![^>]*rel="canonical")[^>]*(?:src|href)="(https?://[^"]+)"', html)
        assert not external, (path, external)


# --- the build stops on bad input, naming the problem


def test_bad_data_stops_the_build_naming_file_and_field(project_copy, tmp_path):
    path = project_copy / "data/cyclus/C1.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("question:", "vraag:", 1), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "data/cyclus/C1.yml: question: Field required" in result.stderr
    assert "data/cyclus/C1.yml: vraag: Extra inputs are not permitted" in result.stderr


def test_unknown_recommendation_id_stops_the_build(project_copy, tmp_path):
    (project_copy / "docs/crisis/c1.md").write_text('{{ handvat("C9") }}\n', encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "unknown recommendation id 'C9'" in result.stdout + result.stderr


def test_broken_anchor_stops_the_build(project_copy, tmp_path):
    page = project_copy / "docs/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[kapot](vredestijd/v2.md#v2-99)\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "does not contain an anchor '#v2-99'" in result.stdout + result.stderr


def test_every_internal_link_and_anchor_resolves(site):
    """Also the links macros write as raw HTML (diagram, tables) and the short links' redirects,
    which MkDocs does not check."""
    from tools.links import broken_links

    assert not broken_links(site), broken_links(site)[:20]


def test_dutch_search_override_wraps_materials_own_file_unchanged(site):
    """overrides/…/lunr.nl.min.js is Material's file plus our appendix; catch drift on upgrades."""
    import material

    theme = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min/lunr.nl.min.js"
    ours = (ROOT / "overrides/assets/javascripts/lunr/min/lunr.nl.min.js").read_text(encoding="utf-8")
    assert ours.startswith(theme.read_text(encoding="utf-8")), "Material's lunr.nl changed: copy it again"
    assert "keepOriginal" in read(site, "assets/javascripts/lunr/min/lunr.nl.min.js")


def test_group_member_roles_table_is_derived_from_the_steps(site, content):
    html = read(site, "crisis/c3/index.html")
    table = re.search(r'id="c3-rollen".*?<table>(.*?)</table>', html, re.S).group(1)
    roles = [s for s in content.handvat("C3").steps if s.data.role]
    assert roles
    for step in roles:
        assert f"<td>{step.data.role}</td>\n<td><a href=\"#{step.anchor}\">{step.id}</a></td>" in table


def test_an_unknown_tag_stops_the_build(project_copy, tmp_path):
    page = project_copy / "docs/crisis/c2.md"
    page.write_text(page.read_text(encoding="utf-8").replace("  - Jongerenwerk\n", "  - Brandweer\n", 1), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    out = result.stdout + result.stderr
    # Material's allow list or the audience check of the macros, whichever comes first
    assert "Tags not in allow list: Brandweer" in out or "unknown tag 'Brandweer'" in out
    assert "crisis/c2.md" in out


def test_search_partial_override_is_each_builders_own_but_for_the_dialog_name(site):
    import material
    import zensical

    strip = lambda text: re.sub(r"\{#-.*?-#\}", "", text, count=1, flags=re.S).strip()  # noqa: E731
    ours = strip((ROOT / "overrides/partials/search.html").read_text(encoding="utf-8"))
    branches = re.fullmatch(r"\{% if generator is defined -%\}(.*)\{%- else -%\}(.*)\{%- endif %\}", ours, re.S)
    for_zensical, for_material = branches.group(1), branches.group(2)
    theme = (Path(material.__file__).parent / "templates/partials/search.html").read_text(encoding="utf-8")
    assert for_material.replace(" aria-label=\"{{ lang.t('search') }}\">", ">", 1).strip() == strip(theme)
    own = (Path(zensical.__file__).parent / "templates/partials/search.html").read_text(encoding="utf-8")
    assert for_zensical.strip() == strip(own)
    assert 'role="dialog" aria-label="Zoeken"' in read(site, "index.html")


def test_pages_are_tagged_with_their_phase_or_as_training(site, content):
    for handvat in content.handvatten.values():
        html = read(site, built_page(handvat))
        assert re.search(rf'class="md-tag[^"]*"[^>]*>{handvat.phase.name}<', html), handvat.id
    html = read(site, "trainingen/publieksagressie/functiegroepen/index.html")
    assert re.search(r'class="md-tag[^"]*"[^>]*>Trainingen<', html)


DUTCH_FIXES = {
    '"action.view": "Bron van deze pagina bekijken"': '"action.view": "Broncode van deze pagina bekijken"',
    '"rss.created": "RSS feed"': '"rss.created": "RSS-feed"',
    '"rss.updated": "RSS feed met geüpdatet inhoud"': '"rss.updated": "RSS-feed met bijgewerkte inhoud"',
    '"search.reset": "Leegmaken"': '"search.reset": "Wissen"',
    '"search.result.initializer": "Zoeken initialiseren"': '"search.result.initializer": "Zoekfunctie wordt geladen"',
    '"search.result.none": "Geen overeenkomende documenten"': '"search.result.none": "Geen resultaten"',
    '"search.result.one": "1 overeenkomende document"': '"search.result.one": "1 resultaat"',
    '"search.result.other": "# overeenkomende documenten"': '"search.result.other": "# resultaten"',
    '"source.file.date.created": "Gecreëerd"': '"source.file.date.created": "Aangemaakt"',
    '"source.file.date.updated": "Laatst geüpdatet"': '"source.file.date.updated": "Laatst bijgewerkt"',
    '"tabs": "Tabs"': '"tabs": "Tabbladen"',
}


def test_dutch_names_for_header_and_footer_and_otherwise_the_themes_translations(site):
    import material
    import zensical

    strip = lambda text: re.sub(r"\{#-.*?-#\}", "", text, count=1, flags=re.S).strip()  # noqa: E731
    ours = strip((ROOT / "overrides/partials/languages/nl.html").read_text(encoding="utf-8"))
    for package in (material, zensical):
        theme = strip((Path(package.__file__).parent / "templates/partials/languages/nl.html").read_text(encoding="utf-8"))
        theme = theme.replace('"footer": "Footer",', '"footer": "Paginavoet",').replace('"header": "Header",', '"header": "Paginakop",')
        for wrong, right in DUTCH_FIXES.items():
            assert wrong in theme, wrong  # the theme still has the string we correct
            theme = theme.replace(wrong, right)
        assert ours == theme
    assert "overeenkomende document" not in ours
    html = read(site, "index.html")
    assert 'aria-label="Paginakop"' in html and 'aria-label="Paginavoet"' in html
    assert 'aria-label="Header"' not in html and 'aria-label="Footer"' not in html


def test_every_card_has_its_page_and_nav_entry_and_is_linked_from_home_and_crisis(site, content):
    import yaml

    from kennisbank import sitemap

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    section = next(entry["Nu handelen"] for entry in nav if isinstance(entry, dict) and "Nu handelen" in entry)
    titled = {path: title for entry in section if isinstance(entry, dict) for title, path in entry.items()}
    assert section[0] == sitemap.NOW_INDEX
    assert titled == {sitemap.now_page(card.id): card.title for card in content.now_cards.values()}
    pages = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs/nu-handelen").glob("*.md"))
    assert pages == sorted([sitemap.NOW_INDEX, *titled])
    for card in content.now_cards.values():
        source = (ROOT / "docs" / sitemap.now_page(card.id)).read_text(encoding="utf-8")
        assert f'{{{{ nu_handelen("{card.id}") }}}}' in source
        url = sitemap.url_of(sitemap.now_page(card.id))
        for linking in ("index.html", "crisis/index.html", "nu-handelen/index.html"):
            article = re.search(r"<article.*?</article>", read(site, linking), re.S).group(0)
            base = linking.removesuffix("index.html")
            targets = {
                posixpath.normpath(posixpath.join(base, href)) + "/"
                for href in re.findall(r'<a [^>]*href="([^"#:]+)"', article)
            }
            assert url in targets, (linking, url)
