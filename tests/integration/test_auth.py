"""Registration and login (API.md, Auth and users)."""

import uuid

from .support import (PASSWORD, UUID_RE, assert_problem, assert_status, media_type, register,
                      unique_email)


def test_register_returns_the_new_customer(client):
    email = unique_email("reg")
    r = client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD, "name": "Ada Lovelace"})
    assert_status(r, 201)
    assert media_type(r) == "application/json"
    body = r.json()
    assert UUID_RE.match(body["id"]), body
    assert body["email"] == email
    assert body["name"] == "Ada Lovelace"
    assert body["roles"] == ["customer"]
    assert "password" not in body and "password_hash" not in body, body


def test_register_normalizes_email_to_lowercase(client):
    local = f"Ann-{uuid.uuid4().hex[:10]}"
    r = client.post("/api/v1/auth/register",
                    json={"email": f"{local}@Example.com", "password": PASSWORD, "name": "Ann"})
    assert_status(r, 201)
    assert r.json()["email"] == f"{local}@example.com".lower()

    again = client.post("/api/v1/auth/register",
                        json={"email": f"{local}@example.com".lower(), "password": PASSWORD, "name": "Ann"})
    assert_problem(again, 409)


def test_register_taken_email_is_409_problem(client):
    account = register(client)
    r = client.post("/api/v1/auth/register",
                    json={"email": account.email, "password": "another-password", "name": "Someone Else"})
    assert_problem(r, 409)


def test_login_returns_a_token_pair(client, stack):
    account = register(client)
    r = client.post("/api/v1/auth/login", json={"email": account.email, "password": account.password})
    assert_status(r, 200)
    assert media_type(r) == "application/json"
    body = r.json()
    assert isinstance(body["access_token"], str) and body["access_token"].count(".") == 2, body
    assert isinstance(body["refresh_token"], str) and body["refresh_token"], body
    assert body["refresh_token"] != body["access_token"]
    assert body["token_type"] == "Bearer"
    assert isinstance(body["expires_in"], int) and not isinstance(body["expires_in"], bool), body
    assert body["expires_in"] == stack.ACCESS_TOKEN_TTL_SECONDS


def test_login_accepts_the_email_in_any_case(client):
    account = register(client)
    r = client.post("/api/v1/auth/login", json={"email": account.email.upper(), "password": account.password})
    assert_status(r, 200)


def test_wrong_password_and_unknown_email_are_indistinguishable(client):
    account = register(client)
    wrong_password = client.post("/api/v1/auth/login",
                                 json={"email": account.email, "password": "not-the-password"})
    unknown_email = client.post("/api/v1/auth/login",
                                json={"email": unique_email("nobody"), "password": "not-the-password"})
    p1 = assert_problem(wrong_password, 401)
    p2 = assert_problem(unknown_email, 401)
    assert (p1["type"], p1["title"], p1["detail"]) == (p2["type"], p2["title"], p2["detail"])


def test_each_login_issues_distinct_refresh_tokens(client):
    account = register(client)
    first = client.post("/api/v1/auth/login", json={"email": account.email, "password": account.password})
    second = client.post("/api/v1/auth/login", json={"email": account.email, "password": account.password})
    assert_status(first, 200)
    assert_status(second, 200)
    assert first.json()["refresh_token"] != second.json()["refresh_token"]
