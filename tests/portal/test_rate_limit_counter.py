"""The rate limits' counter on Redis: one round trip per counted request (every API answer, the
cached ones too, pays it), a counter that expires with its window, and the same limits as
before."""

from unittest import mock

import pytest
import redis
from django.test import RequestFactory
from redis.connection import Connection

from portal.ratelimits import limit_reached
from tests.factories import ZoneFactory

pytestmark = pytest.mark.django_db


def counters(redis_server):
    client = redis.Redis.from_url(redis_server.url)
    return {key: client.ttl(key) for key in client.keys("*rl:*")}


def test_an_api_request_is_counted_in_one_round_trip_to_redis(client, redis_cache, settings):
    settings.API_RATE_LIMIT = "1000/m"
    ZoneFactory()
    assert client.get("/api/v1/zones")["X-Cache"] == "miss"
    sent = mock.patch.object(
        Connection, "send_packed_command", autospec=True, side_effect=Connection.send_packed_command
    )
    with sent as send:
        hit = client.get("/api/v1/zones")
    assert hit.status_code == 200 and hit["X-Cache"] == "hit"
    # The count (INCR and EXPIRE, pipelined) and the page with the catalogue's version (MGET).
    assert send.call_count == 2


def test_a_counter_expires_with_its_window(redis_cache, settings):
    request = RequestFactory().get("/api/v1/zones", REMOTE_ADDR="203.0.113.7")
    assert limit_reached(request, group="api", rate="3/m", increment=True, method="GET") is None
    [ttl] = counters(redis_cache).values()
    assert 0 < ttl <= 61


def test_the_limit_is_reached_after_the_rate_and_peeking_does_not_count(redis_cache):
    request = RequestFactory().post("/inquire/", REMOTE_ADDR="203.0.113.8")

    def reached(increment):
        return limit_reached(request, group="inquiry", rate="2/h", increment=increment)

    assert [reached(True), reached(False), reached(True)] == [None, None, None]
    assert 0 < reached(False) <= 3600  # two counted: the next one would be over
    assert 0 < reached(True) <= 3600
    other = RequestFactory().post("/inquire/", REMOTE_ADDR="203.0.113.9")
    assert limit_reached(other, group="inquiry", rate="2/h", increment=True) is None


def test_only_the_limited_method_is_counted(redis_cache):
    request = RequestFactory().get("/inquire/", REMOTE_ADDR="203.0.113.10")
    assert limit_reached(request, group="inquiry", rate="1/h", increment=True) is None
    assert counters(redis_cache) == {}
