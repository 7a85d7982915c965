"""The editors' guide (REDACTIE.md) quotes the messages the build really prints: every quoted
message is produced here by making the editor's mistake on a copy of the project."""

import datetime
import re
import shutil

import pytest

from conftest import ROOT, edit_yaml as edit, mkdocs_build, problems_of
from kennisbank.model import load

GUIDE = ROOT / "REDACTIE.md"
BLOCK = re.compile(r"<!-- melding: ([a-z-]+) -->\n```text\n(.*?)```", re.S)
# The guide's examples are written for one release (0.1 to 0.2, a V13 after V12); the mistakes are
# made against the real content and the quoted lines read with its values, so a release, a new
# recommendation or a new course needs no edit here or in the guide.
_content = load(ROOT / "data")
CURRENT = _content.changelog[0]
NEW_VERSION = ".".join(CURRENT.version.split(".")[:-1] + [str(int(CURRENT.version.split(".")[-1]) + 1)])
EARLY = CURRENT.date - datetime.timedelta(days=23)
_phase = _content.phases[0]
LAST_ID = _content.in_phase(_phase.id)[-1].id
NEXT_ID = f"{_phase.letter}{int(LAST_ID[len(_phase.letter):]) + 1}"
EXAMPLE = {  # the guide's example value -> the value for today's content
    "0.1": CURRENT.version, "0.2": NEW_VERSION, "2026-11-24": CURRENT.date.isoformat(),
    "2026-11-01": EARLY.isoformat(), "V12": LAST_ID, "V13": NEXT_ID,
}
_EXAMPLE_VALUE = re.compile(r"(?<![\w.-])(" + "|".join(re.escape(k) for k in EXAMPLE) + r")(?![\w-]|\.\d)")
NEW = {"version": NEW_VERSION, "date": CURRENT.date + datetime.timedelta(days=7), "title": "Nieuw.", "changes": ["Nieuw."], "ids": ["V2"]}


def quoted() -> dict[str, list[str]]:
    """The guide's quoted messages, with its example values read as today's (EXAMPLE)."""
    return {
        name: [_EXAMPLE_VALUE.sub(lambda m: EXAMPLE[m.group(1)], line) for line in block.strip().split("\n")]
        for name, block in BLOCK.findall(GUIDE.read_text(encoding="utf-8"))
    }


def _version(project, **fields):
    edit(project / "data/wijzigingen.yml", lambda d: d.insert(0, {**NEW, **fields}))


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _build(project, tmp_path) -> str:
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    return result.stdout + result.stderr


def _raise_version(project):
    _replace(project / "mkdocs.yml", f'versie: "{CURRENT.version}"', f'versie: "{NEW_VERSION}"')


def _see(d):
    d["steps"][2]["see"] = [{"words": "Faciliteer", "target": "V2.99"}]


def _duplicate_term(d):
    d.append(next(t for t in d if t["id"] == "dpia"))


# name -> (the editor's mistake on a copy of the project, whether it takes a real build)
MISTAKES = {
    "onbekend-veld": lambda p: edit(p / "data/cyclus/V2.yml", lambda d: d["steps"][3].update(tekst="typo")),
    "veld-ontbreekt": lambda p: edit(p / "data/cyclus/V4.yml", lambda d: d.pop("question")),
    "verkeerde-soort": lambda p: _version(p, version=float(NEW_VERSION)),
    "yaml": lambda p: _replace(p / "data/cyclus/V2.yml", "question: Hoe ontwikkel", "question: Let op: hoe ontwikkel"),
    "bronverwijzing": lambda p: _replace(p / "data/cyclus/V2.yml", "[[Literatuurreview H3]]", "[[Literatuurreview H9]]"),
    "verwijzing": lambda p: edit(p / "data/cyclus/V2.yml", _see),
    "id-bestandsnaam": lambda p: shutil.copy(p / f"data/cyclus/{LAST_ID}.yml", p / f"data/cyclus/{NEXT_ID}.yml"),
    "dubbel-begrip": lambda p: edit(p / "data/woordenlijst.yml", _duplicate_term),
    "geen-datum": lambda p: (_version(p), edit(p / "data/wijzigingen.yml", lambda d: d[0].pop("date"))),
    "datum-te-vroeg": lambda p: _version(p, date=EARLY),
    "onbekend-id": lambda p: _version(p, ids=[NEXT_ID]),
}
def _latin1(path):
    text = path.read_text(encoding="utf-8").replace("question: ", "question: Café: ", 1)
    path.write_bytes(text.encode("latin-1", "replace"))


