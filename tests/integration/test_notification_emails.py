"""Emails from events, against real RabbitMQ, PostgreSQL and Mailpit: one per event that
concerns a customer, each naming its order; never two for one event, whether it is
redelivered, replayed or arrives stale; and none lost while the mail relay or the
notification service is away."""

from datetime import datetime, timedelta, timezone

import httpx
import pytest

from mail_capture import Mailbox
from polling import wait_until

from .catalog import create_product, set_stock
from .event_tap import EventTap
from .notifications import (MAIL_DEADLINE_S, history, mails, planner_caught_up, publish,
                            wait_for_mail, with_new_id)
from .orders import CARD_DECLINED, order_body, place_order, settled_order
from .support import assert_status, login, register


@pytest.fixture
def mailbox(stack) -> Mailbox:
    return Mailbox(stack.mailpit.api_url)


@pytest.fixture
def lamp(client, admin):
    product = create_product(client, admin, name="Notified lamp", price_cents=2500)
    set_stock(client, admin, product["id"], 20)
    return product


@pytest.fixture
def tap(stack):
    listener = EventTap(stack.broker.url, ["order.*"])
    yield listener
    listener.close()


def confirmed_order(client, customer, product_id) -> dict:
    placed = place_order(client, customer, order_body([(product_id, 1)]))
    assert placed.status_code in (201, 202), placed.text
    order = settled_order(client, customer, placed.json()["id"])
    assert order["status"] == "CONFIRMED"
    return order


def set_status(client, admin, order_id, status):
    assert_status(client.post(f"/api/v1/orders/{order_id}/status", json={"status": status},
                              headers=admin.headers), 200)


def test_registration_sends_a_welcome(client, mailbox, stack):
    customer = login(client, register(client, name="Wendy Welcome"))
    welcome = wait_for_mail(mailbox, customer, "Welcome")
    assert "Wendy Welcome" in welcome[0].text
    assert welcome[0].headers["X-Shop-Event-Id"]
    metrics = httpx.get(f"{stack.notification_http_url}/metrics", timeout=5.0).text
    assert 'shop_notification_attempts_total{channel="email",outcome="delivered"}' in metrics


def test_an_order_is_told_from_confirmation_to_delivery(client, admin, customer, lamp, mailbox):
    order = confirmed_order(client, customer, lamp["id"])
    confirmed = wait_for_mail(mailbox, customer, "confirmed")
    assert order["id"] in confirmed[0].subject and order["id"] in confirmed[0].text
    assert order["id"] in confirmed[0].html

    set_status(client, admin, order["id"], "SHIPPED")
    assert order["id"] in wait_for_mail(mailbox, customer, "shipped")[0].text
    set_status(client, admin, order["id"], "DELIVERED")
    assert order["id"] in wait_for_mail(mailbox, customer, "delivered")[0].text

    def order_mails_sent():
        sent = [n for n in history(client, customer)
                if n["order_id"] == order["id"] and n["status"] == "sent"]
        return sent if len(sent) == 3 else None

    sent = wait_until(order_mails_sent, timeout=MAIL_DEADLINE_S, message="the order's mails sent")
    assert sorted(n["template"] for n in sent) == ["order_confirmed", "order_delivered",
                                                   "order_shipped"]
    assert all(n["channel"] == "email" and n["type"] == "order.status_changed" for n in sent)


def test_a_declined_payment_is_told_with_the_order_id(client, customer, lamp, mailbox):
    placed = place_order(client, customer, order_body([(lamp["id"], 1)], card=CARD_DECLINED))
    order = settled_order(client, customer, placed.json()["id"])
    assert order["status"] == "CANCELLED"
    failed = wait_for_mail(mailbox, customer, "Payment for order")
    assert order["id"] in failed[0].subject and "25.00 EUR" in failed[0].text
    assert order["id"] in wait_for_mail(mailbox, customer, "cancelled")[0].subject


