"""MkDocs hook: the offline site as one zip, made by ``mkdocs build`` when ENABLE_OFFLINE_ZIP=1.

The zip holds a second build of the same site with Material's offline plugin on (OFFLINE=true:
.html addresses that work from file://, the search index inlined, the iframe-worker shim we ship
instead of the CDN one), plus the PDFs of this build. It lands in the site at
downloads/kennisbank-offline.zip, so a trainer downloads it from the site itself.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = str(Path(__file__).resolve().parent.parent)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from exports import names  # noqa: E402

log = logging.getLogger("mkdocs.plugins.kennisbank.offline")


def on_post_build(config, **kwargs) -> None:
    if not names.offline_zip_enabled() or os.environ.get("OFFLINE") == "true":
        return
    started = time.perf_counter()
    site_dir = Path(config["site_dir"])
    with tempfile.TemporaryDirectory() as tmp:
        offline = Path(tmp) / "kennisbank"
        env = dict(os.environ, OFFLINE="true", ENABLE_OFFLINE_ZIP="0", **{names.ENV: "0"})
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config.config_file_path, "-d", str(offline)],
            env=env, capture_output=True, text=True,
        )
        if result.returncode:
            raise PluginError(f"offline zip: the offline build failed:\n{result.stderr[-2000:]}")
        if (site_dir / names.FOLDER).is_dir():
            shutil.copytree(site_dir / names.FOLDER, offline / names.FOLDER)
        target = site_dir / names.OFFLINE_ZIP
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(offline.rglob("*")):
                archive.write(path, Path("kennisbank") / path.relative_to(offline))
    size = target.stat().st_size // 1024
    log.info(f"Offline: {names.OFFLINE_ZIP} ({size} kB) in {time.perf_counter() - started:.1f} s")
