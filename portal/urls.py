from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from incentives.api import router as incentives_router
from portal.health import healthz, readyz
from portal.sitemaps import sitemap_xml
from portal.views import contact, favicon_ico, robots_txt
from zones.api import api
from zones.urls import building_urlpatterns, developer_urlpatterns, plot_urlpatterns
from zones.views import HomeView

# The incentives estimate joins the one API (zones must not import incentives).
api.add_router("/incentives", incentives_router)

admin.site.site_header = _("Cổng đầu tư đất công nghiệp Lạng Sơn – Quản trị")
admin.site.site_title = _("Quản trị cổng đầu tư Lạng Sơn")
admin.site.index_title = _("Dữ liệu khu, cụm công nghiệp và nhà đầu tư")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", favicon_ico, name="favicon"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]

# Vietnamese at /, English at /en/, Chinese at /zh-hans/.
urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("zones/", include("zones.urls")),
    path("plots/", include((plot_urlpatterns, "plots"))),
    path("buildings/", include((building_urlpatterns, "buildings"))),
    path("developer/", include((developer_urlpatterns, "developer"))),
    path("incentives/", include("incentives.urls")),
    path("", include("investors.urls")),
    path("contact/", contact, name="contact"),
    prefix_default_language=False,
)

# Uploaded photos in development (DEBUG only; production serves media from its web server or
# object storage).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
