"""GET /.well-known/jwks.json publishes the keys that verify access tokens."""

import time

from . import tokens
from .support import assert_status, media_type


def jwks(client) -> dict:
    r = client.get("/.well-known/jwks.json")
    assert_status(r, 200)
    assert media_type(r) in ("application/json", "application/jwk-set+json"), r.headers
    return r.json()


def test_jwks_lists_ed25519_public_keys(client):
    keys = jwks(client)["keys"]
    assert keys, "no keys published"
    for k in keys:
        assert k["kty"] == "OKP", k
        assert k["crv"] == "Ed25519", k
        assert k["alg"] == "EdDSA", k
        assert isinstance(k["kid"], str) and k["kid"], k
        assert len(tokens.b64url_decode(k["x"])) == 32, k
        assert "d" not in k, "the private key part is published"
    kids = [k["kid"] for k in keys]
    assert len(kids) == len(set(kids)), kids


def test_access_token_verifies_with_the_published_key(client, customer):
    header = tokens.header(customer.access_token)
    assert header["alg"] == "EdDSA", header
    keys = {k["kid"]: k for k in jwks(client)["keys"]}
    assert header.get("kid") in keys, f"token kid {header.get('kid')!r} not in JWKS {sorted(keys)}"
    assert tokens.verifies_with(customer.access_token, keys[header["kid"]])


def test_access_token_claims(customer, stack):
    claims = tokens.payload(customer.access_token)
    assert claims["sub"] == customer.account.id, claims
    now = time.time()
    assert claims["exp"] > now, claims
    assert claims["exp"] <= now + stack.ACCESS_TOKEN_TTL_SECONDS + 60, claims
    assert claims["roles"] == ["customer"], claims


def test_forged_signature_does_not_verify(client, customer):
    # The verification above can fail: a token signed by another key does not verify.
    keys = {k["kid"]: k for k in jwks(client)["keys"]}
    forged = tokens.signed_by_other_key(customer.access_token)
    assert not tokens.verifies_with(forged, keys[tokens.header(forged)["kid"]])
