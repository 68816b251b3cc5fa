"""Every fact of the five seed pages survives the import of the demo content."""

import datetime
from decimal import Decimal

import pytest

from pages.models import FundingMeasurePage, NewsPage, ProjectPage, ProviderPage
from tests.factories import SEEDS, imported, seed_lines


@pytest.fixture
def seeds(sites, run_import):
    result = run_import(seed_lines())
    assert not result.failed, result.stderr


def slugs(manager) -> set[str]:
    return set(manager.values_list("slug", flat=True))


def test_s0_alytus_independent_living_home(seeds):
    project = imported(ProjectPage, "project-s0")
    assert project.title == "Socialinių paslaugų plėtra Alytaus mieste"
    assert (project.project_code, project.call_code) == ("08.1.1-CPVA-R-407-11-0005",
                                                         "08.1.1-CPVA-R-407-11")
    assert project.agreement_date == datetime.date(2017, 7, 20)
    assert project.lead_beneficiary.title == "Alytaus miesto savivaldybės administracija"
    assert project.eu_amount == Decimal("346361.00")
    assert project.status == "completed" and project.capacity == 20
    assert project.street_address == "Ulonų g. 14B"
    measure = project.measure
    assert (measure.code, measure.title) == ("08.1.1-CPVA-R-407",
                                             "Socialinių paslaugų infrastruktūros plėtra")
    assert (measure.priority.number, measure.agency.slug, measure.fund.slug) == ("08", "cpva",
                                                                                 "erpf")
    assert project.period == "2014-2020"
    assert {"socialines-rizikos-asmenys", "socialiai-pazeidziami"} <= slugs(project.target_groups)
    assert slugs(project.service_types) == {"savarankisko-gyvenimo-namai"}
    assert project.get_site().hostname == "alytus.localhost"


def test_s1_news_with_people_projects_and_measures(seeds):
    news = imported(NewsPage, "news-s1")
    assert news.date_published is None
    people = {person.name: person.position for person in news.people.all()}
    assert set(people) == {"Valė Gibienė", "Silvija Peštenienė", "Rima Mockevičienė"}
    assert "mero pavaduotoja" in people["Valė Gibienė"].lower()
    assert {measure.code for measure in news.about_measures.all()} == {"08.4.1-ESFA-V-416",
                                                                       "08.3.2-ESFA-K-415"}
    family, older = (imported(ProjectPage, "project-s1-seimai"),
                     imported(ProjectPage, "project-s1-54plius"))
    assert set(news.about_projects.all()) == {family, older}
    assert {"psichosocialine-pagalba", "kriziu-iveikimas", "vaiku-dienos-prieziura",
            "tarpininkavimas", "transportas", "bendruomeniniai-seimos-namai"} <= slugs(
        family.service_types)
    assert slugs(older.target_groups) == {"vyresni-nei-54"}


def test_s2_national_case_management_project(seeds):
    project = imported(ProjectPage, "project-s2")
    assert (project.project_code, project.call_code) == ("07-018-P-0001", "07-018-P")
    assert project.measure.code == "09-003-02-02-01" and project.period == "2021-2027"
    assert project.lead_beneficiary.title.startswith("Asmens su negalia teisių apsaugos agentūra")
    assert project.lead_beneficiary.predecessor.title.startswith("Neįgaliųjų reikalų departamentas")
    partner = project.partners.get()
    assert partner.provider.title == "Kalvarijos savivaldybės administracija"
    assert "atvejo vadyba" in partner.activity
    assert (project.start_date.year, project.end_date.year) == (2024, 2029)
    assert project.budget_total == Decimal("40133151.29") and project.covers_all_lithuania
    assert (project.contact_department, project.contact_phone, project.street_address) == (
        "Socialinių reikalų skyrius", "+370 633 87 850", "Laisvės g. 2")
    assert project.links.get().url.startswith("https://pertvarka.lt/projektai/")
    assert "kalvarija" in slugs(project.municipalities)
    assert imported(NewsPage, "news-s2-kalvarija").date_published == datetime.date(2024, 5, 16)


def test_s3_social_workshops_in_vievis(seeds):
    project = imported(ProjectPage, "project-s3")
    assert project.project_code == "08.4.1-ESFA-V-405-03-0001"
    assert project.lead_beneficiary.title.startswith("Neįgaliųjų reikalų departamentas")
    assert (project.start_date, project.end_date) == (datetime.date(2020, 5, 1),
                                                      datetime.date(2023, 4, 30))
    assert slugs(project.funds) == {"esf"}
    workshop = project.partners.get()
    assert (workshop.provider.title, workshop.role) == ("Vievio neįgaliųjų draugija",
                                                        "service_provider")
    assert slugs(project.service_types) == {"socialines-dirbtuves"}
    measure = project.measure
    assert (measure.title, measure.eu_amount, measure.total_amount) == (
        "Institucinės globos pertvarka", Decimal("21983760.00"), Decimal("28077812.00"))


def test_s4_marijampole_information_project(seeds):
    project = imported(ProjectPage, "project-s4")
    assert project.project_code == "" and project.start_date is None
    assert project.lead_beneficiary is None
    assert project.measure.code == "08.6.1-ESFA-T-927"
    assert slugs(project.service_types) == {"informavimas", "konsultavimas", "tarpininkavimas"}
    assert project.get_site().hostname == "marijampole.localhost"


def test_every_seed_project_is_live_in_both_languages(seeds):
    for external_id in sorted(seed for seed in SEEDS if seed.startswith("project")):
        lithuanian, english = (imported(ProjectPage, external_id),
                               imported(ProjectPage, external_id, "en"))
        assert lithuanian.live and english.live
        assert english.title != lithuanian.title
        assert english.get_site() == lithuanian.get_site()
    assert FundingMeasurePage.objects.filter(locale__language_code="en").exists()
    assert ProviderPage.objects.filter(locale__language_code="en").exists()


def test_importing_the_seeds_again_changes_nothing(seeds, run_import):
    again = run_import(seed_lines())
    assert "sukurta 0, atnaujinta 0" in again.stdout and not again.failed
