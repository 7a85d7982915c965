"""Benchmark: prints build times, page weight, PDF times and Lighthouse scores against budgets.

    ./dev bench            # all figures (about 3 minutes on 2 cores)
    ./dev bench --quick    # one run per build, no Lighthouse

Figures, not tests: nothing here fails the build. Where a budget is missed, the line says why.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import functools
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "__pycache__", ".pytest_cache", "bench")


def line(name: str, value: str, budget: str = "", ok: bool | None = None, why: str = "") -> None:
    verdict = "" if ok is None else ("  ok" if ok else f"  MISSED: {why}")
    print(f"{name:<52} {value:>14}   {budget:<18}{verdict}")


def build(project: Path, out: Path, extra_env: dict | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=project, env={**ENV, **(extra_env or {})}, capture_output=True, text=True,
    )
    if result.returncode:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-2000:]}")
    return time.perf_counter() - start


def median_build(project: Path, runs: int, extra_env: dict | None = None) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        return statistics.median(build(project, Path(tmp) / f"s{n}", extra_env) for n in range(runs))


def copy_project(tmp: Path, name: str) -> Path:
    dst = tmp / name
    shutil.copytree(ROOT, dst, ignore=COPY_IGNORE)
    return dst


# --- macros overhead: the same site with every page pre-rendered to plain Markdown -------------

DUMP_HOOK = '''
import os
from pathlib import Path
def on_page_markdown(markdown, page, **kwargs):
    out = Path(os.environ["DUMP_DIR"]) / page.file.src_uri
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(markdown, encoding="utf-8")
    return markdown
'''


def prerendered_project(tmp: Path) -> Path:
    """A copy whose pages are the macros' output and whose config has no macros plugin."""
    project = copy_project(tmp, "prerendered")
    dump = tmp / "dump"
    (project / "dump_hook.py").write_text(DUMP_HOOK, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("hooks:\n", "hooks:\n  - dump_hook.py\n", 1), encoding="utf-8")
    build(project, tmp / "dump-site", {"DUMP_DIR": str(dump)})
    for page in dump.rglob("*.md"):
        target = project / "docs" / page.relative_to(dump)
        # front matter stays (tags); the body is the rendered Markdown, with no Jinja left in it
        front = re.match(r"---\n.*?\n---\n", target.read_text(encoding="utf-8"), re.S)
        target.write_text((front.group() if front else "") + page.read_text(encoding="utf-8"), encoding="utf-8")
    config = re.sub(r"  - macros:\n(?:      .*\n)+", "", config)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


# --- scaling: the content at ten times its size ---------------------------------------------------

