"""The shared vocabularies (regions, counties, target groups, service types, funds, agencies,
programmes), loaded by a data migration.

Each term: (slug, Lithuanian label, English label, extra fields). Slugs never change: they are
the facet values of the public search in both languages.
"""

REGIONS = [
    ("sostines-regionas", "Sostinės regionas", "Capital region"),
    ("vidurio-ir-vakaru-lietuvos-regionas", "Vidurio ir vakarų Lietuvos regionas",
     "Central and Western Lithuania region"),
]

# county slug, LT, EN, municipalities [(slug, LT, EN)]
COUNTIES = [
    ("alytaus-apskritis", "Alytaus apskritis", "Alytus County", [
        ("alytus", "Alytaus miesto savivaldybė", "Alytus City Municipality"),
        ("alytaus-rajonas", "Alytaus rajono savivaldybė", "Alytus District Municipality"),
        ("druskininkai", "Druskininkų savivaldybė", "Druskininkai Municipality"),
        ("lazdijai", "Lazdijų rajono savivaldybė", "Lazdijai District Municipality"),
        ("varena", "Varėnos rajono savivaldybė", "Varėna District Municipality"),
    ]),
    ("kauno-apskritis", "Kauno apskritis", "Kaunas County", [
        ("birstonas", "Birštono savivaldybė", "Birštonas Municipality"),
        ("jonava", "Jonavos rajono savivaldybė", "Jonava District Municipality"),
        ("kaisiadorys", "Kaišiadorių rajono savivaldybė", "Kaišiadorys District Municipality"),
        ("kaunas", "Kauno miesto savivaldybė", "Kaunas City Municipality"),
        ("kauno-rajonas", "Kauno rajono savivaldybė", "Kaunas District Municipality"),
        ("kedainiai", "Kėdainių rajono savivaldybė", "Kėdainiai District Municipality"),
        ("prienai", "Prienų rajono savivaldybė", "Prienai District Municipality"),
        ("raseiniai", "Raseinių rajono savivaldybė", "Raseiniai District Municipality"),
    ]),
    ("klaipedos-apskritis", "Klaipėdos apskritis", "Klaipėda County", [
        ("klaipeda", "Klaipėdos miesto savivaldybė", "Klaipėda City Municipality"),
        ("klaipedos-rajonas", "Klaipėdos rajono savivaldybė", "Klaipėda District Municipality"),
        ("kretinga", "Kretingos rajono savivaldybė", "Kretinga District Municipality"),
        ("neringa", "Neringos savivaldybė", "Neringa Municipality"),
        ("palanga", "Palangos miesto savivaldybė", "Palanga City Municipality"),
        ("skuodas", "Skuodo rajono savivaldybė", "Skuodas District Municipality"),
        ("silute", "Šilutės rajono savivaldybė", "Šilutė District Municipality"),
    ]),
    ("marijampoles-apskritis", "Marijampolės apskritis", "Marijampolė County", [
        ("marijampole", "Marijampolės savivaldybė", "Marijampolė Municipality"),
        ("kalvarija", "Kalvarijos savivaldybė", "Kalvarija Municipality"),
        ("kazlu-ruda", "Kazlų Rūdos savivaldybė", "Kazlų Rūda Municipality"),
        ("sakiai", "Šakių rajono savivaldybė", "Šakiai District Municipality"),
        ("vilkaviskis", "Vilkaviškio rajono savivaldybė", "Vilkaviškis District Municipality"),
    ]),
    ("panevezio-apskritis", "Panevėžio apskritis", "Panevėžys County", [
        ("birzai", "Biržų rajono savivaldybė", "Biržai District Municipality"),
        ("kupiskis", "Kupiškio rajono savivaldybė", "Kupiškis District Municipality"),
        ("panevezys", "Panevėžio miesto savivaldybė", "Panevėžys City Municipality"),
        ("panevezio-rajonas", "Panevėžio rajono savivaldybė", "Panevėžys District Municipality"),
        ("pasvalys", "Pasvalio rajono savivaldybė", "Pasvalys District Municipality"),
        ("rokiskis", "Rokiškio rajono savivaldybė", "Rokiškis District Municipality"),
    ]),
    ("siauliu-apskritis", "Šiaulių apskritis", "Šiauliai County", [
        ("akmene", "Akmenės rajono savivaldybė", "Akmenė District Municipality"),
        ("joniskis", "Joniškio rajono savivaldybė", "Joniškis District Municipality"),
        ("kelme", "Kelmės rajono savivaldybė", "Kelmė District Municipality"),
        ("pakruojis", "Pakruojo rajono savivaldybė", "Pakruojis District Municipality"),
        ("radviliskis", "Radviliškio rajono savivaldybė", "Radviliškis District Municipality"),
        ("siauliai", "Šiaulių miesto savivaldybė", "Šiauliai City Municipality"),
        ("siauliu-rajonas", "Šiaulių rajono savivaldybė", "Šiauliai District Municipality"),
    ]),
    ("taurages-apskritis", "Tauragės apskritis", "Tauragė County", [
        ("jurbarkas", "Jurbarko rajono savivaldybė", "Jurbarkas District Municipality"),
        ("pagegiai", "Pagėgių savivaldybė", "Pagėgiai Municipality"),
        ("silale", "Šilalės rajono savivaldybė", "Šilalė District Municipality"),
        ("taurage", "Tauragės rajono savivaldybė", "Tauragė District Municipality"),
    ]),
    ("telsiu-apskritis", "Telšių apskritis", "Telšiai County", [
        ("mazeikiai", "Mažeikių rajono savivaldybė", "Mažeikiai District Municipality"),
        ("plunge", "Plungės rajono savivaldybė", "Plungė District Municipality"),
        ("rietavas", "Rietavo savivaldybė", "Rietavas Municipality"),
        ("telsiai", "Telšių rajono savivaldybė", "Telšiai District Municipality"),
    ]),
    ("utenos-apskritis", "Utenos apskritis", "Utena County", [
        ("anyksciai", "Anykščių rajono savivaldybė", "Anykščiai District Municipality"),
        ("ignalina", "Ignalinos rajono savivaldybė", "Ignalina District Municipality"),
        ("moletai", "Molėtų rajono savivaldybė", "Molėtai District Municipality"),
        ("utena", "Utenos rajono savivaldybė", "Utena District Municipality"),
        ("visaginas", "Visagino savivaldybė", "Visaginas Municipality"),
        ("zarasai", "Zarasų rajono savivaldybė", "Zarasai District Municipality"),
    ]),
    ("vilniaus-apskritis", "Vilniaus apskritis", "Vilnius County", [
        ("elektrenai", "Elektrėnų savivaldybė", "Elektrėnai Municipality"),
        ("salcininkai", "Šalčininkų rajono savivaldybė", "Šalčininkai District Municipality"),
        ("sirvintos", "Širvintų rajono savivaldybė", "Širvintos District Municipality"),
        ("svencionys", "Švenčionių rajono savivaldybė", "Švenčionys District Municipality"),
        ("trakai", "Trakų rajono savivaldybė", "Trakai District Municipality"),
        ("ukmerge", "Ukmergės rajono savivaldybė", "Ukmergė District Municipality"),
        ("vilnius", "Vilniaus miesto savivaldybė", "Vilnius City Municipality"),
        ("vilniaus-rajonas", "Vilniaus rajono savivaldybė", "Vilnius District Municipality"),
    ]),
]
CAPITAL_REGION_COUNTIES = {"vilniaus-apskritis"}

