"""The offline site as one zip, for workshops without network: downloads/kennisbank-offline.zip.

A second build of the same site with Material's offline plugin on (OFFLINE=true: .html addresses
that work from file://, the search index inlined, the iframe-worker shim we ship instead of the
CDN one), by the same builder, with its short links, plus the PDFs of this build. It lands in the
site, so a trainer downloads it from the site itself.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
import zipfile
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path

from kennisbank import sitemap
from kennisbank.model import Content

from . import builders, config as site_config, sitefiles
from .pdf_exports import ExportError


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
        public_canonicals(offline)
        target = site_dir / sitemap.OFFLINE_ZIP
        write_zip(offline, target, "kennisbank", environ.get("SOURCE_DATE_EPOCH"))
    size = target.stat().st_size // 1024
    say(f"Offline: {sitemap.OFFLINE_ZIP} ({size} kB) in {time.perf_counter() - started:.1f} s")


CANONICAL = re.compile(r'(<link rel="canonical" href=")([^"]*)(")')
# Where no SOURCE_DATE_EPOCH is given: the earliest time a zip can hold (1980-01-01)
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def public_address(url: str) -> str:
    """The online address of an offline copy's page address: ".../v2.html" -> ".../v2/",
    ".../index.html" -> ".../"."""
    if url.endswith("/index.html") or url == "index.html":
        return url.removesuffix("index.html")
    return url.removesuffix(".html") + "/" if url.endswith(".html") else url


def public_canonicals(folder: Path) -> None:
    """The offline copy's canonical links name the page's public address, which the online site
    serves, not the copy's file name (.html)."""
    for page in folder.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fixed = CANONICAL.sub(lambda m: m.group(1) + public_address(m.group(2)) + m.group(3), html)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")


def write_zip(folder: Path, target: Path, prefix: str, source_date_epoch: str | None = None) -> None:
    """``folder`` as a zip whose bytes depend only on the files' names and contents: entries sorted,
    every timestamp SOURCE_DATE_EPOCH's (else 1980-01-01), the same permissions for all."""
    if source_date_epoch:
        moment = datetime.fromtimestamp(max(int(source_date_epoch), 315532800), tz=timezone.utc)
        stamp = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    else:
        stamp = ZIP_EPOCH
    target.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in files:
            info = zipfile.ZipInfo(f"{prefix}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            archive.writestr(info, (folder / name).read_bytes())
