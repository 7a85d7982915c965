"""How much of a source document the built site holds: the share of its sentences found.

A sentence counts as found when its normalised text stands in the site's text. A sentence the
site deliberately turned into a table (an enumeration the PDF flattened into prose) counts as
restructured when every one of its list fragments stands in the site's text; both counts are
reported, and only sentences found neither way are misses.
"""

from __future__ import annotations

import re
import unicodedata

SENTENCE_END = re.compile(r"(?<=[.?!:])\s+(?=[A-ZÀ-Ý“\"‘'(])")
LIST_NUMBER = re.compile(r"^(?:\d+\.|[▪•●-])\s+")
# An enumeration: a number with "." or ")" (or bare) before an item, as the PDF flattened them.
# A number with "." or ")" (or bare), or a letter with "." or ")": a., b) as in V2.6.
ENUMERATION = re.compile(r"(?:^|\s)(?:\d+[.)]?|[a-z][.)])\s")
FRAGMENT_SPLIT = re.compile(r"\s*(?:(?:^|\s)(?:\d+[.)]?|[a-z][.)])\s|,\s|\sen\s|:\s|;\s|\szoals\s|\sof\s|[()])\s*")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2009", " ").lower()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\(\s+", "(", text)
    text = re.sub(r"\s+\)", ")", text)
    return text.strip()


def readings(sentence: str) -> list[str]:
    """A PDF break after a hyphen ("sociaal- psychische", "maatschap- pelijke") is either a real
    hyphen or a hyphenation; "online- en offline" is real Dutch and stays."""
    broken = re.compile(r"([\w)])- (?!en\b|of\b)(\w)")
    forms = [sentence, broken.sub(r"\1-\2", sentence), broken.sub(r"\1\2", sentence)]
    # "Duur: circa 0,5 dag": a label and its value become a table's column header and cell
    forms += [re.sub(r"^[^\s:]+(?: [^\s:]+)?: ", "", f) for f in forms if re.match(r"^[^\s:]+(?: [^\s:]+)?: ", f)]
    # a heading or table label keeps its words but may lose the colon that introduced a list
    return forms + [f[:-1] for f in forms if f.endswith(":")]


def source_text(raw: str) -> str:
    """Join the PDF's broken lines into blocks: one per paragraph, list item or heading.

    Extraction leaves blank lines inside paragraphs too, so a blank line ends a block only when
    the next line does not continue it (a continuation starts in lower case or follows a
    hyphen). A line ending in a hyphen joins as "- " (measure() tries both readings); a line
    starting with a list number or bullet starts a block (marker dropped); a lone capitalised
    word (a phase heading) stands alone.
    """
    blocks: list[str] = []
    current = ""
    blank = False
    for raw_line in raw.splitlines():
        line = raw_line.strip()
        if not line:
            blank = True
            continue
        # In the PDF extractions a heading starts a new text object: a line indented by a space
        item = bool(LIST_NUMBER.match(line)) or (raw_line.startswith(" ") and line[0].isupper())
        continues = bool(current) and not item and (current.endswith("-") or line[0].islower())
        heading = len(line.split()) == 1 and not continues
        if current and (item or heading or (blank and not continues)):
            blocks.append(current)
            current = ""
        blank = False
        if heading:
            blocks.append(line)
            continue
        line = LIST_NUMBER.sub("", line)
        current += (" " if current else "") + line
    if current:
        blocks.append(current)
    return "\n".join(blocks)


def sentences(raw: str, min_words: int = 3) -> list[str]:
    result = []
    for block in source_text(raw).split("\n"):
        for sentence in SENTENCE_END.split(block.strip()):
            sentence = re.sub(r"\s+", " ", sentence).strip()
            if len(sentence.split()) >= min_words:
                result.append(sentence)
    return result


