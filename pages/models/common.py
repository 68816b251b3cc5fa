"""Fields and behaviour shared by the four content page types, and the parts of their edit
forms: tabs, help texts that say which fields the public page shows, vocabularies as checkbox
lists."""

from collections.abc import Sequence

from django.db import models
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from pages.widgets import FilterableCheckboxSelectMultiple

SHOWN_ON_PUBLIC_PAGE = _("Shown on the public page.")


def field_help(text: Promise | str = "", public: bool = False) -> Promise | str:
    """A field's help text, ending with the public page marker when the public page shows it."""
    if not public:
        return text
    return format_lazy("{text} {marker}", text=text, marker=SHOWN_ON_PUBLIC_PAGE) if text \
        else SHOWN_ON_PUBLIC_PAGE


def described(name: str, text: Promise | str = "", public: bool = False, **options) -> FieldPanel:
    return FieldPanel(name, help_text=field_help(text, public), **options)


def vocabulary(name: str, text: Promise | str = "", public: bool = False) -> FieldPanel:
    """Terms of a shared vocabulary, ticked in a list of checkboxes that typing narrows."""
    return described(name, text, public, widget=FilterableCheckboxSelectMultiple)


def copied_untranslated(*names: str) -> list[SynchronizedField]:
    """Fields a translation copies from its source as they are (shared-vocabulary terms,
    codes, numbers, dates, names, addresses, e-mails, phones, URLs: what an import's
    translation line may not change either): the translation editor neither offers them for
    translation nor lets them be overridden. For a model's `override_translatable_fields`."""
    return [SynchronizedField(name, overridable=False) for name in names]


def edit_tabs(content: Sequence[Panel], classification: Sequence[Panel],
              funding: Sequence[Panel] = (), contacts: Sequence[Panel] = ()) -> TabbedInterface:
    """The edit form of a content page: its own tabs, then Wagtail's promote and settings."""
    tabs = [(content, _("Content")), (classification, _("Classification")),
            (funding, _("Funding")), (contacts, _("Contacts")),
            (Page.promote_panels, _("Promote")), (Page.settings_panels, _("Settings"))]
    return TabbedInterface([ObjectList(panels, heading=heading)
                            for panels, heading in tabs if panels])


title_panel = TitleFieldPanel("title", help_text=SHOWN_ON_PUBLIC_PAGE)


class AddressFields(models.Model):
    street_address = models.CharField(_("address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True,
                                   blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True,
                                    blank=True)

    address_panels = [
        MultiFieldPanel(
            [FieldPanel("street_address"), FieldPanel("city"), FieldPanel("postal_code"),
             described("latitude", _("Decimal degrees, e.g. 54.3961: the place on maps.")),
             described("longitude", _("Decimal degrees, e.g. 24.0459."))],
            heading=_("Address"),
        )
    ]
    untranslated_fields = ("street_address", "city", "postal_code", "latitude", "longitude")

    class Meta:
        abstract = True


class ContactFields(models.Model):
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True)
    contact_department = models.CharField(_("department"), max_length=255, blank=True)
    contact_phone = models.CharField(_("phone"), max_length=50, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)

    contact_panels = [
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_department"),
             described("contact_phone", _("With the country code, e.g. +370 633 87 850.")),
             FieldPanel("contact_email")],
            heading=_("Contacts"),
        )
    ]
    untranslated_fields = ("contact_name", "contact_phone", "contact_email")

    class Meta:
        abstract = True


class SourceFields(models.Model):
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    source_date = models.DateField(_("source date"), null=True, blank=True)

    source_panels = [
        MultiFieldPanel([described("source_url", _("Where the information was taken from.")),
                         described("source_date", _("When the source was read."))],
                        heading=_("Source"))
    ]
    untranslated_fields = ("source_url", "source_date")

    class Meta:
        abstract = True


class ImageFields(models.Model):
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+",
                              verbose_name=pgettext_lazy("page field", "image"))
    image_credit = models.CharField(_("image credit"), max_length=255, blank=True)

    image_panels = [FieldPanel("image"),
                    described("image_credit", _("Who took the photo or holds its rights."))]
    untranslated_fields = ("image_credit",)

    class Meta:
        abstract = True


def money_field(label: Promise) -> models.DecimalField:
    from django.core.validators import MinValueValidator

    return models.DecimalField(label, max_digits=14, decimal_places=2, null=True, blank=True,
                               validators=[MinValueValidator(0)], help_text=_("EUR"))
