"""System checks of the settings the public search reads (`search.conf`): a wrong value is
reported at start-up with what to set, not met later as an error in a request or a worker."""

import re
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext as _

from search import conf

# What Elasticsearch and OpenSearch accept as an index or alias name.
INDEX_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,254}$")
PER_PROCESS_CACHES = {"django.core.cache.backends.locmem.LocMemCache",
                      "django.core.cache.backends.dummy.DummyCache"}


def engine_url_errors(name: str, value: Any) -> list[checks.CheckMessage]:
    """An engine URL is empty (no such engine), or http(s) URLs with a host: one per node."""
    if value == "":
        return []
    if not isinstance(value, str):
        return [checks.Error(
            _("%(setting)s must be a string, not %(type)s.")
            % {"setting": name, "type": type(value).__name__},
            hint=_("Set %(setting)s to an http(s) URL, or to '' for none.") % {"setting": name},
            id="search.E020")]
    if not all(is_node_url(node) for node in conf.engine_nodes(value)):
        return [checks.Error(_("%(setting)s is not an http(s) URL with a host, or several "
                               "separated by commas.") % {"setting": name},
                             hint=_("For example http://user:password@localhost:9200; a "
                                    "cluster's nodes separated by commas; '' for none."),
                             id="search.E020")]
    return []


def is_node_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


def check_search_settings(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    messages = [*engine_url_errors("ELASTICSEARCH_URL", conf.elasticsearch_url()),
                *engine_url_errors("OPENSEARCH_URL", conf.opensearch_url())]
    alias = conf.index_alias()
    if not isinstance(alias, str) or not INDEX_NAME.match(alias):
        messages.append(checks.Error(
            _("SEARCH_INDEX_ALIAS %(alias)r is not a valid index alias.") % {"alias": alias},
            hint=_("Lower-case letters, digits, '.', '_' and '-', starting with a letter or "
                   "digit; the default is %(default)r.") % {"default": conf.DEFAULT_INDEX_ALIAS},
            id="search.E021"))
    allowed = getattr(settings, "SEARCH_BASIC_ANALYSIS_ALLOWED", False)
    if not isinstance(allowed, bool):
        messages.append(checks.Error(_("SEARCH_BASIC_ANALYSIS_ALLOWED must be True or False."),
                                     id="search.E022"))
    messages.extend(count_errors("SEARCH_INDEX_SHARDS", conf.index_shards(), 1,
                                 conf.DEFAULT_INDEX_SHARDS))
    messages.extend(count_errors("SEARCH_INDEX_REPLICAS", conf.index_replicas(), 0,
                                 conf.DEFAULT_INDEX_REPLICAS))
    messages.extend(shared_cache_messages())
    return messages


def count_errors(name: str, value: Any, least: int, default: int) -> list[checks.CheckMessage]:
    """A count of an index's shards or replicas is a whole number of at least `least`."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= least:
        return []
    return [checks.Error(_("%(setting)s must be a whole number of at least %(least)s, not "
                           "%(value)r.") % {"setting": name, "least": least, "value": value},
                         hint=_("The default is %(default)s; an index built after the change "
                                "has it (`manage.py search_index rebuild`).")
                         % {"default": default}, id="search.E025")]


def shared_cache_messages() -> list[checks.CheckMessage]:
    """The shared cache must exist, and should be one that every process reaches."""
    alias = conf.shared_cache_alias()
    if alias not in settings.CACHES:
        return [checks.Error(_("SEARCH_SHARED_CACHE names the cache %(alias)r, which CACHES "
                               "does not define.") % {"alias": alias},
                             hint=_("Name a cache of CACHES, or leave SEARCH_SHARED_CACHE unset "
                                    "to use the 'shared' cache, else the 'default' one."),
                             id="search.E023")]
    if settings.CACHES[alias].get("BACKEND") in PER_PROCESS_CACHES:
        return [checks.Warning(_("The search's shared cache (%(alias)r) is private to each "
                                 "process: the admin does not see a worker's rebuild progress "
                                 "or index drift, and other processes see vocabulary changes "
                                 "only after a restart.") % {"alias": alias},
                               hint=_("Define a 'shared' cache in CACHES that web and worker "
                                      "processes both reach (Redis, database or files), or "
                                      "name one in SEARCH_SHARED_CACHE."), id="search.W024")]
    return []


def register() -> None:
    checks.register(check_search_settings, "search")
