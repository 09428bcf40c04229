"""Whatever a visitor types: the estimator never offers two CIT levels at once, and neither the
page nor the API ever answers 500."""

import datetime
from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incentives.estimator import Project, estimate
from incentives.models import STANDARD_CIT_PCT
from tests.portal.test_fuzz import fresh_client, values
from zones.models import District, Zone

pytestmark = pytest.mark.django_db

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
FIELDS = [
    "zone",
    "district",
    "sector",
    "currency",
    "capital",
    "revenue",
    "profit",
    "jobs",
    "licence_date",
    "large_group",
]
amounts = st.one_of(st.none(), st.decimals(min_value=0, max_value=10**7, places=2))
projects = st.builds(
    Project,
    licence_date=st.dates(datetime.date(2015, 1, 1), datetime.date(2035, 12, 31)),
    district=st.sampled_from(["", *District.values]),
    capital_vnd_bn=amounts,
    jobs=st.one_of(st.none(), st.integers(0, 10**6)),
    revenue_vnd_bn=amounts,
    large_group=st.booleans(),
)


def test_the_estimator_never_offers_two_levels_at_once(langson):
    zones = [None, *Zone.objects.select_related("parent")]

    @PROPERTY
    @given(project=projects, zone=st.sampled_from(zones))
    def check(project, zone):
        project.zone = zone
        answer = estimate(project)

        cit = [f for f in answer.applies if f.kind == "cit"]
        assert len(cit) <= 1
        assert (answer.cit is None) == (not cit)
        assert len(answer.cit_rates) == 15
        assert all(Decimal(0) <= rate <= STANDARD_CIT_PCT for rate in answer.cit_rates)
        # The level chosen is the most favourable of those the project qualifies for.
        passed_over = [
            f for f in answer.does_not_apply if f.kind == "cit" and "không cộng dồn" in f.reasons[0]
        ]
        for other in passed_over:
            assert sum(other.rates) >= sum(answer.cit_rates)
        for finding in answer.does_not_apply:
            assert finding.reasons  # never "does not apply" without saying why

    check()


@pytest.mark.parametrize(
    "path", ["/incentives/", "/incentives/checklist/", "/api/v1/incentives/estimate"]
)
def test_no_input_makes_the_estimator_fail(langson, path):
    statuses = Counter()
    fields = st.one_of(
        values,
        st.sampled_from(["hong-phong", "dong-banh", "cao-loc", "usd", "2025-10-01", "on"]),
    )

    @PROPERTY
    @given(query=st.dictionaries(st.sampled_from(FIELDS), fields, max_size=6))
    def get(query):
        response = fresh_client().get(path, query)
        statuses[response.status_code] += 1
        assert response.status_code in (200, 400, 404), response.status_code
        if path.startswith("/api/") and response.status_code != 200:
            assert "detail" in response.json()

    get()
    assert statuses[429] == 0 and sum(statuses.values()) >= 100, statuses
