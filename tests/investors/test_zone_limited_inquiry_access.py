"""Staff who manage some zones read only the inquiries about those zones, wherever the admin
shows inquiry data: every registered model's list, search, change, delete and history pages,
its actions and exports, and the autocomplete endpoint."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from investors.models import Inquiry, InquiryNote, OutboxMessage
from tests.factories import InquiryFactory, ZoneFactory

pytestmark = pytest.mark.django_db

# What nobody outside Đồng Bành may read about its inquirer: plain ASCII, so that no escaping in
# HTML or JSON hides a leak from the search.
SECRETS = {
    "email": "hidden.buyer7q@example.cn",
    "company_name": "Secretive Holdings 7Q",
    "contact_name": "Zhang Hidden7Q",
    "message": "Budget 7Q million",
}
NOTE = "note-7Q-internal"


@pytest.fixture
def world(zone_editor, investment_officer):
    hong_phong = ZoneFactory(slug="hong-phong", name="Khu công nghiệp Hồng Phong")
    dong_banh = ZoneFactory(slug="dong-banh", name="Khu công nghiệp Đồng Bành")
    hong_phong.managers.add(zone_editor, investment_officer)
    mine = InquiryFactory(company_name="Own Zone Buyer")
    mine.zones.add(hong_phong)
    theirs = InquiryFactory(**SECRETS)
    theirs.zones.add(dong_banh)
    for inquiry in (mine, theirs):
        OutboxMessage.objects.create(
            inquiry=inquiry,
            kind="inquiry_notification",
            to=[inquiry.email],
            subject=f"{inquiry.reference} {inquiry.company_name}",
            body=f"{inquiry.contact_name} <{inquiry.email}>: {inquiry.message}",
        )
    InquiryNote.objects.create(inquiry=theirs, author=investment_officer, text=NOTE)
    return {"mine": mine, "theirs": theirs}


def secrets_of(inquiry):
    return [*SECRETS.values(), NOTE, inquiry.reference]


def assert_nothing_of(inquiry, response, where, searched=""):
    """Nothing of `inquiry` on the page, but the term the user searched for, which pages echo."""
    content = b"".join(response) if response.streaming else response.content
    text = content.decode("utf-8", errors="replace")
    leaked = [s for s in secrets_of(inquiry) if s in text and s != searched]
    assert not leaked, f"{where} ({response.status_code}) shows {leaked}"


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("who", ["investment_officer", "zone_editor"])
def test_nothing_of_another_zones_inquiries_is_reachable_in_the_admin(client, request, who, world):
    user = request.getfixturevalue(who)
    client.force_login(user)
    theirs = world["theirs"]
    assert_nothing_of(theirs, client.get(reverse("admin:index")), "the admin's home")

    for model, model_admin in admin.site._registry.items():
        changelist = admin_url(model, "changelist")
        for query in ({}, {"q": SECRETS["email"]}, {"q": theirs.reference}):
            response = client.get(changelist, query)
            assert_nothing_of(theirs, response, f"{changelist} {query}", query.get("q", ""))
        pks = [str(pk) for pk in model._default_manager.values_list("pk", flat=True)]
        for pk in pks:
            for view in ("change", "delete", "history"):
                url = admin_url(model, view, pk)
                assert_nothing_of(theirs, client.get(url), url)
        for action in model_admin.actions or ():
            data = {"action": action, "_selected_action": pks, "index": "0"}
            response = client.post(changelist, data)
            assert_nothing_of(theirs, response, f"{changelist} action {action}")
        try:
            export = admin_url(model, "export")
        except NoReverseMatch:
            continue
        assert_nothing_of(theirs, client.get(export), export)
        assert_nothing_of(theirs, client.post(export, {"format": "0"}), export)

    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not (field.is_relation and field.concrete and field.remote_field):
                continue
            if field.remote_field.model not in admin.site._registry:
                continue
            for term in (SECRETS["email"], SECRETS["company_name"], theirs.reference, ""):
                query = {
                    "app_label": model._meta.app_label,
                    "model_name": model._meta.model_name,
                    "field_name": field.name,
                    "term": term,
                }
                response = client.get("/admin/autocomplete/", query)
                assert_nothing_of(theirs, response, f"autocomplete {query}", term)


@pytest.mark.parametrize(
    ("model", "pick"),
    [
        (Inquiry, lambda inquiry: inquiry),
        (OutboxMessage, lambda inquiry: inquiry.messages.get()),
    ],
)
def test_an_officer_is_refused_another_zones_inquiry_and_its_mail(
    client, investment_officer, world, model, pick
):
    client.force_login(investment_officer)
    theirs, mine = pick(world["theirs"]), pick(world["mine"])
    for view in ("change", "history"):
        assert client.get(admin_url(model, view, mine.pk)).status_code == 200
        assert client.get(admin_url(model, view, theirs.pk)).status_code == 403
    response = client.get(admin_url(model, "changelist"))
    assert list(response.context["cl"].result_list) == [mine]


def test_officers_who_manage_no_zone_still_read_every_inquiry(client, investment_officer, world):
    investment_officer.managed_zones.clear()
    client.force_login(investment_officer)
    response = client.get(admin_url(OutboxMessage, "changelist"))
    assert len(response.context["cl"].result_list) == 2
    response = client.get(admin_url(Inquiry, "changelist"))
    assert len(response.context["cl"].result_list) == 2


def test_visible_to_is_the_one_rule(investment_officer, superuser, world):
    assert list(Inquiry.objects.visible_to(investment_officer)) == [world["mine"]]
    assert set(Inquiry.objects.visible_to(superuser)) == {world["mine"], world["theirs"]}
    assert list(OutboxMessage.objects.visible_to(investment_officer)) == [
        world["mine"].messages.get()
    ]
