"""Data that tries to become markup, links, script or template code shows as plain text.

Raw tags in data are refused by the model (test_model); this builds a site whose data carries
every other kind of injection (Markdown, entities, template code) in each text field, and opens
it in the browser: nothing executes and every string reads literally.
"""

import yaml

EVIL = "[klik](javascript:alert(1)) **vet** `code` {{ 7*7 }} {% raw %} &lt;script&gt;alert(2)&lt;/script&gt; &#60;b&#62;"
SHOWN = "[klik](javascript:alert(1)) **vet** `code` {{ 7*7 }} {% raw %} &lt;script&gt;alert(2)&lt;/script&gt; &#60;b&#62;"


def poison(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_injection_in_every_text_field_shows_as_text(project_copy, tmp_path, browser):
    from conftest import mkdocs_build

    def handvat(d):
        d["title"] = d["question"] = EVIL
        d["intro"] = [EVIL]
        d["steps"][0]["text"] = EVIL
        d["steps"][6]["table"]["caption"] = EVIL
        d["steps"][6]["table"]["rows"][0][1] = EVIL
        d["notes"] = [{"step": 1, "text": EVIL}]

    poison(project_copy / "data/cyclus/V12.yml", handvat)
    poison(project_copy / "data/trainingen/cursussen/omgaan-met-intimidatie-en-bedreiging.yml",
           lambda d: d.update(tagline=EVIL, topics=[EVIL], results=[EVIL]))
    poison(project_copy / "data/woordenlijst.yml", lambda terms: terms[0].update(definition=EVIL))
    site = tmp_path / "site"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr[-2000:]

    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path, count in (("vredestijd/v12/index.html", 6), ("trainingen/cursussen/omgaan-met-intimidatie-en-bedreiging/index.html", 3), ("woordenlijst/index.html", 1)):
        page.goto((site / path).as_uri())
        text = page.locator("article").inner_text()
        assert text.count(SHOWN) >= count, (path, text.count(SHOWN))
        assert page.locator("article a[href^='javascript']").count() == 0
        assert page.locator("article strong:has-text('vet')").count() == 0
        assert page.locator("article script:not([type='application/ld+json'])").count() == 0
    assert not dialogs
    page.close()