TARGET_GROUPS = [
    ("vaikai-socialineje-rizikoje", "Socialinę riziką patiriantys vaikai ir jų šeimos",
     "Children at social risk and their families"),
    ("vaikai-su-negalia", "Vaikai su negalia ir jų šeimos",
     "Children with disabilities and their families"),
    ("be-tevu-globos-vaikai", "Likę be tėvų globos vaikai", "Children without parental care"),
    ("asmenys-su-negalia", "Suaugę asmenys su negalia ir jų šeimos",
     "Adults with disabilities and their families"),
    ("senyvo-amziaus-asmenys", "Senyvo amžiaus asmenys ir jų šeimos",
     "Older people and their families"),
    ("suauge-socialineje-rizikoje", "Socialinę riziką patiriantys suaugę asmenys ir jų šeimos",
     "Adults at social risk and their families"),
    ("seimos-socialineje-rizikoje", "Socialinę riziką patiriančios šeimos",
     "Families at social risk"),
    ("globejai", "Vaikus globojančios šeimos", "Foster families"),
    ("jaunimas", "Mažiau galimybių turintis jaunimas", "Young people with fewer opportunities"),
    ("krizines-seimos", "Krizinėje situacijoje esančios šeimos", "Families in crisis"),
    ("kiti-asmenys", "Kiti asmenys ir šeimos", "Other people and families"),
]
# Seed wording kept as narrower terms: (slug, LT, EN, broader slug, alt labels)
NARROWER_TARGET_GROUPS = [
    ("socialines-rizikos-asmenys", "Socialinės rizikos asmenys", "People at social risk",
     "suauge-socialineje-rizikoje", "socialinės rizikos šeimos"),
    ("proto-ar-psichikos-negalia", "Asmenys su proto ir (ar) psichikos negalia",
     "People with intellectual or psychosocial disabilities", "asmenys-su-negalia",
     "intelekto negalia\npsichikos negalia"),
    ("globejai-rupintojai", "Globėjai, rūpintojai", "Carers and guardians", "asmenys-su-negalia",
     "artimieji"),
    ("vyresni-nei-54", "Vyresni nei 54 metų asmenys", "People aged over 54",
     "senyvo-amziaus-asmenys", "54+"),
    ("socialine-atskirtis", "Socialinę atskirtį patiriantys asmenys",
     "People experiencing social exclusion", "kiti-asmenys", "socialiai atskirti"),
    ("socialiai-pazeidziami", "Socialiai pažeidžiami asmenys", "Socially vulnerable people",
     "kiti-asmenys", "pažeidžiami asmenys"),
]

