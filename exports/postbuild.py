"""The post-build step: everything made after the pages, from the built site, after either
builder (run by `python -m exports`)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from kennisbank import project as project_content, sitemap

from . import config as site_config, linkcontract, offline, opendata, pdf_exports, sitefiles, sitemapxml


def say(message: str) -> None:
    print(f"exports: {message}", file=sys.stderr, flush=True)


class LinkContractError(Exception):
    """Published addresses the build no longer serves, one line each."""


def post_build(project: Path, site_dir: Path, builder: str = "mkdocs", environ: Mapping[str, str] = os.environ,
               contract: Path | None = None) -> None:
    """Short-link pages, the link contract (``contract``: links.txt) on the result, then PDFs and
    the zip when asked for. ExportError/ContentError/LinkContractError on failure."""
    started = time.perf_counter()
    config = site_config.read(project / "mkdocs.yml", environ)
    content = project_content.load(project, version=config.version).content
    sitefiles.write(project, site_dir, config, content, say)
    say(f"sitemap: {sitemapxml.write(site_dir, content, project / 'docs', config.site_url)} pages dated from the changelog")
    if opendata.write_security_txt(site_dir, config):
        say(f"{sitemap.SECURITY_TXT} written")
    if contract is not None:
        entries = linkcontract.read_contract(contract)
        dropped = linkcontract.check(site_dir, entries)
        if dropped:
            raise LinkContractError(
                f"the build no longer serves {len(dropped)} published address(es) of {contract.name}; "
                "put them back or add a redirect (redirects.redirect_maps in mkdocs.yml):\n  " + "\n  ".join(dropped)
            )
        say(f"link contract: {len(entries)} published addresses resolve")
    if sitemap.pdfs_made(environ):
        pdf_exports.make(site_dir, config, content, say)
    if sitemap.zip_made(environ):
        offline.make(project, site_dir, builder, content, environ, say)
    say(f"done in {time.perf_counter() - started:.1f} s")
