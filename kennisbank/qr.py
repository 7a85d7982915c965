"""QR codes as inline SVG (segno), for the handouts and the presentation's title screen."""

from __future__ import annotations

import segno


def qr_svg(url: str, css_class: str) -> str:
    """A QR code to ``url``, its title the alternative text (PDF/UA and screen readers need one)."""
    return segno.make(url, error="m").svg_inline(
        scale=1, border=2, omitsize=True, dark="#000", title=f"QR-code naar {url}", svgclass=css_class
    )
