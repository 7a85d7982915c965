"""Search as readers use it (issue 11): the query sets against the served site's index and the
offline copy's, highlighting that never breaks markup, step ids, and the editors' search words as
validated data.

The whole query sets run through Material's own search worker in node over the built index
(tests/search_worker.js: the site's worker bundle, lunr.stemmer.support and lunr.nl with its
appendix, as the browser loads them). A sample of each set, and every query a test below asserts
on, is typed in Chromium on the served site and in the offline copy from disk, and must come back
exactly as the worker in node ranks it: the first three results with their sections. That keeps
the browser path covered and the node harness honest. One query of every kind is typed letter by
letter (BY_LETTER); the rest of the sample is filled in and ended with one key, which gives
Material the same query (tests/zoeken.py, type_query).
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from conftest import CHROMIUM, OFFLINE_CHROMIUM, ROOT
from kennisbank import sitemap
from zoeken import QUERY_SETS, load_cases, misses_of, open_search, page_of, top_locations, type_expecting, worker_results

# share of queries with their page among the first three: issue 11's sets, and issue 21's two
# written in professionals' own words before the search words of data/zoekwoorden/ existed (the
# "apart" set kept aside until every change was made, then run once: 27/30; methode 74/79 and
# apart 28/30 after the third pass of the search words, notes/zoeken.md)
GOALS = {
    "search_queries.yml": 0.95, "search_queries_rollen.yml": 0.95,
    "search_queries_methode.yml": 0.90, "search_queries_apart.yml": 0.85,
    # issue 21's fifth set, from the sources only by a writer who never saw the search (65/68 before
    # the third pass, 67/68 after), and its kept-aside part (run once at the end: 19/20)
    "search_queries_vijf.yml": 0.95, "search_queries_vijf_apart.yml": 0.90,
}

# Typed in the browser: a few of each set, one of every kind (plain, several words, typo,
# compound, inflection, hyphen, step id) ...
SAMPLE = {
    "search_queries.yml": ["Snapchat", "DPIA", "drillraps", "misinformatie ontkrachten", "bokshouding", "de-escalatie"],
    "search_queries_rollen.yml": [
        "proportioneel geweld", "stageplek regelen", "influensers", "v2.4", "burgemeester bedreigd", "e learning",
    ],
    "search_queries_methode.yml": [
        "niet optreden bij oproep tot vechten", "stadswachttraining straatcultuur", "oproep op insta: morgen knokken bij school",
        "jongeren re-integreren na crisis", "wat kost de cursus voor burgemeesters", "v2-4",
    ],
    "search_queries_apart.yml": [
        "reel met wapens van rivaliserende groep", "kleine overtredingen niet harder bestraffen", "bestuurderstraining",
        "geruchten over politieoptreden gaan rond", "met hoeveel mensen is de training burgemeesters", "c4 stap 2",
    ],
    "search_queries_vijf.yml": ["vechtoproep op snap gezien wat nu"],
    "search_queries_vijf_apart.yml": ["collega laat zich uitdagen door jongere"],
}
# ... and the queries the tests below assert on.
ASSERTED = ["C5.2", "c5-2", "c5.2", "voet tussen de deur", "de", "burn-out", "spanningscontrole", "niets", "hoe burn-out"]
# Typed letter by letter, a key per letter as a reader types: a query of the sample for each kind.
# Every prefix is then searched too, and the test proves that the answer to the whole query is the
# one drawn. The other queries of the sample and ASSERTED are filled in and ended with one key
# (zoeken.fill_query): Material reads the box only on keyup and searches its whole value, so they
# reach the same search with one answer instead of one per letter, and are compared with node
# just the same.
BY_LETTER = {
    "plain": "Snapchat",
    "several words": "burgemeester bedreigd",
    "typo": "influensers",
    "compound": "bestuurderstraining",
    "inflection": "burgemeester bedreigd",
    "hyphen": "de-escalatie",
    "step id": "v2.4",
}


def broken_highlight(html: str) -> bool:
    """A <mark inside another tag, or markup broken so that "<" or ">" shows as text (text keeps
    them escaped: the search index holds "&gt;")."""
    return bool(re.search(r"<[^<>]*<mark", html)) or any(c in re.sub(r"<[^>]*>", "", html) for c in "<>")


def all_queries() -> list[str]:
    queries = [case["query"] for name in QUERY_SETS for case in load_cases(name)]
    return list(dict.fromkeys(queries + ASSERTED))


@pytest.fixture(scope="module")
def worker(site, offline_copy, content) -> dict[str, dict[str, list[dict]]]:
    """Every query's results from the search worker in node, over the served site's index and
    over the offline copy's (search_index.js, addresses ending in .html); on the served site also
    the titles of the Nu handelen cards (one run of the worker per index, the two side by side)."""
    from concurrent.futures import ThreadPoolExecutor

    cards = [card.title for card in content.now_cards.values()]
    with ThreadPoolExecutor(max_workers=2) as pool:
        served = pool.submit(worker_results, site, list(dict.fromkeys(all_queries() + cards)))
        offline = pool.submit(worker_results, offline_copy, all_queries())
        return {"served": served.result(), "offline": offline.result()}


def check_query_sets(seen: dict[str, list[dict]]) -> list[str]:
    problems = []
    for name in QUERY_SETS:
        cases = load_cases(name)
        misses = misses_of(cases, seen)
        share = 1 - len(misses) / len(cases)
        print(f"\n{name}: {share:.0%} of {len(cases)} in the first three; misses: {misses}")
        if share < GOALS[name]:
            problems.append(f"{name}: {share:.0%} < {GOALS[name]:.0%}:\n  " + "\n  ".join(misses))
        # every query's words occur on the site (or among the editors' search words): none may
        # come back empty
        problems += [f"{name}: no results for {c['query']!r}" for c in cases if not seen[c["query"]]]
        for case in cases:
            for result in seen[case["query"]]:
                if broken_highlight(result["html"]):
                    problems.append(f"{name}: broken highlighting for {case['query']!r}: {result['html'][:300]}")
    return problems


@pytest.mark.parametrize("where", ["served", "offline"])
def test_query_sets_find_their_pages(worker, where):
    problems = check_query_sets(worker[where])
    assert not problems, "\n".join(problems)


def check_typed_sample(page, start_url: str, worker_seen: dict[str, list[dict]]) -> list[str]:
    """Type the sample in the browser; every query must rank as the worker in node ranks it (whether
    a query finds its page is the query sets' share, above: one query's place may change when the
    editors add words, and must not fail a test on its own)."""
    problems = []
    open_search(page, start_url)
    for query in dict.fromkeys([q for name in QUERY_SETS for q in SAMPLE.get(name, [])] + ASSERTED):
        typed = type_expecting(page, query, worker_seen[query], by_letter=query in BY_LETTER.values())
        if top_locations(typed) != top_locations(worker_seen[query]):
            problems.append(f"{query!r}: typed {top_locations(typed)}, node {top_locations(worker_seen[query])}")
        problems += [f"{query!r}: broken highlighting: {r['html'][:300]}" for r in typed if broken_highlight(r["html"])]
    return problems


@pytest.fixture(scope="module")
def typed_samples(browser, served_site, offline_copy, worker) -> dict[str, list[str]]:
    """The sample typed on the served site and, at the same time, in the offline copy from disk:
    typing waits on the page most of the time. The offline copy is typed in a thread with a
    Playwright and a network-less Chromium of its own (Playwright's objects belong to the thread
    that made them)."""
    from concurrent.futures import ThreadPoolExecutor

    from playwright.sync_api import sync_playwright

    def offline() -> list[str]:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=OFFLINE_CHROMIUM)
            try:
                return check_typed_sample(chromium.new_page(), (offline_copy / "index.html").as_uri(), worker["offline"])
            finally:
                chromium.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        offline_problems = pool.submit(offline)
        context = browser.new_context(locale="nl-NL")
        try:
            served = check_typed_sample(context.new_page(), f"{served_site}/", worker["served"])
        finally:
            context.close()
        return {"served": served, "offline": offline_problems.result()}


def test_the_sample_typed_on_the_served_site_ranks_as_in_node(typed_samples):
    assert not typed_samples["served"], "\n".join(typed_samples["served"])


def test_the_sample_typed_in_the_offline_copy_from_disk_ranks_as_in_node(typed_samples):
    assert not typed_samples["offline"], "\n".join(typed_samples["offline"])


def test_the_sample_holds_every_set_and_its_queries_exist():
    assert set(GOALS) == set(QUERY_SETS)
    for name in QUERY_SETS:
        queries = {c["query"] for c in load_cases(name)}
        assert SAMPLE[name] and set(SAMPLE[name]) <= queries, name
    # the queries typed letter by letter are queries of the sample
    assert set(BY_LETTER.values()) <= {q for name in QUERY_SETS for q in SAMPLE[name]}


def test_the_highlight_check_catches_a_mark_inside_a_tag():
    # what the site showed before: "V5 k>Deel relevante signalen"
    assert broken_highlight("<h1>V5 <mark><mar</mark>k>Deel</mark> relevante</h1>")
    assert broken_highlight('<a href="x<mark>y</mark>">V5</a>')
    assert not broken_highlight("<h1>V5 <mark>Deel</mark> relevante &gt; <mark>signalen</mark></h1>")


@pytest.mark.parametrize("query", ["C5.2", "c5-2", "c5.2"])
def test_a_step_id_opens_that_step_first(worker, query):
    for where, page in (("served", "crisis/c5/"), ("offline", "crisis/c5/")):
        results = worker[where][query]
        assert results, query
        assert page_of(results[0]["href"]) == page and results[0]["href"].endswith("#c5-2"), results[0]["href"]


def test_stop_words_stay_stop_words_in_queries(worker):
    results = worker["served"]["voet tussen de deur"]
    assert page_of(results[0]["href"]) == "vredestijd/v7/", [r["href"] for r in results[:3]]
    marked = [m.lower() for r in results for m in re.findall(r"<mark>(.*?)</mark>", r["html"])]
    assert marked and "de" not in marked and "tussen" in marked, marked
    # a query of stop words alone finds nothing rather than every word beginning with "de"
    assert worker["served"]["de"] == []


def test_negations_are_searched_and_question_words_dropped(worker):
    """Issue 21: lunr-languages' Dutch stop words hold "niet" and "niets", often the point of a
    step; a reader's question words ("hoe", "wat") say how he asks, not what about."""
    assert worker["served"]["niets"], "a negation is a word of the index"
    assert top_locations(worker["served"]["hoe burn-out"]) == top_locations(worker["served"]["burn-out"])


