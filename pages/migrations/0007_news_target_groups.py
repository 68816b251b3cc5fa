"""News items get target groups; target groups get an easy-read description beside an official
name that is hard to read, and labels that read the same to a resident are told apart. Slugs do
not change: saved searches and URLs use them."""

import modelcluster.fields
from django.db import migrations, models

# slug → (Lithuanian, English) easy-read description
DESCRIPTIONS = {
    "vaikai-socialineje-rizikoje": (
        "Vaikai, kurių saugumui ar sveikam augimui namuose kyla pavojus, pavyzdžiui, dėl "
        "smurto, priklausomybių ar nepriežiūros, ir jų tėvai.",
        "Children who are not safe or not well looked after at home, for example because of "
        "violence, addiction or neglect, and their parents."),
    "seimos-socialineje-rizikoje": (
        "Šeimos, kurioms sunku pasirūpinti savo vaikais, pavyzdžiui, dėl skurdo, "
        "priklausomybių ar smurto. Joms padeda socialinis darbuotojas.",
        "Families who find it hard to take care of their children, for example because of "
        "poverty, addiction or violence. A social worker helps them."),
    "suauge-socialineje-rizikoje": (
        "Suaugę žmonės, kuriems gresia likti be namų, darbo ar artimųjų paramos, pavyzdžiui, "
        "dėl priklausomybių, smurto, skolų ar grįžus iš įkalinimo įstaigos, ir jų šeimos.",
        "Adults at risk of losing their home, work or the support of their family, for example "
        "because of addiction, violence, debt or after prison, and their families."),
    "senyvo-amziaus-asmenys": (
        "Pagyvenę žmonės, kuriems dėl amžiaus kasdien reikia pagalbos, ir jų artimieji.",
        "Older people who need help in daily life because of their age, and their families."),
    "be-tevu-globos-vaikai": (
        "Vaikai, kurie negali gyventi su savo tėvais ir auga globėjų šeimoje, šeimynoje ar "
        "globos namuose.",
        "Children who cannot live with their parents and grow up with foster carers, in a "
        "family-type home or in a care home."),
    "globejai": (
        "Šeimos ir žmonės, kurie augina ne savo vaikus: globėjai, budintys globotojai ir "
        "įtėviai.",
        "Families and people who bring up children who are not their own: foster carers, "
        "emergency foster carers and adoptive parents."),
    "jaunimas": (
        "Jauni žmonės nuo 14 iki 29 metų, kuriems sunkiau mokytis, rasti darbą ar dalyvauti "
        "veiklose, pavyzdžiui, dėl skurdo, negalios ar todėl, kad jie nesimoko ir nedirba.",
        "Young people aged 14 to 29 who find it harder to study, find work or take part in "
        "activities, for example because of poverty, disability or being out of school and "
        "work."),
    "krizines-seimos": (
        "Šeimos, kurias ištiko staigi nelaimė, pavyzdžiui, artimojo mirtis, smurtas, sunki liga "
        "ar gaisras, ir kurioms pagalbos reikia greitai.",
        "Families hit by a sudden hardship, such as a death in the family, violence, serious "
        "illness or a fire, who need help quickly."),
    "socialines-rizikos-asmenys": (
        "Taip anksčiau vadinti socialinę riziką patiriantys suaugę žmonės. Šį pavadinimą "
        "vartoja senesni projektai.",
        "The earlier name of adults at social risk, used by older projects."),
    "proto-ar-psichikos-negalia": (
        "Žmonės, kuriems dėl intelekto sutrikimo ar psichikos sveikatos sunkumų reikia pagalbos "
        "mokantis, dirbant ar gyvenant savarankiškai.",
        "People who need support to learn, work or live on their own because of an "
        "intellectual disability or mental health difficulties."),
    "globejai-rupintojai": (
        "Šeimos nariai, globėjai ir rūpintojai, kurie kasdien rūpinasi suaugusiu žmogumi su "
        "negalia.",
        "Family members and legal guardians who look after an adult with a disability day to "
        "day."),
    "socialine-atskirtis": (
        "Žmonės, kurie dėl skurdo, nedarbo, negalios ar kitų priežasčių negali kaip kiti "
        "dalyvauti bendruomenės gyvenime ir naudotis paslaugomis.",
        "People who, because of poverty, unemployment, disability or other reasons, cannot take "
        "part in community life or use services as others do."),
    "socialiai-pazeidziami": (
        "Žmonės, kuriems labiau nei kitiems gresia atsidurti sunkioje padėtyje, pavyzdžiui, "
        "gyvenantys vieni, sergantys ar gaunantys mažas pajamas.",
        "People more likely than others to fall into hardship, for example those who live "
        "alone, are ill or have a low income."),
}

# Labels that read the same as another group's: slug → (before, after), each (Lithuanian,
# English, synonyms). The earlier wording stays findable as a synonym.
RELABELLED = {
    # the earlier name of "Socialinę riziką patiriantys suaugę asmenys ir jų šeimos"
    "socialines-rizikos-asmenys": (
        ("Socialinės rizikos asmenys", "People at social risk", "socialinės rizikos šeimos"),
        ("Socialinės rizikos asmenys (ankstesnis pavadinimas)",
         "People at social risk (earlier name)", "socialinės rizikos šeimos"),
    ),
    # "globėjai" also names foster carers of children ("Vaikus globojančios šeimos")
    "globejai-rupintojai": (
        ("Globėjai, rūpintojai", "Carers and guardians", "artimieji"),
        ("Artimieji, prižiūrintys suaugusį žmogų su negalia",
         "Relatives caring for an adult with a disability", "artimieji\nglobėjai, rūpintojai"),
    ),
}


def relabel(apps, version: int) -> None:
    groups = apps.get_model("pages", "TargetGroup").objects
    for slug, versions in RELABELLED.items():
        label_lt, label_en, alt_labels = versions[version]
        groups.filter(slug=slug).update(label_lt=label_lt, label_en=label_en,
                                        alt_labels=alt_labels)


def forwards(apps, schema_editor) -> None:
    relabel(apps, 1)
    groups = apps.get_model("pages", "TargetGroup").objects
    for slug, (description_lt, description_en) in DESCRIPTIONS.items():
        groups.filter(slug=slug).update(description_lt=description_lt,
                                        description_en=description_en)


def backwards(apps, schema_editor) -> None:
    relabel(apps, 0)


class Migration(migrations.Migration):
    dependencies = [("pages", "0006_english_source_texts")]

    operations = [
        migrations.AddField(
            model_name="newspage",
            name="target_groups",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True, related_name="news", to="pages.targetgroup",
                verbose_name="target groups"),
        ),
        migrations.AddField(
            model_name="targetgroup",
            name="description_en",
            field=models.TextField(blank=True, verbose_name="easy-read description in English"),
        ),
        migrations.AddField(
            model_name="targetgroup",
            name="description_lt",
            field=models.TextField(
                blank=True,
                help_text="Who belongs to the group, in plain words; shown beside an official "
                          "name that is hard to read.",
                verbose_name="easy-read description in Lithuanian"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
