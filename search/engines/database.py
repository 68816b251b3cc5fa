"""The embedded default engine: search documents in the database, analysed in Python.

It answers the same contract as the remote engines. Each stored document keeps `terms`, the
folded words of its text plus their Lithuanian and English Snowball stems (the remote engines'
`folded`, `.lt` and `.en` fields), so every query word matches by whole-term `LIKE` in SQL. One
typo in a long word is forgiven by looking the word's near neighbours up in the vocabulary of the
candidate documents and adding them as alternatives. Ranking and highlighting happen in Python.
"""

import itertools
from datetime import date
from html import escape
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F, Q, QuerySet
from django.db.models.fields.json import KeyTextTransform
from django.utils import timezone

from search.analysis import WORD, fold, stems, tokens
from search.documents import expiry_moment
from search.engines.base import ActionResult, IndexAction, RetryLater, SearchEngine
from search.facets import FACETS
from search.lithuanian import alternatives, stem
from search.models import StoredDocument, StoredFacetValue, StoredIndex
from search.query import (
    FacetValue,
    Hit,
    SearchQuery,
    SearchResponse,
    card_facts,
    facet_listing,
)

TEXT_FIELDS = ("title", "summary", "body", "labels", "codes")
HIGHLIGHT_FIELDS = ("summary", "body", "title")
FUZZY_MIN_LENGTH = 6  # like the remote engines' fuzziness "AUTO:6,100" with prefix_length 1
SNIPPET_LENGTH = 200
ORDERS = {"relevance": "sort_date", "newest": "sort_date", "start_date": "sort_start_date",
          "budget": "sort_budget"}


def analysed(text: str) -> set[str]:
    """Folded words with their Lithuanian and English stems."""
    return {fold(word) for word in tokens(text)} | set(stems(text, "lt")) | set(stems(text, "en"))


def query_forms(word: str) -> set[str]:
    """A query word's terms and the Lithuanian stems of its spellings with the diacritics of
    its ending restored (the remote engines send the same spellings to their `.lt` fields)."""
    return analysed(word) | {stem(spelling) for spelling in alternatives(word)}


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


def matching(words: list[set[str]], near: bool = False) -> Q:
    """Every query word (a set of alternative terms) must be a whole term of the document.

    With `near`, long terms only need their first or last half: any term one edit away keeps one.
    """
    condition = Q()
    for forms in words:
        alternatives = Q()
        for form in sorted(forms):
            if near and len(form) >= FUZZY_MIN_LENGTH:
                half = (len(form) - 1) // 2
                alternatives |= (Q(terms__contains=f" {form[:half]}")
                                 | Q(terms__contains=f"{form[half + 1:]} "))
            else:
                alternatives |= Q(terms__contains=f" {form} ")
        condition &= alternatives
    return condition


