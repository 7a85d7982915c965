"""Versions and the changelog: validated data, what readers see on every page, on the Wijzigingen
page, in the handouts and in the feed, and the build stopping on every bad input."""

import datetime
import re
import subprocess
from xml.etree import ElementTree

import pytest

from conftest import ROOT, TEST_SITE_URL, edit_yaml as edit, mkdocs_build, page_text, post_build, problems_of
from exports.config import read as read_config
from kennisbank import sitemap
from kennisbank.dates import dutch_date
from kennisbank.model import load
from kennisbank.model_wijzigingen import check_site

ATOM = "{http://www.w3.org/2005/Atom}"
# The real changelog's newest entry (CURRENT) and the version an editor would add on top of it
# (NEW): every expectation below is computed from them, so a release needs no edit here.
CURRENT = load(ROOT / "data").changelog[0]
NEW_VERSION = ".".join(CURRENT.version.split(".")[:-1] + [str(int(CURRENT.version.split(".")[-1]) + 1)])
LATER = NEW_VERSION.rsplit(".", 1)[0] + "." + str(int(NEW_VERSION.rsplit(".", 1)[1]) + 1)  # a version after NEW
NEW = {
    "version": NEW_VERSION,
    "date": CURRENT.date + datetime.timedelta(days=7),
    "title": "Stap V2.4 verduidelijkt en de woordenlijst aangevuld.",
    "changes": ["Een noot bij stap V2.4.", "Het begrip doxing toegevoegd."],
    "ids": ["V2.4", "woordenlijst.md", "masterclass-wraakbeteugeling"],
}
AT = f"data/wijzigingen.yml: 0 ({NEW_VERSION})"  # how messages name the new entry


def add_version(data, **fields):
    edit(data / "wijzigingen.yml", lambda d: d.insert(0, {**NEW, **fields}))


# --- the data --------------------------------------------------------------------------------


def test_the_real_changelog_loads_newest_first_with_the_config_version(content):
    version = read_config(ROOT / "mkdocs.yml").version
    assert content.changelog[0].version == version
    assert check_site(content.changelog, ROOT / "docs", version) == []


def test_an_entry_without_date(data):
    add_version(data)
    edit(data / "wijzigingen.yml", lambda d: d[0].pop("date"))
    assert f"{AT}: date: Field required" in problems_of(data)


def test_an_entry_dated_before_the_previous_version(data):
    early = CURRENT.date - datetime.timedelta(days=23)
    add_version(data, date=early)
    assert (
        f"{AT}: date: {early.isoformat()} is before {CURRENT.date.isoformat()}, the date of the previous version {CURRENT.version}"
        in problems_of(data)
    )


def test_entries_out_of_order(data):
    edit(data / "wijzigingen.yml", lambda d: d.insert(1, {**NEW, "date": CURRENT.date - datetime.timedelta(days=23)}))
    msg = problems_of(data)
    assert f"data/wijzigingen.yml: 0 ({CURRENT.version}): version: {CURRENT.version} stands above {NEW_VERSION}; newest first" in msg


def test_an_unknown_id(data):
    add_version(data, ids=["V2", "V99", "V2.99", "cursus-x"])
    msg = problems_of(data)
    for n, bad in ((1, "V99"), (2, "V2.99"), (3, "cursus-x")):
        assert f"{AT}: ids.{n}: unknown id {bad!r}; an id is a recommendation (V2)" in msg
    assert "ids.0:" not in msg


def test_a_broken_cycle_file_is_not_reported_again_by_the_ids_that_name_it(data):
    """Found by releasing on a copy: an empty fasen.yml made every cycle id of the new entry unknown."""
    add_version(data)
    (data / "cyclus/fasen.yml").write_text("# nothing here\n", encoding="utf-8")
    msg = problems_of(data)
    assert "data/cyclus/fasen.yml: (file): the file is empty" in msg and "unknown id" not in msg, msg


def test_a_field_the_changelog_does_not_know_and_a_version_without_quotes(data):
    add_version(data, version=float(NEW_VERSION), datum=NEW["date"].isoformat())
    msg = problems_of(data)
    assert f"{AT}: version: Input should be a valid string" in msg
    assert f"{AT}: datum: Extra inputs are not permitted" in msg


def test_an_entry_that_names_nothing(data):
    add_version(data, ids=[])
    assert f"{AT}: (file): name what the version changed in 'ids' (or set all_pages: true)" in problems_of(data)


