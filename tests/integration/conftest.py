"""Integration tests: real user-service and api-gateway processes from the release
build, on free ports, against a fresh database on the local stack's PostgreSQL
(127.0.0.1:$SHOP_PG_PORT, default 5432; `scripts/up.sh` or `scripts/test.sh` starts it).
"""

from __future__ import annotations

import os

import httpx
import pytest

from .stack import BUILD_DIR, Database, Stack, StackError, missing_binaries
from .support import Session, login, register

@pytest.fixture(scope="session")
def stack():
    missing = missing_binaries()
    if missing:
        pytest.exit("integration tests need the release build; missing: "
                    + ", ".join(str(p) for p in missing)
                    + f" (build with scripts/build.sh release; build dir {BUILD_DIR})", returncode=3)
    db = Database(host="127.0.0.1", port=int(os.environ.get("SHOP_PG_PORT", "5432")))
    try:
        db.create()
    except StackError as exc:
        pytest.exit(f"cannot create a test database on PostgreSQL at 127.0.0.1:{db.port} "
                    f"(start the local stack with scripts/up.sh): {exc}", returncode=3)
    s = Stack(db)
    try:
        try:
            s.start()
        except StackError as exc:
            s.stop()
            pytest.exit(f"the services under test did not start: {exc}", returncode=3)
        yield s
        s.stop()
    finally:
        db.drop()


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
