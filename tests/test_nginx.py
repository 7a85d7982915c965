"""The published site as nginx serves it: Debian's nginx with the project's configuration
(deploy/nginx/kennisbank.conf) on a loopback port, over the session's fresh build finished by the
publish step; every address with its status and headers, then Chromium browsing it with zero
Content-Security-Policy violations and zero console errors. And the same checks failing on a
served site that is broken on purpose."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from kennisbank.publisher import security_txt
from kennisbank.sitemap import SECURITY_TXT
from tools import publish
from tools.nginx import published, serve as nginx


@pytest.fixture(scope="module")
def served(site, tmp_path_factory):
    """(URL, site root, configuration folder) of the published site under nginx."""
    root, conf = published(site, tmp_path_factory.mktemp("published"))
    # the publisher's security contact is set in mkdocs.yml only for publication (./dev publish
    # refuses without it); its file as the post-build step writes it
    contact = {"beveiliging_contact": "security@kennisbank.example", "beveiliging_beleid": "https://kennisbank.example/beleid"}
    (root / ".well-known").mkdir(exist_ok=True)
    (root / SECURITY_TXT).write_text(security_txt(contact, "https://kennisbank.example/", date.today()), encoding="utf-8")
    with nginx(root, conf) as url:
        yield url, root, conf


def policy_of(conf: Path) -> str:
    line = (conf / "kennisbank/csp.conf").read_text(encoding="utf-8").split('Content-Security-Policy "')[1]
    return line.split('" always;')[0]


def test_every_page_and_short_link_answers_with_the_security_headers(served):
    url, _, conf = served
    csp = policy_of(conf)
    assert "'unsafe-inline'" not in csp and "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert csp.count("'sha256-") >= 2  # Material's inline scripts are named by hash
    assert len(publish.addresses()) > 150  # the whole link contract, short links included
    assert publish.check(url, csp) == []


def test_downloads_are_served_with_their_type_and_headers(served):
    url, root, conf = served
    for path, kind in (("/pdf/werkkaart-v2.pdf", "application/pdf"), ("/downloads/kennisbank-offline.zip", "application/zip")):
        status, headers, body = publish.fetch(url + path)
        assert (status, headers["content-type"]) == (200, kind), path
        assert len(body) == (root / path.lstrip("/")).stat().st_size
        assert publish.header_problems(path, headers, policy_of(conf)) == []


def test_security_txt_is_served_as_text_with_the_required_fields(served):
    url, _, conf = served
    assert publish.security_txt_problems(url, policy_of(conf)) == []
    status, headers, body = publish.fetch(url + "/.well-known/security.txt", encoding="identity")
    assert b"Contact: mailto:security@kennisbank.example" in body and b"Preferred-Languages: nl, en" in body


def test_the_server_check_names_a_missing_security_txt(served, tmp_path):
    url, root, conf = served
    moved = tmp_path / "security.txt"
    shutil.move(root / SECURITY_TXT, moved)
    try:
        assert publish.security_txt_problems(url, policy_of(conf)) == ["/.well-known/security.txt: the server answers 404"]
    finally:
        shutil.move(moved, root / SECURITY_TXT)


def record(context):
    """Collect every CSP violation (the page's own event) and console error of a browser context."""
    seen = []
    context.expose_function("__csp", lambda text: seen.append(f"CSP violation {text}"))
    context.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => window.__csp("
        "location.pathname + ': ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (line ' + e.lineNumber + ')'))"
    )
    return seen


@pytest.fixture
def browsing(browser):
    context = browser.new_context(locale="nl-NL", accept_downloads=True)
    seen = record(context)
    page = context.new_page()
    page.on("console", lambda msg: msg.type == "error" and seen.append(f"console error on {page.url}: {msg.text}"))
    page.on("pageerror", lambda error: seen.append(f"page error on {page.url}: {error}"))
    yield page, seen
    context.close()


# No page.evaluate or wait_for_function here: Playwright evaluates those strings with eval, which
# the policy rightly refuses (and reports as a violation); locators do not need it.
def test_chromium_browses_the_served_site_without_csp_violations_or_console_errors(served, browsing):
    url = served[0]
    page, seen = browsing
    page.goto(url + "/")
    assert page.locator("h1").first.is_visible()

    # search with a query (the search worker and its index under the policy)
    page.locator("input.md-search__input").click()
    page.locator(".md-search-result__meta", has_text="Typ om").wait_for(timeout=15000)  # index loaded
    page.locator("input.md-search__input").press_sequentially("DPIA")
    page.locator('.md-search-result__item > a[href*="vredestijd/v2/"]').first.wait_for(timeout=10000)

    # a recommendation: tick a box, reload, still ticked
    page.goto(url + "/vredestijd/v2/")
    page.locator('label[for="vink-v2-4"]').click()
    page.reload()
    assert page.locator("#vink-v2-4").is_checked()

    # the presentation view, on and off
    page.locator("button.presenteer").click()
    page.locator(".presentatie[role=dialog]").wait_for()
    page.keyboard.press("PageDown")
    page.keyboard.press("Escape")
    page.locator(".presentatie[role=dialog]").wait_for(state="detached")

    # a PDF from the page's own link (Chromium shows it in its viewer, under the same headers)
    with page.expect_response(lambda response: response.url.endswith("/pdf/werkkaart-v2.pdf")) as pdf:
        page.locator('a[href$="werkkaart-v2.pdf"]').first.click()
    assert (pdf.value.status, pdf.value.header_value("content-type")) == (200, "application/pdf")
    page.wait_for_load_state("load")

    for path in ("/woordenlijst/", "/trainingen/publieksagressie/per-functiegroep/", "/r/v2-4/"):
        page.goto(url + path)
    page.wait_for_url("**/vredestijd/v2/#v2-4")  # the short link lands on the step
    page.wait_for_load_state("networkidle")
    assert seen == []


# --- bad input: the same checks fail, naming what is wrong ----------------------------------------

def test_a_broken_publication_is_found_by_the_server_check_and_the_browser(served, browsing, tmp_path):
    """A page with an inline script the policy does not name (as when a template gains one after
    the policy was made), a short link gone, a header dropped from the configuration."""
    _, root, conf = served
    broken_root, broken_conf = tmp_path / "site", tmp_path / "conf"
    shutil.copytree(root, broken_root)
    shutil.copytree(conf / "kennisbank", broken_conf / "kennisbank")
    page_file = broken_root / "vredestijd/v2/index.html"
    page_file.write_text(page_file.read_text(encoding="utf-8").replace("</body>", "<script>document.title += '!'</script></body>"), encoding="utf-8")
    for stale in ("index.html.gz", "index.html.br"):  # the precompressed copies would hide the change
        (page_file.parent / stale).unlink()
    shutil.rmtree(broken_root / "r/v2")
    config = broken_conf / "kennisbank/kennisbank.conf"
    config.write_text(config.read_text(encoding="utf-8").replace('add_header X-Content-Type-Options "nosniff" always;', ""), encoding="utf-8")

    with nginx(broken_root, broken_conf) as url:
        problems = publish.check(url, policy_of(conf), paths=["/vredestijd/v2/", "/r/v2/"])
        page, seen = browsing
        page.goto(url + "/vredestijd/v2/")
        page.wait_for_load_state("networkidle")
    assert "short link /r/v2/: the server answers 404" in problems
    assert "page /vredestijd/v2/: header x-content-type-options is None, expected 'nosniff'" in problems
    assert any(s.startswith("CSP violation /vredestijd/v2/: script-src-elem blocked inline") for s in seen), seen
