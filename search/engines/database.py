"""The embedded default engine: search documents in the database, analysed in Python.

It answers the same contract as the remote engines. Each stored document keeps `terms`: the
folded words of its text and the stems of its own language (the remote engines' fields): for
Lithuanian, folded stems `~stem` and stems with their diacritics `=stem`; for English, `+stem`.
A query word matches by whole-term `LIKE` in SQL; a page matches when one query word (or an
alternative from a synonym set, `search.synonyms`) does, and ranks by how many do (`Unit`).
One typo in a long typed word is forgiven by looking the word's near neighbours up in the
vocabulary of the candidate documents. Ranking and highlighting happen in Python.

The word statistics of „did you mean“ (`nearby_words`) are counted over every document in
scope, once per index generation (`search.freshness`, bumped by a write to the live index): the
counts of a scope's words are kept in the shared cache under it.
"""

import inspect
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, partial
from html import escape
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F, Max, Min, Q, QuerySet
from django.db.models.expressions import Combinable
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Collate
from django.utils import timezone

from search import analysis
from search.analysis import WORD, fold, stems, tokens
from search.documents import expiry_moment, fingerprinted
from search.engines.base import ActionResult, IndexAction, RetryLater, SearchEngine, fingerprint
from search.facets import FACETS
from search.freshness import ExactUntil, index_changed, kept_until_expiry
from search.lithuanian import TYPO_MIN_LENGTH, expanded, forgives_typo, query_words
from search.locks import until_commit
from search.models import StoredDocument, StoredFacetValue, StoredIndex
from search.query import (
    EXACT,
    FOLDED,
    HIGHLIGHT_FIELDS,
    STAT_FIELDS,
    TYPO,
    WORD_MATCH,
    Bounds,
    FacetValue,
    Highlight,
    Hit,
    SearchQuery,
    SearchResponse,
    Stat,
    card_facts,
    facet_listing,
)
from search.suggestions import given_neighbours, is_near, is_word
from search.synonyms import units as synonym_units

TEXT_FIELDS = ("title", "summary", "body", "labels", "codes")
EXCERPT_FIELDS = ("summary", "body", "title")  # where a hit's `highlight` is looked for
SNIPPET_LENGTH = 200
FRAGMENTS = 3  # a field's highlighted passages at most (the title: whole)
# a document's value that sorts, bounds and has stats → its column; `title_terms`, the title's
# folded words, sorts as the remote engines' `title_sort`
COLUMNS = {"date": "sort_date", "start_date": "sort_start_date", "budget": "sort_budget",
           "title": "title_terms"}
TITLE = 3.0  # a title's match, times (`search.query.WORD_MATCH` and how a word matched)
LT_FOLDED, LT_EXACT, EN_STEM = "~", "=", "+"
WORD_COUNTS_SECONDS = 3600  # kept word counts are exact until the index generation moves on


def analysed(text: str, language: str) -> set[str]:
    """Folded words with the stems of `language` (see the module's docstring)."""
    words = {fold(word) for word in tokens(text)}
    if language == "en":
        return words | {EN_STEM + stem for stem in stems(text, "en")}
    return (words | {LT_FOLDED + stem for stem in stems(text, "lt")}
            | {LT_EXACT + stem for stem in stems(text, "lt", folded=False)})


@dataclass
class Part:
    """One token of a query word, with the terms it matches at each strength."""

    exact: set[str]
    folded: set[str]
    typed: str  # folded, for the typo neighbours
    typos: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, token: str, language: str) -> "Part":
        exact = {LT_EXACT + stem for stem in stems(token, "lt", folded=False)}
        if language == "en":
            exact |= {EN_STEM + stem for stem in stems(token, "en")}
        folded = {fold(token)} | {LT_FOLDED + stem
                                  for spelling in (token, *expanded(token))
                                  for stem in stems(spelling, "lt")}
        return cls(exact, folded, fold(token))

    @property
    def forms(self) -> set[str]:
        return self.exact | self.folded | self.typos

    @property
    def title_prefixes(self) -> set[str]:
        """The folded words and stems a title word equals or begins with."""
        return {fold(form.lstrip(LT_FOLDED + LT_EXACT + EN_STEM)) for form in
                self.exact | self.folded}

    def strength(self, terms: str) -> float:
        for forms, value in ((self.exact, EXACT), (self.folded, FOLDED), (self.typos, TYPO)):
            if any(f" {form} " in terms for form in forms):
                return value
        return 0.0


