"""Once made the staff groups; they now come from portal.0001_staff_groups, which spans both
domains. Kept, empty, because later migrations depend on it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("zones", "0002_history_versions_roles_proposals"),
    ]

    operations = []
