"""Published addresses keep working: the link contract, short links and redirects."""

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT, mkdocs_build, post_build
from kennisbank.sitemap import ShortLinkError, short_links
from tools.links import check, collect, read_contract, resolve


def test_every_published_address_still_resolves(site):
    problems = check(site, read_contract())
    assert not problems, "\n".join(problems[:20])


def test_every_address_of_the_site_is_in_the_contract(site):
    missing = sorted(set(collect(site)) - set(read_contract()))
    assert not missing, "new addresses, run ./dev links to publish them:\n" + "\n".join(missing[:20])


def test_short_links_lead_to_the_step(site, content):
    """Every recommendation's and step's short link (/r/v2/, /r/c3-2/) leads to its place."""
    from kennisbank.sitemap import url_of

    links = short_links(content)
    assert len(links) == sum(1 + len(h.steps) for h in content.handvatten.values())
    for path, target in links.items():
        page = (site / path / "index.html").read_text(encoding="utf-8")
        assert f'url=../../{url_of(target.page)}{"#" + target.anchor if target.anchor else ""}"' in page, path
        assert resolve(site, "/" + path) is None


def test_short_links_page_lists_every_short_link_with_a_copy_button(site):
    page = (site / "korte-links/index.html").read_text(encoding="utf-8")
    for path in (p.relative_to(site).as_posix() for p in (site / "r").iterdir()):
        assert f'href="../{path}/"' in page and f'data-kort="{path}/"' in page, path


def test_colliding_short_links_are_refused():
    step = lambda anchor: SimpleNamespace(anchor=anchor, id=anchor.upper())
    content = SimpleNamespace(handvatten={
        "V1": SimpleNamespace(id="V1", page="vredestijd/v1.md", steps=(step("v1-1"),)),
        "X": SimpleNamespace(id="V1-1", page="vredestijd/x.md", steps=()),
    })
    with pytest.raises(ShortLinkError, match="short link /r/v1-1/ of V1-1 collides with V1.1"):
        short_links(content)


@pytest.fixture(scope="module")
def altered(tmp_path_factory) -> tuple[Path, Path]:
    """(project, site) of a copy with two changes that do not touch each other, built once by
    MkDocs: the page "oud" (with the anchor #rollenspel) moved to "nieuw" with a redirect in
    redirects.redirect_maps, and a page docs/r/v2.md in the way of V2's short link. Each test
    below reads its own change; neither stops MkDocs."""
    project = tmp_path_factory.mktemp("altered") / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "data", "kennisbank", "macros", "overrides", "exports"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
    (project / "docs/nieuw.md").write_text("# Werkvormen\n\n## Rollenspel\n", encoding="utf-8")
    (project / "docs/r").mkdir()
    (project / "docs/r/v2.md").write_text("# In de weg\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("redirect_maps: {}", "redirect_maps: {'oud.md': 'nieuw.md'}")
    nav_line = "  - Bronnen: bronnen.md"
    config.write_text(text.replace(nav_line, f"{nav_line}\n  - nieuw.md\n  - r/v2.md"), encoding="utf-8")
    site = project.parent / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-2000:]
    return project, site


def test_a_moved_page_breaks_the_contract_unless_redirected(altered, tmp_path):
    """/oud/ and /oud/#rollenspel were published; the page moved to /nieuw/. With the redirect
    they resolve; the same build without the redirect's page (site/oud/, all that the redirect
    adds to a build) names both."""
    _, site = altered
    contract = ["/oud/", "/oud/#rollenspel"]
    assert check(site, ["/nieuw/", "/nieuw/#rollenspel"]) == []  # the page and its anchor, moved
    assert check(site, contract) == []
    without_redirect = tmp_path / "site"
    shutil.copytree(site, without_redirect, ignore=lambda folder, names: ["oud"] if Path(folder) == site else [])
    assert (site / "oud/index.html").exists() and not (without_redirect / "oud").exists()
    assert check(without_redirect, contract) == [
        "/oud/: page not found and no redirect",
        "/oud/#rollenspel: page not found and no redirect",
    ]


def test_a_page_in_the_way_of_a_short_link_stops_the_post_build_step(altered, tmp_path):
    project, site = altered
    built = tmp_path / "site"  # the post-build step writes into the site: a copy of the shared build
    shutil.copytree(site, built)
    result = post_build(project, built)
    assert result.returncode != 0
    assert "short link /r/v2/ collides with a page of the site" in result.stderr
