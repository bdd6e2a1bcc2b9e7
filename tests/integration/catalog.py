"""Catalog helpers for the integration tests: unique products and categories created
through the gateway as the admin."""

from __future__ import annotations

import uuid

import httpx

from .support import Session, assert_status


def unique_sku(prefix: str = "IT") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10].upper()}"


def create_category(client: httpx.Client, admin: Session, name: str | None = None,
                    parent_id: str = "") -> dict:
    body = {"name": name or f"Category {uuid.uuid4().hex[:8]}"}
    if parent_id:
        body["parent_id"] = parent_id
    r = client.post("/api/v1/categories", json=body, headers=admin.headers)
    assert_status(r, 201)
    return r.json()


def create_product(client: httpx.Client, admin: Session, **fields) -> dict:
    body = {"sku": unique_sku(), "name": f"Product {uuid.uuid4().hex[:8]}",
            "description": "", "price_cents": 1000, "currency": "EUR"}
    body.update(fields)
    r = client.post("/api/v1/products", json=body, headers=admin.headers)
    assert_status(r, 201)
    return r.json()


def set_stock(client: httpx.Client, admin: Session, product_id: str, quantity: int) -> dict:
    r = client.put(f"/api/v1/products/{product_id}/inventory", json={"quantity": quantity},
                   headers=admin.headers)
    assert_status(r, 200)
    return r.json()
