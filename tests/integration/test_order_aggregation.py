"""GET /api/v1/orders/{id} through the gateway adds each item's product as the catalog
shows it now; with product-service down the order is still served at once, flagged
partial, and whole again once the service is back."""

import time

from polling import wait_until

from .catalog import create_product, set_stock
from .orders import get_order, order_body, place_order
from .support import assert_status

# The gateway's AGGREGATION_TIMEOUT_MS (800) bounds the extra call; connection refusals
# fail sooner. The margin covers a slow machine.
PARTIAL_ANSWER_S = 3.0


def confirmed_order(client, customer, items) -> dict:
    r = place_order(client, customer, order_body(items))
    assert_status(r, 201)
    order = r.json()
    assert order["status"] == "CONFIRMED", order
    return order


def test_items_carry_the_current_product(client, admin, customer):
    lamp = create_product(client, admin, name="Aggregated lamp", price_cents=1200)
    shade = create_product(client, admin, name="Aggregated shade", price_cents=300)
    set_stock(client, admin, lamp["id"], 5)
    set_stock(client, admin, shade["id"], 9)
    order = confirmed_order(client, customer, [(lamp["id"], 2), (shade["id"], 1)])
    r = client.patch(f"/api/v1/products/{lamp['id']}", headers=admin.headers,
                     json={"name": "Aggregated lamp, renamed", "price_cents": 1500})
    assert_status(r, 200)

    served = get_order(client, customer, order["id"])
    assert served["partial"] is False
    items = {item["product_id"]: item for item in served["items"]}
    renamed = items[lamp["id"]]
    assert renamed["name"] == "Aggregated lamp"  # what was bought
    assert renamed["unit_price_cents"] == 1200
    assert renamed["product"] == {"name": "Aggregated lamp, renamed", "price_cents": 1500,
                                  "currency": lamp["currency"], "stock_available": 3}
    assert items[shade["id"]]["product"]["name"] == "Aggregated shade"
    assert items[shade["id"]]["product"]["stock_available"] == 8


def test_a_deleted_product_leaves_its_item_without_product(client, admin, customer):
    gone = create_product(client, admin, name="Discontinued lamp", price_cents=700)
    set_stock(client, admin, gone["id"], 1)
    order = confirmed_order(client, customer, [(gone["id"], 1)])
    assert_status(client.delete(f"/api/v1/products/{gone['id']}", headers=admin.headers), 204)

    served = get_order(client, customer, order["id"])
    assert served["partial"] is False
    assert "product" not in served["items"][0]
    assert served["items"][0]["name"] == "Discontinued lamp"


def test_product_service_down_serves_the_order_flagged_partial(client, stack, admin, customer):
    lamp = create_product(client, admin, name="Partial lamp", price_cents=800)
    set_stock(client, admin, lamp["id"], 2)
    order = confirmed_order(client, customer, [(lamp["id"], 1)])

    stack.product_service.stop()
    try:
        started = time.monotonic()
        served = get_order(client, customer, order["id"])
        took = time.monotonic() - started
        assert took < PARTIAL_ANSWER_S, f"took {took:.1f}s"
        assert served["partial"] is True
        assert served["status"] == "CONFIRMED"
        assert served["items"][0]["name"] == "Partial lamp"
        assert "product" not in served["items"][0]
    finally:
        stack.product_service.start()
        stack.product_service.wait_healthy()

    def whole_again():
        served = get_order(client, customer, order["id"])
        return served if not served["partial"] else None
    served = wait_until(whole_again, timeout=20.0, message="the order is whole again")
    assert served["items"][0]["product"]["name"] == "Partial lamp"
