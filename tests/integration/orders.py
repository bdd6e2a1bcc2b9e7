"""Order helpers for the integration tests: cards from API.md, a shipping address, and
placing orders through the gateway."""

from __future__ import annotations

import uuid

import httpx

from polling import wait_until

from .support import Session, assert_status

CARD_OK = "4242 4242 4242 4242"
CARD_DECLINED = "4000 0000 0000 0002"
CARD_NO_FUNDS = "4000 0000 0000 9995"
CARD_PROVIDER_ERROR = "4000 0000 0000 0119"
CARD_SLOW = "4000 0000 0000 3220"

ADDRESS = {"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London",
           "postal_code": "SW1Y 4JH", "country": "GB"}
SETTLED = {"CONFIRMED", "CANCELLED", "WAITLISTED"}


def payment(card: str = CARD_OK) -> dict:
    return {"card_number": card, "exp_month": 12, "exp_year": 2035, "cvc": "123"}


def order_body(items: list[tuple[str, int]] | None = None, card: str = CARD_OK) -> dict:
    body = {"shipping_address": ADDRESS, "payment": payment(card)}
    if items is not None:
        body["items"] = [{"product_id": pid, "quantity": qty} for pid, qty in items]
    return body


def place_order(client: httpx.Client, customer: Session, body: dict,
                key: str | None = None) -> httpx.Response:
    headers = dict(customer.headers, **{"Idempotency-Key": key or uuid.uuid4().hex})
    return client.post("/api/v1/orders", json=body, headers=headers)


def get_order(client: httpx.Client, session: Session, order_id: str) -> dict:
    r = client.get(f"/api/v1/orders/{order_id}", headers=session.headers)
    assert_status(r, 200)
    return r.json()


def settled_order(client: httpx.Client, session: Session, order_id: str,
                  timeout: float = 15.0) -> dict:
    """The order once its saga has come to rest (confirmed, cancelled or waitlisted)."""
    def settled():
        order = get_order(client, session, order_id)
        return order if order["status"] in SETTLED else None
    return wait_until(settled, timeout=timeout, message=f"order {order_id} settled")


def stock_of(client: httpx.Client, product_id: str) -> int:
    r = client.get(f"/api/v1/products/{product_id}")
    assert_status(r, 200)
    return r.json()["stock_available"]


def charges_for(payment_url: str, api_key: str, order_id: str) -> list[dict]:
    r = httpx.get(f"{payment_url}/v1/charges", params={"order_id": order_id},
                  headers={"Authorization": f"Bearer {api_key}"}, timeout=10.0)
    assert_status(r, 200)
    return r.json()["data"]