# slug, LT, EN, category, SPIS code
SERVICE_TYPES = [
    ("informavimas", "Informavimas", "Information", "bendrosios", "201"),
    ("konsultavimas", "Konsultavimas", "Counselling", "bendrosios", "202"),
    ("tarpininkavimas", "Tarpininkavimas ir atstovavimas", "Mediation and representation",
     "bendrosios", "203"),
    ("maitinimas", "Maitinimo organizavimas", "Meals", "bendrosios", "204"),
    ("asmens-higiena", "Asmeninės higienos ir priežiūros paslaugų organizavimas",
     "Personal hygiene", "bendrosios", "208"),
    ("transportas", "Transporto organizavimas", "Transport", "bendrosios", ""),
    ("sociokulturines", "Sociokultūrinės paslaugos", "Socio-cultural services", "bendrosios", ""),
    ("pagalba-i-namus", "Pagalba į namus", "Home help", "socialine-prieziura", ""),
    ("socialiniu-igudziu-ugdymas", "Socialinių įgūdžių ugdymas, palaikymas ir atkūrimas",
     "Social skills development", "socialine-prieziura", ""),
    ("kriziu-iveikimas", "Intensyvi krizių įveikimo pagalba", "Crisis support",
     "socialine-prieziura", ""),
    ("laikinas-apnakvindinimas", "Laikinas apnakvindinimas", "Night shelter",
     "socialine-prieziura", ""),
    ("psichosocialine-pagalba", "Psichosocialinė pagalba", "Psychosocial help",
     "socialine-prieziura", ""),
    ("laikinas-atokvepis", "Laikinas atokvėpis", "Respite care", "socialine-prieziura", ""),
    ("vaiku-dienos-prieziura", "Vaikų dienos socialinė priežiūra", "Children's day care",
     "socialine-prieziura", ""),
    ("savarankisko-gyvenimo-namai", "Apgyvendinimas savarankiško gyvenimo namuose",
     "Independent-living accommodation", "socialine-prieziura", ""),
    ("dienos-socialine-globa", "Dienos socialinė globa", "Day care", "socialine-globa", ""),
    ("trumpalaike-globa", "Trumpalaikė socialinė globa", "Short-term care", "socialine-globa", ""),
    ("ilgalaike-globa", "Ilgalaikė socialinė globa", "Long-term care", "socialine-globa", ""),
    ("atvejo-vadyba", "Atvejo vadyba", "Case management", "kitos", ""),
    ("bendruomeniniai-seimos-namai", "Bendruomeniniai šeimos namai", "Community family homes",
     "kitos", ""),
    ("socialines-dirbtuves", "Socialinės dirbtuvės", "Social workshops", "kitos", ""),
    ("apsaugotas-bustas", "Apsaugotas būstas", "Protected housing", "kitos", ""),
    ("idarbinimas-su-pagalba", "Įdarbinimas su pagalba", "Supported employment", "kitos", ""),
    ("pagalba-priimant-sprendimus", "Pagalba priimant sprendimus", "Supported decision-making",
     "kitos", ""),
    ("grupinio-gyvenimo-namai", "Grupinio gyvenimo namai", "Group-living homes", "kitos", ""),
]

