"""Order events on "shop.events": each order log entry goes out as CloudEvents once the
broker has it, also when the broker was down when the order changed."""

import uuid

import pytest

from .catalog import create_product, set_stock
from .event_tap import EventTap
from .orders import CARD_DECLINED, order_body, place_order
from .support import assert_status

PATTERNS = ["order.*", "payment.*"]


@pytest.fixture
def lamp(client, admin):
    product = create_product(client, admin, name="Evented lamp", price_cents=1800)
    set_stock(client, admin, product["id"], 10)
    return product


@pytest.fixture
def tap(stack):
    listener = EventTap(stack.broker.url, PATTERNS)
    yield listener
    listener.close()


def test_a_confirmed_order_is_announced_in_order(client, customer, lamp, tap):
    order = place_order(client, customer, order_body([(lamp["id"], 2)])).json()
    events = tap.wait_for(order["id"], {"order.created", "payment.succeeded", "order.status_changed"})
    assert [e["type"] for e in events] == ["order.created", "payment.succeeded", "order.status_changed"]
    created, paid, changed = events
    assert created["source"] == "/order-service" and created["specversion"] == "1.0"
    assert created["data"]["user_id"] == customer.account.id
    assert created["data"]["total_cents"] == 3600
    assert paid["data"]["amount_cents"] == 3600 and paid["data"]["charge_id"].startswith("ch_")
    assert (changed["data"]["from_status"], changed["data"]["to_status"]) == ("PENDING", "CONFIRMED")
    assert len({e["id"] for e in events}) == 3


def test_a_refused_card_is_announced_as_failed_and_cancelled(client, customer, lamp, tap):
    order = place_order(client, customer, order_body([(lamp["id"], 1)], card=CARD_DECLINED)).json()
    events = tap.wait_for(order["id"], {"payment.failed", "order.cancelled"})
    failed = next(e for e in events if e["type"] == "payment.failed")
    assert failed["data"]["reason"] == "card_declined"
    assert [e["data"]["to_status"] for e in events if e["type"] == "order.status_changed"] == ["CANCELLED"]


def test_fulfilment_steps_are_announced(client, customer, admin, lamp, tap):
    order = place_order(client, customer, order_body([(lamp["id"], 1)])).json()
    for status in ("SHIPPED", "DELIVERED", "COMPLETED"):
        assert_status(client.post(f"/api/v1/orders/{order['id']}/status", headers=admin.headers,
                                  json={"status": status}), 200)
    def status_changes(events):
        return [e["data"]["to_status"] for e in events if e["type"] == "order.status_changed"]

    events = tap.wait(order["id"], lambda seen: len(status_changes(seen)) >= 4, "four status changes")
    assert status_changes(events) == ["CONFIRMED", "SHIPPED", "DELIVERED", "COMPLETED"]


def test_orders_placed_while_the_broker_is_down_are_announced_after_it_returns(
        client, stack, customer, lamp):
    # A durable queue of the test's own, bound before the broker goes: it is there to
    # receive whatever the relay publishes once the broker is back.
    queue = f"it-order-events-{uuid.uuid4().hex[:8]}"
    EventTap(stack.broker.url, PATTERNS, queue=queue).close()
    stack.broker.stop()
    try:
        placed = [place_order(client, customer, order_body([(lamp["id"], 1)])) for _ in range(3)]
        for r in placed:
            assert_status(r, 201)
            assert r.json()["status"] == "CONFIRMED"
    finally:
        stack.broker.start()
    tap = EventTap(stack.broker.url, PATTERNS, queue=queue)
    try:
        for r in placed:
            tap.wait_for(r.json()["id"], {"order.created", "payment.succeeded", "order.status_changed"},
                         timeout=30.0)
    finally:
        tap.delete()