def test_a_page_that_does_not_exist_and_the_version_of_the_config(data):
    add_version(data, ids=["woordlijst.md"])
    changelog = load(data).changelog
    docs = ROOT / "docs"
    assert check_site(changelog, docs, NEW_VERSION) == [f"{AT}: ids: no page 'woordlijst.md' under docs/"]
    assert check_site(changelog, docs, LATER) == [
        f"{AT}: ids: no page 'woordlijst.md' under docs/",
        f"mkdocs.yml: extra.versie: version '{LATER}' has no entry in data/wijzigingen.yml; "
        "add one at the top (version, date, title, changes, ids)",
    ]
    assert check_site(changelog, docs, CURRENT.version)[-1] == (
        f"mkdocs.yml: extra.versie: version '{CURRENT.version}' is not the newest entry of data/wijzigingen.yml ({NEW_VERSION})"
    )


def test_changelog_ids_name_pages_and_anchors_of_the_site_map(content):
    assert sitemap.changed_place(content, "V2") == ("vredestijd/v2.md", "")
    assert sitemap.changed_place(content, "V2.4") == ("vredestijd/v2.md", "v2-4")
    assert sitemap.changed_place(content, "masterclass-wraakbeteugeling") == (
        "trainingen/cursussen/masterclass-wraakbeteugeling.md", "",
    )
    assert sitemap.changed_place(content, "woordenlijst.md") == ("woordenlijst.md", "")
    with pytest.raises(KeyError, match="unknown changelog id 'V99'"):
        sitemap.changed_place(content, "V99")
    assert sitemap.source_file(content, "vredestijd/v2.md") == "data/cyclus/V2.yml"
    assert sitemap.source_file(content, "trainingen/cursussen/masterclass-wraakbeteugeling.md") == (
        "data/trainingen/cursussen/masterclass-wraakbeteugeling.yml"
    )
    assert sitemap.source_file(content, "woordenlijst.md") == "docs/woordenlijst.md"


# --- the real site (the session build) --------------------------------------------------------


def _stamp(entry) -> str:
    return f"Laatst gewijzigd: {dutch_date(entry.date)} (versie {entry.version})"


def test_every_page_says_when_it_last_changed(site, content):
    """Once, with the date and version of a changelog entry; the notice under the title only on
    the pages the newest version names (none when it concerns the whole site)."""
    newest = content.changelog[0]
    named = {sitemap.changed_place(content, item)[0] for item in newest.ids} if not newest.all_pages else set()
    pages = [p for p in site.rglob("index.html") if "Doorverwijzing naar" not in p.read_text(encoding="utf-8")]
    pages = [p for p in pages if p.parent.name != "404" and (p.parent / "index.html").exists()]
    assert len(pages) > len(content.handvatten)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        if "<article" not in html:
            continue
        text = page_text(html)
        assert text.count("Laatst gewijzigd: ") == 1 and sum(_stamp(e) in text for e in content.changelog) == 1, path
        if newest.all_pages:
            assert _stamp(newest) in text, path
        notice = 'class="admonition info wijziging"' in html
        if newest.all_pages:
            assert not notice, path  # a version of the whole site changed no page in particular
        elif any(path.parent == site / n.removesuffix(".md").removesuffix("index") for n in named):
            assert notice, path


def test_the_changes_page_lists_every_version(site, content):
    html = (site / "wijzigingen/index.html").read_text(encoding="utf-8")
    text = page_text(html)
    for entry in content.changelog:
        assert f'<h2 id="{sitemap.version_anchor(entry.version)}">Versie {entry.version} · {dutch_date(entry.date)}' in html
        assert entry.title in text
    assert "Betreft: de hele kennisbank" in text  # the first version's
    assert '<a href="../wijzigingen.xml" type="application/atom+xml">wijzigingen.xml</a>' in html


def test_the_feed_is_atom_with_one_entry_per_version(site, content):
    feed = ElementTree.parse(site / sitemap.FEED).getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}updated").text.startswith(content.changelog[0].date.isoformat())
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [f"Versie {c.version}: {c.title}" for c in content.changelog]
    assert entries[0].find(f"{ATOM}link").get("href") == f"{TEST_SITE_URL}wijzigingen/#{sitemap.version_anchor(content.changelog[0].version)}"
    assert "Betreft: de hele kennisbank" in entries[-1].find(f"{ATOM}content").text


