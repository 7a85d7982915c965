"""Benchmark: prints build times, page weight, PDF times and Lighthouse scores against budgets.

    ./dev bench            # all figures (about 3 minutes on 2 cores)
    ./dev bench --quick    # one run per build, no Lighthouse
Lighthouse measures the published site as nginx serves it (tools/nginx.py), with its default
mobile settings and as a desktop without throttling.

Figures, not tests: nothing here fails the build. Where a budget is missed, the line says why.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
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


def build(project: Path, out: Path, extra_env: dict | None = None, builder: str = "mkdocs", clean: bool = False) -> float:
    """Seconds the builder takes for the pages (the post-build step is timed apart)."""
    from exports import builders

    start = time.perf_counter()
    result = builders.build(builder, project, out, {**ENV, **(extra_env or {})}, clean=clean)
    if result.returncode:
        raise SystemExit(f"{builder} build failed in {project}:\n{(result.stdout + result.stderr)[-2000:]}")
    return time.perf_counter() - start


def median_build(project: Path, runs: int, extra_env: dict | None = None, builder: str = "mkdocs", clean: bool = False) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        return statistics.median(build(project, Path(tmp) / f"s{n}", extra_env, builder, clean) for n in range(runs))


def post_build(site: Path, extra_env: dict | None = None) -> float:
    """Seconds the post-build step takes (`python -m exports post`)."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "exports", "post", str(site)], cwd=ROOT,
                            env={**ENV, **(extra_env or {})}, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"post-build step failed:\n{result.stderr[-2000:]}")
    return time.perf_counter() - start


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
    (project / "mkdocs.yml").write_text(config + "\nhooks:\n  - dump_hook.py\n", encoding="utf-8")
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
        # after the nav line of the phase's last recommendation ('- "V12 ...": vredestijd/v12.md')
        last = re.search(rf"^ +- .*{phase}/{originals[-1].stem.lower()}\.md\n", config, re.M).group()
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

# issue 21: at most 1.3 times the index before the role search words (303 KB raw; gzip 66 KB as
# the issue counts it, 72 KB at level 9 here): 86 KB gzip
SEARCH_INDEX_BUDGET = (1.3 * 303 * 1024, 86 * 1024)


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
    line(f"search index{label}, raw", f"{raw / 1024:.0f} KB", f"at most {SEARCH_INDEX_BUDGET[0] / 1024:.0f} KB" if not label else "",
         raw <= SEARCH_INDEX_BUDGET[0] if not label else None, "more text or search words than planned")
    line(f"search index{label}, gzip", f"{packed / 1024:.0f} KB", f"at most {SEARCH_INDEX_BUDGET[1] / 1024:.0f} KB" if not label else "",
         packed <= SEARCH_INDEX_BUDGET[1] if not label else None, "more text or search words than planned")
    queries = [c["query"] for name in ("search_queries.yml", "search_queries_rollen.yml", "search_queries_methode.yml", "search_queries_apart.yml")
               for c in yaml.safe_load((ROOT / "tests" / name).read_text(encoding="utf-8"))]
    times = search_timings(site, queries)
    median = statistics.median(times)
    line(f"search{label}: last key to results drawn, median", f"{median:.0f} ms", "under 100 ms", median < 100,
         "the worker's query expansion or the index size")
    line(f"search{label}: same, slowest query", f"{max(times):.0f} ms")


# --- Lighthouse --------------------------------------------------------------------------------

def lighthouse(base: str, page: str, mobile: bool) -> dict[str, int | str]:
    """Scores of one page: Lighthouse's default mobile settings (a mid-range phone on simulated
    slow 4G), or a desktop without throttling."""
    binary = ROOT / "bench/node_modules/.bin/lighthouse"
    settings = [] if mobile else ["--form-factor=desktop", "--screenEmulation.disabled", "--throttling-method=provided"]
    result = subprocess.run(
        [str(binary), f"{base}/{page}", "--output=json", "--quiet", "--chrome-path=/usr/bin/chromium",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
         "--only-categories=performance,accessibility,best-practices,seo", *settings],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
    )
    if result.returncode:
        return {"error": result.stderr.strip().splitlines()[-1] if result.stderr else "failed"}
    report = json.loads(result.stdout)
    scores: dict[str, int | str] = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    # the audits that cost points, so a missed budget says why
    for key, category in report["categories"].items():
        failed = [
            ref["id"] for ref in category["auditRefs"]
            if ref.get("weight") and (report["audits"][ref["id"]].get("score") or 0) < 1
            and report["audits"][ref["id"]].get("scoreDisplayMode") not in ("notApplicable", "manual", "informative")
        ]
        scores[f"{key}:why"] = ", ".join(failed)
    return scores


