"""The glossary: every term has a definition and anchor; abbreviations explain themselves everywhere;
a definition marked as the source's own stands, word for word, in its source file."""

import re
import unicodedata

import pytest
import yaml

from conftest import SOURCES, mkdocs_build
from fidelity import normalise, readings, source_text
from kennisbank.model import ContentError, load
from kennisbank.abbreviations import glossary_abbreviations



def test_the_abbreviations_the_sources_use_are_there(content):
    terms = {t.term for t in content.glossary}
    for abbreviation in ("DPIA", "FG", "AVG", "BOB", "BOT", "GIR", "HR21", "VNG", "WODC", "CCV", "NCTV", "BOA", "KCC", "Wmo", "PTSS", "DM", "DJI", "MT", "P&O", "hbo", "btw", "cv", "COT"):
        assert abbreviation in terms, abbreviation
    assert {"credible messengers", "drillrap", "handvat", "werkplein", "Literatuurreview", "Praktijkonderzoek"} <= terms


def test_terms_are_sorted_as_a_reader_looks_them_up(content):
    """Case and accents do not count ("coördinator" stands between "complimentenbattles" and "COT")."""
    key = [unicodedata.normalize("NFKD", t.term).encode("ascii", "ignore").decode().lower() for t in content.glossary]
    assert key == sorted(key)


def test_glossary_page_has_an_anchor_and_origin_per_term(site, content):
    html = (site / "woordenlijst/index.html").read_text(encoding="utf-8")
    for term in content.glossary:
        entry = re.search(rf'<dt id="{term.id}">.*?</dd>', html, re.S)
        assert entry, term.id
        assert ("toegevoegd door de redactie" in entry.group()) == term.editorial
        assert ("definitie uit de bron" in entry.group()) == term.defined_in_source


def test_the_studies_link_to_their_entry_on_the_sources_page(site):
    html = (site / "woordenlijst/index.html").read_text(encoding="utf-8")
    sources = (site / "bronnen/index.html").read_text(encoding="utf-8")
    for term_id, anchor in (("literatuurreview", "literatuurreview"), ("praktijkonderzoek", "praktijkonderzoek"), ("cot", "cot-2021")):
        entry = re.search(rf'<dt id="{term_id}">.*?</dd>', html, re.S).group()
        # "Bronnen", named apart by its term for a screen reader's list of links
        assert re.search(rf'<a href="../bronnen/#{anchor}">Bronnen<span class="visueel-verborgen"> bij .+?</span></a>', entry), term_id
        assert f'id="{anchor}"' in sources, anchor


def test_a_sources_entry_names_a_study_or_publication_of_the_sources_data(content):
    known = {s.id for s in content.studies} | {p.id for p in content.publications}
    unknown = [f"{t.id}: {t.sources_entry}" for t in content.glossary if t.sources_entry and t.sources_entry not in known]
    assert not unknown, f"unknown sources_entry (known: {sorted(known)}):\n" + "\n".join(unknown)


def test_a_sources_entry_that_is_not_on_the_sources_page_stops_the_build(project_copy, tmp_path):
    path = project_copy / "data/woordenlijst.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("sources_entry: literatuurreview", "sources_entry: literatuur-review"), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "bronnen.md#literatuur-review" in result.stderr


# --- abbreviations: a tooltip wherever the term stands, in the official and the source's spelling


def test_abbreviations_are_tooltips_on_other_pages(site):
    v2 = (site / "vredestijd/v2/index.html").read_text(encoding="utf-8")
    assert '<abbr title="data protection impact assessment">DPIA</abbr>' in v2
    groups = (site / "trainingen/publieksagressie/functiegroepen/index.html").read_text(encoding="utf-8")
    assert '<abbr title="Vereniging Nederlandse Gemeenten">VNG</abbr>' in groups
    c2 = (site / "crisis/c2/index.html").read_text(encoding="utf-8")
    assert '<abbr title="Instituut voor Veiligheids- en Crisismanagement">COT</abbr>, 2021' in c2


def test_an_abbreviation_explains_itself_in_the_official_and_the_source_spelling(content):
    found = glossary_abbreviations(content.glossary)
    for name, full in (
        ("Wmo", "Wet maatschappelijke ondersteuning"), ("WMO", "Wet maatschappelijke ondersteuning"),
        ("btw", "belasting over de toegevoegde waarde"), ("BTW", "belasting over de toegevoegde waarde"),
        ("hbo", "hoger beroepsonderwijs"), ("HBO", "hoger beroepsonderwijs"),
        ("cv", "curriculum vitae"), ("CV", "curriculum vitae"),
        ("BOB", "beeldvorming, oordeelsvorming, besluitvorming"),
    ):
        assert found.get(name) == full, name
    # only abbreviations get a tooltip; a term in ordinary words ("handvat") does not
    assert not {"handvat", "werkplein", "officier van justitie"} & found.keys()


