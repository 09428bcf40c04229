from django.db import migrations, models


def start_dates_to_quarters(apps, schema_editor):
    """An exact start day becomes its year and quarter: investors were asked for more
    precision than they had."""
    Inquiry = apps.get_model("investors", "Inquiry")
    for inquiry in Inquiry.objects.exclude(start_by=None).only("pk", "start_by").iterator():
        quarter = (inquiry.start_by.month - 1) // 3 + 1
        Inquiry.objects.filter(pk=inquiry.pk).update(
            start_quarter=f"{inquiry.start_by.year}-Q{quarter}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("investors", "0006_site_visits_and_mail_attachments"),
    ]

    operations = [
        migrations.AddField(
            model_name="inquiry",
            name="start_quarter",
            field=models.CharField(
                blank=True,
                help_text="Năm và quý, ví dụ 2027-Q3; để trống: chưa xác định.",
                max_length=7,
                verbose_name="dự kiến bắt đầu",
            ),
        ),
        migrations.RunPython(start_dates_to_quarters, migrations.RunPython.noop),
        migrations.RemoveField(model_name="inquiry", name="start_by"),
        migrations.AddConstraint(
            model_name="inquiry",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("start_quarter", ""),
                    ("start_quarter__regex", "^[0-9]{4}-Q[1-4]$"),
                    _connector="OR",
                ),
                name="inquiry_start_quarter_format",
            ),
        ),
    ]
