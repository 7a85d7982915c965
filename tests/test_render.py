"""Renderers, called directly: anchors, header cells, and data that tries to become markup."""

import re
from html import unescape

import markdown

from kennisbank.model import Step, StepView, SubItem, Table
from macros.render_steps import render_step, render_table
from macros.render_text import esc, md_text

EVIL = '<script>alert("x")</script> *nadruk* _ook_ `code` [klik](javascript:alert(1)) ![b](x.png) &amp; # kop'


def to_html(md_source: str) -> str:
    """The same Markdown extensions the site uses for this output."""
    return markdown.markdown(md_source, extensions=["md_in_html", "attr_list", "tables", "abbr"])


def test_escaped_text_renders_as_exactly_that_text():
    html = to_html(f'<p markdown="span">{esc(EVIL)}</p>')
    assert "<script" not in html and "<em>" not in html and "<code>" not in html
    assert "<a " not in html and "<img" not in html
    assert "&lt;script&gt;alert(\"x\")&lt;/script&gt; *nadruk* _ook_ `code` [klik](javascript:alert(1))" in html
    assert "&amp;amp; # kop" in html


def test_a_bypassing_step_cannot_inject_markup(content):
    """Even data that skipped validation is escaped in every field a step renders."""
    step = Step.model_construct(
        text=EVIL,
        items=[SubItem.model_construct(label="<i>a</i>", text=EVIL)],
        table=Table.model_construct(caption=EVIL, columns=[EVIL], rows=[[EVIL]]),
        after=EVIL,
        role=None,
    )
    html = to_html(render_step(StepView("V1.1", 1, step, None), content))
    assert "<script" not in html and "<i>" not in html and 'href="javascript' not in html
    assert html.count("&lt;script&gt;") == 6  # text, item, caption, header cell, row cell, after


def test_step_has_anchor_number_and_checkbox(content):
    handvat = content.handvat("V2")
    html = to_html(render_step(handvat.steps[3], content))
    assert re.search(r'<li class="stap stap--stap" [^>]*data-stap="V2.4" id="v2-4">', html)
    assert 'type="checkbox"' in html and 'data-stap="V2.4"' in html
    assert 'href="#v2-4"' in html and "V2.4" in html


def test_every_step_carries_the_citations_of_its_text_for_the_presentation(content):
    """data-bronnen (the presentation's source line): every citation the step's text links; none
    on a step that cites nothing."""
    for step in (s for h in content.handvatten.values() for s in h.steps):
        html = to_html(render_step(step, content))
        linked = [unescape(t) for t in re.findall(r'<a class="bronverwijzing"[^>]*>([^<]+)</a>', html)]
        attribute = re.search(r'<li [^>]*data-bronnen="([^"]+)"', html)
        assert bool(attribute) == bool(linked), step.id
        if linked:
            cited = unescape(attribute.group(1))
            assert all(words in cited for words in linked), (step.id, cited, linked)


def test_citation_links_point_at_the_sources_page(content):
    text = "Tekst ([[Praktijkonderzoek H2.6, H4.2; Literatuurreview H1, H3 / Tabel 2]])."
    html = to_html(md_text(text, content.registry))
    # marked as citations (class bronverwijzing): a printed page prints no address after them
    cite = '<a class="bronverwijzing" href="/bronnen.md#'
    assert f'{cite}praktijkonderzoek-h2-6">Praktijkonderzoek H2.6</a>, {cite}praktijkonderzoek-h4-2">H4.2</a>' in html
    assert f'/ {cite}literatuurreview-tabel-2">Tabel 2</a>).' in html


def test_table_has_caption_and_header_cells():
    table = Table(caption="Kop", columns=["Nr.", "Aspect"], rows=[["1", "een"], ["2", "twee"]])
    html = render_table(table)
    # the caption and the column headers are the editors': the caption carries their marker
    assert '<caption>Kop <span class="redactie-merk">' in html and "toegevoegd door de </span>redactie" in html
    assert html.count('<th scope="col">') == 2 and html.count("<tr>") == 3


