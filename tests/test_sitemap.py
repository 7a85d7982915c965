"""The site map (kennisbank.sitemap) owns every path, address, anchor and export name; the macros
are plain methods; the packages import one way only."""

from __future__ import annotations

import ast
import posixpath
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, mkdocs_build
from kennisbank import sitemap
from kennisbank.sitemap import address_of_file, built_file, relative_links, url_of


def test_addresses_of_docs_files():
    assert url_of("vredestijd/v2.md") == "vredestijd/v2/"
    assert url_of("vredestijd/index.md") == "vredestijd/"
    assert url_of("index.md") == ""
    assert url_of("vredestijd/v2.md", directory_urls=False) == "vredestijd/v2.html"
    assert url_of("vredestijd/index.md", directory_urls=False) == "vredestijd/index.html"
    assert built_file("vredestijd/v2.md") == "vredestijd/v2/index.html"
    assert built_file("index.md") == "index.html"
    assert built_file("bronnen.md", directory_urls=False) == "bronnen.html"
    assert address_of_file("vredestijd/v2/index.html") == "/vredestijd/v2/"
    assert address_of_file("index.html") == "/"
    assert address_of_file("vredestijd/v2.html") == "/vredestijd/v2.html"


def test_markdown_links_to_docs_files_stay_docs_files_relative_to_the_page():
    text = "[H1](/bronnen.md#literatuurreview-h1) en [fase](/vredestijd/index.md)"
    assert relative_links(text, "vredestijd/v2.md") == "[H1](../bronnen.md#literatuurreview-h1) en [fase](index.md)"
    assert relative_links(text, "index.md") == "[H1](bronnen.md#literatuurreview-h1) en [fase](vredestijd/index.md)"


def test_raw_links_are_addresses_in_the_form_each_builder_reads():
    raw = '<a href="/bronnen.md#bron-cyclus">x</a><a href="/pdf/werkkaart-v2.pdf">y</a>'
    # MkDocs leaves raw HTML alone: relative to the built page /vredestijd/v2/
    assert relative_links(raw, "vredestijd/v2.md") == (
        '<a href="../../bronnen/#bron-cyclus">x</a><a href="../../pdf/werkkaart-v2.pdf">y</a>'
    )
    # Zensical rewrites them as if relative to the source file vredestijd/v2.md
    assert relative_links(raw, "vredestijd/v2.md", raw_from_source=True) == (
        '<a href="../bronnen/#bron-cyclus">x</a><a href="../pdf/werkkaart-v2.pdf">y</a>'
    )
    # the offline copy: no directory URLs
    assert relative_links(raw, "vredestijd/v2.md", directory_urls=False) == (
        '<a href="../bronnen.html#bron-cyclus">x</a><a href="../pdf/werkkaart-v2.pdf">y</a>'
    )
    # ... where a folder would open as a listing: its page
    assert relative_links('<a href="/r/v2/">', "korte-links.md", directory_urls=False) == '<a href="r/v2/index.html">'
    # links that are no site-root links are left as they are
    other = '<a href="#v2-4">a</a> <a href="https://example.org/x">b</a> [c](andere.md) <a href="//cdn/x">d</a>'
    assert relative_links(other, "vredestijd/v2.md") == other


def test_a_short_link_for_the_scripts_is_written_in_the_form_the_build_serves():
    """The copy and print scripts resolve a short link from the site root: it is never made relative
    to the page (Zensical would not rewrite it), and from disk it names its folder's page."""
    button = '<button data-kort="r/v2-4/">'
    for raw_from_source in (False, True):
        assert relative_links(button, "vredestijd/v2.md", raw_from_source=raw_from_source) == button
    assert relative_links(button, "vredestijd/v2.md", directory_urls=False) == '<button data-kort="r/v2-4/index.html">'
    attr_list = '[V2](/vredestijd/v2.md){: data-kort="r/v2/" }'
    assert relative_links(attr_list, "nu-handelen/x.md", directory_urls=False) == '[V2](../vredestijd/v2.md){: data-kort="r/v2/index.html" }'


