"""What `make run` relies on: the staff account, and settings that fail safe."""

import io
import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.tools import ROOT


def ensure_admin():
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_admin_account_gets_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "a-chosen-passphrase")
    output = ensure_admin()
    user = get_user_model().objects.get(username="admin")
    assert user.is_staff and user.is_superuser
    assert user.check_password("a-chosen-passphrase")
    assert "a-chosen-passphrase" not in output


@pytest.mark.django_db
def test_without_a_chosen_password_a_random_one_is_printed_once(monkeypatch):
    monkeypatch.delenv("PORTAL_ADMIN_PASSWORD", raising=False)
    first = ensure_admin()
    password = first.split("with password: ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)

    second = ensure_admin()
    assert password not in second
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert get_user_model().objects.count() == 1


def run_manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    clean["PORTAL_NO_DEV_ENV"] = "1"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_a_secret_key_the_site_refuses_to_start():
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_defaults_pass_the_deployment_checklist():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="q8Zr2Lw9vXk4Tn7Bp1Ys6Hd3Gf0Jm5Qc8Wa2Ee7Ru4Io9Pl1Ks6Dz3",
        ALLOWED_HOSTS="dautu.langson.gov.vn",
        CACHE_URL="redis://127.0.0.1:6379/1",  # the checks only read it; nothing connects
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
