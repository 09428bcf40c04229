"""Two officers decide the same proposal at the same moment: one decision is recorded, and the
other officer is told whose it was, on a real HTTP server with real concurrent transactions
(on SQLite as on PostgreSQL, where the proposal's row is locked)."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
import requests
from django.test import Client

from tests.factories import ZoneFactory
from zones.models import DeveloperCompany, Proposal

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TIMEOUT = 30  # seconds, for the barrier and for each request: a hang fails, never blocks


def browser_of(user):
    """A browser already logged in as `user`."""
    client = Client()
    client.force_login(user)
    browser = requests.Session()
    browser.cookies.set("sessionid", client.cookies["sessionid"].value)
    return browser


def test_two_officers_deciding_at_once_record_one_decision_and_the_other_is_told(
    live_server, django_user_model
):
    developer = django_user_model.objects.create_user("dev", "dev@park.example", "pw")
    company = DeveloperCompany.objects.create(name="Công ty Hạ tầng")
    zone = ZoneFactory(fill_rate_pct=Decimal("60"), developer=company)
    proposal = Proposal.objects.create(
        zone=zone, company=company, submitted_by=developer, fill_rate_pct=Decimal("68")
    )
    officers = [
        django_user_model.objects.create_superuser(name, f"{name}@example.org", "pw")
        for name in ("chief", "deputy")
    ]
    # Logged in here: a database connection opened in a worker thread would outlive the test.
    browsers = [browser_of(officer) for officer in officers]
    page = f"{live_server.url}/admin/zones/proposal/{proposal.pk}/change/"
    barrier = threading.Barrier(2, timeout=TIMEOUT)

    def decide(number):
        """Officer `number` opens the proposal, waits for the other, then approves (the chief)
        or rejects (the deputy). What they read afterwards."""
        with browsers[number] as browser:
            try:
                html = browser.get(page, timeout=TIMEOUT).text
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
            except BaseException:
                barrier.abort()
                raise
            barrier.wait()
            decision = ("approve", "reject")[number]
            answer = browser.post(
                f"{live_server.url}/admin/zones/proposal/{proposal.pk}/{decision}/",
                {"csrfmiddlewaretoken": token, "rejection_reason": "Sai số liệu."},
                headers={"Referer": page},
                allow_redirects=False,
                timeout=TIMEOUT,
            )
            after = browser.get(page, timeout=TIMEOUT).text
        return answer.status_code, after

    with ThreadPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(decide, range(2)))

    assert [status for status, _ in answers] == [302, 302]  # nobody met a server error
    proposal.refresh_from_db()
    assert proposal.status in (Proposal.Status.APPROVED, Proposal.Status.REJECTED)
    first = proposal.decided_by
    loser = 1 - officers.index(first)
    assert "trước bạn" in answers[loser][1] and first.username in answers[loser][1]
    done = {"approved": "Đã duyệt và áp dụng đề xuất.", "rejected": "Đã từ chối đề xuất."}
    assert done[proposal.status] in answers[1 - loser][1]
