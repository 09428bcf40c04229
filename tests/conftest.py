import io

import pytest
from django.core.management import call_command
from django.test import Client


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """No persistent connections in tests: the live server answers each request in a thread of its
    own, and a connection kept open by a finished thread blocks dropping the test database."""
    from django.db import connections

    for connection in connections.all():
        connection.settings_dict["CONN_MAX_AGE"] = 0


@pytest.fixture(autouse=True)
def _test_settings(settings):
    """What the tests must override, and nothing else."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Manifest storage needs collectstatic first; templates render the same with plain storage.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SECURE_SSL_REDIRECT = False
    settings.PAGE_CACHE_SECONDS = 0  # on only in the tests of the page cache
    # Rate-limit counters live in the cache: each test starts with none.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language, whatever the one before it activated: a test
    that left Chinese active made the next one's `alt_text=` fill `alt_text_zh_hans`."""
    from django.utils import translation

    translation.activate("vi")
    yield
    translation.deactivate()


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")


@pytest.fixture
def admin_client(superuser):
    """A browser of its own for the superuser, beside the visitor's `client`."""
    admin = Client()
    admin.force_login(superuser)
    return admin


@pytest.fixture
def langson(db):
    """The portal's shipped data, as `make run` loads it."""
    call_command("load_langson", stdout=io.StringIO())


@pytest.fixture
def zone_editor(django_user_model):
    from django.contrib.auth.models import Group

    from tests.factories import ZONE_EDITORS

    user = django_user_model.objects.create_user(
        "editor", "editor@example.org", "pw", is_staff=True
    )
    user.groups.add(Group.objects.get(name=ZONE_EDITORS))
    return user


@pytest.fixture
def investment_officer(django_user_model):
    from django.contrib.auth.models import Group

    from tests.factories import INVESTMENT_OFFICERS

    user = django_user_model.objects.create_user(
        "officer", "officer@example.org", "pw", is_staff=True, first_name="Lan"
    )
    user.groups.add(Group.objects.get(name=INVESTMENT_OFFICERS))
    return user


@pytest.fixture
def valid_inquiry_data(db):
    from tests.factories import SectorFactory

    sector = SectorFactory()
    return {
        "company_name": "Guangxi Building Materials Co., Ltd.",
        "contact_name": "Wang Li",
        "email": "wang.li@example.cn",
        "phone": "+86 771 123 4567",
        "country": "CN",
        "sector": str(sector.pk),
        "capital_currency": "USD",
        "consent": "on",
        "form_token": "6f1c1e5e-93a4-4a51-9d2b-0c1b5a7c1d12",
        "website": "",
    }


def pytest_collection_modifyitems(items):
    """Every test with real transactions restores the migrations' data (serialized_rollback):
    one without it lets the flush after it re-create the content types, and the next test that
    restores them fails at set-up (UNIQUE constraint failed: django_content_type), whatever
    that test is. Caught here, at collection, rather than in a flaky order."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            raise pytest.UsageError(
                f"{item.nodeid}: django_db(transaction=True) needs serialized_rollback=True"
            )
