"""Random strings, numbers and unicode thrown at the inquiry form and the filters: never a 500,
never garbage stored."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from investors.models import Inquiry

pytestmark = pytest.mark.django_db

FORM_FIELDS = [
    "company_name",
    "contact_name",
    "email",
    "phone",
    "country",
    "sector",
    "area_needed_ha",
    "zones",
    "plot",
    "capital_amount",
    "capital_currency",
    "jobs_expected",
    "start_by",
    "message",
    "consent",
    "form_token",
    "website",
]
ZONE_FILTERS = ["kind", "district", "status", "min_free_ha", "sector", "sort", "page"]
PLOT_FILTERS = [
    "zone",
    "district",
    "status",
    "area_min",
    "area_max",
    "area_unit",
    "rent_min",
    "rent_max",
    "sector",
    "sort",
    "page",
]
values = st.one_of(
    st.text(max_size=120),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", "\x00", "NaN", "1e999", "-0", "∞", "１２３", "' OR 1=1 --", "<b>", "%00"]),
)
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(data=st.dictionaries(st.sampled_from(FORM_FIELDS), values, max_size=len(FORM_FIELDS)))
def test_the_inquiry_form_never_fails_and_stores_no_garbage(langson, data):
    client = Client(raise_request_exception=True)
    response = client.post("/inquire/", data)
    # A NUL byte is a bad request (400) before any form sees it; nothing else is.
    has_nul = any("\x00" in value for value in data.values())
    assert response.status_code in ((400,) if has_nul else (200, 302, 429))
    for inquiry in Inquiry.objects.all():  # only a fully valid inquiry can ever be stored
        assert inquiry.company_name.strip() and "@" in inquiry.email and inquiry.consent_at


@FUZZ
@given(
    path=st.sampled_from(["/zones/", "/api/v1/zones", "/zones/download.csv"]),
    query=st.dictionaries(st.sampled_from(ZONE_FILTERS), values, max_size=4),
)
def test_zone_filters_never_fail(langson, path, query):
    response = Client(raise_request_exception=True).get(path, query)
    assert response.status_code in (200, 400, 404, 429)


@FUZZ
@given(
    path=st.sampled_from(["/plots/", "/api/v1/plots", "/plots/download.geojson"]),
    query=st.dictionaries(st.sampled_from(PLOT_FILTERS), values, max_size=4),
)
def test_plot_filters_never_fail(langson, path, query):
    response = Client(raise_request_exception=True).get(path, query)
    assert response.status_code in (200, 400, 404, 429)
