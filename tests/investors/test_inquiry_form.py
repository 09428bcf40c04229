"""An investor says "we want this land", in two minutes, and is sure it arrived."""

import re
import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from investors.models import Inquiry, OutboxMessage
from investors.outbox import outbox_send
from tests.factories import PlotFactory
from zones.models import Plot

pytestmark = pytest.mark.django_db
URL = "/inquire/"


def submit(client, data, **extra):
    return client.post(URL, data, **extra)


def test_a_valid_inquiry_is_stored_with_a_reference_and_both_mails_sent(client, valid_data, zone):
    response = submit(client, valid_data)

    assertRedirects(response, "/inquire/thanks/")
    inquiry = Inquiry.objects.get()
    year = timezone.localdate().year
    assert re.fullmatch(rf"EOI-{year}-\d{{5}}", inquiry.reference)
    assert inquiry.company_name == "Guangxi Building Materials Co., Ltd."
    assert str(inquiry.phone) == "+867711234567"
    assert list(inquiry.zones.all()) == [zone]
    assert inquiry.consent_at is not None
    assert inquiry.privacy_notice_version

    thanks = client.get(response["Location"])
    assertContains(thanks, inquiry.reference)

    # The request only queues the mail; send_outbox, run every minute, sends it.
    assert OutboxMessage.objects.filter(inquiry=inquiry, status="pending").count() == 2
    assert outbox_send() == 2
    acknowledgement, notification = sorted(mail.outbox, key=lambda m: m.to != [valid_data["email"]])
    assert acknowledgement.to == ["wang.li@example.cn"]
    assert inquiry.reference in acknowledgement.subject
    assert sorted(notification.to) == ["kcn@example.vn", "xuctiendautu@localhost"]
    assert f"/admin/investors/inquiry/{inquiry.pk}/change/" in notification.body


def test_references_are_sequential_within_a_year(client, valid_data):
    for _ in range(3):
        submit(client, {**valid_data, "form_token": str(uuid.uuid4())})
    numbers = sorted(int(ref[-5:]) for ref in Inquiry.objects.values_list("reference", flat=True))
    assert numbers == [1, 2, 3]


@pytest.mark.parametrize(
    "field",
    ["company_name", "contact_name", "email", "country", "sector", "consent", "form_token"],
)
def test_each_required_field_left_empty_is_named_next_to_the_field(client, valid_data, field):
    data = {**valid_data}
    data.pop(field)
    response = submit(client, data)

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Inquiry.objects.exists()
    # Everything else the investor typed is still there.
    assertContains(
        response,
        'value="Guangxi Building Materials Co., Ltd."'
        if field != "company_name"
        else 'value="Wang Li"',
    )


def test_the_error_sits_next_to_its_field_in_the_visitors_language(client, valid_data):
    response = client.post("/en/inquire/", {**valid_data, "email": "not-an-email"})
    html = response.content.decode()
    email_block = html.split('id="div_id_email"')[1].split('id="div_id_phone"')[0]
    assert "Enter a valid email address." in email_block
    assert 'value="not-an-email"' in email_block
    assert 'aria-invalid="true"' in email_block or "is-invalid" in email_block


@pytest.mark.parametrize(
    "prefix, message",
    [
        ("", "Vui lòng nhập trên một dòng, không có ký tự xuống dòng hay ký tự điều khiển."),
        ("/en", "Please enter this on one line, without line breaks or control characters."),
        ("/zh-hans", "请在一行内填写，不要包含换行符或控制字符。"),
    ],
)
@pytest.mark.parametrize("field", ["company_name", "contact_name"])
def test_a_line_break_in_a_one_line_field_is_refused_next_to_the_field(
    client, valid_data, prefix, message, field
):
    # A header injection attempt: the company name ends up in the staff notification's subject.
    data = {**valid_data, field: "ACME\r\nBcc: victim@example.org"}
    response = client.post(f"{prefix}/inquire/", data)
    assert response.status_code == 200
    assert not Inquiry.objects.exists()
    field_block = response.content.decode().split(f'id="div_id_{field}"')[1].split("div_id_")[0]
    assert message in field_block


def test_a_bad_phone_number_is_refused(client, valid_data):
    response = submit(client, {**valid_data, "phone": "12"})
    assert "phone" in response.context["form"].errors
    assert not Inquiry.objects.exists()


