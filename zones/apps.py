from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZonesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "zones"
    verbose_name = _("Khu và cụm công nghiệp")

    def ready(self):
        from portal.page_cache import connect_signals

        from . import signals  # noqa: F401 (connects the receivers)

        connect_signals()
