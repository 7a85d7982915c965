"""Shared fixtures: one strict build per test session, served on loopback for browser tests."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from html import unescape
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The source documents live beside the checkout (../shared/bronnen), as on every machine and in CI.
SOURCES = Path(os.environ.get("KENNISBANK_BRONNEN", ROOT.parent / "shared" / "bronnen"))
CHROMIUM = "/usr/bin/chromium"


def mkdocs_build(project: Path, site_dir: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """The pages alone, by MkDocs (for bad input: the builder must stop)."""
    from exports import builders

    return builders.build("mkdocs", project, site_dir, {**os.environ, **(extra_env or {})})


def post_build(project: Path, site_dir: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """The post-build step alone, over a built site (`python -m exports post`)."""
    return subprocess.run(
        [sys.executable, "-m", "exports", "post", str(site_dir)],
        cwd=project, env={**os.environ, **(extra_env or {})}, capture_output=True, text=True,
    )


# The session's one full build: strict, with the PDF exports, and a site address for short links
# and QR codes (the address is the test's own; deployments set SITE_URL).
TEST_SITE_URL = "https://kennisbank.example/"


SESSION_BUILD_ENV = {"ENABLE_PDF_EXPORT": "1", "ENABLE_OFFLINE_ZIP": "1", "SITE_URL": TEST_SITE_URL}


def needs_site_build(item) -> bool:
    return "site_build" in getattr(item, "fixturenames", ())


class Job:
    """A command started and left running, its output (stdout and stderr) going to a log file:
    nobody reads it while it runs. `finished()` waits and gives (return code, output)."""

    def __init__(self, argv: list[str], env: dict[str, str], log: Path, nice: int = 0):
        self.log = log
        with open(log, "w", encoding="utf-8") as out:
            self.process = subprocess.Popen(
                argv, cwd=ROOT, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT, text=True,
                preexec_fn=(lambda: os.nice(nice)) if nice else None,
            )

    def finished(self) -> tuple[int, str]:
        self.process.wait()
        return self.process.returncode, self.log.read_text(encoding="utf-8")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="session", autouse=True)
def site_build_started(request, tmp_path_factory, background_started):
    """The session's build, started with the session's first test when a test of the session needs
    it: it runs beside the tests that need no built site, which run first (pytest_collection_
    modifyitems), so the two cores share the work; once it is done, the builds at the lowest
    priority start (background_started). (site dir, the running build)."""
    if not any(map(needs_site_build, request.session.items)):
        background_started.start()
        yield None
        return
    out = tmp_path_factory.mktemp("site")
    # the whole site as ./dev builds it: the builder, then the post-build step
    job = Job([sys.executable, "-m", "exports", "build", "--builder", "mkdocs", "--site-dir", str(out)],
              SESSION_BUILD_ENV, out.parent / f"{out.name}.log")
    threading.Thread(target=lambda: (job.process.wait(), background_started.start()), daemon=True).start()
    yield out, job
    job.stop()


# --- builds at the lowest CPU priority ---------------------------------------------------------
#
# A build that only a few tests read (Zensical's, the editors' walks) runs at nice 19: started
# when the session build is done (site_build_started), it runs on a core the tests leave idle (a
# test's own build of a project copy, Chromium's waits) and gives way to them otherwise. Its tests
# run last (pytest_collection_modifyitems), by when it is done or nearly so; what is left of it
# counts in the first test that waits for it. A module registers a command with
# `in_background(fixture name)` on a function that gets a fresh folder and returns (argv,
# environment), read with `background_started.finished(name)`; or a function of its own, run in
# a process of its own, with `in_background_call(fixture name)`, whose JSON result
# `background_started.result(name)` gives.
BACKGROUND: dict = {}
RESULT = "result.json"  # what a function registered with in_background_call returned


def in_background(fixture_name: str):
    def register(command):
        BACKGROUND[fixture_name] = command
        return command
    return register


def in_background_call(fixture_name: str):
    """Register `function(folder) -> data` (JSON) to run in a process of its own, its module
    imported with tests/ and the checkout on the path."""
    def register(function):
        script = (
            "import json, sys; from pathlib import Path; "
            f"from {function.__module__} import {function.__name__} as run; folder = Path(sys.argv[1]); "
            f"(folder / {RESULT!r}).write_text(json.dumps(run(folder)), encoding='utf-8')"
        )
        path = os.pathsep.join([str(ROOT), str(ROOT / "tests")])
        in_background(fixture_name)(lambda folder: ([sys.executable, "-c", script, str(folder)], {"PYTHONPATH": path}))
        return function
    return register


def background_of(item) -> set[str]:
    """The registered builds a test reads."""
    return {name for name in getattr(item, "fixturenames", ()) if name in BACKGROUND}


def needs_background(item) -> bool:
    return bool(background_of(item))


class Background:
    """The registered builds the selected tests need, started together once."""

    def __init__(self, names: list[str], tmp_path_factory):
        self.names, self.tmp_path_factory, self.jobs = names, tmp_path_factory, {}
        self.lock = threading.Lock()  # started from the thread that waits for the session build
        self.closed = False

    def start(self) -> None:
        with self.lock:
            for name in [] if self.closed else self.names:
                if name not in self.jobs:
                    folder = self.tmp_path_factory.mktemp(name)
                    argv, env = BACKGROUND[name](folder)
                    self.jobs[name] = folder, Job(argv, env, folder.parent / f"{folder.name}.log", nice=19)

    def finished(self, name: str) -> tuple[Path, int, str]:
        """(folder, return code, output) of the build `name`, once it has finished."""
        self.start()
        folder, job = self.jobs[name]
        return (folder, *job.finished())

    def result(self, name: str) -> tuple[Path, object]:
        """(folder, what the function returned) of a build registered with in_background_call."""
        folder, returncode, output = self.finished(name)
        assert returncode == 0, output[-4000:]  # a ContentError names file and field
        return folder, json.loads((folder / RESULT).read_text(encoding="utf-8"))


@pytest.fixture(scope="session", autouse=True)
def background_started(request, tmp_path_factory):
    wanted = sorted(set().union(*map(background_of, request.session.items)))
    background = Background(wanted, tmp_path_factory)
    yield background
    with background.lock:
        background.closed = True
        for _, job in background.jobs.values():
            job.stop()


@pytest.fixture(scope="session")
def site_build(site_build_started) -> tuple[Path, str]:
    """(site dir, build log) of the real site, built once per session (site_build_started)."""
    out, job = site_build_started
    returncode, output = job.finished()
    assert returncode == 0, output[-3000:]
    return out, output


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    return site_build[0]


@pytest.fixture(scope="session")
def content():
    """The real content, loaded in a fixture: bad data fails the tests that need it, not collection."""
    from kennisbank.model import load

    return load(ROOT / "data")


@pytest.fixture
def data(tmp_path) -> Path:
    """A throw-away copy of data/ to break on purpose (the model tests' bad input)."""
    dst = tmp_path / "data"
    shutil.copytree(ROOT / "data", dst)
    return dst


def edit_yaml(path: Path, change) -> None:
    """Load a YAML file, let ``change`` alter the document in place, write it back."""
    import yaml

    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")


def problems_of(data_dir: Path) -> str:
    """The message the model stops with for this data (the test fails if it does not stop)."""
    from kennisbank.model import ContentError, load

    with pytest.raises(ContentError) as info:
        load(data_dir)
    return str(info.value)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project to break on purpose."""
    dst = tmp_path / "project"
    dst.mkdir()
    for name in ("mkdocs.yml", "docs", "data", "kennisbank", "macros", "overrides", "exports"):
        src = ROOT / name
        if not src.exists():
            continue
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dst / name)
    return dst


def page_text(html: str) -> str:
    """The readable text of a built page's article, as a reader (or a search engine) sees it."""
    match = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
    body = match.group(1) if match else html
    body = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", body, flags=re.S)
    # Inline elements join their neighbours without a space ("(<a>H2</a>)" reads "(H2)").
    body = re.sub(r"</?(a|span|em|strong|abbr|code|b|i|mark|sup|sub)\b[^>]*>", "", body)
    body = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"\s+", " ", unescape(body)).strip()