# slug, LT, EN, LT abbreviation, EN abbreviation
FUNDS = [
    ("erpf", "Europos regioninės plėtros fondas", "European Regional Development Fund", "ERPF",
     "ERDF"),
    ("esf", "Europos socialinis fondas", "European Social Fund", "ESF", "ESF"),
    ("esf-plus", "Europos socialinis fondas+", "European Social Fund Plus", "ESF+", "ESF+"),
    ("sanglaudos-fondas", "Sanglaudos fondas", "Cohesion Fund", "SaF", "CF"),
    ("tpf", "Teisingos pertvarkos fondas", "Just Transition Fund", "TPF", "JTF"),
    ("egadp", "Ekonomikos gaivinimo ir atsparumo didinimo priemonė",
     "Recovery and Resilience Facility", "EGADP", "RRF"),
]

# slug, LT, EN, abbreviation
AGENCIES = [
    ("cpva", "Centrinė projektų valdymo agentūra", "Central Project Management Agency", "CPVA"),
    ("esfa", "Europos socialinio fondo agentūra", "European Social Fund Agency", "ESFA"),
    ("apva", "Aplinkos projektų valdymo agentūra", "Environmental Projects Management Agency",
     "APVA"),
    ("lvpa", "Lietuvos verslo paramos agentūra", "Lithuanian Business Support Agency", "LVPA"),
    ("mita", "Mokslo, inovacijų ir technologijų agentūra",
     "Agency for Science, Innovation and Technology", "MITA"),
    ("lmt", "Lietuvos mokslo taryba", "Research Council of Lithuania", "LMT"),
]

# slug, LT, EN, period, priorities [(number, LT, EN)]
PROGRAMMES = [
    ("veiksmu-programa-2014-2020", "2014–2020 m. ES fondų investicijų veiksmų programa",
     "Operational Programme for EU Funds Investments 2014–2020", "2014-2020", [
         ("07", "Kokybiško užimtumo ir dalyvavimo darbo rinkoje skatinimas",
          "Promoting quality employment and labour market participation"),
         ("08", "Socialinės įtraukties didinimas ir kova su skurdu",
          "Promoting social inclusion and combating poverty"),
         ("09", "Visuomenės švietimas ir žmogiškųjų išteklių potencialo didinimas",
          "Education and strengthening human resources"),
     ]),
    ("investiciju-programa-2021-2027", "2021–2027 m. ES fondų investicijų programa",
     "EU Funds Investment Programme 2021–2027", "2021-2027", [
         ("4", "Socialiai atsakingesnė Lietuva", "A more social Lithuania"),
         ("5", "Piliečiams artimesnė Lietuva", "A Lithuania closer to its citizens"),
     ]),
]


