"""The search requests every search benchmark sends: a text query and all facets, some with
facet selections, in both languages."""

QUERIES = [
    "q=socialin%C4%97s+paslaugos",
    "q=dienos+centras&lang=lt",
    "q=senyvo+am%C5%BEiaus+asmenys&target_group=senyvo-amziaus-asmenys",
    "q=zmones+su+negalia&fund=esf",
    "q=pagalba+%C4%AF+namus&status=running&period=2021-2027",
    "q=social+services&lang=en",
    "q=family&lang=en&content_type=project",
    "q=projektas&municipality=alytus&municipality=kaunas",
]
PATH = "/api/v1/search/"
