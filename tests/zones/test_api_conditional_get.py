"""A partner who asks again with the validators of an earlier answer (If-None-Match,
If-Modified-Since) gets 304 only when the catalogue has not changed since: both validators come
from the catalogue's one version, which every write moves (saves and deletes, bulk updates, a
cache flush too)."""

import time
from decimal import Decimal

import pytest
from django.core.cache import cache

from tests.factories import PlotFactory, ZoneFactory
from zones.models import Plot, Zone

pytestmark = pytest.mark.django_db

URL = "/api/v1/zones/dong-banh"


def a_second_later():
    """HTTP dates have whole seconds: an answer carries Last-Modified only once the second of
    the change it shows is over."""
    time.sleep(1.05)


@pytest.fixture
def real_plots(langson):
    """Đồng Bành's plots as staff would record them: complete and real, so that its free land
    is the sum of its free plots (not the estimate from the fill rate)."""
    Plot.objects.filter(zone__slug="dong-banh").update(is_sample=False)
    zone = Zone.objects.filter(slug="dong-banh")
    zone.update(plots_complete=True)
    zone.refresh_plot_totals()


@pytest.fixture
def first(client, real_plots):
    a_second_later()
    response = client.get(URL)
    assert response["ETag"] and response["Last-Modified"]
    return response


def free_area(response):
    return response.json()["free_area_ha"]


def test_a_deleted_plot_is_never_answered_304_with_the_old_figures(client, first):
    Plot.objects.get(zone__slug="dong-banh", code="B1").delete()
    by_date = client.get(URL, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    by_etag = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert (by_date.status_code, by_etag.status_code) == (200, 200)
    assert free_area(by_date) == free_area(by_etag) == pytest.approx(free_area(first) - 12)


def test_bulk_updates_and_recounted_totals_answer_200(client, first):
    Zone.objects.filter(slug="dong-banh").update(total_area_ha=Decimal("170"))
    second = client.get(URL, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert second.status_code == 200 and second.json()["total_area_ha"] == 170

    a_second_later()
    second = client.get(URL)
    zone = Zone.objects.get(slug="dong-banh")
    Plot.objects.bulk_create([Plot(zone=zone, code="X1", area_m2=Decimal("30000"))])  # real
    Zone.objects.filter(pk=zone.pk).refresh_plot_totals()
    for validator in (
        {"HTTP_IF_MODIFIED_SINCE": second["Last-Modified"]},
        {"HTTP_IF_NONE_MATCH": second["ETag"]},
    ):
        third = client.get(URL, **validator)
        assert third.status_code == 200
        assert free_area(third) == pytest.approx(free_area(second) + 3)


def test_an_unchanged_catalogue_answers_304_to_either_validator(client, first):
    assert client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    # Another language is another representation, with a validator of its own.
    english = client.get(URL, HTTP_ACCEPT_LANGUAGE="en", HTTP_IF_NONE_MATCH=first["ETag"])
    assert english.status_code == 200 and english["ETag"] != first["ETag"]


def test_no_last_modified_within_the_second_of_a_change(client, first):
    """A second change within the same second would carry the same date: until that second is
    over, the answer has only its ETag, and a client asking by date gets the whole answer."""
    before_the_change = time.time()
    Plot.objects.get(zone__slug="dong-banh", code="B1").delete()
    response = client.get(URL)
    assert response["ETag"] != first["ETag"]
    if int(time.time()) == int(before_the_change):  # the change's second is not over yet
        assert not response.has_header("Last-Modified")
    a_second_later()
    assert client.get(URL)["Last-Modified"] != first["Last-Modified"]


def test_a_cache_flush_never_brings_back_an_old_etag(client, real_plots):
    cache.clear()
    first = client.get(URL)
    Plot.objects.get(zone__slug="dong-banh", code="B1").delete()
    cache.clear()
    again = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert free_area(again) == pytest.approx(free_area(first) - 12)


def test_the_lists_answer_200_after_a_plot_is_deleted(client, db):
    zone = ZoneFactory(slug="z")
    older = PlotFactory(zone=zone, code="A")
    PlotFactory(zone=zone, code="B")  # the last one changed stays: Max(updated) would not move
    a_second_later()
    firsts = {url: client.get(url) for url in ("/api/v1/zones", "/api/v1/plots")}
    older.delete()
    for url, first in firsts.items():
        response = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert response.status_code == 200, url
