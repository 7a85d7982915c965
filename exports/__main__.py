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

from kennisbank import project as project_content, publisher, sitemap
from kennisbank.frontmatter import FrontMatterError
from kennisbank.model import ContentError

from . import builders, config as site_config, pdf_exports
from .postbuild import LinkContractError, post_build, say


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
    try:
        # all content, validated before the builder starts: one line per problem, no Python frames
        project_content.load(project, version=site_config.read(project / "mkdocs.yml").version)
    except (ContentError, FrontMatterError) as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.command == "build":
        started = time.perf_counter()
        result = builders.build(args.builder, project, args.site_dir)
        sys.stderr.write(without_frames(result.stdout + result.stderr) if result.returncode else result.stdout + result.stderr)
        if result.returncode:
            return result.returncode
        say(f"{args.builder} build in {time.perf_counter() - started:.1f} s")
    try:
        contract = project / "links.txt"  # the published addresses (tools/links.py)
        post_build(project, args.site_dir.resolve(), args.builder, contract=contract if contract.exists() else None)
    except (pdf_exports.ExportError, ContentError, sitemap.ShortLinkError, LinkContractError, publisher.PublisherError) as exc:
        print(f"exports: error: {exc}", file=sys.stderr)
        return 1
    return 0


def without_frames(output: str) -> str:
    """A failed builder's output with every Python traceback cut to its last line, the error
    itself (what the up-front validation cannot know, e.g. a broken Jinja expression)."""
    kept, in_traceback = [], False
    for line in output.splitlines():
        if line.startswith("Traceback (most recent call last)"):
            in_traceback = True
            continue
        if in_traceback:
            if line.startswith((" ", "\t")) or not line.strip():
                continue
            if line.startswith(("The above exception", "During handling")):
                continue
            in_traceback = False
        kept.append(line)
    return "\n".join(kept) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
