"""Translating pages with wagtail-localize, limited to the pages a user works on.

wagtail-localize lets whoever holds `wagtail_localize.submit_translation` translate any page and
update (and publish) any page's translations: its views check that one model permission and never
the page. The municipal groups hold it (`cms.permissions`), so the plugin serves those views at
their own addresses with the page rule added:

* a page may be translated into a language by whom may edit it and add a page under its parent's
  translation in that language (or edit the alias there that the translation replaces): a
  municipality's staff translate their own pages into their own English tree, never another
  municipality's;
* a page's translations may be updated by whom may edit the page and every translation, and
  published at once only by whom may publish every translation;
* a snippet may be translated by whom may edit its type.

wagtail-localize's "Translate this page" and "Sync translated pages" buttons are offered only to
whom the view at their address admits (`offered_buttons`), and its report of translations lists
those of the pages the user may open in the admin.
"""

from collections.abc import Callable, Iterator
from functools import wraps
from urllib.parse import urlsplit

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path, resolve
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale, Page
from wagtail.snippets.permissions import user_can_edit_snippet_type
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
    SubmitTranslationForm,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from cms.municipal_scope import sees_everything, workable_pages

# Where wagtail-localize serves the views below, inside the admin's URLs.
ADMIN_PREFIX = "localize/"


def may_translate_into(user, page: Page, locale: Locale) -> bool:
    existing = page.get_translation_or_none(locale)
    if existing is not None:  # only an alias can still be turned into a translation
        return existing.alias_of_id is not None and existing.permissions_for_user(user).can_edit()
    parent = page.get_parent().get_translation_or_none(locale)
    if parent is None:  # wagtail-localize would copy the untranslated ancestors too
        return user.is_superuser
    return parent.permissions_for_user(user).can_add_subpage()


def translatable_locales(user, page: Page) -> QuerySet[Locale]:
    """The languages this user may translate the page into."""
    if not page.permissions_for_user(user).can_edit():
        return Locale.objects.none()
    allowed = [locale.pk for locale in Locale.objects.exclude(pk=page.locale_id)
               if may_translate_into(user, page, locale)]
    return Locale.objects.filter(pk__in=allowed)


class OwnPageTranslationView(SubmitPageTranslationView):
    """wagtail-localize's "Translate page", offering only the languages the user may add the
    translation in."""

    @staticmethod
    def admits(user, page_id: int) -> bool:
        return translatable_locales(user, Page.objects.get(pk=page_id)).exists()

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        page = super().get_object()
        self.allowed_locales = translatable_locales(request.user, page)
        if not self.allowed_locales.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self) -> SubmitTranslationForm:
        form = super().get_form()
        locales: forms.ModelMultipleChoiceField = form.fields["locales"]
        locales.queryset = locales.queryset.filter(pk__in=self.allowed_locales)
        return form


class EditableSnippetTranslationView(SubmitSnippetTranslationView):
    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not user_can_edit_snippet_type(request.user, type(super().get_object())):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def may_update_translations(user, source: TranslationSource, publish: bool) -> bool:
    instance = source.get_source_instance()
    if not isinstance(instance, Page):
        return user_can_edit_snippet_type(user, type(instance))
    targets = [translation.get_target_instance()
               for translation in source.translations.filter(enabled=True)]
    permissions = [page.permissions_for_user(user) for page in [instance, *targets]]
    return all(tester.can_edit() for tester in permissions) and (
        not publish or all(tester.can_publish() for tester in permissions[1:]))


class OwnTranslationsUpdateView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", for the pages the user may edit; publishing
    them at once needs the right to publish each of them."""

    @staticmethod
    def admits(user, translation_source_id: int) -> bool:
        source = TranslationSource.objects.get(pk=translation_source_id)
        return may_update_translations(user, source, publish=False)

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        publish = request.method == "POST" and bool(request.POST.get("publish_translations"))
        if not may_update_translations(request.user, super().get_object(), publish):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class OwnTranslationsReportView(TranslationsReportView):
    """wagtail-localize's report of translations: of snippets, and of the pages the user may
    open in the admin (every page for whom sees every municipality): another municipality's
    translations, drafts among them, are its own work."""

    def get_queryset(self) -> QuerySet[Translation]:
        translations = super().get_queryset()
        if sees_everything(self.request.user):
            return translations
        workable = workable_pages(self.request.user) or Q()
        page_type = ContentType.objects.get_for_model(Page)
        return translations.filter(
            ~Q(source__object__content_type=page_type)
            | Q(source__object_id__in=Page.objects.filter(workable).values("translation_key")))


def translation_urls() -> list[URLPattern]:
    """The guarded views at wagtail-localize's own addresses: registered before its URLs, they
    answer every link that wagtail-localize's buttons and pages make."""
    return [
        path(f"{ADMIN_PREFIX}submit/page/<int:page_id>/", OwnPageTranslationView.as_view(),
             name="cms_submit_page_translation"),
        path(f"{ADMIN_PREFIX}submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
             EditableSnippetTranslationView.as_view(), name="cms_submit_snippet_translation"),
        path(f"{ADMIN_PREFIX}update/<int:translation_source_id>/",
             OwnTranslationsUpdateView.as_view(), name="cms_update_translations"),
        path(f"{ADMIN_PREFIX}reports/translations/", OwnTranslationsReportView.as_view(),
             name="cms_translations_report"),
        path(f"{ADMIN_PREFIX}reports/translations/results/",
             OwnTranslationsReportView.as_view(results_only=True),
             name="cms_translations_report_results"),
    ]


def admitted(user, url: str) -> bool:
    """Whether the view answering this admin address lets the user in, as far as the guarded
    views above decide: any other address is left to its own view."""
    match = resolve(urlsplit(url).path)
    admits = getattr(getattr(match.func, "view_class", None), "admits", None)
    return admits is None or admits(user, **match.kwargs)


def offered_buttons(hook: Callable[..., Iterator[Button]]) -> Callable[..., Iterator[Button]]:
    """A page buttons hook (wagtail-localize's) yielding only the buttons whose address admits
    the user."""

    @wraps(hook)
    def buttons(*, page: Page, user, **kwargs) -> Iterator[Button]:
        for button in hook(page=page, user=user, **kwargs):
            if admitted(user, button.url):
                yield button

    return buttons
