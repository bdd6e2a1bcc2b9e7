"""The gateway's circuit breaker for one product-service instance, seen from outside: the
instance stopped, failed calls open it and further calls are refused at once without
trying the instance; the instance back, a probe after the cool-down closes it and reads
are served again. The state is the gateway's shop_circuit_breaker_state gauge."""

import re
import time

import httpx

from polling import wait_until

from .catalog import create_product
from .support import assert_problem, assert_status

CLOSED, HALF_OPEN, OPEN = 0, 1, 2
# CircuitBreakerConfig: 5 failures in a row open it, for a 5 s cool-down.
FAILURES_TO_OPEN = 5
REFUSED_AT_ONCE_S = 0.5


def breaker_state(stack) -> int | None:
    text = httpx.get(f"{stack.gateway_url}/metrics", timeout=5.0).text
    upstream = re.escape(f"product-service/127.0.0.1:{stack.product_grpc_port}")
    found = re.search(rf'^shop_circuit_breaker_state\{{upstream="{upstream}"\}} (\d+)', text,
                      flags=re.M)
    return int(found.group(1)) if found else None


def product_calls_served(stack) -> int:
    text = httpx.get(f"{stack.product_http_url}/metrics", timeout=5.0).text
    pattern = r'^shop_grpc_server_requests_total\{[^}]*method="[^"]*GetProduct"[^}]*\} (\d+)'
    return sum(int(float(m)) for m in re.findall(pattern, text, flags=re.M))


def test_failures_open_the_breaker_and_a_probe_closes_it(client, stack, admin):
    product = create_product(client, admin, name="Breaker lamp", price_cents=500)
    path = f"/api/v1/products/{product['id']}"
    assert_status(client.get(path), 200)
    assert breaker_state(stack) == CLOSED

    stack.product_service.stop()
    try:
        def opened():
            assert_problem(client.get(path), 503)
            return breaker_state(stack) == OPEN
        wait_until(opened, timeout=20.0, interval=0.05,
                   message=f"the breaker open after {FAILURES_TO_OPEN} failures")
        started = time.monotonic()
        assert_problem(client.get(path), 503)
        assert time.monotonic() - started < REFUSED_AT_ONCE_S
    finally:
        stack.product_service.start()
        stack.product_service.wait_healthy()

    served_before = product_calls_served(stack)

    def served_again():
        r = client.get(path)
        if r.status_code == 503:
            return False
        assert_status(r, 200)
        return True
    wait_until(served_again, timeout=20.0, interval=0.2, message="reads served again")
    assert breaker_state(stack) == CLOSED
    assert product_calls_served(stack) > served_before
