"""The macros' entry point for both builders: MkDocs' mkdocs-macros and Zensical's own macros.

It only registers: the macros are the methods of ``pages.PageMacros``; each call gets the page
being rendered, and its output's site-root links are made relative to that page. No hooks:
tags, abbreviations and everything made after the pages do not depend on a builder.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import pass_context

from kennisbank.frontmatter import FrontMatterError
from kennisbank import project as project_content
from kennisbank.model import ContentError
from kennisbank.publisher import PublisherError
from kennisbank.sitemap import ShortLinkError, relative_links

from .pages import Page, PageMacros, settings
from .render_toegankelijkheid import SettingsError

try:  # MkDocs prints a PluginError as one clean line; Zensical has no such class
    from mkdocs.exceptions import PluginError as BuildError
except ImportError:  # pragma: no cover - a Zensical-only installation
    BuildError = RuntimeError


def define_env(env) -> None:
    project = Path(env.project_dir) if hasattr(env, "project_dir") else Path.cwd()
    docs_dir = project / env.conf["docs_dir"]
    try:
        site = settings(env.conf, os.environ, docs_dir)
        # the one validation of all content (data, search words, pages), before any page renders
        loaded = project_content.load(project, docs_dir, site.version, frozenset(PageMacros.names()))
        macros = PageMacros(loaded.content, site, loaded.search_words.pages)
    except (ContentError, ShortLinkError, SettingsError, FrontMatterError, PublisherError) as exc:
        raise BuildError(str(exc)) from None
    # MkDocs leaves URLs in raw HTML as written (relative to the built page); Zensical reads them
    # relative to the page's source file and rewrites them.
    raw_from_source = type(env).__module__.startswith("zensical")
    directory_urls = env.conf["use_directory_urls"]

    def register(name: str) -> None:
        method = getattr(macros, name)

        @pass_context
        def macro(context, *args):
            page = page_of(context["page"])
            return relative_links(method(page, *args), page.path, directory_urls, raw_from_source)

        macro.__doc__ = method.__doc__
        env.macro(macro, name)

    for name in PageMacros.names():
        register(name)
    env.variables["offline_zip"] = macros.settings.offline_zip  # whether this build makes the zip
    env.variables["offline_copy"] = macros.settings.offline_copy  # whether this is the zip's copy


def page_of(page) -> Page:
    """The builder's page object as the macros see it (MkDocs: ``file.src_uri``; Zensical: ``path``)."""
    file = getattr(page, "file", None)
    return Page(path=file.src_uri if file is not None else page.path, url=page.url, title=page.title)
