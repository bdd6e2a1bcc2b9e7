"""The gateway against its own OpenAPI document (GET /api/openapi.json): schemathesis
generates requests for every documented operation, valid and invalid ones, and checks
each answer: no 5xx, a documented status code, the documented content type, and a body
that matches the documented schema.

Every operation that needs a token runs twice: with a customer's access token and with
the admin's, so routes behind authentication are exercised past 401 (and admin routes
past 403); the public ones run once. Half of the generated ids are swapped for ids of
resources that exist (a product, a category, an order, a webhook, ...), so the answers
past 404 are checked too. Runs are derandomized: the same build sends the same requests
every time. Nothing is excluded: logout only revokes the refresh token it is sent,
which the run never knows, and the admin's writes touch only the test databases."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance,
                                               response_schema_conformance,
                                               status_code_conformance)

from .catalog import create_category, create_product, set_stock
from .orders import order_body, place_order
from .support import Account, Session, assert_status, login, register

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
# Generated requests per operation and phase; bounded so that both runs stay within a
# few minutes on a small machine.
MAX_EXAMPLES = 25
RUN_TIMEOUT_S = 420
REQUEST_TIMEOUT_S = 10.0
# Generated URLs must never lead a service off this machine: the notification service
# resolves and later calls webhook and push endpoints. A generated value that looks like
# an absolute URL is pointed at a closed port on the loopback address instead; values
# that are no URL stay as generated, so the validation of those is still fuzzed.
LOOPBACK_TARGET = "http://127.0.0.1:9/fuzzed"
URL_FIELDS = {("POST", "/api/v1/webhooks"): "url",
              ("POST", "/api/v1/push/subscriptions"): "endpoint",
              ("DELETE", "/api/v1/push/subscriptions"): "endpoint"}


@dataclass
class Caller:
    """Who the run acts as, and the resources it may swap generated ids for."""

    session: Session
    # (method, path template, name) of a path parameter or a top-level body field -> id
    ids: dict[tuple[str, str, str], str] = field(default_factory=dict)


def existing_ids(client: httpx.Client, customer: Session, admin: Session,
                 webhook_owner: Session) -> dict[tuple[str, str, str], str]:
    category = create_category(client, admin)
    product = create_product(client, admin, category_id=category["id"])
    set_stock(client, admin, product["id"], 50)
    # DELETE gets a product of its own, so the other operations keep theirs.
    doomed = create_product(client, admin)
    r = client.post("/api/v1/cart/items", json={"product_id": product["id"], "quantity": 1},
                    headers=customer.headers)
    assert_status(r, 200)
    order = place_order(client, customer, order_body([(product["id"], 1)]))
    assert order.status_code in (201, 202), order.text
    webhooks = []
    for _ in range(2):  # one to delete, one for the other operations
        r = client.post("/api/v1/webhooks", headers=webhook_owner.headers,
                        json={"url": LOOPBACK_TARGET, "events": ["order.created"]})
        assert_status(r, 201)
        webhooks.append(r.json()["id"])
    ids = {
        ("GET", "/api/v1/products/{id}", "id"): product["id"],
        ("PATCH", "/api/v1/products/{id}", "id"): product["id"],
        ("DELETE", "/api/v1/products/{id}", "id"): doomed["id"],
        ("PUT", "/api/v1/products/{id}/inventory", "id"): product["id"],
        ("POST", "/api/v1/products/{id}/waitlist", "id"): product["id"],
        ("DELETE", "/api/v1/products/{id}/waitlist", "id"): product["id"],
        ("POST", "/api/v1/products", "category_id"): category["id"],
        ("PATCH", "/api/v1/products/{id}", "category_id"): category["id"],
        ("POST", "/api/v1/categories", "parent_id"): category["id"],
        ("POST", "/api/v1/cart/items", "product_id"): product["id"],
        ("PATCH", "/api/v1/cart/items/{product_id}", "product_id"): product["id"],
        ("DELETE", "/api/v1/cart/items/{product_id}", "product_id"): product["id"],
        ("GET", "/api/v1/orders/{id}", "id"): order.json()["id"],
        ("POST", "/api/v1/orders/{id}/cancel", "id"): order.json()["id"],
        ("POST", "/api/v1/orders/{id}/status", "id"): order.json()["id"],
        ("GET", "/api/v1/users/{id}", "id"): customer.account.id,
        ("DELETE", "/api/v1/webhooks/{id}", "id"): webhooks[0],
        ("GET", "/api/v1/webhooks/{id}", "id"): webhooks[1],
        ("GET", "/api/v1/webhooks/{id}/deliveries", "id"): webhooks[1],
    }
    return ids


@pytest.fixture(scope="module")
def callers(stack) -> dict[str, Caller]:
    with httpx.Client(base_url=stack.gateway_url, timeout=REQUEST_TIMEOUT_S) as client:
        customer = login(client, register(client))
        admin = login(client, Account(id="", email=stack.ADMIN_EMAIL, password=stack.ADMIN_PASSWORD,
                                      name="Administrator"))
        # Webhooks belong to whoever created them: each caller gets its own.
        return {"customer": Caller(customer, existing_ids(client, customer, admin, customer)),
                "admin": Caller(admin, existing_ids(client, customer, admin, admin))}


@pytest.fixture(scope="module")
def openapi_document(stack) -> dict:
    r = httpx.get(f"{stack.gateway_url}/api/openapi.json", timeout=REQUEST_TIMEOUT_S)
    assert_status(r, 200)
    return r.json()


def load_schema(document: dict, stack) -> schemathesis.BaseSchema:
    schema = schemathesis.openapi.from_dict(document)
    schema.config.update(base_url=stack.gateway_url, request_timeout=REQUEST_TIMEOUT_S)
    return schema


@pytest.fixture(scope="module")
def customer_api(openapi_document, stack):
    return load_schema(openapi_document, stack)


@pytest.fixture(scope="module")
def admin_api(openapi_document, stack):
    return load_schema(openapi_document, stack)


def needs_token(ctx) -> bool:
    return bool(ctx.operation.definition.raw.get("security"))


customer_schema = schemathesis.pytest.from_fixture("customer_api")
# The public operations answer the same whoever asks; the customer's run covers them.
admin_schema = schemathesis.pytest.from_fixture("admin_api").include(needs_token)

RUN_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=False,
    # Most generated ids name nothing and most generated bodies are refused; both are
    # answers worth checking, not a reason to stop.
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow,
                           HealthCheck.data_too_large, HealthCheck.large_base_example],
)


def is_uuid(value) -> bool:
    try:
        return isinstance(value, str) and str(uuid.UUID(value)) == value
    except ValueError:
        return False


def swap_in_existing_ids(case, caller: Caller) -> None:
    """A generated UUID whose first digit is below 8 becomes the id of an existing
    resource; the others, and every value that is no UUID, stay as generated."""
    def swapped(name: str, value):
        existing = caller.ids.get((case.method.upper(), case.path, name))
        if existing is not None and is_uuid(value) and int(value[0], 16) < 8:
            return existing
        return value

    for name, value in (case.path_parameters or {}).items():
        case.path_parameters[name] = swapped(name, value)
    if isinstance(case.body, dict):
        for name, value in case.body.items():
            case.body[name] = swapped(name, value)


def keep_on_this_machine(case) -> None:
    name = URL_FIELDS.get((case.method.upper(), case.path))
    if name is None or not isinstance(case.body, dict):
        return
    value = case.body.get(name)
    if isinstance(value, str) and "://" in value and urlsplit(value).hostname != "127.0.0.1":
        case.body[name] = LOOPBACK_TARGET


def call_and_check(case, caller: Caller) -> None:
    swap_in_existing_ids(case, caller)
    keep_on_this_machine(case)
    case.call_and_validate(headers=caller.session.headers, checks=CHECKS,
                           timeout=REQUEST_TIMEOUT_S)


@pytest.mark.timeout(RUN_TIMEOUT_S)
@customer_schema.parametrize()
@RUN_SETTINGS
def test_every_operation_conforms_for_a_customer(case, callers):
    call_and_check(case, callers["customer"])


@pytest.mark.timeout(RUN_TIMEOUT_S)
@admin_schema.parametrize()
@RUN_SETTINGS
def test_every_authenticated_operation_conforms_for_the_admin(case, callers):
    call_and_check(case, callers["admin"])
