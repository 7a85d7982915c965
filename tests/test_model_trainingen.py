"""Training data: the real files load, and bad course, table or checklist data stops the build."""



import re

from conftest import ROOT, edit_yaml as edit, problems_of
from kennisbank.model import load

MASTERCLASS = "trainingen/cursussen/masterclass-wraakbeteugeling.yml"
DJI = "trainingen/cursussen/omgaan-met-intimidatie-en-bedreiging.yml"
GUIDE = "trainingen/publieksagressie.yml"


def test_the_real_training_data_loads():
    data = ROOT / "data"
    trainingen = load(data).trainingen
    assert set(trainingen.courses) == {p.stem for p in (data / "trainingen/cursussen").glob("*.yml")}
    assert trainingen.publieksagressie is not None and trainingen.publieksagressie.function_groups
    assert trainingen.checklists


def test_a_guide_file_named_after_no_document_fails(data):
    """The data layout (kennisbank.sitemap.document_files): a guide's file is named after its
    document, so the fidelity checks find it."""
    import shutil

    shutil.copy(data / "trainingen/ondermijning.yml", data / "trainingen/mijn-handreiking.yml")
    assert "data/trainingen/mijn-handreiking.yml: (file): no source document 'mijn-handreiking' in brondocumenten.yml" in problems_of(data)


def test_a_glossary_source_must_be_a_documents_file(data):
    edit(data / "woordenlijst.yml", lambda d: d[0].update(source="onbekend.txt"))
    assert "data/woordenlijst.yml: 0.source: unknown source file 'onbekend.txt'; known: " in problems_of(data)


def test_an_unknown_list_kind_fails(data):
    edit(data / "trainingen/ondermijning.yml", lambda d: d["checklists"][0].update(kind="vragen"))
    assert "data/trainingen/ondermijning.yml: checklists.0.kind: Input should be 'steps' or 'points'" in problems_of(data)


def test_an_unacknowledged_day_mismatch_fails(data):
    edit(data / MASTERCLASS, lambda d: d.update(notes=[n for n in d["notes"] if n["field"] != "duration"]))
    msg = problems_of(data)
    assert f"data/{MASTERCLASS}: (file): duration states 3 day(s) but the programme has 4 (days 1–4)" in msg
    assert "acknowledge it with a note (field: duration)" in msg


def test_a_note_on_an_unknown_field_fails_naming_file_field_and_value(data):
    edit(data / MASTERCLASS, lambda d: d["notes"].append({"field": "prijs", "text": "Iets."}))
    n = len(load(ROOT / "data").trainingen.courses["masterclass-wraakbeteugeling"].notes)
    msg = problems_of(data)
    assert f"data/{MASTERCLASS}: notes.{n}.field: unknown field 'prijs'; known: provider," in msg


def test_an_unknown_detail_field_fails(data):
    edit(data / DJI, lambda d: d["details"].append({"field": "prijs"}))
    assert f"data/{DJI}: details.2.field: unknown detail field 'prijs'" in problems_of(data)


def test_a_detail_listed_twice_fails(data):
    edit(data / DJI, lambda d: d["details"].append({"field": "duration"}))
    assert f"data/{DJI}: (file): details.2.field: 'duration' is listed twice" in problems_of(data)


def test_a_listed_detail_without_value_needs_a_note(data):
    edit(data / MASTERCLASS, lambda d: d.update(notes=[n for n in d["notes"] if n["field"] != "certification"]))
    assert (
        f"data/{MASTERCLASS}: (file): details.14.field: 'certification' has no value; "
        "explain the source's empty or placeholder field with a note (field: certification)"
    ) in problems_of(data)


def test_a_heading_for_an_unknown_section_fails(data):
    edit(data / DJI, lambda d: d["headings"].update(duration="Duur"))
    assert f"data/{DJI}: (file): heading for unknown section 'duration'" in problems_of(data)


def test_a_guide_note_in_an_unknown_place_fails(data):
    edit(data / GUIDE, lambda d: d["notes"].append({"where": "tabel-3", "text": "Iets."}))
    msg = problems_of(data)
    assert re.search(rf"data/{GUIDE}: notes\.\d+\.where: unknown place 'tabel-3'; known: tabel-1", msg), msg


