"""schemathesis throws generated requests at every endpoint of the OpenAPI schema: no server
error, and no response that breaks the schema it documents."""

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from portal.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def _api_data(db, settings):
    settings.API_RATE_LIMIT = "100000/m"
    call_command("load_langson", verbosity=0)
    # Calls go straight to the WSGI application, whose end-of-request signal would close the
    # test's database connection: keep it open, as Django's own test client does.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
def test_every_endpoint_honours_its_schema(case):
    # The site gzips for clients that accept it; schemathesis' WSGI transport asks for gzip but
    # does not inflate the answer, so it asks for the plain body (compression has its own test).
    case.call_and_validate(headers={"Accept-Encoding": "identity"})
