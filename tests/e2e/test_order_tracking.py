"""A customer orders from the cart and follows the order to completion while the
admin fulfils it: PENDING → CONFIRMED → SHIPPED → DELIVERED → COMPLETED, each step in
the order's status_history; steps out of order are refused."""

import uuid

CARD = {"card_number": "4242 4242 4242 4242", "exp_month": 12, "exp_year": 2035, "cvc": "123"}
ADDRESS = {"name": "E2E Customer", "line1": "1 Test Street", "city": "Berlin",
           "postal_code": "10115", "country": "DE"}


def test_an_order_is_tracked_from_payment_to_completion(admin, customer, wait_until):
    word = uuid.uuid4().hex[:10]
    lamp = admin.expect(admin.create_product(
        sku=f"TRACK-{word}".upper(), name=f"Tracked lamp {word}", price_cents=3900, currency="EUR"),
        201).json()
    admin.expect(admin.set_inventory(lamp["id"], 3), 200)

    customer.expect(customer.add_to_cart(lamp["id"], 2), 200)
    cart = customer.expect(customer.cart(), 200).json()
    assert cart["total_cents"] == 7800

    placed = customer.expect(customer.place_order(
        {"shipping_address": ADDRESS, "payment": CARD}, idempotency_key=f"track-{word}"), 201, 202).json()

    def confirmed():
        order = customer.expect(customer.order(placed["id"]), 200).json()
        return order if order["status"] == "CONFIRMED" else None

    order = wait_until(confirmed, timeout=15.0, message="order confirmed")
    assert order["payment"]["status"] == "SUCCEEDED" and order["total_cents"] == 7800
    assert customer.expect(customer.cart(), 200).json().get("items", []) == []
    assert customer.expect(customer.product(lamp["id"]), 200).json()["stock_available"] == 1

    customer.expect(customer.set_order_status(order["id"], "SHIPPED"), 403)
    admin.expect(admin.set_order_status(order["id"], "COMPLETED"), 409)
    for status in ("SHIPPED", "DELIVERED", "COMPLETED"):
        changed = admin.expect(admin.set_order_status(order["id"], status), 200).json()
        assert changed["status"] == status

    tracked = customer.expect(customer.order(order["id"]), 200).json()
    assert [h["status"] for h in tracked["status_history"]] == [
        "PENDING", "CONFIRMED", "SHIPPED", "DELIVERED", "COMPLETED"]
    assert all(h["at"] for h in tracked["status_history"])
    customer.expect(customer.cancel_order(order["id"]), 409)
    listed = customer.expect(customer.orders(), 200).json()["orders"]
    assert listed[0]["id"] == order["id"] and listed[0]["status"] == "COMPLETED"
