"""Park developers propose new figures; nothing is public until an officer approves."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import PlotFactory, ProjectFactory, ZoneFactory
from zones.models import DeveloperCompany, Plot, Project, Proposal, Zone

pytestmark = pytest.mark.django_db


@pytest.fixture
def developer(django_user_model):
    return django_user_model.objects.create_user("dev", "dev@park.example", "pw")


@pytest.fixture
def zone(developer):
    company = DeveloperCompany.objects.create(name="Công ty Hạ tầng Đồng Bành")
    company.members.add(developer)
    zone = ZoneFactory(slug="dong-banh", fill_rate_pct=Decimal("60"), developer=company)
    PlotFactory(zone=zone, code="B1", status=Plot.Status.AVAILABLE)
    ProjectFactory(zone=zone, status=Project.Status.INVESTMENT_PROCEDURES)
    return zone


def decide(admin_client, proposal, **post):
    """Post the proposal's admin change form as the officer's browser would."""
    url = reverse("admin:zones_proposal_change", args=[proposal.pk])
    page = admin_client.get(url)
    data = {}
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update({management.add_prefix(k): v for k, v in management.initial.items()})
        for form in formset.forms:
            data.update({form.add_prefix(n): form[n].value() or "" for n in form.fields})
    data.update(post)
    return admin_client.post(url, data)


def propose(client, zone, **changes):
    url = reverse("developer:propose", args=[zone.slug])
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields if name != "document"}
    data.update(changes)
    return client.post(url, data)


def test_a_developer_proposes_and_the_public_page_is_unchanged(client, developer, zone):
    client.force_login(developer)
    plot, project = zone.plots.get(), zone.projects.get()
    response = propose(
        client,
        zone,
        fill_rate_pct="68",
        **{
            f"plot_{plot.pk}": "leased",
            f"project_{project.pk}": "operating",
            "note": "Quý 4/2026",
        },
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.status == Proposal.Status.PENDING
    assert proposal.fill_rate_pct == Decimal("68")
    assert proposal.plot_changes.get().status == "leased"

    home = client.get(reverse("developer:home"))
    assertContains(home, "Chờ duyệt")
    public = client.get(zone.get_absolute_url())
    assertContains(public, "60 %")
    assertNotContains(public, "68 %")


def test_an_officer_approves_and_history_names_both(
    client, admin_client, superuser, developer, zone
):
    client.force_login(developer)
    plot = zone.plots.get()
    propose(client, zone, fill_rate_pct="68", **{f"plot_{plot.pk}": "leased"})
    proposal = Proposal.objects.get()

    response = decide(admin_client, proposal, rejection_reason="", _approve="1")
    assert response.status_code == 302

    zone = Zone.objects.get(pk=zone.pk)
    assert zone.fill_rate_pct == Decimal("68")
    assert Plot.objects.get(pk=plot.pk).status == "leased"
    record = zone.history.first()
    assert record.history_user == superuser
    assert "dev" in record.history_change_reason and "chief" in record.history_change_reason
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == (Proposal.Status.APPROVED, superuser)
    assertContains(client.get(zone.get_absolute_url()), "68 %")


def test_a_rejection_needs_a_reason_which_the_developer_sees(client, admin_client, developer, zone):
    client.force_login(developer)
    propose(client, zone, fill_rate_pct="90")
    proposal = Proposal.objects.get()
    decide(admin_client, proposal, rejection_reason="", _reject="1")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING

    decide(admin_client, proposal, rejection_reason="Không khớp báo cáo quý 3.", _reject="1")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.REJECTED
    assertContains(client.get(reverse("developer:home")), "Không khớp báo cáo quý 3.")
    assert Zone.objects.get(pk=zone.pk).fill_rate_pct == Decimal("60")


def test_a_developer_cannot_propose_for_another_companys_zone(client, developer, zone):
    other = ZoneFactory(developer=DeveloperCompany.objects.create(name="Công ty khác"))
    client.force_login(developer)
    assert client.get(reverse("developer:propose", args=[other.slug])).status_code == 403
    response = client.post(reverse("developer:propose", args=[other.slug]), {"fill_rate_pct": "1"})
    assert response.status_code == 403
    assert not Proposal.objects.exists()


def test_developer_pages_need_a_login(client, zone):
    response = client.get(reverse("developer:propose", args=[zone.slug]))
    assert response.status_code == 302
    assert "/developer/login/" in response["Location"]


def test_a_proposal_that_changes_nothing_is_refused(client, developer, zone):
    client.force_login(developer)
    response = propose(client, zone)
    assert response.status_code == 200
    assertContains(response, "chưa thay đổi số liệu nào")


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.pdf", b"<html><script>alert(1)</script>"), ("report.exe", b"%PDF-1.7 fake")],
)
def test_a_document_that_is_not_what_it_claims_is_refused(client, developer, zone, name, content):
    client.force_login(developer)
    url = reverse("developer:propose", args=[zone.slug])
    form = client.get(url).context["form"]
    data = {n: form[n].value() or "" for n in form.fields if n != "document"}
    data.update(fill_rate_pct="70", document=SimpleUploadedFile(name, content))
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors["document"]
    assert not Proposal.objects.exists()


def test_a_real_pdf_is_stored_under_a_generated_name(client, developer, zone, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(developer)
    url = reverse("developer:propose", args=[zone.slug])
    form = client.get(url).context["form"]
    data = {n: form[n].value() or "" for n in form.fields if n != "document"}
    data.update(
        fill_rate_pct="70", document=SimpleUploadedFile("../../evil name.pdf", b"%PDF-1.7\n%%EOF")
    )
    assert client.post(url, data).status_code == 302
    stored = Proposal.objects.get().document.name
    assert stored.startswith("proposals/") and stored.endswith(".pdf") and "evil" not in stored
