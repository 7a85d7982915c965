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


@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_a_table_says_it_scrolls_exactly_when_it_is_wider_than_its_box(browser, served_site, size):
    context = browser.new_context(locale="nl-NL", viewport=size)
    page = context.new_page()
    problems, wide = [], 0
    try:
        for path in PAGES:
            page.goto(f"{served_site}/{path}")
            tables = page.evaluate(TABLES)
            assert tables, path
            for t in tables:
                wide += t["wide"]
                if (t["hint"], t["tabstop"], t["shadow"]) != (t["wide"],) * 3:
                    problems.append(f"{path} {t['caption'][:40]!r}: {t}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
    if size is PHONE:
        assert wide >= 2  # C4.4 and the matrix do not fit on a phone


def test_a_wide_table_scrolls_from_the_keyboard_and_is_named_by_its_caption(browser, served_site):
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(f"{served_site}/crisis/c4/")
        table = page.locator("#c4-4 table.datatabel")
        caption = table.locator("caption").text_content().strip()
        for _ in range(200):  # Tab as a keyboard user does, to the table
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('#c4-4 table')"):
                break
        else:
            raise AssertionError("Tab never reached the C4.4 table")
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
    finally:
        context.close()


def test_the_check_sees_a_wide_table_without_its_cue(browser, served_site):
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(f"{served_site}/crisis/c4/")
        page.evaluate("document.querySelectorAll('.tabel-hint').forEach(h => h.remove())")
        tables = page.evaluate(TABLES)
        assert any(t["wide"] and not t["hint"] for t in tables)
    finally:
        context.close()
