"""Archived versions: every released version stays readable and citable at an address of its own,
/versies/0.1/, built by the publish step from the repository's history.

Each release is a git tag `v<version>` (REDACTIE.md: releasing a version). At publication the
current site is copied to /versies/<current>/, and every older version in data/wijzigingen.yml is
built from its tag with the current tools: its own pages, data and post-build step (short links,
search, PDFs), its addresses under /versies/<version>/. Every archived page says it is an archive
and links the current site.

Not mike, Material's versioning tool: mike keeps versions on a git branch it commits to (gh-pages)
and needs that branch to persist between deployments, while this site is published from a clean
checkout as a folder for nginx, and each version needs this project's own post-build step.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from kennisbank import sitemap
from kennisbank.dates import dutch_date
from kennisbank.model_wijzigingen import ChangelogEntry


class VersionError(Exception):
    """An archive that cannot be made, one line per problem."""


def tag(version: str) -> str:
    return f"v{version}"


def missing_tags(repo: Path, entries: list[ChangelogEntry]) -> list[str]:
    """One line per older version without its release tag (the current one is the checkout)."""
    problems = []
    for entry in entries[1:]:
        found = subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", "--quiet", f"refs/tags/{tag(entry.version)}"],
                               capture_output=True, text=True)
        if found.returncode:
            problems.append(
                f"data/wijzigingen.yml: version {entry.version!r}: no git tag {tag(entry.version)!r} in the repository; "
                f"tag the commit that released it (git tag {tag(entry.version)} <commit>)"
            )
    return problems


BANNER = (
    '<div class="md-banner archief" data-md-component="announce" role="note"><div class="md-banner__inner md-grid md-typeset">'
    "Dit is versie {version} van {date}, bewaard als archief. "
    '<a href="{current}">Naar de actuele versie</a></div></div>'
)
HEADER = re.compile(r'(<header class="md-header)')


def mark_archive(folder: Path, entry: ChangelogEntry, current: str) -> int:
    """Every page of an archived copy says so, above Material's header; the number of pages."""
    banner = BANNER.format(version=entry.version, date=dutch_date(entry.date), current=current)
    count = 0
    for page in folder.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if 'class="md-banner archief"' in html or not HEADER.search(html):
            continue
        page.write_text(HEADER.sub(banner.replace("\\", "\\\\") + r"\1", html, count=1), encoding="utf-8")
        count += 1
    return count


def build_archive(repo: Path, entry: ChangelogEntry, site: Path, site_url: str) -> Path:
    """Build an older version from its tag into site/versies/<version>/."""
    target = site / sitemap.archive_path(entry.version)
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        tree.mkdir()
        archive = subprocess.run(["git", "-C", str(repo), "archive", tag(entry.version)], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
        # that version's own packages, not the installed ones of the current checkout
        env = dict(os.environ, SITE_URL=site_url + sitemap.archive_path(entry.version), PYTHONPATH=str(tree),
                   ENABLE_OFFLINE_ZIP="0", PUBLISH="0")
        result = subprocess.run([sys.executable, "-m", "exports", "build", "--site-dir", str(target)],
                                cwd=tree, env=env, capture_output=True, text=True)
        if result.returncode:
            raise VersionError(f"version {entry.version}: the build of tag {tag(entry.version)} failed:\n{result.stderr[-2000:]}")
    mark_archive(target, entry, site_url)
    return target


def copy_current(site: Path, entry: ChangelogEntry) -> Path:
    """The current version at its own address too, so a citation of it stays valid after the next."""
    target = site / sitemap.archive_path(entry.version)
    shutil.copytree(site, target, ignore=shutil.ignore_patterns(sitemap.ARCHIVE_FOLDER, "downloads", "*.gz", "*.br"))
    return target


def publish_versions(repo: Path, site: Path, site_url: str, entries: list[ChangelogEntry]) -> list[str]:
    """Copy the current version and build every older one; the versions written."""
    problems = missing_tags(repo, entries)
    if problems:
        raise VersionError("\n".join(problems))
    copy_current(site, entries[0])
    for entry in entries[1:]:
        build_archive(repo, entry, site, site_url)
    return [e.version for e in entries]
