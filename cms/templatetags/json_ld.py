"""`{% json_ld page %}`: a page's schema.org description (the API's JSON-LD) in its HTML.

The JSON is written inside a <script> element, where the HTML parser ends the element at the
first `</script` whatever the JSON means: `<`, `>` and `&` are written as JSON escapes
(\\u003C …), as Django's `json_script` does, so no title can end the element early.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from cms.api.jsonld import JSON_LD
from cms.api.registry import Context, resource_for

register = template.Library()
SCRIPT_SAFE = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(document: dict) -> SafeString:
    """A <script type="application/ld+json"> element no string in `document` can break out of."""
    text = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html('<script type="{}">{}</script>', JSON_LD,
                       mark_safe(text.translate(SCRIPT_SAFE)))


@register.simple_tag(takes_context=True)
def json_ld(context: template.Context, page: Page | None) -> str:
    """The JSON-LD of a page the API describes; nothing for other pages."""
    request = context.get("request")
    resource = resource_for(page) if page is not None and request is not None else None
    if resource is None:
        return ""
    return json_ld_script(resource.json_ld(page, Context.of(request)))
