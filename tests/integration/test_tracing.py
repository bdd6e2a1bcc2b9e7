"""OpenTelemetry traces: user-service and api-gateway export their spans over OTLP/HTTP
(JSON) to a receiver this module runs, and one request through the gateway is one
continuous trace: the caller's span -> gateway server span -> gateway client span ->
user-service server span."""

from __future__ import annotations

import json
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from polling import wait_until

from .stack import Stack, fresh_stack
from .support import TRACEPARENT_RE, assert_status, login, register

EXPORT_DEADLINE_S = 15.0
SERVER_KIND = {2, "SPAN_KIND_SERVER"}
CLIENT_KIND = {3, "SPAN_KIND_CLIENT"}


class OtlpReceiver:
    """An OTLP/HTTP endpoint on a free 127.0.0.1 port that keeps every span posted to
    /v1/traces, flattened to dicts with the exporting service's name added."""

    def __init__(self):
        self._lock = threading.Lock()
        self._spans: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            # HTTP/1.1 so that an exporter sending "Expect: 100-continue" is answered at
            # once instead of waiting out its timeout.
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if self.path != "/v1/traces":
                    self._answer(404)
                    return
                try:
                    receiver._add(json.loads(body))
                except ValueError:
                    self._answer(400)
                    return
                self._answer(200)

            def _answer(self, status: int) -> None:
                payload = b"{}"
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _add(self, request: dict) -> None:
        found = []
        for resource_spans in request.get("resourceSpans", []):
            attributes = resource_spans.get("resource", {}).get("attributes", [])
            service = next((a["value"].get("stringValue") for a in attributes
                            if a.get("key") == "service.name"), None)
            for scope_spans in resource_spans.get("scopeSpans", []):
                for span in scope_spans.get("spans", []):
                    found.append(dict(span, service=service))
        with self._lock:
            self._spans.extend(found)

    def spans(self, trace_id: str) -> list[dict]:
        with self._lock:
            return [s for s in self._spans if s.get("traceId") == trace_id]


@pytest.fixture(scope="module")
def otlp_receiver():
    receiver = OtlpReceiver()
    receiver.start()
    yield receiver
    receiver.stop()


@pytest.fixture(scope="module")
def traced_stack(otlp_receiver):
    """user-service + api-gateway like the `stack` fixture, both exporting to the
    receiver every 100 ms, on a database of their own."""
    def export_to_receiver(stack: Stack) -> None:
        for service in (stack.user_service, stack.product_service, stack.gateway):
            service.env.update(OTEL_EXPORTER_OTLP_ENDPOINT=otlp_receiver.endpoint,
                               OTEL_EXPORTER_OTLP_PROTOCOL="http/json",
                               OTEL_BSP_SCHEDULE_DELAY="100")

    with fresh_stack(pytest.fail, export_to_receiver) as s:
        yield s


def one(spans: list[dict], description: str, predicate) -> dict:
    matching = [s for s in spans if predicate(s)]
    assert len(matching) == 1, f"expected one {description}, got {len(matching)} in {spans}"
    return matching[0]


def test_a_request_through_the_gateway_is_one_continuous_trace(traced_stack, otlp_receiver):
    with httpx.Client(base_url=traced_stack.gateway_url, timeout=10.0) as client:
        session = login(client, register(client))
        trace_id, caller_span_id = secrets.token_hex(16), secrets.token_hex(8)
        r = client.get("/api/v1/users/me", headers={
            **session.headers, "traceparent": f"00-{trace_id}-{caller_span_id}-01"})
    assert_status(r, 200)
    answered = TRACEPARENT_RE.match(r.headers.get("traceparent", ""))
    assert answered and answered.group(1) == trace_id, r.headers.get("traceparent")

    def exported():
        spans = otlp_receiver.spans(trace_id)
        services = {(s["service"], s["name"]) for s in spans}
        wanted = {("api-gateway", "GET /api/v1/users/me"),
                  ("api-gateway", "shop.user.v1.UserService/GetMe"),
                  ("user-service", "shop.user.v1.UserService/GetMe")}
        return spans if wanted <= services else None

    spans = wait_until(exported, timeout=EXPORT_DEADLINE_S,
                 message=f"gateway and user-service spans of trace {trace_id} exported")

    gateway_server = one(spans, "gateway server span", lambda s: s["service"] == "api-gateway"
                         and s["kind"] in SERVER_KIND and s["name"] == "GET /api/v1/users/me")
    gateway_client = one(spans, "gateway GetMe client span", lambda s: s["service"] == "api-gateway"
                         and s["kind"] in CLIENT_KIND and s["name"].endswith("/GetMe"))
    user_server = one(spans, "user-service GetMe server span", lambda s: s["service"] == "user-service"
                      and s["kind"] in SERVER_KIND and s["name"].endswith("/GetMe"))

    assert gateway_server["parentSpanId"] == caller_span_id
    assert gateway_client["parentSpanId"] == gateway_server["spanId"]
    assert user_server["parentSpanId"] == gateway_client["spanId"]
    # The span id the gateway answered with is the one it exported: logs and headers
    # carry the ids the collector sees.
    assert answered.group(2) == gateway_server["spanId"]

    route = {a["key"]: a["value"] for a in gateway_server.get("attributes", [])}
    assert route.get("http.route") == {"stringValue": "/api/v1/users/me"}, route
    assert route.get("http.response.status_code", {}).get("intValue") in (200, "200"), route
