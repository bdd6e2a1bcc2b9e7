"""A dependency of order-service is down: ordering fails fast with 503 and leaves
nothing behind (no order, no reservation, no charge), and works again once the
dependency is back."""

import time

import pytest

from polling import wait_until

from .catalog import create_product, set_stock
from .orders import order_body, place_order, stock_of
from .support import assert_problem, assert_status

FAIL_FAST_S = 5.0


@pytest.fixture
def lamp(client, admin):
    product = create_product(client, admin, name="Outage lamp", price_cents=900)
    set_stock(client, admin, product["id"], 5)
    return product


def orders_of(client, customer) -> list:
    r = client.get("/api/v1/orders", headers=customer.headers)
    assert_status(r, 200)
    return r.json().get("orders", [])


def placed_again(client, customer, body) -> dict:
    """Once the dependency is back, an order goes through again (after the channels to it
    have reconnected: until then a retry gets 503 and leaves nothing behind)."""
    def attempt():
        r = place_order(client, customer, body)
        if r.status_code == 503:
            return None
        assert_status(r, 201)
        return r.json()
    order = wait_until(attempt, timeout=20.0, message="ordering works again")
    assert order["status"] == "CONFIRMED"
    assert len(orders_of(client, customer)) == 1
    return order


def timed_order(client, customer, body):
    started = time.monotonic()
    r = place_order(client, customer, body)
    return r, time.monotonic() - started


def test_product_service_down_fails_fast_and_creates_nothing(client, stack, customer, lamp):
    body = order_body([(lamp["id"], 1)])
    stack.product_service.stop()
    try:
        r, took = timed_order(client, customer, body)
        assert_problem(r, 503)
        assert took < FAIL_FAST_S, f"took {took:.1f}s"
        assert orders_of(client, customer) == []
    finally:
        stack.product_service.start()
        stack.product_service.wait_healthy()
    assert stock_of(client, lamp["id"]) == 5
    placed_again(client, customer, body)


def test_payment_provider_down_fails_fast_and_reserves_nothing(client, stack, customer, lamp):
    body = order_body([(lamp["id"], 2)])
    stack.payment_provider.stop()
    try:
        r, took = timed_order(client, customer, body)
        assert_problem(r, 503)
        assert took < FAIL_FAST_S, f"took {took:.1f}s"
        assert orders_of(client, customer) == []
        assert stock_of(client, lamp["id"]) == 5
    finally:
        stack.payment_provider.start()
        stack.payment_provider.wait_healthy()
    placed_again(client, customer, body)
