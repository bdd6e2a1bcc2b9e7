"""Webhooks through the gateway, delivered to a loopback receiver (the test stack runs
with WEBHOOK_ALLOW_PRIVATE=1): signed per Standard Webhooks and verified with the
`standardwebhooks` package, retried with backoff until the receiver takes them, and
disabled when the receiver answers 410 Gone."""

import json

import pytest
import standardwebhooks

from polling import wait_until

from .catalog import create_product, set_stock
from .orders import order_body, place_order, settled_order
from .receiver import Receiver
from .support import assert_problem, assert_status, login, register


@pytest.fixture
def lamp(client, admin):
    product = create_product(client, admin, name="Hooked lamp", price_cents=1200)
    set_stock(client, admin, product["id"], 50)
    return product


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


def subscribe(client, session, url, events=("order.status_changed",)) -> dict:
    r = client.post("/api/v1/webhooks", headers=session.headers,
                    json={"url": url, "events": list(events)})
    assert_status(r, 201)
    return r.json()


def confirmed_order(client, session, product_id) -> dict:
    placed = place_order(client, session, order_body([(product_id, 1)]))
    assert placed.status_code in (201, 202), placed.text
    order = settled_order(client, session, placed.json()["id"])
    assert order["status"] == "CONFIRMED"
    return order


def deliveries(client, session, webhook_id) -> list[dict]:
    r = client.get(f"/api/v1/webhooks/{webhook_id}/deliveries", headers=session.headers)
    assert_status(r, 200)
    return r.json().get("deliveries", [])


def test_deliveries_are_signed_and_only_about_the_owner(client, customer, lamp, receiver):
    hook = subscribe(client, customer, f"{receiver.url}/hooks")
    assert hook["secret"].startswith("whsec_") and hook["enabled"] is True
    stranger = login(client, register(client))
    confirmed_order(client, stranger, lamp["id"])
    order = confirmed_order(client, customer, lamp["id"])

    seen = receiver.wait_for(lambda got: any(order["id"] in r.body.decode() for r in got),
                             what="the order's webhook")
    verifier = standardwebhooks.Webhook(hook["secret"])
    for request in seen:
        event = verifier.verify(request.body.decode(), request.headers)
        assert event["specversion"] == "1.0" and event["type"] == "order.status_changed"
        assert event["data"]["user_id"] == customer.account.id
    mine = json.loads(seen[-1].body)
    assert mine["data"]["order_id"] == order["id"] and mine["data"]["to_status"] == "CONFIRMED"
    assert seen[-1].headers["content-type"] == "application/json" and seen[-1].path == "/hooks"

    tampered = seen[-1].body.decode().replace("CONFIRMED", "CANCELLED")
    with pytest.raises(standardwebhooks.WebhookVerificationError):
        verifier.verify(tampered, seen[-1].headers)

    logged = wait_until(lambda: [d for d in deliveries(client, customer, hook["id"])
                                 if d["status"] == "sent"], timeout=10.0, message="delivery logged")
    assert logged[0]["event_type"] == "order.status_changed"
    assert [a["status_code"] for a in logged[0]["attempts"]] == [200]


def test_a_failing_receiver_gets_the_same_delivery_again(client, customer, lamp):
    receiver = Receiver(statuses=[500, 503])
    try:
        hook = subscribe(client, customer, receiver.url)
        confirmed_order(client, customer, lamp["id"])
        seen = receiver.wait_for(lambda got: len(got) >= 3, what="three attempts")
        assert len({r.headers["webhook-id"] for r in seen}) == 1
        verifier = standardwebhooks.Webhook(hook["secret"])
        for request in seen:
            verifier.verify(request.body.decode(), request.headers)
        logged = wait_until(lambda: [d for d in deliveries(client, customer, hook["id"])
                                     if d["status"] == "sent"], timeout=10.0,
                            message="the delivery marked sent")
        assert [a["status_code"] for a in logged[0]["attempts"]] == [500, 503, 200]
        assert logged[0]["attempts"][0]["error"] == "HTTP 500"
    finally:
        receiver.close()


def test_a_gone_receiver_disables_its_webhook(client, customer, lamp):
    receiver = Receiver(statuses=[410])
    try:
        hook = subscribe(client, customer, receiver.url)
        confirmed_order(client, customer, lamp["id"])

        def disabled():
            r = client.get(f"/api/v1/webhooks/{hook['id']}", headers=customer.headers)
            assert_status(r, 200)
            return r.json() if not r.json()["enabled"] else None

        webhook = wait_until(disabled, timeout=15.0, message="the webhook disabled")
        assert "410" in webhook["disabled_reason"]
        assert len(receiver.requests()) == 1
    finally:
        receiver.close()


def test_webhooks_are_validated_and_private_to_their_owner(client, customer, receiver):
    for body, field in (({"url": "ftp://127.0.0.1/x", "events": ["order.created"]}, "url"),
                        ({"url": "http://user:pw@127.0.0.1/", "events": ["order.created"]}, "url"),
                        ({"url": receiver.url, "events": []}, "events"),
                        ({"url": receiver.url, "events": ["order.exploded"]}, "events")):
        problem = assert_problem(client.post("/api/v1/webhooks", headers=customer.headers,
                                             json=body), 422)
        assert field in json.dumps(problem), problem

    hook = subscribe(client, customer, receiver.url)
    listed = client.get("/api/v1/webhooks", headers=customer.headers).json()["webhooks"]
    assert [w["id"] for w in listed] == [hook["id"]] and listed[0].get("secret", "") == ""

    stranger = login(client, register(client))
    assert_problem(client.get(f"/api/v1/webhooks/{hook['id']}", headers=stranger.headers), 404)
    assert_problem(client.delete(f"/api/v1/webhooks/{hook['id']}", headers=stranger.headers), 404)
    assert_status(client.delete(f"/api/v1/webhooks/{hook['id']}", headers=customer.headers), 204)
    assert_problem(client.get(f"/api/v1/webhooks/{hook['id']}", headers=customer.headers), 404)
    assert_problem(client.get("/api/v1/webhooks/not-a-uuid", headers=customer.headers), 404)
