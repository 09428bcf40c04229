from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZonesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "zones"
    verbose_name = _("Khu và cụm công nghiệp")

    def ready(self):
        from portal.page_cache import invalidate_on_change

        from . import signals  # noqa: F401 (connects the receivers)
        from .models import Indicator, Plot, Project, Sector, Zone, ZonePhoto

        # Every public page and API answer shows some of these: a change rebuilds them.
        invalidate_on_change(
            Zone,
            Plot,
            Project,
            ZonePhoto,
            Sector,
            Indicator,
            m2m=(Zone.sectors.through, Plot.sectors.through),
        )