# --- definitions from the source are the source's words (normalised as tests/fidelity.py does)


def _source_forms(raw: str) -> tuple[str, ...]:
    """The source as one normalised text, with a PDF break after a hyphen read both ways."""
    joined = normalise(source_text(raw).replace("\n", " "))
    broken = re.compile(r"([\w)])- (\w)")
    return joined, broken.sub(r"\1-\2", joined), broken.sub(r"\1\2", joined)


def not_in_source(terms, sources_dir) -> list[str]:
    """One line per entry marked defined_in_source whose definition its source file does not hold."""
    forms: dict[str, tuple[str, ...]] = {}
    problems = []
    for term in terms:
        if not term.defined_in_source:
            continue
        if term.source not in forms:
            forms[term.source] = _source_forms((sources_dir / term.source).read_text(encoding="utf-8"))
        definition = normalise(term.definition)
        if not any(reading in form for form in forms[term.source] for reading in readings(definition)):
            problems.append(f"{term.id}: definition not found in {term.source}: {term.definition!r}")
    return problems


def test_every_definition_from_the_source_stands_in_its_source(content):
    assert (SOURCES / "interventies-cyclus-online-aangejaagd-geweld.txt").exists(), f"{SOURCES} is missing"
    problems = not_in_source(content.glossary, SOURCES)
    assert not problems, "\n".join(problems)


def test_a_made_up_definition_marked_as_the_sources_is_caught(content):
    fg = next(t for t in content.glossary if t.id == "fg")
    made_up = fg.model_copy(update={"definition": "Persoon die binnen de organisatie alle privacyvragen beantwoordt."})
    assert not_in_source([made_up], SOURCES) == [
        "fg: definition not found in interventies-cyclus-online-aangejaagd-geweld.txt: "
        "'Persoon die binnen de organisatie alle privacyvragen beantwoordt.'"
    ]
    # the same words as the editors' own are not checked against the source
    editorial = made_up.model_copy(update={"defined_in_source": False, "editorial": True})
    assert not_in_source([editorial], SOURCES) == []


def test_the_check_repairs_line_breaks_and_hyphenation_as_the_fidelity_test_does(content):
    """The source breaks "face-\\nto-face" and "deur-in-het- gezicht"; the quotes read them whole."""
    blended = next(t for t in content.glossary if t.id == "blended-learning")
    assert "face-to-face" in blended.definition
    door = next(t for t in content.glossary if t.id == "deur-in-het-gezicht-techniek")
    assert not not_in_source([blended, door], SOURCES)
    # a definition that is only nearly the source's (one word changed) is caught
    nearly = door.model_copy(update={"definition": door.definition.replace("extreems", "groots")})
    assert not_in_source([nearly], SOURCES)


# --- bad data stops the build


def change_term(data, term_id, change):
    path = data / "woordenlijst.yml"
    terms = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(next(t for t in terms if t["id"] == term_id), terms)
    path.write_text(yaml.safe_dump(terms, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize("term_id, change, message", [
    ("dpia", lambda t, _: t.pop("definition"), "data/woordenlijst.yml: {n} (dpia): definition: Field required"),
    ("avg", lambda t, _: t.pop("full"), "(avg): (file): an abbreviation needs its full form"),
    ("drillrap", lambda t, _: t.update(see=["bestaat-niet"]), "see: unknown term id 'bestaat-niet'"),
    ("fg", lambda t, _: t.update(editorial=True), "(fg): (file): a definition is either the source's own"),
    ("bob", lambda t, terms: terms.append(dict(t)), "duplicate id 'bob'"),
    ("cot", lambda t, _: t.update(sources_entry="COT 2021"), "(cot): sources_entry: String should match pattern"),
])
def test_bad_glossary_entries_stop_the_build(data, term_id, change, message):
    change_term(data, term_id, change)
    terms = yaml.safe_load((data / "woordenlijst.yml").read_text(encoding="utf-8"))
    n = next(i for i, t in enumerate(terms) if t["id"] == term_id)
    with pytest.raises(ContentError) as info:
        load(data)
    assert message.format(n=n) in str(info.value)
