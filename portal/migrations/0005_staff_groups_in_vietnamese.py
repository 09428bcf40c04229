"""The two staff roles' groups named in Vietnamese, the admin's language: staff who give a
colleague a role read "Cán bộ xúc tiến đầu tư", not "Investment officers". The permissions go
with the groups. Migrations after this one name the groups in Vietnamese.

A group already named so (made by hand in the admin) is left as it is, and the English one
with it: merging two groups' members and permissions is staff's decision, not a migration's."""

from django.db import migrations

NAMES = {
    "Zone editors": "Cán bộ cập nhật khu, cụm công nghiệp",
    "Investment officers": "Cán bộ xúc tiến đầu tư",
}


def rename(apps, old_to_new):
    Group = apps.get_model("auth", "Group")
    for old, new in old_to_new.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)


def to_vietnamese(apps, schema_editor):
    rename(apps, NAMES)


def to_english(apps, schema_editor):
    rename(apps, {new: old for old, new in NAMES.items()})


class Migration(migrations.Migration):
    dependencies = [("portal", "0004_officers_keep_contacts_and_site_visits")]

    operations = [migrations.RunPython(to_vietnamese, to_english)]
