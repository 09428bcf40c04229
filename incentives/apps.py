from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncentivesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "incentives"
    verbose_name = _("Ưu đãi đầu tư và thủ tục")

    def ready(self):
        from portal.page_cache import invalidate_on_change

        from .models import DistrictClass, IncentiveRule, LicensingStep, LocationClass

        # Zone pages show the headline incentive: a rule staff change rebuilds them.
        invalidate_on_change(
            IncentiveRule,
            LocationClass,
            DistrictClass,
            LicensingStep,
            m2m=(IncentiveRule.location_classes.through, IncentiveRule.sectors.through),
        )
