"""`make lighthouse`: Lighthouse 12 (npm, installed with --ignore-scripts) in Debian's Chromium
against the production server (gunicorn, DEBUG off, collected and compressed static files, the
shipped Lạng Sơn data in a throwaway SQLite database), mobile form factor.

Fails when a page scores below 100 in accessibility, best practices or SEO, or below 95 in
performance, and writes every page's scores to var/lighthouse/scores.md (the reports beside it).

A page's performance is the median of LIGHTHOUSE_RUNS runs (3 by default), as Lighthouse's
docs/variability.md advises on a machine that is busy with other work: on these 2-core machines
under a stress loop a single run moved the zone list between 95 and 100, and 3 runs in 45 fell
to 75, 84 and 94 (a style recalculation stalled for a second). When the median of three
falls short, two more runs are made and the median of the five counts: a page that is slow in
most runs still fails. scores.md shows each page's lowest, median and highest run; the other
categories do not vary and come from the first run.

Throttling: Lighthouse's mobile preset, simulated (Slow 4G: 150 ms, 1.6 Mbit/s), with the CPU
slowdown calibrated to the machine as Lighthouse's docs/throttling.md advises (calibrated_slowdown:
benchmarkIndex / 440, the same phone its 4x default makes of a 1,750 desktop; these machines
measure 500-2,700 when busy, on which a flat 4x emulates a phone slower than Lighthouse means).
The benchmark is the median of three runs: one sample of a busy machine is as noisy as a score.
LIGHTHOUSE_CPU_SLOWDOWN=4 sets the multiplier by hand. The multiplier used is in scores.md. Map
tiles come from a blank-tile server started here (offline, OpenStreetMap's would fail).

LIGHTHOUSE_PAGES=all checks every public page in the three languages (some 45 runs, ~15 min);
the default, which CI runs, checks each kind of page once, rotating through the languages.
"""

