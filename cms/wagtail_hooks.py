"""Admin glue: the shared vocabularies as one snippet menu group."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pages import models as content


def term_viewset(term_model: type, extra_columns: tuple[str, ...] = ()) -> type[SnippetViewSet]:
    return type(f"{term_model.__name__}ViewSet", (SnippetViewSet,), {
        "model": term_model,
        "list_display": ["label_lt", "label_en", "slug", *extra_columns],
        "search_fields": ["label_lt", "label_en", "slug"],
    })


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Klasifikatoriai"
    menu_icon = "tag"
    menu_order = 300
    items = (
        term_viewset(content.TargetGroup, ("broader",)),
        term_viewset(content.ServiceType, ("category", "code")),
        term_viewset(content.Fund, ("abbreviation_lt",)),
        term_viewset(content.Agency, ("abbreviation",)),
        term_viewset(content.Programme, ("period",)),
        term_viewset(content.Priority, ("programme",)),
        term_viewset(content.Municipality, ("county",)),
        term_viewset(content.County, ("region",)),
        term_viewset(content.Region),
    )


register_snippet(TaxonomyGroup)