def scaled_project(tmp: Path, factor: int) -> Path:
    """A copy with every recommendation repeated `factor` times (new ids, same structure)."""
    project = copy_project(tmp, f"x{factor}")
    data, docs = project / "data/cyclus", project / "docs"
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    for letter, phase in (("V", "vredestijd"), ("C", "crisis"), ("N", "nazorg")):
        originals = sorted(data.glob(f"{letter}*.yml"), key=lambda p: int(p.stem[1:]))
        count = len(originals)
        nav = []
        for copy in range(1, factor):
            for path in originals:
                new_id = f"{letter}{int(path.stem[1:]) + copy * count}"
                text = path.read_text(encoding="utf-8").replace(f"id: {path.stem}\n", f"id: {new_id}\n", 1)
                (data / f"{new_id}.yml").write_text(text, encoding="utf-8")
                (docs / phase / f"{new_id.lower()}.md").write_text(f'{{{{ handvat("{new_id}") }}}}\n', encoding="utf-8")
                nav.append(f"          - {phase}/{new_id.lower()}.md\n")
        last = f"          - {phase}/{originals[-1].stem.lower()}.md\n"
        config = config.replace(last, last + "".join(nav), 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


# --- page weight --------------------------------------------------------------------------------

def page_weight(site: Path, page: str) -> tuple[int, int]:
    """Bytes of the HTML, CSS and JS a browser loads for a page: raw and gzip-compressed."""
    html_path = site / page / "index.html"
    html = html_path.read_text(encoding="utf-8")
    files = [html_path]
    for ref in re.findall(r'<(?:script[^>]*src|link[^>]*rel="stylesheet"[^>]*href)="([^"]+)"', html):
        target = (html_path.parent / ref.split("?")[0]).resolve()
        if target.exists():
            files.append(target)
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
    return raw, packed


# --- search: index size and the time from the last key to the results drawn ----------------------

SEARCH_INDEX_BUDGET = (1.5 * 208 * 1024, 1.5 * 54 * 1024)  # issue 11: 1.5 times the index before it


def search_timings(site: Path, queries: list[str]) -> list[float]:
    """Milliseconds from the last letter typed to the result list redrawn, per query, in Chromium."""
    sys.path.insert(0, str(ROOT / "tests"))
    from playwright.sync_api import sync_playwright
    from zoeken import open_search, type_query

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    times = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page()
            open_search(page, f"http://127.0.0.1:{server.server_address[1]}/")
            for query in queries:
                type_query(page, query[:-1] or query)  # all but the last letter, results settled
                times.append(page.evaluate(
                    """query => new Promise(done => {
                        const box = document.querySelector('input.md-search__input');
                        const list = document.querySelector('.md-search-result');
                        const start = performance.now();
                        const seen = new MutationObserver(() => {
                            seen.disconnect();
                            requestAnimationFrame(() => done(performance.now() - start));
                        });
                        seen.observe(list, {childList: true, subtree: true, characterData: true});
                        box.value = query;
                        box.dispatchEvent(new KeyboardEvent('keyup', {key: query.slice(-1)}));
                        setTimeout(() => { seen.disconnect(); done(NaN); }, 3000);
                    })""",
                    query,
                ))
            browser.close()
    finally:
        server.shutdown()
    return [t for t in times if t == t]


def search_figures(site: Path, label: str) -> None:
    import yaml

    index = site / "search/search_index.json"
    raw, packed = index.stat().st_size, len(gzip.compress(index.read_bytes(), 9))
    line(f"search index{label}, raw", f"{raw / 1024:.0f} KB", "at most 312 KB" if not label else "",
         raw <= SEARCH_INDEX_BUDGET[0] if not label else None, "more text or search words than planned")
    line(f"search index{label}, gzip", f"{packed / 1024:.0f} KB", "at most 81 KB" if not label else "",
         packed <= SEARCH_INDEX_BUDGET[1] if not label else None, "more text or search words than planned")
    queries = [c["query"] for name in ("search_queries.yml", "search_queries_rollen.yml")
               for c in yaml.safe_load((ROOT / "tests" / name).read_text(encoding="utf-8"))]
    times = search_timings(site, queries)
    median = statistics.median(times)
    line(f"search{label}: last key to results drawn, median", f"{median:.0f} ms", "under 100 ms", median < 100,
         "the worker's query expansion or the index size")
    line(f"search{label}: same, slowest query", f"{max(times):.0f} ms")


# --- Lighthouse --------------------------------------------------------------------------------

def lighthouse(site: Path, pages: list[str]) -> dict[str, dict[str, int]]:
    binary = ROOT / "bench/node_modules/.bin/lighthouse"
    if not binary.exists():
        return {}
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    scores = {}
    try:
        for page in pages:
            url = f"http://127.0.0.1:{server.server_address[1]}/{page}"
            result = subprocess.run(
                [str(binary), url, "--output=json", "--quiet", "--chrome-path=/usr/bin/chromium",
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
                 "--only-categories=performance,accessibility,best-practices,seo", "--form-factor=desktop",
                 "--screenEmulation.disabled", "--throttling-method=provided"],
                capture_output=True, text=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
            )
            if result.returncode:
                scores[page] = {"error": result.stderr.strip().splitlines()[-1] if result.stderr else "failed"}
                continue
            report = json.loads(result.stdout)
            scores[page] = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
            # the audits that cost points, so a missed budget says why
            for key, category in report["categories"].items():
                failed = [
                    ref["id"] for ref in category["auditRefs"]
                    if ref.get("weight") and (report["audits"][ref["id"]].get("score") or 0) < 1
                    and report["audits"][ref["id"]].get("scoreDisplayMode") not in ("notApplicable", "manual", "informative")
                ]
                scores[page][f"{key}:why"] = ", ".join(failed)
    finally:
        server.shutdown()
    return scores


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="one run per build, no Lighthouse")
    args = parser.parse_args()
    runs = 1 if args.quick else 3
    print(f"Benchmark on {os.cpu_count()} cores; medians of {runs} run(s)\n")
    print(f"{'figure':<52} {'value':>14}   {'budget':<18}")

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        full = median_build(ROOT, runs)
        line("strict HTML build, real site", f"{full:.2f} s")
        plain = median_build(prerendered_project(tmp), runs)
        ratio = full / plain
        line("same site, macros doing no work (pre-rendered)", f"{plain:.2f} s")
        line("macros overhead (ratio)", f"{ratio:.2f}x", "at most 1.3x", ratio <= 1.3,
             "validating all data and rendering every page from it is part of each build")
        tenfold = median_build(scaled_project(tmp, 10), runs)
        scale = tenfold / full
        line("10x content (210 recommendations), build", f"{tenfold:.2f} s")
        line("10x content / real size (ratio)", f"{scale:.2f}x", "at most 11x", scale <= 11,
             "build time grows faster than the content")

        site = tmp / "site"
        build(ROOT, site)
        for label, page in (("home page", ""), ("recommendation page (V2)", "vredestijd/v2/")):
            raw, packed = page_weight(site, page)
            budget_ok = packed <= 200 * 1024 if page else None
            line(f"page weight, {label}, raw", f"{raw / 1024:.0f} KB")
            line(f"page weight, {label}, gzip", f"{packed / 1024:.0f} KB", "at most 200 KB" if page else "",
                 budget_ok, "the theme's JavaScript bundle dominates")
        search_figures(site, "")
        tenfold_site = tmp / "site-x10"
        build(scaled_project(tmp, 10) if not (tmp / "x10").exists() else tmp / "x10", tenfold_site)
        search_figures(tenfold_site, " (10x content)")

        pdf_site = tmp / "pdf-site"
        with_pdf = build(ROOT, pdf_site, {"ENABLE_PDF_EXPORT": "1", "SITE_URL": "https://kennisbank.example/"})
        plain_build = build(ROOT, tmp / "plain-site")
        line("all PDFs (build with PDFs minus without)", f"{with_pdf - plain_build:.1f} s")
        from exports import hook, pdf
        from macros.dates import build_date
        from mkdocs.config import load_config

        meta = pdf.Meta(site_name="Kennisbank", version="bench", day=build_date(), site_url="https://kennisbank.example/")
        pages = hook.collect(pdf_site, [("vredestijd/v2.md", 1)], True)
        start = time.perf_counter()
        pdf.render(pdf.handout_html("Werkkaart V2", [(pages[0], "V2")], meta), "werkkaart-v2.pdf", pdf_site, pages)
        line("one handout PDF (V2)", f"{time.perf_counter() - start:.2f} s")
        del load_config

        if not args.quick:
            scores = lighthouse(site, ["vredestijd/", "vredestijd/v2/"])
            if not scores:
                line("Lighthouse", "not installed", "", False, "run ./dev bench (it installs bench/node_modules)")
            budgets = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
            for page, result in scores.items():
                if "error" in result:
                    line(f"Lighthouse {page or 'home'}", "error", "", False, result["error"][:60])
                    continue
                for category, minimum in budgets.items():
                    score = result.get(category, 0)
                    line(f"Lighthouse {page}: {category}", str(score), f"at least {minimum}", score >= minimum,
                         f"failed audits: {result.get(category + ':why') or 'none listed'}")


if __name__ == "__main__":
    main()