def read(site: Path, path: str) -> str:
    """A built file's text."""
    return (site / path).read_text(encoding="utf-8")


def table(html: str, caption_start: str) -> str:
    """The table whose caption starts with ``caption_start`` (the test fails without one)."""
    match = re.search(rf"<table[^>]*><caption>{re.escape(caption_start)}.*?</table>", html, re.S)
    assert match, caption_start
    return match.group()


def site_pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="session")
def served_site(site):
    """The built site over http on 127.0.0.1 (a random free port)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class _PagesHandler(_QuietHandler):
    """The site as _QuietHandler serves it, but its search index empty (its configuration kept)."""

    empty_index = b""

    def do_GET(self):
        if self.path.split("?")[0].endswith("/search/search_index.json"):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(self.empty_index)))
            self.end_headers()
            self.wfile.write(self.empty_index)
            return
        super().do_GET()


@pytest.fixture(scope="session")
def served_pages(site):
    """The built site over http as served_site, for tests of pages rather than of search: the search
    index comes empty. Every page load makes the browser build the search index from it, which is
    about 60% of a page load's work (measured); with an empty one, the search ends up in the same
    state as with the real one (ready, waiting for a query: the same markup), but no query finds
    anything. Search is tested on served_site and by its own tests."""
    import json

    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    handler = type("Handler", (_PagesHandler,), {"empty_index": json.dumps({"config": index["config"], "docs": []}).encode()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run ./dev test, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


@pytest.fixture(scope="session")
def offline_copy(site, tmp_path_factory) -> Path:
    """The session build's offline zip unpacked as a trainer does: into a folder with a space and an
    accented letter in its path. Tests read it only."""
    import zipfile

    archive = site / "downloads/kennisbank-offline.zip"
    assert archive.exists(), "the session build sets ENABLE_OFFLINE_ZIP=1 and must make the zip"
    target = tmp_path_factory.mktemp("offline") / "Workshop één"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(target)
    return target / "kennisbank"


# Chromium without network: every host name fails to resolve.
OFFLINE_CHROMIUM = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND"]


@pytest.fixture(scope="session")
def offline_browser(browser):
    """Chromium without network: every host name fails to resolve (the offline copy from disk)."""
    offline = browser.browser_type.launch(executable_path=CHROMIUM, args=OFFLINE_CHROMIUM)
    yield offline
    offline.close()


@pytest.fixture
def page(browser):
    """A page in a browser context of its own, whose pages build no search index (without_search):
    the tests that search make their own (test_search, test_offline, test_nginx)."""
    context = without_search(browser.new_context(locale="nl-NL"))
    pg = context.new_page()
    yield pg
    context.close()


# Material's search worker, as the pages start it (assets/javascripts/workers/search.<hash>.min.js),
# replaced by one that does nothing: the real one fetches and indexes the whole site on every page
# load, most of a page load's work on two cores.
_NO_SEARCH_WORKER = """(() => {
    const Worker = window.Worker;
    window.Worker = function (url, options) {
        if (!/\\/workers\\/search\\./.test(String(url))) return new Worker(url, options);
        return Object.assign(new EventTarget(), {postMessage() {}, terminate() {}});
    };
})()"""


def without_search(context):
    """A browser context whose pages never build the search index, for tests that do not search
    (the search is tested with its worker: test_search, test_offline, test_nginx, and axe sees the
    search ready: test_accessibility's checked_pages)."""
    context.add_init_script(_NO_SEARCH_WORKER)
    return context


@pytest.fixture(scope="module")
def module_context(browser):
    """One browser context for the tests of a module that do not search (without_search): its
    cache stays warm, and a page's first load in a new context costs twice a later one."""
    context = without_search(browser.new_context(locale="nl-NL"))
    yield context
    context.close()


@pytest.fixture
def tab(module_context, served_site):
    """A new tab in the module's context: as `page`, but the site's storage, the cookies and the
    permissions granted are cleared first, so each test starts as in a fresh browser."""
    module_context.clear_cookies()
    module_context.clear_permissions()
    pg = module_context.new_page()
    cdp = module_context.new_cdp_session(pg)
    cdp.send("Storage.clearDataForOrigin", {"origin": served_site, "storageTypes": "all"})
    cdp.detach()
    yield pg
    pg.close()


@pytest.fixture(scope="session", params=["phone", "laptop"])
def visited_pages(request, browser, served_pages) -> dict[str, dict]:
    """test_keyboard's pages, each loaded once per size for the session and checked there, for
    test_keyboard and test_wcag22 (test_keyboard.visited)."""
    from test_keyboard import visited

    return visited(browser, served_pages, request.param)


# --- layers: a pytest marker on every test, and the time each layer took -----------------------
#
# Every test gets one layer marker (registered in pyproject.toml), so a layer can be chosen or
# left out: `./dev test -m "not browser"`. A test's layer is, first, a layer marker it carries
# itself; else `browser` when it drives Chromium (the fixture `browser`, or `page`, which uses it);
# else its module's layer below; else, for a module not listed, `build` when it needs the built
# site or a project copy, `unit` otherwise.

LAYERS = {
    "unit": ("test_model.py", "test_model_trainingen.py", "test_citations.py", "test_render.py", "test_sitemap.py", "test_schemas.py"),
    "build": ("test_build.py", "test_serve.py", "test_editorial.py", "test_build_trainingen.py", "test_fidelity.py", "test_links.py", "test_woordenlijst.py", "test_injection.py", "test_publish.py", "test_wijzigingen.py", "test_redactie.py", "test_toegankelijkheid.py", "test_search.py", "test_accessibility.py", "test_offline.py", "test_reading.py", "test_browser.py", "test_nginx.py", "test_steps.py"),
    "browser": (),  # every test that uses the fixture `browser`
    "pdf": ("test_pdf.py",),
    "zensical": ("test_zensical.py",),
    "walk": ("test_walks.py",),
}
LAYER_NAMES = tuple(LAYERS)
BUILDS = {"site", "site_build", "served_site", "project_copy"}


def layer_of(item) -> str:
    own = [m.name for m in item.iter_markers() if m.name in LAYER_NAMES]
    if own:
        return own[0]
    fixtures = set(getattr(item, "fixturenames", ()))
    if "browser" in fixtures:
        return "browser"
    module = item.path.name
    listed = next((layer for layer, modules in LAYERS.items() if module in modules), None)
    return listed or ("build" if fixtures & BUILDS else "unit")


@pytest.hookimpl(tryfirst=True)  # before -m selects by marker
def pytest_collection_modifyitems(items):
    for item in items:
        layer = layer_of(item)
        if not any(m.name in LAYER_NAMES for m in item.iter_markers()):
            item.add_marker(getattr(pytest.mark, layer))
        item.user_properties.append(("layer", layer))
    # The tests that need no session build first, in their order: they run while it builds
    # (site_build_started), and the quick ones say first what is broken. The tests of a build at
    # the lowest priority last, when it had the most idle time to run (background_started).
    items.sort(key=lambda item: (needs_background(item), needs_site_build(item)))


_durations: dict[str, float] = {}
_counts: dict[str, int] = {}


def pytest_configure(config):
    config.addinivalue_line("markers", "walk: an editor's walk through REDACTIE.md on a copy of the project (builds)")


def pytest_runtest_logreport(report):
    layer = dict(report.user_properties).get("layer", "unit")
    _durations[layer] = _durations.get(layer, 0.0) + report.duration
    if report.when == "call" or (report.when == "setup" and report.skipped):
        _counts[layer] = _counts.get(layer, 0) + 1


def pytest_terminal_summary(terminalreporter):
    if not _durations:
        return
    total = sum(_durations.values())
    parts = ", ".join(
        f"{layer} {_durations[layer]:.1f} s ({_counts.get(layer, 0)} tests)" for layer in LAYER_NAMES if layer in _durations
    )
    terminalreporter.write_line(
        f"time per layer (setup, call and teardown; the session build runs beside the tests that need no built site, and what is left of it counts in the first test that needs it): {parts}; total {total:.1f} s"
    )
