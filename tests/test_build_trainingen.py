"""The built training pages: tables from data with header cells, comparison, JSON-LD, matrix."""

import json
import re

import pytest

from conftest import ROOT
from macros.model import load
from macros.render_trainingen import COURSE_FIELDS, skill_matrix

TRAININGEN = load(ROOT / "data").trainingen
GUIDE = TRAININGEN.publieksagressie
PA = "trainingen/publieksagressie"


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def table(html, caption_start):
    match = re.search(rf"<table[^>]*><caption>{re.escape(caption_start)}.*?</table>", html, re.S)
    assert match, caption_start
    return match.group()


def test_tabel_1_has_a_row_per_function_group(site):
    t = table(read(site, f"{PA}/functiegroepen/index.html"), "Tabel 1")
    assert t.count('<th scope="col">') == 4
    assert t.count('<th scope="row">') == len(GUIDE.function_groups) == 5
    for group in GUIDE.function_groups:
        assert f'id="tabel1-{group.id}"' in t and f"#fg-{group.id}" in t
        for competence in group.competences:
            assert f"<li>{competence}</li>" in t


def test_tabel_2_has_clusters_and_every_element(site):
    t = table(read(site, f"{PA}/inhoud-trainingen/index.html"), "Tabel 2")
    elements = [e for c in GUIDE.training_elements for e in c.elements]
    assert t.count('<th scope="row">') == len(elements)
    assert t.count('scope="rowgroup"') == len(GUIDE.training_elements) == 3
    for element in elements:
        assert f'<th scope="row">{element.name}</th><td>{element.audience or ""}</td>' in t.replace("&amp;", "&")


def test_tabel_4_marks_skills_in_basic_education(site):
    html = read(site, f"{PA}/inhoud-trainingen/index.html")
    t = table(html, "Tabel 4")
    assert t.count('<th scope="row">') == len(GUIDE.professional_skills)
    assert t.count('aria-hidden="true">*</span>') == sum(s.in_basic_education for s in GUIDE.professional_skills) > 0
    assert "* Vaardigheidstrainingen inbegrepen in basis- en/of vervolgopleiding" in html


def test_tabel_5_and_managers_elements(site):
    html = read(site, f"{PA}/inhoud-trainingen/index.html")
    assert table(html, "Tabel 5").count('<th scope="row">') == len(GUIDE.education_skills) == 5
    managers = table(html, "Trainingselementen agressie en geweld – Leidinggevenden")
    assert managers.count("<td>") == sum(len(c.elements) for c in GUIDE.manager_elements)


def test_sample_programme_has_a_row_per_block(site):
    html = read(site, f"{PA}/voorbeeldprogramma/index.html")
    t = table(html, "Voorbeeldprogramma")
    assert t.count('<th scope="col">') == 4
    assert t.count('<th scope="row">') == len(GUIDE.sample_programme)


def test_matrix_agrees_with_the_lists_it_comes_from(site):
    html = read(site, f"{PA}/per-functiegroep/index.html")
    t = re.search(r'<table class="datatabel matrix".*?</table>', html, re.S).group()
    skills, groups, _ = skill_matrix(GUIDE)
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', t, re.S)
    assert [r[0] for r in rows] == skills
    listed = {(s, g) for b in GUIDE.sample_programme for l in b.skills_by_group for s in l.skills for g in l.groups}
    for skill, cells in rows:
        ticks = re.findall(r'<td class="(ja|nee)">', cells)
        assert len(ticks) == len(groups)
        for group, tick in zip(groups, ticks):
            assert (tick == "ja") == ((skill, group.id) in listed), (skill, group.id)


def test_every_function_group_has_its_overview_anchor(site):
    html = read(site, f"{PA}/per-functiegroep/index.html")
    for group in GUIDE.function_groups:
        assert f'id="fg-{group.id}"' in html


@pytest.mark.parametrize("page, codes", [
    (f"{PA}/voorbeeldprogramma/index.html", ["PA-T", "PA-A"]),
    ("trainingen/ondermijning/index.html", ["OM-V", "OM-G"]),
])
def test_question_lists_are_checklists(site, page, codes):
    html = read(site, page)
    for code in codes:
        steps = TRAININGEN.checklists[code].steps
        assert f'data-checklist="{code}"' in html
        for n in range(1, len(steps) + 1):
            assert f'id="{code.lower()}-{n}"' in html


def test_comparison_table_has_both_courses_and_every_field(site):
    t = table(read(site, "trainingen/index.html"), "Cursussen vergeleken")
    for course in TRAININGEN.courses.values():
        assert course.title in t
    for _, label, _ in COURSE_FIELDS:
        row = re.search(rf'<tr><th scope="row">{re.escape(label)}</th>(.*?)</tr>', t, re.S)
        assert row and row.group(1).count("<td>") == 2, label


def test_course_pages_carry_json_ld_naming_the_course(site):
    for course in TRAININGEN.courses.values():
        html = read(site, f"trainingen/cursussen/{course.id}/index.html")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert len(blocks) == 1
        data = json.loads(blocks[0])
        assert data["@type"] == "Course" and data["name"] == course.title and data["inLanguage"] == "nl"
    mc = json.loads(re.search(r'ld\+json">(.*?)</script>', read(site, "trainingen/cursussen/masterclass-wraakbeteugeling/index.html"), re.S).group(1))
    assert mc["offers"]["price"] == 2541 and mc["offers"]["priceCurrency"] == "EUR"


def test_source_problems_are_visible(site):
    mc = read(site, "trainingen/cursussen/masterclass-wraakbeteugeling/index.html")
    assert "Noot van de redactie" in mc and "Dag 4" in mc
    assert "Cell 1-1" not in re.sub(r'<div class="admonition note">.*?</div>', "", mc, flags=re.S)
    assert re.search(r'<th scope="row">Duur</th><td>3 dagen <a class="noot-ref"', mc)
    groups_page = read(site, f"{PA}/functiegroepen/index.html")
    assert re.search(r'admonition note.*?vier', groups_page, re.S)
    contents_page = read(site, f"{PA}/inhoud-trainingen/index.html")
    assert re.search(r'admonition note.*?[Tt]abel 3', contents_page, re.S)
