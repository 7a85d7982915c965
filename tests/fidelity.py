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
LIST_SPLIT = re.compile(r"\s\d+[.)]\s|^\d+[.)]\s|,\s|\sen\s|:\s|;\s|\s[a-f]\.\s|\(|\)")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2009", " ").lower()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\(\s+", "(", text)
    text = re.sub(r"\s+\)", ")", text)
    return text.strip()


def source_text(raw: str) -> str:
    """Join the PDF's broken lines: a line ending in a hyphen joins without a space."""
    lines = [line.strip() for line in raw.splitlines()]
    out = ""
    for line in lines:
        if not line:
            out += "\n"
        elif out.endswith("-") and not out.endswith(" -"):
            out += line
        else:
            out += (" " if out and not out.endswith("\n") else "") + line
    # "1. Step" at the start of a block is a list number, not part of a sentence.
    return re.sub(r"(^|\n)\s*\d+\.\s+", r"\1", out)


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
        fragments = [f.strip(" .,") for f in LIST_SPLIT.split(norm)]
        fragments = [f for f in fragments if len(f) > 2]
        if fragments and all(f in site for f in fragments):
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
