"""Archived versions (tools/versions.py): every released version readable and citable at an
address of its own, built from its git tag by the publish step."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, in_background_call

from kennisbank import sitemap
from kennisbank.model import load
from kennisbank.model_wijzigingen import ChangelogEntry
from tools import versions


def entry(version: str, day: date = date(2027, 1, 5)) -> ChangelogEntry:
    return ChangelogEntry(version=version, date=day, title="Versie.", changes=["Iets."], all_pages=True)


def test_an_older_version_without_its_tag_is_named_with_the_tag_to_make():
    current, older = entry("9.1"), entry("9.0")
    assert versions.missing_tags(ROOT, [current, older]) == [
        "data/wijzigingen.yml: version '9.0': no git tag 'v9.0' in the repository; tag the commit that released it (git tag v9.0 <commit>)"
    ]
    assert versions.missing_tags(ROOT, [current]) == []  # the current version is the checkout itself


def test_every_archived_page_says_so_and_links_the_current_site(tmp_path):
    page = tmp_path / "vredestijd/v2/index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<body><header class="md-header">kop</header></body>', encoding="utf-8")
    (tmp_path / "r.html").write_text("<meta http-equiv=refresh>", encoding="utf-8")
    assert versions.mark_archive(tmp_path, entry("0.1", date(2026, 11, 24)), "https://k.example/") == 1
    assert versions.mark_archive(tmp_path, entry("0.1", date(2026, 11, 24)), "https://k.example/") == 0  # once
    html = page.read_text(encoding="utf-8")
    assert "Dit is versie 0.1 van 24 november 2026, bewaard als archief." in html
    assert html.index("md-banner archief") < html.index('<header class="md-header') and 'href="https://k.example/"' in html


def test_a_publication_cites_the_version_s_own_address_and_links_every_version():
    from macros.pages import Page, PageMacros, settings

    content = load(ROOT / "data")
    version = content.changelog[0].version
    config = {"site_name": "K", "site_url": "https://k.example/", "extra": {"versie": version}}
    published = PageMacros(content, replace(settings(config, {}, ROOT / "docs"), archived=True))
    handvat = next(iter(content.handvatten.values()))
    page = Page(handvat.page, sitemap.url_of(handvat.page), handvat.id)
    assert f"https://k.example/{sitemap.archive_path(version)}{page.url}" in published.handvat(page, handvat.id)
    changes = published.wijzigingen(Page(sitemap.CHANGES, sitemap.url_of(sitemap.CHANGES), "Wijzigingen"))
    for item in content.changelog:
        assert f'href="/{sitemap.archive_path(item.version)}"' in changes
    preview = PageMacros(content, settings(config, {}, ROOT / "docs"))
    assert sitemap.ARCHIVE_FOLDER not in preview.handvat(page, handvat.id)


def git(repo, *args):
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=Redactie", "-c", "user.email=r@example.nl", *args],
                          check=True, capture_output=True, text=True).stdout


@in_background_call("released")
def release(folder: Path) -> dict:
    """The release walk of REDACTIE.md in a clone (folder/repo): tag the published version, release
    the next one, then the publish step's archive (folder/site). What the test below needs; it runs
    in a process of its own (it builds the older version), at the lowest priority beside the other
    tests (conftest.in_background_call)."""
    repo = folder / "repo"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(repo)], check=True)
    old = load(repo / "data").changelog[0]
    git(repo, "tag", versions.tag(old.version))
    handvat = next(iter(load(repo / "data").handvatten))
    step_file = repo / f"data/cyclus/{handvat}.yml"
    text = step_file.read_text(encoding="utf-8")
    step_file.write_text(text.replace("  - text: >-\n", "  - text: >-\n      NIEUW IN DE VOLGENDE VERSIE.\n", 1), encoding="utf-8")
    new = f"{old.version}.1"
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f'versie: "{old.version}"', f'versie: "{new}"'), encoding="utf-8")
    changelog = repo / "data/wijzigingen.yml"
    head, rest = changelog.read_text(encoding="utf-8").split("\n- version:", 1)
    changelog.write_text(f'{head}\n- version: "{new}"\n  date: 2027-01-05\n  title: Volgende versie.\n  changes:\n    - Een stap.\n  all_pages: true\n- version:{rest}', encoding="utf-8")
    git(repo, "commit", "-qam", "Release")
    site = folder / "site"
    (site / "vredestijd").mkdir(parents=True)
    (site / "index.html").write_text("de actuele site", encoding="utf-8")
    written = versions.publish_versions(repo, site, "https://k.example/", load(repo / "data").changelog)
    return {"written": written, "old": old.version, "new": new, "page": sitemap.built_file(load(repo / "data").handvat(handvat).page)}


@pytest.fixture
def released(background_started) -> tuple[Path, dict]:
    folder, done = background_started.result("released")
    return folder / "site", done


def test_after_a_release_the_older_version_is_built_from_its_tag_at_its_own_address(released):
    """The release walk of REDACTIE.md in a clone (`release`): the publish step's archive then holds
    the older version's own text at /versies/<old>/."""
    site, done = released
    old, new = done["old"], done["new"]
    assert done["written"] == [new, old]
    assert (site / sitemap.archive_path(new) / "index.html").read_text(encoding="utf-8") == "de actuele site"
    page = (site / sitemap.archive_path(old) / done["page"]).read_text(encoding="utf-8")
    assert "NIEUW IN DE VOLGENDE VERSIE" not in page and f"Dit is versie {old} van" in page
    assert f'<link rel="canonical" href="https://k.example/{sitemap.archive_path(old)}' in page