def stored_fields(action: IndexAction) -> dict[str, Any]:
    document = action.document
    if document is None:  # tombstone: keeps the version so an older write cannot resurrect it
        return {"page_id": action.page_id, "version": action.version, "deleted": True,
                "language": "", "document": {}, "terms": "", "title_terms": ""}
    text = " ".join(str(document.get(field) or "") for field in TEXT_FIELDS)
    budget = document.get("budget")
    return {
        "page_id": action.page_id, "version": action.version, "deleted": False,
        "language": document.get("language") or "lt", "document": document,
        "terms": spaced(sorted(analysed(text))),
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


def highlight(document: dict[str, Any], forms: set[str]) -> str:
    """The first matching passage of summary, body or title, matched words in <mark>."""
    for field in HIGHLIGHT_FIELDS:
        text = document.get(field) or ""
        first = next((word for word in WORD.finditer(text) if analysed(word.group()) & forms),
                     None)
        if first is None:
            continue
        start = max(0, first.start() - SNIPPET_LENGTH // 3)
        if start and (space := text.find(" ", start, first.start())) >= 0:
            start = space + 1
        end = start + SNIPPET_LENGTH
        if end < len(text):
            end = max(text.rfind(" ", first.end(), end), first.end())
        parts, position = [], start
        for word in WORD.finditer(text, start, end):
            if analysed(word.group()) & forms:
                parts += [escape(text[position:word.start()]),
                          f"<mark>{escape(word.group())}</mark>"]
                position = word.end()
        return "".join([*parts, escape(text[position:end])]).strip()
    return escape(document.get("title") or "")


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
                StoredIndex.objects.create(name=name, alias=self.alias, live=live)
                return name
        raise AssertionError("unreachable")

    def ensure_index(self) -> None:
        with transaction.atomic():
            if not self._indexes().filter(live=True).exists():
                self._new_index(live=True)

    def create_index(self) -> str:
        return self._new_index(live=False)

    def promote(self, index: str) -> None:
        with transaction.atomic():
            target = self._indexes().select_for_update().get(name=index)
            self._indexes().filter(live=True).exclude(pk=target.pk).delete()
            target.live = True
            target.save(update_fields=["live"])

    def abandon(self, index: str) -> None:
        self._indexes().filter(name=index).delete()

    def refresh(self) -> None:
        """Writes are visible as soon as their transaction commits."""

    def bulk(self, actions: list[IndexAction], index: str | None = None) -> list[ActionResult]:
        latest: dict[int, IndexAction] = {}
        for action in actions:
            if action.page_id not in latest or action.version > latest[action.page_id].version:
                latest[action.page_id] = action
        prepared = {page_id: stored_fields(action) for page_id, action in latest.items()}
        with transaction.atomic():
            targets = list(self._indexes().filter(name=index) if index else self._indexes())
            if not any(target.live or index for target in targets):
                return [RetryLater(action.page_id, action.version,
                                   f"no index {index or self.alias}") for action in actions]
            for target in targets:
                self._write(target, prepared)
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
        docs = self._visible()
        if query.municipality:
            docs = docs.filter(id__in=having("municipality", [query.municipality]))
        words = [query_forms(word) for word in tokens(query.text)]
        typos = self._typos(docs, words)
        if words:
            docs = docs.filter(matching([forms | near for forms, near in zip(words, typos,
                                                                                strict=True)]))
        selected = {key: Q(id__in=having(key, values)) for key, values in query.filters.items()}
        hits = docs.filter(*selected.values())
        return SearchResponse(hits.count(), query.page, query.page_size,
                              self._page(hits, query, words, typos),
                              self._facets(docs, selected, query))

    @staticmethod
    def _typos(docs: QuerySet, words: list[set[str]]) -> list[set[str]]:
        """Per query word, the terms one edit away from its long forms in the candidates."""
        fuzzy = [{form for form in forms if len(form) >= FUZZY_MIN_LENGTH} for forms in words]
        if not any(fuzzy):
            return [set() for _ in words]
        vocabulary: set[str] = set()
        for terms in docs.filter(matching(words, near=True)).values_list("terms", flat=True):
            vocabulary.update(terms.split())
        return [{term for term in vocabulary for form in long if one_edit(form, term)}
                for long in fuzzy]

    def _page(self, hits: QuerySet, query: SearchQuery, words: list[set[str]],
              typos: list[set[str]]) -> list[Hit]:
        end = query.offset + query.page_size
        scores: dict[int, float] = {}
        if words and query.sort == "relevance":
            ranked = []
            for pk, terms, title, day, page_id in hits.values_list(
                    "pk", "terms", "title_terms", "sort_date", "page_id"):
                scores[pk] = self._score(words, typos, terms, title.split())
                ranked.append((-scores[pk], day is None, -(day or date.min).toordinal(),
                               page_id, pk))
            ids = [row[-1] for row in sorted(ranked)[query.offset:end]]
            by_id = StoredDocument.objects.in_bulk(ids)
            page = [by_id[pk] for pk in ids]
        else:
            page = list(hits.order_by(F(ORDERS[query.sort]).desc(nulls_last=True),
                                      "page_id")[query.offset:end])
        forms = set().union(*words, *typos)
        return [self._hit(row, forms, scores.get(row.pk)) for row in page]

    @staticmethod
    def _score(words: list[set[str]], typos: list[set[str]], terms: str,
               title: list[str]) -> float:
        """Per query word: 3 when in the title, plus 1 when in the text as typed (½ with a typo)."""
        score = 0.0
        for forms, near in zip(words, typos, strict=True):
            if any(word == form or (len(form) > 2 and word.startswith(form))
                   for form in forms | near for word in title):
                score += 3
            score += 1 if any(f" {form} " in terms for form in forms) else 0.5
        return score

    @staticmethod
    def _hit(row: StoredDocument, forms: set[str], score: float | None) -> Hit:
        document = row.document
        return Hit(id=row.page_id, content_type=document.get("content_type", ""),
                   title=document.get("title", ""), url=document.get("url", ""),
                   locale=row.language, municipality=document.get("municipality") or [],
                   date=document.get("date"), summary=document.get("summary") or "",
                   highlight=highlight(document, forms) if forms
                   else document.get("summary") or "",
                   score=score, **card_facts(document))

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
