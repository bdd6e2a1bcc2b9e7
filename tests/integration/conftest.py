"""Integration tests: real user-service and api-gateway processes from the release
build, on free ports, against a fresh database on the local stack's PostgreSQL
(127.0.0.1:$SHOP_PG_PORT, default 5432; `scripts/up.sh` or `scripts/test.sh` starts it).
"""

from __future__ import annotations


import httpx
import pytest

from .stack import fresh_stack
from .support import Account, Session, login, register

@pytest.fixture(scope="session")
def stack():
    def fail(message: str) -> None:
        pytest.exit(message, returncode=3)

    with fresh_stack(fail) as s:
        yield s


@pytest.fixture
def client(stack):
    """An HTTP client for the gateway, the only public entry point."""
    with httpx.Client(base_url=stack.gateway_url, timeout=10.0) as c:
        yield c


@pytest.fixture
def user_service_http(stack):
    """An HTTP client for user-service's operations port (/health, /ready, /metrics)."""
    with httpx.Client(base_url=stack.user_http_url, timeout=10.0) as c:
        yield c


@pytest.fixture
def customer(client) -> Session:
    """A freshly registered customer, logged in."""
    return login(client, register(client))


@pytest.fixture
def user_service_control(stack):
    """Lets a test stop, start or restart user-service; whatever the test did, the
    service is running and the gateway healthy again afterwards."""
    yield stack
    stack.ensure_user_service()


@pytest.fixture
def admin(client, stack) -> Session:
    """The first-start admin account, logged in."""
    account = Account(id="", email=stack.ADMIN_EMAIL, password=stack.ADMIN_PASSWORD, name="Administrator")
    return login(client, account)
