"""The simulated payment provider (payment-provider/): its Stripe-style API driven over
HTTP against the real binary and its own PostgreSQL database. Runs alone: it needs the
stack's PostgreSQL, not the other services."""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import httpx
import pytest

from polling import wait_until

from .payment_provider import (API_KEY, DECLINED, INSUFFICIENT_FUNDS, PROVIDER_ERROR, SLOW, SLOW_MS,
                               SUCCEEDS, PspClient, new_key, new_order_id, running_provider,
                               stripe_error)

PM_ID = re.compile(r"^pm_[0-9a-f]{24}$")
CH_ID = re.compile(r"^ch_[0-9a-f]{24}$")
RE_ID = re.compile(r"^re_[0-9a-f]{24}$")
PARALLEL = 10


@pytest.fixture(scope="module")
def provider():
    with running_provider(lambda message: pytest.fail(message, pytrace=False)) as p:
        yield p


@pytest.fixture
def psp(provider):
    with PspClient(provider.url) as client:
        yield client


def run_in_parallel(count: int, call):
    """Runs call(i) for i in range(count) on as many threads, released together."""
    barrier = threading.Barrier(count)

    def released(i):
        barrier.wait(timeout=10)
        return call(i)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(released, range(count)))


# --- operations -------------------------------------------------------------------------

def test_health_ready_and_metrics(provider, psp):
    for path in ("/health", "/ready"):
        r = httpx.get(f"{provider.url}{path}", timeout=5)
        assert r.status_code == 200, r.text
        assert r.json() == {"status": "ok", "checks": {"postgres": "ok"}}
    assert psp.charge(psp.payment_method()).status_code == 201
    metrics = httpx.get(f"{provider.url}/metrics", timeout=5).text
    counted = re.search(r'^shop_payment_provider_charges_total\{outcome="succeeded"\} (\d+)', metrics, re.M)
    assert counted and int(counted.group(1)) >= 1, metrics[:2000]


# --- authentication ---------------------------------------------------------------------

V1_ROUTES = [("POST", "/v1/payment_methods"), ("POST", "/v1/charges"), ("GET", "/v1/charges?order_id=1"),
             ("GET", "/v1/charges/ch_000000000000000000000000"), ("POST", "/v1/refunds")]


@pytest.mark.parametrize("method,path", V1_ROUTES)
@pytest.mark.parametrize("authorization", [None, "Bearer sk_test_wrong", f"Basic {API_KEY}", f"Bearer {API_KEY}x"])
def test_every_v1_route_needs_the_api_key(provider, method, path, authorization):
    headers = {"Idempotency-Key": new_key()}
    if authorization:
        headers["Authorization"] = authorization
    r = httpx.request(method, f"{provider.url}{path}", headers=headers, json={}, timeout=5)
    stripe_error(r, 401, "authentication_error")


# --- payment methods --------------------------------------------------------------------

@pytest.mark.parametrize("number,brand,last4", [
    ("4242424242424242", "visa", "4242"),
    ("4242 4242 4242 4242", "visa", "4242"),
    ("5555-5555-5555-4444", "mastercard", "4444"),
    ("3782 822463 10005", "amex", "0005"),
])
def test_tokenizes_a_card(psp, number, brand, last4):
    before = int(time.time())
    r = psp.tokenize(number, exp_month=7, exp_year=2031, cvc="1234")
    assert r.status_code == 201, r.text
    body = r.json()
    assert PM_ID.match(body["id"]), body
    assert body["object"] == "payment_method" and body["type"] == "card", body
    assert body["card"] == {"brand": brand, "last4": last4, "exp_month": 7, "exp_year": 2031}, body
    assert before - 1 <= body["created"] <= int(time.time()) + 1, body
    assert number.replace(" ", "").replace("-", "") not in r.text


