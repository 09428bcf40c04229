"""What a test does when a tool it needs is not on the machine."""

import os

import pytest


def tool_missing(message):
    """Skip the test, saying what to install; under CI (CI=true, which .ci/run sets and which
    installs every tool) fail instead, so no test silently goes unrun there."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)
