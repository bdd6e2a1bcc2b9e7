"""The gateway's own behaviour: request ids and trace context on every answer,
problem+json for unknown routes and methods, /health aggregation, and failing fast
(503, not a hang) while user-service is down."""

import secrets
import time
import uuid

import pytest

from polling import wait_until

from .support import (PASSWORD, TRACEPARENT_RE, assert_problem, assert_status, media_type,
                      register, unique_email)

# (method, path, json body) covering success and several kinds of error answers.
REQUESTS = [
    ("GET", "/health", None),
    ("GET", "/.well-known/jwks.json", None),
    ("POST", "/api/v1/auth/register", {"email": "bad", "password": "x", "name": ""}),
    ("POST", "/api/v1/auth/login", {"email": "nobody@example.com", "password": "wrong-password"}),
    ("GET", "/api/v1/users/me", None),
    ("GET", "/api/v1/no-such-route", None),
    ("DELETE", "/api/v1/auth/login", None),
]
REQUEST_IDS = ["health", "jwks", "register-422", "login-401", "me-401", "unknown-404", "method-405"]


def send(client, method, path, body, headers=None):
    return client.request(method, path, json=body, headers=headers or {})


def assert_valid_traceparent(r):
    value = r.headers.get("traceparent")
    assert value, f"no traceparent on {r.request.method} {r.request.url.path} ({r.status_code})"
    m = TRACEPARENT_RE.match(value)
    assert m, f"invalid traceparent {value!r}"
    trace_id, span_id, _ = m.groups()
    assert trace_id != "0" * 32 and span_id != "0" * 16, value
    return trace_id


@pytest.mark.parametrize("method, path, body", REQUESTS, ids=REQUEST_IDS)
def test_request_id_is_echoed(client, method, path, body):
    rid = f"it-{uuid.uuid4()}"
    r = send(client, method, path, body, {"X-Request-ID": rid})
    assert r.headers.get("x-request-id") == rid, (r.status_code, dict(r.headers))
    assert_valid_traceparent(r)


@pytest.mark.parametrize("method, path, body", REQUESTS, ids=REQUEST_IDS)
def test_request_id_is_generated_when_absent(client, method, path, body):
    r1 = send(client, method, path, body)
    r2 = send(client, method, path, body)
    for r in (r1, r2):
        assert r.headers.get("x-request-id"), (r.status_code, dict(r.headers))
        assert_valid_traceparent(r)
    assert r1.headers["x-request-id"] != r2.headers["x-request-id"]


def test_incoming_trace_context_is_continued(client):
    trace_id = secrets.token_hex(16)
    sent = f"00-{trace_id}-{secrets.token_hex(8)}-01"
    r = client.get("/api/v1/users/me", headers={"traceparent": sent})
    assert assert_valid_traceparent(r) == trace_id, (sent, r.headers.get("traceparent"))


@pytest.mark.parametrize("method, path", [
    ("GET", "/api/v1/no-such-route"),
    ("GET", "/no-such-page"),
    ("POST", "/api/v1/auth/no-such-action"),
    ("GET", "/api/v2/users/me"),
])
def test_unknown_route_is_404_problem(client, method, path):
    assert_problem(client.request(method, path), 404)


@pytest.mark.parametrize("method, path, allowed", [
    ("GET", "/api/v1/auth/login", {"POST"}),
    ("DELETE", "/api/v1/auth/register", {"POST"}),
    ("DELETE", "/api/v1/users/me", {"GET", "PATCH"}),
    ("POST", "/.well-known/jwks.json", {"GET"}),
])
def test_wrong_method_is_405_problem(client, method, path, allowed):
    r = client.request(method, path)
    assert_problem(r, 405)
    allow = {m.strip().upper() for m in r.headers.get("allow", "").split(",") if m.strip()}
    assert allowed <= allow, f"Allow header {r.headers.get('allow')!r} should list {allowed}"


def test_openapi_document_lists_the_auth_routes(client):
    r = client.get("/api/openapi.json")
    assert_status(r, 200)
    assert media_type(r) == "application/json"
    doc = r.json()
    assert str(doc.get("openapi", "")).startswith("3."), doc.get("openapi")
    paths = doc["paths"]
    for path, method in [("/api/v1/auth/register", "post"), ("/api/v1/auth/login", "post"),
                         ("/api/v1/auth/refresh", "post"), ("/api/v1/auth/logout", "post"),
                         ("/api/v1/users/me", "get"), ("/api/v1/users/me", "patch")]:
        assert method in paths.get(path, {}), f"{method.upper()} {path} missing from OpenAPI paths"


def health_checks_names(body):
    return {name.replace("_", "-") for name in body.get("checks", {})}


def test_gateway_health_aggregates_user_service(client):
    r = client.get("/health")
    assert_status(r, 200)
    body = r.json()
    assert body["status"] == "ok", body
    assert "user-service" in health_checks_names(body), body


def gateway_reports_trouble(client):
    r = client.get("/health", timeout=3.0)
    if r.status_code == 503:
        return True
    return r.json().get("status") in ("down", "degraded")


def test_user_service_down_gives_503_fast_and_recovers(client, stack, user_service_control):
    assert client.get("/health").status_code == 200
    account = register(client)

    assert user_service_control.user_service.stop() == 0
    wait_until(lambda: gateway_reports_trouble(client), timeout=5.0,
         message="gateway /health reporting user-service down")
    r = client.get("/health")
    assert r.status_code == 503 or r.json()["status"] in ("down", "degraded")
    body = r.json()
    assert body["status"] in ("down", "degraded"), body
    assert "user-service" in health_checks_names(body), body

    deadline_s = stack.UPSTREAM_TIMEOUT_MS / 1000 + 2.0
    for method, path, payload in [
        ("POST", "/api/v1/auth/login", {"email": unique_email("down"), "password": PASSWORD}),
        ("POST", "/api/v1/auth/register", {"email": unique_email("down"), "password": PASSWORD, "name": "Down"}),
    ]:
        started = time.monotonic()
        r = client.request(method, path, json=payload, timeout=deadline_s + 5)
        elapsed = time.monotonic() - started
        assert_problem(r, 503)
        assert r.headers.get("x-request-id")
        assert elapsed < deadline_s, f"{method} {path} took {elapsed:.1f}s with user-service down"

    user_service_control.user_service.start()
    user_service_control.user_service.wait_healthy()
    wait_until(lambda: client.get("/health", timeout=3.0).status_code == 200, timeout=30.0,
         message="gateway /health back to 200")

    def logged_in():
        r = client.post("/api/v1/auth/login", json={"email": account.email, "password": account.password})
        assert r.status_code in (200, 503), f"{r.status_code} {r.text[:300]}"
        return r.status_code == 200

    wait_until(logged_in, timeout=30.0, message="login through the gateway after recovery")
