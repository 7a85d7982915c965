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
LIST_NUMBER = re.compile(r"^\d+\.\s+")
# An enumeration: a number with "." or ")" (or bare) before an item, as the PDF flattened them.
ENUMERATION = re.compile(r"(?:^|\s)\d+[.)]?\s")
FRAGMENT_SPLIT = re.compile(r"\s*(?:(?:^|\s)\d+[.)]?\s|,\s|\sen\s|:\s|;\s|\szoals\s|\sof\s|[()])\s*")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2009", " ").lower()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\(\s+", "(", text)
    text = re.sub(r"\s+\)", ")", text)
    # "deur-in-het- gezicht": a PDF break after a hyphen; "online- en offline" is real Dutch.
    text = re.sub(r"(\w)- (?!en\b|of\b)(\w)", r"\1-\2", text)
    return text.strip()


def source_text(raw: str) -> str:
    """Join the PDF's broken lines into blocks: one per paragraph, list item or heading.

    A line ending in a hyphen joins the next without a space; a line starting with a list
    number starts a new block (its number dropped); a one-word line (a phase heading) stands
    alone.
    """
    blocks: list[str] = []
    current = ""
    for line in (raw_line.strip() for raw_line in raw.splitlines()):
        starts_item = bool(LIST_NUMBER.match(line))
        if not line or starts_item or len(line.split()) == 1:
            if current:
                blocks.append(current)
            current = ""
            if len(line.split()) == 1:
                blocks.append(line)
                continue
        line = LIST_NUMBER.sub("", line)
        if current.endswith("-") and not current.endswith(" -"):
            current += line
        else:
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


def measure(raw_source: str, site_text: str) -> dict:
    site = normalise(site_text)
    found, restructured, missing = [], [], []
    for sentence in sentences(raw_source):
        norm = normalise(sentence)
        if norm in site:
            found.append(sentence)
            continue
        fragments = [re.sub(r"^\d+[.)]?\s+", "", f).strip(" .,!?\"“”") for f in FRAGMENT_SPLIT.split(norm)]
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
