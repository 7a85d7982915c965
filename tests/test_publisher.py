"""Reuse terms, open data and security.txt (issue 22): what a government publisher needs."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime, timezone

import pytest
from conftest import ROOT, mkdocs_build, page_text

from kennisbank import publisher, sitemap
from kennisbank.citations import plain


def extra_of_config() -> dict:
    from exports.config import read

    return dict(read(ROOT / "mkdocs.yml").extra)


# --- security.txt ------------------------------------------------------------------------------

def test_security_txt_has_the_fields_rfc_9116_asks_for():
    day = date(2026, 12, 7)
    text = publisher.security_txt(
        {"beveiliging_contact": "meld@voorbeeld.nl", "beveiliging_beleid": "https://voorbeeld.nl/beleid"},
        "https://kennisbank.voorbeeld.nl/", day,
    )
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith("#"))
    assert fields["Contact"] == "mailto:meld@voorbeeld.nl"
    assert fields["Preferred-Languages"] == "nl, en"
    assert fields["Canonical"] == "https://kennisbank.voorbeeld.nl/.well-known/security.txt"
    assert fields["Policy"] == "https://voorbeeld.nl/beleid"
    expires = datetime.fromisoformat(fields["Expires"].replace("Z", "+00:00"))
    built = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
    assert built < expires <= built.replace(year=built.year + 1)


def test_security_txt_without_policy_or_address_leaves_those_out_and_without_contact_is_not_made():
    text = publisher.security_txt({"beveiliging_contact": "https://voorbeeld.nl/melden"}, None, date(2026, 1, 1))
    assert "Contact: https://voorbeeld.nl/melden" in text
    assert "Canonical" not in text and "Policy" not in text
    assert publisher.security_txt({"beveiliging_contact": ""}, "https://x.nl/", date(2026, 1, 1)) is None


@pytest.mark.parametrize("extra, message", [
    ({"beveiliging_contact": "bel 112"}, "mkdocs.yml: extra.beveiliging_contact: 'bel 112' is neither an e-mail address nor an https:// address"),
    ({"beveiliging_contact": "http://voorbeeld.nl/"}, "mkdocs.yml: extra.beveiliging_contact: 'http://voorbeeld.nl/' is neither an e-mail address nor an https:// address"),
    ({"beveiliging_beleid": "voorbeeld.nl/beleid"}, "mkdocs.yml: extra.beveiliging_beleid: 'voorbeeld.nl/beleid' is no https:// address"),
    ({"licentie": "CC-BY-NC"}, "mkdocs.yml: extra.licentie: unknown licence 'CC-BY-NC'; known: " + ", ".join(publisher.LICENCES)),
])
def test_an_unusable_publisher_setting_is_named_with_key_and_value(extra, message):
    with pytest.raises(publisher.PublisherError) as info:
        publisher.check(extra)
    assert str(info.value) == message


def test_an_unknown_licence_stops_the_build_naming_key_and_value(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    text = re.sub(r"(?m)^  licentie: .*$", "  licentie: GPL", config.read_text(encoding="utf-8"))
    config.write_text(text, encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "mkdocs.yml: extra.licentie: unknown licence 'GPL'" in result.stdout + result.stderr


def test_the_post_build_step_writes_security_txt_only_with_a_contact(tmp_path):
    from exports.config import SiteConfig
    from exports.opendata import write_security_txt

    config = SiteConfig("K", "1", "https://k.example/", [], True, {"beveiliging_contact": "a@b.nl"})
    assert write_security_txt(tmp_path, config)
    assert "Contact: mailto:a@b.nl" in (tmp_path / sitemap.SECURITY_TXT).read_text(encoding="utf-8")
    assert not write_security_txt(tmp_path / "zonder", SiteConfig("K", "1", None, [], True, {}))


# --- open data ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def exported(site):
    return json.loads((site / sitemap.OPEN_DATA_JSON).read_text(encoding="utf-8"))


def exported_steps(exported):
    return {s["id"]: (h, s) for f in exported["fasen"] for h in f["handvatten"] for s in h["stappen"]}


def test_the_export_validates_against_its_published_schema(site, exported):
    import jsonschema

    schema = json.loads((site / sitemap.OPEN_DATA_SCHEMA).read_text(encoding="utf-8"))
    jsonschema.validate(exported, schema)
    broken = json.loads(json.dumps(exported))
    broken["fasen"][0]["handvatten"][0]["stappen"][0]["soort"] = "advies"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_the_export_holds_every_step_with_the_text_its_page_shows(site, exported, content):
    steps = exported_steps(exported)
    assert set(steps) == {s.id for h in content.handvatten.values() for s in h.steps}
    for step_id, (handvat, step) in steps.items():
        page = (site / step["adres"].split("#")[0].lstrip("/") / "index.html").read_text(encoding="utf-8")
        start = page.index(f'id="{step["adres"].split("#")[1]}"')
        ends = [i for i in (page.find('<li class="stap', start), page.find("<h2", start)) if i != -1]
        shown = page_text(f"<article><li {page[start:min(ends)]}</article>")
        words = [step["tekst"], *(i["tekst"] for i in step["onderdelen"]), *(n["tekst"] for n in step["noten"])]
        for text in words:
            assert re.sub(r"\s+", " ", text) in shown, f"{step_id}: {text[:60]!r} not as on its page"
    v2 = content.handvat(next(iter(content.handvatten)))
    assert steps[v2.steps[0].id][0]["titel"] == v2.data.title


def test_the_export_marks_notes_as_the_editors_and_names_version_and_licence(exported, content):
    extra = extra_of_config()
    assert exported["versie"] == str(extra["versie"]) == content.changelog[0].version
    assert exported["licentie"]["id"] == publisher.licence(extra).key
    notes = [(h.id, n) for h in content.handvatten.values() for n in h.data.notes if n.step is not None]
    assert notes, "the content has step notes"
    steps = exported_steps(exported)
    for handvat_id, note in notes:
        step = steps[f"{handvat_id}.{note.step}"][1]
        assert {"tekst": note.text, "door": "redactie"} in step["noten"]


def test_the_csv_has_a_row_per_step_with_its_whole_text_and_address(site, exported):
    from conftest import TEST_SITE_URL

    raw = (site / sitemap.OPEN_DATA_CSV).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    steps = exported_steps(exported)
    assert [r["id"] for r in rows] == list(steps)
    for row in rows:
        step = steps[row["id"]][1]
        assert row["tekst"].startswith(step["tekst"])
        assert all(i["tekst"] in row["tekst"] for i in step["onderdelen"])
        assert row["adres"] == TEST_SITE_URL.rstrip("/") + step["adres"]


def test_the_data_package_names_every_file_and_the_licence(site):
    package = json.loads((site / sitemap.OPEN_DATA_PACKAGE).read_text(encoding="utf-8"))
    folder = site / sitemap.OPEN_DATA_FOLDER
    assert all((folder / r["path"]).is_file() for r in package["resources"])
    assert package["licenses"][0]["name"] == publisher.licence(extra_of_config()).key


# --- the pages ---------------------------------------------------------------------------------

def test_the_reuse_page_names_the_licence_and_what_every_document_says(site, content):
    text = page_text((site / "hergebruik/index.html").read_text(encoding="utf-8"))
    licence = publisher.licence(extra_of_config())
    assert licence.name in text
    for doc in content.documents.values():
        assert doc.title in text
        assert (doc.rights or "niets: het document vermeldt geen voorwaarden") in text


def test_the_open_data_page_links_every_file(site):
    from urllib.parse import urljoin

    page = sitemap.url_of(sitemap.OPEN_DATA_PAGE)
    html = (site / sitemap.built_file(sitemap.OPEN_DATA_PAGE)).read_text(encoding="utf-8")
    linked = {urljoin("/" + page, href).lstrip("/") for href in re.findall(r'<li><a href="([^"]+)"', html)}
    for path in (sitemap.OPEN_DATA_JSON, sitemap.OPEN_DATA_SCHEMA, sitemap.OPEN_DATA_CSV, sitemap.OPEN_DATA_PACKAGE):
        assert path in linked and (site / path).is_file(), path


# --- page metadata and feedback ------------------------------------------------------------------

def json_ld_pages(site):
    found = {}
    for path in site.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # short-link redirect pages
        blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
        found[str(path.parent.relative_to(site))] = [b for b in blocks if b.get("@type") == "WebPage"]
    return found


def test_every_page_says_its_language_last_change_licence_and_source_in_schema_org(site, content):
    from exports.sitemapxml import docs_pages
    from kennisbank.changelog import last_change

    docs = ROOT / "docs"
    pages = docs_pages(docs)
    licence = publisher.licence(extra_of_config())
    seen = json_ld_pages(site)
    assert len(seen) == len(pages)
    for folder, blocks in seen.items():
        url = "" if folder == "." else folder + "/"
        assert len(blocks) == 1, f"{url}: {len(blocks)} WebPage blocks"
        meta, page = blocks[0], pages[url]
        assert meta["inLanguage"] == "nl" and meta["license"] == licence.url, url
        assert meta["dateModified"] == last_change(content, docs, page).date.isoformat(), url
    based = {doc.title for doc in content.documents.values()}
    for handvat in content.handvatten.values():
        meta = seen[sitemap.url_of(handvat.page).rstrip("/")][0]
        assert meta["isBasedOn"]["name"] == content.document(content.cycle_document).title in based


def test_the_sitemap_dates_each_page_by_its_last_change(site, content):
    from conftest import TEST_SITE_URL

    from exports.sitemapxml import docs_pages
    from kennisbank.changelog import last_change

    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    dated = dict(re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", xml))
    pages = docs_pages(ROOT / "docs")
    assert len(dated) == len(pages)
    for url, page in pages.items():
        assert dated[TEST_SITE_URL + url] == last_change(content, ROOT / "docs", page).date.isoformat()


def test_klopt_er_iets_niet_mails_page_step_and_version():
    from urllib.parse import parse_qs, urlsplit

    from macros.render_metadata import feedback_mail

    href = feedback_mail("redactie@voorbeeld.nl", "V2 Formele online werkwijze", "https://k.nl/vredestijd/v2/", "0.3", "V2.4")
    parts = urlsplit(href)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert parts.scheme == "mailto" and parts.path == "redactie@voorbeeld.nl"
    assert query["subject"] == "Klopt er iets niet? stap V2.4 op V2 Formele online werkwijze (versie 0.3)"
    assert "Pagina: https://k.nl/vredestijd/v2/\nStap: V2.4\nVersie: 0.3\n" in query["body"]


def test_klopt_er_iets_niet_appears_only_with_a_mail_address_to_send_to(tmp_path):
    from dataclasses import replace

    from conftest import ROOT as root

    from kennisbank.model import load
    from macros.pages import Page, PageMacros, settings
    from macros.render_toegankelijkheid import Statement

    config = {"site_name": "K", "extra": {"versie": load(root / "data").changelog[0].version}}
    base = settings(config, {}, root / "docs")
    v2 = Page("vredestijd/v2.md", "vredestijd/v2/", "V2")
    without = PageMacros(load(root / "data"), replace(base, statement=Statement("Org", "[adres]", None)))
    assert "Klopt er iets niet?" not in without.laatst_gewijzigd(v2)
    withmail = PageMacros(load(root / "data"), replace(base, statement=Statement("Org", "meld@org.nl", None)))
    assert 'href="mailto:meld@org.nl?subject=Klopt' in withmail.laatst_gewijzigd(v2)


def test_every_step_has_its_own_klopt_er_iets_niet_with_its_id(tmp_path):
    from dataclasses import replace

    from kennisbank.model import load
    from macros.pages import Page, PageMacros, settings
    from macros.render_toegankelijkheid import Statement

    content = load(ROOT / "data")
    config = {"site_name": "K", "extra": {"versie": content.changelog[0].version}}
    macros = PageMacros(content, replace(settings(config, {}, ROOT / "docs"), statement=Statement("Org", "meld@org.nl", None)))
    handvat = next(iter(content.handvatten.values()))
    html = macros.handvat(Page(handvat.page, sitemap.url_of(handvat.page), handvat.id), handvat.id)
    for step in handvat.steps:
        assert f"Stap%3A%20{step.id}%0A" in html, step.id
    assert html.count('class="stap__meld"') == len(handvat.steps)


def test_a_step_the_latest_version_changed_is_marked_and_links_the_changelog(data):
    from datetime import date

    from conftest import edit_yaml

    from kennisbank.model import load
    from macros.render_steps import render_step

    content = load(data)
    handvat = next(iter(content.handvatten.values()))
    changed, unchanged = handvat.steps[0], handvat.steps[-1]
    newer = f"{content.changelog[0].version}.1"
    edit_yaml(data / "wijzigingen.yml", lambda doc: doc.insert(0, {
        "version": newer, "date": date(2027, 1, 5), "title": "Een stap verbeterd.",
        "changes": ["Een stap verbeterd."], "ids": [changed.id],
    }))
    content = load(data)
    mark = f'<a class="stap__gewijzigd" href="/wijzigingen.md#{sitemap.version_anchor(newer)}">gewijzigd in {newer}</a>'
    assert mark in render_step(content.step(changed.id), content)
    assert "stap__gewijzigd" not in render_step(content.step(unchanged.id), content)


def test_the_feed_states_the_licence_and_where_the_source_texts_rights_lie(site):
    import xml.etree.ElementTree as ElementTree

    rights = ElementTree.parse(site / sitemap.FEED).getroot().find("{http://www.w3.org/2005/Atom}rights")
    licence = publisher.licence(extra_of_config())
    assert rights is not None and licence.url in rights.text and sitemap.url_of(sitemap.REUSE) in rights.text
