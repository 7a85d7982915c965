"""The theme's controls for keyboards and screen readers. Material 9.8 writes controls without a
name or a role, and one tab stop that never shows: the post-build step repairs the markup of every
built page (as exports/validhtml.py does, and for the same reason: overriding the partials would
replace Zensical's templates with Material's), in Dutch, each repair keeping what the theme meant.
thema.js keeps the states up to date after a click or a key.

- A navigation section's toggle (a label for a hidden checkbox, tabindex="0") becomes a button:
  role, aria-expanded from its checkbox and, where it shows only an arrow icon beside the
  section's link, the name "Onderdelen van <section>" (which also names the section's nav, whose
  aria-labelledby points at it).
- The title of a nested menu panel on a phone (a label that slides the panel back) becomes a
  button "Terug uit <section>" in the tab order (hidden on wider screens, as the theme has it).
- The menu button in the header on a phone (a label for the drawer) becomes a button "Menu" in
  the tab order; without it a keyboard cannot open the menu.
- The search results' scroll box (tabindex="0") leaves the tab order (tabindex="-1"; without
  any, the browser makes an empty scroll box a tab stop itself): Tab closes the search, so focus
  reached the box only when it was closed and had no height. Results are reached with the arrow
  keys, as the theme means.
- The colour scheme's two radio buttons are named by the scheme each selects (the theme names
  each by the other one, so "Donkere weergave, selected" meant light) and grouped as "Weergave".
- A heading's permalink ("#", titled "Link naar dit kopje") is named by its heading.
"""

from __future__ import annotations

import html as htmlmod
import re
from pathlib import Path

# --- navigation section toggles ---------------------------------------------------------------
NAV_CHECKED = re.compile(r'<input class="md-nav__toggle md-toggle[^"]*" type="checkbox" id="(__nav\w*)"([^>]*)>')
NAV_TOGGLE = re.compile(r'<label class="md-nav__link[^"]*" for="(__nav\w*)" id="\1_label" tabindex="0">(.*?)</label>', re.S)
# a section with an index page: its link, then (only white space between) the toggle with an icon
SECTION_LINK = re.compile(r'<a href="[^"]*" class="md-nav__link[^"]*">(.*?)</a>\s*$', re.S)
NAV_TITLE = re.compile(r'<label class="md-nav__title" for="(__nav[\w]*)">(.*?)</label>', re.S)
DRAWER_BUTTON = '<label class="md-header__button md-icon" for="__drawer">'
SEARCH_SCROLL = '<div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>'
PALETTE = '<form class="md-header__option" data-md-component="palette">'
PALETTE_INPUT = re.compile(r'(<input class="md-option"[^>]*?) aria-label="[^"]*"([^>]*? id="(__palette_\d+)")')
PALETTE_LABEL = re.compile(r'<label class="md-header__button md-icon" title="([^"]*)" for="(__palette_\d+)"')
# a heading, its words (never running into the next heading) and its permalink
HEADING = re.compile(r'<h([1-6])([^>]*)>((?:(?!</h[1-6]>).)*?)<a class="headerlink" href="#([^"]+)" title="([^"]*)">#</a>', re.S)
SHORT_LABEL = re.compile(r'data-kort-label="([^"]*)"')


def text_of(markup: str) -> str:
    """The words of a piece of markup, as a screen reader reads them."""
    return " ".join(htmlmod.unescape(re.sub(r"<[^>]+>", "", markup)).split())


def attribute(value: str) -> str:
    return htmlmod.escape(value, quote=True)


def shortened(words: str, most: int = 10) -> str:
    parts = words.split()
    return " ".join(parts[:most]) + (" …" if len(parts) > most else "")


def name_nav_toggles(page: str) -> str:
    expanded = {m.group(1): "checked" in m.group(2) for m in NAV_CHECKED.finditer(page)}

    def toggle(match: re.Match) -> str:
        path, inside = match.group(1), match.group(2)
        state = "true" if expanded.get(path) else "false"
        name = ""
        if not text_of(inside):
            before = page[: match.start()]
            link = SECTION_LINK.search(before[before.rfind("<a href="):])
            section = text_of(link.group(1)) if link else ""
            name = f' aria-label="{attribute("Onderdelen van " + section if section else "Onderdelen")}"'
        return match.group(0).replace(
            'tabindex="0">', f'tabindex="0" role="button" aria-expanded="{state}"{name}>', 1
        )

    page = NAV_TOGGLE.sub(toggle, page)

    def title(match: re.Match) -> str:
        section = text_of(match.group(2))
        name = f"Terug uit {section}" if section else "Terug"
        return match.group(0).replace(
            ">", f' tabindex="0" role="button" aria-label="{attribute(name)}">', 1
        )

    return NAV_TITLE.sub(title, page)


def name_palette(page: str) -> str:
    if PALETTE not in page:
        return page
    # the label that selects a scheme says which one it is ("Donkere weergave" selects slate)
    selects = {target: title for title, target in PALETTE_LABEL.findall(page)}
    page = page.replace(PALETTE, PALETTE[:-1] + ' role="radiogroup" aria-label="Weergave">', 1)

    def radio(match: re.Match) -> str:
        name = selects.get(match.group(3))
        return f'{match.group(1)} aria-label="{attribute(name)}"{match.group(2)}' if name else match.group(0)

    return PALETTE_INPUT.sub(radio, page)


def name_permalinks(page: str) -> str:
    def permalink(match: re.Match) -> str:
        level, attrs, inside, anchor, title = match.groups()
        short = SHORT_LABEL.search(attrs)
        heading = htmlmod.unescape(short.group(1)) if short else shortened(text_of(inside))
        name = f"{title or 'Link naar dit kopje'}: {heading}"
        return (
            f'<h{level}{attrs}>{inside}<a class="headerlink" href="#{anchor}" title="{title}"'
            f' aria-label="{attribute(name)}">#</a>'
        )

    return HEADING.sub(permalink, page)


def repair(page: str) -> str:
    page = name_nav_toggles(page)
    page = page.replace(DRAWER_BUTTON, DRAWER_BUTTON[:-1] + ' tabindex="0" role="button" aria-label="Menu" aria-expanded="false">')
    page = page.replace(SEARCH_SCROLL, SEARCH_SCROLL.replace(' tabindex="0"', ' tabindex="-1"'))
    page = name_palette(page)
    return name_permalinks(page)


def write(site_dir: Path) -> int:
    """Repair every built page; the number of pages changed."""
    changed = 0
    for path in site_dir.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        fixed = repair(page)
        if fixed != page:
            path.write_text(fixed, encoding="utf-8")
            changed += 1
    return changed
