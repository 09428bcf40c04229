"""Fault drill for the inquiry form and its mail: `.venv/bin/python deploy/fault_drill_mail.py`.

Runs the production server (gunicorn with deploy/gunicorn.conf.py, DEBUG off, collected static
files) on a fresh SQLite database in a temporary directory, and an SMTP server of its own
(tests/smtp_servers.py) whose behaviour it switches. Investors (threads, each with its own
browser session) fetch the form and send it, and press "send" once more, with the same form,
when they get no answer or a 5xx. One phase per fault:

  refusing  the mail server answers 554 to every connection
  hung      the mail server accepts connections and never answers
  kill-9    a gunicorn worker is killed with SIGKILL in the middle of the burst
  db-down   the database cannot be reached (gunicorn restarted with DATABASE_URL pointing at a
            PostgreSQL port nobody listens on; the shared PostgreSQL server is left alone)

After each mail phase `send_outbox` runs against the faulty server (as cron would); at the end
the server works again, the back-off is skipped, and `send_outbox` delivers what is queued.
Prints, per phase: investors, answered with their reference, answered 500, other answers, no
answer, inquiries stored, duplicated, the slowest answer, and mails delivered in the end.
Options: --investors N (default 20), --concurrency C (default 5), --email-timeout S (default 3),
--workdir DIR (kept, and the prepared database and static files reused on the next run).
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests import smtp_servers  # noqa: E402  (the drill runs from a checkout, beside the tests)

PHASES = ("refusing", "hung", "kill-9", "db-down")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Site:
    """gunicorn with production settings, restartable with other settings."""

    def __init__(self, workdir, smtp_port, email_timeout):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "CACHE_URL"}}
        self.env.update(
            PORTAL_NO_DEV_ENV="1",
            SECRET_KEY="drill-" + secrets.token_urlsafe(40),
            ALLOWED_HOSTS="127.0.0.1",
            DATABASE_URL=f"sqlite:///{workdir}/drill.sqlite3",
            STATIC_ROOT=str(workdir / "static"),
            SECURE_SSL_REDIRECT="false",
            SESSION_COOKIE_SECURE="false",
            CSRF_COOKIE_SECURE="false",
            SECURE_HSTS_SECONDS="0",
            EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
            EMAIL_TIMEOUT=str(email_timeout),
            INQUIRY_RATE_LIMIT="100000/h",
            GUNICORN_WORKERS="3",
            LOG_LEVEL="ERROR",
        )
        self.database = workdir / "drill.sqlite3"
        self.log = open(workdir / "gunicorn.log", "a")  # noqa: SIM115  (closed in stop)
        self.server = None

    def manage(self, *args, timeout=None, **extra_env):
        return subprocess.run(  # noqa: S603  (our own manage.py)
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **extra_env},
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        ).stdout

    def send_outbox(self):
        """Run send_outbox as cron would; a run that outlasts cron's minute twice is stopped."""
        started = time.monotonic()
        try:
            report = self.manage("send_outbox", timeout=120).strip()
        except subprocess.TimeoutExpired:
            report = "did not finish: stopped"
        return f"{report} in {time.monotonic() - started:.1f}s"

    def start(self, **extra_env):
        self.server = subprocess.Popen(  # noqa: S603  (our own gunicorn)
            [str(ROOT / ".venv/bin/gunicorn"), "-c", "deploy/gunicorn.conf.py", "portal.wsgi"],
            cwd=ROOT,
            env={**self.env, **extra_env, "GUNICORN_BIND": f"127.0.0.1:{self.port}"},
            stdout=self.log,
            stderr=self.log,
        )
        for _ in range(150):
            try:
                requests.get(self.url + "/healthz", timeout=2)
                return
            except requests.RequestException:
                time.sleep(0.2)
        raise SystemExit("gunicorn did not start: see gunicorn.log")

    def stop(self):
        if self.server:
            self.server.terminate()
            self.server.wait(timeout=40)
            self.server = None

    def workers(self):
        children = Path(f"/proc/{self.server.pid}/task/{self.server.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def inquiries(self, tag):
        with sqlite3.connect(self.database) as db:
            return db.execute(
                "SELECT company_name, reference FROM investors_inquiry WHERE company_name LIKE ?",
                (f"Drill {tag} %",),
            ).fetchall()


def hidden(html, name):
    match = re.search(rf'name="{name}" value="([^"]+)"', html)
    return match and match.group(1)


def open_form(site, phase, number):
    """An investor's browser with the form open and filled in."""
    browser = requests.Session()
    html = browser.get(site.url + "/inquire/", timeout=30).text
    sector = re.search(r'<select name="sector"[^>]*>.*?<option value="(\d+)"', html, re.S)
    data = {
        "csrfmiddlewaretoken": hidden(html, "csrfmiddlewaretoken"),
        "form_token": hidden(html, "form_token"),
        "company_name": f"Drill {phase} {number:03d}",
        "contact_name": "Wang Li",
        "email": f"investor{number}@example.cn",
        "country": "CN",
        "sector": sector.group(1),
        "capital_currency": "USD",
        "consent": "on",
        "website": "",
    }
    return browser, data


def send(site, browser, data):
    """Press send; press it once more after no answer or a 5xx, as a person would."""
    outcome = {"answers": [], "reference": None, "seconds": 0.0}
    for _ in range(2):
        started = time.monotonic()
        try:
            response = browser.post(
                site.url + "/inquire/",
                data,
                headers={"Referer": site.url + "/inquire/"},
                timeout=40,
                allow_redirects=False,
            )
        except requests.RequestException:
            outcome["answers"].append("no answer")
            outcome["seconds"] = max(outcome["seconds"], time.monotonic() - started)
            continue
        outcome["seconds"] = max(outcome["seconds"], time.monotonic() - started)
        outcome["answers"].append(response.status_code)
        if response.status_code == 302:
            thanks = browser.get(site.url + response.headers["Location"], timeout=30).text
            match = re.search(r'id="inquiry-reference">(EOI-\d{4}-\d{5})<', thanks)
            outcome["reference"] = match and match.group(1)
            break
        if response.status_code < 500:
            break
    return outcome


def burst(site, phase, forms, concurrency, during=None):
    with ThreadPoolExecutor(concurrency) as pool:
        futures = [pool.submit(send, site, browser, data) for browser, data in forms]
        if during:
            during()
        return [future.result() for future in futures]


def run_phase(site, smtp, phase, args):
    forms = []
    if phase == "db-down":
        forms = [open_form(site, phase, n) for n in range(args.investors)]  # opened before
        site.stop()
        site.start(DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/drill")
        outcomes = burst(site, phase, forms, args.concurrency)
        site.stop()
        site.start()
        return outcomes, None
    smtp.kind = {"refusing": "refusing", "hung": "hung", "kill-9": "working"}[phase]
    forms = [open_form(site, phase, n) for n in range(args.investors)]

    def kill_a_worker():
        time.sleep(0.3)  # mid-burst
        worker = site.workers()[0]
        os.kill(worker, signal.SIGKILL)
        print(f"  killed worker {worker} with SIGKILL", flush=True)

    outcomes = burst(
        site, phase, forms, args.concurrency, kill_a_worker if phase == "kill-9" else None
    )
    return outcomes, site.send_outbox()


def summary(site, phase, outcomes, delivered):
    answers = Counter(answer for outcome in outcomes for answer in outcome["answers"])
    stored = site.inquiries(phase)
    companies = Counter(company for company, _ in stored)
    references = {reference for _, reference in stored}
    mails = sum(1 for subject in delivered if any(ref in subject for ref in references))
    return {
        "phase": phase,
        "investors": len(outcomes),
        "saw reference": sum(1 for outcome in outcomes if outcome["reference"]),
        "posts": sum(answers.values()),
        "answered 500": answers.get(500, 0),
        "other answers": {k: v for k, v in answers.items() if k not in (302, 500, "no answer")},
        "no answer": answers.get("no answer", 0),
        "stored": len(stored),
        "duplicated": sum(count - 1 for count in companies.values()),
        "slowest answer s": round(max(outcome["seconds"] for outcome in outcomes), 2),
        "mails delivered": f"{mails}/{2 * len(stored)}",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--investors", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=5)
    parser.add_argument("--email-timeout", type=int, default=3)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()

    smtp = smtp_servers.start("working")
    with tempfile.TemporaryDirectory(prefix="fault-drill-mail-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        site = Site(workdir, smtp.port, args.email_timeout)
        prepared = workdir / "prepared.sqlite3"
        if not prepared.exists():
            print("Preparing: migrate, load_langson, collectstatic…", flush=True)
            site.database.unlink(missing_ok=True)
            site.manage("migrate", "--noinput")
            site.manage("load_langson")
            site.manage("collectstatic", "--noinput")
            shutil.copy(site.database, prepared)
        shutil.copy(prepared, site.database)
        site.start()
        crons = {}
        try:
            results = {}
            for phase in PHASES:
                print(f"Phase {phase}…", flush=True)
                results[phase], crons[phase] = run_phase(site, smtp, phase, args)
        finally:
            site.stop()
        # The mail server is back; skip the back-off, as a few minutes of cron would.
        smtp.kind = "working"
        site.manage(
            "shell",
            "-c",
            "from django.utils import timezone; from investors.models import OutboxMessage; "
            "OutboxMessage.objects.filter(status='pending').update("
            "next_attempt_at=timezone.now())",
        )
        final = site.send_outbox()
        again = site.send_outbox()
        delivered = [str(message["Subject"]) for _, message in smtp.messages]
        print()
        for phase in PHASES:
            print(summary(site, phase, results[phase], delivered))
            if crons[phase]:
                print(f"  send_outbox during the fault: {crons[phase]}")
        subjects = Counter(
            (str(m["Subject"]), tuple(recipients)) for recipients, m in smtp.messages
        )
        print(f"Final send_outbox: {final}; once more: {again}")
        print(
            f"Mails delivered: {len(smtp.messages)}, "
            f"delivered twice: {sum(c - 1 for c in subjects.values())}"
        )
    smtp_servers.stop(smtp)


if __name__ == "__main__":
    main()
