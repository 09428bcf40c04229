"""What a test does when a tool it needs is not on the machine."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

# The checkout this suite runs in.
ROOT = Path(__file__).resolve().parent.parent


def tool_missing(message):
    """Skip the test, saying what to install; under CI (CI=true, which .ci/run sets and which
    installs every tool) fail instead, so no test silently goes unrun there."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


# A production environment, without the development values of var/dev.env.
PRODUCTION_ENV = {
    "PORTAL_NO_DEV_ENV": "1",
    "SECRET_KEY": "q8Zr2Lw9vXk4Tn7Bp1Ys6Hd3Gf0Jm5Qc8Wa2Ee7Ru4Io9Pl1Ks6Dz3",
    "ALLOWED_HOSTS": "dautu.langson.gov.vn",
    # boto3 must find everything in the environment given here, and ask no one else.
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    "AWS_EC2_METADATA_DISABLED": "true",
}


def run_in_production(args, **env):
    """Run Python in a process of its own, with the production settings that `env` adds to."""
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "CACHE_URL", "MEDIA_STORAGE", "MEDIA_PRIVATE_BUCKET"}
        and not k.startswith("AWS_")
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**inherited, **PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "portal.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


class _FormFields(HTMLParser):
    """The values a browser would send for the form with the given id."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.data = form_id, []
        self._in_form, self._select, self._textarea = False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self._in_form = True
        if not self._in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.data.append(tuple(self._textarea))
            self._textarea = None


def unchanged_form(html, form_id):
    """What pressing Save on a page sends when nothing was changed: {name: [values]}."""
    parser = _FormFields(form_id)
    parser.feed(html)
    data = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value.removeprefix("\n"))
    return data


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_it_answers(port, path="/healthz", seconds=15):
    """Wait for the server just started on `port` to answer `path` over HTTP."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5).close()  # noqa: S310
            return
        except OSError:
            if time.monotonic() > deadline:
                raise AssertionError(f"nothing answers on port {port}") from None
            time.sleep(0.05)


class RedisServer:
    """A redis-server of the test's own, on a free port, that the test stops and starts again
    (on the same port) to play an outage. Nothing is saved: a restart comes back empty, as the
    production Redis configured without persistence does."""

    def __init__(self, directory, *options):
        self.directory = directory
        self.options = options  # more of redis-server's options: "--maxmemory", "2mb"
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        if (server := shutil.which("redis-server")) is None:
            tool_missing("redis-server is missing: apt-get install redis-server")
        self.process = subprocess.Popen(
            [
                server,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                str(self.directory),
                *self.options,
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
                    connection.sendall(b"PING\r\n")
                    if connection.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"redis-server did not answer on port {self.port}")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
