"""The shipped rules, location classes and licensing steps (incentives/data.py, from the shared
INCENTIVES.md with its confidence marks). Staff keep them in the admin from then on."""

from django.db import migrations

LANGS = ("vi", "en", "zh_hans")


def _translated(row, names):
    """name → name, name_vi, name_en, name_zh_hans, for the translated columns in `row`."""
    out = {}
    for key, value in row.items():
        if key in names:
            out[key] = value["vi"]
            out.update({f"{key}_{lang}": value[lang] for lang in LANGS})
        else:
            out[key] = value
    return out


def load(apps, schema_editor):
    from incentives import data

    LocationClass = apps.get_model("incentives", "LocationClass")
    DistrictClass = apps.get_model("incentives", "DistrictClass")
    IncentiveRule = apps.get_model("incentives", "IncentiveRule")
    LicensingStep = apps.get_model("incentives", "LicensingStep")
    classes = {}
    for row in data.LOCATION_CLASSES:
        values = _translated(row, {"name", "source"})
        classes[row["slug"]] = LocationClass.objects.create(**values)
    for district, slug in data.DISTRICT_CLASSES.items():
        DistrictClass.objects.create(
            district=district,
            location_class=classes[slug],
            confidence="L",
            **_translated({"source": data.DISTRICT_SOURCE}, {"source"}),
        )
    for row in data.RULES:
        row = dict(row)
        wanted = row.pop("classes", [])
        values = _translated(row, {"title", "summary", "legal_document", "legal_article"})
        values["verify_with_authority"] = values["confidence"] != "H"
        rule = IncentiveRule.objects.create(**values)
        rule.location_classes.set([classes[slug] for slug in wanted])
    translated = {"title", "what", "who_decides", "documents", "time_limit", "parallel"}
    for order, row in enumerate(data.STEPS, start=1):
        values = _translated(row, translated)
        values.setdefault("contact", data.BOARD_CONTACT["vi"])
        for lang in LANGS:
            values.setdefault(f"contact_{lang}", data.BOARD_CONTACT[lang])
        values.update(_translated({"source": data.STEP_SOURCE}, {"source"}))
        LicensingStep.objects.create(order=order, **values)


class Migration(migrations.Migration):
    dependencies = [("incentives", "0001_rules_locations_steps_estimates")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
