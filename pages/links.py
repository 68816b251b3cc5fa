"""A page may name a page of another municipality's site only when that page is public, in a
field or, in the admin form, in a link of its rich text.

Links of rich text are checked where the editor writes them, not on every save: Wagtail saves
a page to publish a revision, at a scheduled time or on a move, and a text link whose page was
hidden since must not stop that (it is written without its address, see `pages.wagtail_hooks`).

A municipality's editors never see another municipality's drafts in their choosers; this is
the rule behind it, so that no form, import or crafted request can link a draft of municipality
B into a page of municipality A and, once A publishes, show it to everyone.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Field, Model, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.rich_text import extract_references_from_rich_text

from pages.forms import PageForm
from pages.public import below_any, public_only, public_pages
from pages.widgets import SitePageChooser

HOME_PATH_LENGTH = 2 * Page.steplen  # municipality home pages are children of the root
# names the page by its id only: its title is another municipality's unpublished work
HIDDEN_LINK = _("The linked page (id %(id)s) belongs to another municipality and is not public "
                "yet.")

Links = dict[str, list[Page]]


def is_page_link(field) -> bool:
    """A relation of a content model to a page: not Wagtail's own (`alias_of`), not a reverse
    relation, not the parental key of an inline child."""
    return bool(isinstance(field, Field) and not isinstance(field, ParentalKey)
                and field.related_model and issubclass(field.related_model, Page)
                and field.model is not Page and (field.many_to_one or field.many_to_many))


def page_link_fields(model: type[Model]) -> list:
    return [field for field in model._meta.get_fields() if is_page_link(field)]


def rich_text_fields(model: type[Model]) -> list[RichTextField]:
    return [field for field in model._meta.get_fields() if isinstance(field, RichTextField)]


def linked_in(html: str | None) -> list[Page]:
    """The pages a stored rich text links to (an id that is not a number names none)."""
    ids = {int(object_id) for model, object_id, *_paths in extract_references_from_rich_text(
        html or "") if issubclass(model, Page) and str(object_id).isascii()
        and str(object_id).isdecimal()}
    return list(Page.objects.filter(pk__in=ids)) if ids else []


def child_link_fields(model: type[Model]) -> dict[str, list]:
    """Inline children (e.g. a project's partners) → their relations to pages."""
    found = {relation.get_accessor_name(): page_link_fields(relation.related_model)
             for relation in get_all_child_relations(model)}
    return {name: fields for name, fields in found.items() if fields}


def site_paths(path: str) -> list[str]:
    """The home pages' paths of the site a path belongs to (its Lithuanian and English trees)."""
    key = site_of(path)
    return list(Page.objects.filter(depth=2, translation_key=key).values_list("path", flat=True)
                ) if key else []


def site_of(path: str) -> str | None:
    """The site a path belongs to: its home page's translation key (LT and EN share it)."""
    key = (Page.objects.filter(path=path[:HOME_PATH_LENGTH])
           .values_list("translation_key", flat=True).first())
    return str(key) if key else None


def hidden_links(home_path: str, links: Links) -> dict[str, ValidationError]:
    """Per field, the error for linking another site's non-public pages."""
    own_site = site_of(home_path)
    errors = {}
    for field, pages in links.items():
        pages = [page for page in pages if page is not None]
        public = {page.pk for page in public_only(pages)}
        hidden = [page for page in pages
                  if page.pk not in public and site_of(page.path) != own_site]
        if hidden:
            errors[field] = ValidationError(
                [ValidationError(HIDDEN_LINK, params={"id": page.pk}) for page in hidden])
    return errors


def values(value) -> list:
    if value is None:
        return []
    return list(value.all() if hasattr(value, "all") else
                value if isinstance(value, Iterable) else [value])


def model_links(page: Page) -> Links:
    links: Links = {field.name: values(getattr(page, field.name))
                    for field in page_link_fields(type(page))}
    for relation, fields in child_link_fields(type(page)).items():
        links[relation] = [target for child in getattr(page, relation).all()
                           for field in fields for target in values(getattr(child, field.name))]
    return links


class PublicLinksForm(PageForm):
    """The admin form: links chosen in fields and in inline panels (e.g. partners).

    A field listing pages to tick (many to many) lists those the page may name: its own
    site's and the public ones, with those it names already; never another municipality's
    drafts. A chosen page of another site is named as that site shows it (`SitePageChooser`).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        home_path = self.instance.path or self.parent_page.path
        own_site = site_paths(home_path)
        for form in (self, *(child for formset in self.formsets.values()
                             for child in formset.forms)):
            for field in form.fields.values():
                if isinstance(field.widget, SitePageChooser):
                    field.widget.site_paths = own_site
        linkable = below_any(own_site) | Q(pk__in=public_pages().values("pk"))
        for field in page_link_fields(type(self.instance)):
            if field.many_to_many and field.name in self.fields:
                named = [page.pk for page in getattr(self.instance, field.name).all()]
                self.fields[field.name].queryset = self.fields[field.name].queryset.filter(
                    linkable | Q(pk__in=named))

    def is_valid(self) -> bool:
        valid = super().is_valid()
        home_path = self.instance.path or self.parent_page.path
        cleaned = getattr(self, "cleaned_data", {})
        model = type(self.instance)
        links = {field.name: values(cleaned[field.name]) for field in page_link_fields(model)
                 if field.name in cleaned}
        links |= {field.name: linked_in(cleaned[field.name]) for field in rich_text_fields(model)
                  if field.name in cleaned}
        for name, error in hidden_links(home_path, links).items():
            self.add_error(name, error)
            valid = False
        for relation, link_fields in child_link_fields(type(self.instance)).items():
            for form in self.formsets[relation].forms if relation in self.formsets else []:
                data = getattr(form, "cleaned_data", {})
                if data.get("DELETE"):
                    continue
                for field in link_fields:
                    for error in hidden_links(home_path,
                                              {field.name: values(data.get(field.name))}).values():
                        form.add_error(field.name, error)
                        valid = False
        return valid


class PublicLinksModel(Model):
    """Content pages validate their links in the admin form and when cleaned in place
    (imports, scripts)."""

    base_form_class = PublicLinksForm

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.path and (errors := hidden_links(self.path, model_links(self))):
            raise ValidationError(errors)

