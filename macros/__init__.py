"""mkdocs-macros entry point: load and validate the content once, then register the macros.

Rendering lives in the render_* modules (pure functions); this module only wires them up.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import pass_context
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from exports import names as exports

from . import (
    render_bronnen, render_cyclus, render_doelgroepen, render_links, render_steps, render_toegankelijkheid,
    render_trainingen, render_woordenlijst,
)
from . import model_synoniemen
from .frontmatter import audiences_of
from .dates import build_date, dutch_date, site_address
from .model import ContentError, load_once


TRAINING_TAG = "Trainingen"


def on_pre_page_macros(env) -> None:
    """Tag a page with its phase (from the data) or as a training page, next to the audience
    tags of its front matter, so search results and the tag index show where a page belongs."""
    src = env.page.file.src_uri
    extra = env.variables["phase_tags"].get(src) or (TRAINING_TAG if src.startswith("trainingen/") else None)
    if extra:
        tags = list(env.page.meta.get("tags") or [])
        env.page.meta["tags"] = tags + ([extra] if extra not in tags else [])


def on_post_page_macros(env) -> None:
    """Append the glossary's abbreviations to every page, so each one explains itself on hover."""
    abbreviations = env.variables["abbreviations"]
    if abbreviations:
        env.markdown += "\n\n" + abbreviations + "\n"


def site_url_of(conf, doc_path: str) -> str:
    """Where MkDocs puts a docs file in the site ("vredestijd/v2/", or "vredestijd/v2.html" offline)."""
    return File(doc_path, conf["docs_dir"], conf["site_dir"], conf["use_directory_urls"]).url


def on_post_build(env) -> None:
    """Write a static redirect page for every short link (/r/v2-4/ -> the step's page)."""
    conf = env.conf
    site = Path(conf["site_dir"])
    for path, (label, page, anchor) in env.variables["short_links"].items():
        target = site_url_of(conf, page)
        out = site / path / "index.html"
        if out.exists():
            raise PluginError(f"short link /{path} collides with a page of the site")
        out.parent.mkdir(parents=True, exist_ok=True)
        url = get_relative_url(target, path) + (f"#{anchor}" if anchor else "")
        out.write_text(render_links.redirect_page(label, url), encoding="utf-8")


