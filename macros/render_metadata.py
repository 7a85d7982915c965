"""What a page says about itself to machines (pure): schema.org JSON-LD with its language, last
change (from the changelog), version, the source document it is based on and the licence of the
editors' additions; and the reader's "Klopt er iets niet?" mail with page, step and version."""

from __future__ import annotations

import json
from urllib.parse import quote

from kennisbank.model import SourceDocument
from kennisbank.model_wijzigingen import ChangelogEntry
from kennisbank.publisher import Licence

from .render_text import esc_html


def render_page_metadata(
    title: str, address: str, site_name: str, entry: ChangelogEntry, licence: Licence,
    usage: str, document: SourceDocument | None,
) -> str:
    """A WebPage in JSON-LD; ``usage``: the reuse page's address (schema.org usageInfo)."""
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": title,
        "url": address,
        "inLanguage": "nl",
        "dateModified": entry.date.isoformat(),
        "version": entry.version,
        "isPartOf": {"@type": "WebSite", "name": site_name},
        # the licence covers the editors' additions; the usage page says what holds for the rest
        "license": licence.url,
        "usageInfo": usage,
    }
    if document is not None:
        work = {"@type": "CreativeWork", "name": document.title, "inLanguage": "nl"}
        if document.maker:
            work["author"] = {"@type": "Organization", "name": document.maker}
        data["isBasedOn"] = work
    # "</" cannot end the script element early: json.dumps escapes no "<", so do it here
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def feedback_mail(address: str, title: str, page_address: str, version: str, step: str | None = None) -> str:
    """A mailto: link with the page, step and version filled in; nothing is sent by the site."""
    what = f"stap {step} op " if step else ""
    subject = f"Klopt er iets niet? {what}{title} (versie {version})"
    body = (
        f"Pagina: {page_address}\n" + (f"Stap: {step}\n" if step else "") + f"Versie: {version}\n\n"
        "Wat klopt er niet, en wat zou er moeten staan?\n"
    )
    return f"mailto:{address}?subject={quote(subject)}&body={quote(body)}"


def render_feedback(href: str | None) -> str:
    if href is None:
        return ""
    return f'<span data-site-only> · <a class="klopt-niet" href="{esc_html(href)}">Klopt er iets niet?</a></span>'