import http.server
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
OUT = ROOT / "var" / "lighthouse"
THRESHOLDS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Map tiles come from the internet: offline, they fail fast instead of hanging the run.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
# Each kind of public page once, rotating through the languages (the default run).
PAGES = [
    "/",
    "/en/zones/",
    "/zh-hans/zones/dong-banh/",
    "/en/zones/hong-phong/",
    "/plots/",
    "/zh-hans/zones/compare/?zones=dong-banh,hong-phong",
    "/en/inquire/",
    "/inquire/status/",
    "/zh-hans/privacy/",
]
EXTRA = [
    "/zones/?kind=kcn&sort=-free",
    "/zones/compare/?zones=dong-banh,hong-phong",
    "/inquire/",
    "/inquire/status/",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def blank_tile():
    """A light grey 256 px map tile (PNG), for every tile the maps ask for: offline,
    OpenStreetMap's tiles would fail, and each failure is a console error Lighthouse counts."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    pixels = b"".join(b"\x00" + b"\xe0" * 256 for _ in range(256))
    header = struct.pack(">IIBBBBB", 256, 256, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels, 9))
        + chunk(b"IEND", b"")
    )


BLANK_TILE = blank_tile()


class TileServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Lighthouse closes the page, and its tile requests, as soon as it has measured.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class TileHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Cache-Control", "max-age=86400")
        self.send_header("Content-Length", str(len(BLANK_TILE)))
        self.end_headers()
        self.wfile.write(BLANK_TILE)

    def log_message(self, *args):
        pass


def start_tile_server():
    server = TileServer(("127.0.0.1", 0), TileHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def production_env(workdir, port, tiles):
    env = {
        **os.environ,
        "DEBUG": "false",
        "PORTAL_NO_DEV_ENV": "1",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": f"sqlite:///{workdir}/db.sqlite3",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
        # Plain HTTP on the loopback: production behind nginx gets HTTPS from it.
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
        "MAP_TILE_URL": f"http://127.0.0.1:{tiles}/{{z}}/{{x}}/{{y}}.png",
    }
    env.pop("DATABASE_URL_TEST", None)
    return env


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def start_server(env, port):
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py"]
        + ["portal.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("lighthouse: the production server did not start")


def all_pages(base):
    sitemap = urllib.request.urlopen(f"{base}/sitemap.xml").read().decode()  # noqa: S310 (ours)
    paths = [
        re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)
    ]
    return paths + [prefix + path for prefix in ("", "/en", "/zh-hans") for path in EXTRA]


def lighthouse(url, report, cpu_slowdown, categories=tuple(THRESHOLDS)):
    """One Lighthouse run; returns (scores, benchmarkIndex, the audits that fell short). A run
    that Lighthouse itself gives up on (NO_NAVSTART: its trace missed the page's start) is tried
    again, up to three times in all, after a pause: once more was not enough on one CI run
    (/zh-hans/privacy/ twice in a row, every page before it scored)."""
    for attempt in (1, 2, 3):
        try:
            return _lighthouse_once(url, report, cpu_slowdown, categories)
        except subprocess.CalledProcessError:
            if attempt == 3:
                raise
            time.sleep(2)
    raise AssertionError("unreachable")


def _lighthouse_once(url, report, cpu_slowdown, categories):
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--only-categories=" + ",".join(categories),
            f"--throttling.cpuSlowdownMultiplier={cpu_slowdown}",
            "--chrome-flags=" + " ".join(CHROME_FLAGS),
        ],
        env={**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"},
        check=True,
        timeout=180,
    )
    result = json.loads(report.read_text())
    scores = {key: round(cat["score"] * 100) for key, cat in result["categories"].items()}
    failed = [
        audit["id"]
        for audit in result["audits"].values()
        if audit.get("scoreDisplayMode") in ("binary", "numeric")
        and audit.get("score") is not None
        and audit["score"] < 1
        and audit["id"] not in ("largest-contentful-paint", "first-contentful-paint")
    ]
    return scores, result["environment"]["benchmarkIndex"], failed


def calibrated_slowdown(base):
    """The CPU slowdown that makes this machine a mid-tier phone, as Lighthouse means it: its 4x
    default takes a desktop of benchmarkIndex ~1,750 (the middle of its high-end bracket) to
    ~440 (the middle of its mid-tier mobile bracket, 125-800), so this machine gets
    benchmarkIndex / 440, never below 1 (docs/throttling.md, "Calibrating the CPU slowdown")."""
    if "LIGHTHOUSE_CPU_SLOWDOWN" in os.environ:
        return float(os.environ["LIGHTHOUSE_CPU_SLOWDOWN"]), None
    benchmark = statistics.median(
        lighthouse(base + "/", OUT / f"calibration-{i}.json", 4, ("performance",))[1]
        for i in (1, 2, 3)
    )
    return max(1.0, round(benchmark / 440, 1)), benchmark


def audit_page(base, path, cpu_slowdown):
    """Scores of one page, its performance runs and the audits below 1 in the first run.
    Performance is the median of RUNS runs, or of RUNS + 2 when that falls short (Lighthouse's
    docs/variability.md); the first run scores every category, the others only performance (the
    rest do not vary)."""
    name = re.sub(r"[^\w]+", "-", path).strip("-") or "home"
    runs = [lighthouse(base + path, OUT / f"{name}.json", cpu_slowdown)]

    def more(count):
        start = len(runs) + 1
        for i in range(start, start + count):
            runs.append(
                lighthouse(base + path, OUT / f"{name}-{i}.json", cpu_slowdown, ("performance",))
            )

    more(RUNS - 1)
    if statistics.median(run[0]["performance"] for run in runs) < THRESHOLDS["performance"]:
        more(2)
    scores = dict(runs[0][0])
    performance = sorted(run[0]["performance"] for run in runs)
    scores["performance"] = statistics.median(performance)
    return scores, performance, statistics.median(run[1] for run in runs), runs[0][2]


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit("lighthouse is missing: make lighthouse installs it")
    OUT.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        workdir = Path(tmp)
        tiles = start_tile_server()
        env = production_env(workdir, port, tiles.server_address[1])
        manage(env, "migrate", "--noinput")
        manage(env, "load_langson")
        manage(env, "collectstatic", "--noinput")
        server = start_server(env, port)
        base = f"http://127.0.0.1:{port}"
        rows, failures = [], []
        try:
            cpu_slowdown, calibration = calibrated_slowdown(base)
            print(f"CPU slowdown {cpu_slowdown:g}x (benchmarkIndex {calibration})", flush=True)
            pages = all_pages(base) if os.environ.get("LIGHTHOUSE_PAGES") == "all" else PAGES
            for path in pages:
                scores, performance, benchmark, audits = audit_page(base, path, cpu_slowdown)
                below = {k: v for k, v in scores.items() if v < THRESHOLDS[k]}
                rows.append((path, scores, performance, benchmark))
                print(f"{path}: {scores} runs {performance}", flush=True)
                if below:
                    failures.append(f"{path}: {below}; audits below 1: {audits}")
        finally:
            server.terminate()
            server.wait(timeout=30)
            tiles.shutdown()
    version = subprocess.check_output([str(LIGHTHOUSE), "--version"], text=True).strip()
    calibrated = f" (calibrated: benchmarkIndex {calibration:.0f} / 440)" if calibration else ""
    lines = [
        f"# Lighthouse {version}, mobile, simulated Slow 4G, "
        f"CPU slowdown {cpu_slowdown:g}x{calibrated}, performance the median of {RUNS} runs",
        "",
        "| page | performance | lowest–highest run | accessibility | best practices | SEO "
        "| benchmarkIndex |",
        "|---|---|---|---|---|---|---|",
    ]
    for path, scores, performance, benchmark in rows:
        lines.append(
            f"| {path} | {scores['performance']:g} | {performance[0]}–{performance[-1]} | "
            f"{scores['accessibility']} | {scores['best-practices']} | {scores['seo']} | "
            f"{benchmark:.0f} |"
        )
    (OUT / "scores.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    if failures:
        raise SystemExit("lighthouse: below the thresholds\n" + "\n".join(failures))


if __name__ == "__main__":
    main()
