"""Valid HTML in every built page (the Nu HTML Checker, vnu, reports no error): Material 9.8's
templates write three kinds of invalid markup into every page, and both builders copy them.
Overriding the partials would replace Zensical's own templates with Material's (custom_dir serves
both builders), so the post-build step repairs the markup itself, each repair keeping what the
theme meant:
- `tabindex=""` on the labels of navigation sections (Material leaves the value empty where the
  label should not be focusable): the attribute is left out;
- `autocomplete="off"` on the drawer and search toggles, which HTML allows only on text-like
  inputs (Material adds it against Firefox restoring their state; its script resets them anyway);
- the table of contents' title `<label for="__toc">` on a section's index page, where the
  navigation has no `__toc` toggle: a label for nothing, kept as a plain label.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')
TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def repair(html: str) -> str:
    html = EMPTY_TABINDEX.sub(r"\1", html)
    html = TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html


def write(site_dir: Path) -> int:
    """Repair every built page; the number of pages changed."""
    return rewrite_pages(site_dir, repair)


def rewrite_pages(site_dir: Path, repair_page: Callable[[str], str]) -> int:
    """Pass every built page through ``repair_page``, writing back only the pages it changed;
    the number changed."""
    changed = 0
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fixed = repair_page(html)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")
            changed += 1
    return changed
