"""Zone editors manage zone photos: the staff roles were made before zone photos existed, so
editors could neither see nor add a zone's photos."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ("view", "add", "change", "delete")


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
            codename__in=[f"{action}_zonephoto" for action in ACTIONS],
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Zone editors"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="zones",
                codename__in=[f"{action}_zonephoto" for action in ACTIONS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_staff_groups")]

    operations = [migrations.RunPython(grant, revoke)]
