"""Facts that Python shares with a script, a stylesheet or mkdocs.yml and that stay written twice
(issue 19, "one owner per fact"): the owner is named in each test, the other side is read from
its file, and the test fails when the two part. Facts the pages or the search index carry to
their readers (data attributes, index fields) need no test here: they have one writer."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from kennisbank import sitemap

APPENDIX = ROOT / "overrides/assets/javascripts/lunr/min/lunr.nl.min.js"
EXTRA_CSS = ROOT / "docs/assets/stylesheets/extra.css"
PRINT_CSS = ROOT / "docs/assets/stylesheets/print.css"


def search_config(text: str) -> dict:
    """The search plugin's settings in mkdocs.yml (its !ENV tags read as plain values)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    plugins = yaml.load(text, Loader=Loader)["plugins"]
    return next(p["search"] for p in plugins if isinstance(p, dict) and "search" in p)


def worker_fields(script: str) -> set[str]:
    """The index entry fields the search worker reads (doc.<field>)."""
    return set(re.findall(r"\bdoc\.(\w+)", script))


def test_the_search_worker_reads_the_step_fields_the_post_build_step_writes():
    # owner: sitemap.STEP_ENTRY_FIELDS (exports/searchindex.py writes them); reader: the appendix
    script = APPENDIX.read_text(encoding="utf-8")
    assert set(sitemap.STEP_ENTRY_FIELDS) <= worker_fields(script), worker_fields(script)
    # the step id rule itself is no longer in the worker (it hard-coded the phase letters)
    assert not re.search(r"\[[a-z]{2,}\]\\d", script), "the worker repeats the step id scheme"


def test_the_drift_check_of_the_worker_fields_can_fail():
    script = APPENDIX.read_text(encoding="utf-8").replace("doc.handvat", "doc.recommendation")
    assert not set(sitemap.STEP_ENTRY_FIELDS) <= worker_fields(script)


def test_the_search_words_field_is_one_the_search_plugin_indexes():
    # owner: sitemap.SEARCH_WORDS_FIELD; mkdocs.yml must give it a weight, or lunr ignores it
    fields = search_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["fields"]
    assert sitemap.SEARCH_WORDS_FIELD in fields, sorted(fields)
    renamed = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("zoekwoorden: {", "trefwoorden: {")
    assert sitemap.SEARCH_WORDS_FIELD not in search_config(renamed)["fields"]


def splits(separator: str, text: str) -> list[str]:
    return [part for part in re.split(separator, text) if part]


def test_the_separator_keeps_step_ids_and_anchors_whole(content):
    # owner of the ids: the data (and sitemap.step_anchor); the separator in mkdocs.yml must not
    # cut them, or "C5.2" in a query and in a page's search words stops being one word
    separator = search_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["separator"]
    for handvat in content.handvatten.values():
        for step in handvat.steps:
            for word in (step.id.lower(), step.anchor):
                assert splits(separator, f"zie {word}, daarna") == ["zie", word, "daarna"], (separator, word)
    assert splits(r"[\s.\-]+", "c5.2") != ["c5.2"]  # a separator that cuts ids fails the check


def role_rules_in(css: str) -> list[str]:
    return re.findall(r"data-rollen", css)


def test_the_role_switch_rules_come_with_the_roles(content, tmp_path):
    # owner: the roles in data/nu-handelen.yml; the post-build step writes one rule per role into
    # sitemap.ROLE_CSS, which the switch links, so no stylesheet counts them (a seventh role needs
    # no CSS edit)
    from kennisbank.model_nu import role_css
    from kennisbank.sitemap import ROLE_CSS
    from macros.render_nu import render_role_switch

    assert not role_rules_in(EXTRA_CSS.read_text(encoding="utf-8")) and not role_rules_in(PRINT_CSS.read_text(encoding="utf-8"))
    card = next(iter(content.now_cards.values()))
    switch = render_role_switch(card, content)
    assert f'<link rel="stylesheet" href="/{ROLE_CSS}">' in switch and "<style" not in switch
    assert len(role_rules_in(role_css(len(content.now_roles)))) == len(content.now_roles) == switch.count('type="radio"') - 1
    seven = role_css(7)
    assert 'input[value="7"]:checked) li.stap:not([data-rollen~="7"])' in seven and len(role_rules_in(seven)) == 7