# The page types, as served: home, a phase, a recommendation, the function-group matrix, the glossary
LIGHTHOUSE_PAGES = {
    "": "home", "vredestijd/": "phase", "vredestijd/v2/": "V2",
    "trainingen/publieksagressie/per-functiegroep/": "matrix", "woordenlijst/": "glossary",
}
BUDGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def lighthouse_as_served(site: Path, tmp: Path) -> None:
    """Lighthouse against the site as published: finished by the publish step, served by nginx with
    the project's configuration (brotli, cache headers, the policy). Desktop and mobile side by side."""
    if not (ROOT / "bench/node_modules/.bin/lighthouse").exists():
        line("Lighthouse", "not installed", "", False, "run ./dev bench (it installs bench/node_modules)")
        return
    from tools.nginx import published, serve

    root, conf = published(site, tmp / "published")
    print("\nLighthouse, the published site served by nginx: desktop / mobile (default settings)")
    print("  " + ", ".join(f"{name} /{page}" for page, name in LIGHTHOUSE_PAGES.items()))
    with serve(root, conf) as base:
        for page, name in LIGHTHOUSE_PAGES.items():
            desktop, mobile = lighthouse(base, page, mobile=False), lighthouse(base, page, mobile=True)
            if "error" in desktop or "error" in mobile:
                line(f"Lighthouse {name}", "error", "", False, str(desktop.get("error") or mobile.get("error"))[:60])
                continue
            for category, minimum in BUDGETS.items():
                low = min(desktop.get(category, 0), mobile.get(category, 0))
                why = mobile.get(f"{category}:why") or desktop.get(f"{category}:why") or "none listed"
                line(f"Lighthouse {name}, {category}",
                     f"{desktop.get(category)} / {mobile.get(category)}", f"at least {minimum}", low >= minimum,
                     f"failed audits: {why}")


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
        line("MkDocs: strict build of the pages, real site", f"{full:.2f} s", "at most 2.5 s", full <= 2.5,
             "slower than before the site map (about 2 s)")
        cold = median_build(ROOT, runs, builder="zensical", clean=True)
        line("Zensical 0.0.73: cold build (no cache)", f"{cold:.2f} s", "at most MkDocs'", cold <= full,
             "define_env runs once per page; the data is cached, the rendering is not")
        warm = median_build(ROOT, runs, builder="zensical")
        line("Zensical 0.0.73: warm build (cache, no change)", f"{warm:.2f} s")
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
        line("post-build step: short-link pages", f"{post_build(site):.2f} s")
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
        build(ROOT, pdf_site)
        with_pdf = post_build(pdf_site, {"ENABLE_PDF_EXPORT": "1", "SITE_URL": "https://kennisbank.example/"})
        line(f"post-build step with all PDFs ({os.cpu_count()} processes)", f"{with_pdf:.1f} s", "at most 12 s", with_pdf <= 12,
             "rendering is CPU-bound: the largest handbook alone sets the floor")
        from exports import pdf_documents as pdf, pdf_exports as pdfs
        from kennisbank.dates import build_date
        from kennisbank.model import load_once

        documents = load_once(ROOT / "data").documents.values()
        meta = pdf.Meta(site_name="Kennisbank", version="bench", day=build_date(), site_url="https://kennisbank.example/",
                        sources=tuple((d.id, d.title) for d in documents))
        pages = pdfs.collect(pdf_site, [("vredestijd/v2.md", 1)], True)
        start = time.perf_counter()
        pdf.render(pdf.handout_html("Werkkaart V2", [(pages[0], "V2")], meta), "werkkaart-v2.pdf", pdf_site, pages)
        one = time.perf_counter() - start
        line("one handout PDF (V2)", f"{one:.2f} s", "at most 0.5 s", one <= 0.5, "WeasyPrint layout of the page")

        if not args.quick:
            lighthouse_as_served(pdf_site, tmp)


if __name__ == "__main__":
    main()
