from django.contrib.auth import views as auth_views
from django.urls import path, re_path

from . import downloads, views

app_name = "zones"

urlpatterns = [
    path("", views.ZoneListView.as_view(), name="list"),
    path("compare/", views.compare, name="compare"),
    path("compare/factsheet.pdf", views.compare_factsheet, name="compare-factsheet"),
    path("map.json", views.zone_markers, name="markers"),
    re_path(r"^download\.(?P<fmt>csv|geojson)$", downloads.zones_download, name="download"),
    path("<slug:slug>/factsheet.pdf", views.zone_factsheet, name="factsheet"),
    path("<slug:slug>/shortlist/", views.shortlist_toggle, name="shortlist"),
    # A plot's code may hold a slash or spaces (`Lô A/2`): `path` keeps the slash, reverse() quotes
    # the rest, and Django hands the view the code decoded.
    re_path(
        r"^(?P<slug>[-\w]+)/plots/(?P<code>.+)/factsheet\.pdf$",
        views.plot_factsheet,
        name="plot-factsheet",
    ),
    path("<slug:slug>/plots/<path:code>/", views.PlotDetailView.as_view(), name="plot"),
    path("<slug:slug>/buildings/<slug:code>/", views.BuildingDetailView.as_view(), name="building"),
    path("<slug:slug>/", views.ZoneDetailView.as_view(), name="detail"),
]

plot_urlpatterns = [
    path("", views.PlotListView.as_view(), name="plots"),
    re_path(r"^download\.(?P<fmt>csv|geojson)$", downloads.plots_download, name="download"),
]

# The park developers' own small pages, outside the admin.
developer_urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="developer/login.html"),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.developer_home, name="home"),
    path("zones/<slug:slug>/propose/", views.proposal_create, name="propose"),
]

building_urlpatterns = [
    path("", views.BuildingListView.as_view(), name="list"),
]
