"""No order is lost or left half-way when order-service dies: orders are placed in
parallel while the process is SIGKILLed and started again; clients retry with their
Idempotency-Key as a real client would. Afterwards every order has settled, and the
books agree: the stock taken is exactly what the confirmed orders hold, each confirmed
order was charged once, nothing else was charged."""

import signal
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx

from polling import wait_until

from .catalog import create_product, set_stock
from .orders import charges_for, get_order, order_body, stock_of
from .support import assert_status

ORDERS = 30
WORKERS = 8
STOCK = 1000
RETRY_DEADLINE_S = 60.0


def place_with_retries(base_url: str, headers: dict, body: dict, key: str) -> dict:
    """Places the order, retrying with the same key while order-service is away."""
    deadline = time.monotonic() + RETRY_DEADLINE_S
    with httpx.Client(base_url=base_url, timeout=10.0) as client:
        while True:
            try:
                r = client.post("/api/v1/orders", json=body,
                                headers=dict(headers, **{"Idempotency-Key": key}))
                if r.status_code in (201, 202):
                    return r.json()
                retryable = r.status_code in (409, 502, 503, 504)
            except httpx.TransportError:
                retryable = True
            if not retryable or time.monotonic() >= deadline:
                raise AssertionError(f"order with key {key} not placed: {r.status_code} {r.text[:300]}")
            time.sleep(0.2)  # retry pacing of a client, not synchronization


def test_killing_order_service_mid_saga_loses_nothing(client, stack, admin, customer):
    lamp = create_product(client, admin, name="Recovery lamp", price_cents=700)
    set_stock(client, admin, lamp["id"], STOCK)
    body = order_body([(lamp["id"], 1)])
    keys = [f"recovery-{uuid.uuid4().hex}" for _ in range(ORDERS)]
    started = threading.Event()

    def place(key):
        started.set()
        return place_with_retries(stack.gateway_url, customer.headers, body, key)

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [pool.submit(place, key) for key in keys]
        assert started.wait(10)
        wait_until(lambda: sum(f.done() for f in futures) >= 3, timeout=30.0,
                   message="some orders placed before the kill")
        stack.order_service.stop(sig=signal.SIGKILL)
        stack.order_service.start()
        stack.order_service.wait_healthy()
        placed = [f.result() for f in futures]

    ids = {order["id"] for order in placed}
    assert len(ids) == ORDERS, "each key placed exactly one order"

    def settled(order_id):
        return get_order(client, customer, order_id)["status"] in ("CONFIRMED", "CANCELLED")

    wait_until(lambda: all(settled(order_id) for order_id in ids), timeout=60.0,
               message="every order settled after the restart")
    orders = [get_order(client, customer, order_id) for order_id in ids]
    confirmed = [o for o in orders if o["status"] == "CONFIRMED"]
    assert len(confirmed) == ORDERS, [(o["id"], o["status"], o["failure_reason"]) for o in orders]
    # Every reservation was committed or released: nothing is held back.
    wait_until(lambda: stock_of(client, lamp["id"]) == STOCK - len(confirmed), timeout=30.0,
               message="stock equals what the confirmed orders took")
    for order in orders:
        held = charges_for(stack.payment_url, stack.PAYMENT_API_KEY, order["id"])
        assert [c["status"] for c in held] == ["succeeded"], (order["id"], held)
    listed = client.get("/api/v1/orders", headers=customer.headers)
    assert_status(listed, 200)
    assert ids <= {o["id"] for o in listed.json()["orders"]}
