"""What the order scenarios share: the API.md test cards, an address, and a product the
admin stocks for one scenario."""

from __future__ import annotations

import uuid

CARD_OK = "4242 4242 4242 4242"
CARD_DECLINED = "4000 0000 0000 0002"
CARD_NO_FUNDS = "4000 0000 0000 9995"
CARD_PROVIDER_ERROR = "4000 0000 0000 0119"
CARD_SLOW = "4000 0000 0000 3220"

ADDRESS = {"name": "E2E Customer", "line1": "1 Test Street", "city": "Berlin",
           "postal_code": "10115", "country": "DE"}


def order_body(product_id: str | None = None, quantity: int = 1, card: str = CARD_OK) -> dict:
    body = {"shipping_address": ADDRESS,
            "payment": {"card_number": card, "exp_month": 12, "exp_year": 2035, "cvc": "123"}}
    if product_id is not None:
        body["items"] = [{"product_id": product_id, "quantity": quantity}]
    return body


def stocked_product(admin, name: str, quantity: int, price_cents: int = 1500) -> dict:
    word = uuid.uuid4().hex[:10]
    product = admin.expect(admin.create_product(
        sku=f"E2E-{word}".upper(), name=f"{name} {word}", price_cents=price_cents, currency="EUR"),
        201).json()
    if quantity:
        admin.expect(admin.set_inventory(product["id"], quantity), 200)
    return product


def new_key() -> str:
    return f"e2e-{uuid.uuid4().hex}"
