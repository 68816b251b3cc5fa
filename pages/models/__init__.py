from pages.models.collection import CollectionPage
from pages.models.imports import ImportedItem
from pages.models.measure import FundingMeasurePage
from pages.models.news import NewsPage, NewsPerson, NewsTag
from pages.models.project import (
    ProjectIndicator,
    ProjectLink,
    ProjectPage,
    ProjectPartner,
    ProjectResult,
)
from pages.models.provider import ProviderPage
from pages.models.structure import (
    MeasureIndexPage,
    MunicipalityHomePage,
    NewsIndexPage,
    ProjectIndexPage,
    ProviderIndexPage,
)
from pages.models.synonyms import SynonymSet
from pages.models.taxonomy import (
    Agency,
    County,
    Fund,
    Municipality,
    Period,
    Priority,
    Programme,
    Region,
    ServiceType,
    TargetGroup,
)

__all__ = [
    "Agency", "CollectionPage", "County", "Fund", "FundingMeasurePage", "ImportedItem",
    "MeasureIndexPage",
    "Municipality", "MunicipalityHomePage", "NewsIndexPage", "NewsPage", "NewsPerson", "NewsTag",
    "Period", "Priority", "Programme", "ProjectIndexPage", "ProjectIndicator", "ProjectLink",
    "ProjectPage", "ProjectPartner", "ProjectResult", "ProviderIndexPage", "ProviderPage",
    "Region", "ServiceType", "SynonymSet", "TargetGroup",
]
