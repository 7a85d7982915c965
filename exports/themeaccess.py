"""The theme's controls for keyboards and screen readers. Material 9.8 draws its toggles (the menu
button, the navigation's sections) as labels for hidden checkboxes, some of them focusable labels
without a name or a role. The post-build step repairs
the markup of every built page (as exports/validhtml.py does, and for the same reason: overriding
the partials would replace Zensical's templates with Material's), in Dutch, in valid HTML.

The toggles: the hidden checkbox itself becomes the control (HTML allows a name on it, and its
state is its own: checked is open), marked ``data-toetsenbord``; extra.css keeps it out of sight
but focusable where its label shows and draws its focus on that label; the label leaves the tab
order (HTML allows neither a role nor a name on a label that belongs to a checkbox).
- A navigation section's checkbox is named "Onderdelen van <section>"; the page's table of contents
  in the phone menu "Inhoud van deze pagina" (it shows below 60em only, as its label does).
- The menu's checkbox on a phone is named "Menu"; the skip link moves before it, so the first Tab
  still reaches "Ga naar inhoud".
- The colour scheme's two radio buttons are named by the scheme each selects (the theme names
  each by the other one, so "Donkere weergave, selected" meant light).
- A heading's permalink ("#", titled "Link naar dit kopje") is named by its heading.
"""

from __future__ import annotations

import html as htmlmod
import re
from pathlib import Path

from . import validhtml

KEYBOARD = "data-toetsenbord"  # a theme checkbox that is a control of its own (extra.css, thema.js)

NAV_TOGGLE = re.compile(r'<input class="md-nav__toggle md-toggle[^"]*" type="checkbox" id="(__nav\w*|__toc)"')
TOC = "__toc"  # the page's table of contents inside the phone menu
NAV_LABEL = re.compile(r'(<label class="md-nav__link[^"]*" for="(__nav\w*)" id="\2_label") tabindex="0">')
# what a section is called: the link to its index page, else the words of its own label
SECTION_LINK = re.compile(r'<a href="[^"]*" class="md-nav__link[^"]*">(.*?)</a>', re.S)
SECTION_LABEL = re.compile(r'<label class="md-nav__link[^"]*" for="(__nav\w*)" id="\1_label"[^>]*>(.*?)</label>', re.S)
DRAWER = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
SKIP = re.compile(r'\s*<div data-md-component="skip">.*?</div>', re.S)
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


def section_names(page: str) -> dict[str, str]:
    """Each navigation section's name by its checkbox id."""
    names = {}
    for match in SECTION_LABEL.finditer(page):
        path, inside = match.groups()
        words = text_of(inside)
        if not words:  # the label beside the section's index link shows an arrow only
            before = page[: match.start()]
            link = SECTION_LINK.search(before[before.rfind("<a href="):])
            words = text_of(link.group(1)) if link else ""
        names[path] = words
    return names


def keyboard_toggles(page: str) -> str:
    names = section_names(page)

    def toggle(match: re.Match) -> str:
        section = names.get(match.group(1))
        name = "Inhoud van deze pagina" if match.group(1) == TOC else section and "Onderdelen van " + section
        label = f' aria-label="{attribute(name)}"' if name else ""
        return f"{match.group(0)} {KEYBOARD}{label}"

    page = NAV_TOGGLE.sub(toggle, page)
    page = NAV_LABEL.sub(r"\1>", page)  # the checkbox is the tab stop now
    if DRAWER in page:
        skip = SKIP.search(page)
        if skip:
            page = page[: skip.start()] + page[skip.end():]
            page = page.replace(DRAWER, skip.group(0).strip() + "\n    " + DRAWER, 1)
        page = page.replace(DRAWER, DRAWER[:-1] + f' {KEYBOARD} aria-label="Menu">', 1)
    return page


def name_palette(page: str) -> str:
    # the label that selects a scheme says which one it is ("Donkere weergave" selects slate)
    selects = {target: title for title, target in PALETTE_LABEL.findall(page)}

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
    if KEYBOARD in page:
        return page  # repaired before
    page = keyboard_toggles(page)
    page = name_palette(page)
    return name_permalinks(page)


def write(site_dir: Path) -> int:
    """Repair every built page; the number of pages changed."""
    return validhtml.rewrite_pages(site_dir, repair)
