from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvestorsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "investors"
    verbose_name = _("Nhà đầu tư")

    def ready(self):
        from portal.page_cache import invalidate_on_change

        from .models import OfficerProfile

        # Zone pages name the officers who cover them: a changed profile rebuilds them.
        invalidate_on_change(OfficerProfile, m2m=(OfficerProfile.zones.through,))
