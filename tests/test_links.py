"""Published addresses keep working: the link contract, short links and redirects."""

from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import mkdocs_build, post_build
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


def test_a_moved_page_breaks_the_contract_unless_redirected(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    nav_line = "  - Bronnen: bronnen.md"

    def publish(name: str, redirects: str = "{}") -> Path:
        (project_copy / f"docs/{name}.md").write_text("# Werkvormen\n\n## Rollenspel\n", encoding="utf-8")
        text = config.read_text(encoding="utf-8").replace("redirect_maps: {}", f"redirect_maps: {redirects}")
        config.write_text(text.replace(nav_line, f"{nav_line}\n  - {name}.md"), encoding="utf-8")
        out = tmp_path / name
        result = mkdocs_build(project_copy, out)
        assert result.returncode == 0, result.stderr[-2000:]
        return out

    contract = ["/oud/", "/oud/#rollenspel"]
    assert check(publish("oud"), contract) == []
    (project_copy / "docs/oud.md").unlink()
    config.write_text(config.read_text(encoding="utf-8").replace("\n  - oud.md", ""), encoding="utf-8")
    assert check(publish("nieuw"), contract) == [
        "/oud/: page not found and no redirect",
        "/oud/#rollenspel: page not found and no redirect",
    ]
    config.write_text(config.read_text(encoding="utf-8").replace("\n  - nieuw.md", ""), encoding="utf-8")
    assert check(publish("nieuw", "{'oud.md': 'nieuw.md'}"), contract) == []


def test_a_page_in_the_way_of_a_short_link_stops_the_post_build_step(project_copy, tmp_path):
    (project_copy / "docs/r").mkdir()
    (project_copy / "docs/r/v2.md").write_text("# In de weg\n", encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Bronnen: bronnen.md", "  - Bronnen: bronnen.md\n  - r/v2.md"), encoding="utf-8")
    assert mkdocs_build(project_copy, tmp_path / "out").returncode == 0
    result = post_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "short link /r/v2/ collides with a page of the site" in result.stderr