@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        ("", "Số điện thoại không hợp lệ"),
        ("/en", "Invalid phone number"),
        ("/zh-hans", "电话号码无效"),
    ],
)
def test_a_bad_phone_number_is_explained_in_the_visitors_language(
    client, valid_data, prefix, message
):
    response = client.post(f"{prefix}{URL}", {**valid_data, "phone": "12"})
    [error] = response.context["form"].errors["phone"]
    assert error.startswith(message), error
    assert "+86 771 123 4567" in error


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("area_needed_ha", "-5"),
        ("area_needed_ha", "abc"),
        ("area_needed_ha", "999999"),
        ("jobs_expected", "-1"),
        ("capital_amount", "0"),
        ("capital_currency", "EUR"),
        ("company_name", "x" * 201),
        ("message", "x" * 5001),
        ("start_quarter", "2001-Q1"),
        ("country", "XX"),
    ],
)
def test_values_out_of_bounds_are_refused_with_a_message(client, valid_data, field, value):
    response = submit(client, {**valid_data, field: value})
    assert response.context["form"].errors[field]
    assert not Inquiry.objects.exists()


def test_the_honeypot_stores_nothing(client, valid_data):
    response = submit(client, {**valid_data, "website": "http://spam.example"})
    assert response.status_code == 200
    assert not Inquiry.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_double_click_or_refresh_makes_one_inquiry(client, valid_data):
    first = submit(client, valid_data)
    second = submit(client, valid_data)  # same form, same one-time token
    assert first.status_code == second.status_code == 302
    assert Inquiry.objects.count() == 1
    assert OutboxMessage.objects.count() == 2
    assertContains(client.get("/inquire/thanks/"), Inquiry.objects.get().reference)


def test_every_form_carries_a_fresh_one_time_token(client):
    tokens = {client.get(URL).context["form"]["form_token"].value() for _ in range(2)}
    assert len(tokens) == 2


def test_the_sixth_submission_within_an_hour_is_refused_with_429(client, valid_data, settings):
    settings.INQUIRY_RATE_LIMIT = "5/h"
    for _ in range(5):
        response = submit(client, {**valid_data, "form_token": str(uuid.uuid4())})
        assert response.status_code == 302
    response = submit(client, {**valid_data, "form_token": str(uuid.uuid4())})

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assertContains(response, "Quá nhiều yêu cầu", status_code=429)
    assert Inquiry.objects.count() == 5
    # Browsing is not slowed.
    assert client.get(URL).status_code == 200
    assert client.get("/zones/").status_code == 200


def test_the_limit_is_per_client_address(client, valid_data, settings):
    settings.INQUIRY_RATE_LIMIT = "1/h"
    assert submit(client, valid_data, REMOTE_ADDR="203.0.113.1").status_code == 302
    other = {**valid_data, "form_token": str(uuid.uuid4())}
    assert submit(client, other, REMOTE_ADDR="203.0.113.2").status_code == 302
    again = {**valid_data, "form_token": str(uuid.uuid4())}
    assert submit(client, again, REMOTE_ADDR="203.0.113.1").status_code == 429


def test_a_forwarded_address_counts_only_behind_a_trusted_proxy(client, valid_data, settings):
    settings.INQUIRY_RATE_LIMIT = "1/h"
    settings.TRUSTED_PROXY_COUNT = 0
    submit(client, valid_data, HTTP_X_FORWARDED_FOR="198.51.100.1")
    forged = {**valid_data, "form_token": str(uuid.uuid4())}
    # Untrusted: a forged header does not give the same client a new allowance.
    assert submit(client, forged, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429

    settings.TRUSTED_PROXY_COUNT = 1
    behind_proxy = {**valid_data, "form_token": str(uuid.uuid4())}
    response = submit(client, behind_proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.3")
    assert response.status_code == 302


def test_coming_from_a_zone_page_preselects_the_zone(client, zone):
    form = client.get(f"{URL}?zone={zone.slug}").context["form"]
    assert [z.pk for z in form["zones"].initial] == [zone.pk]


def test_coming_from_a_free_plot_preselects_it_and_its_zone(client, valid_data, zone):
    plot = PlotFactory(zone=zone, code="B1")
    response = client.get(f"{URL}?plot=dong-banh/B1")
    assertContains(response, "<strong>B1</strong>")
    assertContains(response, 'name="plot" value="dong-banh/B1"')
    data = {**valid_data, "zones": [], "plot": "dong-banh/B1"}
    submit(client, data)
    inquiry = Inquiry.objects.get()
    assert inquiry.plot == plot
    assert list(inquiry.zones.all()) == [zone]


def test_an_old_link_with_a_plot_s_database_id_is_sent_to_its_zone_and_code(client, zone):
    plot = PlotFactory(zone=zone, code="B1")
    response = client.get(f"/en{URL}?zone=dong-banh&plot={plot.pk}")
    assertRedirects(
        response, f"/en{URL}?zone=dong-banh&plot=dong-banh/B1", fetch_redirect_response=False
    )
    assert response.status_code == 302  # for a release only: not a permanent address
    unknown = client.get(f"{URL}?plot=999999&zone=dong-banh")
    assertRedirects(unknown, f"{URL}?zone=dong-banh", fetch_redirect_response=False)


def test_a_plot_leased_meanwhile_is_refused_next_to_the_chosen_plot(client, valid_data, zone):
    PlotFactory(zone=zone, code="B1", status=Plot.Status.LEASED)
    response = submit(client, {**valid_data, "plot": "dong-banh/B1"})
    assert response.context["form"].errors["plot"]
    assertContains(response, 'id="error-plot"')
    assert not Inquiry.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        "?zone=<script>",
        "?plot=abc",
        "?plot=999999",
        "?zone=",
        "?plot=/",
        "?plot=atlantis/B1",
        "?plot=dong-banh/",
    ],
)
def test_bad_preselection_is_ignored(client, zone, query):
    response = client.get(URL + query, follow=True)
    assert response.status_code == 200
    assert response.context["form"]["plot"].value() in (None, "")


