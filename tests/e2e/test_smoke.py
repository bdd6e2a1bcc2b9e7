"""Smoke: the stack is healthy and a customer can go through the whole account life."""

from .client import unique_email

ADDRESS = {
    "name": "Grace Hopper",
    "line1": "1 Navy Yard",
    "city": "Arlington",
    "postal_code": "22202",
    "country": "US",
}


def test_gateway_health_is_green(api):
    r = api.health()
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "ok", body
    assert body["checks"], body
    assert all(v == "ok" for v in body["checks"].values()), body


def test_customer_account_lifecycle(api):
    email = unique_email("smoke")
    password = "smoke-password-1"

    r = api.register(email, password, "Grace")
    assert r.status_code == 201, r.text
    user = r.json()
    assert user["email"] == email and user["roles"] == ["customer"]

    r = api.login(email, password)
    assert r.status_code == 200, r.text
    assert r.json()["token_type"] == "Bearer"

    r = api.me()
    assert r.status_code == 200, r.text
    assert r.json()["id"] == user["id"]

    r = api.update_me(name="Grace Hopper", shipping_address=ADDRESS)
    assert r.status_code == 200, r.text
    profile = api.me().json()
    assert profile["name"] == "Grace Hopper", profile
    stored = profile["shipping_address"]
    assert {k: stored.get(k) for k in ADDRESS} == ADDRESS

    old_refresh = api.refresh_token
    r = api.refresh()
    assert r.status_code == 200, r.text
    assert api.refresh_token != old_refresh
    assert api.me().status_code == 200

    refresh_token = api.refresh_token
    r = api.logout()
    assert r.status_code == 204, r.text
    r = api.post("/api/v1/auth/refresh", auth=False, json={"refresh_token": refresh_token})
    assert r.status_code == 401, r.text


def test_protected_route_needs_a_token(api):
    r = api.me()
    assert r.status_code == 401, r.text
    assert r.headers["content-type"].startswith("application/problem+json")


def test_register_and_login_helper_gives_an_authenticated_client(customer):
    r = customer.me()
    assert r.status_code == 200, r.text
    assert r.json()["email"] == customer.email


def test_admin_account_exists(admin):
    r = admin.me()
    assert r.status_code == 200, r.text
    assert "admin" in r.json()["roles"], r.json()
