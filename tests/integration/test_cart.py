"""The cart: one line per product, priced from the catalog when read."""

import uuid

import pytest

from .catalog import create_product
from .support import assert_problem, assert_status, error_fields


@pytest.fixture
def lamp(client, admin):
    return create_product(client, admin, name="Cart lamp", price_cents=1250)


def cart(client, session) -> dict:
    r = client.get("/api/v1/cart", headers=session.headers)
    assert_status(r, 200)
    return r.json()


def test_an_empty_cart(client, customer):
    body = cart(client, customer)
    assert body.get("items", []) == [] and body["total_cents"] == 0


def test_adding_twice_adds_up_and_prices_from_the_catalog(client, customer, lamp):
    for quantity in (2, 3):
        r = client.post("/api/v1/cart/items", headers=customer.headers,
                        json={"product_id": lamp["id"], "quantity": quantity})
        assert_status(r, 200)
    body = cart(client, customer)
    assert [(i["product_id"], i["quantity"], i["unit_price_cents"]) for i in body["items"]] == [
        (lamp["id"], 5, 1250)]
    assert body["total_cents"] == 6250 and body["items"][0]["name"] == "Cart lamp"


def test_patch_sets_and_delete_removes(client, customer, lamp):
    client.post("/api/v1/cart/items", headers=customer.headers, json={"product_id": lamp["id"], "quantity": 1})
    r = client.patch(f"/api/v1/cart/items/{lamp['id']}", headers=customer.headers, json={"quantity": 4})
    assert_status(r, 200)
    assert r.json()["items"][0]["quantity"] == 4
    assert_status(client.delete(f"/api/v1/cart/items/{lamp['id']}", headers=customer.headers), 200)
    assert cart(client, customer).get("items", []) == []
    assert_problem(client.delete(f"/api/v1/cart/items/{lamp['id']}", headers=customer.headers), 404)


def test_clear_empties_the_cart(client, customer, lamp):
    client.post("/api/v1/cart/items", headers=customer.headers, json={"product_id": lamp["id"], "quantity": 1})
    assert_status(client.delete("/api/v1/cart", headers=customer.headers), 200)
    assert cart(client, customer).get("items", []) == []


@pytest.mark.parametrize("body,field", [
    ({"product_id": "not-a-uuid", "quantity": 1}, "product_id"),
    ({"product_id": str(uuid.uuid4()), "quantity": 1}, "product_id"),
    ({"quantity": 0}, "quantity"),
])
def test_bad_lines_are_422_and_change_nothing(client, customer, lamp, body, field):
    body = dict({"product_id": lamp["id"]}, **body)
    problem = assert_problem(client.post("/api/v1/cart/items", headers=customer.headers, json=body), 422)
    assert field in error_fields(problem), problem
    assert cart(client, customer).get("items", []) == []


def test_carts_are_per_customer(client, customer, lamp):
    from .support import login, register
    other = login(client, register(client))
    client.post("/api/v1/cart/items", headers=other.headers, json={"product_id": lamp["id"], "quantity": 1})
    assert cart(client, customer).get("items", []) == []


def test_cart_needs_a_token(client):
    assert_problem(client.get("/api/v1/cart"), 401)