def test_the_built_site_carries_the_role_stylesheet(site, content):
    from kennisbank.model_nu import role_css
    from kennisbank.sitemap import ROLE_CSS

    assert (site / ROLE_CSS).read_text(encoding="utf-8") == role_css(len(content.now_roles))


def test_the_stylesheet_styles_the_question_heading_by_its_anchor():
    # owner: sitemap.QUESTION_ANCHOR (macros/render_cyclus.py writes it); extra.css sizes the heading
    css = EXTRA_CSS.read_text(encoding="utf-8")
    assert f"h2#{sitemap.QUESTION_ANCHOR} " in css
    assert f"h2#{sitemap.QUESTION_ANCHOR} " not in css.replace("h2#vraag", "h2#hulpvraag")


@pytest.mark.parametrize("css", [PRINT_CSS], ids=["print.css"])
def test_printing_drops_what_the_pdf_export_drops(css):
    # owner: exports.pdf_documents.SITE_ONLY (the renderers mark site furniture with it); printing from the
    # browser must hide the same elements
    from exports.pdf_documents import SITE_ONLY

    text = css.read_text(encoding="utf-8")
    assert f"[{SITE_ONLY}]" in text
    assert f"[{SITE_ONLY}]" not in text.replace("[data-site-only]", "[data-only-site]")


def test_the_copy_script_does_not_repeat_the_offline_address_rule():
    # owner: sitemap.served_path (the macro layer writes data-kort in the form the build serves);
    # kopieer.js once added "index.html" itself from file://
    script = (ROOT / "docs/assets/javascripts/kopieer.js").read_text(encoding="utf-8")
    assert "index.html" not in script and '"file:"' not in script


SCRIPTS = ROOT / "docs/assets/javascripts"


def storage_keys_in(scripts: dict[str, str]) -> list[str]:
    keys = (sitemap.TICK_KEY, sitemap.OLD_TICKS_KEY, sitemap.ANSWER_KEY, sitemap.answers_before_key(""))
    return [f"{name}: {key}" for name, text in scripts.items() for key in keys if key in text]


def test_the_scripts_read_the_storage_keys_from_the_pages_and_repeat_none(content):
    # owner: kennisbank.sitemap (TICK_KEY, OLD_TICKS_KEY, ANSWER_KEY, answers_before_key); the
    # renderers write them into data attributes, checklist.js and zelfscan.js read them there
    from macros.render_steps import render_checklist
    from macros.render_zelfscan import render_zelfscan

    scripts = {p.name: p.read_text(encoding="utf-8") for p in SCRIPTS.glob("*.js")}
    assert storage_keys_in(scripts) == []
    handvat = next(h for h in content.handvatten.values() if any(s.kind == "steps" for s in h.steps))
    checklist = render_checklist(handvat.id, handvat.steps, content)
    assert f'data-opslag="{sitemap.TICK_KEY}"' in checklist and f'data-opslag-waarde="{sitemap.TICKED}"' in checklist
    assert f'data-opslag-oud="{sitemap.OLD_TICKS_KEY}{handvat.id}"' in checklist
    phase = content.phases[0]
    scan = render_zelfscan(phase, content, "0.1")
    assert f'data-opslag="{sitemap.ANSWER_KEY}"' in scan
    assert f'data-opslag-vorige="{sitemap.answers_before_key(phase.id)}"' in scan
    # a script that writes a key itself is caught
    assert storage_keys_in({"x.js": f'var PREFIX = "{sitemap.TICK_KEY}";'}) == [f"x.js: {sitemap.TICK_KEY}"]
