"""Every sentence of each transcribed source is on the built site (DESIGN.md: Fidelity)."""

import re

import pytest

from conftest import SOURCES, page_text, site_pages
from fidelity import measure, sentences

# source file -> the folders of the built site that transcribe it
TRANSCRIBED = {
    "interventies-cyclus-online-aangejaagd-geweld.txt": ("cyclus/", "vredestijd/", "crisis/", "nazorg/"),
    "trainingen-publieksagressie.txt": ("trainingen/publieksagressie/",),
    "handreiking-trainingsaanbod-ondermijning.txt": ("trainingen/ondermijning/",),
    "masterclass-wraakbeteugeling.txt": ("trainingen/cursussen/masterclass-wraakbeteugeling/",),
    "training-intimidatie-bedreiging-bestuurders.txt": ("trainingen/cursussen/omgaan-met-intimidatie-en-bedreiging/",),
}


# Furniture dropped on purpose (DESIGN.md: web-page chrome is dropped; placeholders are shown as
# an editorial note, not as content). Exact lines or phrases of the source.
CHROME = {
    "interventies-cyclus-online-aangejaagd-geweld.txt": (
        # a footnote echo of the address that V2.6 cites in its text
        "https://hetccv.nl/app/uploads/2023/08/Interventiematrix-Jongeren_en_wapens.pdf",
    ),
    "masterclass-wraakbeteugeling.txt": (
        "Nu inschrijven", "Folder aanvragen", "Deel deze pagina:",
        # the placeholder table, named in an editorial note on the course page
        "Ochtend Middag", "Dag 1 Cell 1-1 Cell 1-2", "Dag 2 Cell 2-1 Cell 2-2", "Dag 3 Cell 3-1 Cell 3-2",
    ),
    "handreiking-trainingsaanbod-ondermijning.txt": ("Overslaan en naar de inhoud gaan",),
}


@pytest.mark.parametrize("source", sorted(TRANSCRIBED))
def test_source_sentences_are_on_the_site(site, source):
    assert (SOURCES / source).exists(), f"{SOURCES / source} is missing: shared/ must stand beside the checkout"
    raw = (SOURCES / source).read_text(encoding="utf-8")
    text = " ".join(
        page_text(html) for path, html in site_pages(site).items() if path.startswith(TRANSCRIBED[source])
    )
    result = measure(raw, text, CHROME.get(source, ()))
    print(
        f"\n{source}: {result['share']:.1%} of {result['total']} sentences "
        f"({len(result['found'])} verbatim, {len(result['restructured'])} as tables)"
    )
    assert result["share"] >= 0.99, "missing sentences:\n" + "\n".join(result["missing"])


def test_measure_detects_a_missing_sentence():
    raw = "Eerste zin staat hier wel.\nTweede zin ontbreekt op de site.\n"
    result = measure(raw, "Eerste zin staat hier wel.")
    assert result["missing"] == ["Tweede zin ontbreekt op de site."]
    assert result["share"] == 0.5


def test_measure_repairs_pdf_line_breaks_and_hyphenation():
    raw = "Een zin die over\nregels is gebroken met sociaal-\npsychische kenmerken.\n"
    assert sentences(raw) == ["Een zin die over regels is gebroken met sociaal- psychische kenmerken."]
    assert measure(raw, "een zin die over regels is gebroken met sociaal-psychische kenmerken.")["share"] == 1.0
    assert measure("Een maatschap-\npelijke zin van vier.\n", "Een maatschappelijke zin van vier.")["share"] == 1.0


def test_chrome_lines_are_not_measured():
    raw = "Deel deze pagina:\nDe eigenlijke zin staat er.\n"
    assert measure(raw, "De eigenlijke zin staat er.", ("Deel deze pagina:",))["total"] == 1


def test_measure_counts_a_sentence_turned_into_a_table_only_if_every_item_is_there():
    raw = "Sterke indicatoren zijn: 1. een bokshouding en 2. persoonlijke ruimte binnendringen.\n"
    table = "Sterke indicatoren zijn: | 1 | een bokshouding | 2 | persoonlijke ruimte binnendringen"
    assert len(measure(raw, table)["restructured"]) == 1
    assert measure(raw, "Sterke indicatoren zijn: | 1 | een bokshouding")["missing"]


def _data_of(source: str):
    from conftest import ROOT
    from kennisbank.model import load

    content = load(ROOT / "data")
    trainingen = content.trainingen
    return {
        "interventies-cyclus-online-aangejaagd-geweld.txt": [h.data for h in content.handvatten.values()],
        "trainingen-publieksagressie.txt": [trainingen.publieksagressie],
        "masterclass-wraakbeteugeling.txt": [trainingen.courses["masterclass-wraakbeteugeling"]],
        "training-intimidatie-bedreiging-bestuurders.txt": [trainingen.courses["omgaan-met-intimidatie-en-bedreiging"]],
        "handreiking-trainingsaanbod-ondermijning.txt": [c for k, c in trainingen.checklists.items() if k.startswith("OM-")],
    }[source]


# Fields the editors write (and the site labels as theirs): ids, notes, captions, column names,
# checklist titles, audience keys, group references, our own headings for a course's fields.
EDITORIAL_FIELDS = re.compile(
    r"(^|\.)(id|notes|caption|columns|audience|groups|label|field|headings|audience_label|kind|short_title|see)(\.|$)|^title$|^checklists\.\d+\.title$"
)


@pytest.mark.parametrize("source", sorted(TRANSCRIBED))
def test_nothing_in_the_data_is_invented(source):
    """The reverse check: every sentence of every text field in the data is the source's."""
    from fidelity import normalise, readings, source_text
    from kennisbank.citations import plain
    from kennisbank.model import text_fields as _texts

    raw = (SOURCES / source).read_text(encoding="utf-8")
    joined = normalise(source_text(raw).replace("\n", " "))
    # a PDF break after a hyphen, read both ways: "sociaal- psychische", "maatschap- pelijke"
    forms = (joined, re.sub(r"([\w)])- (\w)", r"\1-\2", joined), re.sub(r"([\w)])- (\w)", r"\1\2", joined))
    invented = []
    for data in _data_of(source):
        for path, text in _texts(data):
            # short table cells are labels ("enigszins bruikbaar" for "Enigszins bruikbare ...")
            if EDITORIAL_FIELDS.search(path) or (".rows." in path and len(text.split()) <= 3):
                continue
            for piece in re.split(r"(?<=[.?!:;])\s+", normalise(plain(text))):
                if re.search(r"[a-z]", piece) and not any(r in form for form in forms for r in readings(piece)):
                    invented.append(f"{path}: {piece}")  # (a piece without letters is a list number)
    assert not invented, "\n".join(invented)