@pytest.mark.parametrize("card,code,param", [
    ({"number": "4242 4242 4242 4241"}, "incorrect_number", "card.number"),
    ({"number": "4242 4242 42"}, "incorrect_number", "card.number"),
    ({"number": "4242x4242x4242x4242"}, "incorrect_number", "card.number"),
    ({"exp_month": 13}, "invalid_expiry_month", "card.exp_month"),
    ({"exp_month": 0}, "invalid_expiry_month", "card.exp_month"),
    ({"exp_year": 30}, "invalid_expiry_year", "card.exp_year"),
    ({"exp_year": 2020}, "expired_card", "card.exp_year"),
    ({"cvc": "12"}, "invalid_cvc", "card.cvc"),
    ({"cvc": "12345"}, "invalid_cvc", "card.cvc"),
])
def test_an_unusable_card_is_a_card_error(psp, card, code, param):
    fields = {"number": SUCCEEDS, "exp_month": 12, "exp_year": 2030, "cvc": "123", **card}
    error = stripe_error(psp.tokenize(**fields), 402, "card_error", code)
    assert error["param"] == param, error


@pytest.mark.parametrize("body,param", [
    ({}, "card"),
    ({"card": "4242424242424242"}, "card"),
    ({"card": {"exp_month": 12, "exp_year": 2030, "cvc": "123"}}, "card.number"),
    ({"card": {"number": SUCCEEDS, "exp_month": "12", "exp_year": 2030, "cvc": "123"}}, "card.exp_month"),
    ({"card": {"number": SUCCEEDS, "exp_month": 12, "cvc": "123"}}, "card.exp_year"),
    ({"card": {"number": SUCCEEDS, "exp_month": 12, "exp_year": 2030}}, "card.cvc"),
    ({"card": {"number": SUCCEEDS, "exp_month": 12, "exp_year": 2030, "cvc": "123"}, "iban": "x"}, "iban"),
])
def test_a_malformed_payment_method_request_is_400(psp, body, param):
    error = stripe_error(psp.http.post("/v1/payment_methods", json=body), 400, "invalid_request_error")
    assert error["param"] == param, error


def test_a_body_that_is_not_json_is_400(psp):
    r = psp.http.post("/v1/payment_methods", content=b'{"card": {', headers={"Content-Type": "application/json"})
    stripe_error(r, 400, "invalid_request_error")


def test_card_numbers_never_reach_the_log(provider, psp):
    numbers = ["4242424242424242", "5555555555554444", "4000000000000119"]
    for number in numbers:
        psp.payment_method(number)
    psp.tokenize("4242424242424241")
    # A provider error is logged as a failed request: the log then has lines from requests.
    assert psp.charge(psp.payment_method(PROVIDER_ERROR)).status_code == 500
    log = wait_until(lambda: (text := provider.process.log_text()) and '"status":500' in text and text,
                     message="the failed request in the provider's log")
    for number in [*numbers, "4242424242424241"]:
        assert number not in log
        assert " ".join(number[i:i + 4] for i in range(0, 16, 4)) not in log


# --- charges ----------------------------------------------------------------------------

def test_a_charge_succeeds_and_is_stored(psp):
    pm, order_id = psp.payment_method(), new_order_id()
    before = int(time.time())
    r = psp.charge(pm, amount=2599, order_id=order_id, currency="EUR", description="Order 42")
    assert r.status_code == 201, r.text
    assert "Idempotent-Replayed" not in r.headers
    charge = r.json()
    assert CH_ID.match(charge["id"]), charge
    assert {k: charge[k] for k in ("object", "amount", "currency", "status", "payment_method", "description",
                                   "metadata", "refunded", "amount_refunded")} == {
        "object": "charge", "amount": 2599, "currency": "eur", "status": "succeeded", "payment_method": pm,
        "description": "Order 42", "metadata": {"order_id": order_id}, "refunded": False, "amount_refunded": 0}
    assert before - 1 <= charge["created"] <= int(time.time()) + 1
    got = psp.get_charge(charge["id"])
    assert got.status_code == 200 and got.json() == charge, got.text
    assert psp.charges_for(order_id) == [charge]


@pytest.mark.parametrize("card,decline_code,message", [
    (DECLINED, "generic_decline", "Your card was declined."),
    (INSUFFICIENT_FUNDS, "insufficient_funds", "Your card has insufficient funds."),
])
def test_a_declined_card_fails_the_charge_and_keeps_it(psp, card, decline_code, message):
    order_id = new_order_id()
    error = stripe_error(psp.charge(psp.payment_method(card), order_id=order_id), 402, "card_error", "card_declined")
    assert error["decline_code"] == decline_code and error["message"] == message, error
    assert CH_ID.match(error["charge"]), error
    [charge] = psp.charges_for(order_id)
    assert charge["id"] == error["charge"]
    assert charge["status"] == "failed" and charge["failure_code"] == "card_declined", charge
    assert charge["outcome"]["reason"] == decline_code, charge
    assert psp.get_charge(error["charge"]).json() == charge


