"""A Python-Markdown extension: every abbreviation of the glossary (data/woordenlijst.yml)
explains itself on hover, on every page.

It is Python-Markdown's own ``abbr`` extension, given the glossary as its ``glossary``; pages can
still define abbreviations of their own (``*[X]: ...``). Named in mkdocs.yml's
``markdown_extensions`` instead of ``abbr``, so MkDocs and Zensical both load it: no builder hook.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown.extensions.abbr import AbbrExtension

from .model import ContentError, load_once
from .model_woordenlijst import Term

DATA = Path(__file__).resolve().parent.parent / "data"


def glossary_abbreviations(terms: list[Term]) -> dict[str, str]:
    """Abbreviation (and each of its aliases) -> its full form, for the terms that are abbreviations."""
    found = {}
    for t in terms:
        if t.abbreviation:
            full = re.sub(r"\s+", " ", t.full)
            found.update({name: full for name in [t.term, *t.aliases]})
    return found


def glossary_of(data: Path) -> dict[str, str]:
    """The glossary's abbreviations; {} when the content does not load. The builder reads its
    configuration, and so loads this extension, before anything else: an error raised here would
    arrive wrapped in Python frames ("Failed to load extension"). The same load runs again where
    it can say so in one line per problem and stop the build: the macros' start (both builders)
    and `python -m exports` before it starts the builder (kennisbank.project)."""
    try:
        return glossary_abbreviations(load_once(data).glossary)
    except ContentError:
        return {}


class GlossaryAbbrExtension(AbbrExtension):
    def __init__(self, **kwargs):
        data = kwargs.pop("data", DATA)
        kwargs.setdefault("glossary", glossary_of(Path(data)))
        super().__init__(**kwargs)


def makeExtension(**kwargs):  # the name Python-Markdown looks for
    return GlossaryAbbrExtension(**kwargs)
