"""The glossary: every term has a definition and anchor; abbreviations explain themselves everywhere."""

import re

import pytest
import yaml

from conftest import ROOT
from macros.model import ContentError, load

TERMS = load(ROOT / "data").glossary


def test_the_abbreviations_the_sources_use_are_there():
    terms = {t.term for t in TERMS}
    for abbreviation in ("DPIA", "FG", "AVG", "BOB", "BOT", "GIR", "HR21", "VNG", "WODC", "CCV", "NCTV", "BOA", "KCC", "WMO", "PTSS", "DM", "DJI", "MT", "P&O", "HBO"):
        assert abbreviation in terms, abbreviation
    assert {"credible messengers", "drillrap"} <= terms


def test_glossary_page_has_an_anchor_and_origin_per_term(site):
    html = (site / "woordenlijst/index.html").read_text(encoding="utf-8")
    for term in TERMS:
        entry = re.search(rf'<dt id="{term.id}">.*?</dd>', html, re.S)
        assert entry, term.id
        assert ("toegevoegd door de redactie" in entry.group()) == term.editorial


def test_abbreviations_are_tooltips_on_other_pages(site):
    v2 = (site / "vredestijd/v2/index.html").read_text(encoding="utf-8")
    assert '<abbr title="data protection impact assessment">DPIA</abbr>' in v2
    groups = (site / "trainingen/publieksagressie/functiegroepen/index.html").read_text(encoding="utf-8")
    assert '<abbr title="Vereniging Nederlandse Gemeenten">VNG</abbr>' in groups




def change_term(data, term_id, change):
    path = data / "woordenlijst.yml"
    terms = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(next(t for t in terms if t["id"] == term_id), terms)
    path.write_text(yaml.safe_dump(terms, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize("term_id, change, message", [
    ("dpia", lambda t, _: t.pop("definition"), "data/woordenlijst.yml: {n} (dpia): definition: Field required"),
    ("avg", lambda t, _: t.pop("full"), "(avg): (file): Value error, an abbreviation needs its full form"),
    ("drillrap", lambda t, _: t.update(see=["bestaat-niet"]), "see: unknown term id 'bestaat-niet'"),
    ("fg", lambda t, _: t.update(editorial=True), "(fg): (file): Value error, a definition is either the source's own"),
    ("bob", lambda t, terms: terms.append(dict(t)), "duplicate id 'bob'"),
])
def test_bad_glossary_entries_stop_the_build(data, term_id, change, message):
    change_term(data, term_id, change)
    terms = yaml.safe_load((data / "woordenlijst.yml").read_text(encoding="utf-8"))
    n = next(i for i, t in enumerate(terms) if t["id"] == term_id)
    with pytest.raises(ContentError) as info:
        load(data)
    assert message.format(n=n) in str(info.value)
