"""The content model: the real data loads, and every kind of bad input stops with a clear line."""

import shutil

import pytest

from conftest import ROOT, edit_yaml as edit, problems_of


def test_recommendations_load_in_phase_order_numbered_without_gaps(content):
    files = sorted(p.stem for p in (ROOT / "data/cyclus").glob("*.yml") if p.stem != "fasen")
    expected = [f"{p.letter}{n}" for p in content.phases for n in range(1, len(content.in_phase(p.id)) + 1)]
    assert list(content.handvatten) == expected and sorted(expected) == files


def test_steps_are_numbered_through_groups(content):
    grouped = [h for h in content.handvatten.values() if h.data.groups]
    assert grouped
    for handvat in grouped:
        flat = [(step, group) for group in handvat.data.groups for step in group.steps]
        assert [s.id for s in handvat.steps] == [f"{handvat.id}.{n}" for n in range(1, len(flat) + 1)]
        assert [s.group for s in handvat.steps] == [group for _, group in flat]
        assert [s.anchor for s in handvat.steps] == [f"{handvat.id.lower()}-{n}" for n in range(1, len(flat) + 1)]


def test_every_citation_is_indexed_at_its_step(content):
    from kennisbank.model import text_fields

    assert content.citations
    for ref, users in content.citations.items():
        for handvat_id, step_id in users:
            handvat = content.handvat(handvat_id)
            owner = content.step(step_id).data if step_id else [handvat.data.intro, handvat.data.question]
            assert any("[[" in text for _, text in text_fields(owner)), (ref, step_id)


def test_the_cards_load_with_their_steps(content):
    assert content.now_cards and content.now_roles
    for card in content.now_cards.values():
        assert [content.step(step_id).id for step_id in card.steps] == list(card.steps)


# --- bad input: each case breaks a copy of the real data and names what the message must say


def test_malformed_yaml_names_file_and_line(data):
    (data / "cyclus/V3.yml").write_text("id: V3\ntitle: [unclosed\n", encoding="utf-8")
    msg = problems_of(data)
    assert "data/cyclus/V3.yml: line" in msg and "malformed YAML" in msg


def test_missing_required_field(data):
    edit(data / "cyclus/V4.yml", lambda d: d.pop("question"))
    assert "data/cyclus/V4.yml: question: Field required" in problems_of(data)


def test_wrong_type(data):
    edit(data / "cyclus/C2.yml", lambda d: d["steps"][0].update(text=42))
    assert "data/cyclus/C2.yml: steps.0.text: Input should be a valid string" in problems_of(data)


def test_unknown_field(data):
    edit(data / "cyclus/N1.yml", lambda d: d["steps"][1].update(tekst="typo"))
    assert "data/cyclus/N1.yml: steps.1.tekst: Extra inputs are not permitted" in problems_of(data)


def test_duplicate_id(data):
    shutil.copy(data / "cyclus/V5.yml", data / "cyclus/V5-kopie.yml")
    msg = problems_of(data)
    assert "id: duplicate id 'V5', also in data/cyclus/V5" in msg
    assert "V5-kopie.yml" in msg


def test_id_must_match_file_name(data):
    edit(data / "cyclus/V6.yml", lambda d: d.update(id="V66"))
    assert "data/cyclus/V6.yml: id: 'V66' does not match the file name 'V6'" in problems_of(data)


def test_gap_in_numbering(data):
    (data / "cyclus/N4.yml").rename(data / "cyclus/N5.yml")
    edit(data / "cyclus/N5.yml", lambda d: d.update(id="N5"))
    assert "Nazorg: ids are not numbered 1..4 without gaps: [1, 2, 3, 5]" in problems_of(data)


def test_reference_to_unknown_step(data):
    edit(data / "cyclus/V9.yml", lambda d: d["notes"][0].update(step=12))
    assert "data/cyclus/V9.yml: notes: step 12 does not exist in V9" in problems_of(data)


