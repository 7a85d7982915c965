"""The site built by Zensical 0.0.73, Material's successor, with the same post-build step: the same
pages, links, anchors, tags, abbreviations, short links, PDFs and offline zip as MkDocs' build.

Where Zensical differs on purpose (its own search, without Dutch stemming), the README says so
under "Overstappen op Zensical".
"""

from __future__ import annotations

import zipfile

import pytest

from conftest import TEST_SITE_URL, site_build_of
from kennisbank import sitemap
from tools.links import broken_links, check, compare, read_contract


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("zensical") / "site"
    env = {sitemap.PDF_ENV: "1", sitemap.ZIP_ENV: "1", "SITE_URL": TEST_SITE_URL}
    result = site_build_of("zensical", out, env)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "No issues found" in result.stdout + result.stderr
    return out


def test_every_link_and_published_address_resolves(zensical_site):
    problems = check(zensical_site, read_contract()) + broken_links(zensical_site)
    assert not problems, "\n".join(problems[:20])


def test_same_pages_anchors_tags_and_abbreviations_as_mkdocs(zensical_site, site):
    problems = compare(site, zensical_site)
    assert not problems, "\n".join(problems[:20])


def test_the_post_build_step_made_the_same_exports(zensical_site, site, content):
    pdfs = sorted(p.name for p in (zensical_site / sitemap.PDF_FOLDER).iterdir())
    assert pdfs == sorted(p.name for p in (site / sitemap.PDF_FOLDER).iterdir())
    assert len(pdfs) == 2 + len(content.handvatten) + len(content.phases)
    with zipfile.ZipFile(zensical_site / sitemap.OFFLINE_ZIP) as archive:
        names = set(archive.namelist())
    for expected in ("kennisbank/vredestijd/v2.html", "kennisbank/r/v2-4/index.html", "kennisbank/pdf/werkkaart-v2.pdf"):
        assert expected in names, expected


def test_a_page_has_its_phase_tag_and_tooltips(zensical_site):
    page = (zensical_site / "vredestijd/v2/index.html").read_text(encoding="utf-8")
    assert ">Vredestijd<" in page and "<abbr" in page
    assert "Werkkaart (PDF)" in page  # the downloads this build made
