"""Browser pages on an allowed origin may call the API cross-origin: preflights are
answered with what may be sent, answers say what may be read. Other origins get no
grant, and a refused preflight says why in problem+json."""

import pytest

from .support import assert_problem, assert_status


def preflight(client, path, origin, method, headers=None):
    request_headers = {"Origin": origin, "Access-Control-Request-Method": method}
    if headers:
        request_headers["Access-Control-Request-Headers"] = headers
    return client.options(path, headers=request_headers)


def test_a_preflight_from_the_allowed_origin_is_granted(client, stack):
    r = preflight(client, "/api/v1/orders", stack.CORS_ORIGIN, "POST",
                  "content-type, authorization, idempotency-key")
    assert r.status_code == 204, r.text
    assert r.headers["access-control-allow-origin"] == stack.CORS_ORIGIN
    assert {m.strip() for m in r.headers["access-control-allow-methods"].split(",")} == {"GET", "POST"}
    allowed = r.headers["access-control-allow-headers"].lower()
    for header in ("content-type", "authorization", "idempotency-key"):
        assert header in allowed
    assert int(r.headers["access-control-max-age"]) > 0
    assert "access-control-allow-credentials" not in r.headers


@pytest.mark.parametrize("origin, method, headers", [
    ("https://elsewhere.test", "POST", None),
    ("http://shop.test:5174", "GET", None),
    (None, "DELETE", None),
    (None, "POST", "content-type, x-forged-user"),
], ids=["other-origin", "other-port", "method-not-served", "header-not-allowed"])
def test_a_refused_preflight_says_why(client, stack, origin, method, headers):
    r = preflight(client, "/api/v1/orders", origin or stack.CORS_ORIGIN, method, headers)
    assert_problem(r, 403)
    assert "access-control-allow-origin" not in r.headers


def test_a_preflight_for_an_unknown_path_is_404(client, stack):
    assert_problem(preflight(client, "/api/v1/nowhere", stack.CORS_ORIGIN, "GET"), 404)


def test_answers_to_the_allowed_origin_expose_the_api_headers(client, stack):
    r = client.get("/api/v1/products", headers={"Origin": stack.CORS_ORIGIN})
    assert_status(r, 200)
    assert r.headers["access-control-allow-origin"] == stack.CORS_ORIGIN
    assert "origin" in r.headers["vary"].lower()
    exposed = r.headers["access-control-expose-headers"].lower()
    for header in ("x-request-id", "retry-after", "ratelimit-remaining", "location"):
        assert header in exposed


def test_errors_are_readable_by_the_allowed_origin_too(client, stack):
    r = client.get("/api/v1/users/me", headers={"Origin": stack.CORS_ORIGIN})
    assert_problem(r, 401)
    assert r.headers["access-control-allow-origin"] == stack.CORS_ORIGIN


def test_answers_to_other_origins_carry_no_grant(client):
    r = client.get("/api/v1/products", headers={"Origin": "https://elsewhere.test"})
    assert_status(r, 200)
    assert "access-control-allow-origin" not in r.headers
    assert "origin" in r.headers["vary"].lower()