def test_a_restock_tells_the_waitlist(client, admin, customer, mailbox):
    vase = create_product(client, admin, name="Waited vase", price_cents=9900)
    assert_status(client.post(f"/api/v1/products/{vase['id']}/waitlist",
                              headers=customer.headers), 201)
    set_stock(client, admin, vase["id"], 3)
    back = wait_for_mail(mailbox, customer, "Back in stock")
    assert vase["id"] in back[0].text


def test_a_redelivered_or_replayed_event_sends_nothing_twice(client, admin, customer, lamp,
                                                              mailbox, tap, stack):
    started = datetime.now(timezone.utc) - timedelta(seconds=1)
    order = confirmed_order(client, customer, lamp["id"])
    events = tap.wait_for(order["id"], {"order.status_changed"})
    wait_for_mail(mailbox, customer, "confirmed")

    publish(stack.broker.url, events[-1])  # the same event, id and all, once more
    r = client.post("/api/v1/admin/events/replay", headers=admin.headers,
                    json={"from": started.isoformat(), "to": datetime.now(timezone.utc).isoformat()})
    assert_status(r, 200)
    assert r.json()["replayed"] >= 3  # at least this order's created, paid, confirmed
    planner_caught_up(client)

    assert len(mails(mailbox, customer, "confirmed")) == 1
    assert len(mails(mailbox, customer, "Welcome")) == 1
    assert [n["template"] for n in history(client, customer)].count("order_confirmed") == 1


def test_a_stale_event_changes_nothing(client, admin, customer, lamp, mailbox, tap, stack):
    order = confirmed_order(client, customer, lamp["id"])
    confirmation = tap.wait_for(order["id"], {"order.status_changed"})[-1]
    set_status(client, admin, order["id"], "SHIPPED")
    wait_for_mail(mailbox, customer, "shipped")

    # The confirmation again, as a new event: older than the shipment by its sequence.
    publish(stack.broker.url, with_new_id(confirmation))
    planner_caught_up(client)
    assert len(mails(mailbox, customer, "confirmed")) == 1


def test_replay_refuses_a_bad_range(client, admin, customer):
    r = client.post("/api/v1/admin/events/replay", headers=admin.headers,
                    json={"from": "2026-01-02T00:00:00Z", "to": "2026-01-01T00:00:00Z"})
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json")
    r = client.post("/api/v1/admin/events/replay", headers=customer.headers,
                    json={"from": "2026-01-01T00:00:00Z", "to": "2026-01-02T00:00:00Z"})
    assert r.status_code == 403


def test_mail_waits_while_the_relay_is_down_and_goes_once_it_is_back(client, stack, mailbox):
    stack.mailpit.stop()
    try:
        customer = login(client, register(client))
        pending = wait_until(
            lambda: [n for n in history(client, customer)
                     if n["template"] == "welcome" and n["status"] == "pending" and n["attempts"] >= 2],
            timeout=MAIL_DEADLINE_S, message="the welcome retried while the relay is down")
        assert pending
    finally:
        stack.mailpit.start()
    wait_for_mail(mailbox, customer, "Welcome")
    wait_until(lambda: [n for n in history(client, customer) if n["status"] == "sent"],
               timeout=MAIL_DEADLINE_S, message="the welcome marked sent")
    planner_caught_up(client)
    assert len(mails(mailbox, customer, "Welcome")) == 1


def test_an_order_never_waits_for_the_notification_service(client, stack, customer, lamp, mailbox):
    stack.notification_service.stop()
    try:
        order = confirmed_order(client, customer, lamp["id"])
    finally:
        stack.notification_service.start()
        stack.notification_service.wait_healthy()
    confirmed = wait_for_mail(mailbox, customer, "confirmed")
    assert order["id"] in confirmed[0].subject
    planner_caught_up(client)
    assert len(mails(mailbox, customer, "confirmed")) == 1
