"""The macros the pages call, as plain methods: what each one renders for the page being built.

No builder in sight: ``define_env`` (``macros/__init__.py``) registers these methods with MkDocs'
or Zensical's macros and passes the page; tests call them directly. Every method returns
Markdown/HTML whose links are site-root links (kennisbank.sitemap), made relative afterwards.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from kennisbank import publisher, sitemap
from kennisbank.dates import build_date, dutch_date, site_address
from kennisbank.frontmatter import audiences_of
from kennisbank.model import Content, ContentError
from kennisbank.changelog import changed_item, last_change
from kennisbank.model_wijzigingen import check_site
from kennisbank.opendata import CSV_COLUMNS, open_data, step_rows
from kennisbank.publisher import DEFAULT_LICENCE, LICENCES, Licence

from . import (
    render_bronnen, render_cyclus, render_doelgroepen, render_hergebruik, render_metadata, render_short_links, render_nu, render_steps,
    render_selectie, render_toegankelijkheid, render_trainingen, render_welke_fase, render_wijzigingen, render_woordenlijst,
    render_zelfscan, render_zoekwoorden,
)
from . import render_aantallen


@dataclass(frozen=True)
class Page:
    """What a macro needs of the page being rendered."""

    path: str  # its docs path, "vredestijd/v2.md"
    url: str  # its address from the site root, "vredestijd/v2/"
    title: str | None


@dataclass(frozen=True)
class Settings:
    """What a macro needs of the build: from mkdocs.yml and the environment."""

    docs_dir: Path
    site_name: str
    version: str
    site_url: str | None  # the public address, ending in "/", if known
    pdfs: bool  # whether this build makes the PDFs
    offline_zip: bool  # ... and the offline zip
    offline_copy: bool  # whether this build is the offline copy
    statement: render_toegankelijkheid.Statement
    day: str  # the build's date in Dutch, in citations
    # "Verbetering voorstellen": the repository's web editor (a file's path is appended), or a mail address
    suggest_url: str | None = None
    suggest_email: str | None = None
    licence: Licence = LICENCES[DEFAULT_LICENCE]  # of the editors' additions (extra.licentie)
    # a publication: every version is archived at its own address, which citations name
    archived: bool = False


def settings(config: Mapping, environ: Mapping[str, str], docs_dir: Path) -> Settings:
    """Settings from a builder's config (MkDocs' or Zensical's: the same keys) and the environment;
    SettingsError names an accessibility-statement key that cannot be published."""
    extra = config.get("extra") or {}
    return Settings(
        docs_dir=docs_dir,
        site_name=config["site_name"],
        version=str(extra.get("versie") or "ontwikkelversie"),
        site_url=site_address(config, environ),
        pdfs=sitemap.pdfs_made(environ),
        offline_zip=sitemap.zip_made(environ),
        offline_copy=sitemap.offline_copy(environ),
        statement=render_toegankelijkheid.settings(extra, render_toegankelijkheid.publishing(environ)),
        day=dutch_date(build_date()),
        licence=publisher.licence(extra),
        archived=render_toegankelijkheid.publishing(environ) and site_address(config, environ) is not None,
        **_suggest_settings(extra),
    )


def _suggest_settings(extra: Mapping) -> dict[str, str | None]:
    """extra.verbetering_url (https://…/, the web editor's address of the repository's files) and
    extra.verbetering_email; SettingsError names a key that is set but unusable."""
    url = str(extra.get("verbetering_url") or "").strip() or None
    email = str(extra.get("verbetering_email") or "").strip() or None
    if url and not (render_toegankelijkheid.WEB.match(url) and url.endswith("/")):
        raise render_toegankelijkheid.SettingsError(f"mkdocs.yml: extra.verbetering_url: {url!r} is no https:// address ending in /")
    if email and not render_toegankelijkheid.EMAIL.match(email):
        raise render_toegankelijkheid.SettingsError(f"mkdocs.yml: extra.verbetering_email: {email!r} is no e-mail address")
    return {"suggest_url": url, "suggest_email": email}


class PageMacros:
    """One method per macro; the first argument is always the page being rendered."""

    def __init__(self, content: Content, settings: Settings, search_words: dict[str, list[str]] | None = None):
        self.content = content
        self.settings = settings
        self.short_links = sitemap.short_links(content)  # ShortLinkError on a collision
        # docs page -> every search word leading to it or its steps (data/synoniemen.yml, data/zoekwoorden/)
        self.search_words = search_words or {}
        self.step_ids = {h.page: [s.id for s in h.steps] for h in content.handvatten.values()}
        # the changelog against docs/ and extra.versie: a raised version needs its entry
        problems = check_site(content.changelog, settings.docs_dir, settings.version)
        if problems:
            raise ContentError(problems)

    @classmethod
    def names(cls) -> list[str]:
        """The macros the pages may call: every public method."""
        return [n for n, f in inspect.getmembers(cls, inspect.isfunction) if not n.startswith("_")]

    # --- how to cite a page
    def _address(self, page: Page) -> str:
        # the public address, also in the offline copy (whose page.url is the file "v2.html")
        site, url = self.settings.site_url, sitemap.url_of(page.path)
        return f"{site}{url}" if site else f"/{url}"

    def _citation_address(self, page: Page) -> str:
        """Where a citation points: in a publication the version's own archived address, which
        stays when the next version replaces the page (tools/versions.py)."""
        if self.settings.archived:
            return f"{self.settings.site_url}{sitemap.archive_path(self.settings.version)}{page.url}"
        return self._address(page)

    def _site(self) -> tuple[str, str, str]:
        """Name, version and the version's date from the changelog (not the build day)."""
        dated = [e.date for e in self.content.changelog if e.version == self.settings.version]
        day = dutch_date(dated[0]) if dated else self.settings.day
        return self.settings.site_name, self.settings.version, day

    def _credit(self, document_id: str, page: Page, title: str | None, here: str | None = None) -> str:
        """The source document's credit (``here``: what of it this page holds), the search words,
        and the page's last change."""
        doc = self.content.document(document_id)
        credit = render_bronnen.render_credit(doc, title, self._site(), self._citation_address(page), here)
        return credit + self._search_words(page) + self.laatst_gewijzigd(page, document_id)

    def _search_words(self, page: Page) -> str:
        """Beside the citation line (every page but home has one): the page's search words and step ids."""
        words = render_zoekwoorden.render_keywords(self.search_words.get(page.path, []), self.step_ids.get(page.path, []))
        return "\n\n" + words if words else ""

    def zoekwoorden(self, page: Page) -> str:
        """The page's search words, for a page without a citation line (the home page)."""
        return self._search_words(page).strip()

    def bronvermelding(self, page: Page, document_id: str, deel: str | None = None) -> str:
        """For a page transcribed from a source document: name it and say how to cite the page;
        ``deel``: what of the document this page holds, where it holds one part of it."""
        return self._credit(document_id, page, page.title, deel)

    def samengesteld(self, page: Page, document_id: str, what: str) -> str:
        """For a page the editors compiled from a source document: named as their compilation."""
        doc = self.content.document(document_id)
        credit = render_bronnen.render_compiled_credit(doc, what, page.title or "", self._site(), self._citation_address(page))
        return credit + self._search_words(page) + "\n\n" + self.laatst_gewijzigd(page, document_id)

    def citeer(self, page: Page) -> str:
        """For the editors' own pages: how to cite the page."""
        citation = render_bronnen.render_citation(page.title or "", self._site(), self._citation_address(page))
        return citation + self._search_words(page) + "\n\n" + self.laatst_gewijzigd(page)

    # --- what changed (data/wijzigingen.yml)
    def _place(self, item: str) -> tuple[str, str, str]:
        """A changelog id's (label, docs page, anchor)."""
        return changed_item(self.content, self.settings.docs_dir, item)

    def _suggest(self, page: Page) -> tuple[str, str] | None:
        """Where to suggest an improvement of this page: its file in the web editor, or a mail."""
        file = sitemap.source_file(self.content, page.path)
        if self.settings.suggest_url:
            return self.settings.suggest_url + file, f"{file} bewerken"
        if self.settings.suggest_email:
            subject = quote(f"Verbetering voor {page.title or self.settings.site_name} ({self._address(page)})")
            return f"mailto:{self.settings.suggest_email}?subject={subject}", f"Mail aan {self.settings.suggest_email}"
        return None

    def _feedback_address(self) -> str | None:
        """Where readers report an error: the editors' mail, else the publisher's contact mail."""
        for address in (self.settings.suggest_email, self.settings.statement.contact):
            if address and render_toegankelijkheid.EMAIL.match(address):
                return address
        return None

    def _feedback(self, page: Page, step: str | None = None) -> str | None:
        address = self._feedback_address()
        title = page.title or self.settings.site_name
        return render_metadata.feedback_mail(address, title, self._address(page), self.settings.version, step) if address else None

    def laatst_gewijzigd(self, page: Page, document_id: str | None = None) -> str:
        """The page's last change, from the newest changelog entry that names it (or all pages),
        "Klopt er iets niet?", and the page's schema.org metadata (``document_id``: the source
        document it is based on)."""
        entry = last_change(self.content, self.settings.docs_dir, page.path)
        if entry is None:
            raise KeyError(f"docs/{page.path}: no entry of data/wijzigingen.yml names this page; name it in the newest entry's ids")
        line = render_wijzigingen.render_last_changed(entry, self._suggest(page))
        line = line.replace("</p>", render_metadata.render_feedback(self._feedback(page)) + "</p>", 1)
        document = self.content.document(document_id) if document_id else None
        usage = self._address(Page(sitemap.REUSE, sitemap.url_of(sitemap.REUSE), None))
        metadata = render_metadata.render_page_metadata(
            page.title or self.settings.site_name, self._address(page), self.settings.site_name, entry,
            self.settings.licence, usage, document,
        )
        return f"{line}\n{metadata}"

    def gewijzigd(self, page: Page) -> str:
        """At the top of a page (under its title): a notice when the latest version changed it."""
        latest = self.content.changelog[0]
        here = [place for place in map(self._place, latest.ids) if place[1] == page.path]
        return render_wijzigingen.render_notice(latest, here) if here else ""

    def _under_title(self, body: str, page: Page) -> str:
        """A whole page's body with the change notice right under its title (the first line)."""
        title, rest = body.split("\n", 1)
        if not title.startswith("# "):
            raise ValueError(f"docs/{page.path}: the page does not start with its title")
        return f"{title}\n\n{self.gewijzigd(page)}\n{rest}"

    def wijzigingen(self, page: Page) -> str:
        """The Wijzigingen page: every version, newest first."""
        return render_wijzigingen.render_changelog(self.content.changelog, self._place, self.settings.archived)

    # --- the cycle
    def _downloads(self, *keys: str) -> list[sitemap.Download]:
        """What to download for these keys, as far as this build makes it (no dead links in `serve`)."""
        made = {"pdf": self.settings.pdfs, "zip": self.settings.offline_zip}
        return [d for key in keys for d in sitemap.downloads(self.content, key) if made[d.kind]]

    def handvat(self, page: Page, handvat_id: str) -> str:
        handvat = self.content.handvat(handvat_id)
        body = render_cyclus.render_handvat(
            handvat, self.content, self._downloads(handvat.id), self.settings.site_url, lambda step_id: self._feedback(page, step_id)
        )
        body = self._under_title(body, page)
        kinds = " en ".join(k for k, kind in (("stappen", "steps"), ("punten", "points")) if any(s.kind == kind for s in handvat.steps))
        parts = ("titel, inleiding, " if handvat.data.intro else "titel, ") + "vraag en " + kinds
        here = f"handvat {handvat.id} ({parts})"
        credit = self._credit(self.content.cycle_document, page, f"{handvat.id} {handvat.data.title}", here)
        return body + "\n\n" + credit

    def download_links(self, page: Page, *keys: str) -> str:
        """Download links for a page: "cyclus", "trainingen", "offline" or a phase id."""
        return render_cyclus.render_downloads(self._downloads(*keys))

    def fase(self, page: Page, phase_id: str) -> str:
        return render_cyclus.render_phase(sitemap.phase(self.content, phase_id), self.content)

    def overzicht(self, page: Page) -> str:
        return render_cyclus.render_overview(self.content)

    def kern_tabel(self, page: Page) -> str:
        return render_cyclus.render_kern_table(self.content)

    def cyclus_diagram(self, page: Page) -> str:
        return render_cyclus.render_cycle_svg(self.content)

    def zelfscan(self, page: Page, phase_id: str) -> str:
        """The self-assessment of a phase's recommendations."""
        phase = sitemap.phase(self.content, phase_id)
        return render_zelfscan.render_zelfscan(phase, self.content, self.settings.version)

    # --- "Nu handelen": cards of first steps for situations of the crisis phase
    def nu_handelen(self, page: Page, card_id: str) -> str:
        """A card's page: its title, the steps it selects, and the credit of the cycle's document."""
        cards = self.content.now_cards
        if card_id not in cards:
            raise KeyError(f"unknown card {card_id!r}; known: {', '.join(cards)}")
        card = cards[card_id]
        body = render_nu.render_card(card, self.content, self._audiences())
        title = f"# {render_nu.esc(card.title)} {{ .handvat-titel }}"
        credit = self.samengesteld(page, self.content.cycle_document, "een keuze van stappen")
        return f"{title}\n\n{self.gewijzigd(page)}\n\n{body}\n\n{credit}"

    def nu_handelen_kaarten(self, page: Page) -> str:
        """The cards as links (home page, Crisis page, the overview)."""
        return render_nu.render_card_list(self.content)

    # --- a lesson of one's own: every step to choose from, the selection, and "Welke fase?"
    def stappen_overzicht(self, page: Page) -> str:
        """Every step and point of the cycle, filterable, each with the toggle that selects it."""
        return render_selectie.render_overview(self.content, self._audiences())

    def selectie(self, page: Page) -> str:
        """The reader's selection of steps: every step once, hidden, for selectie.js to show in the
        address's order, with the open data's CSV rows for the export."""
        data = open_data(self.content, self.settings.version, self.settings.licence, self._audiences())
        site = self.settings.site_url
        return render_selectie.render_selection(
            self.content, self.settings.version, sitemap.SELECTION_EXPORT, site,
            f"{site}{sitemap.url_of(sitemap.SELECTION)}" if site else None,
            render_selectie.csv_data(CSV_COLUMNS, step_rows(data, site)),
        )

    def selectie_link(self, page: Page) -> str:
        """A link to the reader's selection (shown by selectie.js with its count)."""
        return render_steps.selection_link()

    def welke_fase(self, page: Page) -> str:
        """The editors' guide to the phase that applies now, in quotes of the source."""
        return render_welke_fase.render_guide(self.content)

    # --- sources, glossary, short links, audiences
    def bronnen(self, page: Page) -> str:
        return render_bronnen.render_sources(self.content)

    def brondocumenten(self, page: Page) -> str:
        return render_bronnen.render_documents(self.content)

    def woordenlijst(self, page: Page) -> str:
        return render_woordenlijst.render_glossary(self.content.glossary)

    def korte_links(self, page: Page) -> str:
        return render_short_links.render_short_link_table(self.content, self.short_links)

    def _audiences(self) -> dict[str, list[str]]:
        content = self.content
        paths = [h.page for h in content.handvatten.values()] + [d.section for d in content.documents.values()]
        return audiences_of(self.settings.docs_dir, paths, content.readers, tuple(sitemap.tags(content)))

    def doelgroep_routes(self, page: Page) -> str:
        return render_doelgroepen.render_routes(self.content, self._audiences())

    def fasen_doelgroepen(self, page: Page) -> str:
        return render_doelgroepen.render_phases(self.content, self._audiences())

    # --- training guides and courses
    def _guide(self):
        if self.content.trainingen.publieksagressie is None:
            raise KeyError("data/trainingen/publieksagressie.yml is missing")
        return self.content.trainingen.publieksagressie

    def checklist(self, page: Page, code: str) -> str:
        steps = self.content.checklist_steps
        if code not in steps:
            raise KeyError(f"unknown checklist {code!r}; known: {', '.join(steps)}")
        return render_steps.render_checklist(code, steps[code], self.content)

    def functiegroepen_tabel(self, page: Page) -> str:
        return render_trainingen.render_function_groups(self._guide())

    def trainingselementen_tabel(self, page: Page) -> str:
        return render_trainingen.render_training_elements(self._guide())

    def vaardigheden_tabel(self, page: Page) -> str:
        return render_trainingen.render_professional_skills(self._guide())

    def opleidingen_tabel(self, page: Page) -> str:
        return render_trainingen.render_education_skills(self._guide())

    def leidinggevenden_tabel(self, page: Page) -> str:
        return render_trainingen.render_manager_elements(self._guide())

    def voorbeeldprogramma(self, page: Page) -> str:
        return render_trainingen.render_sample_programme(self._guide())

    def functiegroep_matrix(self, page: Page) -> str:
        return render_trainingen.render_matrix(self._guide())

    def functiegroep_overzichten(self, page: Page) -> str:
        return render_trainingen.render_group_overviews(self._guide())

    def cursus(self, page: Page, course_id: str) -> str:
        courses = self.content.trainingen.courses
        if course_id not in courses:
            raise KeyError(f"unknown course {course_id!r}; known: {', '.join(courses)}")
        course = courses[course_id]
        rows = render_trainingen.shown_rows(list(courses.values()))  # the page shows what the comparison shows
        body = self._under_title(render_trainingen.render_course(course, rows), page)
        return body + "\n\n" + self._credit(course.id, page, course.title)

    def cursussen_vergelijking(self, page: Page) -> str:
        courses = list(self.content.trainingen.courses.values())
        pages = {c.id: self.content.document(c.id).section for c in courses}
        return render_trainingen.render_comparison(courses, pages)

    # --- counts in prose ("uit vijf documenten"), from the content
    def aantal(self, page: Page, key: str) -> str:
        """How many there are, in Dutch: 'brondocumenten', 'handvatten', 'cursussen', ...
        (render_aantallen.COUNTS)."""
        return render_aantallen.render_count(self.content, key)

    # --- the accessibility statement
    def toegankelijkheid(self, page: Page, key: str) -> str:
        """A fact of the accessibility statement: 'organisatie', 'contact' or 'datum'."""
        return render_toegankelijkheid.render_field(self.settings.statement, key)

    # --- reuse and open data
    def licentie_link(self, page: Page) -> str:
        """The licence of the editors' additions, as a link."""
        return render_hergebruik.render_licence(self.settings.licence)

    def hergebruik_bronnen(self, page: Page) -> str:
        """Per source document: maker and what it says of reuse."""
        return render_hergebruik.render_document_rights(list(self.content.documents.values()))

    def open_data_bestanden(self, page: Page) -> str:
        return render_hergebruik.render_open_data_files()