def test_the_handouts_say_when_their_recommendation_last_changed(site, content):
    text = subprocess.run(["pdftotext", str(site / "pdf/werkkaart-v2.pdf"), "-"], capture_output=True, text=True).stdout
    page_stamp = re.search(r"Laatst gewijzigd: [^)]*\)", page_text((site / "vredestijd/v2/index.html").read_text(encoding="utf-8")))
    assert page_stamp and page_stamp.group(0) in text  # the same as its page
    assert "Verbetering voorstellen" not in text


def test_no_suggestion_link_unless_configured(site):
    assert "Verbetering voorstellen" not in (site / "vredestijd/v2/index.html").read_text(encoding="utf-8")


# --- a new version, built -------------------------------------------------------------------


def _config(project, **extra):
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    for key, value in extra.items():
        text, n = re.subn(rf"^  {key}: .*$", f'  {key}: "{value}"', text, flags=re.M)
        assert n == 1, key
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")


def test_raising_the_version_without_an_entry_stops_the_build(project_copy, tmp_path):
    _config(project_copy, versie=NEW_VERSION)
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert (
        f"mkdocs.yml: extra.versie: version '{NEW_VERSION}' has no entry in data/wijzigingen.yml; add one at the top"
        in result.stderr
    )


def test_an_unknown_id_in_an_entry_stops_the_build(project_copy, tmp_path):
    add_version(project_copy / "data", ids=["V99"])
    _config(project_copy, versie=NEW_VERSION)
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert f"{AT}: ids.0: unknown id 'V99'" in result.stderr


@pytest.fixture(scope="module")
def new_version(tmp_path_factory):
    """A copy of the project with the next version (V2.4, the glossary, a course) and a mail address for
    suggestions, built by MkDocs. The tests read MkDocs' pages, and the feed, which the post-build
    step's feed writer makes in the test that reads it: the other steps of the post-build step add
    nothing these tests read. The whole post-build step runs on this version in
    test_a_feed_item_for_a_page_that_does_not_exist_stops_the_post_build_step (every step before
    the feed), and on a released version in the walks (tests/test_walks.py, `./dev links`)."""
    import shutil

    project = tmp_path_factory.mktemp("v02") / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "data", "kennisbank", "macros", "overrides", "exports"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
    add_version(project / "data")
    _config(project, versie=NEW_VERSION, verbetering_email="redactie@example.org")
    out = project.parent / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stderr[-2000:]
    return project, out


def test_a_changed_page_says_so_under_its_title(new_version):
    _, site = new_version
    for page, label in (
        ("vredestijd/v2/", '<a href="./#v2-4">stap V2.4</a>'),
        ("woordenlijst/", "Woordenlijst"),
        ("trainingen/cursussen/masterclass-wraakbeteugeling/", "Masterclass Wraakbeteugeling"),
    ):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        notice = re.search(r"</h1>\s*(<div class=\"admonition info wijziging\".*?</div>)", html, re.S)
        assert notice, page
        assert f"Gewijzigd in versie {NEW_VERSION}, {dutch_date(NEW['date'])}" in notice.group(1)
        assert f"Betreft: {label}." in notice.group(1)
        assert f"wijzigingen/#{sitemap.version_anchor(NEW_VERSION)}\">Wat is er gewijzigd?</a>" in notice.group(1)
        assert f"Laatst gewijzigd: {dutch_date(NEW['date'])} (versie {NEW_VERSION})" in page_text(html)
    other = (site / "vredestijd/v3/index.html").read_text(encoding="utf-8")
    assert "wijziging" not in other.split("</h1>")[1].split("<h2")[0]
    assert "Laatst gewijzigd: " in page_text(other) and f"(versie {NEW_VERSION})" not in page_text(other)


def test_the_changes_page_is_newest_first_and_links_what_changed(new_version):
    _, site = new_version
    html = (site / "wijzigingen/index.html").read_text(encoding="utf-8")
    assert html.index(f'id="{sitemap.version_anchor(NEW_VERSION)}"') < html.index(f'id="{sitemap.version_anchor(CURRENT.version)}"')
    assert '<a href="../vredestijd/v2/#v2-4">stap V2.4</a>' in html
    assert '<a href="../woordenlijst/">Woordenlijst</a>' in html


def test_the_suggestion_link_mails_the_configured_address(new_version, content):
    from urllib.parse import quote

    _, site = new_version
    html = (site / "vredestijd/v2/index.html").read_text(encoding="utf-8")
    subject = quote(f"Verbetering voor V2 {content.handvat('V2').data.short_title} (/vredestijd/v2/)")
    assert f'<a href="mailto:redactie@example.org?subject={subject}"' in html