def test_the_editors_search_words_find_the_page_but_stay_out_of_the_preview(worker):
    results = worker["served"]["burn-out"]
    assert page_of(results[0]["href"]) == "nazorg/n2/"
    assert not any("Zoekwoorden" in r["html"] for r in results)


def test_a_long_preview_starts_near_its_first_match(worker):
    """The glossary is one long entry; its preview used to begin at its first term whatever matched."""
    glossary = [r for r in worker["served"]["spanningscontrole"] if page_of(r["href"]) == "woordenlijst/"]
    assert glossary, "the glossary defines spanningscontrole"
    # the term is an entry of its own (exports/searchindex.py): its link and its own text
    assert any(h.endswith("#spanningscontrole") for h in [glossary[0]["href"], *glossary[0]["sections"]]), glossary[0]
    assert "<mark>" in glossary[0]["html"] and "7-stappenmodel" not in glossary[0]["html"], glossary[0]["html"][:500]


def test_table_cells_do_not_run_together_in_the_index(site):
    import json

    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(d["text"] for d in docs if d["location"].startswith("crisis/c4/"))
    assert re.search(r"\bijsberen\b", text) and "bruikbaar10" not in text


# --- the editors' search words as data --------------------------------------------------------


def test_search_words_sit_hidden_on_their_page_with_the_step_ids(site):
    html = (site / "nazorg/n2/index.html").read_text(encoding="utf-8")
    hidden = re.search(rf'<p class="zoekwoorden" hidden[^>]*>{re.escape(sitemap.SEARCH_WORDS_LABEL)} (.*?)</p>', html)
    assert hidden and "burn-out" in hidden.group(1) and "n2.3" in hidden.group(1)
    functiegroepen = (site / "trainingen/publieksagressie/functiegroepen/index.html").read_text(encoding="utf-8")
    assert "baliemedewerker" in functiegroepen