def test_a_provider_error_keeps_nothing_not_even_the_key(psp):
    pm, order_id, key = psp.payment_method(PROVIDER_ERROR), new_order_id(), new_key()
    for _ in range(2):
        r = psp.charge(pm, order_id=order_id, key=key)
        error = stripe_error(r, 500, "api_error")
        assert error["message"] == "An error occurred on our side.", error
        assert "Idempotent-Replayed" not in r.headers
    assert psp.charges_for(order_id) == []


def test_a_slow_card_succeeds_late_and_its_key_is_busy_meanwhile(psp, provider):
    pm, order_id, key = psp.payment_method(SLOW), new_order_id(), new_key()
    with ThreadPoolExecutor(max_workers=1) as pool:
        started = time.monotonic()
        first = pool.submit(psp.charge, pm, 1500, order_id, key)
        # The charge is stored before the answer is held back.
        wait_until(lambda: psp.charges_for(order_id), timeout=10, message="the slow charge stored")
        assert not first.done(), "the slow card answered before its delay"
        with PspClient(provider.url) as second:
            stripe_error(second.charge(pm, 1500, order_id, key), 409, "idempotency_error", "idempotency_key_in_use")
        assert not first.done(), "the first request ended before the second was refused"
        answer = first.result(timeout=30)
        elapsed = time.monotonic() - started
    assert answer.status_code == 201, answer.text
    assert elapsed >= SLOW_MS / 1000, elapsed
    replay = psp.charge(pm, 1500, order_id, key)
    assert replay.status_code == 201 and replay.content == answer.content, replay.text
    assert replay.headers.get("Idempotent-Replayed") == "true"
    assert [c["id"] for c in psp.charges_for(order_id)] == [answer.json()["id"]]


def test_an_unknown_payment_method_is_resource_missing(psp):
    error = stripe_error(psp.charge("pm_000000000000000000000000"), 400, "invalid_request_error", "resource_missing")
    assert error["param"] == "payment_method", error


@pytest.mark.parametrize("change,param", [
    ({"amount": 0}, "amount"),
    ({"amount": -100}, "amount"),
    ({"amount": 10.5}, "amount"),
    ({"amount": "1000"}, "amount"),
    ({"amount": None}, "amount"),
    ({"currency": "eu"}, "currency"),
    ({"currency": "euro"}, "currency"),
    ({"currency": 978}, "currency"),
    ({"payment_method": None}, "payment_method"),
    ({"description": 5}, "description"),
    ({"metadata": {"order_id": 7}}, "metadata.order_id"),
    ({"metadata": "order 7"}, "metadata"),
    ({"amount_cents": 1000}, "amount_cents"),
])
def test_an_invalid_charge_request_is_400_naming_the_param(psp, change, param):
    body = {"amount": 1000, "currency": "eur", "payment_method": psp.payment_method(),
            "metadata": {"order_id": new_order_id()}, **change}
    r = psp.http.post("/v1/charges", json=body, headers={"Idempotency-Key": new_key()})
    error = stripe_error(r, 400, "invalid_request_error")
    assert error["param"] == param, error


def test_a_charge_needs_an_idempotency_key(psp):
    body = {"amount": 1000, "currency": "eur", "payment_method": psp.payment_method()}
    error = stripe_error(psp.http.post("/v1/charges", json=body), 400, "invalid_request_error")
    assert "Idempotency-Key" in error["message"], error


def test_unknown_charges_are_404_and_lists_need_an_order_id(psp):
    stripe_error(psp.get_charge("ch_000000000000000000000000"), 404, "invalid_request_error", "resource_missing")
    error = stripe_error(psp.http.get("/v1/charges"), 400, "invalid_request_error", "parameter_missing")
    assert error["param"] == "order_id", error
    assert psp.charges_for(new_order_id()) == []


# --- idempotency ------------------------------------------------------------------------

