"""Random sequences of editor actions over two municipalities never leave a non-public page in
any public output, and never leave the search index stale.

A hypothesis state machine starts each example with a provider, a project it leads and a news
item about that project in both Alytus and Kalvarija (each published or a draft), then creates,
publishes, unpublishes, restricts (or lifts a restriction on a page, a section or a whole
site), expires, links (a project to a provider, a news item to a project, across
municipalities too), moves to the other municipality, renames as a draft, deletes and aliases
(creates an English alias and converts it into a page) pages, renames or deletes vocabulary
terms and runs the scheduled publishing job. "Expires" publishes an `expire_at` and lets that
moment pass while the page stays live, as before the scheduled job runs: Django's
`timezone.now` is moved forward instead of waiting.

After every step it drains the search outbox and checks:
(a) the database engine's live index serves a document for exactly the public searchable pages
    (`pages/public.py`), each equal, fingerprint included, to what
    `search.documents.build_documents` makes of the database now;
(b) no title that no public page has now (a draft, unpublished, restricted, expired, deleted
    page's, or a live page's draft title) is in any search document or public output: API
    lists and search results read page by page to the end, details and JSON-LD of every
    public page (a hidden one answers 404), search and suggest, the residents' search pages,
    the news feeds (RSS and Atom), the HTML of every public page and of every section, its
    listing followed page by page through its "next" links (a public page answers 200).

Lists are cut into small pages, and every example starts with public background pages that
fill the first page of every list, as ordered: by title (the API's default: "Aa …" before
every "Zx…" title), newest first (sections and search: published in the far future). So every
page the machine makes, a leaked one too, is listed on a later page, and a list that hides
non-public pages on its first page only is caught.

Every title is a unique token and a word ("Zx1a2b3c4d Projektas"); searches ask for the token
alone, which must find nothing, so that a search page echoing the query never contains the
whole title. Each example runs in its own transaction, rolled back at its end, and with an
index of its own. The machine runs on the database engine and on OpenSearch.
"""

import hashlib
import json
import re
import uuid
from datetime import date, datetime, timedelta
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, Q
from django.test import Client, override_settings
from django.utils import timezone
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.models import Locale, Page, PageViewRestriction

from cms.api.registry import RESOURCES, resource_for
from pages.models import (
    MunicipalityHomePage,
    NewsIndexPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    ProviderIndexPage,
    ProviderPage,
    ServiceType,
    TargetGroup,
)
from pages.public import public_pages
from search import facets, pipeline
from search.documents import build_documents, document_mappings, expiry_text
from search.engines import get_engine
from search.engines.database import DatabaseEngine
from search.engines.dsl import not_expired
from search.models import StoredDocument
from tests.search.conftest import drop_indices, use_engine

SITES = ("alytus", "kalvarija")
HOSTS = {slug: f"{slug}.localhost" for slug in SITES}
KINDS = {  # kind → page model, section model, the word after each title's token
    "project": (ProjectPage, ProjectIndexPage, "Projektas"),
    "provider": (ProviderPage, ProviderIndexPage, "Teikejas"),
    "news": (NewsPage, NewsIndexPage, "Naujiena"),
}
SEARCHABLE = [mapping.model for mapping in document_mappings()]
MODELS = [model for model, *_rest in KINDS.values()]
POPULATION = ("provider", "project", "news")
TERMS = {"target_group": TargetGroup, "service_type": ServiceType}
REFUSED = (ValidationError, ProtectedError, IntegrityError)  # the product said no: fine
PAST = timedelta(minutes=5)
PAGE_SIZE = 4  # of API lists and search results: 2 background pages per site and kind
SECTION_PAGE_SIZE = 2  # of a section's listing (the product's is 20): its 2 background pages
BACKGROUND = 2  # public background pages per site and kind, listed before the machine's pages
FAR_FUTURE = "2099-01-01"
NEXT_LINK = re.compile(r'<a href="([^"]*)" rel="next">')
EXAMPLES = 15  # sequences per engine (fewer in a profile that asks for fewer examples)
SEARCHED_TOKENS = 3  # per step, at most this many newly hidden titles are searched for
PICK = st.integers(min_value=0, max_value=15)
MOSTLY_LIVE = st.sampled_from([True, True, True, False])  # links between public pages matter
EXPIRES_IN = timedelta(hours=1)


