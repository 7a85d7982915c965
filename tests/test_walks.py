"""The editors' walks: what REDACTIE.md tells an editor to do, done on a copy of the project,
must give a site that builds strictly, keeps the link contract, is faithful to its sources, and
passes the code tests unchanged (DESIGN.md; issue 19: "a release, a new step, a new course and a
new source document done as REDACTIE.md says pass ./dev test without a test edit").

One copy of the repository (minus .venv, site, node_modules) and its source documents, in a
temporary folder, on which an editor makes the next version the way the guide says (tests/editor.py):
a new step, a new recommendation, a new course, a new source document, then the release that
names them. That copy is then checked once:
- the model loads;
- `./dev links` (a strict build by `python -m exports build`, then `python -m tools.links write`);
- `python -m tools.links check` on that build, and every address of it in links.txt;
- the fidelity checks (tests/fidelity.py) for every source document on that build;
- the copy's own code tests (the ones that need no build) pass as they stand.
Each walk is a test of its own that asserts what that walk made (its page, its addresses, the
counts in prose); the work is done once (`walk`), in a process of its own at the lowest CPU
priority beside the other tests (conftest.in_background_call), and read by the fixture `walked`.

Why one copy and not five (issue 19, point 5: the walks cost five builds and five runs of the
code tests): the guide's walks are meant to be combined (a version holds several changes), and
each test below still checks its own walk's result on the built site. What is given up is
isolation: a walk that breaks the build fails all five tests, with the builder's message naming
the file and field (ContentError), which names the walk too. The walks touch different files, in
an order that keeps each walk's choice as it was alone (the step goes to the last plain
recommendation before the new recommendation is added; the release comes last and names the
others, except the new step, which the guide does not ask to name).

They build, so they carry the marker `walk` (`./dev test -m "not walk"` skips them).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

import editor
from conftest import ROOT, in_background_call, page_text
from fidelity import invented, on_the_site

pytestmark = pytest.mark.walk

# The code tests that need no build: they read counts, versions and ids from the content.
CODE_TESTS = (
    "tests/test_model.py", "tests/test_model_trainingen.py", "tests/test_sitemap.py",
    "tests/test_schemas.py", "tests/test_citations.py", "tests/test_render.py",
)


def checked(project) -> list[str]:
    """Run every check of a changed copy; returns what is wrong. `./dev links` is part of the walk
    (the guide says to run it), so the build it makes is the one checked. The code tests need no
    build and read nothing it writes (site/, links.txt): they run in their own process while the
    copy builds."""
    content = editor.load(project)  # ContentError: the message names file and field
    tests = editor.start(project, "pytest", "-q", "-x", "-p", "no:cacheprovider", *CODE_TESTS)
    problems = []
    try:
        result = editor.publish_links(project)
        if result.returncode != 0:
            return [result.stdout[-2000:] + result.stderr[-3000:]]
        site = project / "site"
        checked_links = editor.run(project, "tools.links", "check", "site")
        if checked_links.returncode != 0:
            problems.append(checked_links.stdout[-3000:] + checked_links.stderr[-3000:])
        from tools.links import collect

        if unpublished := sorted(set(collect(site)) - contract(project)):
            problems.append(f"not in links.txt (./dev links): {unpublished[:10]}")
        sources = editor.sources_of(project)
        for doc in content.documents.values():
            share = on_the_site(site, sources, doc)
            if share["share"] < 0.99:
                problems.append(f"{doc.id}: missing sentences:\n" + "\n".join(share["missing"]))
            if made_up := invented(project / "data", sources, content, doc):
                problems.append(f"{doc.id}: not in the source: {made_up}")
    finally:
        output, _ = tests.communicate()
    if tests.returncode != 0:
        problems.append(output[-4000:])
    return problems


def contract(project) -> set[str]:
    return set(editor.read(project / "links.txt").splitlines())


def page_of(project, docs_page: str) -> str:
    """A built page's HTML by its docs path: "vredestijd/v2.md" -> site/vredestijd/v2/index.html."""
    folder = docs_page.removesuffix(".md").removesuffix("index")
    return editor.read(project / "site" / folder / "index.html")


