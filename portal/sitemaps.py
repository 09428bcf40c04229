from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.urls import reverse

from portal.page_cache import catalogue_changed_at, catalogue_last_modified, catalogue_version
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
        # The lists change when a zone is deleted too, which no zone's `updated` would show.
        return catalogue_changed_at(catalogue_version())


SITEMAPS = {"pages": PageSitemap, "zones": ZoneSitemap}


def sitemap_xml(request):
    """The sitemap, with Last-Modified from the catalogue's version. Django's dates it by the
    newest `lastmod`, which a deleted zone never moves: crawlers would be told "not modified"."""
    version = catalogue_version()  # before the sitemap is made: never newer than what it shows
    response = sitemap(request, sitemaps=SITEMAPS)
    response.headers.pop("Last-Modified", None)
    if last_modified := catalogue_last_modified(version):
        response["Last-Modified"] = last_modified
    return response