def test_a_bad_plot_sent_with_the_form_is_refused(client, valid_data):
    for value in ("atlantis/B1", "dong-banh/NOPE", "12", "/"):
        response = submit(client, {**valid_data, "plot": value})
        assert response.context["form"].errors["plot"], value
    assert not Inquiry.objects.exists()


def test_what_the_investor_types_stays_out_of_error_reports(client, valid_data):
    for url in [URL, "/inquire/status/"]:
        request = client.post(url, valid_data).wsgi_request
        assert request.sensitive_post_parameters == "__ALL__"


def test_the_acknowledgement_speaks_the_investors_language(client, valid_data):
    client.post("/zh-hans/inquire/", valid_data)
    outbox_send()
    acknowledgement = next(m for m in mail.outbox if m.to == [valid_data["email"]])
    assert "已收到" in acknowledgement.subject or "EOI-" in acknowledgement.subject
    assert "谢谢" in acknowledgement.body or "感谢" in acknowledgement.body
    assert Inquiry.objects.get().language == "zh-hans"


def test_the_first_response_is_promised_within_two_working_days(client, valid_data, settings):
    settings.INQUIRY_FIRST_RESPONSE_WORKING_DAYS = 2
    submit(client, valid_data)
    inquiry = Inquiry.objects.get()
    due = timezone.localtime(inquiry.first_response_due)
    created = timezone.localtime(inquiry.created)
    assert due.weekday() < 5
    assert timedelta(days=2) <= due - created <= timedelta(days=4)
    assertContains(client.get("/inquire/thanks/"), due.strftime("%d/%m/%Y"))


@pytest.mark.parametrize(
    "prefix, will_be_sent, was_sent",
    [
        ("", "Chúng tôi sẽ gửi thư xác nhận", "đã gửi thư xác nhận"),
        ("/en", "We will send a confirmation", "We have sent a confirmation"),
        ("/zh-hans", "我们将向您的邮箱发送确认邮件", "确认邮件已发送"),
    ],
)
def test_the_thanks_page_says_the_confirmation_will_be_sent_not_that_it_was(
    client, valid_data, prefix, will_be_sent, was_sent
):
    # The mail is only queued when the page shows; the mail server may be down for hours.
    response = client.post(f"{prefix}/inquire/", valid_data, follow=True)
    assertContains(response, Inquiry.objects.get().reference)
    assertContains(response, will_be_sent)
    assertNotContains(response, was_sent)


def test_thanks_without_a_submission_leads_back_to_the_form(client):
    assertRedirects(client.get("/inquire/thanks/"), URL)


def test_coming_from_the_compare_page_preselects_its_zones(client, zone):
    from tests.factories import ZoneFactory

    other = ZoneFactory(slug="hong-phong")
    form = client.get(f"{URL}?zones=dong-banh,hong-phong,nope").context["form"]
    assert {z.pk for z in form["zones"].initial} == {zone.pk, other.pk}


# Digits to str.isdigit() that int() refuses (found by tests/portal/test_fuzz.py).
@pytest.mark.parametrize("plot", ["¹", "²³"])
def test_a_plot_given_in_other_digits_is_refused_or_ignored_not_a_500(client, valid_data, plot):
    client.raise_request_exception = True
    response = submit(client, {**valid_data, "plot": plot})
    assert response.status_code == 200
    assert response.context["form"].errors["plot"]
    assert not Inquiry.objects.exists()
    assert client.get(f"{URL}?plot={plot}").status_code == 200


@pytest.mark.parametrize("zone_id", ["9" * 25, "-" + "9" * 25, "-9223372036854775809"])
def test_a_zone_id_past_the_largest_integer_is_refused_next_to_the_field(
    client, valid_data, zone_id
):
    """Found by the fuzz test: the look-up overflowed (SQLite) or failed (PostgreSQL), a 500;
    a negative one too, later."""
    response = client.post("/inquire/", {**valid_data, "zones": [zone_id]})
    assert response.status_code == 200
    assert "zones" in response.context["form"].errors
    assert Inquiry.objects.count() == 0
