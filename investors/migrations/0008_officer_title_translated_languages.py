import re

from django.db import migrations, models

import investors.models

# What staff wrote in the free-text "languages" field, as the fixed list's codes. Names in the
# three site languages and the languages' own; anything else (a minority language, a typo) is
# dropped, and staff tick it again.
NAMES = {
    "vi": ("tiếng việt", "việt", "vietnamese", "越南语", "越南語", "越南文"),
    "en": ("tiếng anh", "english", "英语", "英語", "英文"),
    "zh": (
        "tiếng trung",
        "tiếng hoa",
        "tiếng hán",
        "chinese",
        "mandarin",
        "中文",
        "汉语",
        "漢語",
        "华语",
        "普通话",
    ),
    "ko": ("tiếng hàn", "korean", "韩语", "韓語", "한국어"),
    "ja": ("tiếng nhật", "japanese", "日语", "日語", "日本語"),
}
SEPARATORS = re.compile(r"\s*(?:[,;/、，；]|\band\b|\bvà\b|\bva\b)\s*")
LABELS = {"vi": "Tiếng Việt", "en": "Tiếng Anh", "zh": "Tiếng Trung", "ko": "Tiếng Hàn", "ja": "Tiếng Nhật"}


def codes_from_text(text):
    """The codes of the languages named in `text`, in the fixed list's order."""
    parts = [part for part in SEPARATORS.split(text.casefold()) if part]
    found = {
        code
        for part in parts
        for code, names in NAMES.items()
        if any(part == name or part.startswith(name + " ") for name in names)
        or any(name in part for name in names if not name.isascii() and len(name) > 1)
    }
    return [code for code in NAMES if code in found]


def text_to_codes(apps, schema_editor):
    OfficerProfile = apps.get_model("investors", "OfficerProfile")
    for profile in OfficerProfile.objects.exclude(languages="").only("pk", "languages"):
        codes = codes_from_text(profile.languages)
        OfficerProfile.objects.filter(pk=profile.pk).update(language_codes=codes)


def codes_to_text(apps, schema_editor):
    OfficerProfile = apps.get_model("investors", "OfficerProfile")
    for profile in OfficerProfile.objects.only("pk", "language_codes"):
        text = ", ".join(LABELS[code] for code in profile.language_codes if code in LABELS)
        OfficerProfile.objects.filter(pk=profile.pk).update(languages=text)


def title_to_vietnamese(apps, schema_editor):
    """The title staff wrote is Vietnamese: it becomes the Vietnamese column's."""
    OfficerProfile = apps.get_model("investors", "OfficerProfile")
    OfficerProfile.objects.filter(title_vi__isnull=True).update(title_vi=models.F("title"))


class Migration(migrations.Migration):
    dependencies = [
        ("investors", "0007_inquiry_start_as_year_and_quarter"),
    ]

    operations = [
        migrations.AddField(
            model_name="officerprofile",
            name="title_en",
            field=models.CharField(blank=True, max_length=120, null=True, verbose_name="chức danh"),
        ),
        migrations.AddField(
            model_name="officerprofile",
            name="title_vi",
            field=models.CharField(blank=True, max_length=120, null=True, verbose_name="chức danh"),
        ),
        migrations.AddField(
            model_name="officerprofile",
            name="title_zh_hans",
            field=models.CharField(blank=True, max_length=120, null=True, verbose_name="chức danh"),
        ),
        migrations.RunPython(title_to_vietnamese, migrations.RunPython.noop),
        migrations.AddField(
            model_name="officerprofile",
            name="language_codes",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(text_to_codes, codes_to_text),
        migrations.RemoveField(model_name="officerprofile", name="languages"),
        migrations.RenameField(
            model_name="officerprofile", old_name="language_codes", new_name="languages"
        ),
        migrations.AlterField(
            model_name="officerprofile",
            name="languages",
            field=models.JSONField(
                blank=True,
                default=list,
                validators=[investors.models.validate_language_codes],
                verbose_name="ngôn ngữ giao tiếp",
            ),
        ),
    ]