MISTAKES.update({
    "codering": lambda p: _latin1(p / "data/cyclus/V2.yml"),
    "dubbel-veld": lambda p: _replace(p / "data/cyclus/V2.yml", "question:", "title: Nog een titel\nquestion:"),
    "onmogelijke-datum": lambda p: _version(p, date="2026-13-45") or _replace(
        p / "data/wijzigingen.yml", "date: '2026-13-45'", "date: 2026-13-45"),
    "stuurteken": lambda p: edit(p / "data/cyclus/V2.yml", lambda d: d.update(question="Hoe \u202ewerkt het?")),
})
# mistakes in pages or in what is read with the pages: the same up-front load (kennisbank.project)
PAGE_MISTAKES = {
    "leeg-bestand": lambda p: (p / "data/synoniemen.yml").write_text("", encoding="utf-8"),
    "front-matter": lambda p: _replace(p / "docs/vredestijd/v2.md", "---\n\n{{", "\n{{"),
    "onbekende-tag": lambda p: _replace(p / "docs/vredestijd/v2.md", "  - Jongerenwerk", "  - Jongeren"),
    "onbekend-id-op-pagina": lambda p: _replace(p / "docs/vredestijd/v3.md", 'handvat("V3")', 'handvat("V33")'),
}
BUILD_MISTAKES = {
    "versie-zonder-item": _raise_version,
    "onbekende-pagina": lambda p: (_version(p, ids=["woordlijst.md"]), _raise_version(p)),
    "anker": lambda p: (p / "docs/index.md").write_text(
        (p / "docs/index.md").read_text(encoding="utf-8") + "\n[x](vredestijd/v2.md#v2-99)\n", encoding="utf-8"
    ),
}


def test_every_mistake_has_its_message_in_the_guide_and_back():
    assert sorted(quoted()) == sorted({**MISTAKES, **PAGE_MISTAKES, **BUILD_MISTAKES})


def _assert_quoted(name: str, output: str) -> None:
    for line in quoted()[name]:
        pattern = ".*?".join(re.escape(part) for part in line.split("…"))
        assert re.search(pattern, output), f"REDACTIE.md quotes {line!r}; the build says:\n{output[-1500:]}"


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_the_guide_quotes_what_the_content_check_prints(name, project_copy):
    MISTAKES[name](project_copy)
    _assert_quoted(name, problems_of(project_copy / "data"))


@pytest.mark.parametrize("name", sorted(PAGE_MISTAKES))
def test_the_guide_quotes_what_the_page_check_prints(name, project_copy):
    from kennisbank import project

    PAGE_MISTAKES[name](project_copy)
    _assert_quoted(name, "\n".join(project.problems(project_copy)))


@pytest.mark.parametrize("name", sorted(BUILD_MISTAKES))
def test_the_guide_quotes_what_the_build_prints(name, project_copy, tmp_path):
    BUILD_MISTAKES[name](project_copy)
    _assert_quoted(name, _build(project_copy, tmp_path))


def test_a_quote_that_the_build_does_not_print_fails(project_copy):
    MISTAKES["veld-ontbreekt"](project_copy)
    with pytest.raises(AssertionError, match="REDACTIE.md quotes"):
        _assert_quoted("onbekend-veld", problems_of(project_copy / "data"))


def test_the_guide_is_in_the_repository_not_in_the_site():
    assert GUIDE.is_file() and not (ROOT / "docs/REDACTIE.md").exists()
    assert "REDACTIE.md" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = GUIDE.read_text(encoding="utf-8")
    for command in ("./dev serve", "./dev test", "./dev schemas", "./dev links"):
        assert command in text