# --- the walks, as the editor does them --------------------------------------------------------

STEP_TEXT = (
    "Bespreek na elke periode met verhoogde spanning in het netwerk welke online afspraken "
    "goed werkten en leg vast wat beter kan ([[Literatuurreview H1]])."
)


def add_a_step(project):
    """"Een stap toevoegen": a `- text:` at the bottom of `steps:`. Returns (recommendation, step id)."""
    handvat = editor.last_plain_recommendation(project)
    (text,) = editor.transcribed(project, editor.load(project).cycle_document, STEP_TEXT)
    return handvat, editor.add_step(project, handvat.id, text)


def add_a_recommendation(project) -> str:
    """"Een handvat toevoegen": the phase's last file copied to the next id and filled in, its
    page, its nav line. Returns its id."""
    content = editor.load(project)
    steps = editor.transcribed(
        project, content.cycle_document,
        "Wijs per netwerkpartner een vast aanspreekpunt aan voor online signalen ([[Literatuurreview H1]]).",
        "Spreek af hoe het aanspreekpunt bereikbaar is buiten kantoortijden.",
    )
    title, question = editor.transcribed(
        project, content.cycle_document,
        "Zorg voor vaste aanspreekpunten voor online signalen bij alle netwerkpartners.",
        "Hoe organiseer je die aanspreekpunten?",
    )
    return editor.add_recommendation(project, title, "Vaste aanspreekpunten", question, steps)


COURSE_SOURCE = """\
Veilig online werken voor jongerenwerkers

Een tweedaagse training over online contact met jongeren rond spanningen en geweld.

Duur: 2 dagen

Voor wie

De training is bedoeld voor jongerenwerkers die online contact houden met jongeren.

Onderwerpen
- het herkennen van online signalen van dreigend geweld
- afspraken over online aanwezigheid in het team
- het gesprek met jongeren na een online incident

Resultaat
Na de training weet u hoe u online signalen bespreekt met uw netwerkpartners.
"""

COURSE = {
    "title": "Veilig online werken voor jongerenwerkers",
    "tagline": "Een tweedaagse training over online contact met jongeren rond spanningen en geweld.",
    "duration": "2 dagen",
    "days": 2,
    "audience": {"intro": ["De training is bedoeld voor jongerenwerkers die online contact houden met jongeren."]},
    "results": ["Na de training weet u hoe u online signalen bespreekt met uw netwerkpartners."],
    "topics": [
        "het herkennen van online signalen van dreigend geweld",
        "afspraken over online aanwezigheid in het team",
        "het gesprek met jongeren na een online incident",
    ],
    "details": [{"field": "duration"}],
}


COURSE_ID = "veilig-online-werken"


def add_a_course(project) -> None:
    """"Een cursus toevoegen": the document's text and entry, the course's data file, its page,
    its nav line."""
    entry = {
        "title": COURSE["title"], "kind": "cursusbeschrijving", "maker": None, "published_in": None, "date": None,
        "part": "Het hele document.", "file": "veilig-online-werken.txt",
        "section": f"trainingen/cursussen/{COURSE_ID}.md",
    }
    editor.add_course(project, COURSE_ID, COURSE_SOURCE, COURSE, entry, tags=["Jongerenwerk"])


GUIDE_SOURCE = """\
Handreiking Online signalen bespreken in het sociaal domein

Deze handreiking helpt teams in het sociaal domein om online signalen van spanningen samen te bespreken.
Het bespreken van signalen vraagt om vaste momenten en duidelijke afspraken.

Vragen voor het teamoverleg
- Welke online signalen zagen we de afgelopen week?
- Wie in het netwerk moet van deze signalen weten?
"""

GUIDE_ENTRY = {
    "id": "online-signalen",
    "title": "Handreiking Online signalen bespreken in het sociaal domein",
    "kind": "handreiking", "maker": None, "published_in": None, "date": None,
    "part": "Het hele document.", "file": "handreiking-online-signalen.txt",
    "section": "trainingen/online-signalen.md",
}

