"""Run a builder: MkDocs, or Zensical, Material's successor, which reads the same mkdocs.yml.

Both build strictly (``strict: true`` in mkdocs.yml); the result is the builder's process, its
output for the caller to show. Zensical has no option for the output folder and writes only
inside the project: it builds into a folder there (``site_dir: !ENV [SITE_DIR, site]``) that is
then moved where it was asked for.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

BUILDERS = ("mkdocs", "zensical")
# Inside the project, ignored by git. Always the same folder: the output folder is part of
# Zensical's configuration, so a new one each time would make every build a cold one.
SCRATCH = ".zensical-builds/site"


def build(builder: str, project: Path, site_dir: Path, environ: Mapping[str, str] = os.environ,
          clean: bool = False) -> subprocess.CompletedProcess:
    """Build the site into ``site_dir``; ``clean``: Zensical without its cache (a cold build)."""
    project, site_dir = Path(project).resolve(), Path(site_dir).resolve()
    env = {**environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    config = str(project / "mkdocs.yml")
    if builder == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site_dir)]
        return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if builder != "zensical":
        raise ValueError(f"unknown builder {builder!r}; known: {', '.join(BUILDERS)}")
    inside = site_dir.is_relative_to(project)
    out = site_dir if inside else project / SCRATCH
    command = [str(Path(sys.executable).with_name("zensical")), "build", "-f", config] + (["--clean"] if clean else [])
    result = subprocess.run(command, cwd=project, env={**env, "SITE_DIR": str(out)}, capture_output=True, text=True)
    if not inside and out.exists():
        if result.returncode == 0:
            shutil.rmtree(site_dir, ignore_errors=True)
            site_dir.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(out), site_dir)  # a warm build writes every file again
        else:
            shutil.rmtree(out, ignore_errors=True)
    return result
