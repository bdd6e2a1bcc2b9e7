"""Small helpers shared by the integration tests: unique users, auth headers and the
problem+json assertions every error answer must pass."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

import httpx

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TRACEPARENT_RE = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")
PASSWORD = "correct-horse-battery"


def unique_email(prefix: str = "user") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}@example.com"


def describe(r: httpx.Response) -> str:
    return f"{r.request.method} {r.request.url.path} -> {r.status_code} {r.text[:400]!r}"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def media_type(r: httpx.Response) -> str:
    return r.headers.get("content-type", "").split(";")[0].strip().lower()


def assert_status(r: httpx.Response, status: int) -> None:
    assert r.status_code == status, f"expected {status}: {describe(r)}"


def assert_problem(r: httpx.Response, status: int) -> dict:
    """The answer is an RFC 9457 problem with the given status; returns its body."""
    assert_status(r, status)
    assert media_type(r) == "application/problem+json", (
        f"Content-Type {r.headers.get('content-type')!r} is not application/problem+json: {describe(r)}")
    body = r.json()
    assert isinstance(body, dict), describe(r)
    for key in ("type", "title", "status", "detail"):
        assert key in body, f"problem lacks {key!r}: {body}"
    assert body["status"] == status, body
    assert isinstance(body["type"], str) and body["type"], body
    assert isinstance(body["title"], str) and body["title"], body
    assert isinstance(body["detail"], str), body
    return body


def error_fields(problem: dict) -> set[str]:
    errors = problem.get("errors")
    assert isinstance(errors, list) and errors, f"validation problem without errors[]: {problem}"
    for e in errors:
        assert isinstance(e.get("field"), str) and e["field"], f"error without field: {e}"
        assert isinstance(e.get("message"), str) and e["message"], f"error without message: {e}"
    return {e["field"] for e in errors}


@dataclass
class Account:
    id: str
    email: str
    password: str
    name: str


@dataclass
class Session:
    account: Account
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return bearer(self.access_token)


def register(client: httpx.Client, email: str | None = None, password: str = PASSWORD,
             name: str = "Test Customer") -> Account:
    email = email or unique_email()
    r = client.post("/api/v1/auth/register", json={"email": email, "password": password, "name": name})
    assert_status(r, 201)
    body = r.json()
    return Account(id=body["id"], email=body["email"], password=password, name=body["name"])


def login(client: httpx.Client, account: Account) -> Session:
    r = client.post("/api/v1/auth/login", json={"email": account.email, "password": account.password})
    assert_status(r, 200)
    body = r.json()
    return Session(account=account, access_token=body["access_token"], refresh_token=body["refresh_token"])
