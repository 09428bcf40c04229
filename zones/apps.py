from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZonesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "zones"
    verbose_name = _("Khu và cụm công nghiệp")

    def ready(self):
        from portal.page_cache import cache_query_parameters, invalidate_on_change

        from . import signals  # noqa: F401 (connects the receivers)
        from .api import PlotQuery, ZoneQuery
        from .filters import BuildingFilter, PlotFilter, ZoneFilter
        from .models import (
            Building,
            ContactPoint,
            CostItem,
            ExchangeRate,
            Indicator,
            Plot,
            Project,
            Sector,
            Zone,
            ZonePhoto,
        )

        # Every public page and API answer shows some of these: a change rebuilds them.
        invalidate_on_change(
            Zone,
            Plot,
            Project,
            ZonePhoto,
            Sector,
            Indicator,
            CostItem,
            ExchangeRate,
            Building,
            ContactPoint,
            m2m=(Zone.sectors.through, Plot.sectors.through),
        )
        # What each cached page reads from its query string, and nothing else: a page asked with
        # another parameter is not cached (portal/page_cache.py).
        cache_query_parameters(r"^/zones/$", [*ZoneFilter.base_filters, "page"])
        cache_query_parameters(r"^/plots/$", [*PlotFilter.base_filters, "page"])
        cache_query_parameters(r"^/buildings/$", [*BuildingFilter.base_filters, "page"])
        cache_query_parameters(r"^/zones/download\.(csv|geojson)$", ZoneFilter.base_filters)
        cache_query_parameters(r"^/plots/download\.(csv|geojson)$", PlotFilter.base_filters)
        cache_query_parameters(r"^/zones/compare/$", ["zones"])
        cache_query_parameters(r"^/zones/compare/factsheet\.pdf$", ["zones"])
        # The plot page's cost calculator.
        cache_query_parameters(r"^/zones/[^/]+/plots/.+/$", ["area", "years"])
        api = ["limit", "offset", "lang"]
        cache_query_parameters(r"^/api/v1/zones$", [*ZoneQuery.model_fields, *api])
        cache_query_parameters(r"^/api/v1/plots$", [*PlotQuery.model_fields, *api])
        cache_query_parameters(r"^/api/v1/projects$", ["zone", *api])
        cache_query_parameters(r"^/api/v1/indicators$", api)
        cache_query_parameters(r"^/api/v1/\w+/[^/]+$", ["lang"])
