"""GET /api/v1/products: text match with typo tolerance, filters, sort, pages and
facet counts. The search index follows the catalog through events, so each test waits
(with a deadline) until the listing shows what it created. Each test names its products
with a word no other test uses."""

from __future__ import annotations

import uuid

from polling import wait_until

from .catalog import create_category, create_product, set_stock
from .support import assert_problem, assert_status, error_fields

INDEX_DEADLINE_S = 15.0


def marker() -> str:
    return "zq" + uuid.uuid4().hex[:14]


def listing(client, **params) -> dict:
    r = client.get("/api/v1/products", params=params)
    assert_status(r, 200)
    body = r.json()
    assert {"items", "total", "page", "page_size", "degraded"} <= body.keys(), body
    assert body["degraded"] is False, "the search server should answer: " + str(body)
    return body


def ids(body: dict) -> list[str]:
    return [item["id"] for item in body["items"]]


def listing_once(client, expected: set[str], **params) -> dict:
    """The listing as soon as exactly `expected` products match it."""
    def matches() -> dict | None:
        body = listing(client, **params)
        return body if set(ids(body)) == expected else None

    return wait_until(matches, timeout=INDEX_DEADLINE_S,
                      message=f"listing {params} shows exactly {len(expected)} products")


def test_text_search_finds_by_name_and_description(client, admin):
    word = marker()
    in_name = create_product(client, admin, name=f"Lamp {word}")
    in_description = create_product(client, admin, name="Plain chair", description=f"Goes with {word}")
    body = listing_once(client, {in_name["id"], in_description["id"]}, q=word)
    assert ids(body)[0] == in_name["id"], "a match in the name ranks above one in the description"
    assert body["total"] == 2


def test_a_typo_still_finds_the_product(client, admin):
    word = marker()
    product = create_product(client, admin, name=f"Laptop {word}")
    listing_once(client, {product["id"]}, q=word)
    typo = word[:6] + word[7] + word[6] + word[8:]  # two letters swapped
    assert ids(listing(client, q=typo)) == [product["id"]]
    assert ids(listing(client, q=f"lapotp {word}")) == [product["id"]]


def test_filters_by_category_subtree_price_and_stock(client, admin):
    word = marker()
    parent = create_category(client, admin)
    child = create_category(client, admin, parent_id=parent["id"])
    cheap = create_product(client, admin, name=f"Cheap {word}", price_cents=500, category_id=child["id"])
    dear = create_product(client, admin, name=f"Dear {word}", price_cents=5000, category_id=parent["id"])
    other = create_product(client, admin, name=f"Other {word}", price_cents=800)
    set_stock(client, admin, cheap["id"], 3)
    listing_once(client, {cheap["id"]}, q=word, in_stock="true")

    assert set(ids(listing(client, q=word, category=parent["id"]))) == {cheap["id"], dear["id"]}
    assert ids(listing(client, q=word, category=child["id"])) == [cheap["id"]]
    assert set(ids(listing(client, q=word, min_price=600, max_price=5000))) == {dear["id"], other["id"]}
    assert set(ids(listing(client, q=word, in_stock="false"))) == {dear["id"], other["id"]}


def test_sorts_and_pages(client, admin):
    word = marker()
    created = [create_product(client, admin, name=f"Item {price} {word}", price_cents=price)
               for price in (300, 100, 200)]
    listing_once(client, {p["id"] for p in created}, q=word)
    ascending = listing(client, q=word, sort="price_asc")
    assert [i["price_cents"] for i in ascending["items"]] == [100, 200, 300]
    descending = listing(client, q=word, sort="price_desc")
    assert [i["price_cents"] for i in descending["items"]] == [300, 200, 100]
    first = listing(client, q=word, sort="price_asc", page=1, page_size=2)
    second = listing(client, q=word, sort="price_asc", page=2, page_size=2)
    assert [i["price_cents"] for i in first["items"]] == [100, 200]
    assert [i["price_cents"] for i in second["items"]] == [300]
    assert first["total"] == second["total"] == 3
    assert (second["page"], second["page_size"]) == (2, 2)


def test_facets_count_matches_per_category(client, admin):
    word = marker()
    a = create_category(client, admin)
    b = create_category(client, admin)
    created = [create_product(client, admin, name=f"Faceted {word}", category_id=c["id"]) for c in (a, a, b)]
    body = listing_once(client, {p["id"] for p in created}, q=word)
    assert {f["category_id"]: f["count"] for f in body["facets"]} == {a["id"]: 2, b["id"]: 1}


def test_changes_and_deletes_reach_the_listing(client, admin):
    word = marker()
    product = create_product(client, admin, name=f"Gone {word}")
    listing_once(client, {product["id"]}, q=word)
    r = client.patch(f"/api/v1/products/{product['id']}", json={"name": f"Renamed {word}"},
                     headers=admin.headers)
    assert_status(r, 200)
    wait_until(lambda: listing(client, q=word)["items"][0]["name"] == f"Renamed {word}",
               timeout=INDEX_DEADLINE_S, message="the new name in the listing")
    assert_status(client.delete(f"/api/v1/products/{product['id']}", headers=admin.headers), 204)
    listing_once(client, set(), q=word)


def test_bad_parameters_are_422_or_400(client):
    problem = assert_problem(client.get("/api/v1/products", params={"sort": "cheapest", "page_size": 1000}), 422)
    assert error_fields(problem) == {"sort", "page_size"}
    assert_problem(client.get("/api/v1/products", params={"min_price": "ten"}), 400)