GUIDE_PAGE = """\
---
tags:
  - Sociaal domein
---

# Handreiking Online signalen bespreken in het sociaal domein

{{ gewijzigd() }}

Deze handreiking helpt teams in het sociaal domein om online signalen van spanningen samen te
bespreken. Het bespreken van signalen vraagt om vaste momenten en duidelijke afspraken.

## Vragen voor het teamoverleg

{{ checklist("OS-T") }}

{{ bronvermelding("online-signalen") }}
"""


def add_guide(project) -> None:
    """"Een brondocument toevoegen", for a guide: the text, the entry, its checklist file (a copy
    of a guide's file, filled in), its page ending with the credit, its nav line."""
    editor.add_source_document(project, GUIDE_ENTRY, GUIDE_SOURCE)
    folder = project / "data/trainingen"
    model_file = next(p for p in sorted(folder.glob("*.yml")) if "publieksagressie" not in p.name)
    target = folder / f"{GUIDE_ENTRY['id']}.yml"
    shutil.copy(model_file, target)
    questions = ["Welke online signalen zagen we de afgelopen week?", "Wie in het netwerk moet van deze signalen weten?"]
    editor.edit_data(target, lambda d: d.update(checklists=[
        {"id": "OS-T", "title": "Vragen voor het teamoverleg", "kind": "points", "steps": [{"text": q} for q in questions]}
    ]))
    editor.write(project / "docs" / GUIDE_ENTRY["section"], GUIDE_PAGE)
    previous = [d for d in editor.load(project).documents.values() if d.kind == "handreiking"][-2]
    editor.nav_insert_after(project, previous.section, f"- {GUIDE_ENTRY['section']}")


@in_background_call("walked")
def walk(folder: Path) -> dict:
    """The walks of the next version on a copy of the project in `folder`, then `checked`: what
    the tests below need to find each walk's result. It runs in a process of its own, at the
    lowest priority beside the other tests (conftest.in_background_call)."""
    project = editor.copy_project(folder)
    before = editor.load(project)
    handvat, step_id = add_a_step(project)
    new_id = add_a_recommendation(project)
    add_a_course(project)
    add_guide(project)
    # "Een nieuwe versie": extra.versie raised, an entry on top of the changelog naming the changes
    released_step = next(iter(before.handvatten.values())).steps[-1]
    version = editor.release(
        project, f"Stap {released_step.id} verduidelijkt, handvat {new_id}, een cursus en een handreiking toegevoegd.",
        [f"Een noot bij stap {released_step.id}.", f"Het handvat {new_id}.", "De cursus Veilig online werken.",
         "De handreiking Online signalen."],
        [released_step.id, "woordenlijst.md", new_id, COURSE_ID, GUIDE_ENTRY["section"]],
    )
    return {
        "project": str(project), "step_handvat": handvat.id, "step_id": step_id, "new_id": new_id,
        "version": version, "released_step": released_step.id, "problems": checked(project),
    }


@pytest.fixture(scope="module")
def walked(background_started):
    """The copy after the walks (`walk`), built by `./dev links` and checked."""
    _, done = background_started.result("walked")
    assert not done["problems"], "\n".join(done["problems"])
    project = Path(done["project"])
    before = editor.load(ROOT)  # the copy before the walks
    return SimpleNamespace(
        project=project, before=before, content=editor.load(project), contract=contract(project),
        version=done["version"], released_step=before.step(done["released_step"]),
        step_handvat=before.handvat(done["step_handvat"]), step_id=done["step_id"], new_id=done["new_id"],
    )


# --- each walk's result -----------------------------------------------------------------------


def test_a_release(walked):
    """"Een nieuwe versie": extra.versie raised, an entry on top of the changelog, ./dev links."""
    content, version = walked.content, walked.version
    assert content.changelog[0].version == version != walked.before.changelog[0].version
    assert f"/wijzigingen/#versie-{version.replace('.', '-')}" in walked.contract
    handvat = content.handvat(walked.released_step.id.split(".")[0])
    text = page_text(page_of(walked.project, handvat.page))
    assert f"Gewijzigd in versie {version}" in text and f"(versie {version})" in text


