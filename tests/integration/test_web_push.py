"""Web Push through the gateway, to a loopback stand-in for a push service: the payload
is encrypted for the subscription (RFC 8291, aes128gcm) and decrypts with the
subscriber's private key using the `http_ece` package; the VAPID token (RFC 8292)
verifies against the key the shop publishes; a subscription the push service no longer
knows (404/410) is forgotten."""

import base64
import json
import os
import time

import http_ece
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from polling import wait_until

from .catalog import create_product, set_stock
from .orders import order_body, place_order, settled_order
from .receiver import Receiver
from .support import assert_problem, assert_status


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Browser:
    """What a browser keeps for one push subscription."""

    def __init__(self):
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)

    def keys(self) -> dict:
        point = self.key.public_key().public_bytes(serialization.Encoding.X962,
                                                   serialization.PublicFormat.UncompressedPoint)
        return {"p256dh": b64url(point), "auth": b64url(self.auth)}

    def decrypt(self, body: bytes) -> dict:
        return json.loads(http_ece.decrypt(body, private_key=self.key, auth_secret=self.auth,
                                           version="aes128gcm"))


def verify_vapid(authorization: str, published_key: str, audience: str) -> dict:
    fields = dict(part.strip().split("=", 1) for part in authorization[len("vapid "):].split(","))
    assert authorization.startswith("vapid ") and fields["k"] == published_key
    header, claims, signature = fields["t"].split(".")
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(fields["k"]))
    raw = unb64url(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    public.verify(der, f"{header}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))
    assert json.loads(unb64url(header)) == {"typ": "JWT", "alg": "ES256"}
    decoded = json.loads(unb64url(claims))
    assert decoded["aud"] == audience and decoded["sub"].startswith("mailto:")
    assert time.time() < decoded["exp"] <= time.time() + 24 * 3600
    return decoded


@pytest.fixture
def lamp(client, admin):
    product = create_product(client, admin, name="Pushed lamp", price_cents=1900)
    set_stock(client, admin, product["id"], 20)
    return product


def subscribe(client, session, endpoint: str, browser: Browser):
    return client.post("/api/v1/push/subscriptions", headers=session.headers,
                       json={"endpoint": endpoint, "keys": browser.keys()})


def confirm_an_order(client, session, product_id) -> dict:
    placed = place_order(client, session, order_body([(product_id, 1)]))
    assert placed.status_code in (201, 202), placed.text
    return settled_order(client, session, placed.json()["id"])


def test_a_push_decrypts_with_the_subscribers_key(client, customer, lamp):
    push_service, browser = Receiver(), Browser()
    try:
        assert_status(subscribe(client, customer, f"{push_service.url}/send/abc", browser), 201)
        published = client.get("/api/v1/push/key").json()["public_key"]
        assert len(unb64url(published)) == 65

        order = confirm_an_order(client, customer, lamp["id"])
        pushes = push_service.wait_for(
            lambda got: any(browser.decrypt(r.body)["order_id"] == order["id"] for r in got),
            what="the order's push")
        push = pushes[-1]
        message = browser.decrypt(push.body)
        assert message["template"] == "order_confirmed" and order["id"] in message["title"]
        assert push.path == "/send/abc"
        assert push.headers["content-encoding"] == "aes128gcm" and int(push.headers["ttl"]) > 0
        verify_vapid(push.headers["authorization"], published, push_service.url)
        with pytest.raises(Exception):
            Browser().decrypt(push.body)  # anyone else's key: no plaintext
    finally:
        push_service.close()


def test_a_subscription_the_push_service_dropped_is_forgotten(client, customer, lamp):
    push_service, browser = Receiver(statuses=[410]), Browser()
    try:
        endpoint = f"{push_service.url}/send/gone"
        assert_status(subscribe(client, customer, endpoint, browser), 201)
        confirm_an_order(client, customer, lamp["id"])
        push_service.wait_for(lambda got: len(got) == 1, what="the refused push")

        def forgotten():
            r = client.request("DELETE", "/api/v1/push/subscriptions", headers=customer.headers,
                               json={"endpoint": endpoint})
            return r.status_code == 404

        wait_until(forgotten, timeout=10.0, message="the subscription forgotten")
    finally:
        push_service.close()


def test_subscriptions_are_validated(client, customer):
    browser = Browser()
    keys = browser.keys()
    for body, field in (({"endpoint": "ftp://127.0.0.1/x", "keys": keys}, "endpoint"),
                        ({"endpoint": "http://127.0.0.1/x", "keys": dict(keys, p256dh="AAAA")}, "p256dh"),
                        ({"endpoint": "http://127.0.0.1/x", "keys": dict(keys, auth="c2hvcnQ")}, "auth")):
        problem = assert_problem(client.post("/api/v1/push/subscriptions", headers=customer.headers,
                                             json=body), 422)
        assert field in json.dumps(problem), problem
    assert_problem(client.post("/api/v1/push/subscriptions",
                               json={"endpoint": "http://127.0.0.1/x", "keys": keys}), 401)