def test_the_feed_has_the_new_version_first_with_links_to_what_changed(new_version, content):
    from exports import feed
    from kennisbank import project as project_content

    project, site = new_version
    # the feed as the post-build step writes it (exports/postbuild.py, sitefiles.py), without a
    # site address
    config = read_config(project / "mkdocs.yml", {"SITE_URL": ""})
    feed.write(site, config, project_content.load(project, version=config.version).content, project / "docs")
    entries = ElementTree.parse(site / sitemap.FEED).getroot().findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [f"Versie {NEW_VERSION}: {NEW['title']}"] + [
        f"Versie {c.version}: {c.title}" for c in content.changelog
    ]
    related = [(link.get("href"), link.get("title")) for link in entries[0].findall(f"{ATOM}link[@rel='related']")]
    assert related == [
        ("vredestijd/v2/#v2-4", "stap V2.4"),
        ("woordenlijst/", "Woordenlijst"),
        ("trainingen/cursussen/masterclass-wraakbeteugeling/", "Masterclass Wraakbeteugeling"),
    ]
    for href, _ in related:  # relative to the feed, which lies at the site root
        assert (site / href.split("#")[0] / "index.html").is_file()


def test_a_feed_item_for_a_page_that_does_not_exist_stops_the_post_build_step(new_version, tmp_path):
    import shutil

    project, site = new_version
    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    shutil.rmtree(broken / "woordenlijst")
    result = post_build(project, broken)
    assert result.returncode != 0
    assert (
        f"exports: error: feed: {AT}: ids: 'woordenlijst.md': "
        "feed: the built page woordenlijst/index.html is missing"
    ) in result.stderr


def test_a_web_editor_address_links_each_page_to_its_own_file(project_copy):
    from macros.pages import Page, PageMacros, settings

    config = {"site_name": "K", "extra": {"versie": CURRENT.version, "verbetering_url": "https://git.example/kb/edit/main/"}}
    macros = PageMacros(load(project_copy / "data"), settings(config, {}, project_copy / "docs"))
    v2 = macros.laatst_gewijzigd(Page("vredestijd/v2.md", "vredestijd/v2/", "V2"))
    assert 'href="https://git.example/kb/edit/main/data/cyclus/V2.yml" title="data/cyclus/V2.yml bewerken"' in v2
    glossary = macros.laatst_gewijzigd(Page("woordenlijst.md", "woordenlijst/", "Woordenlijst"))
    assert 'href="https://git.example/kb/edit/main/docs/woordenlijst.md"' in glossary
    from macros.render_toegankelijkheid import SettingsError

    with pytest.raises(SettingsError, match="extra.verbetering_url: 'http://x' is no https:// address ending in /"):
        settings({"site_name": "K", "extra": {"verbetering_url": "http://x"}}, {}, project_copy / "docs")
    with pytest.raises(SettingsError, match="extra.verbetering_email: 'nobody' is no e-mail address"):
        settings({"site_name": "K", "extra": {"verbetering_email": "nobody"}}, {}, project_copy / "docs")


def test_a_page_no_entry_names_stops_the_build(project_copy):
    from macros.pages import Page, PageMacros, settings

    edit(project_copy / "data/wijzigingen.yml", lambda d: [e.update(all_pages=False, ids=["V1"]) for e in d])
    macros = PageMacros(load(project_copy / "data"), settings({"site_name": "K", "extra": {"versie": CURRENT.version}}, {}, project_copy / "docs"))
    assert "Laatst gewijzigd" in macros.laatst_gewijzigd(Page("vredestijd/v1.md", "vredestijd/v1/", "V1"))
    with pytest.raises(KeyError, match="docs/woordenlijst.md: no entry of data/wijzigingen.yml names this page"):
        macros.laatst_gewijzigd(Page("woordenlijst.md", "woordenlijst/", "Woordenlijst"))


def test_every_page_has_the_notice_under_its_title(content):
    """A page the latest version names says so at the top: every docs page holds the notice macro
    under its title, or a macro that renders the whole page with it (handvat, cursus)."""
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"\{\{ (handvat|cursus|nu_handelen)\(", text):
            continue
        if text.startswith("---\n"):  # front matter: its YAML comments also start with "# "
            text = text[text.index("\n---", 4) + 4:]
        lines = text.split("\n")
        title = next(n for n, line in enumerate(lines) if line.startswith("# "))
        assert lines[title + 1 : title + 3] == ["", "{{ gewijzigd() }}"], path
