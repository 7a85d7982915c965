"""The post-build step: everything made after the pages, from the built site, after either
builder (run by `python -m exports`)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from kennisbank import sitemap
from kennisbank.model import load_once

from . import config as site_config, offline, opendata, pdfs, sitefiles, sitemapxml


def say(message: str) -> None:
    print(f"exports: {message}", file=sys.stderr, flush=True)


def post_build(project: Path, site_dir: Path, builder: str = "mkdocs", environ: Mapping[str, str] = os.environ) -> None:
    """Short-link pages, then PDFs and the zip when asked for. ExportError/ContentError on failure."""
    started = time.perf_counter()
    config = site_config.read(project / "mkdocs.yml", environ)
    content = load_once(project / "data")
    sitefiles.write(project, site_dir, config, content, say)
    say(f"sitemap: {sitemapxml.write(site_dir, content, project / 'docs', config.site_url)} pages dated from the changelog")
    if opendata.write_security_txt(site_dir, config):
        say(f"{sitemap.SECURITY_TXT} written")
    if sitemap.pdfs_made(environ):
        pdfs.make(site_dir, config, content, say)
    if sitemap.zip_made(environ):
        offline.make(project, site_dir, builder, content, environ, say)
    say(f"done in {time.perf_counter() - started:.1f} s")