@pytest.mark.parametrize("card,status", [(SUCCEEDS, 201), (DECLINED, 402)])
def test_the_same_key_and_body_replay_the_first_answer(psp, card, status):
    pm, order_id, key = psp.payment_method(card), new_order_id(), new_key()
    first = psp.charge(pm, order_id=order_id, key=key)
    assert first.status_code == status, first.text
    assert "Idempotent-Replayed" not in first.headers
    for _ in range(2):
        again = psp.charge(pm, order_id=order_id, key=key)
        assert again.status_code == status
        assert again.content == first.content
        assert again.headers.get("Idempotent-Replayed") == "true"
    assert len(psp.charges_for(order_id)) == 1


def test_the_same_body_with_its_keys_in_another_order_is_a_replay(psp):
    pm, order_id, key = psp.payment_method(), new_order_id(), new_key()
    bodies = [
        f'{{"amount": 700, "currency": "eur", "payment_method": "{pm}", "metadata": {{"order_id": "{order_id}", "x": "1"}}}}',
        f'{{"metadata":{{"x":"1","order_id":"{order_id}"}},"payment_method":"{pm}","currency":"eur","amount":700}}',
    ]
    answers = [psp.http.post("/v1/charges", content=body.encode(),
                             headers={"Idempotency-Key": key, "Content-Type": "application/json"}) for body in bodies]
    assert [a.status_code for a in answers] == [201, 201], [a.text for a in answers]
    assert answers[1].content == answers[0].content
    assert answers[1].headers.get("Idempotent-Replayed") == "true"


def test_the_same_key_with_another_body_is_refused(psp):
    pm, order_id, key = psp.payment_method(), new_order_id(), new_key()
    assert psp.charge(pm, amount=1000, order_id=order_id, key=key).status_code == 201
    stripe_error(psp.charge(pm, amount=1001, order_id=order_id, key=key), 400, "idempotency_error",
                 "idempotency_key_reused")
    r = psp.refund(psp.charges_for(order_id)[0]["id"], key=key)
    stripe_error(r, 400, "idempotency_error", "idempotency_key_reused")
    assert [c["amount"] for c in psp.charges_for(order_id)] == [1000]


def test_a_request_refused_by_validation_does_not_use_up_its_key(psp):
    pm, order_id, key = psp.payment_method(), new_order_id(), new_key()
    stripe_error(psp.charge(pm, amount=0, order_id=order_id, key=key), 400, "invalid_request_error")
    r = psp.charge(pm, amount=500, order_id=order_id, key=key)
    assert r.status_code == 201 and "Idempotent-Replayed" not in r.headers, r.text


def test_parallel_identical_charges_with_one_key_charge_once(psp, provider):
    pm, order_id, key = psp.payment_method(), new_order_id(), new_key()
    with ExitStack() as stack:
        clients = [stack.enter_context(PspClient(provider.url)) for _ in range(PARALLEL)]
        answers = run_in_parallel(PARALLEL, lambda i: clients[i].charge(pm, 4200, order_id, key))
    [charge] = psp.charges_for(order_id)
    for answer in answers:
        if answer.status_code == 409:
            stripe_error(answer, 409, "idempotency_error", "idempotency_key_in_use")
        else:
            assert answer.status_code == 201, answer.text
            assert answer.json() == charge
    assert sum(1 for a in answers if a.status_code == 201 and "Idempotent-Replayed" not in a.headers) == 1


def test_a_restart_keeps_charges_and_idempotency_records(psp, provider):
    pm, order_id, key = psp.payment_method(), new_order_id(), new_key()
    first = psp.charge(pm, amount=3100, order_id=order_id, key=key)
    assert first.status_code == 201, first.text
    refund_key = new_key()
    refund = psp.refund(first.json()["id"], amount=100, key=refund_key)
    assert refund.status_code == 201, refund.text

    assert provider.restart() == 0, "payment-provider did not exit cleanly on SIGTERM"

    with PspClient(provider.url) as after:
        again = after.charge(pm, amount=3100, order_id=order_id, key=key)
        assert again.status_code == 201 and again.content == first.content, again.text
        assert again.headers.get("Idempotent-Replayed") == "true"
        refund_again = after.refund(first.json()["id"], amount=100, key=refund_key)
        assert refund_again.content == refund.content and refund_again.headers.get("Idempotent-Replayed") == "true"
        stripe_error(after.charge(pm, amount=3200, order_id=order_id, key=key), 400, "idempotency_error",
                     "idempotency_key_reused")
        [charge] = after.charges_for(order_id)
        assert charge["amount_refunded"] == 100, charge