def test_a_one_cell_row_is_the_sources_lead_in_sentence_heading_its_rows():
    table = Table(caption="Kop", columns=["Nr.", "Indicator"], rows=[["Sterke indicatoren zijn:"], ["1.", "een en"], ["2.", "twee."], ["Zwakke zijn:"], ["3.", "drie."]])
    html = render_table(table)
    assert html.count('<th colspan="2" scope="rowgroup" class="tabel__bronzin">') == 2
    assert '<tbody><tr><th colspan="2" scope="rowgroup" class="tabel__bronzin">Zwakke zijn:</th></tr>' in html
    assert "<td>een en</td>" in html and "<td>twee.</td>" in html


def test_course_text_cannot_inject_markup_even_into_json_ld():
    from kennisbank.model_trainingen import Course
    from macros.render_trainingen import render_course

    evil = '</script><script>alert(1)</script><b>x</b>'
    course = Course.model_validate({
        "id": "x", "title": "Titel", "tagline": "Regel", "duration": evil, "days": 1,
        "audience": {"intro": [], "items": [evil]}, "topics": [evil], "results": [evil],
        "programme": [{"title": evil, "parts": [{"title": evil, "text": [evil], "items": [evil]}]}],
        "quotes": [{"text": evil, "by": evil}],
    })
    html = to_html(render_course(course))
    assert html.count("<script") == 1  # only the JSON-LD block
    assert "<b>" not in html and "alert(1)</script>" not in html.split("application/ld+json")[0]
    json_ld = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in json_ld and ">" not in json_ld
    import json
    data = json.loads(json_ld)
    assert data["audience"]["audienceType"] == evil
    # no one-sided duration, no Offer that drops the VAT remark and the other cost lines
    assert "timeRequired" not in data and "offers" not in data


def test_a_card_shows_source_steps_by_id_with_their_text_and_place(content):
    from macros.render_nu import render_card

    card = content.now_cards["oproep-tot-geweld"]
    audiences = {h.page: ["Politie en handhaving", "Jongerenwerk", "Alle netwerkpartners"] for h in content.handvatten.values()}
    html = to_html(render_card(card, content, audiences))
    assert html.count('class="stap stap--stap"') == len(card.steps)
    assert 'data-rollen="1 2 3" data-stap="C1.1" id="c1-1"' in html  # for everyone: every role
    # the source's group for police and enforcement, ... for youth work; the group named
    assert 'data-groep="Specifiek voor politie en handhavingsorganisaties" data-rollen="1" data-stap="C5.1" id="c5-1"' in html
    assert 'data-rollen="2" data-stap="C5.6" id="c5-6"' in html
    assert 'href="/crisis/c1.md#c1-1" data-kort="r/c1-1/"' in html
    assert "Verzamel op weg naar de oproep informatie" in html
    assert "Kaart van de redactie." in html


def test_a_step_only_for_audiences_outside_the_roles_is_shown_to_none(content):
    from macros.render_nu import roles_of

    step = content.step("C1.1")
    assert roles_of(step, content, {step_page: ["Onderwijs"] for step_page in [content.handvat("C1").page]}) == []
    assert roles_of(step, content, {content.handvat("C1").page: ["Gemeente"]}) == [3]


def test_a_step_carries_its_notes_into_every_view(content):
    """The notes are part of the step the renderers read: a card shows them as the page does,
    every paragraph inside the note."""
    from dataclasses import replace

    from macros.render_nu import render_card_step

    step = next(s for h in content.handvatten.values() for s in h.steps if s.notes)
    noted = replace(step, notes=("Eerste alinea van de noot.\nTweede alinea van de noot.",))
    for html in (to_html(render_step(noted, content)), to_html(render_card_step(noted, content, [1]))):
        note = html.split('<details class="note redactienoot">')[1].split("</details>")[0].replace("\n", "")
        assert "<summary>Noot van de redactie</summary>" in note
        assert "<p>Eerste alinea van de noot.</p><p>Tweede alinea van de noot.</p>" in note


def test_a_recommendation_note_keeps_all_its_paragraphs_inside():
    from kennisbank.model import Note
    from macros.render_cyclus import render_notes

    html = markdown.markdown(render_notes([Note(text="Een.\nTwee.")]), extensions=["pymdownx.details"])
    inside = html.split("</details>")[0]
    assert "<p>Een.</p>" in inside and "<p>Twee.</p>" in inside


