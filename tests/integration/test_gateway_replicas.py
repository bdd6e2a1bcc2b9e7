"""Two product-service replicas behind a gateway that knows both: reads spread over them,
and when one is SIGKILLed under traffic the reads move to the other, with no failed read
(reads are retried on another instance) and writes failing at most while in flight."""

from __future__ import annotations

import re
import signal
import threading

import httpx
import pytest

from polling import wait_until

from .catalog import create_product, set_stock
from .stack import ServiceProcess, free_port

READERS = 4


def served_reads(metrics_url: str) -> int:
    text = httpx.get(metrics_url, timeout=5.0).text
    pattern = r'^shop_grpc_server_requests_total\{[^}]*method="[^"]*GetProduct"[^}]*\} (\d+)'
    return sum(int(float(m)) for m in re.findall(pattern, text, flags=re.M))


@pytest.fixture
def second_replica(stack):
    http_port, grpc_port = free_port(), free_port()
    env = dict(stack.product_service.env, PRODUCT_HTTP_PORT=str(http_port),
               PRODUCT_GRPC_PORT=str(grpc_port))
    replica = ServiceProcess("product-service", env, f"http://127.0.0.1:{http_port}/health",
                             stack.product_service.log_path.parent / "replica-2")
    replica.start()
    replica.wait_healthy()
    replica.grpc_address = f"127.0.0.1:{grpc_port}"
    replica.metrics_url = f"http://127.0.0.1:{http_port}/metrics"
    yield replica
    replica.stop(signal.SIGKILL)


@pytest.fixture
def two_replica_gateway(stack, second_replica):
    port = free_port()
    first = f"127.0.0.1:{stack.product_grpc_port}"
    env = dict(stack.gateway.env, GATEWAY_PORT=str(port),
               PRODUCT_SERVICE_GRPC_ADDR=f"{first},{second_replica.grpc_address}")
    gateway = ServiceProcess("api-gateway", env, f"http://127.0.0.1:{port}/health",
                             stack.gateway.log_path.parent / "gateway-2")
    gateway.start()
    gateway.wait_healthy()
    gateway.url = f"http://127.0.0.1:{port}"
    yield gateway
    gateway.stop()


def test_reads_spread_and_survive_a_killed_replica(client, admin, stack, second_replica,
                                                    two_replica_gateway):
    lamp = create_product(client, admin, name="Replicated lamp", price_cents=1000)
    set_stock(client, admin, lamp["id"], 5)
    first_metrics = f"{stack.product_http_url}/metrics"
    before = (served_reads(first_metrics), served_reads(second_replica.metrics_url))

    failures: list[str] = []
    counts = [0] * READERS
    stop = threading.Event()

    def read(slot: int) -> None:
        with httpx.Client(base_url=two_replica_gateway.url, timeout=5.0) as reader:
            while not stop.is_set():
                r = reader.get(f"/api/v1/products/{lamp['id']}")
                counts[slot] += 1
                if r.status_code != 200:
                    failures.append(f"{r.status_code} {r.text[:200]}")

    threads = [threading.Thread(target=read, args=(i,)) for i in range(READERS)]
    for t in threads:
        t.start()
    try:
        wait_until(lambda: served_reads(second_replica.metrics_url) - before[1] >= 50
                   and served_reads(first_metrics) - before[0] >= 50,
                   timeout=20.0, message="both replicas serving reads")
        second_replica.stop(signal.SIGKILL)
        after_kill = sum(counts)
        wait_until(lambda: sum(counts) - after_kill >= 400, timeout=30.0,
                   message="400 reads after the kill")
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=10)
    assert failures == [], failures[:5]
    health = httpx.get(f"{two_replica_gateway.url}/health", timeout=5.0)
    assert health.status_code == 200