@dataclass
class Word:
    """A query word (split at white space): every token of it must match, as a code's do."""

    parts: list[Part]
    joining: bool  # a function word: adds to the score, never makes a page match alone

    @property
    def forgiving(self) -> Part | None:
        """The word's token when it forgives a typo: a long word of one token, as in the remote
        engines."""
        if len(self.parts) == 1 and forgives_typo(self.parts[0].typed):
            return self.parts[0]
        return None

    def condition(self, near: bool = False) -> Q:
        """The word's tokens are whole terms of the document; with `near`, a token that
        forgives a typo needs only the first or last half of it: a term one edit away keeps
        one."""
        condition = Q()
        for part in self.parts:
            alternatives = Q()
            for form in sorted(part.forms):
                alternatives |= Q(terms__contains=f" {form} ")
            if near and part is self.forgiving:
                half = (len(part.typed) - 1) // 2
                alternatives |= (Q(terms__contains=f" {part.typed[:half]}")
                                 | Q(terms__contains=f"{part.typed[half + 1:]} "))
            condition &= alternatives
        return condition

    def relevance(self, terms: str, title: list[str]) -> float:
        """0 when a token is missing; else how weakly its weakest token matched, with the
        title bonus unless that was a typo."""
        strength = min(part.strength(terms) for part in self.parts)
        in_title = strength > TYPO and all(
            any(word == prefix or (len(prefix) > 2 and word.startswith(prefix))
                for prefix in part.title_prefixes for word in title) for part in self.parts)
        return strength * (1 + TITLE * in_title)

    def held(self, terms: str) -> bool:
        return all(part.strength(terms) for part in self.parts)


def analysed_word(word: str, language: str, joining: bool = False) -> Word:
    return Word([Part.of(token, language) for token in tokens(word)], joining)


def counted(words: list[Word], terms: str, title: list[str]) -> float:
    """`WORD_MATCH` and the relevance of each matching word."""
    return sum(relevance + WORD_MATCH for word in words
               if (relevance := word.relevance(terms, title)))


@dataclass
class Replacement:
    """Alternatives a page may hold in place of some of a unit's words
    (`search.synonyms.Replacement`), each searched as a word."""

    alternatives: list[Word]
    counts_as: int
    besides: list[Word]

    def score(self, terms: str, title: list[str]) -> float:
        best = max(word.relevance(terms, title) for word in self.alternatives)
        return ((best + self.counts_as * WORD_MATCH if best else 0.0)
                + counted(self.besides, terms, title))


@dataclass
class Unit:
    """Query words that count as one in the ranking (`search.synonyms.Unit`)."""

    words: list[Word]
    replacements: list[Replacement]

    def condition(self, near: bool = False) -> Q:
        condition = Q()
        for word in self.words:
            condition |= word.condition(near)
        for replacement in self.replacements:
            for word in replacement.alternatives:
                condition |= word.condition()
        return condition

    def score(self, terms: str, title: list[str]) -> float:
        """The best of its options, never their sum: its words, or a replacement."""
        return max([counted(self.words, terms, title),
                    *(replacement.score(terms, title) for replacement in self.replacements)])


@dataclass
class AnalysedQuery:
    words: list[Word]  # every word of the query, function words too
    units: list[Unit]

    def highlighted(self, terms: str) -> set[str]:
        """The terms of the query's words, and of the alternatives that the document with
        `terms` holds, highlighted where they are."""
        words = [*self.words, *(word for unit in self.units
                                for replacement in unit.replacements
                                for word in replacement.alternatives if word.held(terms))]
        return {form for word in words for part in word.parts for form in part.forms}

    def matching(self, near: bool = False) -> Q:
        """One of the query's units (not only function words) is in the document."""
        condition = Q()
        for unit in self.units:
            condition |= unit.condition(near)
        return condition

    def score(self, terms: str, title: list[str]) -> float:
        """Each unit's score and each function word's relevance: the pages matching the most
        words come first."""
        return (sum(unit.score(terms, title) for unit in self.units)
                + sum(word.relevance(terms, title) for word in self.words if word.joining))


