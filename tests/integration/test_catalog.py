"""Products and categories through the gateway: admin-only writes, validation, SKU
uniqueness, soft delete, and the shape API.md promises."""

from __future__ import annotations

import uuid

from .catalog import create_category, create_product, set_stock, unique_sku
from .support import UUID_RE, assert_problem, assert_status, error_fields

PRODUCT_FIELDS = {"id", "sku", "name", "description", "price_cents", "currency", "category_id",
                  "stock_available"}


def test_admin_creates_a_product_anyone_can_read(client, admin):
    category = create_category(client, admin)
    created = create_product(client, admin, name="Desk Lamp", description="Warm light",
                             price_cents=2499, currency="eur", category_id=category["id"])
    assert UUID_RE.match(created["id"]), created
    assert PRODUCT_FIELDS <= created.keys(), created
    assert created["currency"] == "EUR"
    assert created["price_cents"] == 2499 and isinstance(created["price_cents"], int)
    assert created["stock_available"] == 0
    r = client.get(f"/api/v1/products/{created['id']}")
    assert_status(r, 200)
    assert r.json() == created


def test_product_writes_need_an_admin(client, customer, admin):
    body = {"sku": unique_sku(), "name": "X", "price_cents": 1, "currency": "EUR"}
    assert_problem(client.post("/api/v1/products", json=body), 401)
    assert_problem(client.post("/api/v1/products", json=body, headers=customer.headers), 403)
    product = create_product(client, admin)
    path = f"/api/v1/products/{product['id']}"
    assert_problem(client.patch(path, json={"name": "Y"}, headers=customer.headers), 403)
    assert_problem(client.delete(path, headers=customer.headers), 403)
    assert_problem(client.put(f"{path}/inventory", json={"quantity": 5}, headers=customer.headers), 403)
    assert_problem(client.post("/api/v1/categories", json={"name": "Nope"}, headers=customer.headers), 403)
    assert client.get(path).json()["name"] == product["name"]


def test_invalid_product_lists_every_field_and_creates_nothing(client, admin):
    sku = unique_sku()
    r = client.post("/api/v1/products", headers=admin.headers,
                    json={"sku": sku, "name": "  ", "price_cents": -5, "currency": "EURO"})
    problem = assert_problem(r, 422)
    assert error_fields(problem) == {"name", "price_cents", "currency"}
    listing = client.get("/api/v1/products", params={"q": sku}).json()
    assert listing["total"] == 0, listing


def test_unknown_category_is_a_validation_error(client, admin):
    r = client.post("/api/v1/products", headers=admin.headers,
                    json={"sku": unique_sku(), "name": "Orphan", "price_cents": 1, "currency": "EUR",
                          "category_id": str(uuid.uuid4())})
    assert error_fields(assert_problem(r, 422)) == {"category_id"}


def test_duplicate_sku_is_409(client, admin):
    product = create_product(client, admin)
    r = client.post("/api/v1/products", headers=admin.headers,
                    json={"sku": product["sku"].lower(), "name": "Twin", "price_cents": 1, "currency": "EUR"})
    assert_problem(r, 409)


def test_patch_changes_only_the_given_fields(client, admin):
    product = create_product(client, admin, description="Before")
    r = client.patch(f"/api/v1/products/{product['id']}", json={"price_cents": 777},
                     headers=admin.headers)
    assert_status(r, 200)
    updated = r.json()
    assert updated["price_cents"] == 777
    assert updated["description"] == "Before"
    assert updated["name"] == product["name"]
    bad = client.patch(f"/api/v1/products/{product['id']}", json={"currency": "XXX1"},
                       headers=admin.headers)
    assert error_fields(assert_problem(bad, 422)) == {"currency"}
    assert client.get(f"/api/v1/products/{product['id']}").json()["currency"] == "EUR"


def test_deleted_product_is_404_and_its_sku_free_again(client, admin):
    product = create_product(client, admin)
    path = f"/api/v1/products/{product['id']}"
    assert_status(client.delete(path, headers=admin.headers), 204)
    assert_problem(client.get(path), 404)
    assert_problem(client.delete(path, headers=admin.headers), 404)
    assert_problem(client.patch(path, json={"name": "Ghost"}, headers=admin.headers), 404)
    create_product(client, admin, sku=product["sku"])


def test_unknown_and_malformed_ids_are_404(client):
    assert_problem(client.get(f"/api/v1/products/{uuid.uuid4()}"), 404)
    assert_problem(client.get("/api/v1/products/not-a-uuid"), 404)


def test_categories_nest(client, admin):
    parent = create_category(client, admin, name=f"Computers {uuid.uuid4().hex[:6]}")
    child = create_category(client, admin, name="Laptops", parent_id=parent["id"])
    assert child["parent_id"] == parent["id"]
    listed = {c["id"]: c for c in client.get("/api/v1/categories").json()["items"]}
    assert listed[child["id"]]["parent_id"] == parent["id"]
    assert listed[parent["id"]]["parent_id"] == ""
    duplicate = client.post("/api/v1/categories", json={"name": "laptops", "parent_id": parent["id"]},
                            headers=admin.headers)
    assert_problem(duplicate, 409)
    orphan = client.post("/api/v1/categories", json={"name": "Lost", "parent_id": str(uuid.uuid4())},
                         headers=admin.headers)
    assert error_fields(assert_problem(orphan, 422)) == {"parent_id"}


def test_inventory_sets_on_hand_and_available(client, admin):
    product = create_product(client, admin)
    level = set_stock(client, admin, product["id"], 12)
    assert level == {"product_id": product["id"], "on_hand": 12, "reserved": 0, "stock_available": 12}
    assert client.get(f"/api/v1/products/{product['id']}").json()["stock_available"] == 12
    negative = client.put(f"/api/v1/products/{product['id']}/inventory", json={"quantity": -1},
                          headers=admin.headers)
    assert error_fields(assert_problem(negative, 422)) == {"quantity"}
    missing = client.put(f"/api/v1/products/{uuid.uuid4()}/inventory", json={"quantity": 1},
                         headers=admin.headers)
    assert_problem(missing, 404)