def test_a_card_asked_for_an_unknown_step_stops_naming_the_card_and_the_id(content):
    import pytest

    from macros.render_nu import render_card
    from macros.render_steps import UnknownStep

    card = next(iter(content.now_cards.values()))
    broken = card.model_copy(update={"steps": [*card.steps, "C9.9"]})
    with pytest.raises(UnknownStep) as info:
        render_card(broken, content, {})
    assert str(info.value) == f"Nu handelen-kaart {card.id!r}: unknown step id 'C9.9'"


def test_the_zelfscan_shows_every_scored_step_whole_under_a_short_legend(content):
    import json
    import re

    from macros.render_steps import short_text
    from macros.render_text import esc_html
    from macros.render_zelfscan import ANSWERS, render_zelfscan

    phase = content.phases[0]
    html = to_html(render_zelfscan(phase, content, "1.0"))
    form = re.search(r'<form class="zelfscan"[^>]*data-antwoorden="([^"]*)"', html)
    assert json.loads(form.group(1).replace("&quot;", '"')) == dict(ANSWERS)  # zelfscan.js reads them here
    for step in (s for h in content.in_phase(phase.id) for s in h.steps if s.kind == "steps"):
        field = html.split(f'data-stap="{step.id}"')[1].split("</fieldset>")[0]
        assert f'aria-describedby="tekst-{step.anchor}"' in html.split(f'data-stap="{step.id}"')[0][-200:] + field[:80]
        assert f"<legend><strong>{step.id}</strong> {esc_html(short_text(step))}</legend>" in field
        assert f'<div class="stap__tekst" id="tekst-{step.anchor}">' in field
        assert field.count('type="radio"') == len(ANSWERS)


def _course(costs: dict, details: tuple[str, ...] = ()):
    from kennisbank.model_trainingen import Course

    return Course.model_validate({
        "id": "x", "title": "Titel", "duration": "1 dag", "days": 1, "audience": {"items": ["Iedereen"]},
        "costs": costs, "details": [{"field": f} for f in details],
    })


def test_cost_lines_come_with_what_the_source_leaves_open():
    from macros.render_trainingen import cost_remark

    lines = {
        "tuition": {"text": "€100 (inclusief btw)", "amount": 100, "vat_included": True},
        "materials": {"text": "€20", "amount": 20},
        "copyright_fee": {"text": "€5", "amount": 5},
        "registration": {"text": "Geen"},
    }
    remark = cost_remark(_course(lines))
    assert "geen totaalbedrag" in remark and "redactie" in remark
    assert "Bij ‘Kosten literatuur/materialen’ en ‘Vergoeding auteursrecht’ vermeldt de bron niet of de btw is inbegrepen." in remark
    assert "Lesgeld" not in remark and "Inschrijvingskosten" not in remark  # its VAT is stated; "Geen" has no amount
    assert "125" not in remark  # never a total of our own
    # a total the source gives: no sentence about a missing total, and the total is one of the lines
    with_total = _course({**lines, "total": {"text": "€125", "amount": 125, "vat_included": True}})
    assert "totaalbedrag" not in cost_remark(with_total) and "btw" in cost_remark(with_total)
    # every amount with its VAT remark, or no costs at all: nothing to add
    assert cost_remark(_course({"tuition": lines["tuition"]})) == ""
    assert cost_remark(_course({})) == ""
    assert "Bij geen van de bedragen" in cost_remark(_course({"materials": lines["materials"], "copyright_fee": lines["copyright_fee"]}))


def test_a_course_page_shows_every_row_of_the_comparison():
    """Rows the source's own details do not give stand in the page's table of comparison facts,
    with the same wording as in the comparison; a course without costs says so."""
    from macros.render_trainingen import COMPARISON_ROWS, render_course

    def facts(course) -> list[str]:
        html = to_html(render_course(course))
        part = html.split("<caption>Deze cursus in de vergelijking</caption>")[1].split("</table>")[0]
        return re.findall(r'<th scope="row">(.*?)</th>', part)

    every_row = [label for label, *_ in COMPARISON_ROWS]
    assert facts(_course({"tuition": {"text": "€100"}})) == every_row
    # the source's details give the duration and the (only) cost line: those rows stand there
    listed = _course({"tuition": {"text": "€100"}}, ("duration", "tuition"))
    assert facts(listed) == [label for label in every_row if label not in ("Duur en doorlooptijd", "Kosten")]
    no_costs = to_html(render_course(_course({})))
    assert re.search(r'<th scope="row">Kosten</th><td><span class="niet-vermeld">niet vermeld in de bron</span>', no_costs)
