from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """What is site-wide rather than about zones or investors: middleware, the page cache, rate
    limits, health checks, backups, system checks, the staff roles and dashboard, and the
    commands that serve the whole site."""

    default = True  # "portal" in INSTALLED_APPS: this one, not AxesConfig below
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = _("Cổng đầu tư")

    def ready(self):
        from . import checks  # noqa: F401 (registers the system checks)


class AxesConfig(AxesAppConfig):
    """django-axes under a name staff read: it has none of its own, and its section topped the
    admin as "Axes"."""

    default = False
    verbose_name = _("Đăng nhập sai và khoá tài khoản")
