"""Jinja2 templates for the renderers (``macros/templates/``): HTML escaped by default.

Every value a template writes is escaped unless it is ``Markup``: text from data can never become
markup. What is already safe HTML (the editors' mark, a JSON-LD block made safe for a script
element) is passed as ``Markup`` explicitly. In Markdown output (``.md`` templates) data text that
stands outside HTML, such as a heading, goes through the ``md`` filter (render_text.esc), which
escapes Markdown's characters too.

Layout: templates are written one element to a line, indented. A single line break between two
tags is that layout and is removed with the indentation after it, so the HTML comes out as
compact as a hand-written string and Markdown sees one block; a blank line separates Markdown
blocks and stays. Text and the tags around it belong on one line (a line break there would be a
space in the text).
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .render_text import EDITORS_MARK, esc

TEMPLATES = Path(__file__).parent / "templates"
_LAYOUT = re.compile(r">\n[ \t]*(?=<)")


def environment(**helpers) -> Environment:
    """An environment for one renderer module; ``helpers`` are the functions its templates call."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,  # a misspelt name stops the build instead of rendering nothing
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = lambda text: Markup(esc(text))
    env.globals["editors_mark"] = Markup(EDITORS_MARK)
    env.globals.update(helpers)
    return env


def render(env: Environment, name: str, **context) -> str:
    """A template's output as a plain string (callers join it with other Markdown)."""
    return str(_LAYOUT.sub(">", env.get_template(name).render(**context)))


def call(env: Environment, name: str, macro: str, *args) -> str:
    """One macro of a template, called from Python, as a plain string."""
    return str(_LAYOUT.sub(">", getattr(env.get_template(name).module, macro)(*args)))
