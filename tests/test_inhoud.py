"""Content checks: facts of TODAY's content that the tests check on purpose.

This is the one test module an editor may have to update. Every other test reads its counts,
versions, ids and texts from the content (kennisbank.model.load, mkdocs.yml, data/*.yml) or builds
its own fixtures, so releasing a version, adding a step, a recommendation, a course or a source
document as REDACTIE.md describes needs no change there (tests/test_walks.py does each of those on
a copy of the project). The checks here pin what the sources say and what the editors decided:
the handbook's 21 recommendations, a known editorial note, a contradiction the site must show, an
exact text. When such a fact changes on purpose (a correction, a new edition of a source), change
the check here in the same commit, and say so in the changelog.
"""

import re

import pytest

from conftest import ROOT, page_text, read, table
from kennisbank.citations import Ref
from kennisbank.model import load

PA = "trainingen/publieksagressie"
MC = "trainingen/cursussen/masterclass-wraakbeteugeling/index.html"
DJI = "trainingen/cursussen/omgaan-met-intimidatie-en-bedreiging/index.html"
NOTE_BOX = re.compile(r'<div class="admonition note">.*?</div>', re.S)


# --- the handbook: interventies in de cyclus (data/cyclus/) -----------------------------------


def test_the_handbooks_21_recommendations_load_in_source_order(content):
    """(Later ones may follow: a new recommendation is no reason to change this.)"""
    known = [f"V{n}" for n in range(1, 13)] + [f"C{n}" for n in range(1, 6)] + [f"N{n}" for n in range(1, 5)]
    assert [i for i in content.handvatten if i in known] == known


def test_steps_are_numbered_through_groups(content):
    c5 = content.handvat("C5")
    assert [s.id for s in c5.steps][:8] == [f"C5.{n}" for n in range(1, 9)]
    assert [s.group.audience for s in c5.steps][:8] == ["politie-handhaving"] * 3 + ["jongerenwerk"] * 4 + ["alle-netwerkpartners"]
    assert c5.steps[3].anchor == "c5-4"


def test_citations_are_indexed_per_step(content):
    users = content.citations[Ref("praktijkonderzoek", "chapter", "H2.6")]
    assert ("V2", "V2.2") in users and ("V2", "V2.6") in users
    assert ("V12", "V12.7") in content.citations[Ref("literatuurreview", "chapter", "H4")]
    # "zie Literatuurreview H4, en ook (daarin) Tabel 5" cites Tabel 5 of the review
    assert ("C3", "C3.6") in content.citations[Ref("literatuurreview", "table", "5")]


def test_the_cards_load_with_their_steps(content):
    card = content.now_cards["oproep-tot-geweld"]
    assert card.steps[0] == "C1.1" and content.step("C1.1").data.text.startswith("Verzamel op weg naar de oproep")
    assert content.now_roles == ("Politie en handhaving", "Jongerenwerk", "Gemeente")


def test_c5_2_holds_a_nested_list(content):
    """C5.2's second item has its own list (the handout once flattened it to 1-2-3-4-1-2-3)."""
    step = content.step("C5.2")
    assert any(item.items for item in step.data.items)


def test_c3_names_six_group_member_roles(content):
    assert len([s for s in content.handvat("C3").steps if s.data.role]) == 6


@pytest.mark.parametrize("page, rows", [("crisis/c4/index.html", 23 + 5), ("nazorg/n2/index.html", 14), ("vredestijd/v12/index.html", 9)])
def test_the_tables_the_handbook_flattened_have_their_rows(site, page, rows):
    tables = re.findall(r'<table class="datatabel">(.*?)</table>', read(site, page), re.S)
    # rows of items; the source's lead-in sentences head row groups ("Sterke indicatoren van geweld zijn:")
    assert sum(t.count("<tr>") - 1 - t.count('scope="rowgroup"') for t in tables) == rows


def test_v2_cites_praktijkonderzoek_h2_6_as_a_link(site):
    html = read(site, "vredestijd/v2/index.html")
    assert "praktijkonderzoek-h2-6" in set(re.findall(r'href="\.\./\.\./bronnen/#([^"]+)"', html))


def test_the_first_version_is_the_whole_site(content):
    first = content.changelog[-1]
    assert first.version == "0.1" and first.all_pages and str(first.date) == "2026-11-24"


def test_the_five_documents_are_transcribed(content):
    assert list(content.documents)[:5] == [
        "cyclus", "publieksagressie", "ondermijning", "masterclass-wraakbeteugeling", "omgaan-met-intimidatie-en-bedreiging",
    ]


# --- the training guides and courses (data/trainingen/) ------------------------------------


def test_the_real_training_data_loads():
    trainingen = load(ROOT / "data").trainingen
    assert {"masterclass-wraakbeteugeling", "omgaan-met-intimidatie-en-bedreiging"} <= set(trainingen.courses)
    assert {"OM-V", "OM-G", "PA-T", "PA-A", "PA-R", "PA-E"} <= set(trainingen.checklists)
    assert [g.id for g in trainingen.publieksagressie.function_groups] == [
        "werkplein", "sociaal-domein", "buitendienst", "publieksdiensten", "toezicht-handhaving"
    ]