def test_every_search_word_target_is_a_page_that_carries_its_words(site, content):
    from kennisbank import model_synoniemen

    words_by_place, problems = model_synoniemen.load(ROOT / "data", ROOT / "docs", content)
    assert not problems and words_by_place.pages
    for page, words in words_by_place.pages.items():
        built = site / (page[: -len("index.md")] if page.endswith("index.md") else page[: -len(".md")] + "/") / "index.html"
        hidden = re.search(r'<p class="zoekwoorden" hidden[^>]*>(.*?)</p>', built.read_text(encoding="utf-8"))
        assert hidden and all(w in unescape(hidden.group(1)) for w in words), page


def write_words(data: Path, entries) -> None:
    (data / "synoniemen.yml").write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    "entries, message",
    [
        ([{"naar": "V13", "woorden": ["iets"]}], "0.naar: unknown target 'V13'"),
        ([{"naar": "C5.9", "woorden": ["iets"]}], "0.naar: unknown target 'C5.9'"),
        ([{"naar": "trainingen/bestaat-niet.md", "woorden": ["iets"]}], "unknown target 'trainingen/bestaat-niet.md'"),
        ([{"naar": "N2", "woorden": ["stress"]}, {"naar": "N3", "woorden": ["stress"]}], "1.woorden: 'stress' also leads to N2"),
        ([{"naar": "N2", "woorden": ["Burn-out"]}], "0.woorden.0"),
        ([{"naar": "N2", "woorden": []}], "0.woorden"),
        ([{"naar": "N2", "woorden": ["x"], "extra": 1}], "0.extra"),
    ],
)
def test_a_bad_search_word_entry_is_named(data, content, entries, message):
    from kennisbank import model_synoniemen

    write_words(data, entries)
    _, problems = model_synoniemen.load(data, ROOT / "docs", content)
    assert any(message in p for p in problems), problems


