"""JWT helpers for the tests: take tokens apart, forge bad ones, verify good ones."""

from __future__ import annotations

import base64
import json

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


def b64url_decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def json_segment(obj: dict) -> str:
    return b64url_encode(json.dumps(obj, separators=(",", ":")).encode())


def split(token: str) -> tuple[str, str, str]:
    parts = token.split(".")
    assert len(parts) == 3, f"not a compact JWS (expected 3 segments): {token[:60]}..."
    return parts[0], parts[1], parts[2]


def header(token: str) -> dict:
    return json.loads(b64url_decode(split(token)[0]))


def payload(token: str) -> dict:
    """The claims, without verifying anything."""
    return json.loads(b64url_decode(split(token)[1]))


def flip_char_in_payload(token: str) -> str:
    """Changes one character in the middle of the payload segment. Middle characters
    carry 6 full bits of data, so the decoded payload really differs (a change in the
    last character could touch padding bits only)."""
    h, p, s = split(token)
    i = len(p) // 2
    replacement = "A" if p[i] != "A" else "B"
    return f"{h}.{p[:i]}{replacement}{p[i + 1:]}.{s}"


def with_claims(token: str, **claims) -> str:
    """The same header and signature over a payload with some claims changed."""
    h, _, s = split(token)
    body = payload(token)
    body.update(claims)
    return f"{h}.{json_segment(body)}.{s}"


def alg_none(token: str) -> str:
    """An unsigned token: header {"alg":"none","typ":"JWT"}, same payload, empty signature."""
    _, p, _ = split(token)
    return f"{json_segment({'alg': 'none', 'typ': 'JWT'})}.{p}."


def signed_by_other_key(token: str) -> str:
    """The same header (alg, kid) and payload, signed by a freshly generated Ed25519 key."""
    h, p, _ = split(token)
    key = Ed25519PrivateKey.generate()
    signature = key.sign(f"{h}.{p}".encode())
    return f"{h}.{p}.{b64url_encode(signature)}"


def hs256_with_public_key(token: str, jwk: dict) -> str:
    """Algorithm confusion: HS256 keyed with the published public key bytes."""
    import hashlib
    import hmac

    h = json_segment({"alg": "HS256", "typ": "JWT", "kid": jwk["kid"]})
    _, p, _ = split(token)
    mac = hmac.new(b64url_decode(jwk["x"]), f"{h}.{p}".encode(), hashlib.sha256).digest()
    return f"{h}.{p}.{b64url_encode(mac)}"


def verifies_with(token: str, jwk: dict) -> bool:
    h, p, s = split(token)
    key = Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))
    try:
        key.verify(b64url_decode(s), f"{h}.{p}".encode())
        return True
    except InvalidSignature:
        return False