def analysed_query(text: str, language: str) -> AnalysedQuery:
    typed = query_words(text)
    words = [analysed_word(word, language, joining) for word, joining in typed]
    return AnalysedQuery(words, [
        Unit([words[position] for position in unit.words],
             [Replacement([analysed_word(alternative, language)
                           for alternative in replacement.alternatives],
                          replacement.counts_as,
                          [words[position] for position in replacement.besides])
              for replacement in unit.replacements])
        for unit in synonym_units(typed, language)])


def one_edit(form: str, term: str) -> bool:
    """Damerau–Levenshtein distance 1 (an edit or a swap of neighbours), first letter kept."""
    if form == term or abs(len(form) - len(term)) > 1 or form[:1] != term[:1]:
        return False
    short, long = sorted((form, term), key=len)
    i = next((i for i, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    if len(short) < len(long):
        return short[i:] == long[i + 1:]
    swapped = short[i:i + 2] == long[i:i + 2][::-1] and short[i + 2:] == long[i + 2:]
    return short[i + 1:] == long[i + 1:] or swapped


def spaced(words: Any) -> str:
    return " " + " ".join(words) + " "


def having(key: str, values: list[str]) -> QuerySet:
    return StoredFacetValue.objects.filter(facet=key, value__in=values).values("document_id")


def stored_fields(action: IndexAction) -> dict[str, Any]:
    document = action.document
    if document is None:  # tombstone: keeps the version so an older write cannot resurrect it
        return {"page_id": action.page_id, "version": action.version, "deleted": True,
                "language": "", "document": {}, "terms": "", "title_terms": ""}
    text = " ".join(str(document.get(field) or "") for field in TEXT_FIELDS)
    budget = document.get("budget")
    language = document.get("language") or "lt"
    return {
        "page_id": action.page_id, "version": action.version, "deleted": False,
        "language": language, "document": document,
        "terms": spaced(sorted(analysed(text, language))),
        "title_terms": spaced(fold(word) for word in tokens(document.get("title") or "")),
        "sort_date": as_date(document.get("date")),
        "sort_start_date": as_date(document.get("start_date")),
        "sort_budget": float(budget) if budget is not None else None,
        "expires_at": (expiry_moment(document["expires_at"])
                       if document.get("expires_at") else None),
    }


UPSERT_COLUMNS = ("index", "page_id", "version", "deleted", "language", "document", "terms",
                  "title_terms", "sort_date", "sort_start_date", "sort_budget", "expires_at")
UPSERT_ROWS = 500


def _upsert(rows: list[dict[str, Any]]) -> dict[int, int]:
    """Insert the rows or update those stored with an older version; page id → written row."""
    meta, quote = StoredDocument._meta, connection.ops.quote_name
    fields = [meta.get_field(name) for name in UPSERT_COLUMNS]
    columns = [quote(field.column) for field in fields]
    params = [field.get_db_prep_save(row[field.name], connection)
              for row in rows for field in fields]
    table, version = quote(meta.db_table), quote("version")
    values = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(rows))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values} "
            f"ON CONFLICT ({columns[0]}, {columns[1]}) DO UPDATE SET "
            + ", ".join(f"{column} = EXCLUDED.{column}" for column in columns[2:])
            + f" WHERE {table}.{version} < EXCLUDED.{version} "
            f"RETURNING {quote('page_id')}, {quote('id')}", params)
        return dict(cursor.fetchall())


def as_date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def facet_values(document: dict[str, Any]) -> list[tuple[str, str]]:
    pairs = []
    for facet in FACETS:
        values = document.get(facet.field) or []
        values = [values] if isinstance(values, str) else values
        pairs += [(facet.key, value) for value in sorted({str(value) for value in values})]
    return pairs


