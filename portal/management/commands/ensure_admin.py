"""Make sure the staff account `admin` exists; never change an existing one's password."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Create the superuser 'admin' if missing, with the password from PORTAL_ADMIN_PASSWORD "
        "or a random one printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        with transaction.atomic():
            user = User.objects.select_for_update().filter(username=username).first()
            if user is not None:
                if not (user.is_staff and user.is_active):
                    user.is_staff = user.is_active = True
                    user.save(update_fields=["is_staff", "is_active"])
                self.stdout.write(f"Staff account '{username}' exists; its password is unchanged.")
                return
            password = os.environ.get("PORTAL_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
            User.objects.create_superuser(username=username, email="", password=password)
        if os.environ.get("PORTAL_ADMIN_PASSWORD"):
            self.stdout.write(
                f"Created staff account '{username}' (password from PORTAL_ADMIN_PASSWORD)."
            )
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"Created staff account '{username}' with password: {password}\n"
                    "It is shown only this once; set PORTAL_ADMIN_PASSWORD to choose it."
                )
            )