# --- refunds ----------------------------------------------------------------------------

def charged(psp: PspClient, amount: int = 1000, card: str = SUCCEEDS) -> dict:
    r = psp.charge(psp.payment_method(card), amount=amount)
    assert r.status_code == 201, r.text
    return r.json()


def test_a_refund_without_amount_refunds_everything(psp):
    charge = charged(psp, 1000)
    before = int(time.time())
    r = psp.refund(charge["id"])
    assert r.status_code == 201, r.text
    refund = r.json()
    assert RE_ID.match(refund["id"]), refund
    assert {k: refund[k] for k in ("object", "charge", "amount", "currency", "status")} == {
        "object": "refund", "charge": charge["id"], "amount": 1000, "currency": "eur", "status": "succeeded"}
    assert before - 1 <= refund["created"] <= int(time.time()) + 1
    after = psp.get_charge(charge["id"]).json()
    assert after["refunded"] is True and after["amount_refunded"] == 1000, after
    stripe_error(psp.refund(charge["id"]), 400, "invalid_request_error", "charge_already_refunded")


def test_partial_refunds_add_up_to_the_amount_at_most(psp):
    charge = charged(psp, 1000)
    assert psp.refund(charge["id"], amount=300).json()["amount"] == 300
    error = stripe_error(psp.refund(charge["id"], amount=701), 400, "invalid_request_error", "amount_too_large")
    assert error["param"] == "amount", error
    assert psp.get_charge(charge["id"]).json()["amount_refunded"] == 300
    rest = psp.refund(charge["id"])
    assert rest.status_code == 201 and rest.json()["amount"] == 700, rest.text
    stripe_error(psp.refund(charge["id"], amount=1), 400, "invalid_request_error", "charge_already_refunded")
    after = psp.get_charge(charge["id"]).json()
    assert after["refunded"] is True and after["amount_refunded"] == 1000, after


def test_a_refund_replays_and_refunds_once(psp):
    charge, key = charged(psp, 1000), new_key()
    first = psp.refund(charge["id"], amount=400, key=key)
    again = psp.refund(charge["id"], amount=400, key=key)
    assert first.status_code == again.status_code == 201, again.text
    assert again.content == first.content and again.headers.get("Idempotent-Replayed") == "true"
    assert psp.get_charge(charge["id"]).json()["amount_refunded"] == 400


def test_what_cannot_be_refunded(psp):
    declined = stripe_error(psp.charge(psp.payment_method(DECLINED)), 402, "card_error")
    stripe_error(psp.refund(declined["charge"]), 400, "invalid_request_error", "charge_not_refundable")
    error = stripe_error(psp.refund("ch_000000000000000000000000"), 400, "invalid_request_error", "resource_missing")
    assert error["param"] == "charge", error
    error = stripe_error(psp.http.post("/v1/refunds", json={"charge": charged(psp)["id"]}), 400,
                         "invalid_request_error")
    assert "Idempotency-Key" in error["message"], error
    error = stripe_error(psp.refund(charged(psp)["id"], amount=0), 400, "invalid_request_error")
    assert error["param"] == "amount", error


def test_concurrent_refunds_never_exceed_the_charge(psp, provider):
    charge = charged(psp, 1000)
    with ExitStack() as stack:
        clients = [stack.enter_context(PspClient(provider.url)) for _ in range(PARALLEL)]
        answers = run_in_parallel(PARALLEL, lambda i: clients[i].refund(charge["id"], amount=300))
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [201] * 3 + [400] * (PARALLEL - 3), [a.text for a in answers]
    for answer in answers:
        if answer.status_code == 400:
            stripe_error(answer, 400, "invalid_request_error", "amount_too_large")
    after = psp.get_charge(charge["id"]).json()
    assert after["amount_refunded"] == 900 and after["refunded"] is False, after
