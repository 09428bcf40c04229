"""`make bench`: the production server under load, page by page, against a static file of the
same size served by the same server in the same run (what this machine can serve at best).

Starts gunicorn (production settings, BENCH_WORKERS workers, WhiteNoise) on 127.0.0.1 and drives
it with wrk (BENCH_CONCURRENCY connections, BENCH_SECONDS per URL, after a warm-up):

- `uncached`: the page cache off (PAGE_CACHE_SECONDS=0), every page rendered afresh;
- `cached`: the page cache on;
- `nginx`: the same app servers behind Debian's nginx with deploy/nginx-locations.conf (the
  micro-cache), when nginx is installed; the static file is then nginx's own.

Each mode's ratio is to the static file measured in that mode, so figures from a busy machine
still compare. BENCH_MODES="cached" and BENCH_URLS="/ /zones/" measure only those. Prints a
Markdown table, and writes var/bench.json. Needs DATABASE_URL
(PostgreSQL), Redis on 127.0.0.1:6379 and wrk (apt-get install wrk; nginx optional).
"""

import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import nginx_local  # deploy/nginx_local.py, beside this file

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Free ports of their own: other benches may run on this machine.
PORT = int(os.environ.get("BENCH_PORT", 0)) or free_port()
NGINX_PORT = free_port()
SECONDS = int(os.environ.get("BENCH_SECONDS", "4"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "8"))
WORKERS = os.environ.get("BENCH_WORKERS", "2")
STATIC = "/static/bench.html"
GIT = shutil.which("git") or "git"
URLS = os.environ.get("BENCH_URLS", "").split() or [
    "/",
    "/zones/",
    "/en/zones/",
    "/zh-hans/zones/",
    "/zones/dong-banh/",
    "/plots/?status=available",
    "/api/v1/zones",
    "/api/v1/plots",
    STATIC,
]


