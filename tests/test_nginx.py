"""The published site as nginx serves it: Debian's nginx with the project's configuration
(deploy/nginx/kennisbank.conf) on a loopback port, over the session's fresh build finished by the
publish step; every address with its status and headers, then Chromium browsing it with zero
Content-Security-Policy violations and zero console errors. And the same checks failing on a
served site that is broken on purpose."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from conftest import ROOT
from tools import publish

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"

# Only what the test needs around the project's file: a loopback port, and pid, log and temp
# paths inside the test's own folder, so nginx needs no root and touches nothing of the system's.
MAIN = """
load_module {brotli};
user {user};  # ignored unless run as root; then workers must read the test's private temp folder
worker_processes 1;
pid nginx.pid;
error_log stderr warn;
events {{}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path body; proxy_temp_path proxy; fastcgi_temp_path fastcgi;
    uwsgi_temp_path uwsgi; scgi_temp_path scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        include kennisbank/kennisbank.conf;
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def nginx(root: Path, conf: Path):
    """Serve `root` with the configuration folder `conf` (holding kennisbank/); yields the URL."""
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: run ./dev test, which installs Debian's nginx")
    port = free_port()
    (conf / "nginx.conf").write_text(
        MAIN.format(brotli=BROTLI, user=pwd.getpwuid(os.getuid()).pw_name, port=port, root=root), encoding="utf-8")
    server = subprocess.Popen(
        [NGINX, "-e", "stderr", "-p", str(conf), "-c", str(conf / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.PIPE, text=True,
    )
    try:
        for _ in range(100):
            if server.poll() is not None:
                pytest.fail(f"nginx stopped: {server.stderr.read()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.1):
                break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.send_signal(signal.SIGQUIT)  # graceful stop of this master, by its own pid
        server.wait(timeout=10)


def published(site: Path, into: Path) -> tuple[Path, Path]:
    """A copy of the build, finished by the publish step, and its nginx configuration folder."""
    root, conf = into / "site", into / "conf"
    shutil.copytree(site, root)
    (conf / "kennisbank").mkdir(parents=True)
    shutil.copy(ROOT / "deploy/nginx/kennisbank.conf", conf / "kennisbank")
    publish.finish(root, conf / "kennisbank")
    return root, conf


@pytest.fixture(scope="module")
def served(site, tmp_path_factory):
    """(URL, site root, configuration folder) of the published site under nginx."""
    root, conf = published(site, tmp_path_factory.mktemp("published"))
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
    page.locator("body.presentatie").wait_for()
    page.keyboard.press("Escape")
    page.locator("body:not(.presentatie)").wait_for()

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
