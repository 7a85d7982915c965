"""What the post-build step needs of mkdocs.yml, read without a builder (MkDocs and Zensical read
the same file): site name, version, public address, nav, and whether pages have directory URLs."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kennisbank.dates import site_address


class _Loader(yaml.SafeLoader):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    """`!ENV VAR` or `!ENV [VAR, OTHER_VAR, default]`, as MkDocs and Zensical read it."""
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    for name in variables:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


_Loader.add_constructor("!ENV", _env)


@dataclass(frozen=True)
class SiteConfig:
    site_name: str
    version: str
    site_url: str | None  # ending in "/", or None when no address is known
    nav: list
    directory_urls: bool
    extra: Mapping = field(default_factory=dict)  # mkdocs.yml extra: the publisher's settings


def read(config_file: Path, environ: Mapping[str, str] = os.environ) -> SiteConfig:
    config = yaml.load(Path(config_file).read_text(encoding="utf-8"), _Loader) or {}
    extra = config.get("extra") or {}
    return SiteConfig(
        site_name=config["site_name"],
        version=str(extra.get("versie") or "ontwikkelversie"),
        site_url=site_address(config, environ),
        nav=config.get("nav") or [],
        # Material's offline plugin (on with OFFLINE=true) turns directory URLs off
        directory_urls=config.get("use_directory_urls", True) and environ.get("OFFLINE") != "true",
        extra=extra,
    )
