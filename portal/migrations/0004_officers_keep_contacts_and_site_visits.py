"""Investment officers and zone editors keep the contact points; investment officers confirm
site visits. Both came after the staff roles were made."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Investment officers": {
        ("zones", "contactpoint"): ("view", "add", "change", "delete"),
        ("investors", "sitevisit"): ("view", "change"),
    },
    "Zone editors": {("zones", "contactpoint"): ("view", "add", "change", "delete")},
}


def _permissions(apps, group_name):
    Permission = apps.get_model("auth", "Permission")
    for (app_label, model), actions in GRANTS[group_name].items():
        yield from Permission.objects.filter(
            content_type__app_label=app_label,
            codename__in=[f"{action}_{model}" for action in actions],
        )


def grant(apps, schema_editor):
    # Permissions are made after all migrations on a fresh database: make them now.
    for label in ("zones", "investors"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    for name in GRANTS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(apps, name))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*_permissions(apps, group.name))


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_zone_editors_manage_costs"),
        ("zones", "0013_contact_points"),
        ("investors", "0006_site_visits_and_mail_attachments"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
