"""A developer's proposal document, downloaded by staff from the admin: an attachment that no
browser renders or keeps, refused to a manager of another zone, a login for anyone else."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.urls import reverse

from tests.factories import ZONE_EDITORS, ZoneFactory
from zones.models import DeveloperCompany, Proposal

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF"


@pytest.fixture
def proposal(django_user_model, monkeypatch, tmp_path):
    # The private storage on a disk of the test's own, not the checkout's var/private.
    field = Proposal._meta.get_field("document")
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=tmp_path))
    developer = django_user_model.objects.create_user("dev", "dev@park.example", "pw")
    company = DeveloperCompany.objects.create(name="Công ty Hạ tầng Đồng Bành")
    zone = ZoneFactory(slug="dong-banh", developer=company)
    proposal = Proposal(zone=zone, company=company, submitted_by=developer, note="Quý 4")
    proposal.document.save("plan.pdf", ContentFile(PDF), save=True)
    return proposal


def url(proposal):
    return reverse("admin:zones_proposal_document", args=[proposal.pk])


def test_a_zone_editor_downloads_the_document_as_an_attachment_no_cache_keeps(
    client, zone_editor, proposal
):
    client.force_login(zone_editor)
    response = client.get(url(proposal))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert proposal.document.name.rsplit("/", 1)[-1] in disposition
    csp = [part.strip() for part in response["Content-Security-Policy"].split(";")]
    assert "sandbox" in csp and "default-src 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache_control


def test_the_zones_manager_downloads_it_and_a_manager_of_another_zone_gets_403(
    client, zone_editor, django_user_model, proposal
):
    proposal.zone.managers.add(zone_editor)
    client.force_login(zone_editor)
    assert client.get(url(proposal)).status_code == 200

    other = django_user_model.objects.create_user("other", "o@example.org", "pw", is_staff=True)
    other.groups.add(Group.objects.get(name=ZONE_EDITORS))
    ZoneFactory().managers.add(other)
    client.force_login(other)
    response = client.get(url(proposal))
    assert response.status_code == 403
    assert not getattr(response, "streaming", False)


def test_anonymous_and_non_staff_users_are_sent_to_the_login(client, django_user_model, proposal):
    login = reverse("admin:login")
    response = client.get(url(proposal))
    assert response.status_code == 302 and response["Location"].startswith(login)

    client.force_login(proposal.submitted_by)  # the developer who uploaded it: not staff
    response = client.get(url(proposal))
    assert response.status_code == 302 and response["Location"].startswith(login)


def test_staff_who_may_not_see_proposals_get_403(client, investment_officer, proposal):
    client.force_login(investment_officer)
    assert client.get(url(proposal)).status_code == 403


def test_a_proposal_without_a_document_is_404(client, zone_editor, proposal):
    proposal.document = ""
    proposal.save()
    client.force_login(zone_editor)
    assert client.get(url(proposal)).status_code == 404