def test_reference_to_unknown_chapter(data):
    edit(data / "cyclus/V1.yml", lambda d: d["steps"][0].update(text="Iets ([[Literatuurreview H9]])."))
    assert "data/cyclus/V1.yml: V1.1: unknown chapter 'H9' of Literatuurreview" in problems_of(data)


def test_reference_to_unknown_source(data):
    edit(data / "cyclus/V1.yml", lambda d: d["steps"][1].update(text="Iets ([[Veldwerk H2]])."))
    assert "data/cyclus/V1.yml: V1.2: unknown source or text 'Veldwerk'" in problems_of(data)


def test_unknown_audience(data):
    edit(data / "cyclus/C5.yml", lambda d: d["groups"][0].update(audience="brandweer"))
    assert "data/cyclus/C5.yml: groups.0.audience: unknown audience 'brandweer'" in problems_of(data)


@pytest.mark.parametrize("markup", ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "<b>vet</b>"])
def test_markup_in_text_is_refused(data, markup):
    edit(data / "cyclus/V2.yml", lambda d: d["steps"][2].update(text=f"Tekst {markup} hier."))
    assert "data/cyclus/V2.yml: steps.2.text: contains markup" in problems_of(data)


def test_table_row_must_fit_columns(data):
    edit(data / "cyclus/V12.yml", lambda d: d["steps"][6]["table"]["rows"][0].append("extra"))
    msg = problems_of(data)
    assert "data/cyclus/V12.yml: steps.6.table: row 0 has 3 cells for 2 columns" in msg
    assert "Value error" not in msg  # pydantic's own wording stays out of the messages


def test_steps_and_groups_together_are_refused(data):
    edit(data / "cyclus/C5.yml", lambda d: d.update(steps=d["groups"][0]["steps"]))
    assert "data/cyclus/C5.yml: (file): give either 'steps' or 'groups'" in problems_of(data)


def test_all_problems_are_reported_at_once(data):
    edit(data / "cyclus/V4.yml", lambda d: d.pop("title"))
    edit(data / "cyclus/N2.yml", lambda d: d.pop("question"))
    msg = problems_of(data)
    assert "V4.yml: title" in msg and "N2.yml: question" in msg


# --- holes found by breaking the data on purpose (issue 10) -----------------------------------


@pytest.mark.parametrize("name", ["cyclus/V3.yml", "bronnen.yml", "cyclus/fasen.yml", "doelgroepen.yml", "trainingen/publieksagressie.yml"])
def test_an_empty_file_is_named_and_nothing_follows_from_it(data, name):
    (data / name).write_text("# nothing here\n", encoding="utf-8")
    msg = problems_of(data)
    assert f"data/{name}: (file): the file is empty" in msg
    # no cascade: one line for the file, not one per citation, step or recommendation that needs it
    assert len(msg.splitlines()) <= 3, msg


def test_a_file_that_is_not_a_mapping_is_named_plainly(data):
    (data / "cyclus/V2.yml").write_text("- just\n- a list\n", encoding="utf-8")
    msg = problems_of(data)
    assert "data/cyclus/V2.yml: (file): must be a mapping of fields, not a list" in msg
    assert "instance of" not in msg


def test_two_phases_with_one_letter(data):
    edit(data / "cyclus/fasen.yml", lambda d: d["phases"][2].update(letter="C"))
    msg = problems_of(data)
    assert "data/cyclus/fasen.yml: phases.2.letter: letter 'C' is also the letter of phase 'crisis'" in msg
    assert "no phase with letter" not in msg and "without gaps" not in msg, msg


def test_duplicate_function_group_names_the_id(data):
    def dup(d):
        d["function_groups"][1]["id"] = d["function_groups"][0]["id"]

    edit(data / "trainingen/publieksagressie.yml", dup)
    assert "data/trainingen/publieksagressie.yml: function_groups.1.id: duplicate function group id 'werkplein'" in problems_of(data)


def test_short_label_message_says_what_is_wanted(data):
    edit(data / "cyclus/V1.yml", lambda d: d.update(short_title="Een visie op online werken en geweld"))
    msg = problems_of(data)
    assert "data/cyclus/V1.yml: short_title: at most six words (got 7): 'Een visie op online werken en geweld'" in msg


