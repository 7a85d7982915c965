"""Everything made after the pages, from the built site, after either builder:

    python -m exports build [--builder mkdocs|zensical] [--site-dir DIR]   # build, then the step
    python -m exports post SITE_DIR [--builder mkdocs|zensical]            # the step alone

The step writes the short links' redirect pages, and with ENABLE_PDF_EXPORT=1 the PDFs and with
ENABLE_OFFLINE_ZIP=1 the offline zip (a second build by the same builder). It reads mkdocs.yml
and data/ of the project in the current folder, and prints its progress.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kennisbank import publisher, sitemap
from kennisbank.model import ContentError

from . import builders, pdfs
from .postbuild import post_build, say


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m exports", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the site, then make what comes after the pages")
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    post = commands.add_parser("post", help="make what comes after the pages of a built site")
    post.add_argument("site_dir", type=Path)
    for command in (build, post):
        command.add_argument("--builder", choices=builders.BUILDERS, default="mkdocs")
    args = parser.parse_args(argv)
    project = Path.cwd()
    if args.command == "build":
        started = time.perf_counter()
        result = builders.build(args.builder, project, args.site_dir)
        sys.stderr.write(result.stdout + result.stderr)
        if result.returncode:
            return result.returncode
        say(f"{args.builder} build in {time.perf_counter() - started:.1f} s")
    try:
        post_build(project, args.site_dir.resolve(), args.builder)
    except (pdfs.ExportError, ContentError, sitemap.ShortLinkError, publisher.PublisherError) as exc:
        print(f"exports: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
