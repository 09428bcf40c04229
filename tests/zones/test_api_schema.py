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


def _string_schemas(schema):
    """The string schemas a parameter accepts, through anyOf/oneOf (null aside)."""
    for option in schema.get("anyOf", schema.get("oneOf", [schema])):
        if option.get("type") == "string":
            yield option


def test_every_free_text_parameter_says_what_it_accepts(client):
    # A NUL byte is a 400 anywhere on the site. A string parameter without a pattern, an enum or
    # a format promises to accept one: schemathesis found `/projects?zone=%00` answered 400.
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    open_ended = [
        f"{method.upper()} {path} {parameter['name']}"
        for path, methods in paths.items()
        for method, operation in methods.items()
        for parameter in operation.get("parameters", [])
        for option in _string_schemas(parameter["schema"])
        if not {"pattern", "enum", "format", "const"} & option.keys()
    ]
    assert open_ended == []
