"""Park developers propose new figures; nothing is public until an officer approves."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import PlotFactory, ProjectFactory, ZoneFactory
from zones import services
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


def decide(admin_client, proposal, decision, **post):
    """Open the proposal's admin page and press one of its decision buttons, as an officer's
    browser would: `decision` is "approve" or "reject"."""
    page = admin_client.get(reverse("admin:zones_proposal_change", args=[proposal.pk]))
    url = reverse(f"admin:zones_proposal_{decision}", args=[proposal.pk])
    assertContains(page, url)
    return admin_client.post(url, post)


@pytest.fixture
def proposal(client, developer, zone):
    client.force_login(developer)
    propose(client, zone, fill_rate_pct="68")
    return Proposal.objects.get()


@pytest.fixture
def deputy(django_user_model):
    """A second officer, deciding the same proposals as the superuser."""
    return django_user_model.objects.create_superuser("deputy", "deputy@example.org", "pw")


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

    response = decide(admin_client, proposal, "approve")
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
    decide(admin_client, proposal, "reject", rejection_reason="")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING

    decide(admin_client, proposal, "reject", rejection_reason="Không khớp báo cáo quý 3.")
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


def test_the_service_refuses_a_rejection_without_a_reason(proposal, superuser):
    with pytest.raises(ValidationError) as refused:
        services.proposal_reject(proposal=proposal, officer=superuser, reason="  \n ")
    assert "rejection_reason" in refused.value.message_dict
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING


def test_an_empty_reason_is_shown_next_to_the_field(admin_client, proposal):
    response = decide(admin_client, proposal, "reject", rejection_reason=" ")
    assert response.status_code == 200
    assert response.context["rejection_form"].errors["rejection_reason"] == [
        "Hãy ghi lý do từ chối để doanh nghiệp biết."
    ]
    assertContains(response, "Hãy ghi lý do từ chối để doanh nghiệp biết.")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING


def test_the_second_officer_is_told_who_decided_first(admin_client, client, proposal, deputy):
    client.force_login(deputy)
    client.get(reverse("admin:zones_proposal_change", args=[proposal.pk]))  # both have it open
    assert decide(admin_client, proposal, "approve").status_code == 302

    url = reverse("admin:zones_proposal_reject", args=[proposal.pk])
    response = client.post(url, {"rejection_reason": "Sai số liệu."}, follow=True)
    [message] = [str(m) for m in response.context["messages"]]
    assert "chief" in message and "Đã duyệt" in message  # who decided first, and how
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by.username) == ("approved", "chief")
    assert proposal.rejection_reason == ""


def test_a_decision_on_a_copy_read_before_anothers_names_the_first(proposal, superuser, deputy):
    """Two officers at once: each read the proposal while it was pending; the one who locks
    it second is told who decided, rather than a server error."""
    theirs, mine = Proposal.objects.get(pk=proposal.pk), Proposal.objects.get(pk=proposal.pk)
    services.proposal_approve(proposal=theirs, officer=superuser)
    for decide_again in (
        lambda: services.proposal_reject(proposal=mine, officer=deputy, reason="Sai."),
        lambda: services.proposal_approve(proposal=mine, officer=deputy),
    ):
        with pytest.raises(services.ProposalAlreadyDecided) as refused:
            decide_again()
        assert refused.value.proposal.decided_by == superuser
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == (Proposal.Status.APPROVED, superuser)


@pytest.mark.parametrize("decision", ["approve", "reject"])
def test_a_decision_is_never_taken_by_a_get(admin_client, proposal, decision):
    url = reverse(f"admin:zones_proposal_{decision}", args=[proposal.pk])
    assert admin_client.get(url, {"rejection_reason": "x"}).status_code == 405
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING


def test_saving_the_change_form_decides_nothing(admin_client, proposal):
    url = reverse("admin:zones_proposal_change", args=[proposal.pk])
    data = {"rejection_reason": "", "_approve": "1"}
    for inline in admin_client.get(url).context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(k): v for k, v in management.initial.items()})
    admin_client.post(url, data)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING
    assert Zone.objects.get(pk=proposal.zone_id).fill_rate_pct == Decimal("60")


def proposal_changing(developer, zone, plots, projects):
    """A pending proposal changing `plots` new plots and `projects` new projects of `zone`."""
    proposal = Proposal.objects.create(
        zone=zone, company=zone.developer, submitted_by=developer, fill_rate_pct=Decimal("70")
    )
    for plot in PlotFactory.create_batch(plots, zone=zone, status=Plot.Status.AVAILABLE):
        proposal.plot_changes.create(plot=plot, status=Plot.Status.LEASED)
    for project in ProjectFactory.create_batch(
        projects, zone=zone, status=Project.Status.INVESTMENT_PROCEDURES
    ):
        proposal.project_changes.create(project=project, status=Project.Status.OPERATING)
    return proposal


def test_the_proposal_page_does_not_grow_with_its_changes(
    admin_client, developer, zone, django_assert_num_queries
):
    small = proposal_changing(developer, zone, plots=1, projects=1)
    large = proposal_changing(developer, zone, plots=12, projects=12)
    pages = [reverse("admin:zones_proposal_change", args=[p.pk]) for p in (small, large)]
    admin_client.get(pages[0])  # Django caches the content types
    for page in pages:
        # The session's user, the proposal, its plot changes and its project changes (each
        # with what they change and its zone), and its zone, company and author.
        with django_assert_num_queries(7):
            admin_client.get(page)


def test_approving_reads_no_plot_or_project_one_by_one(
    developer, zone, superuser, django_assert_num_queries
):
    """What grows with the changes is each one's own validation, versioned save and history
    row; the changed plots and projects come with the changes, not one query each. (A plot's
    constraints are checked by the database during validation, one query each.)"""
    small = proposal_changing(developer, zone, plots=1, projects=1)
    large = proposal_changing(developer, zone, plots=6, projects=6)
    with django_assert_num_queries(74):
        services.proposal_approve(proposal=small, officer=superuser)
    with django_assert_num_queries(205) as captured:
        services.proposal_approve(proposal=large, officer=superuser)
    one_by_one = [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].startswith("SELECT")
        and (
            'FROM "zones_plot" WHERE "zones_plot"."id" =' in query["sql"]
            or 'FROM "zones_project" WHERE "zones_project"."id" =' in query["sql"]
        )
    ]
    assert one_by_one == []


@pytest.mark.parametrize("decision", ["approve", "reject"])
def test_staff_without_the_right_to_change_proposals_cannot_decide(
    client, investment_officer, proposal, decision
):
    client.force_login(investment_officer)
    url = reverse(f"admin:zones_proposal_{decision}", args=[proposal.pk])
    assert client.post(url, {"rejection_reason": "Không."}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING
