"""The renderers' Jinja2 templates (macros/templating.py): escaped, strict, laid out by one rule."""

import re

import pytest
from jinja2 import DictLoader, UndefinedError
from markupsafe import Markup

from kennisbank.model_trainingen import COURSE_SECTIONS, Course
from macros import templating
from macros.render_trainingen import render_course


def environment_with(templates: dict[str, str]):
    env = templating.environment()
    env.loader = DictLoader(templates)
    return env


def test_data_is_escaped_and_markup_passes_only_when_marked():
    env = environment_with({"t.html": "<p>{{ text }}</p>{{ safe }}", "t.md": "# {{ text | md }}"})
    html = templating.render(env, "t.html", text='<b>"x" & y</b>', safe=Markup("<br>"))
    assert html == "<p>&lt;b&gt;&#34;x&#34; &amp; y&lt;/b&gt;</p><br>"
    # in Markdown text the filter md escapes Markdown's characters as well
    assert templating.render(env, "t.md", text="*nadruk* [a](b)") == r"# \*nadruk\* \[a\]\(b\)"


def test_a_single_line_break_between_tags_is_layout_a_blank_line_is_not():
    env = environment_with({"t.md": "<table>\n  <tr>\n    <td>a\nb</td>\n  </tr>\n</table>\n\n## Kop\n\n<p>x</p>"})
    assert templating.render(env, "t.md") == "<table><tr><td>a\nb</td></tr></table>\n\n## Kop\n\n<p>x</p>"


def test_an_unknown_name_stops_the_render():
    env = environment_with({"t.html": "<p>{{ missing }}</p>"})
    with pytest.raises(UndefinedError):
        templating.render(env, "t.html")


def test_every_course_section_is_rendered_under_its_anchor():
    """A course with every part filled: each section of COURSE_SECTIONS stands on its page, under its
    own heading or the source's, with its body."""
    course = Course.model_validate({
        "id": "x", "title": "Titel", "duration": "1 dag", "days": 1,
        "provider": {"name": "Aanbieder X", "phone": "010 123", "website": "www.example.org"},
        "sponsor": "Zin over de sponsor.", "results": ["Resultaat een."], "aims": {"items": ["Doel een."]},
        "audience": {"items": ["Iedereen"]}, "topics": ["Onderwerp een."], "method": ["Methode een."],
        "programme": [{"title": "Dag 1", "parts": [{"title": "Ochtend", "text": ["Programma een."]}]}],
        "quotes": [{"text": "Citaat een.", "by": "Iemand"}], "headings": {"doel": "Na afloop"},
    })
    page = render_course(course)
    headings = re.findall(r"^## (.*) \{ #([\w-]+) \}$", page, re.M)
    assert [key for _, key in headings] == [s.key for s in COURSE_SECTIONS]
    assert ("Na afloop", "doel") in headings
    for text in ("Zin over de sponsor.", "Resultaat een.", "Doel een.", "Iedereen", "Onderwerp een.", "Methode een.",
                 "Programma een.", "Citaat een.", 'href="tel:010123"', 'href="https://www.example.org"'):
        assert text in page, text
