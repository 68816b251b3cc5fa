"""schema.org building blocks for JSON-LD detail responses."""

from decimal import Decimal
from typing import Any

from wagtail.models import Page

from cms.api.registry import Context

SCHEMA_ORG = "https://schema.org"
JSON_LD = "application/ld+json"


def thing(page: Page, context: Context, kind: str | list[str], **fields: Any) -> dict[str, Any]:
    url = context.url(page)
    document = {
        "@context": SCHEMA_ORG, "@type": kind, "@id": url, "url": url, "name": page.title,
        "inLanguage": page.locale.language_code,
        "datePublished": page.first_published_at.isoformat() if page.first_published_at
        else None,
        "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
        **fields,
    }
    return without_empty(document)


def without_empty(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if value not in (None, "", [], {})}


def amount(value: Decimal | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"@type": "MonetaryAmount", "currency": "EUR", "value": float(value)}


def address(page: Any) -> dict[str, Any] | None:
    fields = without_empty({"@type": "PostalAddress", "streetAddress": page.street_address,
                            "addressLocality": page.city, "postalCode": page.postal_code,
                            "addressCountry": "LT"})
    return fields if len(fields) > 2 else None


def geo(page: Any) -> dict[str, Any] | None:
    if page.latitude is None or page.longitude is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": float(page.latitude),
            "longitude": float(page.longitude)}


def contact(page: Any) -> dict[str, Any] | None:
    fields = without_empty({"@type": "ContactPoint", "name": page.contact_name,
                            "telephone": page.contact_phone, "email": page.contact_email})
    return fields if len(fields) > 1 else None


def organization(page: Page | None, context: Context,
                 kind: str = "Organization") -> dict[str, Any] | None:
    """A public page as a linked node; None for any other page, which is never named."""
    if page is None or not context.is_public(page):
        return None
    return {"@type": kind, "@id": context.url(page), "name": page.title}


def organizations(pages, context: Context, kind: str = "Organization") -> list[dict[str, Any]]:
    return [node for page in pages if (node := organization(page, context, kind))]


def places(municipalities, language: str) -> list[dict[str, Any]]:
    return [{"@type": "AdministrativeArea", "name": municipality.label(language),
             "identifier": municipality.slug} for municipality in municipalities.all()]
