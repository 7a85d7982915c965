"""Bad input (issue 25): every editor's mistake stops with one line naming file, field or id, value
and what is wrong, no Python frames; nothing is lost silently; data text never becomes a block;
the outputs say what they are.

Most tests call the one up-front load (kennisbank.project.load: what the macros, the glossary
extension, the post-build step and `python -m exports build` all run) on a copy of data/ and
docs/; a few go end to end through `python -m exports build`.
"""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import markdown
import pytest

from conftest import ROOT, edit_yaml
from kennisbank import project as project_content
from kennisbank.model import ContentError, load
from kennisbank.reading import ReadError, parse_yaml

V2 = "data/cyclus/V2.yml"


@pytest.fixture
def project(tmp_path) -> Path:
    """A throw-away copy of data/ and docs/, what the up-front load reads."""
    for name in ("data", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def problems(project: Path) -> list[str]:
    found = project_content.problems(project)
    assert found, "the load did not stop"
    return found


def replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return path.read_text(encoding="utf-8").split(needle)[0].count("\n") + 1


# --- 1. one line per problem, whatever its kind ---------------------------------------------


def test_a_latin1_data_file_is_named_with_its_line_and_byte(project):
    path = project / V2
    line = line_of(path, "question:")
    text = path.read_text(encoding="utf-8").replace("question: ", "question: Café: ", 1)
    path.write_bytes(text.encode("latin-1", "replace"))
    assert f"{V2}: line {line}: not UTF-8 (byte 0xe9); save the file as UTF-8" in problems(project)


def test_malformed_yaml_names_file_and_line(project):
    path = project / "data/synoniemen.yml"
    line = line_of(path, "- naar:")
    replace(path, "- naar:", "- naar: [")
    assert any(p.startswith(f"data/synoniemen.yml: line {line + 1}: malformed YAML: ") for p in problems(project))


def test_an_impossible_date_is_one_line(project):
    path = project / "data/wijzigingen.yml"
    line = line_of(path, "date: ")
    text = path.read_text(encoding="utf-8")
    date = re.search(r"date: (\S+)", text).group(1)
    replace(path, f"date: {date}", "date: 2026-13-45")
    assert problems(project) == [f"data/wijzigingen.yml: line {line}: impossible date '2026-13-45': month must be in 1..12"]


def test_front_matter_that_does_not_parse_is_blamed_on_its_page(project):
    replace(project / "docs/vredestijd/v2.md", "tags:\n", "tags: Let op: x\n")
    assert problems(project) == ["docs/vredestijd/v2.md: front matter: line 2: malformed YAML: mapping values are not allowed in this context"]


def test_front_matter_that_is_not_closed_is_refused(project):
    replace(project / "docs/vredestijd/v2.md", "---\n\n{{", "\n{{")
    assert problems(project) == ["docs/vredestijd/v2.md: front matter is not closed with ---"]


def test_an_unknown_tag_is_blamed_on_its_own_page(project):
    replace(project / "docs/vredestijd/v2.md", "  - Jongerenwerk", "  - Jongerenwrk")
    found = problems(project)
    assert len(found) == 1 and found[0].startswith("docs/vredestijd/v2.md: tags: unknown tag 'Jongerenwrk'; known: Vredestijd, "), found


def test_an_unknown_tag_in_a_folders_meta_file_is_refused(project):
    replace(project / "docs/crisis/.meta.yml", "  - Crisis", "  - Crises")
    assert problems(project)[0].startswith("docs/crisis/.meta.yml: tags: unknown tag 'Crises'; known: ")


def test_a_folders_meta_file_that_does_not_parse_names_its_line(project):
    replace(project / "docs/crisis/.meta.yml", "tags:\n", "tags: x: y\n")
    line = line_of(project / "docs/crisis/.meta.yml", "tags:")
    assert problems(project) == [f"docs/crisis/.meta.yml: line {line}: malformed YAML: mapping values are not allowed in this context"]


def test_a_macro_call_with_an_unknown_id_names_page_line_and_id(project):
    page = project / "docs/vredestijd/v3.md"
    line = line_of(page, "{{ handvat(")
    replace(page, 'handvat("V3")', 'handvat("V33")')
    found = problems(project)
    assert len(found) == 1 and found[0].startswith(f"docs/vredestijd/v3.md: line {line}: handvat('V33'): unknown recommendation id 'V33'; known: V1, V2, "), found


def test_a_macro_argument_without_quotes_is_named(project):
    replace(project / "docs/vredestijd/v3.md", 'handvat("V3")', "handvat(V3)")
    assert problems(project) == ['docs/vredestijd/v3.md: line 9: handvat(V3): the ids must be texts in quotes, like handvat("V2")']


def test_an_unknown_macro_is_named_where_the_macros_are_known(project):
    replace(project / "docs/vredestijd/v3.md", 'handvat("V3")', 'handvatt("V3")')
    from macros.pages import PageMacros

    found = project_content.problems(project, macros=frozenset(PageMacros.names()))
    assert found == ["docs/vredestijd/v3.md: line 9: unknown macro 'handvatt'"]


def test_a_renamed_card_names_the_page_that_calls_it_and_the_card_without_page(project):
    replace(project / "data/nu-handelen.yml", "- id: oproep-tot-geweld", "- id: oproep")
    line = line_of(project / "docs/nu-handelen/oproep-tot-geweld.md", "{{ nu_handelen(")
    found = problems(project)
    assert "data/nu-handelen.yml: cards.0.id: no page docs/nu-handelen/oproep.md for card 'oproep'" in found
    assert any(p.startswith(f"docs/nu-handelen/oproep-tot-geweld.md: line {line}: nu_handelen('oproep-tot-geweld'): unknown card") for p in found), found


def test_a_section_page_that_does_not_exist_is_named(project):
    replace(project / "data/brondocumenten.yml", "section: cyclus/index.md", "section: cyclus/start.md")
    assert problems(project) == ["data/brondocumenten.yml: 0 (cyclus): section: no page 'cyclus/start.md' under docs/"]


def test_a_latin1_page_is_refused_by_name(project):
    page = project / "docs/woordenlijst.md"
    text = page.read_text(encoding="utf-8") + "\nCafé\n"
    page.write_bytes(text.encode("latin-1", "replace"))
    assert problems(project) == [f"docs/woordenlijst.md: line {text.count(chr(10))}: not UTF-8 (byte 0xe9); save the file as UTF-8"]


# --- 2. nothing lost silently -----------------------------------------------------------------


def test_a_duplicate_key_is_refused_not_overwritten(project):
    path = project / V2
    line = line_of(path, "question:")
    replace(path, "question:", "title: Tweede titel\nquestion:")
    first = line_of(path, "\ntitle:") + 1
    assert f"{V2}: line {line}: duplicate key 'title' (also on line {first}); the second would replace the first" in problems(project)


def test_a_duplicate_key_in_front_matter_is_refused(project):
    replace(project / "docs/vredestijd/v2.md", "---\n\n{{", "tags:\n  - Gemeente\n---\n\n{{")
    found = problems(project)
    assert len(found) == 1 and found[0].startswith("docs/vredestijd/v2.md: front matter: line 7: duplicate key 'tags' (also on line 2);"), found


def test_the_loader_is_still_libyaml_fast():
    import yaml

    from kennisbank.reading import Loader

    assert issubclass(Loader, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert parse_yaml("a: [1, 2]\nb: {c: 2026-01-02}\n", "x") == {"a": [1, 2], "b": {"c": __import__("datetime").date(2026, 1, 2)}}


@pytest.mark.parametrize("content", ["", "# only a comment\n", "[]\n"])
def test_an_empty_search_word_file_is_refused(project, content):
    (project / "data/synoniemen.yml").write_text(content, encoding="utf-8")
    assert problems(project) == ["data/synoniemen.yml: (file): the file is empty; it must list the search words ({naar, woorden})"]


def test_an_empty_glossary_is_refused(data):
    (data / "woordenlijst.yml").write_text("[]\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load(data)
    assert "data/woordenlijst.yml: (file): the list is empty; it must hold terms" in info.value.problems


@pytest.mark.parametrize("target", ["../README.md", "/etc/passwd.md", "vredestijd/../../README.md", "./index.md"])
def test_a_search_word_target_outside_docs_is_refused(project, target):
    (project / "README.md").write_text("# x\n", encoding="utf-8")
    edit_yaml(project / "data/synoniemen.yml", lambda d: d[0].update(naar=target))
    assert problems(project) == [
        f"data/synoniemen.yml: 0.naar: unknown target {target!r}; a recommendation (V2), a step (V2.4) or a page under docs/"
    ]


@pytest.mark.parametrize(
    "char, name",
    [("\x00", "U+0000 (NUL)"), ("\x07", "U+0007 (BELL)"), ("\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"), ("\u2066", "U+2066 (LEFT-TO-RIGHT ISOLATE)")],
)
def test_control_and_bidirectional_characters_in_data_are_refused(data, char, name):
    edit_yaml(data / "cyclus/V2.yml", lambda d: d.update(question=f"Hoe{char} werkt het?"))
    with pytest.raises(ContentError) as info:
        load(data)
    assert info.value.problems == [f"{V2}: question: {name} is not allowed in text: {'Hoe<U+%04X> werkt het?' % ord(char)!r}"]


def test_a_nul_in_the_changelog_is_refused(data):
    edit_yaml(data / "wijzigingen.yml", lambda d: d[0].update(title="Versie\x00 een"))
    with pytest.raises(ContentError) as info:
        load(data)
    assert info.value.problems == ["data/wijzigingen.yml: 0.title: U+0000 (NUL) is not allowed in text: 'Versie<U+0000> een'"]


def test_a_raw_control_character_in_a_yaml_file_is_named_with_its_line(project):
    path = project / V2
    line = line_of(path, "question:")
    replace(path, "question: ", "question: \x07")
    assert f"{V2}: line {line}: U+0007 (BELL) is not allowed in text" in problems(project)


def test_multi_line_text_keeps_newlines_and_tabs(data):
    edit_yaml(data / "cyclus/V2.yml", lambda d: d["steps"][0].update(text=d["steps"][0]["text"] + "\n\n\tTweede alinea."))
    load(data)  # no problem


def test_a_control_character_in_a_page_is_refused(project):
    page = project / "docs/index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nZie \u202eboven.\n", encoding="utf-8")
    assert problems(project) == [f"docs/index.md: line {text.count(chr(10)) + 2}: U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed in a page"]


def test_data_and_pages_read_the_same_with_a_byte_order_mark_and_crlf(project):
    before = project_content.load(project)
    for path in (project / V2, project / "docs/vredestijd/v2.md", project / "data/synoniemen.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    after = project_content.load(project)
    assert after.tags["vredestijd/v2.md"] == before.tags["vredestijd/v2.md"] and "Jongerenwerk" in after.tags["vredestijd/v2.md"]
    assert after.content.handvat("V2").data == before.content.handvat("V2").data
    assert after.search_words == before.search_words
    from kennisbank.frontmatter import page_tags

    assert page_tags(project / "docs", "vredestijd/v2.md") == before.tags["vredestijd/v2.md"]


# --- 3. data text renders as text, never as a block -----------------------------------------

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details"]
BLOCKS = '??? danger "x"\n\nKop\n===\n\n- lijst'


def html_of(text: str) -> str:
    """The HTML of Markdown, character references resolved (the text a reader sees)."""
    return html.unescape(markdown.markdown(text, extensions=EXTENSIONS))


@pytest.fixture
def handvat_with(data):
    def make(**fields):
        edit_yaml(data / "cyclus/V2.yml", lambda d: d.update(fields))
        content = load(data)
        from macros.render_cyclus import render_handvat

        return html_of(render_handvat(content.handvat("V2"), content)), content

    return make


def test_intro_and_question_from_data_make_no_blocks(handvat_with):
    before, _ = handvat_with()
    html, _ = handvat_with(intro=[BLOCKS], question="Wat nu?\nKop\n===")
    for tag in ("<h1", "<h2", "<ul", "<li"):
        assert html.count(tag) == before.count(tag), tag
    assert '<details class="danger"' not in html  # the data's "??? danger" stays text
    assert '<h2 id="vraag">Wat nu? Kop ===</h2>' in html
    assert "{#vraag}" not in html
    assert '??? danger "x" Kop === - lijst' in html


def test_a_note_keeps_all_its_paragraphs_inside_the_note(handvat_with):
    html, _ = handvat_with(notes=[{"text": "Eerste alinea.\n\nTweede alinea.\n\n??? danger \"x\""}])
    notes = re.findall(r'<details class="note">(.*?)</details>', html, re.S)
    note = next(n for n in notes if "Eerste alinea" in n)
    assert "<p>Eerste alinea.</p>" in note and "<p>Tweede alinea.</p>" in note
    assert '??? danger "x"' in note
    assert html.count("Tweede alinea") == 1 and len(notes) == 1


def test_a_cards_when_makes_no_block(data):
    edit_yaml(data / "nu-handelen.yml", lambda d: d["cards"][0].update(when=BLOCKS))
    content = load(data)
    from macros.render_nu import render_card, render_card_list

    for source in (render_card_list(content), render_card(next(iter(content.now_cards.values())), content, {})):
        html = html_of(source)
        # the steps' own notes are details elements; the card's `when` makes none
        assert '<details class="danger"' not in html and "<h1" not in html, html[:400]
        assert 'danger "x" Kop === - lijst' in html


def test_a_script_in_a_front_matter_title_is_refused(project):
    page = project / "docs/woordenlijst.md"
    meta, body = __import__("kennisbank.frontmatter", fromlist=["split"]).split(page.read_text(encoding="utf-8"), "x")
    page.write_text("---\ntitle: Woorden <script>alert(1)</script>\n---\n\n" + body, encoding="utf-8")
    assert problems(project) == ["docs/woordenlijst.md: title: contains markup '<script>'; a title is plain text"]


# --- 4. the link contract runs in the post-build step -------------------------------------------


def test_the_post_build_step_stops_on_a_dropped_published_address(tmp_path):
    from exports.postbuild import LinkContractError, post_build

    page = tmp_path / "wijzigingen/index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<html><body><article><h1 id="wijzigingen">Wijzigingen</h1></article></body></html>', encoding="utf-8")
    contract = tmp_path / "links.txt"
    contract.write_text("# published\n/wijzigingen/\n/wijzigingen/#wijzigingen\n", encoding="utf-8")
    post_build(ROOT, tmp_path, environ={}, contract=contract)  # everything there: no error
    contract.write_text("/wijzigingen/\n/vredestijd/v2/\n/wijzigingen/#versie-9\n", encoding="utf-8")
    with pytest.raises(LinkContractError) as info:
        post_build(ROOT, tmp_path, environ={}, contract=contract)
    lines = str(info.value).split("\n")
    assert lines[1:] == ["  /vredestijd/v2/: page not found and no redirect", "  /wijzigingen/#versie-9: anchor #versie-9 not found"]


# --- 5. outputs that say what they are ----------------------------------------------------------


def test_the_pdf_keeps_weasyprints_header_and_its_header_cells_get_their_scope():
    import io

    from pypdf import PdfReader
    from weasyprint import HTML

    from exports.pdf_documents import OPTIONS, header_scopes
    from test_pdf import structure

    data = HTML(string='<html lang="nl"><title>t</title><table><thead><tr><th>a</th><th>b</th></tr></thead>'
                       '<tbody><tr><th scope="row">c</th><td>d</td></tr></tbody></table></html>').write_pdf(finisher=header_scopes, **OPTIONS)
    assert data.startswith(b"%PDF-1.7\n")
    found = [(e["/A"]["/O"], e["/A"]["/Scope"]) for e in structure(PdfReader(io.BytesIO(data))) if e["/S"] == "/TH"]
    assert found == [("/Table", "/Column"), ("/Table", "/Column"), ("/Table", "/Row")], found


def test_the_offline_copy_cites_and_canonicalises_the_public_address(tmp_path):
    from exports.offline import public_address, public_canonicals

    assert public_address("https://k.example/vredestijd/v2.html") == "https://k.example/vredestijd/v2/"
    assert public_address("https://k.example/index.html") == "https://k.example/"
    assert public_address("https://k.example/crisis/index.html") == "https://k.example/crisis/"
    page = tmp_path / "vredestijd/v2.html"
    page.parent.mkdir()
    page.write_text('<head><link rel="canonical" href="https://k.example/vredestijd/v2.html"></head>', encoding="utf-8")
    public_canonicals(tmp_path)
    assert page.read_text(encoding="utf-8") == '<head><link rel="canonical" href="https://k.example/vredestijd/v2/"></head>'


def test_the_citation_of_a_page_in_the_offline_copy_gives_the_public_address(content):
    from macros.pages import Page, PageMacros, settings

    config = {"site_name": "K", "extra": {"versie": content.changelog[0].version}}
    macros = PageMacros(content, settings(config, {"SITE_URL": "https://k.example/", "OFFLINE": "true"}, ROOT / "docs"))
    page = Page(path="vredestijd/v2.md", url="vredestijd/v2.html", title="V2")
    assert macros._address(page) == "https://k.example/vredestijd/v2/"


def test_the_offline_zip_is_reproducible(tmp_path):
    from exports.offline import write_zip

    zips = []
    for n, mtime in enumerate((1_000_000_000, 1_700_000_000)):
        folder = tmp_path / f"copy{n}"
        for name in ("b.html", "a/index.html", "a/z.css"):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(name, encoding="utf-8")
            os.utime(folder / name, (mtime, mtime))
        target = tmp_path / f"{n}.zip"
        write_zip(folder, target, "kennisbank", "1764547200")  # 2025-12-01
        zips.append(target.read_bytes())
    assert zips[0] == zips[1]
    with zipfile.ZipFile(io.BytesIO(zips[0])) as archive:
        assert archive.namelist() == ["kennisbank/a/index.html", "kennisbank/a/z.css", "kennisbank/b.html"]
        assert {i.date_time for i in archive.infolist()} == {(2025, 12, 1, 0, 0, 0)}


def test_the_404_footer_links_to_the_sources_page_on_this_host():
    from jinja2 import Template

    partial = Template((ROOT / "overrides/partials/copyright.html").read_text(encoding="utf-8"))
    for base_url, expected in (("/", "/bronnen/"), ("/sub/", "/sub/bronnen/"), ("..", "../bronnen/"), (".", "./bronnen/")):
        html = partial.render(base_url=base_url, config={"copyright": "", "use_directory_urls": True, "extra": {"versie": "1"}})
        assert f'href="{expected}#brondocumenten"' in html


def test_nginx_answers_a_folder_with_the_dutch_404_and_types_precompressed_copies(tmp_path):
    from tools import publish
    from tools.nginx import published, serve

    site = tmp_path / "built"
    (site / "leeg").mkdir(parents=True)
    (site / "leeg/plaatje.png").write_bytes(b"\x89PNG")
    (site / "index.html").write_text("<html><body>Home</body></html>", encoding="utf-8")
    (site / "404.html").write_text("<html><body>Pagina niet gevonden</body></html>", encoding="utf-8")
    (site / "stijl.css").write_text("body { color: black; }\n" * 50, encoding="utf-8")
    root, conf = published(site, tmp_path / "published")
    with serve(root, conf) as url:
        status, headers, body = publish.fetch(url + "/leeg/", encoding="identity")
        assert (status, b"Pagina niet gevonden" in body) == (404, True), body[:200]
        assert publish.fetch(url + "/bestaat-niet/", encoding="identity")[:1] == (404,)
        for path, kind in (("/stijl.css.gz", "application/gzip"), ("/stijl.css.br", "application/x-brotli")):
            status, headers, _ = publish.fetch(url + path)
            assert (status, headers["content-type"]) == (200, kind), path


# --- end to end: `python -m exports build` prints the lines and nothing else ------------------


def exports_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "exports", "build", "--site-dir", str(site)],
        cwd=project, env={**os.environ}, capture_output=True, text=True,
    )


@pytest.mark.parametrize(
    "mistake, line",
    [
        (lambda p: (p / V2).write_text("", encoding="utf-8"), f"{V2}: (file): the file is empty"),
        (lambda p: replace(p / "data/cyclus/V4.yml", "\nquestion:", "\nvraag:"), "data/cyclus/V4.yml: question: Field required"),
        (lambda p: replace(p / "docs/vredestijd/v2.md", "  - Jongerenwerk", "  - Jongeren"),
         "docs/vredestijd/v2.md: tags: unknown tag 'Jongeren'"),
        (lambda p: replace(p / "data/wijzigingen.yml", "date: ", "date: 2026-13-45 #", 1), "data/wijzigingen.yml: line 5: impossible date"),
    ],
)
def test_the_build_stops_with_one_line_and_no_traceback(project_copy, tmp_path, mistake, line):
    mistake(project_copy)
    result = exports_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "Failed to load extension" not in result.stderr
    assert result.stderr.startswith("content data is invalid:\n"), result.stderr[-2000:]
    assert line in result.stderr, result.stderr[-2000:]
    assert not (tmp_path / "out").exists()  # the builder never started


def test_mkdocs_itself_stops_with_the_same_lines_and_no_traceback(project_copy, tmp_path):
    from conftest import mkdocs_build

    replace(project_copy / "docs/vredestijd/v3.md", 'handvat("V3")', 'handvat("V33")')
    (project_copy / "data/synoniemen.yml").write_text("", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output and "Failed to load extension" not in output
    assert "data/synoniemen.yml: (file): the file is empty" in output
    assert "docs/vredestijd/v3.md: line 9: handvat('V33'): unknown recommendation id 'V33'" in output


def test_a_builder_failure_is_shown_without_python_frames():
    from exports.__main__ import without_frames

    output = "INFO    -  Building\nTraceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n    boom()\njinja2.exceptions.UndefinedError: 'nope' is undefined\nAborted\n"
    assert without_frames(output) == "INFO    -  Building\njinja2.exceptions.UndefinedError: 'nope' is undefined\nAborted\n"


def test_a_read_error_is_one_line():
    with pytest.raises(ReadError) as info:
        parse_yaml("a: 1\n  b: 2\n", "data/x.yml")
    assert "\n" not in str(info.value) and str(info.value).startswith("data/x.yml: line 2: malformed YAML: ")


def test_the_build_stops_when_a_published_address_is_gone(project_copy, tmp_path):
    shutil.copy(ROOT / "links.txt", project_copy / "links.txt")
    edit_yaml(project_copy / "data/woordenlijst.yml", lambda terms: terms.pop(next(n for n, t in enumerate(terms) if t["id"] == "wodc")))
    result = exports_build(project_copy, tmp_path / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "exports: error: the build no longer serves 1 published address(es) of links.txt; put them back or add a redirect" in result.stderr
    assert "\n  /woordenlijst/#wodc: anchor #wodc not found\n" in result.stderr
