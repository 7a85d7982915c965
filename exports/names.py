"""Where the exports land in the built site: one place, for the hook that writes them and the
pages that link to them."""

from __future__ import annotations

import os

ENV = "ENABLE_PDF_EXPORT"
FOLDER = "pdf"
CYCLE_HANDBOOK = "kennisbank-cyclus.pdf"
TRAINING_HANDBOOK = "kennisbank-trainingen.pdf"


def enabled() -> bool:
    """PDFs are made only when asked for, so `mkdocs serve` stays quick."""
    return os.environ.get(ENV) == "1"


def handout(key: str) -> str:
    """The handout of a recommendation (V2) or a phase (vredestijd)."""
    return f"werkkaart-{key.lower()}.pdf"


def site_path(name: str) -> str:
    return f"{FOLDER}/{name}"


OFFLINE_ENV = "ENABLE_OFFLINE_ZIP"
OFFLINE_ZIP = "downloads/kennisbank-offline.zip"


def offline_zip_enabled() -> bool:
    return os.environ.get(OFFLINE_ENV) == "1"
