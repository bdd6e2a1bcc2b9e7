"""What end-to-end scenarios use: a client that talks only to the gateway, the way a
customer's program would."""

from __future__ import annotations

import urllib.parse
import uuid

from .transport import Response, send

DEFAULT_PASSWORD = "e2e-password-123"


def unique_email(prefix: str = "e2e") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}@example.com"


class ApiError(AssertionError):
    """A call that the helper expected to succeed did not."""


class ShopClient:
    """The public API through the gateway. Methods return the Response, so
    scenarios assert on status codes themselves; the *_ok helpers raise ApiError with
    the answer when the call fails."""

    def __init__(self, base_url: str, timeout: float = 10.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.access_token: str | None = None
        self.refresh_token: str | None = None
        self.email: str | None = None
        self.password: str | None = None
        self.user: dict | None = None

    def close(self) -> None:
        """Nothing to release: each request uses its own connection."""

    def __enter__(self) -> "ShopClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- plumbing -------------------------------------------------------------------
    def _headers(self, headers: dict | None, auth: bool) -> dict:
        h = dict(headers or {})
        if auth and self.access_token and "Authorization" not in h:
            h["Authorization"] = f"Bearer {self.access_token}"
        return h

    def request(self, method: str, path: str, *, auth: bool = True, headers: dict | None = None,
                **kwargs) -> Response:
        return send(method, self.base_url + path, headers=self._headers(headers, auth),
                    timeout=kwargs.pop("timeout", self.timeout), **kwargs)

    def get(self, path: str, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs) -> Response:
        return self.request("POST", path, **kwargs)

    def patch(self, path: str, **kwargs) -> Response:
        return self.request("PATCH", path, **kwargs)

    def put(self, path: str, **kwargs) -> Response:
        return self.request("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs) -> Response:
        return self.request("DELETE", path, **kwargs)

    @staticmethod
    def expect(r: Response, *statuses: int) -> Response:
        if r.status_code not in statuses:
            raise ApiError(f"{r.request.method} {r.request.path}: expected {statuses}, "
                           f"got {r.status_code} {r.text[:500]!r}")
        return r

    # --- the auth and user API ----------------------------------------------------------
    def health(self) -> Response:
        return self.get("/health", auth=False)

    def register(self, email: str, password: str, name: str) -> Response:
        return self.post("/api/v1/auth/register", auth=False,
                         json={"email": email, "password": password, "name": name})

    def login(self, email: str, password: str) -> Response:
        r = self.post("/api/v1/auth/login", auth=False, json={"email": email, "password": password})
        if r.status_code == 200:
            self._take_tokens(r.json())
            self.email, self.password = email, password
        return r

    def refresh(self) -> Response:
        r = self.post("/api/v1/auth/refresh", auth=False, json={"refresh_token": self.refresh_token})
        if r.status_code == 200:
            self._take_tokens(r.json())
        return r

    def logout(self) -> Response:
        return self.post("/api/v1/auth/logout", auth=False, json={"refresh_token": self.refresh_token})

    def me(self) -> Response:
        return self.get("/api/v1/users/me")

    def update_me(self, **fields) -> Response:
        return self.patch("/api/v1/users/me", json=fields)

    # --- the catalog API ---------------------------------------------------------------
    def products(self, **params) -> Response:
        query = urllib.parse.urlencode(params)
        return self.get("/api/v1/products" + (f"?{query}" if query else ""))

    def product(self, product_id: str) -> Response:
        return self.get(f"/api/v1/products/{product_id}")

    def create_product(self, **fields) -> Response:
        return self.post("/api/v1/products", json=fields)

    def create_category(self, name: str, parent_id: str = "") -> Response:
        return self.post("/api/v1/categories", json={"name": name, "parent_id": parent_id})

    def set_inventory(self, product_id: str, quantity: int) -> Response:
        return self.put(f"/api/v1/products/{product_id}/inventory", json={"quantity": quantity})

    def join_waitlist(self, product_id: str) -> Response:
        return self.post(f"/api/v1/products/{product_id}/waitlist")

    # --- carts and orders ----------------------------------------------------------------
    def cart(self) -> Response:
        return self.get("/api/v1/cart")

    def add_to_cart(self, product_id: str, quantity: int) -> Response:
        return self.post("/api/v1/cart/items", json={"product_id": product_id, "quantity": quantity})

    def place_order(self, body: dict, idempotency_key: str) -> Response:
        return self.post("/api/v1/orders", json=body, headers={"Idempotency-Key": idempotency_key})

    def order(self, order_id: str) -> Response:
        return self.get(f"/api/v1/orders/{order_id}")

    def orders(self) -> Response:
        return self.get("/api/v1/orders")

    def cancel_order(self, order_id: str) -> Response:
        return self.post(f"/api/v1/orders/{order_id}/cancel")

    def set_order_status(self, order_id: str, status: str) -> Response:
        return self.post(f"/api/v1/orders/{order_id}/status", json={"status": status})

    def _take_tokens(self, body: dict) -> None:
        self.access_token = body["access_token"]
        self.refresh_token = body["refresh_token"]

    def register_and_login(self, email: str | None = None, password: str = DEFAULT_PASSWORD,
                           name: str = "E2E Customer") -> "ShopClient":
        """Registers a new account (a unique email unless given), logs in, and returns
        this client, now authenticated."""
        email = email or unique_email()
        self.user = self.expect(self.register(email, password, name), 201).json()
        self.expect(self.login(email, password), 200)
        return self
