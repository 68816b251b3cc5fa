"""What the search page and collection templates show, computed from a query and its response:
facets with counts, active-filter chips, results with labelled facts and highlights, what to try
when nothing is found, pagination and sort."""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from html import escape, unescape
from math import ceil
from urllib.parse import urlencode

from django.http import HttpRequest, QueryDict
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from cms.api.search_schemas import MARK
from cms.search_texts import (
    PUBLISHED_LABEL,
    SNIPPET_CHARACTERS,
    START_LABEL,
    TYPE_LABEL,
    VALUES_SHOWN,
    VISIBLE_FACETS,
    filters_button,
    nothing_found,
    results_summary,
    show_results_button,
    without_filter,
    words_link,
)
from pages.kinds import CONTENT_KINDS
from pages.listing import SORT_LABELS
from pages.templatetags.page_formats import euros, long_date
from search.facets import FACETS_BY_KEY
from search.query import CARD_FACTS, Hit, SearchQuery, SearchResponse

EMPTY_MARK = re.compile(r"<mark>\s*</mark>")


@dataclass
class Chip:
    facet: str
    label: str
    remove_url: str
    key: str
    value: str


@dataclass
class Fact:
    """One labelled fact of a result card; `machine` is the ISO date a <time> carries."""

    label: str
    text: str
    machine: str = ""


@dataclass
class Link:
    text: str
    url: str


def url_with(params: QueryDict, **changes: list[str]) -> str:
    """`?…` with some parameters replaced (an empty list removes one); the page resets."""
    copy = params.copy()
    copy.pop("page", None)
    for key, values in changes.items():
        copy.setlist(key, values)
    return "?" + copy.urlencode() if copy else "?"


def facet_views(query: SearchQuery, response: SearchResponse, hidden: tuple[str, ...]) -> list:
    views = []
    for key in VISIBLE_FACETS:
        if key in hidden:
            continue
        values = [value for value in response.facets.get(key, [])
                  if value.count or value.selected]
        if not values:
            continue
        facet = FACETS_BY_KEY[key]
        hints = facet.value_descriptions(query.language)
        values = [{**vars(value), "hint": hints.get(value.value)} for value in values]
        views.append({"key": key, "label": facet.label(query.language),
                      "shown": values[:VALUES_SHOWN], "more": values[VALUES_SHOWN:],
                      "open": any(value["selected"] for value in values) or len(views) < 3,
                      "more_open": any(value["selected"] for value in values[VALUES_SHOWN:])})
    return views


def chips(params: QueryDict, query: SearchQuery, response: SearchResponse,
          hidden: tuple[str, ...]) -> list[Chip]:
    labels = {key: {value.value: value.label for value in values}
              for key, values in response.facets.items()}
    return [Chip(FACETS_BY_KEY[key].label(query.language), labels[key].get(value, value),
                 url_with(params, **{key: [other for other in values if other != value]}),
                 key, value)
            for key, values in query.filters.items() if key not in hidden for value in values]


def labelled(key: str, values: list[str], language: str) -> Fact | None:
    """A facet's values on a card, labelled by the facet's name; None without values."""
    if not values:
        return None
    facet = FACETS_BY_KEY[key]
    labels = facet.value_labels(language)
    return Fact(facet.label(language), ", ".join(labels.get(value, value) for value in values))


DATE_LABELS = {"start": START_LABEL, "published": PUBLISHED_LABEL}


def date_fact(hit: Hit) -> Fact | None:
    """A project's start, else when the page was published (news: its date)."""
    if hit.dated is None:
        return None
    meaning, text = hit.dated
    day = datetime.date.fromisoformat(text[:10])
    return Fact(str(DATE_LABELS[meaning]), long_date(day), day.isoformat())


def card_facts(hit: Hit, language: str) -> list[Fact]:
    """What a result card states, each with its label, in the active language."""
    kind = CONTENT_KINDS.get(hit.content_type)
    budget = (Fact(FACETS_BY_KEY["budget_band"].label(language), euros(Decimal(str(hit.budget))))
              if hit.budget is not None else None)
    facts = [Fact(str(TYPE_LABEL), str(kind.label) if kind else hit.content_type),
             *(labelled(key, getattr(hit, key), language) for key in CARD_FACTS),
             budget, date_fact(hit), labelled("municipality", hit.municipality, language)]
    return [fact for fact in facts if fact is not None]


