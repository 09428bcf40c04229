"""Zone editors manage prices, exchange rates and ready-built buildings: the staff roles were
made before these existed, so editors could neither see nor record them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ("view", "add", "change", "delete")
CODENAMES = [f"{action}_{model}" for action in ACTIONS for model in ("costitem", "exchangerate", "building")]


def grant(apps, schema_editor):
    # Permissions are made after all migrations on a fresh database: make them now.
    zones = apps.get_app_config("zones")
    zones.models_module = True
    create_permissions(zones, apps=apps, verbosity=0)
    zones.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Zone editors")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="zones",
            codename__in=CODENAMES,
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Zone editors"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="zones",
                codename__in=CODENAMES,
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_zone_editors_manage_photos"),
        ("zones", "0012_ready_built_buildings"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
