"""Wide tables on a phone (issue 23, point 3): a table wider than its box says it scrolls (a hint
above it, a shadow where columns are hidden), scrolls from the keyboard and is named by its
caption; a table that fits gets none of it. In Chromium, phone and laptop."""

from __future__ import annotations

import pytest

from conftest import ROOT

AXE = ROOT / "node_modules/axe-core/axe.min.js"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}

# pages with data tables: a step's table (C4.4), the function-group matrix, the sample programme
PAGES = ["crisis/c4/", "trainingen/publieksagressie/per-functiegroep/", "trainingen/publieksagressie/voorbeeldprogramma/"]

TABLES = """() => [...document.querySelectorAll('article table.datatabel')].map(t => {
  const hint = t.previousElementSibling;
  return {
    caption: t.caption ? t.caption.textContent.trim() : '',
    wide: t.scrollWidth > t.clientWidth + 1,
    hint: !!hint && hint.classList.contains('tabel-hint') && hint.checkVisibility(),
    tabstop: t.tabIndex === 0,
    shadow: getComputedStyle(t).boxShadow !== 'none',
  };
})"""


@pytest.fixture
def page(tab):
    """A new tab in this module's browser context (conftest.tab): a warm cache, no search worker
    (these tests never search), the site's storage empty."""
    return tab


def test_a_table_says_it_scrolls_exactly_when_it_is_wider_than_its_box(page, served_site):
    """Each page loaded once on a phone, then the window widened to a laptop's: tabellen.js lays
    out the cue when the page starts (checked on the phone) and again when a table's box changes
    (ResizeObserver; checked on the laptop, where no table is as wide as on the phone)."""
    page.set_viewport_size(PHONE)
    problems, wide = [], {"phone": 0, "laptop": 0}
    for path in PAGES:
        page.goto(f"{served_site}/{path}")
        for size, viewport in (("phone", PHONE), ("laptop", LAPTOP)):
            page.set_viewport_size(viewport)
            # a frame and the end of its rendering: the ResizeObserver's callbacks have run
            tables = page.evaluate(f"async () => {{ await new Promise(d => requestAnimationFrame(() => setTimeout(d))); return ({TABLES})(); }}")
            assert tables, path
            for t in tables:
                wide[size] += t["wide"]
                if (t["hint"], t["tabstop"], t["shadow"]) != (t["wide"],) * 3:
                    problems.append(f"{size} {path} {t['caption'][:40]!r}: {t}")
    assert not problems, "\n".join(problems)
    assert wide["phone"] >= 2  # C4.4 and the matrix do not fit on a phone
    assert wide["laptop"] < wide["phone"]  # so the cue also went away when the window widened


def test_a_wide_table_scrolls_from_the_keyboard_and_is_named_by_its_caption(page, served_site):
    page.set_viewport_size(PHONE)
    page.goto(f"{served_site}/crisis/c4/")
    table = page.locator("#c4-4 table.datatabel")
    caption = table.locator("caption").text_content().strip()
    # Tab as a keyboard user does, from the last thing before the table that takes focus (the
    # page's tab order is the order of its elements: none of them sets a tabindex above 0)
    assert page.evaluate("document.querySelectorAll('[tabindex]:not([tabindex=\"-1\"]):not([tabindex=\"0\"])').length") == 0
    page.evaluate("""t => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
        .filter(e => e.tabIndex >= 0 && !e.disabled && e.checkVisibility() && e.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING)
        .pop().focus()""", table.element_handle())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('#c4-4 table')"), "Tab did not go on to the C4.4 table"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    assert table.get_attribute("class").count("tabel--rechts") == 1
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    # scrolled, and a shadow now also on the side it hides
    page.wait_for_function("t => t.scrollLeft > 0 && t.classList.contains('tabel--links')", arg=table.element_handle())
    page.keyboard.press("End")  # as far as it goes: no shadow on the right
    page.wait_for_function(
        "t => t.scrollLeft + t.clientWidth >= t.scrollWidth - 1 && !t.classList.contains('tabel--rechts')", arg=table.element_handle()
    )
    # a screen reader gets a table named by its caption (words of the caption, "redactie" mark included)
    snapshot = table.aria_snapshot()
    assert snapshot.startswith("- table") and caption.split()[0] in snapshot.splitlines()[0], snapshot[:200]
    # the hint is readable (contrast) in both colour schemes
    page.add_script_tag(path=str(AXE))
    for scheme in ("default", "slate"):
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        found = page.evaluate(
            "() => axe.run('.tabel-hint', {runOnly: ['color-contrast'], resultTypes: ['violations']}).then(r => r.violations.length)"
        )
        assert found == 0, scheme


def test_the_check_sees_a_wide_table_without_its_cue(page, served_site):
    page.set_viewport_size(PHONE)
    page.goto(f"{served_site}/crisis/c4/")
    page.evaluate("document.querySelectorAll('.tabel-hint').forEach(h => h.remove())")
    tables = page.evaluate(TABLES)
    assert any(t["wide"] and not t["hint"] for t in tables)