def test_a_search_word_pointing_nowhere_stops_the_build(project_copy, tmp_path):
    from conftest import mkdocs_build

    write_words(project_copy / "data", [{"naar": "V99", "woorden": ["iets"]}])
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0 and "synoniemen.yml: 0.naar: unknown target 'V99'" in result.stderr


# --- an entry per step and per glossary term (exports/searchindex.py) --------------------------


def test_every_step_and_term_is_its_own_search_entry(site, content):
    import json

    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    by_location = {d["location"]: d for d in docs}
    for handvat in content.handvatten.values():
        page = handvat.page.removesuffix(".md") + "/"
        for step in handvat.steps:
            entry = by_location.get(f"{page}#{step.anchor}")
            assert entry and entry["title"].startswith(f"{step.id} · {handvat.id} "), step.id
            # what the search worker knows the step by (it repeats neither the id nor the anchor rule)
            assert [entry.get(f) for f in sitemap.STEP_ENTRY_FIELDS] == [step.id, handvat.id], entry
        assert by_location[f"{page}#vraag"]["text"] == "", f"{handvat.id}: the steps' text stands twice"
    c52 = by_location["crisis/c5/#c5-2"]["text"]
    assert c52.startswith("<p>Probeer de situatie te de-escaleren") and "Stel je vriendelijk voor" in c52
    for term in content.glossary:
        assert any(d["location"].startswith("woordenlijst/#") and d["title"].startswith(term.term) for d in docs), term.term
    assert "7-stappenmodel" not in by_location["woordenlijst/"]["text"]  # the page keeps its introduction only
    # the editors' search words: in their page's own field, out of every preview
    assert "burn-out" in by_location["nazorg/n2/"][sitemap.SEARCH_WORDS_FIELD]
    assert not [d["location"] for d in docs if sitemap.SEARCH_WORDS_LABEL in d["text"]]


