"""gunicorn for the portal: `gunicorn -c deploy/gunicorn.conf.py portal.wsgi`."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two workers per core plus one: the pages wait on PostgreSQL and Redis more than on the CPU.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = 30  # a request that takes longer is a bug: kill it, log it
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then, a guard against slow leaks; not too often: a new worker imports
# Django for a second, and at 2,000 requests a cached page at 1,500 req/s restarted one every
# few seconds (make bench showed it as p99 stalls of 30 ms on every other URL).
max_requests = 50_000
max_requests_jitter = 5_000
accesslog = "-"
errorlog = "-"
# No query strings in the access log: they may hold what a visitor typed.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms "%({x-request-id}o)s"'
# X-Forwarded-Proto is trusted exactly when Django's settings trust it (TRUST_PROXY_HEADERS, the
# same variable, read the same way as django-environ reads a boolean): gunicorn's default trusts
# it from 127.0.0.1 whatever the settings say, and a request that says "https" then gets https
# links and secure redirects.
TRUST_PROXY_HEADERS = os.environ.get("TRUST_PROXY_HEADERS", "false").strip().lower() in {
    "true",
    "on",
    "ok",
    "y",
    "yes",
    "1",
}
if TRUST_PROXY_HEADERS:
    forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
else:
    forwarded_allow_ips = ""
    secure_scheme_headers = {}
    forwarder_headers = ""