class Clock:
    """Django's `timezone.now`, moved forward by the machine: time passes without waiting."""

    real_now = staticmethod(timezone.now)
    offset = timedelta()

    def now(self):
        return self.real_now() + self.offset


CLOCK = Clock()


def token_of(title: str) -> str:
    return title.split()[0]


def texts(page: Page, title: str) -> None:
    """Set the title and the text fields that repeat it (so both are public or neither)."""
    page.title = page.draft_title = title
    if isinstance(page, ProjectPage):
        page.summary = f"{title}. Santrauka."
    elif isinstance(page, ProviderPage):
        page.description = f"<p>{title}. Veikla.</p>"
    elif isinstance(page, NewsPage):
        page.lead = f"{title}. Įvadas."


def served_documents() -> dict[int, dict]:
    """The documents the engine serves from its live index: not deleted and not past their
    `expires_at` (engines hide those when read)."""
    engine = get_engine()
    if isinstance(engine, DatabaseEngine):
        now = expiry_text(timezone.now())
        stored = StoredDocument.objects.filter(
            index__alias=django_settings.SEARCH_INDEX_ALIAS, index__live=True, deleted=False)
        return {page_id: document
                for page_id, document in stored.values_list("page_id", "document")
                if document.get("expires_at") is None or document["expires_at"] > now}
    engine.refresh()
    response = engine.client.search(index=engine.alias, body={
        "query": {"bool": {"filter": [not_expired()]}}, "size": 10_000})
    return {int(hit["_id"]): hit["_source"] for hit in response["hits"]["hits"]}


def public_searchable_ids() -> set[int]:
    """Public pages (pages/public.py) of a searchable type; an alias is not indexed itself."""
    return {pk for model in SEARCHABLE
            for pk in public_pages(model.objects.filter(alias_of__isnull=True))
            .values_list("pk", flat=True)}


