"""A server without the analysis module is refused loudly, never silently degraded: no index
is created on it, the system check fails and the health panel shows it in red — unless the
deployment knowingly allows basic analysis, and even then the check and the panel say so."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

from search.checks import check_engine_analysis
from search.engines import get_engine
from tests.search.conftest import drop_indices, use_engine

pytestmark = [pytest.mark.django_db, pytest.mark.engine]


@pytest.fixture
def elasticsearch(settings):
    """The Elasticsearch test distribution, which has no analysis-common module."""
    use_engine("elasticsearch", settings)
    engine = get_engine()
    assert engine.missing_analysis()
    yield engine
    drop_indices(engine)


def test_no_index_is_created_without_the_module(elasticsearch, settings):
    settings.SEARCH_BASIC_ANALYSIS_ALLOWED = False
    with pytest.raises(ImproperlyConfigured, match="analysis-common"):
        elasticsearch.ensure_index()
    assert not elasticsearch.client.indices.exists_alias(name=elasticsearch.alias)
    assert [message.id for message in check_engine_analysis(None)] == ["search.E010"]


def test_allowed_basic_analysis_is_still_reported(elasticsearch, settings):
    settings.SEARCH_BASIC_ANALYSIS_ALLOWED = True
    elasticsearch.ensure_index()
    assert [message.id for message in check_engine_analysis(None)] == ["search.W010"]
    admin = get_user_model().objects.create_superuser("admin", "a@example.lt", "x")
    client = Client()
    client.force_login(admin)
    panel = client.get(reverse("cms_search_health"))
    assert b'data-figure="analysis"' in panel.content and b"analysis-common" in panel.content


@pytest.mark.parametrize("kind", ["opensearch", "database"])
def test_engines_with_the_analysis_pass_silently(kind, settings):
    if kind == "database":
        settings.ELASTICSEARCH_URL = settings.OPENSEARCH_URL = ""
    else:
        use_engine(kind, settings)
    settings.SEARCH_BASIC_ANALYSIS_ALLOWED = False
    assert get_engine().missing_analysis() == ""
    assert check_engine_analysis(None) == []