def test_every_training_list_is_points_as_its_source_words_it():
    """Questions (PA-T, OM-V, OM-G), tips (PA-A), conditions (PA-R), criteria (PA-E): no actions."""
    checklists = load(ROOT / "data").trainingen.checklists
    codes = ("PA-T", "PA-A", "PA-R", "PA-E", "OM-V", "OM-G")
    assert {code: checklists[code].kind for code in codes} == dict.fromkeys(codes, "points")


def test_masterclass_states_3_days_with_4_programme_days_and_says_so_at_the_duration():
    course = load(ROOT / "data").trainingen.courses["masterclass-wraakbeteugeling"]
    assert course.days == 3 and [d.day for d in course.programme] == [1, 2, 3, 4]
    assert any(n.field == "duration" and "vier dagen" in n.text for n in course.notes)


def test_notes_are_attached_to_the_fields_they_concern():
    courses = load(ROOT / "data").trainingen.courses
    fields = lambda course: [n.field for n in courses[course].notes]  # noqa: E731
    assert fields("masterclass-wraakbeteugeling").count("programme") == 3  # subject, placeholder table, grammar
    assert "provider.phone" in fields("omgaan-met-intimidatie-en-bedreiging")
    assert "provider.contact" in fields("omgaan-met-intimidatie-en-bedreiging")


def test_dji_data_gives_its_times_only_in_its_duration():
    course = load(ROOT / "data").trainingen.courses["omgaan-met-intimidatie-en-bedreiging"]
    assert course.session_times is None and "9.00 tot 16.00 uur" in course.duration
    assert [(d.field, d.label) for d in course.details] == [("duration", "Duur in uren/doorlooptijd"), ("provider", None)]


@pytest.mark.parametrize("page, codes", [
    (f"{PA}/voorbeeldprogramma/index.html", ["PA-T", "PA-A"]),
    (f"{PA}/randvoorwaarden/index.html", ["PA-R"]),
    (f"{PA}/e-learning/index.html", ["PA-E"]),
    ("trainingen/ondermijning/index.html", ["OM-V", "OM-G"]),
])
def test_question_lists_are_points_with_their_anchors(site, page, codes, content):
    """Questions, tips, conditions and criteria are no actions: points without a checkbox."""
    html = read(site, page)
    for code in codes:
        assert content.trainingen.checklists[code].kind == "points"
        steps = content.trainingen.checklists[code].steps
        assert f'data-checklist="{code}"' not in html
        for n in range(1, len(steps) + 1):
            item = re.search(rf'<li class="stap[^"]*"[^>]*\bid="{code.lower()}-{n}".*?</li>', html, re.S)
            assert item and 'type="checkbox"' not in item.group(), (code, n)


def test_silent_mappings_to_function_groups_are_explained_at_the_row(site):
    """Tabel 2's "Stadstoezicht" and "deurwaarders en inspecteurs …" and Tabel 4's "Sociale dienst"
    name no function group of Tabel 1: their rows link to a note saying how the editors mapped them."""
    html = read(site, f"{PA}/inhoud-trainingen/index.html")
    for caption, name, quoted in (
        ("Tabel 2", "Omgaan met straatcultuur / burgercultuur", "‘Stadstoezicht’"),
        ("Tabel 2", "Handelen bij huisbezoeken", "‘deurwaarders en"),
        ("Tabel 4", "Pre-mediation bij bezwaarschriftenbehandeling", "Sociale dienst"),
    ):
        place = caption.lower().replace(" ", "-")
        row = re.search(rf'<th scope="row">{re.escape(name)}</th><td>.*?</tr>', table(html, caption)).group()
        anchor = re.search(rf'href="#(noot-{place}-\d+)"', row).group(1)
        note = re.search(rf'<li id="{anchor}">(.*?)</li>', html).group(1)
        assert quoted in note and "De redactie" in note, (name, note)
    groups = read(site, f"{PA}/per-functiegroep/index.html")
    overview = groups.split('id="fg-toezicht-handhaving"')[1]
    # the overview shows the source's own words for the audience and links to the note
    assert "(doelgroep volgens de bron: ‘Stadstoezicht’)" in overview
    assert re.search(r'href="\.\./inhoud-trainingen/#noot-tabel-2-\d+"[^>]*>\[noot \d+ bij Tabel 2\]', overview)




def notes_of(html: str) -> str:
    return " ".join(page_text(box) for box in NOTE_BOX.findall(html))










def test_the_comparison_gives_djis_duration_in_its_words(site):
    t = table(read(site, "trainingen/index.html"), "Cursussen vergeleken")
    rows = dict(re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', t, re.S))
    # the duration row gives DJI's own words; no "niet vermeld" where another row gives the fact
    assert "1 dag van 9.00 tot 16.00 uur" in rows["Duur en doorlooptijd"]
    assert "niet vermeld" not in rows["Duur en doorlooptijd"]
    # DJI has no "Begin-/eindtijd" heading: the times are not repeated in a row of the masterclass's label
    assert rows["Begin-/eindtijd bijeenkomsten"].count("9.00 tot 16.00") == 0
