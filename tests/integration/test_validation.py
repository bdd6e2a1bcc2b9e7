"""Bad input: field validation (422 with errors[]), bodies that are not the expected
JSON object (400), oversized bodies (413), requests that are not well-formed HTTP (400).
Every answer is problem+json."""

import json
import socket
from urllib.parse import urlsplit

import pytest

from .support import PASSWORD, assert_problem, assert_status, error_fields, unique_email

REGISTER = "/api/v1/auth/register"


@pytest.mark.parametrize(
    "body, field",
    [
        ({"email": "not-an-email", "password": PASSWORD, "name": "Val"}, "email"),
        ({"email": "two@@example.com", "password": PASSWORD, "name": "Val"}, "email"),
        ({"email": "", "password": PASSWORD, "name": "Val"}, "email"),
        ({"password": PASSWORD, "name": "Val"}, "email"),
        ({"email": None, "password": "1234567", "name": "Val"}, "password"),
        ({"email": None, "password": "", "name": "Val"}, "password"),
        ({"email": None, "password": PASSWORD, "name": ""}, "name"),
        ({"email": None, "password": PASSWORD}, "name"),
    ],
    ids=["no-at", "double-at", "empty-email", "missing-email", "password-7-chars", "empty-password",
         "empty-name", "missing-name"],
)
def test_register_invalid_field_is_422(client, body, field):
    if "email" in body and body["email"] is None:
        body = dict(body, email=unique_email("val"))
    problem = assert_problem(client.post(REGISTER, json=body), 422)
    assert field in error_fields(problem), problem


def test_register_lists_every_offending_field(client):
    problem = assert_problem(client.post(REGISTER, json={"email": "nope", "password": "short", "name": ""}), 422)
    assert {"email", "password", "name"} <= error_fields(problem), problem


def test_password_of_exactly_8_chars_is_accepted(client):
    r = client.post(REGISTER, json={"email": unique_email("eight"), "password": "12345678", "name": "Eight"})
    assert r.status_code == 201, r.text


@pytest.mark.parametrize(
    "raw",
    [b'{"email": "a@example.com", "password": ', b"{not json}", b'{"email": "a@example.com"} trailing',
     b'{"email": "a@example.com",}'],
    ids=["truncated", "not-json", "trailing-garbage", "trailing-comma"],
)
def test_malformed_json_is_400(client, raw):
    r = client.post(REGISTER, content=raw, headers={"Content-Type": "application/json"})
    assert_problem(r, 400)


@pytest.mark.parametrize(
    "raw",
    [b"[]", b'["email", "password"]', b'"a string"', b"42", b"null"],
    ids=["empty-array", "array", "string", "number", "null"],
)
def test_json_that_is_not_an_object_is_400(client, raw):
    r = client.post(REGISTER, content=raw, headers={"Content-Type": "application/json"})
    assert_problem(r, 400)


@pytest.mark.parametrize(
    "body",
    [
        {"email": 1, "password": PASSWORD, "name": "Types"},
        {"email": "t@example.com", "password": True, "name": "Types"},
        {"email": "t@example.com", "password": PASSWORD, "name": ["Types"]},
        {"email": {"a": 1}, "password": PASSWORD, "name": "Types"},
    ],
    ids=["email-number", "password-bool", "name-array", "email-object"],
)
def test_wrong_json_types_are_400(client, body):
    assert_problem(client.post(REGISTER, json=body), 400)


def test_wrong_types_on_login_are_400(client):
    assert_problem(client.post("/api/v1/auth/login", json={"email": ["x"], "password": 5}), 400)


def test_body_over_the_limit_is_413(client, stack):
    padding = "x" * (stack.MAX_BODY_BYTES + 1024)
    raw = ('{"email": "big@example.com", "password": "%s", "name": "Big"}' % padding).encode()
    r = client.post(REGISTER, content=raw, headers={"Content-Type": "application/json"})
    assert_problem(r, 413)


def test_chunked_body_over_the_limit_is_413(client, stack):
    chunk = b"x" * 65536
    total = stack.MAX_BODY_BYTES + 2 * len(chunk)

    def body():
        yield b'{"email": "big@example.com", "name": "Big", "password": "'
        sent = 0
        while sent < total:
            yield chunk
            sent += len(chunk)
        yield b'"}'

    r = client.post(REGISTER, content=body(), headers={"Content-Type": "application/json"})
    assert_problem(r, 413)


def test_body_just_under_the_limit_is_not_413(client, stack):
    # A long but otherwise valid body is judged on its content: the password is too
    # long or accepted, but the size alone is no reason to refuse it.
    padding = "x" * (stack.MAX_BODY_BYTES - 200)
    raw = ('{"email": "%s", "password": "%s", "name": "Big"}' % (unique_email("big"), padding)).encode()
    assert len(raw) < stack.MAX_BODY_BYTES
    r = client.post(REGISTER, content=raw, headers={"Content-Type": "application/json"})
    assert r.status_code != 413, r.text[:300]
    assert r.status_code in (201, 422), r.text[:300]