class PublicState(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self._atomic = transaction.atomic()  # one transaction per example, rolled back
        self._atomic.__enter__()
        self._own_index = override_settings(SEARCH_INDEX_ALIAS=f"public-state-{uuid.uuid4().hex}")
        self._own_index.enable()
        get_engine().ensure_index()
        CLOCK.offset = timedelta()
        facets._term_labels.clear()
        facets._generation_seen.update(value=-1, at=float("-inf"))
        self.counter = 0
        self.pages: list[int] = []  # every page this example made, deleted ones too
        self.titles: dict[int, set[str]] = {}  # every title a page ever had, draft or live
        self.locale_of: dict[int, str] = {}
        self.made: list[str] = []  # titles in the order they were made
        self.searched_secrets: set[str] = set()
        self.turn = 0
        self.clients = {slug: Client(HTTP_HOST=host) for slug, host in HOSTS.items()}
        self.api = self.clients["alytus"]
        english = Locale.objects.get(language_code="en")
        self.english = english
        self.homes = {}
        for slug in SITES:
            home = MunicipalityHomePage.objects.get(slug=slug, locale__language_code="lt")
            self.homes[slug] = {"lt": home, "en": home.get_translation(english)}

    def teardown(self) -> None:
        drop_indices(get_engine())
        self._own_index.disable()
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    # helpers ----------------------------------------------------------------------------

    def background(self) -> None:
        """Public pages that every list shows before this example's: titled "Aa …" (the API
        lists sort by title), published and dated in the far future (sections and search
        show the newest first)."""
        future = timezone.make_aware(datetime.fromisoformat(FAR_FUTURE))
        for site in SITES:
            for kind, (model, _section, word) in KINDS.items():
                for number in range(BACKGROUND):
                    page = model(slug=f"fonas-{kind}-{number}", live=False)
                    texts(page, f"Aa fonas {number} {word}")
                    if kind == "project":
                        page.status = ProjectPage.Status.RUNNING
                        page.start_date = date.fromisoformat(FAR_FUTURE)
                    elif kind == "provider":
                        page.provider_type = ProviderPage.ProviderType.NGO
                    else:
                        page.date_published = date.fromisoformat(FAR_FUTURE)
                    self.section(kind, site).add_child(instance=page)
                    page.save_revision().publish()
                    Page.objects.filter(pk=page.pk).update(first_published_at=future)

    def new_title(self, kind: str) -> str:
        self.counter += 1
        digest = hashlib.sha1(str(self.counter).encode()).hexdigest()[:8]
        title = f"Zx{digest} {KINDS[kind][2]}"
        self.made.append(title)
        return title

    def section(self, kind: str, site: str, language: str = "lt") -> Page:
        return KINDS[kind][1].objects.child_of(self.homes[site][language]).get()

    def pick(self, pick: int, model: type[Page] = Page, **filters) -> Page | None:
        """One of this example's pages; pages that others name come first, so that small
        numbers (which hypothesis tries often and shrinks to) pick them."""
        named = {*ProjectPage.objects.values_list("lead_beneficiary", flat=True),
                 *ProjectPartner.objects.values_list("provider", flat=True),
                 *NewsPage.about_projects.through.objects.values_list("projectpage", flat=True)}
        pages = sorted(model.objects.filter(pk__in=self.pages, **filters).specific(),
                       key=lambda page: (page.pk not in named, page.pk))
        return pages[pick % len(pages)] if pages else None

    def remember(self, page: Page, title: str, language: str) -> None:
        if page.pk not in self.titles:
            self.pages.append(page.pk)
        self.titles.setdefault(page.pk, set()).add(title)
        self.locale_of[page.pk] = language

    def site_of(self, page: Page) -> str:
        return next(site for site, homes in self.homes.items()
                    if any(page.path.startswith(home.path) for home in homes.values()))

    @staticmethod
    def kind_of(page: Page) -> str:
        return next(kind for kind, (model, *_rest) in KINDS.items() if isinstance(page, model))

    @staticmethod
    def attempt(action) -> bool:
        """Run an editor's action in a savepoint; the product refusing it is no failure."""
        try:
            with transaction.atomic():
                action()
            return True
        except REFUSED:
            return False

    @staticmethod
    def edit(page: Page, change) -> None:
        """As in the admin: change the latest revision and save it; publish it when the page
        is live (a draft stays a draft)."""
        draft = page.get_latest_revision_as_object()
        change(draft)
        revision = draft.save_revision()
        if Page.objects.filter(pk=page.pk, live=True).exists():
            revision.publish()

    def terms(self, vocabulary: str) -> list:
        """The vocabulary's terms that this example's pages use, else all of them."""
        model = TERMS[vocabulary]
        used = model.objects.filter(Q(projects__pk__in=self.pages) |
                                    Q(providers__pk__in=self.pages)).distinct().order_by("pk")
        return list(used) or list(model.objects.order_by("pk"))

    # rules ------------------------------------------------------------------------------

    @initialize(live=st.lists(MOSTLY_LIVE, min_size=6, max_size=6),
                terms=st.lists(PICK, max_size=2))
    def populate(self, live: list[bool], terms: list[int]) -> None:
        """In each municipality a provider, a project it leads and a news item about the
        project, each published or a draft; projects and providers classified by `terms`.
        Before them, the background pages."""
        self.background()
        for number, site in enumerate(SITES):
            provider, project, news = (self.make(kind, site, live[3 * number + offset], terms)
                                       for offset, kind in enumerate(POPULATION))
            self.relate(project, provider)
            self.relate(news, project)

    @rule(kind=st.sampled_from(sorted(KINDS)), site=st.sampled_from(SITES), live=st.booleans(),
          link=st.none() | PICK, terms=st.lists(PICK, max_size=2))
    def create(self, kind: str, site: str, live: bool, link: int | None,
               terms: list[int]) -> None:
        """A page, published or a draft; a project led by a provider, a news item about a
        project (`link`: which one, of either municipality)."""
        page = self.make(kind, site, live, terms)
        if link is not None:
            self.link_from(page, link)

    def make(self, kind: str, site: str, live: bool, terms: list[int] = ()) -> Page:
        model, _section, _word = KINDS[kind]
        title = self.new_title(kind)
        page = model(slug=f"puslapis-{self.counter}", live=False)
        texts(page, title)
        if kind == "project":
            page.status = ProjectPage.Status.RUNNING
        elif kind == "provider":
            page.provider_type = ProviderPage.ProviderType.NGO
        if kind in ("project", "provider"):
            groups = list(TargetGroup.objects.order_by("pk"))
            services = list(ServiceType.objects.order_by("pk"))
            page.target_groups = [groups[pick % len(groups)] for pick in terms]
            page.service_types = [services[pick % len(services)] for pick in terms]
        self.section(kind, site).add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        self.remember(page, title, "lt")
        return page

    @rule(pick=PICK)
    def publish(self, pick: int) -> None:
        """The latest revision (with its draft changes, if any)."""
        page = self.pick(pick, alias_of__isnull=True)
        if page is not None:
            self.attempt(lambda: page.get_latest_revision().publish())

    @rule(pick=PICK)
    def unpublish(self, pick: int) -> None:
        page = self.pick(pick, live=True)
        if page is not None:
            self.attempt(page.unpublish)

    @rule(pick=PICK)
    def rename_draft(self, pick: int) -> None:
        """A new title saved as a draft: not public until published."""
        page = self.pick(pick, alias_of__isnull=True)
        if page is None:
            return
        title = self.new_title(self.kind_of(page))

        def rename() -> None:
            draft = page.get_latest_revision_as_object()
            texts(draft, title)
            draft.save_revision()

        if self.attempt(rename):
            self.remember(page, title, self.locale_of[page.pk])

    @rule(pick=PICK, login=st.booleans())
    def restrict(self, pick: int, login: bool) -> None:
        """A view restriction on a home page, a section or a page of this example; lifted when
        it has one."""
        homes = [self.homes[site]["lt"] for site in SITES]
        sections = [self.section(kind, site) for kind in sorted(KINDS) for site in SITES]
        targets = homes + sections + list(Page.objects.filter(pk__in=self.pages).order_by("pk"))
        target = targets[pick % len(targets)]
        restrictions = PageViewRestriction.objects.filter(page=target)
        if restrictions.exists():
            for restriction in restrictions:
                restriction.delete()
        else:
            PageViewRestriction.objects.create(
                page=target, password="" if login else "slaptas",
                restriction_type=PageViewRestriction.LOGIN if login
                else PageViewRestriction.PASSWORD)

    @rule(pick=PICK)
    def expire(self, pick: int) -> None:
        """An expiry is published and indexed, then it passes while the page is live: the
        scheduled job that unpublishes expired pages has not run (yet)."""
        page = self.pick(pick, live=True, alias_of__isnull=True)
        if page is None:
            return

        def change(draft: Page) -> None:
            draft.expire_at = timezone.now() + EXPIRES_IN

        if self.attempt(lambda: self.edit(page, change)):
            pipeline.drain()
            CLOCK.offset += EXPIRES_IN + PAST

    @rule()
    def run_scheduled_publishing(self) -> None:
        call_command("publish_scheduled", verbosity=0)

    @rule(link=PICK, pick=PICK, lead=st.booleans(), unlink=st.booleans())
    def link(self, link: int, pick: int, lead: bool, unlink: bool) -> None:
        """A project names a provider (as its lead beneficiary or a partner), a news item a
        project, of either municipality; or the page stops naming any."""
        linking = self.pick(pick, alias_of__isnull=True)
        if linking is not None:
            self.link_from(linking, link, lead, unlink)

    def link_from(self, linking: Page, link: int, lead: bool = True,
                  unlink: bool = False) -> None:
        if isinstance(linking, ProjectPage | NewsPage):
            linked = self.pick(link, ProviderPage if isinstance(linking, ProjectPage)
                               else ProjectPage)
            if unlink or linked is not None:
                self.relate(linking, linked, lead, unlink)

    def relate(self, linking: Page, linked: Page | None, lead: bool = True,
               unlink: bool = False) -> None:
        """As an editor would: in the latest revision, published if the page is live."""

        def change(draft: Page) -> None:
            if unlink and isinstance(draft, ProjectPage):
                draft.lead_beneficiary = None
                draft.partners.clear()
            elif unlink:
                draft.about_projects.clear()
            elif isinstance(draft, ProjectPage) and lead:
                draft.lead_beneficiary = linked
            elif isinstance(draft, ProjectPage):
                draft.partners.add(ProjectPartner(provider=linked, role="partner"))
            else:
                draft.about_projects.add(linked)

        self.attempt(lambda: self.edit(linking, change))

    @rule(pick=PICK)
    def move(self, pick: int) -> None:
        """To the same section of the other municipality."""
        page = self.pick(pick, locale__language_code="lt")
        if page is not None:
            other = next(site for site in SITES if site != self.site_of(page))
            target = self.section(self.kind_of(page), other)
            self.attempt(lambda: page.move(target, pos="last-child"))

    @rule(pick=PICK)
    def delete(self, pick: int) -> None:
        page = self.pick(pick)
        if page is not None:
            self.attempt(page.delete)

    @rule(vocabulary=st.sampled_from(sorted(TERMS)), pick=PICK,
          change=st.sampled_from(["label", "slug", "delete"]))
    def change_term(self, vocabulary: str, pick: int, change: str) -> None:
        """Rename (label or slug) or delete a term, preferably one this example's pages use."""
        terms = self.terms(vocabulary)
        term = terms[pick % len(terms)]
        self.counter += 1
        if change == "delete":
            self.attempt(term.delete)
            return
        if change == "label":
            term.label_lt = f"{term.label_lt} {self.counter}"
        else:
            term.slug = f"{term.slug}-{self.counter}"
        term.save()

    @rule(pick=PICK, convert=st.booleans())
    def alias(self, pick: int, convert: bool) -> None:
        """A translator's English alias of a Lithuanian page: created (and, with `convert`,
        converted into a page of its own at once), or converted if it exists."""
        alias = self.pick(pick, alias_of__isnull=False)
        if alias is not None and convert:
            self.attempt(lambda: ConvertAliasPageAction(alias).execute(
                skip_permission_checks=True))
            return
        page = self.pick(pick, locale__language_code="lt", alias_of__isnull=True)
        if page is None or page.get_translation_or_none(self.english) is not None:
            return
        parent = self.section(self.kind_of(page), self.site_of(page), "en")

        def create() -> None:
            alias = CreatePageAliasAction(page, recursive=False, parent=parent,
                                          update_locale=self.english).execute()
            self.remember(alias, page.title, "en")
            if convert:
                ConvertAliasPageAction(alias).execute(skip_permission_checks=True)

        self.attempt(create)

    # checks -----------------------------------------------------------------------------

    @invariant()
    def after_a_drain(self) -> None:
        pipeline.drain()
        get_engine().refresh()
        public = list(public_pages(Page.objects.filter(pk__in=self.pages)).specific())
        public_titles = {page.title for page in public}
        secrets = {title for titles in self.titles.values() for title in titles} - public_titles
        documents = self.index_is_exact_and_fresh()
        for pk, document in documents.items():
            leaked = self.leaked(secrets, str(document))
            assert not leaked, f"the search document of page {pk} holds {leaked}"
        for output, where, content in self.public_outputs(public, secrets):
            # one assertion per kind of output, so that hypothesis reports each kind of leak
            # as a failure of its own
            leaked = self.leaked(secrets, content)
            if output == "api":
                assert not leaked, f"API {where} shows {leaked}"
            elif output == "search":
                assert not leaked, f"search {where} shows {leaked}"
            elif output == "feed":
                assert not leaked, f"feed {where} shows {leaked}"
            else:
                assert not leaked, f"HTML {where} shows {leaked}"

    def index_is_exact_and_fresh(self) -> dict[int, dict]:
        """(a): the served documents of this example's pages, each what the builder makes of
        the database now."""
        expected = public_searchable_ids() & set(self.pages)
        served = {pk: document for pk, document in served_documents().items()
                  if pk in self.pages}
        missing, orphans = expected - set(served), set(served) - expected
        assert not orphans, f"indexed but not public: {self.describe(orphans)}"
        assert not missing, f"public but not indexed: {self.describe(missing)}"
        built = build_documents(expected)
        for pk in sorted(expected):
            assert built[pk] is not None, f"public page {self.describe({pk})} builds no document"
            assert served[pk] == built[pk], (
                f"stale document of {self.describe({pk})} (fingerprint "
                f"{served[pk].get('fingerprint')} indexed, {built[pk].get('fingerprint')} now):\n"
                f"indexed {served[pk]}\nbuilt   {built[pk]}")
        return served

    def leaked(self, secrets: set[str], content: str) -> str:
        return self.describe_titles(sorted(title for title in secrets if title in content))

    def public_outputs(self, public: list[Page], secrets: set[str]):
        """(b): (kind, where, text) of every public output."""
        listed = set()
        for key in (key for key, resource in RESOURCES.items() if resource.model in MODELS):
            for url, body in self.paged(f"/api/v1/{key}/?page_size={PAGE_SIZE}"):
                listed |= {result["id"] for result in body["results"]}
                yield "api", url, json.dumps(body, ensure_ascii=False)
        unaliased = {page.pk for page in public if page.alias_of_id is None}
        listed &= set(self.pages)
        assert listed <= unaliased, f"API lists hidden {self.describe(listed - unaliased)}"
        assert listed >= unaliased, f"API lists miss public {self.describe(unaliased - listed)}"
        for page in public:
            if page.alias_of_id is None:
                for suffix in ("", "jsonld/"):
                    url = f"/api/v1/{resource_for(page).key}/{page.pk}/{suffix}"
                    yield "api", url, self.get(self.api, url)
            yield from self.html(page)
        public_ids = {page.pk for page in public}
        for page in Page.objects.filter(pk__in=self.pages).exclude(pk__in=public_ids).specific():
            url = f"/api/v1/{resource_for(page).key}/{page.pk}/"
            response = self.api.get(url)
            assert response.status_code == 404, f"{url} of hidden page → {response.status_code}"
            yield from self.html(page, public=False)
        languages = sorted(set(self.locale_of.values()))
        for language in languages:
            for url, body in self.paged(f"/api/v1/search/?lang={language}&sort=newest"
                                        f"&page_size={PAGE_SIZE}"):
                yield "search", url, json.dumps(body, ensure_ascii=False)
            url = f"/api/v1/search/suggest/?q=zx&lang={language}&limit=20"
            yield "search", url, self.get(self.api, url)
        for title in self.to_search(secrets):
            yield from self.searches_for(title)
        for site, client in self.clients.items():
            for language in languages:
                prefix = "" if language == "lt" else "/en"
                for feed in ("rss", "atom"):
                    url = f"{prefix}/feeds/news.{feed}"
                    yield "feed", f"{site} {url}", self.get(client, url)
        # the sections list their pages (a home page lists only sections)
        sections = [self.section(kind, site, language).pk
                    for kind in sorted(KINDS) for site in SITES for language in languages]
        for section in public_pages(Page.objects.filter(pk__in=sections)).order_by("pk"):
            yield from self.section_listing(section)

    def to_search(self, secrets: set[str]) -> list[str]:
        """The titles hidden by this step (up to SEARCHED_TOKENS) and one hidden before, in
        turn: searching for each of them every time would make a step slow."""
        newly = [title for title in self.made if title in secrets - self.searched_secrets]
        older = [title for title in self.made if title in secrets & self.searched_secrets]
        self.searched_secrets = set(secrets)
        self.turn += 1
        return newly[:SEARCHED_TOKENS] + ([older[self.turn % len(older)]] if older else [])

    def searches_for(self, title: str):
        """A hidden page's token finds nothing; the search pages echo the token, so they must
        not show the whole title."""
        token = token_of(title).lower()
        language = self.locale_of[next(pk for pk, known in self.titles.items() if title in known)]
        url = f"/api/v1/search/?q={token}&lang={language}"
        body = json.loads(self.get(self.api, url))
        assert body["count"] == 0, f"{url} of hidden {title!r} finds {body['results']}"
        url = f"/api/v1/search/suggest/?q={token}&lang={language}"
        body = json.loads(self.get(self.api, url))
        assert body["results"] == [], f"{url} of hidden {title!r} suggests {body['results']}"
        path = "/paieska/" if language == "lt" else "/en/search/"
        for site, client in self.clients.items():
            yield "search", f"{site} {path}?q={token}", self.get(client, f"{path}?q={token}")

    def html(self, page: Page, public: bool = True):
        """A page as its site serves it; a hidden one may answer anything but its title."""
        url = page.get_full_url()
        if not url:
            return
        parts = urlsplit(url)
        response = Client(HTTP_HOST=parts.netloc).get(parts.path)
        if public:
            assert response.status_code == 200, f"{url} → {response.status_code}"
        yield "html", url, response.content.decode()

    def section_listing(self, section: Page):
        """Every page of a section's listing, followed through its "next" links to the last;
        together they list every public child."""
        url = section.get_full_url()
        parts = urlsplit(url)
        client = Client(HTTP_HOST=parts.netloc)
        query, shown = "", ""
        for _number in range(1000):
            response = client.get(parts.path + query)
            assert response.status_code == 200, f"{url}{query} → {response.status_code}"
            content = response.content.decode()
            shown += content
            yield "html", url + query, content
            following = NEXT_LINK.search(content)
            if following is None:
                break
            query = following.group(1).replace("&amp;", "&")
        else:
            raise AssertionError(f"{url}: the listing's next links never end")
        missing = sorted(child.title for child in public_pages(section.get_children())
                         if child.title not in shown)
        assert not missing, f"{url}: the listing's pages miss public {missing}"

    @staticmethod
    def get(client: Client, url: str) -> str:
        response = client.get(url)
        assert response.status_code == 200, f"{url} → {response.status_code}"
        return response.content.decode()

    def paged(self, url: str):
        """Every page of a list to the last: full pages before it, each item once, as many
        as the list's count."""
        page, seen = 1, []
        while True:
            body = json.loads(self.get(self.api, f"{url}&page={page}"))
            yield f"{url}&page={page}", body
            seen += [result["id"] for result in body["results"]]
            if page * body["page_size"] >= body["count"]:
                break
            assert len(body["results"]) == body["page_size"], f"{url}&page={page} is not full"
            page += 1
        assert len(seen) == len(set(seen)) == body["count"], (
            f"{url}: {len(seen)} items ({len(set(seen))} different) on {page} pages, "
            f"count {body['count']}")

    def describe(self, ids) -> str:
        pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        return ", ".join(
            f"{pk} {pages[pk].title!r} {type(pages[pk]).__name__} live={pages[pk].live} "
            f"expire_at={pages[pk].expire_at}" if pk in pages else f"{pk} (deleted)"
            for pk in sorted(ids)) or "none"

    def describe_titles(self, titles: list[str]) -> str:
        if not titles:
            return ""
        owners = {pk for title in titles for pk, known in self.titles.items() if title in known}
        return f"{titles} of {self.describe(owners)}"


@pytest.fixture(params=["database", "opensearch"])
def engine_with_a_clock(request, settings, db):
    use_engine(request.param, settings)
    with (mock.patch("django.utils.timezone.now", CLOCK.now),
          mock.patch("pages.models.structure.INDEX_PAGE_SIZE", SECTION_PAGE_SIZE)):
        yield


def test_public_outputs_and_index_follow_every_editor_action(engine_with_a_clock):
    run_state_machine_as_test(PublicState, settings=settings(
        max_examples=min(EXAMPLES, settings.default.max_examples), stateful_step_count=12,
        deadline=None,
        database=None,  # no .hypothesis/ directory in the repository
        # the failing steps are reported as found: shrinking a sequence of publishes and drains
        # costs minutes per step removed
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))

