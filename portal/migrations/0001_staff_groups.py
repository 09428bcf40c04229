"""The two staff roles, as groups: "Zone editors" and "Investment officers".

The roles span both domains, so they live here rather than in zones (which once held them and
depended on investors for it). On a database where zones.0003 already made the groups, this
finds them and adds nothing new: get_or_create and permissions.add are idempotent."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Zone editors": {
        "zones": ["zone", "plot", "project", "sector", "indicator", "proposal",
                  "proposalplotchange", "proposalprojectchange", "developercompany"],
        "actions": ["view", "add", "change"],
        "extra": [("zones", "delete_plot"), ("zones", "delete_project")],
    },
    "Investment officers": {
        "investors": ["inquiry", "inquirynote", "outboxmessage", "officerprofile"],
        "actions": ["view", "change"],
        "extra": [("investors", "add_inquirynote"), ("zones", "view_zone"),
                  ("zones", "view_plot"), ("zones", "view_sector")],
    },
}


def create_groups(apps, schema_editor):
    # Permissions are made after all migrations on a fresh database: make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, spec in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = list(spec["extra"])
        for app_label in ("zones", "investors"):
            for model in spec.get(app_label, []):
                wanted += [(app_label, f"{action}_{model}") for action in spec["actions"]]
        for app_label, codename in wanted:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("zones", "0007_zone_plot_totals"),
        ("investors", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