def _zensical_rewrite(url: str, page: str, directory_urls: bool) -> str:
    """What Zensical does with a relative raw URL: resolve it against the source file's folder,
    then make it relative to the built page."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), url.split("#")[0]))
    target = "" if target == "." else target + ("/" if url.split("#")[0].endswith("/") else "")
    return sitemap.relative_url(target, url_of(page, directory_urls))


def test_both_builders_end_with_the_same_address_for_every_page_and_target(content):
    pages = [h.page for h in content.handvatten.values()] + [sitemap.phase_page(p.id) for p in content.phases]
    pages += [sitemap.HOME, sitemap.SOURCES, sitemap.GROUP_OVERVIEWS, sitemap.CYCLE]
    targets = pages + ["pdf/werkkaart-v2.pdf", "r/v2/"]
    for directory_urls in (True, False):
        for page in pages:
            for target in targets:
                html = f'<a href="/{target}">x</a>'
                mkdocs = re.search(r'href="([^"]*)"', relative_links(html, page, directory_urls)).group(1)
                source = re.search(r'href="([^"]*)"', relative_links(html, page, directory_urls, True)).group(1)
                assert _zensical_rewrite(source, page, directory_urls) == mkdocs, (page, target, directory_urls)


def test_unknown_keys_name_the_known_ones(content):
    labels = [d.label for key in ("offline", "cyclus", "trainingen") for d in sitemap.downloads(content, key)]
    assert len(set(labels)) == 3, labels  # one page may offer all three: each says what it is
    with pytest.raises(KeyError, match=r"unknown download key 'crisiss'; known: cyclus, trainingen, offline, vredestijd, crisis, nazorg, V1"):
        sitemap.downloads(content, "crisiss")
    with pytest.raises(KeyError, match=r"unknown phase 'x'; known: vredestijd, crisis, nazorg"):
        sitemap.phase(content, "x")


def test_handbooks_and_handouts_come_from_the_content(content):
    cycle, trainings = sitemap.handbooks(content)
    assert cycle.holds("vredestijd/v2.md") and cycle.holds(sitemap.SOURCES) and not cycle.holds("woordenlijst.md")
    assert trainings.holds("trainingen/cursussen/masterclass-wraakbeteugeling.md") and not trainings.holds("crisis/c1.md")
    names = [h.name for h in sitemap.handouts(content)]
    assert names[:2] == ["werkkaart-v1.pdf", "werkkaart-v2.pdf"] and names[-1] == "werkkaart-nazorg.pdf"
    assert len(names) == len(content.handvatten) + len(content.phases)


# --- one place for each vocabulary ------------------------------------------------------------


def _config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_the_tag_vocabulary_of_mkdocs_yml_is_the_site_maps(content):
    plugins = {k: v for p in _config()["plugins"] if isinstance(p, dict) for k, v in p.items()}
    assert plugins["tags"]["tags_allowed"] == sitemap.tags(content)


def test_every_phase_folder_tags_its_pages_with_the_phase_name(content):
    folders = {sitemap.phase_meta_file(p.id): p.name for p in content.phases}
    folders[sitemap.TRAININGS_DIR + ".meta.yml"] = sitemap.TRAINING_TAG
    for meta_file, tag in folders.items():
        meta = yaml.safe_load((ROOT / "docs" / meta_file).read_text(encoding="utf-8"))
        assert meta == {"tags": [tag]}, f"docs/{meta_file}: tags must be [{tag}] (the name in the data)"


def test_every_phase_has_its_zelfscan_page(content):
    for phase in content.phases:
        page = (ROOT / "docs" / sitemap.zelfscan_page(phase.id)).read_text(encoding="utf-8")
        assert f'{{{{ zelfscan("{phase.id}") }}}}' in page, phase.id


def test_every_macro_the_pages_call_is_registered():
    from macros.pages import PageMacros

    called = set()
    for page in (ROOT / "docs").rglob("*.md"):
        called |= set(re.findall(r"\{\{\s*(\w+)\(", page.read_text(encoding="utf-8")))
    assert called - {"config"} <= set(PageMacros.names()), called - set(PageMacros.names())


def test_macros_are_plain_methods_that_write_site_root_links(content):
    from macros.pages import Page, PageMacros, settings

    macros = PageMacros(content, settings({"site_name": "Kennisbank", "extra": {"versie": content.changelog[0].version}}, {}, ROOT / "docs"))
    page = Page(path="vredestijd/v2.md", url="vredestijd/v2/", title="V2")
    body = macros.handvat(page, "V2")
    assert "](/bronnen.md#" in body and 'href="/bronnen.md#bron-cyclus"' in body
    assert "Werkkaart (PDF)" not in body  # this build makes no PDFs
    with pytest.raises(KeyError, match="unknown recommendation id 'V99'"):
        macros.handvat(page, "V99")


@pytest.mark.parametrize("call, message", [
    ('{{ fase("x") }}', "unknown phase 'x'; known: vredestijd, crisis, nazorg"),
    ('{{ download_links("crisiss") }}', "unknown download key 'crisiss'; known: cyclus, trainingen, offline"),
    ('{{ checklist("PA-X") }}', "unknown checklist 'PA-X'; known: PA-T"),
])
def test_an_unknown_key_in_a_page_stops_the_build_naming_the_known_ones(project_copy, tmp_path, call, message):
    page = project_copy / "docs/crisis/index.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{call}\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert message in result.stdout + result.stderr


# --- the packages import one way: macros -> kennisbank <- exports, tools -------------------------


def _imports(package: str) -> set[str]:
    found = set()
    for file in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_the_packages_import_one_way():
    assert not _imports("kennisbank") & {"macros", "exports", "tools", "mkdocs", "zensical"}
    assert not _imports("exports") & {"macros", "mkdocs", "zensical"}
    assert not _imports("macros") & {"exports", "tools", "zensical"}
    assert "mkdocs" not in _imports("tools")
