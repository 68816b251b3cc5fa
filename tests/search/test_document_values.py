"""The facet values of demo pages' documents, written out by hand from demo/content.jsonl and the
vocabularies (pages/vocabularies.py): measure code, programme, period, funds, start year, budget
band, municipalities and regions."""

import pytest

from pages.models import FundingMeasurePage, ProjectPage
from search.documents import build_documents
from tests.factories import imported, seed_lines

KEYS = ("measure", "programme", "period", "fund", "start_year", "budget", "budget_band",
        "municipality", "region")
CAPITAL, CENTRAL = "sostines-regionas", "vidurio-ir-vakaru-lietuvos-regionas"
OP_2014 = "veiksmu-programa-2014-2020"

EXPECTED = {
    # Alytus; measure 08.1.1-CPVA-R-407 (priority 08 of the 2014–2020 programme, fund ERPF);
    # no start date: the agreement date 2017-07-20; no total budget: the EU amount 346 361 €
    (ProjectPage, "project-s0"): {
        "measure": ["08.1.1-CPVA-R-407"], "programme": [OP_2014], "period": ["2014-2020"],
        "fund": ["erpf"], "start_year": ["2017"], "budget": 346361.0,
        "budget_band": ["100-500-tukst"], "municipality": ["alytus"], "region": [CENTRAL]},
    # national site, Kalvarija, covers all Lithuania: every region; measure 09-003-02-02-01
    # (priority 4 of the 2021–2027 programme); started 2024-04-01; 40 133 151.29 € total
    (ProjectPage, "project-s2"): {
        "measure": ["09-003-02-02-01"], "programme": ["investiciju-programa-2021-2027"],
        "period": ["2021-2027"], "fund": ["esf-plus"], "start_year": ["2024"],
        "budget": 40133151.29, "budget_band": ["virs-5-mln"], "municipality": ["kalvarija"],
        "region": [CAPITAL, CENTRAL]},
    # national site, Elektrėnai (Vilnius county: the capital region); started 2020-05-01;
    # no amounts: no budget band
    (ProjectPage, "project-s3"): {
        "measure": ["08.4.1-ESFA-V-405"], "programme": [OP_2014], "period": ["2014-2020"],
        "fund": ["esf"], "start_year": ["2020"], "budget": None, "budget_band": [],
        "municipality": ["elektrenai"], "region": [CAPITAL]},
    # Alytus; planned, no dates and no amounts
    (ProjectPage, "project-s1-seimai"): {
        "measure": ["08.4.1-ESFA-V-416"], "programme": [OP_2014], "period": ["2014-2020"],
        "fund": ["esf"], "start_year": [], "budget": None, "budget_band": [],
        "municipality": ["alytus"], "region": [CENTRAL]},
    # the measure itself: its total amount (28 077 812 €), not its EU amount; no municipality
    (FundingMeasurePage, "measure-08-4-1-esfa-v-405"): {
        "measure": ["08.4.1-ESFA-V-405"], "programme": [OP_2014], "period": ["2014-2020"],
        "fund": ["esf"], "start_year": [], "budget": 28077812.0, "budget_band": ["virs-5-mln"],
        "municipality": [], "region": []},
}


@pytest.fixture
def documents(sites, run_import) -> dict[tuple, dict]:
    result = run_import(seed_lines())
    assert not result.failed, result.stderr
    pages = {key: imported(*key) for key in EXPECTED}
    built = build_documents(page.pk for page in pages.values())
    return {key: built[page.pk] for key, page in pages.items()}


@pytest.mark.parametrize("key", list(EXPECTED), ids=[name for _model, name in EXPECTED])
def test_document_values_of_demo_pages(documents, key):
    document = documents[key]
    assert {name: document.get(name, []) for name in KEYS} == EXPECTED[key]
