"""The naming schemes the validated content itself carries: a recommendation's page, a step's
anchor, a cited source's anchor and the site-root link form. Pure functions of ids, knowing no
content, so the model can use them (Handvat.page, StepView.anchor, Ref.anchor, Content.step_url).

The lowest layer of the package: schemes <- the validated model (model*.py) <- what is derived
from it (sitemap, project, opendata, ...); tests/test_layers.py holds the order. The site map
re-exports these: callers ask ``kennisbank.sitemap``, which owns every path and anchor.
"""

from __future__ import annotations


def recommendation_page(phase_id: str, handvat_id: str) -> str:
    return f"{phase_id}/{handvat_id.lower()}.md"


def step_anchor(step_id: str) -> str:
    """V2.4 -> v2-4: the documented anchor scheme for steps."""
    return step_id.lower().replace(".", "-")


def source_anchor(source: str, kind: str, key: str) -> str:
    """A cited chapter, table or publication on the sources page (H2.6 of "literatuurreview" ->
    literatuurreview-h2-6, its Tabel 2 -> literatuurreview-tabel-2, a publication -> its id)."""
    if kind == "publication":
        return source
    return f"{source}-{'tabel-' if kind == 'table' else ''}{key.lower().replace('.', '-')}"


def link(doc_path: str, anchor: str = "") -> str:
    """The site-root link renderers write to a docs file: ("bronnen.md", "x") -> "/bronnen.md#x"."""
    return f"/{doc_path}" + (f"#{anchor}" if anchor else "")
