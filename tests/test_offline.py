"""The offline site: one zip from the site itself, opened from disk without network, works."""

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def unzipped(offline_copy):
    """The offline copy, unpacked into a trainer's folder (conftest.offline_copy)."""
    return offline_copy


def test_zip_holds_the_site_with_html_addresses_and_the_pdfs(unzipped):
    assert (unzipped / "index.html").exists() and (unzipped / "vredestijd/v2.html").exists()
    assert (unzipped / "search/search_index.js").read_text(encoding="utf-8").startswith("var __index =")
    assert (unzipped / "pdf/werkkaart-v2.pdf").exists() and (unzipped / "pdf/kennisbank-cyclus.pdf").exists()
    assert (unzipped / "r/v2-4/index.html").read_text(encoding="utf-8").count("../../vredestijd/v2.html#v2-4") >= 1


def test_every_link_opens_a_page_from_disk_never_a_folder(unzipped):
    from tools.links import broken_links

    assert not broken_links(unzipped), broken_links(unzipped)[:10]
    folders = []
    for path in unzipped.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        links = re.findall(r'<a\b[^>]*\shref="([^"#:]*/)(?:#[^"]*)?"', html)
        links += re.findall(r'url=([^"#:]*/)(?:#[^"]*)?"', html)  # short links' redirects
        folders += [(path.relative_to(unzipped).as_posix(), link) for link in links]
    assert not folders, folders[:10]


def test_the_copy_links_to_its_pdfs_and_says_it_is_the_copy(unzipped):
    v2 = (unzipped / "vredestijd/v2.html").read_text(encoding="utf-8")
    assert 'href="../pdf/werkkaart-v2.pdf"' in v2
    offline = (unzipped / "offline.html").read_text(encoding="utf-8")
    assert "Dit is de offline versie" in offline and 'href="pdf/kennisbank-cyclus.pdf"' in offline
    assert "Offline versie (zip)" not in offline  # the copy does not hold itself


def test_a_short_link_opens_its_step_from_disk_and_presents_it(browser, unzipped):
    page = browser.new_page()
    page.goto((unzipped / "r/c5-2/index.html").as_uri())
    page.wait_for_url("**/crisis/c5.html#c5-2")
    assert page.locator("#c5-2").is_visible()
    # the trainer presents from there, without network
    page.locator("button.presenteer").click()
    assert page.locator(".presentatie__dia:visible h2").text_content() == "C5.2 · stap 2 van 8"
    page.close()


def test_a_copied_short_link_opens_its_step_from_disk(browser, unzipped):
    """The copy button gives the address the trainer can open: from disk, the folder's page."""
    page = browser.new_page()
    page.goto((unzipped / "vredestijd/v2.html").as_uri())
    page.locator('button[data-anker="v2-4"]').click()
    status_region = page.locator(".kopieer-status[role=status]")
    expect(status_region).to_contain_text("file:")  # the region is there before its message
    status = status_region.text_content()
    copied = re.search(r"(file:\S+)", status).group(1)
    assert copied == (unzipped / "r/v2-4/index.html").as_uri(), status
    page.goto(copied)
    page.wait_for_url("**/vredestijd/v2.html#v2-4")
    page.close()


def test_no_offline_page_loads_anything_from_outside(unzipped):
    for path in unzipped.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        # the canonical address (site_url) names the page, it loads nothing
        external = re.findall(r'<(?:script|link|img|iframe|source|video|audio)\b(?![^>]*rel="canonical")[^>]*(?:src|href)="((?:https?:)?//[^"]+)"', html)
        assert not external, (path, external)
    assert "unpkg.com" not in (unzipped / "index.html").read_text(encoding="utf-8")
    assert (unzipped / "assets/javascripts/vendor/iframe-worker/shim.js").exists()


def test_from_disk_without_network_search_and_checklists_work(offline_browser, unzipped):
    page = offline_browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((unzipped / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('Typ om')", timeout=15000)
    page.locator("input.md-search__input").press_sequentially("Snapchat")
    page.wait_for_function(
        "[...document.querySelectorAll('.md-search-result__item > a')].some(a => a.href.includes('vredestijd/v3.html'))",
        timeout=15000,
    )
    page.goto((unzipped / "vredestijd/v2.html").as_uri())
    page.locator('label[for="vink-v2-3"]').click()
    page.reload()
    assert page.locator("#vink-v2-3").is_checked()
    page.locator('a[href="../crisis/index.html"]').first.click()
    assert page.url.endswith("crisis/index.html")
    page.close()
    outside = [url for url in requests if not url.startswith(("file:", "data:", "blob:", "about:"))]
    assert not outside, outside


def test_a_recommendation_printed_from_the_browser_shows_its_short_links(browser, unzipped, content):
    """A trainer prints a recommendation page (not the PDF handout) from the offline copy: the page's
    short link and each step's, as the build wrote them (the session build knows the site's address),
    beside the recommendation and beside each step; the copy buttons that hold them do not print."""
    from conftest import TEST_SITE_URL
    from kennisbank import sitemap

    handvat = next(iter(content.handvatten.values()))
    page = browser.new_page()
    page.goto((unzipped / sitemap.url_of(handvat.page, directory_urls=False)).as_uri())
    page.emulate_media(media="print")
    after = "el => getComputedStyle(el, '::after').content"
    own = sitemap.short_address(TEST_SITE_URL, handvat.id.lower())
    assert page.locator("article .handvat-meta").evaluate(after) == f'" · Korte link: {own}"'
    printed = page.locator("article li.stap .stap__kop").evaluate_all(f"els => els.map({after})")
    assert printed == [f'"Korte link: {sitemap.short_address(TEST_SITE_URL, step.anchor)}"' for step in handvat.steps]
    assert not page.locator("article .kopieer").first.is_visible()
    page.close()
