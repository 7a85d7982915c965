"""The publish step (tools/publish.py, `./dev publish`): the policy made from inline code, the
precompressed files, and its refusals (no SITE_URL, placeholders in the accessibility statement,
markup a policy hash cannot allow), each naming what is wrong."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess

import brotli
import pytest

from conftest import ROOT
from tools import publish
from tools.publish import PublishError

# The example of the CSP specification (and MDN): this script and its hash.
SPEC_SCRIPT, SPEC_HASH = "alert('Hello, world.');", "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_policy_names_each_inline_script_and_style_by_hash_and_nothing_else(tmp_path):
    write(tmp_path / "index.html", f"<head><script>{SPEC_SCRIPT}</script><script src='a.js'></script>"
          '<script id="__config" type="application/json">{"x": 1}</script><style>p{color:red}</style></head>')
    write(tmp_path / "a/index.html", f'<script type="application/ld+json">{{}}</script><script>{SPEC_SCRIPT}</script>'
          '<script>var s = "<b style=x>";</script>')
    scripts, styles = publish.inline_hashes(tmp_path)
    assert SPEC_HASH in scripts and len(scripts) == 2  # the same script on two pages counts once; JSON not at all
    assert len(styles) == 1
    csp = publish.policy(tmp_path)
    assert csp.startswith(f"default-src 'self'; script-src 'self' {' '.join(scripts)}; style-src 'self' {styles[0]};")
    assert "frame-ancestors 'none'" in csp and "unsafe" not in csp and "http" not in csp


@pytest.mark.parametrize("markup, named", [
    ('<button onclick="go()">', "inline onclick attribute"),
    ('<p style="color:red">', "inline style attribute"),
    ('<a href="javascript:go()">', "inline javascript: link attribute"),
])
def test_markup_a_hash_cannot_allow_stops_the_publication_naming_the_page(tmp_path, markup, named):
    write(tmp_path / "vredestijd/v2/index.html", f"<body>{markup}</body>")
    with pytest.raises(PublishError) as info:
        publish.inline_hashes(tmp_path)
    assert str(info.value).startswith(f"vredestijd/v2/index.html: {named}")


def test_text_files_get_gzip_and_brotli_copies_with_the_same_content(tmp_path):
    page = "<p>" + "Online aangejaagd geweld. " * 200 + "</p>"
    write(tmp_path / "index.html", page)
    write(tmp_path / "tiny.txt", "x")
    (tmp_path / "werkkaart.pdf").write_bytes(b"%PDF-" + b"0" * 1000)
    publish.compress(tmp_path)
    assert gzip.decompress((tmp_path / "index.html.gz").read_bytes()).decode() == page
    assert brotli.decompress((tmp_path / "index.html.br").read_bytes()).decode() == page
    assert not (tmp_path / "tiny.txt.gz").exists()  # compressed it would be bigger
    assert not (tmp_path / "werkkaart.pdf.gz").exists()  # PDFs are compressed already


def test_the_site_address_is_required_and_must_be_https():
    with pytest.raises(PublishError, match="^SITE_URL is not set: set it to the site's public address"):
        publish.site_url({})
    with pytest.raises(PublishError, match="^SITE_URL 'http://kennisbank.example/' is not an https:// address"):
        publish.site_url({"SITE_URL": "http://kennisbank.example/"})
    assert publish.site_url({"SITE_URL": " https://kennisbank.example.nl/ "}) == "https://kennisbank.example.nl/"


def test_a_served_policy_that_is_missing_or_weak_is_named():
    strict = {"content-security-policy": "default-src 'self'; script-src 'self'; frame-ancestors 'none'", **publish.HEADERS}
    assert publish.header_problems("page /", strict, None) == []
    weak = dict(strict, **{"content-security-policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"})
    assert publish.header_problems("page /", weak, None) == [f"page /: Content-Security-Policy is not strict: {weak['content-security-policy']!r}"]
    assert publish.header_problems("page /", dict(strict, **{"referrer-policy": "unsafe-url"}), None) == [
        "page /: header referrer-policy is 'unsafe-url', expected 'no-referrer'"]
    # HSTS as a TLS endpoint may send it: a year or more, with extras
    assert publish.header_problems("page /", dict(strict, **{"strict-transport-security": "max-age=63072000; includeSubDomains"}), None) == []
    assert publish.header_problems("page /", dict(strict, **{"strict-transport-security": "max-age=300"}), None) == [
        "page /: header strict-transport-security is 'max-age=300', expected 'max-age=31536000'"]


# --- the command ------------------------------------------------------------------------------------

def test_publish_without_site_url_refuses_before_building(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    result = subprocess.run([ROOT / "dev", "publish", "build", "--site-dir", tmp_path / "out"],
                            env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith("publish: SITE_URL is not set"), result.stderr
    assert not (tmp_path / "out").exists()


def test_publish_with_placeholders_in_the_accessibility_statement_refuses(project_copy, tmp_path):
    """The real command in a copy of the project whose statement still holds the placeholders."""
    for name in ("dev", "requirements.txt"):
        shutil.copy(ROOT / name, project_copy / name)
    shutil.copytree(ROOT / "tools", project_copy / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    (project_copy / ".venv").symlink_to(ROOT / ".venv")  # the same pinned environment, not a new one
    config = project_copy / "mkdocs.yml"
    text = re.sub(r'(?m)^  organisatie: .*$', '  organisatie: "[naam organisatie]"', config.read_text(encoding="utf-8"))
    text = re.sub(r'(?m)^  beveiliging_contact: .*$', '  beveiliging_contact: security@kennisbank.example', text)
    config.write_text(text, encoding="utf-8")
    result = subprocess.run([project_copy / "dev", "publish", "build", "--site-dir", tmp_path / "out"],
                            env=dict(os.environ, SITE_URL="https://kennisbank.example.nl/"), capture_output=True, text=True)
    assert result.returncode == 1
    assert "mkdocs.yml extra.organisatie: still the placeholder '[naam organisatie]'" in result.stderr
    assert result.stderr.rstrip().endswith(f"publish: the build failed (see above): nothing published in {tmp_path / 'out'}")


def test_publish_without_a_security_contact_refuses_naming_the_key(project_copy, tmp_path):
    """security.txt is required for a public web service: no contact, no publication."""
    for name in ("dev", "requirements.txt"):
        shutil.copy(ROOT / name, project_copy / name)
    shutil.copytree(ROOT / "tools", project_copy / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    (project_copy / ".venv").symlink_to(ROOT / ".venv")
    config = project_copy / "mkdocs.yml"
    for value, expected in (
        ('""', "publish: mkdocs.yml: extra.beveiliging_contact is not set"),
        ("beveiliging.example.nl", "publish: mkdocs.yml: extra.beveiliging_contact: 'beveiliging.example.nl' is neither an e-mail address nor an https:// address"),
    ):
        text = re.sub(r"(?m)^  beveiliging_contact: .*$", f"  beveiliging_contact: {value}", config.read_text(encoding="utf-8"))
        config.write_text(text, encoding="utf-8")
        result = subprocess.run([project_copy / "dev", "publish", "build", "--site-dir", tmp_path / "out"],
                                env=dict(os.environ, SITE_URL="https://kennisbank.example.nl/"), capture_output=True, text=True)
        assert result.returncode == 1
        assert result.stderr.startswith(expected), result.stderr
        assert not (tmp_path / "out").exists()


def test_the_site_address_gives_canonical_links_and_a_full_sitemap(site):
    """mkdocs.yml reads site_url from SITE_URL, as the publish step sets it (so does the test build)."""
    from conftest import TEST_SITE_URL

    page = (site / "vredestijd/v2/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{TEST_SITE_URL}vredestijd/v2/">' in page
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{TEST_SITE_URL}vredestijd/v2/</loc>" in sitemap and sitemap.count("<loc>") > 40