@dataclass(frozen=True)
class Marking:
    """The terms to mark in a document's text, analysed in the document's language."""

    forms: set[str]
    language: str

    def words(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
        return (word for word in WORD.finditer(text, start, len(text) if end is None else end)
                if analysed(word.group(), self.language) & self.forms)

    def marked(self, text: str, start: int, end: int) -> str:
        """The text from start to end, HTML-escaped, the matched words in <mark>."""
        parts, position = [], start
        for word in self.words(text, start, end):
            parts += [escape(text[position:word.start()]),
                      f"<mark>{escape(word.group())}</mark>"]
            position = word.end()
        return "".join([*parts, escape(text[position:end])]).strip()


def passage(text: str, first: re.Match) -> tuple[int, int]:
    """Where the passage around a matched word starts and ends (at spaces)."""
    start = max(0, first.start() - SNIPPET_LENGTH // 3)
    if start and (space := text.find(" ", start, first.start())) >= 0:
        start = space + 1
    end = start + SNIPPET_LENGTH
    if end < len(text):
        end = max(text.rfind(" ", first.end(), end), first.end())
    return start, min(end, len(text))


def highlight(document: dict[str, Any], forms: set[str]) -> str:
    """The first matching passage of summary, body or title, matched words in <mark>."""
    marking = Marking(forms, document.get("language") or "lt")
    for field_name in EXCERPT_FIELDS:
        text = document.get(field_name) or ""
        first = next(marking.words(text), None)
        if first is not None:
            return marking.marked(text, *passage(text, first))
    return escape(document.get("title") or "")


def highlights(document: dict[str, Any], forms: set[str]) -> list[Highlight]:
    """Per field with a match: the whole title, or up to FRAGMENTS passages of the summary
    and body, matched words in <mark>."""
    marking = Marking(forms, document.get("language") or "lt")
    found = []
    for field_name in HIGHLIGHT_FIELDS:
        text = document.get(field_name) or ""
        fragments: list[str] = []
        position = 0
        while len(fragments) < FRAGMENTS and (first := next(marking.words(text, position),
                                                            None)):
            start, end = (0, len(text)) if field_name == "title" else passage(text, first)
            fragments.append(marking.marked(text, start, end))
            position = end
        if fragments:
            found.append(Highlight(field_name, fragments))
    return found


def within(ranges: dict[str, Bounds]) -> list[Q]:
    """The documents whose values are within the ranges (documents without one are not)."""
    conditions = []
    for name, bounds in ranges.items():
        ends = {"gte": bounds.low, "lte": bounds.high}
        conditions.append(Q(**{f"{COLUMNS[name]}__{end}": value for end, value in ends.items()
                               if value is not None}))
    return conditions


def sortable(column: str) -> Combinable:
    """A column as it sorts: text by code point (UTF-8 bytes), as the remote engines' keywords."""
    if column == "title_terms" and connection.vendor == "postgresql":
        return Collate(F(column), "C")
    return F(column)


def stored_value(value: Any) -> Any:
    """A column's value as JSON holds it (and a sort key of `next_after`)."""
    return value.isoformat() if isinstance(value, date) else value


def after(key: list[Any], field_name: str, descending: bool) -> Q:
    """The documents after the sort key `[value, page id]`, those without a value last."""
    value, page_id = key
    if value is None:
        return Q(sort_key__isnull=True, page_id__gt=page_id)
    if field_name in ("date", "start_date"):
        value = date.fromisoformat(value)
    beyond = Q(sort_key__lt=value) if descending else Q(sort_key__gt=value)
    return beyond | Q(sort_key=value, page_id__gt=page_id) | Q(sort_key__isnull=True)


@cache
def stored_terms_schema() -> str:
    """The database engine's index is its stored rows, made by the analysis and by
    `stored_fields` with its helpers, beside the documents' fingerprints: a change of any of
    them is a change of schema."""
    makers = (stored_fields, analysed, spaced, as_date, fingerprinted)
    return fingerprint(inspect.getsource(analysis), repr(TEXT_FIELDS),
                       *(inspect.getsource(maker) for maker in makers))


class LiveIndexReplaced(Exception):
    """Rows a search read in one query were gone in the next: their index was dropped, as a
    rebuild went live between the two."""


class DatabaseEngine(SearchEngine):
    def _indexes(self) -> QuerySet[StoredIndex]:
        return StoredIndex.objects.filter(alias=self.alias)

    def _live(self) -> QuerySet[StoredDocument]:
        return StoredDocument.objects.filter(index__alias=self.alias, index__live=True,
                                             deleted=False)

    def _new_index(self, live: bool) -> str:
        stamp = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        for counter in itertools.count():
            name = f"{stamp}-{counter}" if counter else stamp
            if not StoredIndex.objects.filter(name=name).exists():
                StoredIndex.objects.create(name=name, alias=self.alias, live=live,
                                           schema=self.schema_version())
                return name
        raise AssertionError("unreachable")

    def schema_version(self) -> str:
        return stored_terms_schema()

    def live_schema(self) -> str:
        return self._indexes().filter(live=True).values_list("schema", flat=True).first() or ""

    def _lock_indexes(self, shared: bool = False) -> None:
        """Within a transaction: one that adds or drops one of the alias's indexes holds the
        lock alone, so that writes, which share it, wait for it to commit, and it for the
        writes under way (one dropped meanwhile would lose what they add)."""
        until_commit(f"indexes:{self.alias}", shared)

    def ensure_index(self) -> None:
        """Processes finding no index create one at a time: the first, live."""
        if self._indexes().filter(live=True).exists():
            return
        with transaction.atomic():
            self._lock_indexes()
            if not self._indexes().filter(live=True).exists():
                self._new_index(live=True)

    def create_index(self) -> str:
        with transaction.atomic():
            self._lock_indexes()
            self._indexes().filter(live=False).delete()
            return self._new_index(live=False)

    def promote(self, index: str) -> None:
        with transaction.atomic():
            self._lock_indexes()
            target = self._indexes().select_for_update().get(name=index)
            self._indexes().filter(live=True).exclude(pk=target.pk).delete()
            target.live = True
            target.save(update_fields=["live"])

    def abandon(self, index: str) -> None:
        with transaction.atomic():
            self._lock_indexes()
            self._indexes().filter(name=index, live=False).delete()

    def refresh(self) -> None:
        """Writes are visible as soon as their transaction commits."""

    def bulk(self, actions: list[IndexAction], index: str | None = None) -> list[ActionResult]:
        latest: dict[int, IndexAction] = {}
        for action in actions:
            if action.page_id not in latest or action.version > latest[action.page_id].version:
                latest[action.page_id] = action
        prepared = {page_id: stored_fields(action) for page_id, action in latest.items()}
        with transaction.atomic():
            self._lock_indexes(shared=True)
            targets = list(self._indexes().filter(name=index) if index else self._indexes())
            if not any(target.live or index for target in targets):
                return [RetryLater(action.page_id, action.version,
                                   f"no index {index or self.alias}") for action in actions]
            for target in targets:
                self._write(target, prepared)
            if any(target.live for target in targets):
                index_changed()  # counted again on commit, when searches see the writes
        return [ActionResult(action.page_id, action.version) for action in actions]

    @staticmethod
    def _write(target: StoredIndex, prepared: dict[int, dict[str, Any]]) -> None:
        """One upsert per page that replaces a stored document only with a newer version, so
        concurrent writers of one page cannot both insert it, nor an older one win."""
        rows = [{**dict.fromkeys(UPSERT_COLUMNS), "index": target.pk, **prepared[page_id]}
                for page_id in sorted(prepared)]  # one lock order for concurrent writers
        written: dict[int, int] = {}
        for start in range(0, len(rows), UPSERT_ROWS):
            written |= _upsert(rows[start:start + UPSERT_ROWS])
        StoredFacetValue.objects.filter(document_id__in=written.values()).delete()
        StoredFacetValue.objects.bulk_create(
            [StoredFacetValue(document_id=pk, facet=key, value=value)
             for page_id, pk in written.items()
             for key, value in facet_values(prepared[page_id]["document"])], batch_size=1000)

    def _visible(self) -> QuerySet[StoredDocument]:
        """Live documents not past their expiry (see `search.documents.expiry_text`). Expired
        ones are few and brief (until the scheduled job unpublishes them): they are looked up
        first and left out by id, so the search's own query is the same as without expiry."""
        live = self._live()
        expired = list(live.filter(expires_at__lte=timezone.now()).values_list("pk", flat=True))
        return live.exclude(pk__in=expired) if expired else live

    def search(self, query: SearchQuery) -> SearchResponse:
        try:
            return self._search(query)
        except LiveIndexReplaced:
            return self._search(query)  # in the index now live

    def _search(self, query: SearchQuery) -> SearchResponse:
        docs = self._visible()
        if query.municipality:
            docs = docs.filter(id__in=having("municipality", [query.municipality]))
        analysed = analysed_query(query.text, query.language)
        self._find_typos(docs, analysed)
        if analysed.words:
            docs = docs.filter(analysed.matching())
        selected = {key: Q(id__in=having(key, values)) for key, values in query.filters.items()}
        hits = docs.filter(*selected.values(), *within(query.ranges))
        page, next_after = self._page(hits, query, analysed)
        count, stats = self._count_and_stats(docs.filter(*selected.values()), query)
        return SearchResponse(count, query.page, query.page_size, page,
                              self._facets(docs.filter(*within(query.ranges)), selected, query),
                              stats=stats, next_after=next_after, language=query.language)

    @staticmethod
    def _find_typos(docs: QuerySet, analysed: AnalysedQuery) -> None:
        """Give each query word that forgives a typo the folded words one edit away in the
        candidates."""
        parts = [word.forgiving for word in analysed.words if word.forgiving]
        if not parts:
            return
        vocabulary: set[str] = set()
        for terms in docs.filter(analysed.matching(near=True)).values_list("terms", flat=True):
            vocabulary.update(term for term in terms.split() if len(term) >= TYPO_MIN_LENGTH - 1
                              and term[0] not in LT_FOLDED + LT_EXACT + EN_STEM)
        for part in parts:
            part.typos = {term for term in vocabulary if one_edit(part.typed, term)}

    def _page(self, hits: QuerySet, query: SearchQuery,
              analysed: AnalysedQuery) -> tuple[list[Hit], list[Any] | None]:
        """The page's hits, and the sort key of its last one when more follow: ranked in
        Python by relevance `[-score, undated, -day, page id]`, else `[value, page id]` in SQL.
        One more row than shown tells whether more follow."""
        start = 0 if query.after else query.offset
        end = start + query.page_size + 1
        scores: dict[int, float] = {}
        if analysed.words and query.sort == "relevance":
            ranked = []
            for pk, terms, title, day, page_id in hits.values_list(
                    "pk", "terms", "title_terms", "sort_date", "page_id"):
                scores[pk] = analysed.score(terms, title.split())
                ranked.append(([-scores[pk], day is None, -(day or date.min).toordinal(),
                                page_id], pk))
            ranked = sorted(row for row in ranked if not query.after or row[0] > query.after)
            keys = {pk: key for key, pk in ranked[start:end]}
            by_id = StoredDocument.objects.in_bulk(list(keys))
            if len(by_id) < len(keys):
                raise LiveIndexReplaced
            rows = [by_id[pk] for pk in keys]
        else:
            order = query.order
            value = F("sort_key")
            rows = hits.annotate(sort_key=sortable(COLUMNS[order.field]))
            if query.after:
                rows = rows.filter(after(query.after, order.field, order.descending))
            rows = list(rows.order_by(value.desc(nulls_last=True) if order.descending
                                      else value.asc(nulls_last=True), "page_id")[start:end])
            keys = {row.pk: [stored_value(row.sort_key), row.page_id] for row in rows}
        shown = rows[:query.page_size]
        return ([self._hit(row, analysed.highlighted(row.terms), scores.get(row.pk))
                 for row in shown],
                keys[shown[-1].pk] if len(rows) > len(shown) else None)

    @staticmethod
    def _hit(row: StoredDocument, forms: set[str], score: float | None) -> Hit:
        document = row.document
        return Hit(id=row.page_id, content_type=document.get("content_type", ""),
                   title=document.get("title", ""), url=document.get("url", ""),
                   locale=row.language, municipality=document.get("municipality") or [],
                   date=document.get("date"), summary=document.get("summary") or "",
                   highlight=highlight(document, forms) if forms
                   else document.get("summary") or "",
                   score=score, highlights=highlights(document, forms) if forms else [],
                   **card_facts(document))

    @staticmethod
    def _count_and_stats(docs: QuerySet, query: SearchQuery) -> tuple[int, dict[str, Stat]]:
        """In one query over the documents matching all but the ranges: the number within
        them, and each field's least and greatest value within all ranges but its own."""

        def in_ranges(name: str | None) -> Q | None:
            return Q(*conditions) if (conditions := within(query.ranges_except(name))) else None

        found = docs.aggregate(count=Count("pk", filter=in_ranges(None)), **{
            f"{name}_{end}": function(COLUMNS[name], filter=in_ranges(name))
            for name in STAT_FIELDS for end, function in (("min", Min), ("max", Max))})
        return found["count"], {name: Stat(stored_value(found[f"{name}_min"]),
                                           stored_value(found[f"{name}_max"]))
                                for name in STAT_FIELDS}

    @staticmethod
    def _facets(docs: QuerySet, selected: dict[str, Q],
                query: SearchQuery) -> dict[str, list[FacetValue]]:
        """Disjunctive counts: a facet ignores its own selection but respects all others."""
        counts: dict[str, dict[str, int]] = {facet.key: {} for facet in FACETS}
        unselected = [facet.key for facet in FACETS if facet.key not in selected]
        groups = [(docs.filter(*selected.values()), unselected)] + [
            (docs.filter(*(q for other, q in selected.items() if other != key)), [key])
            for key in selected]
        for doc_filter, keys in groups:
            rows = (StoredFacetValue.objects.filter(document__in=doc_filter, facet__in=keys)
                    .values_list("facet", "value").annotate(count=Count("id")))
            for key, value, count in rows:
                counts[key][value] = count
        return facet_listing(counts, query.filters, query.language)

    def suggest(self, prefix: str, language: str, municipality: str | None,
                limit: int) -> list[dict[str, Any]]:
        words = tokens(fold(prefix))
        if not words or limit < 1:
            return []
        docs = self._visible().filter(language=language,
                                      title_terms__contains=f" {words[-1]}")
        for word in words[:-1]:
            docs = docs.filter(title_terms__contains=f" {word} ")
        if municipality:
            docs = docs.filter(id__in=having("municipality", [municipality]))
        fields = {name: KeyTextTransform(name, "document")
                  for name in ("title", "url", "content_type")}
        rows = docs.annotate(**fields).order_by("title", "page_id").values(
            "page_id", "title", "url", "content_type")[:limit]
        return [{"id": row.pop("page_id"), **row} for row in rows]

    def _in_scope(self, municipality: str | None, languages: list[str]) -> QuerySet:
        docs = self._visible()
        if municipality:
            docs = docs.filter(id__in=having("municipality", [municipality]))
        if languages:
            docs = docs.filter(language__in=languages)
        return docs

    def _word_counts(self, municipality: str | None, languages: list[str]
                     ) -> ExactUntil[dict[str, int]]:
        """The folded words (the terms without a stem's mark) in the stored terms of the
        documents in scope, counted once per document."""
        docs = self._in_scope(municipality, languages)
        held: Counter[str] = Counter()
        for terms in docs.values_list("terms", flat=True).iterator():
            held.update(terms.split())  # a document's terms are distinct (`stored_fields`)
        return ExactUntil({term: count for term, count in held.items() if is_word(term)},
                          docs.aggregate(until=Min("expires_at"))["until"])

    def nearby_words(self, words: list[str], municipality: str | None,
                     languages: list[str]) -> dict[str, dict[str, int]]:
        """From the word counts of the documents in scope, kept in the shared cache under the
        index generation until a document in scope expires."""
        held = kept_until_expiry(
            ":".join(("search:word-counts", self.alias, municipality or "*",
                      ",".join(languages) or "*")),
            partial(self._word_counts, municipality, languages), WORD_COUNTS_SECONDS)
        return {word: given_neighbours(word, {term: count for term, count in held.items()
                                              if is_near(word, term)})
                for word in words}

    def indexed_versions(self) -> dict[int, int]:
        return dict(self._live().values_list("page_id", "version"))

    def indexed_fingerprints(self, after: int, upto: int | None) -> dict[int, tuple[int, str]]:
        documents = self._live().filter(page_id__gt=after)
        if upto is not None:
            documents = documents.filter(page_id__lte=upto)
        fingerprint = KeyTextTransform("fingerprint", "document")
        return {page_id: (version, value or "") for page_id, version, value in
                documents.annotate(fingerprint=fingerprint)
                .values_list("page_id", "version", "fingerprint")}