def test_a_guide_note_on_an_unknown_row_fails(data):
    edit(data / GUIDE, lambda d: d["notes"].append({"where": "tabel-2", "row": "Stadstoezicht", "text": "Iets."}))
    msg = problems_of(data)
    assert re.search(rf"data/{GUIDE}: \(file\): notes\.\d+\.row: no row 'Stadstoezicht' in tabel-2", msg), msg


def test_silent_mappings_have_their_notes():
    guide = load(ROOT / "data").trainingen.publieksagressie
    noted = {(n.where, n.row) for n in guide.notes}
    mapped = {
        ("tabel-2", e.name)
        for c in guide.training_elements
        for e in c.elements
        # an audience that names a group by other words than Tabel 1's names
        if e.groups and not all(g.name.lower() in e.audience.lower() for g in guide.function_groups if g.id in e.groups)
    } | {
        ("tabel-4", s.name)
        for s in guide.professional_skills
        if s.groups and not all(g.name.lower() in s.audience.lower() for g in guide.function_groups if g.id in s.groups)
    }
    assert mapped == {
        ("tabel-2", "Omgaan met straatcultuur / burgercultuur"),
        ("tabel-2", "Handelen bij huisbezoeken"),
        ("tabel-4", "Pre-mediation bij bezwaarschriftenbehandeling"),
    }
    assert mapped <= noted


def test_missing_required_course_field(data):
    edit(data / DJI, lambda d: d.pop("duration"))
    assert f"data/{DJI}: duration: Field required" in problems_of(data)


def test_mistyped_course_field(data):
    edit(data / MASTERCLASS, lambda d: d.update(max_participants="twaalf"))
    assert f"data/{MASTERCLASS}: max_participants: Input should be a valid integer" in problems_of(data)


def test_price_must_be_the_one_in_the_words(data):
    edit(data / MASTERCLASS, lambda d: d["costs"]["tuition"].update(amount=1999))
    assert f"data/{MASTERCLASS}: costs.tuition: amount 1999 is not the price in text" in problems_of(data)


def test_course_id_must_match_file_name(data):
    edit(data / DJI, lambda d: d.update(id="iets-anders"))
    assert f"data/{DJI}: id: 'iets-anders' does not match the file name" in problems_of(data)


def test_unknown_function_group_in_a_cross_reference(data):
    def change(doc):
        block = next(b for b in doc["sample_programme"] if b.get("skills_by_group"))
        block["skills_by_group"][0]["groups"].append("brandweer")
    edit(data / GUIDE, change)
    assert "skills_by_group.0.groups: unknown function group 'brandweer'" in problems_of(data)


def test_groups_only_with_a_specific_audience(data):
    edit(data / GUIDE, lambda d: d["training_elements"][0]["elements"][0].update(groups=["werkplein"]))
    assert f"data/{GUIDE}: training_elements.0.elements.0: give 'groups' exactly when" in problems_of(data)


def test_duplicate_checklist_code(data):
    edit(data / "trainingen/ondermijning.yml", lambda d: d["checklists"][1].update(id="OM-V"))
    assert "data/trainingen/ondermijning.yml: checklists.1.id: duplicate checklist code 'OM-V'" in problems_of(data)


def test_markup_in_a_course_text_is_refused(data):
    edit(data / DJI, lambda d: d.update(title="Training <script>alert(1)</script>"))
    assert f"data/{DJI}: title: contains markup '<script>'" in problems_of(data)


def test_malformed_course_yaml(data):
    (data / DJI).write_text("id: x\ntitle: [open\n", encoding="utf-8")
    assert f"data/{DJI}: line" in problems_of(data)


def test_an_unknown_or_repeated_section_in_the_order_fails(data):
    edit(data / DJI, lambda d: d.update(sections=["aanbieder", "duur", "aanbieder"]))
    msg = problems_of(data)
    assert f"data/{DJI}: (file): sections.1: unknown section 'duur'" in msg, msg
    assert "sections.2: 'aanbieder' is listed twice" in msg, msg
