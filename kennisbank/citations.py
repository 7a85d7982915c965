"""Citation markers in text: ``[[Praktijkonderzoek H2.6, H4.2; Literatuurreview H1 / Tabel 2]]``.

The words between the brackets are the source's own; this module splits them into plain
separators and references (chapter, table, publication) without changing a character, so the
rendered text reads exactly as the source while every reference is a checked, linked datum.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .schemes import source_anchor

MARKER = re.compile(r"\[\[(.+?)\]\]", re.S)
CHAPTER = re.compile(r"H?\d+(?:\.\d+)*")
TABLE = re.compile(r"[Tt]abel\s+(\d+)")
SEPARATOR = re.compile(r"[\s,;/]*")


@dataclass(frozen=True, order=True)
class Ref:
    """One cited thing: a chapter or table of a study, or a named publication."""

    source: str  # study or publication id from bronnen.yml
    kind: str  # "chapter" | "table" | "publication"
    key: str = ""  # "H2.6" or "2"; empty for a publication

    @property
    def anchor(self) -> str:
        """Anchor on the sources page; one scheme for every page that links there."""
        return source_anchor(self.source, self.kind, self.key)


class CitationError(ValueError):
    pass


@dataclass(frozen=True)
class Registry:
    """What may be cited: studies with their chapters and tables, and publications."""

    studies: dict[str, tuple[str, frozenset[str], frozenset[int]]]  # name -> (id, chapters, tables)
    publications: dict[str, str]  # cite words -> id

    def _leading(self, rest: str) -> tuple[str, str, str] | None:
        """The longest known name or publication at the start of ``rest``: (kind, id, words)."""
        for cite in sorted(self.publications, key=len, reverse=True):
            if rest.startswith(cite):
                return "publication", self.publications[cite], cite
        for name, (study_id, _, _) in self.studies.items():
            if re.match(re.escape(name) + r"\b", rest):
                return "study", study_id, name
        return None

    def parse_marker(self, words: str, study: str | None) -> tuple[list[str | tuple[str, Ref]], str | None]:
        """Split one marker's words into separators and (words, Ref) pairs.

        ``study`` is the study named by an earlier marker in the same text, so that
        "[[Literatuurreview H4]], en ook (daarin) [[Tabel 5]]" cites Tabel 5 of the review.
        Returns the segments and the study in force at the end.
        """
        segments: list[str | tuple[str, Ref]] = []
        by_id = {sid: (name, chapters, tables) for name, (sid, chapters, tables) in self.studies.items()}
        pos = 0
        pending_name = ""  # a study name waits to be joined to its first chapter's link text
        while pos < len(words):
            sep = SEPARATOR.match(words, pos).group()
            if sep:
                if pending_name:
                    pending_name += sep
                else:
                    segments.append(sep)
                pos += len(sep)
                continue
            rest = words[pos:]
            lead = self._leading(rest)
            if lead and lead[0] == "publication":
                segments.append((lead[2], Ref(lead[1], "publication")))
                pos += len(lead[2])
                continue
            if lead:
                study, pending_name = lead[1], lead[2]
                pos += len(lead[2])
                continue
            table = TABLE.match(rest)
            chapter = None if table else CHAPTER.match(rest)
            token = table or chapter
            if not token:
                raise CitationError(f"unknown source or text {rest.split()[0]!r} in citation [[{words}]]")
            if study is None:
                raise CitationError(f"{token.group()!r} in citation [[{words}]] names no study before it")
            name, chapters, tables = by_id[study]
            if table:
                ref = Ref(study, "table", table.group(1))
                if int(table.group(1)) not in tables:
                    raise CitationError(f"unknown table {token.group()!r} of {name} in citation [[{words}]]")
            else:
                key = token.group() if token.group().startswith("H") else "H" + token.group()
                ref = Ref(study, "chapter", key)
                if key not in chapters:
                    raise CitationError(f"unknown chapter {token.group()!r} of {name} in citation [[{words}]]")
            segments.append((pending_name + token.group(), ref))
            pending_name = ""
            pos += len(token.group())
        if pending_name:
            raise CitationError(f"{pending_name.strip()!r} without chapter or table in citation [[{words}]]")
        return segments, study


def split_text(text: str, registry: Registry) -> list[str | tuple[str, Ref]]:
    """Split a text into plain strings and cited (words, Ref) pairs, markers removed."""
    segments: list[str | tuple[str, Ref]] = []
    study = None
    pos = 0
    for match in MARKER.finditer(text):
        segments.append(text[pos : match.start()])
        parts, study = registry.parse_marker(match.group(1), study)
        segments.extend(parts)
        pos = match.end()
    segments.append(text[pos:])
    if "[[" in text[pos:] or "]]" in text[pos:]:
        raise CitationError("unclosed citation marker '[['")
    return [s for s in segments if s]


def plain(text: str) -> str:
    """The text as a reader sees it: markers removed, words kept."""
    return MARKER.sub(lambda m: m.group(1), text)
