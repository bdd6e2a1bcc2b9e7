"""The payment provider as its integration tests run it: the real binary on a free port,
against a fresh database of its own on the local stack's PostgreSQL, and a small client
for its Stripe-style API. Nothing else of the stack is needed."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import httpx

from .stack import LOG_ROOT, Database, ServiceProcess, StackError, binary, free_port

NAME = "payment-provider"
API_KEY = "sk_test_integration"
SLOW_MS = 1500  # the slow test card's delay, short enough for a test

SUCCEEDS = "4242 4242 4242 4242"
DECLINED = "4000 0000 0000 0002"
INSUFFICIENT_FUNDS = "4000 0000 0000 9995"
PROVIDER_ERROR = "4000 0000 0000 0119"
SLOW = "4000 0000 0000 3220"


class PaymentProvider:
    """The process, restartable, on one port and one database for its whole life."""

    def __init__(self, db: Database):
        self.db = db
        self.port = free_port()
        env = dict(os.environ, BIND_ADDRESS="127.0.0.1", LOG_LEVEL="debug", IO_THREADS="4",
                   PAYMENT_PROVIDER_PORT=str(self.port), PAYMENT_PROVIDER_DATABASE_URL=db.url,
                   PAYMENT_PROVIDER_API_KEY=API_KEY, PAYMENT_PROVIDER_SLOW_MS=str(SLOW_MS))
        self.process = ServiceProcess(NAME, env, f"{self.url}/health", LOG_ROOT / db.name)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process.start()
        self.process.wait_healthy()

    def restart(self) -> int | None:
        """SIGTERM, wait for the exit, start again, wait for /health; returns the exit code."""
        code = self.process.stop()
        self.start()
        return code


@contextmanager
def running_provider(fail: Callable[[str], None]) -> Iterator[PaymentProvider]:
    """A started provider on a fresh database; stopped and dropped afterwards."""
    if not os.access(binary(NAME), os.X_OK):
        fail(f"{binary(NAME)} is missing: build the payment-provider target (SHOP_BUILD_DIR "
             "names the build directory)")
    db = Database(host="127.0.0.1", port=int(os.environ.get("SHOP_PG_PORT", "5432")))
    try:
        db.create()
    except StackError as exc:
        fail(f"cannot create a test database on PostgreSQL at 127.0.0.1:{db.port} "
             f"(start it with scripts/up.sh or scripts/lib/postgres.sh start): {exc}")
    provider = PaymentProvider(db)
    try:
        try:
            provider.start()
        except StackError as exc:
            fail(f"payment-provider did not start: {exc}")
        yield provider
    finally:
        try:
            provider.process.stop()
        finally:
            db.drop()


def new_key() -> str:
    return f"it-{uuid.uuid4().hex}"


def new_order_id() -> str:
    return str(uuid.uuid4())


class PspClient:
    """The provider's API as the order service calls it."""

    def __init__(self, base_url: str, api_key: str = API_KEY):
        self.http = httpx.Client(base_url=base_url, timeout=15.0,
                                 headers={"Authorization": f"Bearer {api_key}"})

    def __enter__(self) -> PspClient:
        return self

    def __exit__(self, *exc) -> None:
        self.http.close()

    def tokenize(self, number: str, exp_month=12, exp_year=2030, cvc="123") -> httpx.Response:
        card = {"number": number, "exp_month": exp_month, "exp_year": exp_year, "cvc": cvc}
        return self.http.post("/v1/payment_methods", json={"card": card})

    def payment_method(self, number: str = SUCCEEDS) -> str:
        r = self.tokenize(number)
        assert r.status_code == 201, r.text
        return r.json()["id"]

    def charge(self, payment_method: str, amount: int = 1000, order_id: str | None = None,
               key: str | None = None, **fields) -> httpx.Response:
        body = {"amount": amount, "currency": "eur", "payment_method": payment_method,
                "metadata": {"order_id": order_id or new_order_id()}, **fields}
        return self.http.post("/v1/charges", json=body, headers={"Idempotency-Key": key or new_key()})

    def refund(self, charge_id: str, amount: int | None = None, key: str | None = None) -> httpx.Response:
        body = {"charge": charge_id} if amount is None else {"charge": charge_id, "amount": amount}
        return self.http.post("/v1/refunds", json=body, headers={"Idempotency-Key": key or new_key()})

    def get_charge(self, charge_id: str) -> httpx.Response:
        return self.http.get(f"/v1/charges/{charge_id}")

    def charges_for(self, order_id: str) -> list[dict]:
        r = self.http.get("/v1/charges", params={"order_id": order_id})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["object"] == "list", body
        return body["data"]


def stripe_error(r: httpx.Response, status: int, error_type: str, code: str | None = None) -> dict:
    """The answer is a Stripe-style error with this status, type and (if given) code;
    returns its `error` object."""
    assert r.status_code == status, f"expected {status}: {r.status_code} {r.text[:400]}"
    assert r.headers.get("content-type", "").startswith("application/json"), r.headers
    error = r.json()["error"]
    assert error["type"] == error_type, error
    assert isinstance(error.get("message"), str) and error["message"], error
    if code is not None:
        assert error.get("code") == code, error
    return error
