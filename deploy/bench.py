"""`make bench`: the production server under load, page by page, against a static file of the
same size (what this machine can serve at best).

Starts gunicorn with production settings and WhiteNoise on 127.0.0.1, warms it, then drives it
from this process with a small bounded load generator (threads, keep-alive connections), first
with the page cache off, then on. Prints a table and writes var/bench.json. Needs DATABASE_URL
(PostgreSQL) and Redis on 127.0.0.1:6379 for the shared cache.
"""

import http.client
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "8"))
URLS = [
    "/",
    "/zones/",
    "/zones/dong-banh/",
    "/plots/?status=available",
    "/api/v1/zones",
    "/static/bench.html",
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
    )
    return env


def manage(*args, env):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def fetch(path, connection=None):
    connection = connection or http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    connection.request("GET", path, headers={"Accept-Encoding": "br, gzip"})
    response = connection.getresponse()
    body = response.read()
    return connection, response.status, len(body)


def load(path):
    """CONCURRENCY keep-alive clients for SECONDS: requests/s, p50/p99 latency, bytes."""
    latencies, sizes, errors = [], [], []
    stop = time.monotonic() + SECONDS

    def client():
        connection = None
        while time.monotonic() < stop and len(latencies) < 1_000_000:
            started = time.perf_counter()
            try:
                connection, status, size = fetch(path, connection)
            except OSError as error:
                errors.append(repr(error))
                connection = None
                continue
            latencies.append(time.perf_counter() - started)
            sizes.append(size)
            if status != 200:
                errors.append(status)

    threads = [threading.Thread(target=client) for _ in range(CONCURRENCY)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    latencies.sort()
    return {
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1),
        "bytes": sizes[-1] if sizes else 0,
        "errors": len(errors),
    }


def queries_per_request(env):
    """SQL queries each page costs without the page cache (Django's test client, in process)."""
    script = (
        "import json\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "out = {}\n"
        f"for url in {URLS[:-1]!r}:\n"
        "    c = Client()\n"
        "    with CaptureQueriesContext(connection) as q:\n"
        "        c.get(url)\n"
        "    out[url] = len(q.captured_queries)\n"
        "print(json.dumps(out))\n"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env={**env, "ALLOWED_HOSTS": "testserver"},
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def run(page_cache_seconds, static_size):
    env = environment(page_cache_seconds)
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "-c",
            "deploy/gunicorn.conf.py",
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                fetch("/healthz")
                break
            except OSError:
                time.sleep(0.2)
        for path in URLS:  # warm: connections, caches, compiled templates
            for _ in range(20):
                fetch(path)
        return {path: load(path) for path in URLS}
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("make bench needs DATABASE_URL=postgres://...")
    env = environment(0)
    manage("collectstatic", "--noinput", env=env)
    # A static file of the size of the zone list page: what WhiteNoise serves at best.
    static_root = ROOT / "var" / "static"
    size = 0
    server_env = {**env, "ALLOWED_HOSTS": "testserver"}
    size = int(
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "-c",
                "from django.test import Client; print(len(Client().get('/zones/').content))",
            ],
            cwd=ROOT,
            env=server_env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    (static_root / "bench.html").write_text("<!-- bench -->" + "x" * max(size - 14, 0))
    queries = queries_per_request(env)
    # The cached run starts empty: pages left in Redis by a run on another database share the
    # catalogue's version number and would be served as this one's.
    manage("shell", "-c", "from django.core.cache import cache; cache.clear()", env=env)
    results = {"uncached": run(0, size), "cached": run(300, size)}
    static_rps = {mode: r["/static/bench.html"]["requests_per_s"] for mode, r in results.items()}
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "seconds_per_url": SECONDS,
        "concurrency": CONCURRENCY,
        "zone_list_bytes": size,
        "queries": queries,
        "results": results,
    }
    print(
        f"{'mode':9} {'url':28} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'SQL':>4} "
        f"{'bytes':>8} {'/static':>8}"
    )
    for mode, rows in results.items():
        for path, row in rows.items():
            ratio = row["requests_per_s"] / static_rps[mode] if static_rps[mode] else 0
            row["ratio_to_static"] = round(ratio, 2)
            print(
                f"{mode:9} {path:28} {row['requests_per_s']:8} {row['p50_ms']:8} "
                f"{row['p99_ms']:8} {queries.get(path, 0):4} {row['bytes']:8} {ratio:8.2f}"
            )
    (ROOT / "var" / "bench.json").write_text(json.dumps(report, indent=2))
    print("Written to var/bench.json")


if __name__ == "__main__":
    main()
