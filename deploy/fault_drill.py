"""Fault drill: the production server under a fault, counted from outside.

    .venv/bin/python deploy/fault_drill.py               # every fault
    .venv/bin/python deploy/fault_drill.py redis-stop    # one of them

Starts gunicorn with deploy/gunicorn.conf.py and production settings (DEBUG off, collected
static files) on a SQLite file in a temporary directory (or DRILL_DATABASE_URL's database,
which it fills with the Lạng Sơn data and its inquiries), with a Redis of its own on a free
port as CACHE_URL; nothing of the development set-up is touched. Each fault is a function in
FAULTS: it sends expressions of interest as investors do (the form, then the POST, from a
browser of their own, pressing "send" once more after an error), breaks something in the
middle of the burst, and prints what they got: sent, stored (rows in the database), accepted
(302 to the thanks page), answered 500, duplicated (one investor's submission stored more than
once). A new fault is a function taking a `Site` and returning such a dict, added to FAULTS.

DRILL_INQUIRIES (64), DRILL_CONCURRENCY (8), GUNICORN_WORKERS (3).
"""

import collections
import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.tools import RedisServer, free_port  # noqa: E402 (after the checkout is on the path)

INQUIRIES = int(os.environ.get("DRILL_INQUIRIES", "64"))
CONCURRENCY = int(os.environ.get("DRILL_CONCURRENCY", "8"))
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Site:
    """The production server, its database and its Redis, in a temporary directory."""

    def __init__(self, directory):
        self.directory = Path(directory)
        (self.directory / "redis").mkdir()
        self.redis = RedisServer(self.directory / "redis")
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}},
            "PORTAL_NO_DEV_ENV": "1",
            "SECRET_KEY": "drill-" + uuid.uuid4().hex * 2,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": os.environ.get(
                "DRILL_DATABASE_URL", f"sqlite:///{self.directory / 'drill.sqlite3'}"
            ),
            "CACHE_URL": self.redis.url,
            "STATIC_ROOT": str(self.directory / "static"),
            "EMAIL_URL": "dummymail://",
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "SECURE_HSTS_SECONDS": "0",
            # Every investor of the drill comes from 127.0.0.1: the limit is tested elsewhere.
            "INQUIRY_RATE_LIMIT": "100000/h",
            "LOG_LEVEL": "WARNING",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": os.environ.get("GUNICORN_WORKERS", "3"),
        }
        self.server = None
        self.log = self.directory / "gunicorn.log"

    def manage(self, *args):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self):
        self.redis.start()
        for command in (["migrate"], ["load_langson"], ["collectstatic", "--noinput"]):
            self.manage(*command)
        with self.log.open("w") as log:
            self.server = subprocess.Popen(
                [str(ROOT / ".venv/bin/gunicorn"), "-c", "deploy/gunicorn.conf.py", "portal.wsgi"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        for _ in range(150):
            try:
                if get(self.url + "/healthz")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not start: see {self.log}")

    def stop(self):
        if self.server:
            self.server.terminate()
            self.server.wait(timeout=30)
        self.redis.stop()

    def sector(self):
        return self.sql("SELECT id FROM zones_sector ORDER BY id LIMIT 1")

    def sql(self, query):
        """One value from the site's database."""
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c",
             f"from django.db import connection\n"
             f"with connection.cursor() as c:\n"
             f"    c.execute({query!r}); print(c.fetchone()[0])"],
            cwd=ROOT, env=self.env, check=True, capture_output=True, text=True,
        )  # fmt: skip
        return result.stdout.strip().splitlines()[-1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is an answer to count, not to follow


def browser():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def get(url, opener=None):
    try:
        with (opener or browser()).open(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def send_inquiry(site, number, sector):
    """One investor: the form, then the POST; once more with the same form if the answer is
    an error. Returns the status codes answered to the POSTs."""
    opener = browser()
    codes = []
    status, page = get(site.url + "/inquire/", opener)
    if status != 200:
        return [f"form {status}"]
    data = {
        "csrfmiddlewaretoken": CSRF_TOKEN.search(page).group(1),
        "form_token": str(uuid.uuid4()),
        "company_name": f"Drill company {number}",
        "contact_name": "Wang Li",
        "email": f"drill{number}@example.cn",
        "phone": "+86 771 123 4567",
        "country": "CN",
        "sector": sector,
        "capital_currency": "USD",
        "consent": "on",
        "website": "",
    }
    body = urllib.parse.urlencode(data).encode()
    for _ in range(2):
        try:
            status = get(urllib.request.Request(site.url + "/inquire/", data=body), opener)[0]
        except OSError as error:  # connection refused or reset
            status = type(error).__name__
        codes.append(status)
        if status in (302, 429):
            break
    return codes


def burst(site, *, fault_at, fault):
    """INQUIRIES investors, CONCURRENCY at a time; `fault()` once `fault_at` have been answered."""
    sector = site.sector()
    answered, lock = [0], threading.Lock()

    def investor(number):
        codes = send_inquiry(site, number, sector)
        with lock:
            answered[0] += 1
            now = answered[0] == fault_at
        if now:
            fault()
        return codes

    with ThreadPoolExecutor(CONCURRENCY) as pool:
        return list(pool.map(investor, range(INQUIRIES)))


def tally(site, answers):
    stored = int(
        site.sql("SELECT COUNT(*) FROM investors_inquiry WHERE company_name LIKE 'Drill%'")
    )
    duplicated = int(
        site.sql(
            "SELECT COUNT(*) FROM (SELECT company_name FROM investors_inquiry "
            "WHERE company_name LIKE 'Drill%' GROUP BY company_name HAVING COUNT(*) > 1) AS d"
        )
    )
    posts = collections.Counter(code for codes in answers for code in codes)
    return {
        "sent": len(answers),
        "stored": stored,
        "accepted": sum(1 for codes in answers if codes[-1] == 302),
        "answered 500": sum(1 for codes in answers if 500 in codes),
        "duplicated": duplicated,
        "POST answers": dict(posts),
    }


def redis_stop(site):
    """Redis stops halfway through the burst; pages, the API and /readyz are asked while it is
    down; then it comes back and a few more investors write."""
    during = collections.Counter()

    def stop_redis():
        site.redis.stop()
        for path in ("/", "/zones/", "/zones/dong-banh/", "/plots/", "/api/v1/zones"):
            during[f"{path} {get(site.url + path)[0]}"] += 1

    answers = burst(site, fault_at=INQUIRIES // 2, fault=stop_redis)
    figures = tally(site, answers)
    readyz_down = get(site.url + "/readyz")[1]
    site.redis.start()
    time.sleep(6)  # each worker tries Redis again 5 s after its last failure
    after = [send_inquiry(site, INQUIRIES + n, site.sector())[-1] for n in range(4)]
    return {
        **figures,
        "pages while down": dict(during),
        "readyz while down": readyz_down,
        "readyz after restart": get(site.url + "/readyz")[1],
        "POSTs after restart": after,
    }


FAULTS = {"redis-stop": redis_stop}


def main():
    chosen = sys.argv[1:] or list(FAULTS)
    if unknown := set(chosen) - set(FAULTS):
        sys.exit(f"unknown fault(s) {', '.join(sorted(unknown))}; known: {', '.join(FAULTS)}")
    for name in chosen:
        with tempfile.TemporaryDirectory(prefix="fault-drill-") as directory:
            site = Site(directory).start()
            try:
                print(f"== {name}: {INQUIRIES} inquiries, {CONCURRENCY} at a time")
                for key, value in FAULTS[name](site).items():
                    print(f"{key:28} {value}")
            finally:
                site.stop()
                log = site.log.read_text()
                print(f"{'tracebacks in the log':28} {log.count('Traceback')}")
                warnings = re.findall(r"WARNING \[[^]]*\] portal\.cache: (.{30})", log)
                print(f"{'cache warnings in the log':28} {collections.Counter(warnings)}")


if __name__ == "__main__":
    main()