def test_the_offline_copy_has_the_same_entries(site):
    import json
    import zipfile

    with zipfile.ZipFile(site / "downloads/kennisbank-offline.zip") as archive:
        script = archive.read("kennisbank/search/search_index.js").decode("utf-8")
    docs = json.loads(script.removeprefix("var __index = "))["docs"]
    assert any(d["location"] == "crisis/c5.html#c5-2" and d.get("stap") == "C5.2" for d in docs)


# --- the Dutch pipeline on an index of our own (issue 21): behaviour, not today's content -----


def search_in(site: Path, tmp_path: Path, texts: dict[str, str], queries: list[str]) -> dict[str, list[str]]:
    """The site's own worker and Dutch pipeline over an index of the given pages ({location:
    text}); every query's result pages in order."""
    import json
    import shutil

    own = tmp_path / "eigen"
    shutil.copytree(site / "assets/javascripts", own / "assets/javascripts")
    config = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["config"]
    docs = [{"location": loc, "title": f"Pagina {n}", "text": f"<p>{text}</p>"} for n, (loc, text) in enumerate(texts.items())]
    (own / "search").mkdir()
    (own / "search/search_index.json").write_text(json.dumps({"config": config, "docs": docs}), encoding="utf-8")
    return {q: [r["href"] for r in found] for q, found in worker_results(own, queries).items()}


def test_compounds_are_found_by_their_parts_both_ways(site, tmp_path):
    texts = {
        "straat/": "Kennis over straatcultuur en een training in de buurt.",
        "cultuur/": "Een andere tekst over cultuur op straat, zonder meer.",
        "jongerenwerk/": "Het jongerenwerk bespreekt in het team wie online werkt.",
        "team/": "Een team van collega's, en nog een team.",
        "werk/": "Over jongerenwerk alleen.",
        "training/": "Een training voor iedereen.",
    }
    found = search_in(site, tmp_path, texts, ["cultuur", "jongerenwerkteam", "straatcultuurtraining"])
    # the index holds a compound under its parts where both are its words (straat, cultuur):
    # "cultuur" finds "straatcultuur", which no prefix does
    assert "straat/" in found["cultuur"]
    # a query compound the index lacks, by its parts: the entry with both first
    assert found["jongerenwerkteam"][0] == "jongerenwerk/", found["jongerenwerkteam"]
    assert found["straatcultuurtraining"][0] == "straat/", found["straatcultuurtraining"]


def test_a_negation_is_part_of_the_query_and_question_words_are_not(site, tmp_path):
    texts = {
        "niets/": "Niets doen is ook een optie bij een oproep.",
        "iets/": "Een oproep vraagt altijd om een actie en een plan van aanpak.",
    }
    found = search_in(site, tmp_path, texts, ["niets doen bij een oproep", "wanneer mag je welke oproep", "oproep"])
    assert found["niets doen bij een oproep"][0] == "niets/", found
    assert sorted(found["wanneer mag je welke oproep"]) == sorted(found["oproep"]) == ["iets/", "niets/"]


def test_verb_and_noun_of_one_root_find_each_other(site, tmp_path):
    texts = {"noun/": "Werk aan re-integratie in de maatschappij.", "verb/": "We escaleren niet.", "other/": "Iets anders."}
    found = search_in(site, tmp_path, texts, ["re-integreren", "escalatie"])
    assert found["re-integreren"][:1] == ["noun/"] and found["escalatie"][:1] == ["verb/"], found


def test_words_of_neighbouring_cells_stay_apart():
    from exports.searchindex import cells_apart, run_together

    article = (
        "<nav><li>Menu</li><li>Kop</li></nav><article><table><tr><th>Duur</th><td>3 dagen</td></tr><tr><th>Max deelnemers</th>"
        "<td>12</td></tr></table><dl><dt>Kosten</dt><dd>&euro; 75</dd></dl><p>Een zin <em>met</em> nadruk.</p></article>"
    )
    # what Material's index makes of it: the cells' text without their bounds
    material = "Duur3 dagenMax deelnemers12Kosten€ 75Een zin met nadruk."
    assert cells_apart(material, run_together(article)) == "Duur 3 dagen Max deelnemers 12 Kosten € 75 Een zin met nadruk."
    assert cells_apart("de a12Kostenb", run_together(article)) == "de a12Kostenb"  # inside another word: left alone


