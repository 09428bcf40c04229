from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """What is site-wide rather than about zones or investors: middleware, the page cache, rate
    limits, health checks, backups, system checks, the staff roles and dashboard, and the
    commands that serve the whole site."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = _("Cổng đầu tư")

    def ready(self):
        from . import checks  # noqa: F401 (registers the system checks)
