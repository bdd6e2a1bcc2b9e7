"""The catalog through outages of its infrastructure: events wait in the outbox while
the broker is down and all go out when it is back; listings keep answering from the
database (marked degraded) while the search server is stopped."""

from __future__ import annotations

import threading
import time
import uuid

import httpx
import pytest

from polling import wait_until

from .catalog import create_product
from .servers import OpenSearch
from .stack import Stack, fresh_stack
from .support import Account, assert_status, login

DELIVERY_DEADLINE_S = 60.0
# Bounds the background listing loop however the test ends.
MAX_LISTING_LOOP_S = 120.0


def marker() -> str:
    return "zq" + uuid.uuid4().hex[:14]


def listed_ids(client: httpx.Client, **params) -> tuple[set[str], bool]:
    r = client.get("/api/v1/products", params=params)
    assert_status(r, 200)
    body = r.json()
    return {item["id"] for item in body["items"]}, body["degraded"]


def product_health(stack) -> tuple[int, str, str]:
    r = httpx.get(f"{stack.product_http_url}/health", timeout=5.0)
    body = r.json()
    return r.status_code, body["status"], body["checks"]["rabbitmq"]


def test_events_written_while_the_broker_is_down_are_delivered_after_it_restarts(
        stack, client, admin):
    word = marker()
    stack.broker.stop()
    try:
        # product-service keeps serving without its broker, and says so.
        wait_until(lambda: product_health(stack) == (200, "degraded", "down"), timeout=15.0,
                   message="product-service degraded, broker down")
        created = {create_product(client, admin, name=f"Patient {i} {word}")["id"] for i in range(5)}
    finally:
        stack.broker.start()
    wait_until(lambda: product_health(stack) == (200, "ok", "ok"), timeout=DELIVERY_DEADLINE_S,
               message="product-service healthy again")
    # The search index only learns of products from their events: seeing all of them
    # there means every event left the outbox and went through the restarted broker.
    wait_until(lambda: listed_ids(client, q=word, page_size=10) == (created, False),
               timeout=DELIVERY_DEADLINE_S, message="all five products indexed after the restart")


@pytest.fixture(scope="module")
def search_server():
    server = OpenSearch(f"search-{uuid.uuid4().hex[:8]}")
    server.start()
    yield server
    if server.running:
        server.stop()


@pytest.fixture(scope="module")
def own_search_stack(search_server):
    def use_own_search_server(s: Stack) -> None:
        s.search_url = search_server.url
        s.product_service.env["SEARCH_URL"] = search_server.url

    with fresh_stack(pytest.fail, use_own_search_server) as s:
        yield s


class ListingLoop:
    """GET /api/v1/products in a loop on a thread of its own, recording each answer."""

    def __init__(self, base_url: str, params: dict):
        self.base_url = base_url
        self.params = params
        self.answers: list[tuple[int, bool | None]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        deadline = time.monotonic() + MAX_LISTING_LOOP_S
        with httpx.Client(base_url=self.base_url, timeout=10.0) as client:
            while not self._stop.is_set() and time.monotonic() < deadline:
                r = client.get("/api/v1/products", params=self.params)
                self.answers.append((r.status_code, r.json().get("degraded") if r.status_code == 200 else None))

    def __enter__(self) -> "ListingLoop":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=15)


def test_listings_fall_back_to_the_database_while_the_search_server_is_stopped(
        own_search_stack, search_server):
    with httpx.Client(base_url=own_search_stack.gateway_url, timeout=10.0) as client:
        admin = login(client, Account(id="", email=Stack.ADMIN_EMAIL, password=Stack.ADMIN_PASSWORD,
                                      name="Administrator"))
        word = marker()
        product = create_product(client, admin, name=f"Resilient lamp {word}")
        wait_until(lambda: listed_ids(client, q=word) == ({product["id"]}, False),
                   timeout=DELIVERY_DEADLINE_S, message="the product indexed")

        with ListingLoop(own_search_stack.gateway_url, {"q": word}) as loop:
            search_server.stop()
            try:
                degraded = wait_until(lambda: listed_ids(client, q=word)[1], timeout=15.0,
                                      message="a degraded listing once the search server is gone")
                assert degraded
                assert listed_ids(client, q=word) == ({product["id"]}, True), \
                    "the database finds the product too"
            finally:
                search_server.start()
            wait_until(lambda: listed_ids(client, q=word) == ({product["id"]}, False),
                       timeout=DELIVERY_DEADLINE_S, message="the search server answering again")

        statuses = {status for status, _ in loop.answers}
        assert statuses == {200}, f"every listing during the outage answered 200: {statuses}"
        modes = {degraded for _, degraded in loop.answers}
        assert modes == {True, False}, f"answers from both the index and the database: {modes}"