def test_data_is_loaded_once_until_a_file_changes(data):
    from kennisbank.model import load_once

    first = load_once(data)
    assert load_once(data) is first  # the same build, another page: no second load
    edit(data / "cyclus/V1.yml", lambda d: d.update(short_title="Visie op online werk"))
    again = load_once(data)
    assert again is not first and again.handvat("V1").data.short_title == "Visie op online werk"



def test_the_content_is_built_once_and_not_filled_in_afterwards(content):
    """model.load returns the whole content at once; nothing can set a part of it later."""
    import dataclasses

    import pytest

    for part in ("glossary", "trainingen", "changelog"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(content, part, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        content.trainingen.courses = {}


# --- "Nu handelen" cards (data/nu-handelen.yml): a selection of the source's steps, by id


def test_an_unknown_step_on_a_card_names_file_card_and_id(data):
    edit(data / "nu-handelen.yml", lambda d: d["cards"][1]["steps"].append("C9.1"))
    msg = problems_of(data)
    assert "data/nu-handelen.yml: confrontatie-ter-plaatse: steps.6: unknown step 'C9.1'" in msg


def test_a_step_number_past_the_end_of_its_recommendation_is_unknown(data):
    edit(data / "nu-handelen.yml", lambda d: d["cards"][0]["steps"].__setitem__(0, "C1.6"))
    assert "data/nu-handelen.yml: oproep-tot-geweld: steps.0: unknown step 'C1.6'" in problems_of(data)


def test_a_malformed_step_id_on_a_card(data):
    edit(data / "nu-handelen.yml", lambda d: d["cards"][0]["steps"].__setitem__(0, "c1-1"))
    assert "data/nu-handelen.yml: cards.0.steps.0: String should match pattern" in problems_of(data)


def test_a_step_twice_on_a_card_and_a_duplicate_card(data):
    def change(d):
        d["cards"][2]["steps"].append("C4.1")
        d["cards"].append(dict(d["cards"][0]))
    edit(data / "nu-handelen.yml", change)
    msg = problems_of(data)
    assert "data/nu-handelen.yml: misinformatie: steps.5: step 'C4.1' is listed twice" in msg
    assert "data/nu-handelen.yml: oproep-tot-geweld: id: duplicate card id 'oproep-tot-geweld'" in msg


def test_an_unknown_role_or_recommendation_on_the_cards(data):
    def change(d):
        d["roles"].append("Brandweer")
        d["cards"][0]["more"].append("C7")
    edit(data / "nu-handelen.yml", change)
    msg = problems_of(data)
    assert "data/nu-handelen.yml: roles.3: unknown audience 'Brandweer'" in msg
    assert "data/nu-handelen.yml: oproep-tot-geweld: more.3: unknown recommendation 'C7'" in msg


def test_a_card_without_steps_or_with_markup(data):
    def change(d):
        d["cards"][0]["steps"] = []
        d["cards"][1]["title"] = "<b>Nu</b>"
    edit(data / "nu-handelen.yml", change)
    msg = problems_of(data)
    assert "data/nu-handelen.yml: cards.0.steps: List should have at least 1 item" in msg


def test_a_card_with_markup_in_its_title(data):
    edit(data / "nu-handelen.yml", lambda d: d["cards"][1].update(title="<b>Nu</b>"))
    assert "data/nu-handelen.yml: cards.1.title: contains markup '<b>'" in problems_of(data)


def test_group_readers_must_name_known_groups_and_readers(data):
    edit(data / "doelgroepen.yml", lambda d: d["group_readers"].update({"jongerenwerk": "Jeugdzorg"}))
    assert "group_readers: jongerenwerk: 'Jeugdzorg' is not one of the readers" in problems_of(data)


def test_every_group_needs_a_reader(data):
    edit(data / "doelgroepen.yml", lambda d: d["group_readers"].pop("politie-handhaving"))
    assert "group_readers: no reader for the group(s) politie-handhaving" in problems_of(data)
