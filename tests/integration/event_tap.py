"""Listening in on "shop.events" for a test: a queue of the test's own bound to the
routing-key patterns it cares about. Unnamed, the queue is exclusive and goes with the
connection; named, it is durable and outlives a broker restart (delete() removes it)."""

from __future__ import annotations

import json
import time
from typing import Callable

import pika

EXCHANGE = "shop.events"


class EventTap:
    def __init__(self, amqp_url: str, patterns: list[str], queue: str = ""):
        self._connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
        self._channel = self._connection.channel()
        # Declared as the services declare it, so whoever comes first creates it.
        self._channel.exchange_declare(EXCHANGE, exchange_type="topic", durable=True)
        declared = self._channel.queue_declare(queue, durable=bool(queue), exclusive=not queue,
                                               auto_delete=not queue)
        self._queue = declared.method.queue
        for pattern in patterns:
            self._channel.queue_bind(self._queue, EXCHANGE, routing_key=pattern)
        self.events: list[dict] = []

    def close(self) -> None:
        if self._connection.is_open:
            self._connection.close()

    def delete(self) -> None:
        self._channel.queue_delete(self._queue)
        self.close()

    def _drain(self) -> None:
        while True:
            method, _, body = self._channel.basic_get(self._queue, auto_ack=True)
            if method is None:
                return
            self.events.append(json.loads(body))

    def about(self, subject: str) -> list[dict]:
        return [e for e in self.events if e.get("subject") == subject]

    def wait(self, subject: str, done: Callable[[list[dict]], bool], what: str,
             timeout: float = 15.0) -> list[dict]:
        """The events about `subject`, in sequence order, once done(events) holds; fails
        naming `what` when the deadline passes first."""
        deadline = time.monotonic() + timeout
        while True:
            self._drain()
            seen = sorted(self.about(subject), key=lambda e: e["sequence"])
            if done(seen):
                return seen
            if time.monotonic() >= deadline:
                raise AssertionError(f"{what} about {subject} not seen within {timeout:.0f}s; "
                                     f"seen: {[e['type'] for e in seen]}")
            self._connection.sleep(0.1)  # lets pika service its connection while we poll

    def wait_for(self, subject: str, types: set[str], timeout: float = 15.0) -> list[dict]:
        """The events about `subject` once every type in `types` has arrived."""
        return self.wait(subject, lambda seen: types <= {e["type"] for e in seen},
                         f"events {sorted(types)}", timeout)
