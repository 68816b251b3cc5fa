"""Page resources; importing this package registers every one of them."""

from cms.api.resources import collections, measures, news, projects, providers

__all__ = ["collections", "measures", "news", "projects", "providers"]
