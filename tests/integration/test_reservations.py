"""Stock reservations over product-service's internal gRPC API (the calls order-service
makes), seen from the outside: the public product pages and listings follow."""

from __future__ import annotations

import json
import subprocess
import uuid

from polling import wait_until

from .catalog import create_product, set_stock
from .stack import BUILD_DIR
from .support import assert_status

GRPC_CALL = BUILD_DIR / "tools" / "grpc-call" / "shop-grpc-call"
SERVICE = "shop.product.v1.ProductService"
GRPC_NOT_FOUND = 5
GRPC_ALREADY_EXISTS = 6  # how a conflict travels over gRPC
INDEX_DEADLINE_S = 15.0


def call(stack, method: str, request: dict) -> tuple[bool, dict]:
    proc = subprocess.run([str(GRPC_CALL), f"127.0.0.1:{stack.product_grpc_port}", f"{SERVICE}/{method}",
                           json.dumps(request)], capture_output=True, text=True, timeout=30)
    assert proc.returncode in (0, 1), f"{method}: exit {proc.returncode}: {proc.stderr}"
    return proc.returncode == 0, json.loads(proc.stdout)


def reserve(stack, order_id: str, *lines: tuple[str, int], ttl_seconds: int = 0) -> tuple[bool, dict]:
    return call(stack, "ReserveStock", {"order_id": order_id, "ttl_seconds": ttl_seconds,
                                        "items": [{"product_id": p, "quantity": q} for p, q in lines]})


def available(client, product_id: str) -> int:
    r = client.get(f"/api/v1/products/{product_id}")
    assert_status(r, 200)
    return r.json()["stock_available"]


def order() -> str:
    return f"order-{uuid.uuid4()}"


def test_reserve_commit_and_release_over_grpc(stack, client, admin):
    product = create_product(client, admin, price_cents=1250)
    set_stock(client, admin, product["id"], 10)
    first = order()
    ok, reservation = reserve(stack, first, (product["id"], 4))
    assert ok, reservation
    assert reservation["status"] == "reserved"
    assert reservation["items"] == [{"product_id": product["id"], "quantity": "4", "unit_price_cents": "1250",
                                     "currency": "EUR", "name": product["name"]}]
    assert available(client, product["id"]) == 6

    again_ok, again = reserve(stack, first, (product["id"], 4))
    assert again_ok and again == reservation, "a repeated reservation answers the first one"
    assert available(client, product["id"]) == 6

    ok, committed = call(stack, "CommitReservation", {"order_id": first})
    assert ok and committed["status"] == "committed", committed
    ok, refused = call(stack, "ReleaseReservation", {"order_id": first})
    assert not ok and refused["code"] == GRPC_ALREADY_EXISTS, refused
    level = client.put(f"/api/v1/products/{product['id']}/inventory", json={"quantity": 6},
                       headers=admin.headers)
    assert_status(level, 200)
    assert level.json()["reserved"] == 0

    second = order()
    assert reserve(stack, second, (product["id"], 2))[0]
    ok, released = call(stack, "ReleaseReservation", {"order_id": second})
    assert ok and released["status"] == "released", released
    assert available(client, product["id"]) == 6


def test_return_puts_committed_stock_back_on_hand(stack, client, admin):
    product = create_product(client, admin)
    set_stock(client, admin, product["id"], 10)
    sold = order()
    assert reserve(stack, sold, (product["id"], 4))[0]
    ok, committed = call(stack, "CommitReservation", {"order_id": sold})
    assert ok and committed["status"] == "committed", committed
    assert available(client, product["id"]) == 6

    ok, returned = call(stack, "ReturnStock", {"order_id": sold})
    assert ok and returned["status"] == "returned", returned
    assert available(client, product["id"]) == 10
    again_ok, again = call(stack, "ReturnStock", {"order_id": sold})
    assert again_ok and again == returned, "a repeated return answers the first one"
    assert available(client, product["id"]) == 10

    held = order()
    assert reserve(stack, held, (product["id"], 2))[0]
    ok, refused = call(stack, "ReturnStock", {"order_id": held})
    assert not ok and refused["code"] == GRPC_ALREADY_EXISTS, refused
    assert available(client, product["id"]) == 8
    ok, missing = call(stack, "ReturnStock", {"order_id": order()})
    assert not ok and missing["code"] == GRPC_NOT_FOUND, missing


def test_not_enough_stock_reserves_nothing_and_names_the_short_product(stack, client, admin):
    plenty = create_product(client, admin)
    scarce = create_product(client, admin)
    set_stock(client, admin, plenty["id"], 5)
    set_stock(client, admin, scarce["id"], 1)
    ok, problem = reserve(stack, order(), (plenty["id"], 2), (scarce["id"], 2))
    assert not ok and problem["code"] == GRPC_ALREADY_EXISTS, problem
    assert available(client, plenty["id"]) == 5
    assert available(client, scarce["id"]) == 1
    ok, invalid = reserve(stack, order(), (plenty["id"], 0))
    assert not ok, invalid


def test_an_abandoned_reservation_expires(stack, client, admin):
    product = create_product(client, admin)
    set_stock(client, admin, product["id"], 3)
    assert reserve(stack, order(), (product["id"], 3), ttl_seconds=1)[0]
    assert available(client, product["id"]) == 0
    wait_until(lambda: available(client, product["id"]) == 3, timeout=15.0,
               message="the expired reservation's stock back")


def test_selling_out_and_coming_back_reach_the_in_stock_listing(stack, client, admin):
    word = "zq" + uuid.uuid4().hex[:14]
    product = create_product(client, admin, name=f"Last one {word}")
    set_stock(client, admin, product["id"], 1)

    def in_stock_ids() -> set[str]:
        r = client.get("/api/v1/products", params={"q": word, "in_stock": "true"})
        assert_status(r, 200)
        return {item["id"] for item in r.json()["items"]}

    wait_until(lambda: in_stock_ids() == {product["id"]}, timeout=INDEX_DEADLINE_S,
               message="the product listed in stock")
    taken = order()
    assert reserve(stack, taken, (product["id"], 1))[0]
    wait_until(lambda: in_stock_ids() == set(), timeout=INDEX_DEADLINE_S,
               message="the sold-out product gone from the in-stock listing")
    assert call(stack, "ReleaseReservation", {"order_id": taken})[0]
    wait_until(lambda: in_stock_ids() == {product["id"]}, timeout=INDEX_DEADLINE_S,
               message="the product back in the in-stock listing")
