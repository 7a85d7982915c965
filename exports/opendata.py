"""The open-data files (kennisbank.opendata) and security.txt, written into the built site by the
post-build step: JSON with its JSON Schema, the steps as CSV, and a Frictionless Data package
descriptor that names each file, its format and the licence (a CSV cannot carry one itself)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from kennisbank import publisher, sitemap
from kennisbank.dates import build_date
from kennisbank.frontmatter import audiences_of
from kennisbank.model import Content
from kennisbank.opendata import CSV_COLUMNS, LICENCE_SCOPE, OpenData, open_data, step_rows

from .config import SiteConfig


def _write(site_dir: Path, path: str, text: str) -> None:
    target = site_dir / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8", newline="")


def schema() -> dict:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **OpenData.model_json_schema()}


def write(site_dir: Path, config: SiteConfig, content: Content, docs_dir: Path) -> int:
    """The open data; the number of steps in it."""
    licence = publisher.licence(config.extra)
    pages = [h.page for h in content.handvatten.values()]
    audiences = audiences_of(docs_dir, pages, content.readers, tuple(sitemap.tags(content)))
    data = open_data(content, config.version, licence, audiences)
    _write(site_dir, sitemap.OPEN_DATA_JSON, data.model_dump_json(indent=1) + "\n")
    _write(site_dir, sitemap.OPEN_DATA_SCHEMA, json.dumps(schema(), ensure_ascii=False, indent=1) + "\n")
    rows = step_rows(data, config.site_url)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")  # RFC 4180
    writer.writeheader()
    writer.writerows(rows)
    # a byte-order mark, so spreadsheet programs read the file as UTF-8
    _write(site_dir, sitemap.OPEN_DATA_CSV, "\ufeff" + out.getvalue())
    package = {
        "name": "kennisbank-handvatten",
        "title": data.titel,
        "version": data.versie,
        "licenses": [{"name": licence.key, "path": licence.url, "title": licence.name}],
        "description": "Licentie: " + LICENCE_SCOPE,
        "resources": [
            {"name": "kennisbank", "path": sitemap.OPEN_DATA_JSON.split("/")[-1], "format": "json",
             "mediatype": "application/json", "schema": sitemap.OPEN_DATA_SCHEMA.split("/")[-1]},
            {"name": "stappen", "path": sitemap.OPEN_DATA_CSV.split("/")[-1], "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8-sig"},
        ],
    }
    _write(site_dir, sitemap.OPEN_DATA_PACKAGE, json.dumps(package, ensure_ascii=False, indent=1) + "\n")
    return len(rows)


def write_security_txt(site_dir: Path, config: SiteConfig) -> bool:
    """/.well-known/security.txt when a contact is set; whether it was written."""
    text = publisher.security_txt(config.extra, config.site_url, build_date())
    if text is not None:
        _write(site_dir, sitemap.SECURITY_TXT, text)
    return text is not None