def measure(raw_source: str, site_text: str, chrome: tuple[str, ...] = ()) -> dict:
    """``chrome``: exact lines of the source that are web-page or PDF furniture, dropped on purpose."""
    site = normalise(site_text)
    raw_source = "\n".join(line for line in raw_source.splitlines() if line.strip() not in chrome)
    for phrase in chrome:
        raw_source = raw_source.replace(phrase, "")
    # "*Voorbereidende opdracht:*": the web page's emphasis markup, not words
    raw_source = re.sub(r"(?<![\w*])\*([A-Za-zÀ-ÿ][^*\n]*?)\*(?![\w*])", r"\1", raw_source)
    found, restructured, missing = [], [], []
    for sentence in sentences(raw_source):
        norm = normalise(sentence)
        if any(reading in site for reading in readings(norm)):
            found.append(sentence)
            continue
        # The lead-in of a flattened enumeration ("Vrij sterke indicatoren zijn:") becomes the
        # table's structure (a column value), so only the items after it must be there.
        items = norm.split(": ", 1)[1] if ": " in norm and ENUMERATION.search(norm.split(": ", 1)[1]) else norm
        fragments = [re.sub(r"^(?:\d+[.)]?|[a-z][.)])\s+", "", f).strip(" .,!?\"“”") for f in FRAGMENT_SPLIT.split(items)]
        fragments = [f for f in fragments if len(f) > 2]
        if ENUMERATION.search(norm) and fragments and all(f in site for f in fragments):
            restructured.append(sentence)
        else:
            missing.append(sentence)
    total = len(found) + len(restructured) + len(missing)
    return {
        "total": total,
        "found": found,
        "restructured": restructured,
        "missing": missing,
        "share": (len(found) + len(restructured)) / total if total else 0.0,
    }


# --- the checks for one source document, on any copy of the project and any built site --------
# (tests/test_fidelity.py runs them for every document of data/brondocumenten.yml on the session
# build; the walk tests run them on a changed copy.)

# Fields the editors write (and the site labels as theirs): ids, notes, captions, column names,
# checklist titles, audience keys, group references, our own headings for a course's fields and
# the order of its sections.
EDITORIAL_FIELDS = re.compile(
    r"(^|\.)(id|notes|caption|columns|audience|groups|label|field|headings|sections|audience_label|kind|short_title|see)(\.|$)|^title$|^checklists\.\d+\.title$"
)
CREDIT = re.compile(r'<aside class="bronvermelding"[^>]*\sdata-bron="([^"]+)"')


def credited_text(site, document_id: str) -> tuple[list[str], str]:
    """(pages, their text): the built pages whose credit names the document (``bronvermelding``,
    or a recommendation's or course's own credit)."""
    from conftest import page_text, site_pages

    pages = {path: html for path, html in site_pages(site).items() if document_id in CREDIT.findall(html)}
    return sorted(pages), " ".join(page_text(html) for html in pages.values())


def on_the_site(site, sources, doc) -> dict:
    """``measure`` of the document's source file against the pages that credit it."""
    raw = (sources / doc.file).read_text(encoding="utf-8")
    return measure(raw, credited_text(site, doc.id)[1], tuple(doc.dropped))


def invented(data_dir, sources, content, doc) -> list[str]:
    """The reverse check: every sentence of every text field of the document's data files
    (kennisbank.sitemap.document_files) stands in its source file. Returns "file: field: sentence"
    for each that does not."""
    import yaml

    from kennisbank.citations import plain
    from kennisbank.model import text_fields
    from kennisbank.sitemap import document_files

    raw = (sources / doc.file).read_text(encoding="utf-8")
    joined = normalise(source_text(raw).replace("\n", " "))
    # a PDF break after a hyphen, read both ways: "sociaal- psychische", "maatschap- pelijke"
    forms = (joined, re.sub(r"([\w)])- (\w)", r"\1-\2", joined), re.sub(r"([\w)])- (\w)", r"\1\2", joined))
    problems = []
    for name in document_files(content, doc.id):
        if not (data_dir / name).exists():
            continue
        data = yaml.safe_load((data_dir / name).read_text(encoding="utf-8"))
        for path, text in text_fields(data):
            # short table cells are labels ("enigszins bruikbaar" for "Enigszins bruikbare ...")
            if EDITORIAL_FIELDS.search(path) or (".rows." in path and len(text.split()) <= 3):
                continue
            for piece in re.split(r"(?<=[.?!:;])\s+", normalise(plain(text))):
                # (a piece without letters is a list number)
                if re.search(r"[a-z]", piece) and not any(r in form for form in forms for r in readings(piece)):
                    problems.append(f"data/{name}: {path}: {piece}")
    return problems


def document_ids(data_dir) -> list[str]:
    """The ids in data/brondocumenten.yml, read plainly (for parametrizing at collection time; a
    broken file then fails the tests that load it, not the collection)."""
    import yaml

    try:
        raw = yaml.safe_load((data_dir / "brondocumenten.yml").read_text(encoding="utf-8"))
        return [entry["id"] for entry in raw]
    except Exception:  # noqa: BLE001 - reported by the model's own tests
        return ["(brondocumenten.yml unreadable)"]
