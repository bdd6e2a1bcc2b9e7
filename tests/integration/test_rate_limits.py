"""Rate limits at the gateway: two gateway replicas sharing one Redis share one budget;
past it a client gets 429 problem+json with Retry-After, and every answer carries the
RateLimit headers. Sign-in is limited per address, the rest per user."""

from __future__ import annotations

import uuid

import httpx
import pytest

from .servers import Redis
from .stack import ServiceProcess, free_port
from .support import PASSWORD

AUTH_PER_MINUTE = 4
READ_PER_MINUTE = 5


@pytest.fixture(scope="module")
def redis():
    server = Redis(f"redis_{uuid.uuid4().hex[:8]}")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def strict_gateways(stack, redis):
    gateways = []
    for replica in range(2):
        port = free_port()
        env = dict(stack.gateway.env, GATEWAY_PORT=str(port), REDIS_URL=redis.url,
                   RATE_LIMIT_AUTH_PER_MINUTE=str(AUTH_PER_MINUTE),
                   RATE_LIMIT_READ_PER_MINUTE=str(READ_PER_MINUTE))
        gateway = ServiceProcess("api-gateway", env, f"http://127.0.0.1:{port}/health",
                                 stack.gateway.log_path.parent / f"strict-gateway-{replica}")
        gateway.start()
        gateway.wait_healthy()
        gateway.url = f"http://127.0.0.1:{port}"
        gateways.append(gateway)
    yield gateways
    for gateway in gateways:
        gateway.stop()


def test_replicas_share_one_sign_in_budget(strict_gateways):
    answers = []
    for attempt in range(AUTH_PER_MINUTE + 2):
        url = strict_gateways[attempt % 2].url  # alternate between the replicas
        answers.append(httpx.post(f"{url}/api/v1/auth/login", timeout=5.0,
                                  json={"email": f"nobody-{attempt}@example.com",
                                        "password": PASSWORD}))
    statuses = [r.status_code for r in answers]
    assert statuses[:AUTH_PER_MINUTE] == [401] * AUTH_PER_MINUTE, statuses
    assert statuses[AUTH_PER_MINUTE:] == [429, 429], statuses

    limited = answers[-1]
    assert limited.headers["content-type"].startswith("application/problem+json")
    assert limited.json()["status"] == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert limited.headers["RateLimit-Limit"] == str(AUTH_PER_MINUTE)
    assert limited.headers["RateLimit-Remaining"] == "0"
    first = answers[0]
    assert first.headers["RateLimit-Limit"] == str(AUTH_PER_MINUTE)
    assert int(first.headers["RateLimit-Remaining"]) == AUTH_PER_MINUTE - 1


def test_reads_are_limited_per_user(client, stack, strict_gateways, customer):
    url = strict_gateways[0].url
    mine = [httpx.get(f"{url}/api/v1/users/me", headers=customer.headers, timeout=5.0).status_code
            for _ in range(READ_PER_MINUTE + 1)]
    assert mine == [200] * READ_PER_MINUTE + [429], mine
    # Another customer has a budget of their own.
    other = httpx.post(f"{stack.gateway_url}/api/v1/auth/register", timeout=5.0,
                       json={"email": f"other-{uuid.uuid4().hex[:8]}@example.com",
                             "password": PASSWORD, "name": "Other"})
    assert other.status_code == 201
    token = httpx.post(f"{stack.gateway_url}/api/v1/auth/login", timeout=5.0,
                       json={"email": other.json()["email"], "password": PASSWORD}).json()
    theirs = httpx.get(f"{url}/api/v1/users/me", timeout=5.0,
                       headers={"Authorization": f"Bearer {token['access_token']}"})
    assert theirs.status_code == 200