# Words residents search with for the content's terms (`pages.models.SynonymSet`):
# language, terms, a note for administrators
SYNONYM_SETS = [
    ("lt", ["senyvo amžiaus asmenys", "senjorai", "seneliai", "pagyvenę žmonės"],
     "Gyventojų žodžiai oficialiam pavadinimui „senyvo amžiaus asmenys“."),
    ("lt", ["asmenys su negalia", "neįgalieji", "žmonės su negalia"],
     "Gyventojų žodžiai oficialiam pavadinimui „asmenys su negalia“."),
    ("lt", ["gatvė", "g."], "Adresų santrumpa."),
    ("lt", ["savivaldybė", "sav."], "Savivaldybių pavadinimų santrumpa."),
    ("en", ["older people", "elderly", "seniors"], "Residents' words for older people."),
    ("en", ["people with disabilities", "disabled people"],
     "Residents' words for people with disabilities."),
]
def seed_vocabularies(apps) -> None:
    """Create or update every term; safe to run again."""

    def model(name):
        return apps.get_model("pages", name)

    def upsert(name: str, slug: str, label_lt: str, label_en: str, **fields):
        obj, _ = model(name).objects.update_or_create(
            slug=slug, defaults={"label_lt": label_lt, "label_en": label_en, **fields}
        )
        return obj

    regions = {slug: upsert("Region", slug, lt, en) for slug, lt, en in REGIONS}
    for county_slug, lt, en, municipalities in COUNTIES:
        region = regions["sostines-regionas" if county_slug in CAPITAL_REGION_COUNTIES
                         else "vidurio-ir-vakaru-lietuvos-regionas"]
        county = upsert("County", county_slug, lt, en, region=region)
        for slug, m_lt, m_en in municipalities:
            upsert("Municipality", slug, m_lt, m_en, county=county)
    broad = {slug: upsert("TargetGroup", slug, lt, en) for slug, lt, en in TARGET_GROUPS}
    for slug, lt, en, broader, alt in NARROWER_TARGET_GROUPS:
        upsert("TargetGroup", slug, lt, en, broader=broad[broader], alt_labels=alt)
    for slug, lt, en, category, code in SERVICE_TYPES:
        upsert("ServiceType", slug, lt, en, category=category, code=code)
    for slug, lt, en, abbr_lt, abbr_en in FUNDS:
        upsert("Fund", slug, lt, en, abbreviation_lt=abbr_lt, abbreviation_en=abbr_en)
    for slug, lt, en, abbr in AGENCIES:
        upsert("Agency", slug, lt, en, abbreviation=abbr)
    for slug, lt, en, period, priorities in PROGRAMMES:
        programme = upsert("Programme", slug, lt, en, period=period)
        for number, p_lt, p_en in priorities:
            upsert("Priority", f"{slug}-{number}", p_lt, p_en, programme=programme, number=number)


def seed_synonym_sets(apps) -> None:
    """Add each seed set unless a set of its language already holds one of its terms (ignoring
    case): running it again adds nothing twice and leaves administrators' edits alone."""
    synonym_sets = apps.get_model("pages", "SynonymSet").objects
    for language, terms, note in SYNONYM_SETS:
        held = {line.strip().casefold() for text in synonym_sets.filter(
            language=language).values_list("terms", flat=True) for line in text.splitlines()}
        if held.isdisjoint(term.casefold() for term in terms):
            synonym_sets.create(language=language, terms="\n".join(terms), note=note)
