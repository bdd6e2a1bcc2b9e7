"""The admin account created at first start from SHOP_ADMIN_EMAIL/SHOP_ADMIN_PASSWORD."""

from . import tokens
from .support import assert_problem, assert_status, bearer


def admin_login(client, stack):
    r = client.post("/api/v1/auth/login", json={"email": stack.ADMIN_EMAIL, "password": stack.ADMIN_PASSWORD})
    assert_status(r, 200)
    return r.json()


def test_admin_can_log_in_and_has_the_admin_role(client, stack):
    pair = admin_login(client, stack)
    me = client.get("/api/v1/users/me", headers=bearer(pair["access_token"]))
    assert_status(me, 200)
    body = me.json()
    assert body["email"] == stack.ADMIN_EMAIL
    assert "admin" in body["roles"], body


def test_admin_access_token_carries_the_admin_role(client, stack):
    claims = tokens.payload(admin_login(client, stack)["access_token"])
    assert "admin" in claims.get("roles", []), claims


def test_customer_access_token_does_not_carry_admin(customer):
    claims = tokens.payload(customer.access_token)
    assert claims.get("roles") == ["customer"], claims


def test_admin_email_cannot_be_registered_again(client, stack):
    r = client.post("/api/v1/auth/register",
                    json={"email": stack.ADMIN_EMAIL, "password": "some-other-password", "name": "Impostor"})
    assert_problem(r, 409)


def test_admin_wrong_password_is_401(client, stack):
    r = client.post("/api/v1/auth/login", json={"email": stack.ADMIN_EMAIL, "password": "not-the-admin-password"})
    assert_problem(r, 401)


def test_admin_reads_any_account_by_id(client, stack, customer):
    admin = admin_login(client, stack)
    r = client.get(f"/api/v1/users/{customer.account.id}", headers=bearer(admin["access_token"]))
    assert_status(r, 200)
    assert r.json()["email"] == customer.account.email
    assert r.json()["roles"] == ["customer"]


def test_customer_may_not_use_the_admin_route(client, customer):
    r = client.get(f"/api/v1/users/{customer.account.id}", headers=customer.headers)
    assert_problem(r, 403)


def test_admin_route_needs_a_token(client, customer):
    assert_problem(client.get(f"/api/v1/users/{customer.account.id}"), 401)


def test_admin_lookup_of_unknown_or_malformed_ids_is_404(client, stack):
    admin = admin_login(client, stack)
    for user_id in ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]:
        assert_problem(client.get(f"/api/v1/users/{user_id}", headers=bearer(admin["access_token"])), 404)
