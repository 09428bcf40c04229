from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from zones.models import Zone


class SiteUrlSitemap(Sitemap):
    """Addresses on SITE_URL: the framework would take the request's host and scheme, and a
    cached sitemap would hand them to every search engine after."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class ZoneSitemap(SiteUrlSitemap):
    """Every published zone, in every language, dated by its last change."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return Zone.objects.published().order_by("slug")

    def lastmod(self, zone):
        return zone.updated


class PageSitemap(SiteUrlSitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "daily"

    def items(self):
        return ["home", "zones:list", "plots:plots", "zones:compare", "investors:privacy"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return Zone.objects.published().aggregate(last=Max("updated"))["last"]


SITEMAPS = {"pages": PageSitemap, "zones": ZoneSitemap}
