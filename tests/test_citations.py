"""Citation markers: the source's words come back unchanged, every reference is checked."""

import pytest

from kennisbank.citations import CitationError, Ref, Registry, plain, split_text

REGISTRY = Registry(
    studies={
        "Literatuurreview": ("literatuurreview", frozenset({"H1", "H3", "H4"}), frozenset({2, 5})),
        "Praktijkonderzoek": ("praktijkonderzoek", frozenset({"H2.6", "H4.2", "H4.3"}), frozenset()),
    },
    publications={"COT, 2021": "cot-2021"},
)


def words(segments):
    return "".join(s[0] if isinstance(s, tuple) else s for s in segments)


@pytest.mark.parametrize(
    "text",
    [
        "bedoeld ([[Literatuurreview H1]]).",
        "([[Praktijkonderzoek H2.6, H4.2; Literatuurreview H1, H3 / Tabel 2]]).",
        "(Zie [[Literatuurreview H3, tabel 2]], voor toepassing",
        "zie [[Literatuurreview H4]], en ook (daarin) [[Tabel 5]].",
        "([[COT, 2021; Praktijkonderzoek 4.3]]).",
        "([[Praktijkonderzoek H2.6, Literatuurreview H1, H3]])",
    ],
)
def test_rendered_words_equal_the_source_words(text):
    assert words(split_text(text, REGISTRY)) == plain(text)


def test_references_are_structured():
    refs = [s[1] for s in split_text("([[Praktijkonderzoek H2.6, H4.2; Literatuurreview H1, H3 / Tabel 2]])", REGISTRY) if isinstance(s, tuple)]
    assert refs == [
        Ref("praktijkonderzoek", "chapter", "H2.6"),
        Ref("praktijkonderzoek", "chapter", "H4.2"),
        Ref("literatuurreview", "chapter", "H1"),
        Ref("literatuurreview", "chapter", "H3"),
        Ref("literatuurreview", "table", "2"),
    ]
    assert refs[0].anchor == "praktijkonderzoek-h2-6" and refs[-1].anchor == "literatuurreview-tabel-2"


def test_the_source_name_is_part_of_the_first_link():
    segments = split_text("[[Praktijkonderzoek H2.6, H4.2]]", REGISTRY)
    assert segments[0] == ("Praktijkonderzoek H2.6", Ref("praktijkonderzoek", "chapter", "H2.6"))
    assert segments[1] == ", "


def test_a_chapter_without_h_is_read_as_that_chapter():
    segments = split_text("[[Praktijkonderzoek 4.3]]", REGISTRY)
    assert segments == [("Praktijkonderzoek 4.3", Ref("praktijkonderzoek", "chapter", "H4.3"))]


@pytest.mark.parametrize(
    "text, message",
    [
        ("[[Literatuurreview H9]]", "unknown chapter 'H9' of Literatuurreview"),
        ("[[Literatuurreview Tabel 7]]", "unknown table 'Tabel 7' of Literatuurreview"),
        ("[[Veldwerk H2]]", "unknown source or text 'Veldwerk'"),
        ("[[H3]]", "'H3' in citation [[H3]] names no study before it"),
        ("[[Literatuurreview]]", "'Literatuurreview' without chapter or table"),
        ("tekst [[Literatuurreview H1", "unclosed citation marker"),
    ],
)
def test_bad_citations_are_refused(text, message):
    with pytest.raises(CitationError, match=message.replace("[", r"\[").replace("(", r"\(")):
        split_text(text, REGISTRY)