def define_env(env) -> None:
    try:
        content = load_once(Path(env.project_dir) / "data")
    except ContentError as exc:
        raise PluginError(str(exc)) from None

    def href(doc_path: str) -> str:
        """URL of a docs file relative to the page being rendered (for raw HTML/SVG links)."""
        return get_relative_url(site_url_of(env.conf, doc_path), env.page.url)

    env.variables["content"] = content
    # The date shown in citations and on PDFs: SOURCE_DATE_EPOCH for reproducible builds, else today.
    env.conf["extra"]["datum"] = dutch_date(build_date())
    try:
        links = render_links.short_links(content)
    except render_links.ShortLinkError as exc:
        raise PluginError(str(exc)) from None
    env.variables["short_links"] = links
    env.variables["offline_zip"] = exports.offline_zip_enabled()  # whether this build makes the zip
    env.variables["abbreviations"] = render_woordenlijst.abbreviation_lines(content.glossary)
    env.variables["phase_tags"] = {h.page: h.phase.name for h in content.handvatten.values()} | {
        f"{p.id}/index.md": p.name for p in content.phases
    }

    @env.macro
    def woordenlijst() -> str:
        return render_woordenlijst.render_glossary(content.glossary)

    def href_site(url: str) -> str:
        """A site-root-relative URL (not a docs file, e.g. a short link) relative to the page."""
        return get_relative_url(url, env.page.url)

    @env.macro
    def url(doc_path: str) -> str:
        """For raw HTML links to anchors MkDocs cannot see at build time (the tags listing's)."""
        return href(doc_path)

    @env.macro
    def korte_links() -> str:
        return render_links.render_short_link_table(content, links, href_site)

    def downloads(*items: tuple[str, str]) -> list[tuple[str, str]]:
        """(label, URL) of exports, only in builds that make them (no dead links in `serve`)."""
        return [(label, href_site(exports.site_path(name))) for label, name in items] if exports.enabled() else []

    # --- search (issue 11): the editors' search words (data/synoniemen.yml) and a recommendation's
    # step ids, in a hidden paragraph at the end of their page, next to its credit line
    search_words, problems = model_synoniemen.load(Path(env.project_dir) / "data", Path(env.conf["docs_dir"]), content)
    if problems:
        raise PluginError("\n".join(problems))
    step_ids = {h.page: [s.id for s in h.steps] for h in content.handvatten.values()}

    def search_keywords(page) -> str:
        src = page.file.src_uri
        return model_synoniemen.render_keywords(search_words.get(src, []), step_ids.get(src, []))

    def credit(document_id: str, page, title: str | None) -> str:
        """The source document and citation line of a transcribed page (``page``: the one rendered)."""
        site = site_address(env.conf)
        address = f"{site}{page.url}" if site else f"/{page.url}"
        meta = (env.conf["site_name"], env.conf["extra"]["versie"], env.conf["extra"]["datum"])
        credit_line = render_bronnen.render_credit(content.document(document_id), title, meta, address, href)
        return credit_line + "\n\n" + search_keywords(page)

    @env.macro
    @pass_context
    def bronvermelding(context, document_id: str) -> str:
        """For a page transcribed from a source document: name it and say how to cite the page."""
        page = context["page"]
        return credit(document_id, page, page.title)

    @env.macro
    def handvat(handvat_id: str) -> str:
        links = downloads(("Werkkaart (PDF)", exports.handout(handvat_id)), ("Handboek (PDF)", exports.CYCLE_HANDBOOK))
        handvat = content.handvat(handvat_id)
        page = render_cyclus.render_handvat(handvat, content, links)
        return page + "\n\n" + credit(content.cycle_document, env.page, f"{handvat.id} {handvat.data.title}")

    def audiences() -> dict[str, list[str]]:
        paths = [h.page for h in content.handvatten.values()] + [d.section for d in content.documents.values()]
        others = tuple(p.name for p in content.phases) + (TRAINING_TAG,)
        return audiences_of(Path(env.conf["docs_dir"]), paths, content.readers, others)

    @env.macro
    def doelgroep_routes() -> str:
        return render_doelgroepen.render_routes(content, audiences(), href)

    @env.macro
    def fasen_doelgroepen() -> str:
        return render_doelgroepen.render_phases(content, audiences(), href)

    @env.macro
    def brondocumenten() -> str:
        return render_bronnen.render_documents(content, href)

    @env.macro
    def download_links(*keys: str) -> str:
        """Download links for a page: 'cyclus', 'trainingen' or a phase id."""
        files = {"cyclus": ("Download als PDF", exports.CYCLE_HANDBOOK), "trainingen": ("Download als PDF", exports.TRAINING_HANDBOOK)}
        items = [files[k] if k in files else ("Werkkaarten van deze fase (PDF)", exports.handout(k)) for k in keys if k != "offline"]
        links = downloads(*items)
        if "offline" in keys and exports.offline_zip_enabled():
            links.append(("Offline versie (zip)", href_site(exports.OFFLINE_ZIP)))
        return render_cyclus.render_downloads(links)

    @env.macro
    def fase(phase_id: str) -> str:
        return render_cyclus.render_phase(phase_id, content)

    @env.macro
    def overzicht() -> str:
        return render_cyclus.render_overview(content)

    @env.macro
    def kern_tabel() -> str:
        return render_cyclus.render_kern_table(content, href)

    @env.macro
    def cyclus_diagram() -> str:
        return render_cyclus.render_cycle_svg(content, href)

    @env.macro
    def bronnen() -> str:
        return render_bronnen.render_sources(content, href)

    # --- training guides and courses
    trainingen = content.trainingen

    def guide():
        if trainingen.publieksagressie is None:
            raise KeyError("data/trainingen/publieksagressie.yml is missing")
        return trainingen.publieksagressie

    @env.macro
    def checklist(code: str) -> str:
        if code not in content.checklist_steps:
            raise KeyError(f"unknown checklist {code!r}")
        return render_steps.render_checklist(code, content.checklist_steps[code], content)

    @env.macro
    def functiegroepen_tabel() -> str:
        return render_trainingen.render_function_groups(guide(), href)

    @env.macro
    def trainingselementen_tabel() -> str:
        return render_trainingen.render_training_elements(guide())

    @env.macro
    def vaardigheden_tabel() -> str:
        return render_trainingen.render_professional_skills(guide())

    @env.macro
    def opleidingen_tabel() -> str:
        return render_trainingen.render_education_skills(guide())

    @env.macro
    def leidinggevenden_tabel() -> str:
        return render_trainingen.render_manager_elements(guide())

    @env.macro
    def voorbeeldprogramma() -> str:
        return render_trainingen.render_sample_programme(guide(), href)

    @env.macro
    def functiegroep_matrix() -> str:
        return render_trainingen.render_matrix(guide())

    @env.macro
    def functiegroep_overzichten() -> str:
        return render_trainingen.render_group_overviews(guide(), href)

    @env.macro
    def cursus(course_id: str) -> str:
        if course_id not in trainingen.courses:
            raise KeyError(f"unknown course {course_id!r}")
        course = trainingen.courses[course_id]
        return render_trainingen.render_course(course) + "\n\n" + credit(course.id, env.page, course.title)

    @env.macro
    def cursussen_vergelijking() -> str:
        return render_trainingen.render_comparison(list(trainingen.courses.values()), href)

    # --- the accessibility statement: publisher, contact address and date from mkdocs.yml extra.
    # A build for publication (PUBLISH=1) stops on a placeholder or an unset key, naming the key.
    try:
        statement = render_toegankelijkheid.settings(env.conf["extra"], render_toegankelijkheid.publishing(os.environ))
    except render_toegankelijkheid.SettingsError as exc:
        raise PluginError(str(exc)) from None

    @env.macro
    def toegankelijkheid(key: str) -> str:
        """A fact of the accessibility statement: 'organisatie', 'contact' or 'datum'."""
        return render_toegankelijkheid.render_field(statement, key)
