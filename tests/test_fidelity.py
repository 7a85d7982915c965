"""Every sentence of each transcribed source is on the built site, and nothing in the data is
invented (DESIGN.md: Fidelity). The documents are those of data/brondocumenten.yml: a new one is
covered without a change here. Its pages are those whose credit names it; its data files are
where kennisbank.sitemap.document_files says; what the site drops on purpose (web-page chrome) is
the document's `dropped:` list."""

import pytest

from conftest import ROOT, SOURCES
from fidelity import credited_text, document_ids, invented, measure, on_the_site, sentences

DOCUMENTS = document_ids(ROOT / "data")


@pytest.mark.parametrize("document_id", DOCUMENTS)
def test_source_sentences_are_on_the_site(site, content, document_id):
    doc = content.document(document_id)
    assert (SOURCES / doc.file).exists(), f"{SOURCES / doc.file} is missing: shared/ must stand beside the checkout"
    pages, _ = credited_text(site, doc.id)
    assert pages, f"no built page credits {doc.id!r}: end its pages with {{{{ bronvermelding({doc.id!r}) }}}}"
    result = on_the_site(site, SOURCES, doc)
    print(
        f"\n{doc.file}: {result['share']:.1%} of {result['total']} sentences "
        f"({len(result['found'])} verbatim, {len(result['restructured'])} as tables) on {len(pages)} pages"
    )
    assert result["total"] > 0, f"{doc.file} holds no sentences"
    assert result["share"] >= 0.99, "missing sentences:\n" + "\n".join(result["missing"])


@pytest.mark.parametrize("document_id", DOCUMENTS)
def test_nothing_in_the_data_is_invented(content, document_id):
    """The reverse check: every sentence of every text field in the document's data is the source's."""
    problems = invented(ROOT / "data", SOURCES, content, content.document(document_id))
    assert not problems, "\n".join(problems)


def test_every_document_is_checked_and_every_source_file_is_a_document(content):
    """The parametrized list is the data's, and a source file no document names is a forgotten entry."""
    assert DOCUMENTS == list(content.documents)
    files = {doc.file for doc in content.documents.values()}
    assert {p.name for p in SOURCES.glob("*.txt")} <= files, "a source file without an entry in data/brondocumenten.yml"


# --- the measure itself, on made-up text ---------------------------------------------------------


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


def test_an_invented_sentence_in_a_documents_data_is_caught(data, tmp_path):
    """Made-up text in any document's data file is named, with file and field."""
    import shutil

    from conftest import edit_yaml
    from kennisbank.model import load
    from kennisbank.sitemap import document_files

    sources = tmp_path / "bronnen"
    shutil.copytree(SOURCES, sources)
    content = load(data)
    for doc in content.documents.values():
        name = next(n for n in document_files(content, doc.id) if (data / n).exists())
        assert invented(data, sources, content, doc) == []
        made_up = "Deze zin staat in geen enkele bron van de kennisbank."
        edit_yaml(data / name, lambda d: d.setdefault("zzz_extra", made_up))
        assert invented(data, sources, content, doc) == [f"data/{name}: zzz_extra: {made_up.lower()}"], doc.id
