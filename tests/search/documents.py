"""A hand-made set of documents whose facet counts are computed by hand in the tests."""

FACET_KEYS = ("target_group", "municipality", "region", "service_type", "fund", "measure",
              "programme", "period", "status", "start_year", "budget_band")
CENTRAL = "vidurio-ir-vakaru-lietuvos-regionas"


def document(page_id: int, title: str, **fields) -> dict:
    base = {key: [] for key in FACET_KEYS}
    return {**base, "id": page_id, "translation_key": f"key-{page_id}",
            "content_type": "project", "language": "lt", "site": "alytus",
            "url": f"http://alytus.localhost/{page_id}/", "title": title, "summary": "",
            "body": "", "codes": "", "labels": "", "date": None, "start_date": None,
            "budget": None, **fields}


DOCUMENTS = [
    document(1, "Socialinės paslaugos senyvo amžiaus žmonėms", summary="Pagalba į namus.",
             municipality=["alytus"], region=[CENTRAL], target_group=["senyvo-amziaus-asmenys"],
             service_type=["pagalba-i-namus"], status=["running"], fund=["esf"],
             start_year=["2020"], date="2020-03-01", start_date="2020-03-01", budget=50000.0,
             budget_band=["iki-100-tukst"]),
    document(2, "Savarankiško gyvenimo namai Alytuje", codes="08.1.1-CPVA-R-407-11-0005",
             municipality=["alytus"], region=[CENTRAL],
             target_group=["suauge-socialineje-rizikoje"],
             service_type=["savarankisko-gyvenimo-namai"], status=["completed"], fund=["erpf"],
             start_year=["2017"], date="2017-07-20", start_date="2017-07-20", budget=346361.0,
             budget_band=["100-500-tukst"]),
    document(3, "Atvejo vadyba Kalvarijoje", summary="Bendruomeninės paslaugos Šiauliai ir kt.",
             municipality=["kalvarija"], region=[CENTRAL],
             target_group=["asmenys-su-negalia", "proto-ar-psichikos-negalia"],
             service_type=["atvejo-vadyba"], status=["running"], fund=["esf-plus"],
             start_year=["2024"], date="2024-04-01", start_date="2024-04-01",
             budget=40133151.29, budget_band=["virs-5-mln"]),
    document(4, "Pristatyti projektai šeimoms", content_type="news",
             municipality=["alytus"], region=[CENTRAL], target_group=["senyvo-amziaus-asmenys"],
             date="2016-05-10"),
    document(5, "Social services for older people", language="en",
             municipality=["alytus"], region=[CENTRAL], target_group=["senyvo-amziaus-asmenys"],
             service_type=["pagalba-i-namus"], status=["running"], fund=["esf"],
             start_year=["2020"], date="2020-03-01", start_date="2020-03-01", budget=50000.0,
             budget_band=["iki-100-tukst"]),
    document(6, "Vievio neįgaliųjų draugija", content_type="provider", site="elektrenai",
             municipality=["elektrenai"], region=["sostines-regionas"],
             target_group=["asmenys-su-negalia"], service_type=["socialines-dirbtuves"]),
]
