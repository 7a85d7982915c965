"""The site built by Zensical 0.0.73, Material's successor, with the same post-build step: the same
pages, links, anchors, tags, abbreviations, short links, PDFs and offline zip as MkDocs' build.

Where Zensical differs on purpose (its own search, without Dutch stemming), the README says so
under "Overstappen op Zensical".

The PDFs: the post-build step plans every PDF of the site map on Zensical's pages (each page each
PDF holds found and read, with an article and a heading: a missing one stops the step before any
rendering), then renders the one in RENDER, not all of them. Rendering is the same code for both
builders, and every page goes the same way into every document (pdf_documents.page_section, then
WeasyPrint): what a builder changes is only the input, the built pages. What a PDF relies on in
those pages is checked below for all of them: the same pages, anchors, tags and abbreviations as
MkDocs' (test_same_pages_...), every link leading to a page and anchor, the download links to every
planned PDF included (test_every_link_...). RENDER proves that WeasyPrint lays out Zensical's
markup: a recommendation's handout, of the kind of page every recommendation has (one macro makes
them). Every PDF is rendered, on MkDocs' pages, by the session build (conftest.site_build) and read
by tests/test_pdf.py.
"""

from __future__ import annotations

import posixpath
import sys
import zipfile

import pytest

from conftest import TEST_SITE_URL, in_background
from kennisbank import sitemap
from tools.links import broken_links, check, compare, read_contract

RENDER = (sitemap.handout("V2"),)

# `python -m exports build`, with the PDF plan cut to RENDER after it ran in full; the names it
# planned written to the file PLANNED.
BUILD = """
import os, sys
from pathlib import Path
from exports import pdf_exports
from exports.__main__ import main

full_plan = pdf_exports.plan
def plan(*args):
    jobs = full_plan(*args)
    Path(os.environ["PLANNED"]).write_text("\\n".join(job.name for job in jobs), encoding="utf-8")
    return [job for job in jobs if job.name in os.environ["RENDER"].split()]
pdf_exports.plan = plan
sys.exit(main(sys.argv[1:]))
"""


@in_background("zensical_build")
def zensical_command(folder):
    """Zensical's build with the post-build step, the PDFs and the zip, into folder/site."""
    env = {sitemap.PDF_ENV: "1", sitemap.ZIP_ENV: "1", "SITE_URL": TEST_SITE_URL, "PLANNED": str(folder / "planned.txt"), "RENDER": " ".join(RENDER)}
    return [sys.executable, "-c", BUILD, "build", "--builder", "zensical", "--site-dir", str(folder / "site")], env


@pytest.fixture(scope="session")
def zensical_build(background_started):
    """(site, the PDFs planned) of Zensical's build (zensical_command)."""
    folder, returncode, output = background_started.finished("zensical_build")
    assert returncode == 0, output[-3000:]
    assert "No issues found" in output
    return folder / "site", (folder / "planned.txt").read_text(encoding="utf-8").split()


@pytest.fixture(scope="session")
def zensical_site(zensical_build):
    return zensical_build[0]


def test_every_link_and_published_address_resolves(zensical_build):
    zensical_site, planned = zensical_build
    # a download link to a PDF planned but not rendered (not in RENDER) leads to where the step
    # writes that PDF, as the links to the rendered ones do
    unrendered = {"/" + sitemap.pdf_path(name) for name in planned if name not in RENDER}

    def to_unrendered(problem: str) -> bool:
        page, href, what = problem.split(": ", 2)
        return what == "no such page" and posixpath.normpath(posixpath.join(page, href)) in unrendered

    problems = check(zensical_site, read_contract()) + [p for p in broken_links(zensical_site) if not to_unrendered(p)]
    assert not problems, "\n".join(problems[:20])


def test_same_pages_anchors_tags_and_abbreviations_as_mkdocs(zensical_site, site):
    problems = compare(site, zensical_site)
    assert not problems, "\n".join(problems[:20])


def test_the_post_build_step_made_the_same_exports(zensical_build, site, content):
    zensical_site, planned = zensical_build
    # every PDF of MkDocs' build planned on Zensical's pages; those of RENDER made
    assert sorted(planned) == sorted(p.name for p in (site / sitemap.PDF_FOLDER).iterdir())
    assert len(planned) == 2 + len(content.handvatten) + len(content.phases)
    assert sorted(p.name for p in (zensical_site / sitemap.PDF_FOLDER).iterdir()) == sorted(RENDER)
    for name in RENDER:
        assert (zensical_site / sitemap.pdf_path(name)).read_bytes().startswith(b"%PDF-"), name
    with zipfile.ZipFile(zensical_site / sitemap.OFFLINE_ZIP) as archive:
        names = set(archive.namelist())
    for expected in ("kennisbank/vredestijd/v2.html", "kennisbank/r/v2-4/index.html", "kennisbank/pdf/werkkaart-v2.pdf"):
        assert expected in names, expected


def test_a_page_has_its_phase_tag_and_tooltips(zensical_site):
    page = (zensical_site / "vredestijd/v2/index.html").read_text(encoding="utf-8")
    assert ">Vredestijd<" in page and "<abbr" in page
    assert "Werkkaart (PDF)" in page  # the downloads this build made