# --- Nu handelen cards and the search words per step ------------------------------------------


def test_a_card_is_found_for_its_situation_above_the_steps_it_shows(site, content, worker):
    """A card's title is its situation: the card comes first; its entry holds its own words, not
    the steps it shows again (those are found at home, once)."""
    import json

    titles = {card.title: sitemap.url_of(sitemap.now_page(card.id)) for card in content.now_cards.values()}
    found = worker["served"]
    for title, url in titles.items():
        assert found[title] and page_of(found[title][0]["href"]) == url, (title, top_locations(found[title]))
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    by_location = {d["location"]: d for d in docs}
    for card in content.now_cards.values():
        url = sitemap.url_of(sitemap.now_page(card.id))
        assert by_location[url][sitemap.SEARCH_WORDS_FIELD], card.id
        assert not [d["location"] for d in docs if d["location"].startswith(url + "#")], "a card's steps have no entries"
        for step_id in card.steps:
            step_text = " ".join(content.step(step_id).data.text.split())[:50]
            assert step_text not in unescape(by_location[url]["text"]), (card.id, step_id)


def test_a_steps_search_words_are_in_the_steps_own_entry(site, content):
    import json

    from kennisbank import model_synoniemen

    words, problems = model_synoniemen.load(ROOT / "data", ROOT / "docs", content)
    assert not problems and words.steps
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    step_entries = {d.get(sitemap.STEP_ENTRY_FIELDS[0]): d for d in docs if d.get(sitemap.STEP_ENTRY_FIELDS[0])}
    for step_id, step_words in words.steps.items():
        held = step_entries[step_id][sitemap.SEARCH_WORDS_FIELD]
        assert all(w in held for w in step_words), step_id
    for page, page_words in words.page_entries.items():
        entry = next(d for d in docs if d["location"] == sitemap.url_of(page))
        assert all(w in entry[sitemap.SEARCH_WORDS_FIELD] for w in page_words), page


def write_role(data: Path, role: dict) -> None:
    (data / "zoekwoorden").mkdir(exist_ok=True)
    (data / "zoekwoorden/test.yml").write_text(yaml.safe_dump(role, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    "role, message",
    [
        ({"rol": "Test", "woorden": [{"naar": "N2", "woorden": ["x"]}]}, "data/zoekwoorden/test.yml: wie: Field required"),
        ({"rol": "Test", "wie": "iemand", "woorden": [{"naar": "V99", "woorden": ["x"]}]}, "data/zoekwoorden/test.yml: woorden.0.naar: unknown target 'V99'"),
        ({"rol": "Test", "wie": "iemand", "woorden": [{"naar": "N2.1", "woorden": ["x"]}, {"naar": "N3", "woorden": ["x"]}]},
         "data/zoekwoorden/test.yml: woorden.1.woorden: 'x' also leads to N2.1"),
        ({"rol": "Test", "wie": "iemand", "woorden": []}, "data/zoekwoorden/test.yml: woorden: List should have at least 1 item"),
    ],
)
def test_a_bad_role_file_is_named(data, content, role, message):
    from kennisbank import model_synoniemen

    write_role(data, role)
    _, problems = model_synoniemen.load(data, ROOT / "docs", content)
    assert any(p.startswith(message) for p in problems), problems


def test_roles_may_lead_one_word_to_different_targets(data, content):
    """Each role writes its own words: a word one role uses for a step another may use for a card."""
    from kennisbank import model_synoniemen

    write_role(data, {"rol": "Test", "wie": "iemand", "woorden": [{"naar": "N3", "woorden": ["stress"]}]})
    write_words(data, [{"naar": "N2", "woorden": ["stress"]}])
    words, problems = model_synoniemen.load(data, ROOT / "docs", content)
    assert not problems and "stress" in words.page_entries["nazorg/n2.md"] and "stress" in words.page_entries["nazorg/n3.md"]
