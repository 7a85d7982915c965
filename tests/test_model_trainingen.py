"""Training data: the real files load, and bad course, table or checklist data stops the build."""



from conftest import ROOT, edit_yaml as edit, problems_of
from macros.model import load








MASTERCLASS = "trainingen/cursussen/masterclass-wraakbeteugeling.yml"
DJI = "trainingen/cursussen/omgaan-met-intimidatie-en-bedreiging.yml"
GUIDE = "trainingen/publieksagressie.yml"


def test_the_real_training_data_loads():
    trainingen = load(ROOT / "data").trainingen
    assert set(trainingen.courses) == {"masterclass-wraakbeteugeling", "omgaan-met-intimidatie-en-bedreiging"}
    assert {"OM-V", "OM-G", "PA-T", "PA-A"} <= set(trainingen.checklists)
    assert [g.id for g in trainingen.publieksagressie.function_groups] == [
        "werkplein", "sociaal-domein", "buitendienst", "publieksdiensten", "toezicht-handhaving"
    ]


def test_masterclass_states_3_days_with_4_programme_days_and_says_so():
    course = load(ROOT / "data").trainingen.courses["masterclass-wraakbeteugeling"]
    assert course.days == 3 and [d.day for d in course.programme] == [1, 2, 3, 4]
    assert any(n.field == "programme" for n in course.notes)


def test_an_unacknowledged_day_mismatch_fails(data):
    edit(data / MASTERCLASS, lambda d: d.update(notes=[n for n in d["notes"] if n["field"] != "programme"]))
    msg = problems_of(data)
    assert f"data/{MASTERCLASS}: (file): Value error, duration states 3 day(s) but the programme has 4 (days 1–4)" in msg
    assert "acknowledge it with a note (field: programme)" in msg


def test_a_note_on_an_unknown_field_fails(data):
    edit(data / MASTERCLASS, lambda d: d["notes"].append({"field": "prijs", "text": "Iets."}))
    assert "note on unknown field 'prijs'" in problems_of(data)


def test_missing_required_course_field(data):
    edit(data / DJI, lambda d: d.pop("duration"))
    assert f"data/{DJI}: duration: Field required" in problems_of(data)


def test_mistyped_course_field(data):
    edit(data / MASTERCLASS, lambda d: d.update(max_participants="twaalf"))
    assert f"data/{MASTERCLASS}: max_participants: Input should be a valid integer" in problems_of(data)


def test_price_must_be_the_one_in_the_words(data):
    edit(data / MASTERCLASS, lambda d: d["costs"]["tuition"].update(amount=1999))
    assert f"data/{MASTERCLASS}: costs.tuition: Value error, amount 1999 is not the price in text" in problems_of(data)


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
    assert f"data/{GUIDE}: training_elements.0.elements.0: Value error, give 'groups' exactly when" in problems_of(data)


def test_duplicate_checklist_code(data):
    edit(data / "trainingen/ondermijning.yml", lambda d: d["checklists"][1].update(id="OM-V"))
    assert "data/trainingen/ondermijning.yml: checklists.1.id: duplicate checklist code 'OM-V'" in problems_of(data)


def test_markup_in_a_course_text_is_refused(data):
    edit(data / DJI, lambda d: d.update(title="Training <script>alert(1)</script>"))
    assert f"data/{DJI}: title: contains markup '<script>'" in problems_of(data)


def test_malformed_course_yaml(data):
    (data / DJI).write_text("id: x\ntitle: [open\n", encoding="utf-8")
    assert f"data/{DJI}: line" in problems_of(data)
