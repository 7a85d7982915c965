"""The build's date in Dutch and the site's public address: shown in citations, on PDF covers and handouts."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime, timezone

MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()


def build_date() -> date:
    """Today, or SOURCE_DATE_EPOCH's day for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date() if epoch else date.today()


def dutch_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def site_address(config: Mapping, environ: Mapping[str, str] = os.environ) -> str | None:
    """The site's address, config site_url or else the environment's SITE_URL, ending in "/"."""
    url = (config.get("site_url") or environ.get("SITE_URL") or "").strip()
    return url.rstrip("/") + "/" if url else None
