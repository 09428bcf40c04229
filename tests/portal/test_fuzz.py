"""Random strings, numbers and unicode thrown at the inquiry form and the filters: never a 500,
never garbage stored."""

import itertools
from collections import Counter

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
    "start_quarter",
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
    suppress_health_check=[HealthCheck.too_slow],
)


ADDRESSES = itertools.count(1)


def fresh_client():
    """A client with an address of its own: every example reaches the form or the filters
    instead of the rate limit that an earlier example filled (the limits count per address)."""
    n = next(ADDRESSES)
    address = f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"
    return Client(raise_request_exception=True, REMOTE_ADDR=address)


forms = st.dictionaries(st.sampled_from(FORM_FIELDS), values, max_size=len(FORM_FIELDS))


def test_the_inquiry_form_never_fails_and_stores_no_garbage(langson, valid_inquiry_data):
    statuses = Counter()

    # Random fields alone, and a valid inquiry with some fields replaced: that one gets past
    # the first required field to each field's own validation.
    @FUZZ
    @given(data=st.one_of(forms, forms.map(lambda data: {**valid_inquiry_data, **data})))
    def post(data):
        response = fresh_client().post("/inquire/", data)
        statuses[response.status_code] += 1
        if any("\x00" in value for value in data.values()):
            # A NUL byte is a bad request (400) before any form sees it; nothing else is.
            assert response.status_code == 400
            return
        assert response.status_code in (200, 302)
        if response.status_code == 200 and not data.get("website", "").strip():
            assert response.context["form"].errors  # what was wrong, shown on the form
            assert b'id="form-errors"' in response.content
        for inquiry in Inquiry.objects.all():  # only a fully valid inquiry can ever be stored
            assert inquiry.company_name.strip() and "@" in inquiry.email and inquiry.consent_at

    post()
    assert statuses[429] == 0 and sum(statuses.values()) >= 100, statuses


def get_filtered(path, query, statuses):
    response = fresh_client().get(path, query)
    statuses[response.status_code] += 1
    assert response.status_code in (200, 400, 404)
    if any("\x00" in value for value in query.values()):
        assert response.status_code == 400  # refused before any filter sees it
        return
    if response.status_code == 400 and path in ("/zones/", "/plots/"):
        errors = response.context["view"].filterset.form.errors
        assert errors  # refused for a reason the filter form names
        assert b"invalid-feedback" in response.content


@pytest.mark.parametrize(
    "paths, filters",
    [
        (["/zones/", "/api/v1/zones", "/zones/download.csv"], ZONE_FILTERS),
        (["/plots/", "/api/v1/plots", "/plots/download.geojson"], PLOT_FILTERS),
    ],
    ids=["zones", "plots"],
)
def test_filters_never_fail(langson, paths, filters):
    statuses = Counter()

    @FUZZ
    @given(
        path=st.sampled_from(paths),
        query=st.dictionaries(st.sampled_from(filters), values, max_size=4),
    )
    def get(path, query):
        get_filtered(path, query, statuses)

    get()
    assert statuses[429] == 0 and sum(statuses.values()) >= 100, statuses


def test_an_invalid_area_unit_is_shown_next_to_the_field(langson):
    response = fresh_client().get("/plots/", {"area_unit": "acre"})
    assert response.status_code == 400
    assert b'id="id_area_unit-error"' in response.content
