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
