"""A shop opens: the admin stocks a catalog, a customer browses, searches and reads a
product, and asks to be told when a sold-out one is back. Search follows the catalog
through events, within seconds."""

import uuid


INDEX_DEADLINE_S = 15.0


def test_customer_browses_and_searches_what_the_admin_stocked(admin, customer, api, wait_until):
    word = "e2e" + uuid.uuid4().hex[:12]
    category = admin.expect(admin.create_category(f"Lighting {word}"), 201).json()
    lamp = admin.expect(admin.create_product(
        sku=f"LAMP-{word}".upper(), name=f"Desk lamp {word}", description="Warm light for late work",
        price_cents=2499, currency="EUR", category_id=category["id"]), 201).json()
    admin.expect(admin.set_inventory(lamp["id"], 7), 200)

    def listed(**params) -> dict | None:
        body = api.expect(api.products(**params), 200).json()
        return body if [item["id"] for item in body["items"]] == [lamp["id"]] else None

    found = wait_until(lambda: listed(q=word), timeout=INDEX_DEADLINE_S, message="the lamp found by name")
    assert found["total"] == 1 and found["degraded"] is False
    in_stock = wait_until(lambda: listed(category=category["id"], in_stock="true"),
                          timeout=INDEX_DEADLINE_S, message="the lamp in stock in its category")
    assert in_stock["items"][0]["stock_available"] == 7

    product = customer.expect(customer.product(lamp["id"]), 200).json()
    assert product["price_cents"] == 2499 and product["currency"] == "EUR"
    assert product["stock_available"] == 7


def test_customer_waits_for_a_sold_out_product(admin, customer):
    word = "e2e" + uuid.uuid4().hex[:12]
    sold_out = admin.expect(admin.create_product(
        sku=f"SOLD-{word}".upper(), name=f"Rare vase {word}", price_cents=9900, currency="EUR"), 201).json()
    entry = customer.expect(customer.join_waitlist(sold_out["id"]), 201).json()
    assert entry["user_id"] == customer.user["id"]
    admin.expect(admin.set_inventory(sold_out["id"], 1), 200)
    # Served: the waitlist entry is gone, so joining again is refused while it is in stock.
    customer.expect(customer.join_waitlist(sold_out["id"]), 409)
