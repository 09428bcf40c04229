"""The site's URLs plus one that fails, to see the 500 page a visitor would get."""

from django.urls import path

from portal.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("SECRET_KEY=leak-me DATABASE_URL=postgres://secret")


urlpatterns = [path("broken/", broken), *site_urlpatterns]