def trimmed(snippet: str, limit: int = SNIPPET_CHARACTERS) -> SafeString:
    """An engine's snippet with everything but its <mark> tags escaped, shortened to `limit`
    characters at a word boundary with an ellipsis; one starting mid-sentence (in lower case)
    gets an ellipsis before it too."""
    opening = unescape(MARK.sub("", snippet)).lstrip()[:1]
    parts, room, marked = ["…" if opening.islower() else ""], limit, False
    for part in MARK.split(snippet):
        if MARK.fullmatch(part):
            parts.append(part)
            marked = part == "<mark>"
            continue
        text = unescape(part)
        if len(text) <= room:
            parts.append(escape(text, quote=False))
            room -= len(text)
            continue
        kept = text[:room] if text[room].isspace() else text[:room].rpartition(" ")[0]
        parts += [escape(kept, quote=False), "</mark>" if marked else ""]
        shown = EMPTY_MARK.sub("", "".join(parts)).rstrip(" ,;:–-")
        return mark_safe(shown + (" …" if shown.endswith((".", "!", "?")) else "…"))
    return mark_safe("".join(parts))


def result_views(query: SearchQuery, response: SearchResponse) -> list[dict]:
    return [{"title": hit.title, "url": hit.url, "facts": card_facts(hit, query.language),
             "snippet": trimmed(hit.highlight)}
            for hit in response.hits]


def last_chosen(params: QueryDict, chosen: list[Chip]) -> Chip | None:
    """The filter value the resident added last: the last one in the address."""
    by_pair = {(chip.key, chip.value): chip for chip in chosen}
    pairs = [(key, value) for key, values in params.lists() for value in values]
    return next((by_pair[pair] for pair in reversed(pairs) if pair in by_pair), None)


def broader_searches(params: QueryDict, query: SearchQuery, chosen: list[Chip]) -> list[Link]:
    """Searches that may find something when this one found nothing: without the last filter,
    with fewer words."""
    links = []
    if last := last_chosen(params, chosen):
        links.append(Link(without_filter(f"{last.facet}: {last.label}"), last.remove_url))
    words = query.text.split()
    if len(words) > 1:
        fewer = " ".join(words[:-1])
        links.append(Link(words_link(fewer), url_with(params, q=[fewer])))
    return links


def page_url(params: QueryDict, number: int) -> str:
    return url_with(params, page=[str(number)]) if number > 1 else url_with(params)


def pagination(params: QueryDict, query: SearchQuery, count: int) -> dict | None:
    last = max(1, ceil(count / query.page_size))
    if last == 1:
        return None
    numbers = sorted({1, last, *range(max(1, query.page - 2), min(last, query.page + 2) + 1)})
    return {
        "numbers": [{"number": number, "current": number == query.page,
                     "url": page_url(params, number)} for number in numbers],
        "previous": page_url(params, query.page - 1) if query.page > 1 else None,
        "next": page_url(params, query.page + 1) if query.page < last else None,
    }


def results_context(request: HttpRequest, query: SearchQuery, response: SearchResponse,
                    hidden: tuple[str, ...], did_you_mean: str | None = None) -> dict:
    params = request.GET
    language = query.language
    chosen = chips(params, query, response, hidden)
    with translation.override(language):
        count_text = results_summary(response.count, query.text)
        sorts = [(sort, str(label)) for sort, label in SORT_LABELS.items()]
        texts = {"filters_button": filters_button(len(chosen)),
                 "show_results": show_results_button(response.count)}
        if not response.count:
            texts["nothing_found"] = nothing_found(
                query.text, [f"{chip.facet}: {chip.label}" for chip in chosen])
            texts["broader_searches"] = broader_searches(params, query, chosen)
        results = result_views(query, response)
    return {
        "query": query, "count": response.count, "count_text": count_text, **texts,
        "facets": facet_views(query, response, hidden + ("language",)),
        "chips": chosen, "results": results,
        "did_you_mean": Link(did_you_mean, url_with(params, q=[did_you_mean]))
        if did_you_mean else None,
        "pagination": pagination(params, query, response.count),
        "sorts": sorts,
        "clear_url": "?" + urlencode({"q": query.text}) if query.text else "?",
    }