def test_a_new_step(walked):
    """"Een stap toevoegen": a `- text:` at the bottom of `steps:`, then ./dev links."""
    handvat, step = walked.step_handvat, walked.content.step(walked.step_id)
    assert step.number == len(handvat.steps) + 1
    assert f"/{handvat.page.removesuffix('.md')}/#{step.anchor}" in walked.contract
    assert f"/r/{step.anchor}/" in walked.contract
    html = page_of(walked.project, handvat.page)
    assert f'id="{step.anchor}"' in html and "welke online afspraken goed werkten" in page_text(html)


def test_a_new_recommendation(walked):
    """"Een handvat toevoegen": the phase's last file copied to the next id and filled in, its
    page, its nav line, ./dev links, and the version that names it."""
    content, new_id = walked.content, walked.new_id
    handvat = content.handvat(new_id)
    assert [s.id for s in handvat.steps] == [f"{new_id}.1", f"{new_id}.2"]
    assert f"/{handvat.page.removesuffix('.md')}/" in walked.contract and f"/r/{new_id.lower()}-2/" in walked.contract
    text = page_text(page_of(walked.project, handvat.page))
    assert "vast aanspreekpunt aan voor online signalen" in text and f"Gewijzigd in versie {walked.version}" in text
    # every count of recommendations in prose follows
    assert len(content.handvatten) == len(walked.before.handvatten) + 1
    assert f"de {len(content.handvatten)} handvatten" in page_text(page_of(walked.project, "index.md"))


def test_a_new_course(walked):
    """"Een cursus toevoegen": the document's text and entry, the course's data file, its page,
    its nav line, the version, ./dev links."""
    content = walked.content
    assert len(content.trainingen.courses) == len(walked.before.trainingen.courses) + 1
    assert f"/trainingen/cursussen/{COURSE_ID}/" in walked.contract
    overview = page_text(page_of(walked.project, "trainingen/index.md"))
    assert COURSE["title"] in overview  # the comparison table holds it
    from macros.render_aantallen import number

    assert f"De {number(len(content.trainingen.courses))} cursusbeschrijvingen" in overview
    assert f"uit {number(len(content.documents))} documenten" in page_text(page_of(walked.project, "bronnen.md"))


def test_a_new_source_document(walked, tmp_path):
    """"Een brondocument toevoegen": a new document (beside the course's) is covered by every
    check without a test edit, the counts in prose follow, and a sentence made up in its data is
    caught."""
    project, content = walked.project, walked.content
    doc = content.document(GUIDE_ENTRY["id"])
    assert set(content.documents) == set(walked.before.documents) | {COURSE_ID, doc.id}
    assert "/trainingen/online-signalen/" in walked.contract and f"/bronnen/#bron-{doc.id}" in walked.contract
    from macros.render_aantallen import number

    assert f"uit {number(len(content.documents))} documenten" in page_text(page_of(project, "bronnen.md"))
    handreikingen = sum(d.kind == "handreiking" for d in content.documents.values())
    assert f"bevat {number(handreikingen)} handreikingen" in page_text(page_of(project, "trainingen/index.md"))

    # the fidelity checks see the new document (on copies of data/ and the sources, which the
    # other tests read as walked): a sentence invented in its data is named ...
    data, sources = tmp_path / "data", tmp_path / "bronnen"
    shutil.copytree(project / "data", data)
    shutil.copytree(editor.sources_of(project), sources)
    made_up = "Bel bij twijfel altijd eerst de wijkagent."
    editor.edit_data(data / "trainingen" / f"{doc.id}.yml", lambda d: d["checklists"][0]["steps"].append({"text": made_up}))
    assert invented(data, sources, content, doc) == [
        f"data/trainingen/{doc.id}.yml: checklists.0.steps.2.text: {made_up.lower()}"
    ]
    # ... and a sentence of its source that no page shows is missing
    editor.write(sources / doc.file, editor.read(sources / doc.file) + "\nDeze zin staat alleen in de bron en niet op de site.\n")
    assert on_the_site(project / "site", sources, doc)["missing"] == ["Deze zin staat alleen in de bron en niet op de site."]
