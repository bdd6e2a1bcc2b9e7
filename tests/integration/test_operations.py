"""Each process's operations port: /health, /ready, /metrics; JSON log lines."""

import json
import re

import pytest

from .support import assert_status, media_type

SAMPLE_RE = re.compile(
    r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})?'
    r' ([-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|\+Inf|-Inf))( -?[0-9]+)?$')


@pytest.fixture(params=["api-gateway", "user-service"])
def ops(request, stack, client, user_service_http):
    """(name, client) for each process's HTTP port."""
    return request.param, client if request.param == "api-gateway" else user_service_http


def test_health_is_ok_with_checks(ops):
    name, c = ops
    r = c.get("/health")
    assert_status(r, 200)
    assert media_type(r) == "application/json"
    body = r.json()
    assert body["status"] == "ok", body
    assert isinstance(body["checks"], dict), body
    for check, status in body["checks"].items():
        assert status == "ok" or (isinstance(status, dict) and status.get("status") == "ok"), (check, status)


def test_user_service_health_checks_its_database(user_service_http):
    checks = user_service_http.get("/health").json()["checks"]
    assert checks, "user-service /health lists no checks"
    assert any(k in name.lower() for name in checks for k in ("postgres", "database", "db")), checks


def test_ready(ops):
    name, c = ops
    assert_status(c.get("/ready"), 200)


def parse_metrics(text: str) -> dict[str, list[tuple[str, float]]]:
    samples: dict[str, list[tuple[str, float]]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = SAMPLE_RE.match(line)
        assert m, f"not a Prometheus text-format sample line: {line!r}"
        samples.setdefault(m.group(1), []).append((m.group(2) or "", float(m.group(3))))
    return samples


def requests_total(c) -> float:
    r = c.get("/metrics")
    assert_status(r, 200)
    assert media_type(r) == "text/plain", r.headers.get("content-type")
    assert "# TYPE shop_http_requests_total counter" in r.text
    series = parse_metrics(r.text).get("shop_http_requests_total")
    assert series, "no shop_http_requests_total series"
    return sum(value for _, value in series)


def test_metrics_count_requests(ops):
    name, c = ops
    c.get("/health")
    before = requests_total(c)
    for _ in range(3):
        assert_status(c.get("/health"), 200)
    after = requests_total(c)
    assert after >= before + 3, f"{name}: shop_http_requests_total went from {before} to {after}"


def test_logs_are_json_lines(stack, client):
    client.get("/health")
    client.get("/api/v1/no-such-route")
    for svc in (stack.user_service, stack.gateway):
        lines = [line for line in svc.log_text().splitlines() if line and not line.startswith("--- start")]
        assert lines, f"{svc.name} wrote no log lines"
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                pytest.fail(f"{svc.name} log line is not JSON: {line[:300]!r}")
            assert isinstance(entry, dict), line
