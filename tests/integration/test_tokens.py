"""Refresh-token rotation, reuse detection, logout, and access tokens that must be
refused (API.md: missing/invalid/expired token -> 401)."""

import pytest

from . import tokens
from .support import assert_problem, assert_status, bearer


def refresh(client, token):
    return client.post("/api/v1/auth/refresh", json={"refresh_token": token})


def test_refresh_rotates_the_pair(client, customer):
    r = refresh(client, customer.refresh_token)
    assert_status(r, 200)
    body = r.json()
    assert body["token_type"] == "Bearer"
    assert isinstance(body["expires_in"], int)
    assert body["refresh_token"] != customer.refresh_token
    me = client.get("/api/v1/users/me", headers=bearer(body["access_token"]))
    assert_status(me, 200)
    assert me.json()["id"] == customer.account.id


def test_reusing_a_rotated_refresh_token_is_refused(client, customer):
    first = refresh(client, customer.refresh_token)
    assert_status(first, 200)
    assert_problem(refresh(client, customer.refresh_token), 401)


def test_reuse_revokes_the_whole_token_family(client, customer):
    second = refresh(client, customer.refresh_token)
    assert_status(second, 200)
    newest = second.json()["refresh_token"]
    # The original token shows up again: someone holds a stolen copy.
    assert_problem(refresh(client, customer.refresh_token), 401)
    # So the newest token of that family is dead too.
    assert_problem(refresh(client, newest), 401)


def test_logout_kills_the_refresh_token(client, customer):
    r = client.post("/api/v1/auth/logout", json={"refresh_token": customer.refresh_token})
    assert_status(r, 204)
    assert r.content == b""
    assert_problem(refresh(client, customer.refresh_token), 401)


def test_unknown_refresh_token_is_401(client):
    assert_problem(refresh(client, "not-a-refresh-token"), 401)


# --- access tokens at GET /api/v1/users/me --------------------------------------------

def test_users_me_without_token_is_401(client):
    assert_problem(client.get("/api/v1/users/me"), 401)


@pytest.mark.parametrize("value", ["Bearer garbage", "Bearer", "Bearer a.b.c", "Basic dXNlcjpwYXNz"])
def test_users_me_with_garbage_authorization_is_401(client, value):
    assert_problem(client.get("/api/v1/users/me", headers={"Authorization": value}), 401)


def test_tampered_payload_is_401(client, customer):
    forged = tokens.flip_char_in_payload(customer.access_token)
    assert forged != customer.access_token
    assert_problem(client.get("/api/v1/users/me", headers=bearer(forged)), 401)


def test_payload_with_added_admin_role_is_401(client, customer):
    forged = tokens.with_claims(customer.access_token, roles=["customer", "admin"])
    assert_problem(client.get("/api/v1/users/me", headers=bearer(forged)), 401)


def test_alg_none_token_is_401(client, customer):
    forged = tokens.alg_none(customer.access_token)
    assert_problem(client.get("/api/v1/users/me", headers=bearer(forged)), 401)


def test_token_signed_by_another_key_with_the_same_kid_is_401(client, customer):
    forged = tokens.signed_by_other_key(customer.access_token)
    assert tokens.header(forged)["kid"] == tokens.header(customer.access_token)["kid"]
    assert_problem(client.get("/api/v1/users/me", headers=bearer(forged)), 401)


def test_hs256_keyed_with_the_public_key_is_401(client, customer):
    jwks = client.get("/.well-known/jwks.json").json()
    kid = tokens.header(customer.access_token)["kid"]
    jwk = next(k for k in jwks["keys"] if k["kid"] == kid)
    forged = tokens.hs256_with_public_key(customer.access_token, jwk)
    assert_problem(client.get("/api/v1/users/me", headers=bearer(forged)), 401)


def test_refresh_token_is_not_an_access_token(client, customer):
    assert_problem(client.get("/api/v1/users/me", headers=bearer(customer.refresh_token)), 401)


def test_the_genuine_token_is_accepted(client, customer):
    # The control for the refusals above: the unmodified token works.
    assert_status(client.get("/api/v1/users/me", headers=customer.headers), 200)
