"""Orders through the gateway against the real order-service, product-service, payment
provider and FerretDB: the saga's outcomes for each API.md test card, idempotency,
cancellation and the admin's fulfilment steps."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from polling import wait_until

from .catalog import create_product, set_stock
from .orders import (CARD_DECLINED, CARD_NO_FUNDS, CARD_PROVIDER_ERROR, CARD_SLOW, charges_for,
                     get_order, order_body, place_order, settled_order, stock_of)
from .support import assert_problem, assert_status, error_fields, login, register


@pytest.fixture
def lamp(client, admin):
    product = create_product(client, admin, name="Order lamp", price_cents=2500)
    set_stock(client, admin, product["id"], 5)
    return product


def charges(stack, order_id):
    return charges_for(stack.payment_url, stack.PAYMENT_API_KEY, order_id)


def test_an_order_is_reserved_charged_and_confirmed(client, stack, customer, lamp):
    r = place_order(client, customer, order_body([(lamp["id"], 2)]))
    assert_status(r, 201)
    order = r.json()
    assert order["status"] == "CONFIRMED", order
    assert order["total_cents"] == 5000 and order["currency"] == "EUR"
    assert order["items"][0]["name"] == "Order lamp" and order["items"][0]["unit_price_cents"] == 2500
    assert order["payment"]["status"] == "SUCCEEDED" and order["payment"]["card_last4"] == "4242"
    assert [h["status"] for h in order["status_history"]] == ["PENDING", "CONFIRMED"]
    assert stock_of(client, lamp["id"]) == 3
    held = charges(stack, order["id"])
    assert [(c["amount"], c["status"]) for c in held] == [(5000, "succeeded")]


def test_the_idempotency_key_is_required(client, customer, lamp):
    headers = customer.headers
    problem = assert_problem(client.post("/api/v1/orders", json=order_body([(lamp["id"], 1)]),
                                         headers=headers), 400)
    assert "Idempotency-Key" in problem["detail"]


def test_a_replay_answers_the_same_order_and_charges_once(client, stack, customer, lamp):
    body = order_body([(lamp["id"], 1)])
    first = place_order(client, customer, body, key="replay-key-1")
    again = place_order(client, customer, body, key="replay-key-1")
    assert_status(first, 201)
    assert_status(again, 201)
    assert again.json()["id"] == first.json()["id"]
    assert len(charges(stack, first.json()["id"])) == 1
    assert stock_of(client, lamp["id"]) == 4
    other = place_order(client, customer, order_body([(lamp["id"], 2)]), key="replay-key-1")
    problem = assert_problem(other, 422)
    assert "Idempotency-Key" in error_fields(problem)


def test_parallel_requests_with_one_key_place_one_order(client, stack, customer, lamp):
    body = order_body([(lamp["id"], 1)])
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: place_order(client, customer, body, key="race-key-1"), range(8)))
    ids = {r.json()["id"] for r in answers if r.status_code in (201, 202)}
    assert len(ids) == 1, [(r.status_code, r.text[:200]) for r in answers]
    order_id = ids.pop()
    assert settled_order(client, customer, order_id)["status"] == "CONFIRMED"
    assert len(charges(stack, order_id)) == 1
    assert stock_of(client, lamp["id"]) == 4


@pytest.mark.parametrize("card,reason", [(CARD_DECLINED, "card_declined"),
                                         (CARD_NO_FUNDS, "insufficient_funds")])
def test_a_refused_card_cancels_and_gives_the_stock_back(client, customer, lamp, card, reason):
    r = place_order(client, customer, order_body([(lamp["id"], 2)], card=card))
    assert_status(r, 201)
    order = r.json()
    assert order["status"] == "CANCELLED" and order["failure_reason"] == reason, order
    assert order["payment"]["status"] == "FAILED" and order["payment"]["failure_reason"] == reason
    wait_until(lambda: stock_of(client, lamp["id"]) == 5, message="stock released")


def test_short_stock_waitlists_and_charges_nothing(client, stack, customer, lamp):
    r = place_order(client, customer, order_body([(lamp["id"], 6)]))
    assert_status(r, 201)
    order = r.json()
    assert order["status"] == "WAITLISTED", order
    assert order["payment"]["status"] == "PENDING"
    assert charges(stack, order["id"]) == []
    assert stock_of(client, lamp["id"]) == 5


def test_a_slow_provider_answers_202_then_confirms_with_one_charge(client, stack, customer, lamp):
    r = place_order(client, customer, order_body([(lamp["id"], 1)], card=CARD_SLOW))
    assert_status(r, 202)
    assert r.json()["status"] == "PENDING"
    order = settled_order(client, customer, r.json()["id"], timeout=20.0)
    assert order["status"] == "CONFIRMED", order
    assert len(charges(stack, order["id"])) == 1


def test_a_failing_provider_ends_in_cancellation_without_a_charge(client, stack, customer, lamp):
    r = place_order(client, customer, order_body([(lamp["id"], 1)], card=CARD_PROVIDER_ERROR))
    assert r.status_code in (201, 202), r.text
    order = settled_order(client, customer, r.json()["id"], timeout=30.0)
    assert order["status"] == "CANCELLED", order
    assert order["failure_reason"] == "payment_provider_unavailable"
    assert charges(stack, order["id"]) == []
    wait_until(lambda: stock_of(client, lamp["id"]) == 5, message="stock released")


def test_an_order_from_the_cart_empties_it(client, customer, lamp):
    client.post("/api/v1/cart/items", headers=customer.headers, json={"product_id": lamp["id"], "quantity": 2})
    r = place_order(client, customer, order_body())
    assert_status(r, 201)
    assert [(i["product_id"], i["quantity"]) for i in r.json()["items"]] == [(lamp["id"], 2)]
    assert client.get("/api/v1/cart", headers=customer.headers).json().get("items", []) == []


def test_an_empty_cart_cannot_be_ordered(client, customer):
    problem = assert_problem(place_order(client, customer, order_body()), 422)
    assert "items" in error_fields(problem)


def test_bad_input_is_422_listing_every_field(client, customer, lamp):
    body = order_body([(lamp["id"], 0)])
    body["shipping_address"] = dict(body["shipping_address"], country="gb")
    body["payment"]["cvc"] = "x"
    problem = assert_problem(place_order(client, customer, body), 422)
    assert {"items[0].quantity", "shipping_address.country", "payment.cvc"} <= error_fields(problem)


def test_fulfilment_moves_one_step_at_a_time(client, customer, admin, lamp):
    order = place_order(client, customer, order_body([(lamp["id"], 1)])).json()
    url = f"/api/v1/orders/{order['id']}/status"
    assert_problem(client.post(url, headers=admin.headers, json={"status": "DELIVERED"}), 409)
    assert_problem(client.post(url, headers=customer.headers, json={"status": "SHIPPED"}), 403)
    for status in ("SHIPPED", "DELIVERED", "COMPLETED"):
        r = client.post(url, headers=admin.headers, json={"status": status})
        assert_status(r, 200)
        assert r.json()["status"] == status
    history = [h["status"] for h in get_order(client, customer, order["id"])["status_history"]]
    assert history == ["PENDING", "CONFIRMED", "SHIPPED", "DELIVERED", "COMPLETED"]
    assert_problem(client.post(url, headers=admin.headers, json={"status": "SHIPPED"}), 409)
    assert_problem(client.post(f"/api/v1/orders/{order['id']}/cancel", headers=customer.headers), 409)


def test_cancelling_before_shipping_refunds(client, stack, customer, lamp):
    order = place_order(client, customer, order_body([(lamp["id"], 1)])).json()
    r = client.post(f"/api/v1/orders/{order['id']}/cancel", headers=customer.headers)
    assert_status(r, 200)
    assert r.json()["status"] == "CANCELLED"
    refunded = wait_until(lambda: get_order(client, customer, order["id"])["payment"]["status"] == "REFUNDED",
                          message="payment refunded")
    assert refunded
    held = charges(stack, order["id"])
    assert len(held) == 1 and held[0]["refunded"] is True


def test_orders_are_private(client, customer, lamp):
    order = place_order(client, customer, order_body([(lamp["id"], 1)])).json()
    stranger = login(client, register(client))
    assert_problem(client.get(f"/api/v1/orders/{order['id']}", headers=stranger.headers), 404)
    assert_problem(client.post(f"/api/v1/orders/{order['id']}/cancel", headers=stranger.headers), 404)
    mine = client.get("/api/v1/orders", headers=customer.headers).json()["orders"]
    assert order["id"] in [o["id"] for o in mine]
    theirs = client.get("/api/v1/orders", headers=stranger.headers).json().get("orders", [])
    assert theirs == []


def test_waitlisted_orders_are_served_first_come_first_served(client, stack, admin, customer):
    vase = create_product(client, admin, name="Waitlisted vase", price_cents=4000)
    other = login(client, register(client))
    first = place_order(client, customer, order_body([(vase["id"], 2)])).json()
    second = place_order(client, other, order_body([(vase["id"], 1)])).json()
    assert (first["status"], second["status"]) == ("WAITLISTED", "WAITLISTED")

    set_stock(client, admin, vase["id"], 2)  # enough for the first only
    wait_until(lambda: get_order(client, customer, first["id"])["status"] == "CONFIRMED",
               message="the first waitlisted order confirmed")
    assert get_order(client, other, second["id"])["status"] == "WAITLISTED"
    history = [h["status"] for h in get_order(client, customer, first["id"])["status_history"]]
    assert history == ["PENDING", "WAITLISTED", "PENDING", "CONFIRMED"]
    assert len(charges(stack, first["id"])) == 1

    set_stock(client, admin, vase["id"], 1)
    wait_until(lambda: get_order(client, other, second["id"])["status"] == "CONFIRMED",
               message="the second waitlisted order confirmed")
    assert stock_of(client, vase["id"]) == 0
