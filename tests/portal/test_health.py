"""Health endpoints, and a database that goes away and comes back."""

import logging
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client
from pytest_django.asserts import assertContains

from tests.factories import ZoneFactory

pytestmark = pytest.mark.django_db


def test_healthz_and_readyz(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_readyz_answers_503_when_the_database_is_down(client):
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
        side_effect=OperationalError("server closed the connection"),
    ):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_pages_answer_503_while_the_database_is_down_and_recover_by_themselves(client):
    ZoneFactory(name="Khu công nghiệp Hồi Phục")
    broken = mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection",
        side_effect=OperationalError("could not connect to server"),
    )
    with broken:
        down = Client(raise_request_exception=False).get("/zones/")
    assert down.status_code == 503
    assert down["Retry-After"] == "30"
    assertContains(down, "Tạm thời gián đoạn", status_code=503)
    assert "OperationalError" not in down.content.decode()

    up = client.get("/zones/")
    assert up.status_code == 200
    assertContains(up, "Khu công nghiệp Hồi Phục")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_readyz_logs_why_it_is_not_ready(database_down, caplog):
    with caplog.at_level(logging.WARNING, logger="portal.health"):
        response = Client(raise_request_exception=False).get("/readyz")
    assert response.status_code == 503 and response.json()["database"] == "unavailable"
    assert "Not ready, database unavailable: OperationalError" in caplog.text
    assert "OperationalError" not in response.content.decode()  # for the logs, not the world


@pytest.fixture
def database_down():
    """The database really unreachable: the connection re-opened against one that does not
    exist (a file in no directory on SQLite, an unknown database on PostgreSQL)."""
    from django.db import connection

    settings_dict = connection.settings_dict
    name = settings_dict["NAME"]
    connection.close()
    settings_dict["NAME"] = (
        "/nonexistent/directory/db.sqlite3" if connection.vendor == "sqlite" else "no_such_db"
    )
    try:
        yield
    finally:
        connection.close()
        settings_dict["NAME"] = name


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_api_answers_json_503_while_the_database_is_down(database_down):
    response = Client(raise_request_exception=False).get("/api/v1/zones")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()
