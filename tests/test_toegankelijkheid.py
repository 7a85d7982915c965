"""The accessibility statement: the publisher's facts from mkdocs.yml extra, refused as
placeholders in a build for publication (PUBLISH=1); and what the statement says about the site
matches the built site."""

import re
from datetime import date

import pytest
import yaml

from conftest import ROOT, mkdocs_build, page_text
from macros.render_toegankelijkheid import SettingsError, publishing, render_field, settings

FILLED = {"organisatie": "Gemeente Voorbeeld", "contact": "toegankelijkheid@voorbeeld.nl", "toegankelijkheid_datum": "2026-11-23"}
PLACEHOLDERS = {"organisatie": "[naam organisatie]", "contact": "[e-mailadres of webadres voor meldingen]", "toegankelijkheid_datum": "2026-11-23"}


def extra_of_config() -> dict:
    """mkdocs.yml's extra block (the !ENV tags elsewhere in the file read as None)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["extra"]


# --- the pure function: settings in, facts (or the keys to fix) out


def test_the_statement_shows_the_configured_organisation_contact_and_date():
    statement = settings(FILLED, publish=True)
    assert render_field(statement, "organisatie") == "Gemeente Voorbeeld"
    assert render_field(statement, "contact") == "[toegankelijkheid@voorbeeld\\.nl](mailto:toegankelijkheid@voorbeeld.nl)"
    assert render_field(statement, "datum") == "23 november 2026"
    web = settings(FILLED | {"contact": "https://voorbeeld.nl/melden"}, publish=True)
    assert render_field(web, "contact") == "[https://voorbeeld\\.nl/melden](https://voorbeeld.nl/melden)"
    assert settings(FILLED | {"toegankelijkheid_datum": date(2026, 1, 5)}, publish=True).date == date(2026, 1, 5)


def test_placeholders_show_as_they_are_outside_publication():
    statement = settings(PLACEHOLDERS, publish=False)
    assert render_field(statement, "organisatie") == "\\[naam organisatie\\]"
    assert render_field(statement, "contact") == "\\[e\\-mailadres of webadres voor meldingen\\]"
    unset = settings({}, publish=False)
    assert render_field(unset, "organisatie") == "\\[naam organisatie\\]"
    assert render_field(unset, "datum") == "\\[datum\\]"


def test_a_build_for_publication_refuses_placeholders_naming_each_key():
    with pytest.raises(SettingsError) as info:
        settings(PLACEHOLDERS, publish=True)
    lines = str(info.value).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("mkdocs.yml extra.organisatie: still the placeholder '[naam organisatie]'")
    assert lines[1].startswith("mkdocs.yml extra.contact: still the placeholder")


def test_a_build_for_publication_refuses_unset_keys_naming_each_key():
    with pytest.raises(SettingsError) as info:
        settings({"organisatie": "Gemeente Voorbeeld", "contact": "  "}, publish=True)
    assert str(info.value).splitlines() == [
        "mkdocs.yml extra.contact: not set; a build for publication (PUBLISH=1) needs the address where visitors report a problem (an e-mail address or an https:// address)",
        "mkdocs.yml extra.toegankelijkheid_datum: not set; a build for publication (PUBLISH=1) needs the date of the accessibility statement (YYYY-MM-DD)",
    ]


@pytest.mark.parametrize("key, value, message", [
    ("contact", "bel ons", "extra.contact: 'bel ons' is neither an e-mail address nor an https:// address"),
    ("contact", "javascript:alert(1)", "is neither an e-mail address nor an https:// address"),
    ("toegankelijkheid_datum", "23-11-2026", "extra.toegankelijkheid_datum: '23-11-2026' is not a date; write it as YYYY-MM-DD"),
])
def test_a_value_that_makes_no_sense_is_refused_in_every_build(key, value, message):
    for publish in (False, True):
        with pytest.raises(SettingsError, match=re.escape(message)):
            settings(FILLED | {key: value}, publish=publish)


def test_data_in_the_settings_reads_as_text():
    statement = settings(FILLED | {"organisatie": "[klik](javascript:alert(1)) **vet** <b>"}, publish=False)
    assert render_field(statement, "organisatie") == "\\[klik\\]\\(javascript:alert\\(1\\)\\) \\*\\*vet\\*\\* &lt;b&gt;"


def test_an_unknown_field_names_the_known_ones():
    with pytest.raises(KeyError, match="known: organisatie, contact, datum"):
        render_field(settings(FILLED, publish=False), "adres")


def test_only_publish_1_is_a_build_for_publication():
    assert publishing({"PUBLISH": "1"})
    assert not any(publishing(env) for env in ({}, {"PUBLISH": "0"}, {"PUBLISH": ""}, {"PUBLISH": "ja"}))


# --- the built site


def test_the_built_statement_shows_the_configured_facts_and_its_status(site):
    text = page_text((site / "toegankelijkheid/index.html").read_text(encoding="utf-8"))
    extra = extra_of_config()
    assert text.startswith(f"Toegankelijkheidsverklaring# {extra['organisatie']} wil dat iedereen")
    assert f"Organisatie: {extra['organisatie']}" in text
    assert f"Meld het ons via {extra['contact']}." in text
    assert f"Datum van deze verklaring: {render_field(settings(extra, publish=False), 'datum')}" in text
    assert "Status: voldoet gedeeltelijk" in text
    assert "Bij elke wijziging controleert een automatische test alle pagina’s op de eisen van WCAG 2.1 én WCAG 2.2, niveau A en AA." in text


def test_the_statement_quotes_the_skip_link_as_the_site_shows_it(site):
    page = (site / "vredestijd/v2/index.html").read_text(encoding="utf-8")
    skip = re.search(r'class="md-skip">\s*(.*?)\s*</a>', page, re.S).group(1)
    assert skip == "Ga naar inhoud"
    statement = page_text((site / "toegankelijkheid/index.html").read_text(encoding="utf-8"))
    assert f"komt u bij de link ‘{skip}’" in statement


def set_extra(project, **values):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for key, value in values.items():
        text, count = re.subn(rf'(?m)^  {key}: .*$', f'  {key}: "{value}"', text)
        assert count == 1, key
    config.write_text(text, encoding="utf-8")


def test_publish_builds_stop_on_placeholders_and_show_the_filled_in_facts(project_copy, tmp_path):
    """One real build per case: the refusal stops MkDocs with the keys; filled in, the page shows them."""
    refused = mkdocs_build(project_copy, tmp_path / "refused", {"PUBLISH": "1"})
    assert refused.returncode != 0
    assert "mkdocs.yml extra.organisatie: still the placeholder '[naam organisatie]'" in refused.stderr
    assert "mkdocs.yml extra.contact: still the placeholder" in refused.stderr

    set_extra(project_copy, organisatie="Gemeente Voorbeeld", contact="toegankelijkheid@voorbeeld.nl")
    published = mkdocs_build(project_copy, tmp_path / "published", {"PUBLISH": "1"})
    assert published.returncode == 0, published.stderr[-2000:]
    html = (tmp_path / "published/toegankelijkheid/index.html").read_text(encoding="utf-8")
    assert "Organisatie: Gemeente Voorbeeld" in page_text(html)
    assert '<a href="mailto:toegankelijkheid@voorbeeld.nl">toegankelijkheid@voorbeeld.nl</a>' in html
