"""The waitlist: customers of an out-of-stock product ask to be told when it is back."""

from __future__ import annotations

import uuid

from .catalog import create_product, set_stock
from .support import assert_problem, assert_status


def test_customer_joins_and_leaves_the_waitlist(client, admin, customer):
    product = create_product(client, admin)
    path = f"/api/v1/products/{product['id']}/waitlist"
    r = client.post(path, headers=customer.headers)
    assert_status(r, 201)
    entry = r.json()
    assert entry["product_id"] == product["id"]
    assert entry["user_id"] == customer.account.id
    again = client.post(path, headers=customer.headers)
    assert_status(again, 201)
    assert again.json()["created_at"] == entry["created_at"], "joining twice keeps one entry"
    assert_status(client.delete(path, headers=customer.headers), 204)
    assert_status(client.delete(path, headers=customer.headers), 204)


def test_waitlist_needs_a_customer_and_an_out_of_stock_product(client, admin, customer):
    product = create_product(client, admin)
    path = f"/api/v1/products/{product['id']}/waitlist"
    assert_problem(client.post(path), 401)
    set_stock(client, admin, product["id"], 2)
    assert_problem(client.post(path, headers=customer.headers), 409)
    assert_problem(client.post(f"/api/v1/products/{uuid.uuid4()}/waitlist", headers=customer.headers), 404)
