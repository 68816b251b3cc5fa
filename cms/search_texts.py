"""Plain-language UI text of the residents' search page, Lithuanian and English."""

TEXTS = {
    "lt": {
        "title": "Paieška", "skip": "Pereiti prie rezultatų",
        "query_label": "Ko ieškote?",
        "query_hint": "Pavyzdžiui: dienos centras, pagalba į namus, senjorai.",
        "search": "Ieškoti", "filters": "Filtrai", "apply": "Rodyti rezultatus",
        "active": "Pasirinkti filtrai", "remove": "Pašalinti filtrą",
        "clear": "Išvalyti visus filtrus", "sort_label": "Rikiuoti",
        "results": "Rezultatai", "found": "Rasta rezultatų: {count}.",
        "found_for": "Rasta rezultatų: {count}. Ieškota: „{query}“.",
        "none": "Nieko neradome. Pabandykite kitus žodžius arba pašalinkite filtrą.",
        "pages": "Puslapiai", "previous": "Ankstesnis puslapis", "next": "Kitas puslapis",
        "page": "puslapis", "current": "dabartinis",
        "more": "Rodyti daugiau", "error": "Paieška nepavyko: {message}",
        "updating": "Atnaujinama…", "other_language": "In English",
        "feed": "Naujienų RSS srautas", "refine": "Tikslinti šią paiešką",
        "section_search": "Paieška su filtrais: {label}",
    },
    "en": {
        "title": "Search", "skip": "Skip to results",
        "query_label": "What are you looking for?",
        "query_hint": "For example: day centre, home help, older people.",
        "search": "Search", "filters": "Filters", "apply": "Show results",
        "active": "Selected filters", "remove": "Remove filter",
        "clear": "Clear all filters", "sort_label": "Sort by",
        "results": "Results", "found": "{count} results found.",
        "found_for": "{count} results found for “{query}”.",
        "none": "Nothing found. Try other words or remove a filter.",
        "pages": "Pages", "previous": "Previous page", "next": "Next page",
        "page": "page", "current": "current",
        "more": "Show more", "error": "The search did not work: {message}",
        "updating": "Updating…", "other_language": "Lietuviškai",
        "feed": "News RSS feed", "refine": "Refine this search",
        "section_search": "Search with filters: {label}",
    },
}
SEARCH_PATHS = {"lt": "/paieska/", "en": "/en/search/"}
# Facets shown to residents, in this order; the site's municipality scope hides the place ones.
VISIBLE_FACETS = ("content_type", "target_group", "service_type", "municipality", "region",
                  "status", "fund", "period", "programme", "start_year", "budget_band",
                  "measure")
PLACE_FACETS = ("municipality", "region")
VALUES_SHOWN = 8  # more values are folded under "show more"