def test_json_with_surrounding_whitespace_is_accepted(client):
    # RFC 8259: whitespace may precede and follow the value (pretty-printed bodies).
    raw = ('\n  {"email": "%s", "password": "%s", "name": "Spaces"}\n' % (unique_email("ws"), PASSWORD)).encode()
    r = client.post(REGISTER, content=raw, headers={"Content-Type": "application/json"})
    assert r.status_code == 201, r.text[:300]


def test_a_member_named_twice_is_400_and_registers_nobody(client):
    # Two readers could each take a different one of the two emails; neither is taken.
    first, second = unique_email("dup-a"), unique_email("dup-b")
    raw = ('{"email": "%s", "password": "%s", "name": "Dup", "email": "%s"}'
           % (first, PASSWORD, second)).encode()
    problem = assert_problem(client.post(REGISTER, content=raw,
                                         headers={"Content-Type": "application/json"}), 400)
    assert "twice" in problem["detail"], problem
    for email in (first, second):
        assert_problem(client.post("/api/v1/auth/login",
                                   json={"email": email, "password": PASSWORD}), 401)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None],
                         ids=["text", "form", "missing"])
def test_a_body_that_is_not_declared_json_is_415_and_registers_nobody(client, content_type):
    email = unique_email("media")
    raw = ('{"email": "%s", "password": "%s", "name": "Media"}' % (email, PASSWORD)).encode()
    headers = {"Content-Type": content_type} if content_type else {}
    r = client.post(REGISTER, content=raw, headers=headers)
    assert_problem(r, 415)
    assert_problem(client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD}),
                   401)


def test_json_with_a_charset_parameter_is_accepted(client):
    raw = ('{"email": "%s", "password": "%s", "name": "Charset"}'
           % (unique_email("charset"), PASSWORD)).encode()
    r = client.post(REGISTER, content=raw,
                    headers={"Content-Type": "application/json; charset=utf-8"})
    assert r.status_code == 201, r.text[:300]


def test_headers_over_the_limit_are_431(client):
    # The gateway's GATEWAY_MAX_HEADER_BYTES default, 16 KiB, for the request line and
    # headers together.
    r = client.get("/api/v1/products", headers={"X-Padding": "x" * (17 * 1024)})
    assert_problem(r, 431)


def raw_exchange(base_url: str, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Sends bytes no HTTP client library would send; reads the answer up to the close."""
    address = urlsplit(base_url)
    with socket.create_connection((address.hostname, address.port), timeout=10) as s:
        s.sendall(request)
        received = b""
        try:
            while chunk := s.recv(65536):
                received += chunk
        except ConnectionResetError:
            pass  # a server may reset once it has answered; what came before counts
    assert received, f"the gateway closed the connection without an answer to {request[:80]!r}"
    head, _, body = received.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), headers, body


def register_request(email: str, extra_header: bytes = b"", version: bytes = b"HTTP/1.1",
                     content_length: bytes | None = None) -> bytes:
    body = json.dumps({"email": email, "password": PASSWORD, "name": "Raw"}).encode()
    length = str(len(body)).encode() if content_length is None else content_length
    return (b"POST " + REGISTER.encode() + b" " + version + b"\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nContent-Length: " + length + b"\r\n"
            + extra_header + b"\r\n" + body)


@pytest.mark.parametrize(
    "malformed",
    [{"extra_header": b"X-Test: 0\x1f\r\n"}, {"extra_header": b"X-Test: a\x00b\r\n"},
     {"extra_header": b"No colon here\r\n"}, {"version": b"HTTP/9"},
     {"content_length": b"12x"}],
    ids=["control-character-in-header", "nul-in-header", "header-without-colon", "bad-version",
         "bad-content-length"],
)
def test_malformed_http_is_400_and_changes_nothing(client, stack, malformed):
    email = unique_email("raw")
    status, headers, body = raw_exchange(stack.gateway_url, register_request(email, **malformed))
    assert status == 400, (status, headers, body[:300])
    assert headers.get("content-type", "").split(";")[0] == "application/problem+json", headers
    assert headers.get("x-request-id"), headers
    problem = json.loads(body)
    assert problem["status"] == 400 and problem["title"] and problem["detail"], problem
    # The account was not created: the same registration, well-formed, still succeeds.
    r = client.post(REGISTER, json={"email": email, "password": PASSWORD, "name": "Raw"})
    assert_status(r, 201)


def test_well_formed_raw_request_is_served(client, stack):
    # The raw requests above differ from this one only in what makes them malformed.
    status, _, body = raw_exchange(stack.gateway_url,
                                   register_request(unique_email("raw"), b"Connection: close\r\n"))
    assert status == 201, body[:300]
