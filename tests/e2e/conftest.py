"""End-to-end tests run against a stack that is ALREADY UP (scripts/up.sh), through the
gateway only: SHOP_GATEWAY_URL, default http://127.0.0.1:8080.

Fixtures for scenarios:
  gateway_url        the base URL
  api                an unauthenticated ShopClient
  new_client()       factory: more ShopClients (closed after the test)
  customer           a ShopClient registered and logged in as a new customer
  admin              a ShopClient logged in as the stack's admin (SHOP_ADMIN_EMAIL/PASSWORD)
  wait_until         wait_until(predicate, timeout, interval): poll with a deadline
"""

from __future__ import annotations

import os

import pytest

from polling import wait_until as _wait_until

from .client import ShopClient
from .transport import TransportError, send

@pytest.fixture(scope="session")
def gateway_url() -> str:
    return os.environ.get("SHOP_GATEWAY_URL", "http://127.0.0.1:8080").rstrip("/")


@pytest.fixture(scope="session", autouse=True)
def stack_is_up(gateway_url):
    """Fails the whole run at once, with the reason, when the stack does not answer."""
    try:
        r = send("GET", f"{gateway_url}/health", timeout=5.0)
    except TransportError as exc:
        pytest.exit(f"the stack is not up: {gateway_url}/health does not answer ({exc!r}). "
                    "Start it with ./scripts/up.sh, or set SHOP_GATEWAY_URL.", returncode=3)
    if r.status_code != 200:
        pytest.exit(f"the stack is not healthy: {gateway_url}/health -> {r.status_code} {r.text[:300]}. "
                    "See ./scripts/health-check.sh.", returncode=3)


@pytest.fixture
def new_client(gateway_url):
    clients: list[ShopClient] = []

    def make() -> ShopClient:
        c = ShopClient(gateway_url)
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.close()


@pytest.fixture
def api(new_client) -> ShopClient:
    return new_client()


@pytest.fixture
def customer(new_client) -> ShopClient:
    return new_client().register_and_login()


@pytest.fixture
def admin(new_client) -> ShopClient:
    c = new_client()
    email = os.environ.get("SHOP_ADMIN_EMAIL", "admin@shop.local")
    password = os.environ.get("SHOP_ADMIN_PASSWORD", "admin-change-me")
    c.expect(c.login(email, password), 200)
    return c


@pytest.fixture
def wait_until():
    return _wait_until
