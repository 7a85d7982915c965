"""The offline site as one zip, for workshops without network: downloads/kennisbank-offline.zip.

A second build of the same site with Material's offline plugin on (OFFLINE=true: .html addresses
that work from file://, the search index inlined, the iframe-worker shim we ship instead of the
CDN one), by the same builder, with its short links, plus the PDFs of this build. It lands in the
site, so a trainer downloads it from the site itself.
"""

from __future__ import annotations

import shutil
import tempfile
import time
import zipfile
from collections.abc import Mapping
from pathlib import Path

from kennisbank import sitemap
from kennisbank.model import Content

from . import builders, config as site_config, sitefiles
from .pdfs import ExportError


def make(project: Path, site_dir: Path, builder: str, content: Content, environ: Mapping[str, str], say) -> None:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        offline = Path(tmp) / "kennisbank"
        # the copy links to the PDFs as the site does (they are copied in below), not to itself
        env = {**environ, "OFFLINE": "true", sitemap.ZIP_ENV: "0"}
        # Zensical's cache holds pages rendered with directory URLs: the offline copy builds clean
        result = builders.build(builder, project, offline, env, clean=True)
        if result.returncode:
            raise ExportError(f"offline zip: the offline build failed:\n{(result.stdout + result.stderr)[-2000:]}")
        sitefiles.write(project, offline, site_config.read(project / "mkdocs.yml", env), content, lambda message: None)
        pdfs = site_dir / sitemap.PDF_FOLDER
        if pdfs.is_dir():
            shutil.copytree(pdfs, offline / sitemap.PDF_FOLDER)
        target = site_dir / sitemap.OFFLINE_ZIP
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(offline.rglob("*")):
                archive.write(path, Path("kennisbank") / path.relative_to(offline))
    size = target.stat().st_size // 1024
    say(f"Offline: {sitemap.OFFLINE_ZIP} ({size} kB) in {time.perf_counter() - started:.1f} s")
