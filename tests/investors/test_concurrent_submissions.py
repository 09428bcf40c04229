"""Fifty investors press "send" at the same moment, and every one of them is heard exactly once.

Fifty clients, each behind an address of its own (set in X-Forwarded-For by the one trusted
proxy the site is told it stands behind), open the inquiry form, fill it in with their own
company and e-mail, and are then released together by a barrier onto a real HTTP server: real
threads, real database connections, real concurrent transactions, on SQLite as on PostgreSQL.
Every client is sent on to the thank-you page, refused by no rate limit, and reads a reference
of its own there; the database holds one inquiry per company under that reference, numbered
without a duplicate or a gap, and the outbox one acknowledgement per inquiry, sent once.
"""

import re
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.utils import timezone

from investors.models import Inquiry, OutboxMessage
from investors.outbox import outbox_send

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CLIENTS = 50
TIMEOUT = 30  # seconds, for the barrier and for each request: a hang fails, never blocks


def hidden_value(html, name):
    """The value of the form's hidden input `name`, as the browser would send it back."""
    match = re.search(rf'name="{name}" value="([^"]+)"', html)
    assert match, f"no hidden {name} in the form"
    return match.group(1)


def investor(number, valid_inquiry_data):
    """What investor `number` types into the form: a company and an e-mail of its own."""
    return {
        **valid_inquiry_data,
        "company_name": f"Guangxi Building Materials Co. No. {number}",
        "contact_name": f"Wang Li {number}",
        "email": f"buyer{number}@example.cn",
    }


def send_at_once(live_server, valid_inquiry_data, addresses):
    """Investor n, behind addresses[n], opens the form; then all of them send it at the same
    moment. What each one saw: the answer's status, where it led and the reference shown."""
    barrier = threading.Barrier(len(addresses), timeout=TIMEOUT)

    def submit(number):
        """One investor's visit: open the form, wait for the others, send, read the reference."""
        data = investor(number, valid_inquiry_data)
        with requests.Session() as browser:
            browser.headers["X-Forwarded-For"] = addresses[number]
            try:
                form = browser.get(f"{live_server.url}/inquire/", timeout=TIMEOUT)
                assert form.status_code == 200
                data["csrfmiddlewaretoken"] = hidden_value(form.text, "csrfmiddlewaretoken")
                data["form_token"] = hidden_value(form.text, "form_token")
            except BaseException:
                barrier.abort()  # the others must not wait for an investor who never comes
                raise
            barrier.wait()
            sent = browser.post(
                f"{live_server.url}/inquire/", data, allow_redirects=False, timeout=TIMEOUT
            )
            location = sent.headers.get("Location")
            thanks = location and browser.get(live_server.url + location, timeout=TIMEOUT).text
        shown = thanks and re.search(r'id="inquiry-reference">([^<]*)<', thanks)
        return {
            "company_name": data["company_name"],
            "status": sent.status_code,
            "location": location,
            "reference": shown and shown.group(1),
        }

    with ThreadPoolExecutor(max_workers=len(addresses)) as pool:
        return list(pool.map(submit, range(len(addresses))))


def test_fifty_investors_submitting_at_once_are_each_stored_exactly_once(
    live_server, settings, valid_inquiry_data
):
    settings.TRUSTED_PROXY_COUNT = 1
    # 203.0.113.0/24 is reserved for documentation: an address of its own per investor.
    addresses = [f"203.0.113.{n + 1}" for n in range(CLIENTS)]
    answers = send_at_once(live_server, valid_inquiry_data, addresses)

    # Every investor was sent on to the thank-you page: nobody refused, nobody failed.
    assert Counter((a["status"], a["location"]) for a in answers) == {
        (302, "/inquire/thanks/"): CLIENTS
    }
    # Each one reads a reference of its own there, well-formed, numbered without a gap.
    year = timezone.localdate().year
    assert sorted(a["reference"] for a in answers) == [
        f"EOI-{year}-{n:05d}" for n in range(1, CLIENTS + 1)
    ]
    # The database holds exactly one inquiry per company, under the reference its investor read.
    stored = dict(Inquiry.objects.values_list("company_name", "reference"))
    assert Inquiry.objects.count() == CLIENTS
    assert stored == {a["company_name"]: a["reference"] for a in answers}
    # One acknowledgement per inquiry, to that investor alone, and one notice to the staff.
    inquiries = Inquiry.objects.all()
    acknowledgements = OutboxMessage.objects.filter(kind="inquiry_acknowledgement")
    assert sorted(acknowledgements.values_list("inquiry_id", "to")) == sorted(
        (inquiry.pk, [inquiry.email]) for inquiry in inquiries
    )
    assert OutboxMessage.objects.filter(kind="inquiry_notification").count() == CLIENTS
    # All of it queued, and the next run of send_outbox sends each message once.
    assert outbox_send() == 2 * CLIENTS
    assert outbox_send() == 0
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}


def test_one_address_sending_at_once_gets_no_more_than_its_limit(
    live_server, settings, valid_inquiry_data
):
    """Twenty sends from one address at the same moment: five are stored, as five one after
    the other would be, and the rest are told to wait. Checking the limit before the form and
    counting after it would let every one of them through."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.INQUIRY_RATE_LIMIT = "5/h"
    answers = send_at_once(live_server, valid_inquiry_data, ["198.51.100.7"] * 20)
    assert Counter(a["status"] for a in answers) == {302: 5, 429: 15}
    assert Inquiry.objects.count() == 5
