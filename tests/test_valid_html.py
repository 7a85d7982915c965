"""Every built page is valid HTML for the Nu HTML Checker (vnu-jar from npm, on Java): zero errors."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import ROOT

from exports.validhtml import repair

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


def vnu_errors(*paths) -> list[dict]:
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("vnu.jar or java is missing: run ./dev test, which installs both")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", *map(str, paths)],
        capture_output=True, text=True,
    )
    return json.loads(result.stderr)["messages"]


def test_every_built_page_is_valid_html_and_the_checker_finds_a_planted_error(site, tmp_path):
    planted = tmp_path / "planted.html"
    page = (site / "vredestijd/v2/index.html").read_text(encoding="utf-8")
    planted.write_text(page.replace("<main", '<main tabindex=""', 1), encoding="utf-8")
    errors = vnu_errors(site, planted)
    found = [f"{e['url'].split('/')[-2:]}: {e['message']}" for e in errors if not e["url"].endswith("planted.html")]
    assert found == []
    assert [e["message"] for e in errors if e["url"].endswith("planted.html")] == [
        "Bad value “” for attribute “tabindex” on element “main”: The empty string is not a valid integer."
    ]


@pytest.mark.parametrize("theme, valid", [
    ('<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">',
     '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">'),
    ('<label class="md-nav__link " for="__nav_3" tabindex="0">', '<label class="md-nav__link " for="__nav_3" tabindex="0">'),
    ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'),
    ('<input type="text" class="md-search__input" autocomplete="off">', '<input type="text" class="md-search__input" autocomplete="off">'),
    ('<nav><label class="md-nav__title" for="__toc">Inhoud</label></nav>', '<nav><label class="md-nav__title">Inhoud</label></nav>'),
    ('<input id="__toc"><label class="md-nav__title" for="__toc">', '<input id="__toc"><label class="md-nav__title" for="__toc">'),
])
def test_the_repair_drops_only_what_is_invalid(theme, valid):
    assert repair(theme) == valid