def environment(page_cache_seconds):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG"}}
    env.update(
        PORTAL_NO_DEV_ENV="1",
        SECRET_KEY=env.get("SECRET_KEY", "bench-" + "x7Qp2Lw9vXk4Tn7Bp1Ys6Hd3Gf0Jm5Qc8Wa2Ee7Ru4"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
        CACHE_URL=env.get("CACHE_URL", "redis://127.0.0.1:6379/7"),
        PAGE_CACHE_SECONDS=str(page_cache_seconds),
        API_RATE_LIMIT="1000000/m",
        LOG_LEVEL="WARNING",
        GUNICORN_WORKERS=WORKERS,
    )
    return env


def shell(script, env):
    """The last line `manage.py shell -c script` prints."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env={**env, "ALLOWED_HOSTS": "testserver"},
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip().splitlines()[-1]


# What wrk sends as a browser would: pages come gzipped, and are kept so.
ACCEPT_ENCODING = "br, gzip"


def fetch(port, path, **headers):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
            return answer.read()
    except urllib.error.HTTPError as error:
        sys.exit(f"{path}: {error.code}\n{error.read()[:2000].decode(errors='replace')}")


def wait_for(port):
    for _ in range(150):
        try:
            fetch(port, "/healthz")
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"nothing answers on port {port}")


def duration_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return round(float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)


def load(port, path):
    """wrk's figures for one URL: requests/s, p50/p99 latency, bytes, errors."""
    body = fetch(port, path)  # its size as the page, uncompressed
    # Warm connections, caches and compiled templates with what wrk asks: the copy of a page a
    # client that accepts gzip gets is kept apart from the plain one (and in nginx's
    # micro-cache, a copy made by wrk's first requests kept the others waiting for the cache
    # lock, which wrk's correction for coordinated omission turned into a p99 of 420 ms).
    for _ in range(20):
        fetch(port, path, **{"Accept-Encoding": ACCEPT_ENCODING})
    out = subprocess.run(
        [shutil.which("wrk"), "-t2", f"-c{CONCURRENCY}", f"-d{SECONDS}s", "--latency"]
        + ["-H", f"Accept-Encoding: {ACCEPT_ENCODING}", f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "requests_per_s": round(float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), 1),
        "p50_ms": duration_ms(re.search(r"\s50%\s+(\S+)", out).group(1)),
        "p99_ms": duration_ms(re.search(r"\s99%\s+(\S+)", out).group(1)),
        "bytes": len(body),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def gunicorn(env):
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-c", "deploy/gunicorn.conf.py", "portal.wsgi"]
        + ["--bind", f"127.0.0.1:{PORT}", "--access-logfile", "/dev/null"],
        cwd=ROOT,
        env=env,
    )
    wait_for(PORT)
    return server


def nginx(tmp):
    """Debian's nginx with the portal's locations (deploy/nginx-locations.conf) in front of the
    app server on PORT, its static file served by nginx itself."""
    server = nginx_local.start(
        tmp, app_port=PORT, port=NGINX_PORT, workers=WORKERS, static=(STATIC, ROOT / "var")
    )
    wait_for(NGINX_PORT)
    return server


def run(mode):
    env = environment(0 if mode == "uncached" else 300)
    server = gunicorn(env)
    proxy, tmp = None, None
    try:
        port = PORT
        if mode == "nginx":
            tmp = tempfile.mkdtemp(prefix="portal-bench-nginx-")
            os.chmod(tmp, 0o755)  # noqa: S103  (nginx's workers run as another user)
            proxy, port = nginx(tmp), NGINX_PORT
        # The static file first and last, their mean the mode's reference: the load of a
        # shared machine drifts within a run.
        first = load(port, STATIC)
        rows = {path: load(port, path) for path in URLS if path != STATIC}
        last = load(port, STATIC)
        rows[STATIC] = {
            **last,
            "requests_per_s": round((first["requests_per_s"] + last["requests_per_s"]) / 2, 1),
            "first_and_last": [first["requests_per_s"], last["requests_per_s"]],
        }
        return rows
    finally:
        for process in (proxy, server):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def commit():
    head = subprocess.run(
        [GIT, "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run([GIT, "diff", "--quiet", "HEAD"], cwd=ROOT).returncode
    return head + ("+changes" if dirty else "")


def main():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("make bench needs DATABASE_URL=postgres://...")
    if shutil.which("wrk") is None:
        sys.exit("make bench needs wrk: apt-get install wrk")
    env = environment(0)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    # A static file of the size of the zone list page: what the server serves at best.
    size = int(
        shell("from django.test import Client; print(len(Client().get('/zones/').content))", env)
    )
    (ROOT / "var" / "static" / "bench.html").write_text("<!-- bench -->" + "x" * max(size - 14, 0))
    data = shell(
        "from zones.models import Zone, Plot; "
        "print(f'{Zone.objects.count()} zones, {Plot.objects.count()} plots')",
        env,
    )
    # The cached runs start empty: pages left in Redis by a run on another database share the
    # catalogue's version number and would be served as this one's.
    shell("from django.core.cache import cache; cache.clear(); print()", env)
    modes = ["uncached", "cached"] + (["nginx"] if shutil.which("nginx") else [])
    modes = os.environ.get("BENCH_MODES", "").split() or modes
    results = {mode: run(mode) for mode in modes}
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit(),
        "data": data,
        "machine": f"{platform.node()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "seconds_per_url": SECONDS,
        "concurrency": CONCURRENCY,
        "workers": WORKERS,
        "zone_list_bytes": size,
        "results": results,
    }
    print(
        f"\n{data}; commit {report['commit']}, {report['date']}; wrk -c{CONCURRENCY}, "
        f"{WORKERS} gunicorn workers, {SECONDS} s per URL\n"
    )
    print("| mode | URL | req/s | p50 ms | p99 ms | bytes | ÷ static |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for mode, rows in results.items():
        static = rows[STATIC]["requests_per_s"]
        for path, row in rows.items():
            row["ratio_to_static"] = round(row["requests_per_s"] / static, 2) if static else 0
            flag = f" ({row['errors']} errors)" if row["errors"] else ""
            if "first_and_last" in row:
                flag += " (mean of {:.0f} first, {:.0f} last)".format(*row["first_and_last"])
            print(
                f"| {mode} | `{path}` | {row['requests_per_s']:.0f} | {row['p50_ms']} | "
                f"{row['p99_ms']} | {row['bytes']} | {row['ratio_to_static']:.2f}{flag} |"
            )
    (ROOT / "var" / "bench.json").write_text(json.dumps(report, indent=2))
    print("\nWritten to var/bench.json")


if __name__ == "__main__":
    main()
