"""GET and PATCH /api/v1/users/me: the profile with name and shipping address."""

import pytest

from .support import assert_problem, assert_status, error_fields, login, register

ADDRESS = {
    "name": "Ada Lovelace",
    "line1": "12 St James's Square",
    "line2": "Flat 3",
    "city": "London",
    "postal_code": "SW1Y 4JH",
    "country": "GB",
}


def me(client, session):
    r = client.get("/api/v1/users/me", headers=session.headers)
    assert_status(r, 200)
    return r.json()


def test_get_me_returns_the_profile(client, customer):
    body = me(client, customer)
    assert body["id"] == customer.account.id
    assert body["email"] == customer.account.email
    assert body["name"] == customer.account.name
    assert body["roles"] == ["customer"]


def test_patch_me_updates_and_persists(client, customer):
    r = client.patch("/api/v1/users/me", headers=customer.headers,
                     json={"name": "Ada King", "shipping_address": ADDRESS})
    assert_status(r, 200)
    body = r.json()
    assert body["name"] == "Ada King"
    assert body["shipping_address"] == ADDRESS
    assert body["id"] == customer.account.id and body["email"] == customer.account.email

    again = me(client, customer)
    assert again["name"] == "Ada King"
    assert again["shipping_address"] == ADDRESS


def test_patch_me_line2_is_optional(client, customer):
    address = {k: v for k, v in ADDRESS.items() if k != "line2"}
    r = client.patch("/api/v1/users/me", headers=customer.headers, json={"shipping_address": address})
    assert_status(r, 200)
    stored = me(client, customer)["shipping_address"]
    for key, value in address.items():
        assert stored[key] == value, stored
    assert not stored.get("line2"), stored


def test_patch_me_name_only_keeps_the_rest(client, customer):
    assert_status(client.patch("/api/v1/users/me", headers=customer.headers,
                               json={"shipping_address": ADDRESS}), 200)
    r = client.patch("/api/v1/users/me", headers=customer.headers, json={"name": "Only The Name"})
    assert_status(r, 200)
    body = me(client, customer)
    assert body["name"] == "Only The Name"
    assert body["shipping_address"] == ADDRESS


@pytest.mark.parametrize("country", ["USA", "us", "", "G1"])
def test_invalid_country_is_422_and_changes_nothing(client, customer, country):
    before = me(client, customer)
    r = client.patch("/api/v1/users/me", headers=customer.headers,
                     json={"name": "Should Not Stick", "shipping_address": dict(ADDRESS, country=country)})
    problem = assert_problem(r, 422)
    assert "shipping_address.country" in error_fields(problem), problem
    assert me(client, customer) == before


def test_missing_required_address_field_is_422(client, customer):
    address = {k: v for k, v in ADDRESS.items() if k != "city"}
    r = client.patch("/api/v1/users/me", headers=customer.headers, json={"shipping_address": address})
    problem = assert_problem(r, 422)
    assert "shipping_address.city" in error_fields(problem), problem


def test_patch_me_without_token_is_401(client):
    assert_problem(client.patch("/api/v1/users/me", json={"name": "Nobody"}), 401)


def test_empty_name_is_422(client, customer):
    problem = assert_problem(client.patch("/api/v1/users/me", headers=customer.headers, json={"name": ""}), 422)
    assert "name" in error_fields(problem), problem
    assert me(client, customer)["name"] == customer.account.name


def test_profiles_are_per_user(client, customer):
    other = login(client, register(client))
    assert_status(client.patch("/api/v1/users/me", headers=other.headers, json={"name": "Other Person"}), 200)
    assert me(client, customer)["name"] == customer.account.name
    assert me(client, other)["name"] == "Other Person"
